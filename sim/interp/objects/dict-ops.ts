/**
 * The dict's mutation API: the only code that changes an existing dict's table (`set`, `delete`,
 * `removeAt`, `clear` of `../dict.ts`'s PyDict) besides the write path's own `dictSet`/`dictDel`.
 * Each operation goes through the write path (`vm.mutate`: barrier, header write, one snapshot
 * per transaction) before the table changes. A dict being filled before anyone else can see it
 * (a display, a constructor, a copy) is filled directly by the code that made it.
 *
 * Typed against the write path only (not the whole VM), so the VM's own opcodes can use it.
 */
import type { PyDict } from '../dict.js';
import type { GuestThread } from '../thread.js';
import type { PyVal } from '../values.js';
import type { VmWritePath } from '../vm/write-path.js';

/** Stores one entry of an update in progress. */
export type DictStore = (k: PyVal, v: PyVal) => void;

/** d[k] = v. */
export function dictSetItem(vm: VmWritePath, t: GuestThread, d: PyDict, k: PyVal, v: PyVal): void {
  vm.dictSet(t, d, k, v);
}

/** del d[k]: the old value, undefined when k was missing. */
export function dictDelItem(vm: VmWritePath, t: GuestThread, d: PyDict, k: PyVal): PyVal | undefined {
  return vm.dictDel(t, d, k);
}

/** Removes the entry in slot i (popitem). */
export function dictRemoveAt(vm: VmWritePath, t: GuestThread, d: PyDict, i: number): void {
  vm.mutate(t, d);
  d.removeAt(i);
}

/** d.clear(). */
export function dictClear(vm: VmWritePath, t: GuestThread, d: PyDict): void {
  vm.mutate(t, d);
  d.clear();
}

/**
 * An update (dict.update, `|=`, `f(**kw)`'s merge): one write-path mutation, then `fill` stores
 * entries in order (it may read other objects between stores, as CPython's dict_merge does).
 */
export function dictUpdate(vm: VmWritePath, t: GuestThread, d: PyDict, fill: (store: DictStore) => void): void {
  vm.mutate(t, d);
  fill((k, v) => void d.set(k, v));
}

/**
 * dict.__init__(self, ...): stores entries with no traffic of its own (as it always has here: it
 * runs on the dict its constructor just made).
 */
export function dictInit(d: PyDict, fill: (store: DictStore) => void): void {
  fill((k, v) => void d.set(k, v));
}
