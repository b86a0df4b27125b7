/**
 * Message digests, bit-exact with the ones CPython's hashlib gets from OpenSSL and its own
 * `_blake2`: MD5, SHA-1, the SHA-2 family (SHA-224/256/384/512, SHA-512/224, SHA-512/256),
 * SHA-3 and SHAKE, BLAKE2b/BLAKE2s with their parameter block (key, salt, person, tree
 * fields), RIPEMD-160, SM3 and TLS's MD5-SHA1; HMAC, PBKDF2 and scrypt over them. Written
 * from the algorithm definitions (RFC 1321, FIPS 180-4, FIPS 202, RFC 7693, the RIPEMD-160
 * paper, GB/T 32905, RFC 2104, RFC 8018, RFC 7914); the SHA-2 and SHA-3
 * constants are derived here from their definitions (prime roots, the Keccak LFSR) rather than
 * tabled. 64-bit words are pairs of 32-bit halves (`hi`, `lo`), which is what keeps SHA-512,
 * Keccak and BLAKE2b fast without BigInt.
 */

/** One running hash computation. `digest` finishes a copy, so the object can keep absorbing. */
export interface Digest {
  readonly name: string;
  /** 0 for the extendable-output functions (SHAKE), whose `digest` takes a length. */
  readonly digestSize: number;
  readonly blockSize: number;
  update(data: Uint8Array): void;
  digest(length?: number): Uint8Array;
  copy(): Digest;
}

const rotl32 = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

// ───────────── constants from their definitions ─────────────

function firstPrimes(n: number): number[] {
  const out: number[] = [];
  for (let c = 2; out.length < n; c++) if (out.every((p) => c % p !== 0)) out.push(c);
  return out;
}

/** floor(x^(1/k)) of a non-negative BigInt, by Newton's iteration. */
function iroot(x: bigint, k: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}

/** The first `bits` bits of the fractional part of p^(1/k), for each prime p (FIPS 180-4 §4.2, §5.3). */
function rootFractions(primes: number[], k: bigint, bits: bigint): bigint[] {
  const mask = (1n << bits) - 1n;
  return primes.map((p) => iroot(BigInt(p) << (bits * k), k) & mask);
}

let sha2Consts: { k256: Int32Array; iv256: Int32Array; iv224: Int32Array; k512: Int32Array; iv512: Int32Array; iv384: Int32Array } | null = null;

/** Splits 64-bit words into [hi, lo, hi, lo, ...]. */
function pairs(words: bigint[]): Int32Array {
  const out = new Int32Array(words.length * 2);
  words.forEach((w, i) => {
    out[2 * i] = Number(w >> 32n) | 0;
    out[2 * i + 1] = Number(w & 0xffffffffn) | 0;
  });
  return out;
}

function sha2(): NonNullable<typeof sha2Consts> {
  if (sha2Consts !== null) return sha2Consts;
  const p80 = firstPrimes(80);
  const k512 = rootFractions(p80, 3n, 64n);
  const iv512 = rootFractions(p80.slice(0, 8), 2n, 64n);
  const iv384 = rootFractions(p80.slice(8, 16), 2n, 64n);
  sha2Consts = {
    k256: Int32Array.from(k512.slice(0, 64), (w) => Number(w >> 32n) | 0),
    iv256: Int32Array.from(iv512, (w) => Number(w >> 32n) | 0),
    // SHA-224: the second 32 bits of the 9th to 16th primes' square roots (SHA-384's low halves).
    iv224: Int32Array.from(iv384, (w) => Number(w & 0xffffffffn) | 0),
    k512: pairs(k512),
    iv512: pairs(iv512),
    iv384: pairs(iv384),
  };
  return sha2Consts;
}

// ───────────── Merkle–Damgård block buffering ─────────────

/** A hash with a block buffer, length padding (0x80, zeros, the bit length) and a word-array state. */
abstract class BlockDigest implements Digest {
  abstract readonly name: string;
  abstract readonly digestSize: number;
  abstract readonly blockSize: number;
  protected buf: Uint8Array;
  protected bufLen = 0;
  /** Bytes absorbed so far. */
  protected total = 0;
  constructor(blockSize: number) {
    this.buf = new Uint8Array(blockSize);
  }
  protected abstract compress(block: Uint8Array, off: number): void;
  /** The state words in output order (called once, after the final block). */
  protected abstract output(): Uint8Array;
  protected abstract clone(): BlockDigest;
  /** Bytes of the length field (8, or 16 for the SHA-512 family) and its byte order. */
  protected lenBytes = 8;
  protected littleEndian = false;

  update(data: Uint8Array): void {
    const bs = this.blockSize;
    let i = 0;
    this.total += data.length;
    if (this.bufLen > 0) {
      const take = Math.min(bs - this.bufLen, data.length);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      i = take;
      if (this.bufLen < bs) return;
      this.compress(this.buf, 0);
      this.bufLen = 0;
    }
    for (; i + bs <= data.length; i += bs) this.compress(data, i);
    if (i < data.length) {
      this.buf.set(data.subarray(i), 0);
      this.bufLen = data.length - i;
    }
  }

  digest(): Uint8Array {
    const c = this.clone();
    c.finish();
    return c.output().slice(0, this.digestSize);
  }

  copy(): Digest {
    return this.clone();
  }

  protected copyInto<T extends BlockDigest>(c: T): T {
    c.buf.set(this.buf);
    c.bufLen = this.bufLen;
    c.total = this.total;
    return c;
  }

