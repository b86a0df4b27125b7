/**
 * `sys`: stdout/stderr (write is an unfriendly 'output' operation), argv, exit (SystemExit),
 * the recursion limit, exc_info and a few constants: host code. Its guest-Python part (SYS_SOURCE,
 * run when sys is first imported) holds what an ordinary program could write: the named struct
 * sequences (`float_info`, `int_info`, `hash_info`, `version_info`: tuples with CPython's reprs)
 * and `stdin`, a text stream over the program's standard input (empty unless the run gives one).
 */
import { primBytes } from '../boxes.js';
import { dirname, resolve as resolvePath } from 'node:path';
import { getIntMaxStrDigits, INT_STR_DIGITS_THRESHOLD, setIntMaxStrDigits } from '../runtime/int-ops.js';
import type { PyDict } from '../dict.js';
import { PyLiveFrame } from '../thread.js';
import { PyExc, PyObject, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, newModule, toInt, type GuestModule } from './kit.js';

export const sys: GuestModule = {
  name: 'sys',
  install(vm: Vm): void {
    const None = vm.None;
    const T = vm.T;
    const streamT = vm.makeType('TextIOWrapper', [T.object], 'object', true, '_io');
    const stdoutObj = vm.instantiate(streamT);
    const stderrObj = vm.instantiate(streamT);
    vm.stdoutObj = stdoutObj;
    const writeImpl = (a: PyVal[]): PyVal => {
      const s = a[1]!;
      if (typeof s !== 'string') throw vm.typeErr(`write() argument must be str, not ${vm.tn(s)}`);
      if (a[0] === stderrObj) vm.errOut(s);
      else vm.out(s);
      return s.length;
    };
    vm.method(streamT, 'write', writeImpl, 'output');
    vm.method(streamT, 'flush', () => None);
    vm.moduleFactories.set('sys', () => makeSys(vm, stdoutObj, stderrObj));
  },
};

