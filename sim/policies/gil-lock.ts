/**
 * The GIL as a word in simulated memory. Taking it is a read then a write of its line (a
 * compare-and-swap), releasing it a write, so every handoff between cores is a coherence miss and
 * a write aborts every hardware transaction that has the word in its read set.
 */
import type { Addr } from '../common/brand.js';
import type { MemoryPort } from '../machine/port.js';
import type { GuestThread } from '../interp/interpreter.js';
import type { GilStats } from './stats.js';

const WORD = 8;

export class GilLock {
  holder: GuestThread | null = null;
  private lastHolder = -1;

  constructor(
    private readonly port: MemoryPort,
    readonly addr: Addr,
    private readonly stats: GilStats,
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
    this.port.read(t.core, this.addr, WORD);
    if (this.holder !== null) return false;
    this.port.write(t.core, this.addr, WORD);
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
    this.port.write(t.core, this.addr, WORD);
    this.holder = null;
  }
}
