/**
 * Scheduler invariants: simulated time is causal across cores.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/run/result.js';
import { runWorkload } from '../policies/helpers.js';

const busy = (r: RunResult): number => r.cores.reduce((a, c) => a + c.busyCycles, 0);

describe('threads started late', () => {
  // kmeans starts a fresh set of worker threads every round. A worker pinned to a core whose clock
  // is behind its creator's must not run before it was started: it used to, so under the GIL four
  // cores ran "in parallel" in the past and kmeans was 1.7x faster than serial.
  const params = { threads: 4, points: 96, iterations: 3 };

  it('never run before they were created: under the GIL the cores are busy one at a time', () => {
    const r = runWorkload('kmeans', 'gil', 4, params);
    expect(r.status).toBe('ok');
    expect(busy(r)).toBeLessThanOrEqual(r.simCycles);
  });

  it('so a GIL on 4 cores is no faster than serial on kmeans', () => {
    const serial = runWorkload('kmeans', 'serial', 1, params);
    const gil = runWorkload('kmeans', 'gil', 4, params);
    expect(gil.stdout).toBe(serial.stdout);
    expect(gil.simCycles / serial.simCycles).toBeGreaterThanOrEqual(1);
  });
});
