/**
 * Guest cmath kernels against CPython 3.11 (cmath-golden.json, written by make-cmath-golden.py):
 * every function on the 49 pairs of special parts (±inf, ±finite, ±0.0, nan) and on ~380 finite
 * points (branch cuts, signed zeros, tiny and huge parts, the overflow and domain errors), rect on
 * 100 pairs, log with 6 bases. Values compare bit for bit except for a bounded number of 1-ulp
 * differences where glibc's libm (which CPython calls) is not correctly rounded.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Cx } from '../../sim/interp/runtime/complex-ops.js';
import * as CM from '../../sim/interp/runtime/cmath.js';

type Out = [string, string] | string | boolean;
interface Golden {
  rows: ({ z: [string, string] } & Record<string, Out>)[];
  rects: { r: string; phi: string; rect: Out }[];
  logs: { z: [string, string]; b: [string, string]; log: Out }[];
}
const golden = JSON.parse(readFileSync(new URL('./cmath-golden.json', import.meta.url), 'utf8')) as Golden;
const num = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const cx = (p: [string, string]): Cx => ({ re: num(p[0]), im: num(p[1]) });

/** ulps between two doubles of the same sign (Infinity when the signs or specials differ). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b) || Object.is(a, -0) !== Object.is(b, -0)) return Infinity;
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, Math.abs(a));
  v.setFloat64(8, Math.abs(b));
  return Math.abs(Number(v.getBigUint64(0) - v.getBigUint64(8)));
}

const FNS: Record<string, (z: Cx) => Cx | number | boolean | [number, number]> = {
  sqrt: CM.cmathSqrt, exp: CM.cmathExp, log: (z) => CM.cmathLog(z), log10: CM.cmathLog10, sin: CM.cmathSin, cos: CM.cmathCos,
  tan: CM.cmathTan, asin: CM.cmathAsin, acos: CM.cmathAcos, atan: CM.cmathAtan, sinh: CM.cmathSinh, cosh: CM.cmathCosh,
  tanh: CM.cmathTanh, asinh: CM.cmathAsinh, acosh: CM.cmathAcosh, atanh: CM.cmathAtanh, phase: CM.cmathPhase,
  polar: CM.cmathPolar, isfinite: CM.cmathIsfinite, isinf: CM.cmathIsinf, isnan: CM.cmathIsnan,
};

/** Compares one result; returns the largest ulp distance (0: identical), or a failure text. */
function check(got: () => unknown, want: Out): number | string {
  let v: unknown;
  try {
    v = got();
  } catch (e) {
    return typeof want === 'string' && want.startsWith(`${(e as { pyType?: string }).pyType}: ${(e as Error).message}`) ? 0 : `threw ${(e as Error).message}`;
  }
  if (typeof want === 'string' && want.includes(':')) return `returned, want ${want}`;
  if (typeof want === 'boolean') return v === want ? 0 : `got ${String(v)}`;
  const parts: number[] = typeof want === 'string' ? [v as number] : Array.isArray(v) ? (v as number[]) : [(v as Cx).re, (v as Cx).im];
  const wants = typeof want === 'string' ? [want] : want;
  let worst = 0;
  for (let i = 0; i < wants.length; i++) worst = Math.max(worst, ulps(parts[i]!, num(wants[i]!)));
  return worst === Infinity ? `got ${parts.map(String).join(',')} want ${wants.join(',')}` : worst;
}

describe('cmath as CPython 3.11', () => {
  it('every function on special and finite points (bit-exact but for a few 1-ulp libm differences)', () => {
    const failures: string[] = [];
    let offByOne = 0, total = 0;
    for (const row of golden.rows) {
      for (const [name, f] of Object.entries(FNS)) {
        total++;
        const r = check(() => f(cx(row.z)), row[name]!);
        if (typeof r === 'string' || r > 1) failures.push(`${name}(${row.z.join(', ')}): ${String(r)}`);
        else if (r === 1) offByOne++;
      }
    }
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(8000);
    expect(offByOne).toBeLessThan(total / 100);
  });
  it('rect, log with a base', () => {
    const failures: string[] = [];
    for (const row of golden.rects) {
      const r = check(() => CM.cmathRect(num(row.r), num(row.phi)), row.rect);
      if (typeof r === 'string' || r > 1) failures.push(`rect(${row.r}, ${row.phi}): ${String(r)}`);
    }
    for (const row of golden.logs) {
      const r = check(() => CM.cmathLog(cx(row.z), cx(row.b)), row.log);
      if (typeof r === 'string' || r > 1) failures.push(`log(${row.z.join(', ')}, ${row.b.join(', ')}): ${String(r)}`);
    }
    expect(failures).toEqual([]);
  });
  it('isclose with the default tolerances', () => {
    expect(CM.cmathIsclose({ re: 1, im: 1 }, { re: 1 + 1e-10, im: 1 }, 1e-9, 0)).toBe(true);
    expect(CM.cmathIsclose({ re: 1, im: 1 }, { re: 1 + 1e-8, im: 1 }, 1e-9, 0)).toBe(false);
    expect(CM.cmathIsclose({ re: Infinity, im: 0 }, { re: Infinity, im: 0 }, 1e-9, 0)).toBe(true);
    expect(CM.cmathIsclose({ re: NaN, im: 0 }, { re: NaN, im: 0 }, 1e-9, 0)).toBe(false);
  });
});
