/**
 * The GIL as a word in simulated memory. Taking it is a read then a write of its line (a
 * compare-and-swap), releasing it a write, so every handoff between cores is a coherence miss and
 * a write aborts every hardware transaction that has the word in its read set. What taking and
 * releasing costs is lock overhead in the cycle accounting (reading the word inside a transaction,
 * `observe`, is left to the caller, which knows whether the transaction commits).
 */
import type { Addr } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';
import type { GuestThread } from '../interp/interpreter.js';
import type { GilStats } from './stats.js';
import type { CycleLedger } from './cycle-ledger.js';

const WORD = 8;

export class GilLock {
  holder: GuestThread | null = null;
  private lastHolder = -1;

  constructor(
    private readonly port: MemoryPort,
    readonly addr: Addr,
    private readonly stats: GilStats,
    private readonly cycles: CycleLedger,
  ) {}

  isHeld(): boolean {
    return this.holder !== null;
  }

  /** Read the word on t's core (as a spinning or eliding thread does). */
  observe(t: GuestThread): boolean {
    this.port.read(t.core, this.addr, WORD);
    return this.holder !== null;
  }

  tryAcquire(t: GuestThread): boolean {
    if (this.holder === t) return true;
    const before = this.startCharge(t);
    this.port.read(t.core, this.addr, WORD);
    if (this.holder !== null) {
      this.charged(t, before);
      return false;
    }
    this.port.write(t.core, this.addr, WORD);
    this.charged(t, before);
    this.holder = t;
    this.stats.acquisitions++;
    if (this.lastHolder !== t.id) {
      if (this.lastHolder !== -1) this.stats.switches++;
      this.lastHolder = t.id;
    }
    return true;
  }

  release(t: GuestThread): void {
    if (this.holder !== t) return;
    const before = this.startCharge(t);
    this.port.write(t.core, this.addr, WORD);
    this.charged(t, before);
    this.holder = null;
  }

  /** The clock before lock traffic, or -1 inside a guest hardware region (whose cycles the
   *  machine counts as committed or rolled-back work, so they are not overhead too). */
  private startCharge(t: GuestThread): number {
    return this.port.htm.active(t.core) ? -1 : (this.port.now(t.core) as number);
  }

  private charged(t: GuestThread, before: number): void {
    if (before >= 0) this.cycles.overhead(t.core, (this.port.now(t.core) as number) - before);
  }
}
