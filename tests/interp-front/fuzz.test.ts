import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../sim/interp/compile.js';
import { GuestSyntaxError } from '../../sim/interp/front/syntax-error.js';
import { allCode, checkCode, GUEST, listPy, readText } from './helpers.js';

/** mulberry32: a tiny seeded PRNG, so every run fuzzes the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = [
  'def', 'class', 'if', 'elif', 'else', 'while', 'for', 'in', 'try', 'except', 'finally', 'with', 'as', 'return',
  'yield', 'from', 'lambda', 'global', 'nonlocal', 'del', 'pass', 'break', 'continue', 'raise', 'import', 'assert',
  'and', 'or', 'not', 'is', 'None', 'True', 'x', 'y', 'f', '0', '1.5', '0x1f', '"s"', "f'{x}'", "f'{", 'b"b"',
  '(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '=', '==', '+', '-', '*', '**', '/', '//', '%', '@', '<', '>',
  '!=', ':=', '->', '...', '\\', '#', '\n', '\n    ', '\n\t', '    ', "'''", '"', 'async', 'await', 'match', 'case', '|', '_', '**',
];

/** Only GuestSyntaxError may escape; a successful compile must be structurally sound. */
function survive(src: string): 'ok' | 'syntax' {
  try {
    const co = compileModule(src, 'fuzz.py');
    const errs = allCode(co).flatMap(checkCode);
    if (errs.length > 0) throw new Error(`unsound code for ${JSON.stringify(src)}: ${errs[0]}`);
    return 'ok';
  } catch (e) {
    if (e instanceof GuestSyntaxError) {
      if (!(e.line >= 1 && e.column >= 1)) throw new Error(`bad position for ${JSON.stringify(src)}: ${e.message}`);
      return 'syntax';
    }
    throw new Error(`host error for input ${JSON.stringify(src)}: ${(e as Error).stack}`);
  }
}

describe('fuzz: the front end never crashes the host', () => {
  it('random token soup yields code or a GuestSyntaxError', () => {
    const r = rng(1234);
    const seen = { ok: 0, syntax: 0 };
    for (let n = 0; n < 3000; n++) {
      const len = 1 + Math.floor(r() * 14);
      let src = '';
      for (let k = 0; k < len; k++) src += VOCAB[Math.floor(r() * VOCAB.length)]! + (r() < 0.7 ? ' ' : '');
      seen[survive(src)]++;
    }
    expect(seen.syntax).toBeGreaterThan(1000);
  });
  it('mutated corpus programs yield code or a GuestSyntaxError', () => {
    const r = rng(99);
    const progs = listPy(join(GUEST, 'programs')).map((p) => readText(join(GUEST, 'programs', p)));
    const seen = { ok: 0, syntax: 0 };
    const CHARS = '()[]{}:,.=+-*\'"\\\n\t #fx0_';
    for (let n = 0; n < 600; n++) {
      let src = progs[Math.floor(r() * progs.length)]!;
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(r() * src.length);
        const what = r();
        if (what < 0.4) src = src.slice(0, at) + src.slice(at + 1);
        else if (what < 0.8) src = src.slice(0, at) + CHARS[Math.floor(r() * CHARS.length)] + src.slice(at);
        else src = src.slice(0, at) + src.slice(at, at + 20) + src.slice(at);
      }
      seen[survive(src)]++;
    }
    // Mutations both keep programs valid and break them; both paths must have been exercised.
    expect(seen.ok).toBeGreaterThan(30);
    expect(seen.syntax).toBeGreaterThan(100);
  });
  it('mutated match statements yield code or a GuestSyntaxError', () => {
    // Patterns have their own grammar and a lowering pass: fuzz them on their own.
    const r = rng(7);
    const progs = listPy(join(GUEST, 'programs')).filter((p) => p.startsWith('syntax-match')).map((p) => readText(join(GUEST, 'programs', p)));
    const cases = progs.flatMap((src) => src.split('\n').filter((l) => /^\s*case /.test(l)).map((l) => l.trim()));
    const PIECES = ['[', ']', '(', ')', '{', '}', '*', '**', '|', ',', ':', '=', 'as', '_', 'x', '1', '"k"', 'None', 'P.Q', 'if'];
    const seen = { ok: 0, syntax: 0 };
    for (let n = 0; n < 800; n++) {
      let pat = cases[Math.floor(r() * cases.length)]!;
      const edits = 1 + Math.floor(r() * 3);
      for (let k = 0; k < edits; k++) {
        const at = 5 + Math.floor(r() * (pat.length - 5));
        pat = r() < 0.5 ? pat.slice(0, at) + pat.slice(at + 1) : pat.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + pat.slice(at);
      }
      seen[survive(`def f(v, P):\n    match v:\n        ${pat}\n            return 1\n        case _:\n            return 2\n`)]++;
    }
    expect(seen.ok).toBeGreaterThan(50);
    expect(seen.syntax).toBeGreaterThan(100);
  });
  it('survives pathological inputs', () => {
    const inputs = ['', '\n', '\\', '\\\n', '(' .repeat(200), ')', 'x = "', "f'{'", "f'{x:{y:{z}}}'", '\t\tx', ' \n x', '\0', 'x = 1\r\ny = 2\r', '\ufeffx = 1', 'if 1:\n', '@\n', 'def', 'lambda', 'x' + '.x'.repeat(500),
      '(' .repeat(300) + ')'.repeat(300), '-'.repeat(200000) + '1', 'x = ' + Array(200000).fill('a').join(' + '), 'not '.repeat(100000) + 'x',
      'def f():\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i + 1) + 'if x:\n').join('') + ' '.repeat(301) + 'pass\n'];
    for (const src of inputs) expect(['ok', 'syntax']).toContain(survive(src));
  });
});
