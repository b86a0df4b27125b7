/**
 * The VM's state and its object model: the built-in types, constructors of host values, type
 * lookup (MRO), truthiness, guest exceptions as values, and the object protocols (repr, hash,
 * binop, ...) reached through one typed record the builtins installer builds once (protocols.ts).
 *
 * The VM is one class split by concern into a chain of files, each extending the one below:
 * object-model < write-path < transactions < exceptions < calls < generators < attributes <
 * threads < cold-ops < eval-loop < vm.ts. A method a lower file needs from a higher one is
 * declared `abstract` where it is used. Every state field lives here, so it is initialised before
 * the installers run (at the end of this constructor).
 */
import { PrimBoxes } from '../boxes.js';
import type { CoreId } from '../../common/brand.js';
import type { AbortCause, MemoryPort } from '../../machine/port.js';
import type { CodeObject } from '../chunk.js';
import type { InterpConfig } from '../config.js';
import { PyDict, PySet, type KeyOps } from '../dict.js';
import { FALSE_ADDR, Heap, NONE_ADDR, SMALL_INT_BASE, SMALL_INT_SIZE, TRUE_ADDR } from '../heap.js';
import type { Forensics } from '../forensics.js';
import type { ExecHooks } from '../hooks.js';
import type { OwnershipTable } from '../ownership.js';
import { rangeLen } from '../objects/range.js';
import { INT_MAX_STR_DIGITS, intIsZero, setIntMaxStrDigits } from '../runtime/int-ops.js';
import { Lifetimes } from '../lifetimes.js';
import { GuestThread } from '../thread.js';
import { PyBoxed, PyBuiltin, PyBytes, PyComplex, PyExc, PyFloat, PyFunction, PyInstance, PyList, PyModule, PyObject, PyRange, PyTuple, PyType, type BuiltinImpl, type Layout, type PyVal, type UnfriendlyKind } from '../values.js';
import type { Protocols } from './protocols.js';

/** Methods whose other arguments keep their identity (formatting may call their own __format__/__repr__). */
const KEEP_ARGS = new Set(['format', 'format_map', '__mod__', '__rmod__', 'join']);

/** A method of str, int or float as a subclass instance reaches it: it works on the value the
 *  instance stands for (and on such values among its arguments), as CPython's C methods do. */
function unboxing(fn: BuiltinImpl, name: string): BuiltinImpl {
  const keep = KEEP_ARGS.has(name);
  return (a, kw, self) => {
    const n = keep ? Math.min(1, a.length) : a.length;
    for (let i = 0; i < n; i++) {
      if (a[i] instanceof PyBoxed) {
        const b = a.slice();
        for (let j = i; j < n; j++) {
          const v = b[j];
          if (v instanceof PyBoxed) b[j] = v.prim;
        }
        return fn(b, kw, self);
      }
    }
    return fn(a, kw, self);
  };
}

/** A module the runner provides (e.g. `htmsim` with `params` and `metric`). */
export interface HostModuleSpec {
  /** Plain data attributes (numbers, strings, booleans, nested arrays/objects become lists/dicts). */
  values?: Record<string, unknown>;
  functions?: Record<string, (...args: unknown[]) => unknown>;
}

export interface TraceEvent {
  thread: number;
  core: number;
  cycle: number;
  line: number;
  op: string;
  arg: number;
}

export interface InterpreterOptions {
  port: MemoryPort;
  config: InterpConfig;
  hooks: ExecHooks;
  seed: number;
  stdout(text: string): void;
  stderr(text: string): void;
  hostModules?: Record<string, HostModuleSpec>;
  trace?: (ev: TraceEvent) => void;
  argv?: string[];
  /** The program's standard input (`sys.stdin`, `input()`); absent: an empty stream. */
  stdin?: string;
  /** Register handleHwAbort as the machine's abort handler (default true). */
  registerAbortHandler?: boolean;
  /** Abort forensics (docs/forensics.md); absent: off, and nothing is tagged or watched. */
  forensics?: Forensics;
}

