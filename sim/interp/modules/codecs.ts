/**
 * `codecs`: guest Python over a host kernel, as CPython's codecs.py stands on `_codecs` (C).
 * The kernel (`_encode`/`_decode`, the text codecs of `../runtime/codecs.ts` that str.encode and
 * bytes.decode use too) converts a whole buffer in one host call; the registry (`register`,
 * `lookup` with its cache, `register_error`/`lookup_error`), `CodecInfo`, the incremental and
 * stream coders, `encode`/`decode` with CPython's wrapping of a codec's errors ("encoding with
 * 'hex' codec failed (Error: ...)"), the `_codecs` functions (`utf_8_encode`, `utf_16_ex_decode`,
 * ...) and the bytes-to-bytes/str-to-str codecs hex, base64 and rot13 are guest Python. str.encode
 * and bytes.decode reach this module (when imported) for a codec the host lacks and for a
 * registered error handler. CPython's `encodings` package is not provided: CodecInfo classes are
 * named as its modules' (`encodings.utf_8.IncrementalDecoder`).
 */
import { codecFailure, errorHook, escapeWarning } from '../objects/os-unicode-errors.js';
import { CodecError, decodeBytesEx, encodeStr, findCodec, normalizeEncoding } from '../runtime/codecs.js';
import { PyBoxed, PyBytes, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { bufferBytes, defineFn, hybridModule, newBytes } from './kit.js';

function setupCodecs(vm: Vm, m: PyModule): void {
  const str = (v: PyVal): string | null => (typeof v === 'string' ? v : v instanceof PyBoxed && typeof v.prim === 'string' ? v.prim : null);
  const codecOf = (id: PyVal): ReturnType<typeof findCodec> & object => findCodec(id as string)!;
  const errorsOf = (v: PyVal | undefined): string => {
    if (v === undefined || v === vm.None) return 'strict';
    const s = str(v);
    if (s === null) throw vm.typeErr(`argument 'errors' must be str or None, not ${vm.tn(v)}`);
    return s;
  };
  // _builtin(name): (id, CodecInfo name, is text) of a host codec, or None.
  defineFn(vm, m, '_builtin', (a) => {
    const c = findCodec(a[0] as string);
    return c === null ? vm.None : vm.newTuple([c.id, c.name, c.text]);
  });
  defineFn(vm, m, '_normalize', (a) => normalizeEncoding(a[0] as string));
  // _encode(id, fname, str, errors, bom) -> (bytes, length in code points)
  defineFn(vm, m, '_encode', (a) => {
    const s = str(a[2]!);
    if (s === null) throw vm.typeErr(`${a[1] as string}() argument 1 must be str, not ${a[2] === vm.None ? 'None' : vm.tn(a[2]!)}`);
    try {
      const b = encodeStr(s, codecOf(a[0]!), errorsOf(a[3]), errorHook(vm), a[4] === true);
      return vm.newTuple([newBytes(vm, b), Array.from(s).length]);
    } catch (e) {
      if (e instanceof CodecError) throw codecFailure(vm, e, s);
      throw e;
    }
  });
  // _decode(id, data, errors, final) -> (str, consumed, detected id or None)
  defineFn(vm, m, '_decode', (a) => {
    const d = a[1] instanceof PyBytes ? a[1].data.subarray(0, a[1].len) : bufferBytes(vm, a[1]!);
    if (d === null) throw vm.typeErr(`a bytes-like object is required, not '${vm.tn(a[1]!)}'`);
    const data = d.slice();
    try {
      const r = decodeBytesEx(data, codecOf(a[0]!), errorsOf(a[2]), vm.truthy(a[3]!), errorHook(vm), escapeWarning(vm));
      return vm.newTuple([r.text, r.consumed, r.detected ?? vm.None]);
    } catch (e) {
      if (e instanceof CodecError) throw codecFailure(vm, e, data);
      throw e;
    }
  });
}

export const codecs = hybridModule('codecs', setupCodecs, String.raw`
import builtins
import sys

__all__ = ['register', 'lookup', 'open', 'EncodedFile', 'BOM', 'BOM_BE', 'BOM_LE', 'BOM32_BE', 'BOM32_LE',
           'BOM64_BE', 'BOM64_LE', 'BOM_UTF8', 'BOM_UTF16', 'BOM_UTF16_LE', 'BOM_UTF16_BE', 'BOM_UTF32',
           'BOM_UTF32_LE', 'BOM_UTF32_BE', 'CodecInfo', 'Codec', 'IncrementalEncoder', 'IncrementalDecoder',
           'StreamReader', 'StreamWriter', 'StreamReaderWriter', 'StreamRecoder', 'getencoder', 'getdecoder',
           'getincrementalencoder', 'getincrementaldecoder', 'getreader', 'getwriter', 'encode', 'decode',
           'iterencode', 'iterdecode', 'strict_errors', 'ignore_errors', 'replace_errors',
           'xmlcharrefreplace_errors', 'backslashreplace_errors', 'namereplace_errors', 'register_error',
           'lookup_error']

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
# The machine is little-endian, as CPython on x86.
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE

_search_functions = []
_cache = {}
_error_handlers = {}


class CodecInfo(tuple):
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class Codec:
    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):
    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):
    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self._empty_charbuffer = self.charbuffertype()
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        # Decoded lines kept by readline go back first.
        if self.linebuffer:
            self.charbuffer = self._empty_charbuffer.join(self.linebuffer)
            self.linebuffer = None
        if chars < 0:
            chars = size
        while chars < 0 or len(self.charbuffer) < chars:
            newdata = self.stream.read() if size < 0 else self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            try:
                newchars, decodedbytes = self.decode(data, self.errors)
            except UnicodeDecodeError as exc:
                if not firstline:
                    raise
                newchars, decodedbytes = self.decode(data[:exc.start], self.errors)
                lines = newchars.splitlines(keepends=True)
                if len(lines) <= 1:
                    raise
            self.bytebuffer = data[decodedbytes:]
            self.charbuffer += newchars
            if not newdata:
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        if self.linebuffer:
            line = self.linebuffer[0]
            del self.linebuffer[0]
            if len(self.linebuffer) == 1:
                self.charbuffer = self.linebuffer[0]
                self.linebuffer = None
            if not keepends:
                line = line.splitlines(keepends=False)[0]
            return line
        readsize = size or 72
        line = self._empty_charbuffer
        while True:
            data = self.read(readsize, firstline=True)
            if data:
                if data.endswith('\r'):
                    data += self.read(size=1, chars=1)
            line += data
            lines = line.splitlines(keepends=True)
            if lines:
                if len(lines) > 1:
                    line = lines[0]
                    del lines[0]
                    if len(lines) > 1:
                        lines[-1] += self.charbuffer
                        self.linebuffer = lines
                        self.charbuffer = None
                    else:
                        self.charbuffer = lines[0] + self.charbuffer
                    if not keepends:
                        line = line.splitlines(keepends=False)[0]
                    break
                line0withend = lines[0]
                line0withoutend = lines[0].splitlines(keepends=False)[0]
                if line0withend != line0withoutend:
                    self.charbuffer = self._empty_charbuffer.join(lines[1:]) + self.charbuffer
                    line = line0withend if keepends else line0withoutend
                    break
            if not data or size is not None:
                if line and not keepends:
                    line = line.splitlines(keepends=False)[0]
                break
            if readsize < 8000:
                readsize *= 2
        return line

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def __getattr__(self, name, getattr=getattr):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError('htmsim: codecs.StreamRecoder is not provided')


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError('htmsim: codecs.EncodedFile is not provided')


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    if encoding is not None and 'b' not in mode:
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter, errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


# --- the registry ---------------------------------------------------------------------------

def register(search_function):
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
        _cache.clear()


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s' % type(encoding).__name__)
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    found = _builtin(encoding)
    if found is not None:
        info = _builtin_info(*found)
    else:
        for f in _search_functions:
            info = f(key)
            if info is not None:
                if not isinstance(info, tuple) or len(info) != 4:
                    raise TypeError('codec search functions must return 4-tuples')
                break
        else:
            raise LookupError('unknown encoding: %s' % encoding)
    _cache[key] = info
    return info


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


# CPython re-raises a codec's plain exception as one of the same type naming the codec (the
# original as its cause); exceptions with their own constructor or attributes pass unchanged.
_UNWRAPPED = (UnicodeError, OSError, SyntaxError, StopIteration, ImportError, AttributeError, NameError,
              SystemExit, KeyboardInterrupt)


def _wrapped(exc, operation, encoding):
    t = type(exc)
    if isinstance(exc, _UNWRAPPED) or getattr(exc, '__dict__', None) or len(exc.args) > 1:
        return None
    for k in t.__mro__:
        if k.__module__ == 'builtins':
            break
        if '__init__' in k.__dict__ or '__new__' in k.__dict__:
            return None
    try:
        return t('%s with %r codec failed (%s: %s)' % (operation, encoding, t.__name__, exc))
    except Exception:
        return None


def encode(obj, encoding='utf-8', errors='strict'):
    encoder = lookup(encoding).encode
    try:
        return encoder(obj, errors)[0]
    except Exception as exc:
        new = _wrapped(exc, 'encoding', encoding)
        if new is None:
            raise
        raise new from exc


def decode(obj, encoding='utf-8', errors='strict'):
    decoder = lookup(encoding).decode
    try:
        return decoder(obj, errors)[0]
    except Exception as exc:
        new = _wrapped(exc, 'decoding', encoding)
        if new is None:
            raise
        raise new from exc


# What str.encode / bytes.decode call for a codec the host does not know.
def _encode_text(s, encoding, errors):
    info = lookup(encoding)
    if not info._is_text_encoding:
        raise LookupError("'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs" % encoding)
    try:
        r = info.encode(s, errors)
    except Exception as exc:
        new = _wrapped(exc, 'encoding', encoding)
        if new is None:
            raise
        raise new from exc
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    v = r[0]
    if isinstance(v, bytearray):
        v = bytes(v)
    if not isinstance(v, bytes):
        raise TypeError("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types"
                        % (encoding, type(v).__name__))
    return v


def _decode_text(b, encoding, errors):
    info = lookup(encoding)
    if not info._is_text_encoding:
        raise LookupError("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs" % encoding)
    try:
        r = info.decode(b, errors)
    except Exception as exc:
        new = _wrapped(exc, 'decoding', encoding)
        if new is None:
            raise
        raise new from exc
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError('decoder must return a tuple (object,integer)')
    v = r[0]
    if not isinstance(v, str):
        raise TypeError("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types"
                        % (encoding, type(v).__name__))
    return v


# --- error handlers -------------------------------------------------------------------------

def register_error(name, handler):
    if not isinstance(name, str):
        raise TypeError('register_error() argument 1 must be str, not %s' % type(name).__name__)
    if not callable(handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = handler


def _cant(exc):
    if not isinstance(exc, BaseException):
        raise TypeError("codec must pass exception instance")
    raise TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    _cant(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    _cant(exc)


def _escape(c):
    n = ord(c)
    if n < 0x100:
        return '\\x%02x' % n
    if n < 0x10000:
        return '\\u%04x' % n
    return '\\U%08x' % n


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_escape(c) for c in exc.object[exc.start:exc.end]), exc.end)
    _cant(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    _cant(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            n = unicodedata.name(c, None)
            out.append(_escape(c) if n is None else '\\N{%s}' % n)
        return (''.join(out), exc.end)
    _cant(exc)


def _surrogateescape(exc):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end][:4]:
            if b < 128:
                break
            out.append(chr(0xdc00 + b))
        if not out:
            raise exc
        return (''.join(out), exc.start + len(out))
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            if not 0xdc80 <= ord(c) <= 0xdcff:
                raise exc
            out.append(ord(c) - 0xdc00)
        return (bytes(out), exc.end)
    _cant(exc)


def _surrogatepass(exc):
    if isinstance(exc, UnicodeEncodeError):
        enc = exc.encoding.lower().replace('_', '-')
        if enc not in ('utf-8', 'utf8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
            raise exc
        s = exc.object[exc.start:exc.end]
        if any(not 0xd800 <= ord(c) <= 0xdfff for c in s):
            raise exc
        return (s.encode(enc.replace('utf-16', 'utf-16-le') if enc in ('utf-16', 'utf-32') else enc, 'surrogatepass'), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        raise exc
    _cant(exc)


_surrogateescape.__name__ = _surrogateescape.__qualname__ = 'surrogateescape'
_surrogatepass.__name__ = _surrogatepass.__qualname__ = 'surrogatepass'

_BUILTIN_HANDLERS = {
    'strict': strict_errors, 'ignore': ignore_errors, 'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors, 'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors, 'surrogateescape': _surrogateescape, 'surrogatepass': _surrogatepass,
}


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError('lookup_error() argument must be str, not %s' % type(name).__name__)
    h = _BUILTIN_HANDLERS.get(name)
    if h is None:
        h = _error_handlers.get(name)
    if h is None:
        raise LookupError("unknown error handler name '%s'" % name)
    return h


# --- the _codecs functions ------------------------------------------------------------------

def _encoder(cid, fname):
    def f(str, errors=None):
        return _encode(cid, fname, str, errors, True)
    f.__name__ = f.__qualname__ = fname
    return f


def _decoder(cid, fname, final_default):
    def f(data, errors=None, final=final_default):
        r = _decode(cid, data, errors, final)
        return (r[0], r[1])
    f.__name__ = f.__qualname__ = fname
    return f


def _plain_decoder(cid, fname):
    def f(data, errors=None):
        r = _decode(cid, data, errors, True)
        return (r[0], r[1])
    f.__name__ = f.__qualname__ = fname
    return f


utf_8_encode = _encoder('utf_8', 'utf_8_encode')
utf_8_decode = _decoder('utf_8', 'utf_8_decode', False)
utf_16_le_encode = _encoder('utf_16_le', 'utf_16_le_encode')
utf_16_le_decode = _decoder('utf_16_le', 'utf_16_le_decode', False)
utf_16_be_encode = _encoder('utf_16_be', 'utf_16_be_encode')
utf_16_be_decode = _decoder('utf_16_be', 'utf_16_be_decode', False)
utf_16_decode = _decoder('utf_16', 'utf_16_decode', False)
utf_32_le_encode = _encoder('utf_32_le', 'utf_32_le_encode')
utf_32_le_decode = _decoder('utf_32_le', 'utf_32_le_decode', False)
utf_32_be_encode = _encoder('utf_32_be', 'utf_32_be_encode')
utf_32_be_decode = _decoder('utf_32_be', 'utf_32_be_decode', False)
utf_32_decode = _decoder('utf_32', 'utf_32_decode', False)
ascii_encode = _encoder('ascii', 'ascii_encode')
ascii_decode = _plain_decoder('ascii', 'ascii_decode')
latin_1_encode = _encoder('latin_1', 'latin_1_encode')
latin_1_decode = _plain_decoder('latin_1', 'latin_1_decode')
unicode_escape_encode = _encoder('unicode_escape', 'unicode_escape_encode')
unicode_escape_decode = _decoder('unicode_escape', 'unicode_escape_decode', True)
raw_unicode_escape_encode = _encoder('raw_unicode_escape', 'raw_unicode_escape_encode')
raw_unicode_escape_decode = _decoder('raw_unicode_escape', 'raw_unicode_escape_decode', True)


def _order_encoder(base, fname):
    def f(str, errors=None, byteorder=0):
        if byteorder == 0:
            return _encode(base, fname, str, errors, True)
        return _encode(base + ('_le' if byteorder < 0 else '_be'), fname, str, errors, True)
    f.__name__ = f.__qualname__ = fname
    return f


def _ex_decoder(base, fname):
    def f(data, errors=None, byteorder=0, final=False):
        cid = base if byteorder == 0 else base + ('_le' if byteorder < 0 else '_be')
        text, consumed, detected = _decode(cid, data, errors, final)
        order = byteorder
        if byteorder == 0 and detected is not None and consumed > 0:
            order = 0
            if data[:2] in (b'\xff\xfe', b'\xfe\xff') and base == 'utf_16':
                order = -1 if data[:2] == b'\xff\xfe' else 1
            elif data[:4] in (b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff') and base == 'utf_32':
                order = -1 if data[:4] == b'\xff\xfe\x00\x00' else 1
        return (text, consumed, order)
    f.__name__ = f.__qualname__ = fname
    return f


utf_16_encode = _order_encoder('utf_16', 'utf_16_encode')
utf_32_encode = _order_encoder('utf_32', 'utf_32_encode')
utf_16_ex_decode = _ex_decoder('utf_16', 'utf_16_ex_decode')
utf_32_ex_decode = _ex_decoder('utf_32', 'utf_32_ex_decode')


# --- the built-in codecs' CodecInfo ---------------------------------------------------------

class _TextIncrementalEncoder(IncrementalEncoder):
    _cid = None

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self._first = True

    def encode(self, input, final=False):
        r = _encode(self._cid, self._cid + '_encode', input, self.errors, self._first)[0]
        self._first = False
        return r

    def reset(self):
        self._first = True

    def getstate(self):
        return 2 if self._first and self._cid in ('utf_16', 'utf_32') else int(self._first)

    def setstate(self, state):
        self._first = bool(state)


def _next_codec(current, consumed, detected):
    # After the first decode a BOM-reading codec goes on in the byte order its BOM chose;
    # utf-16 and utf-32 streams must start with one.
    if detected is not None:
        return detected
    if current in ('utf_16', 'utf_32') and consumed >= (2 if current == 'utf_16' else 4):
        raise UnicodeError('UTF-%s stream does not start with BOM' % current[4:])
    return current


class _TextIncrementalDecoder(BufferedIncrementalDecoder):
    _cid = None

    def __init__(self, errors='strict'):
        BufferedIncrementalDecoder.__init__(self, errors)
        self._current = self._cid

    def _buffer_decode(self, input, errors, final):
        text, consumed, detected = _decode(self._current, input, errors, final)
        self._current = _next_codec(self._current, consumed, detected)
        return (text, consumed)

    def reset(self):
        BufferedIncrementalDecoder.reset(self)
        self._current = self._cid


class _TextStreamWriter(StreamWriter):
    _cid = None

    def __init__(self, stream, errors='strict'):
        StreamWriter.__init__(self, stream, errors)
        self._first = True

    def encode(self, input, errors='strict'):
        r = _encode(self._cid, self._cid + '_encode', input, errors, self._first)
        self._first = False
        return r

    def reset(self):
        self._first = True


class _TextStreamReader(StreamReader):
    _cid = None

    def __init__(self, stream, errors='strict'):
        StreamReader.__init__(self, stream, errors)
        self._current = self._cid

    def decode(self, input, errors='strict'):
        text, consumed, detected = _decode(self._current, input, errors, False)
        self._current = _next_codec(self._current, consumed, detected)
        return (text, consumed)

    def reset(self):
        StreamReader.reset(self)
        self._current = self._cid


def _text_info(cid, name):
    ns = {'_cid': cid, '__module__': 'encodings.' + cid}
    enc = globals().get(cid + '_encode')
    if enc is None:
        def enc(input, errors='strict'):
            return _encode(cid, cid + '_encode', input, errors, True)
        enc.__name__ = enc.__qualname__ = 'encode'

    def decode(input, errors='strict'):
        r = _decode(cid, input, errors, True)
        return (r[0], r[1])
    decode.__qualname__ = 'decode'
    return CodecInfo(
        name=name, encode=enc, decode=decode,
        incrementalencoder=type('IncrementalEncoder', (_TextIncrementalEncoder,), dict(ns)),
        incrementaldecoder=type('IncrementalDecoder', (_TextIncrementalDecoder,), dict(ns)),
        streamwriter=type('StreamWriter', (_TextStreamWriter,), dict(ns)),
        streamreader=type('StreamReader', (_TextStreamReader,), dict(ns)))


# hex, base64 (bytes to bytes over binascii/base64) and rot13 (str to str), as CPython's.

def _hex_encode(input, errors='strict'):
    import binascii
    return (binascii.b2a_hex(input), len(input))


def _hex_decode(input, errors='strict'):
    import binascii
    return (binascii.a2b_hex(input), len(input))


def _base64_encode(input, errors='strict'):
    import base64
    return (base64.encodebytes(input), len(input))


def _base64_decode(input, errors='strict'):
    import base64
    return (base64.decodebytes(input), len(input))


_rot13_map = {}
for _i in range(26):
    _rot13_map[ord('a') + _i] = ord('a') + (_i + 13) % 26
    _rot13_map[ord('A') + _i] = ord('A') + (_i + 13) % 26
del _i


def _rot13_encode(input, errors='strict'):
    return (str.translate(input, _rot13_map), len(input))


_rot13_decode = _rot13_encode


def _binary_info(cid, name, encode, decode):
    class IncrementalEncoder_(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class IncrementalDecoder_(IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    class StreamWriter_(StreamWriter):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

    class StreamReader_(StreamReader):
        charbuffertype = bytes if cid != 'rot_13' else str

        def decode(self, input, errors='strict'):
            return decode(input, errors)

    classes = []
    for k, n in ((IncrementalEncoder_, 'IncrementalEncoder'), (IncrementalDecoder_, 'IncrementalDecoder'),
                 (StreamWriter_, 'StreamWriter'), (StreamReader_, 'StreamReader')):
        k.__name__ = k.__qualname__ = n
        k.__module__ = 'encodings.' + cid
        classes.append(k)
    return CodecInfo(name=name, encode=encode, decode=decode, incrementalencoder=classes[0],
                     incrementaldecoder=classes[1], streamwriter=classes[2], streamreader=classes[3],
                     _is_text_encoding=False)


for _f in (_hex_encode, _hex_decode, _base64_encode, _base64_decode, _rot13_encode):
    _f.__name__ = _f.__qualname__ = _f.__name__[1:]
del _f


def _builtin_info(cid, name, text):
    if text:
        return _text_info(cid, name)
    if cid == 'hex_codec':
        return _binary_info(cid, name, _hex_encode, _hex_decode)
    if cid == 'base64_codec':
        return _binary_info(cid, name, _base64_encode, _base64_decode)
    return _binary_info(cid, name, _rot13_encode, _rot13_decode)
`);
