/**
 * The write path: every simulated memory access the VM makes on behalf of guest objects
 * (refcount header writes, container header/slot reads and writes, allocator traffic for new
 * objects) and every mutation of guest-visible state, with its undo record.
 *
 * Rollback: every mutation of guest-visible state goes through these methods (listSet/listAppend/
 * dictSet/.../setAttrRaw/cellSet/fieldSet); inside a transaction they log undo records (slot-level
 * for list/bytearray item stores, a structural snapshot once per transaction for everything that
 * also writes the container header). transactions.ts replays the log.
 *
 * Lifetimes (refcount cpython/biased; sim/interp/lifetimes.ts explains the model): the same
 * methods count the references containers, attributes and cells hold (`incRef`/`decRef`, undone
 * with the transaction), `place` gives counted kinds their slot, `reconcile` (a safe point of the
 * eval loop) frees what no frame references, and `collectCycles` is the cyclic collection.
 *
 * Ordering rule that makes rollback-by-another-core exact: every port access is made BEFORE the
 * host object is read or mutated, so when that access aborts another core's transaction (the
 * machine calls our abort handler synchronously), the victim's writes are undone before we look.
 */
import { asAddr } from '../../common/brand.js';
import { primBytes, type BoxedPrim } from '../boxes.js';
import { PyDict, PySet } from '../dict.js';
import { ABORT_SIGNAL, FALSE_ADDR, SMALL_INT_BASE, SMALL_INT_SIZE, TRUE_ADDR } from '../heap.js';
import type { CodeObject } from '../chunk.js';
import { threadSite } from '../forensics.js';
import { BARRIER_ABORT, BARRIER_WAIT } from '../hooks.js';
import type { OwnerKind } from '../ownership.js';
import { GC_THRESHOLD0 } from '../lifetimes.js';
import { GuestThread, PyAGenAwaitable, PyGenerator, U_ALLOC, U_BOX_FREE, U_BOX_NEW, U_BOX_RC, U_BYTE, U_CALL, U_CELL, U_FIELD, U_FREE, U_LIST_SLOT, U_MAP_SNAP, U_RC, U_SNAP, type Frame } from '../thread.js';
import { CodeHolder, DEFERRED_RC, PyBytes, PyCell, PyComplex, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyMethod, PyModule, PyObject, PyTuple, PyType, type PyVal, type Slot } from '../values.js';
import { SUSPEND_SIGNAL } from './signals.js';
import { VmObjectModel } from './object-model.js';

export abstract class VmWritePath extends VmObjectModel {
  abstract txRollback(t: GuestThread, status: number): void;
  /** Runs the queued weakref callbacks (exceptions.ts: an error in one is printed and ignored). */
  protected abstract runWeakCallbacks(): void;



  /** The header address whose refcount a reference to v writes (0: nothing to write). */
  rcAddr(t: GuestThread, v: PyVal): number {
    switch (typeof v) {
      case 'number':
        if (v >= -5 && v <= 256 && this.smallInts) return this.biased ? 0 : SMALL_INT_BASE + (v + 5) * SMALL_INT_SIZE;
        return t.scratchAddr;
      case 'boolean':
        if (!this.smallInts || this.biased) return 0;
        return v ? TRUE_ADDR : FALSE_ADDR;
      case 'string':
      case 'bigint':
        return t.scratchAddr;
      default:
        if (v === this.None && (!this.smallInts || this.biased)) return 0;
        return v.addr;
    }
  }

  /** incref/decref of v: one header write under cpython/biased refcounting. */
  rc(t: GuestThread, v: PyVal): void {
    if (!this.rcOn) return;
    const a = typeof v === 'object' && v !== this.None ? (v.owner !== DEFERRED_RC ? v.addr : 0) : this.rcAddr(t, v);
    if (a !== 0 && this.port.write(t.core, asAddr(a), 8) < 0) throw ABORT_SIGNAL;
  }
  rd(t: GuestThread, addr: number, bytes: number): void {
    if (addr !== 0 && this.port.read(t.core, asAddr(addr), bytes) < 0) throw ABORT_SIGNAL;
  }
  wr(t: GuestThread, addr: number, bytes: number): void {
    if (addr !== 0 && this.port.write(t.core, asAddr(addr), bytes) < 0) throw ABORT_SIGNAL;
  }
  /** A fresh temporary (an int/float/str result): allocator traffic, becomes the scratch block. */
  tmp(t: GuestThread, bytes: number): number {
    const a = this.heap.allocTemp(t.id, t.core, bytes);
    t.scratchAddr = a;
    if (this.owners !== null) {
      // Temporaries reuse one recycled block per size class and allocator (heap.ts): shared by
      // every thread under the global allocator; a per-thread nursery without refcounting.
      if (this.rcOn) this.owners.tag(a, bytes, 'allocator', `recycled temporary block, ${(bytes + 15) & ~15} B class`);
      else this.owners.tag(a, bytes, 'guest-object', 'temporaries (thread nursery)');
    }
    return a;
  }
  /** Gives a new long-lived object its simulated block. */
  place<O extends PyObject>(o: O, bytes: number): O {
    const t = this.cur;
    if (t === undefined) {
      o.addr = this.heap.allocStatic(bytes);
    } else {
      o.addr = this.heap.allocLong(t.id, t.core, bytes);
      o.reused = this.heap.lastReused;
      o.owner = t.id;
    }
    // PEP 703 defers the reference counts of functions, code objects, modules and types (its
    // biased counting never writes them on a load); the others keep their per-object counts.
    if (this.biased && (o instanceof PyFunction || o instanceof PyModule || o instanceof PyType || o instanceof CodeHolder)) o.owner = DEFERRED_RC;
    o.size = bytes;
    if (this.owners !== null) {
      if (t === undefined) this.owners.tag(o.addr, bytes, 'interp-static', `${o.cls.name} (built at start-up)`);
      else this.owners.tagObject(o.addr, bytes, this.allocDetail(o.cls.name));
    }
    if (this.life !== null && t !== undefined && this.countedKind(o)) this.born(t, o);
    return o;
  }

  // ───────────── lifetimes (refcount cpython/biased) ─────────────

