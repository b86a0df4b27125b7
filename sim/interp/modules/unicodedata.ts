/**
 * `unicodedata`: host code, as CPython's is C: each function is one lookup in the Unicode 14.0
 * tables of `../runtime/unicode-db.ts` (generated from CPython 3.11, decoded on first use) with
 * no object traffic but its result, as CPython's table lookups have none. Covered: `lookup`
 * (aliases and named sequences too), `name`, `category`, `bidirectional`, `combining`,
 * `east_asian_width`, `mirrored`, `decomposition`, `decimal`, `digit`, `numeric`, `normalize`,
 * `is_normalized`, `unidata_version`, with CPython's messages. Not provided: `ucd_3_2_0` and the
 * `UCD` type (the Unicode 3.2 tables that only `idna` uses).
 */
import { PyBoxed, PyBytes, type PyVal } from '../values.js';
import * as U from '../runtime/unicode-db.js';
import { bindArgs, defineFn, defineValue, factoryModule, newFloat, newModule, type Kw } from './kit.js';

const FORMS = new Set(['NFC', 'NFD', 'NFKC', 'NFKD']);

export const unicodedata = factoryModule('unicodedata', (vm) => {
  const m = newModule(vm, 'unicodedata');
  const unbox = (v: PyVal): PyVal => (v instanceof PyBoxed && typeof v.prim === 'string' ? v.prim : v);
  /** Argument Clinic names None as 'None' in "must be X, not Y". */
  const argType = (v: PyVal): string => (v === vm.None ? 'None' : vm.tn(v));

  /** The code point of a one-character str argument (`argument 1` for the two-argument functions). */
  const charArg = (fname: string, v: PyVal, numbered: boolean): number => {
    const s = unbox(v);
    if (typeof s === 'string') {
      const cp = s.codePointAt(0);
      if (cp !== undefined && s.length === (cp > 0xffff ? 2 : 1)) return cp;
    }
    throw vm.typeErr(`${fname}() argument${numbered ? ' 1' : ''} must be a unicode character, not ${argType(v)}`);
  };
  /** A METH_O function of one character. */
  const oneChar = (name: string, f: (cp: number) => PyVal): void => {
    defineFn(vm, m, name, (a: PyVal[], kw: Kw) => {
      if (kw !== null && kw.size > 0) throw vm.typeErr(`unicodedata.${name}() takes no keyword arguments`);
      if (a.length !== 1) throw vm.typeErr(`unicodedata.${name}() takes exactly one argument (${a.length} given)`);
      return f(charArg(name, a[0]!, false));
    });
  };
  oneChar('category', (cp) => U.charProps(cp).category);
  oneChar('bidirectional', (cp) => U.charProps(cp).bidirectional);
  oneChar('combining', (cp) => U.charProps(cp).combining);
  oneChar('east_asian_width', (cp) => U.charProps(cp).eastAsianWidth);
  oneChar('mirrored', (cp) => U.charProps(cp).mirrored);
  oneChar('decomposition', (cp) => U.decompositionString(cp));

  /** `f(chr[, default], /)`: the value, else the default, else ValueError(msg). */
  const withDefault = (name: string, msg: string, f: (cp: number) => PyVal | null): void => {
    defineFn(vm, m, name, (a: PyVal[], kw: Kw) => {
      const [c, dflt] = bindArgs(vm, name, a, kw, ['chr', 'default'], { required: 1, posOnly: 2 });
      const v = f(charArg(name, c!, true));
      if (v !== null) return v;
      if (dflt !== undefined) return dflt;
      throw vm.err('ValueError', msg);
    });
  };
  withDefault('name', 'no such name', (cp) => U.charName(cp));
  withDefault('decimal', 'not a decimal', (cp) => U.numericValue(cp)?.decimal ?? null);
  withDefault('digit', 'not a digit', (cp) => U.numericValue(cp)?.digit ?? null);
  withDefault('numeric', 'not a numeric character', (cp) => {
    const n = U.numericValue(cp);
    return n === null ? null : newFloat(vm, n.numeric);
  });

  defineFn(vm, m, 'lookup', (a: PyVal[], kw: Kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeErr('unicodedata.lookup() takes no keyword arguments');
    if (a.length !== 1) throw vm.typeErr(`unicodedata.lookup() takes exactly one argument (${a.length} given)`);
    let name = unbox(a[0]!);
    if (name instanceof PyBytes) {
      if (name.cls !== vm.T.bytes && !vm.isInstance(name, vm.T.bytes)) {
        throw vm.typeErr(`lookup() argument must be read-only bytes-like object, not ${vm.tn(name)}`);
      }
      name = String.fromCharCode(...name.data.subarray(0, name.len));
    }
    if (typeof name !== 'string') throw vm.typeErr(`a bytes-like object is required, not '${vm.tn(a[0]!)}'`);
    if (name.length > 256) throw vm.callType(vm.exc.get('KeyError')!, ['name too long'], null);
    const hit = U.lookupName(name, true);
    if (hit === null) throw vm.callType(vm.exc.get('KeyError')!, [`undefined character name '${name}'`], null);
    return hit;
  });

  const formArgs = (name: string, a: PyVal[], kw: Kw): [string, string] => {
    const [form, s] = bindArgs(vm, name, a, kw, ['form', 'unistr'], { required: 2, posOnly: 2 });
    const f = unbox(form!);
    const str = unbox(s!);
    if (typeof f !== 'string') throw vm.typeErr(`${name}() argument 1 must be str, not ${argType(form!)}`);
    if (typeof str !== 'string') throw vm.typeErr(`${name}() argument 2 must be str, not ${argType(s!)}`);
    if (!FORMS.has(f)) throw vm.err('ValueError', 'invalid normalization form');
    return [f, str];
  };
  defineFn(vm, m, 'normalize', (a: PyVal[], kw: Kw) => {
    const [f, s] = formArgs('normalize', a, kw);
    return U.normalize(f as U.NormForm, s);
  });
  defineFn(vm, m, 'is_normalized', (a: PyVal[], kw: Kw) => {
    const [f, s] = formArgs('is_normalized', a, kw);
    return U.normalize(f as U.NormForm, s) === s;
  });
  defineValue(m, 'unidata_version', U.UNIDATA_VERSION);
  return m;
});
