import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../sim/interp/compile.js';
import { CodeFlag, type CodeObject } from '../../sim/interp/chunk.js';
import { disassemble } from '../../sim/interp/front/disassembler.js';
import { Op, OP_NAMES } from '../../sim/interp/opcodes.js';
import { allCode, checkCode, GUEST, listPy, readText, ROOT } from './helpers.js';

const ops = (co: CodeObject): string[] => {
  const out: string[] = [];
  for (let i = 0; i < co.code.length >> 1; i++) out.push(OP_NAMES[co.code[2 * i]!]!);
  return out;
};
const fn = (co: CodeObject, name: string): CodeObject => {
  const hit = allCode(co).find((c) => c.name === name);
  if (!hit) throw new Error(`no code object ${name}`);
  return hit;
};

describe('compiler: corpus', () => {
  const programs = listPy(join(GUEST, 'programs'));
  it('has at least 70 guest programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(70);
  });
  for (const name of programs) {
    it(`compiles ${name} into structurally sound code`, () => {
      const co = compileModule(readText(join(GUEST, 'programs', name)), name);
      const errs = allCode(co).flatMap(checkCode);
      expect(errs).toEqual([]);
    });
  }
  it('compiles every workload program', () => {
    const dir = join(ROOT, 'workloads');
    for (const name of listPy(dir)) {
      const co = compileModule(readText(join(dir, name)), name);
      expect(allCode(co).flatMap(checkCode)).toEqual([]);
    }
  });
  it('is deterministic: two compilations disassemble identically', () => {
    const src = readText(join(GUEST, 'programs', '037-mini-interpreter.py'));
    expect(disassemble(compileModule(src, 'x.py'))).toBe(disassemble(compileModule(src, 'x.py')));
  });
});

describe('compiler: loops', () => {
  it('every loop closes with JUMP_BACKWARD and no conditional jump goes backwards', () => {
    const co = compileModule('i = 0\nwhile i < 3:\n    i += 1\nfor j in range(2):\n    pass\nxs = [k for k in range(3) for m in range(k)]\n', 't.py');
    const mod = ops(co);
    expect(mod.filter((o) => o === 'JUMP_BACKWARD')).toHaveLength(2);
    const comp = fn(co, '<listcomp>');
    expect(ops(comp).filter((o) => o === 'JUMP_BACKWARD')).toHaveLength(2);
    expect(ops(comp).filter((o) => o === 'FOR_ITER')).toHaveLength(2);
    for (const c of allCode(co)) expect(checkCode(c)).toEqual([]);
  });
  it('the while loop tests at the top and jumps back to the test', () => {
    const co = compileModule('def f(n):\n    while n:\n        n -= 1\n    return n\n', 't.py');
    expect(disassemble(fn(co, 'f'))).toBe(
      [
        '   1        0 RESUME                     0',
        '',
        '   2  >>    1 LOAD_FAST                  0 (n)',
        '            2 POP_JUMP_IF_FALSE          8 (to 8)',
        '',
        '   3        3 LOAD_FAST                  0 (n)',
        '            4 LOAD_CONST                 1 (1)',
        '            5 BINARY_OP                 23 (-=)',
        '            6 STORE_FAST                 0 (n)',
        '',
        '   2        7 JUMP_BACKWARD              1 (to 1)',
        '',
        '   4  >>    8 LOAD_FAST                  0 (n)',
        '            9 RETURN_VALUE',
        '',
      ].join('\n'),
    );
  });
  it('break out of a for loop pops the iterator first', () => {
    const co = compileModule('def f(xs):\n    for x in xs:\n        if x:\n            break\n    return 0\n', 't.py');
    const o = ops(fn(co, 'f'));
    const brk = o.indexOf('POP_JUMP_IF_FALSE');
    expect(o.slice(brk + 1, brk + 3)).toEqual(['POP_TOP', 'JUMP_FORWARD']);
  });
});

