/** Loading and comparing the CPython fixtures written by tests/runtime/make-fixtures.py. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeOpError } from '../../sim/interp/runtime/errors.js';
import { normInt } from '../../sim/interp/runtime/int-ops.js';

export type Encoded = boolean | null | string | { i: string } | { f: string } | { b: number[] } | { d: [Encoded, Encoded][] } | Encoded[];

export interface Case {
  fn: string;
  args: Encoded[];
  out?: Encoded;
  err?: [string, string];
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadFixture(name: string): Case[] {
  return JSON.parse(readFileSync(join(here, 'fixtures', name + '.json'), 'utf8')) as Case[];
}

/** A tagged float, kept distinct from an int that happens to have the same value. */
export class F {
  constructor(readonly v: number) {}
}

export function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  return Number(s);
}

export function decodeInt(h: string): number | bigint {
  return h.startsWith('-') ? normInt(-BigInt(h.slice(1))) : normInt(BigInt(h));
}

/** Decoded value: ints become IntVal, floats stay numbers (use `decodeTagged` to keep the tag). */
export function decode(e: Encoded): unknown {
  if (e === null || typeof e === 'boolean' || typeof e === 'string') return e;
  if (Array.isArray(e)) return e.map(decode);
  if ('i' in e) return decodeInt(e.i);
  if ('f' in e) return parseFloatRepr(e.f);
  if ('b' in e) return Uint8Array.from(e.b);
  return new Map(e.d.map(([k, v]) => [decode(k), decode(v)]));
}

/** Encode a runtime result the way the fixture encodes Python values. `floatOut` says whether a
 *  JS number result is a guest float (a function's result type is fixed). */
export function encodeOut(v: unknown, floatOut: boolean): unknown {
  if (v instanceof F) return { f: floatReprForTest(v.v) };
  if (typeof v === 'bigint') return { i: hexOf(v) };
  if (typeof v === 'number') return floatOut ? { f: floatReprForTest(v) } : { i: hexOf(BigInt(v)) };
  if (Array.isArray(v)) return v.map((x) => encodeOut(x, floatOut));
  if (v instanceof Uint8Array) return { b: Array.from(v) };
  return v;
}

function hexOf(b: bigint): string {
  return b < 0n ? '-0x' + (-b).toString(16) : '0x' + b.toString(16);
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
/** Floats compare by their exact bits (every NaN alike), independent of any repr code. */
function floatReprForTest(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  F64[0] = x;
  return U64[0]!.toString(16);
}

function canon(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(canon);
  if (e !== null && typeof e === 'object' && 'f' in e) return { f: floatReprForTest(parseFloatRepr((e as { f: string }).f)) };
  return e;
}

export interface Mismatch {
  fn: string;
  args: unknown;
  want: unknown;
  got: unknown;
}

/** Both sides are a single float whose bits differ by at most two units in the last place. */
function oneUlpApart(want: unknown, got: unknown): boolean {
  if (typeof want !== 'object' || typeof got !== 'object' || want === null || got === null) return false;
  if (!('f' in want) || !('f' in got)) return false;
  const a = BigInt('0x' + (want as { f: string }).f);
  const b = BigInt('0x' + (got as { f: string }).f);
  const d = a > b ? a - b : b - a;
  return d >= 1n && d <= 2n;
}

/**
 * Run every case through `impl(fn, args)`; collect mismatches (exact value, or same error).
 * With `near`, a float result one or two ulps from CPython's goes there instead of the mismatch
 * list: glibc's libm (which CPython calls) is not correctly rounded in rare cases, while this
 * runtime is, so callers assert that such near misses stay rare (see math.ts).
 */
export function runCases(
  cases: Case[],
  impl: (fn: string, args: unknown[]) => unknown,
  floatOut: (fn: string) => boolean,
  near?: Mismatch[],
): Mismatch[] {
  const bad: Mismatch[] = [];
  for (const c of cases) {
    const args = c.args.map(decode);
    let got: unknown;
    try {
      got = encodeOut(impl(c.fn, args), floatOut(c.fn));
    } catch (e) {
      if (e instanceof RuntimeOpError) got = { err: [e.pyType, e.message] };
      else got = { hostError: String(e) };
    }
    const want = c.err ? { err: c.err } : canon(c.out);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      if (near && oneUlpApart(want, got)) near.push({ fn: c.fn, args: c.args, want, got });
      else bad.push({ fn: c.fn, args: c.args, want, got });
    }
  }
  return bad;
}

export function summarize(bad: Mismatch[], n = 15): string {
  return bad
    .slice(0, n)
    .map((m) => `${m.fn}(${JSON.stringify(m.args)}) want ${JSON.stringify(m.want)} got ${JSON.stringify(m.got)}`)
    .join('\n');
}
