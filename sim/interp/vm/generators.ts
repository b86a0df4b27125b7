/** Generators: a generator object owns its frame; each resumption runs it nested until it yields. */
import { Op } from '../opcodes.js';
import { Frame, PyGenerator } from '../thread.js';
import { PyExc, type PyVal } from '../values.js';
import { L_GENYIELD } from './signals.js';
import { VmCalls } from './calls.js';

export abstract class VmGenerators extends VmCalls {

  makeGenerator(fr: Frame): PyGenerator {
    const g = new PyGenerator(this.T.generator, fr);
    this.place(g, 96);
    fr.gen = g;
    // Skip RETURN_GENERATOR: the first resumption pushes the sent None which POP_TOP drops.
    if (fr.code.code[0] === Op.RETURN_GENERATOR) fr.pc = 1;
    return g;
  }

  /** Resumes a generator with `value`; returns the yielded value, or undefined when it returned
   *  (the return value is left in t.retVal as `genReturn`). Raises what the generator raises. */
  genSend(g: PyGenerator, value: PyVal, throwExc: PyExc | null = null): PyVal | undefined {
    const t = this.cur;
    if (g.done) {
      if (throwExc !== null) throw throwExc;
      this.genReturn = this.None;
      return undefined;
    }
    if (g.running) throw this.err('ValueError', 'generator already executing');
    this.checkNest(t);
    const fr = g.frame;
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
}
