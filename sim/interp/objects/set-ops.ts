/**
 * The set's mutation API: the only code that changes an existing set's table (`add`, `discard`,
 * `pop`, `clear`, `mergeSet` of `../dict.ts`'s PySet). Each operation goes through the write path
 * (`vm.mutate`: barrier, header write, one snapshot per transaction) before the table changes.
 * A set being filled before anyone else can see it (a display, a constructor) is filled directly
 * by the code that made it.
 *
 * Typed against the write path only (not the whole VM), so the VM's own opcodes can use it.
 */
import { PySet } from '../dict.js';
import type { GuestThread } from '../thread.js';
import type { PyVal } from '../values.js';
import type { VmWritePath } from '../vm/write-path.js';

/** s.add(v). */
export function setAdd(vm: VmWritePath, t: GuestThread, s: PySet, v: PyVal): void {
  vm.mutate(t, s);
  const added = s.add(v);
  vm.setSlot(t, s, added);
}

/** s.discard(v); whether v was there (s.remove raises when it was not). */
export function setDiscard(vm: VmWritePath, t: GuestThread, s: PySet, v: PyVal): boolean {
  vm.mutate(t, s);
  const found = s.discard(v);
  vm.setSlot(t, s, found);
  return found;
}

/** s.pop(): an arbitrary item, undefined when empty. */
export function setPop(vm: VmWritePath, t: GuestThread, s: PySet): PyVal | undefined {
  vm.mutate(t, s);
  const v = s.pop();
  if (v !== undefined) vm.setSlot(t, s, true);
  return v;
}

/** s.clear(). */
export function setClear(vm: VmWritePath, t: GuestThread, s: PySet): void {
  vm.mutate(t, s);
  s.clear();
  vm.setTable(t, s);
}

/** s.update(*sources): a set source is merged with its layout (CPython's set_merge), others iterated. */
export function setUpdate(vm: VmWritePath, t: GuestThread, s: PySet, sources: PyVal[]): void {
  vm.mutate(t, s);
  for (const o of sources) {
    if (o instanceof PySet) s.mergeSet(o);
    else for (const x of vm.toList(o)) s.add(x);
  }
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/** Adds each item in order (`s |= other`). */
export function setAddAll(vm: VmWritePath, t: GuestThread, s: PySet, items: PyVal[]): void {
  vm.mutate(t, s);
  for (const x of items) s.add(x);
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/** s.difference_update(*sources) and `s -= other`. */
export function setDiscardAll(vm: VmWritePath, t: GuestThread, s: PySet, sources: PyVal[]): void {
  vm.mutate(t, s);
  for (const o of sources) for (const x of vm.toList(o)) s.discard(x);
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/** s.symmetric_difference_update(other). */
export function setToggleAll(vm: VmWritePath, t: GuestThread, s: PySet, other: PyVal): void {
  vm.mutate(t, s);
  for (const x of vm.toList(other)) if (!s.discard(x)) s.add(x);
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/** Replaces the contents with items in order (intersection_update, `&=`). */
export function setReplace(vm: VmWritePath, t: GuestThread, s: PySet, items: PyVal[]): void {
  vm.mutate(t, s);
  s.clear();
  for (const x of items) s.add(x);
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/** Replaces the contents with another set's table (`^=`). */
export function setReplaceWithSet(vm: VmWritePath, t: GuestThread, s: PySet, src: PySet): void {
  vm.mutate(t, s);
  s.clear();
  s.mergeSet(src);
  vm.setTable(t, s); // a table the loop grew is made now (bulk operations do not trace each entry)
}

/**
 * set.__init__(self[, iterable]): clears and refills. It makes no traffic of its own (as it
 * always has here: it runs on the set its constructor just made).
 */
export function setInit(vm: VmWritePath, s: PySet, src: PyVal | undefined): void {
  s.clear();
  if (src !== undefined) for (const x of vm.toList(src)) s.add(x);
}
