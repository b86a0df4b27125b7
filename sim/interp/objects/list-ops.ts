/**
 * The list's mutation API: the only code that changes a list's `items` (with `../vm/write-path.ts`,
 * whose primitives these call). Each operation makes its port accesses and logs its undo record
 * (`vm.mutate`: barrier, header write, one snapshot per transaction) before the host array
 * changes, so a transaction that aborts finds every change in its undo log; each also counts the
 * references it makes and drops (`vm.countRefs`: object lifetimes under refcount cpython/biased).
 * tests/architecture/mutation-api.test.ts fails when any other file edits `.items`.
 *
 * Typed against the write path only (not the whole VM), so the VM's own opcodes can use it.
 */
import type { GuestThread } from '../thread.js';
import type { PyList, PyVal } from '../values.js';
import type { VmWritePath } from '../vm/write-path.js';

/** l.append(v). */
export function listAppend(vm: VmWritePath, t: GuestThread, l: PyList, v: PyVal): void {
  vm.listAppend(t, l, v);
}

/** l[i] = v, i in range. */
export function listSetItem(vm: VmWritePath, t: GuestThread, l: PyList, i: number, v: PyVal): void {
  vm.listSet(t, l, i, v);
}

/** l.insert(i, v), i already clamped to 0..len. */
export function listInsert(vm: VmWritePath, t: GuestThread, l: PyList, i: number, v: PyVal): void {
  vm.mutate(t, l);
  vm.listGrow(t, l, l.items.length + 1);
  vm.countRefs(t, null, [v]);
  l.items.splice(i, 0, v);
}

/** l.pop(i), i in range: reads the slot, returns the item. */
export function listPop(vm: VmWritePath, t: GuestThread, l: PyList, i: number): PyVal {
  vm.mutate(t, l);
  vm.rd(t, l.itemsAddr + i * 8, 8);
  const v = l.items.splice(i, 1)[0]!;
  vm.countRefs(t, [v], null);
  return v;
}

/** del l[i] (and l.remove's deletion), i in range. */
export function listDeleteAt(vm: VmWritePath, t: GuestThread, l: PyList, i: number): void {
  vm.mutate(t, l);
  vm.countRefs(t, l.items.splice(i, 1), null);
}

/**
 * l.extend(items). `slotTraffic`: write the new slots, a line at a time (list.extend, +=);
 * the VM's LIST_EXTEND (building `[*a, *b]`) does not.
 */
export function listExtend(vm: VmWritePath, t: GuestThread, l: PyList, items: PyVal[], slotTraffic = true): void {
  vm.mutate(t, l);
  vm.listGrow(t, l, l.items.length + items.length);
  if (slotTraffic) {
    const line = vm.port.lineBytes;
    const base = l.items.length;
    for (let off = 0; off < items.length * 8; off += line) vm.wr(t, l.itemsAddr + base * 8 + off, 8);
  }
  vm.countRefs(t, null, items);
  for (const x of items) l.items.push(x);
}

/** Replaces the whole contents (sort, reverse, slice assignment, `*=`, `__init__`). */
export function listAssign(vm: VmWritePath, t: GuestThread, l: PyList, items: PyVal[]): void {
  vm.listReplace(t, l, items);
}

/** l.clear(). */
export function listClear(vm: VmWritePath, t: GuestThread, l: PyList): void {
  vm.listReplace(t, l, []);
}