  private finish(): void {
    const bs = this.blockSize;
    const bits = BigInt(this.total) * 8n;
    const pad = new Uint8Array(((this.bufLen + 1 + this.lenBytes + bs - 1) / bs | 0) * bs - this.bufLen);
    pad[0] = 0x80;
    for (let k = 0; k < 8; k++) {
      const byte = Number((bits >> BigInt(8 * k)) & 0xffn);
      pad[this.littleEndian ? pad.length - 8 + k : pad.length - 1 - k] = byte;
    }
    this.update(pad);
  }
}

const readBE = (b: Uint8Array, o: number): number => (b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!;
const readLE = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);

function wordsOut(words: ArrayLike<number>, little: boolean): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) dv.setInt32(i * 4, words[i]!, little);
  return out;
}

// ───────────── MD5 (RFC 1321) ─────────────

let md5T: Int32Array | null = null;
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

class Md5 extends BlockDigest {
  readonly name = 'md5';
  readonly digestSize = 16;
  readonly blockSize = 64;
  h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
  private readonly x = new Int32Array(16);
  constructor() {
    super(64);
    this.littleEndian = true;
    // T[i] = floor(2^32 * |sin(i + 1)|), RFC 1321 §3.4.
    md5T ??= Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0);
  }
  protected compress(b: Uint8Array, off: number): void {
    const x = this.x, t = md5T!, h = this.h;
    for (let i = 0; i < 16; i++) x[i] = readLE(b, off + 4 * i);
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      const r = i >> 4;
      if (r === 0) {
        f = (bb & c) | (~bb & d);
        g = i;
      } else if (r === 1) {
        f = (d & bb) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (r === 2) {
        f = bb ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (bb | ~d);
        g = (7 * i) & 15;
      }
      const tmp = d;
      d = c;
      c = bb;
      bb = (bb + rotl32((a + f + t[i]! + x[g]!) | 0, MD5_S[(r << 2) | (i & 3)]!)) | 0;
      a = tmp;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, true);
  }
  protected clone(): Md5 {
    const c = this.copyInto(new Md5());
    c.h.set(this.h);
    return c;
  }
}

// ───────────── SHA-1 (FIPS 180-4 §6.1) ─────────────

class Sha1 extends BlockDigest {
  readonly name = 'sha1';
  readonly digestSize = 20;
  readonly blockSize = 64;
  h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
  private readonly w = new Int32Array(80);
  constructor() {
    super(64);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w, h = this.h;
    for (let i = 0; i < 16; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 16; i < 80; i++) w[i] = rotl32(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) {
        f = (bb & c) | (~bb & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = bb ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (bb & c) | (bb & d) | (c & d);
        k = 0x8f1bbcdc | 0;
      } else {
        f = bb ^ c ^ d;
        k = 0xca62c1d6 | 0;
      }
      const tmp = (rotl32(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl32(bb, 30);
      bb = a;
      a = tmp;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, false);
  }
  protected clone(): Sha1 {
    const c = this.copyInto(new Sha1());
    c.h.set(this.h);
    return c;
  }
}

// ───────────── SHA-224 / SHA-256 (FIPS 180-4 §6.2, §6.3) ─────────────

class Sha256 extends BlockDigest {
  readonly blockSize = 64;
  readonly h: Int32Array;
  private readonly w = new Int32Array(64);
  constructor(readonly name: 'sha256' | 'sha224', readonly digestSize: number) {
    super(64);
    this.h = (name === 'sha256' ? sha2().iv256 : sha2().iv224).slice();
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w, h = this.h, k = sha2().k256;
    for (let i = 0; i < 16; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!, y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + k[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, false);
  }
  protected clone(): Sha256 {
    const c = this.copyInto(new Sha256(this.name, this.digestSize));
    c.h.set(this.h);
    return c;
  }
}

// ───────────── SHA-384 / SHA-512 / SHA-512/t (FIPS 180-4 §6.4-§6.7) ─────────────

type Sha512Name = 'sha512' | 'sha384' | 'sha512_224' | 'sha512_256';
const sha512tIv = new Map<number, Int32Array>();

/** SHA-512/t's initial value: SHA-512 of "SHA-512/t" under the IV xored with 0xa5a5... (§5.3.6). */
function sha512t(t: number): Int32Array {
  let iv = sha512tIv.get(t);
  if (iv === undefined) {
    const g = new Sha512('sha512', 64);
    for (let i = 0; i < 16; i++) g.h[i] = g.h[i]! ^ (0xa5a5a5a5 | 0);
    g.update(new TextEncoder().encode(`SHA-512/${t}`));
    const d = g.digest();
    iv = Int32Array.from({ length: 16 }, (_, i) => readBE(d, 4 * i));
    sha512tIv.set(t, iv);
  }
  return iv;
}

class Sha512 extends BlockDigest {
  readonly blockSize = 128;
  readonly h: Int32Array;
  private readonly w = new Int32Array(160);
  constructor(readonly name: Sha512Name, readonly digestSize: number) {
    super(128);
    this.lenBytes = 16;
    this.h = (name === 'sha512' ? sha2().iv512 : name === 'sha384' ? sha2().iv384 : sha512t(digestSize * 8)).slice();
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w, h = this.h, k = sha2().k512;
    for (let i = 0; i < 32; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 32; i < 160; i += 2) {
      // σ0(w[t-15]) = rotr1 ^ rotr8 ^ shr7; σ1(w[t-2]) = rotr19 ^ rotr61 ^ shr6.
      let xh = w[i - 30]!, xl = w[i - 29]!;
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      xh = w[i - 4]!;
      xl = w[i - 3]!;
      const s1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
      const s1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
      // w[t] = σ1 + w[t-7] + σ0 + w[t-16]
      let lo = (s1l >>> 0) + (w[i - 13]! >>> 0) + (s0l >>> 0) + (w[i - 31]! >>> 0);
      const hi = (s1h + w[i - 14]! + s0h + w[i - 32]! + ((lo / 4294967296) | 0)) | 0;
      lo |= 0;
      w[i] = hi;
      w[i + 1] = lo;
    }
    let ah = h[0]!, al = h[1]!, bh = h[2]!, bl = h[3]!, ch = h[4]!, cl = h[5]!, dh = h[6]!, dl = h[7]!;
    let eh = h[8]!, el = h[9]!, fh = h[10]!, fl = h[11]!, gh = h[12]!, gl = h[13]!, hh = h[14]!, hl = h[15]!;
    for (let i = 0; i < 160; i += 2) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      let t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (k[i + 1]! >>> 0) + (w[i + 1]! >>> 0);
      const t1h = (hh + S1h + chh + k[i]! + w[i]! + ((t1l / 4294967296) | 0)) | 0;
      t1l |= 0;
      // Σ0(a) = rotr28 ^ rotr34 ^ rotr39
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const mh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const ml = (al & bl) ^ (al & cl) ^ (bl & cl);
      let t2l = (S0l >>> 0) + (ml >>> 0);
      const t2h = (S0h + mh + ((t2l / 4294967296) | 0)) | 0;
      t2l |= 0;
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      let l = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + ((l / 4294967296) | 0)) | 0;
      el = l | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      l = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + ((l / 4294967296) | 0)) | 0;
      al = l | 0;
    }
    const add = (i: number, xh: number, xl: number): void => {
      const l = (h[i + 1]! >>> 0) + (xl >>> 0);
      h[i] = (h[i]! + xh + ((l / 4294967296) | 0)) | 0;
      h[i + 1] = l | 0;
    };
    add(0, ah, al);
    add(2, bh, bl);
    add(4, ch, cl);
    add(6, dh, dl);
    add(8, eh, el);
    add(10, fh, fl);
    add(12, gh, gl);
    add(14, hh, hl);
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, false);
  }
  protected clone(): Sha512 {
    const c = this.copyInto(new Sha512(this.name, this.digestSize));
    c.h.set(this.h);
    return c;
  }
}

