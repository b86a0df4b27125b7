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
  return compileSource(source, filename, 'exec');
}

/**
 * The builtin compile()'s modes: 'exec' a module (or exec()'s string), 'eval' one expression (the
 * code returns its value; leading blanks are ignored, as CPython's eval does), 'single' one
 * interactive statement, compiled as 'exec' (its expression values are not echoed).
 */
export function compileSource(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeObject {
  // A UTF-8 byte-order mark at the start is not part of the program (as CPython).
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  // Universal newlines, as CPython reads source files: string literals never contain CR LF.
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  if (source.includes('\0')) {
    const line = source.slice(0, source.indexOf('\0')).split('\n').length;
    throw new GuestSyntaxError('source code cannot contain null bytes', filename, line, 1, '');
  }
  if (mode === 'eval') source = source.replace(/^[ \t]+/, '');
  try {
    const mod = parseModule(source, filename);
    const table = buildSymbolTable(mod, filename, source);
    if (mode !== 'eval') return new Compiler(table, filename, source).compileModule(mod);
    const only = mod.body[0];
    if (mod.body.length !== 1 || only === undefined || only.kind !== 'Expr') {
      // Where the eval grammar stops: after the leading expression (an assignment's first target).
      let at = mod.body.length === 0 ? { line: 1, col: 1 } : (mod.body[only?.kind === 'Expr' ? 1 : 0] ?? only)!;
      if (only?.kind === 'Assign' || only?.kind === 'AugAssign' || only?.kind === 'AnnAssign') {
        const tgt = only.kind === 'Assign' ? only.targets[0]! : only.target;
        const text = source.split('\n')[tgt.endLine - 1] ?? '';
        let c = tgt.endCol - 1;
        while (text[c] === ' ' || text[c] === '\t') c++;
        at = { line: tgt.endLine, col: c + 1 };
      }
      throw new GuestSyntaxError('invalid syntax', filename, at.line, at.col, source.split('\n')[at.line - 1] ?? '');
    }
    return new Compiler(table, filename, source).compileExpression(only.value);
  } catch (e) {
    // Pathologically deep nesting (e.g. thousands of unary operators or chained `+` terms) exhausts
    // the host stack in the recursive phases; report it as CPython reports over-complex code.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new GuestSyntaxError('too many nested expressions: program is too complex to compile', filename, 1, 1, source.split('\n')[0] ?? '');
    }
    throw e;
  }
}
