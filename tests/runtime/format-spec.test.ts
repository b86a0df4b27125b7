import { describe, expect, it } from 'vitest';
import { formatFloat, formatInt, formatStr, parseFormatSpec } from '../../sim/interp/runtime/format-spec.js';
import type { IntVal } from '../../sim/interp/runtime/int-ops.js';
import { loadFixture, runCases, summarize } from './fixture.js';

function impl(fn: string, a: unknown[]): unknown {
  const spec = a[1] as string;
  switch (fn) {
    case 'int': return formatInt(a[0] as IntVal, spec);
    case 'float': return formatFloat(a[0] as number, spec);
    case 'str': return formatStr(a[0] as string, spec);
    default: throw new Error('unknown fn ' + fn);
  }
}

describe('format() against CPython 3.11 fixtures', () => {
  const cases = loadFixture('format');
  for (const fn of ['int', 'float', 'str']) {
    it(`format(${fn}, spec)`, () => {
      const sel = cases.filter((c) => c.fn === fn);
      expect(sel.length).toBeGreaterThan(100);
      const bad = runCases(sel, impl, () => false);
      expect(summarize(bad), `${bad.length} mismatches`).toBe('');
    });
  }
  it('parses every field', () => {
    expect(parseFormatSpec('*^+z#012,.3f')).toMatchObject({
      fill: '*', align: '^', sign: '+', noNegZero: true, alt: true, width: 12, grouping: ',', precision: 3, type: 'f',
    });
  });
});
