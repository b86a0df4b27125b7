/** The policy hooks: yield points, suspension before unfriendly operations, STM barriers. */
import { describe, expect, it } from 'vitest';
import { BARRIER_CONTINUE, BARRIER_WAIT, DefaultHooks, type BarrierResult } from '../../sim/interp/hooks.js';
import { Interpreter, type GuestThread } from '../../sim/interp/interpreter.js';
import type { PyObject, UnfriendlyKind } from '../../sim/interp/values.js';
import { DEFAULT_INTERP, haswell } from './helpers.js';

function make(hooks: DefaultHooks, src: string): { interp: Interpreter; out: () => string; t: GuestThread } {
  let out = '';
  const interp = new Interpreter({ port: haswell(), config: DEFAULT_INTERP, hooks, seed: 0, stdout: (s) => (out += s), stderr: (s) => (out += s) });
  const t = interp.startMain(src, 'h.py');
  return { interp, out: () => out, t };
}

describe('policy hooks', () => {
  it('yield points are function entry, loop back-edges and returns', () => {
    class Count extends DefaultHooks {
      n = 0;
      override yieldPoint(): boolean {
        this.n++;
        return false;
      }
    }
    const h = new Count();
    const { interp, t } = make(h, 'def f():\n    return 1\nfor i in range(3):\n    f()\n');
    expect(interp.step(t, 1_000_000)).toBe('done');
    // module RESUME 1 + 3 × (f's RESUME + return) + 3 back-edges
    expect(h.n).toBe(1 + 3 * 2 + 3);
  });

  it('a yield point that asks to stop ends the step there and the next step continues', () => {
    class StopEvery extends DefaultHooks {
      override yieldPoint(): boolean {
        return true;
      }
    }
    const { interp, t, out } = make(new StopEvery(), 'x = 0\nfor i in range(5):\n    x += i\nprint(x)\n');
    let yields = 0;
    for (;;) {
      const r = interp.step(t, 1_000_000);
      if (r === 'done') break;
      expect(r).toBe('yield');
      yields++;
    }
    expect(yields).toBe(1 + 5);
    expect(out()).toBe('10\n');
  });

  it('beforeUnfriendly returning false suspends before print; it runs exactly once when resumed', () => {
    class Gate extends DefaultHooks {
      refused = 0;
      open = false;
      kinds: UnfriendlyKind[] = [];
      override beforeUnfriendly(_t: GuestThread, kind: UnfriendlyKind): boolean {
        this.kinds.push(kind);
        if (!this.open) {
          this.refused++;
          return false;
        }
        return true;
      }
    }
    const g = new Gate();
    const { interp, t, out } = make(g, 'a = [1]\nprint("hello", a)\nprint("again")\n');
    expect(interp.step(t, 1_000_000)).toBe('suspended');
    expect(out()).toBe('');
    expect(interp.step(t, 1_000_000)).toBe('suspended');
    g.open = true;
    expect(interp.step(t, 1_000_000)).toBe('done');
    expect(out()).toBe('hello [1]\nagain\n');
    expect(g.refused).toBe(2);
    expect(g.kinds.every((k) => k === 'output')).toBe(true);
  });

  it('barriers are called for mutable objects only when enabled; WAIT re-executes the instruction', () => {
    class Stm extends DefaultHooks {
      override readonly barriers = true;
      reads = 0;
      writes = 0;
      waitOnce = true;
      override readBarrier(_t: GuestThread, _o: PyObject): BarrierResult {
        this.reads++;
        return BARRIER_CONTINUE;
      }
      override writeBarrier(_t: GuestThread, _o: PyObject): BarrierResult {
        this.writes++;
        if (this.waitOnce) {
          this.waitOnce = false;
          return BARRIER_WAIT;
        }
        return BARRIER_CONTINUE;
      }
    }
    const h = new Stm();
    const { interp, t, out } = make(h, 'L = [0, 0]\nL[0] = 5\nL.append(L[0] + 1)\nprint(L)\n');
    let r = interp.step(t, 1_000_000);
    expect(r).toBe('suspended');
    r = interp.step(t, 1_000_000);
    expect(r).toBe('done');
    expect(out()).toBe('[5, 0, 6]\n');
    expect(h.reads).toBeGreaterThan(0);
    expect(h.writes).toBeGreaterThanOrEqual(3);
    const plain = new (class extends DefaultHooks {
      calls = 0;
      override readBarrier(): BarrierResult {
        this.calls++;
        return BARRIER_CONTINUE;
      }
    })();
    const m = make(plain, 'L = [0]\nL[0] = L[0] + 1\n');
    m.interp.step(m.t, 1_000_000);
    expect(plain.calls).toBe(0);
  });
});
