/**
 * Switches for the interpreter's own bookkeeping. Each changes which simulated lines the
 * interpreter writes, never what the guest program computes (shared/DESIGN.md, "Interpreter memory
 * behaviour is configurable").
 */
export type RefcountMode = 'cpython' | 'none' | 'biased';
export type AllocatorMode = 'global' | 'per-thread';
export type TickerMode = 'shared' | 'per-thread';

export interface InterpConfig {
  /** `cpython`: every incref/decref writes the object header. `none`: a tracing GC (no header
   *  writes). `biased`: the owning thread writes its local count, others write a shared field. */
  refcount: RefcountMode;
  /** `global`: one free list per size class shared by all threads. `per-thread`: arenas per thread. */
  allocator: AllocatorMode;
  /** Small ints (-5..256), None/True/False shared singletons whose refcounts every thread writes. */
  smallIntCache: boolean;
  /** `shared`: the eval-breaker / ticker word is one global line written every `tickerEvery`
   *  bytecodes; `per-thread`: each thread has its own. */
  ticker: TickerMode;
  tickerEvery: number;
  /** Cycles charged per bytecode for dispatch, on top of its memory accesses. */
  dispatchCycles: number;
  /** Guest recursion limit (RecursionError beyond it), as sys.getrecursionlimit(). */
  recursionLimit: number;
}