  /**
   * Kinds whose death is modelled: the references to them that live in the heap are all counted by
   * the write path (instances, lists, tuples, functions, generators, async generators' awaitables;
   * dicts and sets the guest makes, through `placeDict(d, true)` and `placeSet`). Others (types,
   * modules, namespaces, cells, builtins) stay allocated: some of their referrers are host structures.
   */
  protected countedKind(o: PyObject): boolean {
    return o instanceof PyInstance || o instanceof PyList || o instanceof PyTuple || o instanceof PyFunction || o instanceof PyGenerator
      || o instanceof PyAGenAwaitable;
  }
  /** A counted object is born: a slot, its initial contents counted, the allocation undoable. */
  protected born(t: GuestThread, o: PyObject): void {
    const lt = this.life!;
    lt.register(o);
    if (t.tx !== null) t.tx.log(U_ALLOC, o, null, null);
    this.lifeT = t;
    this.eachChild(o, this.incChild);
    if (o instanceof PyGenerator) this.liveGens.add(o);
  }
  /** Generators whose frames are roots while suspended. */
  protected readonly liveGens = new Set<PyGenerator>();
  private lifeT: GuestThread | undefined = undefined;
  private readonly incChild = (v: PyVal): void => { this.incRef(this.lifeT!, v); };
  private readonly decChild = (v: PyVal): void => { this.decRef(this.lifeT!, v); };
  /** The counted references o holds (what `born` counts and freeing releases). */
  protected eachChild(o: PyObject, fn: (v: PyVal) => void): void {
    if (o instanceof PyList || o instanceof PyTuple) {
      const items = o.items;
      for (let i = 0; i < items.length; i++) fn(items[i]!);
    } else if (o instanceof PyInstance) {
      for (const v of o.attrs.values()) fn(v);
    } else if (o instanceof PyFunction) {
      const d = o.defaults;
      for (let i = 0; i < d.length; i++) fn(d[i]!);
      if (o.kwdefaults !== null) for (const v of o.kwdefaults.values()) fn(v);
    } else if (o instanceof PyDict) {
      const ks = o.keys, vs = o.vals;
      for (let i = 0; i < ks.length; i++) {
        if (ks[i] === undefined) continue;
        fn(ks[i]!);
        fn(vs[i]!);
      }
    } else if (o instanceof PySet) {
      for (let i = 0; i <= o.mask; i++) if (o.occupied(i)) fn(o.table[i] as PyVal);
    } else if (o instanceof PyAGenAwaitable) {
      fn(o.agen);
      fn(o.value);
      if (o.exc !== null) fn(o.exc);
    }
  }
  /** A heap reference to v is made (write path; undone with the transaction). */
  incRef(t: GuestThread, v: PyVal | undefined): void {
    if (typeof v !== 'object') {
      if (v !== undefined && typeof v !== 'boolean' && this.boxes !== null) this.boxRef(t, v);
      return;
    }
    const rid = v.rid;
    if (rid <= 0) {
      // A tuple host code made without a slot of its own holds uncounted references; stored in the
      // heap it would hide them, so its items are counted now, for good (kept, never freed early:
      // a leak at worst, never a live object's block handed out again). Tuples only: immutable, so
      // none can hold itself and the walk ends.
      if (rid === 0 && v instanceof PyTuple) for (const x of v.items) this.incRef(t, x);
      return;
    }
    this.life!.counts[rid]++;
    if (t.tx !== null) t.tx.log(U_RC, v, null, 1);
  }
  /** A heap reference to v is dropped; at zero v waits in the ZCT for the next safe point. */
  decRef(t: GuestThread, v: PyVal | undefined): void {
    if (typeof v !== 'object') {
      if (v !== undefined && typeof v !== 'boolean' && this.boxes !== null) this.boxUnref(t, v);
      return;
    }
    const rid = v.rid;
    if (rid <= 0) return;
    const lt = this.life!;
    const c = lt.counts[rid]!;
    if (c <= 0) return;
    lt.counts[rid] = c - 1;
    if (c === 1) lt.toZct(rid);
    if (t.tx !== null) t.tx.log(U_RC, v, null, -1);
  }
  /**
   * The addresses of a code object's int and str constants (0: a shared one, or not an int or
   * str), given static blocks of their CPython size on first use: LOAD_CONST writes the refcount
   * of the code object's own constant, one object for every thread running the code. Under
   * `biased` they are immortal (PEP 703 makes code constants so) and this is not asked.
   */
  constAddrsOf(consts: PyVal[]): Float64Array {
    let a = this.constAddrCache.get(consts);
    if (a === undefined) {
      a = new Float64Array(consts.length);
      for (let i = 0; i < consts.length; i++) {
        const v = consts[i]!;
        if (typeof v === 'object' || typeof v === 'boolean' || this.shared(v)) continue;
        const bytes = primBytes(v);
        a[i] = this.heap.allocStatic(bytes);
        this.owners?.tag(a[i]!, bytes, 'interp-static', `${typeof v === 'string' ? 'str' : 'int'} constant`);
      }
      this.constAddrCache.set(consts, a);
    }
    return a;
  }
  private readonly constAddrCache = new WeakMap<PyVal[], Float64Array>();
  /** Ints and strs CPython shares (the small ints when cached, the empty str, one-character Latin-1 strs) need no block of their own. */
  private shared(v: BoxedPrim): boolean {
    if (typeof v === 'number') return v >= -5 && v <= 256 && this.smallInts;
    return typeof v === 'string' && (v.length === 0 || (v.length === 1 && v.charCodeAt(0) < 256));
  }
  /** The heap references an int or str: its block is made with the first reference (boxes.ts), written as CPython initializes one. */
  private boxRef(t: GuestThread, v: BoxedPrim): void {
    if (this.shared(v)) return;
    const bx = this.boxes!;
    let s = bx.own(t.id, v);
    if (s === 0 && t.boxVal === v && bx.holds(t.boxSlot, v)) s = t.boxSlot;
    if (s !== 0) {
      // Py_INCREF is a read-modify-write of the object's header.
      this.rd(t, bx.addr[s]!, 8);
      this.wr(t, bx.addr[s]!, 8);
      bx.count[s]!++;
      if (t.tx !== null) t.tx.log(U_BOX_RC, t.id, v, 1);
      return;
    }
    const bytes = primBytes(v);
    const a = this.heap.allocLong(t.id, t.core, bytes);
    // allocLong wrote the first line; the value's digits or characters fill the rest.
    const line = this.port.lineBytes;
    for (let off = line - (a % line); off < bytes; off += line) this.wr(t, a + off, 8);
    // The reference being stored is counted by a read-modify-write of the new object's header.
    this.rd(t, a, 8);
    bx.create(t.id, v, a, bytes);
    if (t.tx !== null) t.tx.log(U_BOX_NEW, t.id, v, null);
    if (this.owners !== null) this.owners.tagObject(a, bytes, this.allocDetail(typeof v === 'string' ? 'str' : 'int'));
  }
  /** A heap reference to an int or str is dropped: at the last one its block goes back (CPython frees it then, or when a frame drops it). */
  private boxUnref(t: GuestThread, v: BoxedPrim): void {
    const bx = this.boxes!;
    const s = bx.find(t.id, v);
    if (s === 0) return;
    const a = bx.addr[s]!;
    this.rd(t, a, 8);
    this.wr(t, a, 8);
    const c = bx.count[s]! - 1;
    if (c > 0) {
      bx.count[s] = c;
      if (t.tx !== null) t.tx.log(U_BOX_RC, t.id, v, -1);
      return;
    }
    const owner = bx.owner[s]!;
    bx.remove(v, s);
    this.heap.free(t.core, a);
    if (t.tx !== null) t.tx.log(U_BOX_FREE, owner, v, a);
  }
  /**
   * An int or str read out of the heap (a list item, a dict value, an attribute): when it has a
   * block, the load reads it and, with `incref`, writes its count (the reference pushed), as
   * CPython does to the object. The count's later decref on the stack goes where every unboxed
   * value's does (the thread's recycled scratch block): it cannot be told apart from the others'.
   */
  boxLoad(t: GuestThread, v: PyVal, incref = true): void {
    if (typeof v === 'object' || typeof v === 'boolean' || this.shared(v)) return;
    const bx = this.boxes!;
    const s = bx.find(t.id, v);
    if (s === 0) return;
    const a = bx.addr[s]!;
    t.boxVal = v;
    t.boxSlot = s;
    this.rd(t, a, 8);
    if (incref && this.rcOn) this.wr(t, a, 8);
  }
  /** Transaction rollback of a box record (transactions.ts; `tid` the thread whose map holds it): no traffic, the hardware undid it. */
  protected undoBox(kind: number, tid: number, v: BoxedPrim, old: number): void {
    const bx = this.boxes!;
    if (kind === U_BOX_RC) {
      const s = bx.find(tid, v);
      if (s !== 0) bx.count[s] = Math.max(0, bx.count[s]! - old);
    } else if (kind === U_BOX_NEW) {
      const s = bx.own(tid, v);
      if (s === 0) return;
      this.heap.unallocate(bx.addr[s]!);
      bx.remove(v, s);
    } else if (bx.own(tid, v) === 0 && this.heap.unfree(old, primBytes(v))) {
      bx.create(tid, v, old, primBytes(v));
    }
  }

