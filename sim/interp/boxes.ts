/**
 * Simulated memory of the ints and strs the heap keeps (refcount `cpython` and `biased`).
 *
 * Guest ints and strs are host primitives (values.ts): they have no identity, so the interpreter
 * cannot follow one CPython int object from its creation to its death. What it can follow is the
 * heap's references to a value: a list item, a dict key or value, a tuple item, an attribute.
 * A value the heap references gets a block of CPython's size for its kind (a 28-byte int, a
 * 49 + n byte ASCII str, ...) from pymalloc when the first such reference is made, and the block
 * goes back when the last one is dropped. Blocks are kept per thread: a thread that stores a
 * value makes its own object unless the value is the one it just read out of the heap (then it
 * stores that object again, as `b.append(a[i])` does), so threads computing equal values do not
 * share a line they would not share in CPython, while a module constant every thread reads is
 * one object all of them reference. Within a thread equal values share one block (CPython would
 * have one object per computation: two equal big ints computed apart are two objects there).
 *
 * Values a frame holds and never stores are the temporaries of heap.ts (one recycled block per
 * size class): CPython frees them within an iteration and hands the block out again, so they add
 * no line; a kept value adds its own block's lines, as CPython's does. Guest results never
 * depend on it. The table is typed arrays indexed by a slot, found through one Map from the value.
 */

/** Values that have a block while the heap references them. */
export type BoxedPrim = number | bigint | string;

export class PrimBoxes {
  /** Per guest thread: its blocks by value (a thread's own computations make its own objects). */
  private readonly maps: Map<BoxedPrim, number>[] = [];
  /** Per slot: the block's address and byte size, the references the heap holds, the thread that made it. */
  addr = new Float64Array(256);
  bytes = new Int32Array(256);
  count = new Int32Array(256);
  owner = new Int32Array(256);
  private freeSlots: number[] = [];
  private next = 1;
  private map(tid: number): Map<BoxedPrim, number> {
    let m = this.maps[tid];
    if (m === undefined) this.maps[tid] = m = new Map();
    return m;
  }
  /** The block thread tid made for v, or 0. */
  own(tid: number, v: BoxedPrim): number {
    return this.maps[tid]?.get(v) ?? 0;
  }
  /** The block a reference to v that thread tid holds or reads refers to: its own, else another thread's (a shared object), else 0. */
  find(tid: number, v: BoxedPrim): number {
    const s = this.own(tid, v);
    if (s !== 0) return s;
    const maps = this.maps;
    for (let i = 0; i < maps.length; i++) {
      if (i === tid) continue;
      const o = maps[i]?.get(v);
      if (o !== undefined) return o;
    }
    return 0;
  }
  /** Whether slot s is v's block still. */
  holds(s: number, v: BoxedPrim): boolean {
    return s !== 0 && this.maps[this.owner[s]!]?.get(v) === s;
  }
  /** A new slot for v, made by thread tid, with its block (count 1). */
  create(tid: number, v: BoxedPrim, addr: number, bytes: number): number {
    let s = this.freeSlots.pop();
    if (s === undefined) {
      s = this.next++;
      if (s >= this.addr.length) this.grow();
    }
    this.map(tid).set(v, s);
    this.addr[s] = addr;
    this.bytes[s] = bytes;
    this.count[s] = 1;
    this.owner[s] = tid;
    return s;
  }
  /** Slot s passes from `from` to `to` (a str resized in place), with its block now at addr and the given count. */
  rekey(from: BoxedPrim, to: BoxedPrim, s: number, addr: number, bytes: number, count: number): void {
    const m = this.map(this.owner[s]!);
    m.delete(from);
    m.set(to, s);
    this.addr[s] = addr;
    this.bytes[s] = bytes;
    this.count[s] = count;
  }
  /** Forgets slot s of v (its block went back, or its creation was undone). */
  remove(v: BoxedPrim, s: number): void {
    this.maps[this.owner[s]!]?.delete(v);
    this.count[s] = 0;
    this.freeSlots.push(s);
  }
  private grow(): void {
    const n = this.addr.length * 2;
    const a = new Float64Array(n);
    a.set(this.addr);
    this.addr = a;
    const b = new Int32Array(n);
    b.set(this.bytes);
    this.bytes = b;
    const c = new Int32Array(n);
    c.set(this.count);
    this.count = c;
    const o = new Int32Array(n);
    o.set(this.owner);
    this.owner = o;
  }
}

/**
 * CPython 3.11's size in bytes of an int or str object (what sys.getsizeof reports, without a
 * GC header: neither kind has one). Ints: 24 + 4 per 30-bit digit (28 for zero too); strs: the
 * compact forms, 49 + n (ASCII), 73 + n (Latin-1), 74 + 2n (UCS-2), 76 + 4n (UCS-4), counted in
 * code points (a surrogate pair is one).
 */
export function primBytes(v: BoxedPrim): number {
  if (typeof v === 'number') {
    let a = Math.abs(v);
    let digits = 1;
    while (a >= 1073741824) {
      a = Math.floor(a / 1073741824);
      digits++;
    }
    return 24 + 4 * digits;
  }
  if (typeof v === 'bigint') {
    let a = v < 0n ? -v : v;
    let digits = 1;
    while (a >= 1073741824n) {
      a >>= 30n;
      digits++;
    }
    return 24 + 4 * digits;
  }
  let max = 0;
  let pairs = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) pairs++;
    else if (c > max) max = c;
  }
  const n = v.length - pairs;
  if (pairs > 0) return 76 + 4 * n;
  if (max < 0x80) return 49 + n;
  if (max < 0x100) return 73 + n;
  return 74 + 2 * n;
}
