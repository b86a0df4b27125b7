/**
 * Built-in modules: threading, transaction, rtm, time, math, random, sys, builtins, and the host
 * modules the runner provides. Parts that are plain Python (threading.Thread, transaction.run's
 * task loop) are guest source compiled at import, so they run with yield points like user code.
 */
import { XBEGIN_STARTED, XABORT_CAPACITY, XABORT_CONFLICT, XABORT_DEBUG, XABORT_EXPLICIT, XABORT_NESTED, XABORT_RETRY } from '../machine/port.js';
import { PyDict } from './dict.js';
import { ABORT_SIGNAL } from './heap.js';
import { BLOCK_SIGNAL } from './vm/signals.js';
import type { Vm } from './vm/vm.js';
import { createHash } from 'node:crypto';
import * as R from './runtime/int-ops.js';
import { MersenneTwister } from './runtime/random.js';
import { mathFsum } from './runtime/math.js';
import type { GuestThread } from './thread.js';
import {
  PyBuiltin, PyBytes, PyExc, PyFloat, PyFunction, PyInstance, PyList, PyLock, PyMethod, PyModule, PyObject, PyTuple, type PyType,
  type PyVal, type UnfriendlyKind,
} from './values.js';

type Kw = Map<string, PyVal> | null;

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

const TRANSACTION_SRC = `
def run():
    if _begin_run():
        _worker()

def _worker():
    while True:
        task = _pop()
        if task is None:
            return
        _task_start()
        try:
            task[0](*task[1], **task[2])
        finally:
            _task_end()
`;

