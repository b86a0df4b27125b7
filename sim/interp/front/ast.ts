/**
 * The guest-language syntax tree (a subset of CPython's `ast` module, same node names and fields
 * where they exist). Every node carries its source span: 1-based line/column, exclusive end.
 */

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type ExprContext = 'load' | 'store' | 'del';

export type BinOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type UnaryOperator = '-' | '+' | 'not' | '~';
export type CmpOperator = '<' | '<=' | '==' | '!=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

export type Constant =
  | { type: 'none' }
  | { type: 'ellipsis' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: number | bigint }
  | { type: 'float'; value: number }
  /** An imaginary literal (`2j`: real 0), or `-2j` folded (real -0.0). */
  | { type: 'complex'; real: number; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array };

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  /** `async for` clause (an asynchronous comprehension). */
  isAsync?: boolean;
}

export interface Keyword extends Span {
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}

export type Expr = Span & (
  | { kind: 'Constant'; value: Constant }
  | { kind: 'Name'; id: string; ctx: ExprContext }
  | { kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
  | { kind: 'NamedExpr'; target: Expr; value: Expr }
  | { kind: 'BinOp'; left: Expr; op: BinOperator; right: Expr }
  | { kind: 'UnaryOp'; op: UnaryOperator; operand: Expr }
  | { kind: 'Lambda'; args: Arguments; body: Expr }
  | { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
  | { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
  | { kind: 'Set'; elts: Expr[] }
  | { kind: 'ListComp'; elt: Expr; generators: Comprehension[] }
  | { kind: 'SetComp'; elt: Expr; generators: Comprehension[] }
  | { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
  | { kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
  | { kind: 'Yield'; value: Expr | null }
  | { kind: 'YieldFrom'; value: Expr }
  | { kind: 'Await'; value: Expr }
  | { kind: 'Compare'; left: Expr; ops: CmpOperator[]; comparators: Expr[] }
  | { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
  /** conversion: -1 none, or the char code of 's', 'r', 'a' (as CPython). */
  | { kind: 'FormattedValue'; value: Expr; conversion: number; formatSpec: Expr | null }
  | { kind: 'JoinedStr'; values: Expr[] }
  | { kind: 'Attribute'; value: Expr; attr: string; ctx: ExprContext }
  | { kind: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext }
  | { kind: 'Starred'; value: Expr; ctx: ExprContext }
  | { kind: 'List'; elts: Expr[]; ctx: ExprContext }
  | { kind: 'Tuple'; elts: Expr[]; ctx: ExprContext }
  | { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
);

export interface Arg extends Span {
  arg: string;
  /** The parameter's annotation (`def f(x: int)`), null without one. */
  annotation: Expr | null;
}

export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonly arg; null when it has no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last len(defaults) positional parameters. */
  defaults: Expr[];
}

export interface ExceptHandler extends Span {
  /** `except*` (PEP 654): every handler of one `try` is starred or none is. */
  star: boolean;
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface WithItem {
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface Alias extends Span {
  name: string;
  asname: string | null;
}

export type Stmt = Span & (
  | { kind: 'FunctionDef'; name: string; args: Arguments; body: Stmt[]; decorators: Expr[]; returns: Expr | null; isAsync: boolean }
  | { kind: 'ClassDef'; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] }
  | { kind: 'Return'; value: Expr | null }
  | { kind: 'Delete'; targets: Expr[] }
  | { kind: 'Assign'; targets: Expr[]; value: Expr }
  | { kind: 'AugAssign'; target: Expr; op: BinOperator; value: Expr }
  | { kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null; simple: boolean }
  | { kind: 'For'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; isAsync?: boolean }
  | { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { kind: 'With'; items: WithItem[]; body: Stmt[]; isAsync?: boolean }
  | { kind: 'Raise'; exc: Expr | null; cause: Expr | null }
  | { kind: 'Try'; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[] }
  | { kind: 'Assert'; test: Expr; msg: Expr | null }
  | { kind: 'Import'; names: Alias[] }
  | { kind: 'ImportFrom'; module: string | null; names: Alias[]; level: number }
  | { kind: 'Global'; names: string[] }
  | { kind: 'Nonlocal'; names: string[] }
  | { kind: 'Expr'; value: Expr }
  | { kind: 'Pass' }
  | { kind: 'Break' }
  | { kind: 'Continue' }
);

export interface Module {
  body: Stmt[];
}

/** `from __future__ import annotations` among the module's leading statements (PEP 563). */
export function hasFutureAnnotations(m: Module): boolean {
  for (const [i, s] of m.body.entries()) {
    if (i === 0 && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str') continue;
    if (s.kind !== 'ImportFrom' || s.module !== '__future__') return false;
    if (s.names.some((a) => a.name === 'annotations')) return true;
  }
  return false;
}

export type ExprKind = Expr['kind'];
export type StmtKind = Stmt['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;
export type StmtOf<K extends StmtKind> = Extract<Stmt, { kind: K }>;

/** CPython's names for expression kinds in "cannot assign to ..." messages. */
export function exprDescription(e: Expr): string {
  switch (e.kind) {
    case 'Constant':
      if (e.value.type === 'none') return 'None';
      if (e.value.type === 'bool') return e.value.value ? 'True' : 'False';
      if (e.value.type === 'ellipsis') return 'ellipsis';
      return 'literal';
    case 'Name': return 'name';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'NamedExpr': return 'named expression';
    case 'Lambda': return 'lambda';
    case 'IfExp': return 'conditional expression';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'Compare': return 'comparison';
    case 'Call': return 'function call';
    case 'FormattedValue': case 'JoinedStr': return 'f-string expression';
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Slice': return 'slice';
    default: {
      const _never: never = e;
      return String(_never);
    }
  }
}
