/**
 * Guest threads: creation, the main thread and module bodies, imports, blocking conditions,
 * yield points, and how a thread ends (CPython's uncaught-exception output, SystemExit).
 */
import { asCore } from '../../common/brand.js';
import { PyDict } from '../dict.js';
import { ABORT_SIGNAL } from '../heap.js';
import { Frame, GuestThread } from '../thread.js';
import { PyExc, PyModule } from '../values.js';
import { compileModule } from '../compile.js';
import { VmAsync } from './async.js';

export abstract class VmThreads extends VmAsync {


  newThread(name: string, core: number, isMain: boolean): GuestThread {
    const t = new GuestThread(this.nextThreadId++, name, asCore(core), isMain);
    t.regionAddr = this.heap.threadRegion(t.id);
    t.scratchAddr = t.regionAddr + 0x800;
    // The creator's clock: the scheduler runs t no earlier (its own core may be behind).
    if (this.cur !== undefined) t.createdAt = this.port.now(this.cur.core) as number;
    this.threads.push(t);
    return t;
  }

  /** Compiles `source` and creates the main thread (core 0) ready to run the module body. */
  startMain(source: string, filename: string): GuestThread {
    const code = compileModule(source, filename);
    this.sources.set(filename, source.split('\n'));
    const t = this.newThread('MainThread', 0, true);
    this.cur = t;
    const g = this.placeDict(this.newDict());
    const mod = new PyModule(this.T.module, '__main__', g);
    this.place(mod, 48);
    g.set('__name__', '__main__');
    g.set('__builtins__', this.moduleOf('builtins'));
    g.set('__doc__', this.None);
    g.set('__file__', filename);
    this.modules.set('__main__', mod);
    const f = this.newFrame(t, code, null, g, g);
    this.pushFrame(t, f);
    return t;
  }

  moduleOf(name: string): PyModule {
    let m = this.modules.get(name);
    if (m === undefined) {
      const fac = this.moduleFactories.get(name);
      if (fac === undefined) {
        const e = this.err('ModuleNotFoundError', `No module named '${name}'`);
        e.attrs.set('name', name);
        e.attrs.set('path', this.None);
        throw e;
      }
      m = fac();
      this.modules.set(name, m);
      this.sysModules?.set(name, m);
      // An import inside a transaction that later aborts is undone with it: the module's
      // initialization (its dict) is rolled back, so its entry must go too, or a half-built
      // module would stay cached.
      const t = this.cur as GuestThread | undefined;
      if (t !== undefined && t.tx !== null) {
        this.logUndo(t, () => {
          this.modules.delete(name);
          this.sysModules?.delete(name);
        });
      }
    }
    return m;
  }

  /** `import a.b.c` (the top package, `a`) or, with WANT_LEAF (a from-import, `__import__` with a
   *  fromlist), the module itself; every module on the way is imported (IMPORT_NAME, __import__). */
  importName(name: string, wantLeaf: boolean): PyModule {
    const m = this.moduleOf(name);
    const dot = name.indexOf('.');
    return dot < 0 || wantLeaf ? m : this.moduleOf(name.slice(0, dot));
  }

  /** Compiles and runs a guest-source module body (the Python-level parts of built-in modules). */
  runSourceModule(name: string, source: string, globals: PyDict): void {
    const code = compileModule(source, `<${name}>`);
    const t = this.cur ?? this.newThreadless();
    const f = this.newFrame(t, code, null, globals, globals);
    this.runNested(t, f);
  }
  protected newThreadless(): GuestThread {
    if (this.bootThread === null) {
      this.bootThread = new GuestThread(-1, 'boot', asCore(0), false);
      this.bootThread.scratchAddr = this.heap.threadRegion(255) + 0x800;
    }
    this.cur = this.bootThread;
    return this.bootThread;
  }

  /** Whether a blocked thread may run again (lock free, joined thread done, sleep over, workers done). */
  canResume(t: GuestThread): boolean {
    if (t.state === 'done') return false;
    if (t.state === 'runnable') return true;
    const b = t.blockedOn;
    if (b === null) return true;
    switch (b.kind) {
      case 'lock': return b.lock.holder === -1 || (b.until >= 0 && (this.port.now(t.core) as number) >= b.until);
      case 'join': return b.thread.state === 'done';
      case 'sleep': return (this.port.now(t.core) as number) >= b.until;
      case 'tasks': {
        for (const w of b.workers) if (w.state !== 'done') return false;
        return true;
      }
      default: {
        const _never: never = b;
        return _never;
      }
    }
  }
  /** The cycle a sleeping thread, or a timed lock wait, wakes at at the latest (for the scheduler), or -1. */
  wakeCycle(t: GuestThread): number {
    const b = t.blockedOn;
    if (b === null) return -1;
    return b.kind === 'sleep' || b.kind === 'lock' && b.until >= 0 ? b.until : -1;
  }

  /**
   * A yield point (function entry, loop back-edge, return): saves the frame's position so the
   * step can stop here cleanly, asks the policy, and unwinds if the policy rolled t back.
   */
  protected yieldPoint(t: GuestThread, f: Frame, pc: number, sp: number): boolean {
    f.pc = pc;
    f.sp = sp;
    const rb = t.rollbacks;
    const stop = this.hooks.yieldPoint(t);
    if (t.rollbacks !== rb) throw ABORT_SIGNAL;
    return stop;
  }

  /** Ends a thread with an uncaught exception (prints it the way CPython does). */
  protected threadDied(t: GuestThread, e: PyExc): void {
    t.state = 'done';
    t.frames = [];
    if (t.onUncaught !== null) {
      t.onUncaught(e);
      this.hooks.onThreadExit?.(t);
      return;
    }
    if (this.isSubtype(e.cls, this.exc.get('SystemExit')!)) {
      const code = e.args.length === 0 ? this.None : e.args[0]!;
      if (code === this.None) t.exitCode = 0;
      else if (typeof code === 'number' || typeof code === 'boolean') t.exitCode = Number(code);
      else {
        this.errOut(this.str(code) + '\n');
        t.exitCode = 1;
      }
      if (t.isMain) {
        this.exitCode = t.exitCode;
        this.finished = true;
      }
      this.hooks.onThreadExit?.(t);
      return;
    }
    t.uncaught = e;
    t.uncaughtText = this.formatException(e);
    if (t.isMain) {
      this.errOut(t.uncaughtText);
      // CPython exits 130 (128 + SIGINT) after an uncaught KeyboardInterrupt's traceback.
      this.exitCode = this.isSubtype(e.cls, this.exc.get('KeyboardInterrupt')!) ? 130 : 1;
      this.finished = true;
    } else {
      this.errOut(`Exception in thread ${t.name}:\n` + t.uncaughtText);
    }
    this.hooks.onThreadExit?.(t);
  }

  protected threadFinished(t: GuestThread): void {
    t.state = 'done';
    t.frames = [];
    if (t.isMain) {
      this.finished = true;
      this.exitCode = 0;
    }
    this.hooks.onThreadExit?.(t);
  }
}
