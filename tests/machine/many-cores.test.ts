import { describe, expect, it } from 'vitest';
import { asCore } from '../../sim/common/brand.js';
import { XABORT_CONFLICT, XABORT_RETRY } from '../../sim/machine/port.js';
import { A, machine, recordAborts } from './helpers.js';

describe('32 cores (the top bit of the sharer masks)', () => {
  const m = machine('haswell-16c', { cores: 32 });
  const c31 = asCore(31);
  const c30 = asCore(30);
  const c0 = asCore(0);

  it('core 31 is a sharer, an owner that forwards, and a conflict victim', () => {
    const log = recordAborts(m);
    m.write(c31, A(0x1000), 8);
    expect(m.probe(c31, A(0x1000))).toMatchObject({ l1: 'M', sharers: [31] });
    // A lone owner at bit 31 forwards and drops to S.
    expect(m.read(c0, A(0x1000), 8)).toBe(m.config.l3.latency + m.config.coherence.cacheToCacheLatency);
    expect(m.probe(c31, A(0x1000)).l1).toBe('S');
    expect(m.probe(c0, A(0x1000)).sharers).toEqual([0, 31]);
    m.htm.begin(c31);
    m.read(c31, A(0x1000), 8);
    m.htm.begin(c30);
    m.read(c30, A(0x1000), 8);
    m.write(c0, A(0x1000), 8);
    expect(log.map((r) => r.core).sort()).toEqual([30, 31]);
    expect(log.every((r) => r.status === ((XABORT_CONFLICT | XABORT_RETRY) >>> 0))).toBe(true);
    expect(m.probe(c0, A(0x1000)).sharers).toEqual([0]);
  });

  it('more than 32 cores is refused with a clear message', () => {
    expect(() => machine('haswell-16c', { cores: 33 })).toThrow("machine 'haswell-16c': cores: at most 32 cores are modelled");
  });
});
