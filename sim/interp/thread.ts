/**
 * Guest threads, frames and generators, and the per-thread transaction undo log.
 */
import type { CoreId } from '../common/brand.js';
import type { CodeObject } from './chunk.js';
import type { PyDict } from './dict.js';
import { PyFrameView, PyObject, type PyCell, type PyExc, type PyFunction, type PyLock, type PyType, type PyVal, type Slot } from './values.js';

/** A frame's simulated block: this header, then fast locals and cells, then the value stack. */
export const FRAME_HEADER_BYTES = 64;

/** Frame.cont (vm/continuations.ts): what the instruction below does when the frame returns, yields or raises; 0: a call. */
/** `yield from`'s SEND: a yield is the SEND's value; a return jumps to its target with the value. */
export const K_SEND = 1;
/** FOR_ITER: a value (yielded or returned by `__next__`) is pushed; the end jumps past the loop. */
export const K_FOR = 2;
/** FOR_ITER over iter(f, sentinel): f's value ends the loop when it equals the sentinel. */
export const K_SENTINEL = 3;
/** A call whose value is pushed (`__enter__`, `__exit__`). */
export const K_VALUE = 4;
/** next(gen[, default]): a yield is the value; a return is the default, or StopIteration. */
export const K_NEXT = 5;

export class Frame {
  code: CodeObject;
  fn: PyFunction | null;
  globals: PyDict;
  /** Name-based locals (module and class bodies); null for optimized function frames. */
  locals: PyDict | null;
  fast: Slot[];
  cells: PyCell[];
  stack: Slot[];
  sp = 0;
  pc = 0;
  consts: PyVal[];
  /** Where its code's int and str constants live (the VM's `constAddrsOf`, looked up once per frame). */
  constAddrs: Float64Array | null = null;
  /** Simulated frame block: header, then fast locals + cells, then the value stack. */
  addr = 0;
  size = 0;
  gen: PyGenerator | null = null;
  /** `cls(...)` inlined __init__: return this instead of __init__'s None. */
  initSelf: PyVal | null = null;
  /** Instruction index being executed when the frame last stopped (tracebacks). */
  lasti = 0;
  txId = 0;
  /** The instruction being executed, kept only while abort forensics is on (-1: not kept). */
  at = -1;
  /** generator.throw(): an exception to raise when the frame resumes. */
  pendingThrow: PyExc | null = null;
  /** Run in-loop on behalf of an instruction of the frame below (vm/continuations.ts K_*; 0: a call). */
  cont = 0;
  /** This frame, or one below it, runs in-loop (cont != 0): the loop treats it as a nested run. */
  inl = false;
  /** The loop's ticker count when an in-loop run began (restored when it ends, as a nested loop's). */
  outerTick = 0;
  /** The continuation's operand: next()'s default, the iter(f, sentinel) iterator. */
  contVal: PyVal | undefined = undefined;
  constructor(code: CodeObject, fn: PyFunction | null, globals: PyDict, locals: PyDict | null, consts: PyVal[]) {
    this.code = code;
    this.fn = fn;
    this.globals = globals;
    this.locals = locals;
    this.consts = consts;
    this.fast = new Array<Slot>(code.varnames.length).fill(undefined);
    this.cells = [];
    this.stack = new Array<Slot>(code.stacksize + 2).fill(undefined);
  }
}

/** `sys._getframe(n)`: a frame still on a thread's stack (f_back, f_globals, f_locals read it live). */
export class PyLiveFrame extends PyFrameView {
  frame: Frame;
  thread: GuestThread;
  constructor(cls: PyType, frame: Frame, thread: GuestThread) {
    const c = frame.code;
    super(cls, { filename: c.filename, line: c.lines[frame.lasti] ?? c.firstLine, name: c.name, col: 0, endLine: 0, endCol: 0, code: c });
    this.frame = frame;
    this.thread = thread;
  }
}

export class PyGenerator extends PyObject {
  frame: Frame;
  running = false;
  done = false;
  started = false;
  /** Resumed by its delegator's SEND inside the delegator's own eval loop (generators.ts). */
  delegated = false;
  name: string;
  qualname: string;
  /** Async generators: one of its awaitables is running it (CPython's ag_running_async). */
  agRunningAsync = false;
  /** Async generators: finished or closed by aclose() (CPython's ag_closed). */
  agClosed = false;
  constructor(cls: PyType, frame: Frame) {
    super(cls);
    this.frame = frame;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
  }
}

/** An async generator's awaitable (vm/async.ts): `__anext__()`/`asend(v)` (kind asend),
 *  `athrow(...)` or `aclose()`; state 0 not started, 1 running, 2 finished (CPython's
 *  AWAITABLE_STATE_INIT/ITER/CLOSED). */
export class PyAGenAwaitable extends PyObject {
  agen: PyGenerator;
  kind: 'asend' | 'athrow' | 'aclose';
  state = 0;
  /** asend: the value sent first; athrow: unused. */
  value: PyVal;
  /** athrow: the exception thrown in first. */
  exc: PyExc | null;
  constructor(cls: PyType, agen: PyGenerator, kind: 'asend' | 'athrow' | 'aclose', value: PyVal, exc: PyExc | null) {
    super(cls);
    this.agen = agen;
    this.kind = kind;
    this.value = value;
    this.exc = exc;
  }
}

/** A value an async generator yields, as ASYNC_GEN_WRAP wraps it (never seen by guest code). */
export class PyAGenWrapped extends PyObject {
  value: PyVal;
  constructor(cls: PyType, value: PyVal) {
    super(cls);
    this.value = value;
  }
}

export type ThreadState = 'runnable' | 'blocked' | 'done';

