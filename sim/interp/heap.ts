/**
 * Where guest objects live in simulated memory, and the traffic of the interpreter's own
 * bookkeeping (allocator, reference counts, ticker).
 *
 * Layout (byte addresses):
 *   0x1000    None, True, False (one line each), the shared ticker word
 *   0x2000    the small-int table (-5..256, 32 bytes each), when smallIntCache is on
 *   0x10000   global allocator: one 8-byte free-list head per 16-byte size class
 *   0x100000  per-thread regions of 64 KiB: free-list heads, ticker word, nursery pointer
 *   0x1000000 the heap: bump allocation; per-thread arenas are 1 MiB chunks of it; pymalloc's
 *             256 KiB arenas and large blocks are carved from the same bump pointer
 *
 * Object lifetime model (only timing depends on it, never guest results; id() of an object in a
 * reused block is not its address, so no id repeats): host objects are garbage-collected by the
 * host; which simulated block a guest object occupies and when it goes back is modelled here:
 *  - frames are freed when they return and reused LIFO from their size class's free list;
 *  - temporaries (int/float results, bound methods, iterators) die almost at once, so each size
 *    class keeps one recycled temporary block per allocator: allocating pops the free-list head
 *    (read+write the head word) and initializes the header (write), as pymalloc does.
 *  Everything else (lists, dicts, instances, tuples, functions, classes...) comes, under `cpython`
 *  and `biased` refcounting, from a pymalloc-like allocator (pymalloc.ts: size classes, pools,
 *  LIFO free lists; a large-object path beyond 512 bytes) and the counted kinds (instances, lists,
 *  tuples, functions, generators) go back to it when the VM finds their count at zero
 *  (lifetimes.ts); growing buffers realloc in place when they can, as pymalloc and glibc do.
 *  Under `none` it is bump allocated (a tracing GC's old space, never compacted).
 * With `refcount: none` (a tracing GC) temporaries come from a per-thread nursery that is
 * bump-allocated and wraps around (a minor collection), so no free-list head is written.
 * Refcount traffic: `cpython` writes the header of every object on incref/decref; `none` never;
 * `biased` skips immortal objects (small ints, singletons) and writes the header otherwise (the
 * owner's local count and the shared count sit in the same header line). Unboxed ints and strs
 * (no host object) send their refcount writes to the thread's most recent temporary block; those
 * the heap keeps (a list item, a dict key, an attribute) have blocks of their own while it does
 * (boxes.ts), and a code object's int and str constants have static blocks (LOAD_CONST writes
 * their counts).
 */
import { getHeapStatistics } from 'node:v8';
import { asAddr, type CoreId } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';
import type { InterpConfig } from './config.js';
import { ARENA_SIZE, PyMalloc, SMALL_LIMIT } from './pymalloc.js';
import { RuntimeOpError } from './runtime/errors.js';

export const NONE_ADDR = 0x1000;
export const TRUE_ADDR = 0x1040;
export const FALSE_ADDR = 0x1080;
export const TICKER_ADDR = 0x10c0;
export const SMALL_INT_BASE = 0x2000;
export const SMALL_INT_SIZE = 32;
export const GLOBAL_HEADS = 0x10000;
export const THREAD_REGION_BASE = 0x100000;
export const THREAD_REGION_SIZE = 0x10000;
export const HEAP_BASE = 0x1000000;
const ARENA_CHUNK = 1 << 20;
const NURSERY_BYTES = 32 << 10;
export const PAGE = 4096;
const SIZE_CLASSES = 32; // 16..512 bytes
/** Simulated bytes bumped between two looks at the host's own heap. */
const HOST_CHECK_BYTES = 8 << 20;
/** Share of V8's old-generation limit past which an allocation raises MemoryError. */
const HOST_HEAP_SHARE = 0.7;
/** V8's heap limit counts the young generation too (up to 3 semi-spaces of 16 MiB on 64-bit). */
const HOST_YOUNG_BYTES = 64 << 20;

