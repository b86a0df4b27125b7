/**
 * range: CPython's exact arithmetic on start/stop/step of any size (range(10**20)[10**19] is
 * 10**19). A range whose three fields are numbers (safe integers, the IntVal contract) keeps the
 * plain-number paths it always had: the same length formula, FOR_ITER's inline iterator, the
 * materialized list where one is built; only a range with a bigint field, or one too long to
 * materialize, takes the exact bigint paths here. Errors are RuntimeOpError (CPython's messages).
 */
import * as R from '../runtime/int-ops.js';
import { RuntimeOpError, overflowError, valueError } from '../runtime/errors.js';
import type { PyRange } from '../values.js';

type Int = R.IntVal;

/** sys.maxsize: len() of a longer range is OverflowError, as CPython's ssize_t conversion. */
const MAXSIZE = (1n << 63n) - 1n;

/** Every field a number: the fast paths apply (and rangeLen is a number). */
export function rangeIsSmall(r: PyRange): boolean {
  return typeof r.start === 'number' && typeof r.stop === 'number' && typeof r.step === 'number';
}

/** The exact length (CPython's compute_range_length). */
export function rangeLen(r: PyRange): Int {
  const { start, stop, step } = r;
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number'
    && Math.abs(stop - start) <= Number.MAX_SAFE_INTEGER) {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = BigInt(start), b = BigInt(stop), s = BigInt(step);
  if (s > 0n) return R.normInt(a < b ? (b - a - 1n) / s + 1n : 0n);
  return R.normInt(a > b ? (a - b - 1n) / -s + 1n : 0n);
}

/** len(r) and r.__len__(): the length as a C ssize_t. */
export function rangeSize(r: PyRange): Int {
  const n = rangeLen(r);
  if (typeof n === 'bigint' && n > MAXSIZE) throw overflowError('Python int too large to convert to C ssize_t');
  return n;
}

/** The i-th item, 0 <= i < len. */
export function rangeAt(r: PyRange, i: Int): Int {
  return R.intAdd(r.start, R.intMul(r.step, i));
}

/** r[i] for an int i (negative counts from the end). */
export function rangeItem(r: PyRange, i: Int): Int {
  const n = rangeLen(r);
  let k = i;
  if (R.intSign(k) < 0) k = R.intAdd(k, n);
  if (R.intSign(k) < 0 || !R.intLt(k, n)) throw new RuntimeOpError('IndexError', 'range object index out of range');
  return rangeAt(r, k);
}

/** `x in r` for an int x. */
export function rangeContains(r: PyRange, x: Int): boolean {
  const { start, stop, step } = r;
  if (R.intSign(step) > 0 ? R.intLt(x, start) || !R.intLt(x, stop) : R.intLt(start, x) || !R.intLt(stop, x)) return false;
  return R.intIsZero(R.intMod(R.intSub(x, start), step));
}

/** r.index(x) for an int x. */
export function rangeIndexOf(r: PyRange, x: Int, repr: string): Int {
  if (!rangeContains(r, x)) throw valueError(`${repr} is not in range`);
  return R.intFloorDiv(R.intSub(x, r.start), r.step);
}

/**
 * r[start:stop:step] (CPython's compute_slice over _PySlice_GetLongIndices): the slice's indices,
 * given as ints or null for None, clamped exactly against the length and mapped through r.
 */
export function rangeSlice(r: PyRange, s0: Int | null, s1: Int | null, s2: Int | null): [Int, Int, Int] {
  const step = s2 ?? 1;
  if (R.intIsZero(step)) throw valueError('slice step cannot be zero');
  const n = rangeLen(r);
  const neg = R.intSign(step) < 0;
  const lower: Int = neg ? -1 : 0;
  const upper: Int = neg ? R.intSub(n, 1) : n;
  const clamp = (v: Int | null, def: Int): Int => {
    if (v === null) return def;
    if (R.intSign(v) < 0) {
      const w = R.intAdd(v, n);
      return R.intLt(w, lower) ? lower : w;
    }
    return R.intLt(upper, v) ? upper : v;
  };
  const start = clamp(s0, neg ? upper : lower);
  const stop = clamp(s1, neg ? lower : upper);
  return [rangeAt(r, start), rangeAt(r, stop), R.intMul(r.step, step)];
}

/** r == q (CPython's range_equals: the same sequence of items). */
export function rangeEquals(r: PyRange, q: PyRange): boolean {
  if (r === q) return true;
  const n = rangeLen(r);
  if (!R.intEq(n, rangeLen(q))) return false;
  if (R.intIsZero(n)) return true;
  if (!R.intEq(r.start, q.start)) return false;
  if (R.intEq(n, 1)) return true;
  return R.intEq(r.step, q.step);
}

/** The tuple CPython's range_hash hashes: (len, start, step), None where len says they do not count. */
export function rangeHashKey(r: PyRange): [Int, Int | null, Int | null] {
  const n = rangeLen(r);
  if (R.intIsZero(n)) return [n, null, null];
  return [n, r.start, R.intEq(n, 1) ? null : r.step];
}

/** repr(r), with the ints' own repr (their digit limit included). */
export function rangeRepr(r: PyRange, intRepr: (v: Int) => string): string {
  const body = `${intRepr(r.start)}, ${intRepr(r.stop)}`;
  return R.intEq(r.step, 1) ? `range(${body})` : `range(${body}, ${intRepr(r.step)})`;
}

/** The fields of reversed(r): the same items, last first. */
export function rangeReversed(r: PyRange): [Int, Int, Int] {
  const n = rangeLen(r);
  const last = rangeAt(r, R.intSub(n, 1));
  const negStep = R.intNeg(r.step);
  return [last, R.intAdd(last, R.intMul(negStep, n)), negStep];
}
