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
 * Ordering rule that makes rollback-by-another-core exact: every port access is made BEFORE the
 * host object is read or mutated, so when that access aborts another core's transaction (the
 * machine calls our abort handler synchronously), the victim's writes are undone before we look.
 */
import { asAddr } from '../../common/brand.js';
import { PyDict, PySet } from '../dict.js';
import { ABORT_SIGNAL, FALSE_ADDR, SMALL_INT_BASE, SMALL_INT_SIZE, TRUE_ADDR } from '../heap.js';
import type { CodeObject } from '../chunk.js';
import { threadSite } from '../forensics.js';
import { BARRIER_ABORT, BARRIER_WAIT } from '../hooks.js';
import type { OwnerKind } from '../ownership.js';
import { GuestThread, U_BYTE, U_CALL, U_CELL, U_FIELD, U_LIST_SLOT, U_MAP_SNAP, U_SNAP } from '../thread.js';
import { PyBytes, PyCell, PyFloat, PyInstance, PyList, PyObject, PyType, type PyVal } from '../values.js';
import { SUSPEND_SIGNAL } from './signals.js';
import { VmObjectModel } from './object-model.js';

export abstract class VmWritePath extends VmObjectModel {
  abstract txRollback(t: GuestThread, status: number): void;



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
    const a = typeof v === 'object' && v !== this.None ? v.addr : this.rcAddr(t, v);
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
      o.owner = t.id;
    }
    o.size = bytes;
    if (this.owners !== null) {
      if (t === undefined) this.owners.tag(o.addr, bytes, 'interp-static', `${o.cls.name} (built at start-up)`);
      else this.owners.tagObject(o.addr, bytes, this.allocDetail(o.cls.name));
    }
    return o;
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
  placeList(l: PyList): PyList {
    this.place(l, 56);
    const cap = Math.max(4, l.items.length);
    l.cap = cap;
    l.itemsAddr = this.cur === undefined ? this.heap.allocStatic(cap * 8) : this.heap.allocLong(this.cur.id, this.cur.core, cap * 8);
    if (this.owners !== null) this.tagBuffer(l.itemsAddr, cap * 8, 'list items');
    return l;
  }
  placeDict(d: PyDict): PyDict {
    this.place(d, 64);
    d.tableAddr = this.cur === undefined ? this.heap.allocStatic(8 * 24) : this.heap.allocLong(this.cur.id, this.cur.core, 8 * 24);
    if (this.owners !== null) this.tagBuffer(d.tableAddr, 8 * 24, 'dict table');
    return d;
  }
  placeFloat(t: GuestThread, v: number): PyFloat {
    const f = new PyFloat(this.T.float, v);
    f.addr = this.tmp(t, 24);
    return f;
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
  }
  listGet(t: GuestThread, l: PyList, i: number): PyVal {
    if (this.hooks.barriers) this.barrierR(t, l);
    this.rd(t, l.addr, 16);
    this.rd(t, l.itemsAddr + i * 8, 8);
    return l.items[i]!;
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
    l.items.push(v);
  }
  /** Replaces a list's contents (after mutate). */
  listReplace(t: GuestThread, l: PyList, items: PyVal[]): void {
    this.mutate(t, l);
    this.listGrow(t, l, items.length);
    const line = this.port.lineBytes;
    for (let off = 0; off < items.length * 8; off += line) this.wr(t, l.itemsAddr + off, 8);
    l.items = items;
  }

  dictGet(t: GuestThread, d: PyDict, k: PyVal): PyVal | undefined {
    if (this.hooks.barriers) this.barrierR(t, d);
    this.rd(t, d.addr, 16);
    const v = d.get(k);
    this.rd(t, d.tableAddr + ((typeof k === 'number' ? k : 0) & 7) * 24, 8);
    return v;
  }
  dictSet(t: GuestThread, d: PyDict, k: PyVal, v: PyVal): void {
    this.mutate(t, d);
    const isNew = d.set(k, v);
    if (isNew && d.count * 3 > 8 * 2 && (d.count & (d.count - 1)) === 0) {
      d.tableAddr = this.heap.realloc(t.id, t.core, d.tableAddr, d.count * 24, d.count * 2 * 24);
      if (this.owners !== null) this.tagBuffer(d.tableAddr, d.count * 2 * 24, 'dict table');
    }
    this.wr(t, d.tableAddr + ((d.keys.length - 1) % 64) * 24, 8);
    this.rc(t, v);
  }
  dictDel(t: GuestThread, d: PyDict, k: PyVal): PyVal | undefined {
    this.mutate(t, d);
    return d.delete(k);
  }

  setAttrRaw(t: GuestThread, o: PyInstance, name: string, v: PyVal): void {
    this.mutate(t, o);
    o.attrs.set(name, v);
    this.rc(t, v);
  }
  cellSet(t: GuestThread, c: PyCell, v: PyVal | undefined): void {
    if (this.hooks.barriers) this.barrierW(t, c);
    this.wr(t, c.addr, 16);
    if (t.tx !== null) t.tx.log(U_CELL, c, null, c.value);
    c.value = v;
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
