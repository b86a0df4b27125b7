/**
 * `io` in guest Python: `StringIO` and `BytesIO`, in-memory streams on a guest list of chunks
 * (appends at the end stay amortized O(1); a read, seek or overwrite joins them first), and
 * `open` (also the builtin) on the run's in-memory file system (`_memfs`, os.ts): a file opened
 * for reading must have been written by the program; a written file is stored when it is flushed
 * or closed.
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
        if not isinstance(data, (bytes, bytearray, memoryview)):
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


class _FileMixin:
    # A file of the in-memory file system: a StringIO or BytesIO whose content is stored under
    # its path on flush and close (as the bytes it encodes to).
    def _setup(self, name, mode, key, readable, writable, encoding):
        self.name = name
        self.mode = mode
        self._key = key
        self._readable = readable
        self._writable = writable
        self._encoding = encoding

    def readable(self):
        self._open()
        return self._readable

    def writable(self):
        self._open()
        return self._writable

    def _need(self, allowed, what):
        if not allowed:
            self._open()
            raise UnsupportedOperation('not ' + what)

    def read(self, size=-1):
        self._need(self._readable, 'readable')
        return _MemoryIO.read(self, size)

    def readline(self, size=-1):
        self._need(self._readable, 'readable')
        return _MemoryIO.readline(self, size)

    def write(self, s):
        self._need(self._writable, 'writable')
        if self._encoding is not None and not isinstance(s, str):
            raise TypeError('write() argument must be str, not %s' % type(s).__name__)
        return _MemoryIO.write(self, s)

    def flush(self):
        self._open()
        if self._writable:
            import _memfs
            # A file removed while open keeps its data to itself, as an unlinked inode does.
            if self._key in _memfs.files:
                data = self._flat()
                _memfs.files[self._key] = data if self._encoding is None else data.encode(self._encoding)

    def close(self):
        if not self._closed:
            self.flush()
        _MemoryIO.close(self)

    def fileno(self):
        self._open()
        return 3

    def __repr__(self):
        if self._encoding is None:
            kind = 'BufferedWriter' if self._writable and not self._readable else 'BufferedReader'
            return "<_io.%s name=%r>" % (kind, self.name)
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self._encoding)


class TextIOWrapper(_FileMixin, StringIO):
    _closed_msg = 'I/O operation on closed file.'

    def getvalue(self):
        raise AttributeError("'_io.TextIOWrapper' object has no attribute 'getvalue'")


class BufferedIO(_FileMixin, BytesIO):
    pass


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    import _memfs
    from posixpath import abspath
    if isinstance(file, int):
        raise OSError(9, 'Bad file descriptor')
    if not isinstance(file, str):
        import os
        file = os.fspath(file)
        if isinstance(file, bytes):
            file = file.decode()
    if not isinstance(mode, str):
        raise TypeError('open() argument \'mode\' must be str, not %s' % type(mode).__name__)
    kinds = [c for c in mode if c in 'rwxa']
    if any(c not in 'rwxabt+' for c in mode) or len(set(mode)) != len(mode):
        raise ValueError('invalid mode: %r' % mode)
    if 'b' in mode and 't' in mode:
        raise ValueError("can't have text and binary mode at once")
    if len(kinds) != 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    binary = 'b' in mode
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    kind = kinds[0]
    key = abspath(file) if file else ''
    if key in _memfs.dirs:
        raise IsADirectoryError(21, 'Is a directory', file)
    if key in _memfs.files:
        if kind == 'x':
            raise FileExistsError(17, 'File exists', file)
    elif kind == 'r' or _memfs.create(key):
        code = _memfs.lookup_errno(key)
        raise OSError(code, 'Not a directory' if code == 20 else 'No such file or directory', file)
    data = b'' if kind == 'w' else _memfs.files[key]
    if kind == 'w':
        _memfs.files[key] = data
    readable = kind == 'r' or '+' in mode
    writable = kind != 'r' or '+' in mode
    if binary:
        f = BufferedIO(data)
        f._setup(file, mode, key, readable, writable, None)
    else:
        enc = 'UTF-8' if encoding is None else encoding
        text = data.decode(enc, errors or 'strict')
        if newline is None:
            text = text.replace('\r\n', '\n').replace('\r', '\n')
        f = TextIOWrapper(text)
        f._setup(file, mode, key, readable, writable, enc)
    if kind == 'a':
        f.seek(0, 2)
    return f
`);