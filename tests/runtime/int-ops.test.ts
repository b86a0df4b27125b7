import { describe, expect, it } from 'vitest';
import * as I from '../../sim/interp/runtime/int-ops.js';
import { floatPow } from '../../sim/interp/runtime/float-ops.js';
import { loadFixture, runCases, summarize } from './fixture.js';

type V = I.IntVal;

function impl(fn: string, a: unknown[]): unknown {
  const x = a[0] as V;
  const y = a[1] as V;
  switch (fn) {
    case 'add': return I.intAdd(x, y);
    case 'sub': return I.intSub(x, y);
    case 'mul': return I.intMul(x, y);
    case 'floordiv': return I.intFloorDiv(x, y);
    case 'mod': return I.intMod(x, y);
    case 'divmod': return I.intDivmod(x, y);
    case 'truediv': return I.intTrueDiv(x, y);
    case 'and': return I.intAnd(x, y);
    case 'or': return I.intOr(x, y);
    case 'xor': return I.intXor(x, y);
    case 'cmp': return I.intCmp(x, y);
    case 'eq': return I.intEq(x, y);
    case 'neg': return I.intNeg(x);
    case 'abs': return I.intAbs(x);
    case 'invert': return I.intInvert(x);
    case 'bit_length': return I.intBitLength(x);
    case 'hash': return I.intHash(x);
    case 'float': return I.intToFloat(x);
    case 'tostr': return I.intToStr(x, Number(y));
    case 'lshift': return I.intLshift(x, y);
    case 'rshift': return I.intRshift(x, y);
    case 'pow': return I.intSign(y) < 0 ? I.intPowFloat(x, y, floatPow) : I.intPow(x, y);
    case 'powmod': return I.intPow(x, y, a[2] as V);
    case 'fromstr': return I.intFromStr(a[0] as string, y);
    case 'fromfloat': return I.intFromFloat(a[0] as number);
    case 'floathash': return I.floatHash(a[0] as number);
    case 'ifcmp': {
      const r = I.intFloatCmp(x, a[1] as number);
      return Number.isNaN(r) ? null : r;
    }
    default: throw new Error('unknown fn ' + fn);
  }
}

const floatFns = new Set(['truediv', 'float']);

describe('int-ops against CPython 3.11 fixtures', () => {
  const cases = loadFixture('int');
  it('has a large table', () => {
    expect(cases.length).toBeGreaterThan(10000);
  });
  const fns = [...new Set(cases.map((c) => c.fn))];
  for (const fn of fns) {
    it(fn, () => {
      const bad = runCases(cases.filter((c) => c.fn === fn), impl, (f) => floatFns.has(f));
      expect(summarize(bad), `${bad.length} mismatches`).toBe('');
    });
  }
});

describe('int representation invariants', () => {
  it('never produces -0 or an unnormalized bigint', () => {
    const vals: V[] = [0, 1, -1, 5, -5, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 80n, -(2n ** 80n)];
    for (const a of vals) {
      for (const b of vals) {
        const outs: V[] = [I.intAdd(a, b), I.intSub(a, b), I.intMul(a, b), I.intNeg(a), I.intAnd(a, b), I.intXor(a, b)];
        if (b !== 0) outs.push(I.intFloorDiv(a, b), I.intMod(a, b));
        for (const o of outs) {
          if (typeof o === 'number') {
            expect(Object.is(o, -0)).toBe(false);
            expect(Number.isSafeInteger(o)).toBe(true);
          } else {
            expect(o > BigInt(Number.MAX_SAFE_INTEGER) || o < -BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
          }
        }
      }
    }
  });
  it('refuses negative exponents without a modulus (the VM must take the float path)', () => {
    expect(() => I.intPow(2, -1)).toThrow(/float pow/);
  });
});