// ───────────── RIPEMD-160 ─────────────

// Message word order and rotation amounts of the left and right lines, five rounds of 16.
const RMD_R = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
  3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
  1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
  4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13,
];
const RMD_RR = [
  5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
  6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
  15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
  8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
  12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11,
];
const RMD_S = [
  11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
  7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
  11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
  11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
  9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6,
];
const RMD_SS = [
  8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
  9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
  9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
  15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
  8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11,
];
// floor(2^30 * sqrt(0, 2, 3, 5, 7)) and floor(2^30 * cbrt(2, 3, 5, 7), 0).
const RMD_K = [0, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc | 0, 0xa953fd4e | 0];
const RMD_KK = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0];

function rmdF(j: number, x: number, y: number, z: number): number {
  switch (j) {
    case 0: return x ^ y ^ z;
    case 1: return (x & y) | (~x & z);
    case 2: return (x | ~y) ^ z;
    case 3: return (x & z) | (y & ~z);
    default: return x ^ (y | ~z);
  }
}

class Ripemd160 extends BlockDigest {
  readonly name = 'ripemd160';
  readonly digestSize = 20;
  readonly blockSize = 64;
  h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
  private readonly x = new Int32Array(16);
  constructor() {
    super(64);
    this.littleEndian = true;
  }
  protected compress(b: Uint8Array, off: number): void {
    const x = this.x, h = this.h;
    for (let i = 0; i < 16; i++) x[i] = readLE(b, off + 4 * i);
    let al = h[0]!, bl = h[1]!, cl = h[2]!, dl = h[3]!, el = h[4]!;
    let ar = al, br = bl, cr = cl, dr = dl, er = el;
    for (let j = 0; j < 80; j++) {
      const rnd = (j / 16) | 0;
      let t = (rotl32((al + rmdF(rnd, bl, cl, dl) + x[RMD_R[j]!]! + RMD_K[rnd]!) | 0, RMD_S[j]!) + el) | 0;
      al = el;
      el = dl;
      dl = rotl32(cl, 10);
      cl = bl;
      bl = t;
      t = (rotl32((ar + rmdF(4 - rnd, br, cr, dr) + x[RMD_RR[j]!]! + RMD_KK[rnd]!) | 0, RMD_SS[j]!) + er) | 0;
      ar = er;
      er = dr;
      dr = rotl32(cr, 10);
      cr = br;
      br = t;
    }
    const t = (h[1]! + cl + dr) | 0;
    h[1] = (h[2]! + dl + er) | 0;
    h[2] = (h[3]! + el + ar) | 0;
    h[3] = (h[4]! + al + br) | 0;
    h[4] = (h[0]! + bl + cr) | 0;
    h[0] = t;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, true);
  }
  protected clone(): Ripemd160 {
    const c = this.copyInto(new Ripemd160());
    c.h.set(this.h);
    return c;
  }
}

// ───────────── SM3 (GB/T 32905-2016) ─────────────

