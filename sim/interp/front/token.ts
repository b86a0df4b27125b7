/** Tokens produced by the scanner (Python 3's lexical structure). */
import type { GuestSyntaxError } from './syntax-error.js';

export type TokenKind = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for STRING: prefix, quotes and body; for NEWLINE/INDENT/...: ''). */
  text: string;
  /** 1-based start line/column and exclusive end line/column. */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** ENDMARKER of a module that ends inside brackets: CPython's "'(' was never closed", which
   * replaces the parser's error when that error is on a later line than the open bracket. */
  unclosed?: GuestSyntaxError;
}

/** Reserved words: never identifiers. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Operators and delimiters, longest first so the scanner can match greedily. */
export const OPERATORS: readonly string[] = [
  '**=', '//=', '>>=', '<<=', '...',
  '->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=',
  '|=', '^=', '@=',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',',
  ':', ';', '.', '=',
];
