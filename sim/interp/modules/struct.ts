/**
 * `struct`: the packing kernel is host code (CPython runs it in C over a byte buffer: format
 * parsing, integer range checks, IEEE-754 conversions); `Struct`, `iter_unpack`, `pack_into`,
 * `unpack_from` and `struct.error` are guest Python on top of three host primitives. Native mode
 * (`@`, the default) is x86-64 Linux: little-endian, C sizes (`l` = 8) and C alignment.
 */
import type { PyDict } from '../dict.js';
import { halfToDouble } from '../runtime/float-ops.js';
import { PyBytes, PyFloat, PyObject, PyTuple, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule, isIntLike, newBytes, newFloat, raiseGuest, toFloat } from './kit.js';

interface Item { code: string; size: number; offset: number; count: number }
interface Layout { items: Item[]; size: number; nargs: number; little: boolean }

const NATIVE_SIZE: Record<string, number> = {
  x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, e: 2, f: 4, d: 8, s: 1, p: 1, P: 8,
};
const STD_SIZE: Record<string, number> = {
  x: 1, c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8, e: 2, f: 4, d: 8, s: 1, p: 1,
};
const SMALL_NAMES: Record<string, string> = { b: 'byte', B: 'ubyte', h: 'short', H: 'ushort' };

/** Parses a format string, or returns the struct.error message. */
export function parseFormat(fmt: string): Layout | string {
  let i = 0;
  let native = true;
  let little = true;
  const c0 = fmt[0];
  if (c0 === '@' || c0 === '=' || c0 === '<' || c0 === '>' || c0 === '!') {
    native = c0 === '@';
    little = c0 !== '>' && c0 !== '!';
    i = 1;
  }
  const sizes = native ? NATIVE_SIZE : STD_SIZE;
  const items: Item[] = [];
  let off = 0;
  let nargs = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f') {
      i++;
      continue;
    }
    let count = 1;
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < fmt.length && fmt[j]! >= '0' && fmt[j]! <= '9') j++;
      count = parseInt(fmt.slice(i, j), 10);
      i = j;
      if (i >= fmt.length) return 'repeat count given without format specifier';
    }
    const code = fmt[i++]!;
    const size = sizes[code];
    if (size === undefined) return 'bad char in struct format';
    if (native && code !== 's' && code !== 'p' && code !== 'x' && code !== 'c') off = Math.ceil(off / size) * size;
    if (code === 's' || code === 'p') {
      items.push({ code, size: count, offset: off, count: 1 });
      off += count;
      nargs++;
    } else if (code === 'x') {
      off += count;
    } else {
      items.push({ code, size, offset: off, count });
      off += size * count;
      nargs += count;
    }
  }
  return { items, size: off, nargs, little };
}

export const struct = hybridModule('struct', setupStruct, String.raw`
class error(Exception):
    pass


class Struct:
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.format = format
        self.size = _calcsize(format)

    def pack(self, *values):
        return _pack(self.format, values)

    def unpack(self, buffer):
        return _unpack(self.format, buffer, 0, True)

    def unpack_from(self, buffer, offset=0):
        return _unpack(self.format, buffer, offset, False)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)


def calcsize(format):
    return _calcsize(format)


def pack(format, *values):
    return _pack(format, values)


def unpack(format, buffer):
    return _unpack(format, buffer, 0, True)


def unpack_from(format, buffer, offset=0):
    return _unpack(format, buffer, offset, False)


def pack_into(format, buffer, offset, *values):
    data = _pack(format, values)
    n = len(buffer)
    if offset < 0:
        if offset + n < 0:
            raise error('offset %d out of range for %d-byte buffer' % (offset, n))
        offset += n
    if n - offset < len(data):
        raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes at offset %d (actual buffer size is %d)' % (len(data) + offset, len(data), offset, n))
    buffer[offset:offset + len(data)] = data


def _iter(format, buffer, size):
    for off in range(0, len(buffer), size):
        yield _unpack(format, buffer, off, False)


def iter_unpack(format, buffer):
    size = _calcsize(format)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return _iter(format, buffer, size)
`);

