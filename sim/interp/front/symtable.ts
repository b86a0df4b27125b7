/**
 * Scope analysis, as CPython's symtable: every name in every block is resolved to local, cell,
 * free, explicit global or implicit global before code generation. Blocks are the module, class
 * bodies and functions (def, lambda, and each comprehension, which has its own scope in Python 3).
 */
import { hasFutureAnnotations, type Arguments, type Comprehension, type Expr, type Module, type Span, type Stmt } from './ast.js';
import { GuestSyntaxError } from './syntax-error.js';

export type BlockKind = 'module' | 'class' | 'function';
export type SymScope = 'local' | 'cell' | 'free' | 'globalExplicit' | 'globalImplicit';

const DEF_GLOBAL = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_NONLOCAL = 8;
const USE = 16;
/** A class-local name that a method also needs as a free variable of an outer function. */
const DEF_FREE_CLASS = 32;
const DEF_IMPORT = 64;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export class Block {
  readonly kind: BlockKind;
  readonly name: string;
  readonly line: number;
  readonly parent: Block | null;
  readonly children: Block[] = [];
  readonly flags = new Map<string, number>();
  /** Where each name was first declared/used, for error positions. */
  readonly firstSeen = new Map<string, Span>();
  readonly scopes = new Map<string, SymScope>();
  /** Parameter names in CPython's co_varnames order (positional, kw-only, *args, **kwargs). */
  readonly params: string[] = [];
  isGenerator = false;
  /** An `async def`: its code makes a coroutine (flags GENERATOR | COROUTINE). */
  isCoroutine = false;
  isComprehension = false;
  /** >0 while a comprehension's iterable expression is being visited in this block (PEP 572 forbids `:=` there). */
  compIterDepth = 0;
  /** First `global`/`nonlocal` statement naming each name: CPython reports directive conflicts there. */
  readonly directives = new Map<string, Span>();
  /** Class blocks: a method uses `super()`/`__class__`, so the class creates a `__class__` cell. */
  needsClassCell = false;
  cellvars: string[] = [];
  freevars: string[] = [];

  constructor(kind: BlockKind, name: string, line: number, parent: Block | null) {
    this.kind = kind;
    this.name = name;
    this.line = line;
    this.parent = parent;
  }

  lookup(name: string): SymScope {
    return this.scopes.get(name) ?? 'globalImplicit';
  }
  hasFreeClass(name: string): boolean {
    return ((this.flags.get(name) ?? 0) & DEF_FREE_CLASS) !== 0;
  }
}

export interface SymbolTable {
  top: Block;
  /** Block of each FunctionDef / ClassDef / Lambda / comprehension node. */
  blocks: Map<object, Block>;
}

export function buildSymbolTable(mod: Module, filename: string, source: string): SymbolTable {
  const b = new Builder(filename, source);
  const table = b.build(mod);
  analyze(table.top, null, new Set(), b);
  return table;
}

class Builder {
  readonly filename: string;
  private readonly lines: string[];
  private cur!: Block;
  private readonly blocks = new Map<object, Block>();
  /** PEP 563: annotations are kept as strings, never evaluated, so they use no names. */
  private futureAnnotations = false;

  constructor(filename: string, source: string) {
    this.filename = filename;
    this.lines = source.split('\n');
  }

  error(msg: string, s: Span): GuestSyntaxError {
    return new GuestSyntaxError(msg, this.filename, s.line, s.col, this.lines[s.line - 1] ?? '', 'SyntaxError', s.endLine, s.endCol);
  }

  build(mod: Module): SymbolTable {
    const top = new Block('module', '<module>', 1, null);
    this.cur = top;
    this.futureAnnotations = hasFutureAnnotations(mod);
    for (const s of mod.body) this.stmt(s);
    return { top, blocks: this.blocks };
  }

  private add(name: string, flag: number, at: Span, block: Block = this.cur): void {
    const old = block.flags.get(name) ?? 0;
    if (flag === DEF_PARAM && (old & DEF_PARAM)) throw this.error(`duplicate argument '${name}' in function definition`, at);
    block.flags.set(name, old | flag);
    if (!block.firstSeen.has(name)) block.firstSeen.set(name, at);
  }

