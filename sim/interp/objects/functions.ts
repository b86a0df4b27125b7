/**
 * The built-in functions (print, len, sorted, min/max, isinstance, getattr, ...), registered in
 * the builtins dict in CPython's order, with the built-in classes and constants.
 */
import { PyDict, PySet } from '../dict.js';
import { installMatchHelpers } from '../match-runtime.js';
import { floatDivmod as rtFloatDivmod } from '../runtime/float-ops.js';
import * as R from '../runtime/int-ops.js';
import { PyGenerator } from '../thread.js';
import type { Vm } from '../vm/vm.js';
import {
  PyBuiltin, PyBytes, PyComplex, PyExc, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyMethod, PyModule, PyObject, PyRange, PyTuple,
  PyType, type BuiltinImpl, type PyVal,
} from '../values.js';
import { PyView } from './dict-views.js';
import type { Kit, Kw } from './kit.js';
import { sortList } from './list-methods.js';
import type { NumberParts } from './numbers.js';
import * as Rg from './range.js';
import type { TypeForms } from './type-forms.js';

type Def = (name: string, fn: BuiltinImpl, unfriendly?: 'output' | null) => PyBuiltin;

export function installBuiltinFunctions(vm: Vm, kit: Kit, numbers: NumberParts, typeForms: TypeForms): void {
  const { T, None, enumT, zipT, mapT, filterT, reversedT } = kit;
  const B = vm.builtins;
  const def = (name: string, fn: BuiltinImpl, unfriendly: 'output' | null = null): PyBuiltin => {
    const b = vm.builtin(name, fn, unfriendly);
    B.set(name, b);
    return b;
  };
  installMatchHelpers(vm, def);
  for (const name of ['int', 'bool', 'float', 'complex', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'bytes', 'bytearray',
    'range', 'slice', 'object', 'type', 'property', 'staticmethod', 'classmethod', 'super'] as const) {
    B.set(name, T[name]);
  }
  B.set('None', None);
  B.set('Ellipsis', vm.Ellipsis);
  B.set('NotImplemented', vm.NotImplemented);
  B.set('enumerate', enumT);
  B.set('zip', zipT);
  B.set('map', mapT);
  B.set('filter', filterT);
  B.set('reversed', reversedT);
  B.set('__name__', 'builtins');
  installOutputAndNumbers(vm, kit, numbers, def);
  installIntrospection(vm, kit, typeForms, def);
  installAttributesAndScopes(vm, kit, def);
  // site.py's exit() and quit(): SystemExit with the argument (None when there is none).
  for (const name of ['exit', 'quit']) {
    def(name, (a) => {
      const e = vm.err('SystemExit', null);
      e.args = [a[0] ?? None];
      throw e;
    });
  }
}

