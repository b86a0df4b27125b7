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
    let out = `  File "${this.filename}", line ${this.line}\n`;
    const raw = this.sourceLine.replace(/[\r\n]+$/, '');
    if (raw.trim() !== '') {
      const stripped = raw.replace(/^[ \t\f]+/, '');
      const indent = raw.length - stripped.length;
      out += `    ${stripped}\n`;
      const start = Math.max(0, this.column - 1 - indent);
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
