/**
 * Reference counts of guest objects (refcount `cpython` and `biased`): a side table of typed
 * arrays indexed by an object's slot (`PyObject.rid`, 0: not counted — statics, unboxed values,
 * types, modules, temporaries), so counting never allocates on the host.
 *
 * What is counted (the VM's write path does it, vm/write-path.ts): references held by the heap —
 * list/tuple/set items, dict keys and values, instance and class attributes, cells, an iterator's
 * container, a function's defaults and closure. References from frames (value stack, fast
 * locals, the function being run) are not counted one by one but found when needed, as deferred
 * reference counting does (Deutsch–Bobrow): an object whose count is zero sits in the zero-count
 * table (ZCT), and at the next safe point (an instruction boundary of a top-level eval loop, where
 * no host code holds guest values) every ZCT entry that no frame references is dead, exactly the
 * objects CPython would have freed by then. The block goes back to pymalloc at once, so the next
 * allocation of its size reuses it LIFO, as in CPython. Guest results never depend on any of it:
 * only which simulated addresses objects get, hence lines and timing.
 *
 * Cycles: objects kept alive only by a reference cycle never reach zero; a modelled cyclic
 * collection (vm/write-path.ts `collectCycles`) finds them, generation 0 after 700 net
 * allocations of tracked objects as CPython's default threshold, or all generations on
 * `gc.collect()`.
 */
import type { PyObject } from './values.js';

export const GC_THRESHOLD0 = 700;

export class Lifetimes {
  counts = new Int32Array(1024);
  objs: (PyObject | null)[] = [null];
  /** ZCT membership per slot and the table itself. */
  inZct = new Uint8Array(1024);
  zct = new Int32Array(256);
  zlen = 0;
  /** Root marks of the current safe-point scan (epoch per slot). */
  mark = new Int32Array(1024);
  epoch = 0;
  /** Set when something may have died since the last safe point. */
  dirty = false;
  /** Free slots, LIFO. */
  private freeSlots = new Int32Array(256);
  private nfree = 0;
  /** Objects allocated since the last generation-0 collection (CPython's generations[0].count). */
  gen0 = 0;
  /** The young generation: slots allocated since the last collection (a slot may have died since). */
  young = new Int32Array(256);
  youngObjs: (PyObject | null)[] = [];
  nyoung = 0;
  /** Statistics. */
  allocated = 0;
  freed = 0;
  collections = 0;

  get live(): number { return this.allocated - this.freed; }

  private grow(need: number): void {
    let n = this.counts.length;
    while (n <= need) n *= 2;
    const c = new Int32Array(n);
    c.set(this.counts);
    this.counts = c;
    const z = new Uint8Array(n);
    z.set(this.inZct);
    this.inZct = z;
    const m = new Int32Array(n);
    m.set(this.mark);
    this.mark = m;
  }

  /** Gives o a slot with count 0 and puts it in the ZCT (a new object is referenced by no heap object). */
  register(o: PyObject): number {
    let rid: number;
    if (this.nfree > 0) rid = this.freeSlots[--this.nfree]!;
    else {
      rid = this.objs.length;
      this.objs.push(null);
      if (rid >= this.counts.length) this.grow(rid);
    }
    this.objs[rid] = o;
    this.counts[rid] = 0;
    o.rid = rid;
    this.allocated++;
    this.gen0++;
    if (this.nyoung === this.young.length) {
      const y = new Int32Array(this.young.length * 2);
      y.set(this.young);
      this.young = y;
    }
    this.young[this.nyoung] = rid;
    this.youngObjs[this.nyoung++] = o;
    this.toZct(rid);
    return rid;
  }
  /** Retires o's slot (o is dead). */
  release(o: PyObject): void {
    const rid = o.rid;
    if (rid <= 0) return;
    this.objs[rid] = null;
    this.counts[rid] = 0;
    o.rid = 0;
    if (this.nfree === this.freeSlots.length) {
      const f = new Int32Array(this.freeSlots.length * 2);
      f.set(this.freeSlots);
      this.freeSlots = f;
    }
    this.freeSlots[this.nfree++] = rid;
    this.freed++;
    if (this.gen0 > 0) this.gen0--;
  }
  toZct(rid: number): void {
    this.dirty = true;
    if (this.inZct[rid] === 1) return;
    this.inZct[rid] = 1;
    if (this.zlen === this.zct.length) {
      const z = new Int32Array(this.zct.length * 2);
      z.set(this.zct);
      this.zct = z;
    }
    this.zct[this.zlen++] = rid;
  }
  /** Removes the ZCT entry at i (order is not kept: the last entry takes its place). */
  zctRemoveAt(i: number): void {
    const rid = this.zct[i]!;
    this.inZct[rid] = 0;
    this.zct[i] = this.zct[--this.zlen]!;
  }
  /** A new scan epoch for root marks. */
  newEpoch(): number {
    this.epoch = (this.epoch + 1) | 0;
    if (this.epoch === 0) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }
}
