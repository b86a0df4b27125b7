/**
 * Object-granularity conflict detection for the PyPy-STM-style policy.
 *
 * PyPy-STM (stmgc) detects write–write conflicts eagerly, when the second writer's write barrier
 * runs, and read–write conflicts only when the writer commits: every transaction that read an
 * object the committer wrote is doomed (the committer wins). An inevitable transaction (one that
 * did I/O) can never abort, so whoever conflicts with it loses; at most one is inevitable at a time.
 *
 * This module is pure bookkeeping: it decides who aborts and leaves the rollback to its caller.
 * Objects are host objects (the VM's guest objects); a transaction is identified by a small integer
 * (the guest thread id).
 */

export type StmConflictKind = 'writeWrite' | 'readWrite' | 'inevitable';

export type WriteOutcome =
  /** The write may proceed; `first` is true the first time this tx writes the object. */
  | { kind: 'ok'; first: boolean }
  /** The writer must abort itself: another live transaction owns the object. */
  | { kind: 'abort-self'; conflict: StmConflictKind };

export interface StmVictim {
  tx: number;
  kind: StmConflictKind;
}

interface TxState {
  reads: Set<object>;
  writes: Set<object>;
  inevitable: boolean;
}

export class StmConflictTracker {
  private readonly live = new Map<number, TxState>();
  /** object → the live transaction that wrote it (the eager write–write lock). */
  private readonly owner = new Map<object, number>();
  private inevitableTx = -1;

  begin(tx: number): void {
    if (this.live.has(tx)) throw new Error(`stm: transaction ${tx} already live`);
    this.live.set(tx, { reads: new Set(), writes: new Set(), inevitable: false });
  }

  isLive(tx: number): boolean {
    return this.live.has(tx);
  }

  /** Returns true the first time this tx reads the object (barrier slow path). */
  read(tx: number, obj: object): boolean {
    const st = this.live.get(tx);
    if (st === undefined) return false;
    if (st.reads.has(obj)) return false;
    st.reads.add(obj);
    return true;
  }

  write(tx: number, obj: object): WriteOutcome {
    const st = this.live.get(tx);
    if (st === undefined) return { kind: 'ok', first: false };
    if (st.writes.has(obj)) return { kind: 'ok', first: false };
    const other = this.owner.get(obj);
    if (other !== undefined && other !== tx) {
      const otherSt = this.live.get(other)!;
      // The inevitable transaction wins every conflict; otherwise the second writer yields.
      if (!st.inevitable || otherSt.inevitable) {
        return { kind: 'abort-self', conflict: otherSt.inevitable ? 'inevitable' : 'writeWrite' };
      }
      // st is inevitable and other is not: the other must go. Caller aborts it via victimsOfWrite.
    }
    st.writes.add(obj);
    this.owner.set(obj, tx);
    return { kind: 'ok', first: true };
  }

  /** The live transaction that owns (has written) `obj`, or -1. */
  ownerOf(obj: object): number {
    return this.owner.get(obj) ?? -1;
  }

  /**
   * After an inevitable tx wrote `obj` (write() returned ok while another tx owned it), the former
   * owner must abort. Returns it, or -1.
   */
  displacedOwner(tx: number, obj: object): number {
    for (const [other, st] of this.live) {
      if (other !== tx && st.writes.has(obj)) return other;
    }
    return -1;
  }

  /**
   * Try to make `tx` inevitable. Fails (returns false) while another transaction is inevitable;
   * the caller then waits (PyPy-STM's "inevitable wait").
   */
  becomeInevitable(tx: number): boolean {
    const st = this.live.get(tx);
    if (st === undefined) return false;
    if (st.inevitable) return true;
    if (this.inevitableTx !== -1) return false;
    st.inevitable = true;
    this.inevitableTx = tx;
    return true;
  }

  isInevitable(tx: number): boolean {
    return this.live.get(tx)?.inevitable ?? false;
  }

  hasInevitable(): boolean {
    return this.inevitableTx !== -1;
  }

  /**
   * Validate a commit. With the committer winning, returns every other live transaction that read
   * an object this one wrote (they must abort). If one of them is inevitable, the committer loses
   * instead: the result is `{ self: true }`.
   */
  commitVictims(tx: number): { self: boolean; victims: StmVictim[] } {
    const st = this.live.get(tx);
    if (st === undefined) throw new Error(`stm: commit of unknown transaction ${tx}`);
    const victims: StmVictim[] = [];
    if (st.writes.size === 0) return { self: false, victims };
    for (const [other, ost] of this.live) {
      if (other === tx || ost.reads.size === 0) continue;
      if (intersects(st.writes, ost.reads)) {
        if (ost.inevitable) return { self: true, victims: [] };
        victims.push({ tx: other, kind: 'readWrite' });
      }
    }
    return { self: false, victims };
  }

  /** Readers of objects this tx wrote, for the `reader-wins` resolution. */
  readersOfWrites(tx: number): number[] {
    const st = this.live.get(tx);
    if (st === undefined) return [];
    const out: number[] = [];
    for (const [other, ost] of this.live) {
      if (other !== tx && intersects(st.writes, ost.reads)) out.push(other);
    }
    return out;
  }

  writeCount(tx: number): number {
    return this.live.get(tx)?.writes.size ?? 0;
  }

  readCount(tx: number): number {
    return this.live.get(tx)?.reads.size ?? 0;
  }

  /** Ends a transaction (commit or abort): releases its write ownership and inevitability. */
  end(tx: number): void {
    const st = this.live.get(tx);
    if (st === undefined) return;
    for (const obj of st.writes) {
      if (this.owner.get(obj) === tx) this.owner.delete(obj);
    }
    if (this.inevitableTx === tx) this.inevitableTx = -1;
    this.live.delete(tx);
  }
}

function intersects(a: Set<object>, b: Set<object>): boolean {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (big.has(x)) return true;
  return false;
}
