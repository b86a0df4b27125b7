/**
 * Double-double arithmetic (~106-bit significands) for correctly rounded elementary functions.
 * V8's Math.exp/log/pow/sin/cos (fdlibm ports) differ from glibc — which CPython calls and which
 * is correctly rounded in all but vanishingly rare cases — in the last bit for a few percent of
 * inputs. Evaluating in double-double and rounding once reproduces glibc's results.
 *
 * Values are passed as (hi, lo) pairs; results come back in the register pair `R` = [hi, lo]
 * (a typed array: module-level `let` doubles would box a heap number on every write).
 */

export const R = new Float64Array(2);

const SPLIT = 134217729; // 2**27 + 1

/** (R[0], R[1]) = a + b exactly. */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[1] = a - (s - bb) + (b - bb);
  R[0] = s;
}

/** (R[0], R[1]) = a * b exactly (Dekker; |a|, |b| < 2**996). */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  R[1] = ah * bh - p + ah * bl + al * bh + al * bl;
  R[0] = p;
}

export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = R[0];
  let sl = R[1];
  twoSum(al, bl);
  const th = R[0];
  const tl = R[1];
  sl += th;
  let hi = sh + sl;
  sl = sl - (hi - sh);
  sl += tl;
  const h2 = hi + sl;
  R[1] = sl - (h2 - hi);
  hi = h2;
  R[0] = hi;
}

export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const ph = R[0];
  let pl = R[1];
  pl += ah * bl + al * bh;
  const hi = ph + pl;
  R[1] = pl - (hi - ph);
  R[0] = hi;
}

export function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const ph = R[0];
  let pl = R[1];
  pl += al * b;
  const hi = ph + pl;
  R[1] = pl - (hi - ph);
  R[0] = hi;
}

export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -R[0], -R[1]);
  const rh = R[0];
  const rl = R[1];
  const q2 = rh / bh;
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -R[0], -R[1]);
  const q3 = R[0] / bh;
  twoSum(q1, q2);
  ddAdd(R[0], R[1], q3, 0);
}

/** sqrt of a double-double (one Newton step from the double sqrt). */
export function ddSqrt(ah: number, al: number): void {
  if (ah <= 0) {
    R[0] = Math.sqrt(ah);
    R[1] = 0;
    return;
  }
  const x = Math.sqrt(ah);
  twoProd(x, x);
  ddAdd(ah, al, -R[0], -R[1]);
  const corr = R[0] / (2 * x);
  twoSum(x, corr);
}

// ln 2 and pi/2 as double-doubles (and a third part for argument reduction).
export const LN2_H = 0.6931471805599453;
export const LN2_L = 2.3190468138462996e-17;
export const PIO2_H = 1.5707963267948966;
export const PIO2_M = 6.123233995736766e-17;
export const PIO2_L = -1.4973849048591698e-33;

const INV_FACT: number[][] = [];
{
  // 1/n! as double-doubles, n = 0..30, computed by exact-ish dd division.
  let fh = 1;
  let fl = 0;
  for (let n = 0; n <= 30; n++) {
    if (n > 0) {
      ddMulD(fh, fl, n);
      fh = R[0];
      fl = R[1];
    }
    ddDiv(1, 0, fh, fl);
    INV_FACT.push([R[0], R[1]]);
  }
}

/** (R[0], R[1]) = exp(r) - 1 for |r| <= ~0.0015, Taylor in double-double. */
function expm1Small(rh: number, rl: number): void {
  // Horner: r * (1 + r/2 * (1 + r/3 * (...)))
  // |r| < 0.0014: the r^12/12! term is below 2**-120 relative, so 11 terms suffice.
  let sh = INV_FACT[11]![0]!;
  let sl = INV_FACT[11]![1]!;
  for (let n = 10; n >= 1; n--) {
    ddMul(sh, sl, rh, rl);
    ddAdd(R[0], R[1], INV_FACT[n]![0]!, INV_FACT[n]![1]!);
    sh = R[0];
    sl = R[1];
  }
  ddMul(sh, sl, rh, rl);
}

