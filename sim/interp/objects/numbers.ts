/**
 * int, bool and float: constructors (CPython's int()/float() conversions), round(), and the
 * numeric types' methods (explicit dunders run the same operations as the operators).
 */
import * as R from '../runtime/int-ops.js';
import { floatFromStr as rtFloatFromStr, floatRound as rtFloatRound } from '../runtime/float-ops.js';
import { floatFromHex, floatToHex } from '../runtime/float-hex.js';
import type { Vm } from '../vm/vm.js';
import { PyBoxed, PyBytes, PyFloat, PyObject, PyWrapper, type PyVal } from '../values.js';
import type { BytesParts } from './bytes.js';
import { CMP_DUNDER, OP_DUNDER, type Kit, type Kw } from './kit.js';

/** int(x) of a non-str value, and round(). */
export function makeNumberParts(vm: Vm, kit: Kit) {
  const { None, err, isIntLike, intOf, F, tn, index, callm, bytesStr } = kit;
  /** int(x) of a double: truncated, with CPython's errors for NaN and the infinities. */
  const intFromFloat = (x: number): PyVal => {
    if (Number.isNaN(x)) throw err('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw err('OverflowError', 'cannot convert float infinity to integer');
    const tr = Math.trunc(x);
    return Number.isSafeInteger(tr) ? (tr === 0 ? 0 : tr) : BigInt(tr);
  };
  const intFromAny = (v: PyVal): PyVal => {
    if (isIntLike(v)) return intOf(v);
    if (v instanceof PyFloat) return intFromFloat(v.v);
    if (typeof v === 'string') return R.intFromStr(v, 10);
    if (v instanceof PyBytes) return R.intFromStr(bytesStr(v), 10);
    if (v instanceof PyBoxed && typeof v.prim === 'string' && vm.lookup(v.cls, '__int__') === undefined) return R.intFromStr(v.prim, 10);
    const m = v instanceof PyObject ? vm.lookup(v.cls, '__int__') ?? vm.lookup(v.cls, '__index__') : undefined;
    if (m !== undefined) return vm.callValue(m, [v], null);
    throw vm.typeErr(`int() argument must be a string, a bytes-like object or a real number, not '${tn(v)}'`);
  };
  const roundHalfEven = (x: number): number => {
    const r = Math.round(x);
    return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
  };
  const roundImpl = (v: PyVal, nd: PyVal | undefined): PyVal => {
    if (isIntLike(v)) {
      if (nd === undefined || nd === None) return intOf(v);
      const n = Number(index(nd));
      if (n >= 0) return intOf(v);
      const p = R.intPow(10, -n);
      const x = intOf(v);
      const q = R.intFloorDiv(x, p), r = R.intMod(x, p);
      const twice = R.intMul(r, 2);
      let qq = q;
      if (twice > p || (twice === p && R.intMod(q, 2) !== 0)) qq = R.intAdd(q, 1);
      return R.intMul(qq, p);
    }
    if (v instanceof PyFloat) {
      const x = v.v;
      if (nd === undefined || nd === None) {
        if (!Number.isFinite(x)) throw err(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        const r = roundHalfEven(x);
        return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : BigInt(r);
      }
      return F(rtFloatRound(x, index(nd)) as number);
    }
    const r = callm(v, '__round__', nd === undefined ? [] : [nd]);
    if (r !== undefined) return r;
    throw vm.typeErr(`type ${tn(v)} doesn't define __round__ method`);
  };
  return { intFromAny, intFromFloat, roundImpl };
}
export type NumberParts = ReturnType<typeof makeNumberParts>;

/** int(), bool(), float(). */
export function installNumberCtors(vm: Vm, kit: Kit, p: NumberParts): void {
  const { T, F, isIntLike, intOf, tn, index, kwArg, ctor } = kit;
  const { intFromAny } = p;
  ctor(T.int, (a, kw) => {
    const base = kwArg(kw, 'base') ?? a[1];
    if (a.length === 0) return 0;
    if (base !== undefined) {
      if (a[0] instanceof PyBoxed && typeof a[0].prim === 'string') return R.intFromStr(a[0].prim, Number(index(base)));
      if (typeof a[0] !== 'string') throw vm.typeErr("int() can't convert non-string with explicit base");
      return R.intFromStr(a[0], Number(index(base)));
    }
    return intFromAny(a[0]!);
  });
  ctor(T.bool, (a) => (a.length === 0 ? false : vm.truthy(a[0]!)));
  ctor(T.float, (a) => {
    if (a.length === 0) return F(0);
    const v = a[0]!;
    if (v instanceof PyFloat) return v;
    if (isIntLike(v)) return F(R.intToFloat(intOf(v)));
    if (typeof v === 'string') return F(rtFloatFromStr(v));
    if (v instanceof PyBoxed && typeof v.prim === 'string' && vm.lookup(v.cls, '__float__') === undefined) return F(rtFloatFromStr(v.prim));
    const m = v instanceof PyObject ? vm.lookup(v.cls, '__float__') : undefined;
    if (m !== undefined) return vm.callValue(m, [v], null);
    throw vm.typeErr(`float() argument must be a string or a real number, not '${tn(v)}'`);
  });
}

/** The numeric types' methods; `builtinBin` is the operators' own arithmetic. */
export function installNumberMethods(vm: Vm, kit: Kit, p: NumberParts, bytes: BytesParts,
  builtinBin: (a: PyVal, b: PyVal, op: number, inplace: boolean) => PyVal): void {
  const { T, None, err, isIntLike, intOf, isNum, fnum, F, tn, index, kwArg } = kit;
  const { intFromAny, intFromFloat, roundImpl } = p;
  const { makeBytes, bytesOf } = bytes;
  vm.method(T.float, 'hex', (a) => floatToHex((a[0] as PyFloat).v));
  T.float.dict.set('fromhex', new PyWrapper(T.classmethod, vm.builtin('fromhex', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`must be str, not ${tn(a[1]!)}`);
    let v: number | null;
    try {
      v = floatFromHex(a[1]);
    } catch (e) {
      throw err('OverflowError', (e as Error).message);
    }
    if (v === null) throw err('ValueError', 'invalid hexadecimal floating-point string');
    return a[0] === T.float ? vm.float(v) : vm.callValue(a[0]!, [vm.float(v)], null);
  }), None, None, None));
  vm.method(T.int, 'bit_length', (a) => {
    const x = intOf(a[0] as number);
    const v = x < 0 ? -BigInt(x) : BigInt(x);
    return v === 0n ? 0 : v.toString(2).length;
  });
  vm.method(T.int, 'bit_count', (a) => {
    const x = intOf(a[0] as number);
    return (x < 0 ? -BigInt(x) : BigInt(x)).toString(2).replace(/0/g, '').length;
  });
  // Explicit dunder calls on numbers ((5).__add__(3), int.__mul__, float.__radd__ ...): the
  // builtin operation, or NotImplemented for an operand of another kind.
  for (const nt of [T.int, T.float]) {
    const same = (x: PyVal): boolean => (nt === T.int ? isIntLike(x) : isNum(x));
    OP_DUNDER.forEach((nm, op) => {
      if (nm === 'matmul') return;
      vm.method(nt, `__${nm}__`, (a) => (same(a[1]!) ? builtinBin(a[0]!, a[1]!, op, false) : vm.NotImplemented));
      vm.method(nt, `__r${nm}__`, (a) => (same(a[1]!) ? builtinBin(a[1]!, a[0]!, op, false) : vm.NotImplemented));
    });
    CMP_DUNDER.forEach((nm, op) => vm.method(nt, nm, (a) => (isNum(a[1]!) ? vm.compare(a[0]!, a[1]!, op) : vm.NotImplemented)));
    // divmod's own arithmetic, reached through the builtin (a subclass instance arrives unboxed).
    const divmod = (x: PyVal, y: PyVal): PyVal => vm.callValue(vm.builtins.getStr('divmod')!, [x, y], null);
    vm.method(nt, '__divmod__', (a) => (same(a[1]!) ? divmod(a[0]!, a[1]!) : vm.NotImplemented));
    vm.method(nt, '__rdivmod__', (a) => (same(a[1]!) ? divmod(a[1]!, a[0]!) : vm.NotImplemented));
    vm.method(nt, '__getnewargs__', (a) => vm.newTuple([a[0]!]));
    vm.method(nt, '__neg__', (a) => vm.unary(a[0]!, 0));
    vm.method(nt, '__pos__', (a) => vm.unary(a[0]!, 1));
    vm.method(nt, '__abs__', (a) => (isIntLike(a[0]!) ? R.intAbs(intOf(a[0] as number)) : F(Math.abs((a[0] as PyFloat).v))));
    vm.method(nt, '__bool__', (a) => vm.truthy(a[0]!));
    vm.method(nt, '__hash__', (a) => vm.hash(a[0]!));
    vm.method(nt, '__int__', (a) => intFromAny(a[0]!));
    vm.method(nt, '__float__', (a) => F(fnum(a[0]!)));
    vm.method(nt, '__repr__', (a) => vm.repr(a[0]!));
    vm.method(nt, '__str__', (a) => vm.repr(a[0]!));
  }
  vm.method(T.int, '__invert__', (a) => vm.unary(a[0]!, 2));
  vm.method(T.int, 'conjugate', (a) => intOf(a[0] as number));
  vm.method(T.int, '__index__', (a) => intOf(a[0] as number));
  // An int rounds to itself (round(n, -k) rounds to tens, as round() does); math.floor/ceil/trunc find these.
  vm.method(T.int, '__round__', (a) => roundImpl(intOf(a[0] as number), a[1]));
  for (const nm of ['__trunc__', '__floor__', '__ceil__']) vm.method(T.int, nm, (a) => intOf(a[0] as number));
  vm.method(T.int, 'to_bytes', (a, kw) => {
    const x = BigInt(intOf(a[0] as number));
    const len = Number(index(a[1] ?? kwArg(kw, 'length') ?? 1));
    const order = (a[2] ?? kwArg(kw, 'byteorder') ?? 'big') as string;
    const out = new Uint8Array(len);
    let v = x < 0n ? (1n << BigInt(8 * len)) + x : x;
    for (let i = 0; i < len; i++) {
      out[order === 'big' ? len - 1 - i : i] = Number(v & 255n);
      v >>= 8n;
    }
    if (v !== 0n) throw err('OverflowError', 'int too big to convert');
    return makeBytes(T.bytes, out);
  });
  const fromBytes = (a: PyVal[], kw: Kw): PyVal => {
    const b0 = a[0] ?? kwArg(kw, 'bytes');
    if (b0 === undefined) throw vm.typeErr("from_bytes() missing required argument 'bytes' (pos 1)");
    const bytes = bytesOf(b0);
    const order = (a[1] ?? kwArg(kw, 'byteorder') ?? 'big') as string;
    const signed = vm.truthy(kwArg(kw, 'signed') ?? false);
    let v = 0n;
    const seq = order === 'big' ? bytes : bytes.slice().reverse();
    for (const b of seq) v = (v << 8n) | BigInt(b);
    if (signed && bytes.length > 0 && (seq[0]! & 0x80)) v -= 1n << BigInt(8 * bytes.length);
    return R.normInt(v);
  };
  T.int.dict.set('from_bytes', new PyWrapper(T.classmethod, vm.builtin('from_bytes', (a, kw) => fromBytes(a.slice(1), kw)), None, None, None));
  vm.method(T.float, 'is_integer', (a) => Number.isInteger((a[0] as PyFloat).v));
  vm.method(T.float, 'as_integer_ratio', (a) => {
    const x = (a[0] as PyFloat).v;
    if (!Number.isFinite(x)) throw err(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
    let m = x, e = 0n;
    while (!Number.isInteger(m)) {
      m *= 2;
      e++;
    }
    let n = BigInt(m), d = 1n << e;
    const g = (p: bigint, q: bigint): bigint => (q === 0n ? (p < 0n ? -p : p) : g(q, p % q));
    const gg = g(n, d);
    n /= gg;
    d /= gg;
    return vm.newTuple([R.normInt(n), R.normInt(d)]);
  });
  vm.method(T.float, 'hex', (a) => {
    // CPython's float.hex: [-]0x<lead>.<13 hex digits>p<exp>, subnormals with lead 0 and p-1022.
    const x = (a[0] as PyFloat).v;
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    const sign = x < 0 || Object.is(x, -0) ? '-' : '';
    if (x === 0) return sign + '0x0.0p+0';
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, Math.abs(x));
    const hi = buf.getUint32(0), lo = buf.getUint32(4);
    const biased = hi >>> 20;
    const mant = (hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0');
    const exp = biased === 0 ? -1022 : biased - 1023;
    return `${sign}0x${biased === 0 ? 0 : 1}.${mant}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
  });
  vm.method(T.float, 'conjugate', (a) => a[0]!);
  vm.method(T.float, '__round__', (a) => roundImpl(a[0]!, a[1]));
  vm.method(T.float, '__trunc__', (a) => intFromFloat((a[0] as PyFloat).v));
  vm.method(T.float, '__floor__', (a) => intFromFloat(Math.floor((a[0] as PyFloat).v)));
  vm.method(T.float, '__ceil__', (a) => intFromFloat(Math.ceil((a[0] as PyFloat).v)));
}
