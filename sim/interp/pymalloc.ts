/**
 * A pymalloc-like small-object allocator (CPython's Objects/obmalloc.c), and the large-object path
 * beside it: where the blocks of guest objects come from when `interp.refcount` is `cpython` or
 * `biased` (objects are freed when their count reaches zero, sim/interp/lifetimes.ts).
 *
 * Modelled as CPython does it:
 *  - 32 size classes of 16 bytes (requests of 1..512 bytes); larger requests take the large path.
 *  - Arenas of 256 KiB, carved into 4 KiB pools; a pool serves one size class. Its first 48 bytes
 *    are the pool header (ref count of used blocks, free-block list head, next offset, the
 *    usedpools links), the blocks follow.
 *  - usedpools[class]: the pools of a class with a free block, the most recent first. Allocation
 *    pops the head pool's free list (LIFO: the block freed last is handed out first), else carves
 *    the pool's next untouched block; a full pool leaves usedpools; a pool that becomes empty goes
 *    to its domain's free pools and serves any class next.
 *  - Freeing pushes the block on its pool's free list (the link lives in the block's first word),
 *    relinking a full pool at the front of usedpools.
 * Not modelled: arenas are never returned to the system (CPython frees an empty arena); the
 * "most used arena first" ordering of usable arenas. CPython 3.11 on 64-bit Linux actually uses
 * 16 KiB pools in 1 MiB arenas (the radix-tree build); the 4 KiB/256 KiB geometry is the classic
 * one, kept here as the design asks: which lines a LIFO reuse touches is the same either way.
 *
 * Traffic (simulated memory port, the same kind of words today's allocator touched): allocation
 * reads the class's usedpools head word and the pool header, reads the block's free-list link,
 * writes the pool header; freeing reads the pool header, writes the link into the block and the
 * pool header; a pool changing list writes the usedpools head. The object's own header write
 * (initialisation) is the caller's (heap.ts).
 *
 * Large objects (> 512 bytes, glibc's malloc in CPython): exact-size LIFO free lists (16-byte
 * rounding, page alignment from 4 KiB as mmap gives), and in-place growth when the block is the
 * last one carved (glibc extending a chunk into the top).
 *
 * State is typed arrays and plain numbers; allocation and free do not allocate host memory
 * except to grow the tables (amortized) and the large path's per-size lists.
 */
import { asAddr, type CoreId } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';

export const POOL_SIZE = 4096;
export const ARENA_SIZE = 256 << 10;
export const POOL_OVERHEAD = 48;
export const SMALL_LIMIT = 512;
export const NB_CLASSES = 32;
const POOLS_PER_ARENA = ARENA_SIZE / POOL_SIZE;
const MAX_BLOCKS = 256;

/** Thrown by the caller when a port access aborts its transaction; pymalloc reports false. */
export interface Carver {
  /** A fresh, `align`-aligned range of `bytes` (the heap's bump pointer). */
  carve(bytes: number, align: number): number;
  /** Extends the range [addr, addr+oldBytes) in place to newBytes if nothing follows it. */
  extend(addr: number, oldBytes: number, newBytes: number): boolean;
}

/** The size class of a request of `bytes` (1..512): 0 for 1..16, 31 for 497..512. */
export function sizeClassOf(bytes: number): number {
  return bytes <= 16 ? 0 : (bytes - 1) >> 4;
}

