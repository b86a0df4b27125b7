/**
 * Character classes as CPython's str type defines them (Unicode database semantics), shared by
 * int()/float() parsing, str methods and repr. Guest strings are JS strings (UTF-16 code units);
 * predicates that need a code point take one.
 */

/** str.isspace / str.split() whitespace: bidi class WS, B or S, or category Zs. */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

const ND = /^\p{Nd}$/u;

/** Value 0..9 of a Unicode decimal digit (category Nd), or -1. Nd code points come in runs of
 *  ten starting at the digit zero, so the value is the distance from the start of the run mod 10. */
export function decimalValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x660) return -1;
  if (!ND.test(String.fromCodePoint(cp))) return -1;
  let start = cp;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode spaces become ' ', Unicode decimal
 *  digits become ASCII digits, other non-ASCII characters become '?' (so they fail to parse). */
export function toAsciiNumeric(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else {
      const d = decimalValue(cp);
      out += d >= 0 ? String.fromCharCode(0x30 + d) : '?';
    }
  }
  return out;
}

/** Strip ASCII whitespace (Py_ISSPACE) from both ends, as the numeric parsers do after the
 *  Unicode-to-ASCII transform. */
export function stripAsciiSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
