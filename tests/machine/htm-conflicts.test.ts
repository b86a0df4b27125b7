import { describe, expect, it } from 'vitest';
import {
  ACCESS_ABORTED, XABORT_CONFLICT, XABORT_NESTED, XABORT_RETRY, XBEGIN_STARTED,
} from '../../sim/machine/port.js';
import { A, C0, C1, C2, machine, recordAborts } from './helpers.js';

const CONFLICT = (XABORT_CONFLICT | XABORT_RETRY) >>> 0;
const X = 0x40000;
const Y = 0x80000;

describe('HTM conflicts through coherence (requester wins)', () => {
  it('core 1 writing a line in core 0\'s read set aborts core 0 with conflict + retry', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    m.htm.begin(C1);
    expect(m.write(C1, A(X), 8)).not.toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 0, status: CONFLICT, cause: 'conflict' }]);
    expect(m.htm.active(C0)).toBe(false);
    expect(m.htm.active(C1)).toBe(true);
    m.htm.end(C1);
    const s = m.stats();
    expect(s.htm).toMatchObject({ begun: 2, committed: 1, aborted: 1 });
    expect(s.htm.abortsByCause.conflict).toBe(1);
  });

  it('a read of a line in another core\'s write set aborts the writer and sees the old data', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.write(C0, A(X), 8);
    expect(m.probe(C0, A(X)).txWrite).toBe(true);
    expect(m.read(C1, A(X), 8)).not.toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 0, status: CONFLICT, cause: 'conflict' }]);
    // The speculative L1 copy is gone; core 0 keeps only its pre-transaction copy (now shared).
    expect(m.probe(C0, A(X)).l1).toBe('I');
    expect(m.probe(C1, A(X)).l1).toBe('S');
  });

  it('two transactional readers of one line do not conflict', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.begin(C1);
    m.read(C0, A(X), 8);
    m.read(C1, A(X), 8);
    m.read(C0, A(X), 8);
    m.htm.end(C0);
    m.htm.end(C1);
    expect(log).toEqual([]);
    expect(m.stats().htm.committed).toBe(2);
  });

  it('writes to different lines of disjoint footprints do not conflict', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.begin(C1);
    for (let i = 0; i < 32; i++) {
      m.write(C0, A(X + i * 64), 8);
      m.write(C1, A(Y + i * 64), 8);
    }
    m.htm.end(C0);
    m.htm.end(C1);
    expect(log).toEqual([]);
  });

  it('false sharing: different words of one line conflict', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.write(C0, A(X), 8);
    m.htm.begin(C1);
    m.write(C1, A(X + 32), 8);
    expect(log.map((r) => r.core)).toEqual([0]);
  });

  it('non-transactional accesses abort transactions too (strong isolation)', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    m.write(C1, A(X), 8); // core 1 is not in a transaction
    expect(log).toEqual([{ core: 0, status: CONFLICT, cause: 'conflict' }]);
    m.htm.begin(C0);
    m.write(C0, A(Y), 8);
    m.read(C2, A(Y), 8);
    expect(log).toHaveLength(2);
  });

  it('the abort handler runs before the requester\'s access returns', () => {
    const m = machine('haswell-4c');
    const events: string[] = [];
    m.htm.setAbortHandler((core, status) => {
      events.push(`abort core ${core} status ${status} active=${m.htm.active(core)}`);
    });
    m.htm.begin(C0);
    m.write(C0, A(X), 8);
    events.push('core 1 reads');
    m.read(C1, A(X), 8);
    events.push('core 1 read returned');
    expect(events).toEqual(['core 1 reads', `abort core 0 status ${CONFLICT} active=false`, 'core 1 read returned']);
  });

  it('a conflict inside a nested transaction carries the nested bit', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    m.write(C1, A(X), 8);
    expect(log[0]!.status).toBe((CONFLICT | XABORT_NESTED) >>> 0);
    expect(m.htm.depth(C0)).toBe(0);
  });

  it('the victim is charged the abort and its wasted cycles are counted', () => {
    const m = machine('haswell-4c');
    recordAborts(m);
    const t0 = m.now(C0);
    m.htm.begin(C0);
    m.read(C0, A(X), 8); // 200
    m.advance(C0, 1000);
    const beforeAbort = m.now(C0);
    m.write(C1, A(X), 8);
    expect(m.now(C0)).toBe(beforeAbort + m.config.htm.abortCycles);
    expect(m.stats().htm.wastedCycles).toBe(m.now(C0) - t0);
  });

  it('a line read in the transaction and then evicted from L1/L2 still conflicts (tracked in L3)', () => {
    // small-2c: L1 16 sets × 4, L2 32 sets × 8; a stride of 32 lines maps to one L1 set and one L2 set.
    const m = machine('small-2c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(0), 8);
    for (let i = 1; i <= 9; i++) m.read(C0, A(i * 32 * 64), 8);
    expect(m.probe(C0, A(0))).toMatchObject({ l1: 'I', l2: 'I', inL3: true, sharers: [0] });
    expect(log).toEqual([]);
    m.write(C1, A(0), 8);
    expect(log).toEqual([{ core: 0, status: CONFLICT, cause: 'conflict' }]);
    // Once the transaction is gone, core 0 no longer appears as a sharer.
    expect(m.probe(C1, A(0)).sharers).toEqual([1]);
  });

  it('the same eviction with read-set tracking stopping at L2 is a capacity abort', () => {
    const m = machine('small-2c', { htm: { readSetTracking: 'l2' } });
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(0), 8);
    for (let i = 1; i <= 9; i++) m.read(C0, A(i * 32 * 64), 8);
    expect(log.map((r) => r.cause)).toEqual(['capacity']);
  });

  it('after a commit, nothing is tracked: later writes by others abort nobody', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    m.write(C0, A(Y), 8);
    m.htm.end(C0);
    expect(m.probe(C0, A(Y))).toMatchObject({ l1: 'M', txRead: false, txWrite: false });
    m.write(C1, A(X), 8);
    m.read(C1, A(Y), 8);
    expect(log).toEqual([]);
  });
});

describe('HTM conflicts with requester-loses', () => {
  const cfg = { htm: { conflictResolution: 'requester-loses' as const } };

  it('a transactional requester aborts itself and the holder survives', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    expect(m.htm.begin(C1)).toBe(XBEGIN_STARTED);
    expect(m.write(C1, A(X), 8)).toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 1, status: CONFLICT, cause: 'conflict' }]);
    expect(m.htm.active(C0)).toBe(true);
    // The losing write did not happen: core 0 still holds the line.
    expect(m.probe(C0, A(X)).l1).not.toBe('I');
    m.htm.end(C0);
    expect(m.stats().htm.committed).toBe(1);
  });

  it('the same holds for an S → M upgrade of a line both cores cache', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.read(C0, A(X), 8);
    m.read(C1, A(X), 8);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    m.htm.begin(C1);
    expect(m.write(C1, A(X), 8)).toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 1, status: CONFLICT, cause: 'conflict' }]);
    expect(m.probe(C0, A(X)).l1).toBe('S');
    expect(m.probe(C1, A(X)).l1).toBe('S');
    expect(m.stats().coherence.upgrades).toBe(0);
  });

  it('a non-transactional requester still wins (strong isolation)', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.read(C0, A(X), 8);
    expect(m.write(C1, A(X), 8)).not.toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 0, status: CONFLICT, cause: 'conflict' }]);
  });
});
