import { describe, expect, it } from 'vitest';
import { parseFormatString, type FormatPiece } from '../../sim/interp/runtime/str-format.js';
import { formatFloat, formatInt, formatStr } from '../../sim/interp/runtime/format-spec.js';
import { RuntimeOpError } from '../../sim/interp/runtime/errors.js';
import { loadFixture, type Encoded } from './fixture.js';
import { decodeGV, getItem, gvAscii, gvRepr, gvStr, typeName, type GV } from './guest-values.js';

/** A test-side evaluator playing the VM's part, as CPython's render loop does it. */
function render(pieces: FormatPiece[], args: GV[], kwargs: Map<string, GV>): string {
  let out = '';
  for (const p of pieces) {
    if (p.kind === 'text') {
      out += p.text;
      continue;
    }
    if (p.kind === 'error') throw p.error;
    let v: GV;
    if (typeof p.arg === 'number') {
      if (p.arg >= args.length) throw new RuntimeOpError('IndexError', `Replacement index ${p.arg} out of range for positional args tuple`);
      v = args[p.arg]!;
    } else {
      const kv = kwargs.get(p.arg);
      if (kv === undefined) throw new RuntimeOpError('KeyError', gvRepr({ t: 'str', v: p.arg }));
      v = kv;
    }
    for (const part of p.chain) {
      if (part.kind === 'attr') throw new Error('attributes are not in the fixtures');
      v = getItem(v, typeof part.key === 'number' ? { t: 'int', v: part.key } : { t: 'str', v: part.key });
    }
    if (p.conversionError) throw p.conversionError;
    if (p.conversion) v = { t: 'str', v: p.conversion === 's' ? gvStr(v) : p.conversion === 'r' ? gvRepr(v) : gvAscii(v) };
    const spec = render(p.spec, args, kwargs);
    switch (v.t) {
      case 'int': out += formatInt(v.v, spec); break;
      case 'float': out += formatFloat(v.v, spec); break;
      case 'str': out += formatStr(v.v, spec); break;
      default:
        if (spec !== '') throw new RuntimeOpError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
        out += gvStr(v);
    }
  }
  return out;
}

describe('str.format parsing against CPython 3.11 fixtures', () => {
  it('matches every case', () => {
    const cases = loadFixture('strformat');
    expect(cases.length).toBeGreaterThan(50);
    const bad: string[] = [];
    for (const c of cases) {
      const fmt = c.args[0] as string;
      const args = (c.args[1] as Encoded[]).map(decodeGV);
      const kwargs = new Map((c.args[2] as [string, Encoded][]).map(([k, v]) => [k, decodeGV(v)]));
      let got: unknown;
      try {
        got = render(parseFormatString(fmt), args, kwargs);
      } catch (e) {
        got = e instanceof RuntimeOpError ? { err: [e.pyType, e.message] } : { host: String(e) };
      }
      const want = c.err ? { err: c.err } : c.out;
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${JSON.stringify(fmt)} want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.join('\n'), `${bad.length} mismatches`).toBe('');
  });
  it('numbers automatic fields in evaluation order, nested spec fields after their owner', () => {
    const p = parseFormatString('{:{}.{}f}');
    expect(p).toHaveLength(1);
    const f = p[0]!;
    if (f.kind !== 'field') throw new Error('expected a field');
    expect(f.arg).toBe(0);
    expect(f.spec.map((x) => (x.kind === 'field' ? x.arg : x.kind === 'text' ? x.text : 'err'))).toEqual([1, '.', 2, 'f']);
  });
});
