/**
 * The exception hierarchy of CPython 3.11 that htmsim supports (BaseException down to the
 * warnings), registered in the builtins and in `vm.exc`, and BaseException's methods: args,
 * str() (KeyError shows its key's repr) and repr().
 */
import { PyDict } from '../dict.js';
import type { PyExc, PyType, PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';

const HIERARCHY = `
BaseException
  SystemExit
  KeyboardInterrupt
  GeneratorExit
  Exception
    StopIteration
    StopAsyncIteration
    ArithmeticError
      FloatingPointError
      OverflowError
      ZeroDivisionError
    AssertionError
    AttributeError
    BufferError
    EOFError
    ImportError
      ModuleNotFoundError
    LookupError
      IndexError
      KeyError
    MemoryError
    NameError
      UnboundLocalError
    OSError
      BlockingIOError
      ChildProcessError
      ConnectionError
        BrokenPipeError
        ConnectionAbortedError
        ConnectionRefusedError
        ConnectionResetError
      FileExistsError
      FileNotFoundError
      InterruptedError
      IsADirectoryError
      NotADirectoryError
      PermissionError
      ProcessLookupError
      TimeoutError
    ReferenceError
    RuntimeError
      NotImplementedError
      RecursionError
    SyntaxError
      IndentationError
        TabError
    SystemError
    TypeError
    ValueError
      UnicodeError
        UnicodeDecodeError
        UnicodeEncodeError
        UnicodeTranslateError
    Warning
      UserWarning
      DeprecationWarning
      PendingDeprecationWarning
      SyntaxWarning
      RuntimeWarning
      FutureWarning
      ImportWarning
      UnicodeWarning
      BytesWarning
      ResourceWarning
      EncodingWarning
`;

export function installExceptionTypes(vm: Vm): void {
  const T = vm.T;
  const None = vm.None;
  const B = vm.builtins;
  // One class per line under its base (two spaces a level), created top to bottom.
  const bases: PyType[] = [T.object];
  for (const line of HIERARCHY.trim().split('\n')) {
    const depth = (line.length - line.trimStart().length) / 2;
    const name = line.trim();
    const tp = vm.makeType(name, [bases[depth]!], 'exception', true);
    bases[depth + 1] = tp;
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
  // ImportError(msg, *, name=None, path=None): the module it was about and where it looked.
  const importErr = vm.exc.get('ImportError')!;
  vm.method(importErr, '__init__', (a, kw) => {
    const self = a[0] as PyExc;
    self.args = a.slice(1);
    for (const k of kw?.keys() ?? []) {
      if (k !== 'name' && k !== 'path') throw vm.typeErr(`'${k}' is an invalid keyword argument for ImportError()`);
    }
    self.attrs.set('name', kw?.get('name') ?? None);
    self.attrs.set('path', kw?.get('path') ?? None);
    return None;
  });
  vm.method(BaseExc, 'with_traceback', (a) => {
    if (a.length !== 2) throw vm.typeErr(`BaseException.with_traceback() takes exactly one argument (${a.length - 1} given)`);
    vm.setTraceback(a[0] as PyExc, a[1]!);
    return a[0]!;
  });
  // BaseException.__reduce__/__setstate__: rebuilt from (type, args), the attributes restored from
  // the __dict__ when it has any (pickle and copy use these).
  vm.method(BaseExc, '__reduce__', (a) => {
    const e = a[0] as PyExc;
    const parts: PyVal[] = [e.cls, vm.newTuple(e.args)];
    const d = vm.getAttrOpt(e, '__dict__');
    if (d instanceof PyDict && d.count > 0) parts.push(d);
    return vm.newTuple(parts);
  });
  vm.method(BaseExc, '__setstate__', (a) => {
    const st = a[1]!;
    if (st instanceof PyDict) for (const i of st.entries()) vm.setAttr(a[0]!, st.keys[i] as string, st.vals[i]!);
    else if (st !== None) throw vm.typeErr('state is not a dictionary');
    return None;
  });
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
