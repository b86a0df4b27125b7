/**
 * The run's memory footprint: how many distinct lines the cores touched and how many of them they
 * wrote, since the machine was built (all cores together, inside and outside transactions,
 * including the accesses of transactions that later aborted).
 *
 * Counted off the hot path. A line's first touch by a core is always an L1 miss (caches start
 * empty, and a line comes back into an L1 only through a miss), and a line's first write by a core
 * always leaves the L1 fast path too: the fast path takes a write only to a line already in M, and
 * a line reaches M only through a write (a write miss, or an S/E → M upgrade on the slow path). So
 * the coherence slow path calls `note` on every completed miss and every upgrade, and the L1 hit
 * path never does.
 *
 * Lines read but never written ("read-only") are lines − written. Lines that were written first
 * and read later are not told apart from lines only written: telling them apart would need a test
 * on every L1 read hit.
 *
 * Storage: one bitmap page per 2^15 lines (2 MiB of address space), two bits per line (touched,
 * written), found through a Map with the last page cached; a page is allocated when a core first
 * touches its region.
 */

const PAGE_SHIFT = 15;
const PAGE_LINES = 1 << PAGE_SHIFT;
/** Words of one bitmap (touched or written) in a page. */
const WORDS = PAGE_LINES >>> 5;

export interface FootprintStats {
  /** Distinct lines read or written. */
  lines: number;
  /** Distinct lines written at least once. */
  linesWritten: number;
}

export class Footprint {
  private readonly pages = new Map<number, Uint32Array>();
  private lastIndex = -1;
  private lastPage: Uint32Array = new Uint32Array(0);
  private lines = 0;
  private written = 0;

  /** A completed access to `line` that missed the core's L1 or upgraded its copy to M. */
  note(line: number, write: boolean): void {
    const index = Math.floor(line / PAGE_LINES);
    let page = this.lastPage;
    if (index !== this.lastIndex) {
      let p = this.pages.get(index);
      if (p === undefined) {
        p = new Uint32Array(2 * WORDS); // touched bits, then written bits
        this.pages.set(index, p);
      }
      page = p;
      this.lastPage = p;
      this.lastIndex = index;
    }
    const off = line - index * PAGE_LINES;
    const w = off >>> 5;
    const bit = 1 << (off & 31);
    const t = page[w]!;
    if ((t & bit) === 0) {
      page[w] = t | bit;
      this.lines++;
    }
    if (write) {
      const x = page[WORDS + w]!;
      if ((x & bit) === 0) {
        page[WORDS + w] = x | bit;
        this.written++;
      }
    }
  }

  stats(): FootprintStats {
    return { lines: this.lines, linesWritten: this.written };
  }
}
