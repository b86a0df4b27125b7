import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildRow, holds, KERNEL_DIR, loadFixture, measureKernel, ratio, runKernel, type CpythonRun,
} from '../../calibration/compare.js';
import { UserError } from '../../sim/common/errors.js';

const fx = loadFixture();
const [N1, N2] = fx.iterations;

describe('CPython fixture (calibration/cpython-figures.json)', () => {
  it('names the versions and covers every kernel file, at least 30', () => {
    expect(fx.cpython).toMatch(/^3\.11\.\d+$/);
    expect(fx.valgrind).toMatch(/^valgrind-\d+\.\d+/);
    const files = readdirSync(KERNEL_DIR).filter((n) => n.endsWith('.py')).map((n) => n.slice(0, -3)).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(fx.kernels).sort()).toEqual(files);
  });

  it('has per-iteration figures that are the two runs differenced, and consistent counts', () => {
    for (const [name, k] of Object.entries(fx.kernels)) {
      const a = k.runs[String(N1)]!;
      const b = k.runs[String(N2)]!;
      for (const key of Object.keys(k.perIteration) as (keyof CpythonRun)[]) {
        expect(k.perIteration[key], `${name}.${key}`).toBeCloseTo((b[key] - a[key]) / (N2 - N1), 3);
      }
      for (const r of [a, b]) {
        expect(r.lines, name).toBe(r.linesReadOnly + r.linesWritten);
        expect(r.linesRead, name).toBeLessThanOrEqual(r.lines);
        expect(r.accesses, name).toBe(r.loads + r.stores + 2 * r.modifies);
      }
    }
  });

  it('rejects a malformed fixture with the file and the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calib-'));
    const file = join(dir, 'bad.json');
    const broken = structuredClone(fx) as unknown as { kernels: Record<string, { perIteration: Record<string, unknown> }> };
    broken.kernels['01-range-loop']!.perIteration.linesWritten = 'many';
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadFixture(file)).toThrow(UserError);
    expect(() => loadFixture(file)).toThrow(`${file}: kernels.01-range-loop.perIteration.linesWritten: expected a number`);
  });
});

describe('htmsim side of the table', () => {
  it('applies the target: ±25%, or 0.1 line where CPython is below 0.4', () => {
    expect(holds(0, 0.09)).toBe(true);
    expect(holds(0, 0.11)).toBe(false);
    expect(holds(0.39, 0.48)).toBe(true);
    expect(holds(1, 1.25)).toBe(true);
    expect(holds(1, 1.26)).toBe(false);
    expect(holds(2, 1.49)).toBe(false);
    expect(ratio(0.01, 3)).toBeNull();
    expect(ratio(2, 3)).toBe(1.5);
  });

  // Each kernel run twice by hand, the per-iteration figures worked out here, and compared with
  // what measureKernel and buildRow report.
  for (const kernel of ['31-bytearray-read', '29-object-dropped']) {
    it(`differences two run records for ${kernel}`, () => {
      const file = join(KERNEL_DIR, `${kernel}.py`);
      const a = runKernel(file, N1);
      const b = runKernel(file, N2);
      const m = measureKernel(kernel, N1, N2);
      expect(m.perIteration.linesWritten).toBe((b.footprint.linesWritten - a.footprint.linesWritten) / (N2 - N1));
      expect(m.perIteration.linesRead).toBe((b.footprint.linesRead - a.footprint.linesRead) / (N2 - N1));
      expect(m.perIteration.accesses).toBe((b.memoryAccesses - a.memoryAccesses) / (N2 - N1));
      const row = buildRow(kernel, fx.kernels[kernel]!, m, N1, N2);
      expect(row.written.cpython).toBe(fx.kernels[kernel]!.perIteration.linesWritten);
      expect(row.written.htmsim).toBe(m.perIteration.linesWritten);
      expect(row.written.holds).toBe(holds(row.written.cpython, row.written.htmsim));
      expect(row.read.cpython).toBe(fx.kernels[kernel]!.perIteration.linesRead);
      expect(row.read.htmsim).toBe(m.perIteration.linesRead);
      expect(row.read.holds).toBe(holds(row.read.cpython, row.read.htmsim));
      expect(row.reason === '').toBe(row.written.holds && row.read.holds);
      // The kernel printed on htmsim what it printed on CPython, at both lengths.
      expect(row.sameOutput).toBe(true);
    });
  }

  it('sees the bytearray loop read exactly one new line per iteration', () => {
    const m = measureKernel('31-bytearray-read', N1, N2);
    expect(m.perIteration.linesRead).toBe(1);
    expect(m.perIteration.lines).toBe(1);
    expect(m.perIteration.linesWritten).toBe(0);
  });
});
