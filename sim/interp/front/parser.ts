/**
 * The parser's entry: tokens → `Module`, with CPython's choice between a parser error and an
 * unclosed bracket. The parser itself is the class chain that starts in `parser-base.ts`.
 */
import type { Module } from './ast.js';
import { Parser } from './parse-statements.js';
import { GuestSyntaxError } from './syntax-error.js';
import type { Token } from './token.js';

/** Parses a module's tokens. */
export function parseTokens(tokens: Token[], filename: string, source: string): Module {
  const end = tokens[tokens.length - 1]!;
  if (end.unclosed === undefined) return new Parser(tokens, filename, source).parseModule();
  const parser = new Parser(tokens, filename, source);
  try {
    parser.parseModule();
  } catch (e) {
    // CPython keeps a parser error only when neither it nor the tokens the parser read to find it
    // lie past the line of the bracket left open; otherwise the open bracket is the error.
    if (e instanceof GuestSyntaxError && e.line <= end.unclosed.line && tokens[parser.furthest]!.line <= end.unclosed.line && parser.furthest < tokens.length - 1) throw e;
  }
  throw end.unclosed;
}
