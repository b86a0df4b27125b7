/**
 * The Unicode 14.0 character database of CPython 3.11's `unicodedata`: properties, names (and
 * `lookup`'s aliases and named sequences), decompositions, numeric values and the four
 * normalization forms. The tables are unicode-data.json, generated from CPython by
 * make-unicode-data.py. The file is read (require, so the bundled start-up snapshot finds it in
 * dist/ too) and each table decoded on first use, so interpreter start-up pays nothing for them.
 * Code points are numbers; strings are walked by code point (a surrogate pair is one).
 */
import { createRequire } from 'node:module';
import type UnicodeData from './unicode-data.json';

type Tables = typeof UnicodeData;
const require = createRequire(import.meta.url);
let tables: Tables | null = null;
let DIGIT: Int8Array;

function data(): Tables {
  if (tables === null) {
    tables = require('./unicode-data.json') as Tables;
    DIGIT = new Int8Array(128).fill(-1);
    for (let i = 0; i < tables.DIGITS.length; i++) DIGIT[tables.DIGITS.charCodeAt(i)] = i;
  }
  return tables;
}

/** Reads the generator's variable-length numbers (little-endian base-44 groups). */
class VarInt {
  pos = 0;
  constructor(readonly s: string) {}
  get done(): boolean {
    return this.pos >= this.s.length;
  }
  next(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const d = DIGIT[this.s.charCodeAt(this.pos++)]!;
      if (d < 44) return n + d * scale;
      n += (d - 44) * scale;
      scale *= 44;
    }
  }
}

export interface CharProps {
  readonly category: string;
  readonly bidirectional: string;
  readonly combining: number;
  readonly eastAsianWidth: string;
  readonly mirrored: number;
}

let records: CharProps[] | null = null;
let runStart: Int32Array;
let runRecord: Uint16Array;

function loadProps(): void {
  const D = data();
  records = D.RECORDS.split(';').map((r) => {
    const [category, bidirectional, ccc, eastAsianWidth, mirrored] = r.split(',') as [string, string, string, string, string];
    return { category, bidirectional, combining: Number(ccc), eastAsianWidth, mirrored: Number(mirrored) };
  });
  const starts: number[] = [];
  const recs: number[] = [];
  const v = new VarInt(D.PROPS);
  for (let cp = 0; !v.done;) {
    starts.push(cp);
    cp += v.next() + 1;
    recs.push(v.next());
  }
  runStart = Int32Array.from(starts);
  runRecord = Uint16Array.from(recs);
}

