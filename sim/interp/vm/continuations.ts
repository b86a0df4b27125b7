/**
 * In-loop runs: guest code an instruction starts on its own behalf runs in a frame pushed onto the
 * SAME eval loop, with a continuation (`Frame.cont`) saying what the instruction does with the
 * frame's result, instead of in a nested host loop. Then a block (lock, join, sleep, queue wait)
 * inside it re-executes only the innermost instruction, as in CPython, instead of the whole outer
 * one (which repeated the callee's side effects, or ended a generator early).
 *
 * Which instructions: FOR_ITER over a generator, over an object whose `__next__` is a guest
 * function, over `iter(callable, sentinel)` of a guest function; BEFORE_WITH's guest `__enter__`;
 * the with-statement's exit calls of a guest `__exit__` (its CALL and WITH_EXCEPT_START); the
 * builtin `next(generator[, default])` called by CALL; `yield from`'s SEND (generators.ts).
 *
 * Such a frame and every frame it calls run as the nested run did (`Frame.inl`: no yield points,
 * no safe points, host calls flagged nested), with the nested loop's own ticker count (saved and
 * restored as a nested loop would), the same frame activation and the same accesses, so the
 * simulated figures of a program that does not block in them are those of the nested version.
 */
import { CodeFlag } from '../chunk.js';
import { Op, OP_NAMES } from '../opcodes.js';
import { Frame, GuestThread, K_FOR, K_NEXT, K_SEND, K_SENTINEL, K_VALUE, PyGenerator } from '../thread.js';
import { PyBuiltin, PyExc, PyFunction, PyIter, PyMethod, PyObject, PyType, type PyVal } from '../values.js';
import { VmColdOps } from './cold-ops.js';

export abstract class VmContinuations extends VmColdOps {
  private nextBuiltin: PyVal | undefined = undefined;

  /** A guest function `fn` can run in-loop: a plain function (a generator function makes a generator). */
  private inLoopFn(fn: PyVal): fn is PyFunction {
    return fn instanceof PyFunction && (fn.code.flags & CodeFlag.GENERATOR) === 0;
  }

  /** Pushes fn's frame (bound as callValue binds it) to run in-loop for instruction opPc of f. */
  private enterCall(t: GuestThread, fn: PyFunction, args: PyVal[], kw: Map<string, PyVal> | null, cont: number, tick: number): Frame {
    let kwn: string[] | null = null, kwv: PyVal[] | null = null;
    if (kw !== null && kw.size > 0) {
      kwn = [...kw.keys()];
      kwv = [...kw.values()];
    }
    // The nested run's order: bind (the frame's traffic), then the depth check.
    const nf = this.bindFrame(t, fn, args, 0, args.length, kwn, kwv);
    this.checkDepth(t);
    this.pushFrame(t, nf);
    this.activate(t, nf);
    nf.inl = true;
    nf.cont = cont;
    nf.outerTick = tick;
    nf.contVal = undefined;
    return nf;
  }

  /** A generator resumed in-loop with None (FOR_ITER, next()); null when genSend must handle it. */
  private enterGen(t: GuestThread, g: PyGenerator, cont: number, tick: number): Frame | null {
    if (g.cls === this.T.coroutine) return null;
    const fr = this.delegateEnter(t, g, this.None, tick);
    if (fr !== null) fr.cont = cont;
    return fr;
  }

  /** FOR_ITER of `it` (f's pc/sp/lasti saved): the frame to continue in, or null (iterate in host). */
  protected forIterEnter(t: GuestThread, it: PyVal, tick: number): Frame | null {
    if (it instanceof PyGenerator) return this.enterGen(t, it, K_FOR, tick);
    if (it instanceof PyIter) {
      const c = it.callable;
      if (c === null || it.exhausted) return null;
      const fn = c instanceof PyMethod ? c.func : c;
      if (!this.inLoopFn(fn)) return null;
      const nf = this.enterCall(t, fn, c instanceof PyMethod ? [c.self] : [], null, K_SENTINEL, tick);
      nf.contVal = it;
      return nf;
    }
    if (!(it instanceof PyObject)) return null;
    const m = this.lookup(this.typeOf(it), '__next__');
    if (m === undefined || !this.inLoopFn(m)) return null;
    return this.enterCall(t, m, [it], null, K_FOR, tick);
  }

