/**
 * The simulated machine: per-core clocks, private L1D/L2, the shared inclusive L3 with its
 * directory, and the RTM unit, behind the MemoryPort the interpreter uses.
 *
 * Timer interrupts: a transaction's deadline is the first multiple of `timerIntervalCycles` after
 * its xbegin (per-core clock); the first read/write/advance/advanceTo that takes the clock to or
 * past it aborts the transaction with status 0.
 */
import { asCycles, type Addr, type CoreId, type Cycles } from '../common/brand.js';
import { UserError } from '../common/errors.js';
import { Cache } from './cache.js';
import { CoherentHierarchy } from './coherence.js';
import { xorshift32, xorshiftSeed } from '../common/xorshift.js';
import type { MachineConfig, PerturbationConfig } from './config.js';
import { HtmUnit, type FootprintHistograms } from './htm-unit.js';
import { mesiName, type MesiState } from './mesi.js';
import { ACCESS_ABORTED, type HtmPort, type MemoryPort } from './port.js';
import { buildStats, C_MEMORY_CYCLES, C_READS, C_STRIDE, C_WORK_CYCLES, C_WRITES, Counters, type MachineStats } from './stats.js';
import { machineProblems } from './validate.js';

export type MesiName = 'I' | 'S' | 'E' | 'M';

/** Where a line is, for tests and debugging tools (not for the hot path). */
export interface LineProbe {
  /** State in the core's L1D and L2 ('I' when absent). */
  l1: MesiName;
  l2: MesiName;
  /** Whether the shared L3 holds the line, and the directory's sharer cores. */
  inL3: boolean;
  sharers: number[];
  /** The core's transactional bits on the line. */
  txRead: boolean;
  txWrite: boolean;
}

export interface Machine extends MemoryPort {
  readonly config: MachineConfig;
  stats(): MachineStats;
  /** Zero every counter (caches, clocks and transactions are untouched). */
  resetStats(): void;
  /** Count the footprint afresh from now on: distinct lines touched from here (a region of interest). */
  restartFootprint(): void;
  probe(core: CoreId, addr: Addr): LineProbe;
  /** Cycles → simulated seconds at this machine's clock. */
  seconds(cycles: number): number;
  /** Footprints of the transactions ended since the last resetStats (bounded histograms). */
  footprintHistograms(): FootprintHistograms;
}

export interface MachineOptions {
  /** Seeds the random replacement policy (the only pseudo-random part of the machine). */
  seed?: number;
  /** Seeded timing noise (run-level; absent: none). Draws come from `seed`. */
  perturbation?: PerturbationConfig;
  /**
   * Lazy L2 recency (default true): a host-speed shortcut that must not change any result; tests
   * turn it off to check that.
   */
  lazyL2Recency?: boolean;
}

class SimMachine implements Machine {
  readonly cores: number;
  readonly lineBytes: number;
  readonly freqGHz: number;
  readonly htm: HtmPort;
  private readonly perLine: number;
  private readonly unit: HtmUnit;
  private readonly sys: CoherentHierarchy;
  private readonly clocks: Float64Array;
  private readonly counters: Counters;
  /** counters.core, one load nearer (read on every access and every bytecode's advance). */
  private readonly k: Float64Array;
  private readonly l1: Cache[] = [];
  private readonly l2: Cache[] = [];
  private readonly l3: Cache;
  /** Perturbation: up to this many extra cycles per line that misses the L1D (0 = off). */
  private readonly missJitter: number;
  /** A line served faster than this came from the L1D (an L1D hit costs exactly l1d.latency). */
  private readonly missAbove: number;
  /** Per-core xorshift32 states of the miss perturbation. */
  private readonly jitterState: Uint32Array;

