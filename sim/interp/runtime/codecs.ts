/**
 * The codecs str.encode and bytes.decode use: utf-8, ascii and latin-1 under their CPython names
 * and aliases, with the error handlers strict, ignore, replace, backslashreplace,
 * xmlcharrefreplace (encode) and surrogateescape. A strict failure is reported as the span CPython
 * reports (positions in code points for str, bytes for bytes) with its reason; the caller turns it
 * into UnicodeEncodeError/UnicodeDecodeError.
 */
import { RuntimeOpError } from './errors.js';

export type Codec = 'utf-8' | 'ascii' | 'latin-1';

/** A strict codec failure: the object's [start, end) and CPython's reason. */
export class CodecError extends Error {
  constructor(readonly codec: Codec, readonly start: number, readonly end: number, readonly reason: string) {
    super(reason);
  }
}

const ALIASES: ReadonlyMap<string, Codec> = new Map([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['u8', 'utf-8'], ['utf', 'utf-8'], ['cp65001', 'utf-8'],
  ['ascii', 'ascii'], ['us-ascii', 'ascii'], ['646', 'ascii'], ['us', 'ascii'],
  ['latin-1', 'latin-1'], ['latin1', 'latin-1'], ['latin', 'latin-1'], ['l1', 'latin-1'], ['iso-8859-1', 'latin-1'],
  ['iso8859-1', 'latin-1'], ['8859', 'latin-1'], ['cp819', 'latin-1'], ['iso-ir-100', 'latin-1'],
]);

export function lookupCodec(name: string): Codec {
  const c = ALIASES.get(name.toLowerCase().replace(/_/g, '-').replace(/ /g, '-'));
  if (c === undefined) throw new RuntimeOpError('LookupError', `unknown encoding: ${name}`);
  return c;
}

const HANDLERS = new Set(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape']);

/** The handler is looked up only when an error needs it, as CPython does. */
function checkHandler(errors: string): void {
  if (!HANDLERS.has(errors)) throw new RuntimeOpError('LookupError', `unknown error handler name '${errors}'`);
}

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

/** str → bytes. */
export function encodeStr(s: string, codec: Codec, errors: string): Uint8Array {
  if (codec === 'utf-8' && !/[\ud800-\udfff]/.test(s)) return new TextEncoder().encode(s);
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : 0x110000;
  const bad = (cp: number): boolean => cp >= limit || (codec === 'utf-8' && cp >= 0xd800 && cp <= 0xdfff);
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < cps.length;) {
    const cp = cps[i]!;
    if (!bad(cp)) {
      if (codec === 'utf-8') out.push(...enc.encode(String.fromCodePoint(cp)));
      else out.push(cp);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && bad(cps[end]!)) end++;
    const reason = codec === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
    const ascii = (t: string): void => { for (const ch of t) out.push(ch.charCodeAt(0)); };
    checkHandler(errors);
    switch (errors) {
      case 'strict': throw new CodecError(codec, i, end, reason);
      case 'ignore': break;
      case 'replace': for (let k = i; k < end; k++) out.push(0x3f); break;
      case 'backslashreplace':
        for (let k = i; k < end; k++) {
          const c = cps[k]!;
          ascii(c < 0x100 ? `\\x${hex(c, 2)}` : c < 0x10000 ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`);
        }
        break;
      case 'xmlcharrefreplace': for (let k = i; k < end; k++) ascii(`&#${cps[k]!};`); break;
      case 'surrogateescape':
        for (let k = i; k < end; k++) {
          const c = cps[k]!;
          if (c < 0xdc80 || c > 0xdcff) throw new CodecError(codec, k, k + 1, reason);
          out.push(c - 0xdc00);
        }
        break;
    }
    i = end;
  }
  return Uint8Array.from(out);
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

/** bytes → str. */
export function decodeBytes(d: Uint8Array, codec: Codec, errors: string): string {
  if (codec === 'latin-1') {
    let s = '';
    for (let i = 0; i < d.length; i += 8192) s += String.fromCharCode(...d.subarray(i, i + 8192));
    return s;
  }
  if (codec === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(d);
    } catch {
      // Fall through to the byte-by-byte walk that reports or handles the bad spans.
    }
  }
  let out = '';
  let run = 0;
  const td = new TextDecoder('utf-8', { ignoreBOM: true });
  for (let i = 0; i < d.length;) {
    const b = d[i]!;
    let end = -1;
    let reason = '';
    if (codec === 'ascii') {
      if (b >= 0x80) {
        end = i + 1;
        reason = 'ordinal not in range(128)';
      }
    } else if (b >= 0x80) ({ end, reason } = utf8Error(d, i));
    if (end < 0) {
      // A good character (one byte, or a whole UTF-8 sequence).
      const n = codec === 'ascii' || b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      i += n;
      run += n;
      continue;
    }
    out += td.decode(d.subarray(i - run, i));
    run = 0;
    checkHandler(errors);
    switch (errors) {
      case 'strict': throw new CodecError(codec, i, end, reason);
      case 'ignore': break;
      case 'replace': out += '\ufffd'; break;
      case 'backslashreplace': for (let k = i; k < end; k++) out += `\\x${hex(d[k]!, 2)}`; break;
      case 'surrogateescape': for (let k = i; k < end; k++) out += String.fromCharCode(0xdc00 + d[k]!); break;
      case 'xmlcharrefreplace': throw new RuntimeOpError('TypeError', "don't know how to handle UnicodeDecodeError in error callback");
    }
    i = end;
  }
  return out + td.decode(d.subarray(d.length - run));
}