  private enter(kind: BlockKind, name: string, node: object, line: number): Block {
    const b = new Block(kind, name, line, this.cur);
    this.cur.children.push(b);
    this.blocks.set(node, b);
    this.cur = b;
    return b;
  }
  private leave(): void {
    this.cur = this.cur.parent!;
  }

  private params(a: Arguments): void {
    const all = [...a.posonlyargs, ...a.args, ...a.kwonlyargs];
    if (a.vararg) all.push(a.vararg);
    if (a.kwarg) all.push(a.kwarg);
    for (const p of all) {
      this.add(p.arg, DEF_PARAM, p);
      this.cur.params.push(p.arg);
    }
  }

  private defaults(a: Arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kwDefaults) if (d) this.expr(d);
  }

  /** A def's annotations, evaluated in the enclosing scope when the def runs. */
  private annotations(a: Arguments, returns: Expr | null): void {
    if (this.futureAnnotations) return;
    for (const p of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg]) if (p?.annotation) this.expr(p.annotation);
    if (returns !== null) this.expr(returns);
  }

  private stmts(ss: Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case 'FunctionDef':
        for (const d of s.decorators) this.expr(d);
        this.defaults(s.args);
        this.annotations(s.args, s.returns);
        this.add(s.name, DEF_LOCAL, s);
        this.enter('function', s.name, s, s.line).isCoroutine = s.isAsync;
        this.params(s.args);
        this.stmts(s.body);
        this.leave();
        break;
      case 'ClassDef':
        for (const d of s.decorators) this.expr(d);
        for (const e of s.bases) this.expr(e);
        for (const k of s.keywords) this.expr(k.value);
        this.add(s.name, DEF_LOCAL, s);
        this.enter('class', s.name, s, s.line);
        this.stmts(s.body);
        this.leave();
        break;
      case 'Return':
        if (s.value) this.expr(s.value);
        break;
      case 'Delete':
        for (const t of s.targets) this.expr(t);
        break;
      case 'Assign':
        this.expr(s.value);
        for (const t of s.targets) this.expr(t);
        break;
      case 'AugAssign':
        if (s.target.kind === 'Name') this.add(s.target.id, USE, s.target);
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'AnnAssign':
        if (s.value) this.expr(s.value);
        if (this.cur.kind !== 'function' && !this.futureAnnotations) this.expr(s.annotation);
        if (s.value || s.target.kind === 'Name') this.expr(s.target);
        break;
      case 'For':
        this.expr(s.iter);
        this.expr(s.target);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'While':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'With':
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.expr(it.optionalVars);
        }
        this.stmts(s.body);
        break;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case 'Try':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.add(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Import':
        for (const a of s.names) this.add(a.asname ?? a.name.split('.')[0]!, DEF_IMPORT, a);
        break;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') {
            if (this.cur.kind !== 'module') throw this.error('import * only allowed at module level', a);
            continue;
          }
          this.add(a.asname ?? a.name, DEF_IMPORT, a);
        }
        break;
      case 'Global':
      case 'Nonlocal': {
        const isG = s.kind === 'Global';
        for (const n of s.names) {
          const old = this.cur.flags.get(n) ?? 0;
          const what = isG ? 'global' : 'nonlocal';
          if (old & DEF_PARAM) throw this.error(`name '${n}' is parameter and ${what}`, s);
          if (old & (DEF_LOCAL | DEF_IMPORT)) throw this.error(`name '${n}' is assigned to before ${what} declaration`, s);
          if (old & USE) throw this.error(`name '${n}' is used prior to ${what} declaration`, s);
          // CPython finds these two in its analysis pass and points at the name's first directive.
          if ((!isG && (old & DEF_GLOBAL)) || (isG && (old & DEF_NONLOCAL))) throw this.error(`name '${n}' is nonlocal and global`, this.cur.directives.get(n) ?? s);
          if (!isG && this.cur.kind === 'module') throw this.error('nonlocal declaration not allowed at module level', s);
          if (!this.cur.directives.has(n)) this.cur.directives.set(n, s);
          this.add(n, isG ? DEF_GLOBAL : DEF_NONLOCAL, s);
        }
        break;
      }
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Pass': case 'Break': case 'Continue':
        break;
      default: {
        const _never: never = s;
        throw new Error(`unhandled statement ${String(_never)}`);
      }
    }
  }

  private comprehension(node: Expr, kindName: string, generators: Comprehension[], elts: Expr[], isGen: boolean): void {
    // The outermost iterable is evaluated in the enclosing scope (Python 3 semantics).
    this.iterExpr(generators[0]!.iter);
    const b = this.enter('function', kindName, node, node.line);
    b.isComprehension = true;
    b.isGenerator = isGen;
    if (generators.some((g) => g.isAsync === true)) b.isCoroutine = true;
    this.add('.0', DEF_PARAM, node);
    b.params.push('.0');
    generators.forEach((g, i) => {
      if (i > 0) this.iterExpr(g.iter);
      this.expr(g.target);
      for (const c of g.ifs) this.expr(c);
    });
    for (const e of elts) this.expr(e);
    this.leave();
    // An asynchronous list/set/dict comprehension is awaited where it stands: only an async
    // function or another comprehension (which becomes asynchronous too) may hold it.
    if (b.isCoroutine && !isGen) {
      if (this.cur.isComprehension) this.cur.isCoroutine = true;
      else if (!(this.cur.kind === 'function' && this.cur.isCoroutine)) throw this.error('asynchronous comprehension outside of an asynchronous function', node);
    }
  }

  private iterExpr(e: Expr): void {
    this.cur.compIterDepth++;
    this.expr(e);
    this.cur.compIterDepth--;
  }

  private expr(e: Expr): void {
    switch (e.kind) {
      case 'Constant': break;
      case 'Name':
        this.add(e.id, e.ctx === 'load' ? USE : DEF_LOCAL, e);
        // Zero-argument super() needs the enclosing class's __class__ cell.
        if (e.ctx === 'load' && e.id === 'super' && this.cur.kind === 'function') this.add('__class__', USE, e);
        break;
      case 'BoolOp': for (const v of e.values) this.expr(v); break;
      case 'NamedExpr': {
        const name = (e.target as Extract<Expr, { kind: 'Name' }>).id;
        if (this.cur.compIterDepth > 0) throw this.error('assignment expression cannot be used in a comprehension iterable expression', e);
        this.expr(e.value);
        if (this.cur.isComprehension) {
          for (let b: Block = this.cur; b.isComprehension; b = b.parent!) {
            if ((b.flags.get(name) ?? 0) & DEF_LOCAL) throw this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, e);
          }
          // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
          let outer = this.cur.parent!;
          while (outer.isComprehension) outer = outer.parent!;
          if (outer.kind === 'class') throw this.error('assignment expression within a comprehension cannot be used in a class body', e);
          this.add(name, DEF_LOCAL, e.target, outer);
          for (let b: Block = this.cur; b !== outer; b = b.parent!) {
            this.add(name, outer.kind === 'module' ? DEF_GLOBAL : DEF_NONLOCAL, e.target, b);
          }
        } else {
          this.expr(e.target);
        }
        break;
      }
      case 'BinOp': this.expr(e.left); this.expr(e.right); break;
      case 'UnaryOp': this.expr(e.operand); break;
      case 'Lambda':
        this.defaults(e.args);
        this.enter('function', '<lambda>', e, e.line);
        this.params(e.args);
        this.expr(e.body);
        this.leave();
        break;
      case 'IfExp': this.expr(e.test); this.expr(e.body); this.expr(e.orelse); break;
      case 'Dict':
        e.keys.forEach((k, i) => { if (k) this.expr(k); this.expr(e.values[i]!); });
        break;
      case 'Set': for (const x of e.elts) this.expr(x); break;
      case 'ListComp': this.comprehension(e, '<listcomp>', e.generators, [e.elt], false); break;
      case 'SetComp': this.comprehension(e, '<setcomp>', e.generators, [e.elt], false); break;
      case 'DictComp': this.comprehension(e, '<dictcomp>', e.generators, [e.key, e.value], false); break;
      case 'GeneratorExp': this.comprehension(e, '<genexpr>', e.generators, [e.elt], true); break;
      case 'Yield':
      case 'YieldFrom': {
        if (this.cur.kind !== 'function') throw this.error("'yield' outside function", e);
        if (this.cur.isComprehension) {
          const what = this.cur.name.slice(1, -1).replace('comp', ' comprehension').replace('genexpr', 'generator expression');
          throw this.error(`'yield' inside ${what}`, e);
        }
        this.cur.isGenerator = true;
        if (e.value) this.expr(e.value);
        break;
      }
      case 'Await':
        // An `await` makes its comprehension asynchronous (a coroutine, or an async generator).
        if (this.cur.isComprehension) this.cur.isCoroutine = true;
        this.expr(e.value);
        break;
      case 'Compare': this.expr(e.left); for (const c of e.comparators) this.expr(c); break;
      case 'Call':
        this.expr(e.func);
        for (const a of e.args) this.expr(a);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case 'FormattedValue': this.expr(e.value); if (e.formatSpec) this.expr(e.formatSpec); break;
      case 'JoinedStr': for (const v of e.values) this.expr(v); break;
      case 'Attribute': this.expr(e.value); break;
      case 'Subscript': this.expr(e.value); this.expr(e.slice); break;
      case 'Starred': this.expr(e.value); break;
      case 'List': case 'Tuple': for (const x of e.elts) this.expr(x); break;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        break;
      default: {
        const _never: never = e;
        throw new Error(`unhandled expression ${String(_never)}`);
      }
    }
  }
}

