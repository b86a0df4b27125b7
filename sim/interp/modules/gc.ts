/**
 * `gc`: the collector's switches and thresholds (guest-visible state, undone with an aborted
 * transaction) and `collect()`, which calls the VM's `collectCycles` hook: under refcount
 * cpython/biased the modelled cyclic collection (vm/write-path.ts), returning the number of
 * unreachable objects it found among the counted kinds (instances, lists, tuples, functions,
 * generators); 0 under `none`. The automatic generation-0 collections follow CPython's default
 * threshold (700) whatever set_threshold says. `get_count()` is (0, 0, 0).
 */
import { PyList, PyObject, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, factoryModule, newModule, toInt } from './kit.js';

export const gc = factoryModule('gc', makeGc);

function makeGc(vm: Vm): PyModule {
  const m = newModule(vm, 'gc');
  const state = { enabled: true, threshold: [700, 10, 10] as number[] };
  /** The switches are guest-visible state: an aborted transaction restores them. */
  const touch = (): void => {
    const t = vm.cur;
    if (t.tx !== null) {
      const saved = { enabled: state.enabled, threshold: state.threshold.slice() };
      vm.logUndo(t, () => {
        state.enabled = saved.enabled;
        state.threshold = saved.threshold;
      });
    }
  };
  defineFn(vm, m, 'enable', () => {
    touch();
    state.enabled = true;
    return vm.None;
  });
  defineFn(vm, m, 'disable', () => {
    touch();
    state.enabled = false;
    return vm.None;
  });
  defineFn(vm, m, 'isenabled', () => state.enabled);
  defineFn(vm, m, 'collect', (a, kw) => {
    const g = a[0] ?? kw?.get('generation') ?? 2;
    const gen = Number(toInt(vm, g));
    if (gen < 0 || gen > 2) throw vm.err('ValueError', 'invalid generation');
    return vm.collectCycles(gen);
  });
  defineFn(vm, m, 'get_threshold', () => vm.newTuple(state.threshold.slice()));
  defineFn(vm, m, 'set_threshold', (a) => {
    if (a.length < 1 || a.length > 3) throw vm.typeErr(`set_threshold() takes from 1 to 3 positional arguments but ${a.length} were given`);
    touch();
    const th = state.threshold.slice();
    a.forEach((v, i) => { th[i] = Number(toInt(vm, v)); });
    state.threshold = th;
    return vm.None;
  });
  defineFn(vm, m, 'get_count', () => vm.newTuple([0, 0, 0]));
  defineFn(vm, m, 'is_tracked', (a) => {
    const v: PyVal = a[0]!;
    return v instanceof PyObject && v !== vm.None && !vm.isSubtype(v.cls, vm.T.float) && v.cls !== vm.T.str;
  });
  defineFn(vm, m, 'freeze', () => vm.None);
  defineFn(vm, m, 'unfreeze', () => vm.None);
  defineFn(vm, m, 'get_freeze_count', () => 0);
  defineValue(m, 'garbage', vm.placeList(new PyList(vm.T.list, [])));
  defineValue(m, 'callbacks', vm.placeList(new PyList(vm.T.list, [])));
  defineValue(m, 'DEBUG_STATS', 1);
  defineValue(m, 'DEBUG_COLLECTABLE', 2);
  defineValue(m, 'DEBUG_UNCOLLECTABLE', 4);
  defineValue(m, 'DEBUG_SAVEALL', 32);
  defineValue(m, 'DEBUG_LEAK', 38);
  return m;
}
