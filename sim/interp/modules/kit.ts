/**
 * What every guest module file uses to build its module object: a fresh module with its own
 * dict, host functions defined in it, and CPython's argument conversions (`__index__`-less int,
 * `__float__`) with their messages.
 */
import type { PyDict } from '../dict.js';
import * as R from '../runtime/int-ops.js';
import { placeBytes } from '../objects/bytes.js';
import { PyBoxed, PyBytes, PyFloat, PyModule, PyObject, type PyBuiltin, type PyVal, type UnfriendlyKind } from '../values.js';
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

/** Which arguments a builtin takes, for `bindArgs` (Argument Clinic's shapes). */
export interface ArgSpec {
  /** How many leading names are required (default 0). */
  required?: number;
  /** How many leading names are positional-only (default 0). */
  posOnly?: number;
  /** Keyword-only names, after the positional ones (all optional). */
  kwOnly?: readonly string[];
  /** The name "takes no keyword arguments" uses for an all-positional-only builtin (`binascii.crc32`). */
  qualname?: string;
}

/**
 * Binds a builtin's positional and keyword arguments to `names` then `spec.kwOnly`, with the
 * messages of CPython's Argument Clinic; an argument not given is `undefined`.
 */
export function bindArgs(vm: Vm, fname: string, a: readonly PyVal[], kw: Kw, names: readonly string[], spec: ArgSpec = {}): (PyVal | undefined)[] {
  const required = spec.required ?? 0;
  const posOnly = spec.posOnly ?? 0;
  const kwOnly = spec.kwOnly ?? [];
  const max = names.length;
  if (posOnly === max && kwOnly.length === 0) {
    // All positional-only: _PyArg_CheckPositional's wording.
    if (kw !== null && kw.size > 0) throw vm.typeErr(`${spec.qualname ?? fname}() takes no keyword arguments`);
    if (a.length > max || a.length < required) {
      const range = required === max ? `${max}` : a.length > max ? `at most ${max}` : `at least ${required}`;
      throw vm.typeErr(`${fname} expected ${range} argument${(a.length > max ? max : required) === 1 ? '' : 's'}, got ${a.length}`);
    }
  }
  // _PyArg_UnpackKeywords' order: too many arguments in all, too many positional ones, too few
  // positional-only ones.
  const s = (n: number): string => (n === 1 ? '' : 's');
  const maxargs = max + kwOnly.length;
  const given = a.length + (kw?.size ?? 0);
  if (given > maxargs) {
    throw vm.typeErr(`${fname}() takes at most ${maxargs} ${a.length === 0 ? 'keyword ' : ''}argument${s(maxargs)} (${given} given)`);
  }
  if (a.length > max) {
    if (max === 0) throw vm.typeErr(`${fname}() takes no positional arguments`);
    throw vm.typeErr(`${fname}() takes ${required < max ? 'at most' : 'exactly'} ${max} positional argument${s(max)} (${a.length} given)`);
  }
  const minPosOnly = Math.min(required, posOnly);
  if (a.length < minPosOnly) {
    throw vm.typeErr(`${fname}() takes ${minPosOnly < max ? 'at least' : 'exactly'} ${minPosOnly} positional argument${s(minPosOnly)} (${a.length} given)`);
  }
  const out: (PyVal | undefined)[] = [...a];
  while (out.length < max + kwOnly.length) out.push(undefined);
  let used = 0;
  if (kw !== null) {
    for (let i = posOnly; i < max; i++) {
      const v = kw.get(names[i]!);
      if (v === undefined) continue;
      if (i < a.length) throw vm.typeErr(`argument for ${fname}() given by name ('${names[i]}') and position (${i + 1})`);
      out[i] = v;
      used++;
    }
    kwOnly.forEach((n, j) => {
      const v = kw.get(n);
      if (v !== undefined) {
        out[max + j] = v;
        used++;
      }
    });
    if (used < kw.size) {
      const known = new Set([...names.slice(posOnly), ...kwOnly]);
      for (const k of kw.keys()) if (!known.has(k)) throw vm.typeErr(`'${k}' is an invalid keyword argument for ${fname}()`);
    }
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) throw vm.typeErr(`${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
  }
  return out;
}

/**
 * The bytes of a bytes-like object, read as C code reads a buffer (the object's header and its
 * payload), or null when `v` has none. bytes and bytearray are read in place (the result is a
 * view: copy it to keep it); memoryview and array.array through `__bytes__`, the interpreter's
 * stand-in for the buffer protocol (as objects/bytes.ts bytesOf and struct).
 */
export function bufferBytes(vm: Vm, v: PyVal): Uint8Array | null {
  if (v instanceof PyBytes) {
    const t = vm.cur;
    vm.readObj(t, v);
    if (v.len > 0) vm.rd(t, v.dataAddr, v.len);
    return v.data.subarray(0, v.len);
  }
  if (!(v instanceof PyObject) || v instanceof PyBoxed) return null;
  const conv = vm.lookup(v.cls, '__bytes__');
  if (conv === undefined) return null;
  const b = vm.callValue(conv, [v], null);
  return b instanceof PyBytes ? bufferBytes(vm, b) : null;
}
