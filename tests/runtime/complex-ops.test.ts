/**
 * Guest complex arithmetic against CPython 3.11 (complex-golden.json, written by
 * make-complex-golden.py): every sum, difference, product and quotient of 18 values (signed zeros,
 * infinities, NaNs, large and tiny parts), 84 powers, repr, hash and abs, and 29 strings parsed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  type Cx, complexAbs, complexAdd, complexDiv, complexFromStr, complexHash, complexMul, complexPow, complexRepr, complexSub,
} from '../../sim/interp/runtime/complex-ops.js';

interface Golden {
  ops: { a: [string, string]; b: [string, string]; add: [string, string] | string; sub: [string, string] | string;
    mul: [string, string] | string; div: [string, string] | string }[];
  pows: { a: [string, string]; b: [string, string]; r: [string, string] | string }[];
  reprs: { z: [string, string]; repr: string; hash: string | null; abs: string }[];
  parsed: { text: string; z?: [string, string]; error?: string }[];
}
const golden = JSON.parse(readFileSync(new URL('./complex-golden.json', import.meta.url), 'utf8')) as Golden;

const num = (s: string): number => (s === 'nan' ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const cx = (p: [string, string]): Cx => ({ re: num(p[0]), im: num(p[1]) });
/** Compares bit for bit (Object.is keeps -0.0 apart from 0.0 and NaN equal to NaN). */
function expectCx(got: () => Cx, want: [string, string] | string): void {
  if (typeof want === 'string') {
    expect(() => got()).toThrow(want.slice(want.indexOf(': ') + 2));
    return;
  }
  const z = got();
  expect([Object.is(z.re, num(want[0])) ? 'same' : z.re, Object.is(z.im, num(want[1])) ? 'same' : z.im]).toEqual(['same', 'same']);
}

describe('complex arithmetic as CPython 3.11', () => {
  it('+ - * / on every pair', () => {
    for (const row of golden.ops) {
      const a = cx(row.a), b = cx(row.b);
      expectCx(() => complexAdd(a, b), row.add);
      expectCx(() => complexSub(a, b), row.sub);
      expectCx(() => complexMul(a, b), row.mul);
      expectCx(() => complexDiv(a, b), row.div);
    }
  });
  it('** with integral exponents by squaring and the polar formula otherwise, with its errors', () => {
    for (const row of golden.pows) expectCx(() => complexPow(cx(row.a), cx(row.b)), row.r);
  });
  it('repr, hash and abs', () => {
    for (const row of golden.reprs) {
      const z = cx(row.z);
      expect(complexRepr(z)).toBe(row.repr);
      if (row.hash !== null) expect(String(complexHash(z))).toBe(row.hash);
      expect(Object.is(complexAbs(z), num(row.abs))).toBe(true);
    }
  });
  it('complex(str) accepts what CPython accepts and names a malformed string', () => {
    for (const row of golden.parsed) {
      if (row.error !== undefined) expect(() => complexFromStr(row.text), row.text).toThrow('complex() arg is a malformed string');
      else expectCx(() => complexFromStr(row.text), row.z!);
    }
  });
});
