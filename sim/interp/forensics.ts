/**
 * Abort forensics (docs/forensics.md): where each transaction aborts, on which line, owned by what.
 *
 * One `Forensics` per run, made only when the run asks for it. It is the machine's abort probe
 * (machine/port.ts AbortProbe: the contested line, the core that caused a conflict, the footprint
 * at a capacity abort), the VM tells it which guest thread the abort hit (vm/transactions.ts
 * handleHwAbort) and the STM policy tells it of its conflicts; it names lines with the
 * OwnershipTable (ownership.ts) and aggregates. Each abort becomes an `AbortRecord` (the first
 * `maxRecords` are kept for `htmsim exec --forensics` and the tests); the run record gets the
 * bounded aggregate (`report(top)`).
 */
import type { AbortCause, AbortProbe, OverflowSet, TxFootprintView } from '../machine/port.js';
import { OVERFLOW_READ, OVERFLOW_WRITE } from '../machine/port.js';
import type { CodeObject } from './chunk.js';
import type { InterpConfig } from './config.js';
import { OWNER_KINDS, OwnershipTable, type OwnerKind } from './ownership.js';
import type { GuestThread } from './thread.js';

/** A place in the guest program. */
export interface GuestSite {
  file: string;
  line: number;
  function: string;
}

/** Who aborted: `htm` (lock elision's transactions), `rtm` (a guest region), `stm`. */
export type ForensicsPolicy = 'htm' | 'rtm' | 'stm';

export interface AbortRecord {
  policy: ForensicsPolicy;
  /** A hardware abort cause, or the STM conflict kind. */
  cause: string;
  core: number;
  thread: number;
  /** Where the transaction was when it aborted, and where it began (null: not known). */
  at: GuestSite | null;
  began: GuestSite | null;
  wastedCycles: number;
  /** A conflict: the contested line (-1 for an STM object), its owner, the other party. */
  conflict?: { line: number; owner: OwnerKind; detail: string; byCore: number; bySite: GuestSite | null };
  /** A capacity abort: lines per owner kind in each set, and the set whose overflow aborted it. */
  capacity?: { overflow: 'read' | 'write'; writeSet: Partial<Record<OwnerKind, number>>; readSet: Partial<Record<OwnerKind, number>> };
}

/** The run record's `forensics` (docs/results-format.md). */
export interface ForensicsRecord {
  /** How many entries each list keeps at most. */
  top: number;
  /** Aborts observed (hardware aborts of guest transactions and STM aborts). */
  aborts: number;
  /** Abort sites (where the transactions were), with the source line's text ('' if unknown). */
  sites: { policy: ForensicsPolicy; cause: string; file: string; line: number; function: string; source: string; count: number; wastedCycles: number }[];
  conflicts: { owner: OwnerKind; detail: string; count: number }[];
  /** Conflicts per owner kind, every kind (complete, not cut to `top`). */
  conflictsByOwner: Record<OwnerKind, number>;
  /** Lines of the transactions' sets at their capacity aborts, per owner kind. */
  capacity: { owner: OwnerKind; lines: number; share: number; writeLines: number; readLines: number }[];
  capacityAborts: number;
  /** Capacity aborts by the set that overflowed. */
  overflowed: { read: number; write: number };
}

interface MachineEvent {
  cause: AbortCause;
  line: number;
  by: number;
  overflow: OverflowSet;
  wasted: number;
  write: Float64Array;
  read: Float64Array;
}

const KINDS = OWNER_KINDS.length;

/** The site a frame is at: its current instruction when forensics is on (Frame.at), else its pc. */
export function frameSite(code: CodeObject, pc: number): GuestSite {
  const i = Math.max(0, Math.min(pc, code.lines.length - 1));
  return { file: code.filename, line: code.lines[i] ?? code.firstLine, function: code.qualname };
}

/** Where thread t is now (its innermost frame), or null. */
export function threadSite(t: GuestThread | undefined | null): GuestSite | null {
  if (t === undefined || t === null) return null;
  const f = t.frames[t.frames.length - 1];
  if (f === undefined) return null;
  return frameSite(f.code, f.at >= 0 ? f.at : f.pc);
}