function makeSys(vm: Vm, stdoutObj: PyObject, stderrObj: PyObject): PyModule {
  const None = vm.None;
  const m = newModule(vm, 'sys');
  defineValue(m, 'stdout', stdoutObj);
  defineValue(m, 'stderr', stderrObj);
  defineValue(m, '__stdout__', stdoutObj);
  defineValue(m, '__stderr__', stderrObj);
  defineValue(m, 'argv', vm.placeList(vm.newList(vm.argv.length ? vm.argv.slice() : [''])));
  defineValue(m, 'maxsize', 9223372036854775807n);
  defineValue(m, 'version', '3.11.7 (htmsim)');
  // The simulated machine runs a POSIX system (os is posixpath): programs that test for Linux see it.
  defineValue(m, 'platform', 'linux');
  defineValue(m, 'byteorder', 'little');
  defineFn(vm, m, 'exit', (a) => {
    const e = vm.err('SystemExit', null);
    e.args = a.length > 0 ? [a[0]!] : [];
    throw e;
  });
  defineFn(vm, m, 'setrecursionlimit', (a) => {
    const n = Number(toInt(vm, a[0]!));
    if (n < 1) throw vm.err('ValueError', 'recursion limit must be greater or equal than 1');
    vm.recursionLimit = n;
    return None;
  });
  defineFn(vm, m, 'getrecursionlimit', () => vm.recursionLimit);
  defineFn(vm, m, 'set_int_max_str_digits', (a, kw) => {
    const v = a[0] ?? kw?.get('maxdigits');
    if (v === undefined) throw vm.typeErr("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    const n = Number(toInt(vm, v));
    if (n !== 0 && n < INT_STR_DIGITS_THRESHOLD) throw vm.err('ValueError', `maxdigits must be 0 or larger than ${INT_STR_DIGITS_THRESHOLD}`);
    setIntMaxStrDigits(n);
    return None;
  });
  defineFn(vm, m, 'get_int_max_str_digits', () => getIntMaxStrDigits());
  defineFn(vm, m, 'exc_info', () => {
    const e = vm.cur.excInfo;
    if (e === null) return vm.newTuple([None, None, None]);
    return vm.newTuple([vm.typeOf(e), e, e instanceof PyExc ? vm.tracebackOf(e) : None]);
  });
  // sys._getframe([depth]): a live view of a frame on the calling thread's stack.
  defineFn(vm, m, '_getframe', (a) => {
    const depth = a.length > 0 ? Number(toInt(vm, a[0]!)) : 0;
    const frames = vm.cur.frames;
    const i = frames.length - 1 - depth;
    if (depth < 0 || i < 0) throw vm.err('ValueError', 'call stack is not deep enough');
    return new PyLiveFrame(vm.T.frame, frames[i]!, vm.cur);
  });
  defineFn(vm, m, 'intern', (a) => a[0]!);
  defineFn(vm, m, 'getsizeof', (a) => {
    const v = a[0]!;
    // Ints and strs: CPython 3.11's sizes (the ones boxes.ts gives their simulated objects).
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return primBytes(v);
    return v instanceof PyObject && v.size > 0 ? v.size : 28;
  });
  // sys.modules: every module imported so far and from now on (vm.moduleOf keeps it in step).
  const mods = vm.placeDict(vm.newDict());
  for (const [k, v] of vm.modules) mods.set(k, v);
  mods.set('sys', m);
  vm.sysModules = mods;
  defineValue(m, 'modules', mods);
  // The script's folder first, as CPython's sys.path[0]; htmsim has no other import path.
  const mainFile = vm.modules.get('__main__')?.dict.getStr('__file__');
  const script = vm.argv[0] ?? (typeof mainFile === 'string' ? mainFile : '');
  defineValue(m, 'path', vm.placeList(vm.newList([script === '' ? '' : resolvePath(dirname(script))])));
  defineFn(vm, m, '_stdin_text', () => vm.stdinText);
  vm.runSourceModule('sys', SYS_SOURCE, m.dict as PyDict);
  return m;
}

const SYS_SOURCE = String.raw`
class _StructSeq(tuple):
    _fields = ()

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != len(cls._fields):
            raise TypeError('sys.%s() takes a %d-sequence (%d-sequence given)' % (cls.__name__, len(cls._fields), len(values)))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return 'sys.%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % (f, v) for f, v in zip(self._fields, self)))

    def __reduce__(self):
        return (type(self), (tuple(self),))


def _struct_seq(name, fields, values):
    ns = {'_fields': tuple(fields), 'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    return type(name, (_StructSeq,), ns)(values)


float_info = _struct_seq('float_info',
    ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'],
    [1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1])
int_info = _struct_seq('int_info',
    ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'], [30, 4, 4300, 640])
hash_info = _struct_seq('hash_info',
    ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'],
    [64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0])
version_info = _struct_seq('version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial'], [3, 11, 7, 'final', 0])
hexversion = 0x30b07f0
float_repr_style = 'short'
# No -W options reach the guest (htmsim exec takes none), as CPython without them.
warnoptions = []
maxunicode = 1114111


class _Namespace:
    # types.SimpleNamespace's behaviour, for sys.implementation (types is not imported by sys).
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return 'namespace(' + ', '.join('%s=%r' % kv for kv in self.__dict__.items()) + ')'

    def __eq__(self, other):
        return isinstance(other, _Namespace) and self.__dict__ == other.__dict__


# A CPython 3.11-compatible implementation of its own: no bytecode cache (cache_tag None).
implementation = _Namespace(name='htmsim', cache_tag=None, version=version_info, hexversion=hexversion,
                            _multiarch='x86_64-linux-gnu')
del _Namespace


def getdefaultencoding():
    return 'utf-8'


def getfilesystemencoding():
    return 'utf-8'


def getfilesystemencodeerrors():
    return 'surrogateescape'


# The program's standard input: read, readline, readlines, iteration.
class TextIOWrapper:
    name = '<stdin>'
    mode = 'r'
    encoding = 'utf-8'
    closed = False

    def __init__(self, text):
        self._text = text
        self._pos = 0

    def read(self, size=-1):
        text, pos = self._text, self._pos
        end = len(text) if size is None or size < 0 else min(len(text), pos + size)
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        text, pos = self._text, self._pos
        nl = text.find('\n', pos)
        end = len(text) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return text[pos:end]

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


TextIOWrapper.__module__ = '_io'
stdin = __stdin__ = TextIOWrapper(_stdin_text())
del TextIOWrapper, _stdin_text
`;
