/**
 * `transaction`: the task-queue model of PyPy-STM / Riley's transaction module. add() queues a call;
 * run() hands the queue to one worker thread per core (the policy decides whether run is serial)
 * and blocks until they finish; every task runs between the policy's taskStart and taskEnd hooks.
 * `atomic` is a context manager whose enter/exit are the policy's atomicEnter/atomicExit. The
 * queue is interpreter state, so add/_pop log undo actions (a rolled-back task is re-queued).
 */
import type { PyDict } from '../dict.js';
import type { GuestThread } from '../thread.js';
import { PyObject, type PyExc, type PyFunction, type PyModule, type PyVal } from '../values.js';
import { BLOCK_SIGNAL } from '../vm/signals.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, newModule, type GuestModule } from './kit.js';

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

export const transaction: GuestModule = {
  name: 'transaction',
  install(vm: Vm): void {
    const None = vm.None;
    const atomicT = vm.T.atomic;
    atomicT.name = 'atomic';
    vm.method(atomicT, '__enter__', () => {
      vm.hooks.atomicEnter(vm.cur);
      return None;
    });
    vm.method(atomicT, '__exit__', () => {
      vm.hooks.atomicExit(vm.cur);
      return false;
    });

    const pendingWorkers = new Map<GuestThread, RunGroup>();
    vm.moduleFactories.set('transaction', () => makeTransaction(vm, pendingWorkers));
  },
};

/**
 * One parallel run(): its workers and the first exception a task raised. As under serial (where
 * the exception leaves the single worker loop), that exception stops the workers taking tasks
 * and leaves run() in the thread that called it; the untaken tasks stay queued.
 */
interface RunGroup {
  workers: GuestThread[];
  failure: PyExc | null;
}

/** The guest values a queued task references. */
function taskRefs(task: [PyVal, PyVal[], Map<string, PyVal> | null]): PyVal[] {
  return task[2] === null ? [task[0], ...task[1]] : [task[0], ...task[1], ...task[2].values()];
}

function makeTransaction(vm: Vm, pendingWorkers: Map<GuestThread, RunGroup>): PyModule {
  const groupOf = new Map<GuestThread, RunGroup>();
  const None = vm.None;
  const atomicT = vm.T.atomic;
  const m = newModule(vm, 'transaction');
  defineFn(vm, m, 'add', (a, kw) => {
    if (a.length === 0) throw vm.typeErr('add() missing required argument: f');
    const t = vm.cur;
    const q = vm.taskQueue;
    const task: [PyVal, PyVal[], Map<string, PyVal> | null] = [a[0]!, a.slice(1), kw];
    q.push(task);
    vm.logUndo(t, () => {
      q.pop();
    });
    // The queue holds counted references (object lifetimes: write-path.ts countRefs).
    if (vm.life !== null) vm.countRefs(t, null, taskRefs(task));
    return None;
  });
  defineFn(vm, m, '_pop', () => {
    const t = vm.cur;
    const q = vm.taskQueue;
    if ((groupOf.get(t)?.failure ?? null) !== null) return None;
    const task = q.shift();
    if (task === undefined) return None;
    vm.logUndo(t, () => {
      q.unshift(task);
    });
    if (vm.life !== null) vm.countRefs(t, taskRefs(task), null);
    const kw = vm.placeDict(vm.newDict());
    if (task[2] !== null) for (const [k, v] of task[2]) kw.set(k, v);
    return vm.newTuple([task[0], vm.newTuple(task[1]), kw]);
  });
  defineFn(vm, m, '_task_start', () => {
    vm.hooks.taskStart(vm.cur);
    return None;
  });
  defineFn(vm, m, '_task_end', () => {
    vm.hooks.taskEnd(vm.cur);
    return None;
  });
  defineFn(vm, m, '_begin_run', () => {
    const t = vm.cur;
    const done = pendingWorkers.get(t);
    if (done !== undefined) {
      pendingWorkers.delete(t);
      for (const w of done.workers) groupOf.delete(w);
      if (done.failure !== null) raiseFromRun(t, done.failure);
      return false;
    }
    if (vm.hooks.transactionRunMode() === 'serial') return true;
    const worker = (m.dict as PyDict).getStr('_worker') as PyFunction;
    const workers: GuestThread[] = [];
    const group: RunGroup = { workers, failure: null };
    for (let c = 0; c < vm.port.cores; c++) {
      const w = vm.newThread(`transaction-worker-${c}`, c, false);
      w.isWorker = true;
      groupOf.set(w, group);
      w.onUncaught = (e) => {
        if (group.failure === null) group.failure = e;
      };
      const prev = vm.cur;
      vm.cur = w;
      try {
        vm.pushFrame(w, vm.bindFrame(w, worker, [], 0, 0, null, null));
      } finally {
        vm.cur = prev;
      }
      workers.push(w);
    }
    pendingWorkers.set(t, group);
    t.blockedOn = { kind: 'tasks', workers };
    throw BLOCK_SIGNAL;
  }, 'tx-run');
  /**
   * Raises a worker's exception from run() with the traceback serial gives it: run's entry at its
   * `_worker()` call (the line after `_begin_run()`), then the worker's own entries.
   */
  const raiseFromRun = (t: GuestThread, e: PyExc): never => {
    const f = t.frames[t.frames.length - 1]!;
    const c = f.code;
    const line = (c.lines[f.lasti] ?? c.firstLine) + 1;
    e.tb.push({ filename: c.filename, line, name: c.name, col: 0, endLine: 0, endCol: 0 });
    t.reraise = true;
    throw e;
  };
  defineFn(vm, m, 'atomic', () => vm.place(new PyObject(atomicT), 16));
  defineFn(vm, m, 'local_size', () => vm.taskQueue.length);
  vm.runSourceModule('transaction', TRANSACTION_SRC, m.dict as PyDict);
  return m;
}