  /** BEFORE_WITH with a guest `__enter__` (f's position saved by the caller): its frame, or null. */
  protected withEnter(t: GuestThread, f: Frame, sp: number, tick: number): Frame | null {
    const mgr = f.stack[sp - 1] as PyVal;
    const tp = this.typeOf(mgr);
    const enter = this.lookup(tp, '__enter__');
    const exit = this.lookup(tp, '__exit__');
    if (enter === undefined || exit === undefined || !this.inLoopFn(enter)) return null;
    f.stack[sp - 1] = this.bind(exit, mgr, tp);
    return this.enterCall(t, enter, [mgr], null, K_VALUE, tick);
  }

  /** WITH_EXCEPT_START with a guest `__exit__` (f's position saved by the caller): its frame, or null. */
  protected withExceptEnter(t: GuestThread, f: Frame, sp: number, tick: number): Frame | null {
    const val = f.stack[sp - 1] as PyVal;
    const exitf = f.stack[sp - 4] as PyVal;
    if (!(exitf instanceof PyMethod) || !this.inLoopFn(exitf.func)) return null;
    // __exit__(type, value, traceback): the traceback as the exception carries it (CPython's third argument).
    const tb = val instanceof PyExc ? this.tracebackOf(val) : this.None;
    return this.enterCall(t, exitf.func, [exitf.self, this.typeOf(val), val, tb], null, K_VALUE, tick);
  }

  /** A call of a bound guest method with no NULL slot (the with-exit's CALL, WITH_EXCEPT_START):
   *  its frame in-loop, or null. The caller's position is saved by the caller. */
  protected boundCallEnter(t: GuestThread, m: PyVal, args: PyVal[], kw: Map<string, PyVal> | null, tick: number): Frame | null {
    if (!(m instanceof PyMethod) || !this.inLoopFn(m.func)) return null;
    return this.enterCall(t, m.func, [m.self, ...args], kw, K_VALUE, tick);
  }

  /** CALL of the builtin next(g[, default]) on a generator: its frame in-loop, or null. */
  protected nextCallEnter(t: GuestThread, fn: PyVal, args: PyVal[], kw: Map<string, PyVal> | null, tick: number): Frame | null {
    // Only a plain generator: coroutines and async generators are no iterators (the builtin says so).
    if (!(fn instanceof PyBuiltin) || kw !== null || args.length < 1 || args.length > 2 || !(args[0] instanceof PyGenerator) || args[0].cls !== this.T.generator) return null;
    this.nextBuiltin ??= this.builtins.getStr('next');
    if (fn !== this.nextBuiltin) return null;
    const fr = this.enterGen(t, args[0], K_NEXT, tick);
    if (fr !== null) fr.contVal = args[1];
    return fr;
  }

