/**
 * Unbounded exact tracking (the `ideal` HTM): every line a transaction touched, with its
 * read/write bits, in an open-addressing hash table private to one core. It grows by doubling
 * (steady state allocates nothing) and clears in O(entries used).
 */

const EMPTY = -1;

export class TxLineSet {
  private keys = new Float64Array(1024).fill(EMPTY);
  private bits = new Uint8Array(1024);
  private used = new Int32Array(512);
  private nUsed = 0;

  get size(): number {
    return this.nUsed;
  }

  private slotOf(line: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul((line >>> 0) ^ Math.floor(line / 4294967296), 0x9e3779b1) >>> 0;
    for (;;) {
      const i = h & mask;
      const k = this.keys[i]!;
      if (k === line || k === EMPTY) return i;
      h = (h + 1) >>> 0;
    }
  }

  flags(line: number): number {
    const i = this.slotOf(line);
    return this.keys[i] === line ? this.bits[i]! : 0;
  }

  /** Adds `bit` for `line`; true if the line was not in the set before. */
  add(line: number, bit: number): boolean {
    const i = this.slotOf(line);
    if (this.keys[i] === line) {
      this.bits[i] = this.bits[i]! | bit;
      return false;
    }
    this.keys[i] = line;
    this.bits[i] = bit;
    this.used[this.nUsed++] = i;
    if (this.nUsed * 2 >= this.keys.length) this.grow();
    return true;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldBits = this.bits;
    const oldUsed = this.used;
    const n = this.nUsed;
    this.keys = new Float64Array(oldKeys.length * 2).fill(EMPTY);
    this.bits = new Uint8Array(oldKeys.length * 2);
    this.used = new Int32Array(oldKeys.length);
    this.nUsed = 0;
    for (let j = 0; j < n; j++) {
      const s = oldUsed[j]!;
      const i = this.slotOf(oldKeys[s]!);
      this.keys[i] = oldKeys[s]!;
      this.bits[i] = oldBits[s]!;
      this.used[this.nUsed++] = i;
    }
  }

  clear(): void {
    for (let j = 0; j < this.nUsed; j++) {
      const s = this.used[j]!;
      this.keys[s] = EMPTY;
      this.bits[s] = 0;
    }
    this.nUsed = 0;
  }
}
