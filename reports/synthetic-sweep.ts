/**
 * Synthetic sweep results in the docs/results-format.md shape, for the reports' tests and the
 * report benchmark. NOT simulator output: the numbers come from small closed-form models (GIL
 * does not scale, STM pays ~40% overhead, HTM capacity knees near 16–32 KiB written and 8 MiB
 * read) plus seeded noise, so charts look like real sweeps and every value is reproducible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Params = Record<string, string | number | boolean>;

export interface SyntheticRecord {
  id: string;
  index: number;
  params: Params;
  result: Record<string, unknown>;
  derived?: Record<string, number>;
}

export interface SyntheticSweep {
  experiment: Record<string, unknown>;
  points: SyntheticRecord[];
}

/** mulberry32: tiny seeded PRNG, so fixtures are identical on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ s.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

const FREQ_GHZ = 3.4;

const MACHINE = {
  name: 'haswell', cores: 4, freqGHz: FREQ_GHZ, lineBytes: 64, pageBytes: 4096,
  l1d: { sizeKiB: 32, ways: 8, latency: 4, replacement: 'lru' },
  l2: { sizeKiB: 256, ways: 8, latency: 12, replacement: 'lru' },
  l3: { sizeKiB: 8192, ways: 16, latency: 36, replacement: 'lru', inclusive: true },
  memoryLatency: 200,
  coherence: { protocol: 'mesi', cacheToCacheLatency: 40, invalidateLatency: 30 },
  htm: { enabled: true, maxNestingDepth: 7, writeSetTracking: 'l1', readSetTracking: 'l3', conflictResolution: 'requester-wins', timerIntervalCycles: 3400000, beginCycles: 40, commitCycles: 30, abortCycles: 150 },
};

interface Outcome {
  simCycles: number;
  bytecodes: number;
  htm?: { begun: number; aborted: number; fallbacks: number; wastedCycles: number; causes: Record<string, number> };
  stm?: { begun: number; aborted: number; wastedCycles: number; kinds: Record<string, number> };
  gilWait: number;
  timeline?: boolean;
}

function splitCounts(total: number, shares: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  const keys = Object.keys(shares);
  keys.forEach((k, i) => {
    const v = i === keys.length - 1 ? left : Math.floor(total * shares[k]!);
    out[k] = v;
    left -= v;
  });
  return out;
}

/** Per-core intervals like a real run's: transactions that commit or abort, lock waits, fallbacks. */
function makeTimeline(policy: string, cores: number, simCycles: number, rnd: () => number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let core = 0; core < cores; core++) {
    let t = Math.floor(rnd() * 2000);
    while (t < simCycles) {
      let kind: string;
      const r = rnd();
      if (policy === 'gil') kind = r < 1 / cores ? 'running' : 'lock-wait';
      else if (policy === 'htm') kind = r < 0.7 ? 'tx-committed' : r < 0.85 ? 'tx-aborted' : r < 0.93 ? 'fallback' : 'lock-wait';
      else kind = r < 0.75 ? 'tx-committed' : r < 0.95 ? 'tx-aborted' : 'running';
      const len = Math.floor(simCycles / 150 * (0.3 + rnd()));
      const end = Math.min(simCycles, t + len);
      out.push({ core, thread: core, kind, start: t, end });
      t = end;
    }
  }
  return out;
}