/** What fills the builtins: the object protocols (built once) and the guest modules. */
export interface VmInstallers {
  builtins(vm: VmObjectModel): Protocols;
  modules(vm: VmObjectModel): void;
}

export type Types = Record<
  | 'object' | 'type' | 'int' | 'bool' | 'float' | 'str' | 'NoneType' | 'list' | 'tuple' | 'dict' | 'set'
  | 'frozenset' | 'bytes' | 'bytearray' | 'range' | 'slice' | 'function' | 'builtin_function_or_method'
  | 'method' | 'module' | 'cell' | 'generator' | 'iterator' | 'property' | 'staticmethod' | 'classmethod'
  | 'super' | 'ellipsis' | 'NotImplementedType' | 'code' | 'lock' | 'atomic' | 'coroutine' | 'complex' | 'traceback' | 'frame'
  | 'async_generator' | 'async_generator_asend' | 'async_generator_athrow' | 'async_generator_wrapped_value',
  PyType
>;


export abstract class VmObjectModel {
  abstract callValue(f: PyVal, args: PyVal[], kw: Map<string, PyVal> | null): PyVal;
  abstract handleHwAbort(core: CoreId, status: number, cause: AbortCause): void;
  /** A dict or set stored (+1) or dropped (-1) a reference (dict.ts's KeyOps.ref/unref; write-path.ts). */
  abstract tableRef(v: PyVal, delta: 1 | -1): void;

  readonly port: MemoryPort;
  readonly cfg: InterpConfig;
  hooks: ExecHooks;
  readonly heap: Heap;
  readonly seed: number;
  readonly out: (text: string) => void;
  readonly errOut: (text: string) => void;
  readonly trace: ((ev: TraceEvent) => void) | null;
  /** Abort forensics and its line-ownership table (both null when off). */
  readonly forensics: Forensics | null;
  readonly owners: OwnershipTable | null;
  readonly argv: string[];
  /** The program's standard input, read by `sys.stdin` (modules/sys.ts). */
  readonly stdinText: string;
  readonly hostModules: Record<string, HostModuleSpec>;

  readonly T: Types;
  readonly exc = new Map<string, PyType>();
  readonly None: PyObject;
  readonly Ellipsis: PyObject;
  readonly NotImplemented: PyObject;
  readonly builtins: PyDict;
  readonly modules = new Map<string, PyModule>();
  /** sys.modules once `sys` exists: kept in step with `modules` on the host side (no simulated
   *  traffic: a program's figures do not depend on whether it imported sys). */
  sysModules: PyDict | null = null;
  readonly moduleFactories = new Map<string, () => PyModule>();
  /**
   * weakref (modules/weakref.ts): each referent's weak references, each reference's referent (null
   * once it is freed) and callback. A referent is freed by the object-lifetime model (write-path.ts's
   * dealloc), which clears its references and queues their callbacks for the next safe point.
   */
  readonly weakRefs = new Map<PyObject, PyObject[]>();
  readonly weakTarget = new WeakMap<PyObject, PyObject | null>();
  readonly weakCallback = new WeakMap<PyObject, PyVal>();
  pendingWeak: [PyVal, PyObject][] = [];
  /** The machine's stdout as a guest object (`sys.stdout` until a program replaces it; modules/sys.ts). */
  stdoutObj: PyObject | null = null;
  readonly ctors = new Map<PyType, BuiltinImpl>();
  readonly keyOps: KeyOps;
  readonly sources = new Map<string, string[]>();