export class Forensics implements AbortProbe {
  readonly owners: OwnershipTable;
  readonly records: AbortRecord[] = [];
  private aborts = 0;
  private readonly sites = new Map<string, { policy: ForensicsPolicy; cause: string; site: GuestSite; count: number; wasted: number }>();
  private readonly conflicts = new Map<string, { owner: OwnerKind; detail: string; count: number }>();
  private readonly byOwner = new Float64Array(KINDS);
  private readonly capWrite = new Float64Array(KINDS);
  private readonly capRead = new Float64Array(KINDS);
  private capacityAborts = 0;
  private readonly overflowed = { read: 0, write: 0 };
  /** The machine's side of the latest abort per core, until the VM names the thread. */
  private readonly pending: (MachineEvent | null)[] = [];

  constructor(
    lineBytes: number,
    cfg: InterpConfig,
    /** The policy whose automatic transactions these are (`htm` for lock elision). */
    private readonly policy: ForensicsPolicy,
    readonly maxRecords = 10_000,
  ) {
    this.owners = new OwnershipTable(lineBytes, cfg);
  }

  // ---- the machine (AbortProbe) -----------------------------------------------------------------

  onAbort(core: number, cause: AbortCause, line: number, by: number, overflow: OverflowSet, wastedCycles: number, footprint: TxFootprintView): void {
    const write = new Float64Array(KINDS);
    const read = new Float64Array(KINDS);
    if (cause === 'capacity') {
      footprint.forEachLine(core, (l, written) => {
        const k = this.owners.kindIndex(l);
        if (written) write[k]!++;
        else read[k]!++;
      });
    }
    while (this.pending.length <= core) this.pending.push(null);
    this.pending[core] = { cause, line, by, overflow, wasted: wastedCycles, write, read };
  }

  // ---- the VM ------------------------------------------------------------------------------------

  /**
   * The VM found the thread whose hardware transaction on `core` aborted (before rolling it
   * back); `requester` is the thread whose access caused it (the running thread) or null.
   */
  hwAbort(core: number, t: GuestThread | null, requester: GuestThread | null): void {
    const ev = this.pending[core] ?? null;
    if (ev === null) return;
    this.pending[core] = null;
    const tx = t?.tx ?? null;
    const snap = tx?.frameSnaps[0];
    const rec: AbortRecord = {
      policy: tx?.kind === 'rtm' ? 'rtm' : this.policy,
      cause: ev.cause,
      core,
      thread: t?.id ?? -1,
      at: threadSite(t),
      began: snap !== undefined ? frameSite(snap.frame.code, snap.pc) : null,
      wastedCycles: ev.wasted,
    };
    if (ev.cause === 'conflict' && ev.line >= 0) {
      const o = this.owners.owner(ev.line);
      const bySite = requester !== null && requester.core === ev.by ? threadSite(requester) : null;
      rec.conflict = { line: ev.line, owner: o.kind, detail: o.detail, byCore: ev.by, bySite };
    }
    if (ev.cause === 'capacity') {
      rec.capacity = {
        overflow: ev.overflow === OVERFLOW_WRITE ? 'write' : 'read',
        writeSet: perKind(ev.write),
        readSet: perKind(ev.read),
      };
      this.capacityAborts++;
      if (ev.overflow === OVERFLOW_WRITE) this.overflowed.write++;
      else if (ev.overflow === OVERFLOW_READ) this.overflowed.read++;
      for (let k = 0; k < KINDS; k++) {
        this.capWrite[k]! += ev.write[k]!;
        this.capRead[k]! += ev.read[k]!;
      }
    }
    this.add(rec);
  }

  // ---- the STM policy ----------------------------------------------------------------------------

  /**
   * An STM abort of t (before its rollback): `kind` is the conflict kind, `objAddr` the contested
   * object's header address (0: not known, e.g. a reader doomed at a commit), `other` the thread
   * on the other side.
   */
  stmAbort(t: GuestThread, kind: string, objAddr: number, other: GuestThread | null, wastedCycles: number, lineBytes: number): void {
    const snap = t.tx?.frameSnaps[0];
    const rec: AbortRecord = {
      policy: 'stm', cause: kind, core: t.core, thread: t.id, at: threadSite(t),
      began: snap !== undefined ? frameSite(snap.frame.code, snap.pc) : null,
      wastedCycles,
    };
    if (objAddr !== 0) {
      const o = this.owners.owner(Math.floor(objAddr / lineBytes));
      rec.conflict = { line: -1, owner: o.kind, detail: o.detail, byCore: other?.core ?? -1, bySite: threadSite(other) };
    }
    this.add(rec);
  }

