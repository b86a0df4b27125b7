/**
 * `math`: CPython's math module on host doubles and bigints, with its domain/range errors
 * ("math domain error", "math range error") and integer functions exact on bigints.
 */
import * as R from '../runtime/int-ops.js';
import * as M from '../runtime/math.js';
import { mathFsum, mathHypot, mathIsqrt } from '../runtime/math.js';
import { mathCbrt, mathErf, mathErfc, mathExp2, mathGamma, mathLgamma } from '../runtime/math-special.js';
import { PyFloat, PyInstance, type PyExc, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, isIntLike, newFloat, newModule, toFloat, toInt, factoryModule } from './kit.js';

export const math = factoryModule('math', makeMath);

const domainError = (vm: Vm): PyExc => vm.err('ValueError', 'math domain error');

function makeMath(vm: Vm): PyModule {
  const m = newModule(vm, 'math');
  addRealFunctions(vm, m);
  addLogPowAndParts(vm, m);
  addRounding(vm, m);
  addIntegerFunctions(vm, m);
  addSums(vm, m);
  return m;
}

/** One-argument float functions and the constants. */
function addRealFunctions(vm: Vm, m: PyModule): void {
  const F = (x: number): PyFloat => newFloat(vm, x);
  // The runtime's kernels give glibc's results (correctly rounded, or glibc's own algorithm where
  // glibc is not: erf, erfc, cbrt) and throw math's domain/range errors themselves.
  const f1 = (name: string, g: (x: number) => number): void => {
    defineFn(vm, m, name, (a) => {
      if (a.length !== 1) throw vm.typeErr(`math.${name}() takes exactly one argument (${a.length} given)`);
      return F(g(toFloat(vm, a[0]!)));
    });
  };
  defineValue(m, 'pi', F(M.pi));
  defineValue(m, 'e', F(M.e));
  defineValue(m, 'tau', F(M.tau));
  defineValue(m, 'inf', F(Infinity));
  defineValue(m, 'nan', F(NaN));
  const unary: [string, (x: number) => number][] = [
    ['sqrt', M.mathSqrt], ['exp', M.mathExp], ['expm1', M.mathExpm1], ['log1p', M.mathLog1p],
    ['sin', M.mathSin], ['cos', M.mathCos], ['tan', M.mathTan],
    ['asin', M.mathAsin], ['acos', M.mathAcos], ['atan', M.mathAtan],
    ['sinh', M.mathSinh], ['cosh', M.mathCosh], ['tanh', M.mathTanh],
    ['asinh', M.mathAsinh], ['acosh', M.mathAcosh], ['atanh', M.mathAtanh],
    ['fabs', M.mathFabs], ['degrees', M.mathDegrees], ['radians', M.mathRadians],
    ['gamma', mathGamma], ['lgamma', mathLgamma], ['erf', mathErf], ['erfc', mathErfc],
    ['cbrt', mathCbrt], ['exp2', mathExp2],
  ];
  for (const [name, g] of unary) f1(name, g);
  // IEEE 754 remainder: x - n*y with n the integer nearest x/y, ties to even (computed with fmod
  // so that it is exact).
  defineFn(vm, m, 'remainder', (a) => {
    const x = toFloat(vm, a[0]!), y = toFloat(vm, a[1]!);
    if (Number.isNaN(x)) return F(x);
    if (Number.isNaN(y)) return F(y);
    if (!Number.isFinite(x) || y === 0) throw domainError(vm);
    if (!Number.isFinite(y)) return F(x);
    const ax = Math.abs(x), ay = Math.abs(y);
    const mod = ax % ay;
    const c = ay - mod;
    let r: number;
    if (mod < c) r = mod;
    else if (mod > c) r = -c;
    else r = mod - 2.0 * ((0.5 * (ax - mod)) % ay);
    return F(x < 0 || Object.is(x, -0) ? -r : r);
  });
  defineFn(vm, m, 'nextafter', (a) => F(nextAfter(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  defineFn(vm, m, 'ulp', (a) => {
    let x = Math.abs(toFloat(vm, a[0]!));
    if (Number.isNaN(x) || !Number.isFinite(x)) return F(x);
    let x2 = nextAfter(x, Infinity);
    if (!Number.isFinite(x2)) {
      x2 = nextAfter(x, -Infinity);
      [x, x2] = [x2, x];
    }
    return F(x2 - x);
  });
}

function addLogPowAndParts(vm: Vm, m: PyModule): void {
  const F = (x: number): PyFloat => newFloat(vm, x);
  // log of an int is taken from its bits (exact for ints past the float range), as CPython's.
  const logArg = (v: PyVal): [number | R.IntVal, boolean] => isIntLike(v) ? [toInt(vm, v), true] : [toFloat(vm, v), false];
  defineFn(vm, m, 'log', (a) => {
    if (a.length < 1 || a.length > 2) throw vm.typeErr(`log expected ${a.length < 1 ? 'at least 1 argument' : 'at most 2 arguments'}, got ${a.length}`);
    const [x, xi] = logArg(a[0]!);
    if (a.length === 1) return F(M.mathLog(x, undefined, xi));
    const [b, bi] = logArg(a[1]!);
    return F(M.mathLog(x, b, xi, bi));
  });
  defineFn(vm, m, 'log2', (a) => {
    const [x, xi] = logArg(a[0]!);
    return F(M.mathLog2(x, xi));
  });
  defineFn(vm, m, 'log10', (a) => {
    const [x, xi] = logArg(a[0]!);
    return F(M.mathLog10(x, xi));
  });
  defineFn(vm, m, 'pow', (a) => F(M.mathPow(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  defineFn(vm, m, 'atan2', (a) => F(M.mathAtan2(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  defineFn(vm, m, 'hypot', (a) => F(mathHypot(...a.map((x) => toFloat(vm, x)))));
  defineFn(vm, m, 'copysign', (a) => F(M.mathCopysign(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  defineFn(vm, m, 'fmod', (a) => F(M.mathFmod(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  defineFn(vm, m, 'modf', (a) => {
    const [f, i] = M.mathModf(toFloat(vm, a[0]!));
    return vm.newTuple([F(f), F(i)]);
  });
  defineFn(vm, m, 'frexp', (a) => {
    const [mant, e] = M.mathFrexp(toFloat(vm, a[0]!));
    return vm.newTuple([F(mant), e]);
  });
  defineFn(vm, m, 'ldexp', (a) => {
    if (!isIntLike(a[1]!)) throw vm.typeErr('Expected an int as second argument to ldexp.');
    return F(M.mathLdexp(toFloat(vm, a[0]!), toInt(vm, a[1]!)));
  });
}

function addRounding(vm: Vm, m: PyModule): void {
  const toIntResult = (x: number, name: string): PyVal => {
    if (Number.isNaN(x)) throw vm.err('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw vm.err('OverflowError', 'cannot convert float infinity to integer');
    void name;
    return Number.isSafeInteger(x) ? (x === 0 ? 0 : x) : BigInt(x);
  };
  const rounder = (name: string, g: (x: number) => number): void => {
    defineFn(vm, m, name, (a) => {
      const v = a[0]!;
      if (isIntLike(v)) return toInt(vm, v);
      if (v instanceof PyInstance) {
        const mm = vm.lookup(v.cls, `__${name}__`);
        if (mm !== undefined) return vm.callValue(mm, [v], null);
      }
      return toIntResult(g(toFloat(vm, v)), name);
    });
  };
  rounder('floor', Math.floor);
  rounder('ceil', Math.ceil);
  rounder('trunc', Math.trunc);
  defineFn(vm, m, 'isfinite', (a) => Number.isFinite(toFloat(vm, a[0]!)));
  defineFn(vm, m, 'isinf', (a) => {
    const x = toFloat(vm, a[0]!);
    return !Number.isFinite(x) && !Number.isNaN(x);
  });
  defineFn(vm, m, 'isnan', (a) => Number.isNaN(toFloat(vm, a[0]!)));
  defineFn(vm, m, 'isclose', (a, kw) => {
    const x = toFloat(vm, a[0]!), y = toFloat(vm, a[1]!);
    const rt = kw?.get('rel_tol') !== undefined ? toFloat(vm, kw.get('rel_tol')!) : 1e-9;
    const at = kw?.get('abs_tol') !== undefined ? toFloat(vm, kw.get('abs_tol')!) : 0;
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    const d = Math.abs(x - y);
    return d <= Math.abs(rt * y) || d <= Math.abs(rt * x) || d <= at;
  });
}

/** gcd, lcm, factorial, comb, perm, isqrt: exact on bigints. */
function addIntegerFunctions(vm: Vm, m: PyModule): void {
  const None = vm.None;
  const big = (v: PyVal): bigint => BigInt(toInt(vm, v));
  const gcd2 = (x: bigint, y: bigint): bigint => {
    x = x < 0n ? -x : x;
    y = y < 0n ? -y : y;
    while (y) [x, y] = [y, x % y];
    return x;
  };
  defineFn(vm, m, 'gcd', (a) => R.normInt(a.reduce<bigint>((acc, v) => gcd2(acc, big(v)), 0n)));
  defineFn(vm, m, 'lcm', (a) => R.normInt(a.reduce<bigint>((acc, v) => {
    const b = big(v);
    if (acc === 0n || b === 0n) return 0n;
    const l = (acc * b) / gcd2(acc, b);
    return l < 0n ? -l : l;
  }, 1n)));
  defineFn(vm, m, 'factorial', (a) => {
    const v = a[0]!;
    if (v instanceof PyFloat) throw vm.typeErr("'float' object cannot be interpreted as an integer");
    const n = big(v);
    if (n < 0n) throw vm.err('ValueError', 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return R.normInt(r);
  });
  defineFn(vm, m, 'comb', (a) => {
    const n = big(a[0]!), k = big(a[1]!);
    if (n < 0n || k < 0n) throw vm.err('ValueError', `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
    if (k > n) return 0;
    let r = 1n;
    const kk = k < n - k ? k : n - k;
    for (let i = 0n; i < kk; i++) r = (r * (n - i)) / (i + 1n);
    return R.normInt(r);
  });
  defineFn(vm, m, 'perm', (a) => {
    const n = big(a[0]!), k = a[1] === undefined || a[1] === None ? n : big(a[1]);
    if (n < 0n || k < 0n) throw vm.err('ValueError', `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
    if (k > n) return 0;
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return R.normInt(r);
  });
  defineFn(vm, m, 'isqrt', (a) => {
    const n = big(a[0]!);
    if (n < 0n) throw vm.err('ValueError', 'isqrt() argument must be nonnegative');
    // Newton on bigints (runtime/math-core.ts): a float estimate stepped by one is far off for large n.
    return mathIsqrt(R.normInt(n));
  });
  // Shewchuk's exact summation with CPython's inf/nan/overflow rules (runtime/math.ts).
}

function addSums(vm: Vm, m: PyModule): void {
  const F = (x: number): PyFloat => newFloat(vm, x);
  defineFn(vm, m, 'fsum', (a) => F(mathFsum(vm.toList(a[0]!).map((x) => toFloat(vm, x)))));
  defineFn(vm, m, 'prod', (a, kw) => {
    let acc: PyVal = kw?.get('start') ?? 1;
    for (const v of vm.toList(a[0]!)) acc = vm.binop(acc, v, 5);
    return acc;
  });
  defineFn(vm, m, 'dist', (a) => {
    const p = vm.toList(a[0]!).map((x) => toFloat(vm, x)), q = vm.toList(a[1]!).map((x) => toFloat(vm, x));
    return F(mathHypot(...p.map((x, i) => x - q[i]!)));
  });
}

/** C's nextafter: the float after x in the direction of y. */
function nextAfter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, (y > x) === (x > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
