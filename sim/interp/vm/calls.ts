/**
 * Frames and calls: constants, frame creation and argument binding (CPython's rules and
 * messages), calls of any callable from host code, class instantiation.
 *
 * Known limitation: guest code run on behalf of a builtin (a __repr__ called by print, a key=
 * function, __init__ of a class with __new__, a generator consumed by list()) runs nested: it has
 * no yield points and cannot stop half-way. A suspension there re-executes the whole calling
 * instruction later; a block raises a guest RuntimeError (continuations.ts nestedBlockError). For
 * loops, with statements and next() run their guest code in-loop instead (continuations.ts).
 */
import type { CodeObject, ConstValue } from '../chunk.js';
import { CodeFlag } from '../chunk.js';
import { PyDict, PySet } from '../dict.js';
import { FRAME_HEADER_BYTES, Frame, GuestThread, PyGenerator } from '../thread.js';
import { PyBoxed, PyBuiltin, PyBytes, PyCell, PyExc, PyFloat, PyFunction, PyInstance, PyList, PyMethod, PyObject, PyTuple, PyType, PyWrapper, CodeHolder, type PyVal, type Slot } from '../values.js';
import { ABORT_SIGNAL } from './signals.js';
import { VmExceptions } from './exceptions.js';

/** Builtin layouts a user class may extend with fresh instances of the subclass. */
const MUTABLE_LAYOUTS: ReadonlySet<string> = new Set(['list', 'dict', 'set', 'bytearray']);

/** Host eval loops one thread may nest (checkNest). */
export const MAX_NESTED_RUNS = 350;

export abstract class VmCalls extends VmExceptions {
  protected abstract execLoop(t: GuestThread, budget: number, base: number): number;
  abstract makeGenerator(fr: Frame): PyGenerator;
  abstract getAttrOpt(v: PyVal, name: string): PyVal | undefined;



  consts(code: CodeObject): PyVal[] {
    let c = this.constCache.get(code);
    if (c === undefined) {
      c = code.consts.map((k) => this.constValue(k));
      this.constCache.set(code, c);
    }
    return c;
  }
  protected constValue(k: ConstValue): PyVal {
    switch (k.kind) {
      case 'none': return this.None;
      case 'ellipsis': return this.Ellipsis;
      case 'bool': return k.value;
      case 'int': return k.value;
      case 'float': {
        const f = new PyFloat(this.T.float, k.value);
        f.addr = this.heap.allocStatic(24);
        this.owners?.tag(f.addr, 24, 'interp-static', 'float constant');
        return f;
      }
      case 'complex': return this.placeComplexConst(k.real, k.imag);
      case 'str': return k.value;
      case 'bytes': {
        const b = new PyBytes(this.T.bytes, k.value.slice(), k.value.length);
        b.addr = this.heap.allocStatic(33 + k.value.length);
        b.dataAddr = b.addr + 32;
        this.owners?.tag(b.addr, 33 + k.value.length, 'interp-static', 'bytes constant');
        return b;
      }
      case 'tuple': {
        const tu = new PyTuple(this.T.tuple, k.items.map((x) => this.constValue(x)));
        tu.addr = this.heap.allocStatic(40 + 8 * k.items.length);
        this.owners?.tag(tu.addr, 40 + 8 * k.items.length, 'interp-static', 'tuple constant');
        return tu;
      }
      case 'frozenset': {
        // CPython builds the frozenset from the items, then its compiler's constant merging
        // (merge_consts_recursive) and string interning rebuild it from the previous table's
        // iteration order: once, and once more when it holds a str. Measured against CPython
        // 3.11 on 280 random literals: exact for sets of int/float/bytes/tuple, ~95% with str.
        let fs = this.newSet(true);
        for (const x of k.items) fs.add(this.constValue(x));
        const passes = k.items.some((c) => c.kind === 'str') ? 2 : 1;
        for (let pass = 0; pass < passes; pass++) {
          const next = this.newSet(true);
          for (const x of fs.items()) next.add(x);
          fs = next;
        }
        fs.addr = this.heap.allocStatic(200);
        this.owners?.tag(fs.addr, 200, 'interp-static', 'frozenset constant');
        return fs;
      }
      case 'code': return new CodeHolder(this.T.code, k.code);
      default: {
        const _never: never = k;
        return _never;
      }
    }
  }

