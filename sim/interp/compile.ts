/**
 * The front end's entry point: source text → module CodeObject. Every problem with the guest
 * program surfaces as a GuestSyntaxError (a UserError: exit status 2, CPython-style text).
 */
import type { CodeObject, ConstValue } from './chunk.js';
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
 * Compiled code by mode, file name and source text, kept across the runs of one process (a sweep
 * worker runs many points of the same workload, each importing the same guest-source modules).
 * A hit hands out a fresh copy of the code object tree (new CodeObject records down through nested
 * code constants; the instruction arrays, names and line tables, which nothing writes, shared), so
 * every compile still yields distinct code objects, as CPython's does: the interpreter keys its
 * per-code constant objects by code object, and a module compiled twice in one run (re-imported
 * after an aborted transaction undid its import) must not find the first one's constants.
 */
const compiled = new Map<string, CodeObject>();
let compiledChars = 0;
/** Sources held at most (UTF-16 units); past it the cache starts again, so eval() in a loop over
 *  ever-new strings cannot grow it without bound. */
const CACHE_CHARS = 16 << 20;

function copyCode(co: CodeObject): CodeObject {
  return { ...co, consts: co.consts.map(copyConst) };
}
function copyConst(c: ConstValue): ConstValue {
  switch (c.kind) {
    case 'code': return { kind: 'code', code: copyCode(c.code) };
    case 'tuple': case 'frozenset': return c.items.some((i) => i.kind === 'code' || i.kind === 'tuple' || i.kind === 'frozenset') ? { kind: c.kind, items: c.items.map(copyConst) } : c;
    case 'none': case 'ellipsis': case 'bool': case 'int': case 'float': case 'complex': case 'str': case 'bytes': return c;
  }
}

/**
 * The builtin compile()'s modes: 'exec' a module (or exec()'s string), 'eval' one expression (the
 * code returns its value; leading blanks are ignored, as CPython's eval does), 'single' one
 * interactive statement, compiled as 'exec' (its expression values are not echoed).
 */
export function compileSource(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeObject {
  const key = `${mode}\0${filename}\0${source}`;
  const hit = compiled.get(key);
  if (hit !== undefined) return copyCode(hit);
  const code = compileUncached(source, filename, mode);
  if (compiledChars + key.length > CACHE_CHARS) {
    compiled.clear();
    compiledChars = 0;
  }
  compiled.set(key, code);
  compiledChars += key.length;
  return copyCode(code);
}

function compileUncached(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeObject {
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
