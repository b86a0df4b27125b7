/**
 * Report rendering time for a 30-point sweep (issue 6: under 10 s on the 2-core dev machine).
 * The results are synthetic (reports/synthetic-sweep.ts) so the bench measures the reports only:
 * reading, chart data, PNG rendering, report.html and report.md.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport } from '../reports/build-report.js';
import { scalingSweep, writeResultsDir } from '../reports/synthetic-sweep.js';

export interface ReportBenchResult {
  name: 'report';
  points: number;
  panels: number;
  pngs: number;
  /** Wall-clock seconds of buildReport, best of the runs (the first run also loads canvas). */
  seconds: number;
  firstRunSeconds: number;
  htmlBytes: number;
}

export async function runReportBench(runs = 3): Promise<ReportBenchResult> {
  // 1 workload × (serial + gil/htm/stm at 1, 2, 4 cores) × 3 repetitions = 30 points, with a timeline.
  const sweep = scalingSweep({ workloads: ['bank'], policies: ['gil', 'htm', 'stm'], cores: [1, 2, 4], reps: 3, timelines: [{ policy: 'stm', cores: 4 }] });
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-report-bench-'));
  try {
    writeResultsDir(dir, sweep);
    const times: number[] = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = await buildReport(dir);
      times.push((performance.now() - t0) / 1000);
    }
    return {
      name: 'report',
      points: last!.points.present,
      panels: last!.panels,
      pngs: last!.charts.length,
      seconds: Math.min(...times),
      firstRunSeconds: times[0]!,
      htmlBytes: statSync(last!.html).size,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runReportBench();
  process.stdout.write(`report bench: ${r.points} points, ${r.panels} charts, ${r.pngs} PNGs, first run ${r.firstRunSeconds.toFixed(2)} s, best ${r.seconds.toFixed(2)} s, report.html ${(r.htmlBytes / 1024).toFixed(0)} KiB\n`);
}