function record(index: number, params: Params, o: Outcome, rnd: () => number, failed?: string): SyntheticRecord {
  const cores = Number(params['machine.cores']);
  const simSeconds = o.simCycles / (FREQ_GHZ * 1e9);
  const policy = String(params['policy.name']);
  const perCore = Array.from({ length: cores }, (_, c) => {
    const wait = Math.floor(o.gilWait / cores);
    const busy = Math.floor(o.simCycles * (0.9 + 0.05 * rnd())) - wait;
    const idle = o.simCycles - busy - wait;
    // The cycle accounting in the record's shape: busy time split by closed-form shares.
    const rolledBack = Math.min(Math.floor(busy / 2), Math.floor(((o.htm?.wastedCycles ?? 0) + (o.stm?.wastedCycles ?? 0)) / cores));
    const overhead = Math.floor(busy * (policy === 'stm' ? 0.12 : policy === 'nogil' ? 0.06 : policy === 'gil' ? 0.01 : 0));
    const txBeginCommit = Math.floor(busy * (policy === 'stm' || policy === 'htm' ? 0.01 : 0));
    const os = Math.floor(idle * 0.1);
    const cycles = {
      useful: busy - rolledBack - overhead - txBeginCommit, rolledBack, overhead, txBeginCommit,
      waitGil: policy === 'gil' ? wait : 0, waitFallbackLock: policy === 'gil' ? 0 : wait, waitStmConflict: 0, waitInevitable: 0,
      osScheduling: os, idle: idle - os,
    };
    return { busyCycles: busy, idleCycles: idle, lockWaitCycles: wait, bytecodes: Math.floor(o.bytecodes / cores) + (c === 0 ? o.bytecodes % cores : 0), cycles };
  });
  const level = (hits: number, miss: number) => ({ hits, misses: miss, evictions: Math.floor(miss * 0.9), writebacks: Math.floor(miss * 0.3), invalidations: Math.floor(miss * 0.1) });
  const causes = { conflict: 0, capacity: 0, explicit: 0, interrupt: 0, unfriendly: 0, nested: 0, other: 0, ...(o.htm?.causes ?? {}) };
  const kinds = { writeWrite: 0, readWrite: 0, inevitable: 0, ...(o.stm?.kinds ?? {}) };
  const config = {
    machine: { ...MACHINE, cores },
    policy: { name: params['policy.name'] },
    htm: { txLength: params['htm.txLength'] ?? 100, adaptive: false, retries: 3, waitForLockFree: true },
    stm: { txLength: params['stm.txLength'] ?? 100 },
    workload: { name: params['workload.name'], params: Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith('workload.params.')).map(([k, v]) => [k.slice(16), v])) },
    seed: params.seed, maxCycles: 5e9, timeline: Boolean(o.timeline),
  };
  const result: Record<string, unknown> = {
    config,
    status: failed ? 'failed' : 'ok',
    ...(failed ? { error: failed } : {}),
    exitCode: failed ? 1 : 0, stdout: failed ? '' : 'ok\n', stderr: '',
    simCycles: o.simCycles, simSeconds, bytecodes: o.bytecodes, memoryAccesses: o.bytecodes * 6,
    cores: perCore,
    caches: { l1d: level(o.bytecodes * 5, o.bytecodes / 10 | 0), l2: level(o.bytecodes / 12 | 0, o.bytecodes / 40 | 0), l3: level(o.bytecodes / 45 | 0, o.bytecodes / 400 | 0) },
    coherence: { messages: o.bytecodes / 20 | 0, invalidations: o.bytecodes / 80 | 0, cacheToCache: o.bytecodes / 90 | 0 },
    htm: { begun: o.htm?.begun ?? 0, committed: (o.htm?.begun ?? 0) - (o.htm?.aborted ?? 0), aborted: o.htm?.aborted ?? 0, fallbacks: o.htm?.fallbacks ?? 0, wastedCycles: o.htm?.wastedCycles ?? 0, abortsByCause: causes },
    stm: { begun: o.stm?.begun ?? 0, committed: (o.stm?.begun ?? 0) - (o.stm?.aborted ?? 0), aborted: o.stm?.aborted ?? 0, wastedCycles: o.stm?.wastedCycles ?? 0, inevitable: 0, barrierCycles: o.bytecodes * 3, inevitableWaitCycles: 0, abortsByKind: kinds },
    gil: { acquisitions: params['policy.name'] === 'gil' ? o.bytecodes / 100 | 0 : 0, switches: params['policy.name'] === 'gil' ? o.bytecodes / 400 | 0 : 0, waitCycles: o.gilWait },
    metrics: {},
    host: { seconds: Number((0.2 + o.bytecodes / 4e6 * (0.8 + 0.4 * rnd())).toFixed(3)), bytecodesPerSecond: 4e6, memoryAccessesPerSecond: 2.4e7, peakRssMiB: 180, htmsimVersion: '0.1.0', nodeVersion: 'v20.19.0' },
  };
  if (o.timeline && !failed) result.timeline = makeTimeline(String(params['policy.name']), cores, o.simCycles, rnd);
  const rec: SyntheticRecord = { id: fnv(JSON.stringify(params)), index, params, result };
  return rec;
}

