/**
 * The Python 2 GIL (gil.mode=ticks): the holder checks every checkInterval bytecodes at any
 * instruction boundary, nearly always retakes the lock, and a thread that wakes from sleep gets it
 * after a large but finite delay.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/run/result.js';
import { independent } from './programs.js';
import { runGuest, runWorkload } from './helpers.js';

const run = (name: string, cores: number, params: Record<string, number | boolean>, sets: string[]): RunResult =>
  runWorkload(name, 'gil', cores, params, sets);

describe('GIL ticks mode', () => {
  it('acquires the lock about every checkInterval bytecodes', () => {
    for (const interval of [100, 40]) {
      const r = runGuest(independent(2, 3000), 'gil', 2, ['gil.mode=ticks', `gil.checkInterval=${interval}`]);
      const perAcquisition = r.bytecodes / r.gil.acquisitions;
      // Python 2 releases and retakes at every check, waiter or not; a few more acquisitions come
      // from threads starting, joining and finishing.
      expect(perAcquisition).toBeGreaterThan(interval * 0.9);
      expect(perAcquisition).toBeLessThan(interval * 1.1);
    }
  });

  it('the releaser nearly always retakes the lock: few switches per acquisition', () => {
    const r = runGuest(independent(2, 3000), 'gil', 2, ['gil.mode=ticks']);
    expect(r.gil.switches).toBeGreaterThan(2);
    expect(r.gil.switches * 20).toBeLessThan(r.gil.acquisitions);
  });

  it('a waking I/O thread gets the GIL after a finite, large delay (Beazley)', () => {
    const params = { wakeups: 3 };
    for (const cores of [1, 2, 4]) {
      const busy = run('gil-latency', cores, params, ['gil.mode=ticks']);
      expect(busy.status).toBe('ok');
      const alone = run('gil-latency', cores, { ...params, busy: false }, ['gil.mode=ticks']);
      expect(busy.metrics['response_max_us']).toBeGreaterThan(10 * alone.metrics['response_max_us']!);
    }
  });

  it('is deterministic for a seed', () => {
    const a = run('gil-latency', 2, { wakeups: 3 }, ['gil.mode=ticks']);
    const b = run('gil-latency', 2, { wakeups: 3 }, ['gil.mode=ticks']);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.simCycles).toBe(a.simCycles);
  });
});