  /**
   * A name (a module global, a class-body or exec namespace entry, a cell) is rebound from the str
   * `old` to `v`: when v extends old and nothing else references old, CPython's `s += t` resizes
   * the old object in place (its realloc, then only the new characters are written) instead of
   * making a new one; the block passes to v here the same way. The store that follows counts v.
   */
  storeNameStr(t: GuestThread, old: PyVal | undefined, v: PyVal): void {
    if (typeof v !== 'string' || typeof old !== 'string' || v.length <= old.length) return;
    const bx = this.boxes!;
    const s = bx.find(t.id, old);
    if (s === 0 || bx.count[s] !== 1 || bx.own(t.id, v) !== 0 || !v.startsWith(old)) return;
    const oldAddr = bx.addr[s]!, oldBytes = bx.bytes[s]!;
    const bytes = primBytes(v);
    const a = this.heap.realloc(t.id, t.core, oldAddr, oldBytes, bytes);
    const line = this.port.lineBytes;
    for (let off = oldBytes - 1 - ((a + oldBytes - 1) % line); off < bytes; off += line) if (off >= 0) this.wr(t, a + off, 8);
    // Count 0: the store about to happen counts v, and its drop of old finds no block.
    bx.rekey(old, v, s, a, bytes, 0);
    t.boxVal = v;
    t.boxSlot = s;
    if (t.tx !== null) this.logUndo(t, () => { bx.rekey(v, old, s, oldAddr, oldBytes, 1); });
  }
  tableRef(v: PyVal, delta: 1 | -1): void {
    const t = this.cur as GuestThread | undefined;
    if (t === undefined) {
      // Filled while the VM is being built: no thread, no transaction to undo it with.
      if (delta > 0 && typeof v === 'object' && v.rid > 0) this.life!.counts[v.rid]++;
      return;
    }
    if (delta > 0) this.incRef(t, v);
    else this.decRef(t, v);
  }
  /** Host code changed a counted container's contents: the references it drops and makes. */
  countRefs(t: GuestThread, dropped: readonly PyVal[] | null, made: readonly PyVal[] | null): void {
    if (this.life === null) return;
    if (made !== null) for (let i = 0; i < made.length; i++) this.incRef(t, made[i]);
    if (dropped !== null) for (let i = 0; i < dropped.length; i++) this.decRef(t, dropped[i]);
  }

