/**
 * The region of interest: the part of a run its figures count (docs/results-format.md, "region").
 *
 * A guest marks it with `htmsim.roi_begin()` and `htmsim.roi_end()` (no-ops under CPython). The
 * first roi_begin, by any thread, opens it at the caller's clock; counting starts `roi.warmupUs`
 * simulated microseconds later (the first scheduling decision at or past that cycle). The first
 * roi_end after that closes it at the caller's clock; later calls do nothing. A roi_end during
 * the warm-up leaves an empty region. Without roi_end the region runs to the end of the run;
 * without any marker the whole run is counted, exactly as before regions existed.
 *
 * Counting works by boundaries, not by gating the hot path: at the start the machine's counters
 * and footprint restart (caches stay warm), and the cycle ledger, the policy's statistics and the
 * threads' bytecode counts are snapshotted; at the end the machine's statistics are read and the
 * other figures snapshotted again, and the region's figures are the differences.
 */
import type { CoreId } from '../common/brand.js';
import { numAtLeast, section, type ValueOf } from '../common/config-shape.js';
import type { Machine } from '../machine/machine.js';
import type { MachineStats } from '../machine/stats.js';
import type { FootprintHistograms } from '../machine/htm-unit.js';
import type { Interpreter } from '../interp/interpreter.js';
import type { CycleLedger, LedgerMark } from '../policies/cycle-ledger.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyStats } from '../policies/stats.js';

export const roiShape = section('The region of interest a run counts (roi_begin / roi_end in the guest; docs/experiments.md)', {
  warmupUs: numAtLeast('Simulated microseconds after the first roi_begin before counting starts (0: at roi_begin)', 0),
});
export type RoiConfig = ValueOf<typeof roiShape>;

/** Which part of the run the record's figures count (RunResult.region). */
export interface RegionRecord {
  /** 'roi': between the guest's markers; 'whole': the program had none, the whole run counts. */
  kind: 'roi' | 'whole';
  /** Cycles (the clock of the core that marked it) where counting started and stopped. */
  beginCycle: number;
  endCycle: number;
  /** Cycles between roi_begin and beginCycle (roi.warmupUs at the machine's clock). */
  warmupCycles: number;
}

/** The figures at one boundary. */
interface Snapshot {
  at: number;
  ledger: LedgerMark;
  policy: PolicyStats;
  /** Bytecodes per thread, in interp.threads order. */
  bytecodes: number[];
}

/** What the record is assembled from when a region was counted. */
export interface RegionFigures {
  record: RegionRecord;
  machine: MachineStats;
  histograms: FootprintHistograms;
  policy: PolicyStats;
  begin: LedgerMark;
  end: LedgerMark;
  /** Bytecodes run inside the region, per core and in all. */
  perCoreBytecodes: number[];
  bytecodes: number;
}

/** The scheduler's side: a call back at the first decision at or past a cycle. */
export interface AlarmClock {
  setAlarm(at: number, fire: (() => void) | null): void;
}

type State = 'none' | 'warmup' | 'inside' | 'ended';

export class Region {
  private state: State = 'none';
  private openedAt = 0;
  private begin: Snapshot | null = null;
  private end: { snap: Snapshot; machine: MachineStats; histograms: FootprintHistograms } | null = null;

  constructor(
    private readonly warmupCycles: number,
    private readonly machine: Machine,
    private readonly interp: Interpreter,
    private readonly ledger: CycleLedger,
    private readonly policy: () => Policy,
    private readonly alarm: AlarmClock,
  ) {}

  /** The guest's roi_begin, by a thread on a core whose clock reads `now`. */
  roiBegin(now: number): void {
    if (this.state !== 'none') return;
    this.openedAt = now;
    if (this.warmupCycles <= 0) {
      this.start(now);
      return;
    }
    this.state = 'warmup';
    this.alarm.setAlarm(now + this.warmupCycles, () => this.start(this.openedAt + this.warmupCycles));
  }

  /** The guest's roi_end at `now`. */
  roiEnd(now: number): void {
    if (this.state === 'warmup') {
      this.alarm.setAlarm(Infinity, null);
      this.start(now);
    }
    if (this.state === 'inside') this.stop(now);
  }

  /** The run is over at `simCycles` (every core's clock): closes an open region there. */
  finish(simCycles: number): RegionFigures | null {
    if (this.state === 'none') return null;
    if (this.state === 'warmup') this.start(simCycles);
    if (this.state === 'inside') this.stop(simCycles);
    const b = this.begin!;
    const e = this.end!;
    const perCoreBytecodes = new Array<number>(this.machine.config.cores).fill(0);
    let bytecodes = 0;
    this.interp.threads.forEach((t, i) => {
      const n = (e.snap.bytecodes[i] ?? 0) - (b.bytecodes[i] ?? 0);
      bytecodes += n;
      if (t.core >= 0 && t.core < perCoreBytecodes.length) perCoreBytecodes[t.core] = perCoreBytecodes[t.core]! + n;
    });
    return {
      record: { kind: 'roi', beginCycle: b.at, endCycle: e.snap.at, warmupCycles: b.at - this.openedAt },
      machine: e.machine,
      histograms: e.histograms,
      policy: subtract(e.snap.policy, b.policy),
      begin: b.ledger,
      end: e.snap.ledger,
      perCoreBytecodes,
      bytecodes,
    };
  }

  private start(at: number): void {
    this.machine.resetStats();
    this.machine.restartFootprint();
    this.begin = this.snapshot(at);
    this.state = 'inside';
  }

  private stop(at: number): void {
    const snap = this.snapshot(at);
    this.end = { snap, machine: this.machine.stats(), histograms: this.machine.footprintHistograms() };
    this.state = 'ended';
  }

  private snapshot(at: number): Snapshot {
    return {
      at,
      ledger: this.ledger.mark(at),
      policy: structuredClone(this.policy().stats()),
      bytecodes: this.interp.threads.map((t) => t.bytecodes),
    };
  }
}

/** a − b for every number of two records of the same shape (statistics are counts and sums). */
function subtract<T>(a: T, b: T): T {
  if (typeof a === 'number') return (a - (b as number)) as T;
  if (a === null || typeof a !== 'object') return a;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(a as Record<string, unknown>)) out[k] = subtract(v, (b as Record<string, unknown>)[k]);
  return out as T;
}

/** The region of a run without markers: all of it. */
export function wholeRun(simCycles: number): RegionRecord {
  return { kind: 'whole', beginCycle: 0, endCycle: simCycles, warmupCycles: 0 };
}

/** The core a guest call runs on. */
export function callerClock(machine: Machine, interp: Interpreter): number {
  return machine.now(interp.cur.core as CoreId) as number;
}
