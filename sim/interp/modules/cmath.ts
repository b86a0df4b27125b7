/**
 * `cmath`: host code, as `math` — its functions are numeric kernels CPython runs in C with no
 * object traffic (../runtime/cmath.ts); each result is a new complex or float placed as the
 * arithmetic's are. Arguments convert as CPython's `Py_complex` converter does: complex, then
 * `__complex__`, then the real-number conversions, with "must be real number, not X".
 */
import type { Cx } from '../runtime/complex-ops.js';
import * as CM from '../runtime/cmath.js';
import { PyComplex, PyFloat, PyInstance, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, factoryModule, newFloat, newModule, toFloat, type Kw } from './kit.js';

export const cmath = factoryModule('cmath', makeCmath);

function toComplex(vm: Vm, v: PyVal): Cx {
  if (v instanceof PyComplex) return { re: v.re, im: v.im };
  if (v instanceof PyInstance) {
    const m = vm.lookup(v.cls, '__complex__');
    if (m !== undefined) {
      const r = vm.callValue(m, [v], null);
      if (!(r instanceof PyComplex)) throw vm.typeErr(`__complex__ returned non-complex (type ${vm.tn(r)})`);
      return { re: r.re, im: r.im };
    }
  }
  return { re: toFloat(vm, v), im: 0 };
}

function makeCmath(vm: Vm): PyModule {
  const m = newModule(vm, 'cmath');
  const C = (z: Cx): PyComplex => vm.placeComplex(vm.cur, z.re, z.im);
  const one = (name: string, a: PyVal[]): Cx => {
    if (a.length !== 1) throw vm.typeErr(`cmath.${name}() takes exactly one argument (${a.length} given)`);
    return toComplex(vm, a[0]!);
  };
  const unary: [string, (z: Cx) => Cx][] = [
    ['acos', CM.cmathAcos], ['acosh', CM.cmathAcosh], ['asin', CM.cmathAsin], ['asinh', CM.cmathAsinh],
    ['atan', CM.cmathAtan], ['atanh', CM.cmathAtanh], ['cos', CM.cmathCos], ['cosh', CM.cmathCosh],
    ['exp', CM.cmathExp],
  ];
  for (const [name, f] of unary) defineFn(vm, m, name, (a) => C(f(one(name, a))));
  defineFn(vm, m, 'isclose', (a, kw) => isclose(vm, a, kw));
  defineFn(vm, m, 'isfinite', (a) => CM.cmathIsfinite(one('isfinite', a)));
  defineFn(vm, m, 'isinf', (a) => CM.cmathIsinf(one('isinf', a)));
  defineFn(vm, m, 'isnan', (a) => CM.cmathIsnan(one('isnan', a)));
  defineFn(vm, m, 'log', (a, kw) => {
    if (a.length > 2) throw vm.typeErr(`log expected at most 2 arguments, got ${a.length}`);
    if (a.length === 0) throw vm.typeErr('log expected at least 1 argument, got 0');
    const base = a[1] ?? kw?.get('base');
    return C(CM.cmathLog(toComplex(vm, a[0]!), base === undefined ? undefined : toComplex(vm, base)));
  });
  defineFn(vm, m, 'log10', (a) => C(CM.cmathLog10(one('log10', a))));
  defineFn(vm, m, 'phase', (a) => newFloat(vm, CM.cmathPhase(one('phase', a))));
  defineFn(vm, m, 'polar', (a) => {
    const [r, phi] = CM.cmathPolar(one('polar', a));
    return vm.newTuple([newFloat(vm, r), newFloat(vm, phi)]);
  });
  defineFn(vm, m, 'rect', (a) => {
    if (a.length !== 2) throw vm.typeErr(`rect expected 2 arguments, got ${a.length}`);
    return C(CM.cmathRect(toFloat(vm, a[0]!), toFloat(vm, a[1]!)));
  });
  const more: [string, (z: Cx) => Cx][] = [
    ['sin', CM.cmathSin], ['sinh', CM.cmathSinh], ['sqrt', CM.cmathSqrt], ['tan', CM.cmathTan], ['tanh', CM.cmathTanh],
  ];
  for (const [name, f] of more) defineFn(vm, m, name, (a) => C(f(one(name, a))));
  const F = (x: number): PyFloat => newFloat(vm, x);
  defineValue(m, 'pi', F(Math.PI));
  defineValue(m, 'e', F(Math.E));
  defineValue(m, 'tau', F(2 * Math.PI));
  defineValue(m, 'inf', F(Infinity));
  defineValue(m, 'infj', C({ re: 0, im: Infinity }));
  defineValue(m, 'nan', F(NaN));
  defineValue(m, 'nanj', C({ re: 0, im: NaN }));
  return m;
}

/** isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) with Argument Clinic's messages. */
function isclose(vm: Vm, a: PyVal[], kw: Kw): boolean {
  if (a.length > 2) throw vm.typeErr(`isclose() takes exactly 2 positional arguments (${a.length} given)`);
  const get = (i: number, name: string): PyVal => {
    const v = a[i] ?? kw?.get(name);
    if (v === undefined) throw vm.typeErr(`isclose() missing required argument '${name}' (pos ${i + 1})`);
    return v;
  };
  const x = toComplex(vm, get(0, 'a'));
  const y = toComplex(vm, get(1, 'b'));
  for (const k of kw?.keys() ?? []) {
    if (!['a', 'b', 'rel_tol', 'abs_tol'].includes(k)) throw vm.typeErr(`isclose() got an unexpected keyword argument '${k}'`);
  }
  const rel = kw?.has('rel_tol') ? toFloat(vm, kw.get('rel_tol')!) : 1e-9;
  const abs = kw?.has('abs_tol') ? toFloat(vm, kw.get('abs_tol')!) : 0;
  if (rel < 0 || abs < 0) throw vm.err('ValueError', 'tolerances must be non-negative');
  return CM.cmathIsclose(x, y, rel, abs);
}
