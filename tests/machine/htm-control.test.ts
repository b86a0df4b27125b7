import { describe, expect, it } from 'vitest';
import { asCycles } from '../../sim/common/brand.js';
import {
  ACCESS_ABORTED, XABORT_EXPLICIT, XABORT_NESTED, XABORT_RETRY, XBEGIN_STARTED, xabortCode,
} from '../../sim/machine/port.js';
import { A, C0, C1, machine, recordAborts } from './helpers.js';

describe('xbegin / xend / xtest and flat nesting', () => {
  it('xtest and depth follow begins and ends; inner ends only count', () => {
    const m = machine('haswell-4c');
    expect(m.htm.enabled).toBe(true);
    expect(m.htm.active(C0)).toBe(false);
    expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    expect(XBEGIN_STARTED).toBe(0xffffffff);
    expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    expect(m.htm.depth(C0)).toBe(3);
    m.write(C0, A(0x1000), 8);
    m.htm.end(C0);
    m.htm.end(C0);
    expect(m.htm.active(C0)).toBe(true);
    expect(m.probe(C0, A(0x1000)).txWrite).toBe(true);
    m.htm.end(C0);
    expect(m.htm.active(C0)).toBe(false);
    expect(m.probe(C0, A(0x1000)).txWrite).toBe(false);
    const s = m.stats().htm;
    expect(s).toMatchObject({ begun: 1, committed: 1, aborted: 0 });
    expect(m.htm.active(C1)).toBe(false);
  });

  it('a begin beyond the maximum depth aborts the whole transaction with the nested bit', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    const max = m.config.htm.maxNestingDepth;
    for (let i = 0; i < max; i++) expect(m.htm.begin(C0)).toBe(XBEGIN_STARTED);
    const status = m.htm.begin(C0);
    expect(status & XABORT_NESTED).toBe(XABORT_NESTED);
    expect(status & XABORT_RETRY).toBe(0);
    expect(log).toEqual([{ core: 0, status, cause: 'nested' }]);
    expect(m.htm.depth(C0)).toBe(0);
    expect(m.stats().htm.abortsByCause.nested).toBe(1);
  });

  it('xend outside a transaction is a bug in the caller', () => {
    const m = machine('haswell-4c');
    expect(() => m.htm.end(C0)).toThrow(/outside a transaction/);
  });

  it('begin, commit and abort cost the configured cycles', () => {
    const m = machine('haswell-4c');
    recordAborts(m);
    const h = m.config.htm;
    m.htm.begin(C0);
    m.htm.end(C0);
    expect(m.now(C0)).toBe(h.beginCycles + h.commitCycles);
    m.htm.begin(C0);
    m.advance(C0, 100);
    m.htm.abort(C0, 1);
    expect(m.now(C0)).toBe(2 * h.beginCycles + h.commitCycles + 100 + h.abortCycles);
    expect(m.stats().htm.wastedCycles).toBe(h.beginCycles + 100 + h.abortCycles);
    expect(m.stats().htm.committedCycles).toBe(h.beginCycles + h.commitCycles);
  });

  it('committed transactions report their footprint in distinct lines', () => {
    const m = machine('haswell-4c');
    m.htm.begin(C0);
    for (let i = 0; i < 10; i++) m.read(C0, A(i * 64), 8);
    for (let i = 0; i < 3; i++) m.write(C0, A(i * 64 + 8), 8); // lines already read
    m.write(C0, A(100 * 64), 8);
    m.write(C0, A(101 * 64), 8);
    m.read(C0, A(0), 8); // again: not a new line
    m.htm.end(C0);
    m.htm.begin(C0);
    m.write(C0, A(0), 8);
    m.htm.end(C0);
    const s = m.stats().htm;
    expect(s.committedFootprintLines).toBe(12 + 1);
    expect(s.committedWriteLines).toBe(5 + 1);
    expect(s.maxCommittedFootprintLines).toBe(12);
  });

  it('a machine without RTM never starts a transaction', () => {
    const m = machine('haswell-4c', { htm: { enabled: false } });
    expect(m.htm.enabled).toBe(false);
    expect(m.htm.begin(C0)).toBe(0);
    expect(m.htm.active(C0)).toBe(false);
  });
});

