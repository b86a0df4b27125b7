/**
 * What every guest module file uses to build its module object: a fresh module with its own
 * dict, host functions defined in it, and CPython's argument conversions (`__index__`-less int,
 * `__float__`) with their messages.
 */
import type { PyDict } from '../dict.js';
import * as R from '../runtime/int-ops.js';
import { placeBytes } from '../objects/bytes.js';
import { PyFloat, PyModule, PyObject, type PyBuiltin, type PyBytes, type PyVal, type UnfriendlyKind } from '../values.js';
import type { Vm } from '../vm/vm.js';

export type Kw = Map<string, PyVal> | null;

/** A module of the guest's standard library: `install` runs once when the VM is built and
 *  registers the factory that `import name` calls on first use (vm.moduleOf). */
export interface GuestModule {
  readonly name: string;
  install(vm: Vm): void;
}

/** A module with nothing to set up at install time: its factory runs on first import. */
export function factoryModule(name: string, make: (vm: Vm) => PyModule): GuestModule {
  return { name, install: (vm) => void vm.moduleFactories.set(name, () => make(vm)) };
}

export const isIntLike = (v: PyVal): v is number | bigint | boolean =>
  typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';

export function toInt(vm: Vm, v: PyVal): R.IntVal {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  throw vm.typeErr(`'${vm.tn(v)}' object cannot be interpreted as an integer`);
}

export function toFloat(vm: Vm, v: PyVal): number {
  if (v instanceof PyFloat) return v.v;
  if (isIntLike(v)) return R.intToFloat(toInt(vm, v));
  if (v instanceof PyObject) {
    const m = vm.lookup(v.cls, '__float__');
    if (m !== undefined) return toFloat(vm, vm.callValue(m, [v], null));
  }
  throw vm.typeErr(`must be real number, not ${vm.tn(v)}`);
}

/** A new float result in the running thread's scratch block. */
export const newFloat = (vm: Vm, x: number): PyFloat => vm.placeFloat(vm.cur, x);

export function newModule(vm: Vm, name: string): PyModule {
  const d = vm.placeDict(vm.newDict());
  const m = vm.place(new PyModule(vm.T.module, name, d), 48);
  d.set('__name__', name);
  return m;
}

export function defineFn(vm: Vm, m: PyModule, name: string, impl: (a: PyVal[], kw: Kw) => PyVal,
  unfriendly: UnfriendlyKind | null = null): PyBuiltin {
  const b = vm.builtin(name, impl, unfriendly);
  (m.dict as PyDict).set(name, b);
  return b;
}

export function defineValue(m: PyModule, name: string, v: PyVal): void {
  (m.dict as PyDict).set(name, v);
}

/** A module written in guest Python: its source is compiled and run when it is first imported,
 *  so its work runs as bytecodes with the traffic, undo and yield points of user code. */
export function pythonModule(name: string, source: string): GuestModule {
  return factoryModule(name, (vm) => {
    const m = newModule(vm, name);
    vm.runSourceModule(name, source, m.dict as PyDict);
    return m;
  });
}

/** A new bytes object holding `data` (its payload block placed like the builtins' bytes). */
export function newBytes(vm: Vm, data: Uint8Array): PyBytes {
  return placeBytes(vm, vm.T.bytes, data);
}

/** Raises the exception class `cls` (a guest class, e.g. a module's `error`) with message `msg`. */
export function raiseGuest(vm: Vm, cls: PyVal | undefined, msg: string): never {
  if (cls === undefined) throw vm.err('RuntimeError', msg);
  throw vm.callValue(cls, [msg], null);
}

/**
 * A module whose host part (`setup`: the kernels CPython runs in C) is defined first and whose
 * guest-Python part (`source`: classes, wrappers, error types) runs on top of it at first import.
 */
export function hybridModule(name: string, setup: (vm: Vm, m: PyModule) => void, source: string): GuestModule {
  return factoryModule(name, (vm) => {
    const m = newModule(vm, name);
    setup(vm, m);
    vm.runSourceModule(name, source, m.dict as PyDict);
    return m;
  });
}