class Sm3 extends BlockDigest {
  readonly name = 'sm3';
  readonly digestSize = 32;
  readonly blockSize = 64;
  h = Int32Array.of(0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600 | 0, 0xa96f30bc | 0, 0x163138aa, 0xe38dee4d | 0, 0xb0fb0e4e | 0);
  private readonly w = new Int32Array(68);
  constructor() {
    super(64);
  }
  protected compress(b: Uint8Array, off: number): void {
    const w = this.w, h = this.h;
    const p0 = (x: number): number => x ^ rotl32(x, 9) ^ rotl32(x, 17);
    const p1 = (x: number): number => x ^ rotl32(x, 15) ^ rotl32(x, 23);
    for (let i = 0; i < 16; i++) w[i] = readBE(b, off + 4 * i);
    for (let i = 16; i < 68; i++) w[i] = p1(w[i - 16]! ^ w[i - 9]! ^ rotl32(w[i - 3]!, 15)) ^ rotl32(w[i - 13]!, 7) ^ w[i - 6]!;
    let a = h[0]!, bb = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let j = 0; j < 64; j++) {
      const tj = j < 16 ? 0x79cc4519 : 0x7a879d8a;
      const a12 = rotl32(a, 12);
      const ss1 = rotl32((a12 + e + rotl32(tj, j & 31)) | 0, 7);
      const ss2 = ss1 ^ a12;
      const ff = j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c);
      const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
      const tt1 = (ff + d + ss2 + (w[j]! ^ w[j + 4]!)) | 0;
      const tt2 = (gg + hh + ss1 + w[j]!) | 0;
      d = c;
      c = rotl32(bb, 9);
      bb = a;
      a = tt1;
      hh = g;
      g = rotl32(f, 19);
      f = e;
      e = p0(tt2);
    }
    h[0] = h[0]! ^ a;
    h[1] = h[1]! ^ bb;
    h[2] = h[2]! ^ c;
    h[3] = h[3]! ^ d;
    h[4] = h[4]! ^ e;
    h[5] = h[5]! ^ f;
    h[6] = h[6]! ^ g;
    h[7] = h[7]! ^ hh;
  }
  protected output(): Uint8Array {
    return wordsOut(this.h, false);
  }
  protected clone(): Sm3 {
    const c = this.copyInto(new Sm3());
    c.h.set(this.h);
    return c;
  }
}

// ───────────── MD5-SHA1 (TLS 1.0's PRF hash: both digests, concatenated) ─────────────

class Md5Sha1 implements Digest {
  readonly name = 'md5-sha1';
  readonly digestSize = 36;
  readonly blockSize = 64;
  constructor(private readonly md5: Digest = new Md5(), private readonly sha1: Digest = new Sha1()) {}
  update(data: Uint8Array): void {
    this.md5.update(data);
    this.sha1.update(data);
  }
  digest(): Uint8Array {
    const out = new Uint8Array(36);
    out.set(this.md5.digest());
    out.set(this.sha1.digest(), 16);
    return out;
  }
  copy(): Digest {
    return new Md5Sha1(this.md5.copy(), this.sha1.copy());
  }
}

// ───────────── Keccak-f[1600], SHA-3 and SHAKE (FIPS 202) ─────────────

let keccakRc: Int32Array | null = null;
let keccakRho: number[] | null = null;

/** The round constants (§3.2.5's LFSR) and the ρ offsets (§3.2.2's walk), as [hi, lo] pairs. */
function keccakTables(): void {
  if (keccakRc !== null) return;
  let r = 1;
  const rcBit = (): number => {
    const out = r & 1;
    r = (r & 0x80) !== 0 ? ((r << 1) ^ 0x71) & 0xff : r << 1;
    return out;
  };
  const rc = new Int32Array(48);
  for (let i = 0; i < 24; i++) {
    let v = 0n;
    for (let j = 0; j < 7; j++) if (rcBit()) v |= 1n << BigInt((1 << j) - 1);
    rc[2 * i] = Number(v >> 32n) | 0;
    rc[2 * i + 1] = Number(v & 0xffffffffn) | 0;
  }
  const rho = new Array<number>(25).fill(0);
  let x = 1, y = 0;
  for (let t = 0; t < 24; t++) {
    rho[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  keccakRc = rc;
  keccakRho = rho;
}

/** One permutation of the state: 25 lanes, lane i at [2i] (low half) and [2i + 1] (high half). */
const keccakC = new Int32Array(10);
const keccakB = new Int32Array(50);

function keccakF(s: Int32Array): void {
  const rc = keccakRc!, rho = keccakRho!;
  const c = keccakC, bb = keccakB;
  for (let round = 0; round < 24; round++) {
    // θ
    for (let x = 0; x < 5; x++) {
      c[2 * x] = s[2 * x]! ^ s[2 * x + 10]! ^ s[2 * x + 20]! ^ s[2 * x + 30]! ^ s[2 * x + 40]!;
      c[2 * x + 1] = s[2 * x + 1]! ^ s[2 * x + 11]! ^ s[2 * x + 21]! ^ s[2 * x + 31]! ^ s[2 * x + 41]!;
    }
    for (let x = 0; x < 5; x++) {
      const x1 = (x + 1) % 5, x4 = (x + 4) % 5;
      const l1 = c[2 * x1]!, h1 = c[2 * x1 + 1]!;
      const dl = c[2 * x4]! ^ ((l1 << 1) | (h1 >>> 31));
      const dh = c[2 * x4 + 1]! ^ ((h1 << 1) | (l1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        s[2 * (x + y)] = s[2 * (x + y)]! ^ dl;
        s[2 * (x + y) + 1] = s[2 * (x + y) + 1]! ^ dh;
      }
    }
    // ρ and π: lane (x, y) rotated lands at (y, 2x + 3y).
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y;
        const n = rho[i]!;
        let lo = s[2 * i]!, hi = s[2 * i + 1]!;
        if (n >= 32) {
          const t = lo;
          lo = hi;
          hi = t;
        }
        const m = n & 31;
        if (m !== 0) {
          const nl = (lo << m) | (hi >>> (32 - m));
          const nh = (hi << m) | (lo >>> (32 - m));
          lo = nl;
          hi = nh;
        }
        const j = y + 5 * ((2 * x + 3 * y) % 5);
        bb[2 * j] = lo;
        bb[2 * j + 1] = hi;
      }
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const i = y + x, i1 = y + ((x + 1) % 5), i2 = y + ((x + 2) % 5);
        s[2 * i] = bb[2 * i]! ^ (~bb[2 * i1]! & bb[2 * i2]!);
        s[2 * i + 1] = bb[2 * i + 1]! ^ (~bb[2 * i1 + 1]! & bb[2 * i2 + 1]!);
      }
    }
    // ι
    s[0] = s[0]! ^ rc[2 * round + 1]!;
    s[1] = s[1]! ^ rc[2 * round]!;
  }
}

