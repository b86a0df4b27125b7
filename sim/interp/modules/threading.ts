/**
 * `threading`: Thread (guest Python below, so thread bodies run with yield points like user
 * code), current_thread/main_thread/enumerate, and the `_thread` locks Lock/RLock. A started
 * Thread gets a new GuestThread whose first frame is its run(); the scheduler places it.
 *
 * Locks are host objects whose lock word has its own line: acquire is an atomic read-modify-write
 * of that word; a contended blocking acquire asks the policy (an unfriendly operation) and blocks
 * the thread on the lock. holder/count change through the write path (vm.fieldSet), so a
 * rolled-back transaction releases what it took.
 */
import type { PyDict } from '../dict.js';
import type { GuestThread } from '../thread.js';
import { PyFunction, PyLock, PyMethod, PyObject, type PyModule, type PyType, type PyVal } from '../values.js';
import { BLOCK_SIGNAL } from '../vm/signals.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, newModule, toFloat, type GuestModule } from './kit.js';

/** threading.TIMEOUT_MAX on 64-bit Linux (CPython 3.11): the largest timeout acquire() takes. */
const TIMEOUT_MAX = 9223372036.0;

const THREADING_SRC = `
class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = tuple(args)
        self._kwargs = {} if kwargs is None else dict(kwargs)
        n = _next_id()
        if name is None:
            name = 'Thread-%d' % n
            if target is not None:
                tn = getattr(target, '__name__', None)
                if tn is not None:
                    name = name + ' (' + tn + ')'
        self._name = str(name)
        self._started = False
        self._ident = None
        self.daemon = bool(daemon)

    def start(self):
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        _start(self)

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')
        _join(self)

    def is_alive(self):
        return _alive(self)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def getName(self):
        return self._name

    def __repr__(self):
        status = 'initial'
        if self._started:
            status = 'started' if _alive(self) else 'stopped'
        return '<%s(%s, %s)>' % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name='MainThread')
        self._started = True


def current_thread():
    return _current()

currentThread = current_thread

def main_thread():
    return _main()

def get_ident():
    return _current().ident

def active_count():
    return _active_count()

def enumerate():
    return _enumerate()
`;

const SYNC_NAMES = new Set(['Condition', 'Event', 'Semaphore', 'BoundedSemaphore', 'Barrier', 'BrokenBarrierError', 'Timer', 'local']);

export const threading: GuestModule = {
  name: 'threading',
  install(vm: Vm): void {
    const lockT = vm.T.lock;
    lockT.name = 'lock';
    const rlockT = vm.makeType('RLock', [vm.T.object], 'lock', true, '_thread');
    installLocks(vm, lockT, rlockT);
    const pyThreadOf = new Map<PyVal, GuestThread>();
    const state = { mainThreadObj: null as PyVal | null };
    vm.moduleFactories.set('threading', () => makeThreading(vm, lockT, rlockT, pyThreadOf, state));
  },
};

function installLocks(vm: Vm, lockT: PyType, rlockT: PyType): void {
  const None = vm.None;
  const makeLock = (reentrant: boolean): PyLock => {
    const l = new PyLock(reentrant ? rlockT : lockT, reentrant);
    // The lock word gets its own line (as a real mutex would in a padded struct).
    vm.place(l, 64);
    return l;
  };
  /**
   * `timeout` in seconds, -1 for none. A blocked call re-executes when the thread wakes (lock
   * released, or the deadline on its core's clock passed): t.timedAcquire keeps the deadline of the
   * first attempt, so the wait is T seconds in all, as CPython's.
   */
  const acquire = (l: PyLock, blocking: boolean, timeout = -1): boolean => {
    const t = vm.cur;
    const timed = t.timedAcquire !== null && t.timedAcquire.lock === l ? t.timedAcquire : null;
    t.timedAcquire = null;
    // An atomic read-modify-write of the lock word.
    vm.rd(t, l.addr, 8);
    vm.wr(t, l.addr, 8);
    if (l.holder === -1) {
      vm.fieldSet(t, l, 'holder', t.id);
      vm.fieldSet(t, l, 'count', 1);
      return true;
    }
    if (l.reentrant && l.holder === t.id) {
      vm.fieldSet(t, l, 'count', l.count + 1);
      return true;
    }
    if (!blocking || timeout === 0) return false;
    let until = -1;
    if (timeout > 0) {
      const now = vm.port.now(t.core) as number;
      until = timed !== null ? timed.until : now + Math.round(timeout * vm.port.freqGHz * 1e9);
      if (now >= until) return false;
    }
    vm.unfriendly(t, 'lock-block', t.nest > 0);
    if (until >= 0) t.timedAcquire = { lock: l, until };
    t.blockedOn = { kind: 'lock', lock: l, until };
    throw BLOCK_SIGNAL;
  };
  /** acquire(blocking=True, timeout=-1): CPython's checks and messages (lock_acquire_parse_args). */
  const acquireArgs = (a: PyVal[], kw: Map<string, PyVal> | null): boolean => {
    const blocking = vm.truthy(a[1] ?? kw?.get('blocking') ?? true);
    const tv = a[2] ?? kw?.get('timeout');
    let timeout = -1;
    if (tv !== undefined) {
      timeout = toFloat(vm, tv);
      if (!blocking && timeout !== -1) throw vm.err('ValueError', "can't specify a timeout for a non-blocking call");
      if (timeout < 0 && timeout !== -1) throw vm.err('ValueError', 'timeout value must be positive');
      if (timeout > TIMEOUT_MAX) throw vm.err('OverflowError', 'timeout value is too large');
    }
    return acquire(a[0] as PyLock, blocking, timeout);
  };
  const release = (l: PyLock): void => {
    const t = vm.cur;
    if (l.holder === -1) throw vm.err('RuntimeError', l.reentrant ? 'cannot release un-acquired lock' : 'release unlocked lock');
    if (l.reentrant && l.holder !== t.id) throw vm.err('RuntimeError', 'cannot release un-acquired lock');
    vm.wr(t, l.addr, 8);
    if (l.reentrant && l.count > 1) {
      vm.fieldSet(t, l, 'count', l.count - 1);
      return;
    }
    vm.fieldSet(t, l, 'count', 0);
    vm.fieldSet(t, l, 'holder', -1);
  };
  for (const lt of [lockT, rlockT]) {
    vm.method(lt, 'acquire', acquireArgs);
    vm.method(lt, '__enter__', (a) => acquire(a[0] as PyLock, true));
    vm.method(lt, 'release', (a) => {
      release(a[0] as PyLock);
      return None;
    });
    vm.method(lt, '__exit__', (a) => {
      release(a[0] as PyLock);
      return false;
    });
    vm.method(lt, 'locked', (a) => (a[0] as PyLock).holder !== -1);
  }
  vm.ctors.set(lockT, () => makeLock(false));
  vm.ctors.set(rlockT, () => makeLock(true));
}