  newFrame(t: GuestThread, code: CodeObject, fn: PyFunction | null, globals: PyDict, locals: PyDict | null): Frame {
    const f = new Frame(code, fn, globals, locals, fn !== null ? fn.consts : this.consts(code));
    const ncells = code.cellvars.length + code.freevars.length;
    f.size = FRAME_HEADER_BYTES + 8 * (code.varnames.length + ncells + code.stacksize);
    if (t.id >= 0) {
      f.addr = this.heap.allocFrame(t.id, t.core, f.size);
      if (this.owners !== null) this.owners.tag(f.addr, f.size, 'frame', `frame of ${code.qualname} (${code.filename})`);
    }
    if (ncells > 0) {
      const cells: PyCell[] = [];
      for (let i = 0; i < code.cellvars.length; i++) {
        const c = new PyCell(this.T.cell, undefined);
        this.place(c, 24);
        cells.push(c);
      }
      if (fn !== null && fn.closure !== null) for (const c of fn.closure) cells.push(c);
      f.cells = cells;
    }
    if (t.tx !== null) f.txId = t.tx.id;
    return f;
  }

  protected fillCellArgs(f: Frame): void {
    const c2a = f.code.cell2arg;
    for (let i = 0; i < c2a.length; i++) {
      const a = c2a[i]!;
      if (a >= 0) {
        f.cells[i]!.value = f.fast[a] as PyVal;
        f.fast[a] = undefined;
      }
    }
  }

  /** Binds arguments into a new frame for fn (CPython's argument rules and messages). */
  bindFrame(t: GuestThread, fn: PyFunction, args: Slot[], start: number, n: number, kwnames: string[] | null,
    kwvals: PyVal[] | null): Frame {
    const code = fn.code;
    const f = this.newFrame(t, code, fn, fn.globals as PyDict, null);
    const fast = f.fast;
    const argc = code.argcount;
    if (fn.simple && kwnames === null && n === argc) {
      for (let i = 0; i < n; i++) fast[i] = args[start + i];
      if (this.port !== null) this.wr(t, f.addr + FRAME_HEADER_BYTES, n * 8 + 8);
      if (code.cell2arg.length > 0) this.fillCellArgs(f);
      return f;
    }
    const flags = code.flags;
    const kwonly = code.kwonlyargcount;
    const fname = fn.qualname;
    let vi = argc + kwonly;
    const varargsIdx = flags & CodeFlag.VARARGS ? vi++ : -1;
    const varkwIdx = flags & CodeFlag.VARKEYWORDS ? vi++ : -1;
    const npos = Math.min(n, argc);
    for (let i = 0; i < npos; i++) fast[i] = args[start + i];
    if (n > argc) {
      if (varargsIdx < 0) {
        const nd = fn.defaults.length;
        const takes = nd > 0 ? `from ${argc - nd} to ${argc}` : `${argc}`;
        throw this.typeErr(`${fname}() takes ${takes} positional argument${argc === 1 && nd === 0 ? '' : 's'} but ${n} ${n === 1 ? 'was' : 'were'} given`);
      }
      fast[varargsIdx] = this.newTuple(args.slice(start + argc, start + n) as PyVal[]);
    } else if (varargsIdx >= 0) fast[varargsIdx] = this.newTuple([]);
    let kwdict: PyDict | null = null;
    if (varkwIdx >= 0) {
      kwdict = this.newDict();
      fast[varkwIdx] = kwdict;
    }
    if (kwnames !== null) {
      for (let k = 0; k < kwnames.length; k++) {
        const name = kwnames[k]!;
        let idx = -1;
        for (let j = code.posonlyargcount; j < argc + kwonly; j++) {
          if (code.varnames[j] === name) {
            idx = j;
            break;
          }
        }
        if (idx < 0) {
          if (kwdict === null) {
            // CPython names every positional-only parameter passed by keyword before the generic error.
            const posOnly = kwnames.filter((kn) => code.varnames.indexOf(kn) >= 0 && code.varnames.indexOf(kn) < code.posonlyargcount);
            if (posOnly.length > 0) throw this.typeErr(`${fname}() got some positional-only arguments passed as keyword arguments: '${posOnly.join(', ')}'`);
            throw this.typeErr(`${fname}() got an unexpected keyword argument '${name}'`);
          }
          kwdict.set(name, kwvals![k]!);
          continue;
        }
        if (fast[idx] !== undefined) throw this.typeErr(`${fname}() got multiple values for argument '${name}'`);
        fast[idx] = kwvals![k]!;
      }
    }
    if (n < argc) {
      const defs = fn.defaults;
      const firstDef = argc - defs.length;
      const missing: string[] = [];
      for (let i = n; i < argc; i++) {
        if (fast[i] !== undefined) continue;
        if (i >= firstDef) fast[i] = defs[i - firstDef];
        else missing.push(code.varnames[i]!);
      }
      if (missing.length > 0) throw this.typeErr(`${fname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${this.nameList(missing)}`);
    }
    if (kwonly > 0) {
      const missing: string[] = [];
      for (let i = argc; i < argc + kwonly; i++) {
        if (fast[i] !== undefined) continue;
        const d = fn.kwdefaults?.get(code.varnames[i]!);
        if (d !== undefined) fast[i] = d;
        else missing.push(code.varnames[i]!);
      }
      if (missing.length > 0) throw this.typeErr(`${fname}() missing ${missing.length} required keyword-only argument${missing.length > 1 ? 's' : ''}: ${this.nameList(missing)}`);
    }
    this.wr(t, f.addr + FRAME_HEADER_BYTES, (n + 1) * 8);
    if (code.cell2arg.length > 0) this.fillCellArgs(f);
    return f;
  }
  protected nameList(names: string[]): string {
    const q = names.map((s) => `'${s}'`);
    if (q.length === 1) return q[0]!;
    if (q.length === 2) return `${q[0]} and ${q[1]}`;
    return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
  }

