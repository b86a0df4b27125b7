/**
 * The text codecs behind str.encode, bytes.decode, str(b, enc) and `codecs`: utf-8, utf-8-sig,
 * utf-16 and utf-32 (BOM-detecting, and -le/-be), ascii, latin-1, unicode-escape,
 * raw-unicode-escape and the single-byte charmap codecs of codec-tables.ts (cp1252, cp437...),
 * under CPython's names and aliases (`lookupCodec` normalizes as `encodings.search_function`).
 *
 * Errors follow CPython's: an encoder reports the run of characters it cannot encode, a decoder
 * the bytes of one bad sequence, with CPython's reason; positions count code points for str (a
 * JS string's surrogate pair is one) and bytes for bytes. The built-in handlers (strict, ignore,
 * replace, backslashreplace, xmlcharrefreplace, namereplace, surrogateescape, surrogatepass) are
 * here; any other name goes to the caller's `ErrorHook` (the guest's `codecs.register_error`).
 * A strict failure throws `CodecError`, which the caller turns into UnicodeEncodeError/DecodeError.
 */
import { RuntimeOpError } from './errors.js';
import { CHARMAPS, CODEC_ALIASES, CODEC_NAMES } from './codec-tables.js';
import { charName, lookupName } from './unicode-db.js';

/** A codec known to the host: `id` is the `encodings` module name ('utf_8', 'cp1252', 'hex_codec'). */
export interface Codec {
  readonly id: string;
  /** CodecInfo.name ('utf-8', 'iso8859-1'). */
  readonly name: string;
  /** False for the bytes-to-bytes and str-to-str codecs (hex, base64, rot13). */
  readonly text: boolean;
}

const BINARY = new Set(['hex_codec', 'base64_codec', 'rot_13']);
const codecCache = new Map<string, Codec>();

/** encodings.normalize_encoding after the lookup's lower-casing: runs of characters other than
 *  ASCII letters, digits and '.' become one '_', none at either end. */
export function normalizeEncoding(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
}

/** The host codec a name selects, or null (the guest's registered search functions may know it). */
export function findCodec(name: string): Codec | null {
  const norm = normalizeEncoding(name);
  // As encodings.search_function: an alias (also with '.' read as '_'), else a module name.
  const id = CODEC_ALIASES[norm] ?? CODEC_ALIASES[norm.replace(/\./g, '_')] ?? (norm in CODEC_NAMES ? norm : undefined);
  if (id === undefined) return null;
  let c = codecCache.get(id);
  if (c === undefined) {
    c = { id, name: CODEC_NAMES[id]!, text: !BINARY.has(id) };
    codecCache.set(id, c);
  }
  return c;
}

/** The text codec a name selects; LookupError as CPython's for an unknown one. */
export function lookupCodec(name: string): Codec {
  const c = findCodec(name);
  if (c === null) throw new RuntimeOpError('LookupError', `unknown encoding: ${name}`);
  return c;
}

/** A strict codec failure: the codec's name in the exception, the object's [start, end) and CPython's reason. */
export class CodecError extends Error {
  constructor(readonly codec: string, readonly start: number, readonly end: number, readonly reason: string,
    /** The bytes the positions refer to when not the whole input (utf-8-sig: after the BOM). */
    readonly object: Uint8Array | null = null) {
    super(reason);
  }
}

/** What a registered (guest) error handler answered: the replacement and where to resume. */
export interface HandlerResult {
  rep: string | Uint8Array;
  pos: number;
}

/** The guest's error handlers: called for a name that is not built in, with the failure's details. */
export interface ErrorHook {
  encode(handler: string, codec: string, s: string, start: number, end: number, reason: string): HandlerResult;
  decode(handler: string, codec: string, data: Uint8Array, start: number, end: number, reason: string): HandlerResult;
}

const BUILTIN_HANDLERS = new Set(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
  'surrogateescape', 'surrogatepass']);

function unknownHandler(name: string): never {
  throw new RuntimeOpError('LookupError', `unknown error handler name '${name}'`);
}

