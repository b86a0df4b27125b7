/* eslint-disable no-control-regex -- CPython's whitespace and printable classes include control characters. */
/**
 * Built-in types' behaviour (the object protocols: repr/str/hash/eq/compare/arithmetic/iteration/
 * subscripts), the built-in functions and the exception hierarchy, with CPython 3.11's messages.
 */
import { PyDict, PySet } from './dict.js';
import { installMatchHelpers } from './match-runtime.js';
import { installExceptionTypes } from './objects/exceptions.js';
import * as Rg from './objects/range.js';
import { installTypeForms } from './objects/type-forms.js';
import * as RF from './runtime/str-format.js';
import { formatFloat, formatInt, formatStr } from './runtime/format-spec.js';
import { floatDivmod as rtFloatDivmod, floatFloorDiv as rtFloatFloorDiv, floatFromStr as rtFloatFromStr, floatMod as rtFloatMod, floatPow as rtFloatPow, floatRepr as rtFloatRepr, floatRound as rtFloatRound } from './runtime/float-ops.js';
import { percentFormat, type PercentArgs, type PercentConv } from './runtime/percent-format.js';
import type { Protocols } from './vm/protocols.js';
import type { Vm } from './vm/vm.js';
import * as R from './runtime/int-ops.js';
import { floatFromHex, floatToHex } from './runtime/float-hex.js';
import * as RS from './runtime/str-methods.js';
import { bytesHash as rtBytesHash, strHash as strHashRt } from './runtime/str-hash.js';
import { PyGenerator, U_FIELD, type Frame } from './thread.js';
import {
  PyBuiltin, PyBytes, PyCell, PyExc, PyFloat, PyFunction, PyInstance, PyIter, PyList, PyMethod, PyModule, PyObject,
  PyRange, PySlice, PySuper, PyTuple, PyType, PyWrapper, CodeHolder, type BuiltinImpl, type PyVal,
} from './values.js';

type Kw = Map<string, PyVal> | null;

const OP_SYM = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
const OP_DUNDER = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];
const CMP_SYM = ['<', '<=', '==', '!=', '>', '>='];
const CMP_DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SWAP = [4, 5, 2, 3, 0, 1];

/** A dict view (keys/values/items). */
export class PyView extends PyObject {
  d: PyDict;
  kind: 0 | 1 | 2;
  constructor(cls: PyType, d: PyDict, kind: 0 | 1 | 2) {
    super(cls);
    this.d = d;
    this.kind = kind;
  }
}