describe('compiler: calls and functions', () => {
  it('uses PUSH_NULL for plain calls, LOAD_METHOD for method calls, CALL_KW with a names tuple', () => {
    const co = compileModule('def f(a, o):\n    g(a, b=1)\n    o.m(a)\n', 't.py');
    expect(disassemble(fn(co, 'f'))).toBe(
      [
        '   1        0 RESUME                     0',
        '',
        '   2        1 PUSH_NULL',
        '            2 LOAD_GLOBAL                0 (g)',
        '            3 LOAD_FAST                  0 (a)',
        '            4 LOAD_CONST                 1 (1)',
        "            5 LOAD_CONST                 2 (('b',))",
        '            6 CALL_KW                    2',
        '            7 POP_TOP',
        '',
        '   3        8 LOAD_FAST                  1 (o)',
        '            9 LOAD_METHOD                1 (m)',
        '           10 LOAD_FAST                  0 (a)',
        '           11 CALL                       1',
        '           12 POP_TOP',
        '           13 LOAD_CONST                 0 (None)',
        '           14 RETURN_VALUE',
        '',
      ].join('\n'),
    );
  });
  it('builds a real args tuple and kwargs dict for CALL_FUNCTION_EX', () => {
    const o = ops(compileModule('f(1, *a, k=2, **kw)\n', 't.py'));
    expect(o).toEqual([
      'RESUME', 'PUSH_NULL', 'LOAD_NAME', 'BUILD_LIST', 'LOAD_CONST', 'LIST_APPEND', 'LOAD_NAME', 'LIST_EXTEND',
      'LIST_TO_TUPLE', 'BUILD_MAP', 'LOAD_CONST', 'LOAD_CONST', 'BUILD_MAP', 'DICT_MERGE', 'LOAD_NAME', 'DICT_MERGE',
      'CALL_FUNCTION_EX', 'POP_TOP', 'LOAD_CONST', 'RETURN_VALUE',
    ]);
  });
  it('records argument counts, flags and varnames in CPython order', () => {
    const co = fn(compileModule('def f(a, b, /, c, d=1, *args, e, f=2, **kw):\n    x = 1\n', 't.py'), 'f');
    expect([co.argcount, co.posonlyargcount, co.kwonlyargcount]).toEqual([4, 2, 2]);
    expect(co.varnames).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'args', 'kw', 'x']);
    expect(co.flags & (CodeFlag.VARARGS | CodeFlag.VARKEYWORDS | CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS)).toBe(0xf);
    expect(co.consts[0]).toEqual({ kind: 'none' });
  });
  it('passes defaults as a const tuple and kw-only defaults as a dict', () => {
    const o = ops(compileModule('def f(a=1, b=2, *, c=3):\n    pass\n', 't.py'));
    expect(o.slice(1, 7)).toEqual(['LOAD_CONST', 'LOAD_CONST', 'LOAD_CONST', 'BUILD_MAP', 'LOAD_CONST', 'MAKE_FUNCTION']);
    const co = compileModule('def f(a=1, b=2, *, c=3):\n    pass\n', 't.py');
    expect(co.code[2 * 6 + 1]).toBe(3);
  });
});

