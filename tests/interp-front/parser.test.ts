import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expr, Stmt } from '../../sim/interp/front/ast.js';
import { compileModule, parseModule } from '../../sim/interp/compile.js';
import { GuestSyntaxError } from '../../sim/interp/front/syntax-error.js';
import { allCode, checkCode, GUEST, listPy, readText } from './helpers.js';

/** A compact s-expression of an expression tree, to assert shapes and precedence. */
function sx(e: Expr | null): string {
  if (e === null) return '_';
  switch (e.kind) {
    case 'Constant': {
      const v = e.value;
      if (v.type === 'none') return 'None';
      if (v.type === 'ellipsis') return '...';
      if (v.type === 'bytes') return `b${v.value.length}`;
      if (v.type === 'str') return JSON.stringify(v.value);
      if (v.type === 'complex') return `${v.real}+${v.imag}j`;
      return String(v.value);
    }
    case 'Name': return e.ctx === 'load' ? e.id : `${e.id}:${e.ctx}`;
    case 'BoolOp': return `(${e.op} ${e.values.map(sx).join(' ')})`;
    case 'NamedExpr': return `(:= ${sx(e.target)} ${sx(e.value)})`;
    case 'BinOp': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'UnaryOp': return `(${e.op === '-' ? 'neg' : e.op} ${sx(e.operand)})`;
    case 'Lambda': return `(lambda ${[...e.args.posonlyargs, ...e.args.args].map((a) => a.arg).join(',')} ${sx(e.body)})`;
    case 'IfExp': return `(if ${sx(e.test)} ${sx(e.body)} ${sx(e.orelse)})`;
    case 'Dict': return `{${e.keys.map((k, i) => `${k ? sx(k) : '**'}:${sx(e.values[i]!)}`).join(' ')}}`;
    case 'Set': return `{set ${e.elts.map(sx).join(' ')}}`;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      return `(${e.kind} ${sx(e.elt)} ${e.generators.map((g) => `for ${sx(g.target)} in ${sx(g.iter)}${g.ifs.map((c) => ` if ${sx(c)}`).join('')}`).join(' ')})`;
    case 'DictComp': return `(DictComp ${sx(e.key)}:${sx(e.value)} ${e.generators.length})`;
    case 'Yield': return `(yield ${sx(e.value)})`;
    case 'YieldFrom': return `(yield-from ${sx(e.value)})`;
    case 'Compare': return `(cmp ${sx(e.left)} ${e.ops.map((o, i) => `${o} ${sx(e.comparators[i]!)}`).join(' ')})`;
    case 'Call': return `(call ${sx(e.func)}${e.args.map((a) => ' ' + sx(a)).join('')}${e.keywords.map((k) => ` ${k.arg ?? '**'}=${sx(k.value)}`).join('')})`;
    case 'FormattedValue': return `(fmt ${sx(e.value)})`;
    case 'JoinedStr': return `(f ${e.values.map(sx).join(' ')})`;
    case 'Attribute': return `(. ${sx(e.value)} ${e.attr})`;
    case 'Subscript': return `([] ${sx(e.value)} ${sx(e.slice)})`;
    case 'Starred': return `*${sx(e.value)}`;
    case 'List': return `[${e.elts.map(sx).join(' ')}]`;
    case 'Tuple': return `(tuple ${e.elts.map(sx).join(' ')})`;
    case 'Slice': return `(slice ${sx(e.lower)} ${sx(e.upper)} ${sx(e.step)})`;
    case 'Await': return `(await ${sx(e.value)})`;
    default: {
      const _never: never = e;
      return String(_never);
    }
  }
}
const ex = (src: string): string => {
  const s = parseModule(src + '\n', 't.py').body[0] as Extract<Stmt, { kind: 'Expr' }>;
  return sx(s.value);
};
const st = (src: string): Stmt => parseModule(src, 't.py').body[0]!;