  private markVal(v: Slot, mark: Int32Array, epoch: number): void {
    if (typeof v !== 'object' || v === null) return;
    if (v.rid > 0) mark[v.rid] = epoch;
    // Temporaries that hold a counted object (an iterator its iterable, a bound method its self).
    if (v instanceof PyTuple) {
      // A tuple made by host code (no slot of its own: its items are not counted).
      if (v.rid === 0) for (let i = 0; i < v.items.length; i++) { const x = v.items[i]!; if (typeof x === 'object' && x.rid > 0) mark[x.rid] = epoch; }
    } else if (v instanceof PyIter) {
      const h = v.held;
      if (h !== null && typeof h === 'object' && h.rid > 0) mark[h.rid] = epoch;
    } else if (v instanceof PyMethod) {
      const s = v.self;
      if (typeof s === 'object' && s.rid > 0) mark[s.rid] = epoch;
      const fn = v.func;
      if (typeof fn === 'object' && fn.rid > 0) mark[fn.rid] = epoch;
    }
  }
  private markFrame(fr: Frame, sp: number, mark: Int32Array, epoch: number): void {
    const stack = fr.stack;
    for (let i = 0; i < sp; i++) this.markVal(stack[i], mark, epoch);
    const fast = fr.fast;
    for (let i = 0; i < fast.length; i++) this.markVal(fast[i], mark, epoch);
    const cells = fr.cells;
    for (let i = 0; i < cells.length; i++) this.markVal(cells[i]!.value, mark, epoch);
    if (fr.fn !== null) this.markVal(fr.fn, mark, epoch);
    if (fr.initSelf !== null) this.markVal(fr.initSelf, mark, epoch);
    if (fr.gen !== null) this.markVal(fr.gen, mark, epoch);
  }
  /**
   * Marks what frames and the interpreter's host structures reference. `conservative`: the whole
   * value-stack arrays (a collection asked for mid-instruction, where the live depth is not saved).
   */
  protected markRoots(conservative: boolean): number {
    const lt = this.life!;
    const epoch = lt.newEpoch();
    const mark = lt.mark;
    for (const th of this.threads) {
      if (th.state === 'done') continue;
      const frames = th.frames;
      for (let i = 0; i < frames.length; i++) {
        const fr = frames[i]!;
        this.markFrame(fr, conservative ? fr.stack.length : fr.sp, mark, epoch);
        // An in-loop run's operand (next()'s default) is off the caller's stack (continuations.ts).
        if (fr.contVal !== undefined) this.markVal(fr.contVal, mark, epoch);
      }
      this.markVal(th.excInfo, mark, epoch);
      this.markVal(th.retVal, mark, epoch);
      this.markVal(th.pyThread, mark, epoch);
      this.markVal(th.uncaught, mark, epoch);
    }
    for (const g of this.liveGens) if (!g.done) this.markFrame(g.frame, conservative ? g.frame.stack.length : g.frame.sp, mark, epoch);
    return epoch;
  }

  /**
   * A safe point (an instruction boundary of a top-level eval loop, the current frame's sp saved):
   * frees every zero-count object no frame references, then runs a generation-0 collection when
   * 700 net allocations have accumulated.
   */
  reconcile(t: GuestThread): void {
    const lt = this.life!;
    lt.dirty = false;
    for (const th of this.threads) if (th.nest > 0) return;
    this.sweepZct(t, false);
    if (lt.gen0 > GC_THRESHOLD0) this.collect(t, false, false);
    if (this.pendingWeak.length > 0) this.runWeakCallbacks();
  }
  private sweepZct(t: GuestThread, conservative: boolean): void {
    const lt = this.life!;
    if (lt.zlen === 0) return;
    const epoch = this.markRoots(conservative);
    const mark = lt.mark;
    let i = 0;
    while (i < lt.zlen) {
      const rid = lt.zct[i]!;
      const o = lt.objs[rid];
      if (o === null || o === undefined || lt.counts[rid]! > 0) {
        lt.zctRemoveAt(i);
        continue;
      }
      if (mark[rid] === epoch) {
        i++;
        continue;
      }
      lt.zctRemoveAt(i);
      this.dealloc(t, o, 0);
    }
  }
  /** Frees a dead object: releases the references it holds, returns its block(s) to the allocator. */
  protected dealloc(t: GuestThread, o: PyObject, dying: number): void {
    const lt = this.life!;
    if (o.rid <= 0) return;
    if (t.tx !== null) t.tx.log(U_FREE, o, null, null);
    const rid = o.rid;
    lt.release(o);
    if (this.weakRefs.size > 0) this.clearWeakRefs(t, o);
    if (dying !== 0) this.dyingStamp[rid] = 0;
    this.lifeT = t;
    this.eachChild(o, dying === 0 ? this.decChild : this.decChildLive);
    if (o instanceof PyGenerator) {
      this.liveGens.delete(o);
      // Its frame's values were roots while it lived: they may be garbage now.
      const fr = o.frame;
      for (let i = 0; i < fr.sp; i++) this.zctIfZero(fr.stack[i]);
      for (let i = 0; i < fr.fast.length; i++) this.zctIfZero(fr.fast[i]);
    }
    this.heap.free(t.core, o.addr);
    const extra = extraBlock(o);
    if (extra !== 0) this.heap.free(t.core, extra);
  }
  /** A freed referent: its weak references now return None; their callbacks run at the safe point, newest first. */
  private clearWeakRefs(t: GuestThread, o: PyObject): void {
    const refs = this.weakRefs.get(o);
    if (refs === undefined) return;
    this.weakRefs.delete(o);
    for (const r of refs) this.weakTarget.set(r, null);
    if (t.tx !== null) {
      this.logUndo(t, () => {
        this.weakRefs.set(o, refs);
        for (const r of refs) this.weakTarget.set(r, o);
      });
    }
    for (let i = refs.length - 1; i >= 0; i--) {
      const cb = this.weakCallback.get(refs[i]!);
      if (cb !== undefined && cb !== this.None && refs[i]!.rid > 0) this.pendingWeak.push([cb, refs[i]!]);
    }
  }
  private zctIfZero(v: Slot): void {
    if (typeof v === 'object' && v !== null && v.rid > 0 && this.life!.counts[v.rid] === 0) this.life!.toZct(v.rid);
  }
  /** Cyclic collection: objects found unreachable together are freed without decrefs among them. */
  private dyingStamp = new Int32Array(0);
  private dyingNow = 0;
  private readonly decChildLive = (v: PyVal): void => {
    if (typeof v === 'object' && v.rid > 0 && this.dyingStamp[v.rid] === this.dyingNow) return;
    this.decRef(this.lifeT!, v);
  };

