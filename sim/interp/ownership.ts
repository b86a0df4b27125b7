/**
 * Line ownership for abort forensics (docs/forensics.md): who owns each simulated line the
 * interpreter touches, as an owner kind from a closed set and a detail string.
 *
 * The fixed runtime areas of heap.ts (singletons, the ticker words, the small-int table, the
 * allocator's free-list heads) are named from their addresses; everything allocated at run time
 * is tagged by the VM when forensics is on (vm/write-path.ts `place`, vm/calls.ts frames and
 * constants), and the policies register their own words (the GIL). Lines nobody tagged are
 * `other`. With forensics off no table exists and nothing is tagged.
 *
 * An object's header line holds its reference count beside its header fields; with a refcount
 * model that writes headers (cpython, biased) it is reported as `refcount` (every reference to the
 * object writes it), otherwise as `guest-object`. The rest of the object (and its item buffer) is
 * `guest-object`. A line holding several small objects is owned by the last one allocated there.
 *
 * Bounded: at most `maxLines` tagged lines (later allocations stay untagged, i.e. `other`) and
 * `maxDetails` distinct detail strings (later ones share one overflow detail).
 */
import type { InterpConfig } from './config.js';
import {
  FALSE_ADDR, GLOBAL_HEADS, HEAP_BASE, NONE_ADDR, SMALL_INT_BASE, SMALL_INT_SIZE, THREAD_REGION_BASE,
  THREAD_REGION_SIZE, TICKER_ADDR, TRUE_ADDR,
} from './heap.js';

export type OwnerKind =
  | 'refcount' | 'allocator' | 'ticker' | 'gil' | 'small-int' | 'frame' | 'guest-object' | 'interp-static'
  | 'stm-meta' | 'other';

/** Every owner kind, in the order reports list them. */
export const OWNER_KINDS: readonly OwnerKind[] = [
  'refcount', 'allocator', 'ticker', 'gil', 'small-int', 'frame', 'guest-object', 'interp-static', 'stm-meta', 'other',
];
const KIND_INDEX = new Map<OwnerKind, number>(OWNER_KINDS.map((k, i) => [k, i]));
const KIND_BITS = 4;
const OTHER = KIND_INDEX.get('other')!;

export interface Owner {
  kind: OwnerKind;
  detail: string;
}

/** Free-list heads: one 8-byte word per 16-byte size class, 33 of them (heap.ts). */
const HEAD_BYTES = 33 * 8;
/** The per-thread ticker word's offset in the thread region (heap.ts tickerAddr). */
const THREAD_TICKER_OFFSET = 0x400;
const SMALL_INT_COUNT = 262; // -5..256

export class OwnershipTable {
  private readonly lineBytes: number;
  /** line → kind index | detail id << KIND_BITS */
  private readonly tags = new Map<number, number>();
  private readonly details: string[] = [];
  private readonly detailIds = new Map<string, number>();
  /** Header lines are `refcount` (the refcount model writes object headers). */
  readonly headerIsRefcount: boolean;

  constructor(lineBytes: number, cfg: InterpConfig, readonly maxLines = 1 << 21, readonly maxDetails = 1 << 14) {
    this.lineBytes = lineBytes;
    this.headerIsRefcount = cfg.refcount !== 'none';
  }

  /** Tags every line of [addr, addr + bytes) with `kind` and `detail`. */
  tag(addr: number, bytes: number, kind: OwnerKind, detail: string): void {
    if (addr === 0) return;
    const first = Math.floor(addr / this.lineBytes);
    const last = Math.floor((addr + Math.max(1, bytes) - 1) / this.lineBytes);
    const code = KIND_INDEX.get(kind)! | (this.detailId(detail) << KIND_BITS);
    for (let line = first; line <= last; line++) {
      if (this.tags.size >= this.maxLines && !this.tags.has(line)) return;
      this.tags.set(line, code);
    }
  }

  /** A guest object's block: its header line (refcount or guest-object) and the rest. */
  tagObject(addr: number, bytes: number, detail: string): void {
    if (addr === 0) return;
    if (!this.headerIsRefcount) {
      this.tag(addr, bytes, 'guest-object', detail);
      return;
    }
    // Refcounted heaps pack blocks (pymalloc, 48-byte pool header): a line of the body may hold a
    // neighbour's header, whose refcount writes are what contend there; it keeps that owner.
    this.tag(addr, 16, 'refcount', detail);
    const hdrLast = Math.floor((addr + 15) / this.lineBytes);
    const last = Math.floor((addr + Math.max(1, bytes) - 1) / this.lineBytes);
    const refcount = KIND_INDEX.get('refcount')!;
    for (let line = hdrLast + 1; line <= last; line++) {
      const prev = this.tags.get(line);
      if (prev !== undefined && (prev & ((1 << KIND_BITS) - 1)) === refcount) continue;
      this.tag(line * this.lineBytes, 1, 'guest-object', detail);
    }
  }

