/**
 * The run's memory footprint: how many distinct lines the cores touched, read and wrote, since
 * the machine was built (all cores together, inside and outside transactions, including the
 * accesses of transactions that later aborted).
 *
 * Counted almost entirely off the hot path:
 * - a core's first touch of a line is always an L1 miss (caches start empty, and a line comes back
 *   into an L1 only through a miss), so every completed miss calls `noteMiss`;
 * - a core's first write to a line always leaves the L1 fast path too: the fast path takes a write
 *   only to a line already in M, and a line reaches M only through a write (a write miss, or an
 *   S/E → M upgrade on the slow path, which calls `noteWrite`);
 * - the one first touch an L1 hit can make is the first read of a line the core brought in by a
 *   write. `noteMiss` returns 1 for such a line and the caller keeps that in the L1 slot
 *   (`Cache.unread`); the hit path tests that byte and calls `noteHit` once.
 * - `clear` (a region of interest begins) forgets every line; the caller then marks every line the
 *   L1s hold as unread and unwritten in `Cache.unread`, so its first hit of each kind is noted.
 *
 * Storage: one bitmap page per 2^15 lines (2 MiB of address space), three bits per line (touched,
 * read, written), found by index (through a Map beyond 128 GiB) with the last page cached; a page
 * is allocated when a core first touches its region.
 */

const PAGE_SHIFT = 15;
const PAGE_LINES = 1 << PAGE_SHIFT;
/** Words of one bitmap in a page: touched bits, then read bits, then written bits. */
const WORDS = PAGE_LINES >>> 5;
const READ = WORDS;
const LOW_PAGES = 1 << 16;
const WRITTEN = 2 * WORDS;

export interface FootprintStats {
  /** Distinct lines read or written. */
  lines: number;
  /** Distinct lines read at least once. */
  linesRead: number;
  /** Distinct lines written at least once. */
  linesWritten: number;
}

export class Footprint {
  private readonly low: (Uint32Array | undefined)[] = [];
  private readonly pages = new Map<number, Uint32Array>();
  private lastIndex = -1;
  private lastPage: Uint32Array = new Uint32Array(0);
  private lines = 0;
  private read = 0;
  private written = 0;

  private page(line: number): Uint32Array {
    const index = Math.floor(line / PAGE_LINES);
    if (index === this.lastIndex) return this.lastPage;
    // Pages of the first 2^16 (128 GiB of address space) by index, the rest through the Map.
    let p = index < LOW_PAGES ? this.low[index] : this.pages.get(index);
    if (p === undefined) {
      p = new Uint32Array(3 * WORDS);
      if (index < LOW_PAGES) {
        while (this.low.length < index) this.low.push(undefined);
        this.low[index] = p;
      } else {
        this.pages.set(index, p);
      }
    }
    this.lastPage = p;
    this.lastIndex = index;
    return p;
  }

  /** Sets the line's bit in one bitmap (READ or WRITTEN); true if it was clear. */
  private set(line: number, map: number): boolean {
    const page = this.page(line);
    const off = line % PAGE_LINES;
    const at = map + (off >>> 5);
    const bit = 1 << (off & 31);
    const x = page[at]!;
    if ((x & bit) !== 0) return false;
    page[at] = x | bit;
    return true;
  }

  /**
   * A completed access to `line` that missed the core's L1. Returns 1 when the access is a write
   * and the line has never been read (the L1 slot must report the first read hit), else 0.
   */
  noteMiss(line: number, write: boolean): number {
    // One page lookup and one offset for the three bitmaps (misses are the frequent caller).
    const page = this.page(line);
    const off = line % PAGE_LINES;
    const w = off >>> 5;
    const bit = 1 << (off & 31);
    const t = page[w]!;
    if ((t & bit) === 0) {
      page[w] = t | bit;
      this.lines++;
    }
    const r = page[READ + w]!;
    if (!write) {
      if ((r & bit) === 0) {
        page[READ + w] = r | bit;
        this.read++;
      }
      return 0;
    }
    const x = page[WRITTEN + w]!;
    if ((x & bit) === 0) {
      page[WRITTEN + w] = x | bit;
      this.written++;
    }
    return (r & bit) === 0 ? 1 : 0;
  }

  /** An S/E → M upgrade of a line the core holds (touched already). */
  noteWrite(line: number): void {
    if (this.set(line, WRITTEN)) this.written++;
  }

  /** A hit the footprint has not seen: the first read of a line the core brought into its L1 by
   *  a write, or (after `clear`) the first read or write of a line the L1 held then. */
  noteHit(line: number, write: boolean): void {
    if (this.set(line, 0)) this.lines++;
    if (write) {
      if (this.set(line, WRITTEN)) this.written++;
    } else if (this.set(line, READ)) {
      this.read++;
    }
  }

  /** Forgets every line (a region of interest begins; the caller marks the lines the L1s hold). */
  clear(): void {
    for (const p of this.low) p?.fill(0);
    for (const p of this.pages.values()) p.fill(0);
    this.lines = 0;
    this.read = 0;
    this.written = 0;
  }

  stats(): FootprintStats {
    return { lines: this.lines, linesRead: this.read, linesWritten: this.written };
  }
}