  constructor(readonly config: MachineConfig, seed: number, lazyL2Recency: boolean, perturbation: PerturbationConfig) {
    this.cores = config.cores;
    this.lineBytes = config.lineBytes;
    this.freqGHz = config.freqGHz;
    this.perLine = 1 / config.lineBytes;
    this.clocks = new Float64Array(config.cores);
    this.counters = new Counters(config.cores);
    this.k = this.counters.core;
    for (let c = 0; c < config.cores; c++) {
      // A core's L2 counts LRU time on its L1D's counter (see CoherentHierarchy: lazy L2 recency).
      const l1 = new Cache(config.l1d, config.lineBytes, { directory: false, seed: seed * 131 + c * 2 + 1, wayPrediction: true });
      this.l1.push(l1);
      this.l2.push(new Cache(config.l2, config.lineBytes, { directory: false, seed: seed * 131 + c * 2 + 2, lruClockOf: l1 }));
    }
    this.l3 = new Cache(config.l3, config.lineBytes, { directory: true, seed: seed * 131 + 97 });
    this.missJitter = perturbation.missCycles;
    this.missAbove = config.l1d.latency;
    this.jitterState = new Uint32Array(config.cores);
    for (let c = 0; c < config.cores; c++) this.jitterState[c] = xorshiftSeed(seed, 0x2545f491 + c);
    this.unit = new HtmUnit(config.htm, this.l1, this.l2, this.l3, this.clocks, this.counters, seed, timerPhases(config, seed, perturbation.timerPhase));
    this.htm = this.unit;
    this.sys = new CoherentHierarchy(config, this.l1, this.l2, this.l3, this.unit, this.counters, lazyL2Recency);
  }

  now(core: CoreId): Cycles {
    return asCycles(this.clocks[core]!);
  }

  advance(core: CoreId, cycles: number): number {
    const t = this.clocks[core]! + cycles;
    this.clocks[core] = t;
    this.k[core * C_STRIDE + C_WORK_CYCLES]! += cycles;
    const u = this.unit;
    if (u.depths[core] !== 0 && t >= u.deadline[core]!) {
      u.abortTx(core, 0, 'interrupt');
      u.flush();
      return ACCESS_ABORTED;
    }
    return cycles;
  }

  advanceTo(core: CoreId, t: Cycles): void {
    if (t <= this.clocks[core]!) return;
    this.clocks[core] = t;
    const u = this.unit;
    if (u.depths[core] !== 0 && t >= u.deadline[core]!) {
      u.abortTx(core, 0, 'interrupt');
      u.flush();
    }
  }

  read(core: CoreId, addr: Addr, bytes: number): number {
    return this.access(core, addr, bytes, false);
  }

  write(core: CoreId, addr: Addr, bytes: number): number {
    return this.access(core, addr, bytes, true);
  }

  /**
   * Kept small so V8 inlines it into read and write: a single-line access, outside or inside a
   * transaction (each with the coherence fast path inlined); lines spanned go to accessSpan.
   */
  private access(core: number, addr: number, bytes: number, write: boolean): number {
    const first = Math.floor(addr * this.perLine); // exact: lineBytes is a power of two
    if (addr + bytes > (first + 1) * this.lineBytes) return this.accessSpan(core, addr, bytes, write, first);
    if (this.unit.depths[core] !== 0) return this.accessTxLine(core, first, write);
    return this.charge(core, this.perturb(core, this.sys.access(core, first, write, false)), write, false, 0);
  }

  private accessTxLine(core: number, line: number, write: boolean): number {
    const serial = this.unit.abortSerial[core]!;
    return this.charge(core, this.perturb(core, this.sys.access(core, line, write, true)), write, true, serial);
  }

  /**
   * The perturbation of one line's latency: a line that missed the L1D takes 0..missJitter extra
   * cycles from the core's own stream. One compare when off; no allocation either way.
   */
  private perturb(core: number, lat: number): number {
    if (this.missJitter === 0 || lat <= this.missAbove) return lat;
    const x = xorshift32(this.jitterState[core]!);
    this.jitterState[core] = x;
    return lat + (x % (this.missJitter + 1));
  }