  /** The owner of a line: the fixed runtime areas by address, then the tags, else `other`. */
  owner(line: number): Owner {
    const fixed = this.fixedOwner(line * this.lineBytes);
    if (fixed !== null) return fixed;
    const code = this.tags.get(line);
    if (code === undefined) return { kind: 'other', detail: line * this.lineBytes < HEAP_BASE ? 'runtime area' : 'untagged heap line' };
    return { kind: OWNER_KINDS[code & ((1 << KIND_BITS) - 1)] ?? 'other', detail: this.details[code >>> KIND_BITS] ?? '' };
  }

  /** The owner kind's index in OWNER_KINDS (for per-kind tallies without building strings). */
  kindIndex(line: number): number {
    const fixed = this.fixedOwner(line * this.lineBytes);
    if (fixed !== null) return KIND_INDEX.get(fixed.kind)!;
    const code = this.tags.get(line);
    return code === undefined ? OTHER : code & ((1 << KIND_BITS) - 1);
  }

  /** How many lines are tagged (bounded by maxLines). */
  get size(): number {
    return this.tags.size;
  }

  private detailId(detail: string): number {
    let id = this.detailIds.get(detail);
    if (id !== undefined) return id;
    if (this.details.length >= this.maxDetails) return this.detailId('(more details than the table keeps)');
    id = this.details.length;
    this.details.push(detail);
    this.detailIds.set(detail, id);
    return id;
  }

  /** The areas heap.ts lays out at fixed addresses (the line starting at `a`). */
  private fixedOwner(a: number): Owner | null {
    if (a >= HEAP_BASE) return null;
    const end = a + this.lineBytes;
    const within = (x: number): boolean => x >= a && x < end;
    if (within(TICKER_ADDR)) return { kind: 'ticker', detail: 'shared eval-breaker word' };
    if (within(NONE_ADDR)) return { kind: 'refcount', detail: 'None (singleton)' };
    if (within(TRUE_ADDR)) return { kind: 'refcount', detail: 'True (singleton)' };
    if (within(FALSE_ADDR)) return { kind: 'refcount', detail: 'False (singleton)' };
    const intEnd = SMALL_INT_BASE + SMALL_INT_COUNT * SMALL_INT_SIZE;
    if (end > SMALL_INT_BASE && a < intEnd) {
      const lo = Math.max(0, Math.ceil((a - SMALL_INT_BASE) / SMALL_INT_SIZE)) - 5;
      const hi = Math.min(SMALL_INT_COUNT - 1, Math.floor((end - 1 - SMALL_INT_BASE) / SMALL_INT_SIZE)) - 5;
      return { kind: 'small-int', detail: lo === hi ? `int ${lo}` : `ints ${lo}..${hi}` };
    }
    if (end > GLOBAL_HEADS && a < GLOBAL_HEADS + HEAD_BYTES) {
      return { kind: 'allocator', detail: `global free-list heads, size classes ${headClasses(a - GLOBAL_HEADS, this.lineBytes)}` };
    }
    if (a >= THREAD_REGION_BASE) {
      const tid = Math.floor((a - THREAD_REGION_BASE) / THREAD_REGION_SIZE);
      const off = a - THREAD_REGION_BASE - tid * THREAD_REGION_SIZE;
      if (off < HEAD_BYTES) return { kind: 'allocator', detail: `thread ${tid} free-list heads, size classes ${headClasses(off, this.lineBytes)}` };
      if (off <= THREAD_TICKER_OFFSET && off + this.lineBytes > THREAD_TICKER_OFFSET) return { kind: 'ticker', detail: `thread ${tid} eval-breaker word` };
    }
    return null;
  }
}

/** The size classes (16-byte steps) whose heads share the line at offset `off` of a heads array. */
function headClasses(off: number, lineBytes: number): string {
  const lo = Math.max(0, Math.floor(off / 8));
  const hi = Math.min(32, Math.floor((off + lineBytes - 1) / 8));
  return `${lo * 16}..${hi * 16} B`;
}
