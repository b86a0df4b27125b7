import { describe, expect, it } from 'vitest';
import { scan } from '../../sim/interp/front/scanner.js';
import { parseModule } from '../../sim/interp/compile.js';
import { parseNumber } from '../../sim/interp/front/parse-literals.js';
import { GuestSyntaxError } from '../../sim/interp/front/syntax-error.js';
import type { Expr, Stmt } from '../../sim/interp/front/ast.js';

const kinds = (src: string): string =>
  scan(src, 't.py').map((t) => (t.kind === 'NAME' || t.kind === 'OP' || t.kind === 'NUMBER' ? t.text : t.kind)).join(' ');

/** The value of the single expression statement in `src`. */
const exprOf = (src: string): Expr => {
  const s = parseModule(src, 't.py').body[0] as Extract<Stmt, { kind: 'Expr' }>;
  return s.value;
};
const strOf = (src: string): string => {
  const e = exprOf(src);
  if (e.kind !== 'Constant' || e.value.type !== 'str') throw new Error('not a str constant');
  return e.value.value;
};
const errOf = (src: string): GuestSyntaxError => {
  try {
    parseModule(src, 't.py');
  } catch (e) {
    if (e instanceof GuestSyntaxError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('scanner: line structure', () => {
  it('emits INDENT/DEDENT from an indentation stack and skips blank and comment lines', () => {
    expect(kinds('if a:\n    b\n\n    # c\n        \n    d\ne\n')).toBe(
      'if a : NEWLINE INDENT b NEWLINE d NEWLINE DEDENT e NEWLINE ENDMARKER',
    );
    expect(kinds('def f():\n  if x:\n      y\nz')).toBe(
      'def f ( ) : NEWLINE INDENT if x : NEWLINE INDENT y NEWLINE DEDENT DEDENT z NEWLINE ENDMARKER',
    );
  });
  it('treats a tab as moving to the next multiple of 8, and rejects inconsistent mixes', () => {
    expect(kinds('if a:\n\tif b:\n\t\tc\n\td\n')).toBe('if a : NEWLINE INDENT if b : NEWLINE INDENT c NEWLINE DEDENT d NEWLINE DEDENT ENDMARKER');
    // CPython accepts tab == 8 spaces only when also consistent with tab size 1: this mix is not.
    const e = errOf('if a:\n\tb = 1\n        c = 2\n');
    expect(e.kind).toBe('TabError');
  });
  it('joins lines inside brackets and after a backslash', () => {
    expect(kinds('x = [1,\n  2]\ny = 1 + \\\n  2\n')).toBe('x = [ 1 , 2 ] NEWLINE y = 1 + 2 NEWLINE ENDMARKER');
  });
  it('closes the last line and all open blocks at end of file without a newline', () => {
    expect(kinds('while x:\n    while y:\n        z')).toBe(
      'while x : NEWLINE INDENT while y : NEWLINE INDENT z NEWLINE DEDENT DEDENT ENDMARKER',
    );
  });
  it('scans operators greedily', () => {
    expect(kinds('a **= b // c >>= d -> e := f ... != g')).toBe('a **= b // c >>= d -> e := f ... != g NEWLINE ENDMARKER');
  });
  it('reports positions 1-based', () => {
    const t = scan('x = 1\n  # c\nfoo(bar)\n', 't.py').find((k) => k.text === 'bar')!;
    expect([t.line, t.col, t.endLine, t.endCol]).toEqual([3, 5, 3, 8]);
  });
});

describe('scanner: numbers', () => {
  it('parses decimal, hex, octal, binary with underscores, floats and exponents', () => {
    expect(parseNumber('1_000_000')).toEqual({ type: 'int', value: 1000000 });
    expect(parseNumber('0xff')).toEqual({ type: 'int', value: 255 });
    expect(parseNumber('0o17')).toEqual({ type: 'int', value: 15 });
    expect(parseNumber('0b1010_1010')).toEqual({ type: 'int', value: 170 });
    expect(parseNumber('1_000.5')).toEqual({ type: 'float', value: 1000.5 });
    expect(parseNumber('.5')).toEqual({ type: 'float', value: 0.5 });
    expect(parseNumber('5.')).toEqual({ type: 'float', value: 5 });
    expect(parseNumber('1e-5')).toEqual({ type: 'float', value: 1e-5 });
    expect(parseNumber('2.5E+3')).toEqual({ type: 'float', value: 2500 });
    expect(parseNumber('00')).toEqual({ type: 'int', value: 0 });
  });
  it('keeps integers beyond 2**53 exact as bigint', () => {
    expect(parseNumber('9007199254740993')).toEqual({ type: 'int', value: 9007199254740993n });
    expect(parseNumber('9007199254740991')).toEqual({ type: 'int', value: 9007199254740991 });
    expect(parseNumber('0xFFFFFFFFFFFFFFFFFF')).toEqual({ type: 'int', value: 0xffffffffffffffffffn });
  });
  it('scans a number followed by an attribute dot correctly', () => {
    expect(kinds('1 .real + 1.5.x')).toBe('1 . real + 1.5 . x NEWLINE ENDMARKER');
  });
  it('rejects malformed numbers with CPython messages', () => {
    expect(errOf('x = 1abc\n').msg).toBe('invalid decimal literal');
    expect(errOf('x = 0123\n').msg).toMatch(/^leading zeros in decimal integer literals/);
    expect(errOf('x = 0x\n').msg).toBe('invalid hexadecimal literal');
    expect(errOf('x = 1jx\n').msg).toBe('invalid imaginary literal');
    expect(errOf('x = 0x1j\n').msg).toBe('invalid hexadecimal literal');
    expect(errOf('x = 0b1j\n').msg).toBe('invalid binary literal');
  });
  it('scans imaginary literals (a decimal int or float with j), leading zeros allowed', () => {
    expect(kinds('2j + 1.5J - 1e3j * 1_0j / 01j + .5j')).toBe('2j + 1.5J - 1e3j * 1_0j / 01j + .5j NEWLINE ENDMARKER');
    expect(kinds('1jif x else y')).toBe('1j if x else y NEWLINE ENDMARKER');
  });
});

describe('scanner: strings', () => {
  it('decodes escapes in every quote style', () => {
    expect(strOf(`'a\\'b'`)).toBe("a'b");
    expect(strOf(`"tab\\tnl\\n\\\\"`)).toBe('tab\tnl\n\\');
    expect(strOf(`'''x\ny'''`)).toBe('x\ny');
    expect(strOf(`"""a"b""c"""`)).toBe('a"b""c');
    expect(strOf(`'\\x41\\u00e9\\U0001F600\\101\\0'`)).toBe('A\u00e9\u{1F600}A\0');
    expect(strOf(`'keep \\d unknown'`)).toBe('keep \\d unknown');
    expect(strOf(`'line\\\ncontinued'`)).toBe('linecontinued');
  });
  it('handles raw strings, all prefix cases, and adjacent concatenation', () => {
    expect(strOf(`r'\\n' R"\\t" u'u' U"U"`)).toBe('\\n\\tuU');
    expect(strOf(`'a' "b" '''c'''`)).toBe('abc');
    const b = exprOf(`rb'\\x' Br"y" b'\\x41'`);
    expect(b.kind === 'Constant' && b.value.type === 'bytes' && Array.from(b.value.value)).toEqual([92, 120, 121, 65]);
  });
  it('reports unterminated strings where CPython does', () => {
    const e = errOf('x = 1\ns = "abc\n');
    expect([e.msg, e.line, e.column]).toEqual(['unterminated string literal (detected at line 2)', 2, 5]);
    const t = errOf("x = '''abc\n\ny\n");
    expect([t.msg, t.line, t.column]).toEqual(['unterminated triple-quoted string literal (detected at line 3)', 1, 5]);
  });
  it('rejects \\N{...} escapes clearly', () => {
    expect(errOf(`x = '\\N{BULLET}'\n`).msg).toBe('\\N{...} escapes are not supported by htmsim');
  });
});

describe('scanner: f-strings', () => {
  const joined = (src: string): Expr[] => {
    const e = exprOf(src);
    if (e.kind !== 'JoinedStr') throw new Error('not an f-string');
    return e.values;
  };
  it('splits literal text and replacement fields, with {{ }} escapes', () => {
    const v = joined(`f"a{x}b{{c}}{y!r}"`);
    expect(v.map((p) => p.kind)).toEqual(['Constant', 'FormattedValue', 'Constant', 'FormattedValue']);
    expect(v[2]!.kind === 'Constant' && v[2]!.value).toEqual({ type: 'str', value: 'b{c}' });
    expect(v[3]!.kind === 'FormattedValue' && v[3]!.conversion).toBe('r'.charCodeAt(0));
  });
  it('parses format specs with nested fields', () => {
    const v = joined(`f"{x:>{w}.{p}f}"`);
    const fv = v[0]!;
    if (fv.kind !== 'FormattedValue' || !fv.formatSpec || fv.formatSpec.kind !== 'JoinedStr') throw new Error('spec');
    expect(fv.formatSpec.values.map((p) => (p.kind === 'Constant' ? `'${(p.value as { value: string }).value}'` : p.kind))).toEqual([
      "'>'", 'FormattedValue', "'.'", 'FormattedValue', "'f'",
    ]);
  });
  it('expands the self-documenting = form to text plus repr (or format when a spec is given)', () => {
    const v = joined(`f"{a + b = }"`);
    expect(v[0]!.kind === 'Constant' && v[0]!.value).toEqual({ type: 'str', value: 'a + b = ' });
    expect(v[1]!.kind === 'FormattedValue' && v[1]!.conversion).toBe('r'.charCodeAt(0));
    const w = joined(`f"{x=:.2f}"`);
    expect(w[1]!.kind === 'FormattedValue' && w[1]!.conversion).toBe(-1);
  });
  it('allows nested quotes, comparisons and dict displays inside fields', () => {
    const v = joined(`f"{d['k']} {a != b} {x == y} {({1: 2})[1]} {'s'!s:>3}"`);
    expect(v.filter((p) => p.kind === 'FormattedValue')).toHaveLength(5);
  });
  it('merges f-strings with adjacent plain literals', () => {
    const v = joined(`"a" f"b{x}" 'c'`);
    expect(v.map((p) => (p.kind === 'Constant' ? (p.value as { value: string }).value : 'X'))).toEqual(['ab', 'X', 'c']);
  });
  it('reports f-string errors with CPython messages', () => {
    expect(errOf(`f"{}"\n`).msg).toBe('f-string: empty expression not allowed');
    expect(errOf(`f"{x!z}"\n`).msg).toBe("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    expect(errOf(`f"{x"\n`).msg).toBe("f-string: expecting '}'");
    expect(errOf(`f"}"\n`).msg).toBe("f-string: single '}' is not allowed");
  });
});
