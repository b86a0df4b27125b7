/**
 * A read-set signature (LogTM-SE style): a Bloom filter of `bits` bits and `hashes` hash
 * functions over line numbers, private to one core. It never overflows, so a read set is never a
 * capacity abort; instead a line that was never read can test positive (a false conflict). With
 * n lines inserted the chance that a given other line tests positive is
 * (1 − (1 − 1/m)^(k·n))^k ≈ (1 − e^(−k·n/m))^k for m bits and k hashes.
 *
 * The hash functions are seeded multiply-xorshift mixes of the line number (deterministic for a
 * seed). Clearing zeroes the words (bits / 32 stores).
 */
import type { TxSignatureConfig } from './config.js';

const TWO32 = 4294967296;

/** A 32-bit avalanche mix (murmur3's finaliser) of `x` and a seed. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class TxSignature {
  readonly bits: number;
  readonly hashes: number;
  private readonly words: Uint32Array;
  private readonly seeds: Uint32Array;
  private readonly mask: number;
  /** Lines inserted since the last clear (with repeats; for the false-positive estimate). */
  inserted = 0;

  constructor(cfg: TxSignatureConfig, seed: number) {
    this.bits = cfg.bits;
    this.hashes = cfg.hashes;
    this.mask = cfg.bits - 1;
    this.words = new Uint32Array(Math.max(1, cfg.bits >>> 5));
    this.seeds = new Uint32Array(cfg.hashes);
    let s = (seed * 0x9e3779b1) >>> 0;
    for (let i = 0; i < cfg.hashes; i++) {
      s = mix(s + i + 1, 0x27d4eb2f);
      this.seeds[i] = s;
    }
  }

  private index(line: number, i: number): number {
    const lo = line >>> 0;
    const hi = Math.floor(line / TWO32) >>> 0;
    return mix(lo ^ mix(hi, this.seeds[i]!), this.seeds[i]!) & this.mask;
  }

  add(line: number): void {
    for (let i = 0; i < this.hashes; i++) {
      const b = this.index(line, i);
      this.words[b >>> 5] = (this.words[b >>> 5]! | (1 << (b & 31))) >>> 0;
    }
    this.inserted++;
  }

  /** True if `line` may be in the set (always true for lines added since the last clear). */
  test(line: number): boolean {
    for (let i = 0; i < this.hashes; i++) {
      const b = this.index(line, i);
      if ((this.words[b >>> 5]! & (1 << (b & 31))) === 0) return false;
    }
    return true;
  }

  clear(): void {
    if (this.inserted === 0) return;
    this.words.fill(0);
    this.inserted = 0;
  }
}

/** The Bloom-filter false-positive probability for `n` distinct lines in m bits with k hashes. */
export function bloomFalsePositive(bits: number, hashes: number, n: number): number {
  return (1 - (1 - 1 / bits) ** (hashes * n)) ** hashes;
}
