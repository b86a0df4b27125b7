/**
 * `time`: clocks read the running core's simulated cycle counter (seconds = cycles / frequency);
 * sleep blocks the thread until its core's clock reaches the wake-up cycle (an unfriendly
 * operation: the policy decides what happens to a transaction that sleeps).
 */
import type { PyModule } from '../values.js';
import { BLOCK_SIGNAL } from '../vm/signals.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, newFloat, newModule, toFloat, factoryModule } from './kit.js';

export const time = factoryModule('time', makeTime);

function makeTime(vm: Vm): PyModule {
  const None = vm.None;
  const F = (x: number): ReturnType<typeof newFloat> => newFloat(vm, x);
  const m = newModule(vm, 'time');
  const hz = vm.port.freqGHz * 1e9;
  const now = (): number => (vm.port.now(vm.cur.core) as number) / hz;
  defineFn(vm, m, 'time', () => F(now()));
  defineFn(vm, m, 'perf_counter', () => F(now()));
  defineFn(vm, m, 'monotonic', () => F(now()));
  defineFn(vm, m, 'process_time', () => F(now()));
  defineFn(vm, m, 'time_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'perf_counter_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'monotonic_ns', () => Math.round(now() * 1e9));
  defineFn(vm, m, 'sleep', (a) => {
    const t = vm.cur;
    const secs = toFloat(vm, a[0]!);
    if (secs < 0) throw vm.err('ValueError', 'sleep length must be non-negative');
    const cyc = vm.port.now(t.core) as number;
    if (t.sleepUntil >= 0) {
      if (cyc >= t.sleepUntil) {
        t.sleepUntil = -1;
        return None;
      }
    } else t.sleepUntil = cyc + Math.round(secs * hz);
    if (cyc >= t.sleepUntil) {
      t.sleepUntil = -1;
      return None;
    }
    t.blockedOn = { kind: 'sleep', until: t.sleepUntil };
    throw BLOCK_SIGNAL;
  }, 'sleep');
  return m;
}
