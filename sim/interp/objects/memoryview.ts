/**
 * memoryview over bytes and bytearray: a window (byte offset, item stride, item count) on the
 * exporting object's own buffer, so slicing copies nothing and writes through a view of a
 * bytearray land in the bytearray. Items are unsigned bytes, or after `cast(fmt)` any native
 * struct format of 1, 2, 4 or 8 bytes (little-endian, as on the simulated x86-64 machine).
 * Reading or writing an item goes through the exporter's own item access, so its memory traffic
 * is simulated as the bytes' is. Other code reads a view as bytes through `__bytes__` (the
 * interpreter's stand-in for the buffer protocol, objects/bytes.ts bytesOf).
 */
import { normInt } from '../runtime/int-ops.js';
import { halfToDouble } from '../runtime/float-ops.js';
import { PyBytes, PyObject, PySlice, PyWrapper, type PyType, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import type { BytesParts } from './bytes.js';
import type { Kit } from './kit.js';

/** Item formats: struct's native codes of one machine word or less. */
const ITEM_SIZE: Record<string, number> = { B: 1, b: 1, c: 1, '?': 1, H: 2, h: 2, I: 4, i: 4, L: 8, l: 8, Q: 8, q: 8, N: 8, n: 8, f: 4, d: 8, e: 2 };

export class PyMemoryView extends PyObject {
  obj: PyBytes;
  /** Byte offset of item 0 in obj's buffer. */
  start: number;
  /** Distance between items, in bytes (negative for a reversed slice). */
  stride: number;
  len: number;
  fmt: string;
  itemsize: number;
  released = false;
  constructor(cls: PyType, obj: PyBytes, start: number, stride: number, len: number, fmt: string) {
    super(cls);
    this.obj = obj;
    this.start = start;
    this.stride = stride;
    this.len = len;
    this.fmt = fmt;
    this.itemsize = ITEM_SIZE[fmt]!;
  }
}

export function installMemoryView(vm: Vm, kit: Kit, bytes: BytesParts): void {
  const { T, None, err, index, sliceIdx, ctor, tn, hexAddr, isNum, fnum } = kit;
  const { makeBytes, bytesOf } = bytes;
  const tp = vm.makeType('memoryview', [T.object], 'memoryview', true);
  /** Views made by toreadonly() (of a bytearray, yet not writable). */
  const roViews = new WeakSet<PyMemoryView>();
  vm.builtins.set('memoryview', tp);
  const make = (obj: PyBytes, start: number, stride: number, len: number, fmt: string): PyMemoryView =>
    vm.place(new PyMemoryView(tp, obj, start, stride, len, fmt), 184);
  const live = (v: PyVal): PyMemoryView => {
    if (!(v instanceof PyMemoryView)) throw vm.typeErr(`descriptor requires a 'memoryview' object but received a '${tn(v)}'`);
    if (v.released) throw err('ValueError', 'operation forbidden on released memoryview object');
    // A bytearray that shrank under the view (CPython forbids the resize while a view exists).
    if (v.len > 0 && Math.max(v.start, v.start + (v.len - 1) * v.stride) + v.itemsize > v.obj.len) {
      throw err('BufferError', 'memoryview: underlying buffer was resized');
    }
    return v;
  };
  const readonly = (v: PyMemoryView): boolean => v.obj.cls !== T.bytearray || roViews.has(v);
  /** The bytes of item i (byte i of a byte view), read through the exporter (simulated traffic). */
  const rawItem = (v: PyMemoryView, i: number): number[] => {
    const at = v.start + i * v.stride;
    const out: number[] = [];
    for (let k = 0; k < v.itemsize; k++) out.push(Number(vm.getItem(v.obj, at + k)));
    return out;
  };
  const dv = new DataView(new ArrayBuffer(8));
  const decode = (v: PyMemoryView, b: number[]): PyVal => {
    for (let k = 0; k < b.length; k++) dv.setUint8(k, b[k]!);
    switch (v.fmt) {
      case 'B': return b[0]!;
      case 'b': return dv.getInt8(0);
      case 'c': return makeBytes(T.bytes, Uint8Array.of(b[0]!));
      case '?': return b[0] !== 0;
      case 'H': return dv.getUint16(0, true);
      case 'h': return dv.getInt16(0, true);
      case 'I': return dv.getUint32(0, true);
      case 'i': return dv.getInt32(0, true);
      case 'e': return vm.float(halfToDouble(dv.getUint16(0, true)));
      case 'f': return vm.float(dv.getFloat32(0, true));
      case 'd': return vm.float(dv.getFloat64(0, true));
      case 'L': case 'Q': case 'N': return normInt(dv.getBigUint64(0, true));
      default: return normInt(dv.getBigInt64(0, true));
    }
  };
  const encode = (v: PyMemoryView, x: PyVal): number[] => {
    const bad = (): never => { throw vm.typeErr(`memoryview: invalid type for format '${v.fmt}'`); };
    const range = (): never => { throw err('ValueError', `memoryview: invalid value for format '${v.fmt}'`); };
    const int = (lo: bigint, hi: bigint): bigint => {
      if (typeof x !== 'number' && typeof x !== 'bigint' && typeof x !== 'boolean') bad();
      const n = BigInt(index(x));
      if (n < lo || n > hi) range();
      return n;
    };
    switch (v.fmt) {
      case 'B': return [Number(int(0n, 255n))];
      case 'b': return [Number(int(-128n, 127n)) & 255];
      case 'c': {
        if (!(x instanceof PyBytes) || x.len !== 1) throw err('ValueError', "memoryview: invalid value for format 'c'");
        return [x.data[0]!];
      }
      case '?': return [vm.truthy(x) ? 1 : 0];
      case 'H': dv.setUint16(0, Number(int(0n, 65535n)), true); break;
      case 'h': dv.setInt16(0, Number(int(-32768n, 32767n)), true); break;
      case 'I': dv.setUint32(0, Number(int(0n, 4294967295n)), true); break;
      case 'i': dv.setInt32(0, Number(int(-2147483648n, 2147483647n)), true); break;
      case 'e': case 'f': case 'd': {
        if (!isNum(x)) bad();
        const f = fnum(x);
        if (v.fmt === 'e') throw vm.typeErr("memoryview: format e not supported for assignment");
        if (v.fmt === 'f') dv.setFloat32(0, f, true);
        else dv.setFloat64(0, f, true);
        break;
      }
      case 'L': case 'Q': case 'N': dv.setBigUint64(0, int(0n, 18446744073709551615n), true); break;
      default: dv.setBigInt64(0, int(-9223372036854775808n, 9223372036854775807n), true); break;
    }
    const out: number[] = [];
    for (let k = 0; k < v.itemsize; k++) out.push(dv.getUint8(k));
    return out;
  };
  const writeItem = (v: PyMemoryView, i: number, b: number[]): void => {
    const at = v.start + i * v.stride;
    for (let k = 0; k < b.length; k++) vm.setItem(v.obj, at + k, b[k]!);
  };
  /** The view's bytes in item order (what tobytes() and the buffer protocol give). */
  const viewBytes = (v: PyMemoryView): Uint8Array => {
    if (v.stride === v.itemsize) {
      vm.readObj(vm.cur, v.obj);
      return v.obj.data.slice(v.start, v.start + v.len * v.itemsize);
    }
    const out = new Uint8Array(v.len * v.itemsize);
    for (let i = 0; i < v.len; i++) out.set(rawItem(v, i), i * v.itemsize);
    return out;
  };
  const itemIndex = (v: PyMemoryView, k: PyVal): number => {
    let i = Number(index(k));
    if (i < 0) i += v.len;
    if (i < 0 || i >= v.len) throw err('IndexError', 'index out of bounds on dimension 1');
    return i;
  };
  const isIndex = (k: PyVal): boolean => typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean' ||
    (k instanceof PyObject && vm.lookup(k.cls, '__index__') !== undefined);

  ctor(tp, (a, kw) => {
    const o = a[0] ?? kw?.get('object');
    if (o === undefined) throw vm.typeErr("memoryview() missing required argument 'object' (pos 1)");
    if (o instanceof PyMemoryView) {
      live(o);
      return make(o.obj, o.start, o.stride, o.len, o.fmt);
    }
    if (o instanceof PyBytes) return make(o, 0, 1, o.len, 'B');
    throw vm.typeErr(`memoryview: a bytes-like object is required, not '${tn(o)}'`);
  });
  const m = (name: string, fn: (v: PyMemoryView, a: PyVal[]) => PyVal): void => {
    vm.method(tp, name, (a) => fn(live(a[0]!), a));
  };
  const prop = (name: string, fn: (v: PyMemoryView) => PyVal): void => {
    tp.dict.set(name, new PyWrapper(T.property, vm.builtin(name, (a) => fn(live(a[0]!))), None, None, None));
  };
  m('__len__', (v) => v.len);
  m('__getitem__', (v, a) => {
    const k = a[1]!;
    if (k instanceof PySlice) {
      const [s, , st, n] = sliceIdx(k, v.len);
      return make(v.obj, v.start + s * v.stride, v.stride * st, n, v.fmt);
    }
    if (!isIndex(k)) throw vm.typeErr('memoryview: invalid slice key');
    return decode(v, rawItem(v, itemIndex(v, k)));
  });
  m('__setitem__', (v, a) => {
    if (readonly(v)) throw vm.typeErr('cannot modify read-only memory');
    const k = a[1]!;
    if (k instanceof PySlice) {
      const [s, , st, n] = sliceIdx(k, v.len);
      const src = bytesOf(a[2]!);
      if (src.length !== n * v.itemsize) throw err('ValueError', 'memoryview assignment: lvalue and rvalue have different structures');
      for (let i = 0; i < n; i++) writeItem(v, s + i * st, src.slice(i * v.itemsize, (i + 1) * v.itemsize));
      return None;
    }
    if (!isIndex(k)) throw vm.typeErr('memoryview: invalid slice key');
    writeItem(v, itemIndex(v, k), encode(v, a[2]!));
    return None;
  });
  m('__iter__', (v) => vm.iter(vm.placeList(vm.newList(Array.from({ length: v.len }, (_, i) => decode(v, rawItem(v, i)))))));
  m('tolist', (v) => vm.placeList(vm.newList(Array.from({ length: v.len }, (_, i) => decode(v, rawItem(v, i))))));
  m('tobytes', (v) => makeBytes(T.bytes, viewBytes(v)));
  m('__bytes__', (v) => makeBytes(T.bytes, viewBytes(v)));
  m('hex', (v, a) => vm.callValue(vm.getAttr(makeBytes(T.bytes, viewBytes(v)), 'hex'), a.slice(1), null));
  m('toreadonly', (v) => {
    const r = make(v.obj, v.start, v.stride, v.len, v.fmt);
    roViews.add(r);
    return r;
  });
  m('cast', (v, a) => {
    const fmt = a[1];
    if (fmt === undefined) throw vm.typeErr("cast() missing required argument 'format' (pos 1)");
    if (typeof fmt !== 'string') throw vm.typeErr(`cast() argument 'format' must be str, not ${tn(fmt)}`);
    const f = fmt.startsWith('@') ? fmt.slice(1) : fmt;
    if (ITEM_SIZE[f] === undefined) throw err('ValueError', 'memoryview: destination format must be a native single character format prefixed with an optional \'@\'');
    if (a.length > 2) throw vm.typeErr('memoryview: cast with a shape is not supported by htmsim');
    if (v.stride !== v.itemsize) throw vm.typeErr('memoryview: casts are restricted to C-contiguous views');
    if (v.fmt !== 'B' && v.fmt !== 'b' && v.fmt !== 'c' && f !== 'B' && f !== 'b' && f !== 'c') {
      throw vm.typeErr('memoryview: cannot cast between two non-byte formats');
    }
    const nbytes = v.len * v.itemsize;
    const size = ITEM_SIZE[f]!;
    if (nbytes % size !== 0) throw vm.typeErr('memoryview: length is not a multiple of itemsize');
    return make(v.obj, v.start, size, nbytes / size, f);
  });
  vm.method(tp, 'release', (a) => {
    (a[0] as PyMemoryView).released = true;
    return None;
  });
  m('__enter__', (v) => v);
  vm.method(tp, '__exit__', (a) => {
    (a[0] as PyMemoryView).released = true;
    return false;
  });
  vm.method(tp, '__eq__', (a) => {
    const v = a[0] as PyMemoryView, o = a[1]!;
    if (v === o) return true;
    if (v.released || (o instanceof PyMemoryView && o.released)) return false;
    if (!(o instanceof PyMemoryView) && !(o instanceof PyBytes)) return vm.NotImplemented;
    // Equal when they hold equal items (compared as the bytes of unsigned byte views).
    const x = o instanceof PyMemoryView ? o : make(o, 0, 1, o.len, 'B');
    live(v);
    if (x.len !== v.len) return false;
    for (let i = 0; i < v.len; i++) if (!vm.eq(decode(v, rawItem(v, i)), decode(x, rawItem(x, i)))) return false;
    return true;
  });
  m('__hash__', (v) => {
    if (!readonly(v)) throw err('ValueError', 'cannot hash writable memoryview object');
    return vm.hash(makeBytes(T.bytes, viewBytes(v)));
  });
  vm.method(tp, '__repr__', (a) => `<${(a[0] as PyMemoryView).released ? 'released ' : ''}memory at ${hexAddr(a[0] as PyObject)}>`);
  prop('obj', (v) => v.obj);
  prop('nbytes', (v) => v.len * v.itemsize);
  prop('readonly', (v) => readonly(v));
  prop('itemsize', (v) => v.itemsize);
  prop('format', (v) => v.fmt);
  prop('ndim', () => 1);
  prop('shape', (v) => vm.newTuple([v.len]));
  prop('strides', (v) => vm.newTuple([v.stride]));
  prop('suboffsets', () => vm.newTuple([]));
  prop('c_contiguous', (v) => v.stride === v.itemsize || v.len <= 1);
  prop('f_contiguous', (v) => v.stride === v.itemsize || v.len <= 1);
  prop('contiguous', (v) => v.stride === v.itemsize || v.len <= 1);
}
