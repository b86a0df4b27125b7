/**
 * A minimal test double for the VM's guest values, enough to drive the runtime's callback-based
 * formatters (% and str.format) against CPython fixtures. Not used outside tests.
 */
import { RuntimeOpError } from '../../sim/interp/runtime/errors.js';
import { type IntVal, intFromFloat, intToFloat, intToStr } from '../../sim/interp/runtime/int-ops.js';
import { floatRepr } from '../../sim/interp/runtime/float-ops.js';
import { strRepr } from '../../sim/interp/runtime/str-repr.js';
import type { PercentArgs, PercentConv } from '../../sim/interp/runtime/percent-format.js';
import { decodeInt, parseFloatRepr, type Encoded } from './fixture.js';

export type GV =
  | { t: 'int'; v: IntVal }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'list'; v: GV[] }
  | { t: 'tuple'; v: GV[] }
  | { t: 'dict'; v: [GV, GV][] };

export function decodeGV(e: Encoded): GV {
  if (e === null) return { t: 'none' };
  if (typeof e === 'boolean') return { t: 'bool', v: e };
  if (typeof e === 'string') return { t: 'str', v: e };
  if (Array.isArray(e)) return { t: 'list', v: e.map(decodeGV) };
  if ('i' in e) return { t: 'int', v: decodeInt(e.i) };
  if ('f' in e) return { t: 'float', v: parseFloatRepr(e.f) };
  if ('t' in e) return { t: 'tuple', v: (e as { t: Encoded[] }).t.map(decodeGV) };
  if ('d' in e) return { t: 'dict', v: e.d.map(([k, v]) => [decodeGV(k), decodeGV(v)] as [GV, GV]) };
  throw new Error('cannot decode ' + JSON.stringify(e));
}

export function gvRepr(v: GV): string {
  switch (v.t) {
    case 'int': return intToStr(v.v);
    case 'float': return floatRepr(v.v);
    case 'str': return strRepr(v.v);
    case 'bool': return v.v ? 'True' : 'False';
    case 'none': return 'None';
    case 'list': return '[' + v.v.map(gvRepr).join(', ') + ']';
    case 'tuple': return '(' + v.v.map(gvRepr).join(', ') + (v.v.length === 1 ? ',' : '') + ')';
    case 'dict': return '{' + v.v.map(([k, x]) => gvRepr(k) + ': ' + gvRepr(x)).join(', ') + '}';
  }
}

export function gvStr(v: GV): string {
  return v.t === 'str' ? v.v : gvRepr(v);
}

/** ascii(): repr with non-ASCII characters backslash-escaped. */
export function gvAscii(v: GV): string {
  let out = '';
  for (const ch of gvRepr(v)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

export function typeName(v: GV): string {
  return v.t === 'none' ? 'NoneType' : v.t;
}

function gvEq(a: GV, b: GV): boolean {
  return gvRepr(a) === gvRepr(b);
}

export const conv: PercentConv<GV> = {
  str: gvStr,
  repr: gvRepr,
  ascii: gvAscii,
  toIntD: (v) => (v.t === 'int' ? v.v : v.t === 'bool' ? (v.v ? 1 : 0) : v.t === 'float' ? intFromFloat(v.v) : null),
  toIndex: (v) => (v.t === 'int' ? v.v : v.t === 'bool' ? (v.v ? 1 : 0) : null),
  toFloat: (v) => (v.t === 'int' ? intToFloat(v.v) : v.t === 'bool' ? (v.v ? 1 : 0) : v.t === 'float' ? v.v : null),
  asExactInt: (v) => (v.t === 'int' ? v.v : v.t === 'bool' ? (v.v ? 1 : 0) : null),
  asStr: (v) => (v.t === 'str' ? v.v : null),
  typeName,
  lookup: (m, key) => getItem(m, { t: 'str', v: key }),
};

export function getItem(m: GV, key: GV): GV {
  if (m.t === 'dict') {
    for (const [k, x] of m.v) if (gvEq(k, key)) return x;
    throw new RuntimeOpError('KeyError', gvRepr(key));
  }
  if (m.t === 'str' && key.t === 'int') {
    const cps = Array.from(m.v);
    const i = Number(key.v) < 0 ? Number(key.v) + cps.length : Number(key.v);
    if (i < 0 || i >= cps.length) throw new RuntimeOpError('IndexError', 'string index out of range');
    return { t: 'str', v: cps[i]! };
  }
  if (m.t === 'list' || m.t === 'tuple') {
    if (key.t !== 'int') throw new RuntimeOpError('TypeError', `${m.t} indices must be integers or slices, not ${typeName(key)}`);
    const i = Number(key.v) < 0 ? Number(key.v) + m.v.length : Number(key.v);
    if (i < 0 || i >= m.v.length) throw new RuntimeOpError('IndexError', `${m.t} index out of range`);
    return m.v[i]!;
  }
  throw new RuntimeOpError('TypeError', `'${typeName(m)}' object is not subscriptable`);
}

export function percentArgsOf(e: { tuple?: Encoded[]; single?: Encoded }): PercentArgs<GV> {
  if (e.tuple) return { kind: 'tuple', items: e.tuple.map(decodeGV) };
  const v = decodeGV(e.single!);
  return { kind: 'single', value: v, isMapping: v.t === 'dict' || v.t === 'list' };
}
