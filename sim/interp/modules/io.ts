/**
 * `io` in guest Python: `StringIO` and `BytesIO`, in-memory streams on a guest list of chunks
 * (appends at the end stay amortized O(1); a read, seek or overwrite joins them first).
 */
import { pythonModule } from './kit.js';

export const io = pythonModule('io', String.raw`
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class _MemoryIO:
    _empty = ''
    _kind = 'str'

    def __init__(self, initial=None):
        self._closed = False
        self._parts = []
        self._buf = self._empty
        self._pos = 0
        if initial is not None:
            self._check(initial)
            self._buf = self._copy(initial)

    def _copy(self, data):
        return data

    def _check(self, data):
        if not isinstance(data, str):
            raise TypeError('initial_value must be str or None, not %s' % type(data).__name__)

    def _flat(self):
        if self._parts:
            self._buf = self._empty.join([self._buf] + self._parts)
            self._parts = []
        return self._buf

    _closed_msg = 'I/O operation on closed file.'
    _negative_seek = 'negative seek value %d'

    def _open(self):
        if self._closed:
            raise ValueError(self._closed_msg)

    def _open_dot(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._parts = []

    def __enter__(self):
        self._open_dot()
        return self

    def __exit__(self, *exc):
        self.close()

    def readable(self):
        self._open()
        return True

    def writable(self):
        self._open()
        return True

    def seekable(self):
        self._open()
        return True

    def isatty(self):
        self._open()
        return False

    def flush(self):
        if not isinstance(self, StringIO):
            self._open()

    def getvalue(self):
        self._open()
        return self._flat()

    def tell(self):
        self._open()
        return self._pos

    def seek(self, pos, whence=0):
        self._open()
        if whence == 0:
            if pos < 0:
                raise ValueError(self._negative_seek % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._flat()) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def write(self, s):
        self._open()
        self._check_write(s)
        n = len(s)
        if n == 0:
            return 0
        end = len(self._buf)
        for p in self._parts:
            end += len(p)
        if self._pos == end:
            self._parts.append(self._copy(s))
        else:
            buf = self._flat()
            if self._pos > len(buf):
                buf = buf + self._pad(self._pos - len(buf))
            self._buf = buf[:self._pos] + s + buf[self._pos + n:]
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._open()
        buf = self._flat()
        if size is None or size < 0:
            size = len(buf)
        r = buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._open()
        buf = self._flat()
        nl = self._newline
        i = buf.find(nl, self._pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = buf[self._pos:end]
        self._pos += len(r)
        return r

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def truncate(self, size=None):
        self._open()
        buf = self._flat()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('negative size value %d' % size)
        self._buf = buf[:size]
        return size

    def __iter__(self):
        if isinstance(self, StringIO):
            self._open_dot()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_MemoryIO):
    _newline = '\n'
    _closed_msg = 'I/O operation on closed file'
    _negative_seek = 'Negative seek position %d'

    def __init__(self, initial_value='', newline='\n'):
        _MemoryIO.__init__(self, initial_value)

    def _check_write(self, s):
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)

    def _pad(self, n):
        return '\0' * n


class BytesIO(_MemoryIO):
    _empty = b''
    _newline = b'\n'

    def __init__(self, initial_bytes=None):
        _MemoryIO.__init__(self, initial_bytes)

    def _check(self, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)

    def _copy(self, data):
        return bytes(data)

    def _check_write(self, s):
        self._check(s)

    def _pad(self, n):
        return bytes(n)

    def getbuffer(self):
        return bytearray(self.getvalue())

    def read1(self, size=-1):
        return self.read(size)
`);