  /**
   * The cyclic collector (CPython's gc_collect_main, one generation or all): among the tracked
   * candidates, subtracts the references they hold to each other from their counts; those left
   * with a count, or referenced by a frame, are reachable, and so is everything they reach; the
   * rest is cyclic garbage, freed. Traffic: the collector reads and writes every candidate's
   * header (gc_refs) and reads the item arrays it traverses. Returns the number of unreachable
   * objects found.
   */
  protected collect(t: GuestThread, all: boolean, conservative: boolean): number {
    const lt = this.life!;
    lt.collections++;
    const cands: PyObject[] = [];
    if (all) {
      for (let r = 1; r < lt.objs.length; r++) {
        const o = lt.objs[r];
        if (o !== null && o !== undefined) cands.push(o);
      }
    } else {
      for (let i = 0; i < lt.nyoung; i++) {
        const o = lt.youngObjs[i]!;
        if (o !== null && o.rid === lt.young[i]) cands.push(o);
      }
    }
    lt.nyoung = 0;
    lt.youngObjs.length = 0;
    lt.gen0 = 0;
    if (cands.length === 0) return 0;
    const n = lt.counts.length;
    if (this.dyingStamp.length < n) {
      const d = new Int32Array(n);
      d.set(this.dyingStamp);
      this.dyingStamp = d;
    }
    const stamp = ++this.dyingNow;
    // gc_refs: counts minus the references among candidates (dyingStamp = candidate; reuse as set).
    const refs = new Int32Array(n);
    const inSet = new Uint8Array(n);
    for (const o of cands) {
      inSet[o.rid] = 1;
      refs[o.rid] = lt.counts[o.rid]!;
      this.rd(t, o.addr, 16);
      this.wr(t, o.addr, 16);
    }
    for (const o of cands) {
      if (o instanceof PyList && o.itemsAddr !== 0) {
        const line = this.port.lineBytes;
        for (let off = 0; off < o.items.length * 8; off += line) this.rd(t, o.itemsAddr + off, 8);
      }
      this.eachChild(o, (v) => { if (typeof v === 'object' && v.rid > 0 && inSet[v.rid] === 1) refs[v.rid]!--; });
    }
    const epoch = this.markRoots(conservative);
    const mark = lt.mark;
    const work: PyObject[] = [];
    const reached = new Uint8Array(n);
    for (const o of cands) {
      if (refs[o.rid]! > 0 || mark[o.rid] === epoch) {
        reached[o.rid] = 1;
        work.push(o);
      }
    }
    const reach = (v: PyVal): void => {
      if (typeof v === 'object' && v.rid > 0 && inSet[v.rid] === 1 && reached[v.rid] === 0) {
        reached[v.rid] = 1;
        work.push(v);
      }
    };
    while (work.length > 0) this.eachChild(work.pop()!, reach);
    const dead: PyObject[] = [];
    for (const o of cands) if (reached[o.rid] === 0) dead.push(o);
    for (const o of dead) this.dyingStamp[o.rid] = stamp;
    for (const o of dead) this.dealloc(t, o, stamp);
    return dead.length;
  }

  /** gc.collect(generation): frees acyclic garbage, then collects cycles; their number. */
  override collectCycles(generation: number): number {
    const t = this.cur;
    if (this.life === null || t === undefined) return 0;
    // Called from a builtin: frames' sp were saved by the call; outer host code (a nested run)
    // may hold values in its own variables, so then the whole stack arrays count.
    const conservative = t.nest > 0;
    this.sweepZct(t, conservative);
    const n = this.collect(t, generation >= 1, conservative);
    if (this.pendingWeak.length > 0) this.runWeakCallbacks();
    return n;
  }

