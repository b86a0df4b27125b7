/**
 * The VM on the real machine model: object memory layout, the interpreter switches' write
 * footprints, transactional rollback (self-abort and abort by another core), the RTM capacity
 * probes, threading, and the step API a runner uses to enforce a cycle limit.
 */
import { describe, expect, it } from 'vitest';
import { createMachine } from '../../sim/machine/machine.js';
import { loadMachinePreset } from '../../sim/machine/preset-loader.js';
import type { MemoryPort } from '../../sim/machine/port.js';
import type { Addr, CoreId } from '../../sim/common/brand.js';
import { DefaultHooks } from '../../sim/interp/hooks.js';
import { Interpreter } from '../../sim/interp/interpreter.js';
import { PyDict } from '../../sim/interp/dict.js';
import { PyBytes, PyList, type PyVal } from '../../sim/interp/values.js';
import { GLOBAL_HEADS, SMALL_INT_BASE, SMALL_INT_SIZE, TICKER_ADDR, THREAD_REGION_BASE, THREAD_REGION_SIZE } from '../../sim/interp/heap.js';
import { DEFAULT_INTERP, runAll, runSource } from './helpers.js';

/** Wraps a port and records, per core, every cache line written. */
function recordingPort(inner: MemoryPort): MemoryPort & { written: Set<number>[] } {
  const written: Set<number>[] = [];
  for (let c = 0; c < inner.cores; c++) written.push(new Set());
  const lb = inner.lineBytes;
  return {
    cores: inner.cores, lineBytes: lb, freqGHz: inner.freqGHz, htm: inner.htm, written,
    now: (c) => inner.now(c),
    advance: (c, n) => inner.advance(c, n),
    advanceTo: (c, t) => inner.advanceTo(c, t),
    read: (c, a, b) => inner.read(c, a, b),
    write: (c: CoreId, a: Addr, b: number) => {
      for (let l = Math.floor(a / lb); l <= Math.floor((a + b - 1) / lb); l++) written[c]!.add(l);
      return inner.write(c, a, b);
    },
  };
}

function machine(cores = 4, timer = true): MemoryPort {
  const cfg = loadMachinePreset('haswell-4c');
  return createMachine({ ...cfg, cores, htm: { ...cfg.htm, timerIntervalCycles: timer ? cfg.htm.timerIntervalCycles : 0 } });
}

function global(interp: Interpreter, name: string): PyVal {
  return (interp.modules.get('__main__')!.dict as PyDict).getStr(name)!;
}

const TWO_THREADS = `
import threading
def work(n):
    acc = []
    for i in range(n):
        acc.append(i * 3 + 1000)
        x = float(i) * 0.5
        y = [i, i + 1]
    return acc
ts = [threading.Thread(target=work, args=(300,)) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print('ok')
`;

function linesOfBothCores(port: { written: Set<number>[] }, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (const l of port.written[1]!) if (l >= lo / 64 && l < hi / 64 && port.written[2]!.has(l)) out.push(l);
  return out;
}

describe('object memory model', () => {
  it('gives objects contiguous blocks, page-aligns large buffers and moves a growing list array', () => {
    const out = runSource(`
small = bytearray(100)
big = bytearray(8192)
L = [1, 2, 3]
addr0 = 0
for i in range(100):
    L.append(i)
`);
    expect(out.stdout).toBe('');
    const big = global(out.interp, 'big') as PyBytes;
    const small = global(out.interp, 'small') as PyBytes;
    expect(big.dataAddr % 4096).toBe(0);
    expect(small.dataAddr % 4096).not.toBe(-1);
    expect(big.addr).toBeGreaterThan(0);
    const L = global(out.interp, 'L') as PyList;
    expect(L.items.length).toBe(103);
    // The item array is a separate block, at least 8 bytes per item, distinct from the header.
    expect(L.cap).toBeGreaterThanOrEqual(103);
    expect(L.itemsAddr === L.addr).toBe(false);
    expect(Math.abs(L.itemsAddr - L.addr)).toBeGreaterThanOrEqual(56);
  });

  it('a list of n items occupies a header plus an n-slot item array', () => {
    const out = runSource('L = list(range(1000))\n');
    const L = global(out.interp, 'L') as PyList;
    expect(L.size).toBe(56);
    expect(L.cap).toBeGreaterThanOrEqual(1000);
    expect(L.cap).toBeLessThan(1200);
  });
});

