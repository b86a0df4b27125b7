/**
 * bytes and bytearray: their host buffer (`data`/`len`/`dataAddr`) and bytearray's mutation API
 * on the write path (`vm.mutate` / `vm.byteSet` before the buffer changes), repr, constructors and
 * methods. Search and split methods run the runtime's str algorithms on the latin-1 image.
 */
/* eslint-disable no-control-regex -- CPython's whitespace class includes control characters. */
import * as RS from '../runtime/str-methods.js';
import type { Vm } from '../vm/vm.js';
import { PyBytes, PyObject, PySlice, PyTuple, PyType, PyWrapper, type BuiltinImpl, type PyList, type PyVal } from '../values.js';
import type { Kit, Kw } from './kit.js';
import { bytesDecode, strEncode } from './os-unicode-errors.js';

/** A new bytes/bytearray object of class cls holding d: its header and its payload block. */
export function placeBytes(vm: Vm, cls: PyType, d: Uint8Array): PyBytes {
  const b = new PyBytes(cls, d, d.length);
  vm.place(b, 56);
  const cap = Math.max(d.length, 1);
  b.dataAddr = vm.cur === undefined ? vm.heap.allocStatic(cap) : vm.heap.allocLong(vm.cur.id, vm.cur.core, cap);
  return b;
}

/** bytes' buffer helpers and bytearray's mutation API (the only code that changes a PyBytes). */
export function makeBytesParts(vm: Vm, kit: Kit) {
  const { T, err, index, sliceIdx, seqIndex } = kit;
  const makeBytes = (cls: PyType, d: Uint8Array): PyBytes => placeBytes(vm, cls, d);
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
  /** b[k] = v on a bytearray (an index or a slice). */
  const bytearraySetItem = (o: PyBytes, k: PyVal, v: PyVal): void => {
    const t = vm.cur;
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
  };
  /** del b[k] on a bytearray. */
  const bytearrayDelItem = (o: PyBytes, k: PyVal): void => {
    const t = vm.cur;
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
  };
  return { makeBytes, setBytes, bytesExtend, bytesOf, bytesRepr, bytearraySetItem, bytearrayDelItem };
}
export type BytesParts = ReturnType<typeof makeBytesParts>;

/** bytes() and bytearray(), and both types' methods. */
export function installBytesType(vm: Vm, kit: Kit, p: BytesParts): void {
  const { T, None, err, index, isIntLike, intOf, ctor, nargs } = kit;
  const { makeBytes, setBytes, bytesExtend, bytesOf } = p;
  const bytesCtor = (cls: PyType) => (a: PyVal[], kw: Map<string, PyVal> | null): PyVal => {
    if (a.length === 0) return makeBytes(cls, new Uint8Array(0));
    const v = a[0]!;
    if (a.length > 1 && typeof v !== 'string') throw vm.typeErr('encoding without a string argument');
    if (isIntLike(v)) {
      const n = Number(intOf(v));
      if (n < 0) throw err('ValueError', 'negative count');
      return makeBytes(cls, new Uint8Array(n));
    }
    if (typeof v === 'string') {
      const enc = a[1] ?? kw?.get('encoding');
      if (enc === undefined) throw vm.typeErr('string argument without an encoding');
      const errs = a[2] ?? kw?.get('errors') ?? 'strict';
      if (typeof enc !== 'string') throw vm.typeErr(`${cls.name}() argument 'encoding' must be str, not ${vm.tn(enc)}`);
      if (typeof errs !== 'string') throw vm.typeErr(`${cls.name}() argument 'errors' must be str, not ${vm.tn(errs)}`);
      return makeBytes(cls, strEncode(vm, v, [v, enc, errs], null));
    }
    return makeBytes(cls, Uint8Array.from(bytesOf(v, cls === T.bytearray ? 'byte' : 'bytes')));
  };
  ctor(T.bytes, bytesCtor(T.bytes));
  ctor(T.bytearray, bytesCtor(T.bytearray));
  const By = (a: PyVal[]): PyBytes => a[0] as PyBytes;
  for (const bt of [T.bytes, T.bytearray]) installBytesMethods(vm, kit, p, bt);
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


}