export class PyMalloc {
  private readonly port: MemoryPort;
  private readonly carver: Carver;
  /** Per pool (arena number × 64 + pool in arena). */
  private poolAddr = new Float64Array(64);
  private poolClass = new Int8Array(64).fill(-1);
  private poolRef = new Int16Array(64);
  /** Free-list head: block number + 1 (0: empty). */
  private poolFree = new Int16Array(64);
  /** Blocks carved so far (CPython's nextoffset). */
  private poolCarved = new Int16Array(64);
  private poolNext = new Int32Array(64).fill(-1);
  private poolPrev = new Int32Array(64).fill(-1);
  private poolDomain = new Int16Array(64);
  /** 1: the pool is empty and waits in its domain's free pools (its class and free list kept). */
  private poolEmpty = new Uint8Array(64);
  /** Per block (pool × 256 + block): the free-list link (block number + 1) and whether it is in use. */
  private link = new Int16Array(64 * MAX_BLOCKS);
  private used = new Uint8Array(64 * MAX_BLOCKS);
  /** Per block: it held an object before (its address is being reused). */
  private everUsed = new Uint8Array(64 * MAX_BLOCKS);
  private readonly largeEverUsed = new Set<number>();
  /** Whether the block the last alloc/allocLarge returned held an object before. */
  lastReused = false;
  private arenas = 0;
  private readonly arenaOf = new Map<number, number>();
  /** Per domain: usedpools heads (pool or -1), the free pools (LIFO), the arena being carved. */
  private readonly domains: { heads: number; used: Int32Array; freePools: number[]; arena: number; nextPool: number }[] = [];
  /** Large path: address → rounded size, and per rounded size the free blocks (LIFO). */
  private readonly largeSize = new Map<number, number>();
  private readonly largeFree = new Map<number, number[]>();
  /** Accounting (tests, stats). */
  smallInUse = 0;
  largeInUse = 0;
  /** Bytes of large blocks in use (the heap limit's count; interp.maxHeapBytes). */
  largeBytes = 0;

  constructor(port: MemoryPort, carver: Carver) {
    this.port = port;
    this.carver = carver;
  }

  /** Registers a domain (the global allocator or one thread's) whose usedpools heads live at `headsAddr`. */
  addDomain(headsAddr: number): number {
    this.domains.push({ heads: headsAddr, used: new Int32Array(NB_CLASSES).fill(-1), freePools: [], arena: -1, nextPool: POOLS_PER_ARENA });
    return this.domains.length - 1;
  }

  get arenaCount(): number { return this.arenas; }
  /** Pools of `domain` currently serving a size class (tests). */
  poolsInUse(domain: number): number {
    let n = 0;
    for (let p = 0; p < this.arenas * POOLS_PER_ARENA; p++) if (this.poolClass[p]! >= 0 && this.poolEmpty[p] === 0 && this.poolDomain[p] === domain && this.poolRef[p]! > 0) n++;
    return n;
  }
  /** The pool (header address) holding a small block, or -1. */
  poolOf(addr: number): number {
    const p = this.poolIndex(addr);
    return p < 0 ? -1 : this.poolAddr[p]!;
  }

  private poolIndex(addr: number): number {
    const arena = this.arenaOf.get(Math.floor(addr / ARENA_SIZE));
    if (arena === undefined) return -1;
    return arena * POOLS_PER_ARENA + Math.floor((addr % ARENA_SIZE) / POOL_SIZE);
  }
  private blockSize(p: number): number { return (this.poolClass[p]! + 1) << 4; }
  private capacity(p: number): number { return Math.floor((POOL_SIZE - POOL_OVERHEAD) / this.blockSize(p)); }
  private blockAddr(p: number, b: number): number { return this.poolAddr[p]! + POOL_OVERHEAD + b * this.blockSize(p); }

