/**
 * Modules the runner provides (`htmsim` with `params` and `metric`, tests' own): plain data
 * becomes guest values and host functions are called with their arguments converted to JS.
 */
import { PyDict } from '../dict.js';
import { PyFloat, PyList, PyTuple, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, newFloat, newModule, type GuestModule } from './kit.js';

export const host: GuestModule = {
  name: '(host modules)',
  install(vm: Vm): void {
    for (const [name, spec] of Object.entries(vm.hostModules)) {
      vm.moduleFactories.set(name, () => {
        const m = newModule(vm, name);
        for (const [k, v] of Object.entries(spec.values ?? {})) defineValue(m, k, fromJs(vm, v));
        for (const [k, f] of Object.entries(spec.functions ?? {})) defineFn(vm, m, k, (a) => fromJs(vm, f(...a.map((x) => toJs(vm, x)))));
        return m;
      });
    }
  },
};

function fromJs(vm: Vm, v: unknown): PyVal {
  if (v === null || v === undefined) return vm.None;
  if (typeof v === 'number') return Number.isInteger(v) ? v : newFloat(vm, v);
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
  if (Array.isArray(v)) return vm.placeList(vm.newList(v.map((x) => fromJs(vm, x))));
  if (typeof v === 'object') {
    const d = vm.placeDict(vm.newDict());
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) d.set(k, fromJs(vm, x));
    return d;
  }
  return vm.None;
}

function toJs(vm: Vm, v: PyVal): unknown {
  if (v === vm.None) return null;
  if (v instanceof PyFloat) return v.v;
  if (typeof v !== 'object') return v;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.map((x) => toJs(vm, x));
  if (v instanceof PyDict) {
    const o: Record<string, unknown> = {};
    for (const i of v.entries()) o[vm.str(v.keys[i]!)] = toJs(vm, v.vals[i]!);
    return o;
  }
  return vm.str(v);
}
