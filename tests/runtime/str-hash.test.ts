/** hash() of str, bytes, int and float against CPython 3.11 with PYTHONHASHSEED=0 (fixtures/hash.json). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytesHash, strHash } from '../../sim/interp/runtime/str-hash.js';
import { floatHash, intHash, normInt } from '../../sim/interp/runtime/int-ops.js';
import { parseFloatRepr } from './fixture.js';

interface HashFixture {
  str: [string, string][];
  bytes: [number[], string][];
  int: [string, string][];
  float: [string, string][];
}

const here = dirname(fileURLToPath(import.meta.url));
const fx = JSON.parse(readFileSync(join(here, 'fixtures', 'hash.json'), 'utf8')) as HashFixture;

describe('CPython hashes (PYTHONHASHSEED=0)', () => {
  it('str: SipHash-1-3 over the latin-1 / UCS-2 / UCS-4 buffer', () => {
    expect(fx.str.length).toBeGreaterThan(300);
    for (const [s, h] of fx.str) expect([s, String(strHash(s))]).toEqual([s, h]);
  });
  it('a hash is a number exactly when it is a safe integer', () => {
    for (const [s] of fx.str) {
      const h = strHash(s);
      // Normalized like every IntVal, so equal hashes compare === in the set table.
      expect(normInt(BigInt(h))).toBe(h);
    }
  });
  it('bytes', () => {
    for (const [b, h] of fx.bytes) expect(String(bytesHash(Uint8Array.from(b), b.length))).toBe(h);
  });
  it('int and float (mod 2**61 - 1)', () => {
    for (const [i, h] of fx.int) expect(String(intHash(normInt(BigInt(i))))).toBe(h);
    for (const [f, h] of fx.float) expect(String(floatHash(parseFloatRepr(f)))).toBe(h);
  });
});
