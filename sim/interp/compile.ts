/**
 * The front end's entry point: source text → module CodeObject. Every problem with the guest
 * program surfaces as a GuestSyntaxError (a UserError: exit status 2, CPython-style text).
 */
import type { CodeObject } from './chunk.js';
import { Compiler } from './front/compiler.js';
import type { Module } from './front/ast.js';
import { parseTokens } from './front/parser.js';
import { scan } from './front/scanner.js';
import { buildSymbolTable } from './front/symtable.js';
import { GuestSyntaxError } from './front/syntax-error.js';

export { GuestSyntaxError } from './front/syntax-error.js';

/** Parses a module (scanner + parser only). */
export function parseModule(source: string, filename: string): Module {
  return parseTokens(scan(source, filename), filename, source);
}

export function compileModule(source: string, filename: string): CodeObject {
  // A UTF-8 byte-order mark at the start is not part of the program (as CPython).
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  // Universal newlines, as CPython reads source files: string literals never contain CR LF.
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  if (source.includes('\0')) {
    const line = source.slice(0, source.indexOf('\0')).split('\n').length;
    throw new GuestSyntaxError('source code cannot contain null bytes', filename, line, 1, '');
  }
  try {
    const mod = parseModule(source, filename);
    const table = buildSymbolTable(mod, filename, source);
    return new Compiler(table, filename, source).compileModule(mod);
  } catch (e) {
    // Pathologically deep nesting (e.g. thousands of unary operators or chained `+` terms) exhausts
    // the host stack in the recursive phases; report it as CPython reports over-complex code.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new GuestSyntaxError('too many nested expressions: program is too complex to compile', filename, 1, 1, source.split('\n')[0] ?? '');
    }
    throw e;
  }
}