describe('xabort', () => {
  it('carries the code in bits 31:24 with the explicit bit and no retry bit', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.write(C0, A(0x1000), 8);
    m.htm.abort(C0, 0xab);
    expect(log).toHaveLength(1);
    const { status, cause } = log[0]!;
    expect(cause).toBe('explicit');
    expect(status).toBe(((0xab << 24) | XABORT_EXPLICIT) >>> 0);
    expect(xabortCode(status)).toBe(0xab);
    expect(status & XABORT_RETRY).toBe(0);
    expect(m.probe(C0, A(0x1000)).l1).toBe('I'); // the speculative write is discarded
    expect(m.htm.active(C0)).toBe(false);
  });

  it('code 0xff and only the low 8 bits of the argument are kept', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.abort(C0, 0x1ff);
    expect(xabortCode(log[0]!.status)).toBe(0xff);
    expect(log[0]!.status).toBeGreaterThan(0); // unsigned, as EAX
  });

  it('inside a nested transaction the nested bit is set too', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.begin(C0);
    m.htm.abort(C0, 7);
    expect(log[0]!.status).toBe(((7 << 24) | XABORT_EXPLICIT | XABORT_NESTED) >>> 0);
    expect(m.htm.depth(C0)).toBe(0);
  });

  it('outside a transaction it does nothing', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.abort(C0, 1);
    expect(log).toEqual([]);
    expect(m.stats().htm.aborted).toBe(0);
  });
});

describe('timer interrupts', () => {
  const cfg = { htm: { timerIntervalCycles: 1000 } };

  it('advance across the tick aborts with status 0', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.htm.begin(C0); // at 0, deadline 1000
    expect(m.advance(C0, 900)).toBe(900);
    expect(m.htm.active(C0)).toBe(true);
    expect(m.advance(C0, 200)).toBe(ACCESS_ABORTED);
    expect(log).toEqual([{ core: 0, status: 0, cause: 'interrupt' }]);
    expect(m.stats().htm.abortsByCause.interrupt).toBe(1);
  });

  it('a memory access that crosses the tick aborts', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.htm.begin(C0);
    for (let i = 0; i < 4; i++) expect(m.read(C0, A(i * 64), 8)).toBe(200); // 20 + 800 cycles
    expect(m.read(C0, A(4 * 64), 8)).toBe(ACCESS_ABORTED); // to 1020
    expect(log[0]!.cause).toBe('interrupt');
  });

  it('the deadline is the next tick after xbegin on the core\'s own clock', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.advance(C0, 1500);
    m.htm.begin(C0); // deadline 2000
    expect(m.advance(C0, 400)).not.toBe(ACCESS_ABORTED);
    expect(m.advance(C0, 100)).toBe(ACCESS_ABORTED);
    expect(log).toHaveLength(1);
    // Outside transactions ticks do nothing.
    expect(m.advance(C0, 5000)).toBe(5000);
  });

  it('waiting (advanceTo) inside a transaction past the tick aborts; advanceTo never goes back', () => {
    const m = machine('haswell-4c', cfg);
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.advanceTo(C0, m.now(C0));
    m.advanceTo(C0, asCycles(5));
    expect(m.now(C0)).toBe(m.config.htm.beginCycles);
    m.advanceTo(C0, asCycles(1000));
    expect(log.map((r) => r.status)).toEqual([0]);
  });

  it('timer 0 means never', () => {
    const m = machine('haswell-4c', { htm: { timerIntervalCycles: 0 } });
    recordAborts(m);
    m.htm.begin(C0);
    m.advance(C0, 1e12);
    expect(m.htm.active(C0)).toBe(true);
  });
});

describe('unfriendly operations', () => {
  it('abort a running transaction with status 0', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.begin(C0);
    m.htm.begin(C0);
    m.htm.unfriendly(C0);
    expect(log).toEqual([{ core: 0, status: 0, cause: 'unfriendly' }]);
    expect(m.htm.active(C0)).toBe(false);
  });

  it('are a no-op outside a transaction', () => {
    const m = machine('haswell-4c');
    const log = recordAborts(m);
    m.htm.unfriendly(C0);
    expect(log).toEqual([]);
    expect(m.now(C0)).toBe(0);
  });
});