  readonly threads: GuestThread[] = [];
  /** The thread currently executing (builtins use it). */
  cur!: GuestThread;
  exitCode = 0;
  finished = false;
  /** transaction.add queue: [callable, args, kwargs]. */
  taskQueue: [PyVal, PyVal[], Map<string, PyVal> | null][] = [];
  protected nextTx = 1;
  protected nextThreadId = 0;
  recursionLimit: number;
  /**
   * The run's cycle limit, set by whoever schedules the threads: guest code run to completion
   * inside one instruction (a class body, a dunder a builtin calls) stops at it with
   * CYCLE_LIMIT_SIGNAL, as the scheduler stops a thread between steps.
   */
  cycleLimit = Infinity;
  protected readonly dispatch: number;
  protected readonly tickEvery: number;
  protected readonly rcOn: boolean;
  /** Reference counts and the zero-count table (refcount cpython/biased; lifetimes.ts), else null. */
  readonly life: Lifetimes | null;
  /** Blocks of the ints and strs the heap keeps (with `life`; boxes.ts), else null. */
  readonly boxes: PrimBoxes | null;
  protected readonly biased: boolean;
  protected readonly smallInts: boolean;
  protected readonly constCache = new WeakMap<CodeObject, PyVal[]>();
  /** Set by `threading` once the module exists: how a Thread object's thread is started. */
  threadNames = 0;
  protected reprActive = new Set<PyObject>();
  protected bootThread: GuestThread | null = null;
  genReturn: PyVal = 0;
  /** Instance attributes of user subclasses of builtin containers (which have no attribute dict of their own). */
  protected subAttrs = new WeakMap<PyObject, Map<string, PyVal>>();
  /** The AttributeError a guest __getattr__ raised during the last getAttrOpt, if any. */
  protected getattrError: PyExc | null = null;
  /** How many user classes define `__getattribute__` in their own dict (set at class creation or
   *  later): while none does, attribute reads skip looking for an override. */
  getattributeOverrides = 0;

  readonly proto: Protocols;