export function installModules(vm: Vm): void {
  const T = vm.T;
  const None = vm.None;
  const F = (x: number): PyFloat => vm.placeFloat(vm.cur, x);
  const err = (n: string, m: string): PyExc => vm.err(n, m);
  const isIntLike = (v: PyVal): v is number | bigint | boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
  const toInt = (v: PyVal, what = 'an integer is required'): R.IntVal => {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    throw vm.typeErr(`'${vm.tn(v)}' object cannot be interpreted as an integer`);
    void what;
  };
  const toFloat = (v: PyVal): number => {
    if (v instanceof PyFloat) return v.v;
    if (isIntLike(v)) return R.intToFloat(toInt(v));
    if (v instanceof PyObject) {
      const m = vm.lookup(v.cls, '__float__');
      if (m !== undefined) return toFloat(vm.callValue(m, [v], null));
    }
    throw vm.typeErr(`must be real number, not ${vm.tn(v)}`);
  };

  const newModule = (name: string): PyModule => {
    const d = vm.placeDict(vm.newDict());
    const m = vm.place(new PyModule(T.module, name, d), 48);
    d.set('__name__', name);
    return m;
  };
  const fn = (m: PyModule, name: string, impl: (a: PyVal[], kw: Kw) => PyVal, unfriendly: UnfriendlyKind | null = null): PyBuiltin => {
    const b = vm.builtin(name, impl, unfriendly);
    (m.dict as PyDict).set(name, b);
    return b;
  };
  const set = (m: PyModule, name: string, v: PyVal): void => {
    (m.dict as PyDict).set(name, v);
  };
  const reg = (name: string, make: () => PyModule): void => {
    vm.moduleFactories.set(name, make);
  };

  reg('builtins', () => {
    const m = vm.place(new PyModule(T.module, 'builtins', vm.builtins), 48);
    return m;
  });

  // ───────────── threading ─────────────
  const lockT = T.lock;
  lockT.name = 'lock';
  const rlockT = vm.makeType('RLock', [T.object], 'lock', true, '_thread');
  const pyThreadOf = new Map<PyVal, GuestThread>();
  const makeLock = (reentrant: boolean): PyLock => {
    const l = new PyLock(reentrant ? rlockT : lockT, reentrant);
    // The lock word gets its own line (as a real mutex would in a padded struct).
    vm.place(l, 64);
    return l;
  };
  const acquire = (l: PyLock, blocking: boolean): boolean => {
    const t = vm.cur;
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
    if (!blocking) return false;
    vm.unfriendly(t, 'lock-block', t.nest > 0);
    t.blockedOn = { kind: 'lock', lock: l };
    throw BLOCK_SIGNAL;
  };
  const release = (l: PyLock): void => {
    const t = vm.cur;
    if (l.holder === -1) throw err('RuntimeError', l.reentrant ? 'cannot release un-acquired lock' : 'release unlocked lock');
    if (l.reentrant && l.holder !== t.id) throw err('RuntimeError', 'cannot release un-acquired lock');
    vm.wr(t, l.addr, 8);
    if (l.reentrant && l.count > 1) {
      vm.fieldSet(t, l, 'count', l.count - 1);
      return;
    }
    vm.fieldSet(t, l, 'count', 0);
    vm.fieldSet(t, l, 'holder', -1);
  };
  for (const lt of [lockT, rlockT]) {
    vm.method(lt, 'acquire', (a, kw) => {
      const blocking = a[1] ?? kw?.get('blocking') ?? true;
      return acquire(a[0] as PyLock, vm.truthy(blocking));
    });
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

  let mainThreadObj: PyVal | null = null;
  reg('threading', () => {
    const m = newModule('threading');
    const d = m.dict as PyDict;
    set(m, 'Lock', lockT);
    set(m, 'RLock', rlockT);
    set(m, '_allocate_lock', lockT);
    let nextId = 0;
    fn(m, '_next_id', () => ++nextId);
    fn(m, '_start', (a) => {
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
        nt.frames.push(fr);
      } finally {
        vm.cur = t;
      }
      return None;
    }, 'thread-start');
    fn(m, '_join', (a) => {
      const t = vm.cur;
      const target = pyThreadOf.get(a[0]!);
      if (target === undefined || target.state === 'done') return None;
      t.blockedOn = { kind: 'join', thread: target };
      throw BLOCK_SIGNAL;
    }, 'thread-join');
    fn(m, '_alive', (a) => {
      const target = pyThreadOf.get(a[0]!);
      if (target === undefined) return a[0] === mainThreadObj;
      return target.state !== 'done';
    });
    const mainObj = (): PyVal => {
      if (mainThreadObj === null) {
        mainThreadObj = vm.callValue(d.getStr('_MainThread')!, [], null);
        const main = vm.threads.find((x) => x.isMain);
        if (main !== undefined) {
          main.pyThread = mainThreadObj;
          vm.setAttr(mainThreadObj, '_ident', 0x7f0000000000);
        }
      }
      return mainThreadObj;
    };
    fn(m, '_current', () => {
      const t = vm.cur;
      if (t.pyThread !== null) return t.pyThread;
      if (t.isMain) return mainObj();
      // transaction workers and other VM-created threads get a dummy Thread object.
      const o = vm.callValue(d.getStr('Thread')!, [], new Map([['name', t.name]]));
      t.pyThread = o;
      return o;
    });
    fn(m, '_main', () => mainObj());
    fn(m, '_active_count', () => vm.threads.filter((x) => x.state !== 'done' && x.id >= 0).length);
    fn(m, '_enumerate', () => {
      const out: PyVal[] = [mainObj()];
      for (const x of vm.threads) if (!x.isMain && x.state !== 'done' && x.pyThread !== null) out.push(x.pyThread);
      return vm.placeList(vm.newList(out));
    });
    vm.runSourceModule('threading', THREADING_SRC, d);
    for (const k of d.keyList()) {
      const v = d.get(k)!;
      if (v instanceof PyObject && 'module' in v && (v as PyType).module === '__main__') (v as PyType).module = 'threading';
      if (v instanceof PyFunction) v.module = 'threading';
    }
    return m;
  });

  // ───────────── transaction ─────────────
  const atomicT = T.atomic;
  atomicT.name = 'atomic';
  vm.method(atomicT, '__enter__', () => {
    vm.hooks.atomicEnter(vm.cur);
    return None;
  });
  vm.method(atomicT, '__exit__', () => {
    vm.hooks.atomicExit(vm.cur);
    return false;
  });
  const pendingWorkers = new Map<GuestThread, GuestThread[]>();
  reg('transaction', () => {
    const m = newModule('transaction');
    fn(m, 'add', (a, kw) => {
      if (a.length === 0) throw vm.typeErr('add() missing required argument: f');
      const t = vm.cur;
      const q = vm.taskQueue;
      q.push([a[0]!, a.slice(1), kw]);
      vm.logUndo(t, () => {
        q.pop();
      });
      return None;
    });
    fn(m, '_pop', () => {
      const t = vm.cur;
      const q = vm.taskQueue;
      const task = q.shift();
      if (task === undefined) return None;
      vm.logUndo(t, () => {
        q.unshift(task);
      });
      const kw = vm.placeDict(vm.newDict());
      if (task[2] !== null) for (const [k, v] of task[2]) kw.set(k, v);
      return vm.newTuple([task[0], vm.newTuple(task[1]), kw]);
    });
    fn(m, '_task_start', () => {
      vm.hooks.taskStart(vm.cur);
      return None;
    });
    fn(m, '_task_end', () => {
      vm.hooks.taskEnd(vm.cur);
      return None;
    });
    fn(m, '_begin_run', () => {
      const t = vm.cur;
      const done = pendingWorkers.get(t);
      if (done !== undefined) {
        pendingWorkers.delete(t);
        return false;
      }
      if (vm.hooks.transactionRunMode() === 'serial') return true;
      const worker = (m.dict as PyDict).getStr('_worker') as PyFunction;
      const workers: GuestThread[] = [];
      for (let c = 0; c < vm.port.cores; c++) {
        const w = vm.newThread(`transaction-worker-${c}`, c, false);
        w.isWorker = true;
        const prev = vm.cur;
        vm.cur = w;
        try {
          w.frames.push(vm.bindFrame(w, worker, [], 0, 0, null, null));
        } finally {
          vm.cur = prev;
        }
        workers.push(w);
      }
      pendingWorkers.set(t, workers);
      t.blockedOn = { kind: 'tasks', workers };
      throw BLOCK_SIGNAL;
    }, 'tx-run');
    fn(m, 'atomic', () => vm.place(new PyObject(atomicT), 16));
    fn(m, 'local_size', () => vm.taskQueue.length);
    vm.runSourceModule('transaction', TRANSACTION_SRC, m.dict as PyDict);
    return m;
  });

  // ───────────── rtm ─────────────
  reg('rtm', () => {
    const m = newModule('rtm');
    set(m, 'XBEGIN_STARTED', XBEGIN_STARTED >>> 0);
    set(m, 'XABORT_EXPLICIT', XABORT_EXPLICIT);
    set(m, 'XABORT_RETRY', XABORT_RETRY);
    set(m, 'XABORT_CONFLICT', XABORT_CONFLICT);
    set(m, 'XABORT_CAPACITY', XABORT_CAPACITY);
    set(m, 'XABORT_DEBUG', XABORT_DEBUG);
    set(m, 'XABORT_NESTED', XABORT_NESTED);
    const htm = vm.port.htm;
    fn(m, 'xbegin', () => {
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
    fn(m, 'xend', () => {
      const t = vm.cur;
      if (!htm.enabled || !htm.active(t.core)) throw err('RuntimeError', 'xend() outside a transaction');
      htm.end(t.core);
      if (!htm.active(t.core)) vm.txCommit(t);
      return None;
    });
    fn(m, 'xabort', (a) => {
      const t = vm.cur;
      const code = Number(toInt(a[0] ?? 0)) & 0xff;
      if (!htm.enabled || !htm.active(t.core)) return None;
      htm.abort(t.core, code);
      throw ABORT_SIGNAL;
    });
    fn(m, 'xtest', () => htm.enabled && htm.active(vm.cur.core));
    fn(m, 'xabort_code', (a) => (Number(toInt(a[0]!)) >>> 24) & 0xff);
    return m;
  });

  // ───────────── time ─────────────
  reg('time', () => {
    const m = newModule('time');
    const hz = vm.port.freqGHz * 1e9;
    const now = (): number => (vm.port.now(vm.cur.core) as number) / hz;
    fn(m, 'time', () => F(now()));
    fn(m, 'perf_counter', () => F(now()));
    fn(m, 'monotonic', () => F(now()));
    fn(m, 'process_time', () => F(now()));
    fn(m, 'time_ns', () => Math.round(now() * 1e9));
    fn(m, 'perf_counter_ns', () => Math.round(now() * 1e9));
    fn(m, 'monotonic_ns', () => Math.round(now() * 1e9));
    fn(m, 'sleep', (a) => {
      const t = vm.cur;
      const secs = toFloat(a[0]!);
      if (secs < 0) throw err('ValueError', 'sleep length must be non-negative');
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
  });

  // ───────────── math ─────────────
  reg('math', () => {
    const m = newModule('math');
    const dom = (): PyExc => err('ValueError', 'math domain error');
    const rng = (): PyExc => err('OverflowError', 'math range error');
    const f1 = (name: string, g: (x: number) => number, check?: (x: number) => boolean): void => {
      fn(m, name, (a) => {
        if (a.length !== 1) throw vm.typeErr(`math.${name}() takes exactly one argument (${a.length} given)`);
        const x = toFloat(a[0]!);
        if (check !== undefined && !check(x)) throw dom();
        const r = g(x);
        if (Number.isNaN(r) && !Number.isNaN(x)) throw dom();
        if (!Number.isFinite(r) && Number.isFinite(x)) throw rng();
        return F(r);
      });
    };
    set(m, 'pi', F(Math.PI));
    set(m, 'e', F(Math.E));
    set(m, 'tau', F(2 * Math.PI));
    set(m, 'inf', F(Infinity));
    set(m, 'nan', F(NaN));
    f1('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
    f1('exp', Math.exp);
    f1('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
    f1('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
    f1('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
    f1('asin', Math.asin, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
    f1('acos', Math.acos, (x) => (x >= -1 && x <= 1) || Number.isNaN(x));
    f1('atan', Math.atan);
    f1('sinh', Math.sinh);
    f1('cosh', Math.cosh);
    f1('tanh', Math.tanh);
    f1('fabs', Math.abs);
    f1('log2', Math.log2, (x) => x > 0 || Number.isNaN(x));
    f1('log10', Math.log10, (x) => x > 0 || Number.isNaN(x));
    f1('log1p', Math.log1p, (x) => x > -1 || Number.isNaN(x));
    f1('expm1', Math.expm1);
    f1('degrees', (x) => (x * 180) / Math.PI);
    f1('radians', (x) => (x * Math.PI) / 180);
    const bigLog = (v: PyVal): number => {
      if (typeof v === 'bigint') {
        if (v <= 0n) throw dom();
        const s = v.toString(2);
        const top = Number(BigInt('0b' + s.slice(0, 53)));
        return Math.log(top) + (s.length - 53) * Math.LN2;
      }
      const x = toFloat(v);
      if (x <= 0 || Number.isNaN(x)) {
        if (Number.isNaN(x)) return NaN;
        throw dom();
      }
      return Math.log(x);
    };
    fn(m, 'log', (a) => {
      const l = bigLog(a[0]!);
      if (a.length > 1) {
        const b = bigLog(a[1]!);
        if (b === 0) throw err('ZeroDivisionError', 'float division by zero');
        return F(l / b);
      }
      return F(l);
    });
    fn(m, 'pow', (a) => {
      const x = toFloat(a[0]!), y = toFloat(a[1]!);
      if (x === 0 && y < 0) throw dom();
      if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) throw dom();
      const r = x ** y;
      if (x === 1 || y === 0) return F(1);
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw rng();
      return F(r);
    });
    fn(m, 'atan2', (a) => F(Math.atan2(toFloat(a[0]!), toFloat(a[1]!))));
    fn(m, 'hypot', (a) => F(Math.hypot(...a.map(toFloat))));
    fn(m, 'copysign', (a) => {
      const x = Math.abs(toFloat(a[0]!)), y = toFloat(a[1]!);
      return F(y < 0 || Object.is(y, -0) ? -x : x);
    });
    fn(m, 'fmod', (a) => {
      const x = toFloat(a[0]!), y = toFloat(a[1]!);
      if (y === 0 || !Number.isFinite(x)) throw dom();
      return F(x % y);
    });
    fn(m, 'modf', (a) => {
      const x = toFloat(a[0]!);
      const ip = Math.trunc(x);
      return vm.newTuple([F(Number.isFinite(x) ? x - ip : 0 * Math.sign(x)), F(ip)]);
    });
    fn(m, 'frexp', (a) => {
      const x = toFloat(a[0]!);
      if (x === 0 || !Number.isFinite(x)) return vm.newTuple([F(x), 0]);
      let e = Math.ceil(Math.log2(Math.abs(x)));
      let mant = x / 2 ** e;
      while (Math.abs(mant) >= 1) {
        mant /= 2;
        e++;
      }
      while (Math.abs(mant) < 0.5) {
        mant *= 2;
        e--;
      }
      return vm.newTuple([F(mant), e]);
    });
    fn(m, 'ldexp', (a) => F(toFloat(a[0]!) * 2 ** Number(toInt(a[1]!))));
    const toIntResult = (x: number, name: string): PyVal => {
      if (Number.isNaN(x)) throw err('ValueError', 'cannot convert float NaN to integer');
      if (!Number.isFinite(x)) throw err('OverflowError', 'cannot convert float infinity to integer');
      void name;
      return Number.isSafeInteger(x) ? (x === 0 ? 0 : x) : BigInt(x);
    };
    const rounder = (name: string, g: (x: number) => number): void => {
      fn(m, name, (a) => {
        const v = a[0]!;
        if (isIntLike(v)) return toInt(v);
        if (v instanceof PyInstance) {
          const mm = vm.lookup(v.cls, `__${name}__`);
          if (mm !== undefined) return vm.callValue(mm, [v], null);
        }
        return toIntResult(g(toFloat(v)), name);
      });
    };
    rounder('floor', Math.floor);
    rounder('ceil', Math.ceil);
    rounder('trunc', Math.trunc);
    fn(m, 'isfinite', (a) => Number.isFinite(toFloat(a[0]!)));
    fn(m, 'isinf', (a) => {
      const x = toFloat(a[0]!);
      return !Number.isFinite(x) && !Number.isNaN(x);
    });
    fn(m, 'isnan', (a) => Number.isNaN(toFloat(a[0]!)));
    fn(m, 'isclose', (a, kw) => {
      const x = toFloat(a[0]!), y = toFloat(a[1]!);
      const rt = kw?.get('rel_tol') !== undefined ? toFloat(kw.get('rel_tol')!) : 1e-9;
      const at = kw?.get('abs_tol') !== undefined ? toFloat(kw.get('abs_tol')!) : 0;
      if (x === y) return true;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
      const d = Math.abs(x - y);
      return d <= Math.abs(rt * y) || d <= Math.abs(rt * x) || d <= at;
    });
    const big = (v: PyVal): bigint => BigInt(toInt(v));
    const gcd2 = (x: bigint, y: bigint): bigint => {
      x = x < 0n ? -x : x;
      y = y < 0n ? -y : y;
      while (y) [x, y] = [y, x % y];
      return x;
    };
    fn(m, 'gcd', (a) => R.normInt(a.reduce<bigint>((acc, v) => gcd2(acc, big(v)), 0n)));
    fn(m, 'lcm', (a) => R.normInt(a.reduce<bigint>((acc, v) => {
      const b = big(v);
      if (acc === 0n || b === 0n) return 0n;
      const l = (acc * b) / gcd2(acc, b);
      return l < 0n ? -l : l;
    }, 1n)));
    fn(m, 'factorial', (a) => {
      const v = a[0]!;
      if (v instanceof PyFloat) throw vm.typeErr("'float' object cannot be interpreted as an integer");
      const n = big(v);
      if (n < 0n) throw err('ValueError', 'factorial() not defined for negative values');
      let r = 1n;
      for (let i = 2n; i <= n; i++) r *= i;
      return R.normInt(r);
    });
    fn(m, 'comb', (a) => {
      const n = big(a[0]!), k = big(a[1]!);
      if (n < 0n || k < 0n) throw err('ValueError', `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
      if (k > n) return 0;
      let r = 1n;
      const kk = k < n - k ? k : n - k;
      for (let i = 0n; i < kk; i++) r = (r * (n - i)) / (i + 1n);
      return R.normInt(r);
    });
    fn(m, 'perm', (a) => {
      const n = big(a[0]!), k = a[1] === undefined || a[1] === None ? n : big(a[1]);
      if (n < 0n || k < 0n) throw err('ValueError', `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
      if (k > n) return 0;
      let r = 1n;
      for (let i = 0n; i < k; i++) r *= n - i;
      return R.normInt(r);
    });
    fn(m, 'isqrt', (a) => {
      const n = big(a[0]!);
      if (n < 0n) throw err('ValueError', 'isqrt() argument must be nonnegative');
      if (n < 2n) return R.normInt(n);
      let x = BigInt(Math.floor(Math.sqrt(Number(n))));
      while (x * x > n) x--;
      while ((x + 1n) * (x + 1n) <= n) x++;
      return R.normInt(x);
    });
    // Shewchuk's exact summation with CPython's inf/nan/overflow rules (runtime/math.ts).
    fn(m, 'fsum', (a) => F(mathFsum(vm.toList(a[0]!).map(toFloat))));
    fn(m, 'prod', (a, kw) => {
      let acc: PyVal = kw?.get('start') ?? 1;
      for (const v of vm.toList(a[0]!)) acc = vm.binop(acc, v, 5);
      return acc;
    });
    fn(m, 'dist', (a) => {
      const p = vm.toList(a[0]!).map(toFloat), q = vm.toList(a[1]!).map(toFloat);
      return F(Math.hypot(...p.map((x, i) => x - q[i]!)));
    });
    return m;
  });

  // ───────────── random ─────────────
  const rng0 = new MersenneTwister();
  rng0.seed(vm.seed);
  /** random.Random instances: each has its own generator (the module functions use `rng`). */
  const randomT = vm.makeType('Random', [T.object], 'object', true, 'random');
  const ownRng = new WeakMap<PyObject, MersenneTwister>();
  reg('random', () => {
    const m = newModule('random');
    let rng = rng0;
    /** The PRNG is guest-visible state: a transaction that draws numbers and aborts rewinds it. */
    const touch = (): void => {
      const t = vm.cur;
      if (t.tx !== null) {
        const s = rng.getstate();
        vm.logUndo(t, () => rng.setstate(s));
      }
    };
    /**
     * Registers a module function (on the shared generator) and the same-named method of
     * random.Random (on the instance's own generator): `rng` is switched for the call.
     */
    const rfn = (name: string, impl: (a: PyVal[], kw: Kw) => PyVal): void => {
      fn(m, name, impl);
      vm.method(randomT, name, (a, kw) => {
        const own = ownRng.get(a[0] as PyObject);
        if (own === undefined) throw vm.typeErr(`descriptor '${name}' requires a 'Random' object`);
        const saved = rng;
        rng = own;
        try {
          return impl(a.slice(1), kw);
        } finally {
          rng = saved;
        }
      });
    };
    const randrange = (a: PyVal[]): R.IntVal => {
      const start = toInt(a[0]!);
      if (a.length < 2 || a[1] === None) {
        if (start > 0) return rng.randbelow(start);
        throw err('ValueError', 'empty range for randrange()');
      }
      const stop = toInt(a[1]!);
      const step = a.length > 2 ? toInt(a[2]!) : 1;
      const width = R.intSub(stop, start);
      if (step === 1) {
        if (width > 0) return R.intAdd(start, rng.randbelow(width));
        throw err('ValueError', `empty range for randrange() (${start}, ${stop}, ${width})`);
      }
      let n: R.IntVal;
      if (step > 0) n = R.intFloorDiv(R.intAdd(width, R.intSub(step, 1)), step);
      else if (step < 0) n = R.intFloorDiv(R.intAdd(width, R.intAdd(step, 1)), step);
      else throw err('ValueError', 'zero step for randrange()');
      if (n <= 0) throw err('ValueError', 'empty range for randrange()');
      return R.intAdd(start, R.intMul(step, rng.randbelow(n)));
    };
    const seedImpl = (a: PyVal[]): PyVal => {
      touch();
      const v = a[0];
      if (v === undefined || v === None) rng.seed(vm.seed);
      else if (isIntLike(v)) rng.seed(toInt(v));
      else if (v instanceof PyFloat) rng.seed(BigInt.asUintN(64, BigInt(R.floatHash(v.v))));
      else if (typeof v === 'string' || v instanceof PyBytes) {
        // CPython's version-2 seeding: int.from_bytes(data + sha512(data).digest()), big-endian.
        const data = typeof v === 'string' ? new TextEncoder().encode(v) : v.data.slice(0, v.len);
        const digest = createHash('sha512').update(data).digest();
        let n = 0n;
        for (const b of data) n = (n << 8n) | BigInt(b);
        for (const b of digest) n = (n << 8n) | BigInt(b);
        rng.seed(n);
      } else rng.seed(BigInt.asUintN(64, BigInt(vm.hash(v)))); // (size_t)hash, as random_seed
      return None;
    };
    rfn('seed', (a) => seedImpl(a));
    rfn('random', () => {
      touch();
      return F(rng.random());
    });
    rfn('getrandbits', (a) => {
      touch();
      const k = Number(toInt(a[0]!));
      if (k < 0) throw err('ValueError', 'number of bits must be non-negative');
      return k === 0 ? 0 : rng.getrandbits(k);
    });
    rfn('randrange', (a) => {
      touch();
      return randrange(a);
    });
    rfn('randint', (a) => {
      touch();
      return randrange([a[0]!, R.intAdd(toInt(a[1]!), 1)]);
    });
    rfn('choice', (a) => {
      touch();
      const seq = a[0]!;
      const n = Number(toInt(vm.callValue(vm.builtins.getStr('len')!, [seq], null)));
      if (n === 0) throw err('IndexError', 'Cannot choose from an empty sequence');
      return vm.getItem(seq, rng.randbelow(n));
    });
    rfn('shuffle', (a) => {
      touch();
      const l = a[0]!;
      if (!(l instanceof PyList)) throw vm.typeErr('shuffle() needs a mutable sequence');
      const items = l.items.slice();
      for (let i = items.length - 1; i > 0; i--) {
        const j = Number(rng.randbelow(i + 1));
        const x = items[i]!;
        items[i] = items[j]!;
        items[j] = x;
      }
      vm.listReplace(vm.cur, l, items);
      return None;
    });
    rfn('uniform', (a) => {
      touch();
      const x = toFloat(a[0]!), y = toFloat(a[1]!);
      return F(x + (y - x) * rng.random());
    });
    rfn('sample', (a, kw) => {
      touch();
      const pop = vm.toList(a[0]!);
      const k = Number(toInt(a[1] ?? kw?.get('k') ?? 0));
      const n = pop.length;
      const result = rng.sample(n, k).map((i) => pop[i]!);
      return vm.placeList(vm.newList(result));
    });
    rfn('gauss', (a) => {
      touch();
      const mu = a[0] === undefined ? 0 : toFloat(a[0]), sigma = a[1] === undefined ? 1 : toFloat(a[1]);
      return F(rng.gauss(mu, sigma));
    });
    rfn('choices', (a, kw) => {
      touch();
      const pop = vm.toList(a[0]!);
      const k = Number(toInt(kw?.get('k') ?? 1));
      const n = pop.length;
      const out: PyVal[] = [];
      for (const i of rng.choicesIndices(n, k)) out.push(pop[i]!);
      return vm.placeList(vm.newList(out));
    });
    // CPython's state tuple: (3, (624 words..., position), gauss_next or None).
    rfn('getstate', () => {
      const { mt: words, index: pos, gaussNext: g } = rng.getstate();
      const inner = vm.newTuple([...Array.from(words, (w) => w as PyVal), pos]);
      return vm.newTuple([3, inner, g === null ? None : F(g)]);
    });
    rfn('setstate', (a) => {
      touch();
      const st = a[0];
      const bad = (): never => {
        throw vm.typeErr('state vector must be a tuple');
      };
      if (!(st instanceof PyTuple) || st.items.length !== 3) return bad();
      const inner = st.items[1];
      if (!(inner instanceof PyTuple) || inner.items.length !== 625) return bad();
      const words = Uint32Array.from(inner.items.slice(0, 624), (w) => Number(toInt(w)));
      const g = st.items[2];
      rng.setstate({ mt: words, index: Number(toInt(inner.items[624]!)), gaussNext: g instanceof PyFloat ? g.v : null });
      return None;
    });
    vm.method(randomT, '__init__', (a) => {
      const g = new MersenneTwister();
      ownRng.set(a[0] as PyObject, g);
      const saved = rng;
      rng = g;
      try {
        seedImpl(a.length > 1 ? [a[1]!] : []);
      } finally {
        rng = saved;
      }
      return None;
    });
    set(m, 'Random', randomT);
    return m;
  });

  // ───────────── sys ─────────────
  const streamT = vm.makeType('TextIOWrapper', [T.object], 'object', true, '_io');
  const stdoutObj = vm.instantiate(streamT);
  const stderrObj = vm.instantiate(streamT);
  const writeImpl = (a: PyVal[]): PyVal => {
    const s = a[1]!;
    if (typeof s !== 'string') throw vm.typeErr(`write() argument must be str, not ${vm.tn(s)}`);
    if (a[0] === stderrObj) vm.errOut(s);
    else vm.out(s);
    return s.length;
  };
  vm.method(streamT, 'write', writeImpl, 'output');
  vm.method(streamT, 'flush', () => None);
  reg('sys', () => {
    const m = newModule('sys');
    set(m, 'stdout', stdoutObj);
    set(m, 'stderr', stderrObj);
    set(m, 'argv', vm.placeList(vm.newList(vm.argv.length ? vm.argv.slice() : [''])));
    set(m, 'maxsize', 9223372036854775807n);
    set(m, 'version', '3.11.7 (htmsim)');
    set(m, 'version_info', vm.newTuple([3, 11, 7, 'final', 0]));
    set(m, 'platform', 'htmsim');
    set(m, 'byteorder', 'little');
    set(m, 'implementation', 'htmsim');
    fn(m, 'exit', (a) => {
      const e = vm.err('SystemExit', null);
      e.args = a.length > 0 ? [a[0]!] : [];
      throw e;
    });
    fn(m, 'setrecursionlimit', (a) => {
      const n = Number(toInt(a[0]!));
      if (n < 1) throw err('ValueError', 'recursion limit must be greater or equal than 1');
      vm.recursionLimit = n;
      return None;
    });
    fn(m, 'getrecursionlimit', () => vm.recursionLimit);
    fn(m, 'exc_info', () => {
      const e = vm.cur.excInfo;
      if (e === null) return vm.newTuple([None, None, None]);
      return vm.newTuple([vm.typeOf(e), e, None]);
    });
    fn(m, 'intern', (a) => a[0]!);
    fn(m, 'getsizeof', (a) => {
      const v = a[0]!;
      return v instanceof PyObject && v.size > 0 ? v.size : 28;
    });
    const mods = vm.placeDict(vm.newDict());
    set(m, 'modules', mods);
    return m;
  });

  // ───────────── host modules (the runner's `htmsim` module, ...) ─────────────
  const fromJs = (v: unknown): PyVal => {
    if (v === null || v === undefined) return None;
    if (typeof v === 'number') return Number.isInteger(v) ? v : F(v);
    if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v;
    if (Array.isArray(v)) return vm.placeList(vm.newList(v.map(fromJs)));
    if (typeof v === 'object') {
      const d = vm.placeDict(vm.newDict());
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) d.set(k, fromJs(x));
      return d;
    }
    return None;
  };
  const toJs = (v: PyVal): unknown => {
    if (v === None) return null;
    if (v instanceof PyFloat) return v.v;
    if (typeof v !== 'object') return v;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.map(toJs);
    if (v instanceof PyDict) {
      const o: Record<string, unknown> = {};
      for (const i of v.entries()) o[vm.str(v.keys[i]!)] = toJs(v.vals[i]!);
      return o;
    }
    return vm.str(v);
  };
  for (const [name, spec] of Object.entries(vm.hostModules)) {
    reg(name, () => {
      const m = newModule(name);
      for (const [k, v] of Object.entries(spec.values ?? {})) set(m, k, fromJs(v));
      for (const [k, f] of Object.entries(spec.functions ?? {})) fn(m, k, (a) => fromJs(f(...a.map(toJs))));
      return m;
    });
  }
}