  /** An access that spans lines: each line in turn, and none after the core's transaction aborts. */
  private accessSpan(core: number, addr: number, bytes: number, write: boolean, first: number): number {
    const u = this.unit;
    const inTx = u.depths[core] !== 0;
    const serial = inTx ? u.abortSerial[core]! : 0;
    const last = Math.floor((addr + bytes - 1) / this.lineBytes);
    let lat = 0;
    for (let line = first; line <= last; line++) {
      lat += this.perturb(core, this.sys.access(core, line, write, inTx));
      // Once this core's transaction is gone, the rest of the access would run after the abort.
      if (inTx && u.abortSerial[core] !== serial) break;
    }
    return this.charge(core, lat, write, inTx, serial);
  }

  /**
   * Counts a finished access and moves the core's clock by its latency; inside a transaction, a
   * timer interrupt due by then aborts it. Delivers queued aborts. Returns the latency, or
   * ACCESS_ABORTED when the core's own transaction (begun before the access, abort count `serial`)
   * is gone.
   */
  private charge(core: number, lat: number, write: boolean, inTx: boolean, serial: number): number {
    const u = this.unit;
    const k = this.k;
    const b = core * C_STRIDE;
    k[b + (write ? C_WRITES : C_READS)]!++;
    k[b + C_MEMORY_CYCLES]! += lat;
    const t = this.clocks[core]! + lat;
    this.clocks[core] = t;
    if (!inTx) {
      if (u.pending !== 0) u.flush(); // victims of this (non-transactional) access
      return lat;
    }
    if (u.depths[core] !== 0 && t >= u.deadline[core]!) u.abortTx(core, 0, 'interrupt');
    if (u.pending !== 0) u.flush();
    return u.abortSerial[core] !== serial ? ACCESS_ABORTED : lat;
  }

  stats(): MachineStats {
    return buildStats(this.counters, this.clocks, this.sys.footprint.stats());
  }

  resetStats(): void {
    this.counters.reset();
    this.unit.resetHistograms();
  }

  restartFootprint(): void {
    this.sys.restartFootprint();
  }

  footprintHistograms(): FootprintHistograms {
    return this.unit.footprintHistograms();
  }

  seconds(cycles: number): number {
    return cycles / (this.freqGHz * 1e9);
  }

  probe(core: CoreId, addr: Addr): LineProbe {
    const line = Math.floor(addr / this.lineBytes);
    const l1 = this.l1[core]!;
    const l2 = this.l2[core]!;
    const s1 = l1.lookup(line);
    const s2 = l2.lookup(line);
    const s3 = this.l3.lookup(line);
    const sharers: number[] = [];
    if (s3 >= 0) {
      const mask = this.l3.sharers[s3]!;
      for (let c = 0; c < this.cores; c++) if ((mask & (1 << c)) !== 0) sharers.push(c);
    }
    const tx = s1 >= 0 ? l1.tx[s1]! : 0;
    return {
      l1: s1 >= 0 ? mesiName(l1.state[s1]! as MesiState) : 'I',
      l2: s2 >= 0 ? mesiName(l2.state[s2]! as MesiState) : 'I',
      inL3: s3 >= 0,
      sharers,
      txRead: (tx & 1) !== 0,
      txWrite: (tx & 2) !== 0,
    };
  }
}

/** Builds a machine; throws UserError if the description is impossible (see validate.ts). */
export function createMachine(config: MachineConfig, options: MachineOptions = {}): Machine {
  const problems = machineProblems(config);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new UserError(`machine '${config.name}': ${p.keyPath}: ${p.message}`);
  }
  return new SimMachine(config, options.seed ?? 1, options.lazyL2Recency ?? true, options.perturbation ?? NO_PERTURBATION);
}

const NO_PERTURBATION: PerturbationConfig = { missCycles: 0, timerPhase: false };

/** Each core's timer phase in [0, timerIntervalCycles): all 0 unless the perturbation asks. */
function timerPhases(config: MachineConfig, seed: number, on: boolean): Float64Array {
  const phases = new Float64Array(config.cores);
  const t = config.htm.timerIntervalCycles;
  if (!on || t <= 0) return phases;
  for (let c = 0; c < config.cores; c++) phases[c] = xorshift32(xorshiftSeed(seed, 0x68e31da4 + c)) % t;
  return phases;
}
