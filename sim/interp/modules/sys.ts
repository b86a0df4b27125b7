/**
 * `sys`: stdout/stderr (write is an unfriendly 'output' operation), argv, exit (SystemExit),
 * the recursion limit, exc_info and a few constants.
 */
import { getIntMaxStrDigits, INT_STR_DIGITS_THRESHOLD, setIntMaxStrDigits } from '../runtime/int-ops.js';
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
  defineValue(m, 'version_info', vm.newTuple([3, 11, 7, 'final', 0]));
  defineValue(m, 'platform', 'htmsim');
  defineValue(m, 'byteorder', 'little');
  defineValue(m, 'implementation', 'htmsim');
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
  defineFn(vm, m, 'intern', (a) => a[0]!);
  defineFn(vm, m, 'getsizeof', (a) => {
    const v = a[0]!;
    return v instanceof PyObject && v.size > 0 ? v.size : 28;
  });
  const mods = vm.placeDict(vm.newDict());
  defineValue(m, 'modules', mods);
  return m;
}
