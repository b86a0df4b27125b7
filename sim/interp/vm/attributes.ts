/**
 * Attribute access: instances (properties, __getattr__), types and metatypes, modules, super(),
 * functions and the read-only attributes of built-in values; setattr/delattr through the write path.
 */
import { CodeFlag } from '../chunk.js';
import { PyDict } from '../dict.js';
import { PyGenerator, PyLiveFrame, type Frame } from '../thread.js';
import {
  PyBuiltin, PyCell, PyComplex, PyExc, PyFloat, PyFrameView, PyFunction, PyInstance, PyMethod, PyModule, PyObject, PyRange, PySlice, PySuper,
  PyTraceback, PyType, PyWrapper, CodeHolder, type PyVal,
} from '../values.js';
import { VmGenerators } from './generators.js';

/**
 * An instance's attribute map once the guest has asked for its `__dict__`: the map reads and
 * writes that dict, so `obj.__dict__.update(...)`, `vars(obj)[k] = v` and attribute stores see
 * each other (the dict is the attributes, as CPython's). Keys that are not str are no attributes.
 */
export class AttrView extends Map<string, PyVal> {
  readonly d: PyDict;
  constructor(d: PyDict) {
    super();
    this.d = d;
  }
  override get(k: string): PyVal | undefined { return this.d.getStr(k); }
  override has(k: string): boolean { return this.d.getStr(k) !== undefined; }
  override set(k: string, v: PyVal): this {
    this.d.set(k, v);
    return this;
  }
  override delete(k: string): boolean { return this.d.delete(k) !== undefined; }
  override clear(): void { this.d.clear(); }
  override get size(): number { return this.d.count; }
  override *entries(): MapIterator<[string, PyVal]> {
    for (const i of this.d.entries()) {
      const k = this.d.keys[i];
      if (typeof k === 'string') yield [k, this.d.vals[i]!];
    }
  }
  override [Symbol.iterator](): MapIterator<[string, PyVal]> { return this.entries(); }
  override *keys(): MapIterator<string> { for (const [k] of this.entries()) yield k; }
  override *values(): MapIterator<PyVal> { for (const [, v] of this.entries()) yield v; }
  override forEach(cb: (v: PyVal, k: string, m: Map<string, PyVal>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
}

export abstract class VmAttributes extends VmGenerators {


  getAttr(v: PyVal, name: string): PyVal {
    this.getattrError = null;
    const r = this.getAttrOpt(v, name);
    if (r !== undefined) return r;
    const ge = this.getattrError;
    if (ge !== null) {
      this.getattrError = null;
      throw ge;
    }
    throw this.attrError(v, name);
  }
  attrError(v: PyVal, name: string): PyExc {
    if (v instanceof PySuper) return this.err('AttributeError', `'super' object has no attribute '${name}'`);
    if (v instanceof PyModule) return this.err('AttributeError', `module '${v.name}' has no attribute '${name}'`);
    if (v instanceof PyType) return this.err('AttributeError', `type object '${v.name}' has no attribute '${name}'`);
    return this.err('AttributeError', `'${this.typeOf(v).name}' object has no attribute '${name}'`);
  }

  /** A guest `__getattribute__` of TP (not object's), if a class ever defined one. */
  getattributeOverride(tp: PyType): PyFunction | undefined {
    if (this.getattributeOverrides === 0) return undefined;
    const ga = this.lookup(tp, '__getattribute__');
    return ga instanceof PyFunction ? ga : undefined;
  }

  getAttrOpt(v: PyVal, name: string): PyVal | undefined {
    if (v instanceof PySuper) return this.superAttr(v, name);
    if (v instanceof PyInstance) {
      // The common case first: no class anywhere defines __getattribute__.
      const over = this.getattributeOverrides === 0 ? undefined : this.getattributeOverride(v.cls);
      if (over === undefined) return this.instanceAttr(v, name, true);
      // The class's own __getattribute__; its AttributeError goes to __getattr__ if there is one.
      try {
        return this.callValue(over, [v, name], null);
      } catch (e) {
        if (!(e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('AttributeError')!))) throw e;
        if (this.lookup(v.cls, '__getattr__') === undefined) {
          this.getattrError = e;
          return undefined;
        }
      }
      return this.callGetattr(v, name);
    }
    return this.otherAttr(v, name);
  }

  /** `object.__getattribute__(v, name)`: the generic lookup, never a class's override nor its
   *  `__getattr__`. */
  genericGetAttr(v: PyVal, name: string): PyVal {
    if (!(v instanceof PyInstance)) return this.getAttr(v, name);
    this.getattrError = null;
    const r = this.instanceAttr(v, name, false);
    if (r !== undefined) return r;
    throw this.attrError(v, name);
  }

  /** The generic attribute lookup on an instance: data descriptors, its own attributes, the
   *  class's, then (WITH_GETATTR) the class's __getattr__. */
  private instanceAttr(v: PyInstance, name: string, withGetattr: boolean): PyVal | undefined {
    const t = this.cur;
    {
      const tp = v.cls;
      const d = this.lookup(tp, name);
      if (d instanceof PyWrapper && d.cls === this.T.property) {
        if (d.fget === this.None) throw this.err('AttributeError', `property '${name}' of '${tp.name}' object has no getter`);
        return this.callValue(d.fget, [v], null);
      }
      // A user descriptor: a data descriptor (with __set__ or __delete__) before the instance's own attribute.
      const get = d instanceof PyInstance ? this.lookupUser(d.cls, '__get__') : undefined;
      if (get !== undefined && (this.lookupUser((d as PyInstance).cls, '__set__') !== undefined || this.lookupUser((d as PyInstance).cls, '__delete__') !== undefined)) {
        return this.callValue(get, [d!, v, tp], null);
      }
      this.readObj(t, v);
      const a = v.attrs.get(name);
      if (a !== undefined) {
        this.rd(t, v.valuesAddr, 8);
        if (this.boxes !== null && typeof a !== 'object') this.boxLoad(t, a);
        return a;
      }
      if (get !== undefined) return this.callValue(get, [d!, v, tp], null);
      if (d !== undefined) return this.bind(d, v, tp);
      if (v instanceof PyExc) {
        const s = this.excAttr(v, name);
        if (s !== undefined) return s;
      }
      if (name === '__class__') return tp;
      if (name === '__dict__' && tp.slotNames === null) return this.liveDict(v);
      return withGetattr ? this.callGetattr(v, name) : undefined;
    }
  }

  /** The class's __getattr__ for a name the lookup did not find (undefined if it has none). */
  private callGetattr(v: PyInstance, name: string): PyVal | undefined {
    const ga = this.lookup(v.cls, '__getattr__');
    return ga === undefined ? undefined : this.callGetattrOf(ga, v, name);
  }

  private callGetattrOf(ga: PyVal, v: PyVal, name: string): PyVal | undefined {
    try {
      return this.callValue(ga, [v, name], null);
    } catch (e) {
      if (e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('AttributeError')!)) {
        this.getattrError = e; // getAttr re-raises the guest's own AttributeError
        return undefined;
      }
      throw e;
    }
  }