export function installBuiltins(vm: Vm): Protocols {
  const T = vm.T;
  const None = vm.None;
  const B = vm.builtins;
  const err = (n: string, m: string): PyExc => vm.err(n, m);
  const isIntLike = (v: PyVal): v is number | bigint | boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  const intOf = (v: number | bigint | boolean): R.IntVal => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
  const isNum = (v: PyVal): boolean => isIntLike(v) || v instanceof PyFloat;
  const fnum = (v: PyVal): number => (v instanceof PyFloat ? v.v : R.intToFloat(intOf(v as number)));
  const F = (x: number): PyFloat => vm.placeFloat(vm.cur, x);
  const tn = (v: PyVal): string => vm.typeOf(v).name;
  const viewTypes = [vm.makeType('dict_keys', [T.object], 'iterator', true), vm.makeType('dict_values', [T.object], 'iterator', true),
    vm.makeType('dict_items', [T.object], 'iterator', true)];
  const iterT = (name: string): PyType => vm.makeType(name, [T.object], 'iterator', true);
  const listIterT = iterT('list_iterator'), tupleIterT = iterT('tuple_iterator'), strIterT = iterT('str_ascii_iterator');
  const rangeIterT = iterT('range_iterator'), dictKeyIterT = iterT('dict_keyiterator'), setIterT = iterT('set_iterator');
  const enumT = vm.makeType('enumerate', [T.object], 'iterator', true);
  const zipT = vm.makeType('zip', [T.object], 'iterator', true);
  const mapT = vm.makeType('map', [T.object], 'iterator', true);
  const filterT = vm.makeType('filter', [T.object], 'iterator', true);
  const reversedT = vm.makeType('reversed', [T.object], 'iterator', true);
  const mkIter = (tp: PyType, next: () => PyVal | undefined): PyIter => {
    const it = new PyIter(tp, next);
    it.addr = vm.tmp(vm.cur, 48);
    return it;
  };

  installExceptionTypes(vm);
  const typeForms = installTypeForms(vm);

  // ───────────── helpers ─────────────
  const index = (v: PyVal, what?: string): R.IntVal => {
    if (isIntLike(v)) return intOf(v);
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__index__');
      if (m !== undefined) return index(vm.callValue(m, [v], null));
    }
    throw vm.typeErr(what ?? `'${tn(v)}' object cannot be interpreted as an integer`);
  };
  const smallIndex = (v: PyVal, what?: string): number => {
    const i = index(v, what);
    if (typeof i === 'bigint') throw err('IndexError', 'cannot fit \'int\' into an index-sized integer');
    return i;
  };
  /** CPython's PySlice_GetIndicesEx. */
  const sliceIdx = (s: PySlice, len: number): [number, number, number, number] => {
    const step = s.step === None ? 1 : smallIndex(s.step, 'slice indices must be integers or None or have an __index__ method');
    if (step === 0) throw err('ValueError', 'slice step cannot be zero');
    const conv = (v: PyVal, def: number, lo: number, hi: number): number => {
      if (v === None) return def;
      let i = smallIndex(v, 'slice indices must be integers or None or have an __index__ method');
      if (i < 0) {
        i += len;
        if (i < 0) i = lo;
      } else if (i > hi) i = hi;
      return i;
    };
    let start: number, stop: number;
    if (step > 0) {
      start = conv(s.start, 0, 0, len);
      stop = conv(s.stop, len, 0, len);
    } else {
      start = conv(s.start, len - 1, -1, len - 1);
      stop = conv(s.stop, -1, -1, len - 1);
    }
    let n = 0;
    if (step > 0) n = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    else n = stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    return [start, stop, step, n];
  };
  const sliceOf = <X>(items: ArrayLike<X>, s: PySlice): X[] => {
    const [start, , step, n] = sliceIdx(s, items.length);
    const out: X[] = new Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j]!;
    return out;
  };
  const seqIndex = (k: PyVal, len: number, what: string, tpName: string): number => {
    if (!isIntLike(k)) {
      if (k instanceof PyInstance && vm.lookup(k.cls, '__index__')) return seqIndex(index(k), len, what, tpName);
      throw vm.typeErr(`${tpName} indices must be integers or slices, not ${tn(k)}`);
    }
    let i = intOf(k);
    if (typeof i === 'bigint') throw err('IndexError', what);
    if (i < 0) i += len;
    if (i < 0 || i >= len) throw err('IndexError', what);
    return i;
  };
  const callm = (o: PyVal, name: string, args: PyVal[]): PyVal | undefined => {
    const m = vm.lookup(vm.typeOf(o), name);
    if (m === undefined) return undefined;
    return vm.callValue(m, [o, ...args], null);
  };
  const kwArg = (kw: Kw, name: string): PyVal | undefined => kw?.get(name);
  const nargs = (a: PyVal[], lo: number, hi: number, fname: string): void => {
    if (a.length < lo || a.length > hi) {
      if (lo === hi) throw vm.typeErr(`${fname}() takes exactly ${lo === 1 ? 'one argument' : `${lo} arguments`} (${a.length} given)`);
      if (a.length < lo) throw vm.typeErr(`${fname} expected at least ${lo} argument${lo > 1 ? 's' : ''}, got ${a.length}`);
      throw vm.typeErr(`${fname} expected at most ${hi} argument${hi > 1 ? 's' : ''}, got ${a.length}`);
    }
  };
  const hexAddr = (v: PyObject): string => '0x' + vm.id(v).toString(16).padStart(12, '0');

  // ───────────── repr / str ─────────────
  const floatRepr = rtFloatRepr;
  const reprProto = (v: PyVal): string => {
    switch (typeof v) {
      case 'number': return String(v);
      case 'bigint': return R.intToStr(v);
      case 'boolean': return v ? 'True' : 'False';
      case 'string': return RS.strRepr(v);
    }
    if (v === None) return 'None';
    if (v instanceof PyFloat) return floatRepr(v.v);
    if (!v.cls.builtin && !(v instanceof PyInstance)) {
      // A user subclass of a builtin container: its own __repr__ if it defines one.
      const m = vm.lookup(v.cls, '__repr__');
      if (m instanceof PyFunction) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__repr__ returned non-string (type ${tn(r)})`);
        return r;
      }
    }
    if (v instanceof PyList) return vm.reprGuard(v, () => '[' + v.items.map((x) => vm.repr(x)).join(', ') + ']', '[...]');
    if (v instanceof PyTuple) {
      if (v.cls !== T.tuple && v.cls.builtin === false) {
        const m = vm.lookup(v.cls, '__repr__');
        if (m instanceof PyFunction) return vm.str(vm.callValue(m, [v], null));
      }
      if (v.items.length === 1) return '(' + vm.repr(v.items[0]!) + ',)';
      return vm.reprGuard(v, () => '(' + v.items.map((x) => vm.repr(x)).join(', ') + ')', '(...)');
    }
    if (v instanceof PyDict) {
      return vm.reprGuard(v, () => {
        const parts: string[] = [];
        for (const i of v.entries()) parts.push(vm.repr(v.keys[i]!) + ': ' + vm.repr(v.vals[i]!));
        return '{' + parts.join(', ') + '}';
      }, '{...}');
    }
    if (v instanceof PySet) {
      const items = v.items();
      const name = v.cls === T.frozenset ? 'frozenset' : v.cls === T.set ? 'set' : v.cls.name;
      if (items.length === 0) return name + '()';
      const body = vm.reprGuard(v, () => '{' + items.map((x) => vm.repr(x)).join(', ') + '}', '...');
      return v.cls === T.set ? body : `${name}(${body})`;
    }
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__repr__');
      if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__repr__ returned non-string (type ${tn(r)})`);
        return r;
      }
      const mod = v.cls.module;
      return `<${mod === 'builtins' ? '' : mod + '.'}${v.cls.qualname} object at ${hexAddr(v)}>`;
    }
    if (v instanceof PyType) {
      return v.module === 'builtins' ? `<class '${v.qualname}'>` : `<class '${v.module}.${v.qualname}'>`;
    }
    if (v instanceof PyBytes) return bytesRepr(v);
    if (v instanceof PyRange) return Rg.rangeRepr(v, (x) => vm.repr(x));
    if (v instanceof PyFunction) return `<function ${v.qualname} at ${hexAddr(v)}>`;
    if (v instanceof PyBuiltin) {
      return v.isMethod ? `<method '${v.name}' of '${v.ownerName}' objects>` : `<built-in function ${v.name}>`;
    }
    if (v instanceof PyMethod) {
      const fq = v.func instanceof PyFunction ? v.func.qualname : v.func instanceof PyBuiltin ? v.func.name : '?';
      if (v.func instanceof PyBuiltin) return `<built-in method ${v.func.name} of ${tn(v.self)} object at ${hexAddr(v.self as PyObject)}>`;
      return `<bound method ${fq} of ${vm.repr(v.self)}>`;
    }
    if (v instanceof PyModule) return `<module '${v.name}' (built-in)>`;
    if (v instanceof PySlice) return `slice(${vm.repr(v.start)}, ${vm.repr(v.stop)}, ${vm.repr(v.step)})`;
    if (v instanceof PyGenerator) return `<${v.cls.name} object ${v.qualname} at ${hexAddr(v)}>`;
    if (v instanceof PyView) {
      const name = ['dict_keys', 'dict_values', 'dict_items'][v.kind];
      return `${name}(${vm.repr(vm.newList(viewItems(v)))})`;
    }
    if (v === vm.Ellipsis) return 'Ellipsis';
    if (v === vm.NotImplemented) return 'NotImplemented';
    if (v instanceof PyCell) return `<cell at ${hexAddr(v)}>`;
    if (v instanceof PyWrapper) return `<${v.cls.name} object at ${hexAddr(v)}>`;
    const m = vm.lookup(v.cls, '__repr__');
    if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) return vm.str(vm.callValue(m, [v], null));
    return `<${v.cls.name} object at ${hexAddr(v)}>`;
  };
  const bytesRepr = (b: PyBytes): string => {
    let s = '';
    let hasSq = false, hasDq = false;
    for (let i = 0; i < b.len; i++) {
      if (b.data[i] === 39) hasSq = true;
      if (b.data[i] === 34) hasDq = true;
    }
    const q = hasSq && !hasDq ? '"' : "'";
    for (let i = 0; i < b.len; i++) {
      const c = b.data[i]!;
      if (c === 92) s += '\\\\';
      else if (c === q.charCodeAt(0)) s += '\\' + q;
      else if (c === 9) s += '\\t';
      else if (c === 10) s += '\\n';
      else if (c === 13) s += '\\r';
      else if (c < 32 || c >= 127) s += '\\x' + c.toString(16).padStart(2, '0');
      else s += String.fromCharCode(c);
    }
    const body = `b${q}${s}${q}`;
    return b.cls === T.bytearray ? `bytearray(${body})` : body;
  };

  const strProto = (v: PyVal): string => {
    if (typeof v === 'string') return v;
    if (v instanceof PyFloat) return floatRepr(v.v);
    if (v instanceof PyInstance || (v instanceof PyObject && !v.cls.builtin)) {
      const m = vm.lookup(v.cls, '__str__');
      if (m !== undefined && !(m instanceof PyBuiltin && m.ownerName === 'object')) {
        const r = vm.callValue(m, [v], null);
        if (typeof r !== 'string') throw vm.typeErr(`__str__ returned non-string (type ${tn(r)})`);
        return r;
      }
      return vm.repr(v);
    }
    return vm.repr(v);
  };

  // ───────────── hash / eq ─────────────
  // CPython 3.11's hashes with PYTHONHASHSEED=0 (signed 64-bit, as a normalized IntVal), so set
  // tables, and therefore set iteration order, match CPython's. str hashes are cached: SipHash
  // over the string's buffer is the costly one, and sets of str re-hash the same keys.
  const strHashCache = new Map<string, R.IntVal>();
  const strHash = (s: string): R.IntVal => {
    let h = strHashCache.get(s);
    if (h === undefined) {
      h = strHashRt(s);
      if (strHashCache.size >= 65536) strHashCache.clear();
      strHashCache.set(s, h);
    }
    return h;
  };
  const M64 = (1n << 64n) - 1n;
  /** CPython's tuple hash (xxHash-based), in 64-bit unsigned arithmetic. */
  const tupleHash = (items: readonly PyVal[]): R.IntVal => {
    const P1 = 11400714785074694791n, P2 = 14029467366897019727n, P5 = 2870177450012600261n;
    let acc = P5;
    for (const it of items) {
      const h = BigInt.asUintN(64, BigInt(vm.hash(it)));
      acc = (acc + h * P2) & M64;
      acc = ((acc << 31n) | (acc >> 33n)) & M64;
      acc = (acc * P1) & M64;
    }
    acc = (acc + (BigInt(items.length) ^ (P5 ^ 3527539n))) & M64;
    if (acc === M64) return 1546275796;
    return R.normInt(BigInt.asIntN(64, acc));
  };
  const hashProto = (v: PyVal): R.IntVal => {
    switch (typeof v) {
      case 'number': return v === -1 ? -2 : v;
      case 'bigint': return R.intHash(v);
      case 'boolean': return v ? 1 : 0;
      case 'string': return strHash(v);
    }
    if (v instanceof PyFloat) return R.floatHash(v.v, Math.floor(vm.id(v) / 16));
    if (v instanceof PyTuple) return tupleHash(v.items);
    if (v instanceof PyInstance) {
      const hm = vm.lookup(v.cls, '__hash__');
      if (hm === None) throw vm.typeErr(`unhashable type: '${v.cls.name}'`);
      if (hm instanceof PyFunction) {
        const r = vm.callValue(hm, [v], null);
        if (!isIntLike(r)) throw vm.typeErr('__hash__ method should return an integer');
        // CPython keeps a result that fits Py_hash_t (-1 becomes -2); only a wider int is hashed.
        const iv = intOf(r);
        if (typeof iv === 'number' || BigInt.asIntN(64, iv) === iv) return iv === -1 || iv === -1n ? -2 : iv;
        return R.intHash(iv);
      }
      const eqm = vm.lookup(v.cls, '__eq__');
      if (eqm instanceof PyFunction) throw vm.typeErr(`unhashable type: '${v.cls.name}'`);
      return Math.floor(vm.id(v) / 16);
    }
    if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && v.cls === T.set) || (v instanceof PyBytes && v.cls === T.bytearray)) {
      throw vm.typeErr(`unhashable type: '${tn(v)}'`);
    }
    if (v instanceof PySet) {
      // CPython's frozenset_hash: xor of shuffled entry hashes (the NULL/dummy slot terms cancel).
      const shuffle = (h: bigint): bigint => (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;
      let h = 0n;
      for (const x of v.items()) h ^= shuffle(BigInt.asUintN(64, BigInt(vm.hash(x))));
      h ^= ((BigInt(v.used) + 1n) * 1927868237n) & M64;
      h ^= (h >> 11n) ^ (h >> 25n);
      h = (h * 69069n + 907133923n) & M64;
      if (h === M64) h = 590923713n;
      return R.normInt(BigInt.asIntN(64, h));
    }
    if (v instanceof PyBytes) return rtBytesHash(v.data, v.len);
    if (v instanceof PyRange) return tupleHash(Rg.rangeHashKey(v).map((x) => x ?? None));
    return Math.floor(vm.id(v) / 16);
  };

  const eqProto = (a: PyVal, b: PyVal): boolean => {
    if (a === b) return !(a instanceof PyFloat && Number.isNaN(a.v));
    const ta = typeof a, tb = typeof b;
    if (ta !== 'object' && tb !== 'object') {
      if (ta === 'string' || tb === 'string') return false;
      // int/bool/bigint mix
      return intOf(a as number) == intOf(b as number);
    }
    const r = vm.compare(a, b, 2);
    return r === true || (r !== false && vm.truthy(r));
  };

  // ───────────── comparisons ─────────────
  const numCmp = (a: PyVal, b: PyVal): number => {
    if (isIntLike(a) && isIntLike(b)) {
      const x = intOf(a), y = intOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = a instanceof PyFloat ? a.v : intOf(a as number);
    const y = b instanceof PyFloat ? b.v : intOf(b as number);
    if (typeof x === 'number' && typeof y === 'number') {
      if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    // float vs bigint: compare exactly
    const xf = typeof x === 'number' ? x : null;
    const yf = typeof y === 'number' ? y : null;
    if (xf !== null && !Number.isFinite(xf)) return Number.isNaN(xf) ? NaN : xf > 0 ? 1 : -1;
    if (yf !== null && !Number.isFinite(yf)) return Number.isNaN(yf) ? NaN : yf > 0 ? -1 : 1;
    const toBig = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(v)));
    const X = toBig(x), Y = toBig(y);
    if (X !== Y) return X < Y ? -1 : 1;
    const fx = typeof x === 'number' ? x - Math.trunc(x) : 0;
    const fy = typeof y === 'number' ? y - Math.trunc(y) : 0;
    return fx < fy ? -1 : fx > fy ? 1 : 0;
  };
  const cmpResult = (c: number, op: number): boolean => {
    if (Number.isNaN(c)) return op === 3;
    switch (op) {
      case 0: return c < 0;
      case 1: return c <= 0;
      case 2: return c === 0;
      case 3: return c !== 0;
      case 4: return c > 0;
      default: return c >= 0;
    }
  };
  const seqCmp = (a: PyVal[], b: PyVal[], op: number): PyVal => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] === b[i] || vm.eq(a[i]!, b[i]!)) continue;
      if (op === 2) return false;
      if (op === 3) return true;
      return vm.compare(a[i]!, b[i]!, op);
    }
    return cmpResult(a.length - b.length, op);
  };
  const compareProto = (a: PyVal, b: PyVal, op: number): PyVal => {
    if (isNum(a) && isNum(b)) return cmpResult(numCmp(a, b), op);
    if (typeof a === 'string' && typeof b === 'string') return cmpResult(a < b ? -1 : a > b ? 1 : 0, op);
    const ta = vm.typeOf(a), tb = vm.typeOf(b);
    // User-defined rich comparison (reflected first when b's type is a subclass of a's).
    const ua = a instanceof PyObject && !ta.builtin, ub = b instanceof PyObject && !tb.builtin;
    if (ua || ub) {
      const tryOne = (x: PyVal, y: PyVal, o: number): PyVal | undefined => {
        const m = vm.lookup(vm.typeOf(x), CMP_DUNDER[o]!);
        if (m === undefined || (m instanceof PyBuiltin && m.ownerName === 'object')) return undefined;
        // A subclass of a builtin container that does not override: compared as the builtin below.
        if (m instanceof PyBuiltin && !(x instanceof PyInstance)) return undefined;
        const r = vm.callValue(m, [x, y], null);
        return r === vm.NotImplemented ? undefined : r;
      };
      const reflectedFirst = ub && tb !== ta && vm.isSubtype(tb, ta);
      let r: PyVal | undefined;
      if (reflectedFirst) r = tryOne(b, a, CMP_SWAP[op]!);
      if (r === undefined && ua) r = tryOne(a, b, op);
      if (r === undefined && !reflectedFirst && ub) r = tryOne(b, a, CMP_SWAP[op]!);
      if (r !== undefined) return r;
      if (op === 3 && ua) {
        const eqm = vm.lookup(ta, '__eq__');
        if (eqm instanceof PyFunction) {
          const r2 = vm.callValue(eqm, [a, b], null);
          if (r2 !== vm.NotImplemented) return !vm.truthy(r2);
        }
      }
    }
    if ((!ua && !ub && (ta === tb || (a instanceof PyObject && b instanceof PyObject && ta.layout === tb.layout))) ||
        ((ua || ub) && !(a instanceof PyInstance) && !(b instanceof PyInstance) && a instanceof PyObject && b instanceof PyObject && vm.builtinBase(ta) === vm.builtinBase(tb))) {
      if (a instanceof PyList && b instanceof PyList) return seqCmp(a.items, b.items, op);
      if (a instanceof PyTuple && b instanceof PyTuple) return seqCmp(a.items, b.items, op);
      if (a instanceof PyDict && b instanceof PyDict && (op === 2 || op === 3)) {
        let same = a.count === b.count;
        if (same) {
          for (const i of a.entries()) {
            const bv = b.get(a.keys[i]!);
            if (bv === undefined || !vm.eq(a.vals[i]!, bv)) {
              same = false;
              break;
            }
          }
        }
        return op === 2 ? same : !same;
      }
      if (a instanceof PyBytes && b instanceof PyBytes) {
        const x = bytesStr(a), y = bytesStr(b);
        return cmpResult(x < y ? -1 : x > y ? 1 : 0, op);
      }
      if (a instanceof PyRange && b instanceof PyRange && (op === 2 || op === 3)) {
        const s = Rg.rangeEquals(a, b);
        return op === 2 ? s : !s;
      }
    }
    if (a instanceof PySet && b instanceof PySet) {
      const sub = (x: PySet, y: PySet): boolean => x.items().every((k) => y.has(k));
      switch (op) {
        case 2: return a.used === b.used && sub(a, b);
        case 3: return !(a.used === b.used && sub(a, b));
        case 0: return a.used < b.used && sub(a, b);
        case 1: return sub(a, b);
        case 4: return a.used > b.used && sub(b, a);
        default: return sub(b, a);
      }
    }
    if (a instanceof PyBytes && b instanceof PyBytes) {
      const x = bytesStr(a), y = bytesStr(b);
      return cmpResult(x < y ? -1 : x > y ? 1 : 0, op);
    }
    if (a instanceof PyView && b instanceof PyView && a.kind !== 1 && (op === 2 || op === 3)) {
      const x = viewItems(a), y = viewItems(b);
      const s = x.length === y.length && x.every((k) => y.some((j) => vm.eq(k, j)));
      return op === 2 ? s : !s;
    }
    if (op === 2) return a === b;
    if (op === 3) return a !== b;
    throw vm.typeErr(`'${CMP_SYM[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
  };
  const ltProto = (a: PyVal, b: PyVal): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    const r = vm.compare(a, b, 0);
    return r === true || (r !== false && vm.truthy(r));
  };
  /** The latin-1 image of a bytes object (chunked: spreading a large buffer overflows the host stack). */
  const bytesStr = (b: PyBytes): string => {
    let out = '';
    for (let i = 0; i < b.len; i += 8192) out += String.fromCharCode(...b.data.subarray(i, Math.min(b.len, i + 8192)));
    return out;
  };

  // ───────────── arithmetic ─────────────
  const intBin = (x: R.IntVal, y: R.IntVal, op: number): PyVal => {
    switch (op) {
      case 0: return R.intAdd(x, y);
      case 1: return R.intAnd(x, y);
      case 2: return R.intFloorDiv(x, y);
      case 3: return R.intLshift(x, y);
      case 5: return R.intMul(x, y);
      case 6: return R.intMod(x, y);
      case 7: return R.intOr(x, y);
      case 8:
        if (y < 0) {
          const fx = R.intToFloat(x);
          if (fx === 0) throw err('ZeroDivisionError', '0.0 cannot be raised to a negative power');
          return F(rtFloatPow(fx, R.intToFloat(y)));
        }
        return R.intPow(x, y);
      case 9: return R.intRshift(x, y);
      case 10: return R.intSub(x, y);
      case 11: return F(R.intTrueDiv(x, y));
      case 12: return R.intXor(x, y);
      default: return vm.NotImplemented;
    }
  };
  const floatBin = (x: number, y: number, op: number): PyVal => {
    switch (op) {
      case 0: return F(x + y);
      case 2: return F(rtFloatFloorDiv(x, y));
      case 5: return F(x * y);
      case 6: return F(rtFloatMod(x, y));
      case 8: return F(rtFloatPow(x, y));
      case 10: return F(x - y);
      case 11:
        if (y === 0) throw err('ZeroDivisionError', 'float division by zero');
        return F(x / y);
      default: return vm.NotImplemented;
    }
  };
  const repeatSeq = <X>(items: X[], n: R.IntVal): X[] => {
    const k = typeof n === 'bigint' ? (n > 0n ? Infinity : 0) : n;
    if (k <= 0) return [];
    if (k * items.length > 1e8) throw err('MemoryError', '');
    const out: X[] = [];
    for (let i = 0; i < k; i++) for (const x of items) out.push(x);
    return out;
  };
  /** keys()/items() views with &, |, -, ^ (CPython's dictviews_*: a new set; & iterates the smaller side). */
  const viewSetOp = (a: PyView, b: PyVal, op: number): PyVal => {
    const other = vm.toList(b);
    const r = vm.place(vm.newSet(), 200);
    if (op === 1) {
      const mine = vm.toList(a);
      const bSized = b instanceof PySet || b instanceof PyView;
      if (bSized && other.length > mine.length) {
        const os = vm.newSet();
        for (const x of other) os.add(x);
        for (const x of mine) if (os.has(x)) r.add(x);
      } else {
        const ms = vm.newSet();
        for (const x of mine) ms.add(x);
        for (const x of other) if (ms.has(x)) r.add(x);
      }
      return r;
    }
    for (const x of vm.toList(a)) r.add(x);
    if (op === 7) for (const x of other) r.add(x);
    else if (op === 10) for (const x of other) r.discard(x);
    else for (const x of other) if (!r.discard(x)) r.add(x);
    return r;
  };
  const builtinBin = (a: PyVal, b: PyVal, op: number, inplace: boolean): PyVal => {
    if (typeof a === 'boolean' && typeof b === 'boolean') {
      // bool's own &, |, ^ keep the bool type.
      if (op === 1) return a && b;
      if (op === 7) return a || b;
      if (op === 12) return a !== b;
    }
    if (isIntLike(a) && isIntLike(b)) return intBin(intOf(a), intOf(b), op);
    if (isNum(a) && isNum(b)) return floatBin(fnum(a), fnum(b), op);
    if (a instanceof PyView && a.kind !== 1 && (op === 1 || op === 7 || op === 10 || op === 12)) return viewSetOp(a, b, op);
    if (typeof a === 'string') {
      if (op === 0 && typeof b === 'string') {
        vm.tmp(vm.cur, 49 + a.length + b.length);
        return a + b;
      }
      if (op === 5 && isIntLike(b)) return repeatSeq([a], intOf(b)).join('');
      if (op === 6) return strPercent(a, b);
      return vm.NotImplemented;
    }
    if (op === 5 && typeof b === 'string' && isIntLike(a)) return repeatSeq([b], intOf(a)).join('');
    if (a instanceof PyList) {
      if (op === 0 && b instanceof PyList) {
        if (inplace) {
          listExtend(a, b.items.slice());
          return a;
        }
        return vm.placeList(vm.newList(a.items.concat(b.items)));
      }
      if (op === 0 && inplace) {
        listExtend(a, vm.toList(b));
        return a;
      }
      if (op === 5 && isIntLike(b)) {
        if (inplace) {
          vm.listReplace(vm.cur, a, repeatSeq(a.items, intOf(b)));
          return a;
        }
        return vm.placeList(vm.newList(repeatSeq(a.items, intOf(b))));
      }
      return vm.NotImplemented;
    }
    if (op === 5 && b instanceof PyList && isIntLike(a)) return vm.placeList(vm.newList(repeatSeq(b.items, intOf(a))));
    if (a instanceof PyTuple) {
      if (op === 0 && b instanceof PyTuple) return vm.newTuple(a.items.concat(b.items));
      if (op === 5 && isIntLike(b)) return vm.newTuple(repeatSeq(a.items, intOf(b)));
      return vm.NotImplemented;
    }
    if (op === 5 && b instanceof PyTuple && isIntLike(a)) return vm.newTuple(repeatSeq(b.items, intOf(a)));
    if (a instanceof PyBytes) {
      if (op === 0 && b instanceof PyBytes) {
        if (inplace && a.cls === T.bytearray) {
          bytesExtend(a, b.data.subarray(0, b.len));
          return a;
        }
        const d = new Uint8Array(a.len + b.len);
        d.set(a.data.subarray(0, a.len));
        d.set(b.data.subarray(0, b.len), a.len);
        return makeBytes(a.cls, d);
      }
      if (op === 5 && isIntLike(b)) {
        const k = Math.max(0, Number(intOf(b)));
        const d = new Uint8Array(a.len * k);
        for (let i = 0; i < k; i++) d.set(a.data.subarray(0, a.len), i * a.len);
        return makeBytes(a.cls, d);
      }
      if (op === 6) return vm.NotImplemented;
    }
    if (a instanceof PySet && b instanceof PySet) {
      const res = (items: PyVal[]): PySet => {
        const s = vm.place(new PySet(vm.builtinBase(a.cls), vm.keyOps), 200);
        for (const x of items) s.add(x);
        return s;
      };
      switch (op) {
        case 7: {
          if (inplace) {
            vm.mutate(vm.cur, a);
            for (const x of b.items()) a.add(x);
            return a;
          }
          const s = vm.place(new PySet(vm.builtinBase(a.cls), vm.keyOps), 200);
          s.mergeSet(a);
          for (const x of b.items()) s.add(x);
          return s;
        }
        case 1: {
          const r = setIntersection(a, b);
          if (inplace) {
            vm.mutate(vm.cur, a);
            a.clear();
            for (const x of r) a.add(x);
            return a;
          }
          return res(r);
        }
        case 10: {
          const r = a.items().filter((x) => !b.has(x));
          if (inplace) {
            vm.mutate(vm.cur, a);
            for (const x of b.items()) a.discard(x);
            return a;
          }
          return res(r);
        }
        case 12: {
          const s = vm.place(new PySet(vm.builtinBase(a.cls), vm.keyOps), 200);
          for (const x of a.items()) if (!b.has(x)) s.add(x);
          for (const x of b.items()) if (!a.has(x)) s.add(x);
          if (inplace) {
            vm.mutate(vm.cur, a);
            a.clear();
            a.mergeSet(s);
            return a;
          }
          return s;
        }
      }
      return vm.NotImplemented;
    }
    if (a instanceof PyDict && b instanceof PyDict && op === 7) {
      if (inplace) {
        vm.mutate(vm.cur, a);
        for (const i of b.entries()) a.set(b.keys[i]!, b.vals[i]!);
        return a;
      }
      const d = vm.placeDict(vm.newDict());
      for (const i of a.entries()) d.set(a.keys[i]!, a.vals[i]!);
      for (const i of b.entries()) d.set(b.keys[i]!, b.vals[i]!);
      return d;
    }
    if (a instanceof PyView && b instanceof PyView && a.kind === 0) {
      const s = vm.place(vm.newSet(), 200);
      const bi = viewItems(b);
      const ai = viewItems(a);
      if (op === 1) for (const x of ai) { if (bi.some((y) => vm.eq(x, y))) s.add(x); }
      else if (op === 7) { for (const x of ai) s.add(x); for (const x of bi) s.add(x); }
      else if (op === 10) for (const x of ai) { if (!bi.some((y) => vm.eq(x, y))) s.add(x); }
      else return vm.NotImplemented;
      return s;
    }
    return vm.NotImplemented;
  };
  const setIntersection = (a: PySet, b: PySet): PyVal[] => {
    // CPython iterates over the smaller set.
    if (a.used > b.used) return b.items().filter((x) => a.has(x));
    return a.items().filter((x) => b.has(x));
  };
  const binopProto = (a: PyVal, b: PyVal, opArg: number): PyVal => {
    const inplace = opArg >= 13;
    const op = inplace ? opArg - 13 : opArg;
    const ta = vm.typeOf(a), tb = vm.typeOf(b);
    const userA = a instanceof PyObject && !ta.builtin, userB = b instanceof PyObject && !tb.builtin;
    if (!userA && !userB) {
      const r = builtinBin(a, b, op, inplace);
      if (r !== vm.NotImplemented) return r;
    } else {
      const name = OP_DUNDER[op]!;
      if (inplace && userA) {
        const m = vm.lookup(ta, `__i${name}__`);
        if (m !== undefined) {
          const r = vm.callValue(m, [a, b], null);
          if (r !== vm.NotImplemented) return r;
        }
      }
      const reflectedFirst = userB && tb !== ta && vm.isSubtype(tb, ta);
      const tryR = (): PyVal | undefined => {
        const m = vm.lookup(tb, `__r${name}__`);
        if (m === undefined) return undefined;
        const r = vm.callValue(m, [b, a], null);
        return r === vm.NotImplemented ? undefined : r;
      };
      if (reflectedFirst) {
        const r = tryR();
        if (r !== undefined) return r;
      }
      if (userA) {
        const m = vm.lookup(ta, `__${name}__`);
        if (m instanceof PyBuiltin || (m === undefined && !(a instanceof PyInstance))) {
          // A subclass of a builtin type that does not override the operator: the builtin's own.
          const r = builtinBin(a, b, op, inplace);
          if (r !== vm.NotImplemented) return r;
        } else if (m !== undefined) {
          const r = vm.callValue(m, [a, b], null);
          if (r !== vm.NotImplemented) return r;
        }
      } else {
        const r = builtinBin(a, b, op, inplace);
        if (r !== vm.NotImplemented) return r;
      }
      if (!reflectedFirst && userB) {
        const r = tryR();
        if (r !== undefined) return r;
      }
    }
    if (op === 7) {
      const u = typeForms.or(a, b); // int | None
      if (u !== vm.NotImplemented) return u;
    }
    const sym = OP_SYM[op]! + (inplace ? '=' : '');
    if (op === 8 && !inplace) throw vm.typeErr(`unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
    if (op === 6 && typeof a === 'string') throw vm.typeErr('not all arguments converted during string formatting');
    if (op === 0 && typeof a === 'string') throw vm.typeErr(`can only concatenate str (not "${tb.name}") to str`);
    if (op === 0 && a instanceof PyList) throw vm.typeErr(`can only concatenate list (not "${tb.name}") to list`);
    if (op === 0 && a instanceof PyTuple) throw vm.typeErr(`can only concatenate tuple (not "${tb.name}") to tuple`);
    if (op === 5 && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple || typeof b === 'string' || b instanceof PyList || b instanceof PyTuple)) {
      throw vm.typeErr(`can't multiply sequence by non-int of type '${(typeof a === 'string' || a instanceof PyList || a instanceof PyTuple) ? tb.name : ta.name}'`);
    }
    throw vm.typeErr(`unsupported operand type(s) for ${sym}: '${ta.name}' and '${tb.name}'`);
  };
  const unaryProto = (v: PyVal, op: number): PyVal => {
    if (isIntLike(v)) {
      const x = intOf(v);
      return op === 0 ? R.intNeg(x) : op === 1 ? x : R.intInvert(x);
    }
    if (v instanceof PyFloat && op !== 2) return op === 0 ? F(-v.v) : v;
    const name = ['__neg__', '__pos__', '__invert__'][op]!;
    const r = callm(v, name, []);
    if (r !== undefined) return r;
    throw vm.typeErr(`bad operand type for unary ${['-', '+', '~'][op]}: '${tn(v)}'`);
  };

  // ───────────── % and format ─────────────
  const conv: PercentConv<PyVal> = {
    str: (v) => vm.str(v),
    repr: (v) => vm.repr(v),
    ascii: (v) => vm.asciiOf(vm.repr(v)),
    toIntD: (v) => {
      if (isIntLike(v)) return intOf(v);
      if (v instanceof PyFloat) {
        const r = intFromAny(v);
        return r as R.IntVal;
      }
      if (v instanceof PyInstance && (vm.lookup(v.cls, '__int__') ?? vm.lookup(v.cls, '__index__')) !== undefined) return intFromAny(v) as R.IntVal;
      return null;
    },
    toIndex: (v) => {
      if (isIntLike(v)) return intOf(v);
      if (v instanceof PyInstance && vm.lookup(v.cls, '__index__') !== undefined) return index(v);
      return null;
    },
    toFloat: (v) => {
      if (isNum(v)) return fnum(v);
      if (v instanceof PyInstance && vm.lookup(v.cls, '__float__') !== undefined) return fnum(vm.callValue(vm.lookup(v.cls, '__float__')!, [v], null));
      return null;
    },
    asExactInt: (v) => (isIntLike(v) ? intOf(v) : null),
    asStr: (v) => (typeof v === 'string' ? v : null),
    typeName: (v) => tn(v),
    lookup: (m, key) => vm.getItem(m, key),
  };
  const strPercent = (fmt: string, arg: PyVal): string => {
    const args: PercentArgs<PyVal> = arg instanceof PyTuple
      ? { kind: 'tuple', items: arg.items }
      : { kind: 'single', value: arg, isMapping: arg instanceof PyDict || (arg instanceof PyInstance && vm.lookup(arg.cls, '__getitem__') !== undefined && !(typeof arg === 'string')) };
    return percentFormat(fmt, args, conv);
  };

  const formatProto = (v: PyVal, spec: string): string => {
    if (typeof v === 'string') return spec === '' ? v : formatStr(v, spec);
    if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, spec);
    if (isIntLike(v)) return formatInt(intOf(v), spec);
    if (v instanceof PyFloat) return formatFloat(v.v, spec);
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__format__');
      if (m !== undefined && !(m instanceof PyBuiltin)) {
        const r = vm.callValue(m, [v, spec], null);
        if (typeof r !== 'string') throw vm.typeErr(`__format__ must return a str, not ${tn(r)}`);
        return r;
      }
    }
    if (spec !== '') throw vm.typeErr(`unsupported format string passed to ${tn(v)}.__format__`);
    return vm.str(v);
  };
  // str.format: the runtime library parses (CPython's MarkupIterator, errors in CPython's order);
  // the VM looks fields up, converts and formats.
  const renderPieces = (pieces: RF.FormatPiece[], args: PyVal[], kw: Kw): string => {
    let out = '';
    for (const pc of pieces) {
      if (pc.kind === 'text') {
        out += pc.text;
        continue;
      }
      if (pc.kind === 'error') throw pc.error;
      let v: PyVal;
      if (typeof pc.arg === 'number') {
        if (pc.arg >= args.length) throw err('IndexError', `Replacement index ${pc.arg} out of range for positional args tuple`);
        v = args[pc.arg]!;
      } else {
        const x = kw?.get(pc.arg);
        if (x === undefined) throw keyError(pc.arg);
        v = x;
      }
      for (const part of pc.chain) v = part.kind === 'attr' ? vm.getAttr(v, part.name) : vm.getItem(v, part.key);
      if (pc.conversionError !== undefined) throw pc.conversionError;
      if (pc.conversion === 'r') v = vm.repr(v);
      else if (pc.conversion === 's') v = vm.str(v);
      else if (pc.conversion === 'a') v = vm.asciiOf(vm.repr(v));
      out += vm.format(v, renderPieces(pc.spec, args, kw));
    }
    return out;
  };
  const strFormat = (fmt: string, args: PyVal[], kw: Kw): string => renderPieces(RF.parseFormatString(fmt), args, kw);

  // ───────────── iteration ─────────────
  const rangeItems = (r: PyRange): PyVal[] => {
    const out: PyVal[] = [];
    const n = Number(Rg.rangeLen(r));
    vm.checkItems(n);
    const { start, step } = r;
    if (typeof start === 'number' && typeof step === 'number' && Rg.rangeIsSmall(r)) for (let i = 0; i < n; i++) out.push(start + i * step);
    else for (let i = 0; i < n; i++) out.push(Rg.rangeAt(r, i));
    return out;
  };
  /** A range too big to list (bigint fields, or past maxObjectBytes) is walked lazily. */
  const rangeListable = (r: PyRange): boolean => Rg.rangeIsSmall(r) && Number(Rg.rangeLen(r)) * 8 <= vm.cfg.maxObjectBytes;
  const rangeIter = (r: PyRange): PyIter => {
    const { start, step } = r;
    const n = Rg.rangeLen(r);
    if (typeof start === 'number' && typeof step === 'number' && typeof n === 'number' && Rg.rangeIsSmall(r)) {
      const it = posIter(rangeIterT, (k) => (k < n ? start + step * k : undefined));
      it.rn = n;
      it.rstart = start;
      it.rstep = step;
      return it;
    }
    return posIter(rangeIterT, (k) => (R.intLt(k, n) ? Rg.rangeAt(r, k) : undefined));
  };
  const viewItems = (v: PyView): PyVal[] => {
    const d = v.d;
    const out: PyVal[] = [];
    for (const i of d.entries()) {
      if (v.kind === 0) out.push(d.keys[i]!);
      else if (v.kind === 1) out.push(d.vals[i]!);
      else out.push(vm.newTuple([d.keys[i]!, d.vals[i]!]));
    }
    return out;
  };
  /** An iterator's position is guest-visible state: moved through the write path (rollback). */
  const setPos = (it: PyIter, i: number): void => {
    const t = vm.cur;
    if (t.tx !== null && it.txId !== t.tx.id) {
      it.txId = t.tx.id;
      t.tx.log(U_FIELD, it, 'i', it.i);
    }
    it.i = i;
  };
  const posIter = (tp: PyType, step: (k: number) => PyVal | undefined): PyIter => {
    const it: PyIter = mkIter(tp, () => {
      const r = step(it.i);
      if (r !== undefined) setPos(it, it.i + 1);
      return r;
    });
    return it;
  };
  const dictIter = (d: PyDict, kind: 0 | 1 | 2): PyIter => {
    const size0 = d.count;
    const it: PyIter = mkIter(kind === 0 ? dictKeyIterT : iterT(kind === 1 ? 'dict_valueiterator' : 'dict_itemiterator'), () => {
      const t = vm.cur;
      vm.readObj(t, d);
      if (d.count !== size0) throw err('RuntimeError', 'dictionary changed size during iteration');
      let i = it.i;
      while (i < d.keys.length && d.keys[i] === undefined) i++;
      if (i >= d.keys.length) return undefined;
      const k = d.keys[i]!, v = d.vals[i]!;
      setPos(it, i + 1);
      return kind === 0 ? k : kind === 1 ? v : vm.newTuple([k, v]);
    });
    return it;
  };
  const iterProto = (v: PyVal): PyVal => {
    if (v instanceof PyList) return posIter(listIterT, (k) => (k < v.items.length ? vm.listGet(vm.cur, v, k) : undefined));
    if (v instanceof PyTuple) {
      const items = v.items;
      return posIter(tupleIterT, (k) => items[k]);
    }
    if (v instanceof PyRange) return rangeIter(v);
    if (typeof v === 'string') {
      // Position counts UTF-16 units so astral characters advance by their length.
      const it: PyIter = mkIter(strIterT, () => {
        const k = it.i;
        if (k >= v.length) return undefined;
        const ch = String.fromCodePoint(v.codePointAt(k)!);
        setPos(it, k + ch.length);
        return ch;
      });
      return it;
    }
    if (v instanceof PyDict) return dictIter(v, 0);
    if (v instanceof PyView) return dictIter(v.d, v.kind);
    if (v instanceof PySet) {
      const items = v.items();
      const n0 = v.used;
      return posIter(setIterT, (k) => {
        if (v.used !== n0) throw err('RuntimeError', 'Set changed size during iteration');
        return items[k];
      });
    }
    if (v instanceof PyBytes) return posIter(iterT('bytes_iterator'), (k) => (k < v.len ? vm.byteGet(vm.cur, v, k) : undefined));
    if (v instanceof PyIter || (v instanceof PyGenerator && v.cls !== T.coroutine)) return v;
    if (v instanceof PyObject) {
      const m = vm.lookup(v.cls, '__iter__');
      if (m !== undefined && m !== None) {
        const it = vm.callValue(m, [v], null);
        if (vm.lookup(vm.typeOf(it), '__next__') === undefined && !(it instanceof PyIter || it instanceof PyGenerator)) {
          throw vm.typeErr(`iter() returned non-iterator of type '${tn(it)}'`);
        }
        return it;
      }
      const gi = vm.lookup(v.cls, '__getitem__');
      if (gi !== undefined && v instanceof PyInstance) {
        return posIter(iterT('iterator'), (k) => {
          try {
            return vm.callValue(gi, [v, k], null);
          } catch (e) {
            if (e instanceof PyExc && (vm.isSubtype(e.cls, vm.exc.get('IndexError')!) || vm.isSubtype(e.cls, vm.exc.get('StopIteration')!))) return undefined;
            throw e;
          }
        });
      }
    }
    throw vm.typeErr(`'${tn(v)}' object is not iterable`);
  };
  const StopIter = vm.exc.get('StopIteration')!;
  const nextProto = (it: PyVal): PyVal | undefined => {
    if (it instanceof PyIter) return it.next();
    if (it instanceof PyGenerator && it.cls !== T.coroutine) return vm.genSend(it, None);
    const m = vm.lookup(vm.typeOf(it), '__next__');
    if (m === undefined) throw vm.typeErr(`'${tn(it)}' object is not an iterator`);
    try {
      return vm.callValue(m, [it], null);
    } catch (e) {
      if (e instanceof PyExc && vm.isSubtype(e.cls, StopIter)) return undefined;
      throw e;
    }
  };
  const toListProto = (v: PyVal): PyVal[] => {
    if (v instanceof PyList) {
      vm.readObj(vm.cur, v);
      return v.items.slice();
    }
    if (v instanceof PyTuple) return v.items.slice();
    if (v instanceof PyRange) return rangeItems(v);
    if (v instanceof PyDict) return v.keyList();
    if (v instanceof PySet) return v.items();
    if (v instanceof PyView) return viewItems(v);
    if (typeof v === 'string') return Array.from(v);
    const it = vm.iter(v);
    const out: PyVal[] = [];
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return out;
      if ((out.length & 0xffff) === 0) vm.checkItems(out.length);
      out.push(x);
    }
  };

  // ───────────── subscripts ─────────────
  /** A user subclass of a builtin container that overrides `name` (e.g. __getitem__). */
  const subclassOverride = (o: PyVal, name: string): PyFunction | undefined => {
    if (!(o instanceof PyObject) || o.cls.builtin || o instanceof PyInstance) return undefined;
    const m = vm.lookup(o.cls, name);
    return m instanceof PyFunction ? m : undefined;
  };
  const getItemProto = (o: PyVal, k: PyVal): PyVal => {
    if (o instanceof PyObject && !o.cls.builtin && !(o instanceof PyInstance)) {
      const m = subclassOverride(o, '__getitem__');
      if (m !== undefined) return vm.callValue(m, [o, k], null);
      if (o instanceof PyDict) {
        const hit = vm.dictGet(vm.cur, o, k);
        if (hit !== undefined) return hit;
        const miss = subclassOverride(o, '__missing__');
        if (miss !== undefined) return vm.callValue(miss, [o, k], null);
      }
    }
    return getItemRaw(o, k);
  };
  /** o[k] by the builtin type's own rule (what list.__getitem__ / dict.__getitem__ run). */
  const getItemRaw = (o: PyVal, k: PyVal): PyVal => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        vm.readObj(t, o);
        return vm.placeList(vm.newList(sliceOf(o.items, k)));
      }
      return vm.listGet(t, o, seqIndex(k, o.items.length, 'list index out of range', 'list'));
    }
    if (o instanceof PyDict) {
      const v = vm.dictGet(t, o, k);
      if (v !== undefined) return v;
      if (o.cls !== T.dict) {
        const mm = vm.lookup(o.cls, '__missing__');
        if (mm !== undefined) return vm.callValue(mm, [o, k], null);
      }
      throw keyError(k);
    }
    if (o instanceof PyTuple) {
      if (k instanceof PySlice) return vm.newTuple(sliceOf(o.items, k));
      return o.items[seqIndex(k, o.items.length, 'tuple index out of range', 'tuple')]!;
    }
    if (typeof o === 'string') {
      if (k instanceof PySlice) {
        const chars = o.length === Array.from(o).length ? o : Array.from(o);
        return sliceOf(chars as ArrayLike<string>, k).join('');
      }
      const chars = Array.from(o);
      return chars[seqIndex(k, chars.length, 'string index out of range', 'string')]!;
    }
    if (o instanceof PyRange) {
      if (k instanceof PySlice) {
        // CPython maps the clamped slice indices through the range (not start + n * step).
        const si = (x: PyVal): R.IntVal | null => (x === None ? null : index(x, 'slice indices must be integers or None or have an __index__ method'));
        const [start, stop, step] = Rg.rangeSlice(o, si(k.start), si(k.stop), si(k.step));
        return new PyRange(T.range, start, stop, step);
      }
      if (!isIntLike(k) && !(k instanceof PyInstance && vm.lookup(k.cls, '__index__'))) {
        throw vm.typeErr(`range indices must be integers or slices, not ${tn(k)}`);
      }
      return Rg.rangeItem(o, index(k));
    }
    if (o instanceof PyBytes) {
      if (k instanceof PySlice) return makeBytes(o.cls, Uint8Array.from(sliceOf(o.data.subarray(0, o.len), k)));
      const i = seqIndex(k, o.len, o.cls === T.bytearray ? 'bytearray index out of range' : 'index out of range', o.cls.name);
      return vm.byteGet(t, o, i);
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__getitem__');
      if (m !== undefined) return vm.callValue(m, [o, k], null);
      if (o instanceof PyType) {
        const cg = vm.lookup(o, '__class_getitem__');
        if (cg !== undefined) return vm.callValue(cg instanceof PyWrapper ? cg.fget : cg, [o, k], null);
        if (o.builtin) return typeForms.alias(o, k);
        throw vm.typeErr(`type '${o.name}' is not subscriptable`);
      }
    }
    throw vm.typeErr(`'${tn(o)}' object is not subscriptable`);
  };
  const keyError = (k: PyVal): PyExc => {
    const e = new PyExc(vm.exc.get('KeyError')!);
    e.args = [k];
    return e;
  };
  const setItemProto = (o: PyVal, k: PyVal, v: PyVal): void => {
    const so = subclassOverride(o, '__setitem__');
    if (so !== undefined) {
      vm.callValue(so, [o, k, v], null);
      return;
    }
    setItemRaw(o, k, v);
  };
  const setItemRaw = (o: PyVal, k: PyVal, v: PyVal): void => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        const items = vm.toList(v);
        const [start, stop, step, n] = sliceIdx(k, o.items.length);
        if (step === 1) {
          const next = o.items.slice(0, start).concat(items, o.items.slice(Math.max(start, stop)));
          vm.listReplace(t, o, next);
        } else {
          if (items.length !== n) throw err('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${n}`);
          for (let i = 0, j = start; i < n; i++, j += step) vm.listSet(t, o, j, items[i]!);
        }
        return;
      }
      vm.listSet(t, o, seqIndex(k, o.items.length, 'list assignment index out of range', 'list'), v);
      return;
    }
    if (o instanceof PyDict) {
      vm.dictSet(t, o, k, v);
      return;
    }
    if (o instanceof PyBytes && o.cls === T.bytearray) {
      if (k instanceof PySlice) {
        const src = bytesOf(v);
        const [start, stop, step, n] = sliceIdx(k, o.len);
        if (step !== 1) {
          if (src.length !== n) throw err('ValueError', `attempt to assign bytes of size ${src.length} to extended slice of size ${n}`);
          vm.mutate(t, o);
          for (let i = 0, j = start; i < n; i++, j += step) vm.byteSet(t, o, j, src[i]!);
          return;
        }
        const cur = Array.from(o.data.subarray(0, o.len));
        cur.splice(start, Math.max(0, stop - start), ...src);
        vm.mutate(t, o);
        setBytes(o, Uint8Array.from(cur));
        return;
      }
      const i = seqIndex(k, o.len, 'bytearray index out of range', 'bytearray');
      const b = index(v);
      if (b < 0 || b > 255) throw err('ValueError', 'byte must be in range(0, 256)');
      vm.byteSet(t, o, i, Number(b));
      return;
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__setitem__');
      if (m !== undefined) {
        vm.callValue(m, [o, k, v], null);
        return;
      }
    }
    throw vm.typeErr(`'${tn(o)}' object does not support item assignment`);
  };
  const delItemProto = (o: PyVal, k: PyVal): void => {
    const so = subclassOverride(o, '__delitem__');
    if (so !== undefined) {
      vm.callValue(so, [o, k], null);
      return;
    }
    delItemRaw(o, k);
  };
  const delItemRaw = (o: PyVal, k: PyVal): void => {
    const t = vm.cur;
    if (o instanceof PyList) {
      if (k instanceof PySlice) {
        const [start, , step, n] = sliceIdx(k, o.items.length);
        const del = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
        vm.listReplace(t, o, o.items.filter((_, i) => !del.has(i)));
        return;
      }
      const i = seqIndex(k, o.items.length, 'list assignment index out of range', 'list');
      vm.mutate(t, o);
      o.items.splice(i, 1);
      return;
    }
    if (o instanceof PyDict) {
      if (vm.dictDel(t, o, k) === undefined) throw keyError(k);
      return;
    }
    if (o instanceof PyBytes && o.cls === T.bytearray) {
      const cur = Array.from(o.data.subarray(0, o.len));
      if (k instanceof PySlice) {
        const [start, , step, n] = sliceIdx(k, o.len);
        const del = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) del.add(j);
        vm.mutate(t, o);
        setBytes(o, Uint8Array.from(cur.filter((_, i) => !del.has(i))));
        return;
      }
      const i = seqIndex(k, o.len, 'bytearray index out of range', 'bytearray');
      cur.splice(i, 1);
      vm.mutate(t, o);
      setBytes(o, Uint8Array.from(cur));
      return;
    }
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__delitem__');
      if (m !== undefined) {
        vm.callValue(m, [o, k], null);
        return;
      }
    }
    throw vm.typeErr(`'${tn(o)}' object does not support item deletion`);
  };
  const containsProto = (o: PyVal, k: PyVal): boolean => {
    const t = vm.cur;
    if (o instanceof PyDict) return vm.dictGet(t, o, k) !== undefined;
    if (o instanceof PySet) {
      vm.readObj(t, o);
      return o.has(k);
    }
    if (typeof o === 'string') {
      if (typeof k !== 'string') throw vm.typeErr(`'in <string>' requires string as left operand, not ${tn(k)}`);
      return o.includes(k);
    }
    if (o instanceof PyList || o instanceof PyTuple) {
      if (o instanceof PyList) vm.readObj(t, o);
      const items = o.items;
      for (let i = 0; i < items.length; i++) if (items[i] === k || vm.eq(items[i]!, k)) return true;
      return false;
    }
    if (o instanceof PyRange) {
      if (isIntLike(k)) return Rg.rangeContains(o, intOf(k));
      if (rangeListable(o)) return rangeItems(o).some((x) => vm.eq(x, k));
      const n = Rg.rangeLen(o);
      for (let i = 0; R.intLt(i, n); i++) if (vm.eq(Rg.rangeAt(o, i), k)) return true;
      return false;
    }
    if (o instanceof PyBytes) {
      if (isIntLike(k)) return o.data.subarray(0, o.len).includes(Number(intOf(k)));
      return bytesStr(o).includes(bytesStr(k as PyBytes));
    }
    if (o instanceof PyView) return viewItems(o).some((x) => vm.eq(x, k));
    if (o instanceof PyObject) {
      const m = vm.lookup(o.cls, '__contains__');
      if (m !== undefined) return vm.truthy(vm.callValue(m, [o, k], null));
    }
    const it = vm.iter(o);
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return false;
      if (x === k || vm.eq(x, k)) return true;
    }
  };

  // ───────────── bytes helpers ─────────────
  const makeBytes = (cls: PyType, d: Uint8Array): PyBytes => {
    const b = new PyBytes(cls, d, d.length);
    vm.place(b, 56);
    const cap = Math.max(d.length, 1);
    b.dataAddr = vm.cur === undefined ? vm.heap.allocStatic(cap) : vm.heap.allocLong(vm.cur.id, vm.cur.core, cap);
    return b;
  };
  const setBytes = (b: PyBytes, d: Uint8Array): void => {
    if (d.length > b.data.length) b.dataAddr = vm.heap.realloc(vm.cur.id, vm.cur.core, b.dataAddr, b.len, d.length);
    const nd = new Uint8Array(Math.max(d.length, b.data.length));
    nd.set(d);
    b.data = nd;
    b.len = d.length;
  };
  const bytesExtend = (b: PyBytes, src: ArrayLike<number>): void => {
    const t = vm.cur;
    vm.mutate(t, b);
    const n = b.len + src.length;
    if (n > b.data.length) {
      const cap = n + (n >> 3) + 6;
      b.dataAddr = vm.heap.realloc(t.id, t.core, b.dataAddr, b.len, cap);
      const nd = new Uint8Array(cap);
      nd.set(b.data.subarray(0, b.len));
      b.data = nd;
    }
    for (let i = 0; i < src.length; i++) b.data[b.len + i] = src[i]!;
    vm.wr(t, b.dataAddr + b.len, Math.max(1, src.length));
    b.len = n;
  };
  const bytesOf = (v: PyVal, what = 'bytes'): number[] => {
    if (v instanceof PyBytes) return Array.from(v.data.subarray(0, v.len));
    if (typeof v === 'string') throw vm.typeErr('cannot convert \'str\' object to bytes');
    const asBytes = v instanceof PyObject ? vm.lookup(v.cls, '__bytes__') : undefined; // __bytes__ stands for the buffer protocol (array.array)
    if (asBytes !== undefined) return bytesOf(vm.callValue(asBytes, [v], null), what);
    return vm.toList(v).map((x) => {
      const n = Number(index(x));
      if (n < 0 || n > 255) throw err('ValueError', `${what} must be in range(0, 256)`);
      return n;
    });
  };

  const listExtend = (l: PyList, items: PyVal[]): void => {
    const t = vm.cur;
    vm.mutate(t, l);
    vm.listGrow(t, l, l.items.length + items.length);
    const line = vm.port.lineBytes;
    const base = l.items.length;
    for (let off = 0; off < items.length * 8; off += line) vm.wr(t, l.itemsAddr + base * 8 + off, 8);
    vm.countRefs(t, null, items);
    for (const x of items) l.items.push(x);
  };

  // ───────────── sorting ─────────────
  const sortList = (items: PyVal[], key: PyVal, reverse: boolean): PyVal[] => {
    const keys = key === None ? items : items.map((x) => vm.callValue(key, [x], null));
    // As CPython: reverse, stable ascending sort, reverse (keeps equal keys in original order).
    const idx = items.map((_, i) => i);
    if (reverse) idx.reverse();
    idx.sort((i, j) => {
      const a = keys[i]!, b = keys[j]!;
      return vm.lt(a, b) ? -1 : vm.lt(b, a) ? 1 : 0;
    });
    if (reverse) idx.reverse();
    return idx.map((i) => items[i]!);
  };

  // ───────────── constructors ─────────────
  const ctor = (tp: PyType, fn: BuiltinImpl): void => {
    vm.ctors.set(tp, fn);
  };
  const intFromAny = (v: PyVal): PyVal => {
    if (isIntLike(v)) return intOf(v);
    if (v instanceof PyFloat) {
      if (Number.isNaN(v.v)) throw err('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(v.v)) throw err('OverflowError', 'cannot convert float infinity to integer');
      const tr = Math.trunc(v.v);
      return Number.isSafeInteger(tr) ? (tr === 0 ? 0 : tr) : BigInt(tr);
    }
    if (typeof v === 'string') return R.intFromStr(v, 10);
    if (v instanceof PyBytes) return R.intFromStr(bytesStr(v), 10);
    const m = v instanceof PyObject ? vm.lookup(v.cls, '__int__') ?? vm.lookup(v.cls, '__index__') : undefined;
    if (m !== undefined) return vm.callValue(m, [v], null);
    throw vm.typeErr(`int() argument must be a string, a bytes-like object or a real number, not '${tn(v)}'`);
  };
  ctor(T.int, (a, kw) => {
    const base = kwArg(kw, 'base') ?? a[1];
    if (a.length === 0) return 0;
    if (base !== undefined) {
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
    const m = v instanceof PyObject ? vm.lookup(v.cls, '__float__') : undefined;
    if (m !== undefined) return vm.callValue(m, [v], null);
    throw vm.typeErr(`float() argument must be a string or a real number, not '${tn(v)}'`);
  });
  ctor(T.str, (a, kw) => {
    if (a.length === 0) return '';
    const v = a[0]!;
    if (v instanceof PyBytes && (a.length > 1 || kw?.has('encoding'))) return decodeBytes(v);
    return vm.str(v);
  });
  ctor(T.list, (a) => vm.placeList(vm.newList(a.length === 0 ? [] : vm.toList(a[0]!))));
  ctor(T.tuple, (a) => (a.length === 0 ? vm.newTuple([]) : a[0] instanceof PyTuple && a[0].cls === T.tuple ? a[0] : vm.newTuple(vm.toList(a[0]!))));
  // tuple.__new__(cls[, iterable]): how a tuple subclass's own __new__ (namedtuple's) makes its object.
  vm.method(T.tuple, '__new__', (a) => {
    const tp = a[0];
    if (!(tp instanceof PyType)) throw vm.typeErr(`tuple.__new__(X): X is not a type object (${tn(tp!)})`);
    if (!vm.isSubtype(tp, T.tuple)) throw vm.typeErr(`tuple.__new__(${tp.name}): ${tp.name} is not a subtype of tuple`);
    if (a.length > 2) throw vm.typeErr(`tuple expected at most 1 argument, got ${a.length - 1}`);
    return vm.tupleOfType(tp, a.length === 1 ? [] : vm.toList(a[1]!));
  });
  const dictFromArgs = (d: PyDict, a: PyVal[], kw: Kw): void => {
    if (a.length > 1) throw vm.typeErr(`dict expected at most 1 argument, got ${a.length}`);
    if (a.length === 1) {
      const src = a[0]!;
      if (src instanceof PyDict) for (const i of src.entries()) d.set(src.keys[i]!, src.vals[i]!);
      else if (src instanceof PyInstance && vm.lookup(src.cls, 'keys') !== undefined) {
        for (const k of vm.toList(vm.callValue(vm.getAttr(src, 'keys'), [], null))) d.set(k, vm.getItem(src, k));
      } else {
        let n = 0;
        for (const item of vm.toList(src)) {
          let kv: PyVal[];
          try {
            kv = vm.toList(item);
          } catch (e) {
            if (e instanceof PyExc && e.cls === vm.exc.get('TypeError')) throw vm.typeErr(`cannot convert dictionary update sequence element #${n} to a sequence`);
            throw e;
          }
          if (kv.length !== 2) throw err('ValueError', `dictionary update sequence element #${n} has length ${kv.length}; 2 is required`);
          d.set(kv[0]!, kv[1]!);
          n++;
        }
      }
    }
    if (kw !== null) for (const [k, v] of kw) d.set(k, v);
  };
  ctor(T.dict, (a, kw) => {
    const d = vm.placeDict(vm.newDict());
    dictFromArgs(d, a, kw);
    return d;
  });
  const setFrom = (cls: PyType, src: PyVal | undefined): PySet => {
    const s = vm.place(new PySet(cls, vm.keyOps), 200);
    if (src === undefined) return s;
    if (src instanceof PySet) s.mergeSet(src);
    else if (src instanceof PyDict) for (const k of src.keyList()) s.add(k);
    else for (const x of vm.toList(src)) s.add(x);
    return s;
  };
  ctor(T.set, (a) => setFrom(T.set, a[0]));
  // __init__ of the mutable containers, for subclasses whose __init__ calls super().__init__(...).
  vm.method(T.list, '__init__', (a) => {
    nargs(a, 1, 2, 'list');
    const l = a[0] as PyList;
    vm.listReplace(vm.cur, l, a.length > 1 ? vm.toList(a[1]!) : []);
    return None;
  });
  vm.method(T.dict, '__init__', (a, kw) => {
    dictFromArgs(a[0] as PyDict, a.slice(1), kw);
    return None;
  });
  vm.method(T.set, '__init__', (a) => {
    nargs(a, 1, 2, 'set');
    const st = a[0] as PySet;
    st.clear();
    if (a.length > 1) for (const x of vm.toList(a[1]!)) st.add(x);
    return None;
  });
  ctor(T.frozenset, (a) => setFrom(T.frozenset, a[0]));
  const bytesCtor = (cls: PyType) => (a: PyVal[]): PyVal => {
    if (a.length === 0) return makeBytes(cls, new Uint8Array(0));
    const v = a[0]!;
    if (isIntLike(v)) {
      const n = Number(intOf(v));
      if (n < 0) throw err('ValueError', 'negative count');
      return makeBytes(cls, new Uint8Array(n));
    }
    if (typeof v === 'string') {
      if (a.length < 2) throw vm.typeErr('string argument without an encoding');
      return makeBytes(cls, new TextEncoder().encode(v));
    }
    return makeBytes(cls, Uint8Array.from(bytesOf(v, cls === T.bytearray ? 'byte' : 'bytes')));
  };
  ctor(T.bytes, bytesCtor(T.bytes));
  ctor(T.bytearray, bytesCtor(T.bytearray));
  const decodeBytes = (b: PyBytes): string => new TextDecoder().decode(b.data.subarray(0, b.len));
  ctor(T.range, (a) => {
    if (a.length === 0) throw vm.typeErr('range expected at least 1 argument, got 0');
    if (a.length > 3) throw vm.typeErr(`range expected at most 3 arguments, got ${a.length}`);
    const nums = a.map((x) => index(x));
    let r: PyRange;
    if (nums.length === 1) r = new PyRange(T.range, 0, nums[0]!, 1);
    else {
      if (nums[2] === 0) throw err('ValueError', 'range() arg 3 must not be zero');
      r = new PyRange(T.range, nums[0]!, nums[1]!, nums[2] ?? 1);
    }
    r.addr = vm.tmp(vm.cur, 48);
    return r;
  });
  vm.method(T.slice, 'indices', (a) => {
    nargs(a, 2, 2, 'indices');
    const len = Number(index(a[1]!));
    if (len < 0) throw err('ValueError', 'length should not be negative');
    const [start, stop, step] = sliceIdx(a[0] as PySlice, len);
    return vm.newTuple([start, stop, step]);
  });
  ctor(T.slice, (a) => {
    if (a.length === 1) return new PySlice(T.slice, None, a[0]!, None);
    return new PySlice(T.slice, a[0]!, a[1]!, a[2] ?? None);
  });
  ctor(T.object, () => vm.instantiate(T.object));
  // type(name, bases, ns) and type.__new__(meta, name, bases, ns, **kwds): vm.newClass.
  const typeNew = (meta: PyType, a: PyVal[], kw: Kw): PyVal => {
    if (a.length !== 3) throw vm.typeErr('type() takes 1 or 3 arguments');
    if (typeof a[0] !== 'string') throw vm.typeErr(`type.__new__() argument 1 must be str, not ${tn(a[0]!)}`);
    if (!(a[1] instanceof PyTuple)) throw vm.typeErr(`type.__new__() argument 2 must be tuple, not ${tn(a[1]!)}`);
    if (!(a[2] instanceof PyDict)) throw vm.typeErr(`type.__new__() argument 3 must be dict, not ${tn(a[2]!)}`);
    const bases = a[1].items.map((b) => {
      if (!(b instanceof PyType)) throw vm.typeErr('bases must be types');
      return b;
    });
    const ns = a[2];
    if (ns.getStr('__module__') === undefined) {
      const g = vm.cur.frames[vm.cur.frames.length - 1]?.globals.getStr('__name__');
      ns.set('__module__', g ?? '__main__');
    }
    const winner = vm.winnerMeta(meta, bases);
    const wnew = winner === meta ? undefined : vm.lookupUser(winner, '__new__');
    if (wnew !== undefined) return vm.callValue(wnew, [winner, ...a], kw);
    return vm.newClass(winner, a[0], bases, ns, kw !== null && kw.size > 0 ? kw : null);
  };
  ctor(T.type, (a, kw, self) => {
    if (a.length === 1 && self === T.type) return vm.typeOf(a[0]!);
    return typeNew(self instanceof PyType ? self : T.type, a, kw);
  });
  vm.method(T.type, '__new__', (a, kw) => {
    if (!(a[0] instanceof PyType)) throw vm.typeErr(`type.__new__(X): X is not a type object (${tn(a[0]!)})`);
    if (a.length === 2 && a[0] === T.type) return vm.typeOf(a[1]!);
    return typeNew(a[0], a.slice(1), kw);
  });
  vm.method(T.type, '__init__', () => None);
  vm.method(T.type, '__call__', (a, kw) => vm.typeCall(a[0] as PyType, a.slice(1), kw));
  vm.method(T.type, '__setattr__', (a) => {
    vm.setTypeAttr(a[0] as PyType, a[1] as string, a[2]!);
    return None;
  });
  const wrapperCtor = (tp: PyType) => (a: PyVal[], kw: Kw): PyVal => {
    const g = a[0] ?? kwArg(kw, 'fget') ?? None;
    const s = a[1] ?? kwArg(kw, 'fset') ?? None;
    const d = a[2] ?? kwArg(kw, 'fdel') ?? None;
    let doc = a[3] ?? kwArg(kw, 'doc') ?? None;
    if (doc === None && g instanceof PyFunction) doc = g.doc;
    return new PyWrapper(tp, g, s, d, doc);
  };
  ctor(T.property, wrapperCtor(T.property));
  ctor(T.staticmethod, wrapperCtor(T.staticmethod));
  ctor(T.classmethod, wrapperCtor(T.classmethod));
  vm.method(T.property, 'getter', (a) => new PyWrapper(T.property, a[1]!, (a[0] as PyWrapper).fset, (a[0] as PyWrapper).fdel, (a[0] as PyWrapper).doc));
  vm.method(T.property, 'setter', (a) => new PyWrapper(T.property, (a[0] as PyWrapper).fget, a[1]!, (a[0] as PyWrapper).fdel, (a[0] as PyWrapper).doc));
  vm.method(T.property, 'deleter', (a) => new PyWrapper(T.property, (a[0] as PyWrapper).fget, (a[0] as PyWrapper).fset, a[1]!, (a[0] as PyWrapper).doc));
  vm.method(T.property, '__get__', (a) => vm.callValue((a[0] as PyWrapper).fget, [a[1]!], null));

  // super()
  ctor(T.super, (a) => {
    const t = vm.cur;
    let thisType: PyType, obj: PyVal;
    if (a.length >= 1) {
      thisType = a[0] as PyType;
      obj = a[1] ?? None;
    } else {
      const f: Frame | undefined = t.frames[t.frames.length - 1];
      if (f === undefined) throw err('RuntimeError', 'super(): no arguments');
      const ci = f.code.freevars.indexOf('__class__');
      if (ci < 0) throw err('RuntimeError', 'super(): __class__ cell not found');
      const cell = f.cells[f.code.cellvars.length + ci]!;
      if (cell.value === undefined) throw err('RuntimeError', 'super(): empty __class__ cell');
      thisType = cell.value as PyType;
      if (f.code.argcount === 0) throw err('RuntimeError', 'super(): no arguments');
      let first = f.fast[0];
      if (first === undefined) {
        const c2 = Array.from(f.code.cell2arg).indexOf(0);
        if (c2 >= 0) first = f.cells[c2]!.value;
      }
      if (first === undefined || first === null) throw err('RuntimeError', 'super(): arg[0] deleted');
      obj = first;
    }
    const objType = obj instanceof PyType && vm.isSubtype(obj, thisType) ? obj : vm.typeOf(obj);
    return new PySuper(T.super, thisType, obj, objType);
  });
  // ───────────── object / type methods ─────────────
  vm.method(T.object, '__init__', () => None);
  vm.method(T.object, '__new__', (a) => {
    const tp = a[0] as PyType;
    // `cls.__new__(cls)` on a list/dict/set subclass (copy's reconstruction): an empty container
    // of the subclass, as list.__new__ makes; a bare instance would have no storage.
    const base = vm.builtinBase(tp);
    if (base === T.list || base === T.dict || base === T.set) {
      const o = vm.ctors.get(base)!([], null, tp) as PyObject;
      o.cls = tp;
      return o;
    }
    return vm.instantiate(tp);
  });
  vm.method(T.object, '__repr__', (a) => {
    const v = a[0]!;
    const tp = vm.typeOf(v);
    return `<${tp.module === 'builtins' ? '' : tp.module + '.'}${tp.qualname} object at ${hexAddr(v as PyObject)}>`;
  });
  vm.method(T.object, '__str__', (a) => vm.str(a[0]!));
  vm.method(T.object, '__eq__', (a) => (a[0] === a[1] ? true : vm.NotImplemented));
  vm.method(T.object, '__ne__', (a) => {
    const r = vm.compare(a[0]!, a[1]!, 2);
    return r === vm.NotImplemented ? r : !vm.truthy(r);
  });
  vm.method(T.object, '__hash__', (a) => vm.hash(a[0]!));
  vm.method(T.object, '__setattr__', (a) => {
    vm.checkSlot(a[0] as PyInstance, a[1] as string);
    vm.setAttrRaw(vm.cur, a[0] as PyInstance, a[1] as string, a[2]!);
    return None;
  });
  vm.method(T.object, '__getattribute__', (a) => vm.getAttr(a[0]!, a[1] as string));
  vm.method(T.object, '__delattr__', (a) => {
    vm.delAttr(a[0]!, a[1] as string);
    return None;
  });
  vm.method(T.object, '__format__', (a) => vm.format(a[0]!, a[1] as string));
  vm.method(T.object, '__init_subclass__', () => None);
  // Protocol 2's reduction of a plain object: (copyreg.__newobj__, (cls,), its __dict__ or None, None, None).
  const newobj = vm.builtin('__newobj__', (a) => vm.callValue(vm.getAttr(a[0]!, '__new__'), a, null));
  const reduceEx = (a: PyVal[]): PyVal => {
    const d = vm.getAttrOpt(a[0]!, '__dict__');
    const state = d instanceof PyDict && d.count > 0 ? d : None;
    return vm.newTuple([newobj, vm.newTuple([vm.typeOf(a[0]!)]), state, None, None]);
  };
  vm.method(T.object, '__reduce_ex__', reduceEx);
  vm.method(T.object, '__reduce__', reduceEx);
  vm.method(T.type, 'mro', (a) => vm.placeList(vm.newList((a[0] as PyType).mro)));
  vm.method(T.type, '__subclasses__', () => vm.placeList(vm.newList([])));

  // ───────────── int / float ─────────────
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

  // ───────────── str ─────────────
  const S = (a: PyVal[]): string => a[0] as string;
  const strArg = (v: PyVal | undefined, fname: string, pos = 1): string => {
    if (typeof v !== 'string') throw vm.typeErr(`${fname}() argument ${pos} must be str, not ${v === undefined ? 'None' : tn(v)}`);
    return v;
  };
  const clampRange = (len: number, s?: PyVal, e?: PyVal): [number, number] => {
    let start = s === undefined || s === None ? 0 : Number(index(s));
    let end = e === undefined || e === None ? len : Number(index(e));
    if (start < 0) start = Math.max(0, start + len);
    if (end < 0) end = Math.max(0, end + len);
    if (end > len) end = len;
    return [start, end];
  };
  /** A str-or-None argument: CPython's "must be str or None, not X" for anything else. */
  const optStrArg = (v: PyVal | undefined): string | null => {
    if (v === undefined || v === None) return null;
    if (typeof v !== 'string') throw vm.typeErr(`must be str or None, not ${tn(v)}`);
    return v;
  };
  const stripArg = (v: PyVal | undefined, fname: string): string | null => {
    if (v === undefined || v === None) return null;
    if (typeof v !== 'string') throw vm.typeErr(`${fname} arg must be None or str`);
    return v;
  };
  /** start/end of find/count/startswith…: None or an index. */
  const optIdx = (v: PyVal | undefined): R.IntVal | null => (v === undefined || v === None ? null : index(v));
  const strList = (xs: string[]): PyList => vm.placeList(vm.newList(xs));
  const sm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.str, name, fn);
  };
  sm('join', (a) => {
    const parts = vm.toList(a[1]!);
    for (let i = 0; i < parts.length; i++) {
      if (typeof parts[i] !== 'string') throw vm.typeErr(`sequence item ${i}: expected str instance, ${tn(parts[i]!)} found`);
    }
    const r = (parts as string[]).join(S(a));
    vm.tmp(vm.cur, 49 + r.length);
    return r;
  });
  // The method bodies are the runtime library's (CPython-exact, fixture-tested); here only
  // argument parsing and CPython's argument errors.
  const maxsplitArg = (v: PyVal | undefined): R.IntVal => (v === undefined ? -1 : index(v));
  sm('split', (a, kw) => strList(RS.strSplit(S(a), optStrArg(a[1] ?? kwArg(kw, 'sep')), maxsplitArg(a[2] ?? kwArg(kw, 'maxsplit')))));
  sm('rsplit', (a, kw) => strList(RS.strRsplit(S(a), optStrArg(a[1] ?? kwArg(kw, 'sep')), maxsplitArg(a[2] ?? kwArg(kw, 'maxsplit')))));
  sm('splitlines', (a, kw) => strList(RS.strSplitlines(S(a), vm.truthy(a[1] ?? kwArg(kw, 'keepends') ?? false))));
  sm('strip', (a) => RS.strStrip(S(a), stripArg(a[1], 'strip')));
  sm('lstrip', (a) => RS.strLstrip(S(a), stripArg(a[1], 'lstrip')));
  sm('rstrip', (a) => RS.strRstrip(S(a), stripArg(a[1], 'rstrip')));
  sm('replace', (a) => {
    nargs(a, 3, 4, 'replace');
    return RS.strReplace(S(a), strArg(a[1], 'replace', 1), strArg(a[2], 'replace', 2), a[3] === undefined ? -1 : index(a[3]));
  });
  const subArg = (v: PyVal | undefined): string => {
    if (typeof v !== 'string') throw vm.typeErr(`must be str, not ${v === undefined ? 'NoneType' : tn(v)}`);
    return v;
  };
  sm('find', (a) => RS.strFind(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('rfind', (a) => RS.strRfind(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('index', (a) => RS.strIndex(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('rindex', (a) => RS.strRindex(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('count', (a) => RS.strCount(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  const affix = (a: PyVal[], end: boolean): boolean => {
    const s = S(a);
    const st = optIdx(a[2]), en = optIdx(a[3]);
    const test = (x: PyVal): boolean => {
      if (typeof x !== 'string') throw vm.typeErr(`${end ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${tn(x)}`);
      return end ? RS.strEndswith(s, x, st, en) : RS.strStartswith(s, x, st, en);
    };
    const p = a[1]!;
    if (p instanceof PyTuple) {
      for (const x of p.items) {
        if (typeof x !== 'string') throw vm.typeErr(`tuple for ${end ? 'endswith' : 'startswith'} must only contain str, not ${tn(x)}`);
        if (test(x)) return true;
      }
      return false;
    }
    return test(p);
  };
  sm('startswith', (a) => affix(a, false));
  sm('endswith', (a) => affix(a, true));
  sm('upper', (a) => RS.strUpper(S(a)));
  sm('lower', (a) => RS.strLower(S(a)));
  sm('casefold', (a) => RS.strCasefold(S(a)));
  sm('swapcase', (a) => RS.strSwapcase(S(a)));
  sm('title', (a) => RS.strTitle(S(a)));
  sm('capitalize', (a) => RS.strCapitalize(S(a)));
  const fillArg = (a: PyVal[], fname: string): string => {
    nargs(a, 2, 3, fname);
    const f = a[2];
    if (f === undefined) return ' ';
    if (typeof f !== 'string') throw vm.typeErr(`The fill character must be a unicode character, not ${tn(f)}`);
    return f;
  };
  sm('center', (a) => RS.strCenter(S(a), index(a[1]!), fillArg(a, 'center')));
  sm('ljust', (a) => RS.strLjust(S(a), index(a[1]!), fillArg(a, 'ljust')));
  sm('rjust', (a) => RS.strRjust(S(a), index(a[1]!), fillArg(a, 'rjust')));
  sm('zfill', (a) => {
    nargs(a, 2, 2, 'zfill');
    return RS.strZfill(S(a), index(a[1]!));
  });
  sm('expandtabs', (a, kw) => {
    const t = a[1] ?? kwArg(kw, 'tabsize');
    return RS.strExpandtabs(S(a), t === undefined ? 8 : index(t));
  });
  sm('isdigit', (a) => RS.strIsdigit(S(a)));
  sm('isdecimal', (a) => RS.strIsdecimal(S(a)));
  sm('isnumeric', (a) => RS.strIsnumeric(S(a)));
  sm('isalpha', (a) => RS.strIsalpha(S(a)));
  sm('isalnum', (a) => RS.strIsalnum(S(a)));
  sm('isspace', (a) => RS.strIsspace(S(a)));
  sm('isascii', (a) => RS.strIsascii(S(a)));
  sm('isidentifier', (a) => RS.strIsidentifier(S(a)));
  sm('isprintable', (a) => RS.strIsprintable(S(a)));
  sm('isupper', (a) => RS.strIsupper(S(a)));
  sm('islower', (a) => RS.strIslower(S(a)));
  sm('istitle', (a) => RS.strIstitle(S(a)));
  sm('partition', (a) => vm.newTuple(RS.strPartition(S(a), subArg(a[1]))));
  sm('rpartition', (a) => vm.newTuple(RS.strRpartition(S(a), subArg(a[1]))));
  const affixArg = (v: PyVal | undefined, fname: string): string => {
    if (typeof v !== 'string') throw vm.typeErr(`${fname}() argument must be str, not ${v === undefined ? 'NoneType' : tn(v)}`);
    return v;
  };
  sm('removeprefix', (a) => RS.strRemoveprefix(S(a), affixArg(a[1], 'removeprefix')));
  sm('removesuffix', (a) => RS.strRemovesuffix(S(a), affixArg(a[1], 'removesuffix')));
  sm('format', (a, kw) => strFormat(S(a), a.slice(1), kw));
  sm('format_map', (a) => {
    const m = a[1]!;
    const kw = new Map<string, PyVal>();
    if (m instanceof PyDict) for (const i of m.entries()) kw.set(m.keys[i] as string, m.vals[i]!);
    else if (/\{[^{]/.test(S(a).replace(/\{\{/g, ''))) throw vm.typeErr(`'${vm.typeOf(m).name}' object is not subscriptable`);
    return strFormat(S(a), [], kw);
  });
  sm('encode', (a) => makeBytes(T.bytes, new TextEncoder().encode(S(a))));
  sm('__len__', (a) => S(a).length);
  sm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  sm('__getitem__', (a) => vm.getItem(a[0]!, a[1]!));
  sm('__add__', (a) => vm.binop(a[0]!, a[1]!, 0));
  sm('__mul__', (a) => vm.binop(a[0]!, a[1]!, 5));
  sm('__mod__', (a) => vm.binop(a[0]!, a[1]!, 6));
  sm('__eq__', (a) => (typeof a[1] === 'string' ? a[0] === a[1] : vm.NotImplemented));
  sm('__lt__', (a) => (typeof a[1] === 'string' ? (a[0] as string) < a[1] : vm.NotImplemented));
  sm('__hash__', (a) => vm.hash(a[0]!));
  sm('__str__', (a) => a[0]!);
  sm('__repr__', (a) => vm.repr(a[0]!));
  sm('__format__', (a) => vm.format(a[0]!, a[1] as string));
  sm('maketrans', (a) => {
    const d = vm.placeDict(vm.newDict());
    if (a.length >= 3 && typeof a[1] === 'string') {
      const x = Array.from(a[1]), y = Array.from(a[2] as string);
      if (x.length !== y.length) throw err('ValueError', 'the first two maketrans arguments must have equal length');
      x.forEach((c, i) => d.set(c.codePointAt(0)!, y[i]!.codePointAt(0)!));
      if (a[3] !== undefined) for (const c of a[3] as string) d.set(c.codePointAt(0)!, None);
    } else if (a[1] instanceof PyDict) {
      for (const i of a[1].entries()) {
        const k = a[1].keys[i]!;
        d.set(typeof k === 'string' ? k.codePointAt(0)! : k, a[1].vals[i]!);
      }
    }
    return d;
  });
  T.str.dict.set('maketrans', new PyWrapper(T.staticmethod, vm.builtin('maketrans', (a) => (T.str.dict.get('maketrans') as PyBuiltin).fn([None, ...a], null, undefined)), None, None, None));
  const mk2 = vm.builtin('maketrans', (a) => {
    const d = vm.placeDict(vm.newDict());
    if (a.length >= 2 && typeof a[0] === 'string') {
      const x = Array.from(a[0]), y = Array.from(a[1] as string);
      if (x.length !== y.length) throw err('ValueError', 'the first two maketrans arguments must have equal length');
      x.forEach((c, i) => d.set(c.codePointAt(0)!, y[i]!.codePointAt(0)!));
      if (a[2] !== undefined) for (const c of a[2] as string) d.set(c.codePointAt(0)!, None);
    } else if (a[0] instanceof PyDict) {
      for (const i of a[0].entries()) {
        const k = a[0].keys[i]!;
        d.set(typeof k === 'string' ? k.codePointAt(0)! : k, a[0].vals[i]!);
      }
    }
    return d;
  });
  T.str.dict.set('maketrans', new PyWrapper(T.staticmethod, mk2, None, None, None));
  sm('translate', (a) => {
    const table = a[1]!;
    let out = '';
    for (const c of S(a)) {
      let r: PyVal | undefined;
      try {
        r = vm.getItem(table, c.codePointAt(0)!);
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('LookupError')!)) r = undefined;
        else throw e;
      }
      if (r === undefined) out += c;
      else if (r === None) continue;
      else if (typeof r === 'string') out += r;
      else out += String.fromCodePoint(Number(index(r)));
    }
    return out;
  });

  // ───────────── list ─────────────
  const L = (a: PyVal[]): PyList => a[0] as PyList;
  const lm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.list, name, fn);
  };
  lm('append', (a) => {
    nargs(a, 2, 2, 'list.append');
    vm.listAppend(vm.cur, L(a), a[1]!);
    return None;
  });
  lm('extend', (a) => {
    listExtend(L(a), vm.toList(a[1]!));
    return None;
  });
  lm('insert', (a) => {
    const l = L(a);
    let i = Number(index(a[1]!));
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    vm.mutate(vm.cur, l);
    vm.listGrow(vm.cur, l, n + 1);
    vm.countRefs(vm.cur, null, [a[2]!]);
    l.items.splice(i, 0, a[2]!);
    return None;
  });
  lm('pop', (a) => {
    const l = L(a);
    const n = l.items.length;
    if (n === 0) throw err('IndexError', 'pop from empty list');
    let i = a[1] === undefined ? n - 1 : Number(index(a[1]));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw err('IndexError', 'pop index out of range');
    vm.mutate(vm.cur, l);
    vm.rd(vm.cur, l.itemsAddr + i * 8, 8);
    const v = l.items.splice(i, 1)[0]!;
    vm.countRefs(vm.cur, [v], null);
    return v;
  });
  lm('remove', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    const i = l.items.findIndex((x) => x === a[1] || vm.eq(x, a[1]!));
    if (i < 0) throw err('ValueError', 'list.remove(x): x not in list');
    vm.mutate(vm.cur, l);
    vm.countRefs(vm.cur, l.items.splice(i, 1), null);
    return None;
  });
  lm('index', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    const [st, en] = clampRange(l.items.length, a[2], a[3]);
    for (let i = st; i < en; i++) if (l.items[i] === a[1] || vm.eq(l.items[i]!, a[1]!)) return i;
    throw err('ValueError', `${vm.repr(a[1]!)} is not in list`);
  });
  lm('count', (a) => {
    const l = L(a);
    vm.readObj(vm.cur, l);
    return l.items.filter((x) => x === a[1] || vm.eq(x, a[1]!)).length;
  });
  lm('sort', (a, kw) => {
    const l = L(a);
    if (a.length > 1) throw vm.typeErr('sort() takes no positional arguments');
    const key = kwArg(kw, 'key') ?? None;
    const rev = vm.truthy(kwArg(kw, 'reverse') ?? false);
    vm.readObj(vm.cur, l);
    const sorted = sortList(l.items.slice(), key, rev);
    vm.listReplace(vm.cur, l, sorted);
    return None;
  });
  lm('reverse', (a) => {
    const l = L(a);
    vm.listReplace(vm.cur, l, l.items.slice().reverse());
    return None;
  });
  lm('clear', (a) => {
    vm.listReplace(vm.cur, L(a), []);
    return None;
  });
  lm('copy', (a) => {
    vm.readObj(vm.cur, L(a));
    return vm.placeList(vm.newList(L(a).items.slice()));
  });
  lm('__len__', (a) => L(a).items.length);
  lm('__getitem__', (a) => getItemRaw(a[0]!, a[1]!));
  lm('__setitem__', (a) => {
    setItemRaw(a[0]!, a[1]!, a[2]!);
    return None;
  });
  lm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  lm('__iter__', (a) => vm.iter(a[0]!));
  lm('__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  lm('__add__', (a) => vm.binop(a[0]!, a[1]!, 0));

  // ───────────── tuple ─────────────
  vm.method(T.tuple, 'index', (a) => {
    const items = (a[0] as PyTuple).items;
    const [st, en] = clampRange(items.length, a[2], a[3]);
    for (let i = st; i < en; i++) if (items[i] === a[1] || vm.eq(items[i]!, a[1]!)) return i;
    throw err('ValueError', 'tuple.index(x): x not in tuple');
  });
  vm.method(T.tuple, 'count', (a) => (a[0] as PyTuple).items.filter((x) => x === a[1] || vm.eq(x, a[1]!)).length);
  vm.method(T.tuple, '__len__', (a) => (a[0] as PyTuple).items.length);
  vm.method(T.tuple, '__getitem__', (a) => vm.getItem(a[0]!, a[1]!));
  vm.method(T.tuple, '__iter__', (a) => vm.iter(a[0]!));
  vm.method(T.tuple, '__contains__', (a) => vm.contains(a[0]!, a[1]!));
  vm.method(T.tuple, '__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  vm.method(T.tuple, '__hash__', (a) => vm.hash(a[0]!));
  vm.method(T.tuple, '__add__', (a) => vm.binop(a[0]!, a[1]!, 0));

  // ───────────── dict ─────────────
  const D = (a: PyVal[]): PyDict => a[0] as PyDict;
  const dm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.dict, name, fn);
  };
  dm('get', (a) => {
    const v = vm.dictGet(vm.cur, D(a), a[1]!);
    return v === undefined ? (a[2] ?? None) : v;
  });
  dm('setdefault', (a) => {
    const d = D(a);
    const v = vm.dictGet(vm.cur, d, a[1]!);
    if (v !== undefined) return v;
    const def = a[2] ?? None;
    vm.dictSet(vm.cur, d, a[1]!, def);
    return def;
  });
  dm('pop', (a) => {
    const d = D(a);
    if (!d.has(a[1]!)) {
      vm.readObj(vm.cur, d);
      if (a[2] !== undefined) return a[2];
      throw keyError(a[1]!);
    }
    return vm.dictDel(vm.cur, d, a[1]!)!;
  });
  dm('popitem', (a) => {
    const d = D(a);
    if (d.count === 0) throw err('KeyError', 'popitem(): dictionary is empty');
    let i = d.keys.length - 1;
    while (d.keys[i] === undefined) i--;
    const k = d.keys[i]!, v = d.vals[i]!;
    vm.mutate(vm.cur, d);
    d.removeAt(i);
    return vm.newTuple([k, v]);
  });
  const view = (d: PyDict, kind: 0 | 1 | 2): PyView => {
    vm.readObj(vm.cur, d);
    return new PyView(viewTypes[kind]!, d, kind);
  };
  dm('keys', (a) => view(D(a), 0));
  dm('values', (a) => view(D(a), 1));
  dm('items', (a) => view(D(a), 2));
  dm('update', (a, kw) => {
    const d = D(a);
    vm.mutate(vm.cur, d);
    dictFromArgs(d, a.slice(1), kw);
    return None;
  });
  dm('clear', (a) => {
    vm.mutate(vm.cur, D(a));
    D(a).clear();
    return None;
  });
  dm('copy', (a) => {
    const d = D(a);
    vm.readObj(vm.cur, d);
    const n = vm.placeDict(vm.newDict());
    for (const i of d.entries()) n.set(d.keys[i]!, d.vals[i]!);
    return n;
  });
  dm('__len__', (a) => D(a).count);
  dm('__getitem__', (a) => getItemRaw(a[0]!, a[1]!));
  dm('__setitem__', (a) => {
    setItemRaw(a[0]!, a[1]!, a[2]!);
    return None;
  });
  dm('__delitem__', (a) => {
    delItemRaw(a[0]!, a[1]!);
    return None;
  });
  dm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  dm('__iter__', (a) => vm.iter(a[0]!));
  dm('__eq__', (a) => vm.compare(a[0]!, a[1]!, 2));
  T.dict.dict.set('fromkeys', new PyWrapper(T.classmethod, vm.builtin('fromkeys', (a) => {
    const d = vm.placeDict(vm.newDict());
    for (const k of vm.toList(a[1]!)) d.set(k, a[2] ?? None);
    return d;
  }), None, None, None));
  for (const vt of viewTypes) {
    vm.method(vt, '__len__', (a) => (a[0] as PyView).d.count);
    vm.method(vt, '__iter__', (a) => vm.iter(a[0]!));
    vm.method(vt, '__contains__', (a) => vm.contains(a[0]!, a[1]!));
  }

  // ───────────── set ─────────────
  const St = (a: PyVal[]): PySet => a[0] as PySet;
  const setm = (name: string, fn: BuiltinImpl, frozenToo = true): void => {
    vm.method(T.set, name, fn);
    if (frozenToo) vm.method(T.frozenset, name, fn);
  };
  const asSet = (v: PyVal): PySet => (v instanceof PySet ? v : setFrom(T.set, v));
  setm('add', (a) => {
    vm.mutate(vm.cur, St(a));
    St(a).add(a[1]!);
    return None;
  }, false);
  setm('discard', (a) => {
    vm.mutate(vm.cur, St(a));
    St(a).discard(a[1]!);
    return None;
  }, false);
  setm('remove', (a) => {
    vm.mutate(vm.cur, St(a));
    if (!St(a).discard(a[1]!)) throw keyError(a[1]!);
    return None;
  }, false);
  setm('pop', (a) => {
    vm.mutate(vm.cur, St(a));
    const v = St(a).pop();
    if (v === undefined) throw err('KeyError', 'pop from an empty set');
    return v;
  }, false);
  setm('clear', (a) => {
    vm.mutate(vm.cur, St(a));
    St(a).clear();
    return None;
  }, false);
  setm('update', (a) => {
    const s = St(a);
    vm.mutate(vm.cur, s);
    for (const o of a.slice(1)) {
      if (o instanceof PySet) s.mergeSet(o);
      else for (const x of vm.toList(o)) s.add(x);
    }
    return None;
  }, false);
  setm('intersection_update', (a) => {
    const s = St(a);
    let r = s.items();
    for (const o of a.slice(1)) {
      const os = asSet(o);
      r = r.filter((x) => os.has(x));
    }
    vm.mutate(vm.cur, s);
    s.clear();
    for (const x of r) s.add(x);
    return None;
  }, false);
  setm('difference_update', (a) => {
    const s = St(a);
    vm.mutate(vm.cur, s);
    for (const o of a.slice(1)) for (const x of vm.toList(o)) s.discard(x);
    return None;
  }, false);
  setm('symmetric_difference_update', (a) => {
    const s = St(a);
    vm.mutate(vm.cur, s);
    for (const x of vm.toList(a[1]!)) if (!s.discard(x)) s.add(x);
    return None;
  }, false);
  setm('copy', (a) => setFrom(St(a).cls, St(a)));
  setm('union', (a) => {
    const s = setFrom(St(a).cls, St(a));
    for (const o of a.slice(1)) {
      if (o instanceof PySet) for (const x of o.items()) s.add(x);
      else for (const x of vm.toList(o)) s.add(x);
    }
    return s;
  });
  setm('intersection', (a) => {
    let cur = St(a);
    for (const o of a.slice(1)) {
      const os = asSet(o);
      const r = vm.place(new PySet(vm.builtinBase(St(a).cls), vm.keyOps), 200);
      for (const x of setIntersection(cur, os)) r.add(x);
      cur = r;
    }
    return cur === St(a) ? setFrom(St(a).cls, cur) : cur;
  });
  setm('difference', (a) => {
    const others = a.slice(1).map(asSet);
    const r = vm.place(new PySet(vm.builtinBase(St(a).cls), vm.keyOps), 200);
    for (const x of St(a).items()) if (!others.some((o) => o.has(x))) r.add(x);
    return r;
  });
  setm('symmetric_difference', (a) => vm.binop(St(a), asSet(a[1]!), 12));
  setm('issubset', (a) => {
    const o = asSet(a[1]!);
    return St(a).items().every((x) => o.has(x));
  });
  setm('issuperset', (a) => {
    const s = St(a);
    return vm.toList(a[1]!).every((x) => s.has(x));
  });
  setm('isdisjoint', (a) => {
    const s = St(a);
    return !vm.toList(a[1]!).some((x) => s.has(x));
  });
  setm('__len__', (a) => St(a).used);
  setm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  setm('__iter__', (a) => vm.iter(a[0]!));

  // ───────────── bytes / bytearray ─────────────
  const By = (a: PyVal[]): PyBytes => a[0] as PyBytes;
  const bm = (bt: PyType, name: string, fn: BuiltinImpl): void => {
    vm.method(bt, name, fn);
  };
  const bytesArg = (v: PyVal | undefined): PyBytes => {
    if (!(v instanceof PyBytes)) throw vm.typeErr(`a bytes-like object is required, not '${v === undefined ? 'NoneType' : tn(v)}'`);
    return v;
  };
  /** A sub-sequence argument of find/count/index: bytes or a single byte value. */
  const subBytes = (v: PyVal | undefined): string => {
    if (v !== undefined && isIntLike(v)) {
      const c = Number(intOf(v));
      if (c < 0 || c > 255) throw err('ValueError', 'byte must be in range(0, 256)');
      return String.fromCharCode(c);
    }
    if (!(v instanceof PyBytes)) throw vm.typeErr(`argument should be integer or bytes-like object, not '${v === undefined ? 'NoneType' : tn(v)}'`);
    return bytesStr(v);
  };
  for (const bt of [T.bytes, T.bytearray]) {
    vm.method(bt, 'decode', (a) => decodeBytes(By(a)));
    vm.method(bt, 'hex', (a) => Array.from(By(a).data.subarray(0, By(a).len), (c) => c.toString(16).padStart(2, '0')).join(''));
    // Search and split methods run the runtime's str algorithms on the latin-1 image of the
    // bytes (byte-for-byte the same results); case and whitespace rules are ASCII-only.
    const mk = (x: string): PyBytes => makeBytes(bt, Uint8Array.from(x, (c) => c.charCodeAt(0)));
    bm(bt, 'count', (a) => RS.strCount(bytesStr(By(a)), subBytes(a[1]), optIdx(a[2]), optIdx(a[3])));
    bm(bt, 'find', (a) => RS.strFind(bytesStr(By(a)), subBytes(a[1]), optIdx(a[2]), optIdx(a[3])));
    bm(bt, 'rfind', (a) => RS.strRfind(bytesStr(By(a)), subBytes(a[1]), optIdx(a[2]), optIdx(a[3])));
    const idx = (r: number): number => {
      if (r < 0) throw err('ValueError', 'subsection not found');
      return r;
    };
    bm(bt, 'index', (a) => idx(RS.strFind(bytesStr(By(a)), subBytes(a[1]), optIdx(a[2]), optIdx(a[3]))));
    bm(bt, 'rindex', (a) => idx(RS.strRfind(bytesStr(By(a)), subBytes(a[1]), optIdx(a[2]), optIdx(a[3]))));
    const affixB = (a: PyVal[], end: boolean): boolean => {
      const h = bytesStr(By(a));
      const st = optIdx(a[2]), en = optIdx(a[3]);
      const one = (x: PyVal): boolean => {
        if (!(x instanceof PyBytes)) throw vm.typeErr(`${end ? 'endswith' : 'startswith'} first arg must be bytes or a tuple of bytes, not ${tn(x)}`);
        return end ? RS.strEndswith(h, bytesStr(x), st, en) : RS.strStartswith(h, bytesStr(x), st, en);
      };
      const p = a[1]!;
      return p instanceof PyTuple ? p.items.some(one) : one(p);
    };
    bm(bt, 'startswith', (a) => affixB(a, false));
    bm(bt, 'endswith', (a) => affixB(a, true));
    bm(bt, 'upper', (a) => mk(bytesStr(By(a)).replace(/[a-z]+/g, (m) => m.toUpperCase())));
    bm(bt, 'lower', (a) => mk(bytesStr(By(a)).replace(/[A-Z]+/g, (m) => m.toLowerCase())));
    bm(bt, 'replace', (a) => mk(RS.strReplace(bytesStr(By(a)), bytesStr(bytesArg(a[1])), bytesStr(bytesArg(a[2])), a[3] === undefined ? -1 : index(a[3]))));
    const optSep = (v: PyVal | undefined): string | null => (v === undefined || v === None ? null : bytesStr(bytesArg(v)));
    const wsSplit = (h: string, max: number, rev: boolean): string[] => {
      const parts = h.split(/[ \t\n\r\x0b\x0c]+/).filter((x) => x !== '');
      if (max < 0 || parts.length <= max + 1) return parts;
      // Re-split keeping the remainder's inner whitespace, as CPython does.
      const out: string[] = [];
      let rest = rev ? h.replace(/[ \t\n\r\x0b\x0c]+$/, '') : h.replace(/^[ \t\n\r\x0b\x0c]+/, '');
      for (let k = 0; k < max; k++) {
        const m = rev ? /[ \t\n\r\x0b\x0c]+([^ \t\n\r\x0b\x0c]*)$/.exec(rest)! : /^([^ \t\n\r\x0b\x0c]*)[ \t\n\r\x0b\x0c]+/.exec(rest)!;
        out.push(m[1]!);
        rest = rev ? rest.slice(0, m.index) : rest.slice(m[0].length);
      }
      out.push(rest);
      return rev ? out.reverse() : out;
    };
    const splitB = (a: PyVal[], kw: Kw, rev: boolean): PyList => {
      const h = bytesStr(By(a));
      const sep = optSep(a[1] ?? kwArg(kw, 'sep'));
      const mx = a[2] ?? kwArg(kw, 'maxsplit');
      const max = mx === undefined ? -1 : Number(index(mx));
      const parts = sep === null ? wsSplit(h, max, rev) : rev ? RS.strRsplit(h, sep, max) : RS.strSplit(h, sep, max);
      return vm.placeList(vm.newList(parts.map(mk)));
    };
    bm(bt, 'split', (a, kw) => splitB(a, kw, false));
    bm(bt, 'rsplit', (a, kw) => splitB(a, kw, true));
    const stripB = (a: PyVal[], l: boolean, r: boolean): PyBytes => {
      let h = bytesStr(By(a));
      const cs = optSep(a[1]);
      if (cs === null) {
        if (l) h = h.replace(/^[ \t\n\r\x0b\x0c]+/, '');
        if (r) h = h.replace(/[ \t\n\r\x0b\x0c]+$/, '');
        return mk(h);
      }
      let i = 0, j = h.length;
      if (l) while (i < j && cs.includes(h[i]!)) i++;
      if (r) while (j > i && cs.includes(h[j - 1]!)) j--;
      return mk(h.slice(i, j));
    };
    bm(bt, 'strip', (a) => stripB(a, true, true));
    bm(bt, 'lstrip', (a) => stripB(a, true, false));
    bm(bt, 'rstrip', (a) => stripB(a, false, true));
    bm(bt, 'partition', (a) => vm.newTuple(RS.strPartition(bytesStr(By(a)), bytesStr(bytesArg(a[1]))).map(mk)));
    bm(bt, 'rpartition', (a) => vm.newTuple(RS.strRpartition(bytesStr(By(a)), bytesStr(bytesArg(a[1]))).map(mk)));
    const asciiPred = (name: string, re: RegExp): void => bm(bt, name, (a) => re.test(bytesStr(By(a))));
    asciiPred('isdigit', /^[0-9]+$/);
    asciiPred('isalpha', /^[A-Za-z]+$/);
    asciiPred('isalnum', /^[A-Za-z0-9]+$/);
    asciiPred('isspace', /^[ \t\n\r\x0b\x0c]+$/);
    asciiPred('isupper', /^[^a-z]*[A-Z][^a-z]*$/);
    asciiPred('islower', /^[^A-Z]*[a-z][^A-Z]*$/);
    vm.method(bt, 'join', (a) => {
      const parts = vm.toList(a[1]!).map((p) => bytesOf(p));
      const sep = bytesOf(a[0]!);
      const out: number[] = [];
      parts.forEach((p, i) => {
        if (i > 0) out.push(...sep);
        out.push(...p);
      });
      return makeBytes(bt, Uint8Array.from(out));
    });
    vm.method(bt, '__len__', (a) => By(a).len);
  }
  T.bytes.dict.set('fromhex', new PyWrapper(T.classmethod, vm.builtin('fromhex', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`fromhex() argument must be str, not ${vm.typeOf(a[1]!).name}`);
    const s = a[1].replace(/\s+/g, '');
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
    return makeBytes(a[0] as PyType, out);
  }), None, None, None));
  vm.method(T.bytearray, 'append', (a) => {
    const v = Number(index(a[1]!));
    if (v < 0 || v > 255) throw err('ValueError', 'byte must be in range(0, 256)');
    bytesExtend(By(a), [v]);
    return None;
  });
  vm.method(T.bytearray, 'extend', (a) => {
    bytesExtend(By(a), bytesOf(a[1]!, 'byte'));
    return None;
  });
  vm.method(T.bytearray, 'insert', (a) => {
    nargs(a, 3, 3, 'insert');
    const b = By(a);
    let i = Number(index(a[1]!));
    const v = Number(index(a[2]!));
    if (v < 0 || v > 255) throw err('ValueError', 'byte must be in range(0, 256)');
    if (i < 0) i = Math.max(0, i + b.len);
    if (i > b.len) i = b.len;
    const cur = Array.from(b.data.subarray(0, b.len));
    cur.splice(i, 0, v);
    vm.mutate(vm.cur, b);
    setBytes(b, Uint8Array.from(cur));
    return None;
  });
  vm.method(T.bytearray, 'remove', (a) => {
    const b = By(a);
    const v = Number(index(a[1]!));
    const i = b.data.subarray(0, b.len).indexOf(v);
    if (i < 0) throw err('ValueError', 'value not found in bytearray');
    const cur = Array.from(b.data.subarray(0, b.len));
    cur.splice(i, 1);
    vm.mutate(vm.cur, b);
    setBytes(b, Uint8Array.from(cur));
    return None;
  });
  vm.method(T.bytearray, 'pop', (a) => {
    const b = By(a);
    if (b.len === 0) throw err('IndexError', 'pop from empty bytearray');
    if (a[1] !== undefined) {
      let i = Number(index(a[1]));
      if (i < 0) i += b.len;
      if (i < 0 || i >= b.len) throw err('IndexError', 'pop index out of range');
      const v = b.data[i]!;
      const cur = Array.from(b.data.subarray(0, b.len));
      cur.splice(i, 1);
      vm.mutate(vm.cur, b);
      setBytes(b, Uint8Array.from(cur));
      return v;
    }
    vm.mutate(vm.cur, b);
    const v = b.data[b.len - 1]!;
    b.len--;
    return v;
  });
  vm.method(T.bytearray, 'clear', (a) => {
    vm.mutate(vm.cur, By(a));
    By(a).len = 0;
    return None;
  });
  vm.method(T.bytearray, 'copy', (a) => makeBytes(T.bytearray, By(a).data.slice(0, By(a).len)));
  vm.method(T.bytearray, 'reverse', (a) => {
    const b = By(a);
    vm.mutate(vm.cur, b);
    b.data.subarray(0, b.len).reverse();
    return None;
  });

  // ───────────── range ─────────────
  vm.method(T.range, 'index', (a) => {
    const r = a[0] as PyRange, x = a[1]!;
    if (isIntLike(x)) return Rg.rangeIndexOf(r, intOf(x), vm.repr(x));
    const n = Rg.rangeLen(r);
    for (let i = 0; R.intLt(i, n); i++) if (vm.eq(Rg.rangeAt(r, i), x)) return i;
    throw err('ValueError', `${vm.repr(x)} is not in range`);
  });
  vm.method(T.range, 'count', (a) => (vm.contains(a[0]!, a[1]!) ? 1 : 0));
  vm.method(T.range, '__len__', (a) => Rg.rangeSize(a[0] as PyRange));

  // ───────────── generators ─────────────
  vm.method(T.generator, 'send', (a) => {
    const r = vm.genSend(a[0] as PyGenerator, a[1] ?? None);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, '__next__', (a) => {
    const r = vm.genSend(a[0] as PyGenerator, None);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, '__iter__', (a) => a[0]!);
  vm.method(T.generator, 'throw', (a) => {
    const g = a[0] as PyGenerator;
    const e = vm.makeExc(a[2] !== undefined && a[2] !== None ? a[2] : a[1]!);
    if (!g.started) {
      g.done = true;
      throw e;
    }
    const r = vm.genThrow(g, e);
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  });
  vm.method(T.generator, 'close', (a) => {
    vm.genClose(a[0] as PyGenerator);
    return None;
  });
  // A coroutine is driven as a generator is (send/throw/close), but it is no iterator.
  for (const n of ['send', 'throw', 'close']) T.coroutine.dict.set(n, T.generator.dict.get(n)!);
  const stopIteration = (v: PyVal): PyExc => {
    const e = new PyExc(StopIter);
    e.args = v === None ? [] : [v];
    return e;
  };
  for (const it of [listIterT, tupleIterT, strIterT, rangeIterT, dictKeyIterT, setIterT, enumT, zipT, mapT, filterT, reversedT, T.iterator]) {
    vm.method(it, '__next__', (a) => {
      const r = (a[0] as PyIter).next();
      if (r === undefined) throw stopIteration(None);
      return r;
    });
    vm.method(it, '__iter__', (a) => a[0]!);
  }

  // ───────────── builtin functions ─────────────
  const def = (name: string, fn: BuiltinImpl, unfriendly: 'output' | null = null): PyBuiltin => {
    const b = vm.builtin(name, fn, unfriendly);
    B.set(name, b);
    return b;
  };
  installMatchHelpers(vm, def);
  for (const name of ['int', 'bool', 'float', 'str', 'list', 'tuple', 'dict', 'set', 'frozenset', 'bytes', 'bytearray',
    'range', 'slice', 'object', 'type', 'property', 'staticmethod', 'classmethod', 'super'] as const) {
    B.set(name, T[name]);
  }
  B.set('None', None);
  B.set('Ellipsis', vm.Ellipsis);
  B.set('NotImplemented', vm.NotImplemented);
  B.set('enumerate', enumT);
  B.set('zip', zipT);
  B.set('map', mapT);
  B.set('filter', filterT);
  B.set('reversed', reversedT);
  B.set('__name__', 'builtins');

  def('print', (a, kw) => {
    const sep = kwArg(kw, 'sep');
    const end = kwArg(kw, 'end');
    const file = kwArg(kw, 'file');
    if (sep !== undefined && sep !== None && typeof sep !== 'string') throw vm.typeErr(`sep must be None or a string, not ${tn(sep)}`);
    if (end !== undefined && end !== None && typeof end !== 'string') throw vm.typeErr(`end must be None or a string, not ${tn(end)}`);
    const s = a.map((x) => vm.str(x)).join(sep === undefined || sep === None ? ' ' : (sep as string)) + (end === undefined || end === None ? '\n' : (end as string));
    if (file !== undefined && file !== None) {
      const w = vm.getAttr(file, 'write');
      vm.callValue(w, [s], null);
      return None;
    }
    vm.out(s);
    return None;
  }, 'output');
  def('repr', (a) => vm.repr(a[0]!));
  def('ascii', (a) => vm.asciiOf(vm.repr(a[0]!)));
  def('len', (a) => {
    nargs(a, 1, 1, 'len');
    const v = a[0]!;
    if (typeof v === 'string') return v.length;
    if (v instanceof PyList) {
      vm.readObj(vm.cur, v);
      return v.items.length;
    }
    if (v instanceof PyTuple) return v.items.length;
    if (v instanceof PyDict) {
      vm.readObj(vm.cur, v);
      return v.count;
    }
    if (v instanceof PySet) return v.used;
    if (v instanceof PyBytes) return v.len;
    if (v instanceof PyRange) return Rg.rangeSize(v);
    if (v instanceof PyView) return v.d.count;
    if (v instanceof PyObject) {
      const m = vm.lookup(v.cls, '__len__');
      if (m !== undefined) {
        const r = vm.callValue(m, [v], null);
        if (!isIntLike(r)) throw vm.typeErr(`'${tn(r)}' object cannot be interpreted as an integer`);
        if (intOf(r) < 0) throw err('ValueError', '__len__() should return >= 0');
        return r;
      }
    }
    throw vm.typeErr(`object of type '${tn(v)}' has no len()`);
  });
  ctor(enumT, (a, kw) => {
    const it = vm.iter(a[0]!);
    const start = intOf((a[1] ?? kwArg(kw, 'start') ?? 0) as number);
    const e: PyIter = mkIter(enumT, () => {
      const x = vm.next(it);
      if (x === undefined) return undefined;
      const r = vm.newTuple([R.intAdd(start, e.i), x]);
      setPos(e, e.i + 1);
      return r;
    });
    return e;
  });
  ctor(zipT, (a, kw) => {
    const its = a.map((x) => vm.iter(x));
    const strict = vm.truthy(kwArg(kw, 'strict') ?? false);
    let done = false;
    return mkIter(zipT, () => {
      if (done || its.length === 0) return undefined;
      const items: PyVal[] = [];
      for (let k = 0; k < its.length; k++) {
        const x = vm.next(its[k]!);
        if (x === undefined) {
          done = true;
          if (strict && (k > 0 || its.slice(1).some((o) => vm.next(o) !== undefined))) {
            throw err('ValueError', `zip() argument ${k > 0 ? k + 1 : 2} is ${k > 0 ? 'shorter' : 'longer'} than argument${k > 1 ? 's 1-' + k : ' 1'}`);
          }
          return undefined;
        }
        items.push(x);
      }
      return vm.newTuple(items);
    });
  });
  ctor(mapT, (a) => {
    if (a.length < 2) throw vm.typeErr('map() must have at least two arguments.');
    const f = a[0]!;
    const its = a.slice(1).map((x) => vm.iter(x));
    return mkIter(mapT, () => {
      const args: PyVal[] = [];
      for (const it of its) {
        const x = vm.next(it);
        if (x === undefined) return undefined;
        args.push(x);
      }
      return vm.callValue(f, args, null);
    });
  });
  ctor(filterT, (a) => {
    const f = a[0]!;
    const it = vm.iter(a[1]!);
    return mkIter(filterT, () => {
      for (;;) {
        const x = vm.next(it);
        if (x === undefined) return undefined;
        if (f === None ? vm.truthy(x) : vm.truthy(vm.callValue(f, [x], null))) return x;
      }
    });
  });
  ctor(reversedT, (a) => {
    const v = a[0]!;
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__reversed__');
      if (m !== undefined) return vm.callValue(m, [v], null);
    }
    if (v instanceof PyList) {
      const n = v.items.length;
      return posIter(iterT('list_reverseiterator'), (k) => (n - 1 - k >= 0 && n - 1 - k < v.items.length ? vm.listGet(vm.cur, v, n - 1 - k) : undefined));
    }
    if (v instanceof PyRange && !rangeListable(v)) return rangeIter(new PyRange(T.range, ...Rg.rangeReversed(v)));
    if (!(v instanceof PyTuple || v instanceof PyRange || typeof v === 'string' || v instanceof PyBytes || v instanceof PyView || v instanceof PyDict || v instanceof PyInstance)) {
      throw vm.typeErr(`'${tn(v)}' object is not reversible`);
    }
    const items = vm.toList(v);
    return posIter(reversedT, (k) => (k < items.length ? items[items.length - 1 - k] : undefined));
  });
  def('sorted', (a, kw) => {
    nargs(a, 1, 1, 'sorted');
    const items = vm.toList(a[0]!);
    return vm.placeList(vm.newList(sortList(items, kwArg(kw, 'key') ?? None, vm.truthy(kwArg(kw, 'reverse') ?? false))));
  });
  const minmax = (a: PyVal[], kw: Kw, isMax: boolean): PyVal => {
    const name = isMax ? 'max' : 'min';
    const key = kwArg(kw, 'key') ?? None;
    const dflt = kwArg(kw, 'default');
    let items: PyVal[];
    if (a.length === 0) throw vm.typeErr(`${name} expected at least 1 argument, got 0`);
    if (a.length === 1) items = vm.toList(a[0]!);
    else {
      if (dflt !== undefined) throw vm.typeErr(`Cannot specify a default for ${name}() with multiple positional arguments`);
      items = a;
    }
    if (items.length === 0) {
      if (dflt !== undefined) return dflt;
      throw err('ValueError', `${name}() arg is an empty sequence`);
    }
    let best = items[0]!;
    let bk = key === None ? best : vm.callValue(key, [best], null);
    for (let i = 1; i < items.length; i++) {
      const x = items[i]!;
      const k = key === None ? x : vm.callValue(key, [x], null);
      if (isMax ? vm.lt(bk, k) : vm.lt(k, bk)) {
        best = x;
        bk = k;
      }
    }
    return best;
  };
  def('min', (a, kw) => minmax(a, kw, false));
  def('max', (a, kw) => minmax(a, kw, true));
  def('sum', (a, kw) => {
    let acc: PyVal = a[1] ?? kwArg(kw, 'start') ?? 0;
    if (typeof acc === 'string') throw vm.typeErr("sum() can't sum strings [use ''.join(seq) instead]");
    const items = vm.toList(a[0]!);
    // CPython adds floats in plain double arithmetic (no compensation) in 3.11.
    for (const x of items) acc = typeof acc === 'number' && typeof x === 'number' ? R.intAdd(acc, x) : vm.binop(acc, x, 0);
    return acc;
  });
  def('abs', (a) => {
    const v = a[0]!;
    if (isIntLike(v)) return R.intAbs(intOf(v));
    if (v instanceof PyFloat) return F(Math.abs(v.v));
    const r = callm(v, '__abs__', []);
    if (r !== undefined) return r;
    throw vm.typeErr(`bad operand type for abs(): '${tn(v)}'`);
  });
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
  def('round', (a, kw) => roundImpl(a[0]!, a[1] ?? kwArg(kw, 'ndigits')));
  def('divmod', (a) => {
    const x = a[0]!, y = a[1]!;
    if (isIntLike(x) && isIntLike(y)) return vm.newTuple([R.intFloorDiv(intOf(x), intOf(y)), R.intMod(intOf(x), intOf(y))]);
    if (isNum(x) && isNum(y)) {
      const [q, r] = rtFloatDivmod(fnum(x), fnum(y));
      return vm.newTuple([F(q), F(r)]);
    }
    const r = callm(x, '__divmod__', [y]);
    if (r !== undefined) return r;
    throw vm.typeErr(`unsupported operand type(s) for divmod(): '${tn(x)}' and '${tn(y)}'`);
  });
  def('pow', (a, kw) => {
    const m = a[2] ?? kwArg(kw, 'mod');
    if (m !== undefined && m !== None) {
      if (!isIntLike(a[0]!) || !isIntLike(a[1]!) || !isIntLike(m)) throw vm.typeErr('pow() 3rd argument not allowed unless all arguments are integers');
      return R.intPow(intOf(a[0]!), intOf(a[1]!), intOf(m));
    }
    return vm.binop(a[0]!, a[1]!, 8);
  });
  def('isinstance', (a) => {
    nargs(a, 2, 2, 'isinstance');
    const check = (spec: PyVal): boolean => {
      if (spec instanceof PyTuple) return spec.items.some(check);
      const union = typeForms.unionArgs(spec);
      if (union !== null) return union.some(check);
      if (!(spec instanceof PyType)) {
        // A non-class with __instancecheck__ (typing's special forms) answers for itself.
        const own = vm.lookup(vm.typeOf(spec), '__instancecheck__');
        if (own !== undefined) return vm.truthy(vm.callValue(own, [spec, a[0]!], null));
        throw vm.typeErr('isinstance() arg 2 must be a type, a tuple of types, or a union');
      }
      const hook = spec.cls.builtin || vm.typeOf(a[0]!) === spec ? undefined : vm.lookupUser(spec.cls, '__instancecheck__');
      if (hook !== undefined) return vm.truthy(vm.callValue(hook, [spec, a[0]!], null));
      return vm.isInstance(a[0]!, spec);
    };
    return check(a[1]!);
  });
  def('issubclass', (a) => {
    if (!(a[0] instanceof PyType)) throw vm.typeErr('issubclass() arg 1 must be a class');
    const check = (spec: PyVal): boolean => {
      if (spec instanceof PyTuple) return spec.items.some(check);
      if (!(spec instanceof PyType)) {
        const own = vm.lookup(vm.typeOf(spec), '__subclasscheck__');
        if (own !== undefined) return vm.truthy(vm.callValue(own, [spec, a[0]!], null));
        throw vm.typeErr('issubclass() arg 2 must be a class, a tuple of classes, or a union');
      }
      const hook = spec.cls.builtin ? undefined : vm.lookupUser(spec.cls, '__subclasscheck__');
      if (hook !== undefined) return vm.truthy(vm.callValue(hook, [spec, a[0]!], null));
      return vm.isSubtype(a[0] as PyType, spec);
    };
    return check(a[1]!);
  });
  def('id', (a) => vm.id(a[0]!));
  def('hash', (a) => vm.hash(a[0]!));
  def('iter', (a) => {
    if (a.length === 2) {
      const f = a[0]!, sentinel = a[1]!;
      let done = false;
      return mkIter(iterT('callable_iterator'), () => {
        if (done) return undefined;
        const v = vm.callValue(f, [], null);
        if (vm.eq(v, sentinel)) {
          done = true;
          return undefined;
        }
        return v;
      });
    }
    return vm.iter(a[0]!);
  });
  def('next', (a) => {
    const it = a[0]!;
    if (!(it instanceof PyIter || it instanceof PyGenerator) && vm.lookup(vm.typeOf(it), '__next__') === undefined) {
      throw vm.typeErr(`'${tn(it)}' object is not an iterator`);
    }
    let r: PyVal | undefined;
    if (it instanceof PyGenerator) {
      r = vm.genSend(it, None);
      if (r === undefined) {
        if (a.length > 1) return a[1]!;
        throw stopIteration(vm.genReturn);
      }
      return r;
    }
    if (it instanceof PyIter) r = it.next();
    else {
      const m = vm.lookup(vm.typeOf(it), '__next__')!;
      try {
        r = vm.callValue(m, [it], null);
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, StopIter) && a.length > 1) return a[1]!;
        throw e;
      }
    }
    if (r === undefined) {
      if (a.length > 1) return a[1]!;
      throw stopIteration(None);
    }
    return r;
  });
  def('all', (a) => {
    const it = vm.iter(a[0]!);
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return true;
      if (!vm.truthy(x)) return false;
    }
  });
  def('any', (a) => {
    const it = vm.iter(a[0]!);
    for (;;) {
      const x = vm.next(it);
      if (x === undefined) return false;
      if (vm.truthy(x)) return true;
    }
  });
  def('chr', (a) => {
    const n = Number(index(a[0]!));
    if (n < 0 || n > 0x10ffff) throw err('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  });
  def('ord', (a) => {
    const v = a[0]!;
    if (typeof v === 'string') {
      const cs = Array.from(v);
      if (cs.length !== 1) throw vm.typeErr(`ord() expected a character, but string of length ${cs.length} found`);
      return v.codePointAt(0)!;
    }
    if (v instanceof PyBytes && v.len === 1) return v.data[0]!;
    throw vm.typeErr(`ord() expected string of length 1, but ${tn(v)} found`);
  });
  def('hex', (a) => R.intToPrefixed(index(a[0]!), 16));
  def('oct', (a) => R.intToPrefixed(index(a[0]!), 8));
  def('bin', (a) => R.intToPrefixed(index(a[0]!), 2));
  def('format', (a) => vm.format(a[0]!, a[1] === undefined ? '' : (a[1] as string)));
  def('getattr', (a) => {
    if (typeof a[1] !== 'string') throw vm.typeErr(`attribute name must be string, not '${tn(a[1]!)}'`);
    if (a.length > 2) {
      try {
        const r = vm.getAttrOpt(a[0]!, a[1]);
        return r === undefined ? a[2]! : r;
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('AttributeError')!)) return a[2]!;
        throw e;
      }
    }
    return vm.getAttr(a[0]!, a[1]);
  });
  def('setattr', (a) => {
    vm.setAttr(a[0]!, a[1] as string, a[2]!);
    return None;
  });
  def('delattr', (a) => {
    vm.delAttr(a[0]!, a[1] as string);
    return None;
  });
  def('hasattr', (a) => {
    try {
      return vm.getAttrOpt(a[0]!, a[1] as string) !== undefined;
    } catch (e) {
      if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('AttributeError')!)) return false;
      throw e;
    }
  });
  def('callable', (a) => {
    const v = a[0]!;
    return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyMethod || v instanceof PyType ||
      (v instanceof PyObject && vm.lookup(v.cls, '__call__') !== undefined);
  });
  def('vars', (a) => {
    if (a.length === 0) return vm.cur.frames[vm.cur.frames.length - 1]!.locals ?? vm.placeDict(vm.newDict());
    // CPython: an object without a __dict__ (a slotted instance) is a TypeError, not an AttributeError.
    const d = vm.getAttrOpt(a[0]!, '__dict__');
    if (d === undefined) throw vm.typeErr('vars() argument must have __dict__ attribute');
    return d;
  });
  def('globals', () => vm.cur.frames[vm.cur.frames.length - 1]!.globals);
  def('locals', () => {
    const f = vm.cur.frames[vm.cur.frames.length - 1]!;
    if (f.locals !== null) return f.locals;
    const d = vm.placeDict(vm.newDict());
    f.code.varnames.forEach((n, i) => {
      if (f.fast[i] !== undefined && f.fast[i] !== null) d.set(n, f.fast[i] as PyVal);
    });
    return d;
  });
  def('dir', (a) => {
    const v = a[0]!;
    const names = new Set<string>();
    if (v instanceof PyInstance) for (const k of v.attrs.keys()) names.add(k);
    const tp = v instanceof PyType ? v : vm.typeOf(v);
    for (const c of tp.mro) for (const k of c.dict.keys()) names.add(k);
    if (v instanceof PyModule) for (const k of (v.dict as PyDict).keyList()) names.add(k as string);
    return vm.placeList(vm.newList([...names].sort()));
  });
  def('input', () => {
    throw err('EOFError', 'EOF when reading a line');
  });
  def('open', () => {
    throw err('OSError', 'htmsim guests have no file system');
  });

  // class creation (vm/calls.ts: metaclass, __prepare__, type.__new__)
  def('__build_class__', (a, kw) => {
    const body = a[0];
    if (!(body instanceof PyFunction)) throw vm.typeErr('__build_class__: func must be a function');
    return vm.buildClass(body, a[1] as string, a.slice(2), kw);
  });
  declareArity(vm, [
    // Slot wrappers (CPython: "expected 1 argument, got 0").
    [T.object, 'slot', 1, 1, ['__eq__', '__ne__']],
    [T.object, 'slot', 0, 0, ['__repr__', '__str__']],
    [T.str, 'slot', 1, 1, ['__add__', '__contains__', '__getitem__', '__mod__', '__mul__', '__eq__']],
    [T.list, 'slot', 1, 1, ['__add__', '__contains__', '__getitem__', '__eq__']],
    [T.list, 'slot', 2, 2, ['__setitem__']],
    [T.tuple, 'slot', 1, 1, ['__add__', '__getitem__', '__eq__']],
    [T.dict, 'slot', 1, 1, ['__contains__', '__getitem__', '__delitem__', '__eq__']],
    [T.dict, 'slot', 2, 2, ['__setitem__']],
    ...viewTypes.map((vt): [PyType, ArityStyle, number, number, string[]] => [vt, 'slot', 1, 1, ['__contains__']]),
    // METH_O ("str.join() takes exactly one argument (0 given)").
    [T.object, 'o', 1, 1, ['__format__']],
    [T.str, 'o', 1, 1, ['__format__', 'join', 'format_map', 'translate']],
    [T.bytes, 'o', 1, 1, ['join', 'fromhex']],
    [T.bytearray, 'o', 1, 1, ['join', 'append', 'extend', 'remove']],
    [T.list, 'o', 1, 1, ['extend', 'append', 'remove']],
    [T.set, 'o', 1, 1, ['isdisjoint', 'issuperset', 'issubset', 'symmetric_difference_update', 'add', 'remove', 'discard']],
    [T.frozenset, 'o', 1, 1, ['isdisjoint', 'issuperset', 'issubset']],
    [T.range, 'o', 1, 1, ['index', 'count']],
    [T.type, 'o', 0, 0, ['mro']],
    [T.type, 'slot', 0, Infinity, ['__call__']],
    [T.float, 'o', 0, 0, ['hex']],
    [T.float, 'o', 1, 1, ['fromhex']],
    [T.object, 'o', 1, 1, ['__reduce_ex__']],
    [T.object, 'o', 0, 0, ['__reduce__']],
    // Argument clinic positional ranges ("center expected at least 1 argument, got 0").
    [T.str, 'clinic', 1, 2, ['center', 'ljust', 'rjust']],
    [T.list, 'clinic', 2, 2, ['insert']],
    [T.list, 'clinic', 1, 3, ['index']],
    [T.tuple, 'clinic', 1, 3, ['index']],
    [T.dict, 'clinic', 1, 2, ['get', 'pop', 'setdefault', 'fromkeys']],
    // PyArg_ParseTuple ("startswith() takes at least 1 argument (0 given)").
    [T.str, 'tuple', 1, 3, ['startswith', 'endswith', 'index', 'rindex', 'find', 'rfind', 'count']],
    [T.bytes, 'tuple', 1, 3, ['startswith', 'endswith', 'index', 'find', 'count']],
    [T.bytearray, 'tuple', 1, 3, ['startswith', 'endswith']],
  ]);
  // classmethods / staticmethods on functions used as decorators need __get__ semantics only.
  void CodeHolder;
  return {
    repr: reprProto,
    str: strProto,
    hash: hashProto,
    eq: eqProto,
    compare: compareProto,
    lt: ltProto,
    binop: binopProto,
    unary: unaryProto,
    format: formatProto,
    iter: iterProto,
    next: nextProto,
    toList: toListProto,
    getItem: getItemProto,
    setItem: setItemProto,
    delItem: delItemProto,
    contains: containsProto,
  };
}

type ArityStyle = 'slot' | 'o' | 'clinic' | 'tuple';

/** CPython's wording when a built-in method gets `n` positional arguments outside lo..hi. */
function arityMessage(style: ArityStyle, owner: string, name: string, lo: number, hi: number, n: number): string {
  const args = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  switch (style) {
    case 'slot':
      return `expected ${args(lo)}, got ${n}`;
    case 'o':
      return hi === 0 ? `${owner}.${name}() takes no arguments (${n} given)` : `${owner}.${name}() takes exactly one argument (${n} given)`;
    case 'clinic':
      if (lo === hi) return `${name} expected ${args(lo)}, got ${n}`;
      return n < lo ? `${name} expected at least ${args(lo)}, got ${n}` : `${name} expected at most ${args(hi)}, got ${n}`;
    case 'tuple':
      return n < lo ? `${name}() takes at least ${args(lo)} (${n} given)` : `${name}() takes at most ${args(hi)} (${n} given)`;
  }
}

/**
 * Wraps each named method of a built-in type (a method or a classmethod) so a call with too few
 * or too many positional arguments raises CPython's TypeError before the implementation reads an
 * argument that is not there. The receiver (or class) is a[0].
 */
function declareArity(vm: Vm, table: [PyType, ArityStyle, number, number, string[]][]): void {
  for (const [tp, style, lo, hi, names] of table) {
    for (const name of names) {
      const d = tp.dict.get(name);
      const b = d instanceof PyWrapper ? d.fget : d;
      if (!(b instanceof PyBuiltin)) throw new Error(`htmsim builtins: no built-in method ${tp.name}.${name} to declare the arity of`);
      const inner = b.fn;
      const method = !(d instanceof PyWrapper) && tp !== vm.T.object;
      b.fn = (a, kw, self) => {
        if (a.length === 0) throw vm.typeErr(`descriptor '${name}' of '${tp.name}' object needs an argument`);
        if (method && !vm.isInstance(a[0]!, tp)) {
          throw vm.typeErr(`descriptor '${name}' for '${tp.name}' objects doesn't apply to a '${vm.typeOf(a[0]!).name}' object`);
        }
        const n = a.length - 1;
        if (n < lo || n > hi) throw vm.typeErr(arityMessage(style, tp.name, name, lo, hi, n));
        return inner(a, kw, self);
      };
    }
  }
}