  private newArena(): void {
    const a = this.carver.carve(ARENA_SIZE, ARENA_SIZE);
    const n = this.arenas++;
    this.arenaOf.set(Math.floor(a / ARENA_SIZE), n);
    const pools = this.arenas * POOLS_PER_ARENA;
    if (pools > this.poolAddr.length) {
      const grow = <A extends Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array>(old: A, size: number, fill: number): A => {
        const x = new (old.constructor as new (n: number) => A)(size);
        x.fill(fill);
        x.set(old);
        return x;
      };
      const size = Math.max(pools, this.poolAddr.length * 2);
      this.poolAddr = grow(this.poolAddr, size, 0);
      this.poolClass = grow(this.poolClass, size, -1);
      this.poolRef = grow(this.poolRef, size, 0);
      this.poolFree = grow(this.poolFree, size, 0);
      this.poolCarved = grow(this.poolCarved, size, 0);
      this.poolNext = grow(this.poolNext, size, -1);
      this.poolPrev = grow(this.poolPrev, size, -1);
      this.poolDomain = grow(this.poolDomain, size, 0);
      this.poolEmpty = grow(this.poolEmpty, size, 0);
      this.link = grow(this.link, size * MAX_BLOCKS, 0);
      this.used = grow(this.used, size * MAX_BLOCKS, 0);
      this.everUsed = grow(this.everUsed, size * MAX_BLOCKS, 0);
    }
    for (let i = 0; i < POOLS_PER_ARENA; i++) this.poolAddr[n * POOLS_PER_ARENA + i] = a + i * POOL_SIZE;
  }

  private unlinkPool(d: number, p: number): void {
    const dom = this.domains[d]!;
    const sc = this.poolClass[p]!;
    const prev = this.poolPrev[p]!;
    const next = this.poolNext[p]!;
    if (prev >= 0) this.poolNext[prev] = next;
    else dom.used[sc] = next;
    if (next >= 0) this.poolPrev[next] = prev;
    this.poolNext[p] = -1;
    this.poolPrev[p] = -1;
  }
  private linkPoolFront(d: number, p: number): void {
    const dom = this.domains[d]!;
    const sc = this.poolClass[p]!;
    const head = dom.used[sc]!;
    this.poolNext[p] = head;
    this.poolPrev[p] = -1;
    if (head >= 0) this.poolPrev[head] = p;
    dom.used[sc] = p;
  }

  /**
   * A block of `bytes` (1..512) from domain `d`. Returns its address, or -1 when a port access
   * aborted the caller's transaction (the allocator's state is then unchanged).
   */
  alloc(d: number, core: CoreId, bytes: number): number {
    const dom = this.domains[d]!;
    const sc = sizeClassOf(bytes);
    const port = this.port;
    const headAddr = dom.heads + sc * 8;
    if (port.read(core, asAddr(headAddr), 8) < 0) return -1;
    let p = dom.used[sc]!;
    if (p >= 0) {
      const pa = this.poolAddr[p]!;
      if (port.read(core, asAddr(pa), 16) < 0) return -1;
      const head = this.poolFree[p]!;
      let b: number;
      if (head !== 0) {
        b = head - 1;
        // pymalloc follows the link stored in the block it hands out.
        if (port.read(core, asAddr(this.blockAddr(p, b)), 8) < 0) return -1;
        if (port.write(core, asAddr(pa), 16) < 0) return -1;
        this.poolFree[p] = this.link[p * MAX_BLOCKS + b]!;
      } else {
        if (port.write(core, asAddr(pa), 16) < 0) return -1;
        b = this.poolCarved[p]!;
        this.poolCarved[p] = b + 1;
      }
      this.poolRef[p]!++;
      this.used[p * MAX_BLOCKS + b] = 1;
      this.lastReused = this.everUsed[p * MAX_BLOCKS + b] === 1;
      this.everUsed[p * MAX_BLOCKS + b] = 1;
      if (this.poolFree[p] === 0 && this.poolCarved[p]! >= this.capacity(p)) {
        // Full: leaves usedpools.
        if (port.write(core, asAddr(headAddr), 8) < 0) { this.undoAlloc(p, b, head); return -1; }
        this.unlinkPool(d, p);
      }
      this.smallInUse++;
      return this.blockAddr(p, b);
    }
    // A new pool for this class: a free pool of the domain, else the next one of its arena.
    if (dom.freePools.length > 0) p = dom.freePools[dom.freePools.length - 1]!;
    else {
      if (dom.nextPool >= POOLS_PER_ARENA) {
        this.newArena();
        dom.arena = this.arenas - 1;
        dom.nextPool = 0;
      }
      p = dom.arena * POOLS_PER_ARENA + dom.nextPool;
    }
    const pa = this.poolAddr[p]!;
    if (port.write(core, asAddr(pa), POOL_OVERHEAD) < 0 || port.write(core, asAddr(headAddr), 8) < 0) return -1;
    if (dom.freePools.length > 0 && dom.freePools[dom.freePools.length - 1] === p) dom.freePools.pop();
    else dom.nextPool++;
    this.poolClass[p] = sc;
    this.poolEmpty[p] = 0;
    this.poolDomain[p] = d;
    for (let i = p * MAX_BLOCKS; i < (p + 1) * MAX_BLOCKS; i++) this.used[i] = 0;
    this.poolRef[p] = 1;
    this.poolFree[p] = 0;
    this.poolCarved[p] = 1;
    this.used[p * MAX_BLOCKS] = 1;
    this.lastReused = this.everUsed[p * MAX_BLOCKS] === 1;
    this.everUsed[p * MAX_BLOCKS] = 1;
    this.linkPoolFront(d, p);
    this.smallInUse++;
    return pa + POOL_OVERHEAD;
  }
  private undoAlloc(p: number, b: number, head: number): void {
    this.used[p * MAX_BLOCKS + b] = 0;
    this.poolRef[p]!--;
    if (head !== 0) this.poolFree[p] = head;
    else this.poolCarved[p]!--;
  }

