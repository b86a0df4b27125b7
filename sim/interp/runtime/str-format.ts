/**
 * Parsing for str.format / format_map (CPython 3.11's MarkupIterator and field_name_split). The
 * VM evaluates the result: for each piece in order, append text, or look up the field (argument,
 * then the .attr/[key] chain), apply the conversion, expand the nested spec pieces into a spec
 * string, and call the value's __format__.
 *
 * CPython reports a syntax error only when iteration reaches it, after evaluating the fields
 * before it (so a KeyError in field 1 wins over a bad field 2). To keep that order the parser
 * never throws: a syntax error becomes an `error` piece at its position, and the VM throws it
 * when it gets there.
 */
import { RuntimeOpError, valueError } from './errors.js';

export type FieldPart = { kind: 'attr'; name: string } | { kind: 'index'; key: number | string };

export interface ReplacementField {
  kind: 'field';
  /** Positional index (auto-numbered fields are numbered here) or keyword name. */
  arg: number | string;
  chain: FieldPart[];
  conversion: 'r' | 's' | 'a' | undefined;
  /** Throw this after looking the field up (CPython checks the conversion char at that point). */
  conversionError: RuntimeOpError | undefined;
  /** The format spec: concatenate the evaluated pieces (nested fields format with their own specs). */
  spec: FormatPiece[];
}

export type FormatPiece = { kind: 'text'; text: string } | ReplacementField | { kind: 'error'; error: RuntimeOpError };

interface Numbering {
  /** 0 = undecided, 1 = automatic, 2 = manual. */
  mode: 0 | 1 | 2;
  next: number;
}

export function parseFormatString(fmt: string): FormatPiece[] {
  return parseLevel(fmt, { mode: 0, next: 0 }, 2);
}

function err(msg: string): FormatPiece {
  return { kind: 'error', error: valueError(msg) };
}

function parseLevel(s: string, num: Numbering, depth: number): FormatPiece[] {
  const out: FormatPiece[] = [];
  if (depth <= 0) {
    out.push(err('Max string recursion exceeded'));
    return out;
  }
  const n = s.length;
  let pos = 0;
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
  };
  while (pos < n) {
    // Literal text up to the next brace.
    const start = pos;
    let c = '';
    let markup = false;
    while (pos < n) {
      c = s[pos++]!;
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= n;
    let len = pos - start;
    if (markup && c === '}' && (atEnd || s[pos] !== '}')) {
      flush();
      out.push(err("Single '}' encountered in format string"));
      return out;
    }
    if (markup && atEnd && c === '{') {
      flush();
      out.push(err("Single '{' encountered in format string"));
      return out;
    }
    if (markup && !atEnd) {
      if (s[pos] === c) {
        pos++; // escaped brace: part of the literal text
        markup = false;
      } else {
        len--;
      }
    }
    text += s.slice(start, start + len);
    if (!markup) continue;
    flush();
    const scanned = scanField(s, pos);
    if ('error' in scanned) {
      out.push(err(scanned.error));
      return out;
    }
    pos = scanned.end;
    const field = buildField(scanned, num, depth);
    out.push(field);
    if (field.kind === 'error') return out;
  }
  flush();
  return out;
}

interface ScannedField {
  name: string;
  conv: string | undefined;
  spec: string;
  nested: boolean;
  end: number;
}

/** CPython 3.11's parse_field over the format string from just after '{': the name (brackets
 *  skipped), an optional !conversion, an optional :spec with balanced braces. */
function scanField(s: string, pos: number): ScannedField | { error: string } {
  const n = s.length;
  const start = pos;
  let c = '';
  let stopped = false;
  while (pos < n) {
    c = s[pos++]!;
    if (c === '{') return { error: "unexpected '{' in field name" };
    if (c === '[') {
      while (pos < n && s[pos] !== ']') pos++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') {
      stopped = true;
      break;
    }
  }
  if (!stopped) return { error: "expected '}' before end of string" };
  const name = s.slice(start, pos - 1);
  if (c === '}') return { name, conv: undefined, spec: '', nested: false, end: pos };
  let conv: string | undefined;
  if (c === '!') {
    if (pos >= n) return { error: 'end of string while looking for conversion specifier' };
    conv = String.fromCodePoint(s.codePointAt(pos)!);
    pos += conv.length;
    if (pos < n) {
      const d = s[pos++]!;
      if (d === '}') return { name, conv, spec: '', nested: false, end: pos };
      if (d !== ':') return { error: "expected ':' after conversion specifier" };
    }
  }
  const specStart = pos;
  let count = 1;
  let nested = false;
  while (pos < n) {
    const d = s[pos++]!;
    if (d === '{') {
      nested = true;
      count++;
    } else if (d === '}') {
      count--;
      if (count === 0) return { name, conv, spec: s.slice(specStart, pos - 1), nested, end: pos };
    }
  }
  return { error: "unmatched '{' in format spec" };
}

function buildField(sf: ScannedField, num: Numbering, depth: number): FormatPiece {
  const name = sf.name;
  const specText = sf.spec;
  const nested = sf.nested;
  let conversion: ReplacementField['conversion'];
  let conversionError: RuntimeOpError | undefined;
  const conv = sf.conv;
  if (conv !== undefined) {
    if (conv === 'r' || conv === 's' || conv === 'a') conversion = conv;
    else {
      const cp = conv.codePointAt(0)!;
      conversionError = valueError(
        cp > 32 && cp < 127 ? `Unknown conversion specifier ${conv}` : `Unknown conversion specifier \\x${cp.toString(16)}`,
      );
    }
  }
  // First part of the name: empty (automatic), digits (manual index) or an identifier.
  let j = 0;
  while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
  const first = name.slice(0, j);
  let arg: number | string;
  if (first === '') {
    if (num.mode === 2) return err('cannot switch from manual field specification to automatic field numbering');
    num.mode = 1;
    arg = num.next++;
  } else if (/^[0-9]+$/.test(first)) {
    if (first.length > 18) return err('Too many decimal digits in format string');
    if (num.mode === 1) return err('cannot switch from automatic field numbering to manual field specification');
    num.mode = 2;
    arg = Number(first);
  } else {
    arg = first;
  }
  const chain: FieldPart[] = [];
  while (j < name.length) {
    const k = name[j++]!;
    if (k === '.') {
      const st = j;
      while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
      const attr = name.slice(st, j);
      if (attr === '') return err('Empty attribute in format string');
      chain.push({ kind: 'attr', name: attr });
    } else {
      const st = j;
      while (j < name.length && name[j] !== ']') j++;
      if (j >= name.length) return err("Missing ']' in format string");
      const key = name.slice(st, j);
      j++;
      if (key === '') return err('Empty attribute in format string');
      if (/^[0-9]+$/.test(key)) {
        if (key.length > 18) return err('Too many decimal digits in format string');
        chain.push({ kind: 'index', key: Number(key) });
      } else chain.push({ kind: 'index', key });
      if (j < name.length && name[j] !== '.' && name[j] !== '[') {
        return err("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
  }
  const spec: FormatPiece[] = nested
    ? parseLevel(specText, num, depth - 1)
    : specText === ''
      ? []
      : [{ kind: 'text', text: specText }];
  return { kind: 'field', arg, chain, conversion, conversionError, spec };
}