/** The last index i with a[i] <= x (a sorted, a[0] <= x). */
function floorIndex(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function charProps(cp: number): CharProps {
  if (records === null) loadProps();
  return records![runRecord[floorIndex(runStart, cp)]!]!;
}

// --- names ---------------------------------------------------------------------------------

const SBASE = 0xac00;
const LCOUNT = 19;
const VCOUNT = 21;
const TCOUNT = 28;
const NCOUNT = VCOUNT * TCOUNT;
const SCOUNT = LCOUNT * NCOUNT;
const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI',
  'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS',
  'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

interface NameTables {
  cps: Int32Array;
  names: string[];
  ranges: { start: number; end: number; prefix: string }[];
}
let nameTables: NameTables | null = null;
let byName: Map<string, string> | null = null;

function loadNames(): NameTables {
  if (nameTables !== null) return nameTables;
  const D = data();
  const words = D.WORDS.split(' ');
  const cps: number[] = [];
  const names: string[] = [];
  const v = new VarInt(D.NAMES);
  let cp = -1;
  while (!v.done) {
    cp += v.next() + 1;
    const n = v.next() + 1;
    for (let k = 0; k < n; k++, cp++) {
      const count = v.next() + 1;
      const parts: string[] = [];
      for (let w = 0; w < count; w++) parts.push(words[v.next()]!);
      cps.push(cp);
      names.push(parts.join(' '));
    }
    cp--;
  }
  const ranges = D.NAME_RANGES.split(';').map((r) => {
    const [a, b, prefix] = r.split(',') as [string, string, string];
    return { start: parseInt(a, 16), end: parseInt(b, 16), prefix };
  });
  nameTables = { cps: Int32Array.from(cps), names, ranges };
  return nameTables;
}

const hex4 = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/** The character's name, or null (unassigned, controls, private use, surrogates, Tangut...). */
export function charName(cp: number): string | null {
  if (cp >= SBASE && cp < SBASE + SCOUNT) {
    const s = cp - SBASE;
    return `HANGUL SYLLABLE ${JAMO_L[Math.floor(s / NCOUNT)]}${JAMO_V[Math.floor((s % NCOUNT) / TCOUNT)]}${JAMO_T[s % TCOUNT]}`;
  }
  const t = loadNames();
  for (const r of t.ranges) if (cp >= r.start && cp <= r.end) return r.prefix + hex4(cp);
  if (cp < t.cps[0]!) return null;
  const i = floorIndex(t.cps, cp);
  return t.cps[i] === cp ? t.names[i]! : null;
}

/** The longest of `names` that starts `s` at `at` (CPython's greedy jamo match). */
function longestJamo(s: string, at: number, names: readonly string[]): number {
  let best = -1;
  names.forEach((n, i) => {
    if (s.startsWith(n, at) && (best < 0 || n.length > names[best]!.length)) best = i;
  });
  return best;
}

const CJK_PREFIX = 'CJK UNIFIED IDEOGRAPH-';
const HANGUL_PREFIX = 'HANGUL SYLLABLE ';

/**
 * `unicodedata.lookup` (withSequences) and `\N{...}` (without): the characters a name stands for,
 * or null. Stored names, aliases and sequences match case-insensitively; the derived Hangul and
 * CJK unified names only in capitals, with 4 or 5 hex digits, as CPython's.
 */
export function lookupName(name: string, withSequences: boolean): string | null {
  const D = data();
  if (name.startsWith(HANGUL_PREFIX)) {
    const at = HANGUL_PREFIX.length;
    const l = longestJamo(name, at, JAMO_L);
    const v = l < 0 ? -1 : longestJamo(name, at + JAMO_L[l]!.length, JAMO_V);
    if (v >= 0) {
      const tAt = at + JAMO_L[l]!.length + JAMO_V[v]!.length;
      const t = longestJamo(name, tAt, JAMO_T);
      if (t >= 0 && tAt + JAMO_T[t]!.length === name.length) {
        return String.fromCodePoint(SBASE + (l * VCOUNT + v) * TCOUNT + t);
      }
    }
  }
  if (name.startsWith(CJK_PREFIX)) {
    const h = name.slice(CJK_PREFIX.length);
    if (/^[0-9A-F]{4,5}$/.test(h)) {
      const cp = parseInt(h, 16);
      const t = loadNames();
      if (t.ranges.some((r) => r.prefix === CJK_PREFIX && cp >= r.start && cp <= r.end)) return String.fromCodePoint(cp);
    }
    return null;
  }
  if (byName === null) {
    const t = loadNames();
    byName = new Map();
    t.names.forEach((n, i) => byName!.set(n, String.fromCodePoint(t.cps[i]!)));
    for (const r of t.ranges) {
      if (r.prefix === CJK_PREFIX) continue;
      for (let cp = r.start; cp <= r.end; cp++) byName.set(r.prefix + hex4(cp), String.fromCodePoint(cp));
    }
    for (const a of D.ALIASES.split('|')) {
      const eq = a.lastIndexOf('=');
      byName.set(a.slice(0, eq), String.fromCodePoint(parseInt(a.slice(eq + 1), 16)));
    }
  }
  const key = name.toUpperCase();
  const hit = byName.get(key);
  if (hit !== undefined) return hit;
  if (!withSequences) return null;
  for (const s of D.SEQUENCES.split('|')) {
    const eq = s.lastIndexOf('=');
    if (s.slice(0, eq) === key) return String.fromCodePoint(...s.slice(eq + 1).split(',').map((h) => parseInt(h, 16)));
  }
  return null;
}

// --- decompositions and normalization --------------------------------------------------------

interface Decomp {
  /** '' for a canonical decomposition, else the tag ('<compat>', '<font>', ...). */
  tag: string;
  cps: number[];
}
let decomps: Map<number, Decomp> | null = null;
/** (first << 21 | second) → the primary composite. */
let composeTable: Map<number, number> | null = null;

function loadDecomps(): Map<number, Decomp> {
  if (decomps !== null) return decomps;
  const D = data();
  const tags = ['', ...D.DECOMP_TAGS.split(' ')];
  decomps = new Map();
  const v = new VarInt(D.DECOMP);
  let cp = -1;
  while (!v.done) {
    cp += v.next() + 1;
    const tag = tags[v.next()]!;
    const n = v.next() + 1;
    const cps: number[] = [];
    for (let k = 0; k < n; k++) cps.push(v.next());
    decomps.set(cp, { tag, cps });
  }
  const excluded = new Set(D.NO_COMPOSE.split(',').map((h) => parseInt(h, 16)));
  composeTable = new Map();
  for (const [c, d] of decomps) {
    if (d.tag === '' && d.cps.length === 2 && !excluded.has(c)) composeTable.set(d.cps[0]! * 0x200000 + d.cps[1]!, c);
  }
  return decomps;
}

/** `unicodedata.decomposition`: '' or the tag and hex code points (Hangul syllables give ''). */
export function decompositionString(cp: number): string {
  const d = loadDecomps().get(cp);
  if (d === undefined) return '';
  const hex = d.cps.map(hex4).join(' ');
  return d.tag === '' ? hex : `${d.tag} ${hex}`;
}

function decomposeInto(cp: number, compat: boolean, out: number[]): void {
  if (cp >= SBASE && cp < SBASE + SCOUNT) {
    const s = cp - SBASE;
    out.push(0x1100 + Math.floor(s / NCOUNT), 0x1161 + Math.floor((s % NCOUNT) / TCOUNT));
    if (s % TCOUNT !== 0) out.push(0x11a7 + (s % TCOUNT));
    return;
  }
  const d = decomps!.get(cp);
  if (d === undefined || (d.tag !== '' && !compat)) {
    out.push(cp);
    return;
  }
  for (const c of d.cps) decomposeInto(c, compat, out);
}

const ccc = (cp: number): number => charProps(cp).combining;

function decompose(s: string, compat: boolean): number[] {
  loadDecomps();
  const out: number[] = [];
  for (const ch of s) decomposeInto(ch.codePointAt(0)!, compat, out);
  // Canonical ordering: a stable sort of each run of non-starters by combining class.
  for (let i = 1; i < out.length; i++) {
    const c = ccc(out[i]!);
    if (c === 0) continue;
    let j = i;
    while (j > 0 && ccc(out[j - 1]!) > c) {
      [out[j - 1], out[j]] = [out[j]!, out[j - 1]!];
      j--;
    }
  }
  return out;
}

function compose(cps: number[]): number[] {
  const out: number[] = [];
  let starter = -1;
  let lastCcc = -1;
  for (const cp of cps) {
    const c = ccc(cp);
    if (starter >= 0) {
      const s = out[starter]!;
      // Hangul LV and LVT.
      if (lastCcc === -1 || lastCcc === 0) {
        if (s >= 0x1100 && s < 0x1100 + LCOUNT && cp >= 0x1161 && cp < 0x1161 + VCOUNT && starter === out.length - 1) {
          out[starter] = SBASE + ((s - 0x1100) * VCOUNT + (cp - 0x1161)) * TCOUNT;
          continue;
        }
        if (s >= SBASE && s < SBASE + SCOUNT && (s - SBASE) % TCOUNT === 0 && cp > 0x11a7 && cp < 0x11a7 + TCOUNT
          && starter === out.length - 1) {
          out[starter] = s + (cp - 0x11a7);
          continue;
        }
      }
      // Not blocked: nothing between, or everything between has a lower class than this one.
      const blocked = starter !== out.length - 1 && (lastCcc === 0 || lastCcc >= c);
      if (!blocked) {
        const comp = composeTable!.get(s * 0x200000 + cp);
        if (comp !== undefined) {
          out[starter] = comp;
          continue;
        }
      }
    }
    if (c === 0) {
      starter = out.length;
      lastCcc = -1;
    } else lastCcc = c;
    out.push(cp);
  }
  return out;
}

export type NormForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

export function normalize(form: NormForm, s: string): string {
  // ASCII is in every form already.
  // eslint-disable-next-line no-control-regex -- ASCII is \0 to \x7f.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const compat = form === 'NFKC' || form === 'NFKD';
  let cps = decompose(s, compat);
  if (form === 'NFC' || form === 'NFKC') cps = compose(cps);
  let out = '';
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}

// --- numeric values ------------------------------------------------------------------------

export interface NumericValue {
  decimal: number | null;
  digit: number | null;
  numeric: number;
}
let numerics: Map<number, NumericValue> | null = null;

export function numericValue(cp: number): NumericValue | null {
  if (numerics === null) {
    const D = data();
    numerics = new Map();
    for (const group of D.NUMERIC.split(';')) {
      const colon = group.indexOf(':');
      const [dec, dig, num] = group.slice(0, colon).split(',') as [string, string, string];
      const value: NumericValue = {
        decimal: dec === '-1' ? null : Number(dec), digit: dig === '-1' ? null : Number(dig), numeric: Number(num),
      };
      for (const span of group.slice(colon + 1).split(' ')) {
        const [a, b] = span.split('-');
        const lo = parseInt(a!, 16);
        const hi = b === undefined ? lo : parseInt(b, 16);
        for (let c = lo; c <= hi; c++) numerics.set(c, value);
      }
    }
  }
  return numerics.get(cp) ?? null;
}

/** unicode-data.json's version (the generator checks CPython's). */
export const UNIDATA_VERSION = '14.0.0';
