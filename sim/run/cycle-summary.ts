/**
 * The cycle-accounting table `htmsim exec --summary` prints: for each part of the breakdown, its
 * share of every core's cycles, and the run's totals. Plain text for a terminal.
 */
import { CYCLE_CATEGORIES, type CycleCategory } from '../policies/cycle-ledger.js';
import type { RunResult } from './result.js';

/** Row labels, as a reader says them (the same words as the report's legend, reports/metrics.ts). */
export const CYCLE_LABELS: Readonly<Record<CycleCategory, string>> = {
  useful: 'useful work',
  rolledBack: 'rolled back (aborted transactions)',
  overhead: 'barriers, locks and bookkeeping',
  txBeginCommit: 'transaction begin and commit',
  waitGil: 'waiting for the GIL',
  waitFallbackLock: 'waiting for the fallback lock',
  waitStmConflict: 'waiting for a conflicting STM transaction',
  waitInevitable: 'waiting for the inevitable token',
  osScheduling: 'OS scheduling latency',
  idle: 'idle',
};

export function formatCycleSummary(r: RunResult): string {
  const total = r.simCycles;
  const pct = (v: number): string => (total > 0 ? `${((v / total) * 100).toFixed(1)}%` : '-');
  const header = ['cycles', ...r.cores.map((_, i) => `core ${i}`), 'all cores'];
  const rows: string[][] = [header];
  for (const k of CYCLE_CATEGORIES) {
    const sum = r.cores.reduce((a, c) => a + c.cycles[k], 0);
    if (sum === 0) continue;
    rows.push([CYCLE_LABELS[k], ...r.cores.map((c) => pct(c.cycles[k])), pct(sum / Math.max(1, r.cores.length))]);
  }
  const widths = header.map((_, j) => Math.max(...rows.map((row) => row[j]!.length)));
  const line = (row: string[]): string => row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  ');
  const out = [
    `htmsim: ${r.config.policy.name} on ${r.cores.length} core(s), ${total} cycles (${(r.simSeconds * 1e3).toFixed(3)} ms simulated), ${r.bytecodes} bytecodes`,
    ...rows.map(line),
  ];
  return out.join('\n') + '\n';
}