  /**
   * A frame run in-loop returned r (popped; f is the frame below): f's continuation, on f.pc/f.sp.
   * next() of a generator that returned without a default raises StopIteration: the loop raises it
   * at f's instruction.
   */
  protected contReturn(t: GuestThread, done: Frame, f: Frame, r: PyVal): void {
    // f changes below: a transaction begun inside the run (it can stop there, blocked) restores it.
    this.activate(t, f);
    const g = done.gen;
    if (g !== null) this.delegateLeave(g, r);
    const target = f.code.code[(f.lasti << 1) + 1]!;
    switch (done.cont) {
      case K_SEND:
        f.pc = target;
        f.stack[f.sp - 1] = r;
        return;
      case K_FOR:
        if (g !== null) {
          f.sp--;
          f.pc = target;
          return;
        }
        if (this.rcOn) this.rc(t, r);
        f.stack[f.sp++] = r;
        return;
      case K_SENTINEL: {
        const it = done.contVal as PyIter;
        if (this.eq(r, it.sentinel!)) {
          it.exhausted = true;
          f.sp--;
          f.pc = target;
          if (this.life !== null && this.life.zlen > 0) this.life.dirty = true;
          return;
        }
        if (this.rcOn) this.rc(t, r);
        f.stack[f.sp++] = r;
        return;
      }
      case K_VALUE:
        f.stack[f.sp++] = r;
        return;
      case K_NEXT:
        if (done.contVal === undefined) throw this.stopIterationOf(r);
        f.stack[f.sp++] = done.contVal;
        return;
      default:
        throw new Error(`htmsim VM: bad continuation ${done.cont}`);
    }
  }

  /** A generator frame run in-loop yielded v (popped; f is the frame below). */
  protected contYield(t: GuestThread, fr: Frame, f: Frame, v: PyVal): void {
    this.activate(t, f);
    this.delegateLeave(fr.gen!, undefined);
    if (fr.cont === K_FOR && this.rcOn) this.rc(t, v);
    f.stack[f.sp++] = v;
  }

  /**
   * A frame run in-loop was unwound by e (popped; f is the frame below): the exception its
   * instruction sees, or null when the instruction handles it (a `__next__`'s StopIteration ends
   * the for loop: f's position is set past it).
   */
  protected contError(t: GuestThread, done: Frame, f: Frame, e: PyExc): PyExc | null {
    this.activate(t, f);
    const g = done.gen;
    if (g !== null) return this.delegateRaised(t, g, e);
    if (done.cont === K_FOR && this.isSubtype(e.cls, this.exc.get('StopIteration')!)) {
      f.sp--;
      f.pc = f.code.code[(f.lasti << 1) + 1]!;
      if (this.life !== null && this.life.zlen > 0) this.life.dirty = true;
      return null;
    }
    if (e.context === null && t.excInfo !== null && t.excInfo !== e) e.context = t.excInfo;
    return e;
  }

  /**
   * The thread blocked inside a nested host loop (guest code run by host code: a generator
   * consumed by list()/sum()/sorted()/str.join, a key= or map() function, a dunder a builtin
   * calls). The host frames around it cannot be resumed, and re-running the outer instruction
   * would repeat or lose the guest code's effects, so the wait becomes a guest RuntimeError that
   * names the construct. (for loops, with statements and next() run such code in-loop instead.)
   */
  protected nestedBlockError(t: GuestThread, base: number, fn: PyVal | null): PyExc {
    const b = t.blockedOn;
    const on = b === null ? 'a wait' : b.kind === 'lock' ? 'a lock' : b.kind === 'join' ? 'a thread join' : b.kind === 'sleep' ? 'time.sleep' : 'transaction workers';
    t.blockedOn = null;
    t.sleepUntil = -1;
    t.timedAcquire = null;
    const below = t.frames[base - 1];
    let site = 'host code';
    if (below !== undefined) {
      const op = below.code.code[below.lasti << 1]!;
      if ((op === Op.CALL || op === Op.CALL_KW || op === Op.CALL_FUNCTION_EX) && (fn instanceof PyBuiltin || fn instanceof PyType)) site = `${fn.name}()`;
      else site = `the ${OP_NAMES[op] ?? op} instruction`;
    }
    return this.err('RuntimeError', `htmsim: a thread cannot block (on ${on}) inside guest code run by ${site} ` +
      '(a generator it consumes, or a function it calls): htmsim cannot wait in a nested run; consume the generator or call the function from a for loop instead');
  }

  /** StopIteration(value), as the builtin next() makes it (objects/kit.ts). */
  private stopIterationOf(v: PyVal): PyExc {
    const e = new PyExc(this.exc.get('StopIteration')!);
    e.args = v === this.None ? [] : [v];
    return e;
  }
}
