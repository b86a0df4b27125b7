/** Guest math's integer functions (gcd, lcm, factorial, perm, comb, prod) on IntVal (math.ts lists the rooms). */
import { overflowError, valueError } from './errors.js';
import { type IntVal, intCmp, intMul, intSign, normInt, toBig } from './int-ops.js';

// ---------------------------------------------------------------- integer functions

function gcd2(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** math.gcd(*ints). */
export function mathGcd(...xs: IntVal[]): IntVal {
  if (xs.every((x) => typeof x === 'number')) {
    let g = 0;
    for (const x of xs as number[]) {
      let a = Math.abs(g);
      let b = Math.abs(x);
      while (b !== 0) [a, b] = [b, a % b];
      g = a;
    }
    return g;
  }
  let g = 0n;
  for (const x of xs) g = gcd2(g, toBig(x));
  return normInt(g);
}

/** math.lcm(*ints); lcm() == 1. */
export function mathLcm(...xs: IntVal[]): IntVal {
  let l = 1n;
  for (const x of xs) {
    const b = toBig(x);
    if (b === 0n || l === 0n) {
      l = 0n;
      continue;
    }
    l = (l / gcd2(l, b)) * (b < 0n ? -b : b);
  }
  return normInt(l < 0n ? -l : l);
}

/** math.factorial(n) for an int n. */
export function mathFactorial(n: IntVal): IntVal {
  if (intSign(n) < 0) throw valueError('factorial() not defined for negative values');
  if (typeof n === 'bigint' || n > 1_000_000) throw overflowError('factorial() argument should not exceed 9223372036854775807');
  let r = 1n;
  // Multiply in a balanced tree so big factorials stay fast.
  const prodRange = (lo: number, hi: number): bigint => {
    if (hi - lo < 8) {
      let p = 1n;
      for (let i = lo; i <= hi; i++) p *= BigInt(i);
      return p;
    }
    const mid = (lo + hi) >>> 1;
    return prodRange(lo, mid) * prodRange(mid + 1, hi);
  };
  if (n >= 2) r = prodRange(2, n);
  return normInt(r);
}

/** math.perm(n, k=None). */
export function mathPerm(n: IntVal, k?: IntVal): IntVal {
  if (k === undefined) return mathFactorial(n);
  if (intSign(n) < 0) throw valueError('n must be a non-negative integer');
  if (intSign(k) < 0) throw valueError('k must be a non-negative integer');
  if (intCmp(k, n) > 0) return 0;
  const nb = toBig(n);
  const kb = toBig(k);
  let r = 1n;
  for (let i = 0n; i < kb; i++) r *= nb - i;
  return normInt(r);
}

/** math.comb(n, k). */
export function mathComb(n: IntVal, k: IntVal): IntVal {
  if (intSign(n) < 0) throw valueError('n must be a non-negative integer');
  if (intSign(k) < 0) throw valueError('k must be a non-negative integer');
  if (intCmp(k, n) > 0) return 0;
  const nb = toBig(n);
  let kb = toBig(k);
  if (nb - kb < kb) kb = nb - kb;
  let r = 1n;
  for (let i = 1n; i <= kb; i++) r = (r * (nb - kb + i)) / i;
  return normInt(r);
}

/** math.prod of ints (exact). Floats are the VM's multiply loop. */
export function mathProdInts(xs: IntVal[], start: IntVal = 1): IntVal {
  let r = start;
  for (const x of xs) r = intMul(r, x);
  return r;
}
