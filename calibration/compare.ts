/**
 * The comparison behind `npm run calibrate`: the CPython fixture (cpython-figures.json, made by
 * cpython-trace.py), the same figures measured on htmsim from two run records, and the table rows.
 *
 * Per iteration, on both sides: (figure after N2 iterations − figure after N1) / (N2 − N1), so
 * start-up, setup and teardown cancel. htmsim's figures come from the run record (`footprint`,
 * `memoryAccesses`) of two whole runs of the same kernel file. Compared: distinct lines written
 * and distinct lines read (loaded from, written or not), as the issue measured them.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../sim/common/errors.js';
import { resolveExecConfig } from '../sim/experiment/resolve.js';
import type { RunResult } from '../sim/run/result.js';
import { runPointSync } from '../sim/run/run-point.js';
import { REASONS } from './reasons.js';

export const KERNEL_DIR = 'calibration/kernels';
export const FIXTURE_FILE = 'calibration/cpython-figures.json';

/** Figures of one CPython region (one run length), as cpython-trace.py writes them. */
export interface CpythonRun {
  linesRead: number;
  linesWritten: number;
  lines: number;
  linesReadOnly: number;
  loads: number;
  stores: number;
  modifies: number;
  accesses: number;
}

export interface CpythonKernel {
  perIteration: CpythonRun;
  runs: Record<string, CpythonRun>;
  stdout: string;
}

export interface CpythonFixture {
  lineBytes: number;
  iterations: [number, number];
  cpython: string;
  valgrind: string;
  kernels: Record<string, CpythonKernel>;
}

const RUN_KEYS: readonly (keyof CpythonRun)[] = ['linesRead', 'linesWritten', 'lines', 'linesReadOnly', 'loads', 'stores', 'modifies', 'accesses'];

