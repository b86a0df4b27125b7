/**
 * A dedicated transactional tracking buffer (POWER8's TMCAM, zEC12's gathering store cache): a
 * small set-associative array of line addresses, each with read/write bits, private to one core.
 * A transaction's line goes in on its first access; when the line's set is full the transaction
 * cannot grow (a capacity abort, decided by the HTM unit). The buffer holds tracking only, so a
 * line it holds may leave every cache without an abort.
 *
 * Set index: line mod sets (`lines / ways`); with `ways == lines` it is fully associative.
 * Clearing is O(entries used): the used slots are logged.
 */
import type { TxBufferConfig } from './config.js';

const EMPTY = -1;

export class TxBuffer {
  readonly sets: number;
  readonly ways: number;
  private readonly tags: Float64Array;
  private readonly bits: Uint8Array;
  private readonly used: Int32Array;
  private nUsed = 0;

  constructor(cfg: TxBufferConfig) {
    this.ways = cfg.ways;
    this.sets = cfg.lines / cfg.ways;
    this.tags = new Float64Array(cfg.lines).fill(EMPTY);
    this.bits = new Uint8Array(cfg.lines);
    this.used = new Int32Array(cfg.lines);
  }

  /** Entries in use (distinct lines tracked). */
  get size(): number {
    return this.nUsed;
  }

  /** The read/write bits held for `line` (0 when absent). */
  flags(line: number): number {
    const base = (line % this.sets) * this.ways;
    for (let i = base, end = base + this.ways; i < end; i++) {
      if (this.tags[i] === line) return this.bits[i]!;
    }
    return 0;
  }

  /** Adds `bit` for `line`. Returns false when the line is new and its set is full (overflow). */
  insert(line: number, bit: number): boolean {
    const base = (line % this.sets) * this.ways;
    let free = -1;
    for (let i = base, end = base + this.ways; i < end; i++) {
      const t = this.tags[i]!;
      if (t === line) {
        this.bits[i] = this.bits[i]! | bit;
        return true;
      }
      if (t === EMPTY && free < 0) free = i;
    }
    if (free < 0) return false;
    this.tags[free] = line;
    this.bits[free] = bit;
    this.used[this.nUsed++] = free;
    return true;
  }

  clear(): void {
    for (let i = 0; i < this.nUsed; i++) {
      const s = this.used[i]!;
      this.tags[s] = EMPTY;
      this.bits[s] = 0;
    }
    this.nUsed = 0;
  }
}