export type Sha3Name = 'sha3_224' | 'sha3_256' | 'sha3_384' | 'sha3_512' | 'shake_128' | 'shake_256';

class Keccak implements Digest {
  readonly blockSize: number;
  readonly digestSize: number;
  private readonly state = new Int32Array(50);
  private readonly buf: Uint8Array;
  private bufLen = 0;
  private readonly suffix: number;
  constructor(readonly name: Sha3Name) {
    keccakTables();
    const bits = Number(name.slice(name.indexOf('_') + 1));
    const shake = name.startsWith('shake');
    // Capacity: 2 × the output size for SHA-3, 2 × the security level for SHAKE.
    this.blockSize = 200 - (bits / 4);
    this.digestSize = shake ? 0 : bits / 8;
    this.suffix = shake ? 0x1f : 0x06;
    this.buf = new Uint8Array(this.blockSize);
  }
  private absorb(b: Uint8Array, off: number): void {
    const s = this.state;
    for (let i = 0; i < this.blockSize; i += 4) s[i >> 2] = s[i >> 2]! ^ readLE(b, off + i);
    keccakF(s);
  }
  update(data: Uint8Array): void {
    const bs = this.blockSize;
    let i = 0;
    if (this.bufLen > 0) {
      const take = Math.min(bs - this.bufLen, data.length);
      this.buf.set(data.subarray(0, take), this.bufLen);
      this.bufLen += take;
      i = take;
      if (this.bufLen < bs) return;
      this.absorb(this.buf, 0);
      this.bufLen = 0;
    }
    for (; i + bs <= data.length; i += bs) this.absorb(data, i);
    if (i < data.length) {
      this.buf.set(data.subarray(i), 0);
      this.bufLen = data.length - i;
    }
  }
  digest(length?: number): Uint8Array {
    const n = this.digestSize === 0 ? length! : this.digestSize;
    const c = this.copy() as Keccak;
    const last = new Uint8Array(c.blockSize);
    last.set(c.buf.subarray(0, c.bufLen));
    last[c.bufLen] = last[c.bufLen]! ^ c.suffix;
    last[c.blockSize - 1] = last[c.blockSize - 1]! ^ 0x80;
    c.absorb(last, 0);
    const out = new Uint8Array(n);
    const lanes = new Uint8Array(200);
    const dv = new DataView(lanes.buffer);
    for (let done = 0; done < n;) {
      for (let i = 0; i < 50; i++) dv.setInt32(4 * i, c.state[i]!, true);
      const take = Math.min(c.blockSize, n - done);
      out.set(lanes.subarray(0, take), done);
      done += take;
      if (done < n) keccakF(c.state);
    }
    return out;
  }
  copy(): Digest {
    const c = new Keccak(this.name);
    c.state.set(this.state);
    c.buf.set(this.buf);
    c.bufLen = this.bufLen;
    return c;
  }
}

// ───────────── BLAKE2b / BLAKE2s (RFC 7693) ─────────────

const BLAKE2_SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** BLAKE2's parameter block (RFC 7693 §2.5, BLAKE2 paper §2.8): checked by the caller. */
export interface Blake2Params {
  digestSize: number;
  key: Uint8Array;
  salt: Uint8Array;
  person: Uint8Array;
  fanout: number;
  depth: number;
  leafSize: number;
  nodeOffset: bigint;
  nodeDepth: number;
  innerSize: number;
  lastNode: boolean;
}

export const BLAKE2B_LIMITS = { digest: 64, key: 64, salt: 16, person: 16, block: 128 } as const;
export const BLAKE2S_LIMITS = { digest: 32, key: 32, salt: 8, person: 8, block: 64 } as const;

class Blake2 implements Digest {
  readonly name: 'blake2b' | 'blake2s';
  digestSize: number;
  readonly blockSize: number;
  /** State words: 8 of them, as [lo, hi] pairs for BLAKE2b. */
  private readonly h: Int32Array;
  private readonly buf: Uint8Array;
  private bufLen = 0;
  /** Bytes compressed so far (the counter t). */
  private count = 0n;
  private lastNode: boolean;
  private readonly big: boolean;
  private readonly v: Int32Array;
  private readonly m: Int32Array;

