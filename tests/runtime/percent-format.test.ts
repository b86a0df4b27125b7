import { describe, expect, it } from 'vitest';
import { percentFormat } from '../../sim/interp/runtime/percent-format.js';
import { RuntimeOpError } from '../../sim/interp/runtime/errors.js';
import { loadFixture, type Encoded } from './fixture.js';
import { conv, percentArgsOf } from './guest-values.js';

describe('str % args against CPython 3.11 fixtures', () => {
  const cases = loadFixture('percent');
  it('matches every case (value or exact error)', () => {
    expect(cases.length).toBeGreaterThan(2000);
    const bad: string[] = [];
    for (const c of cases) {
      const fmt = c.args[0] as string;
      const args = percentArgsOf(c.args[1] as { tuple?: Encoded[]; single?: Encoded });
      let got: unknown;
      try {
        got = percentFormat(fmt, args, conv);
      } catch (e) {
        got = e instanceof RuntimeOpError ? { err: [e.pyType, e.message] } : { host: String(e) };
      }
      const want = c.err ? { err: c.err } : c.out;
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${JSON.stringify(c.args)} want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 20).join('\n'), `${bad.length} mismatches`).toBe('');
  });
});
