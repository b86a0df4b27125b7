/**
 * What every built-in type's module shares: argument and index coercion with CPython's messages,
 * slices, iterator objects (their position moved through the write path), the iterator and view
 * types made at start-up. `makeKit(vm)` is called once by `../builtins.ts`, before any installer.
 */
import * as R from '../runtime/int-ops.js';
import { U_FIELD } from '../thread.js';
import type { Vm } from '../vm/vm.js';
import { PyBytes, PyExc, PyFloat, PyInstance, PyIter, PyObject, PySlice, PyType, type BuiltinImpl, type PyVal } from '../values.js';

export type Kw = Map<string, PyVal> | null;

export const OP_SYM = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];
export const OP_DUNDER = ['add', 'and', 'floordiv', 'lshift', 'matmul', 'mul', 'mod', 'or', 'pow', 'rshift', 'sub', 'truediv', 'xor'];
export const CMP_SYM = ['<', '<=', '==', '!=', '>', '>='];
export const CMP_DUNDER = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
export const CMP_SWAP = [4, 5, 2, 3, 0, 1];

export function makeKit(vm: Vm) {
  const T = vm.T;
  const None = vm.None;
  const err = (n: string, m: string): PyExc => vm.err(n, m);
  const isIntLike = (v: PyVal): v is number | bigint | boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  const intOf = (v: number | bigint | boolean): R.IntVal => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
  const isNum = (v: PyVal): boolean => isIntLike(v) || v instanceof PyFloat;
  const fnum = (v: PyVal): number => (v instanceof PyFloat ? v.v : R.intToFloat(intOf(v as number)));
  const F = (x: number): PyFloat => vm.placeFloat(vm.cur, x);
  const tn = (v: PyVal): string => vm.typeOf(v).name;

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
  const keyError = (k: PyVal): PyExc => {
    const e = new PyExc(vm.exc.get('KeyError')!);
    e.args = [k];
    return e;
  };
  const stopIteration = (v: PyVal): PyExc => {
    const e = new PyExc(vm.exc.get('StopIteration')!);
    e.args = v === None ? [] : [v];
    return e;
  };
  // ───────────── constructors ─────────────
  const ctor = (tp: PyType, fn: BuiltinImpl): void => {
    vm.ctors.set(tp, fn);
  };
  /** A str-or-None argument: CPython's "must be str or None, not X" for anything else. */
  /** The latin-1 image of a bytes object (chunked: spreading a large buffer overflows the host stack). */
  const bytesStr = (b: PyBytes): string => {
    let out = '';
    for (let i = 0; i < b.len; i += 8192) out += String.fromCharCode(...b.data.subarray(i, Math.min(b.len, i + 8192)));
    return out;
  };
  const repeatSeq = <X>(items: X[], n: R.IntVal): X[] => {
    const k = typeof n === 'bigint' ? (n > 0n ? Infinity : 0) : n;
    if (k <= 0) return [];
    if (k * items.length > 1e8) throw err('MemoryError', '');
    const out: X[] = [];
    for (let i = 0; i < k; i++) for (const x of items) out.push(x);
    return out;
  };
  const base = { T, None, err, isIntLike, intOf, isNum, fnum, F, tn };
  return {
    ...base, ...makeIteratorTypes(vm), ...makeIndexing(vm, base), callm, kwArg, nargs, hexAddr, keyError, stopIteration, ctor,
    bytesStr, repeatSeq,
  };
}

/** The shared helpers, as `makeKit` builds them. */
export type Kit = ReturnType<typeof makeKit>;

interface KitBase {
  T: Vm['T'];
  None: Vm['None'];
  err(n: string, m: string): PyExc;
  isIntLike(v: PyVal): v is number | bigint | boolean;
  intOf(v: number | bigint | boolean): R.IntVal;
  tn(v: PyVal): string;
}

/** Index arguments (`__index__`), slices (CPython's PySlice_GetIndicesEx) and sequence indices, with CPython's errors. */
function makeIndexing(vm: Vm, base: KitBase) {
  const { None, err, isIntLike, intOf, tn } = base;
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
  const clampRange = (len: number, s?: PyVal, e?: PyVal): [number, number] => {
    let start = s === undefined || s === None ? 0 : Number(index(s));
    let end = e === undefined || e === None ? len : Number(index(e));
    if (start < 0) start = Math.max(0, start + len);
    if (end < 0) end = Math.max(0, end + len);
    if (end > len) end = len;
    return [start, end];
  };
  /** start/end of find/count/startswith…: None or an index. */
  const optIdx = (v: PyVal | undefined): R.IntVal | null => (v === undefined || v === None ? null : index(v));
  return { index, smallIndex, sliceIdx, sliceOf, seqIndex, clampRange, optIdx };
}

/** The iterator and view types made at start-up, and iterator objects whose position is guest-visible state. */
function makeIteratorTypes(vm: Vm) {
  const T = vm.T;
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
  return {
    viewTypes, iterT, listIterT, tupleIterT, strIterT, rangeIterT, dictKeyIterT, setIterT, enumT, zipT, mapT, filterT, reversedT,
    mkIter, setPos, posIter,
  };
}
