/** Shared helpers for the reports tests: temp results directories and independent statistics. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsDir, type SyntheticSweep, type WriteOptions } from '../../reports/synthetic-sweep.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const created: string[] = [];

export function tempDir(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `htmsim-report-${tag}-`));
  created.push(dir);
  return dir;
}

/** Removes every temp directory this test file made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function sweepDir(tag: string, sweep: SyntheticSweep, opts?: WriteOptions): string {
  const dir = tempDir(tag);
  writeResultsDir(dir, sweep, opts);
  return dir;
}

/** A copy of a fixture directory, so tests never write into tests/reports/fixtures. */
export function fixtureCopy(name: string): string {
  const dir = tempDir(name);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

/** Mean and sample standard deviation, computed here independently of reports/metrics.ts. */
export function meanSd(values: number[]): { mean: number; sd: number; n: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

/** Reads the JSON report.html embeds for its charts. */
export function embeddedData(html: string): { charts: { panel: unknown; config: { type: string; data: { datasets: unknown[] } } }[] } {
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no report-data script in report.html');
  return JSON.parse(m[1]!) as ReturnType<typeof embeddedData>;
}