/** Reads and checks the fixture; a malformed one is a UserError naming the file and the key. */
export function loadFixture(file = FIXTURE_FILE): CpythonFixture {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: cannot read the CPython fixture (${e instanceof Error ? e.message : String(e)})`);
  }
  const bad = (key: string, what: string): never => {
    throw new UserError(`${file}: ${key}: ${what}`);
  };
  const obj = (v: unknown, key: string): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : bad(key, 'expected an object');
  const f = obj(raw, '(top level)');
  if (f.lineBytes !== 64) bad('lineBytes', 'expected 64');
  const it = f.iterations;
  if (!Array.isArray(it) || it.length !== 2 || !it.every((n) => Number.isInteger(n) && n > 0) || it[0] >= it[1]) {
    bad('iterations', 'expected [N1, N2] with 0 < N1 < N2');
  }
  for (const k of ['cpython', 'valgrind']) if (typeof f[k] !== 'string') bad(k, 'expected a version string');
  const kernels = obj(f.kernels, 'kernels');
  const run = (v: unknown, key: string): void => {
    const r = obj(v, key);
    for (const k of RUN_KEYS) if (typeof r[k] !== 'number' || !Number.isFinite(r[k])) bad(`${key}.${k}`, 'expected a number');
  };
  for (const [name, v] of Object.entries(kernels)) {
    const k = obj(v, `kernels.${name}`);
    run(k.perIteration, `kernels.${name}.perIteration`);
    const runs = obj(k.runs, `kernels.${name}.runs`);
    for (const n of it as number[]) run(runs[String(n)], `kernels.${name}.runs.${n}`);
    if (typeof k.stdout !== 'string') bad(`kernels.${name}.stdout`, 'expected a string');
  }
  return raw as CpythonFixture;
}

/** htmsim's figures for one run of a kernel (from its run record). */
export interface HtmsimRun {
  linesWritten: number;
  linesRead: number;
  lines: number;
  accesses: number;
  bytecodes: number;
  stdout: string;
}

export function recordFigures(r: RunResult): HtmsimRun {
  return {
    linesWritten: r.footprint.linesWritten,
    linesRead: r.footprint.linesRead,
    lines: r.footprint.lines,
    accesses: r.memoryAccesses,
    bytecodes: r.bytecodes,
    stdout: r.stdout,
  };
}

/** Runs a kernel file on htmsim (serial, one core, defaults plus `sets`) with N iterations. */
export function runKernel(file: string, n: number, sets: string[] = []): RunResult {
  const config = resolveExecConfig({ policy: 'serial', cores: 1, sets, workload: { name: file, params: {} } });
  const source = readFileSync(file, 'utf8');
  const r = runPointSync(config, { source, filename: basename(file), argv: [basename(file), String(n)] });
  if (r.status !== 'ok') throw new UserError(`${file} (N=${n}): the htmsim run failed: ${r.error ?? ''}`);
  return r;
}

export type Figures = Omit<HtmsimRun, 'stdout'>;

/** (b − a) / (n2 − n1) for every figure. */
export function perIteration(a: Figures, b: Figures, n1: number, n2: number): Figures {
  const d = (x: number, y: number): number => (y - x) / (n2 - n1);
  return {
    linesWritten: d(a.linesWritten, b.linesWritten),
    linesRead: d(a.linesRead, b.linesRead),
    lines: d(a.lines, b.lines),
    accesses: d(a.accesses, b.accesses),
    bytecodes: d(a.bytecodes, b.bytecodes),
  };
}

export interface HtmsimKernel {
  perIteration: Figures;
  runs: Record<string, HtmsimRun>;
}

export function measureKernel(name: string, n1: number, n2: number, sets: string[] = []): HtmsimKernel {
  const file = join(KERNEL_DIR, `${name}.py`);
  const a = recordFigures(runKernel(file, n1, sets));
  const b = recordFigures(runKernel(file, n2, sets));
  return { perIteration: perIteration(a, b, n1, n2), runs: { [String(n1)]: a, [String(n2)]: b } };
}

/**
 * The issue's target for one figure: within ±25% of CPython's, or within 0.1 line where CPython's
 * is below 0.4 line per iteration.
 */
export function holds(cpython: number, htmsim: number): boolean {
  const diff = Math.abs(htmsim - cpython);
  if (cpython < 0.4 && diff <= 0.1) return true;
  return diff <= 0.25 * Math.abs(cpython);
}

/** htmsim / CPython, or null when CPython's figure is too close to 0 for a ratio to mean anything. */
export function ratio(cpython: number, htmsim: number): number | null {
  return Math.abs(cpython) < 0.05 ? null : htmsim / cpython;
}

export interface FigureRow {
  cpython: number;
  htmsim: number;
  ratio: number | null;
  holds: boolean;
}

export interface Row {
  kernel: string;
  written: FigureRow;
  read: FigureRow;
  accesses: { cpython: number; htmsim: number; ratio: number | null };
  /** htmsim bytecodes per iteration (CPython's are not measured). */
  bytecodes: number;
  /** Both sides printed the same thing for both run lengths. */
  sameOutput: boolean;
  /** Why a figure misses (empty when both hold). */
  reason: string;
}

function figure(c: number, h: number): FigureRow {
  return { cpython: c, htmsim: h, ratio: ratio(c, h), holds: holds(c, h) };
}

export function buildRow(kernel: string, cp: CpythonKernel, hs: HtmsimKernel, n1: number, n2: number): Row {
  const written = figure(cp.perIteration.linesWritten, hs.perIteration.linesWritten);
  const read = figure(cp.perIteration.linesRead, hs.perIteration.linesRead);
  const pi = hs.perIteration;
  const expectedOut = cp.stdout;
  const sameOutput = hs.runs[String(n1)]!.stdout + hs.runs[String(n2)]!.stdout === expectedOut;
  const missing = !written.holds || !read.holds;
  return {
    kernel,
    written,
    read,
    accesses: { cpython: cp.perIteration.accesses, htmsim: pi.accesses, ratio: ratio(cp.perIteration.accesses, pi.accesses) },
    bytecodes: pi.bytecodes,
    sameOutput,
    reason: missing ? (REASONS[kernel] ?? 'not analysed yet') : '',
  };
}

const num = (x: number, digits = 2): string => (Math.abs(x) < 0.005 ? '0.00' : x.toFixed(digits));
const rat = (x: number | null): string => (x === null ? '—' : `${x.toFixed(2)}×`);

export function summary(rows: Row[]): { kernels: number; writtenHolds: number; readHolds: number; bothHold: number } {
  return {
    kernels: rows.length,
    writtenHolds: rows.filter((r) => r.written.holds).length,
    readHolds: rows.filter((r) => r.read.holds).length,
    bothHold: rows.filter((r) => r.written.holds && r.read.holds).length,
  };
}

export function renderMarkdown(rows: Row[], fx: CpythonFixture, sets: string[]): string {
  const s = summary(rows);
  const out: string[] = [];
  out.push('# Calibration: memory traffic per iteration, CPython 3.11 vs htmsim', '');
  out.push(`CPython ${fx.cpython} under ${fx.valgrind} (lackey, calibration/cpython-figures.json); htmsim serial, 1 core, ` +
    `defaults${sets.length ? ` with ${sets.join(', ')}` : ''}. Per iteration = (run with ${fx.iterations[1]} − run with ` +
    `${fx.iterations[0]}) / ${fx.iterations[1] - fx.iterations[0]}. A figure holds when htmsim's is within ±25% of ` +
    "CPython's, or within 0.1 line where CPython's is below 0.4. See calibration/README.md.", '');
  out.push(`**${s.bothHold} of ${s.kernels} kernels hold on both figures**; lines written holds on ${s.writtenHolds}, ` +
    `lines read on ${s.readHolds}.`, '');
  out.push('| kernel | written/iter CPython | htmsim | ratio | holds | read/iter CPython | htmsim | ratio | holds | accesses/iter CPython | htmsim | ratio | why it misses |');
  out.push('|---|--:|--:|--:|:-:|--:|--:|--:|:-:|--:|--:|--:|---|');
  for (const r of rows) {
    out.push(`| ${r.kernel}${r.sameOutput ? '' : ' (output differs!)'} | ${num(r.written.cpython)} | ${num(r.written.htmsim)} | ${rat(r.written.ratio)} | ` +
      `${r.written.holds ? 'yes' : '**no**'} | ${num(r.read.cpython)} | ${num(r.read.htmsim)} | ${rat(r.read.ratio)} | ` +
      `${r.read.holds ? 'yes' : '**no**'} | ${num(r.accesses.cpython, 0)} | ${num(r.accesses.htmsim, 1)} | ${rat(r.accesses.ratio)} | ${r.reason} |`);
  }
  out.push('', 'Accesses are not held to a target: CPython executes many machine loads and stores per bytecode ' +
    '(operand stack, frame, eval-loop state, C locals spilled to the stack), which htmsim charges as work cycles, ' +
    'not as memory accesses. The ratio is shown so a change in it is visible; it is not normalised.', '');
  return out.join('\n');
}
