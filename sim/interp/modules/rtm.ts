/**
 * `rtm`: Intel RTM as guest functions (xbegin/xend/xabort/xtest and the status constants), on the
 * machine's HTM unit. A started xbegin also starts the VM's transaction ('rtm' kind: an abort
 * resumes after the xbegin() call with the status as its value); xend commits at the outermost level.
 */
import { XBEGIN_STARTED, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_DEBUG, XABORT_EXPLICIT, XABORT_NESTED, XABORT_RETRY } from '../../machine/port.js';
import type { PyModule } from '../values.js';
import { ABORT_SIGNAL } from '../vm/signals.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, newModule, toInt, factoryModule } from './kit.js';

export const rtm = factoryModule('rtm', makeRtm);

function makeRtm(vm: Vm): PyModule {
  const None = vm.None;
  const m = newModule(vm, 'rtm');
  defineValue(m, 'XBEGIN_STARTED', XBEGIN_STARTED >>> 0);
  defineValue(m, 'XABORT_EXPLICIT', XABORT_EXPLICIT);
  defineValue(m, 'XABORT_RETRY', XABORT_RETRY);
  defineValue(m, 'XABORT_CONFLICT', XABORT_CONFLICT);
  defineValue(m, 'XABORT_CAPACITY', XABORT_CAPACITY);
  defineValue(m, 'XABORT_DEBUG', XABORT_DEBUG);
  defineValue(m, 'XABORT_NESTED', XABORT_NESTED);
  const htm = vm.port.htm;
  defineFn(vm, m, 'xbegin', () => {
    const t = vm.cur;
    if (!htm.enabled) return 0;
    if (vm.hooks.rtmBegin !== undefined && !htm.active(t.core)) {
      const rb = t.rollbacks;
      vm.hooks.rtmBegin(t);
      if (t.rollbacks !== rb) throw ABORT_SIGNAL;
    }
    const st = htm.begin(t.core);
    if (st >>> 0 === XBEGIN_STARTED >>> 0) {
      if (t.tx === null) vm.txBegin(t, 'rtm');
      return XBEGIN_STARTED >>> 0;
    }
    // The begin itself aborted (nesting overflow): the handler rolled back to the outer xbegin.
    throw ABORT_SIGNAL;
  });
  defineFn(vm, m, 'xend', () => {
    const t = vm.cur;
    if (!htm.enabled || !htm.active(t.core)) throw vm.err('RuntimeError', 'xend() outside a transaction');
    htm.end(t.core);
    if (!htm.active(t.core)) vm.txCommit(t);
    return None;
  });
  defineFn(vm, m, 'xabort', (a) => {
    const t = vm.cur;
    const code = Number(toInt(vm, a[0] ?? 0)) & 0xff;
    if (!htm.enabled || !htm.active(t.core)) return None;
    htm.abort(t.core, code);
    throw ABORT_SIGNAL;
  });
  defineFn(vm, m, 'xtest', () => htm.enabled && htm.active(vm.cur.core));
  defineFn(vm, m, 'xabort_code', (a) => (Number(toInt(vm, a[0]!)) >>> 24) & 0xff);
  return m;
}