/** Fills `derived` like the sweep runner: speedup against the serial 1-core run of the same rep. */
function derive(points: SyntheticRecord[]): void {
  for (const p of points) {
    if ((p.result.status as string) !== 'ok') continue;
    const r = p.result as { simSeconds: number; bytecodes: number; htm: { begun: number; aborted: number; wastedCycles: number }; stm: { begun: number; aborted: number; wastedCycles: number }; cores: { busyCycles: number }[] };
    const base = points.find((q) => q.params['policy.name'] === 'serial' && q.params['machine.cores'] === 1 && q.params['workload.name'] === p.params['workload.name']
      && q.params.rep === p.params.rep && q.params['workload.params.kib'] === p.params['workload.params.kib']);
    const tx = r.htm.begun > 0 ? r.htm : r.stm.begun > 0 ? r.stm : undefined;
    const busy = r.cores.reduce((s, c) => s + c.busyCycles, 0);
    const d: Record<string, number> = { throughput: r.bytecodes / r.simSeconds, wastedFraction: (r.htm.wastedCycles + r.stm.wastedCycles) / busy };
    if (base) d.speedup = (base.result.simSeconds as number) / r.simSeconds;
    if (tx) d.abortRate = tx.aborted / tx.begun;
    p.derived = d;
  }
}

export interface ScalingOptions {
  workloads?: string[];
  policies?: string[];
  cores?: number[];
  reps?: number;
  /** Mark this (workload, policy, cores, rep) as failed. */
  fail?: { workload: string; policy: string; cores: number; rep: number };
  /** Record a timeline for these (policy, cores) at rep 0 of the first workload. */
  timelines?: { policy: string; cores: number }[];
}

/** Speedup against cores: serial at 1 core, the other policies at every core count. */
export function scalingSweep(opts: ScalingOptions = {}): SyntheticSweep {
  const workloads = opts.workloads ?? ['bank', 'nbody'];
  const policies = opts.policies ?? ['gil', 'htm', 'stm', 'nogil'];
  const coreCounts = opts.cores ?? [1, 2, 4, 8];
  const reps = opts.reps ?? 3;
  const timelines = opts.timelines ?? [{ policy: 'stm', cores: 4 }, { policy: 'gil', cores: 4 }];
  const points: SyntheticRecord[] = [];
  for (const workload of workloads) {
    const conflictiness = workload === 'bank' ? 0.22 : 0.06;
    const work = workload === 'bank' ? 2.4e6 : 3.6e6;
    const cpb = workload === 'bank' ? 38 : 52;
    for (const policy of ['serial', ...policies]) {
      for (const cores of policy === 'serial' ? [1] : coreCounts) {
        for (let rep = 0; rep < reps; rep++) {
          const seed = rep + 1;
          const params: Params = { 'workload.name': workload, 'policy.name': policy, 'machine.cores': cores, rep, seed };
          const rnd = prng(Number.parseInt(fnv(JSON.stringify(params)).slice(0, 8), 16));
          const noise = 1 + (rnd() - 0.5) * 0.04;
          const serialCycles = work * cpb;
          let speed: number;
          let extra = 1;
          switch (policy) {
            case 'serial': speed = 1; break;
            case 'gil': speed = 1 / (1 + 0.06 * (cores - 1)); break;
            case 'htm': speed = cores / (1 + conflictiness * 1.6 * (cores - 1)); extra = 1.08; break;
            case 'stm': speed = cores / (1.4 * (1 + conflictiness * (cores - 1))); extra = 1.15; break;
            default: speed = cores / (1.06 * (1 + 0.01 * (cores - 1)));
          }
          const simCycles = Math.round(serialCycles / speed * noise);
          const bytecodes = Math.round(work * extra);
          const o: Outcome = { simCycles, bytecodes, gilWait: policy === 'gil' ? Math.round(simCycles * (cores - 1) * 0.85) : 0 };
          const txLen = 100;
          const abortShare = Math.min(0.7, conflictiness * (cores - 1) * (0.9 + 0.2 * rnd()) + 0.01);
          if (policy === 'htm') {
            const begun = Math.round(bytecodes / txLen);
            const aborted = Math.round(begun * abortShare);
            o.htm = { begun, aborted, fallbacks: Math.round(aborted * 0.12), wastedCycles: Math.round(aborted * txLen * cpb * 0.5),
              causes: splitCounts(aborted, { conflict: 0.58, capacity: 0.07, explicit: 0.2, interrupt: 0.06, unfriendly: 0.09 }) };
          } else if (policy === 'stm') {
            const begun = Math.round(bytecodes / txLen);
            const aborted = Math.round(begun * abortShare * 0.8);
            o.stm = { begun, aborted, wastedCycles: Math.round(aborted * txLen * cpb * 0.6), kinds: splitCounts(aborted, { writeWrite: 0.35, readWrite: 0.6, inevitable: 0.05 }) };
          }
          o.timeline = workload === workloads[0] && rep === 0 && timelines.some((t) => t.policy === policy && t.cores === cores);
          const f = opts.fail;
          const failed = f && f.workload === workload && f.policy === policy && f.cores === cores && f.rep === rep
            ? `point ${points.length}: core ${cores - 1} passed maxCycles (5000000000) — guest livelock?` : undefined;
          points.push(record(points.length, params, o, rnd, failed));
        }
      }
    }
  }
  derive(points);
  return {
    experiment: {
      name: 'scaling', title: 'Scaling of policies with cores', description: 'Speedup of **GIL**, HTM elision, STM and free threading over the serial run, `bank` and `nbody`.',
      configFile: 'configs/scaling.yaml', totalPoints: points.length,
      axes: [{ path: 'workload.name', values: workloads }, { path: 'policy.name', values: ['serial', ...policies] }, { path: 'machine.cores', values: coreCounts }],
      baseline: { 'policy.name': 'serial', 'machine.cores': 1 },
      report: { timelinePoint: { 'policy.name': 'stm', 'machine.cores': 4 } },
      resolved: { name: 'scaling', machine: MACHINE, reps, sweep: { workloads, policies, cores: coreCounts } },
    },
    points,
  };
}

