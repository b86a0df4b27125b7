/**
 * The asynchronous protocols (CPython 3.11): `async with` (BEFORE_ASYNC_WITH, GET_AWAITABLE 1/2),
 * `async for` and asynchronous comprehensions (GET_AITER, GET_ANEXT, END_ASYNC_FOR), and
 * asynchronous generators (ASYNC_GEN_WRAP and the awaitables of `__anext__`/`asend`/`athrow`/
 * `aclose`).
 *
 * An async generator is a generator object of type `async_generator` whose frame runs as any
 * generator's (genSend/genThrow). Its awaitables (PyAGenAwaitable) drive it: a value the frame
 * yields through ASYNC_GEN_WRAP is the awaitable's result (StopIteration(value) to the awaiter),
 * any other yielded value comes from an `await` inside and passes through to whoever drives the
 * awaiting coroutine (the event loop). A SEND to such an awaitable calls `agenAwaitSend` (so the
 * result reaches the SEND, not lost in a StopIteration); host code calls the same through the
 * awaitables' methods (objects/async-generators.ts).
 */
import { Op } from '../opcodes.js';
import { Frame, GuestThread, PyAGenAwaitable, PyAGenWrapped, PyGenerator } from '../thread.js';
import { PyExc, type PyVal } from '../values.js';
import { VmAttributes } from './attributes.js';

/** CPython's message for an async generator that yields in reply to aclose(). */
const IGNORED_EXIT = 'async generator ignored GeneratorExit';

export abstract class VmAsync extends VmAttributes {