describe('parser: expressions and precedence', () => {
  it('binds ** tighter than unary minus on its left, right-associative, and looser on its right', () => {
    expect(ex('-2 ** 2')).toBe('(neg (** 2 2))');
    expect(ex('2 ** -1')).toBe('(** 2 (neg 1))');
    expect(ex('2 ** 3 ** 2')).toBe('(** 2 (** 3 2))');
    expect(ex('-x ** -y ** z')).toBe('(neg (** x (neg (** y z))))');
  });
  it('follows Python operator precedence', () => {
    expect(ex('1 + 2 * 3 - 4 // 2 % 3')).toBe('(- (+ 1 (* 2 3)) (% (// 4 2) 3))');
    expect(ex('a | b ^ c & d << 1 + 2')).toBe('(| a (^ b (& c (<< d (+ 1 2)))))');
    expect(ex('not a == b and c or d')).toBe('(or (and (not (cmp a == b)) c) d)');
    expect(ex('a < b <= c is not d not in e')).toBe('(cmp a < b <= c is not d not in e)');
    expect(ex('~a.b[c](d)')).toBe('(~ (call ([] (. a b) c) d))');
    expect(ex('x if a else y if b else z')).toBe('(if a x (if b y z))');
    expect(ex('lambda a, b=1: a + b')).toBe('(lambda a,b (+ a b))');
  });
  it('parses displays, comprehensions and star-expressions', () => {
    expect(ex('[1, *a, (2,), ()]')).toBe('[1 *a (tuple 2) (tuple )]');
    expect(ex('{1: 2, **d, "k": 3}')).toBe('{1:2 **:d "k":3}');
    expect(ex('{1, 2}')).toBe('{set 1 2}');
    expect(ex('{}')).toBe('{}');
    expect(ex('[x for x in y if x if not x for z in x]')).toBe('(ListComp x for x:store in y if x if (not x) for z:store in x)');
    expect(ex('f(x for x in y)')).toBe('(call f (GeneratorExp x for x:store in y))');
    expect(ex('f(a, *b, c=1, **d)')).toBe('(call f a *b c=1 **=d)');
    expect(ex('a[1:2, ::3, :]')).toBe('([] a (tuple (slice 1 2 _) (slice _ _ 3) (slice _ _ _)))');
    expect(ex('(y := 5) + y')).toBe('(+ (:= y:store 5) y)');
    expect(ex('...')).toBe('...');
  });
  it('parses assignment targets with the right contexts', () => {
    const a = st('a, (b, *c), d.e, f[0] = g = v\n');
    if (a.kind !== 'Assign') throw new Error('not assign');
    expect(a.targets.map(sx)).toEqual(['(tuple a:store (tuple b:store *c:store) (. d e) ([] f 0))', 'g:store']);
    const aug = st('x.y **= 2\n');
    expect(aug.kind === 'AugAssign' && aug.op).toBe('**');
    const ann = st('n: int = 5\n');
    expect(ann.kind === 'AnnAssign' && sx(ann.value)).toBe('5');
  });
  it('parses every statement form', () => {
    const src = [
      'import a.b as c, d', 'from ..m import (x as y, z,)', 'from m import *', 'global g', 'del a, b[0]',
      'assert x, "m"', 'raise E from c', 'with a as b, c: pass', 'try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass',
      '@d\n@e(1)\ndef f(a, /, b=2, *c, d, **e) -> int:\n    return', '@k\nclass C(B, x=1):\n    pass', 'while x:\n    break\nelse:\n    continue',
      'for a, *b in c:\n    pass\nelse:\n    pass', 'if a: pass\nelif b: pass\nelse: pass', 'x = yield', 'nonlocal q',
    ].join('\n') + '\n';
    const kinds = parseModule(src, 't.py').body.map((s) => s.kind);
    expect(kinds).toEqual(['Import', 'ImportFrom', 'ImportFrom', 'Global', 'Delete', 'Assert', 'Raise', 'With', 'Try', 'FunctionDef', 'ClassDef', 'While', 'For', 'If', 'Assign', 'Nonlocal']);
    const imp = parseModule('from ..m import (x as y, z,)\n', 't.py').body[0]!;
    expect(imp.kind === 'ImportFrom' && [imp.level, imp.module, imp.names.map((n) => `${n.name}/${n.asname}`)]).toEqual([2, 'm', ['x/y', 'z/null']]);
    const fd = parseModule('def f(a, /, b=2, *c, d, e=3, **k): pass\n', 't.py').body[0]!;
    if (fd.kind !== 'FunctionDef') throw new Error('def');
    expect([fd.args.posonlyargs.length, fd.args.args.length, fd.args.vararg?.arg, fd.args.kwonlyargs.map((a) => a.arg), fd.args.kwDefaults.map(sx), fd.args.kwarg?.arg]).toEqual([1, 1, 'c', ['d', 'e'], ['_', '3'], 'k']);
  });
  it('parses parenthesized with-items and parenthesized context expressions', () => {
    const w = st('with (open(a) as f, open(b) as g,):\n    pass\n');
    expect(w.kind === 'With' && w.items.map((i) => `${sx(i.contextExpr)} as ${sx(i.optionalVars)}`)).toEqual(['(call open a) as f:store', '(call open b) as g:store']);
    const v = st('with (a, b) as c:\n    pass\n');
    expect(v.kind === 'With' && v.items.map((i) => `${sx(i.contextExpr)} as ${sx(i.optionalVars)}`)).toEqual(['(tuple a b) as c:store']);
    const u = st('with (a):\n    pass\n');
    expect(u.kind === 'With' && u.items.map((i) => sx(i.contextExpr))).toEqual(['a']);
  });
  it('records spans of nodes', () => {
    const s = st('x = foo(1,\n        2)\n');
    if (s.kind !== 'Assign') throw new Error('assign');
    expect([s.value.line, s.value.col, s.value.endLine, s.value.endCol]).toEqual([1, 5, 2, 11]);
  });
});