function makeThreading(vm: Vm, lockT: PyType, rlockT: PyType, pyThreadOf: Map<PyVal, GuestThread>,
  state: { mainThreadObj: PyVal | null }): PyModule {
  const None = vm.None;
  const m = newModule(vm, 'threading');
  const d = m.dict as PyDict;
  defineValue(m, 'Lock', lockT);
  defineValue(m, 'RLock', rlockT);
  defineValue(m, '_allocate_lock', lockT);
  let nextId = 0;
  defineFn(vm, m, '_next_id', () => ++nextId);
  defineFn(vm, m, '_start', (a) => {
    const obj = a[0]!;
    const t = vm.cur;
    const nt = vm.newThread(String(vm.getAttr(obj, '_name')), (vm.threads.length) % vm.port.cores, false);
    nt.pyThread = obj;
    pyThreadOf.set(obj, nt);
    vm.setAttr(obj, '_ident', 0x7f0000001000 + nt.id * 0x1000);
    const run = vm.getAttr(obj, 'run');
    const f = run instanceof PyMethod && run.func instanceof PyFunction ? run.func : null;
    if (f === null) throw vm.typeErr('Thread.run must be a Python function');
    vm.cur = nt;
    try {
      const fr = vm.bindFrame(nt, f, [obj], 0, 1, null, null);
      vm.pushFrame(nt, fr);
    } finally {
      vm.cur = t;
    }
    return None;
  }, 'thread-start');
  defineFn(vm, m, '_join', (a) => {
    const t = vm.cur;
    const target = pyThreadOf.get(a[0]!);
    if (target === undefined || target.state === 'done') return None;
    t.blockedOn = { kind: 'join', thread: target };
    throw BLOCK_SIGNAL;
  }, 'thread-join');
  defineFn(vm, m, '_alive', (a) => {
    const target = pyThreadOf.get(a[0]!);
    if (target === undefined) return a[0] === state.mainThreadObj;
    return target.state !== 'done';
  });
  const mainObj = (): PyVal => {
    if (state.mainThreadObj === null) {
      state.mainThreadObj = vm.callValue(d.getStr('_MainThread')!, [], null);
      const main = vm.threads.find((x) => x.isMain);
      if (main !== undefined) {
        main.pyThread = state.mainThreadObj;
        vm.setAttr(state.mainThreadObj, '_ident', 0x7f0000000000);
      }
    }
    return state.mainThreadObj;
  };
  defineFn(vm, m, '_current', () => {
    const t = vm.cur;
    if (t.pyThread !== null) return t.pyThread;
    if (t.isMain) return mainObj();
    // transaction workers and other VM-created threads get a dummy Thread object.
    const o = vm.callValue(d.getStr('Thread')!, [], new Map([['name', t.name]]));
    t.pyThread = o;
    return o;
  });
  defineFn(vm, m, '_main', () => mainObj());
  defineFn(vm, m, '_active_count', () => vm.threads.filter((x) => x.state !== 'done' && x.id >= 0).length);
  defineFn(vm, m, '_enumerate', () => {
    const out: PyVal[] = [mainObj()];
    for (const x of vm.threads) if (!x.isMain && x.state !== 'done' && x.pyThread !== null) out.push(x.pyThread);
    return vm.placeList(vm.newList(out));
  });
  vm.runSourceModule('threading', THREADING_SRC, d);
  // The synchronisation classes live in _threading_sync (which imports this module's locks):
  // loaded on first use through PEP 562's module __getattr__, then bound here as CPython's are.
  defineFn(vm, m, '__getattr__', (a) => {
    const name = a[0];
    if (typeof name === 'string' && SYNC_NAMES.has(name)) {
      const v = vm.getAttr(vm.moduleOf('_threading_sync'), name);
      d.set(name, v);
      return v;
    }
    throw vm.err('AttributeError', `module 'threading' has no attribute '${typeof name === 'string' ? name : vm.str(name!)}'`);
  });
  for (const k of d.keyList()) {
    const v = d.get(k)!;
    if (v instanceof PyObject && 'module' in v && (v as PyType).module === '__main__') (v as PyType).module = 'threading';
    if (v instanceof PyFunction) v.module = 'threading';
  }
  return m;
}
