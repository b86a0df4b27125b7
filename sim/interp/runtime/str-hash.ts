/**
 * CPython 3.11's hash of str and bytes under PYTHONHASHSEED=0: SipHash-1-3 with an all-zero key
 * over the object's internal representation (a str is hashed as its latin-1, UCS-2 or UCS-4
 * buffer, chosen by its largest code point, little-endian), so sets of str iterate in
 * CPython's order. The 64-bit words are kept as pairs of uint32 (no BigInt in the rounds).
 */
import type { IntVal } from './int-ops.js';

// SipHash state v0..v3 as [hi, lo] uint32 pairs: s[0]=v0.hi s[1]=v0.lo … s[7]=v3.lo.
const S = new Uint32Array(8);

/** a += b (64-bit, indices of the hi words). */
function add(a: number, b: number): void {
  const lo = (S[a + 1]! + S[b + 1]!) >>> 0;
  const carry = lo < S[a + 1]! ? 1 : 0;
  S[a] = (S[a]! + S[b]! + carry) >>> 0;
  S[a + 1] = lo;
}

/** x = rotl(x, r) for 0 < r < 32. */
function rotl(x: number, r: number): void {
  const hi = S[x]!, lo = S[x + 1]!;
  S[x] = ((hi << r) | (lo >>> (32 - r))) >>> 0;
  S[x + 1] = ((lo << r) | (hi >>> (32 - r))) >>> 0;
}

function rot32(x: number): void {
  const hi = S[x]!;
  S[x] = S[x + 1]!;
  S[x + 1] = hi;
}

function xorInto(a: number, b: number): void {
  S[a] = (S[a]! ^ S[b]!) >>> 0;
  S[a + 1] = (S[a + 1]! ^ S[b + 1]!) >>> 0;
}

const V0 = 0, V1 = 2, V2 = 4, V3 = 6;

/** CPython's HALF_ROUND(a, b, c, d, s, t). */
function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add(a, b);
  add(c, d);
  rotl(b, s);
  xorInto(b, a);
  rotl(d, t);
  xorInto(d, c);
  rot32(a);
}

function sipRound(): void {
  halfRound(V0, V1, V2, V3, 13, 16);
  halfRound(V2, V1, V0, V3, 17, 21);
}

/** SipHash-1-3 with k0 = k1 = 0 over buf[0..len), as a signed 64-bit IntVal (CPython's Py_hash_t). */
export function siphash13Zero(buf: Uint8Array, len: number): IntVal {
  if (len === 0) return 0;
  // v0 = k0 ^ "somepseu", v1 = k1 ^ "dorandom", v2 = k0 ^ "lygenera", v3 = k1 ^ "tedbytes".
  S[0] = 0x736f6d65; S[1] = 0x70736575;
  S[2] = 0x646f7261; S[3] = 0x6e646f6d;
  S[4] = 0x6c796765; S[5] = 0x6e657261;
  S[6] = 0x74656462; S[7] = 0x79746573;
  let p = 0;
  let rest = len;
  while (rest >= 8) {
    const mlo = (buf[p]! | (buf[p + 1]! << 8) | (buf[p + 2]! << 16) | (buf[p + 3]! << 24)) >>> 0;
    const mhi = (buf[p + 4]! | (buf[p + 5]! << 8) | (buf[p + 6]! << 16) | (buf[p + 7]! << 24)) >>> 0;
    S[6] = (S[6]! ^ mhi) >>> 0; S[7] = (S[7]! ^ mlo) >>> 0;
    sipRound();
    S[0] = (S[0]! ^ mhi) >>> 0; S[1] = (S[1]! ^ mlo) >>> 0;
    p += 8;
    rest -= 8;
  }
  // Last block: the remaining bytes, with the total length (mod 256) in the top byte.
  let tlo = 0, thi = ((len & 0xff) << 24) >>> 0;
  for (let k = 0; k < rest; k++) {
    const byte = buf[p + k]!;
    if (k < 4) tlo = (tlo | (byte << (8 * k))) >>> 0;
    else thi = (thi | (byte << (8 * (k - 4)))) >>> 0;
  }
  S[6] = (S[6]! ^ thi) >>> 0; S[7] = (S[7]! ^ tlo) >>> 0;
  sipRound();
  S[0] = (S[0]! ^ thi) >>> 0; S[1] = (S[1]! ^ tlo) >>> 0;
  S[5] = (S[5]! ^ 0xff) >>> 0;
  sipRound();
  sipRound();
  sipRound();
  const hi = (S[0]! ^ S[2]! ^ S[4]! ^ S[6]!) | 0;
  const lo = (S[1]! ^ S[3]! ^ S[5]! ^ S[7]!) >>> 0;
  return hashFromWords(hi, lo);
}

/** A signed 64-bit value hi:lo as an IntVal (number when safe), with CPython's -1 → -2. */
function hashFromWords(hi: number, lo: number): IntVal {
  // |hi| < 2**21 keeps hi * 2**32 + lo inside the safe range.
  if (hi >= -0x200000 && hi < 0x200000) {
    const v = hi * 4294967296 + lo;
    return v === -1 ? -2 : v;
  }
  return (BigInt(hi) << 32n) + BigInt(lo);
}

let scratch = new Uint8Array(256);

/** hash(str) as CPython 3.11 with PYTHONHASHSEED=0. */
export function strHash(s: string): IntVal {
  const n = s.length;
  if (n === 0) return 0;
  // The kind is chosen by the largest code point: 1 byte (≤ 0xff), 2 (≤ 0xffff) or 4.
  let kind = 1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        kind = 4;
        break;
      }
    }
    if (c > 0xff) kind = 2;
  }
  if (scratch.length < n * kind) scratch = new Uint8Array(n * kind * 2);
  const buf = scratch;
  let len = 0;
  if (kind === 1) {
    for (let i = 0; i < n; i++) buf[len++] = s.charCodeAt(i);
  } else if (kind === 2) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      buf[len++] = c & 0xff;
      buf[len++] = c >>> 8;
    }
  } else {
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      buf[len++] = c & 0xff;
      buf[len++] = (c >>> 8) & 0xff;
      buf[len++] = (c >>> 16) & 0xff;
      buf[len++] = 0;
    }
  }
  return siphash13Zero(buf, len);
}

/** hash(bytes) as CPython 3.11 with PYTHONHASHSEED=0 (the first `len` bytes of `data`). */
export function bytesHash(data: Uint8Array, len: number): IntVal {
  return siphash13Zero(data, len);
}
