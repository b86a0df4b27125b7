/**
 * `binascii`: host code, as CPython's is C. Each function is one host call that reads its
 * argument as C reads a buffer (header and payload, kit.bufferBytes) and allocates its result
 * like any bytes object; the conversions themselves are not bytecodes. `Error` (a ValueError)
 * and `Incomplete` are guest classes, so they subclass and print as CPython's. Covered: hex
 * (`hexlify`/`b2a_hex` with `sep`/`bytes_per_sep`, `unhexlify`/`a2b_hex`), base64 (`b2a_base64`
 * with `newline`, `a2b_base64` with `strict_mode`), uuencode (`b2a_uu` with `backtick`,
 * `a2b_uu`), `crc32`, `crc_hqx`, with CPython 3.11's results for malformed input and its
 * messages. Not provided: the quoted-printable pair `a2b_qp`/`b2a_qp` (AttributeError).
 */
import type { PyDict } from '../dict.js';
import { PyBoxed, PyBytes, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { bindArgs, bufferBytes, defineFn, hybridModule, newBytes, raiseGuest, toInt, type Kw } from './kit.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;

let crcTable: Uint32Array | null = null;

/** CRC-32 (ISO-HDLC, the reflected 0xEDB88320 polynomial) continued from `crc`. */
export function crc32(data: Uint8Array, crc: number): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (const b of data) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-CCITT as binhex uses it: polynomial 0x1021, most significant bit first, no final xor. */
export function crcHqx(data: Uint8Array, crc: number): number {
  let c = crc & 0xffff;
  for (const b of data) {
    c ^= b << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}

export const binascii = hybridModule('binascii', setupBinascii, String.raw`
class Error(ValueError):
    pass


class Incomplete(Exception):
    pass
`);

function setupBinascii(vm: Vm, m: PyModule): void {
  const fail = (msg: string): never => raiseGuest(vm, (m.dict as PyDict).get('Error'), msg);
  /** METH_O functions: one positional argument, no keywords. */
  const oneArg = (name: string, a: PyVal[], kw: Kw): PyVal => {
    if (kw !== null && kw.size > 0) throw vm.typeErr(`binascii.${name}() takes no keyword arguments`);
    if (a.length !== 1) throw vm.typeErr(`binascii.${name}() takes exactly one argument (${a.length} given)`);
    return a[0]!;
  };
  /** A Py_buffer argument. */
  const buffer = (v: PyVal): Uint8Array => {
    const b = bufferBytes(vm, v);
    if (b === null) throw vm.typeErr(`a bytes-like object is required, not '${vm.tn(v)}'`);
    return b;
  };
  /** The a2b_* functions' argument: bytes-like, or a str of ASCII characters. */
  const asciiData = (v: PyVal): Uint8Array => {
    const s = v instanceof PyBoxed && typeof v.prim === 'string' ? v.prim : v;
    if (typeof s === 'string') {
      // eslint-disable-next-line no-control-regex -- ASCII is \0 to \x7f.
      if (/[^\x00-\x7f]/.test(s)) throw vm.err('ValueError', 'string argument should contain only ASCII characters');
      return Uint8Array.from(s, (c) => c.charCodeAt(0));
    }
    const b = bufferBytes(vm, v);
    if (b === null) throw vm.typeErr(`argument should be bytes, buffer or ASCII string, not '${vm.tn(v)}'`);
    return b;
  };
  /** A `bool(accept={int})` flag: an int's truth. */
  const intFlag = (v: PyVal | undefined, dflt: boolean): boolean => (v === undefined ? dflt : Number(toInt(vm, v)) !== 0);
  /** An `unsigned int(bitwise=True)` argument: any int, masked to 32 bits. */
  const mask32 = (v: PyVal): number => Number(BigInt.asUintN(32, BigInt(toInt(vm, v))));

  const hexlify = (name: string) => (a: PyVal[], kw: Kw): PyVal => {
    const [d, sep, per] = bindArgs(vm, name, a, kw, ['data', 'sep', 'bytes_per_sep'], { required: 1 });
    const data = buffer(d!);
    let sepChar = -1;
    if (sep !== undefined) {
      const n = vm.callValue(vm.builtins.get('len')!, [sep], null);
      if (n !== 1) throw vm.err('ValueError', 'sep must be length 1.');
      const s = sep instanceof PyBoxed ? sep.prim : sep;
      if (typeof s === 'string') {
        sepChar = s.charCodeAt(0);
        if (sepChar > 255) throw vm.err('ValueError', 'sep must be ASCII.');
      } else if (s instanceof PyBytes && vm.isInstance(s, vm.T.bytes)) sepChar = s.data[0]!;
      else throw vm.typeErr('sep must be str or bytes.');
    }
    let group = 1;
    if (per !== undefined) {
      const p = toInt(vm, per);
      if (p > 2147483647 || p < -2147483648) throw vm.err('OverflowError', 'Python int too large to convert to C int');
      group = Number(p);
    }
    return newBytes(vm, hexWithSep(data, sepChar, group));
  };
  for (const name of ['hexlify', 'b2a_hex']) defineFn(vm, m, name, hexlify(name));

  const unhexlify = (name: string) => (a: PyVal[], kw: Kw): PyVal => {
    const s = asciiData(oneArg(name, a, kw));
    if (s.length % 2 !== 0) fail('Odd-length string');
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) {
      const hi = hexValue(s[2 * i]!), lo = hexValue(s[2 * i + 1]!);
      if (hi < 0 || lo < 0) fail('Non-hexadecimal digit found');
      out[i] = (hi << 4) | lo;
    }
    return newBytes(vm, out);
  };
  for (const name of ['unhexlify', 'a2b_hex']) defineFn(vm, m, name, unhexlify(name));

  defineFn(vm, m, 'b2a_base64', (a, kw) => {
    const [d, newline] = bindArgs(vm, 'b2a_base64', a, kw, ['data'], { required: 1, posOnly: 1, kwOnly: ['newline'] });
    const data = buffer(d!);
    const nl = intFlag(newline, true);
    const out = new Uint8Array(Math.ceil(data.length / 3) * 4 + (nl ? 1 : 0));
    let o = 0;
    for (let i = 0; i < data.length; i += 3) {
      const n = data.length - i;
      const x = (data[i]! << 16) | ((n > 1 ? data[i + 1]! : 0) << 8) | (n > 2 ? data[i + 2]! : 0);
      out[o++] = B64.charCodeAt(x >> 18);
      out[o++] = B64.charCodeAt((x >> 12) & 63);
      out[o++] = n > 1 ? B64.charCodeAt((x >> 6) & 63) : 61;
      out[o++] = n > 2 ? B64.charCodeAt(x & 63) : 61;
    }
    if (nl) out[o] = 10;
    return newBytes(vm, out);
  });

  defineFn(vm, m, 'a2b_base64', (a, kw) => {
    const [d, strict] = bindArgs(vm, 'a2b_base64', a, kw, ['data'], { required: 1, posOnly: 1, kwOnly: ['strict_mode'] });
    const r = decodeBase64(asciiData(d!), intFlag(strict, false));
    if (typeof r === 'string') fail(r);
    return newBytes(vm, r as Uint8Array);
  });

  defineFn(vm, m, 'b2a_uu', (a, kw) => {
    const [d, backtick] = bindArgs(vm, 'b2a_uu', a, kw, ['data'], { required: 1, posOnly: 1, kwOnly: ['backtick'] });
    const data = buffer(d!);
    if (data.length > 45) fail('At most 45 bytes at once');
    const bt = intFlag(backtick, false);
    const ch = (v: number): number => (bt && v === 0 ? 96 : 32 + v);
    const out: number[] = [ch(data.length)];
    for (let i = 0; i < data.length; i += 3) {
      const x = (data[i]! << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      out.push(ch(x >> 18), ch((x >> 12) & 63), ch((x >> 6) & 63), ch(x & 63));
    }
    out.push(10);
    return newBytes(vm, Uint8Array.from(out));
  });

  defineFn(vm, m, 'a2b_uu', (a, kw) => {
    const r = decodeUu(asciiData(oneArg('a2b_uu', a, kw)));
    if (typeof r === 'string') fail(r);
    return newBytes(vm, r as Uint8Array);
  });

  defineFn(vm, m, 'crc32', (a, kw) => {
    const [d, crc] = bindArgs(vm, 'crc32', a, kw, ['data', 'crc'], { required: 1, posOnly: 2, qualname: 'binascii.crc32' });
    const data = buffer(d!);
    return crc32(data, crc === undefined ? 0 : mask32(crc));
  });

  defineFn(vm, m, 'crc_hqx', (a, kw) => {
    const [d, crc] = bindArgs(vm, 'crc_hqx', a, kw, ['data', 'crc'], { required: 2, posOnly: 2, qualname: 'binascii.crc_hqx' });
    const data = buffer(d!);
    return crcHqx(data, mask32(crc!));
  });
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Lower-case hex of `data`; with a separator byte (`sep` >= 0) between groups of |group| bytes,
 * counted from the right when `group` is positive and from the left when negative.
 */
export function hexWithSep(data: Uint8Array, sep: number, group: number): Uint8Array {
  const digits = '0123456789abcdef';
  const n = data.length;
  const k = Math.abs(group);
  const seps = sep < 0 || k === 0 || n === 0 ? 0 : Math.floor((n - 1) / k);
  const out = new Uint8Array(2 * n + seps);
  let o = 0;
  for (let i = 0; i < n; i++) {
    // Bytes before position i from the chosen end: a separator goes where a group boundary falls.
    if (seps > 0 && i > 0 && (group < 0 ? i % k === 0 : (n - i) % k === 0)) out[o++] = sep;
    out[o++] = digits.charCodeAt(data[i]! >> 4);
    out[o++] = digits.charCodeAt(data[i]! & 15);
  }
  return out;
}

/**
 * a2b_base64. Lenient mode skips what is not in the alphabet and stops at the padding that
 * completes a quantum; strict mode (3.11's `strict_mode`) refuses everything else with
 * CPython's messages. The error message is returned as a string.
 */
export function decodeBase64(s: Uint8Array, strict: boolean): Uint8Array | string {
  const out = new Uint8Array(Math.floor(s.length / 4) * 3 + 3);
  let o = 0, quad = 0, left = 0, pads = 0, dataChars = 0;
  let padSeen = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === 61) {
      padSeen = true;
      if (strict && i === 0) return 'Leading padding not allowed';
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < s.length) return 'Excess data after padding';
        return out.slice(0, o);
      }
      continue;
    }
    const v = B64_VALUE[c]!;
    if (v < 0) {
      if (strict) return 'Only base64 data is allowed';
      continue;
    }
    if (strict && padSeen) return 'Discontinuous padding not allowed';
    pads = 0;
    dataChars++;
    switch (quad) {
      case 0:
        left = v;
        quad = 1;
        break;
      case 1:
        out[o++] = (left << 2) | (v >> 4);
        left = v & 15;
        quad = 2;
        break;
      case 2:
        out[o++] = ((left << 4) | (v >> 2)) & 255;
        left = v & 3;
        quad = 3;
        break;
      default:
        out[o++] = ((left << 6) | v) & 255;
        quad = 0;
    }
  }
  if (quad === 1) return `Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`;
  if (quad !== 0) return 'Incorrect padding';
  return out.slice(0, o);
}

/**
 * a2b_uu: the first character gives the byte count; a line shorter than that is completed with
 * zero bits (a newline, or the end, reads as a space), and what follows the data may only be
 * spaces, backticks and line ends. The error message is returned as a string.
 */
export function decodeUu(s: Uint8Array): Uint8Array | string {
  // An empty line reads as a NUL length character, as C reads the terminator: 32 zero bytes.
  let len = ((s.length > 0 ? s[0]! : 0) - 32) & 63;
  const out = new Uint8Array(len);
  let i = 1, o = 0, bits = 0, acc = 0;
  for (; len > 0; i++) {
    let v = 0;
    const c = i < s.length ? s[i]! : 10;
    if (c !== 10 && c !== 13) {
      if (c < 32 || c > 96) return 'Illegal char';
      v = (c - 32) & 63;
    }
    acc = ((acc << 6) | v) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
      len--;
    }
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c !== 32 && c !== 96 && c !== 10 && c !== 13) return 'Trailing garbage';
  }
  return out;
}