const noHook: ErrorHook = { encode: (h) => unknownHandler(h), decode: (h) => unknownHandler(h) };

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** A growable byte buffer. */
class Sink {
  buf = new Uint8Array(64);
  n = 0;
  push(b: number): void {
    if (this.n === this.buf.length) {
      const nb = new Uint8Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[this.n++] = b;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp < 0xe000;

// --- encoders ------------------------------------------------------------------------------

interface Encoder {
  /** The name in UnicodeEncodeError. */
  excName: string;
  reason: string;
  can(cp: number): boolean;
  put(out: Sink, cp: number): void;
  /** surrogatepass: the bytes of a surrogate, or null where the codec cannot carry one. */
  passSurrogate: ((out: Sink, cp: number) => void) | null;
  /** Bytes from a handler must be whole code units of this size. */
  unit: number;
}

function putUtf8(out: Sink, cp: number): void {
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) {
    out.push(0xc0 | (cp >> 6));
    out.push(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out.push(0xe0 | (cp >> 12));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  } else {
    out.push(0xf0 | (cp >> 18));
    out.push(0x80 | ((cp >> 12) & 0x3f));
    out.push(0x80 | ((cp >> 6) & 0x3f));
    out.push(0x80 | (cp & 0x3f));
  }
}

const put16 = (big: boolean) => (out: Sink, u: number): void => {
  if (big) {
    out.push(u >> 8);
    out.push(u & 0xff);
  } else {
    out.push(u & 0xff);
    out.push(u >> 8);
  }
};
const put32 = (big: boolean) => (out: Sink, u: number): void => {
  const b = [u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, u >>> 24];
  for (const x of big ? b.reverse() : b) out.push(x);
};

let charmapEncoders: Map<string, Map<number, number>> | null = null;

function charmapEncoder(id: string): Map<number, number> {
  charmapEncoders ??= new Map();
  let m = charmapEncoders.get(id);
  if (m === undefined) {
    m = new Map();
    const t = CHARMAPS[id]!;
    for (let b = 0; b < 256; b++) if (t.charCodeAt(b) !== 0xfffe) m.set(t.charCodeAt(b), b);
    charmapEncoders.set(id, m);
  }
  return m;
}

function escapeOf(cp: number): string {
  return cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

function encoderFor(id: string): Encoder {
  const surrogates = 'surrogates not allowed';
  switch (id) {
    case 'utf_8':
    case 'utf_8_sig':
      return { excName: 'utf-8', reason: surrogates, can: (cp) => !isSurrogate(cp), put: putUtf8, passSurrogate: putUtf8, unit: 1 };
    case 'utf_16':
    case 'utf_16_le':
    case 'utf_16_be': {
      const p = put16(id === 'utf_16_be');
      return {
        excName: CODEC_NAMES[id]!, reason: surrogates, can: (cp) => !isSurrogate(cp), unit: 2, passSurrogate: p,
        put: (out, cp) => {
          if (cp < 0x10000) p(out, cp);
          else {
            p(out, 0xd800 + ((cp - 0x10000) >> 10));
            p(out, 0xdc00 + ((cp - 0x10000) & 0x3ff));
          }
        },
      };
    }
    case 'utf_32':
    case 'utf_32_le':
    case 'utf_32_be': {
      const p = put32(id === 'utf_32_be');
      return { excName: CODEC_NAMES[id]!, reason: surrogates, can: (cp) => !isSurrogate(cp), put: p, passSurrogate: p, unit: 4 };
    }
    case 'ascii':
    case 'latin_1': {
      const limit = id === 'ascii' ? 0x80 : 0x100;
      return {
        excName: id === 'ascii' ? 'ascii' : 'latin-1', reason: `ordinal not in range(${limit})`, can: (cp) => cp < limit,
        put: (out, cp) => out.push(cp), passSurrogate: null, unit: 1,
      };
    }
    case 'unicode_escape':
      return {
        excName: 'unicodeescape', reason: '', can: () => true, passSurrogate: null, unit: 1,
        put: (out, cp) => {
          const t = cp === 0x5c ? '\\\\' : cp === 9 ? '\\t' : cp === 10 ? '\\n' : cp === 13 ? '\\r'
            : cp >= 0x20 && cp < 0x7f ? String.fromCharCode(cp) : escapeOf(cp);
          for (let k = 0; k < t.length; k++) out.push(t.charCodeAt(k));
        },
      };
    case 'raw_unicode_escape':
      return {
        excName: 'rawunicodeescape', reason: '', can: () => true, passSurrogate: null, unit: 1,
        put: (out, cp) => {
          if (cp < 0x100) out.push(cp);
          else for (const ch of escapeOf(cp)) out.push(ch.charCodeAt(0));
        },
      };
    default: {
      const m = charmapEncoder(id);
      return {
        excName: 'charmap', reason: 'character maps to <undefined>', can: (cp) => m.has(cp),
        put: (out, cp) => out.push(m.get(cp)!), passSurrogate: null, unit: 1,
      };
    }
  }
}

/** The built-in handlers' replacement text for characters [start, end) (encode side). */
function encodeReplacement(handler: string, cps: number[], start: number, end: number): string {
  let t = '';
  for (let k = start; k < end; k++) {
    const c = cps[k]!;
    switch (handler) {
      case 'replace': t += '?'; break;
      case 'backslashreplace': t += escapeOf(c); break;
      case 'xmlcharrefreplace': t += `&#${c};`; break;
      case 'namereplace': {
        const n = charName(c);
        t += n === null ? escapeOf(c) : `\\N{${n}}`;
        break;
      }
    }
  }
  return t;
}

/** str → bytes; `bom` puts the byte-order mark of utf-16, utf-32 and utf-8-sig first. */
export function encodeStr(s: string, codec: Codec, errors: string, hook: ErrorHook = noHook, bom = true): Uint8Array {
  const id = codec.id;
  // Without a lone surrogate the host's UTF-8 encoder is exact.
  if ((id === 'utf_8' || (id === 'utf_8_sig' && !bom)) && !LONE_SURROGATE.test(s)) return new TextEncoder().encode(s);
  const enc = encoderFor(id);
  const out = new Sink();
  if (bom) {
    if (id === 'utf_8_sig') [0xef, 0xbb, 0xbf].forEach((b) => out.push(b));
    else if (id === 'utf_16') put16(false)(out, 0xfeff);
    else if (id === 'utf_32') put32(false)(out, 0xfeff);
  }
  const cps = codePoints(s);
  const fast = id === 'utf_8' || id === 'utf_8_sig' || id === 'ascii' || id === 'latin_1';
  for (let i = 0; i < cps.length;) {
    const cp = cps[i]!;
    if (enc.can(cp)) {
      enc.put(out, cp);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && !enc.can(cps[end]!)) end++;
    const fail = (a = i, b = end): never => {
      throw new CodecError(enc.excName, a, b, enc.reason);
    };
    switch (errors) {
      case 'strict': fail(); break;
      case 'ignore': break;
      case 'replace': case 'backslashreplace': case 'xmlcharrefreplace': case 'namereplace':
        for (const ch of encodeReplacement(errors, cps, i, end)) enc.put(out, ch.charCodeAt(0));
        break;
      case 'surrogateescape':
        for (let k = i; k < end; k++) {
          const c = cps[k]!;
          // CPython's fast paths report the one character they stop at; the others the run.
          if (c < 0xdc80 || c > 0xdcff) fail(fast ? k : i, fast ? k + 1 : end);
        }
        for (let k = i; k < end; k++) out.push(cps[k]! - 0xdc00);
        break;
      case 'surrogatepass':
        if (enc.passSurrogate === null) fail();
        for (let k = i; k < end; k++) if (!isSurrogate(cps[k]!)) fail(fast ? k : i, fast ? k + 1 : end);
        for (let k = i; k < end; k++) enc.passSurrogate!(out, cps[k]!);
        break;
      default: {
        const r = hook.encode(errors, enc.excName, s, i, end, enc.reason);
        if (typeof r.rep === 'string') {
          for (const ch of r.rep) {
            const c = ch.codePointAt(0)!;
            if (!enc.can(c)) fail();
            enc.put(out, c);
          }
        } else {
          if (r.rep.length % enc.unit !== 0 || (id === 'ascii' && r.rep.some((b) => b >= 0x80))) fail();
          r.rep.forEach((b) => out.push(b));
        }
        i = r.pos;
        continue;
      }
    }
    i = end;
  }
  return out.bytes();
}

// --- decoders ------------------------------------------------------------------------------

/** The result of a decode: the text and how many bytes it used (less than all when `final` is
 *  false and the data ends inside a sequence); `detected` is the codec a BOM-reading codec chose. */
export interface Decoded {
  text: string;
  consumed: number;
  detected: string | null;
}

/** Collects the decoded text and resolves errors through the handlers. */
class Out {
  parts: string[] = [];
  cur = '';
  constructor(readonly data: Uint8Array, readonly errors: string, readonly hook: ErrorHook, readonly excName: string,
    /** surrogatepass for this codec: [char, length] of a surrogate encoded at `at`, or null. */
    readonly pass: ((at: number) => [number, number] | null) | null) {}
  ch(cp: number): void {
    if (cp < 0x10000) this.cur += String.fromCharCode(cp);
    else this.cur += String.fromCodePoint(cp);
    if (this.cur.length > 4096) this.flush();
  }
  str(t: string): void {
    this.cur += t;
  }
  flush(): void {
    this.parts.push(this.cur);
    this.cur = '';
  }
  text(): string {
    this.flush();
    return this.parts.join('');
  }
  /** Handles bytes [start, end) that do not decode; returns where to resume. */
  error(start: number, end: number, reason: string): number {
    const d = this.data;
    const fail = (): never => {
      throw new CodecError(this.excName, start, end, reason);
    };
    switch (this.errors) {
      case 'strict': return fail();
      case 'ignore': return end;
      case 'replace': this.str('\ufffd'); return end;
      case 'backslashreplace':
        for (let k = start; k < end; k++) this.str(`\\x${hex(d[k]!, 2)}`);
        return end;
      case 'surrogateescape': {
        let k = start;
        while (k < end && k - start < 4 && d[k]! >= 0x80) this.ch(0xdc00 + d[k++]!);
        if (k === start) fail();
        return k;
      }
      case 'surrogatepass': {
        const p = this.pass?.(start) ?? null;
        if (p === null) fail();
        this.ch(p![0]);
        return start + p![1];
      }
      case 'xmlcharrefreplace': case 'namereplace':
        throw new RuntimeOpError('TypeError', "don't know how to handle UnicodeDecodeError in error callback");
      default: {
        if (BUILTIN_HANDLERS.has(this.errors)) fail();
        const r = this.hook.decode(this.errors, this.excName, d, start, end, reason);
        this.str(r.rep as string);
        return r.pos;
      }
    }
  }
}

/** The length of the valid UTF-8 prefix of a sequence at `i`, and why it stops (CPython's rules). */
function utf8Error(d: Uint8Array, i: number): { end: number; reason: string } {
  const b = d[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return { end: i + 1, reason: 'invalid start byte' };
  for (let k = 1; k <= need; k++) {
    if (i + k >= d.length) return { end: d.length, reason: 'unexpected end of data' };
    const c = d[i + k]!;
    let lo = 0x80;
    let hi = 0xbf;
    if (k === 1) {
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
      else if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    }
    if (c < lo || c > hi) return { end: i + k, reason: 'invalid continuation byte' };
  }
  return { end: -1, reason: '' };
}

function decodeUtf8(d: Uint8Array, o: Out, final: boolean): number {
  const td = new TextDecoder('utf-8', { ignoreBOM: true });
  let run = 0;
  let i = 0;
  while (i < d.length) {
    const b = d[i]!;
    const { end, reason } = b < 0x80 ? { end: -1, reason: '' } : utf8Error(d, i);
    if (end < 0) {
      const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      i += n;
      run += n;
      continue;
    }
    o.str(td.decode(d.subarray(i - run, i)));
    run = 0;
    if (!final && end === d.length && reason === 'unexpected end of data') return i;
    i = o.error(i, end, reason);
  }
  o.str(td.decode(d.subarray(d.length - run)));
  return d.length;
}

const utf8SurrogateAt = (d: Uint8Array) => (at: number): [number, number] | null => {
  if (at + 2 < d.length && d[at] === 0xed && d[at + 1]! >= 0xa0 && d[at + 1]! <= 0xbf && (d[at + 2]! & 0xc0) === 0x80) {
    return [0xd000 | ((d[at + 1]! & 0x3f) << 6) | (d[at + 2]! & 0x3f), 3];
  }
  return null;
};

function decodeUtf16(d: Uint8Array, o: Out, final: boolean, big: boolean, from: number): number {
  const unit = (i: number): number => (big ? (d[i]! << 8) | d[i + 1]! : d[i]! | (d[i + 1]! << 8));
  let i = from;
  while (i < d.length) {
    if (d.length - i < 2) {
      if (!final) return i;
      i = o.error(i, d.length, 'truncated data');
      continue;
    }
    const u = unit(i);
    if (u < 0xd800 || u >= 0xe000) {
      o.ch(u);
      i += 2;
    } else if (u >= 0xdc00) {
      i = o.error(i, i + 2, 'illegal encoding');
    } else if (d.length - i < 4) {
      if (!final) return i;
      i = o.error(i, d.length, 'unexpected end of data');
    } else {
      const u2 = unit(i + 2);
      if (u2 >= 0xdc00 && u2 < 0xe000) {
        o.ch(0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00));
        i += 4;
      } else i = o.error(i, i + 2, 'illegal UTF-16 surrogate');
    }
  }
  return i;
}

function decodeUtf32(d: Uint8Array, o: Out, final: boolean, big: boolean, from: number): number {
  let i = from;
  while (i < d.length) {
    if (d.length - i < 4) {
      if (!final) return i;
      i = o.error(i, d.length, 'truncated data');
      continue;
    }
    const u = big ? ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0
      : (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
    if (u > 0x10ffff) i = o.error(i, i + 4, 'code point not in range(0x110000)');
    else if (isSurrogate(u)) i = o.error(i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
    else {
      o.ch(u);
      i += 4;
    }
  }
  return i;
}

const isHex = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/** A DeprecationWarning message the unicode-escape decoder asks its caller to issue. */
export type WarnHook = (message: string) => void;

function decodeUnicodeEscape(d: Uint8Array, o: Out, final: boolean, warn: WarnHook | null): number {
  let warned = false;
  const invalid = (msg: string): void => {
    if (!warned && warn !== null) warn(msg);
    warned = true;
  };
  let i = 0;
  while (i < d.length) {
    const b = d[i]!;
    if (b !== 0x5c) {
      o.ch(b);
      i++;
      continue;
    }
    const start = i;
    if (i + 1 >= d.length) {
      if (!final) return start;
      i = o.error(start, start + 1, '\\ at end of string');
      continue;
    }
    const c = d[i + 1]!;
    i += 2;
    const simple: Record<number, number> = {
      0x0a: -1, 0x5c: 0x5c, 0x27: 0x27, 0x22: 0x22, 0x62: 8, 0x66: 12, 0x74: 9, 0x6e: 10, 0x72: 13, 0x76: 11, 0x61: 7,
    };
    const s = simple[c];
    if (s !== undefined) {
      if (s >= 0) o.ch(s);
      continue;
    }
    if (c >= 0x30 && c <= 0x37) {
      let v = c - 0x30;
      for (let k = 0; k < 2 && i < d.length && d[i]! >= 0x30 && d[i]! <= 0x37; k++) v = v * 8 + d[i++]! - 0x30;
      if (v > 0o377) invalid(`invalid octal escape sequence '\\${v.toString(8)}'`);
      o.ch(v);
      continue;
    }
    if (c === 0x78 || c === 0x75 || c === 0x55) {
      const n = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
      let v = 0;
      let k = 0;
      while (k < n && i < d.length && isHex(d[i]!)) {
        v = v * 16 + parseInt(String.fromCharCode(d[i]!), 16);
        i++;
        k++;
      }
      if (k < n) {
        if (!final && i === d.length) return start;
        i = o.error(start, i, c === 0x78 ? 'truncated \\xXX escape' : c === 0x75 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
        continue;
      }
      if (v > 0x10ffff) {
        i = o.error(start, i, 'illegal Unicode character');
        continue;
      }
      o.ch(v);
      continue;
    }
    if (c === 0x4e) {
      if (i < d.length && d[i] === 0x7b) {
        const close = d.indexOf(0x7d, i + 1);
        if (close > i + 1) {
          const name = String.fromCharCode(...d.subarray(i + 1, close));
          const hit = lookupName(name, false);
          if (hit !== null) {
            o.str(hit);
            i = close + 1;
            continue;
          }
          i = o.error(start, close + 1, 'unknown Unicode character name');
          continue;
        }
        if (close < 0 && !final) return start;
        i = o.error(start, close < 0 ? d.length : close + 1, 'malformed \\N character escape');
        continue;
      }
      if (i >= d.length && !final) return start;
      i = o.error(start, i, 'malformed \\N character escape');
      continue;
    }
    invalid(`invalid escape sequence '\\${String.fromCharCode(c)}'`);
    o.ch(0x5c);
    o.ch(c);
  }
  return i;
}

function decodeRawUnicodeEscape(d: Uint8Array, o: Out, final: boolean): number {
  let i = 0;
  while (i < d.length) {
    const b = d[i]!;
    if (b !== 0x5c) {
      o.ch(b);
      i++;
      continue;
    }
    // A run of backslashes: an odd count before 'u'/'U' makes the last one an escape.
    let j = i;
    while (j < d.length && d[j] === 0x5c) j++;
    const count = j - i;
    const esc = count % 2 === 1 && j < d.length && (d[j] === 0x75 || d[j] === 0x55);
    for (let k = 0; k < count - (esc ? 1 : 0); k++) o.ch(0x5c);
    if (!esc && count % 2 === 1 && j === d.length && !final) return j - 1;
    i = j;
    if (!esc) continue;
    const start = j - 1;
    const n = d[j] === 0x75 ? 4 : 8;
    i = j + 1;
    let v = 0;
    let k = 0;
    while (k < n && i < d.length && isHex(d[i]!)) {
      v = v * 16 + parseInt(String.fromCharCode(d[i]!), 16);
      i++;
      k++;
    }
    if (k < n) {
      if (!final && i === d.length) return start;
      i = o.error(start, i, n === 4 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape');
      continue;
    }
    if (v > 0x10ffff) {
      i = o.error(start, i, '\\Uxxxxxxxx out of range');
      continue;
    }
    o.ch(v);
  }
  return i;
}

/** bytes → str with `final` (false: stop before an incomplete sequence at the end, as the
 *  incremental decoders need) and, for unicode-escape, a hook for its DeprecationWarnings. */
export function decodeBytesEx(d: Uint8Array, codec: Codec, errors: string, final: boolean, hook: ErrorHook = noHook,
  warn: WarnHook | null = null): Decoded {
  const id = codec.id;
  if (id === 'latin_1') {
    let s = '';
    for (let i = 0; i < d.length; i += 8192) s += String.fromCharCode(...d.subarray(i, i + 8192));
    return { text: s, consumed: d.length, detected: null };
  }
  if (id === 'utf_8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(d), consumed: d.length, detected: null };
    } catch {
      // Fall through to the walk that reports or handles the bad spans.
    }
  }
  const mk = (excName: string, pass: ((at: number) => [number, number] | null) | null): Out => new Out(d, errors, hook, excName, pass);
  switch (id) {
    case 'utf_8': {
      const o = mk('utf-8', utf8SurrogateAt(d));
      const n = decodeUtf8(d, o, final);
      return { text: o.text(), consumed: n, detected: null };
    }
    case 'utf_8_sig': {
      const bom = [0xef, 0xbb, 0xbf];
      if (!final && d.length < 3 && d.every((b, k) => b === bom[k])) return { text: '', consumed: 0, detected: null };
      const skip = d.length >= 3 && d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf ? 3 : 0;
      const rest = d.subarray(skip);
      try {
        const r = decodeBytesEx(rest, lookupCodec('utf-8'), errors, final, hook);
        return { text: r.text, consumed: r.consumed + skip, detected: 'utf_8' };
      } catch (e) {
        if (e instanceof CodecError && skip > 0) throw new CodecError(e.codec, e.start, e.end, e.reason, rest);
        throw e;
      }
    }
    case 'ascii': {
      const o = mk('ascii', null);
      for (let i = 0; i < d.length;) {
        if (d[i]! < 0x80) o.ch(d[i++]!);
        else i = o.error(i, i + 1, 'ordinal not in range(128)');
      }
      return { text: o.text(), consumed: d.length, detected: null };
    }
    case 'utf_16': case 'utf_16_le': case 'utf_16_be': case 'utf_32': case 'utf_32_le': case 'utf_32_be': {
      const wide = id.startsWith('utf_32');
      let big = id.endsWith('_be');
      let from = 0;
      let detected: string | null = null;
      if (id === 'utf_16' || id === 'utf_32') {
        const w = wide ? 4 : 2;
        if (d.length < w) {
          if (!final) return { text: '', consumed: 0, detected: null };
        } else if (wide ? d[0] === 0xff && d[1] === 0xfe && d[2] === 0 && d[3] === 0 : d[0] === 0xff && d[1] === 0xfe) from = w;
        else if (wide ? d[0] === 0 && d[1] === 0 && d[2] === 0xfe && d[3] === 0xff : d[0] === 0xfe && d[1] === 0xff) {
          from = w;
          big = true;
        }
        // Only a BOM decides (the incremental decoders refuse a stream without one).
        if (from > 0) detected = `${id}_${big ? 'be' : 'le'}`;
      }
      const u = wide ? 4 : 2;
      const pass = (at: number): [number, number] | null => {
        if (at + u > d.length) return null;
        const v = wide ? (big ? (d[at]! << 24) | (d[at + 1]! << 16) | (d[at + 2]! << 8) | d[at + 3]! : d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24))
          : big ? (d[at]! << 8) | d[at + 1]! : d[at]! | (d[at + 1]! << 8);
        return isSurrogate(v) ? [v, u] : null;
      };
      const o = mk(`utf-${wide ? 32 : 16}-${big ? 'be' : 'le'}`, pass);
      const n = (wide ? decodeUtf32 : decodeUtf16)(d, o, final, big, from);
      return { text: o.text(), consumed: n, detected };
    }
    case 'unicode_escape': {
      const o = mk('unicodeescape', null);
      const n = decodeUnicodeEscape(d, o, final, warn);
      return { text: o.text(), consumed: n, detected: null };
    }
    case 'raw_unicode_escape': {
      const o = mk('rawunicodeescape', null);
      const n = decodeRawUnicodeEscape(d, o, final);
      return { text: o.text(), consumed: n, detected: null };
    }
    default: {
      const table = CHARMAPS[id];
      if (table === undefined) throw new RuntimeOpError('LookupError', `unknown encoding: ${codec.name}`);
      const o = mk('charmap', null);
      for (let i = 0; i < d.length;) {
        const c = table.charCodeAt(d[i]!);
        if (c !== 0xfffe) {
          o.ch(c);
          i++;
        } else i = o.error(i, i + 1, 'character maps to <undefined>');
      }
      return { text: o.text(), consumed: d.length, detected: null };
    }
  }
}

/** bytes → str, all of it (str.decode's). */
export function decodeBytes(d: Uint8Array, codec: Codec, errors: string, hook: ErrorHook = noHook, warn: WarnHook | null = null): string {
  return decodeBytesEx(d, codec, errors, true, hook, warn).text;
}