  constructor(opts: InterpreterOptions, install: VmInstallers) {
    this.port = opts.port;
    this.cfg = opts.config;
    this.hooks = opts.hooks;
    this.seed = opts.seed;
    this.out = opts.stdout;
    this.errOut = opts.stderr;
    this.trace = opts.trace ?? null;
    this.forensics = opts.forensics ?? null;
    this.owners = this.forensics !== null ? this.forensics.owners : null;
    this.argv = opts.argv ?? [];
    this.stdinText = opts.stdin ?? '';
    this.hostModules = opts.hostModules ?? {};
    this.heap = new Heap(this.port, this.cfg);
    this.recursionLimit = this.cfg.recursionLimit;
    // sys.set_int_max_str_digits() lives in the runtime library; each interpreter starts anew.
    setIntMaxStrDigits(INT_MAX_STR_DIGITS);
    this.dispatch = this.cfg.dispatchCycles;
    this.tickEvery = Math.max(1, this.cfg.tickerEvery);
    this.rcOn = this.cfg.refcount !== 'none';
    this.life = this.rcOn ? new Lifetimes() : null;
    this.boxes = this.rcOn ? new PrimBoxes() : null;
    this.biased = this.cfg.refcount === 'biased';
    this.smallInts = this.cfg.smallIntCache;

    const typeT = new PyType(null, 'type', [], 'type', true);
    typeT.cls = typeT;
    const objectT = new PyType(typeT, 'object', [], 'object', true);
    objectT.mro = [objectT];
    typeT.bases = [objectT];
    typeT.mro = [typeT, objectT];
    const mk = (name: string, layout: Layout, base: PyType = objectT): PyType => {
      const t = new PyType(typeT, name, [base], layout, true);
      t.mro = [t, ...base.mro];
      return t;
    };
    const intT = mk('int', 'int');
    this.T = {
      object: objectT, type: typeT, int: intT, bool: mk('bool', 'bool', intT), float: mk('float', 'float'),
      str: mk('str', 'str'), NoneType: mk('NoneType', 'none'), list: mk('list', 'list'), tuple: mk('tuple', 'tuple'),
      dict: mk('dict', 'dict'), set: mk('set', 'set'), frozenset: mk('frozenset', 'frozenset'), bytes: mk('bytes', 'bytes'),
      bytearray: mk('bytearray', 'bytearray'), range: mk('range', 'range'), slice: mk('slice', 'slice'),
      function: mk('function', 'function'), builtin_function_or_method: mk('builtin_function_or_method', 'builtin'),
      method: mk('method', 'method'), module: mk('module', 'module'), cell: mk('cell', 'cell'),
      generator: mk('generator', 'generator'), iterator: mk('iterator', 'iterator'), property: mk('property', 'property'),
      staticmethod: mk('staticmethod', 'staticmethod'), classmethod: mk('classmethod', 'classmethod'),
      super: mk('super', 'super'), ellipsis: mk('ellipsis', 'ellipsis'), NotImplementedType: mk('NotImplementedType', 'notimpl'),
      code: mk('code', 'code'), lock: mk('lock', 'lock'), atomic: mk('atomic', 'atomic'),
      coroutine: mk('coroutine', 'generator'), complex: mk('complex', 'complex'),
      traceback: mk('traceback', 'traceback'), frame: mk('frame', 'frame'),
      async_generator: mk('async_generator', 'generator'), async_generator_asend: mk('async_generator_asend', 'iterator'),
      async_generator_athrow: mk('async_generator_athrow', 'iterator'),
      async_generator_wrapped_value: mk('async_generator_wrapped_value', 'object'),
    };
    this.None = new PyObject(this.T.NoneType);
    this.None.addr = NONE_ADDR;
    this.Ellipsis = new PyObject(this.T.ellipsis);
    this.NotImplemented = new PyObject(this.T.NotImplementedType);
    const self = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the key ops outlive this call
    this.keyOps = {
      hash: (v) => self.hash(v),
      eq: (a, b) => self.eq(a, b),
      customKey: (v) => {
        if (v instanceof PyRange) return true; // equal by value (objects/range.ts)
        if (!(v instanceof PyInstance)) return false;
        const eqm = self.lookup(v.cls, '__eq__');
        const hm = self.lookup(v.cls, '__hash__');
        return (eqm !== undefined && eqm instanceof PyFunction) || (hm !== undefined && hm instanceof PyFunction);
      },
      unhashable: (v) => {
        throw self.err('TypeError', `unhashable type: '${self.typeOf(v).name}'`);
      },
      ref: (v) => { if (typeof v !== 'boolean') self.tableRef(v, 1); },
      unref: (v) => { if (typeof v !== 'boolean') self.tableRef(v, -1); },
      counting: this.life !== null,
    };
    this.builtins = this.newDict();
    this.proto = install.builtins(this);
    install.modules(this);
    if (opts.registerAbortHandler !== false && this.port.htm.enabled) {
      this.port.htm.setAbortHandler((core, status, cause) => this.handleHwAbort(core, status, cause));
    }
    if (this.forensics !== null && this.port.htm.enabled) this.port.htm.setAbortProbe(this.forensics);
  }


  typeOf(v: PyVal): PyType {
    switch (typeof v) {
      case 'number': case 'bigint': return this.T.int;
      case 'boolean': return this.T.bool;
      case 'string': return this.T.str;
      default: return v.cls;
    }
  }

  newDict(): PyDict {
    return new PyDict(this.T.dict, this.keyOps);
  }
  newSet(frozen = false): PySet {
    return new PySet(frozen ? this.T.frozenset : this.T.set, this.keyOps);
  }
  newList(items: PyVal[]): PyList {
    const l = new PyList(this.T.list, items);
    return l;
  }
  newTuple(items: PyVal[]): PyTuple {
    return new PyTuple(this.T.tuple, items);
  }
  float(v: number): PyFloat {
    return new PyFloat(this.T.float, v);
  }
  builtin(name: string, fn: BuiltinImpl, unfriendly: UnfriendlyKind | null = null): PyBuiltin {
    const b = new PyBuiltin(this.T.builtin_function_or_method, name, fn, false);
    b.unfriendly = unfriendly;
    return b;
  }
  /** Defines a method of a builtin type (receives self as args[0]). */
  method(tp: PyType, name: string, fn: BuiltinImpl, unfriendly: UnfriendlyKind | null = null): PyBuiltin {
    // int's and float's str() is object's: repr(self), so a subclass's own __repr__ shows.
    if (tp === this.T.str || ((tp === this.T.int || tp === this.T.float) && name !== '__str__')) fn = unboxing(fn, name);
    const b = new PyBuiltin(this.T.builtin_function_or_method, name, fn, true, tp.name);
    b.unfriendly = unfriendly;
    tp.dict.set(name, b);
    return b;
  }