/** Thrown (a singleton) when a port access reports that the caller's transaction aborted. */
export const ABORT_SIGNAL = { signal: 'abort' } as const;

interface AllocDomain {
  headsAddr: number;
  /** Per size class: free blocks (frames returned), LIFO. */
  free: number[][];
  /** Per size class: the recycled temporary block. */
  temp: number[];
  /** Per-thread arena bump pointer (per-thread allocator). */
  bump: number;
  bumpEnd: number;
  nursery: number;
  nurseryBase: number;
  /** pymalloc's domain number (refcount cpython/biased). */
  pm: number;
}

export class Heap {
  readonly port: MemoryPort;
  readonly cfg: InterpConfig;
  private bump = HEAP_BASE;
  private readonly global: AllocDomain;
  private readonly domains: AllocDomain[] = [];
  readonly refcountCpython: boolean;
  readonly refcountNone: boolean;
  /** Whether the last allocLong returned a block that held an object before. */
  lastReused = false;
  /** The small-object allocator of refcounted heaps (null under `refcount: none`). */
  readonly pymalloc: PyMalloc | null;
  constructor(port: MemoryPort, cfg: InterpConfig) {
    this.port = port;
    this.cfg = cfg;
    this.refcountCpython = cfg.refcount === 'cpython';
    this.refcountNone = cfg.refcount === 'none';
    this.pymalloc = this.refcountNone ? null : new PyMalloc(port, {
      carve: (bytes, align) => this.bumpRaw(bytes, align),
      extend: (addr, oldBytes, newBytes) => {
        if (addr + oldBytes !== this.bump) return false;
        this.bump = addr + newBytes;
        return true;
      },
    });
    this.global = this.makeDomain(GLOBAL_HEADS, -1);
  }

  private makeDomain(headsAddr: number, tid: number): AllocDomain {
    const free: number[][] = [];
    for (let i = 0; i < SIZE_CLASSES + 1; i++) free.push([]);
    const nurseryBase = tid >= 0 ? this.bumpRaw(NURSERY_BYTES, PAGE) : 0;
    const pm = this.pymalloc !== null ? this.pymalloc.addDomain(headsAddr) : -1;
    return { headsAddr, free, temp: new Array<number>(SIZE_CLASSES + 1).fill(0), bump: 0, bumpEnd: 0, nursery: nurseryBase, nurseryBase, pm };
  }

  private bumpRaw(bytes: number, align: number): number {
    if ((this.untilHostCheck -= bytes) <= 0) this.checkHostHeap();
    this.bump = Math.ceil(this.bump / align) * align;
    const a = this.bump;
    this.bump += bytes;
    return a;
  }

  /**
   * Under `refcount: none` the model never learns that an object died, so no simulated heap size
   * can bound a runaway guest (interp.maxHeapBytes counts pymalloc's heap). The bound there is the
   * host's own heap, which holds exactly the objects still reachable: past HOST_HEAP_SHARE of V8's
   * limit the allocation raises MemoryError instead of letting V8 kill the process (checked under
   * every mode: host objects the model does not size, such as unboxed strs, count too). Where it
   * fires depends on the host's garbage collector, so it is a safety net, not a modelled limit:
   * a run that reaches it is not bit-reproducible (a run that does not is unaffected).
   */
  private checkHostHeap(): void {
    this.untilHostCheck = HOST_CHECK_BYTES;
    const h = getHeapStatistics();
    if (h.used_heap_size > (h.heap_size_limit - HOST_YOUNG_BYTES) * HOST_HEAP_SHARE) throw new RuntimeOpError('MemoryError', '');
  }
  private untilHostCheck = HOST_CHECK_BYTES;

  threadRegion(tid: number): number {
    return THREAD_REGION_BASE + tid * THREAD_REGION_SIZE;
  }
  tickerAddr(tid: number): number {
    return this.cfg.ticker === 'shared' ? TICKER_ADDR : this.threadRegion(tid) + 0x400;
  }