describe('compiler: scopes', () => {
  it('makes cells, free variables and closures (MAKE_FUNCTION 8)', () => {
    const src = 'def outer(n):\n    total = 0\n    def inner():\n        nonlocal total\n        total += n\n        return total\n    return inner\n';
    const co = compileModule(src, 't.py');
    const outer = fn(co, 'outer');
    const inner = fn(co, 'inner');
    expect(outer.cellvars).toEqual(['n', 'total']);
    expect(Array.from(outer.cell2arg)).toEqual([0, -1]);
    expect(inner.freevars).toEqual(['n', 'total']);
    expect(inner.qualname).toBe('outer.<locals>.inner');
    expect(inner.flags & CodeFlag.NESTED).toBe(CodeFlag.NESTED);
    const o = ops(outer);
    const mk = o.indexOf('MAKE_FUNCTION');
    expect(o.slice(mk - 4, mk + 1)).toEqual(['LOAD_CLOSURE', 'LOAD_CLOSURE', 'BUILD_TUPLE', 'LOAD_CONST', 'MAKE_FUNCTION']);
    expect(outer.code[2 * mk + 1]).toBe(8);
    expect(ops(inner)).toContain('STORE_DEREF');
    expect(ops(inner)).not.toContain('STORE_FAST');
  });
  it('resolves global, local and builtin names as CPython does', () => {
    const co = compileModule('x = 1\ndef f(a):\n    global x\n    x = a\n    y = len(a)\n    return y\n', 't.py');
    const d = disassemble(fn(co, 'f'));
    expect(d).toContain('STORE_GLOBAL               0 (x)');
    expect(d).toContain('LOAD_GLOBAL                1 (len)');
    expect(d).toContain('STORE_FAST                 1 (y)');
  });
  it('gives classes a __class__ cell when a method uses super()', () => {
    const co = compileModule('class A(B):\n    def m(self):\n        return super().m()\n    def n(self):\n        return 1\n', 't.py');
    const body = fn(co, 'A');
    expect(body.cellvars).toEqual(['__class__']);
    expect(fn(co, 'm').freevars).toEqual(['__class__']);
    expect(fn(co, 'n').freevars).toEqual([]);
    expect(ops(body).slice(-4)).toEqual(['LOAD_CLOSURE', 'COPY', 'STORE_NAME', 'RETURN_VALUE']);
    expect(body.names.slice(0, 3)).toEqual(['__name__', '__module__', '__qualname__']);
    expect(fn(co, 'm').qualname).toBe('A.m');
  });
  it('class bodies read enclosing function variables with LOAD_CLASSDEREF', () => {
    const co = compileModule('def f():\n    v = 1\n    class K:\n        w = v\n    return K\n', 't.py');
    expect(ops(fn(co, 'K'))).toContain('LOAD_CLASSDEREF');
    expect(fn(co, 'f').cellvars).toEqual(['v']);
  });
  it('compiles comprehensions as functions called with the outer iterator (3.11)', () => {
    const co = compileModule('xs = [i * 2 for i in range(3) if i]\n', 't.py');
    expect(ops(co).slice(1, 9)).toEqual(['LOAD_CONST', 'MAKE_FUNCTION', 'PUSH_NULL', 'LOAD_NAME', 'LOAD_CONST', 'CALL', 'GET_ITER', 'CALL']);
    const comp = fn(co, '<listcomp>');
    expect(comp.varnames[0]).toBe('.0');
    expect(comp.argcount).toBe(1);
  });
  it('binds walrus targets in the enclosing scope from a comprehension', () => {
    const co = compileModule('def f(xs):\n    ys = [y for x in xs if (y := x)]\n    return y\n', 't.py');
    expect(fn(co, 'f').cellvars).toEqual(['y']);
    expect(fn(co, '<listcomp>').freevars).toEqual(['y']);
  });
});

