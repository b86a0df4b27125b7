/**
 * Generators: a generator object owns its frame; a resumption from host code (send(), list(),
 * a builtin consuming it) runs it in a nested eval loop until it yields. A for loop and next()
 * resume it in-loop, as `yield from` does below (continuations.ts).
 *
 * Delegation (`yield from`, CPython's SEND) runs without host recursion: a SEND to a generator,
 * which always executes inside a generator's nested loop, pushes the delegate's frame onto the
 * same loop (`delegateEnter`), and the delegate's YIELD_VALUE / RETURN_VALUE / unhandled
 * exception hands control back to the delegator's frame in that loop (`delegateLeave`,
 * `delegateRaised`), so a chain of any length is bounded by the recursion limit, as in CPython,
 * not by the host stack. Every step does what the nested resumption did (same flags, same frame
 * activation, the same ticker count per level), so results are those of the nested version.
 */
import { CodeFlag } from '../chunk.js';
import { Op } from '../opcodes.js';
import { Frame, GuestThread, K_SEND, PyGenerator } from '../thread.js';
import { PyExc, type PyVal } from '../values.js';
import { L_GENYIELD } from './signals.js';
import { VmCalls } from './calls.js';

export abstract class VmGenerators extends VmCalls {

  makeGenerator(fr: Frame): PyGenerator {
    const fl = fr.code.flags;
    const g = new PyGenerator(fl & CodeFlag.COROUTINE ? this.T.coroutine : fl & CodeFlag.ASYNC_GENERATOR ? this.T.async_generator : this.T.generator, fr);
    this.place(g, 96);
    fr.gen = g;
    // Skip RETURN_GENERATOR: the first resumption pushes the sent None which POP_TOP drops.
    if (fr.code.code[0] === Op.RETURN_GENERATOR) fr.pc = 1;
    return g;
  }

  /** GET_AWAITABLE: what `await v` delegates to — a coroutine itself, or the iterator its type's
   *  `__await__` returns (CPython's messages for everything else). */
  awaitable(v: PyVal): PyVal {
    if (v instanceof PyGenerator && v.cls !== this.T.coroutine && (v.frame.code.flags & CodeFlag.ITERABLE_COROUTINE) !== 0) return v;
    if (v instanceof PyGenerator && v.cls === this.T.coroutine) {
      if (v.done) throw this.err('RuntimeError', 'cannot reuse already awaited coroutine');
      return v;
    }
    const tp = this.typeOf(v);
    const m = this.lookup(tp, '__await__');
    if (m === undefined) throw this.typeErr(`object ${tp.name} can't be used in 'await' expression`);
    const it = this.callValue(m, [v], null);
    if (it instanceof PyGenerator && it.cls === this.T.coroutine) throw this.typeErr('__await__() returned a coroutine');
    if (!(it instanceof PyGenerator) && this.lookup(this.typeOf(it), '__next__') === undefined) {
      throw this.typeErr(`__await__() returned non-iterator of type '${this.typeOf(it).name}'`);
    }
    return it;
  }