  private domain(tid: number): AllocDomain {
    if (this.cfg.allocator === 'global') return this.global;
    let d = this.domains[tid];
    if (d === undefined) {
      d = this.makeDomain(this.threadRegion(tid), tid);
      this.domains[tid] = d;
    }
    return d;
  }
  private nurseryDomain(tid: number): AllocDomain {
    let d = this.domains[tid];
    if (d === undefined) {
      d = this.makeDomain(this.threadRegion(tid), tid);
      this.domains[tid] = d;
    }
    return d;
  }

  private fresh(d: AllocDomain, bytes: number): number {
    if (bytes >= PAGE) return this.bumpRaw(bytes, PAGE);
    if (d === this.global) return this.bumpRaw(bytes, 16);
    if (d.bump + bytes > d.bumpEnd) {
      d.bump = this.bumpRaw(ARENA_CHUNK, PAGE);
      d.bumpEnd = d.bump + ARENA_CHUNK;
    }
    const a = d.bump;
    d.bump += (bytes + 15) & ~15;
    return a;
  }

  private sizeClass(bytes: number): number {
    const sc = (bytes + 15) >> 4;
    return sc > SIZE_CLASSES ? SIZE_CLASSES : sc;
  }

  /** Pool allocator traffic: read and write the size class's free-list head. Returns false on abort. */
  private headTraffic(core: CoreId, d: AllocDomain, sc: number): boolean {
    const h = d.headsAddr + sc * 8;
    return this.port.read(core, asAddr(h), 8) >= 0 && this.port.write(core, asAddr(h), 8) >= 0;
  }

  /** A long-lived object (list, dict, instance, ...). Buffers >= 4 KiB are page-aligned. */
  allocLong(tid: number, core: CoreId, bytes: number): number {
    if (bytes > this.cfg.maxObjectBytes) throw new RuntimeOpError('MemoryError', '');
    const pm = this.pymalloc;
    if (pm !== null) {
      // pymalloc for small blocks, the large path (malloc) beyond 512 bytes.
      const a = bytes <= SMALL_LIMIT ? pm.alloc(this.domain(tid).pm, core, bytes) : pm.allocLarge(bytes);
      this.lastReused = pm.lastReused;
      // The simulated heap's size: arenas carved (never returned, as here) and large blocks in use.
      if (a >= 0 && pm.arenaCount * ARENA_SIZE + pm.largeBytes > this.cfg.maxHeapBytes) {
        this.unallocate(a);
        throw new RuntimeOpError('MemoryError', '');
      }
      if (a < 0 || this.port.write(core, asAddr(a), bytes < 64 ? Math.max(bytes, 1) : 16) < 0) throw ABORT_SIGNAL;
      return a;
    }
    const d = this.domain(tid);
    const a = this.fresh(d, bytes);
    if (bytes < PAGE && !this.refcountNone && !this.headTraffic(core, d, this.sizeClass(bytes))) throw ABORT_SIGNAL;
    if (this.port.write(core, asAddr(a), bytes < 64 ? bytes : 16) < 0) throw ABORT_SIGNAL;
    return a;
  }

  /** A temporary (see the lifetime model above). */
  allocTemp(tid: number, core: CoreId, bytes: number): number {
    let a: number;
    if (this.refcountNone) {
      const d = this.nurseryDomain(tid);
      const sz = (bytes + 15) & ~15;
      if (d.nursery + sz > d.nurseryBase + NURSERY_BYTES) d.nursery = d.nurseryBase;
      a = d.nursery;
      d.nursery += sz;
    } else {
      const d = this.domain(tid);
      const sc = this.sizeClass(bytes);
      a = d.temp[sc]!;
      if (a === 0) {
        a = this.fresh(d, sc * 16);
        d.temp[sc] = a;
      }
      if (!this.headTraffic(core, d, sc)) throw ABORT_SIGNAL;
    }
    if (this.port.write(core, asAddr(a), 16) < 0) throw ABORT_SIGNAL;
    return a;
  }