/** (R[0], R[1]) = exp(x) for a double-double x; k is returned so the caller scales by 2**k itself
 *  (keeps subnormal/overflow handling in one place). Result mantissa in [~0.7, ~1.5). */
export function ddExpParts(xh: number, xl: number): number {
  const k = Math.round(xh / LN2_H);
  // r = x - k*ln2 in double-double.
  ddMulD(LN2_H, LN2_L, k);
  ddAdd(xh, xl, -R[0], -R[1]);
  // exp(r) = (exp(r / 256))**256: the reduced argument makes the series short.
  const rh = R[0] * (1 / 256);
  const rl = R[1] * (1 / 256);
  expm1Small(rh, rl);
  // (1 + e)^2 - 1 = e * (2 + e): squaring in the "minus one" form keeps tiny results accurate.
  let eh = R[0];
  let el = R[1];
  for (let i = 0; i < 8; i++) {
    ddAdd(eh, el, 2, 0);
    ddMul(eh, el, R[0], R[1]);
    eh = R[0];
    el = R[1];
  }
  ddAdd(eh, el, 1, 0);
  return k;
}

/** (R[0], R[1]) = exp(x) - 1, accurate also for tiny x (no k scaling; |x| < 0.7). */
export function ddExpm1Core(xh: number, xl: number): void {
  const rh = xh * (1 / 256);
  const rl = xl * (1 / 256);
  expm1Small(rh, rl);
  let eh = R[0];
  let el = R[1];
  for (let i = 0; i < 8; i++) {
    ddAdd(eh, el, 2, 0);
    ddMul(eh, el, R[0], R[1]);
    eh = R[0];
    el = R[1];
  }
  R[0] = eh;
  R[1] = el;
}

/** Scale a double-double by 2**k and round once to a double, handling subnormal results with a
 *  single rounding and overflow to Infinity. */
export function ddScaleRound(h: number, l: number, k: number): number {
  if (k > -1000 && k < 1000) {
    const r = h + l;
    return k > 0 ? r * 2 ** k : r / 2 ** -k;
  }
  const r = h + l;
  if (k >= 1000) return r * 2 ** 1000 * 2 ** (k - 1000);
  // Possibly subnormal: add the low part at the final scale so only one rounding happens.
  const scaledHi = h * 2 ** -1000;
  const k2 = k + 1000;
  const hi2 = scaledHi * 2 ** k2; // exact when the result is normal; otherwise rounds
  if (Math.abs(hi2) >= 2.2250738585072014e-308) return r * 2 ** -1000 * 2 ** k2;
  // Subnormal: compute the exact residue of the rounding and fold the low part in.
  const back = hi2 / 2 ** k2 / 2 ** -1000; // exact: hi2 is a multiple of the subnormal ulp
  const resid = h - back + l; // what the rounding dropped, in unscaled units
  const ulpUnscaled = 2 ** -1074 / 2 ** k2 / 2 ** -1000;
  const frac = resid / ulpUnscaled;
  let res = hi2;
  if (frac > 0.5) res += 2 ** -1074;
  else if (frac < -0.5) res -= 2 ** -1074;
  return res;
}

/** (R[0], R[1]) = log(x) for a positive double-double x: Newton on exp from the double log. */
export function ddLog(xh: number, xl: number): void {
  const y0 = Math.log(xh);
  // u = x * exp(-y0) - 1; log(x) = y0 + log1p(u) = y0 + u - u^2/2 + u^3/3.
  const k = ddExpParts(-y0, 0);
  const eh = R[0] * 2 ** k;
  const el = R[1] * 2 ** k;
  ddMul(xh, xl, eh, el);
  ddAdd(R[0], R[1], -1, 0);
  const uh = R[0];
  const ul = R[1];
  ddMul(uh, ul, uh, ul);
  const u2h = R[0];
  const u2l = R[1];
  ddMul(u2h, u2l, uh, ul);
  const u3 = R[0] / 3;
  ddAdd(uh, ul, -u2h / 2, -u2l / 2);
  ddAdd(R[0], R[1], u3, 0);
  ddAdd(R[0], R[1], y0, 0);
}