  /** `p` null: a blank state that `copy` fills in. */
  constructor(big: boolean, p: Blake2Params | null) {
    this.big = big;
    this.name = big ? 'blake2b' : 'blake2s';
    this.blockSize = big ? 128 : 64;
    this.buf = new Uint8Array(this.blockSize);
    this.v = new Int32Array(big ? 32 : 16);
    this.m = new Int32Array(big ? 32 : 16);
    this.digestSize = p?.digestSize ?? (big ? 64 : 32);
    this.lastNode = p?.lastNode ?? false;
    this.h = Blake2.iv(big).slice();
    if (p === null) return;
    // The parameter block, xored into the IV.
    const pb = new Uint8Array(big ? 64 : 32);
    const dv = new DataView(pb.buffer);
    pb[0] = p.digestSize;
    pb[1] = p.key.length;
    pb[2] = p.fanout;
    pb[3] = p.depth;
    dv.setUint32(4, p.leafSize, true);
    if (big) {
      dv.setBigUint64(8, p.nodeOffset, true);
      pb[16] = p.nodeDepth;
      pb[17] = p.innerSize;
      pb.set(p.salt, 32);
      pb.set(p.person, 48);
    } else {
      dv.setUint32(8, Number(p.nodeOffset & 0xffffffffn), true);
      dv.setUint16(12, Number(p.nodeOffset >> 32n), true);
      pb[14] = p.nodeDepth;
      pb[15] = p.innerSize;
      pb.set(p.salt, 16);
      pb.set(p.person, 24);
    }
    for (let i = 0; i < pb.length / 4; i++) this.h[i] = this.h[i]! ^ readLE(pb, 4 * i);
    if (p.key.length > 0) {
      const block = new Uint8Array(this.blockSize);
      block.set(p.key);
      this.update(block);
    }
  }

  private static iv(big: boolean): Int32Array {
    const c = sha2();
    if (!big) return c.iv256;
    // SHA-512's IV as little-endian [lo, hi] pairs.
    const out = new Int32Array(16);
    for (let i = 0; i < 8; i++) {
      out[2 * i] = c.iv512[2 * i + 1]!;
      out[2 * i + 1] = c.iv512[2 * i]!;
    }
    return out;
  }

  update(data: Uint8Array): void {
    const bs = this.blockSize;
    let i = 0;
    // The last block is compressed only at the end (it carries the final flag), so a full buffer
    // waits until more data comes.
    while (i < data.length) {
      if (this.bufLen === bs) {
        this.count += BigInt(bs);
        this.compress(this.buf, 0, false);
        this.bufLen = 0;
      }
      if (this.bufLen === 0) {
        while (data.length - i > bs) {
          this.count += BigInt(bs);
          this.compress(data, i, false);
          i += bs;
        }
      }
      const take = Math.min(bs - this.bufLen, data.length - i);
      this.buf.set(data.subarray(i, i + take), this.bufLen);
      this.bufLen += take;
      i += take;
    }
  }

  digest(): Uint8Array {
    const c = this.copy() as Blake2;
    c.count += BigInt(c.bufLen);
    c.buf.fill(0, c.bufLen);
    c.compress(c.buf, 0, true);
    const out = new Uint8Array(c.big ? 64 : 32);
    const dv = new DataView(out.buffer);
    for (let i = 0; i < c.h.length; i++) dv.setInt32(4 * i, c.h[i]!, true);
    return out.slice(0, this.digestSize);
  }

  copy(): Digest {
    const c = new Blake2(this.big, null);
    c.digestSize = this.digestSize;
    c.lastNode = this.lastNode;
    c.h.set(this.h);
    c.buf.set(this.buf);
    c.bufLen = this.bufLen;
    c.count = this.count;
    return c;
  }

  private compress(b: Uint8Array, off: number, last: boolean): void {
    if (this.big) this.compress64(b, off, last);
    else this.compress32(b, off, last);
  }

  private compress32(b: Uint8Array, off: number, last: boolean): void {
    const v = this.v, m = this.m, h = this.h;
    for (let i = 0; i < 16; i++) m[i] = readLE(b, off + 4 * i);
    const iv = sha2().iv256;
    for (let i = 0; i < 8; i++) {
      v[i] = h[i]!;
      v[i + 8] = iv[i]!;
    }
    v[12] = v[12]! ^ Number(this.count & 0xffffffffn);
    v[13] = v[13]! ^ Number((this.count >> 32n) & 0xffffffffn);
    if (last) {
      v[14] = ~v[14]!;
      if (this.lastNode) v[15] = ~v[15]!;
    }
    const g = (a: number, bb: number, c: number, d: number, x: number, y: number): void => {
      v[a] = (v[a]! + v[bb]! + x) | 0;
      let t = v[d]! ^ v[a]!;
      v[d] = (t >>> 16) | (t << 16);
      v[c] = (v[c]! + v[d]!) | 0;
      t = v[bb]! ^ v[c]!;
      v[bb] = (t >>> 12) | (t << 20);
      v[a] = (v[a]! + v[bb]! + y) | 0;
      t = v[d]! ^ v[a]!;
      v[d] = (t >>> 8) | (t << 24);
      v[c] = (v[c]! + v[d]!) | 0;
      t = v[bb]! ^ v[c]!;
      v[bb] = (t >>> 7) | (t << 25);
    };
    for (let r = 0; r < 10; r++) {
      const s = BLAKE2_SIGMA[r]!;
      g(0, 4, 8, 12, m[s[0]!]!, m[s[1]!]!);
      g(1, 5, 9, 13, m[s[2]!]!, m[s[3]!]!);
      g(2, 6, 10, 14, m[s[4]!]!, m[s[5]!]!);
      g(3, 7, 11, 15, m[s[6]!]!, m[s[7]!]!);
      g(0, 5, 10, 15, m[s[8]!]!, m[s[9]!]!);
      g(1, 6, 11, 12, m[s[10]!]!, m[s[11]!]!);
      g(2, 7, 8, 13, m[s[12]!]!, m[s[13]!]!);
      g(3, 4, 9, 14, m[s[14]!]!, m[s[15]!]!);
    }
    for (let i = 0; i < 8; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 8]!;
  }