  /** Calls any guest callable from host code (builtins, protocols); runs guest code nested. */
  callValue(f: PyVal, args: PyVal[], kw: Map<string, PyVal> | null): PyVal {
    const t = this.cur;
    if (f instanceof PyFunction) {
      let kwn: string[] | null = null, kwv: PyVal[] | null = null;
      if (kw !== null && kw.size > 0) {
        kwn = [...kw.keys()];
        kwv = [...kw.values()];
      }
      const fr = this.bindFrame(t, f, args, 0, args.length, kwn, kwv);
      if (f.code.flags & CodeFlag.GENERATOR) return this.makeGenerator(fr);
      return this.runNested(t, fr);
    }
    if (f instanceof PyBuiltin) {
      if (f.unfriendly !== null) this.unfriendly(t, f.unfriendly, true);
      return f.fn(args, kw, f.self);
    }
    if (f instanceof PyMethod) return this.callValue(f.func, [f.self, ...args], kw);
    if (f instanceof PyType) return this.callType(f, args, kw);
    if (f instanceof PyObject) {
      const c = this.lookup(f.cls, '__call__');
      if (c !== undefined) return this.callValue(c, [f, ...args], kw);
    }
    throw this.typeErr(`'${this.typeOf(f).name}' object is not callable`);
  }

  /**
   * Every guest frame enters its thread's stack here. A call from a running frame (`caller`)
   * records where the caller resumes (pc, sp) and which instruction called (lasti, tracebacks).
   */
  pushFrame(t: GuestThread, callee: Frame, caller: Frame | null = null, pc = 0, sp = 0, lasti = 0): void {
    if (caller !== null) {
      caller.pc = pc;
      caller.sp = sp;
      caller.lasti = lasti;
    }
    // A call from a frame run in-loop runs as part of that run (continuations.ts).
    callee.inl = caller !== null && caller.inl;
    t.frames.push(callee);
  }