  /** Transaction rollback of a lifetime record (transactions.ts). */
  protected undoLife(kind: number, o: PyObject, delta: number): void {
    const lt = this.life!;
    if (kind === U_RC) {
      const rid = o.rid;
      if (rid <= 0) return;
      const c = lt.counts[rid]! - delta;
      lt.counts[rid] = c < 0 ? 0 : c;
      if (c <= 0) lt.toZct(rid);
    } else if (kind === U_ALLOC) {
      if (o.rid <= 0) return;
      if (o instanceof PyGenerator) this.liveGens.delete(o);
      lt.release(o);
      this.heap.unallocate(o.addr);
      const extra = extraBlock(o);
      if (extra !== 0) this.heap.unallocate(extra);
    } else {
      // U_FREE: the object lives again, with its block if nothing took it meanwhile.
      if (o.rid > 0) return;
      this.heap.unfree(o.addr, o.size);
      const extra = extraBlock(o);
      if (extra !== 0) this.heap.unfree(extra, extraBytes(o));
      lt.register(o);
      if (o instanceof PyGenerator) this.liveGens.add(o);
    }
  }
  /** Forensics: "type allocated at file:line" for an object the current thread allocates (cached per code, line and type). */
  allocDetail(what: string): string {
    const f = this.cur?.frames[this.cur.frames.length - 1];
    if (f === undefined) return `${what} allocated outside guest code`;
    const line = f.code.lines[f.at >= 0 ? f.at : f.pc] ?? f.code.firstLine;
    let byLine = this.allocDetails.get(f.code);
    if (byLine === undefined) this.allocDetails.set(f.code, (byLine = new Map()));
    const key = `${line} ${what}`;
    let d = byLine.get(key);
    if (d === undefined) byLine.set(key, (d = `${what} allocated at ${threadSite(this.cur)!.file}:${line}`));
    return d;
  }
  private readonly allocDetails = new WeakMap<CodeObject, Map<string, string>>();
  /** Forensics: tags a guest object's separate buffer (list items, dict table, bytes data). */
  tagBuffer(addr: number, bytes: number, what: string): void {
    if (this.owners === null) return;
    const kind: OwnerKind = this.cur === undefined ? 'interp-static' : 'guest-object';
    this.owners.tag(addr, bytes, kind, this.cur === undefined ? `${what} (built at start-up)` : this.allocDetail(what));
  }
  /**
   * A user class's instance as CPython 3.11 lays it out: the object (16-byte GC header, 16 bytes
   * of dict/values pointers, header, weakref slot: 56 bytes; with `__slots__`, the slots instead
   * of the last three words) and, without `__slots__`, a values array of its own, sized for the
   * attributes the class's instances have had so far (tracemalloc on CPython 3.11: 16 + 8 bytes
   * per attribute up to five).
   */
  placeInstance<O extends PyInstance>(o: O): O {
    const slots = o.cls.slotNames;
    if (slots !== null) return this.place(o, 32 + 8 * slots.size);
    this.place(o, 56);
    const t = this.cur;
    if (t === undefined || this.life === null) return o;
    o.valuesSlots = o.cls.instAttrs;
    const bytes = instanceValuesBytes(o.valuesSlots);
    o.valuesAddr = this.heap.allocLong(t.id, t.core, bytes);
    if (this.owners !== null) this.tagBuffer(o.valuesAddr, bytes, 'instance values');
    return o;
  }
  placeList(l: PyList): PyList {
    this.place(l, 56);
    const cap = Math.max(4, l.items.length);
    l.cap = cap;
    l.itemsAddr = this.cur === undefined ? this.heap.allocStatic(cap * 8) : this.heap.allocLong(this.cur.id, this.cur.core, cap * 8);
    if (this.owners !== null) this.tagBuffer(l.itemsAddr, cap * 8, 'list items');
    return l;
  }
  /**
   * The set's simulated table, made to match the host's after it was resized (by an add, a
   * constructor filling it, clear, rollback): CPython's 8-slot table inside the 200-byte set object
   * (offset 64), a block of 16-byte entries beyond, written whole when made (zeroed), the old
   * table's lines read (the entries reinserted) and its block freed. Returns the table's address.
   */
  setTable(t: GuestThread | undefined, s: PySet): number {
    if (s.tableMask !== s.mask) {
      const old = s.tableMask === 7 ? s.addr + 64 : s.tableAddr, oldBytes = (s.tableMask + 1) * 16;
      const oldBlock = s.tableAddr;
      s.tableMask = s.mask;
      s.tableAddr = 0;
      const line = this.port.lineBytes;
      if (s.mask > 7) {
        const bytes = (s.mask + 1) * 16;
        if (t === undefined) s.tableAddr = this.heap.allocStatic(bytes);
        else {
          s.tableAddr = this.heap.allocLong(t.id, t.core, bytes);
          for (let off = line - (s.tableAddr % line); off < bytes; off += line) this.wr(t, s.tableAddr + off, 8);
        }
        if (this.owners !== null) this.tagBuffer(s.tableAddr, bytes, 'set table');
      }
      if (t !== undefined) {
        // Each old entry is read and reinserted: the new table's slot is probed (read) and written.
        for (let off = 0; off < oldBytes; off += line) this.rd(t, old + off, 8);
        const base = s.tableMask === 7 ? s.addr + 64 : s.tableAddr;
        let last = -1;
        for (let i = 0; i <= s.mask; i++) {
          if (!s.occupied(i)) continue;
          const ln = ((base + i * 16) / line) | 0;
          if (ln !== last) {
            this.rd(t, base + i * 16, 8);
            last = ln;
          }
        }
        if (oldBlock !== 0) this.heap.free(t.core, oldBlock);
      }
    }
    return s.tableMask === 7 ? s.addr + 64 : s.tableAddr;
  }
  /** The entry a set operation ended at (read, and written when `write`). */
  setSlot(t: GuestThread, s: PySet, write: boolean): void {
    const a = this.setTable(t, s) + s.lastSlot * 16;
    this.rd(t, a, 8);
    if (write) this.wr(t, a, 8);
  }
  /** A dict: CPython's 48-byte object after its 16-byte GC header; its keys object comes with the first key (dictTable). */
  placeDict(d: PyDict, counted = false): PyDict {
    this.place(d, 64);
    if (counted) this.bornTable(d);
    if (d.dkSize > 0) this.dictTable(this.cur, d);
    return d;
  }
  /** A set the guest makes (a display, set(), an operator's result): 200 bytes with its small table inline, counted. */
  placeSet(s: PySet): PySet {
    this.place(s, 200);
    this.bornTable(s);
    return s;
  }
  /**
   * Dicts and sets the guest makes die as CPython's do (their tables count what they hold as it is
   * stored, so birth counts nothing more). Namespaces (modules', classes', exec's) are made without
   * it: host structures reference them, uncounted.
   */
  private bornTable(o: PyDict | PySet): void {
    const t = this.cur;
    if (this.life === null || t === undefined) return;
    this.life.register(o);
    if (t.tx !== null) t.tx.log(U_ALLOC, o, null, null);
  }
  /**
   * The dict's simulated keys object, made to match the host table when that was rebuilt since
   * (a first key, growth, compaction, clear, rollback): CPython 3.11's layout, a 32-byte header,
   * the index array (1 byte per slot up to 128 slots, 2 up to 32 Ki, 4 beyond) and the entries
   * (16 bytes with only str keys, 24 otherwise; 2/3 of the slots). A new one is written whole (the
   * index array filled with "empty", the entries zeroed), the old one's entries read (the copy)
   * and its block freed. Returns the entries' address.
   */
  dictTable(t: GuestThread | undefined, d: PyDict): number {
    // Every change of size or kind counts as a rebuild (dict.ts), so one comparison finds them.
    if (d.tableRebuilds !== d.rebuilds) {
      const old = d.tableAddr, oldSize = d.tableSize, oldEntry = d.tableUnicode ? 16 : 24;
      d.tableRebuilds = d.rebuilds;
      d.tableSize = d.dkSize;
      d.tableUnicode = d.unicode;
      d.tableAddr = 0;
      if (d.dkSize > 0) {
        const bytes = dictKeysBytes(d.dkSize, d.unicode);
        if (t === undefined) d.tableAddr = this.heap.allocStatic(bytes);
        else {
          d.tableAddr = this.heap.allocLong(t.id, t.core, bytes);
          const line = this.port.lineBytes;
          for (let off = line - (d.tableAddr % line); off < bytes; off += line) this.wr(t, d.tableAddr + off, 8);
        }
        if (this.owners !== null) this.tagBuffer(d.tableAddr, bytes, 'dict keys');
      }
      if (old !== 0 && t !== undefined) {
        // The entries are copied over, then the new index built from their hashes.
        const from = old + 32 + oldSize * dictIndexBytes(oldSize);
        const to = d.tableAddr + 32 + d.dkSize * dictIndexBytes(d.dkSize);
        const line = this.port.lineBytes;
        for (let off = 0; off < d.count * oldEntry; off += line) this.rd(t, from + off, 8);
        const n = d.count * (d.unicode ? 16 : 24);
        if (d.tableAddr !== 0) for (let off = 0; off < n; off += line) this.rd(t, to + off, 8);
        this.heap.free(t.core, old);
      }
    }
    return d.tableAddr === 0 ? 0 : d.tableAddr + 32 + d.dkSize * dictIndexBytes(d.dkSize);
  }
  /**
   * The index-array byte a key's lookup starts at: an int's own hash (CPython's for a non-negative
   * int is the int), else a fixed scramble of its entry number (no host hashing: same spread of lines).
   */
  private dictIndexAddr(d: PyDict, k: PyVal, entry: number): number {
    const mask = d.dkSize - 1;
    const slot = typeof k === 'number' ? (k < 0 ? -k : k) & mask : Math.imul(entry + 1, 0x9e3779b1) >>> 0 & mask;
    return d.tableAddr + 32 + slot * dictIndexBytes(d.dkSize);
  }
  placeFloat(t: GuestThread, v: number): PyFloat {
    const f = new PyFloat(this.T.float, v);
    f.addr = this.tmp(t, 24);
    return f;
  }
  /** A complex constant of a code object: a static block, as a float constant's. */
  placeComplexConst(re: number, im: number): PyComplex {
    const c = new PyComplex(this.T.complex, re, im);
    c.addr = this.heap.allocStatic(32);
    this.owners?.tag(c.addr, 32, 'interp-static', 'complex constant');
    return c;
  }
  /** A new complex result, allocated as a float is (CPython's PyComplexObject: 16-byte header, two doubles). */
  placeComplex(t: GuestThread, re: number, im: number): PyComplex {
    const c = new PyComplex(this.T.complex, re, im);
    c.addr = this.tmp(t, 32);
    return c;
  }