  /** Creates a user-visible type (exceptions, module classes). */
  makeType(name: string, bases: PyType[], layout: Layout, builtin: boolean, module = 'builtins'): PyType {
    const t = new PyType(this.T.type, name, bases, layout, builtin);
    t.module = module;
    t.mro = this.computeMro(t);
    return t;
  }

  computeMro(t: PyType): PyType[] {
    const seqs: PyType[][] = t.bases.map((b) => b.mro.slice());
    seqs.push(t.bases.slice());
    const out: PyType[] = [t];
    for (;;) {
      const nonEmpty = seqs.filter((s) => s.length > 0);
      if (nonEmpty.length === 0) return out;
      let cand: PyType | null = null;
      for (const s of nonEmpty) {
        const c = s[0]!;
        if (!nonEmpty.some((s2) => s2.indexOf(c) > 0)) {
          cand = c;
          break;
        }
      }
      if (cand === null) throw this.err('TypeError', 'Cannot create a consistent method resolution order (MRO)');
      out.push(cand);
      for (const s of nonEmpty) if (s[0] === cand) s.shift();
    }
  }

  lookup(tp: PyType, name: string): PyVal | undefined {
    const mro = tp.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i]!.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  isSubtype(a: PyType, b: PyType): boolean {
    return a === b || a.mro.includes(b);
  }
  isInstance(v: PyVal, tp: PyType): boolean {
    return this.isSubtype(this.typeOf(v), tp);
  }

  err(name: string, msg: string | null): PyExc {
    const tp = this.exc.get(name)!;
    const e = new PyExc(tp);
    e.args = msg === null ? [] : [msg];
    return e;
  }
  /** MemoryError for a container of `n` items whose 8-byte slots would pass `maxObjectBytes`. */
  checkItems(n: number): void {
    if (n * 8 > this.cfg.maxObjectBytes) throw this.err('MemoryError', null);
  }
  typeErr(msg: string): PyExc {
    return this.err('TypeError', msg);
  }