export type BlockedOn =
  /** `until`: a timed acquire's deadline cycle (-1: none); it gives up then (threading.ts). */
  | { kind: 'lock'; lock: PyLock; until: number }
  | { kind: 'join'; thread: GuestThread }
  | { kind: 'sleep'; until: number }
  | { kind: 'tasks'; workers: GuestThread[] };

/** Why `step` returned. */
export type StepOutcome = 'budget' | 'yield' | 'suspended' | 'blocked' | 'aborted' | 'done';

export type TxKind = 'rtm' | 'auto';

/** Undo-log entry kinds. */
export const U_FIELD = 0; // obj[key] = old
export const U_LIST_SLOT = 1; // list.items[key] = old
export const U_SNAP = 2; // obj.restore(old)
export const U_MAP_SNAP = 3; // obj.attrs = old
export const U_CELL = 4; // cell.value = old
export const U_BYTE = 5; // bytes.data[key] = old
export const U_CALL = 6; // (old as () => void)()
export const U_RC = 7; // reference count of obj -= old (a count change undone)
export const U_ALLOC = 8; // obj was allocated: its block goes back, its slot is retired
export const U_FREE = 9; // obj was freed: its block and a slot are taken back
export const U_BOX_RC = 10; // the heap references of int/str `key` -= old (boxes.ts)
export const U_BOX_NEW = 11; // `key` got its block: the block goes back
export const U_BOX_FREE = 12; // `key`'s block at `old` went back: taken back

export interface FrameSnap {
  frame: Frame;
  pc: number;
  sp: number;
  stack: Slot[];
  fast: Slot[];
  lasti: number;
  genRunning: boolean;
  genDone: boolean;
  genStarted: boolean;
}

export class TxState {
  readonly id: number;
  readonly kind: TxKind;
  frames: Frame[];
  frameSnaps: FrameSnap[] = [];
  excInfo: PyVal | null;
  kinds: number[] = [];
  objs: unknown[] = [];
  keys: unknown[] = [];
  olds: unknown[] = [];
  /** Nested native (builtin → guest) depth when the transaction began. */
  nest: number;
  /** A hardware transaction was active on the core at txBegin (machine aborts are routed here). */
  hw = false;
  constructor(id: number, kind: TxKind, frames: Frame[], excInfo: PyVal | null, nest: number) {
    this.id = id;
    this.kind = kind;
    this.frames = frames;
    this.excInfo = excInfo;
    this.nest = nest;
  }
  log(kind: number, obj: unknown, key: unknown, old: unknown): void {
    this.kinds.push(kind);
    this.objs.push(obj);
    this.keys.push(key);
    this.olds.push(old);
  }
}

export class GuestThread {
  readonly id: number;
  name: string;
  core: CoreId;
  frames: Frame[] = [];
  state: ThreadState = 'runnable';
  blockedOn: BlockedOn | null = null;
  bytecodes = 0;
  /** The uncaught exception that ended the thread, if any. */
  uncaught: PyExc | null = null;
  /** Formatted traceback of `uncaught` (CPython's format). */
  uncaughtText = '';
  /** sys.exit() status when the thread ended by SystemExit. */
  exitCode = 0;
  /** The exception being handled (sys.exc_info()). */
  excInfo: PyVal | null = null;
  tx: TxState | null = null;
  /** Depth of builtin → guest nested runs (0 at the top-level loop). */
  nest = 0;
  /** time.sleep: the cycle it sleeps until while blocked. */
  sleepUntil = -1;
  /** A timed Lock.acquire waiting: the lock and its deadline cycle (the call re-executes on wake-up). */
  timedAcquire: { lock: PyLock; until: number } | null = null;
  /** Set by a bare `raise` / RERAISE: the unwinder adds no traceback entry. */
  reraise = false;
  /** The guest `threading.Thread` object, if any. */
  pyThread: PyVal | null = null;
  isMain: boolean;
  /** A `transaction.run()` worker: pops tasks until the queue is empty. */
  isWorker = false;
  /** Takes this thread's uncaught exception instead of printing it (a transaction worker's task). */
  onUncaught: ((e: PyExc) => void) | null = null;
  /** The host callable the innermost host call from an instruction is running (error messages). */
  hostFn: PyVal | null = null;
    /** Value handed back by a nested run. */
  retVal: PyVal | undefined = undefined;
  /** Cycle (on its creator's core) at which the thread was started. */
  createdAt = 0;
  /** Simulated per-thread region: allocator heads, ticker word, nursery. */
  regionAddr = 0;
  /** Last temporary block allocated (refcount traffic of unboxed ints/strs goes here). */
  scratchAddr = 0;
  /** The int or str this thread last read out of the heap with a block (boxes.ts) and that block's slot: storing it again references the same object. */
  boxVal: PyVal | undefined = undefined;
  boxSlot = 0;
  tickCount = 0;
  /** Number of rollbacks so far (the eval loop notices one that happened under its feet). */
  rollbacks = 0;
  /** Inside a builtin called from the top-level eval loop: where a transaction begun now resumes. */
  midCall = false;
  callPc = 0;
  callSp = 0;
  retPc = 0;
  retSp = 0;
  retBelow: PyVal | null = null;
  setMidCall(callPc: number, callSp: number, retPc: number, retSp: number, retBelow: PyVal | null): void {
    this.midCall = true;
    this.callPc = callPc;
    this.callSp = callSp;
    this.retPc = retPc;
    this.retSp = retSp;
    this.retBelow = retBelow;
  }
  constructor(id: number, name: string, core: CoreId, isMain: boolean) {
    this.id = id;
    this.name = name;
    this.core = core;
    this.isMain = isMain;
  }
}
