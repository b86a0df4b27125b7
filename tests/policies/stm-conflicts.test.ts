import { describe, expect, it } from 'vitest';
import { StmConflictTracker } from '../../sim/policies/stm-conflicts.js';
import { AdaptiveLengths } from '../../sim/policies/adaptive-length.js';

describe('STM conflict tracker (object granularity)', () => {
  it('detects write–write eagerly: the second writer aborts itself', () => {
    const t = new StmConflictTracker();
    const a = {};
    t.begin(1); t.begin(2);
    expect(t.write(1, a)).toEqual({ kind: 'ok', first: true });
    expect(t.write(1, a)).toEqual({ kind: 'ok', first: false });
    expect(t.write(2, a)).toEqual({ kind: 'abort-self', conflict: 'writeWrite' });
  });

  it('detects read–write only when the writer commits, and the committer wins', () => {
    const t = new StmConflictTracker();
    const a = {}, b = {};
    t.begin(1); t.begin(2); t.begin(3);
    t.read(2, a); t.read(3, b);
    t.write(1, a);
    const r = t.commitVictims(1);
    expect(r.self).toBe(false);
    expect(r.victims).toEqual([{ tx: 2, kind: 'readWrite' }]);
  });

  it('a read-only committer dooms nobody', () => {
    const t = new StmConflictTracker();
    const a = {};
    t.begin(1); t.begin(2);
    t.read(1, a); t.read(2, a);
    expect(t.commitVictims(1).victims).toEqual([]);
  });

  it('allows one inevitable transaction at a time, and it wins conflicts', () => {
    const t = new StmConflictTracker();
    const a = {}, b = {};
    t.begin(1); t.begin(2);
    expect(t.becomeInevitable(1)).toBe(true);
    expect(t.becomeInevitable(2)).toBe(false);
    t.read(1, a);
    t.write(2, a);
    expect(t.commitVictims(2)).toEqual({ self: true, victims: [] });
    t.write(2, b);
    expect(t.write(1, b)).toEqual({ kind: 'ok', first: true });
    expect(t.displacedOwner(1, b)).toBe(2);
    t.end(1);
    expect(t.hasInevitable()).toBe(false);
    expect(t.becomeInevitable(2)).toBe(true);
  });

  it('releases write ownership at the end of a transaction', () => {
    const t = new StmConflictTracker();
    const a = {};
    t.begin(1); t.write(1, a); t.end(1);
    t.begin(2);
    expect(t.write(2, a)).toEqual({ kind: 'ok', first: true });
  });
});

describe('adaptive transaction lengths', () => {
  it('shrinks on abort, grows after a streak of commits, within bounds', () => {
    const a = new AdaptiveLengths({ initial: 100, min: 10, max: 400, shrink: 0.5, grow: 2, growAfter: 3 });
    expect(a.get(7)).toBe(100);
    a.onAbort(7); expect(a.get(7)).toBe(50);
    a.onAbort(7); a.onAbort(7); a.onAbort(7); expect(a.get(7)).toBe(10);
    a.onCommit(7); a.onCommit(7); expect(a.get(7)).toBe(10);
    a.onCommit(7); expect(a.get(7)).toBe(20);
    for (let i = 0; i < 30; i++) a.onCommit(7);
    expect(a.get(7)).toBe(400);
    expect(a.get(8)).toBe(100);
  });
});