  truthy(v: PyVal): boolean {
    switch (typeof v) {
      case 'boolean': return v;
      case 'number': return v !== 0;
      case 'string': return v.length > 0;
      case 'bigint': return v !== 0n;
    }
    if (v === this.None) return false;
    if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
    if (v instanceof PyFloat) return v.v !== 0;
    if (v instanceof PyComplex) return v.re !== 0 || v.im !== 0;
    if (v instanceof PyDict) return v.count > 0;
    if (v instanceof PySet) return v.used > 0;
    if (v instanceof PyInstance) {
      const b = this.lookup(v.cls, '__bool__');
      if (b !== undefined) {
        const r = this.callValue(b, [v], null);
        if (typeof r !== 'boolean') throw this.typeErr(`__bool__ should return bool, returned ${this.typeOf(r).name}`);
        return r;
      }
      const l = this.lookup(v.cls, '__len__');
      if (l !== undefined) return this.truthy(this.callValue(l, [v], null));
      return true;
    }
    if (v instanceof PyBytes) return v.len > 0;
    if (v instanceof PyRange) return !intIsZero(rangeLen(v));
    return true;
  }
  /** gc.collect's hook: the number of unreachable objects a cyclic collection of `generation`
   *  found (write-path.ts models it under refcount cpython/biased; 0 here, under `none`). */
  collectCycles(_generation: number): number { return 0; }
  repr(v: PyVal): string { return this.proto.repr(v); }
  str(v: PyVal): string { return this.proto.str(v); }
  hash(v: PyVal): number | bigint { return this.proto.hash(v); }
  eq(a: PyVal, b: PyVal): boolean { return this.proto.eq(a, b); }
  compare(a: PyVal, b: PyVal, op: number): PyVal { return this.proto.compare(a, b, op); }
  binop(a: PyVal, b: PyVal, op: number): PyVal { return this.proto.binop(a, b, op); }
  unary(v: PyVal, op: number): PyVal { return this.proto.unary(v, op); }
  iter(v: PyVal): PyVal { return this.proto.iter(v); }
  /** Next item or undefined when exhausted. */
  next(it: PyVal): PyVal | undefined { return this.proto.next(it); }
  getItem(o: PyVal, k: PyVal): PyVal { return this.proto.getItem(o, k); }
  setItem(o: PyVal, k: PyVal, v: PyVal): void { this.proto.setItem(o, k, v); }
  delItem(o: PyVal, k: PyVal): void { this.proto.delItem(o, k); }
  contains(o: PyVal, k: PyVal): boolean { return this.proto.contains(o, k); }
  toList(v: PyVal): PyVal[] { return this.proto.toList(v); }
  format(v: PyVal, spec: string): string { return this.proto.format(v, spec); }
  lt(a: PyVal, b: PyVal): boolean { return this.proto.lt(a, b); }

  reprGuard<R>(o: PyObject, inner: () => R, fallback: R): R {
    if (this.reprActive.has(o)) return fallback;
    this.reprActive.add(o);
    try {
      return inner();
    } finally {
      this.reprActive.delete(o);
    }
  }

  asciiOf(s: string): string {
    let out = '';
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c < 128) out += ch;
      else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c < 65536) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    }
    return out;
  }

  /** Names the object's type for messages. */
  tn(v: PyVal): string {
    return this.typeOf(v).name;
  }
  /** Object identity number (id()): the object's block (the first object to have it); a tuple made as a temporary (its block is
   *  the thread's reused scratch block: size 0) gets a number of its own, as an unplaced object
   *  does, so two live tuples never share one (copy.deepcopy's memo relies on it). */
  id(v: PyVal): number {
    // A block reused after a free (refcount cpython/biased) would repeat a dead object's address:
    // such an object gets a number of its own, so that no id() depends on the lifetime model.
    if (v instanceof PyObject) return v.addr !== 0 && !v.reused && (v.size !== 0 || !(v instanceof PyTuple)) ? v.addr : this.ownId(v) * 16 + 0x7f0000000000;
    // Unboxed values have no identity of their own: `is` compares them by value, so id() does too
    // (one number per value, in this VM's order); small ints and the two bools sit at their
    // static addresses, as CPython's cached objects do.
    if (typeof v === 'boolean') return v ? TRUE_ADDR : FALSE_ADDR;
    if (typeof v === 'number' && v >= -5 && v <= 256) return SMALL_INT_BASE + (v + 5) * SMALL_INT_SIZE;
    let id = this.valueIds.get(v);
    if (id === undefined) {
      id = ++this.lastOwnId;
      this.valueIds.set(v, id);
    }
    return id * 16 + 0x7f0000000000;
  }
  private readonly valueIds = new Map<number | bigint | string, number>();
  /**
   * A number of this VM's own, in the order objects first need one: deterministic for a run,
   * whatever ran before it in the same process (a process-wide counter made hash(), and so set
   * order, depend on the runs before: a sweep worker's second point could differ from a fresh one).
   */
  private ownId(o: object): number {
    let id = this.ownIds.get(o);
    if (id === undefined) {
      id = ++this.lastOwnId;
      this.ownIds.set(o, id);
    }
    return id;
  }
  private readonly ownIds = new WeakMap<object, number>();
  private lastOwnId = 0;
}