  /** BLAKE2b: 64-bit word w at v[2w] (low half) and v[2w + 1] (high half). */
  private compress64(b: Uint8Array, off: number, last: boolean): void {
    const v = this.v, m = this.m, h = this.h;
    for (let i = 0; i < 32; i++) m[i] = readLE(b, off + 4 * i);
    const iv = Blake2.iv(true);
    for (let i = 0; i < 16; i++) {
      v[i] = h[i]!;
      v[i + 16] = iv[i]!;
    }
    v[24] = v[24]! ^ Number(this.count & 0xffffffffn);
    v[25] = v[25]! ^ Number((this.count >> 32n) & 0xffffffffn);
    v[26] = v[26]! ^ Number((this.count >> 64n) & 0xffffffffn);
    v[27] = v[27]! ^ Number((this.count >> 96n) & 0xffffffffn);
    if (last) {
      v[28] = ~v[28]!;
      v[29] = ~v[29]!;
      if (this.lastNode) {
        v[30] = ~v[30]!;
        v[31] = ~v[31]!;
      }
    }
    // v[a] += v[b] + m (64-bit).
    const add3 = (a: number, bb: number, xl: number, xh: number): void => {
      const l = (v[2 * a]! >>> 0) + (v[2 * bb]! >>> 0) + (xl >>> 0);
      v[2 * a + 1] = (v[2 * a + 1]! + v[2 * bb + 1]! + xh + ((l / 4294967296) | 0)) | 0;
      v[2 * a] = l | 0;
    };
    // v[d] = (v[d] ^ v[a]) >>> n, for n in 32, 24, 16, 63.
    const xorRot = (d: number, a: number, n: number): void => {
      const lo = v[2 * d]! ^ v[2 * a]!, hi = v[2 * d + 1]! ^ v[2 * a + 1]!;
      if (n === 32) {
        v[2 * d] = hi;
        v[2 * d + 1] = lo;
      } else if (n < 32) {
        v[2 * d] = (lo >>> n) | (hi << (32 - n));
        v[2 * d + 1] = (hi >>> n) | (lo << (32 - n));
      } else {
        const k = n - 32;
        v[2 * d] = (hi >>> k) | (lo << (32 - k));
        v[2 * d + 1] = (lo >>> k) | (hi << (32 - k));
      }
    };
    const g = (a: number, bb: number, c: number, d: number, x: number, y: number): void => {
      add3(a, bb, m[2 * x]!, m[2 * x + 1]!);
      xorRot(d, a, 32);
      add3(c, d, 0, 0);
      xorRot(bb, c, 24);
      add3(a, bb, m[2 * y]!, m[2 * y + 1]!);
      xorRot(d, a, 16);
      add3(c, d, 0, 0);
      xorRot(bb, c, 63);
    };
    for (let r = 0; r < 12; r++) {
      const s = BLAKE2_SIGMA[r % 10]!;
      g(0, 4, 8, 12, s[0]!, s[1]!);
      g(1, 5, 9, 13, s[2]!, s[3]!);
      g(2, 6, 10, 14, s[4]!, s[5]!);
      g(3, 7, 11, 15, s[6]!, s[7]!);
      g(0, 5, 10, 15, s[8]!, s[9]!);
      g(1, 6, 11, 12, s[10]!, s[11]!);
      g(2, 7, 8, 13, s[12]!, s[13]!);
      g(3, 4, 9, 14, s[14]!, s[15]!);
    }
    for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
  }
}

// ───────────── construction ─────────────

/** The algorithms `newDigest` makes, by CPython's names for them. */
export const DIGEST_NAMES = [
  'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512_224', 'sha512_256',
  'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
  'blake2b', 'blake2s', 'ripemd160', 'sm3', 'md5-sha1',
] as const;
export type DigestName = (typeof DIGEST_NAMES)[number];

/** A fresh digest by CPython's name (BLAKE2 with its default parameters). */
export function newDigest(name: DigestName): Digest {
  switch (name) {
    case 'md5': return new Md5();
    case 'sha1': return new Sha1();
    case 'sha224': return new Sha256('sha224', 28);
    case 'sha256': return new Sha256('sha256', 32);
    case 'sha384': return new Sha512('sha384', 48);
    case 'sha512': return new Sha512('sha512', 64);
    case 'sha512_224': return new Sha512('sha512_224', 28);
    case 'sha512_256': return new Sha512('sha512_256', 32);
    case 'blake2b': return new Blake2(true, blake2Defaults(64));
    case 'blake2s': return new Blake2(false, blake2Defaults(32));
    case 'ripemd160': return new Ripemd160();
    case 'sm3': return new Sm3();
    case 'md5-sha1': return new Md5Sha1();
    default: return new Keccak(name);
  }
}

/** The sequential-mode parameters (fanout 1, depth 1, no key, salt or personalization). */
export function blake2Defaults(digestSize: number): Blake2Params {
  const none = new Uint8Array(0);
  return { digestSize, key: none, salt: none, person: none, fanout: 1, depth: 1, leafSize: 0, nodeOffset: 0n, nodeDepth: 0, innerSize: 0, lastNode: false };
}

