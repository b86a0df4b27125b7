/**
 * runtime/digests.ts against Node's OpenSSL (the library CPython's hashlib uses): every algorithm
 * on lengths around the block and padding boundaries, fed in uneven chunks; copy() forks the state;
 * HMAC-based PBKDF2; scrypt. BLAKE2's key/salt/person/tree parameters are checked against CPython itself
 * by the guest golden tests/guest/programs/lib-hashlib.py (OpenSSL exposes only the defaults).
 */
import { createHash, createHmac, pbkdf2Sync, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGEST_NAMES, hmac, newDigest, pbkdf2Hmac, scrypt, type DigestName } from '../../sim/interp/runtime/digests.js';

const OPENSSL: Record<DigestName, string> = {
  md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  sha512_224: 'sha512-224', sha512_256: 'sha512-256', sha3_224: 'sha3-224', sha3_256: 'sha3-256',
  sha3_384: 'sha3-384', sha3_512: 'sha3-512', shake_128: 'shake128', shake_256: 'shake256',
  blake2b: 'blake2b512', blake2s: 'blake2s256', ripemd160: 'ripemd160', sm3: 'sm3', 'md5-sha1': 'md5-sha1',
};

const LENGTHS = [0, 1, 3, 55, 56, 63, 64, 65, 71, 72, 103, 104, 111, 112, 119, 120, 127, 128, 129,
  135, 136, 137, 143, 144, 167, 168, 169, 255, 256, 1000, 4097];

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function expected(name: DigestName, data: Uint8Array, outLen?: number): string {
  return createHash(OPENSSL[name], outLen === undefined ? undefined : { outputLength: outLen }).update(data).digest('hex');
}

describe('digests', () => {
  for (const name of DIGEST_NAMES) {
    it(`${name} matches OpenSSL`, () => {
      const rnd = lcg(name.length * 7919);
      for (const len of LENGTHS) {
        const data = new Uint8Array(len).map(() => rnd() & 255);
        const d = newDigest(name);
        for (let i = 0; i < len;) {
          const k = Math.min(len - i, rnd() % 150);
          d.update(data.subarray(i, i + k));
          i += k;
        }
        const outLen = d.digestSize === 0 ? 1 + (len % 400) : undefined;
        expect(hex(d.digest(outLen)), `${name} of ${len} bytes`).toBe(expected(name, data, outLen));
      }
    });
  }

  it('digest() leaves the state absorbing, copy() forks it', () => {
    for (const name of DIGEST_NAMES) {
      const d = newDigest(name);
      const n = d.digestSize === 0 ? 32 : undefined;
      d.update(new TextEncoder().encode('abc'));
      const first = hex(d.digest(n));
      expect(hex(d.digest(n))).toBe(first);
      const c = d.copy();
      c.update(new TextEncoder().encode('def'));
      expect(hex(d.digest(n))).toBe(first);
      expect(hex(c.digest(n))).toBe(expected(name, new TextEncoder().encode('abcdef'), n));
    }
  });

  it('hmac and pbkdf2_hmac match OpenSSL', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    for (const name of ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'blake2b'] as const) {
      for (const key of ['', 'k', 'x'.repeat(64), 'y'.repeat(200)]) {
        expect(hex(hmac(() => newDigest(name), enc(key), enc('message')))).toBe(
          createHmac(OPENSSL[name], key).update('message').digest('hex'));
      }
      expect(hex(pbkdf2Hmac(() => newDigest(name), enc('pw'), enc('salt'), 300, 77))).toBe(
        pbkdf2Sync('pw', 'salt', 300, 77, OPENSSL[name]).toString('hex'));
    }
  });
});

describe('scrypt', () => {
  it('matches RFC 7914 and OpenSSL', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(hex(scrypt(enc('password'), enc('NaCl'), 1024, 8, 16, 64))).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640');
    for (const [n, r, p, len] of [[2, 1, 1, 1], [16, 1, 1, 64], [16, 3, 2, 100], [256, 2, 3, 33], [1024, 1, 1, 16]] as const) {
      expect(hex(scrypt(enc('pw'), enc('salt'), n, r, p, len)), `N=${n} r=${r} p=${p}`).toBe(
        scryptSync('pw', 'salt', len, { N: n, r, p }).toString('hex'));
    }
  });
});