  protected barrierR(t: GuestThread, o: PyObject): void {
    const r = this.hooks.readBarrier(t, o);
    if (r !== 0) this.barrierFail(t, r);
  }
  protected barrierW(t: GuestThread, o: PyObject): void {
    const r = this.hooks.writeBarrier(t, o);
    if (r !== 0) this.barrierFail(t, r);
  }
  protected barrierFail(t: GuestThread, r: number): never {
    if (r === BARRIER_ABORT) {
      if (t.tx !== null) this.txRollback(t, 0);
      throw ABORT_SIGNAL;
    }
    if (r === BARRIER_WAIT) throw SUSPEND_SIGNAL;
    throw new Error(`bad barrier result ${r}`);
  }
  /** STM read barrier + the header read every container access makes. */
  readObj(t: GuestThread, o: PyObject): void {
    if (this.hooks.barriers) this.barrierR(t, o);
    this.rd(t, o.addr, 16);
  }

  /** Before a structural change of o: barrier, header write, snapshot once per transaction. */
  mutate(t: GuestThread, o: PyObject): void {
    if (this.hooks.barriers) this.barrierW(t, o);
    this.wr(t, o.addr, 16);
    const tx = t.tx;
    if (tx !== null && o.txId !== tx.id) {
      o.txId = tx.id;
      if (o instanceof PyList) tx.log(U_FIELD, o, 'items', o.items.slice());
      else if (o instanceof PyDict || o instanceof PySet) tx.log(U_SNAP, o, null, o.snapshot());
      else if (o instanceof PyBytes) {
        tx.log(U_FIELD, o, 'len', o.len);
        tx.log(U_FIELD, o, 'data', o.data.slice());
      } else if (o instanceof PyInstance) tx.log(U_MAP_SNAP, o, null, new Map(o.attrs));
      else if (o instanceof PyType) tx.log(U_MAP_SNAP, o, 'dict', new Map(o.dict));
    }
  }

  listSet(t: GuestThread, l: PyList, i: number, v: PyVal): void {
    if (this.hooks.barriers) this.barrierW(t, l);
    this.rd(t, l.addr, 16);
    this.wr(t, l.itemsAddr + i * 8, 8);
    const tx = t.tx;
    if (tx !== null && l.txId !== tx.id) tx.log(U_LIST_SLOT, l, i, l.items[i]);
    const old = l.items[i]!;
    l.items[i] = v;
    this.rc(t, old);
    if (this.life !== null) {
      this.incRef(t, v);
      this.decRef(t, old);
    }
  }
  listGet(t: GuestThread, l: PyList, i: number): PyVal {
    if (this.hooks.barriers) this.barrierR(t, l);
    this.rd(t, l.addr, 16);
    this.rd(t, l.itemsAddr + i * 8, 8);
    const v = l.items[i]!;
    if (this.boxes !== null && typeof v !== 'object') this.boxLoad(t, v);
    return v;
  }
  /** Makes room for n items (the item array moves when it grows, as CPython's list_resize). */
  listGrow(t: GuestThread, l: PyList, n: number): void {
    if (n <= l.cap) return;
    const newCap = n + (n >> 3) + (n < 9 ? 3 : 6);
    l.itemsAddr = this.heap.realloc(t.id, t.core, l.itemsAddr, l.items.length * 8, newCap * 8);
    if (this.owners !== null) this.tagBuffer(l.itemsAddr, newCap * 8, 'list items');
    l.cap = newCap;
  }
  listAppend(t: GuestThread, l: PyList, v: PyVal): void {
    this.mutate(t, l);
    const n = l.items.length;
    this.listGrow(t, l, n + 1);
    this.wr(t, l.itemsAddr + n * 8, 8);
    this.rc(t, v);
    if (this.life !== null) this.incRef(t, v);
    l.items.push(v);
  }
  /** Replaces a list's contents (after mutate). */
  listReplace(t: GuestThread, l: PyList, items: PyVal[]): void {
    this.mutate(t, l);
    this.listGrow(t, l, items.length);
    const line = this.port.lineBytes;
    for (let off = 0; off < items.length * 8; off += line) this.wr(t, l.itemsAddr + off, 8);
    if (this.life !== null && l.rid > 0) this.countRefs(t, l.items, items);
    l.items = items;
  }