/** BLAKE2b (`big`) or BLAKE2s with an explicit, already validated parameter block. */
export function newBlake2(big: boolean, p: Blake2Params): Digest {
  return new Blake2(big, p);
}

/** HMAC (RFC 2104) of `msg` under `key` with the digest `make` gives. */
export function hmac(make: () => Digest, key: Uint8Array, msg: Uint8Array): Uint8Array {
  return hmacKeyed(make, key)(msg);
}

/** The keyed HMAC function: the inner and outer pads are absorbed once and copied per message. */
export function hmacKeyed(make: () => Digest, key: Uint8Array): (msg: Uint8Array) => Uint8Array {
  const inner = make();
  const bs = inner.blockSize;
  let k = key;
  if (k.length > bs) {
    const d = make();
    d.update(k);
    k = d.digest();
  }
  const pad = new Uint8Array(bs);
  pad.set(k);
  const outer = make();
  inner.update(pad.map((b) => b ^ 0x36));
  outer.update(pad.map((b) => b ^ 0x5c));
  return (msg) => {
    const i = inner.copy();
    i.update(msg);
    const o = outer.copy();
    o.update(i.digest());
    return o.digest();
  };
}

/** PBKDF2 (RFC 8018 §5.2) with HMAC over the digest `make` gives. */
export function pbkdf2Hmac(make: () => Digest, password: Uint8Array, salt: Uint8Array, iterations: number, dklen: number): Uint8Array {
  const prf = hmacKeyed(make, password);
  const out = new Uint8Array(dklen);
  const block = new Uint8Array(salt.length + 4);
  block.set(salt);
  for (let i = 1, done = 0; done < dklen; i++) {
    new DataView(block.buffer).setUint32(salt.length, i, false);
    let u = prf(block);
    const t = u.slice();
    for (let j = 1; j < iterations; j++) {
      u = prf(u);
      for (let q = 0; q < t.length; q++) t[q] = t[q]! ^ u[q]!;
    }
    const take = Math.min(t.length, dklen - done);
    out.set(t.subarray(0, take), done);
    done += take;
  }
  return out;
}

// ───────────── scrypt (RFC 7914) ─────────────

/** Salsa20/8's core on 16 little-endian words in place (RFC 7914 §3). */
function salsa208(x: Int32Array, t: Int32Array): void {
  t.set(x);
  const qr = (a: number, b: number, c: number, d: number): void => {
    t[b] = t[b]! ^ rotl32((t[a]! + t[d]!) | 0, 7);
    t[c] = t[c]! ^ rotl32((t[b]! + t[a]!) | 0, 9);
    t[d] = t[d]! ^ rotl32((t[c]! + t[b]!) | 0, 13);
    t[a] = t[a]! ^ rotl32((t[d]! + t[c]!) | 0, 18);
  };
  for (let i = 0; i < 8; i += 2) {
    qr(0, 4, 8, 12);
    qr(5, 9, 13, 1);
    qr(10, 14, 2, 6);
    qr(15, 3, 7, 11);
    qr(0, 1, 2, 3);
    qr(5, 6, 7, 4);
    qr(10, 11, 8, 9);
    qr(15, 12, 13, 14);
  }
  for (let i = 0; i < 16; i++) x[i] = (x[i]! + t[i]!) | 0;
}

/** scryptBlockMix (§4): `b` (2r blocks of 16 words) into `y`. */
function blockMix(b: Int32Array, y: Int32Array, r: number, x: Int32Array, t: Int32Array): void {
  x.set(b.subarray((2 * r - 1) * 16, 2 * r * 16));
  for (let i = 0; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) x[k] = x[k]! ^ b[i * 16 + k]!;
    salsa208(x, t);
    // Even blocks go to the first half, odd ones to the second.
    y.set(x, ((i & 1) * r + (i >> 1)) * 16);
  }
}

/** scryptROMix (§5) on one 128·r-byte block of `b` at `off`, with the N-block table `v`. */
function roMix(b: Uint8Array, off: number, r: number, n: number, v: Int32Array): void {
  const words = 32 * r;
  const dv = new DataView(b.buffer, b.byteOffset + off, 128 * r);
  let xw = new Int32Array(words);
  let yw = new Int32Array(words);
  const x = new Int32Array(16), t = new Int32Array(16);
  for (let i = 0; i < words; i++) xw[i] = dv.getInt32(4 * i, true);
  for (let i = 0; i < n; i++) {
    v.set(xw, i * words);
    blockMix(xw, yw, r, x, t);
    [xw, yw] = [yw, xw];
  }
  for (let i = 0; i < n; i++) {
    // Integerify: the first word of the last block; N is a power of two below 2^32.
    const j = (xw[(2 * r - 1) * 16]! >>> 0) & (n - 1);
    for (let k = 0; k < words; k++) xw[k] = xw[k]! ^ v[j * words + k]!;
    blockMix(xw, yw, r, x, t);
    [xw, yw] = [yw, xw];
  }
  for (let i = 0; i < words; i++) dv.setInt32(4 * i, xw[i]!, true);
}

/** scrypt (RFC 7914 §6) with already checked parameters (n a power of two, the memory bounded). */
export function scrypt(password: Uint8Array, salt: Uint8Array, n: number, r: number, p: number, dklen: number): Uint8Array {
  const sha256 = (): Digest => newDigest('sha256');
  const b = pbkdf2Hmac(sha256, password, salt, 1, 128 * r * p);
  const v = new Int32Array(32 * r * n);
  for (let i = 0; i < p; i++) roMix(b, 128 * r * i, r, n, v);
  return pbkdf2Hmac(sha256, password, b, 1, dklen);
}