describe('interpreter switches change the write footprint', () => {
  /** Distinct lines written after the guest calls probe.mark() (the read-only phase). */
  const distinctWrites = (cfg: Partial<typeof DEFAULT_INTERP>, src: string): number => {
    const port = recordingPort(machine());
    const mark = (): null => {
      for (const s of port.written) s.clear();
      return null;
    };
    const out = runSource(src, { port, config: cfg, hostModules: { probe: { functions: { mark } } } });
    expect(out.stdout).toBe('done\n');
    return port.written.reduce((a, s) => a + s.size, 0);
  };
  const READER = `
import probe
class P:
    def __init__(self, v):
        self.v = v
data = [P(i) for i in range(2000)]
probe.mark()
for r in range(3):
    for x in data:
        pass
print('done')
`;
  it('refcount none writes fewer distinct lines than cpython', () => {
    const cp = distinctWrites({ refcount: 'cpython' }, READER);
    const none = distinctWrites({ refcount: 'none' }, READER);
    expect(none).toBeLessThan(cp);
  });
  it('per-thread allocator: two threads share no allocator lines', () => {
    const run = (allocator: 'global' | 'per-thread'): number[] => {
      const port = recordingPort(machine());
      const out = runSource(TWO_THREADS, { port, config: { allocator } });
      expect(out.stdout).toBe('ok\n');
      const heads = linesOfBothCores(port, GLOBAL_HEADS, GLOBAL_HEADS + 4096);
      const regions = linesOfBothCores(port, THREAD_REGION_BASE, THREAD_REGION_BASE + 16 * THREAD_REGION_SIZE);
      return [...heads, ...regions];
    };
    expect(run('global').length).toBeGreaterThan(0);
    expect(run('per-thread')).toEqual([]);
  });
  it('smallIntCache off: no shared small-int lines', () => {
    const run = (smallIntCache: boolean): number[] => {
      const port = recordingPort(machine());
      runSource(TWO_THREADS, { port, config: { smallIntCache } });
      return linesOfBothCores(port, SMALL_INT_BASE, SMALL_INT_BASE + 262 * SMALL_INT_SIZE);
    };
    expect(run(true).length).toBeGreaterThan(0);
    expect(run(false)).toEqual([]);
  });
  it('ticker per-thread: no shared ticker line', () => {
    const run = (ticker: 'shared' | 'per-thread'): number[] => {
      const port = recordingPort(machine());
      runSource(TWO_THREADS, { port, config: { ticker, tickerEvery: 10 } });
      return linesOfBothCores(port, TICKER_ADDR, TICKER_ADDR + 64);
    };
    expect(run('shared').length).toBe(1);
    expect(run('per-thread')).toEqual([]);
  });
});