  /** A lookup: the dict's header, the index byte the probe starts at, and on a hit the entry (and the key object an int key is compared with). */
  dictGet(t: GuestThread, d: PyDict, k: PyVal): PyVal | undefined {
    if (this.hooks.barriers) this.barrierR(t, d);
    this.rd(t, d.addr, 16);
    const i = d.find(k);
    const entries = this.dictTable(t, d);
    if (entries === 0) return undefined;
    this.rd(t, this.dictIndexAddr(d, k, i < 0 ? d.keys.length : i), 1);
    if (i < 0) return undefined;
    this.rd(t, entries + i * (d.unicode ? 16 : 24), 8);
    const v = d.vals[i];
    if (this.boxes !== null) {
      if (typeof k === 'number' || typeof k === 'bigint') this.boxLoad(t, d.keys[i]!, false);
      this.boxLoad(t, v!);
    }
    return v;
  }
  /** A store: the header, then a new key's index byte and entry, or an existing key's entry (a growth first rebuilds the keys object). */
  dictSet(t: GuestThread, d: PyDict, k: PyVal, v: PyVal): void {
    this.mutate(t, d);
    const isNew = d.set(k, v); // counts the references it stores and drops (KeyOps.ref/unref)
    const entries = this.dictTable(t, d);
    const i = d.lastIndex;
    if (isNew) {
      const ix = this.dictIndexAddr(d, k, i);
      this.rd(t, ix, 1);
      this.wr(t, ix, 1);
    }
    this.wr(t, entries + i * (d.unicode ? 16 : 24), 8);
    this.rc(t, v);
  }
  /** A delete: the header, the key's index byte (made a dummy) and its entry (cleared). */
  dictDel(t: GuestThread, d: PyDict, k: PyVal): PyVal | undefined {
    this.mutate(t, d);
    const i = d.find(k);
    const entries = this.dictTable(t, d);
    if (i >= 0 && entries !== 0) {
      this.wr(t, this.dictIndexAddr(d, k, i), 1);
      this.wr(t, entries + i * (d.unicode ? 16 : 24), 8);
    }
    return d.delete(k); // drops its counted references (KeyOps.unref)
  }

  setAttrRaw(t: GuestThread, o: PyInstance, name: string, v: PyVal): void {
    this.mutate(t, o);
    this.wr(t, o.valuesAddr, 8);
    const old = this.life !== null ? o.attrs.get(name) : undefined;
    o.attrs.set(name, v);
    if (old === undefined && o.attrs.size > o.cls.instAttrs) o.cls.instAttrs = o.attrs.size;
    this.rc(t, v);
    if (this.life !== null) {
      this.incRef(t, v);
      this.decRef(t, old);
    }
  }
  cellSet(t: GuestThread, c: PyCell, v: PyVal | undefined): void {
    if (this.hooks.barriers) this.barrierW(t, c);
    this.wr(t, c.addr, 16);
    if (t.tx !== null) t.tx.log(U_CELL, c, null, c.value);
    const old = c.value;
    c.value = v;
    if (this.life !== null) {
      this.incRef(t, v);
      this.decRef(t, old);
    }
  }
  cellGet(t: GuestThread, c: PyCell): PyVal | undefined {
    if (this.hooks.barriers) this.barrierR(t, c);
    this.rd(t, c.addr, 16);
    return c.value;
  }
  byteSet(t: GuestThread, b: PyBytes, i: number, v: number): void {
    if (this.hooks.barriers) this.barrierW(t, b);
    this.rd(t, b.addr, 16);
    this.wr(t, b.dataAddr + i, 1);
    if (t.tx !== null && b.txId !== t.tx.id) t.tx.log(U_BYTE, b, i, b.data[i]);
    b.data[i] = v;
  }
  byteGet(t: GuestThread, b: PyBytes, i: number): number {
    if (this.hooks.barriers) this.barrierR(t, b);
    this.rd(t, b.addr, 16);
    this.rd(t, b.dataAddr + i, 1);
    return b.data[i]!;
  }
  /** Any other guest-visible field of a host object (locks, generator state, queues). */
  fieldSet<O extends object, K extends keyof O>(t: GuestThread, o: O, key: K, v: O[K]): void {
    if (o instanceof PyObject) {
      if (this.hooks.barriers) this.barrierW(t, o);
      this.wr(t, o.addr, 16);
    }
    if (t.tx !== null) t.tx.log(U_FIELD, o, key, o[key]);
    o[key] = v;
  }
  /** Logs an arbitrary undo action (interpreter-level state such as the task queue or the PRNG). */
  logUndo(t: GuestThread, undo: () => void): void {
    if (t.tx !== null) t.tx.log(U_CALL, null, null, undo);
  }
}

/** Bytes per index-array slot of a CPython 3.11 dict of `size` slots. */
export function dictIndexBytes(size: number): number {
  return size <= 128 ? 1 : size <= 0x8000 ? 2 : 4;
}
/** A CPython 3.11 keys object's bytes: header, index array, entries (2/3 of the slots). */
export function dictKeysBytes(size: number, unicode: boolean): number {
  return 32 + size * dictIndexBytes(size) + ((size * 2 / 3) | 0) * (unicode ? 16 : 24);
}
/** Bytes of a CPython 3.11 instance's values array for `n` attributes. */
export function instanceValuesBytes(n: number): number {
  return 16 + 8 * n;
}
/** The block an object has besides its own (list items, instance values, a dict's keys object, a set's own table), or 0. */
function extraBlock(o: PyObject): number {
  if (o instanceof PyList) return o.itemsAddr;
  if (o instanceof PyInstance) return o.valuesAddr;
  if (o instanceof PyDict) return o.tableAddr;
  if (o instanceof PySet) return o.tableMask === 7 ? 0 : o.tableAddr;
  return 0;
}
function extraBytes(o: PyObject): number {
  if (o instanceof PyList) return o.cap * 8;
  if (o instanceof PyInstance) return instanceValuesBytes(o.valuesSlots);
  if (o instanceof PyDict) return dictKeysBytes(o.tableSize, o.tableUnicode);
  if (o instanceof PySet) return (o.tableMask + 1) * 16;
  return 0;
}
