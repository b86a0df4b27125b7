/**
 * str's constructor and methods. The method bodies are the runtime library's (CPython-exact,
 * fixture-tested, ../runtime/str-methods.ts); here argument parsing and CPython's argument errors.
 */
import { PyDict } from '../dict.js';
import * as RS from '../runtime/str-methods.js';
import type * as R from '../runtime/int-ops.js';
import type { Vm } from '../vm/vm.js';
import { PyBoxed, PyBytes, PyExc, PyObject, PyTuple, PyWrapper, type BuiltinImpl, type PyList, type PyVal } from '../values.js';
import type { BytesParts } from './bytes.js';
import type { Kit, Kw } from './kit.js';
import { bytesDecode, strEncode } from './os-unicode-errors.js';

type StrFormat = (fmt: string, args: PyVal[], kw: Kw) => string;

/** str() and str's methods. */
export function installStrType(vm: Vm, kit: Kit, bytes: BytesParts, strFormat: StrFormat): void {
  const { T, None, tn, index, kwArg, nargs, optIdx, ctor } = kit;
  ctor(T.str, (a, kw) => {
    const v = a[0] ?? kw?.get('object');
    const encoding = a[1] ?? kw?.get('encoding');
    const errors = a[2] ?? kw?.get('errors');
    if (encoding === undefined && errors === undefined) return v === undefined ? '' : vm.str(v);
    for (const [name, x] of [['encoding', encoding], ['errors', errors]] as const) {
      if (x !== undefined && typeof x !== 'string') throw vm.typeErr(`str() argument '${name}' must be str, not ${tn(x)}`);
    }
    if (v === undefined) return '';
    // str(obj, encoding, errors) decodes a bytes-like object as bytes.decode does.
    if (typeof v === 'string') throw vm.typeErr('decoding str is not supported');
    let data: PyVal = v;
    if (!(data instanceof PyBytes)) {
      // __bytes__ stands for the buffer protocol here (memoryview, array.array), as in bytesOf.
      const asBytes = data instanceof PyObject ? vm.lookup(data.cls, '__bytes__') : undefined;
      if (asBytes === undefined) throw vm.typeErr(`decoding to str: need a bytes-like object, ${tn(v)} found`);
      data = vm.callValue(asBytes, [data], null);
      if (!(data instanceof PyBytes)) throw vm.typeErr(`decoding to str: need a bytes-like object, ${tn(v)} found`);
    }
    return bytesDecode(vm, data, [data, encoding ?? 'utf-8', errors ?? 'strict'], null);
  });
  const S = (a: PyVal[]): string => a[0] as string;
  const strArg = (v: PyVal | undefined, fname: string, pos = 1): string => {
    if (typeof v !== 'string') throw vm.typeErr(`${fname}() argument ${pos} must be str, not ${v === undefined ? 'None' : tn(v)}`);
    return v;
  };
  /** A str-or-None argument: CPython's "must be str or None, not X" for anything else. */
  const optStrArg = (v: PyVal | undefined): string | null => {
    if (v === undefined || v === None) return null;
    if (typeof v !== 'string') throw vm.typeErr(`must be str or None, not ${tn(v)}`);
    return v;
  };
  const stripArg = (v: PyVal | undefined, fname: string): string | null => {
    if (v === undefined || v === None) return null;
    if (typeof v !== 'string') throw vm.typeErr(`${fname} arg must be None or str`);
    return v;
  };
  const strList = (xs: string[]): PyList => vm.placeList(vm.newList(xs));
  const sm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.str, name, fn);
  };
  sm('join', (a) => {
    let parts = vm.toList(a[1]!);
    let copied = false;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (typeof p === 'string') continue;
      if (p instanceof PyBoxed && typeof p.prim === 'string') {
        if (!copied) parts = parts.slice(); // toList may hand out the list's own items
        copied = true;
        parts[i] = p.prim;
        continue;
      }
      throw vm.typeErr(`sequence item ${i}: expected str instance, ${tn(p)} found`);
    }
    const r = (parts as string[]).join(S(a));
    vm.tmp(vm.cur, 49 + r.length);
    return r;
  });
  // The method bodies are the runtime library's (CPython-exact, fixture-tested); here only
  // argument parsing and CPython's argument errors.
  const maxsplitArg = (v: PyVal | undefined): R.IntVal => (v === undefined ? -1 : index(v));
  sm('split', (a, kw) => strList(RS.strSplit(S(a), optStrArg(a[1] ?? kwArg(kw, 'sep')), maxsplitArg(a[2] ?? kwArg(kw, 'maxsplit')))));
  sm('rsplit', (a, kw) => strList(RS.strRsplit(S(a), optStrArg(a[1] ?? kwArg(kw, 'sep')), maxsplitArg(a[2] ?? kwArg(kw, 'maxsplit')))));
  sm('splitlines', (a, kw) => strList(RS.strSplitlines(S(a), vm.truthy(a[1] ?? kwArg(kw, 'keepends') ?? false))));
  sm('strip', (a) => RS.strStrip(S(a), stripArg(a[1], 'strip')));
  sm('lstrip', (a) => RS.strLstrip(S(a), stripArg(a[1], 'lstrip')));
  sm('rstrip', (a) => RS.strRstrip(S(a), stripArg(a[1], 'rstrip')));
  sm('replace', (a) => {
    nargs(a, 3, 4, 'replace');
    return RS.strReplace(S(a), strArg(a[1], 'replace', 1), strArg(a[2], 'replace', 2), a[3] === undefined ? -1 : index(a[3]));
  });
  const subArg = (v: PyVal | undefined): string => {
    if (typeof v !== 'string') throw vm.typeErr(`must be str, not ${v === undefined ? 'NoneType' : tn(v)}`);
    return v;
  };
  sm('find', (a) => RS.strFind(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('rfind', (a) => RS.strRfind(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('index', (a) => RS.strIndex(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('rindex', (a) => RS.strRindex(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  sm('count', (a) => RS.strCount(S(a), subArg(a[1]), optIdx(a[2]), optIdx(a[3])));
  const affix = (a: PyVal[], end: boolean): boolean => {
    const s = S(a);
    const st = optIdx(a[2]), en = optIdx(a[3]);
    const test = (x: PyVal): boolean => {
      if (typeof x !== 'string') throw vm.typeErr(`${end ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${tn(x)}`);
      return end ? RS.strEndswith(s, x, st, en) : RS.strStartswith(s, x, st, en);
    };
    const p = a[1]!;
    if (p instanceof PyTuple) {
      for (const x of p.items) {
        if (typeof x !== 'string') throw vm.typeErr(`tuple for ${end ? 'endswith' : 'startswith'} must only contain str, not ${tn(x)}`);
        if (test(x)) return true;
      }
      return false;
    }
    return test(p);
  };
  sm('startswith', (a) => affix(a, false));
  sm('endswith', (a) => affix(a, true));
  // Case mappings (argument-free).
  for (const [name, f] of [
    ['upper', RS.strUpper], ['lower', RS.strLower], ['casefold', RS.strCasefold],
    ['swapcase', RS.strSwapcase], ['title', RS.strTitle], ['capitalize', RS.strCapitalize],
  ] as const) sm(name, (a) => f(S(a)));
  const fillArg = (a: PyVal[], fname: string): string => {
    nargs(a, 2, 3, fname);
    const f = a[2];
    if (f === undefined) return ' ';
    if (typeof f !== 'string') throw vm.typeErr(`The fill character must be a unicode character, not ${tn(f)}`);
    return f;
  };
  sm('center', (a) => RS.strCenter(S(a), index(a[1]!), fillArg(a, 'center')));
  sm('ljust', (a) => RS.strLjust(S(a), index(a[1]!), fillArg(a, 'ljust')));
  sm('rjust', (a) => RS.strRjust(S(a), index(a[1]!), fillArg(a, 'rjust')));
  sm('zfill', (a) => {
    nargs(a, 2, 2, 'zfill');
    return RS.strZfill(S(a), index(a[1]!));
  });
  sm('expandtabs', (a, kw) => {
    const t = a[1] ?? kwArg(kw, 'tabsize');
    return RS.strExpandtabs(S(a), t === undefined ? 8 : index(t));
  });
  // Predicates (argument-free).
  for (const [name, f] of [
    ['isdigit', RS.strIsdigit], ['isdecimal', RS.strIsdecimal], ['isnumeric', RS.strIsnumeric],
    ['isalpha', RS.strIsalpha], ['isalnum', RS.strIsalnum], ['isspace', RS.strIsspace],
    ['isascii', RS.strIsascii], ['isidentifier', RS.strIsidentifier], ['isprintable', RS.strIsprintable],
    ['isupper', RS.strIsupper], ['islower', RS.strIslower], ['istitle', RS.strIstitle],
  ] as const) sm(name, (a) => f(S(a)));
  sm('partition', (a) => vm.newTuple(RS.strPartition(S(a), subArg(a[1]))));
  sm('rpartition', (a) => vm.newTuple(RS.strRpartition(S(a), subArg(a[1]))));
  installStrMethodsRest(vm, kit, bytes, strFormat);
}

/** str's methods from removeprefix on (format, translation, dunders). */
function installStrMethodsRest(vm: Vm, kit: Kit, bytes: BytesParts, strFormat: StrFormat): void {
  const { T, None, err, tn, index } = kit;
  const { makeBytes } = bytes;
  const S = (a: PyVal[]): string => a[0] as string;
  const sm = (name: string, fn: BuiltinImpl): void => {
    vm.method(T.str, name, fn);
  };
  const affixArg = (v: PyVal | undefined, fname: string): string => {
    if (typeof v !== 'string') throw vm.typeErr(`${fname}() argument must be str, not ${v === undefined ? 'NoneType' : tn(v)}`);
    return v;
  };
  sm('removeprefix', (a) => RS.strRemoveprefix(S(a), affixArg(a[1], 'removeprefix')));
  sm('removesuffix', (a) => RS.strRemovesuffix(S(a), affixArg(a[1], 'removesuffix')));
  sm('format', (a, kw) => strFormat(S(a), a.slice(1), kw));
  sm('format_map', (a) => {
    const m = a[1]!;
    const kw = new Map<string, PyVal>();
    if (m instanceof PyDict) for (const i of m.entries()) kw.set(m.keys[i] as string, m.vals[i]!);
    else if (/\{[^{]/.test(S(a).replace(/\{\{/g, ''))) throw vm.typeErr(`'${vm.typeOf(m).name}' object is not subscriptable`);
    return strFormat(S(a), [], kw);
  });
  sm('encode', (a, kw) => makeBytes(T.bytes, strEncode(vm, S(a), a, kw)));
  sm('__len__', (a) => S(a).length);
  sm('__contains__', (a) => vm.contains(a[0]!, a[1]!));
  sm('__getitem__', (a) => vm.getItem(a[0]!, a[1]!));
  sm('__add__', (a) => vm.binop(a[0]!, a[1]!, 0));
  sm('__mul__', (a) => vm.binop(a[0]!, a[1]!, 5));
  sm('__mod__', (a) => vm.binop(a[0]!, a[1]!, 6));
  sm('__eq__', (a) => (typeof a[1] === 'string' ? a[0] === a[1] : vm.NotImplemented));
  sm('__lt__', (a) => (typeof a[1] === 'string' ? (a[0] as string) < a[1] : vm.NotImplemented));
  sm('__hash__', (a) => vm.hash(a[0]!));
  sm('__str__', (a) => a[0]!);
  sm('__getnewargs__', (a) => vm.newTuple([a[0]!]));
  sm('__ne__', (a) => (typeof a[1] === 'string' ? a[0] !== a[1] : vm.NotImplemented));
  sm('__iter__', (a) => vm.iter(a[0]!));
  sm('__repr__', (a) => vm.repr(a[0]!));
  sm('__format__', (a) => vm.format(a[0]!, a[1] as string));
  // str.maketrans(x[, y[, z]]) is a staticmethod.
  const mk2 = vm.builtin('maketrans', (a) => {
    const d = vm.placeDict(vm.newDict());
    if (a.length >= 2 && typeof a[0] === 'string') {
      const x = Array.from(a[0]), y = Array.from(a[1] as string);
      if (x.length !== y.length) throw err('ValueError', 'the first two maketrans arguments must have equal length');
      x.forEach((c, i) => d.set(c.codePointAt(0)!, y[i]!.codePointAt(0)!));
      if (a[2] !== undefined) for (const c of a[2] as string) d.set(c.codePointAt(0)!, None);
    } else if (a[0] instanceof PyDict) {
      for (const i of a[0].entries()) {
        const k = a[0].keys[i]!;
        d.set(typeof k === 'string' ? k.codePointAt(0)! : k, a[0].vals[i]!);
      }
    }
    return d;
  });
  T.str.dict.set('maketrans', new PyWrapper(T.staticmethod, mk2, None, None, None));
  sm('translate', (a) => {
    const table = a[1]!;
    let out = '';
    for (const c of S(a)) {
      let r: PyVal | undefined;
      try {
        r = vm.getItem(table, c.codePointAt(0)!);
      } catch (e) {
        if (e instanceof PyExc && vm.isSubtype(e.cls, vm.exc.get('LookupError')!)) r = undefined;
        else throw e;
      }
      if (r === undefined) out += c;
      else if (r === None) continue;
      else if (typeof r === 'string') out += r;
      else out += String.fromCodePoint(Number(index(r)));
    }
    return out;
  });
}
