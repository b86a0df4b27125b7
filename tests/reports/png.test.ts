import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ChartPanel } from '../../reports/chart-data.js';
import { PngRenderer } from '../../reports/png.js';

function panel(sd: number, errorBars: boolean): ChartPanel {
  return {
    id: 'p', type: 'line', title: 'Whiskers', caption: '', xLabel: 'cores', yLabel: 'speedup (×)', xScale: 'linear',
    logY: false, errorBars, stacked: false, points: 6,
    series: [{ label: 'htm', points: [{ x: 1, y: 1, sd, n: 3 }, { x: 2, y: 1.8, sd, n: 3 }, { x: 4, y: 3.1, sd, n: 3 }] }],
  };
}

/** Pixels that differ between two same-sized PNGs. */
function diff(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (pa.data[i] !== pb.data[i] || pa.data[i + 1] !== pb.data[i + 1] || pa.data[i + 2] !== pb.data[i + 2]) n++;
  }
  return n;
}

describe('the error-bar plugin', () => {
  const r = new PngRenderer();

  it('draws whiskers when the spread is non-zero and error bars are on', async () => {
    const with_ = await r.render(panel(0.3, true));
    const without = await r.render(panel(0.3, false));
    // Only the whiskers differ (three short vertical strokes with caps), not the axes or the lines.
    const changed = diff(with_, without);
    expect(changed).toBeGreaterThan(50);
    expect(changed).toBeLessThan(1500);
  });

  it('draws nothing for a zero spread, and rendering is deterministic', async () => {
    const zeroOn = await r.render(panel(0, true));
    const zeroOff = await r.render(panel(0, false));
    expect(diff(zeroOn, zeroOff)).toBe(0);
    expect(diff(await r.render(panel(0.3, true)), await r.render(panel(0.3, true)))).toBe(0);
  });
});