  private otherAttr(v: PyVal, name: string): PyVal | undefined {
    const t = this.cur;
    if (v instanceof PyType) return this.typeAttr(v, name);
    if (v instanceof PyModule) {
      this.readObj(t, v.dict as PyDict);
      const r = v.dict.getStr(name);
      if (r !== undefined) return r;
      if (name === '__name__') return v.name;
      if (name === '__dict__') return v.dict as PyDict;
      // PEP 562: a module's own __getattr__ answers for names its dict lacks.
      const mga = name === '__getattr__' ? undefined : v.dict.getStr('__getattr__');
      if (mga !== undefined) {
        try {
          return this.callValue(mga, [name], null);
        } catch (e) {
          if (e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('AttributeError')!)) {
            this.getattrError = e;
            return undefined;
          }
          throw e;
        }
      }
      return undefined;
    }
    const tp = this.typeOf(v);
    const d = this.lookup(tp, name);
    if (!tp.builtin && v instanceof PyObject && !(d instanceof PyWrapper && d.cls === this.T.property)) {
      const own = this.subAttrs.get(v)?.get(name);
      if (own !== undefined) return own;
      if (name === '__dict__') {
        // Live, as a plain instance's: writes through obj.__dict__ are the object's attributes.
        const m = this.subAttrs.get(v);
        if (m instanceof AttrView) return m.d;
        const d = this.dictOfAttrs(m);
        this.subAttrs.set(v, new AttrView(d));
        return d;
      }
    }
    if (d !== undefined) {
      if (d instanceof PyWrapper && d.cls === this.T.property) return this.callValue(d.fget, [v], null);
      return this.bind(d, v, tp);
    }
    const sp = this.specialAttr(v, name);
    // A user subclass of a builtin (class Cfg(dict)) with __getattr__: it answers the rest.
    if (sp === undefined && !tp.builtin && v instanceof PyObject) {
      const ga = this.lookupUser(tp, '__getattr__');
      if (ga !== undefined) return this.callGetattrOf(ga, v, name);
    }
    return sp;
  }

  /** An attribute of `super(...)`: the MRO after thisType, bound to the object. */
  protected superAttr(s: PySuper, name: string): PyVal | undefined {
    const T = this.T;
    const mro = s.objType.mro;
    let i = mro.indexOf(s.thisType);
    for (i = i + 1; i < mro.length; i++) {
      const d = mro[i]!.dict.get(name);
      if (d !== undefined) {
        if (s.obj instanceof PyType && s.obj === s.objType) {
          if (d instanceof PyWrapper && d.cls === T.classmethod) return this.boundMethod(d.fget, s.obj);
          if (d instanceof PyWrapper && d.cls === T.staticmethod) return d.fget;
          if (d instanceof PyBuiltin && d.isMethod && name === '__new__') return d;
          return d instanceof PyFunction ? d : this.bind(d, s.obj, s.objType);
        }
        if (d instanceof PyWrapper && d.cls === T.property) return this.callValue(d.fget, [s.obj], null);
        return this.bind(d, s.obj, s.objType);
      }
    }
    if (name === '__thisclass__') return s.thisType;
    if (name === '__self__') return s.obj;
    return undefined;
  }

  /** An instance's `__dict__`: made once, from then on the instance's attributes (AttrView). */
  protected liveDict(v: PyInstance): PyDict {
    if (v.attrs instanceof AttrView) return v.attrs.d;
    const d = this.dictOfAttrs(v.attrs);
    v.attrs = new AttrView(d);
    return d;
  }

  /** A fresh dict of an attribute map (`obj.__dict__`). */
  protected dictOfAttrs(attrs: ReadonlyMap<string, PyVal> | undefined): PyDict {
    const dd = this.newDict();
    if (attrs !== undefined) for (const [k, x] of attrs) dd.set(k, x);
    return dd;
  }

  protected excAttr(e: PyExc, name: string): PyVal | undefined {
    switch (name) {
      case 'args': return this.newTuple(e.args);
      case '__cause__': return e.cause ?? this.None;
      case '__context__': return e.context ?? this.None;
      case '__traceback__': return this.tracebackOf(e);
      case '__suppress_context__': return e.suppressContext;
      case 'value':
        if (this.isSubtype(e.cls, this.exc.get('StopIteration')!)) return e.args[0] ?? this.None;
        return undefined;
      case 'name': case 'path':
        return this.isSubtype(e.cls, this.exc.get('ImportError')!) ? this.None : undefined;
      case 'code':
        if (this.isSubtype(e.cls, this.exc.get('SystemExit')!)) return e.args.length === 0 ? this.None : e.args.length === 1 ? e.args[0]! : this.newTuple(e.args);
        return undefined;
      default: return undefined;
    }
  }

  /** Traceback, frame and code objects' attributes (what tracebacks are read through). */
  protected introspectionAttr(v: PyObject, name: string): PyVal | undefined {
    if (v instanceof PyTraceback) {
      switch (name) {
        case 'tb_next': return v.next ?? this.None;
        case 'tb_lineno': return v.entry.line;
        case 'tb_frame': return new PyFrameView(this.T.frame, v.entry);
        default: return undefined;
      }
    }
    if (v instanceof PyLiveFrame) {
      const f = v.frame;
      switch (name) {
        case 'f_globals': return f.globals;
        case 'f_locals': return this.frameLocals(f);
        case 'f_builtins': return this.builtins;
        case 'f_lineno': return f.code.lines[f.lasti] ?? f.code.firstLine;
        case 'f_lasti': return f.lasti * 2;
        case 'f_back': {
          const i = v.thread.frames.indexOf(f);
          return i > 0 ? new PyLiveFrame(this.T.frame, v.thread.frames[i - 1]!, v.thread) : this.None;
        }
        default: break;
      }
    }
    if (v instanceof PyFrameView) {
      switch (name) {
        case 'f_code': return v.entry.code === undefined ? this.None : new CodeHolder(this.T.code, v.entry.code);
        case 'f_lineno': return v.entry.line;
        default: return undefined;
      }
    }
    if (v instanceof CodeHolder) {
      const c = v.code;
      switch (name) {
        case 'co_name': return c.name;
        case 'co_qualname': return c.qualname;
        case 'co_filename': return c.filename;
        case 'co_firstlineno': return c.firstLine;
        case 'co_argcount': return c.argcount;
        case 'co_posonlyargcount': return c.posonlyargcount;
        case 'co_kwonlyargcount': return c.kwonlyargcount;
        // The VM marks coroutines and async generators GENERATOR too (they run as generator
        // frames); CPython's co_flags has COROUTINE or ASYNC_GENERATOR alone.
        case 'co_flags': return (c.flags & (CodeFlag.COROUTINE | CodeFlag.ASYNC_GENERATOR)) !== 0 ? c.flags & ~CodeFlag.GENERATOR : c.flags;
        case 'co_nlocals': return c.varnames.length;
        case 'co_varnames': return this.newTuple(c.varnames.slice());
        case 'co_cellvars': return this.newTuple(c.cellvars.slice());
        case 'co_freevars': return this.newTuple(c.freevars.slice());
        case 'co_names': return this.newTuple(c.names.slice());
        default: return undefined;
      }
    }
    return undefined;
  }

  /** locals() of a frame: a module or class body's own dict, or a function's fast locals and cells copied out. */
  frameLocals(f: Frame): PyDict {
    if (f.locals !== null) return f.locals;
    const d = this.placeDict(this.newDict());
    f.code.varnames.forEach((n, i) => {
      const v = f.fast[i];
      if (v !== undefined && v !== null) d.set(n, v as PyVal);
    });
    const cellNames = [...f.code.cellvars, ...f.code.freevars];
    cellNames.forEach((n, i) => {
      const cell = f.cells[i];
      if (cell !== undefined && cell.value !== undefined && cell.value !== null && !d.has(n)) d.set(n, cell.value as PyVal);
    });
    return d;
  }

  protected specialAttr(v: PyVal, name: string): PyVal | undefined {
    if (name === '__class__') return this.typeOf(v);
    if (v instanceof PyTraceback || v instanceof PyFrameView || v instanceof CodeHolder) return this.introspectionAttr(v, name);
    if (v instanceof PyFunction) {
      switch (name) {
        case '__name__': return v.name;
        case '__qualname__': return v.qualname;
        case '__doc__': return v.doc;
        case '__module__': return v.module;
        case '__defaults__': return v.defaults.length ? this.newTuple(v.defaults) : this.None;
        case '__code__': return new CodeHolder(this.T.code, v.code);
        case '__globals__': return v.globals as PyDict;
        case '__closure__': return v.closure !== null && v.closure.length > 0 ? this.newTuple(v.closure) : this.None;
        case '__dict__': {
          const d = this.newDict();
          if (v.attrs) for (const [k, x] of v.attrs) if (k !== '__annotations__') d.set(k, x);
          return d;
        }
        case '__kwdefaults__': return v.kwdefaults === null ? this.None : this.dictOfAttrs(v.kwdefaults);
        case '__annotations__': {
          // Made on first use and kept, as CPython's func_get_annotations.
          let d = v.attrs?.get(name);
          if (d === undefined) {
            d = this.placeDict(this.newDict());
            if (v.attrs === null) v.attrs = new Map();
            v.attrs.set(name, d);
          }
          return d;
        }
      }
      return v.attrs?.get(name);
    }
    if (v instanceof PyBuiltin) {
      if (name === '__name__') return v.name;
      if (name === '__qualname__') return v.ownerName ? `${v.ownerName}.${v.name}` : v.name;
      if (name === '__self__') return v.self ?? this.None;
      return undefined;
    }
    if (v instanceof PyMethod) {
      if (name === '__self__') return v.self;
      if (name === '__func__') return v.func;
      return this.getAttrOpt(v.func, name);
    }
    if (v instanceof PyGenerator) {
      if (name === '__name__') return v.name;
      if (name === '__qualname__') return v.qualname;
      return undefined;
    }
    if (v instanceof PyComplex) {
      if (name === 'real') return this.placeFloat(this.cur, v.re);
      if (name === 'imag') return this.placeFloat(this.cur, v.im);
    }
    if (v instanceof PyFloat) {
      if (name === 'real') return v;
      if (name === 'imag') return this.float(0);
    }
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') {
      if (name === 'real' || name === 'numerator') return typeof v === 'boolean' ? Number(v) : v;
      if (name === 'imag') return 0;
      if (name === 'denominator') return 1;
    }
    if (v instanceof PySlice) {
      if (name === 'start') return v.start;
      if (name === 'stop') return v.stop;
      if (name === 'step') return v.step;
    }
    if (v instanceof PyRange) {
      if (name === 'start') return v.start;
      if (name === 'stop') return v.stop;
      if (name === 'step') return v.step;
    }
    if (v instanceof PyWrapper) {
      if (name === 'fget' || name === '__func__') return v.fget;
      if (name === 'fset') return v.fset;
      if (name === '__doc__') return v.doc;
    }
    if (v instanceof PyCell && name === 'cell_contents') return v.value ?? this.None;
    return undefined;
  }

  typeAttr(tp: PyType, name: string): PyVal | undefined {
    // type's __dict__ is a data descriptor: a class attribute named __dict__ (a property giving
    // instances their own) does not hide the class's namespace.
    if (name === '__dict__') return this.classNamespace(tp);
    const d = this.lookup(tp, name);
    if (d !== undefined) {
      if (d instanceof PyInstance) {
        const get = this.lookupUser(d.cls, '__get__');
        if (get !== undefined) return this.callValue(get, [d, this.None, tp], null);
      }
      if (d instanceof PyWrapper) {
        if (d.cls === this.T.staticmethod) return d.fget;
        if (d.cls === this.T.classmethod) return this.boundMethod(d.fget, tp);
        return d;
      }
      return d;
    }
    switch (name) {
      case '__name__': return tp.name;
      case '__qualname__': return tp.qualname;
      case '__module__': return tp.module;
      case '__mro__': return this.newTuple(tp.mro);
      case '__bases__': return this.newTuple(tp.bases);
      case '__base__': return tp.bases[0] ?? this.None;
      case '__class__': return tp.cls;
      case '__doc__': return this.None;
    }
    const meta = this.lookup(tp.cls, name);
    if (meta instanceof PyWrapper && meta.cls === this.T.property) return this.callValue(meta.fget, [tp], null);
    if (meta !== undefined) return this.bind(meta, tp, tp.cls);
    if (!tp.cls.builtin) {
      const ga = this.lookupUser(tp.cls, '__getattr__');
      if (ga !== undefined) return this.callValue(ga, [tp, name], null);
    }
    return undefined;
  }

  /** `cls.__dict__`: a snapshot of the class's namespace. */
  private classNamespace(tp: PyType): PyDict {
    const dd = this.newDict();
    for (const [k, x] of tp.dict) dd.set(k, x);
    return dd;
  }

  boundMethod(func: PyVal, self: PyVal): PyMethod {
    const m = new PyMethod(this.T.method, func, self);
    m.addr = this.tmp(this.cur, 48);
    return m;
  }

  bind(d: PyVal, obj: PyVal, tp: PyType): PyVal {
    if (d instanceof PyFunction) return this.boundMethod(d, obj);
    if (d instanceof PyBuiltin) return d.isMethod ? this.boundMethod(d, obj) : d;
    if (d instanceof PyWrapper) {
      if (d.cls === this.T.staticmethod) return d.fget;
      if (d.cls === this.T.classmethod) return this.boundMethod(d.fget, tp);
    }
    return d;
  }

  /** AttributeError, worded as CPython's, for a name outside the instance's `__slots__`. */
  checkSlot(v: PyInstance, name: string): void {
    const slots = v.cls.slotNames;
    if (slots !== null && !slots.has(name) && !(this.lookup(v.cls, name) instanceof PyWrapper)) {
      throw this.err('AttributeError', `'${v.cls.name}' object has no attribute '${name}'`);
    }
  }

  setAttr(v: PyVal, name: string, val: PyVal): void {
    const t = this.cur;
    const userSub = v instanceof PyObject && !v.cls.builtin && !(v instanceof PyType) && !(v instanceof PyFunction);
    if (v instanceof PyInstance || userSub) {
      const d = this.lookup(v.cls, name);
      if (d instanceof PyWrapper && d.cls === this.T.property) {
        if (d.fset === this.None) throw this.err('AttributeError', `property '${name}' of '${v.cls.name}' object has no setter`);
        this.callValue(d.fset, [v, val], null);
        return;
      }
      const set = d instanceof PyInstance ? this.lookupUser(d.cls, '__set__') : undefined;
      if (set !== undefined) {
        this.callValue(set, [d!, v, val], null);
        return;
      }
    }
    if (v instanceof PyInstance) {
      const sa = this.lookup(v.cls, '__setattr__');
      if (sa instanceof PyFunction) {
        this.callValue(sa, [v, name, val], null);
        return;
      }
      if (v instanceof PyExc && (name === '__cause__' || name === '__context__')) {
        if (name === '__cause__') {
          v.cause = val === this.None ? null : val;
          v.suppressContext = true;
        } else v.context = val === this.None ? null : val;
        return;
      }
      if (v instanceof PyExc && name === '__traceback__') {
        this.setTraceback(v, val);
        return;
      }
      this.checkSlot(v, name);
      this.setAttrRaw(t, v, name, val);
      return;
    }
    if (userSub) {
      let m = this.subAttrs.get(v);
      if (m === undefined) this.subAttrs.set(v, (m = new Map()));
      this.mutate(t, v);
      // The attribute map lives beside the object, so mutate's snapshot does not cover it.
      if (t.tx !== null) {
        const attrs = m;
        const had = attrs.has(name);
        const old = attrs.get(name);
        this.logUndo(t, () => {
          if (had) attrs.set(name, old!);
          else attrs.delete(name);
        });
      }
      m.set(name, val);
      return;
    }
    if (v instanceof PyType) {
      const sa = v.cls.builtin ? undefined : this.lookupUser(v.cls, '__setattr__');
      if (sa !== undefined) this.callValue(sa, [v, name, val], null);
      else this.setTypeAttr(v, name, val);
      return;
    }
    if (v instanceof PyModule) {
      this.dictSet(t, v.dict as PyDict, name, val);
      return;
    }
    if (v instanceof PyFunction) {
      if (name === '__name__' && typeof val === 'string') v.name = val;
      else if (name === '__qualname__' && typeof val === 'string') v.qualname = val;
      else if (name === '__doc__') v.doc = val;
      else if (name === '__module__') v.module = val;
      else {
        if (v.attrs === null) v.attrs = new Map();
        v.attrs.set(name, val);
      }
      return;
    }
    const tp = this.typeOf(v);
    if (this.lookup(tp, name) !== undefined) throw this.err('AttributeError', `'${tp.name}' object attribute '${name}' is read-only`);
    throw this.err('AttributeError', `'${tp.name}' object has no attribute '${name}'`);
  }

  /** `type.__setattr__`: a class attribute (never on a built-in type). */
  setTypeAttr(v: PyType, name: string, val: PyVal): void {
    if (v.builtin) throw this.typeErr(`cannot set '${name}' attribute of immutable type '${v.name}'`);
    if (name === '__getattribute__') this.getattributeOverrides++;
    this.mutate(this.cur, v);
    // __name__ and __qualname__ live in the type object itself (CPython's heap-type slots), and
    // __module__ is in its dict but also kept in the type for reprs.
    if (name === '__name__' || name === '__qualname__') {
      if (typeof val !== 'string') throw this.typeErr(`can only assign string to ${v.name}.${name}, not '${this.typeOf(val).name}'`);
      const field = name === '__name__' ? 'name' : 'qualname';
      const old = v[field];
      this.logUndo(this.cur, () => { v[field] = old; });
      v[field] = val;
      return;
    }
    if (name === '__module__' && typeof val === 'string') {
      const old = v.module;
      this.logUndo(this.cur, () => { v.module = old; });
      v.module = val;
    }
    const old = v.dict.get(name);
    v.dict.set(name, val);
    // A class's dict holds its attributes' references, counted like any container's.
    if (this.life !== null) {
      this.incRef(this.cur, val);
      this.decRef(this.cur, old);
    }
  }

  delAttr(v: PyVal, name: string): void {
    const t = this.cur;
    if (v instanceof PyInstance) {
      const d = this.lookup(v.cls, name);
      if (d instanceof PyWrapper && d.cls === this.T.property) {
        if (d.fdel === this.None) throw this.err('AttributeError', `property '${name}' of '${v.cls.name}' object has no deleter`);
        this.callValue(d.fdel, [v], null);
        return;
      }
      const del = d instanceof PyInstance ? this.lookupUser(d.cls, '__delete__') : undefined;
      if (del !== undefined) {
        this.callValue(del, [d!, v], null);
        return;
      }
      if (!v.attrs.has(name)) throw this.attrError(v, name);
      this.mutate(t, v);
      v.attrs.delete(name);
      return;
    }
    const sub = v instanceof PyObject && !v.cls.builtin && !(v instanceof PyType) && !(v instanceof PyFunction)
      ? this.subAttrs.get(v) : undefined;
    if (sub !== undefined && sub.has(name)) {
      // An attribute of a builtin subclass's instance (class D(dict)), kept beside the object.
      const old = sub.get(name)!;
      this.mutate(t, v as PyObject);
      if (t.tx !== null) this.logUndo(t, () => void sub.set(name, old));
      sub.delete(name);
      return;
    }
    if (v instanceof PyType && !v.builtin) {
      if (!v.dict.has(name)) throw this.attrError(v, name);
      this.mutate(t, v);
      v.dict.delete(name);
      return;
    }
    if (v instanceof PyModule) {
      if (this.dictDel(t, v.dict as PyDict, name) === undefined) throw this.attrError(v, name);
      return;
    }
    throw this.attrError(v, name);
  }
}