/** CPython's analyze_block: resolves names and returns the block's free variables. */
function analyze(b: Block, bound: Set<string> | null, global: Set<string>, builder: Builder): Set<string> {
  const local = new Set<string>();
  const newGlobal = new Set(global);
  for (const [name, flags] of b.flags) {
    let sc: SymScope;
    if (flags & DEF_GLOBAL) {
      sc = 'globalExplicit';
      newGlobal.add(name);
    } else if (flags & DEF_NONLOCAL) {
      if (!bound || !bound.has(name)) throw builder.error(`no binding for nonlocal '${name}' found`, b.firstSeen.get(name)!);
      sc = 'free';
    } else if (flags & DEF_BOUND) {
      sc = 'local';
      local.add(name);
      newGlobal.delete(name);
    } else if (bound && bound.has(name)) {
      sc = 'free';
    } else {
      sc = 'globalImplicit';
    }
    b.scopes.set(name, sc);
  }
  let newBound: Set<string> | null;
  if (b.kind === 'function') {
    newBound = new Set(bound ?? []);
    for (const n of local) newBound.add(n);
    for (const [n, s] of b.scopes) if (s === 'globalExplicit') newBound.delete(n);
  } else if (b.kind === 'class') {
    newBound = new Set(bound ?? []);
    newBound.add('__class__');
  } else {
    newBound = null;
  }
  const childFree = new Set<string>();
  for (const c of b.children) {
    for (const n of analyze(c, newBound, newGlobal, builder)) childFree.add(n);
  }
  if (b.kind === 'function') {
    for (const n of [...childFree]) {
      if (b.scopes.get(n) === 'local') {
        b.scopes.set(n, 'cell');
        childFree.delete(n);
      }
    }
  } else if (b.kind === 'class' && childFree.has('__class__')) {
    childFree.delete('__class__');
    b.needsClassCell = true;
  }
  // Free variables of children pass through this block (update_symbols).
  for (const n of childFree) {
    const flags = b.flags.get(n);
    if (flags !== undefined) {
      if (b.kind === 'class' && (flags & DEF_BOUND)) b.flags.set(n, flags | DEF_FREE_CLASS);
      else if (b.scopes.get(n) === 'globalImplicit' && bound && bound.has(n)) b.scopes.set(n, 'free');
      continue;
    }
    if (bound && bound.has(n)) {
      b.flags.set(n, 0);
      b.scopes.set(n, 'free');
    }
  }
  const free = new Set<string>();
  for (const [n, s] of b.scopes) if (s === 'free') free.add(n);
  b.cellvars = [...b.scopes].filter(([, s]) => s === 'cell').map(([n]) => n).sort();
  if (b.needsClassCell) b.cellvars.push('__class__');
  b.freevars = [...b.scopes].filter(([n, s]) => s === 'free' || b.hasFreeClass(n)).map(([n]) => n).sort();
  // What the parent must supply: our free variables plus pass-through class-local ones.
  for (const n of childFree) free.add(n);
  return free;
}
