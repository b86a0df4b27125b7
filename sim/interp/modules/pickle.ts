/**
 * `pickle` in guest Python: protocols 2 to 5, written opcode for opcode as CPython 3.11's C pickler
 * writes them (framing, MEMOIZE, batches of 1000, the short forms of ints, strs, bytes and tuples,
 * STACK_GLOBAL, NEWOBJ/REDUCE/BUILD from `__reduce_ex__`), so `dumps` gives CPython's bytes for the
 * same objects; the unpickler reads every opcode of protocols 0 to 5. Pickles are guest data like
 * any other, so their memory traffic is simulated. Strings and other values htmsim keeps unboxed
 * share one memo entry when equal (CPython memoizes each distinct str object once).
 */
import { pythonModule } from './kit.js';

export const pickle = pythonModule('pickle', String.raw`
import builtins as _builtins
import copyreg as _copyreg
import io as _io
import struct as _struct
import sys as _sys

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler', 'dump', 'dumps',
           'load', 'loads', 'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
_BATCHSIZE = 1000
_FRAME_TARGET = 64 * 1024
_FRAME_MIN = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


_nil = []


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'


def _encode_long(x):
    # Two's complement, little-endian, in the fewest bytes (LONG1/LONG4's payload).
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


# Protocol 2's names for modules Python 3 renamed (fix_imports).
_REVERSE_IMPORT = {'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue'}
_IMPORT_MAP = {v: k for k, v in _REVERSE_IMPORT.items()}


def _getattribute(obj, name):
    for sub in name.split('.'):
        if sub == '<locals>':
            raise AttributeError("Can't get local attribute %r on %r" % (name, obj))
        parent = obj
        obj = getattr(obj, sub)
    return obj, parent


class _Framer:
    def __init__(self, write):
        self.file_write = write
        self.current = None

    def start(self):
        self.current = bytearray()

    def end(self):
        if self.current is not None:
            self.commit(True)
            self.current = None

    def commit(self, force=False):
        cur = self.current
        if cur is None:
            return
        if force or len(cur) >= _FRAME_TARGET:
            if len(cur) >= _FRAME_MIN:
                self.file_write(FRAME + _struct.pack('<Q', len(cur)))
            self.file_write(bytes(cur))
            self.current = bytearray()

    def write(self, data):
        if self.current is not None:
            self.current += data
        else:
            self.file_write(data)

    def write_large(self, header, payload):
        # A payload of a frame's size or more goes out unframed, after the frame so far.
        if self.current is not None:
            self.commit(True)
            self.file_write(header)
            self.file_write(payload)
        else:
            self.file_write(header + payload)


class _Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError('pickle protocol must be <= %d' % HIGHEST_PROTOCOL)
        if protocol < 2:
            raise ValueError('htmsim pickles with protocols 2 to 5 (protocol %d asked)' % protocol)
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.proto = protocol
        self.fix_imports = fix_imports and protocol < 3
        self.memo = {}
        self.bin = True
        self.fast = 0
        self.framer = _Framer(self._file_write)

    def clear_memo(self):
        self.memo.clear()

    def write(self, data):
        self.framer.write(data)

    def dump(self, obj):
        if not hasattr(self, '_file_write'):
            raise PicklingError('Pickler.__init__() was not called by %s.__init__()' % type(self).__name__)
        self._file_write(PROTO + bytes([self.proto]))
        if self.proto >= 4:
            self.framer.start()
        self.save(obj)
        self.write(STOP)
        self.framer.end()

    # -- memo

    def memoize(self, obj):
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif idx < 256:
            self.write(BINPUT + bytes([idx]))
        else:
            self.write(LONG_BINPUT + _struct.pack('<I', idx))
        self.memo[id(obj)] = (idx, obj)

    def get(self, idx):
        if idx < 256:
            return BINGET + bytes([idx])
        return LONG_BINGET + _struct.pack('<I', idx)

    # -- save

    def save(self, obj, save_persistent_id=True):
        t = type(obj)
        if obj is None:
            self.write(NONE)
            return
        if t is bool:
            self.write(NEWTRUE if obj else NEWFALSE)
            return
        if t is int:
            self.save_long(obj)
            return
        if t is float:
            self.write(BINFLOAT + _struct.pack('>d', obj))
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        # The C pickler's order past the exact containers: reducer_override, then Python
        # functions and classes by reference, then the dispatch table (the Pickler's own, else
        # copyreg's), then metaclass instances by reference, then __reduce_ex__.
        rv = NotImplemented
        reducer_override = getattr(self, 'reducer_override', None)
        if reducer_override is not None:
            rv = reducer_override(obj)
        if rv is NotImplemented:
            if t is _FunctionType or t is type:
                self.save_global(obj)
                return
            table = getattr(self, 'dispatch_table', None)
            if table is None:
                table = _copyreg.dispatch_table
            try:
                reduce = table[t]
            except KeyError:
                reduce = None
            if reduce is not None:
                rv = reduce(obj)
            elif issubclass(t, type) or t is _BuiltinType:
                self.save_global(obj)
                return
            else:
                reduce = getattr(type(obj), '__reduce__', None)
                if reduce is not None and reduce is not object.__reduce__:
                    rv = reduce(obj)
                else:
                    reduce_ex = getattr(obj, '__reduce_ex__', None)
                    if reduce_ex is None:
                        raise PicklingError("Can't pickle %r object: %r" % (t.__name__, obj))
                    rv = reduce_ex(self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError('__reduce__ must return a string or tuple')
        if not 2 <= len(rv) <= 6:
            raise PicklingError('tuple returned by __reduce__ must contain 2 through 6 elements')
        rv = rv + (None,) * (6 - len(rv))
        func, args, state, listitems, dictitems, setter = rv
        self.save_reduce(func, args, state, listitems, dictitems, setter, obj=obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError('args from save_reduce() must be a tuple')
        if not callable(func):
            raise PicklingError('func from save_reduce() must be callable')
        write = self.write
        func_name = getattr(func, '__name__', '')
        if func_name == '__newobj_ex__':
            cls, args, kwargs = args
            self.save(cls)
            self.save(args)
            self.save(kwargs)
            write(NEWOBJ_EX)
        elif func_name == '__newobj__':
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError('args[0] from __newobj__ args has no __new__')
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('args[0] from __newobj__ args has the wrong class')
            self.save(cls)
            self.save(args[1:])
            write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    def save_long(self, obj):
        if obj >= 0:
            if obj <= 0xff:
                self.write(BININT1 + bytes([obj]))
                return
            if obj <= 0xffff:
                self.write(BININT2 + _struct.pack('<H', obj))
                return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + _struct.pack('<i', obj))
            return
        encoded = _encode_long(obj)
        n = len(encoded)
        if n < 256:
            self.write(LONG1 + bytes([n]) + encoded)
        else:
            self.write(LONG4 + _struct.pack('<i', n) + encoded)

    def _write_sized(self, header, payload):
        if self.proto >= 4 and len(payload) >= _FRAME_TARGET:
            self.framer.write_large(header, payload)
        else:
            self.write(header + payload)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode, (obj.decode('latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + bytes([n]) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_sized(BINBYTES8 + _struct.pack('<Q', n), obj)
        else:
            self._write_sized(BINBYTES + _struct.pack('<I', n), obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._write_sized(BYTEARRAY8 + _struct.pack('<Q', len(obj)), bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        encoded = obj.encode('utf-8', 'surrogatepass')
        n = len(encoded)
        if n <= 0xff and self.proto >= 4:
            self.write(SHORT_BINUNICODE + bytes([n]) + encoded)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_sized(BINUNICODE8 + _struct.pack('<Q', n), encoded)
        else:
            self._write_sized(BINUNICODE + _struct.pack('<I', n), encoded)
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3:
            for element in obj:
                save(element)
            if id(obj) in memo:
                get = self.get(memo[id(obj)][0])
                self.write(POP * n + get)
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        self.write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            self.write(POP_MARK + self.get(memo[id(obj)][0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def _save_items(self, batch, pairs):
        for x in batch:
            if pairs:
                self.save(x[0])
                self.save(x[1])
            else:
                self.save(x)

    def _marked(self, items, pairs, op):
        # An exact list, dict or set: every batch is marked, even a last one of one item.
        for batch in _chunks(items):
            self.write(MARK)
            self._save_items(batch, pairs)
            self.write(op)

    def _batch(self, items, pairs, one, many):
        # Items from __reduce__ (an iterator): a batch of one item goes without a mark.
        for batch in _chunks(items):
            if len(batch) > 1:
                self.write(MARK)
                self._save_items(batch, pairs)
                self.write(many)
            else:
                self._save_items(batch, pairs)
                self.write(one)

    def _batch_appends(self, items):
        self._batch(items, False, APPEND, APPENDS)

    def _batch_setitems(self, items):
        self._batch(items, True, SETITEM, SETITEMS)

    def save_list(self, obj):
        self.write(EMPTY_LIST)
        self.memoize(obj)
        if len(obj) == 1:
            self.save(obj[0])
            self.write(APPEND)
        else:
            self._marked(obj, False, APPENDS)

    def save_dict(self, obj):
        self.write(EMPTY_DICT)
        self.memoize(obj)
        if len(obj) == 1:
            self._save_items(obj.items(), True)
            self.write(SETITEM)
        else:
            self._marked(obj.items(), True, SETITEMS)

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        self._marked(obj, False, ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for x in obj:
            self.save(x)
        if id(obj) in self.memo:
            self.write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
        if obj is _codecs_encode:
            module_name = '_codecs'
            obj2 = obj
        else:
            module_name = _whichmodule(obj, name)
            if '<locals>' in name.split('.'):
                raise AttributeError("Can't pickle local object %r" % name)
            try:
                __import__(module_name)
                module = _sys.modules[module_name]
                obj2, parent = _getattribute(module, name)
            except (ImportError, KeyError, AttributeError):
                raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed" % (obj, name, module_name)) from None
        if obj2 is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module_name, name))
        code = _copyreg._extension_registry.get((module_name, name))
        if code:
            # A registered extension code stands for the global (and is not memoized).
            if code <= 0xff:
                self.write(EXT1 + bytes([code]))
            elif code <= 0xffff:
                self.write(EXT2 + _struct.pack('<H', code))
            else:
                self.write(EXT4 + _struct.pack('<i', code))
            return
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            if '.' in name:
                raise PicklingError("can't pickle global identifier '%s.%s' using pickle protocol %i" % (module_name, name, self.proto))
            if self.fix_imports:
                if module_name == 'builtins' and isinstance(obj, type) and issubclass(obj, BaseException):
                    module_name = 'exceptions'
                else:
                    module_name = _REVERSE_IMPORT.get(module_name, module_name)
            self.write(GLOBAL + module_name.encode('utf-8') + b'\n' + name.encode('utf-8') + b'\n')
        self.memoize(obj)

    dispatch = {}


def _chunks(items):
    # Batches of up to _BATCHSIZE items, drawn as the pickler goes (items may be an iterator).
    it = iter(items)
    while True:
        batch = []
        for x in it:
            batch.append(x)
            if len(batch) == _BATCHSIZE:
                break
        if batch:
            yield batch
        if len(batch) < _BATCHSIZE:
            return


def _whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    if getattr(_builtins, name, None) is obj:
        return 'builtins'
    for module_name, module in list(_sys.modules.items()):
        if module_name == '__main__' or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _codecs_encode(obj, encoding):
    return obj.encode(encoding)


_codecs_encode.__module__ = '_codecs'
_codecs_encode.__name__ = 'encode'
_codecs_encode.__qualname__ = 'encode'

_Pickler.dispatch[bytes] = _Pickler.save_bytes
_Pickler.dispatch[bytearray] = _Pickler.save_bytearray
_Pickler.dispatch[str] = _Pickler.save_str
_Pickler.dispatch[tuple] = _Pickler.save_tuple
_Pickler.dispatch[list] = _Pickler.save_list
_Pickler.dispatch[dict] = _Pickler.save_dict
_Pickler.dispatch[set] = _Pickler.save_set
_Pickler.dispatch[frozenset] = _Pickler.save_frozenset
_FunctionType = type(_encode_long)
_BuiltinType = type(len)


class _Unframer:
    def __init__(self, read, readline):
        self.file_read = read
        self.file_readline = readline
        self.frame = None

    def read(self, n):
        if self.frame is not None:
            data = self.frame.read(n)
            if not data and n != 0:
                self.frame = None
                return self.file_read(n)
            if len(data) < n:
                raise UnpicklingError('pickle exhausted before end of frame')
            return data
        return self.file_read(n)

    def readline(self):
        data = self._readline()
        if not data.endswith(b'\n'):
            raise UnpicklingError('pickle data was truncated')
        return data

    def _readline(self):
        if self.frame is not None:
            data = self.frame.readline()
            if not data:
                self.frame = None
                return self.file_readline()
            if data[-1] != 10:
                raise UnpicklingError('pickle exhausted before end of frame')
            return data
        return self.file_readline()

    def load_frame(self, size):
        if self.frame is not None and self.frame.read() != b'':
            raise UnpicklingError('beginning of a new frame before end of current frame')
        self.frame = _io.BytesIO(self.file_read(size))


class _Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
        self._file_readline = file.readline
        self._file_read = file.read
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        if not hasattr(self, '_file_read'):
            raise UnpicklingError('Unpickler.__init__() was not called by %s.__init__()' % type(self).__name__)
        self._unframer = _Unframer(self._file_read, self._file_readline)
        self.read = self._unframer.read
        self.readline = self._unframer.readline
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        dispatch = self.dispatch
        try:
            first = True
            while True:
                key = self.read(1)
                if not key:
                    if first:
                        raise EOFError('Ran out of input')
                    raise UnpicklingError('pickle data was truncated')
                first = False
                f = dispatch.get(key[0])
                if f is None:
                    if key[0] in (NEXT_BUFFER[0], READONLY_BUFFER[0]):
                        raise UnpicklingError('pickle stream refers to out-of-band data but no *buffers* argument was given')
                    raise UnpicklingError('invalid load key, %r.' % key)
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module = 'builtins' if module == 'exceptions' else _IMPORT_MAP.get(module, module)
        if module == '_codecs' and name == 'encode':
            return _codecs_encode
        __import__(module)
        if self.proto >= 4:
            return _getattribute(_sys.modules[module], name)[0]
        return getattr(_sys.modules[module], name)

    def _need(self, n):
        data = self.read(n)
        if len(data) < n:
            raise UnpicklingError('pickle data was truncated')
        return data

    def load_proto(self):
        proto = self._need(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError('unsupported pickle protocol: %d' % proto)
        self.proto = proto

    def load_frame(self):
        frame_size, = _struct.unpack('<Q', self._need(8))
        self._unframer.load_frame(frame_size)

    def load_persid(self):
        raise UnpicklingError('A load persistent id instruction was encountered, but no persistent_load function was specified.')

    load_binpersid = load_persid

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            val = int(data, 0)
        self.append(val)

    def load_binint(self):
        self.append(_struct.unpack('<i', self._need(4))[0])

    def load_binint1(self):
        self.append(self._need(1)[0])

    def load_binint2(self):
        self.append(_struct.unpack('<H', self._need(2))[0])

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == ord('L'):
            val = val[:-1]
        self.append(int(val, 0))

    def load_long1(self):
        n = self._need(1)[0]
        self.append(_decode_long(self._need(n)))

    def load_long4(self):
        n, = _struct.unpack('<i', self._need(4))
        if n < 0:
            raise UnpicklingError('LONG pickle has negative byte count')
        self.append(_decode_long(self._need(n)))

    def load_float(self):
        self.append(float(self.readline()[:-1]))

    def load_binfloat(self):
        self.append(_struct.unpack('>d', self._need(8))[0])

    def _decode_string(self, value):
        if self.encoding == 'bytes':
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError('the STRING opcode argument must be quoted')
        self.append(self._decode_string(_escape_decode(data)))

    def load_binstring(self):
        n, = _struct.unpack('<i', self._need(4))
        if n < 0:
            raise UnpicklingError('BINSTRING pickle has negative byte count')
        self.append(self._decode_string(self._need(n)))

    def load_short_binstring(self):
        n = self._need(1)[0]
        self.append(self._decode_string(self._need(n)))

    def load_binbytes(self):
        n, = _struct.unpack('<I', self._need(4))
        self.append(self._need(n))

    def load_short_binbytes(self):
        n = self._need(1)[0]
        self.append(self._need(n))

    def load_binbytes8(self):
        n, = _struct.unpack('<Q', self._need(8))
        self.append(self._need(n))

    def load_bytearray8(self):
        n, = _struct.unpack('<Q', self._need(8))
        self.append(bytearray(self._need(n)))

    def load_unicode(self):
        self.append(_raw_unicode_escape_decode(self.readline()[:-1]))

    def load_binunicode(self):
        n, = _struct.unpack('<I', self._need(4))
        self.append(str(self._need(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n, = _struct.unpack('<Q', self._need(8))
        self.append(str(self._need(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self._need(1)[0]
        self.append(str(self._need(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, '__getinitargs__'):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError('in constructor for %s: %s' % (klass.__name__, str(err)))
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self.readline()[:-1].decode('ascii')
        name = self.readline()[:-1].decode('ascii')
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self.readline()[:-1].decode('utf-8')
        name = self.readline()[:-1].decode('utf-8')
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError('STACK_GLOBAL requires str')
        self.append(self.find_class(module, name))

    def _ext(self, code):
        obj = _copyreg._extension_cache.get(code, _nil)
        if obj is not _nil:
            self.append(obj)
            return
        key = _copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError('EXT specifies code <= 0')
            raise ValueError('unregistered extension code %d' % code)
        obj = self.find_class(*key)
        _copyreg._extension_cache[code] = obj
        self.append(obj)

    def load_ext1(self):
        self._ext(self._need(1)[0])

    def load_ext2(self):
        self._ext(_struct.unpack('<H', self._need(2))[0])

    def load_ext4(self):
        self._ext(_struct.unpack('<i', self._need(4))[0])

    def load_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self.stack[-1])

    def _memo_get(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError('Memo value not found at index %d' % i) from None

    def load_get(self):
        self._memo_get(int(self.readline()[:-1]))

    def load_binget(self):
        self._memo_get(self._need(1)[0])

    def load_long_binget(self):
        self._memo_get(_struct.unpack('<I', self._need(4))[0])

    def load_put(self):
        i = int(self.readline()[:-1])
        if i < 0:
            raise ValueError('negative PUT argument')
        self.memo[i] = self.stack[-1]

    def load_binput(self):
        self.memo[self._need(1)[0]] = self.stack[-1]

    def load_long_binput(self):
        i, = _struct.unpack('<I', self._need(4))
        self.memo[i] = self.stack[-1]

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]

    def load_append(self):
        value = self.stack.pop()
        self.stack[-1].append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        try:
            extend = list_obj.extend
        except AttributeError:
            pass
        else:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)

    def load_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)

    def load_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[_sys.intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        if not self.stack:
            raise UnpicklingError('unexpected MARK found' if self.metastack else 'unpickling stack underflow')
        value = self.stack.pop()
        raise _Stop(value)

    dispatch = {}


def _escape_decode(data):
    # STRING's argument: Python 2 string-escape rules over bytes.
    out = bytearray()
    i = 0
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92, ord("'"): 39, ord('"'): 34, ord('a'): 7,
              ord('b'): 8, ord('f'): 12, ord('v'): 11, ord('0'): 0}
    while i < len(data):
        c = data[i]
        if c == 92 and i + 1 < len(data):
            d = data[i + 1]
            if d == ord('x'):
                out.append(int(data[i + 2:i + 4], 16))
                i += 4
                continue
            if d in simple:
                out.append(simple[d])
                i += 2
                continue
        out.append(c)
        i += 1
    return bytes(out)


def _raw_unicode_escape_decode(data):
    s = data.decode('latin1')
    out = []
    i = 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s) and s[i + 1] in 'uU':
            n = 4 if s[i + 1] == 'u' else 8
            out.append(chr(int(s[i + 2:i + 2 + n], 16)))
            i += 2 + n
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


for _name, _code in list(globals().items()):
    if _name.isupper() and type(_code) is bytes and len(_code) == 1:
        _loader = getattr(_Unpickler, 'load_' + _name.lower(), None)
        if _loader is not None:
            _Unpickler.dispatch[_code[0]] = _loader
_Unpickler.dispatch[EMPTY_DICT[0]] = _Unpickler.load_empty_dictionary
_Unpickler.dispatch[NEWTRUE[0]] = _Unpickler.load_true
_Unpickler.dispatch[NEWFALSE[0]] = _Unpickler.load_false
_Unpickler.dispatch[MARK[0]] = _Unpickler.load_mark
del _name, _code, _loader

Pickler = _Pickler
Unpickler = _Unpickler


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    _Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = _io.BytesIO()
    _Pickler(f, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return f.getvalue()


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    return _Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    if isinstance(data, str):
        raise TypeError("Can't load pickle from unicode string")
    return _Unpickler(_io.BytesIO(data), fix_imports=fix_imports, encoding=encoding, errors=errors).load()


# pickle's pure-Python names, which benchmarks and tests reach for.
_dump = dump
_dumps = dumps
_load = load
_loads = loads
`);