describe('compiler: generators and exceptions', () => {
  it('starts generators with RETURN_GENERATOR and resumes after each yield', () => {
    const co = fn(compileModule('def g(x):\n    y = yield x\n    yield from y\n', 't.py'), 'g');
    expect(co.flags & CodeFlag.GENERATOR).toBe(CodeFlag.GENERATOR);
    expect(ops(co)).toEqual([
      'RETURN_GENERATOR', 'POP_TOP', 'RESUME', 'LOAD_FAST', 'YIELD_VALUE', 'RESUME', 'STORE_FAST', 'LOAD_FAST',
      'GET_YIELD_FROM_ITER', 'LOAD_CONST', 'SEND', 'YIELD_VALUE', 'RESUME', 'JUMP_BACKWARD', 'POP_TOP',
      'LOAD_CONST', 'RETURN_VALUE',
    ]);
  });
  it('lays out try/except/finally with a CPython 3.11 exception table', () => {
    const co = fn(compileModule('def f():\n    try:\n        a()\n    except E as e:\n        b()\n    finally:\n        c()\n', 't.py'), 'f');
    expect(checkCode(co)).toEqual([]);
    const text = disassemble(co);
    // Entry for entry the table CPython 3.11 builds for this function (offsets → indices).
    expect(co.exceptionTable.map((e) => `${e.start}-${e.end - 1}>${e.target}[${e.depth}]${e.lasti ? 'L' : ''}`)).toEqual([
      '2-5>7[0]', '6-6>34[0]', '7-11>26[1]L', '12-15>21[1]L', '16-20>34[0]', '21-25>26[1]L', '26-28>34[0]', '34-39>40[1]L',
    ]);
    expect(text).toContain('CHECK_EXC_MATCH');
    expect(ops(co).filter((o) => o === 'PUSH_EXC_INFO')).toHaveLength(2);
    expect(ops(co).filter((o) => o === 'DELETE_FAST')).toHaveLength(2);
  });
  it('with-statements call __exit__(None, None, None) on the normal path and keep lasti handlers', () => {
    const co = fn(compileModule('def f(m):\n    with m as x:\n        return x\n', 't.py'), 'f');
    const o = ops(co);
    expect(o.slice(0, 5)).toEqual(['RESUME', 'LOAD_FAST', 'BEFORE_WITH', 'STORE_FAST', 'LOAD_FAST']);
    // return inside with: value kept, exit called with three Nones, then return.
    expect(o.slice(5, 12)).toEqual(['SWAP', 'LOAD_CONST', 'LOAD_CONST', 'LOAD_CONST', 'CALL', 'POP_TOP', 'RETURN_VALUE']);
    expect(co.exceptionTable.every((e) => e.lasti)).toBe(true);
    expect(co.exceptionTable[0]!.depth).toBe(1);
    expect(o).toContain('WITH_EXCEPT_START');
  });
  it('async with awaits __aenter__ and __aexit__ on every path, as CPython 3.11', () => {
    const co = fn(compileModule('async def g(w):\n    async with w as q:\n        return 1\n', 't.py'), 'g');
    const send = ['LOAD_CONST', 'SEND', 'YIELD_VALUE', 'RESUME', 'JUMP_BACKWARD'];
    // CPython 3.11's dis of the same function, less PRECALL/CACHE/NOP.
    expect(ops(co).filter((o) => o !== 'NOP')).toEqual([
      'RETURN_GENERATOR', 'POP_TOP', 'RESUME', 'LOAD_FAST', 'BEFORE_ASYNC_WITH', 'GET_AWAITABLE', ...send, 'STORE_FAST',
      'LOAD_CONST', 'LOAD_CONST', 'LOAD_CONST', 'CALL', 'GET_AWAITABLE', ...send, 'POP_TOP', 'LOAD_CONST', 'RETURN_VALUE',
      'PUSH_EXC_INFO', 'WITH_EXCEPT_START', 'GET_AWAITABLE', ...send, 'POP_JUMP_IF_TRUE', 'RERAISE', 'COPY', 'POP_EXCEPT',
      'RERAISE', 'POP_TOP', 'POP_EXCEPT', 'POP_TOP', 'POP_TOP', 'LOAD_CONST', 'RETURN_VALUE',
    ]);
    expect(Array.from(co.code).filter((_, i) => i % 2 === 1 && co.code[i - 1] === Op.GET_AWAITABLE)).toEqual([1, 2, 2]);
    expect(co.flags & (CodeFlag.COROUTINE | CodeFlag.ASYNC_GENERATOR)).toBe(CodeFlag.COROUTINE);
    expect(checkCode(co)).toEqual([]);
  });
  it('async for guards the awaited __anext__() with a handler whose END_ASYNC_FOR ends the loop', () => {
    const co = fn(compileModule('async def g(y):\n    async for x in y:\n        f(x)\n', 't.py'), 'g');
    const o = ops(co);
    expect(o.slice(3, 11)).toEqual(['LOAD_FAST', 'GET_AITER', 'GET_ANEXT', 'LOAD_CONST', 'SEND', 'YIELD_VALUE', 'RESUME', 'JUMP_BACKWARD']);
    const end = o.indexOf('END_ASYNC_FOR');
    expect(end).toBeGreaterThan(0);
    // The handler covers GET_ANEXT through the SEND loop (its back-edge included, as 3.11), at the depth of the async iterator.
    const h = co.exceptionTable.find((e) => e.target === end)!;
    expect([h.start, h.end - 1, h.depth, h.lasti]).toEqual([5, 10, 1, false]);
    expect(checkCode(co)).toEqual([]);
  });
  it('async generators wrap their yields and async comprehensions are awaited coroutines (3.11)', () => {
    const mod = compileModule('async def a():\n    yield 1\nasync def b(y):\n    return [x async for x in y]\n', 't.py');
    const a = fn(mod, 'a');
    expect(a.flags & (CodeFlag.GENERATOR | CodeFlag.COROUTINE | CodeFlag.ASYNC_GENERATOR)).toBe(CodeFlag.GENERATOR | CodeFlag.ASYNC_GENERATOR);
    expect(ops(a).slice(3, 7)).toEqual(['LOAD_CONST', 'ASYNC_GEN_WRAP', 'YIELD_VALUE', 'RESUME']);
    const b = fn(mod, 'b');
    expect(ops(b).slice(3)).toEqual([
      'LOAD_CONST', 'MAKE_FUNCTION', 'LOAD_FAST', 'GET_AITER', 'CALL', 'GET_AWAITABLE', 'LOAD_CONST', 'SEND', 'YIELD_VALUE',
      'RESUME', 'JUMP_BACKWARD', 'RETURN_VALUE',
    ]);
    const lc = fn(mod, '<listcomp>');
    expect(lc.flags & CodeFlag.COROUTINE).toBe(CodeFlag.COROUTINE);
    expect(ops(lc)).toEqual([
      'RETURN_GENERATOR', 'POP_TOP', 'RESUME', 'BUILD_LIST', 'LOAD_FAST', 'GET_ANEXT', 'LOAD_CONST', 'SEND', 'YIELD_VALUE',
      'RESUME', 'JUMP_BACKWARD', 'STORE_FAST', 'LOAD_FAST', 'LIST_APPEND', 'JUMP_BACKWARD', 'END_ASYNC_FOR', 'RETURN_VALUE',
    ]);
    expect(disassemble(mod)).toContain('ASYNC_GEN_WRAP');
  });
  it('reads CRLF and CR line endings as CPython does (universal newlines)', () => {
    const co = compileModule("s = '''a\r\nb\rc'''\r\nif s:\r\n    t = 1\r\n", 't.py');
    expect(co.consts).toContainEqual({ kind: 'str', value: 'a\nb\nc' });
    expect(Array.from(co.lines).includes(4)).toBe(true);
  });
  it('computes the maximum stack depth', () => {
    expect(compileModule('x = 1\n', 't.py').stacksize).toBe(1);
    expect(compileModule('f(a, b, c)\n', 't.py').stacksize).toBe(5);
    expect(compileModule('x = [1, 2, 3, 4, 5, 6]\n', 't.py').stacksize).toBe(6);
  });
  it('folds constants: negative numbers and constant tuples', () => {
    const co = compileModule('x = -5\ny = (1, -2.5, "s")\nz = 2 ** 100\n', 't.py');
    expect(co.consts).toContainEqual({ kind: 'int', value: -5 });
    expect(co.consts).toContainEqual({ kind: 'tuple', items: [{ kind: 'int', value: 1 }, { kind: 'float', value: -2.5 }, { kind: 'str', value: 's' }] });
    expect(ops(co)).not.toContain('UNARY_NEGATIVE');
    expect(compileModule('x = 123456789012345678901234567890\n', 't.py').consts).toContainEqual({ kind: 'int', value: 123456789012345678901234567890n });
  });
  it('starts a decorated function at its first decorator line, as co_firstlineno', () => {
    const co = compileModule('@d1\n@d2\ndef f():\n    pass\nclass C:\n    pass\n', 't.py');
    expect([fn(co, 'f').firstLine, fn(co, 'C').firstLine]).toEqual([1, 5]);
  });
  it('records line and column spans per instruction', () => {
    const co = compileModule('x = 1\nprint(x,\n      y)\n', 't.py');
    const call = ops(co).indexOf('CALL');
    expect([co.lines[call], co.columns[call], co.endLines[call], co.endColumns[call]]).toEqual([2, 1, 3, 9]);
  });
  it('the disassembler names every opcode and recurses into nested code', () => {
    const text = disassemble(compileModule('def f():\n    return [x for x in "ab"]\n', 't.py'));
    expect(text).toContain('Disassembly of <code object f, file "t.py", line 1>:');
    expect(text).toContain('Disassembly of <code object <listcomp>, file "t.py", line 2>:');
    expect(text).not.toMatch(/<\d+>/);
    expect(Object.keys(Op).length).toBe(new Set(Object.values(Op)).size);
  });
});