/** Long versus short transactions: htm and stm at 4 cores, tx length zipped for both. */
export function txLengthSweep(lengths: number[] = [10, 30, 100, 300, 1000, 3000], reps = 2): SyntheticSweep {
  const points: SyntheticRecord[] = [];
  for (const policy of ['htm', 'stm']) {
    for (const len of lengths) {
      for (let rep = 0; rep < reps; rep++) {
        const params: Params = { 'workload.name': 'bank', 'policy.name': policy, 'machine.cores': 4, 'htm.txLength': len, 'stm.txLength': len, rep, seed: rep + 1 };
        const rnd = prng(Number.parseInt(fnv(JSON.stringify(params)).slice(0, 8), 16));
        const bytecodes = 2.4e6;
        const begun = Math.round(bytecodes / len);
        // Short: begin/commit overhead dominates; long: conflicts (and for HTM capacity) dominate.
        const conflict = Math.min(0.9, 0.02 * Math.sqrt(len) * (0.9 + 0.2 * rnd()));
        const capacity = policy === 'htm' ? Math.min(0.95, Math.max(0, (len - 200) / 2500)) : 0;
        const abortShare = Math.min(0.97, conflict + capacity);
        const overhead = (policy === 'htm' ? 70 : 400) / len;
        const efficiency = 4 * (1 - abortShare * 0.8) / (1 + overhead);
        const simCycles = Math.round((bytecodes * 40) / Math.max(0.3, efficiency) * (1 + (rnd() - 0.5) * 0.03));
        const aborted = Math.round(begun * abortShare);
        const o: Outcome = { simCycles, bytecodes, gilWait: 0 };
        if (policy === 'htm') {
          o.htm = { begun, aborted, fallbacks: Math.round(aborted * 0.3), wastedCycles: Math.round(aborted * len * 20),
            causes: splitCounts(aborted, { conflict: conflict / abortShare, capacity: capacity / abortShare, interrupt: 0 }) };
        } else {
          o.stm = { begun, aborted, wastedCycles: Math.round(aborted * len * 25), kinds: splitCounts(aborted, { writeWrite: 0.4, readWrite: 0.6 }) };
        }
        points.push(record(points.length, params, o, rnd));
      }
    }
  }
  derive(points);
  return {
    experiment: {
      name: 'long-vs-short', title: 'Long versus short transactions', description: 'Throughput and abort rate against transaction length.',
      configFile: 'configs/long-vs-short.yaml', totalPoints: points.length,
      axes: [{ path: 'policy.name', values: ['htm', 'stm'] }, { path: 'htm.txLength', values: lengths }],
      report: {}, resolved: { name: 'long-vs-short', machine: MACHINE },
    },
    points,
  };
}