  /** The rare asynchronous opcodes (cold-ops.ts dispatches here): on the frame's synced pc/sp. */
  protected asyncOp(t: GuestThread, f: Frame, op: number, opPc: number, nested: boolean): void {
    const stack = f.stack;
    let sp = f.sp;
    switch (op) {
      case Op.BEFORE_ASYNC_WITH: {
        const mgr = stack[sp - 1] as PyVal;
        const tp = this.typeOf(mgr);
        const enter = this.lookup(tp, '__aenter__');
        if (enter === undefined) throw this.typeErr(`'${tp.name}' object does not support the asynchronous context manager protocol`);
        const exit = this.lookup(tp, '__aexit__');
        if (exit === undefined) throw this.typeErr(`'${tp.name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
        const exitBound = this.bind(exit, mgr, tp);
        // As BEFORE_WITH: resuming "as if __aenter__ returned" means [exit, result].
        const r = this.callHost(t, f, enter, [mgr], null, opPc, sp, f.pc, sp, exitBound, nested);
        stack[sp - 1] = exitBound;
        stack[sp++] = r;
        break;
      }
      case Op.GET_AITER: {
        const o = stack[sp - 1] as PyVal;
        const tp = this.typeOf(o);
        const m = this.lookup(tp, '__aiter__');
        if (m === undefined) throw this.typeErr(`'async for' requires an object with __aiter__ method, got ${tp.name}`);
        const it = o instanceof PyGenerator && tp === this.T.async_generator ? o : this.callHost(t, f, m, [o], null, opPc, sp, f.pc, sp, null, nested);
        if (this.lookup(this.typeOf(it), '__anext__') === undefined) {
          throw this.typeErr(`'async for' received an object from __aiter__ that does not implement __anext__: ${this.typeOf(it).name}`);
        }
        stack[sp - 1] = it;
        break;
      }
      case Op.GET_ANEXT: {
        const it = stack[sp - 1] as PyVal;
        if (it instanceof PyGenerator && it.cls === this.T.async_generator) {
          stack[sp++] = this.newAGenAwaitable(it, 'asend', this.None, null);
          break;
        }
        const tp = this.typeOf(it);
        const m = this.lookup(tp, '__anext__');
        if (m === undefined) throw this.typeErr(`'async for' requires an iterator with __anext__ method, got ${tp.name}`);
        const next = this.callHost(t, f, m, [it], null, opPc, sp, f.pc, sp, null, nested);
        if (!this.isAwaitable(next)) throw this.typeErr(`'async for' received an invalid object from __anext__: ${this.typeOf(next).name}`);
        stack[sp++] = this.awaitable(next);
        break;
      }
      case Op.END_ASYNC_FOR: {
        const e = stack[sp - 1] as PyVal;
        if (e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('StopAsyncIteration')!)) {
          sp -= 2;
          break;
        }
        f.sp = sp - 1;
        t.reraise = true;
        throw e;
      }
      case Op.ASYNC_GEN_WRAP: {
        const w = new PyAGenWrapped(this.T.async_generator_wrapped_value, stack[sp - 1] as PyVal);
        this.place(w, 24);
        stack[sp - 1] = w;
        break;
      }
      default:
        throw new Error(`htmsim VM: not an asynchronous opcode ${op}`);
    }
    f.sp = sp;
  }

  /** GET_AWAITABLE 1/2 (after `__aenter__`/`__aexit__`): CPython's `async with` message, else `await`'s. */
  asyncWithAwaitable(v: PyVal, where: number): PyVal {
    if (where !== 0 && !this.isAwaitable(v)) {
      throw this.typeErr(`'async with' received an object from __a${where === 1 ? 'enter' : 'exit'}__ that does not implement __await__: ${this.typeOf(v).name}`);
    }
    return this.awaitable(v);
  }

  private isAwaitable(v: PyVal): boolean {
    return (v instanceof PyGenerator && v.cls === this.T.coroutine) || this.lookup(this.typeOf(v), '__await__') !== undefined;
  }

  newAGenAwaitable(agen: PyGenerator, kind: 'asend' | 'athrow' | 'aclose', value: PyVal, exc: PyExc | null): PyAGenAwaitable {
    const a = new PyAGenAwaitable(kind === 'asend' ? this.T.async_generator_asend : this.T.async_generator_athrow, agen, kind, value, exc);
    // CPython's PyAsyncGenASend / PyAsyncGenAThrow: a header, the generator, the value or
    // arguments, the state (40 bytes); the wrapped value (ASYNC_GEN_WRAP) is a header and the value.
    this.place(a, 40);
    return a;
  }

  /** The generator's outcome as its awaitable reports it (CPython's async_gen_unwrap_value):
   *  a wrapped yield ends the awaitable (undefined, the value in genReturn), a plain one passes
   *  through; an end is StopAsyncIteration; StopAsyncIteration or GeneratorExit closes it. */
  private agenUnwrap(a: PyAGenAwaitable, run: () => PyVal | undefined): PyVal | undefined {
    const g = a.agen;
    const t = this.cur;
    let r: PyVal | undefined;
    try {
      r = run();
    } catch (x) {
      const e = this.toGuest(x);
      if (e === null) throw x;
      this.fieldSet(t, g, 'agRunningAsync', false);
      if (this.isSubtype(e.cls, this.exc.get('StopAsyncIteration')!) || this.isSubtype(e.cls, this.exc.get('GeneratorExit')!)) this.fieldSet(t, g, 'agClosed', true);
      throw e;
    }
    if (r === undefined) {
      this.fieldSet(t, g, 'agRunningAsync', false);
      this.fieldSet(t, g, 'agClosed', true);
      throw this.err('StopAsyncIteration', null);
    }
    if (r instanceof PyAGenWrapped) {
      this.fieldSet(t, g, 'agRunningAsync', false);
      this.genReturn = r.value;
      return undefined;
    }
    return r;
  }

  /** Runs the async generator's frame (send, or throw when exc) with CPython's messages for an
   *  exception that must not escape an async generator. */
  private agenResume(g: PyGenerator, v: PyVal, exc: PyExc | null): PyVal | undefined {
    try {
      if (exc === null) return this.genSend(g, v);
      if (!g.started) {
        // A just-started generator: the exception is raised at its first line, ending it.
        this.fieldSet(this.cur, g, 'done', true);
        throw exc;
      }
      return this.genThrow(g, exc);
    } catch (x) {
      const e = this.toGuest(x);
      if (e === null) throw x;
      if (this.isSubtype(e.cls, this.exc.get('StopAsyncIteration')!)) {
        const re = this.err('RuntimeError', 'async generator raised StopAsyncIteration');
        re.cause = e;
        re.context = e;
        throw re;
      }
      if (this.isSubtype(e.cls, this.exc.get('RuntimeError')!) && e.args[0] === 'generator raised StopIteration') e.args = ['async generator raised StopIteration'];
      if (e.cls === this.exc.get('TypeError') && e.args[0] === "can't send non-None value to a just-started generator") e.args = ["can't send non-None value to a just-started async generator"];
      throw e;
    }
  }

  /**
   * send(v) on an async generator's awaitable (also what a SEND to it does): the value to yield
   * to the driver, or undefined when the awaitable finished with the value in genReturn.
   */
  agenAwaitSend(a: PyAGenAwaitable, v: PyVal): PyVal | undefined {
    const t = this.cur;
    const g = a.agen;
    if (a.kind === 'asend') {
      if (a.state === 2) throw this.err('RuntimeError', 'cannot reuse already awaited __anext__()/asend()');
      if (a.state === 0) {
        if (g.agRunningAsync) {
          this.fieldSet(t, a, 'state', 2);
          throw this.err('RuntimeError', 'anext(): asynchronous generator is already running');
        }
        if (v === this.None) v = a.value;
        this.fieldSet(t, a, 'state', 1);
      }
      this.fieldSet(t, g, 'agRunningAsync', true);
      return this.agenAwaitDone(a, () => this.agenResume(g, v, null));
    }
    // athrow / aclose (CPython's async_gen_athrow_send).
    if (a.state === 2) throw this.err('RuntimeError', 'cannot reuse already awaited aclose()/athrow()');
    if (g.done) {
      this.fieldSet(t, a, 'state', 2);
      this.genReturn = this.None;
      return undefined;
    }
    if (a.state === 0) {
      if (g.agRunningAsync) {
        this.fieldSet(t, a, 'state', 2);
        throw this.err('RuntimeError', `${a.kind}(): asynchronous generator is already running`);
      }
      if (g.agClosed) {
        this.fieldSet(t, a, 'state', 2);
        throw this.err('StopAsyncIteration', null);
      }
      if (v !== this.None) throw this.err('RuntimeError', "can't send non-None value to a just-started coroutine");
      this.fieldSet(t, a, 'state', 1);
      this.fieldSet(t, g, 'agRunningAsync', true);
      if (a.kind === 'aclose') {
        this.fieldSet(t, g, 'agClosed', true);
        return this.acloseStep(a, () => this.agenResume(g, this.None, this.err('GeneratorExit', null)));
      }
      return this.athrowStep(a, () => this.agenResume(g, this.None, a.exc));
    }
    if (a.kind === 'aclose') return this.acloseStep(a, () => this.agenResume(g, v, null));
    return this.agenUnwrap(a, () => this.agenResume(g, v, null));
  }

  /** throw(e) on an async generator's awaitable. */
  agenAwaitThrow(a: PyAGenAwaitable, e: PyExc): PyVal | undefined {
    const g = a.agen;
    if (a.state === 2) {
      throw this.err('RuntimeError', a.kind === 'asend' ? 'cannot reuse already awaited __anext__()/asend()' : 'cannot reuse already awaited aclose()/athrow()');
    }
    if (a.kind === 'asend') return this.agenAwaitDone(a, () => this.agenResume(g, this.None, e));
    if (a.kind === 'aclose') return this.acloseStep(a, () => this.agenResume(g, this.None, e));
    return this.agenUnwrap(a, () => this.agenResume(g, this.None, e));
  }

  /** close() on an async generator's awaitable. */
  agenAwaitClose(a: PyAGenAwaitable): void {
    this.fieldSet(this.cur, a, 'state', 2);
  }

  /** asend: the awaitable is finished when the generator yielded, returned or raised. */
  private agenAwaitDone(a: PyAGenAwaitable, run: () => PyVal | undefined): PyVal | undefined {
    let r: PyVal | undefined;
    try {
      r = this.agenUnwrap(a, run);
    } catch (e) {
      this.fieldSet(this.cur, a, 'state', 2);
      throw e;
    }
    if (r === undefined) this.fieldSet(this.cur, a, 'state', 2);
    return r;
  }

  /** athrow's first step: as asend, the awaitable finishes on any end. */
  private athrowStep(a: PyAGenAwaitable, run: () => PyVal | undefined): PyVal | undefined {
    try {
      return this.agenUnwrap(a, run);
    } catch (e) {
      this.fieldSet(this.cur, a, 'state', 2);
      throw e;
    }
  }

  /** aclose: a wrapped yield is "ignored GeneratorExit"; StopAsyncIteration or GeneratorExit
   *  (or a return) end the awaitable with None. */
  private acloseStep(a: PyAGenAwaitable, run: () => PyVal | undefined): PyVal | undefined {
    const t = this.cur;
    const g = a.agen;
    let r: PyVal | undefined;
    try {
      r = run();
    } catch (x) {
      const e = this.toGuest(x);
      if (e === null) throw x;
      this.fieldSet(t, g, 'agRunningAsync', false);
      this.fieldSet(t, a, 'state', 2);
      if (this.isSubtype(e.cls, this.exc.get('StopAsyncIteration')!) || this.isSubtype(e.cls, this.exc.get('GeneratorExit')!)) {
        this.genReturn = this.None;
        return undefined;
      }
      throw e;
    }
    if (r === undefined || r instanceof PyAGenWrapped) {
      this.fieldSet(t, g, 'agRunningAsync', false);
      this.fieldSet(t, a, 'state', 2);
      if (r === undefined) {
        this.genReturn = this.None;
        return undefined;
      }
      throw this.err('RuntimeError', IGNORED_EXIT);
    }
    return r;
  }
}