describe('transactions and rollback', () => {
  it('an explicit xabort restores lists, dicts, attributes and locals exactly', () => {
    const out = runSource(`
import rtm
class O:
    pass
o = O()
o.x = 1
L = [1, 2, 3]
D = {'a': 1, 'b': 2}
S = {1, 2}
def f():
    local = 10
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        local = 20
        L.append(4)
        L[0] = 99
        del L[1]
        D['c'] = 3
        D['a'] = 100
        del D['b']
        S.add(3)
        o.x = 5
        o.y = 6
        rtm.xabort(7)
    return s, local
s, local = f()
print(L, D, S, o.x, hasattr(o, 'y'), local, rtm.xabort_code(s), bool(s & rtm.XABORT_EXPLICIT))
`, { port: machine(4, false) });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe("[1, 2, 3] {'a': 1, 'b': 2} {1, 2} 1 False 10 7 True\n");
  });

  it('an explicit xabort restores the attributes of an instance of a list subclass', () => {
    const out = runSource(`
import rtm
class Tagged(list):
    pass
t = Tagged([1])
t.tag = 'old'
def f():
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        t.append(2)
        t.tag = 'new'
        t.extra = 1
        rtm.xabort(1)
    return s
f()
print(t, t.tag, hasattr(t, 'extra'))
`, { port: machine(4, false) });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('[1] old False\n');
  });

  it("another core's access aborts a transaction and the victim's writes are undone first", () => {
    let stdout = '';
    const port = machine(4, false);
    const interp = new Interpreter({
      port, config: DEFAULT_INTERP, hooks: new DefaultHooks(), seed: 0,
      stdout: (s) => (stdout += s), stderr: (s) => (stdout += 'ERR:' + s),
    });
    interp.startMain(`
import rtm, threading, time
L = [0] * 8
def victim():
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        L[0] = 111
        L.append(5)
        while True:
            pass
    print('victim', bool(s & rtm.XABORT_CONFLICT), L)
t = threading.Thread(target=victim)
t.start()
time.sleep(0.001)
L[0] = 7
t.join()
print('main', L)
`, 'rollback.py');
    const [main] = interp.threads;
    expect(interp.step(main!, 100000)).toBe('blocked');
    const victim = interp.threads[1]!;
    expect(victim.core).not.toBe(main!.core);
    expect(interp.step(victim, 300)).toBe('budget');
    expect(victim.tx).not.toBeNull();
    const L = global(interp, 'L') as PyList;
    expect(L.items[0]).toBe(111);
    expect(L.items.length).toBe(9);
    port.advanceTo(main!.core, interp.wakeCycle(main!) as never);
    // Main's store conflicts with the victim's write set: the victim is rolled back before it lands.
    expect(interp.step(main!, 100000)).toBe('blocked');
    expect(victim.tx).toBeNull();
    expect(L.items.length).toBe(8);
    expect(L.items[0]).toBe(7);
    expect(interp.step(victim, 100000)).toBe('done');
    expect(interp.step(main!, 100000)).toBe('done');
    expect(stdout).toBe('victim True [7, 0, 0, 0, 0, 0, 0, 0]\nmain [7, 0, 0, 0, 0, 0, 0, 0]\n');
  });

  it('rolls back a transaction begun by a policy at a yield point and re-runs from there', () => {
    // A hook double: begins an 'auto' transaction at the first loop back-edge, rolls it back once.
    class OnceRollback extends DefaultHooks {
      interp!: Interpreter;
      begun = 0;
      rolled = false;
      override yieldPoint(t: import('../../sim/interp/thread.js').GuestThread): boolean {
        if (t.tx === null && this.begun === 0 && t.bytecodes > 60) {
          this.begun++;
          this.interp.txBegin(t, 'auto');
        } else if (t.tx !== null && !this.rolled && t.bytecodes > 200) {
          this.rolled = true;
          this.interp.txRollback(t, 0);
          return true;
        }
        return false;
      }
    }
    const hooks = new OnceRollback();
    let stdout = '';
    const interp = new Interpreter({ port: machine(), config: DEFAULT_INTERP, hooks, seed: 0, stdout: (s) => (stdout += s), stderr: (s) => (stdout += s) });
    hooks.interp = interp;
    interp.startMain(`
d = {}
acc = []
n = 0
for i in range(40):
    d[i % 7] = d.get(i % 7, 0) + i
    acc.append(i)
    n += i
print(n, len(acc), sorted(d.items()))
`, 'auto.py');
    runAll(interp);
    expect(hooks.rolled).toBe(true);
    expect(hooks.begun).toBe(1);
    // Same as CPython: the rolled-back iterations (dict, list, local, iterator position) re-run once.
    expect(stdout).toBe('780 40 [(0, 105), (1, 111), (2, 117), (3, 123), (4, 129), (5, 95), (6, 100)]\n');
  });
});

describe('rtm capacity probes (haswell-4c)', () => {
  const probe = (src: string, config: Partial<typeof DEFAULT_INTERP> = {}): string => {
    const out = runSource(src, { port: machine(4, false), config });
    expect(out.stderr).toBe('');
    return out.stdout;
  };
  const WRITE = (n: number): string => `
import rtm
buf = bytearray(${n} * 64 + 64)
def probe(n):
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        i = 0
        while i < n:
            buf[i * 64] = 1
            i += 1
        rtm.xend()
        return 'commit'
    return 'capacity' if s & rtm.XABORT_CAPACITY else 'abort %d' % s
print(probe(${n}))
`;
  it('64 written lines commit', () => {
    expect(probe(WRITE(64))).toBe('commit\n');
  });
  it('1,024 written lines abort with the capacity bit', () => {
    expect(probe(WRITE(1024))).toBe('capacity\n');
  });
  // Reads are tracked down to L3 (8 MiB). The transaction must not write lines it then leaves
  // alone: streaming 16k lines through L1 would evict them (a capacity abort, as on real
  // hardware). So the iterator is made before xbegin and reference counting is off, as under a
  // tracing GC; with CPython refcounting the header writes of xbegin's call sequence get evicted.
  const READ_PROBE = `
import rtm
N = 1 << 20
buf = bytearray(N)
def probe():
    acc = 0
    it = iter(range(0, N, 64))
    s = rtm.xbegin()
    if s == rtm.XBEGIN_STARTED:
        for i in it:
            acc ^= buf[i]
        rtm.xend()
        return 'commit'
    return 'capacity' if s & rtm.XABORT_CAPACITY else 'abort %d' % s
print(probe())
`;
  // Both need the L2 to see L1 hits (sim/machine/coherence.ts): otherwise streaming through the
  // 256 KiB inclusive L2 evicts the loop's hot lines and back-invalidates them from L1.
  it('a read-only transaction over 192 KiB commits', () => {
    expect(probe(READ_PROBE.replace('N = 1 << 20', 'N = 192 * 1024'), { refcount: 'none' })).toBe('commit\n');
  });
  it('a read-only transaction over 1 MiB commits', () => {
    expect(probe(READ_PROBE, { refcount: 'none' })).toBe('commit\n');
  });
  it('the same read probe with CPython refcounting aborts on capacity', () => {
    expect(probe(READ_PROBE, { refcount: 'cpython' })).toBe('capacity\n');
  });
});