  /** Whether addr is a small block in use. */
  isSmallInUse(addr: number): boolean {
    const p = this.poolIndex(addr);
    if (p < 0 || this.poolClass[p]! < 0) return false;
    const b = Math.floor((addr - this.poolAddr[p]! - POOL_OVERHEAD) / this.blockSize(p));
    return this.used[p * MAX_BLOCKS + b] === 1;
  }

  /**
   * Returns a small block to its pool. Returns 1 when done, 0 when addr is not a small block in
   * use (ignored: a block is freed once), -1 when a port access aborted the caller's transaction.
   */
  free(core: CoreId, addr: number, quiet = false): number {
    const p = this.poolIndex(addr);
    if (p < 0 || this.poolClass[p]! < 0 || this.poolEmpty[p] === 1) return 0;
    const pa = this.poolAddr[p]!;
    const b = Math.floor((addr - pa - POOL_OVERHEAD) / this.blockSize(p));
    const bi = p * MAX_BLOCKS + b;
    if (this.used[bi] !== 1) return 0;
    const port = this.port;
    if (!quiet && (port.read(core, asAddr(pa), 16) < 0 || port.write(core, asAddr(addr), 8) < 0 || port.write(core, asAddr(pa), 16) < 0)) return -1;
    const d = this.poolDomain[p]!;
    const dom = this.domains[d]!;
    const wasFull = this.poolFree[p] === 0 && this.poolCarved[p]! >= this.capacity(p);
    const empty = this.poolRef[p] === 1;
    if (!quiet && (wasFull || empty) && port.write(core, asAddr(dom.heads + this.poolClass[p]! * 8), 8) < 0) return -1;
    this.used[bi] = 0;
    this.link[bi] = this.poolFree[p]!;
    this.poolFree[p] = b + 1;
    this.poolRef[p]!--;
    this.smallInUse--;
    if (wasFull) this.linkPoolFront(d, p);
    if (empty) {
      // Empty: back to the domain's free pools, to serve any class (re-initialised then).
      this.unlinkPool(d, p);
      this.poolEmpty[p] = 1;
      dom.freePools.push(p);
    }
    return 1;
  }

