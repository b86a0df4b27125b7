/**
 * Asynchronous generators' methods (`__aiter__`, `__anext__`, `asend`, `athrow`, `aclose`) and
 * their awaitables' (`async_generator_asend`, `async_generator_athrow`: `send`, `throw`,
 * `close`, `__await__`, `__iter__`, `__next__`). The logic is the VM's (vm/async.ts); a finished
 * awaitable raises StopIteration(value) here, where host code drives it.
 */
import { PyAGenAwaitable, PyGenerator } from '../thread.js';
import type { PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import type { Kit } from './kit.js';

export function installAsyncGeneratorMethods(vm: Vm, kit: Kit): void {
  const { T, None, stopIteration } = kit;
  const agenOf = (v: PyVal | undefined, name: string): PyGenerator => {
    if (v instanceof PyGenerator && v.cls === T.async_generator) return v;
    throw vm.typeErr(`descriptor '${name}' for 'async_generator' objects doesn't apply to a '${vm.typeOf(v ?? None).name}' object`);
  };
  const excOf = (a: PyVal[]): ReturnType<Vm['makeExc']> => vm.makeExc(a[2] !== undefined && a[2] !== None ? a[2] : a[1]!);
  const finish = (r: PyVal | undefined): PyVal => {
    if (r === undefined) throw stopIteration(vm.genReturn);
    return r;
  };

  vm.method(T.async_generator, '__aiter__', (a) => agenOf(a[0], '__aiter__'));
  vm.method(T.async_generator, '__anext__', (a) => vm.newAGenAwaitable(agenOf(a[0], '__anext__'), 'asend', None, null));
  vm.method(T.async_generator, 'asend', (a) => {
    if (a.length !== 2) throw vm.typeErr(`async_generator.asend() takes exactly one argument (${a.length - 1} given)`);
    return vm.newAGenAwaitable(agenOf(a[0], 'asend'), 'asend', a[1]!, null);
  });
  vm.method(T.async_generator, 'athrow', (a) => {
    if (a.length < 2) throw vm.typeErr(`athrow expected at least 1 argument, got ${a.length - 1}`);
    return vm.newAGenAwaitable(agenOf(a[0], 'athrow'), 'athrow', None, excOf(a));
  });
  vm.method(T.async_generator, 'aclose', (a) => vm.newAGenAwaitable(agenOf(a[0], 'aclose'), 'aclose', None, null));

  for (const tp of [T.async_generator_asend, T.async_generator_athrow]) {
    const aw = (v: PyVal | undefined): PyAGenAwaitable => v as PyAGenAwaitable;
    vm.method(tp, 'send', (a) => finish(vm.agenAwaitSend(aw(a[0]), a[1] ?? None)));
    vm.method(tp, '__next__', (a) => finish(vm.agenAwaitSend(aw(a[0]), None)));
    vm.method(tp, 'throw', (a) => finish(vm.agenAwaitThrow(aw(a[0]), excOf(a))));
    vm.method(tp, 'close', (a) => {
      vm.agenAwaitClose(aw(a[0]));
      return None;
    });
    vm.method(tp, '__await__', (a) => a[0]!);
    vm.method(tp, '__iter__', (a) => a[0]!);
  }
}