  /**
   * A call of host code from instruction opPc (a builtin, or a callable run nested). The caller's
   * position is saved first and, outside nested runs, where to resume if a transaction begins
   * inside the call (`below`: the value left under the result); a suspension re-executes the
   * instruction, and a hook that rolled this thread back (taskEnd, atomicExit...) unwinds it.
   */
  callHost(t: GuestThread, f: Frame, fn: PyVal, args: PyVal[], kw: Map<string, PyVal> | null, opPc: number, opSp: number,
    pc: number, sp: number, below: PyVal | null, nested: boolean): PyVal {
    f.pc = pc;
    f.sp = sp;
    f.lasti = opPc;
    if (!nested) t.setMidCall(opPc, opSp, pc, sp, below);
    const rb = t.rollbacks;
    let r: PyVal;
    // Named by a block in guest code it runs (continuations.ts nestedBlockError); left set on errors.
    const outer = t.hostFn;
    t.hostFn = fn;
    if (fn instanceof PyBuiltin) {
      if (fn.unfriendly !== null) this.unfriendly(t, fn.unfriendly, nested);
      r = fn.fn(args, kw, fn.self);
    } else r = this.callValue(fn, args, kw);
    t.hostFn = outer;
    t.midCall = false;
    if (t.rollbacks !== rb) throw ABORT_SIGNAL;
    return r;
  }

  /** CPython's recursion limit, checked before a call binds its frame. */
  checkDepth(t: GuestThread): void {
    if (t.frames.length >= this.recursionLimit) throw this.err('RecursionError', 'maximum recursion depth exceeded');
    this.checkNest(t);
  }

  /**
   * Guest code run from host code (a generator resumed, a dunder a builtin calls) nests a host
   * eval loop, so its depth is bounded by the host stack whatever sys.setrecursionlimit says:
   * past MAX_NESTED_RUNS it is CPython's RecursionError, at the same depth on every host.
   * (`yield from` does not nest: generators.ts runs a delegate in its delegator's loop.)
   */
  checkNest(t: GuestThread): void {
    if (t.nest >= MAX_NESTED_RUNS) throw this.err('RecursionError', 'maximum recursion depth exceeded');
  }

  /** Runs frame fr on thread t to completion, nested inside host code; returns its value. */
  runNested(t: GuestThread, fr: Frame): PyVal {
    this.checkDepth(t);
    const base = t.frames.length;
    this.pushFrame(t, fr);
    t.nest++;
    try {
      this.execLoop(t, Infinity, base);
    } finally {
      t.nest--;
    }
    const r = t.retVal!;
    t.retVal = undefined;
    return r;
  }

  /** Calls a class: its metaclass's own `__call__` when it defines one, else `type.__call__`. */
  callType(tp: PyType, args: PyVal[], kw: Map<string, PyVal> | null): PyVal {
    if (!tp.cls.builtin) {
      const mc = this.lookupUser(tp.cls, '__call__');
      if (mc !== undefined) return this.callValue(mc, [tp, ...args], kw);
    }
    return this.typeCall(tp, args, kw);
  }