  /**
   * Takes a freed block back (a transaction that freed it rolled back: no traffic, the hardware
   * restores memory). The block is unlinked from its pool's free list wherever it is; false when
   * it is no longer free (something else took it), which leaves everything as it is.
   */
  unfree(addr: number): boolean {
    const p = this.poolIndex(addr);
    if (p < 0) return false;
    const pa = this.poolAddr[p]!;
    const d = this.poolDomain[p]!;
    const dom = this.domains[d]!;
    if (this.poolClass[p]! < 0) return false;
    if (this.poolEmpty[p] === 1) {
      // The pool went back to the free pools when this block left it, and serves nothing else yet.
      const i = dom.freePools.lastIndexOf(p);
      if (i < 0) return false;
      dom.freePools.splice(i, 1);
      this.poolEmpty[p] = 0;
      this.linkPoolFront(d, p);
    }
    const b = Math.floor((addr - pa - POOL_OVERHEAD) / this.blockSize(p));
    const bi = p * MAX_BLOCKS + b;
    if (this.used[bi] === 1 || b >= this.poolCarved[p]!) return false;
    let prev = -1;
    let cur = this.poolFree[p]! - 1;
    while (cur >= 0 && cur !== b) {
      prev = cur;
      cur = this.link[p * MAX_BLOCKS + cur]! - 1;
    }
    if (cur !== b) return false;
    if (prev < 0) this.poolFree[p] = this.link[bi]!;
    else this.link[p * MAX_BLOCKS + prev] = this.link[bi]!;
    this.used[bi] = 1;
    this.poolRef[p]!++;
    this.smallInUse++;
    if (this.poolFree[p] === 0 && this.poolCarved[p]! >= this.capacity(p)) this.unlinkPool(d, p);
    return true;
  }

  /** A large block (> 512 bytes): the exact size's most recently freed block, else fresh. */
  allocLarge(bytes: number): number {
    const size = (bytes + 15) & ~15;
    const list = this.largeFree.get(size);
    let a: number;
    if (list !== undefined && list.length > 0) a = list.pop()!;
    else a = this.carver.carve(size, size >= POOL_SIZE ? POOL_SIZE : 16);
    this.largeSize.set(a, size);
    this.largeInUse++;
    this.largeBytes += size;
    this.lastReused = this.largeEverUsed.has(a);
    if (!this.lastReused) this.largeEverUsed.add(a);
    return a;
  }
  /** Frees a large block; false when addr is not one in use. */
  freeLarge(addr: number): boolean {
    const size = this.largeSize.get(addr);
    if (size === undefined) return false;
    this.largeSize.delete(addr);
    let list = this.largeFree.get(size);
    if (list === undefined) this.largeFree.set(size, (list = []));
    list.push(addr);
    this.largeInUse--;
    this.largeBytes -= size;
    return true;
  }
  /** Takes a freed large block back (rollback); false when it is not free. */
  unfreeLarge(addr: number, bytes: number): boolean {
    const size = (bytes + 15) & ~15;
    const list = this.largeFree.get(size);
    if (list === undefined) return false;
    const i = list.lastIndexOf(addr);
    if (i < 0) return false;
    list.splice(i, 1);
    this.largeSize.set(addr, size);
    this.largeInUse++;
    this.largeBytes += size;
    return true;
  }
  isLarge(addr: number): boolean { return this.largeSize.has(addr); }
  /** Grows a large block in place when it is the last range carved (glibc's top chunk). */
  extendLarge(addr: number, newBytes: number): boolean {
    const size = this.largeSize.get(addr);
    if (size === undefined) return false;
    const ns = (newBytes + 15) & ~15;
    if (!this.carver.extend(addr, size, ns)) return false;
    this.largeSize.set(addr, ns);
    this.largeBytes += ns - size;
    return true;
  }
  /** Size class of the small block at addr (-1: not a small block). */
  classOf(addr: number): number {
    const p = this.poolIndex(addr);
    return p < 0 || this.poolEmpty[p] === 1 ? -1 : this.poolClass[p]!;
  }
}