  /** A frame-sized block from its size class's free list (LIFO), or fresh. */
  allocFrame(tid: number, core: CoreId, bytes: number): number {
    const d = this.domain(tid);
    const sc = this.sizeClass(bytes);
    const list = sc < SIZE_CLASSES ? d.free[sc]! : null;
    const a = list !== null && list.length > 0 ? list.pop()! : this.fresh(d, bytes);
    if (!this.refcountNone && !this.headTraffic(core, d, sc)) throw ABORT_SIGNAL;
    if (this.port.write(core, asAddr(a), 16) < 0) throw ABORT_SIGNAL;
    return a;
  }

  freeFrame(tid: number, core: CoreId, addr: number, bytes: number): void {
    const d = this.domain(tid);
    const sc = this.sizeClass(bytes);
    if (sc < SIZE_CLASSES) d.free[sc]!.push(addr);
    if (!this.refcountNone) {
      if (this.port.write(core, asAddr(d.headsAddr + sc * 8), 8) < 0) throw ABORT_SIGNAL;
      if (this.port.write(core, asAddr(addr), 8) < 0) throw ABORT_SIGNAL;
    }
  }

  /**
   * Returns a block of allocLong to its allocator (refcounted heaps; a no-op under `none` and for
   * static blocks). False when addr was not a block in use.
   */
  free(core: CoreId, addr: number): boolean {
    const pm = this.pymalloc;
    if (pm === null) return false;
    if (pm.freeLarge(addr)) {
      if (this.port.write(core, asAddr(addr), 16) < 0) throw ABORT_SIGNAL;
      return true;
    }
    const r = pm.free(core, addr);
    if (r < 0) throw ABORT_SIGNAL;
    return r === 1;
  }
  /** Returns a block allocated inside a transaction that rolled back (no traffic: the hardware undid it). */
  unallocate(addr: number): void {
    const pm = this.pymalloc;
    if (pm === null) return;
    if (!pm.freeLarge(addr)) pm.free(0 as CoreId, addr, true);
  }
  /** Takes back a block freed inside a transaction that rolled back (no traffic). */
  unfree(addr: number, bytes: number): boolean {
    const pm = this.pymalloc;
    if (pm === null) return false;
    return bytes <= SMALL_LIMIT ? pm.unfree(addr) : pm.unfreeLarge(addr, bytes);
  }

  /**
   * Grows a buffer (list items, dict table, bytearray data). Refcounted heaps: in place when the
   * size class does not change (pymalloc) or the large block can extend into the top (glibc),
   * otherwise a new block, the copy touching every line, and the old block freed. `none`: a new
   * bump block and the copy.
   */
  realloc(tid: number, core: CoreId, oldAddr: number, oldBytes: number, newBytes: number): number {
    const pm = this.pymalloc;
    if (pm !== null && oldAddr !== 0) {
      const sc = pm.classOf(oldAddr);
      if (sc >= 0 && newBytes <= SMALL_LIMIT && ((newBytes - 1) >> 4) <= sc) return oldAddr;
      if (sc < 0 && newBytes > SMALL_LIMIT && pm.extendLarge(oldAddr, newBytes)) {
        if (this.port.write(core, asAddr(oldAddr), 16) < 0) throw ABORT_SIGNAL;
        return oldAddr;
      }
    }
    const a = this.allocLong(tid, core, newBytes);
    const line = this.port.lineBytes;
    for (let off = 0; off < oldBytes; off += line) {
      if (this.port.read(core, asAddr(oldAddr + off), 8) < 0) throw ABORT_SIGNAL;
      if (this.port.write(core, asAddr(a + off), 8) < 0) throw ABORT_SIGNAL;
    }
    if (pm !== null && oldAddr !== 0) this.free(core, oldAddr);
    return a;
  }

  /** A static object (module-level singletons, code constants): bump allocated, no traffic. */
  allocStatic(bytes: number): number {
    return this.bumpRaw(bytes, bytes >= PAGE ? PAGE : 16);
  }
}