function setupStruct(vm: Vm, m: PyModule): void {
  const cache = new Map<string, Layout>();
  const fail = (msg: string): never => raiseGuest(vm, (m.dict as PyDict).get('error'), msg);
  const layoutOf = (f: PyVal): Layout => {
    let fmt: string;
    if (typeof f === 'string') fmt = f;
    else if (f instanceof PyBytes) fmt = String.fromCharCode(...f.data.subarray(0, f.len));
    else throw vm.typeErr(`Struct() argument 1 must be a str or bytes object, not ${vm.tn(f)}`);
    let l = cache.get(fmt);
    if (l === undefined) {
      const r = parseFormat(fmt);
      if (typeof r === 'string') return fail(r);
      l = r;
      cache.set(fmt, l);
    }
    return l;
  };
  defineFn(vm, m, '_calcsize', (a) => layoutOf(a[0]!).size);
  defineFn(vm, m, '_pack', (a) => {
    const l = layoutOf(a[0]!);
    const vals = (a[1] as PyTuple).items;
    if (vals.length !== l.nargs) fail(`pack expected ${l.nargs} items for packing (got ${vals.length})`);
    const buf = new Uint8Array(l.size);
    const dv = new DataView(buf.buffer);
    let k = 0;
    for (const it of l.items) {
      for (let j = 0; j < it.count; j++) packOne(vm, fail, dv, buf, it, it.offset + j * it.size, vals[k++]!, l.little);
    }
    return newBytes(vm, buf);
  });
  defineFn(vm, m, '_unpack', (a) => {
    const l = layoutOf(a[0]!);
    let b = a[1]!;
    // memoryview and array.array: their bytes (__bytes__ stands for the buffer protocol).
    const asBytes = !(b instanceof PyBytes) && b instanceof PyObject ? vm.lookup(b.cls, '__bytes__') : undefined;
    if (asBytes !== undefined) b = vm.callValue(asBytes, [b], null);
    if (!(b instanceof PyBytes)) throw vm.typeErr(`a bytes-like object is required, not '${vm.tn(b)}'`);
    let off = a[2] as number;
    const exact = a[3] === true;
    if (off < 0) off += b.len;
    if (exact && b.len !== l.size) fail(`unpack requires a buffer of ${l.size} bytes`);
    if (!exact && b.len - off < l.size) fail(`unpack_from requires a buffer of at least ${l.size + off} bytes for unpacking ${l.size} bytes at offset ${off} (actual buffer size is ${b.len})`);
    const dv = new DataView(b.data.buffer, b.data.byteOffset + off, l.size);
    const out: PyVal[] = [];
    for (const it of l.items) {
      for (let j = 0; j < it.count; j++) out.push(unpackOne(vm, dv, b.data, off, it, it.offset + j * it.size, l.little));
    }
    return vm.newTuple(out);
  });
}