  /** Resumes a generator with `value`; returns the yielded value, or undefined when it returned
   *  (the return value is left in t.retVal as `genReturn`). Raises what the generator raises. */
  genSend(g: PyGenerator, value: PyVal, throwExc: PyExc | null = null): PyVal | undefined {
    const t = this.cur;
    if (g.done) {
      if (g.cls === this.T.coroutine) throw this.err('RuntimeError', 'cannot reuse already awaited coroutine');
      if (throwExc !== null) throw throwExc;
      this.genReturn = this.None;
      return undefined;
    }
    if (g.running) throw this.err('ValueError', 'generator already executing');
    this.checkNest(t);
    g.delegated = false;
    const fr = g.frame;
    fr.cont = 0;
    if (!g.started && value !== this.None && throwExc === null) throw this.typeErr("can't send non-None value to a just-started generator");
    this.fieldSet(t, g, 'running', true);
    g.started = true;
    this.activate(t, fr);
    if (throwExc === null) fr.stack[fr.sp++] = value;
    else fr.pendingThrow = throwExc;
    const base = t.frames.length;
    this.pushFrame(t, fr);
    t.nest++;
    let code: number;
    try {
      code = this.execLoop(t, Infinity, base);
    } catch (e) {
      g.running = false;
      g.done = true;
      if (e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('StopIteration')!)) {
        const re = this.err('RuntimeError', 'generator raised StopIteration');
        re.cause = e;
        re.context = e;
        throw re;
      }
      throw e;
    } finally {
      t.nest--;
    }
    g.running = false;
    const r = t.retVal!;
    t.retVal = undefined;
    if (code === L_GENYIELD) return r;
    g.done = true;
    this.genReturn = r;
    return undefined;
  }

  /**
   * SEND of `v` to generator g (the delegator's frame already saved at the SEND): when g can run, pushes
   * its frame on t's stack to run in the current loop and returns it; null leaves the SEND to
   * genSend (a finished, running or just-started generator sent a value: its errors and result).
   */
  delegateEnter(t: GuestThread, g: PyGenerator, v: PyVal, tick: number): Frame | null {
    if (g.done || g.running || (!g.started && v !== this.None)) return null;
    if (t.frames.length >= this.recursionLimit) throw this.err('RecursionError', 'maximum recursion depth exceeded');
    const fr = g.frame;
    // Snapshot first (no traffic): a rollback must find the generator as it was before this entry,
    // not running (an in-loop run can be where a transaction begins, continuations.ts).
    this.activate(t, fr);
    this.fieldSet(t, g, 'running', true);
    g.started = true;
    fr.stack[fr.sp++] = v;
    this.pushFrame(t, fr);
    g.delegated = true;
    // Its continuation (continuations.ts): the delegator's SEND unless the caller says otherwise.
    fr.cont = K_SEND;
    fr.inl = true;
    fr.outerTick = tick;
    fr.contVal = undefined;
    return fr;
  }

  /** A delegated generator's frame left by yield or return (already popped): its flags. */
  delegateLeave(g: PyGenerator, returned: PyVal | undefined): void {
    g.delegated = false;
    g.running = false;
    if (returned !== undefined) {
      g.done = true;
      this.genReturn = returned;
    }
  }

  /** A delegated generator's frame unwound by `e` (already popped): what its delegator sees. */
  delegateRaised(t: GuestThread, g: PyGenerator, e: PyExc): PyExc {
    g.delegated = false;
    g.running = false;
    g.done = true;
    let r = e;
    if (this.isSubtype(e.cls, this.exc.get('StopIteration')!)) {
      r = this.err('RuntimeError', 'generator raised StopIteration');
      r.cause = e;
      r.context = e;
    }
    if (r.context === null && t.excInfo !== null && t.excInfo !== r) r.context = t.excInfo;
    return r;
  }

  /** A host signal leaves a nested loop: its delegated generators end as a nested run's would. */
  delegateAbandon(t: GuestThread, base: number): void {
    for (let i = t.frames.length - 1; i > base; i--) {
      const g = t.frames[i]!.gen;
      if (g !== null && g.delegated) {
        g.delegated = false;
        g.running = false;
        g.done = true;
      }
    }
  }

  /** What a suspended generator delegates to (CPython's gi_yieldfrom): the iterator of the
   *  `yield from` it is suspended in, or null. */
  yieldFrom(g: PyGenerator): PyVal | null {
    if (!g.started || g.done || g.running) return null;
    const fr = g.frame;
    const code = fr.code.code;
    const at = fr.lasti;
    if (at < 1 || code[at << 1] !== Op.YIELD_VALUE || code[(at - 1) << 1] !== Op.SEND) return null;
    return fr.stack[fr.sp - 1] as PyVal;
  }

  /** The chain g, the generator g delegates to, and so on (the last delegates to no generator). */
  private delegationChain(g: PyGenerator): PyGenerator[] {
    const chain = [g];
    for (let y = this.yieldFrom(g); y instanceof PyGenerator && !y.done; y = this.yieldFrom(y)) chain.push(y);
    return chain;
  }

  /**
   * generator.throw(e) (CPython's _gen_throw): thrown into the innermost generator of g's
   * `yield from` chain (or its iterator's throw()), then, level by level outwards, a yield ends
   * the call with that value, a return resumes the delegator after its SEND with the value, an
   * exception is raised in the delegator at its yield. A loop over the levels, no host recursion.
   * Returns the yielded value, or undefined when g returned (value in genReturn).
   */
  genThrow(g: PyGenerator, e: PyExc): PyVal | undefined {
    const chain = this.delegationChain(g);
    let i = chain.length - 1;
    let exc: PyExc | null = e;
    let sent: PyVal = this.None;
    const leafIter = this.yieldFrom(chain[i]!);
    if (leafIter !== null && !(leafIter instanceof PyGenerator)) {
      const m = this.lookup(this.typeOf(leafIter), 'throw');
      if (m !== undefined) {
        try {
          for (const c of chain) c.running = true;
          return this.callValue(m, [leafIter, e], null);
        } catch (x) {
          const px = this.toGuest(x);
          if (px === null) throw x;
          if (this.isSubtype(px.cls, this.exc.get('StopIteration')!)) {
            exc = null;
            sent = px.args[0] ?? this.None;
          } else exc = px;
        } finally {
          for (const c of chain) c.running = false;
        }
      }
    }
    for (; i >= 0; i--) {
      const gi = chain[i]!;
      if (exc === null) {
        // The delegate returned `sent`: the delegator goes on after its SEND with that value.
        const fr = gi.frame;
        fr.pc = fr.code.code[((fr.lasti - 1) << 1) + 1]!;
        fr.sp--;
      }
      for (let j = 0; j < i; j++) chain[j]!.running = true;
      let r: PyVal | undefined;
      try {
        r = this.genSend(gi, sent, exc);
      } catch (x) {
        const px = this.toGuest(x);
        if (px === null) throw x;
        exc = px;
        sent = this.None;
        continue;
      } finally {
        for (let j = 0; j < i; j++) chain[j]!.running = false;
      }
      if (r !== undefined) return r;
      exc = null;
      sent = this.genReturn;
    }
    if (exc !== null) throw exc;
    this.genReturn = sent;
    return undefined;
  }

  /**
   * generator.close() (CPython's gen_close): the delegate chain is closed innermost first; each
   * level is thrown GeneratorExit, or the error closing its delegate raised. A loop, no recursion.
   */
  genClose(g: PyGenerator): void {
    if (g.done || !g.started) {
      g.done = true;
      return;
    }
    const chain = this.delegationChain(g);
    let err: PyExc | null = null;
    const leafIter = this.yieldFrom(chain[chain.length - 1]!);
    if (leafIter !== null && !(leafIter instanceof PyGenerator)) {
      const m = this.lookup(this.typeOf(leafIter), 'close');
      if (m !== undefined) {
        try {
          this.callValue(m, [leafIter], null);
        } catch (x) {
          err = this.toGuest(x);
          if (err === null) throw x;
        }
      }
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const gi = chain[i]!;
      if (gi.done) continue;
      try {
        const r = this.genSend(gi, this.None, err ?? this.err('GeneratorExit', null));
        err = r === undefined ? null : this.err('RuntimeError', 'generator ignored GeneratorExit');
      } catch (x) {
        const px = this.toGuest(x);
        if (px === null) throw x;
        err = this.isSubtype(px.cls, this.exc.get('GeneratorExit')!) || this.isSubtype(px.cls, this.exc.get('StopIteration')!) ? null : px;
      }
    }
    if (err !== null) throw err;
  }

  /** Starts a nested generator run by raising `e` inside it (generator.throw). */
  protected execThrowInto(t: GuestThread, budget: number, base: number, e: PyExc): number {
    const f = t.frames[t.frames.length - 1]!;
    const h = this.findHandler(f.code, Math.max(0, f.lasti));
    this.addTb(e, f, f.lasti);
    if (h === null) {
      this.heap.freeFrame(t.id, t.core, f.addr, f.size);
      t.frames.pop();
      if (f.gen !== null) f.gen.done = true;
      throw e;
    }
    f.sp = h.depth;
    if (h.lasti) f.stack[f.sp++] = f.lasti;
    f.stack[f.sp++] = e;
    f.pc = h.target;
    return this.execLoop(t, budget, base);
  }
}