/** print, repr, len, sorted, min/max, sum, abs, round, divmod, pow. */
function installOutputAndNumbers(vm: Vm, kit: Kit, numbers: NumberParts, def: Def): void {
  const { None, err, isIntLike, intOf, isNum, fnum, F, tn, kwArg, nargs, callm } = kit;
  const { roundImpl } = numbers;
  def('print', (a, kw) => {
    const sep = kwArg(kw, 'sep');
    const end = kwArg(kw, 'end');
    let file = kwArg(kw, 'file');
    if (file === undefined || file === None) {
      // The current sys.stdout once a program has replaced it (None: print writes nothing).
      const so = vm.modules.get('sys')?.dict.getStr('stdout');
      if (so === None) return None;
      if (so !== undefined && so !== vm.stdoutObj) file = so;
    }
    if (sep !== undefined && sep !== None && typeof sep !== 'string') throw vm.typeErr(`sep must be None or a string, not ${tn(sep)}`);
    if (end !== undefined && end !== None && typeof end !== 'string') throw vm.typeErr(`end must be None or a string, not ${tn(end)}`);
    const sepS = sep === undefined || sep === None ? ' ' : (sep as string);
    const endS = end === undefined || end === None ? '\n' : (end as string);
    if (file !== undefined && file !== None) {
      // As CPython: one write per item, separator and end.
      const w = vm.getAttr(file, 'write');
      a.forEach((x, i) => {
        if (i > 0) vm.callValue(w, [sepS], null);
        vm.callValue(w, [vm.str(x)], null);
      });
      vm.callValue(w, [endS], null);
      const flush = kwArg(kw, 'flush');
      if (flush !== undefined && vm.truthy(flush)) vm.callValue(vm.getAttr(file, 'flush'), [], null);
      return None;
    }
    vm.out(a.map((x) => vm.str(x)).join(sepS) + endS);
    return None;
  }, 'output');
  def('repr', (a) => vm.repr(a[0]!));
  def('ascii', (a) => vm.asciiOf(vm.repr(a[0]!)));
  def('len', (a) => {
    nargs(a, 1, 1, 'len');
    const v = a[0]!;
    if (typeof v === 'string') return v.length;
    if (v instanceof PyList) {
      vm.readObj(vm.cur, v);
      return v.items.length;
    }
    if (v instanceof PyTuple) return v.items.length;
    if (v instanceof PyDict) {
      vm.readObj(vm.cur, v);
      return v.count;
    }
    if (v instanceof PySet) return v.used;
    if (v instanceof PyBytes) return v.len;
    if (v instanceof PyRange) return Rg.rangeSize(v);
    if (v instanceof PyView) return v.d.count;
    if (v instanceof PyObject) {
      const m = vm.lookup(v.cls, '__len__');
      if (m !== undefined) {
        const r = vm.callValue(m, [v], null);
        if (!isIntLike(r)) throw vm.typeErr(`'${tn(r)}' object cannot be interpreted as an integer`);
        if (intOf(r) < 0) throw err('ValueError', '__len__() should return >= 0');
        return r;
      }
    }
    throw vm.typeErr(`object of type '${tn(v)}' has no len()`);
  });
  def('sorted', (a, kw) => {
    nargs(a, 1, 1, 'sorted');
    const items = vm.toList(a[0]!);
    return vm.placeList(vm.newList(sortList(vm, items, kwArg(kw, 'key') ?? None, vm.truthy(kwArg(kw, 'reverse') ?? false))));
  });
  const minmax = (a: PyVal[], kw: Kw, isMax: boolean): PyVal => {
    const name = isMax ? 'max' : 'min';
    const key = kwArg(kw, 'key') ?? None;
    const dflt = kwArg(kw, 'default');
    let items: PyVal[];
    if (a.length === 0) throw vm.typeErr(`${name} expected at least 1 argument, got 0`);
    if (a.length === 1) items = vm.toList(a[0]!);
    else {
      if (dflt !== undefined) throw vm.typeErr(`Cannot specify a default for ${name}() with multiple positional arguments`);
      items = a;
    }
    if (items.length === 0) {
      if (dflt !== undefined) return dflt;
      throw err('ValueError', `${name}() arg is an empty sequence`);
    }
    let best = items[0]!;
    let bk = key === None ? best : vm.callValue(key, [best], null);
    for (let i = 1; i < items.length; i++) {
      const x = items[i]!;
      const k = key === None ? x : vm.callValue(key, [x], null);
      // CPython compares the new item to the best so far: `k > best` for max, `k < best` for min.
      if (isMax ? (typeof k === 'number' && typeof bk === 'number' ? k > bk : vm.truthy(vm.compare(k, bk, 4))) : vm.lt(k, bk)) {
        best = x;
        bk = k;
      }
    }
    return best;
  };
  def('min', (a, kw) => minmax(a, kw, false));
  def('max', (a, kw) => minmax(a, kw, true));
  def('sum', (a, kw) => {
    let acc: PyVal = a[1] ?? kwArg(kw, 'start') ?? 0;
    if (typeof acc === 'string') throw vm.typeErr("sum() can't sum strings [use ''.join(seq) instead]");
    const items = vm.toList(a[0]!);
    // CPython adds floats in plain double arithmetic (no compensation) in 3.11.
    for (const x of items) acc = typeof acc === 'number' && typeof x === 'number' ? R.intAdd(acc, x) : vm.binop(acc, x, 0);
    return acc;
  });
  def('abs', (a) => {
    const v = a[0]!;
    if (isIntLike(v)) return R.intAbs(intOf(v));
    if (v instanceof PyFloat) return F(Math.abs(v.v));
    const r = callm(v, '__abs__', []);
    if (r !== undefined) return r;
    throw vm.typeErr(`bad operand type for abs(): '${tn(v)}'`);
  });
  def('round', (a, kw) => roundImpl(a[0]!, a[1] ?? kwArg(kw, 'ndigits')));
  def('divmod', (a) => {
    const x = a[0]!, y = a[1]!;
    if (isIntLike(x) && isIntLike(y)) return vm.newTuple([R.intFloorDiv(intOf(x), intOf(y)), R.intMod(intOf(x), intOf(y))]);
    if (isNum(x) && isNum(y)) {
      const [q, r] = rtFloatDivmod(fnum(x), fnum(y));
      return vm.newTuple([F(q), F(r)]);
    }
    const r = callm(x, '__divmod__', [y]);
    if (r !== undefined) return r;
    throw vm.typeErr(`unsupported operand type(s) for divmod(): '${tn(x)}' and '${tn(y)}'`);
  });
  def('pow', (a, kw) => {
    const m = a[2] ?? kwArg(kw, 'mod');
    if (m !== undefined && m !== None) {
      if (a[0] instanceof PyComplex || a[1] instanceof PyComplex || m instanceof PyComplex) throw err('ValueError', 'complex modulo');
      if (!isIntLike(a[0]!) || !isIntLike(a[1]!) || !isIntLike(m)) throw vm.typeErr('pow() 3rd argument not allowed unless all arguments are integers');
      return R.intPow(intOf(a[0]!), intOf(a[1]!), intOf(m));
    }
    return vm.binop(a[0]!, a[1]!, 8);
  });
}

