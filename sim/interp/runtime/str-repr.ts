/**
 * repr()/ascii() of str and bytes exactly as CPython prints them: the quote is ' unless the text
 * contains ' and no ", and non-printable characters become \xhh, \uhhhh or \Uhhhhhhhh.
 */

// Python's str.isprintable is false for categories Cc Cf Cs Co Cn Zl Zp Zs, except the space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintableCp(cp: number): boolean {
  if (cp >= 0x20 && cp < 0x7f) return true;
  if (cp < 0xa0) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !NON_PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeCp(cp: number): string {
  if (cp < 0x100) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function reprImpl(s: string, asciiOnly: boolean): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0x20 && cp < 0x7f) {
      if (cp === 0x5c) out += '\\\\';
      else if (cp === quote.charCodeAt(0)) out += '\\' + quote;
      else out += String.fromCharCode(cp);
    } else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp < 0x80 || asciiOnly || !isPrintableCp(cp)) out += escapeCp(cp);
    else out += String.fromCodePoint(cp);
  }
  return out + quote;
}

/** repr(s) for a str. */
export function strRepr(s: string): string {
  return reprImpl(s, false);
}

/** ascii(s) for a str: repr with every non-ASCII character escaped. */
export function asciiRepr(s: string): string {
  return reprImpl(s, true);
}

/** repr of bytes (`b'..'`) or bytearray (`bytearray(b'..')`). */
export function bytesRepr(b: Uint8Array, kind: 'bytes' | 'bytearray' = 'bytes'): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    // bytearray's repr escapes ' even inside "..." (a CPython quirk).
    if (c === quote || c === 0x5c || (c === 0x27 && kind === 'bytearray')) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  out += String.fromCharCode(quote);
  return kind === 'bytes' ? out : `bytearray(${out})`;
}
