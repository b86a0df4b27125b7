/**
 * Guest syntax errors. One class for every front-end phase (scanner, parser, symtable, compiler),
 * so the CLI can print them the way CPython does and exit 2 without a host stack trace.
 */
import { UserError } from '../../common/errors.js';

/** CPython's exception class names for compile-time errors. */
export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

export class GuestSyntaxError extends UserError {
  readonly kind: SyntaxErrorKind;
  /** CPython's message, e.g. `invalid syntax` or `expected ':'`. */
  readonly msg: string;
  readonly filename: string;
  /** 1-based line and column (CPython's `lineno` / `offset`). */
  readonly line: number;
  readonly column: number;
  /** End of the offending range (exclusive column), for the caret run; equals start when unknown. */
  readonly endLine: number;
  readonly endColumn: number;
  /** The offending source line, without its newline ('' when past the end of the file). */
  readonly sourceLine: string;
  /** Raised before tokenizing (the file's encoding): CPython prints the message alone. */
  positionless = false;

  constructor(
    msg: string,
    filename: string,
    line: number,
    column: number,
    sourceLine: string,
    kind: SyntaxErrorKind = 'SyntaxError',
    endLine = line,
    endColumn = column,
  ) {
    // The UserError message is one line (file:line:col: Kind: msg), as every other bad input.
    super(`${filename}:${line}:${column}: ${kind}: ${msg}`);
    this.name = 'GuestSyntaxError';
    this.kind = kind;
    this.msg = msg;
    this.filename = filename;
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
    this.sourceLine = sourceLine;
  }

  /** The text CPython 3.11 prints to stderr for this error (with trailing newline). */
  formatCPython(): string {
    if (this.positionless) return `${this.kind}: ${this.msg}\n`;
    let out = `  File "${this.filename}", line ${this.line}\n`;
    const raw = this.sourceLine.replace(/[\r\n]+$/, '');
    if (raw.trim() !== '') {
      const stripped = raw.replace(/^[ \t\f]+/, '');
      const indent = raw.length - stripped.length;
      out += `    ${stripped}\n`;
      // CPython drops the caret when the offset falls inside the stripped indentation (an
      // unexpected indent points at the indentation itself).
      const start = this.column - 1 - indent;
      if (start < 0) return out + `${this.kind}: ${this.msg}\n`;
      let width = 1;
      if (this.endLine === this.line && this.endColumn > this.column) width = this.endColumn - this.column;
      width = Math.max(1, Math.min(width, stripped.length - start + 1));
      out += `    ${' '.repeat(start)}${'^'.repeat(width)}\n`;
    }
    out += `${this.kind}: ${this.msg}\n`;
    return out;
  }
}

/** Raised by helpers that know the source text; keeps error construction in one place. */
export function syntaxErrorAt(
  source: string,
  filename: string,
  msg: string,
  line: number,
  column: number,
  kind: SyntaxErrorKind = 'SyntaxError',
  endLine = line,
  endColumn = column,
): GuestSyntaxError {
  const lines = source.split('\n');
  const src = line >= 1 && line <= lines.length ? lines[line - 1]! : '';
  return new GuestSyntaxError(msg, filename, line, column, src, kind, endLine, endColumn);
}

/** `# -*- coding: NAME -*-` on line 1 or 2 (PEP 263). */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/**
 * A program file's bytes as source text. Without a coding declaration the file must be UTF-8, as
 * CPython requires: otherwise the SyntaxError CPython's tokenizer raises before reading a token
 * (no position, so formatCPython prints the message alone). A declared coding keeps the lenient
 * decoding (latin-1 when declared so).
 */
export function decodeSource(bytes: Uint8Array, filename: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).split('\n', 2);
  const declared = head.map((l) => CODING.exec(l)?.[1]).find((c) => c !== undefined);
  if (declared !== undefined) {
    return /^(latin-1|latin1|iso-8859-1|iso8859-1)$/i.test(declared)
      ? new TextDecoder('latin1').decode(bytes)
      : new TextDecoder('utf-8').decode(bytes);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return new TextDecoder('utf-8').decode(bytes);
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 10) line++;
  const hex = bytes[bad]!.toString(16).padStart(2, '0');
  const e = new GuestSyntaxError(`Non-UTF-8 code starting with '\\x${hex}' in file ${filename} on line ${line}, `
    + 'but no encoding declared; see https://peps.python.org/pep-0263/ for details', filename, line, 1, '');
  e.positionless = true;
  throw e;
}

/** Offset of the first byte that starts an ill-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}