  // ---- aggregation -------------------------------------------------------------------------------

  private add(rec: AbortRecord): void {
    this.aborts++;
    if (this.records.length < this.maxRecords) this.records.push(rec);
    const at = rec.at ?? { file: '<unknown>', line: 0, function: '<unknown>' };
    const sk = `${rec.policy}\u0000${rec.cause}\u0000${at.file}\u0000${at.line}\u0000${at.function}`;
    let s = this.sites.get(sk);
    if (s === undefined) {
      s = { policy: rec.policy, cause: rec.cause, site: at, count: 0, wasted: 0 };
      this.sites.set(sk, s);
    }
    s.count++;
    s.wasted += rec.wastedCycles;
    const c = rec.conflict;
    if (c !== undefined) {
      const ck = `${c.owner}\u0000${c.detail}`;
      let e = this.conflicts.get(ck);
      if (e === undefined) {
        e = { owner: c.owner, detail: c.detail, count: 0 };
        this.conflicts.set(ck, e);
      }
      e.count++;
      this.byOwner[OWNER_KINDS.indexOf(c.owner)]!++;
    }
  }

  /**
   * The bounded aggregate for the run record: each list the `top` largest, ties in a fixed order.
   * `sourceLine` gives a site's source text, `fileName` how a file is written (a checkout-free path).
   */
  report(top: number, sourceLine: (file: string, line: number) => string = () => '', fileName: (file: string) => string = (f) => f): ForensicsRecord {
    const sites = [...this.sites.values()]
      .map((s) => ({ policy: s.policy, cause: s.cause, file: s.site.file, line: s.site.line, function: s.site.function, source: '', count: s.count, wastedCycles: s.wasted }))
      .sort((a, b) => b.count - a.count || b.wastedCycles - a.wastedCycles || keyOrder(a, b))
      .slice(0, top);
    for (const s of sites) {
      s.source = sourceLine(s.file, s.line);
      s.file = fileName(s.file);
    }
    const conflicts = [...this.conflicts.values()]
      .map((c) => ({ ...c }))
      .sort((a, b) => b.count - a.count || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0))
      .slice(0, top);
    let total = 0;
    for (let k = 0; k < KINDS; k++) total += this.capWrite[k]! + this.capRead[k]!;
    const capacity = OWNER_KINDS
      .map((owner, k) => {
        const lines = this.capWrite[k]! + this.capRead[k]!;
        return { owner, lines, share: total > 0 ? lines / total : 0, writeLines: this.capWrite[k]!, readLines: this.capRead[k]! };
      })
      .filter((c) => c.lines > 0)
      .sort((a, b) => b.lines - a.lines || OWNER_KINDS.indexOf(a.owner) - OWNER_KINDS.indexOf(b.owner))
      .slice(0, top);
    const conflictsByOwner = Object.fromEntries(OWNER_KINDS.map((k, i) => [k, this.byOwner[i]!])) as Record<OwnerKind, number>;
    return {
      top, aborts: this.aborts, sites, conflicts, conflictsByOwner, capacity,
      capacityAborts: this.capacityAborts, overflowed: { ...this.overflowed },
    };
  }
}

function perKind(counts: Float64Array): Partial<Record<OwnerKind, number>> {
  const out: Partial<Record<OwnerKind, number>> = {};
  for (let k = 0; k < KINDS; k++) if (counts[k]! > 0) out[OWNER_KINDS[k]!] = counts[k]!;
  return out;
}

function keyOrder(a: { policy: string; cause: string; file: string; line: number; function: string }, b: typeof a): number {
  const x = `${a.policy} ${a.cause} ${a.file} ${String(a.line).padStart(9, '0')} ${a.function}`;
  const y = `${b.policy} ${b.cause} ${b.file} ${String(b.line).padStart(9, '0')} ${b.function}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
