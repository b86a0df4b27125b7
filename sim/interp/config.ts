/**
 * Switches for the interpreter's own bookkeeping, declared once (type, bounds and description per
 * field; sim/common/config-shape.ts). Each changes which simulated lines the interpreter writes,
 * never what the guest program computes (shared/DESIGN.md, "Interpreter memory behaviour is
 * configurable"). Defaults live in configs/defaults.yaml.
 */
import { bool, int, oneOf, section, type ValueOf } from '../common/config-shape.js';

export const interpShape = section('Switches for the interpreter\'s own memory bookkeeping.', {
  // biased: the owning thread writes its local count, other threads a shared field.
  refcount: oneOf(['cpython', 'none', 'biased'], 'Reference counting: cpython writes the header on every incref/decref; none is a tracing GC; biased is free-threaded CPython'),
  allocator: oneOf(['global', 'per-thread'], 'Allocator: shared free lists per size class, or per-thread arenas'),
  // Small ints are -5..256, as in CPython.
  smallIntCache: bool('Share small ints and singletons (their refcounts become shared writes)'),
  ticker: oneOf(['shared', 'per-thread'], 'Eval-breaker / ticker word: one global line or one per thread'),
  tickerEvery: int('The ticker is written every this many bytecodes', 1),
  dispatchCycles: int('Cycles charged per bytecode for dispatch, on top of its memory accesses'),
  // As sys.getrecursionlimit().
  recursionLimit: int('Guest recursion limit (RecursionError beyond it)', 1),
  // Below V8's own limits (a string of 2^29 UTF-16 units, an array of 2^27 slots), so a guest
  // object that would reach them gets MemoryError instead of killing the host.
  maxObjectBytes: int('Largest simulated allocation of one guest object, in bytes (MemoryError beyond it)', 4096),
  // The model knows when objects die only under refcount cpython/biased (pymalloc's arenas and
  // large blocks): there it bounds the heap; under `none` nothing is ever freed, so it does not apply.
  maxHeapBytes: int('Largest simulated heap (pymalloc arenas and large blocks in use), in bytes (MemoryError beyond it; refcount cpython/biased)', 1048576),
});

export type InterpConfig = ValueOf<typeof interpShape>;
