/**
 * Formatting: `%` on str (../runtime/percent-format.ts parses and renders; here the conversions
 * of guest values), `format(v, spec)` / `__format__`, and str.format's field lookup.
 */
import { PyDict } from '../dict.js';
import { formatFloat, formatInt, formatStr } from '../runtime/format-spec.js';
import type * as R from '../runtime/int-ops.js';
import { percentFormat, type PercentArgs, type PercentConv } from '../runtime/percent-format.js';
import * as RF from '../runtime/str-format.js';
import type { Vm } from '../vm/vm.js';
import { PyBoxed, PyBuiltin, PyBytes, PyComplex, PyFloat, PyInstance, PyTuple, type PyVal } from '../values.js';
import { placeBytes } from './bytes.js';
import type { Kit, Kw } from './kit.js';
import type { ComplexParts } from './complex.js';
import type { NumberParts } from './numbers.js';

export function makeTextFormat(vm: Vm, kit: Kit, numbers: NumberParts, complex: ComplexParts) {
  const { err, isIntLike, intOf, isNum, fnum, tn, index, keyError, bytesStr } = kit;
  const { intFromAny } = numbers;
  const conv: PercentConv<PyVal> = {
    str: (v) => vm.str(v),
    repr: (v) => vm.repr(v),
    ascii: (v) => vm.asciiOf(vm.repr(v)),
    toIntD: (v) => {
      if (isIntLike(v)) return intOf(v);
      if (v instanceof PyFloat) {
        const r = intFromAny(v);
        return r as R.IntVal;
      }
      if (v instanceof PyInstance && (vm.lookup(v.cls, '__int__') ?? vm.lookup(v.cls, '__index__')) !== undefined) return intFromAny(v) as R.IntVal;
      return null;
    },
    toIndex: (v) => {
      if (isIntLike(v)) return intOf(v);
      if (v instanceof PyInstance && vm.lookup(v.cls, '__index__') !== undefined) return index(v);
      return null;
    },
    toFloat: (v) => {
      if (isNum(v)) return fnum(v);
      if (v instanceof PyInstance && vm.lookup(v.cls, '__float__') !== undefined) return fnum(vm.callValue(vm.lookup(v.cls, '__float__')!, [v], null));
      return null;
    },
    asExactInt: (v) => (isIntLike(v) ? intOf(v) : null),
    asStr: (v) => (typeof v === 'string' ? v : null),
    typeName: (v) => tn(v),
    lookup: (m, key) => vm.getItem(m, key),
  };
  const strPercent = (fmt: string, arg: PyVal): string => {
    const args: PercentArgs<PyVal> = arg instanceof PyTuple
      ? { kind: 'tuple', items: arg.items }
      : { kind: 'single', value: arg, isMapping: arg instanceof PyDict || (arg instanceof PyInstance && vm.lookup(arg.cls, '__getitem__') !== undefined && !(typeof arg === 'string')) };
    return percentFormat(fmt, args, conv);
  };

  // bytes % args: the same renderer on the latin-1 image of the bytes (kit.bytesStr); %s/%b take bytes-like
  // objects (or __bytes__), %r/%a give ascii(repr(v)); the result is encoded back byte for byte.
  const bytesConv: PercentConv<PyVal> = {
    ...conv,
    str: (v) => {
      if (v instanceof PyBytes) return bytesStr(v);
      const m = v instanceof PyInstance ? vm.lookup(v.cls, '__bytes__') : undefined;
      if (m !== undefined) {
        const r = vm.callValue(m, [v], null);
        if (r instanceof PyBytes) return bytesStr(r);
      }
      throw vm.typeErr(`%b requires a bytes-like object, or an object that implements __bytes__, not '${tn(v)}'`);
    },
    repr: (v) => vm.asciiOf(vm.repr(v)),
    asStr: (v) => (v instanceof PyBytes && v.len === 1 ? bytesStr(v) : null),
    lookup: (m, key) => vm.getItem(m, placeBytes(vm, vm.T.bytes, Uint8Array.from(key, (c) => c.charCodeAt(0)))),
    bytesMode: true,
  };
  const bytesPercent = (fmt: PyBytes, arg: PyVal): Uint8Array => {
    const args: PercentArgs<PyVal> = arg instanceof PyTuple
      ? { kind: 'tuple', items: arg.items }
      : { kind: 'single', value: arg, isMapping: arg instanceof PyDict || (arg instanceof PyInstance && vm.lookup(arg.cls, '__getitem__') !== undefined) };
    const out = percentFormat(bytesStr(fmt), args, bytesConv);
    const d = new Uint8Array(out.length);
    for (let i = 0; i < out.length; i++) {
      const c = out.charCodeAt(i);
      if (c > 255) throw vm.typeErr('%c requires an integer in range(256) or a single byte');
      d[i] = c;
    }
    return d;
  };

  const formatProto = (v: PyVal, spec: string): string => {
    if (typeof v === 'string') return spec === '' ? v : formatStr(v, spec);
    if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, spec);
    if (isIntLike(v)) return formatInt(intOf(v), spec);
    if (v instanceof PyFloat) return formatFloat(v.v, spec);
    if (v instanceof PyComplex) return complex.complexFormat(v, spec);
    if (v instanceof PyInstance) {
      const m = vm.lookup(v.cls, '__format__');
      if (m !== undefined && !(m instanceof PyBuiltin)) {
        const r = vm.callValue(m, [v, spec], null);
        if (typeof r !== 'string') throw vm.typeErr(`__format__ must return a str, not ${tn(r)}`);
        return r;
      }
      // A str/int/float subclass: an empty spec is str(v) (its own __str__), any other the base's.
      if (v instanceof PyBoxed) return spec === '' ? vm.str(v) : formatProto(v.prim, spec);
    }
    if (spec !== '') throw vm.typeErr(`unsupported format string passed to ${tn(v)}.__format__`);
    return vm.str(v);
  };
  // str.format: the runtime library parses (CPython's MarkupIterator, errors in CPython's order);
  // the VM looks fields up, converts and formats.
  const renderPieces = (pieces: RF.FormatPiece[], args: PyVal[], kw: Kw): string => {
    let out = '';
    for (const pc of pieces) {
      if (pc.kind === 'text') {
        out += pc.text;
        continue;
      }
      if (pc.kind === 'error') throw pc.error;
      let v: PyVal;
      if (typeof pc.arg === 'number') {
        if (pc.arg >= args.length) throw err('IndexError', `Replacement index ${pc.arg} out of range for positional args tuple`);
        v = args[pc.arg]!;
      } else {
        const x = kw?.get(pc.arg);
        if (x === undefined) throw keyError(pc.arg);
        v = x;
      }
      for (const part of pc.chain) v = part.kind === 'attr' ? vm.getAttr(v, part.name) : vm.getItem(v, part.key);
      if (pc.conversionError !== undefined) throw pc.conversionError;
      if (pc.conversion === 'r') v = vm.repr(v);
      else if (pc.conversion === 's') v = vm.str(v);
      else if (pc.conversion === 'a') v = vm.asciiOf(vm.repr(v));
      out += vm.format(v, renderPieces(pc.spec, args, kw));
    }
    return out;
  };
  const strFormat = (fmt: string, args: PyVal[], kw: Kw): string => renderPieces(RF.parseFormatString(fmt), args, kw);
  return { strPercent, bytesPercent, formatProto, strFormat };
}
export type TextFormat = ReturnType<typeof makeTextFormat>;
