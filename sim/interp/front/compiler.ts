/**
 * The compiler: syntax tree + symbol table → CodeObjects (chunk.ts), following CPython 3.11's code
 * generation (compile.c) instruction for instruction where the opcode set allows.
 *
 * Deviations from CPython 3.11 the VM must know:
 * - No CACHE, PRECALL, KW_NAMES, EXTENDED_ARG, MAKE_CELL, COPY_FREE_VARS or specialised opcodes.
 *   Jump arguments are absolute instruction indices. Every jump that goes backwards is
 *   JUMP_BACKWARD (loops, comprehension loops, and the `yield from` SEND loop — where 3.11 uses
 *   JUMP_BACKWARD_NO_INTERRUPT — so every back-edge is a yield point). Conditional jumps only go
 *   forwards: loops test at the top and jump back unconditionally (3.11 duplicates the test).
 * - The VM creates cells at frame creation: one per cellvar (initialised from the argument when
 *   cell2arg[i] >= 0), and copies the function's closure tuple into the free slots. DEREF indices
 *   are cellvars then freevars (chunk.ts).
 * - LOAD_GLOBAL's argument is a plain name index (no NULL bit): plain calls emit PUSH_NULL before
 *   loading the callable.
 * - CALL n keeps 3.11's rule: the stack is [A, B, arg1..argn]; if A is not NULL, A is the callable
 *   and B its first argument (n + 1 arguments), else B is the callable. The compiler uses the
 *   non-NULL form where 3.11 does: after LOAD_METHOD, for decorators ([decorator, function],
 *   CALL 0), for comprehensions ([function, iterator], CALL 0), for `with` exits ([__exit__,
 *   None, None, None], CALL 2) and assert messages ([AssertionError, msg], CALL 0).
 *   CALL_KW n: as CALL n with a const tuple of keyword names pushed last (it is not counted in n).
 *   CALL_FUNCTION_EX: [NULL, callable, args tuple, kwargs dict if flags & 1]; the args are always a
 *   real tuple (built with BUILD_LIST/LIST_EXTEND/LIST_TO_TUPLE), the kwargs always a fresh dict.
 * - FOR_ITER target: pushes the next item; when exhausted pops the iterator and jumps to target.
 * - Exception handling is 3.11's: the table (chunk.ts) maps instruction ranges to a handler; on an
 *   exception the VM pops the value stack to `depth`, pushes the index of the raising instruction
 *   if `lasti`, pushes the exception and jumps to the handler. PUSH_EXC_INFO: [exc] → [prev, exc]
 *   and sets the current exception; POP_EXCEPT pops `prev` and restores it; RERAISE n pops the
 *   exception and, when n > 0, first sets the frame's lasti from the value n items below it.
 *   `with`: BEFORE_WITH [mgr] → [bound __exit__, result of __enter__]; the handler sees
 *   [__exit__, lasti, prev, exc] and WITH_EXCEPT_START calls __exit__(type, exc, tb) pushing the
 *   result; a true result suppresses the exception (POP_TOP, POP_EXCEPT, POP_TOP, POP_TOP).
 *   A named `except E as e:` stores into e, deletes it afterwards (e = None; del e) as CPython.
 *   `except*` is 3.11's layout (compile-control-flow.ts tryExceptStar): the handler holds
 *   [prev, orig, raised list, rest]; CHECK_EG_MATCH [rest, type] → [rest', match] (and makes the
 *   match the handled exception), a clause body's exception is LIST_APPEND 3'd to the list, and
 *   PREP_RERAISE_STAR [orig, list] → what to raise or None. break/continue/return out of an
 *   except* body are SyntaxErrors, as in CPython.
 * - Generators: the code starts RETURN_GENERATOR, POP_TOP, RESUME 0. RETURN_GENERATOR creates the
 *   generator from the frame and returns it; the first resumption pushes the sent value (None),
 *   which the POP_TOP drops — so RETURN_GENERATOR counts +1 in stack depth. YIELD_VALUE pops the
 *   value to yield; resumption pushes the sent value, followed by RESUME 1 (RESUME 2 in yield from).
 *   `yield from x`: x, GET_YIELD_FROM_ITER, LOAD_CONST None, then SEND exit; YIELD_VALUE;
 *   RESUME 2; JUMP_BACKWARD to the SEND. SEND: [iter, v] → [iter, yielded] or, when the
 *   sub-iterator returns, [result] and jump. A StopIteration escaping a generator body is the VM's
 *   job to turn into RuntimeError (3.11 does it in the generator object, not in bytecode).
 * - Class bodies: code with flags 0 run with a fresh namespace as locals; they start
 *   LOAD_NAME __name__ / STORE_NAME __module__, LOAD_CONST qualname / STORE_NAME __qualname__, and
 *   end returning the `__class__` cell (after STORE_NAME __classcell__) or None. __build_class__
 *   must set the cell to the new class. Zero-argument super() finds `__class__` in the calling
 *   function's freevars (present whenever the function mentions `super` or `__class__`) and the
 *   first argument in local 0 (or in its cell, cell2arg).
 * - Annotations are 3.11's: a module or class body that annotates a name starts SETUP_ANNOTATIONS
 *   and stores each annotation in `__annotations__` after the value; a function evaluates no
 *   annotation of its locals; a def's parameter and return annotations go to MAKE_FUNCTION (flag
 *   4) as a tuple of (name, value) pairs. Under `from __future__ import annotations` the values
 *   are their source text (unparse.ts). Private-name mangling (`__x` in classes) is not done.
 * - `async def` code has flags GENERATOR | COROUTINE and starts as a generator's; `await x` is x,
 *   GET_AWAITABLE 0, then `yield from`'s SEND loop with RESUME 3 (the "await loop" below).
 *   An async generator (`async def` with `yield`, or an async generator expression) has flags
 *   GENERATOR | ASYNC_GENERATOR (3.11 sets CO_ASYNC_GENERATOR alone; GENERATOR here makes the call
 *   return the generator object, of type async_generator); its `yield v` is v, ASYNC_GEN_WRAP,
 *   YIELD_VALUE, RESUME 1, so the generator's awaitable tells a yield from an inner await's value.
 *   `async with` (3.11): mgr, BEFORE_ASYNC_WITH ([bound __aexit__, __aenter__()]), GET_AWAITABLE 1,
 *   the await loop, then as `with`; the exit call on the normal path, in the handler (after
 *   WITH_EXCEPT_START) and on an early exit (return/break/continue unwinding an `asyncWith` frame
 *   block) is followed by GET_AWAITABLE 2 and the await loop.
 *   `async for` (3.11's compiler_async_for): iter, GET_AITER; start: SETUP_FINALLY handler,
 *   GET_ANEXT ([aiter] → [aiter, awaitable]), the await loop, POP_BLOCK, target, body, JUMP_BACKWARD
 *   start; handler: END_ASYNC_FOR ([aiter, exc]: pops both on StopAsyncIteration, else re-raises
 *   exc as a RERAISE does), then the `else` body. The loop's frame block is a `for` one (break and
 *   return pop the async iterator). Async comprehension clauses are compiled the same way; a
 *   comprehension with an `async for` clause or an `await` (or holding such a non-generator
 *   comprehension) is a coroutine: list/set/dict ones are awaited where they stand (CALL 0,
 *   GET_AWAITABLE 0, the await loop), a generator expression is an async generator. The
 *   outermost iterable of an async comprehension gets GET_AITER instead of GET_ITER.
 * - Functions (not lambdas, comprehensions, modules) have consts[0] = docstring or None, as 3.11.
 *   Module and class docstrings are stored in `__doc__`.
 * - Imports: LOAD_CONST level, LOAD_CONST fromlist (None or a tuple of str), IMPORT_NAME name;
 *   `import a.b as c` then IMPORT_FROM b, SWAP 2, POP_TOP, as 3.11.
 */
import { hasFutureAnnotations, type Expr, type Module } from './ast.js';
import type { CodeObject } from '../chunk.js';
import { Op } from '../opcodes.js';
import { Unit, NONE } from './code-unit.js';
import { assemble } from './assembler.js';
import { StatementCompiler } from './compile-statements.js';

export class Compiler extends StatementCompiler {
  compileModule(mod: Module): CodeObject {
    const block = this.table.top;
    this.u = new Unit(block, '<module>', '<module>', 1);
    this.futureAnnotations = hasFutureAnnotations(mod);
    this.emit(Op.RESUME, 0);
    for (const s of this.namespaceBody(mod.body)) this.stmt(s);
    this.loadConst(NONE);
    this.emit(Op.RETURN_VALUE);
    return assemble(this.u, this.filename);
  }

  /** `compile(src, name, 'eval')`: one expression whose value the code returns. */
  compileExpression(e: Expr): CodeObject {
    this.u = new Unit(this.table.top, '<module>', '<module>', 1);
    this.emit(Op.RESUME, 0);
    this.expr(e);
    this.emit(Op.RETURN_VALUE);
    return assemble(this.u, this.filename);
  }
}