  /** `type.__call__`: instantiates a class (or calls a builtin type's constructor). */
  typeCall(tp: PyType, args: PyVal[], kw: Map<string, PyVal> | null): PyVal {
    if (tp === this.T.type && args.length === 1 && (kw === null || kw.size === 0)) return this.typeOf(args[0]!);
    const newFn = tp.builtin ? undefined : this.lookupUser(tp, '__new__');
    let obj: PyVal;
    if (newFn !== undefined) {
      const fnv = newFn instanceof PyWrapper ? newFn.fget : newFn;
      obj = this.callValue(fnv, [tp, ...args], kw);
      if (!this.isInstance(obj, tp)) return obj;
    } else {
      const base = this.builtinBase(tp);
      if (base.layout === 'exception' || base.layout === 'object') {
        obj = this.instantiate(tp);
        if (obj instanceof PyExc) obj.args = args.slice();
      } else if (base === this.T.type) {
        // type(name, bases, ns) may make a class of a derived metaclass: its own __init__ runs.
        obj = this.ctors.get(base)!(args, kw, tp);
        if (!this.isInstance(obj, tp) || args.length !== 3) return obj;
        const tinit = this.lookup((obj as PyType).cls, '__init__')!;
        this.callValue(tinit, [obj, ...args], kw);
        return obj;
      } else {
        const ctor = this.ctors.get(base);
        if (ctor === undefined) throw this.typeErr(`cannot create '${tp.name}' instances`);
        if (tp !== base && MUTABLE_LAYOUTS.has(base.layout)) {
          // A user subclass of list/dict/set/bytearray: a fresh builtin object of the subclass,
          // initialised by the subclass's __init__ when it has one (which may call super().__init__).
          const userInit = this.lookupUser(tp, '__init__');
          obj = ctor(userInit === undefined ? args : [], userInit === undefined ? kw : null, tp);
          (obj as PyObject).cls = tp;
          return this.userInit(tp, obj, args, kw);
        }
        obj = ctor(args, kw, tp);
        if (tp === base) return obj;
        if (base === this.T.str || base === this.T.int || base === this.T.float) {
          // A user subclass of str, int or float: an instance carrying the value.
          return this.userInit(tp, this.boxed(tp, obj), args, kw);
        }
        if (base === this.T.frozenset) {
          // A user subclass of frozenset: a fresh set of the subclass (frozenset() may share one).
          const fs = this.placeSet(new PySet(tp, this.keyOps));
          for (const x of (obj as PySet).items()) fs.add(x);
          return this.userInit(tp, fs, args, kw);
        }
        if (base === this.T.tuple) {
          // A user subclass of tuple (namedtuple's shape): a fresh tuple of the subclass.
          return this.userInit(tp, this.tupleOfType(tp, (obj as PyTuple).items), args, kw);
        }
        return obj;
      }
    }
    const init = this.lookup(tp, '__init__');
    if (init !== undefined && !(init instanceof PyBuiltin && init.ownerName === 'object')) {
      const r = this.callValue(init, [obj, ...args], kw);
      if (r !== this.None) throw this.typeErr(`__init__() should return None, not '${this.typeOf(r).name}'`);
    } else if ((args.length > 0 || (kw !== null && kw.size > 0)) && !(obj instanceof PyExc) && newFn === undefined) {
      throw this.typeErr(`${tp.name}() takes no arguments`);
    }
    return obj;
  }
  /** A new instance of a user subclass of a builtin type, passed through the subclass's own __init__ if it has one. */
  private userInit(tp: PyType, obj: PyVal, args: PyVal[], kw: Map<string, PyVal> | null): PyVal {
    const init = this.lookupUser(tp, '__init__');
    if (init !== undefined) {
      const r = this.callValue(init, [obj, ...args], kw);
      if (r !== this.None) throw this.typeErr(`__init__() should return None, not '${this.typeOf(r).name}'`);
    }
    return obj;
  }
  lookupUser(tp: PyType, name: string): PyVal | undefined {
    for (const c of tp.mro) {
      if (c.builtin) continue;
      const v = c.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  /** The items of an unpacking target's value; CPython's message for a non-iterable. */
  protected unpackItems(v: PyVal): PyVal[] {
    try {
      return this.toList(v);
    } catch (e) {
      const tn = this.typeOf(v).name;
      if (e instanceof PyExc && e.cls === this.exc.get('TypeError') && e.args[0] === `'${tn}' object is not iterable`) {
        throw this.typeErr(`cannot unpack non-iterable ${tn} object`);
      }
      throw e;
    }
  }
  builtinBase(tp: PyType): PyType {
    for (const c of tp.mro) if (c.builtin) return c;
    return this.T.object;
  }
  /** A new tuple whose type is `tp` (tuple or a subclass), as `tuple.__new__(tp, items)` makes. */
  tupleOfType(tp: PyType, items: readonly PyVal[]): PyTuple {
    const tu = new PyTuple(tp, items.slice());
    if (this.life !== null) this.place(tu, 40 + 8 * items.length);
    else tu.addr = this.tmp(this.cur, 40 + 8 * items.length);
    return tu;
  }
  /** An instance of `tp`, a user subclass of str, int or float, standing for `v` (a value of the base). */
  boxed(tp: PyType, v: PyVal): PyBoxed {
    if (!(typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat)) {
      throw this.typeErr(`${tp.name}.__new__ made a ${this.typeOf(v).name}`);
    }
    return this.place(new PyBoxed(tp, v), 48);
  }

  instantiate(tp: PyType): PyInstance {
    const base = this.builtinBase(tp);
    if (base.layout === 'exception') return this.place(new PyExc(tp), 48);
    return this.placeInstance(new PyInstance(tp));
  }

  protected canInlineInit(tp: PyType): boolean {
    const init = this.lookup(tp, '__init__');
    if (!(init instanceof PyFunction) || (init.code.flags & CodeFlag.GENERATOR) !== 0) return false;
    if (this.lookupUser(tp, '__new__') !== undefined) return false;
    if (!tp.cls.builtin && this.lookupUser(tp.cls, '__call__') !== undefined) return false;
    const base = this.builtinBase(tp);
    return base.layout === 'object' || base.layout === 'exception';
  }

  // ---- class creation ----------------------------------------------------------------------

  /** `__build_class__(body, name, *bases, metaclass=M, **kwds)`: the metaclass (the most derived
   *  of M and the bases' metaclasses), its `__prepare__`d namespace filled by the body, then
   *  `M(name, bases, ns, **kwds)`. */
  buildClass(body: PyFunction, name: string, bases: PyVal[], kw: Map<string, PyVal> | null): PyVal {
    // PEP 560: a base that is not a class names its stand-ins through __mro_entries__ (typing's
    // TypedDict, NamedTuple and generic aliases); the class keeps the bases as written in
    // __orig_bases__.
    const origBases = bases;
    if (bases.some((b) => !(b instanceof PyType))) {
      const orig = this.newTuple(bases);
      const resolved: PyVal[] = [];
      for (const b of bases) {
        const me = b instanceof PyType ? undefined : this.getAttrOpt(b, '__mro_entries__');
        if (me === undefined) {
          resolved.push(b);
          continue;
        }
        const r = this.callValue(me, [orig], null);
        if (!(r instanceof PyTuple)) throw this.typeErr('__mro_entries__ must return a tuple');
        resolved.push(...r.items);
      }
      bases = resolved;
    }
    const bs = bases.map((b) => {
      if (!(b instanceof PyType)) throw this.typeErr('bases must be types');
      return b;
    });
    let meta: PyVal | undefined = kw?.get('metaclass');
    let kwds: Map<string, PyVal> | null = null;
    if (kw !== null) for (const [k, x] of kw) if (k !== 'metaclass') (kwds ??= new Map()).set(k, x);
    if (meta === undefined) meta = bs.length > 0 ? bs[0]!.cls : this.T.type;
    if (meta instanceof PyType) meta = this.winnerMeta(meta, bs);
    const t = this.cur;
    let ns: PyDict;
    const prep = meta instanceof PyType ? (meta.builtin ? undefined : this.getAttrOpt(meta, '__prepare__')) : this.getAttrOpt(meta, '__prepare__');
    if (prep !== undefined) {
      const r = this.callValue(prep, [name, this.newTuple(bs)], kwds);
      if (!(r instanceof PyDict)) throw this.typeErr(`${meta instanceof PyType ? meta.name : this.typeOf(meta).name}.__prepare__() must return a mapping, not ${this.typeOf(r).name}`);
      ns = r;
    } else ns = this.placeDict(this.newDict());
    const fr = this.newFrame(t, body.code, body, body.globals as PyDict, ns);
    const cellRet = this.runNested(t, fr);
    if (origBases !== bases) ns.set('__orig_bases__', this.newTuple(origBases));
    if (meta === this.T.type && kwds === null) return this.newClass(this.T.type, name, bs, ns, null);
    const cls = this.callValue(meta, [name, this.newTuple(bs), ns], kwds);
    if (cellRet instanceof PyCell && cls instanceof PyType && cellRet.value === undefined) cellRet.value = cls;
    return cls;
  }

  /** The most derived of `meta` and the metaclasses of `bases` (CPython's message on a conflict). */
  winnerMeta(meta: PyType, bases: readonly PyType[]): PyType {
    let winner = meta;
    for (const b of bases) {
      const bm = b.cls;
      if (this.isSubtype(winner, bm)) continue;
      if (this.isSubtype(bm, winner)) {
        winner = bm;
        continue;
      }
      throw this.typeErr('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
    }
    return winner;
  }

  /** `type.__new__(meta, name, bases, ns, **kwds)`: the class object, its `__set_name__` calls and
   *  its parents' `__init_subclass__(**kwds)`. */
  newClass(meta: PyType, name: string, bases: PyType[], ns: PyDict, kwds: Map<string, PyVal> | null): PyType {
    const T = this.T;
    const layoutBase = bases.length ? this.builtinBase(bases[0]!) : T.object;
    const tp = new PyType(meta, name, bases.length ? bases : [T.object], layoutBase.layout, false);
    tp.module = (ns.getStr('__module__') as string | undefined) ?? '__main__';
    const qn = ns.getStr('__qualname__');
    if (typeof qn === 'string') tp.qualname = qn;
    tp.mro = this.computeMro(tp);
    for (const i of ns.entries()) {
      const k = ns.keys[i] as string;
      if (k === '__classcell__' || k === '__qualname__') continue;
      tp.dict.set(k, ns.vals[i]!);
    }
    tp.slotNames = this.slotNamesOf(tp, ns.getStr('__slots__'));
    if (tp.dict.has('__getattribute__')) this.getattributeOverrides++;
    if (tp.dict.has('__eq__') && !tp.dict.has('__hash__')) tp.dict.set('__hash__', this.None);
    if (!tp.dict.has('__doc__')) tp.dict.set('__doc__', this.None); // a class's docstring is not inherited
    this.place(tp, 400);
    const cell = ns.getStr('__classcell__');
    if (cell instanceof PyCell) cell.value = tp;
    for (const [k, x] of [...tp.dict]) {
      if (!(x instanceof PyInstance)) continue;
      const sn = this.lookupUser(x.cls, '__set_name__');
      if (sn !== undefined) this.callValue(sn, [x, tp, k], null);
    }
    // super(tp, tp).__init_subclass__(**kwds): the parents' hook, never the new class's own.
    let isub: PyVal | undefined;
    for (const c of tp.mro.slice(1)) {
      isub = c.dict.get('__init_subclass__');
      if (isub !== undefined) break;
    }
    if (isub instanceof PyFunction || (isub instanceof PyWrapper && isub.fget instanceof PyFunction)) {
      this.callValue(isub instanceof PyWrapper ? isub.fget : isub, [tp], kwds);
    } else if (kwds !== null && kwds.size > 0) {
      throw this.typeErr(`${name}.__init_subclass__() takes no keyword arguments`);
    }
    return tp;
  }

  /**
   * A class's instances are limited to its slots when it and every class above it but object
   * declare `__slots__` (without `__dict__`); the allowed names are all of theirs.
   */
  protected slotNamesOf(tp: PyType, own: PyVal | undefined): Set<string> | null {
    if (own === undefined) return null;
    // A tuple's or list's items are read without traffic: declaring slots costs nothing simulated.
    const items = typeof own === 'string' ? [own] : own instanceof PyTuple || own instanceof PyList ? own.items : this.toList(own);
    const names = new Set<string>(items.map((x) => String(x)));
    if (names.has('__dict__')) return null;
    for (const c of tp.mro.slice(1)) {
      if (c === this.T.object) continue;
      if (c.slotNames === null) return null;
      for (const n of c.slotNames) names.add(n);
    }
    return names;
  }
}