function intArg(vm: Vm, fail: (m: string) => never, v: PyVal): bigint {
  if (isIntLike(v)) return BigInt(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  if (v instanceof PyObject && !(v instanceof PyFloat)) {
    const ix = vm.lookup(v.cls, '__index__');
    if (ix !== undefined) return intArg(vm, fail, vm.callValue(ix, [v], null));
  }
  return fail('required argument is not an integer');
}

function packInt(fail: (m: string) => never, dv: DataView, code: string, size: number, at: number, x: bigint, little: boolean): void {
  const signed = code === code.toLowerCase();
  const named = SMALL_NAMES[code];
  if (named !== undefined ? x < -(1n << 63n) || x >= 1n << 63n : signed ? x < -(1n << 63n) || x >= 1n << 63n : x < 0n || x >= 1n << 64n) fail('argument out of range');
  const bits = BigInt(size * 8);
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (x < lo || x > hi) {
    if (named !== undefined) fail(`${named} format requires ${lo} <= number <= ${hi}`);
    if (!signed && x < 0n) fail('argument out of range');
    fail(`'${code}' format requires ${lo} <= number <= ${hi}`);
  }
  const u = BigInt.asUintN(size * 8, x);
  for (let i = 0; i < size; i++) dv.setUint8(little ? at + i : at + size - 1 - i, Number((u >> BigInt(8 * i)) & 0xffn));
}

function packOne(vm: Vm, fail: (m: string) => never, dv: DataView, buf: Uint8Array, it: Item, at: number, v: PyVal, little: boolean): void {
  switch (it.code) {
    case 's': case 'p': {
      if (!(v instanceof PyBytes)) fail(`argument for '${it.code}' must be a bytes object`);
      const b = v as PyBytes;
      if (it.code === 's') buf.set(b.data.subarray(0, Math.min(b.len, it.size)), at);
      else if (it.size > 0) {
        const n = Math.min(b.len, it.size - 1, 255);
        buf[at] = n;
        buf.set(b.data.subarray(0, n), at + 1);
      }
      return;
    }
    case 'c':
      if (!(v instanceof PyBytes) || v.len !== 1) fail('char format requires a bytes object of length 1');
      buf[at] = (v as PyBytes).data[0]!;
      return;
    case '?':
      buf[at] = vm.truthy(v) ? 1 : 0;
      return;
    case 'e': case 'f': case 'd': {
      if (!(v instanceof PyFloat) && !isIntLike(v) && !(v instanceof PyObject && vm.lookup(v.cls, '__float__') !== undefined)) fail('required argument is not a float');
      const x = toFloat(vm, v);
      if (it.code === 'd') dv.setFloat64(at, x, little);
      else if (it.code === 'f') {
        if (Number.isFinite(x) && !Number.isFinite(Math.fround(x))) throw vm.err('OverflowError', 'float too large to pack with f format');
        dv.setFloat32(at, x, little);
      } else dv.setUint16(at, halfBits(vm, x), little);
      return;
    }
    default:
      packInt(fail, dv, it.code, it.size, at, intArg(vm, fail, v), little);
  }
}

function unpackOne(vm: Vm, dv: DataView, data: Uint8Array, base: number, it: Item, at: number, little: boolean): PyVal {
  switch (it.code) {
    case 's': return newBytes(vm, data.slice(base + at, base + at + it.size));
    case 'p': {
      const n = Math.min(data[base + at] ?? 0, it.size - 1);
      return newBytes(vm, data.slice(base + at + 1, base + at + 1 + n));
    }
    case 'c': return newBytes(vm, data.slice(base + at, base + at + 1));
    case '?': return data[base + at] !== 0;
    case 'd': return newFloat(vm, dv.getFloat64(at, little));
    case 'f': return newFloat(vm, dv.getFloat32(at, little));
    case 'e': return newFloat(vm, halfToDouble(dv.getUint16(at, little)));
    default: {
      let u = 0n;
      for (let i = 0; i < it.size; i++) u |= BigInt(dv.getUint8(little ? at + i : at + it.size - 1 - i)) << BigInt(8 * i);
      const x = it.code === it.code.toLowerCase() ? BigInt.asIntN(it.size * 8, u) : u;
      return Number.isSafeInteger(Number(x)) ? Number(x) : x;
    }
  }
}

/** IEEE-754 binary16 bits of x, rounded half to even (OverflowError past the largest half). */
function halfBits(vm: Vm, x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  let e = Math.floor(Math.log2(a));
  if (a / 2 ** e >= 2) e++;
  if (a / 2 ** e < 1) e--;
  if (e < -14) {
    const m = roundEven(a / 2 ** -24);
    return sign | m;
  }
  let m = roundEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) throw vm.err('OverflowError', 'float too large to pack with e format');
  return sign | ((e + 15) << 10) | m;
}

function roundEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

