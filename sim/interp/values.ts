/**
 * Guest value representation.
 *
 * - int: a JS `number` (always a safe integer) or a `bigint` (only outside the safe range).
 * - bool: a JS `boolean` (so `True == 1` and `isinstance(True, int)` are handled by the protocols).
 * - str: a JS string.
 * - everything else (float, complex, None, list, ...) is a `PyObject` with a type pointer, so `1.0` and `1`
 *   differ and every object can carry its simulated address.
 *
 * Guest semantics live in these host objects; the simulated machine only models where they live
 * (`addr`/`size`, see heap.ts). `txId` marks the transaction that last logged this object, so the
 * write path logs a structural snapshot at most once per transaction.
 */
import type { CodeObject } from './chunk.js';

export type PyVal = number | bigint | boolean | string | PyObject;
/** A value-stack slot: `null` is CPython's NULL (PUSH_NULL), `undefined` an unbound local. */
export type Slot = PyVal | null | undefined;

/** `PyObject.owner` of objects whose reference counts PEP 703 defers (refcount `biased`). */
export const DEFERRED_RC = -2;

export class PyObject {
  cls: PyType;
  /** Simulated address of the header (0 for values whose traffic goes to a scratch block). */
  addr: number;
  size: number;
  /** Transaction id that last snapshotted this object (write path). */
  txId: number;
  /** Owning guest thread for biased refcounting (-1: none; DEFERRED_RC: PEP 703's deferred counting, no refcount writes). */
  owner: number;
  /** Slot in the reference-count side table (lifetimes.ts); 0: not counted (immortal here). */
  rid: number;
  /** Its block held an object before (refcounted heaps reuse blocks): id() is then not the address. */
  reused: boolean;
  // Plain constructor assignments (not class fields): objects are created on the hot path.
  constructor(cls: PyType) {
    this.cls = cls;
    this.addr = 0;
    this.size = 0;
    this.txId = 0;
    this.owner = -1;
    this.rid = 0;
    this.reused = false;
  }
}

export class PyType extends PyObject {
  name: string;
  qualname: string;
  module = 'builtins';
  bases: PyType[];
  mro: PyType[] = [];
  dict = new Map<string, PyVal>();
  /** The attribute names `__slots__` allows on instances (own and inherited); null: a `__dict__`. */
  slotNames: Set<string> | null = null;
  /** The most attributes an instance of this class has had (sizes new instances' values arrays, as CPython's shared keys do). */
  instAttrs = 0;
  /** Which host class instances of this type use ('object' for plain user classes). */
  layout: Layout;
  builtin: boolean;
  constructor(meta: PyType | null, name: string, bases: PyType[], layout: Layout, builtin: boolean) {
    super(meta as PyType);
    this.name = name;
    this.qualname = name;
    this.bases = bases;
    this.layout = layout;
    this.builtin = builtin;
  }
}

export type Layout =
  | 'object' | 'type' | 'int' | 'bool' | 'float' | 'str' | 'none' | 'list' | 'tuple' | 'dict' | 'set'
  | 'frozenset' | 'bytes' | 'bytearray' | 'range' | 'slice' | 'function' | 'builtin' | 'method'
  | 'module' | 'cell' | 'generator' | 'iterator' | 'property' | 'staticmethod' | 'classmethod'
  | 'super' | 'exception' | 'ellipsis' | 'notimpl' | 'code' | 'lock' | 'thread' | 'atomic' | 'complex'
  | 'traceback' | 'frame' | 'memoryview';

export class PyFloat extends PyObject {
  v: number;
  constructor(cls: PyType, v: number) {
    super(cls);
    this.v = v;
  }
}

/** A complex number: two doubles (CPython's 32-byte PyComplexObject; objects/complex.ts). */
export class PyComplex extends PyObject {
  re: number;
  im: number;
  constructor(cls: PyType, re: number, im: number) {
    super(cls);
    this.re = re;
    this.im = im;
  }
}

export class PyInstance extends PyObject {
  attrs = new Map<string, PyVal>();
  /** Simulated values array (CPython 3.11's, a block of its own; 0: none) and the attributes it was sized for. */
  valuesAddr = 0;
  valuesSlots = 0;
}

/** An instance of a user subclass of str, int or float: the value it stands for (what the
 *  builtin type's methods and operators see) and the instance's own attributes and class. */