describe('parser: syntax errors against CPython goldens', () => {
  const dir = join(GUEST, 'syntax-errors');
  const cases = listPy(dir);
  it('has at least 10 cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  for (const name of cases) {
    it(`${name}: same kind, line, column and message as CPython`, () => {
      const golden = readText(join(dir, name.replace(/\.py$/, '.golden'))).trim();
      let got = 'compiled';
      try {
        compileModule(readText(join(dir, name)), name);
      } catch (e) {
        if (!(e instanceof GuestSyntaxError)) throw e;
        got = `${e.kind}|${e.line}|${e.column}|${e.msg}`;
      }
      expect(got).toBe(golden);
    });
  }
  it('formats errors like CPython', () => {
    let err: GuestSyntaxError | null = null;
    try {
      compileModule('x = 1\nif x\n    print(x)\n', 'bad.py');
    } catch (e) {
      err = e as GuestSyntaxError;
    }
    expect(err!.formatCPython()).toBe('  File "bad.py", line 2\n    if x\n        ^\nSyntaxError: expected \':\'\n');
    expect(err!.message).toBe("bad.py:2:5: SyntaxError: expected ':'");
    expect(err!.exitCode).toBe(2);
    let e2: GuestSyntaxError | null = null;
    try {
      compileModule('def f():\n    return 1\nf() = 3\n', 'bad.py');
    } catch (e) {
      e2 = e as GuestSyntaxError;
    }
    expect(e2!.formatCPython()).toBe('  File "bad.py", line 3\n    f() = 3\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant \'==\' instead of \'=\'?\n');
  });
  it('rejects unsupported syntax with a clear message naming htmsim', () => {
    const cases: [string, string][] = [
      ['print("\\N{BULLET}")\n', '\\N{...} escapes are not supported by htmsim'],
    ];
    for (const [src, msg] of cases) {
      expect(() => compileModule(src, 't.py')).toThrow(msg);
    }
    // `match` and `case` stay ordinary names elsewhere.
    expect(() => compileModule('case = 1\nmatch [case]:\n    case [case]:\n        pass\n', 't.py')).not.toThrow();
    expect(() => compileModule('match = 1\nmatch(2)\nprint(match)\n', 't.py')).not.toThrow();
  });
});

describe('parser: match statements', () => {
  it('lowers a match to one subject assignment and an if-chain over hidden temporaries', () => {
    const body = parseModule('match p:\n    case [x, 1]:\n        a()\n    case {"k": y} if y:\n        b()\n    case _:\n        c()\n', 't.py').body;
    expect(body.map((s) => s.kind)).toEqual(['Assign', 'If']);
    const first = body[0]!;
    if (first.kind !== 'Assign' || first.targets[0]!.kind !== 'Name') throw new Error('assign');
    expect(first.targets[0]!.id.startsWith('.')).toBe(true);
    const chain = body[1]!;
    if (chain.kind !== 'If') throw new Error('if');
    const second = chain.orelse[0]!;
    expect(second.kind).toBe('If');
    // The wildcard case is the final else.
    if (second.kind !== 'If') throw new Error('if');
    expect(second.orelse.map((s) => s.kind)).toEqual(['Expr']);
    expect([chain.line, second.line]).toEqual([2, 4]);
  });
  it('keeps every lowered match structurally sound', () => {
    const co = compileModule('def f(v):\n    match v:\n        case Point(x=0, y=y) | Point(x=y, y=0):\n            return y\n        case [a, *rest] if rest:\n            return a\n        case {"k": str() as s, **kw}:\n            return s, kw\n    return None\n', 't.py');
    for (const c of allCode(co)) expect(checkCode(c)).toEqual([]);
  });
});
