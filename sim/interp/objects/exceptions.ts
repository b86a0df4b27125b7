/**
 * The exception hierarchy of CPython 3.11 that htmsim supports (BaseException down to the
 * warnings), registered in the builtins and in `vm.exc`, and BaseException's methods: args,
 * str() (KeyError shows its key's repr) and repr().
 */
import type { PyExc } from '../values.js';
import type { Vm } from '../vm/vm.js';

export function installExceptionTypes(vm: Vm): void {
  const T = vm.T;
  const None = vm.None;
  const B = vm.builtins;
  const excTree: [string, string][] = [
    ['BaseException', ''], ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'],
    ['GeneratorExit', 'BaseException'], ['Exception', 'BaseException'], ['StopIteration', 'Exception'],
    ['ArithmeticError', 'Exception'], ['FloatingPointError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
    ['ZeroDivisionError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
    ['BufferError', 'Exception'], ['EOFError', 'Exception'], ['ImportError', 'Exception'],
    ['ModuleNotFoundError', 'ImportError'], ['LookupError', 'Exception'], ['IndexError', 'LookupError'],
    ['KeyError', 'LookupError'], ['MemoryError', 'Exception'], ['NameError', 'Exception'],
    ['UnboundLocalError', 'NameError'], ['OSError', 'Exception'], ['TimeoutError', 'OSError'],
    ['ReferenceError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
    ['RecursionError', 'RuntimeError'], ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'],
    ['SystemError', 'Exception'], ['TypeError', 'Exception'], ['ValueError', 'Exception'],
    ['UnicodeError', 'ValueError'], ['Warning', 'Exception'], ['UserWarning', 'Warning'],
    ['DeprecationWarning', 'Warning'], ['RuntimeWarning', 'Warning'],
  ];
  for (const [name, base] of excTree) {
    const tp = vm.makeType(name, [base === '' ? T.object : vm.exc.get(base)!], 'exception', true);
    vm.exc.set(name, tp);
    B.set(name, tp);
  }
  B.set('EnvironmentError', vm.exc.get('OSError')!);
  B.set('IOError', vm.exc.get('OSError')!);
  const BaseExc = vm.exc.get('BaseException')!;
  vm.method(BaseExc, '__init__', (a) => {
    const self = a[0] as PyExc;
    self.args = a.slice(1);
    return None;
  });
  vm.method(BaseExc, 'with_traceback', (a) => a[0]!);
  vm.method(BaseExc, '__str__', (a) => excStr(a[0] as PyExc));
  vm.method(BaseExc, '__repr__', (a) => excRepr(a[0] as PyExc));
  const excStr = (e: PyExc): string => {
    const args = e.args;
    if (vm.isSubtype(e.cls, vm.exc.get('KeyError')!) && args.length === 1) return vm.repr(args[0]!);
    if (args.length === 0) return '';
    if (args.length === 1) return vm.str(args[0]!);
    return vm.repr(vm.newTuple(args));
  };
  const excRepr = (e: PyExc): string => {
    const a = e.args;
    const inner = a.length === 1 ? vm.repr(a[0]!) : a.map((x) => vm.repr(x)).join(', ');
    return `${e.cls.name}(${inner})`;
  };
}