/** The methods bytes and bytearray share. */
function installBytesMethods(vm: Vm, kit: Kit, p: BytesParts, bt: PyType): void {
  const { None, err, index, isIntLike, intOf, tn, kwArg, optIdx, bytesStr } = kit;
  const { makeBytes, bytesOf } = p;
  const By = (a: PyVal[]): PyBytes => a[0] as PyBytes;
  const bm = (t: PyType, name: string, fn: BuiltinImpl): void => {
    vm.method(t, name, fn);
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
  vm.method(bt, 'decode', (a, kw) => bytesDecode(vm, By(a), a, kw));
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
  /** A bytes-like argument of translate/maketrans (memoryview through __bytes__). */
  const likeArg = (v: PyVal | undefined): Uint8Array => {
    if (v instanceof PyBytes) return v.data.subarray(0, v.len);
    const conv = v instanceof PyObject ? vm.lookup(v.cls, '__bytes__') : undefined;
    if (conv !== undefined) return likeArg(vm.callValue(conv, [v!], null));
    throw vm.typeErr(`a bytes-like object is required, not '${v === undefined ? 'NoneType' : tn(v)}'`);
  };
  // translate(table, /, delete=b''): table None keeps every byte; the result has the receiver's type.
  bm(bt, 'translate', (a, kw) => {
    const given = a.length - 1 + (kw?.size ?? 0);
    if (given > 2) throw vm.typeErr(`translate() takes at most 2 arguments (${given} given)`);
    if (a.length < 2) throw vm.typeErr(`translate() takes at least 1 positional argument (${a.length - 1} given)`);
    const table = a[1];
    const del = a[2] ?? kwArg(kw, 'delete');
    let map: Uint8Array | null = null;
    if (table !== undefined && table !== None) {
      map = likeArg(table);
      if (map.length !== 256) throw err('ValueError', 'translation table must be 256 characters long');
    }
    const gone = del === undefined ? null : new Set(likeArg(del));
    const src = By(a).data.subarray(0, By(a).len);
    const out: number[] = [];
    for (const c of src) if (gone === null || !gone.has(c)) out.push(map === null ? c : map[c]!);
    return makeBytes(bt, Uint8Array.from(out));
  });
  // maketrans(frm, to) is a staticmethod: the 256-byte table mapping frm[i] to to[i].
  bt.dict.set('maketrans', new PyWrapper(vm.T.staticmethod, vm.builtin('maketrans', (a) => {
    if (a.length !== 2) throw vm.typeErr(`maketrans expected 2 arguments, got ${a.length}`);
    const frm = likeArg(a[0]), to = likeArg(a[1]);
    if (frm.length !== to.length) throw err('ValueError', 'maketrans arguments must have same length');
    const t = Uint8Array.from({ length: 256 }, (_, i) => i);
    frm.forEach((c, i) => (t[c] = to[i]!));
    return makeBytes(vm.T.bytes, t);
  }), None, None, None));
  bm(bt, 'partition', (a) => vm.newTuple(RS.strPartition(bytesStr(By(a)), bytesStr(bytesArg(a[1]))).map(mk)));
  bm(bt, 'rpartition', (a) => vm.newTuple(RS.strRpartition(bytesStr(By(a)), bytesStr(bytesArg(a[1]))).map(mk)));
  const asciiPred = (name: string, re: RegExp): void => bm(bt, name, (a) => re.test(bytesStr(By(a))));
  asciiPred('isdigit', /^[0-9]+$/);
  asciiPred('isalpha', /^[A-Za-z]+$/);
  asciiPred('isalnum', /^[A-Za-z0-9]+$/);
  asciiPred('isspace', /^[ \t\n\r\x0b\x0c]+$/);
  asciiPred('isascii', /^[\x00-\x7f]*$/);
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