/** isinstance, issubclass, id, hash, iter, next, all, any, chr, ord, hex/oct/bin, format. */
function installIntrospection(vm: Vm, kit: Kit, typeForms: TypeForms, def: Def): void {
  const { None, err, tn, index, nargs, iterT, mkIter, stopIteration } = kit;
  const StopIter = vm.exc.get('StopIteration')!;
  def('isinstance', (a) => {
    nargs(a, 2, 2, 'isinstance');
    const check = (spec: PyVal): boolean => {
      if (spec instanceof PyTuple) return spec.items.some(check);
      const union = typeForms.unionArgs(spec);
      if (union !== null) return union.some(check);
      if (!(spec instanceof PyType)) {
        // A non-class with __instancecheck__ (typing's special forms) answers for itself.
        const own = vm.lookup(vm.typeOf(spec), '__instancecheck__');
        if (own !== undefined) return vm.truthy(vm.callValue(own, [spec, a[0]!], null));
        throw vm.typeErr('isinstance() arg 2 must be a type, a tuple of types, or a union');
      }
      const hook = spec.cls.builtin || vm.typeOf(a[0]!) === spec ? undefined : vm.lookupUser(spec.cls, '__instancecheck__');
      if (hook !== undefined) return vm.truthy(vm.callValue(hook, [spec, a[0]!], null));
      return vm.isInstance(a[0]!, spec);
    };
    return check(a[1]!);
  });
  def('issubclass', (a) => {
    if (!(a[0] instanceof PyType)) throw vm.typeErr('issubclass() arg 1 must be a class');
    const check = (spec: PyVal): boolean => {
      if (spec instanceof PyTuple) return spec.items.some(check);
      if (!(spec instanceof PyType)) {
        const own = vm.lookup(vm.typeOf(spec), '__subclasscheck__');
        if (own !== undefined) return vm.truthy(vm.callValue(own, [spec, a[0]!], null));
        throw vm.typeErr('issubclass() arg 2 must be a class, a tuple of classes, or a union');
      }
      const hook = spec.cls.builtin ? undefined : vm.lookupUser(spec.cls, '__subclasscheck__');
      if (hook !== undefined) return vm.truthy(vm.callValue(hook, [spec, a[0]!], null));
      return vm.isSubtype(a[0] as PyType, spec);
    };
    return check(a[1]!);
  });
  def('id', (a) => vm.id(a[0]!));
  def('hash', (a) => vm.hash(a[0]!));
  def('iter', (a) => {
    if (a.length === 2) {
      const f = a[0]!, sentinel = a[1]!;
      // FOR_ITER calls a guest f in-loop (vm/continuations.ts) and sets `exhausted` itself.
      const it: PyIter = mkIter(iterT('callable_iterator'), () => {
        if (it.exhausted) return undefined;
        const v = vm.callValue(f, [], null);
        if (vm.eq(v, sentinel)) {
          it.exhausted = true;
          return undefined;
        }
        return v;
      });
      it.callable = f;
      it.sentinel = sentinel;
      return it;
    }
    return vm.iter(a[0]!);
  });
  def('next', (a) => {
    const it = a[0]!;
    // Coroutines and async generators are generator objects, but no iterators.
    const gen = it instanceof PyGenerator && it.cls === vm.T.generator;
    if (!(it instanceof PyIter || gen) && vm.lookup(vm.typeOf(it), '__next__') === undefined) {
      throw vm.typeErr(`'${tn(it)}' object is not an iterator`);
    }
    let r: PyVal | undefined;
    if (gen) {
      r = vm.genSend(it, None);
      if (r === undefined) {
        if (a.length > 1) return a[1]!;
        throw stopIteration(vm.genReturn);
      }
      return r;
    }
    if (it instanceof PyIter) r = it.next();
    else {
      const m = vm.lookup(vm.typeOf(it), '__next__')!;
      try {
        r = vm.callValue(m, [it], null);
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, StopIter) && a.length > 1) return a[1]!;
        throw e;
      }
    }
    if (r === undefined) {
      if (a.length > 1) return a[1]!;
      throw stopIteration(None);
    }
    return r;
  });
  def('all', (a) => {
    const it = vm.iter(a[0]!);
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return true;
      if (!vm.truthy(x)) return false;
    }
  });
  def('any', (a) => {
    const it = vm.iter(a[0]!);
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return false;
      if (vm.truthy(x)) return true;
    }
  });
  def('chr', (a) => {
    const n = Number(index(a[0]!));
    if (n < 0 || n > 0x10ffff) throw err('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  });
  def('ord', (a) => {
    const v = a[0]!;
    if (typeof v === 'string') {
      const cs = Array.from(v);
      if (cs.length !== 1) throw vm.typeErr(`ord() expected a character, but string of length ${cs.length} found`);
      return v.codePointAt(0)!;
    }
    if (v instanceof PyBytes && v.len === 1) return v.data[0]!;
    throw vm.typeErr(`ord() expected string of length 1, but ${tn(v)} found`);
  });
  def('hex', (a) => R.intToPrefixed(index(a[0]!), 16));
  def('oct', (a) => R.intToPrefixed(index(a[0]!), 8));
  def('bin', (a) => R.intToPrefixed(index(a[0]!), 2));
  def('format', (a) => vm.format(a[0]!, a[1] === undefined ? '' : (a[1] as string)));
}

/** getattr and friends, vars/globals/locals, dir, input/open, __build_class__. */
function installAttributesAndScopes(vm: Vm, kit: Kit, def: Def): void {
  const { None, err, tn } = kit;
  def('getattr', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`attribute name must be string, not '${tn(a[1]!)}'`);
    if (a.length > 2) {
      try {
        const r = vm.getAttrOpt(a[0]!, a[1]);
        return r === undefined ? a[2]! : r;
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('AttributeError')!)) return a[2]!;
        throw e;
      }
    }
    return vm.getAttr(a[0]!, a[1]);
  });
  def('setattr', (a) => {
    vm.setAttr(a[0]!, a[1] as string, a[2]!);
    return None;
  });
  def('delattr', (a) => {
    vm.delAttr(a[0]!, a[1] as string);
    return None;
  });
  def('hasattr', (a) => {
    try {
      return vm.getAttrOpt(a[0]!, a[1] as string) !== undefined;
    } catch (e) {
      if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('AttributeError')!)) return false;
      throw e;
    }
  });
  def('callable', (a) => {
    const v = a[0]!;
    return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMethod || v instanceof PyType ||
      (v instanceof PyObject && vm.lookup(v.cls, '__call__') !== undefined);
  });
  def('vars', (a) => {
    if (a.length === 0) return vm.cur.frames[vm.cur.frames.length - 1]!.locals ?? vm.placeDict(vm.newDict());
    // CPython: an object without a __dict__ (a slotted instance) is a TypeError, not an AttributeError.
    const d = vm.getAttrOpt(a[0]!, '__dict__');
    if (d === undefined) throw vm.typeErr('vars() argument must have __dict__ attribute');
    return d;
  });
  def('globals', () => vm.cur.frames[vm.cur.frames.length - 1]!.globals);
  def('locals', () => vm.frameLocals(vm.cur.frames[vm.cur.frames.length - 1]!));
  def('dir', (a) => {
    if (a.length === 0) {
      // dir(): the names of the current local scope, sorted.
      const f = vm.cur.frames[vm.cur.frames.length - 1]!;
      const local = f.locals !== null ? [...(f.locals as PyDict).keyList()].filter((k): k is string => typeof k === 'string')
        : f.code.varnames.filter((_, i) => f.fast[i] !== undefined && f.fast[i] !== null);
      return vm.placeList(vm.newList(local.sort()));
    }
    const v = a[0]!;
    const names = new Set<string>();
    // A module's dir() is its namespace only (CPython's module.__dir__), not its type's methods.
    if (v instanceof PyModule) return vm.placeList(vm.newList([...(v.dict as PyDict).keyList()].filter((k): k is string => typeof k === 'string').sort()));
    if (v instanceof PyInstance) for (const k of v.attrs.keys()) names.add(k);
    const tp = v instanceof PyType ? v : vm.typeOf(v);
    for (const c of tp.mro) for (const k of c.dict.keys()) names.add(k);
    return vm.placeList(vm.newList([...names].sort()));
  });
  // input([prompt]): the prompt to sys.stdout, a line from sys.stdin (EOFError at its end).
  vm.builtins.set('input', vm.builtin('input', (a) => {
    if (a.length > 1) throw vm.typeErr(`input expected at most 1 argument, got ${a.length}`);
    const sysDict = vm.moduleOf('sys').dict;
    if (a.length === 1) {
      const prompt = vm.str(a[0]!);
      const so = sysDict.getStr('stdout');
      if (so === undefined || so === vm.stdoutObj) vm.out(prompt);
      else if (so !== None) vm.callValue(vm.getAttr(so, 'write'), [prompt], null);
    }
    const line = vm.callValue(vm.getAttr(sysDict.getStr('stdin') ?? None, 'readline'), [], null);
    if (typeof line !== 'string') throw vm.typeErr('object.readline() returned non-string');
    if (line === '') throw err('EOFError', 'EOF when reading a line');
    return line.endsWith('\n') ? line.slice(0, -1) : line;
  }, 'io'));
  // __import__(name, globals=None, locals=None, fromlist=(), level=0): what IMPORT_NAME does.
  def('__import__', (a, kw) => {
    const name = a[0] ?? kw?.get('name');
    if (name === undefined) throw vm.typeErr("__import__() missing required argument 'name' (pos 1)");
    if (typeof name !== 'string') throw vm.typeErr('module name must be a string');
    const level = a[4] ?? kw?.get('level') ?? 0;
    if (level !== 0) throw err('ImportError', 'attempted relative import with no known parent package');
    if (name === '') throw err('ValueError', 'Empty module name');
    return vm.importName(name, vm.truthy(a[3] ?? kw?.get('fromlist') ?? None));
  });
  // The run's in-memory file system (io.open, modules/io.ts; os.ts's _memfs).
  def('open', (a, kw) => vm.callValue(vm.getAttr(vm.moduleOf('io'), 'open'), a, kw));

  // class creation (vm/calls.ts: metaclass, __prepare__, type.__new__)
  def('__build_class__', (a, kw) => {
    const body = a[0];
    if (!(body instanceof PyFunction)) throw vm.typeErr('__build_class__: func must be a function');
    return vm.buildClass(body, a[1] as string, a.slice(2), kw);
  });
}