export class PyBoxed extends PyInstance {
  prim: string | number | bigint | PyFloat;
  constructor(cls: PyType, prim: string | number | bigint | PyFloat) {
    super(cls);
    this.prim = prim;
  }
}

/** The value a str/int/float subclass instance stands for; anything else as it is. */
export const primOf = (v: PyVal): PyVal => (v instanceof PyBoxed ? v.prim : v);

export class PyList extends PyObject {
  items: PyVal[];
  /** Simulated item array (separate block; moves when it grows, like CPython's ob_item). */
  itemsAddr = 0;
  cap = 0;
  constructor(cls: PyType, items: PyVal[]) {
    super(cls);
    this.items = items;
  }
}

export class PyTuple extends PyObject {
  items: PyVal[];
  constructor(cls: PyType, items: PyVal[]) {
    super(cls);
    this.items = items;
  }
}

export class PyBytes extends PyObject {
  data: Uint8Array;
  len: number;
  /** Simulated payload address (bytearray buffer; moves when it grows). */
  dataAddr = 0;
  constructor(cls: PyType, data: Uint8Array, len: number) {
    super(cls);
    this.data = data;
    this.len = len;
  }
}

/** Ints of any size (a number is a safe integer: runtime/int-ops.ts's IntVal contract); objects/range.ts. */
export class PyRange extends PyObject {
  start: number | bigint;
  stop: number | bigint;
  step: number | bigint;
  constructor(cls: PyType, start: number | bigint, stop: number | bigint, step: number | bigint) {
    super(cls);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

export class PySlice extends PyObject {
  start: PyVal;
  stop: PyVal;
  step: PyVal;
  constructor(cls: PyType, start: PyVal, stop: PyVal, step: PyVal) {
    super(cls);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

export class PyCell extends PyObject {
  value: PyVal | undefined;
  constructor(cls: PyType, value: PyVal | undefined) {
    super(cls);
    this.value = value;
  }
}

export class PyModule extends PyObject {
  name: string;
  dict: PyDictLike;
  constructor(cls: PyType, name: string, dict: PyDictLike) {
    super(cls);
    this.name = name;
    this.dict = dict;
  }
}

/** Implemented by PyDict (dict.ts); declared here to keep this file free of protocol code. */
export interface PyDictLike extends PyObject {
  getStr(key: string): PyVal | undefined;
}

export class PyFunction extends PyObject {
  code: CodeObject;
  globals: PyDictLike;
  name: string;
  qualname: string;
  defaults: PyVal[];
  kwdefaults: Map<string, PyVal> | null;
  closure: PyCell[] | null;
  consts: PyVal[];
  module: PyVal;
  doc: PyVal;
  attrs: Map<string, PyVal> | null = null;
  /** Fast-call eligibility: positional-only binding with no *args/**kwargs/kw-only/cells-from-args. */
  simple: boolean;
  constructor(cls: PyType, code: CodeObject, globals: PyDictLike, consts: PyVal[], defaults: PyVal[],
    kwdefaults: Map<string, PyVal> | null, closure: PyCell[] | null, module: PyVal, doc: PyVal) {
    super(cls);
    this.code = code;
    this.globals = globals;
    this.name = code.name;
    this.qualname = code.qualname;
    this.consts = consts;
    this.defaults = defaults;
    this.kwdefaults = kwdefaults;
    this.closure = closure;
    this.module = module;
    this.doc = doc;
    this.simple = (code.flags & 0xc) === 0 && code.kwonlyargcount === 0;
  }
}

/** Unfriendly operation kinds (hooks.beforeUnfriendly): what a policy may need to serialize. */
export type UnfriendlyKind = 'output' | 'sleep' | 'lock-block' | 'thread-start' | 'thread-join' | 'tx-run' | 'io';

export type BuiltinImpl = (args: PyVal[], kw: Map<string, PyVal> | null, self: PyVal | undefined) => PyVal;

export class PyBuiltin extends PyObject {
  name: string;
  fn: BuiltinImpl;
  /** Bound receiver (for `[].append` style bound builtins and module functions with state). */
  self: PyVal | undefined;
  /** A method of a builtin type: binds its receiver when looked up on an instance. */
  isMethod: boolean;
  unfriendly: UnfriendlyKind | null = null;
  ownerName: string;
  constructor(cls: PyType, name: string, fn: BuiltinImpl, isMethod: boolean, ownerName = '') {
    super(cls);
    this.name = name;
    this.fn = fn;
    this.self = undefined;
    this.isMethod = isMethod;
    this.ownerName = ownerName;
  }
}

export class PyMethod extends PyObject {
  func: PyVal;
  self: PyVal;
  constructor(cls: PyType, func: PyVal, self: PyVal) {
    super(cls);
    this.func = func;
    this.self = self;
  }
}

export class PyWrapper extends PyObject {
  /** property: fget/fset/fdel; staticmethod/classmethod: fget is the wrapped callable. */
  fget: PyVal;
  fset: PyVal;
  fdel: PyVal;
  doc: PyVal;
  constructor(cls: PyType, fget: PyVal, fset: PyVal, fdel: PyVal, doc: PyVal) {
    super(cls);
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
    this.doc = doc;
  }
}

export class PySuper extends PyObject {
  thisType: PyType;
  obj: PyVal;
  objType: PyType;
  constructor(cls: PyType, thisType: PyType, obj: PyVal, objType: PyType) {
    super(cls);
    this.thisType = thisType;
    this.obj = obj;
    this.objType = objType;
  }
}

/** A traceback entry: the frame's code and the line being executed when the exception passed. */
export interface TbEntry {
  filename: string;
  line: number;
  name: string;
  /** The instruction's source range (carets in 3.11 tracebacks). */
  col: number;
  endLine: number;
  endCol: number;
  /** The frame's code (absent for an entry host code makes without one). */
  code?: CodeObject;
}

/** A traceback object (`exc.__traceback__`): one entry of PyExc.tb, `next` the entry nearer the raise. */
export class PyTraceback extends PyObject {
  entry: TbEntry;
  next: PyTraceback | null;
  constructor(cls: PyType, entry: TbEntry, next: PyTraceback | null) {
    super(cls);
    this.entry = entry;
    this.next = next;
  }
}

/** `tb.tb_frame`: the frame a traceback entry names (its code and line; the frame itself has ended or moved on). */
export class PyFrameView extends PyObject {
  entry: TbEntry;
  constructor(cls: PyType, entry: TbEntry) {
    super(cls);
    this.entry = entry;
  }
}

export class PyExc extends PyInstance {
  args: PyVal[] = [];
  tb: TbEntry[] = [];
  cause: PyVal | null = null;
  context: PyVal | null = null;
  suppressContext = false;
  /** A BaseExceptionGroup's `exceptions` (null for any other exception) and `message`. */
  members: PyExc[] | null = null;
  message = '';
  /** The traceback objects made for `tb` so far (index i for tb[i]), so `__traceback__` keeps its identity. */
  tbObjs: PyTraceback[] | null = null;
}

/** A host-implemented iterator: `next()` returns undefined when exhausted. */
export class PyIter extends PyObject {
  next: () => PyVal | undefined;
  /** Position (index or count); guest-visible, so changed through the write path. */
  i = 0;
  /** Range iterators: FOR_ITER computes start + step * i inline when i < n (fast path). */
  rn = -1;
  rstart = 0;
  rstep = 0;
  /** The iterable GET_ITER made it from (a counted reference: the iterator keeps it alive). */
  held: PyVal | null = null;
  /** iter(callable, sentinel): the callable and sentinel, for FOR_ITER's in-loop call (vm/continuations.ts). */
  callable: PyVal | null = null;
  sentinel: PyVal | null = null;
  exhausted = false;
  constructor(cls: PyType, next: () => PyVal | undefined) {
    super(cls);
    this.next = next;
  }
}

export class PyLock extends PyObject {
  /** Guest thread id holding it, or -1. */
  holder = -1;
  count = 0;
  reentrant: boolean;
  constructor(cls: PyType, reentrant: boolean) {
    super(cls);
    this.reentrant = reentrant;
  }
}

/** A code object as a runtime value (MAKE_FUNCTION's operand, `f.__code__`). */
export class CodeHolder extends PyObject {
  code: CodeObject;
  constructor(cls: PyType, code: CodeObject) {
    super(cls);
    this.code = code;
  }
}