/**
 * HTM capacity, shaped like the capacity-read / capacity-write workloads: rtm transactions over
 * `kib` KiB under the nogil policy on one core, the guest reporting its commit ratio as a metric.
 */
export function capacitySweep(kibs: number[] = [1, 4, 8, 16, 24, 32, 64, 256, 1024, 4096, 7680, 8192, 16384], attempts = 10): SyntheticSweep {
  const points: SyntheticRecord[] = [];
  for (const workload of ['capacity-read', 'capacity-write']) {
    for (const kib of kibs) {
      const params: Params = { 'workload.name': workload, 'policy.name': 'nogil', 'machine.cores': 1, 'workload.params.kib': kib, rep: 0, seed: 1 };
      const rnd = prng(Number.parseInt(fnv(JSON.stringify(params)).slice(0, 8), 16));
      // Writes live in the 32 KiB L1D (knee from ~16 KiB, associativity); reads are tracked to the 8 MiB L3.
      const knee = workload === 'capacity-write' ? [16, 32] : [4096, 8192];
      const ratio = kib <= knee[0]! ? 1 : kib >= knee[1]! ? 0 : 1 - (kib - knee[0]!) / (knee[1]! - knee[0]!);
      const commits = Math.round(attempts * ratio);
      const lines = kib * 1024 / 64;
      const o: Outcome = { simCycles: Math.round(lines * 60 * attempts * 2), bytecodes: lines * 6 * attempts, gilWait: 0,
        htm: { begun: attempts, aborted: attempts - commits, fallbacks: 0, wastedCycles: (attempts - commits) * lines * 60, causes: { capacity: attempts - commits } } };
      const rec = record(points.length, params, o, rnd);
      rec.result.metrics = { commits, capacity_aborts: attempts - commits, conflict_aborts: 0, other_aborts: 0, commit_ratio: commits / attempts,
        [workload === 'capacity-read' ? 'read_lines' : 'written_lines']: lines };
      points.push(rec);
    }
  }
  derive(points);
  return {
    experiment: {
      name: 'capacity', title: 'HTM capacity', description: 'Commit ratio of read-only and write-only transactions against their footprint.',
      configFile: 'configs/capacity.yaml', totalPoints: points.length,
      axes: [{ path: 'workload.name', values: ['capacity-read', 'capacity-write'] }, { path: 'workload.params.kib', values: kibs }],
      report: {}, resolved: { name: 'capacity', machine: { ...MACHINE, cores: 1 } },
    },
    points,
  };
}

export interface WriteOptions {
  /** Write results.jsonl (default true). */
  jsonl?: boolean;
  /** Write points/<id>.json (default true). */
  pointFiles?: boolean;
  /** Write experiment.json (default true). */
  experiment?: boolean;
  /** Leave these point indices out entirely (a sweep still running). */
  omit?: number[];
}

/** Writes a sweep as a results directory, as the sweep runner would. */
export function writeResultsDir(dir: string, sweep: SyntheticSweep, opts: WriteOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const present = sweep.points.filter((p) => !(opts.omit ?? []).includes(p.index));
  if (opts.experiment !== false) writeFileSync(join(dir, 'experiment.json'), JSON.stringify(sweep.experiment, null, 2));
  if (opts.pointFiles !== false) {
    mkdirSync(join(dir, 'points'), { recursive: true });
    for (const p of present) writeFileSync(join(dir, 'points', `${p.id}.json`), JSON.stringify(p));
  }
  if (opts.jsonl !== false) writeFileSync(join(dir, 'results.jsonl'), present.map((p) => JSON.stringify(p)).join('\n') + '\n');
}
