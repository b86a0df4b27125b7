// Issue 20: guest sizes and chains that would overflow a host limit end as guest exceptions
// (CPython's MemoryError, a printed chain), never as a host RangeError.
import { describe, expect, it } from 'vitest';
import { decodeSource, GuestSyntaxError } from '../../sim/interp/front/syntax-error.js';
import { MAX_NESTED_RUNS } from '../../sim/interp/vm/calls.js';
import { runSource } from './helpers.js';

const lastLine = (s: string): string => s.trimEnd().split('\n').at(-1)!;

describe('the simulated heap limit (interp.maxHeapBytes) bounds live memory, not what was ever allocated', () => {
  const grow = 'a = []\ntry:\n    while True:\n        a.append([0] * 10)\nexcept MemoryError:\n    n = len(a)\n    a = None\n    print("MemoryError after", n > 1000)\nprint("goes on", len([0] * 100))\n';
  for (const refcount of ['cpython', 'biased'] as const) {
    it(`a guest that keeps allocating gets MemoryError, catchable (${refcount})`, () => {
      const r = runSource(grow, { config: { refcount, maxHeapBytes: 4 << 20 } });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('MemoryError after True\ngoes on 100\n');
    });
    it(`a guest that drops what it allocates runs far past the limit in total (${refcount})`, () => {
      // 40,000 lists of 10 items, 136+ bytes each (over 5 MiB in all), with a 1 MiB heap.
      const r = runSource('t = 0\nfor i in range(40000):\n    x = [i] * 10\n    t += x[9]\nprint(t)\n', { config: { refcount, maxHeapBytes: 1 << 20 } });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('799980000\n');
    });
  }
});

describe('guest sizes past the simulated object limit raise MemoryError', () => {
  const cases = [
    's = "x"\nwhile True:\n    s += s\n',
    "print(len('%*d' % (10**9, 1)))\n",
    'print(len(f"{1:>1000000000}"))\n',
    'print(len("x".ljust(10**10)))\n',
    'print(len(bytearray(10**10)))\n',
    'print(len(b"x" * 10**10))\n',
    'print(len((1).to_bytes(10**10, "big")))\n',
    'print(10**10**10)\n',
    'print(len(list(range(10**9))))\n',
    'def g():\n    while True:\n        yield 1\nprint(len(list(g())))\n',
  ];
  for (const src of cases) {
    it(JSON.stringify(src), () => {
      const r = runSource(src, { config: { maxObjectBytes: 1 << 20 } });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n/);
      expect(lastLine(r.stderr)).toBe('MemoryError');
    });
  }
  it('the MemoryError is catchable and the program goes on', () => {
    const r = runSource('try:\n    x = [0] * 10**6\nexcept MemoryError as e:\n    print("caught", repr(e))\nprint(len([0] * 1000))\n', { config: { maxObjectBytes: 1 << 16 } });
    expect(r.stdout).toBe('caught MemoryError()\n1000\n');
    expect(r.exitCode).toBe(0);
  });
  it('a program under the limit is unaffected', () => {
    const r = runSource('print(len(list(range(10**5))), len("x" * 10**6))\n');
    expect(r.stdout).toBe('100000 1000000\n');
  });
});

describe('exception chains are formatted without the host stack', () => {
  it('a cyclic __cause__ chain is cut where it comes back (python3 3.11 output)', () => {
    const r = runSource('a = ValueError("a")\nb = ValueError("b")\na.__cause__ = b\nb.__cause__ = a\nraise a\n', { filename: 'c.py' });
    expect(r.stderr).toBe('ValueError: b\n\nThe above exception was the direct cause of the following exception:\n\n'
      + 'Traceback (most recent call last):\n  File "c.py", line 5, in <module>\n    raise a\nValueError: a\n');
    expect(r.exitCode).toBe(1);
  });
  it('a 20,000-long __context__ chain (past the host stack) is printed whole', () => {
    const src = 'e = None\nfor i in range(20000):\n    try:\n        raise ValueError(i)\n    except ValueError as x:\n'
      + '        if e is not None:\n            x.__context__ = e\n        e = x\nraise e\n';
    const r = runSource(src);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('During handling of the above exception').length).toBe(20000);
    expect(r.stderr.startsWith('Traceback (most recent call last):')).toBe(true);
    expect(lastLine(r.stderr)).toBe('ValueError: 19999');
  });
});

describe('program files that are not UTF-8', () => {
  const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
  it('without a coding declaration: CPython\'s SyntaxError, no position lines (python3 3.11 wording)', () => {
    let err: unknown;
    try {
      decodeSource(bytes('print(1)\n# caf\xe9\n'), 'p.py');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuestSyntaxError);
    expect((err as GuestSyntaxError).formatCPython()).toBe("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file p.py on line 2, "
      + 'but no encoding declared; see https://peps.python.org/pep-0263/ for details\n');
  });
  it('well-formed UTF-8 and a declared latin-1 decode', () => {
    expect(decodeSource(bytes('x = "\xc3\xa9"\n'), 'p.py')).toBe('x = "é"\n');
    expect(decodeSource(bytes('# -*- coding: latin-1 -*-\nx = "\xe9"\n'), 'p.py')).toBe('# -*- coding: latin-1 -*-\nx = "é"\n');
  });
  it('an overlong or surrogate sequence is not UTF-8', () => {
    expect(() => decodeSource(bytes('x = "\xc0\x80"\n'), 'p.py')).toThrow(/starting with '\\xc0'/);
    expect(() => decodeSource(bytes('x = "\xed\xa0\x80"\n'), 'p.py')).toThrow(/starting with '\\xed'/);
  });
});

describe('guest code nested in host code has a fixed depth; yield from is not nested', () => {
  const chain = (d: number, limit: string): string => `import sys\nsys.setrecursionlimit(${limit})\ndef g(n):\n    if n == 0:\n        yield 1\n`
    + `    else:\n        yield from g(n - 1)\ntry:\n    print(list(g(${d})))\nexcept RecursionError as e:\n    print("RecursionError:", e)\n`;
  it(`a yield from chain far past MAX_NESTED_RUNS (${MAX_NESTED_RUNS}) runs under a high recursion limit, as in CPython`, () => {
    expect(runSource(chain(12000, '10**5')).stdout).toBe('[1]\n');
  });
  it('a chain past the recursion limit is RecursionError with CPython\'s wording', () => {
    expect(runSource(chain(3000, '2000')).stdout).toBe('RecursionError: maximum recursion depth exceeded\n');
  });
  it('guest code a builtin calls back nests host loops: past MAX_NESTED_RUNS it is RecursionError', () => {
    const src = 'import sys\nsys.setrecursionlimit(10**5)\nclass A:\n    def __init__(self, n):\n        self.s = sorted([1, 2], key=lambda x: A(n - 1) if n else x)\n'
      + 'try:\n    A(5000)\nexcept RecursionError as e:\n    print("RecursionError:", e)\n';
    expect(runSource(src).stdout).toBe('RecursionError: maximum recursion depth exceeded\n');
  });
});