describe('threading', () => {
  it('Lock serializes increments, join waits, acquire(False) fails while held', () => {
    const out = runSource(`
import threading
lock = threading.Lock()
count = [0]
def work(n):
    for i in range(n):
        with lock:
            v = count[0]
            count[0] = v + 1
ts = [threading.Thread(target=work, args=(200,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(count[0], [t.is_alive() for t in ts])
lock.acquire()
print(lock.acquire(False), lock.locked())
lock.release()
print(lock.acquire(False))
r = threading.RLock()
with r:
    with r:
        print('reentrant ok')
print(threading.current_thread().name)
`);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe('800 [False, False, False, False]\nFalse True\nTrue\nreentrant ok\nMainThread\n');
    const blocked = out.interp.threads.filter((t) => !t.isMain);
    expect(blocked.length).toBe(4);
  });

  it('a thread blocked on a held lock reports blocked and is woken by the release', () => {
    let stdout = '';
    const interp = new Interpreter({ port: machine(), config: DEFAULT_INTERP, hooks: new DefaultHooks(), seed: 0, stdout: (s) => (stdout += s), stderr: (s) => (stdout += s) });
    interp.startMain(`
import threading
lock = threading.Lock()
lock.acquire()
def w():
    with lock:
        print('worker got it')
t = threading.Thread(target=w)
t.start()
x = 0
for i in range(50):
    x += i
lock.release()
t.join()
print('done', x)
`, 'lock.py');
    const main = interp.threads[0]!;
    expect(interp.step(main, 25)).toBe('budget');
    while (interp.threads.length < 2) interp.step(main, 1);
    const w = interp.threads[1]!;
    expect(interp.step(w, 1000)).toBe('blocked');
    expect(w.blockedOn?.kind).toBe('lock');
    expect(interp.canResume(w)).toBe(false);
    runAll(interp);
    expect(stdout).toBe('worker got it\ndone 1225\n');
  });

  it('an uncaught exception in a thread is printed like CPython and the program goes on', () => {
    const out = runSource(`
import threading
def boom():
    raise ValueError('bad')
t = threading.Thread(target=boom)
t.start()
t.join()
print('after')
`, { filename: 'th.py' });
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe('after\n');
    expect(out.stderr).toContain('Exception in thread Thread-1 (boom):\nTraceback (most recent call last):\n');
    expect(out.stderr).toContain('ValueError: bad\n');
  });
});

describe('step API', () => {
  it('a runaway loop keeps returning budget so the runner can stop it at a cycle limit', () => {
    const port = machine();
    const interp = new Interpreter({ port, config: DEFAULT_INTERP, hooks: new DefaultHooks(), seed: 0, stdout: () => {}, stderr: () => {} });
    const t = interp.startMain('while True:\n    pass\n', 'spin.py');
    const limit = 200_000;
    let steps = 0;
    while ((port.now(t.core) as number) < limit) {
      expect(interp.step(t, 1000)).toBe('budget');
      steps++;
    }
    expect(steps).toBeGreaterThan(5);
    expect(t.state).toBe('runnable');
    expect(t.bytecodes).toBe(steps * 1000);
  });
});

describe('tracebacks', () => {
  it('collapses a runaway recursion like CPython 3.11 (golden from python3)', () => {
    const out = runSource('def f(n):\n    return f(n + 1)\nf(0)\n', { filename: 'rec.py' });
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(
      'Traceback (most recent call last):\n' +
      '  File "rec.py", line 3, in <module>\n    f(0)\n' +
      '  File "rec.py", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n'.repeat(3) +
      '  [Previous line repeated 996 more times]\n' +
      'RecursionError: maximum recursion depth exceeded\n',
    );
  });
});
