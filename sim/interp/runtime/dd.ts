/**
 * Double-double arithmetic (~106-bit significands) for correctly rounded elementary functions.
 * V8's Math.exp/log/pow/sin/cos (fdlibm ports) differ from glibc — which CPython calls and which
 * is correctly rounded in all but vanishingly rare cases — in the last bit for a few percent of
 * inputs. Evaluating in double-double and rounding once reproduces glibc's results.
 *
 * Values are passed as (hi, lo) pairs; results come back through the module-level `H`/`L`
 * registers so the hot loops allocate nothing.
 */

export let H = 0;
export let L = 0;

const SPLIT = 134217729; // 2**27 + 1

/** (H, L) = a + b exactly. */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  L = a - (s - bb) + (b - bb);
  H = s;
}

/** (H, L) = a * b exactly (Dekker; |a|, |b| < 2**996). */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
  H = p;
}

export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = H;
  let sl = L;
  twoSum(al, bl);
  const th = H;
  const tl = L;
  sl += th;
  let hi = sh + sl;
  sl = sl - (hi - sh);
  sl += tl;
  const h2 = hi + sl;
  L = sl - (h2 - hi);
  hi = h2;
  H = hi;
}

export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const ph = H;
  let pl = L;
  pl += ah * bl + al * bh;
  const hi = ph + pl;
  L = pl - (hi - ph);
  H = hi;
}

export function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const ph = H;
  let pl = L;
  pl += al * b;
  const hi = ph + pl;
  L = pl - (hi - ph);
  H = hi;
}

export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -H, -L);
  const rh = H;
  const rl = L;
  const q2 = rh / bh;
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -H, -L);
  const q3 = H / bh;
  twoSum(q1, q2);
  ddAdd(H, L, q3, 0);
}

/** sqrt of a double-double (one Newton step from the double sqrt). */
export function ddSqrt(ah: number, al: number): void {
  if (ah <= 0) {
    H = Math.sqrt(ah);
    L = 0;
    return;
  }
  const x = Math.sqrt(ah);
  twoProd(x, x);
  ddAdd(ah, al, -H, -L);
  const corr = H / (2 * x);
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
      fh = H;
      fl = L;
    }
    ddDiv(1, 0, fh, fl);
    INV_FACT.push([H, L]);
  }
}

/** (H, L) = exp(r) - 1 for |r| <= ~0.0015, Taylor in double-double. */
function expm1Small(rh: number, rl: number): void {
  // Horner: r * (1 + r/2 * (1 + r/3 * (...)))
  let sh = INV_FACT[14]![0]!;
  let sl = INV_FACT[14]![1]!;
  for (let n = 13; n >= 1; n--) {
    ddMul(sh, sl, rh, rl);
    ddAdd(H, L, INV_FACT[n]![0]!, INV_FACT[n]![1]!);
    sh = H;
    sl = L;
  }
  ddMul(sh, sl, rh, rl);
}

/** (H, L) = exp(x) for a double-double x; k is returned so the caller scales by 2**k itself
 *  (keeps subnormal/overflow handling in one place). Result mantissa in [~0.7, ~1.5). */
export function ddExpParts(xh: number, xl: number): number {
  const k = Math.round(xh / LN2_H);
  // r = x - k*ln2 in double-double.
  ddMulD(LN2_H, LN2_L, k);
  ddAdd(xh, xl, -H, -L);
  // exp(r) = (exp(r / 256))**256: the reduced argument makes the series short.
  const rh = H * (1 / 256);
  const rl = L * (1 / 256);
  expm1Small(rh, rl);
  // (1 + e)^2 - 1 = e * (2 + e): squaring in the "minus one" form keeps tiny results accurate.
  let eh = H;
  let el = L;
  for (let i = 0; i < 8; i++) {
    ddAdd(eh, el, 2, 0);
    ddMul(eh, el, H, L);
    eh = H;
    el = L;
  }
  ddAdd(eh, el, 1, 0);
  return k;
}

/** (H, L) = exp(x) - 1, accurate also for tiny x (no k scaling; |x| < 0.7). */
export function ddExpm1Core(xh: number, xl: number): void {
  const rh = xh * (1 / 256);
  const rl = xl * (1 / 256);
  expm1Small(rh, rl);
  let eh = H;
  let el = L;
  for (let i = 0; i < 8; i++) {
    ddAdd(eh, el, 2, 0);
    ddMul(eh, el, H, L);
    eh = H;
    el = L;
  }
  H = eh;
  L = el;
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

/** (H, L) = log(x) for a positive double-double x: Newton on exp from the double log. */
export function ddLog(xh: number, xl: number): void {
  const y0 = Math.log(xh);
  // u = x * exp(-y0) - 1; log(x) = y0 + log1p(u) = y0 + u - u^2/2 + u^3/3.
  const k = ddExpParts(-y0, 0);
  const eh = H * 2 ** k;
  const el = L * 2 ** k;
  ddMul(xh, xl, eh, el);
  ddAdd(H, L, -1, 0);
  const uh = H;
  const ul = L;
  ddMul(uh, ul, uh, ul);
  const u2h = H;
  const u2l = L;
  ddMul(u2h, u2l, uh, ul);
  const u3 = H / 3;
  ddAdd(uh, ul, -u2h / 2, -u2l / 2);
  ddAdd(H, L, u3, 0);
  ddAdd(H, L, y0, 0);
}
