/**
 * The opcodes that are rare in hot loops, out of the main switch so the eval loop stays small
 * enough for the JIT. They work on the frame's synced pc/sp (the loop syncs and reloads them);
 * none of them switches frames.
 */
import { CodeFlag } from '../chunk.js';
import { PyDict, PySet } from '../dict.js';
import { ABORT_SIGNAL } from '../heap.js';
import { Op } from '../opcodes.js';
import { FRAME_HEADER_BYTES, Frame, GuestThread, PyAGenAwaitable, PyGenerator } from '../thread.js';
import { PyCell, PyExc, PyFloat, PyFunction, PyIter, PyList, PyModule, PySlice, PyTuple, PyType, CodeHolder, type PyVal } from '../values.js';
import { dictUpdate } from '../objects/dict-ops.js';
import { checkEgMatch, prepReraiseStar } from '../objects/exception-groups.js';
import { listExtend } from '../objects/list-ops.js';
import { setAdd, setUpdate } from '../objects/set-ops.js';
import { VmThreads } from './threads.js';

export abstract class VmColdOps extends VmThreads {

  /**
   * The opcodes that are rare in hot loops, out of the main switch so the eval loop stays small
   * enough for the JIT. Works on the frame's synced pc/sp (the caller syncs and reloads them);
   * none of these switches frames.
   */
  protected coldOp(t: GuestThread, f: Frame, op: number, arg: number, opPc: number, nested: boolean): void {
    const T = this.T;
    const None = this.None;
    const stack = f.stack;
    let sp = f.sp;
    let pc = f.pc;
    const opSp = sp;
    switch (op) {
      case Op.NOP:
        break;
      case Op.COPY: {
        const v = stack[sp - arg];
        stack[sp++] = v;
        break;
      }
      case Op.SWAP: {
        const v = stack[sp - 1];
        stack[sp - 1] = stack[sp - arg];
        stack[sp - arg] = v;
        break;
      }
      case Op.DELETE_FAST: {
        if (f.fast[arg] === undefined) {
          throw this.err('UnboundLocalError', `cannot access local variable '${f.code.varnames[arg]}' where it is not associated with a value`);
        }
        this.wr(t, f.addr + FRAME_HEADER_BYTES + arg * 8, 8);
        f.fast[arg] = undefined;
        break;
      }
      case Op.STORE_DEREF: {
        const c = f.cells[arg]!, v = stack[--sp] as PyVal;
        if (this.boxes !== null) this.storeNameStr(t, c.value, v);
        this.cellSet(t, c, v);
        break;
      }
      case Op.DELETE_DEREF: {
        const c = f.cells[arg]!;
        if (c.value === undefined) throw this.err('NameError', `cannot access free variable '${this.derefName(f, arg)}' where it is not associated with a value in enclosing scope`);
        this.cellSet(t, c, undefined);
        break;
      }
      case Op.LOAD_CLOSURE:
        stack[sp++] = f.cells[arg]!;
        break;
      case Op.DELETE_GLOBAL: {
        const name = f.code.names[arg]!;
        if (this.dictDel(t, f.globals, name) === undefined) throw this.err('NameError', `name '${name}' is not defined`);
        break;
      }
      case Op.LOAD_NAME: {
        const name = f.code.names[arg]!;
        let v: PyVal | undefined;
        if (f.locals !== null) v = this.dictGet(t, f.locals, name);
        if (v === undefined) v = this.dictGet(t, f.globals, name);
        if (v === undefined) v = this.builtins.getStr(name);
        if (v === undefined) throw this.err('NameError', `name '${name}' is not defined`);
        stack[sp++] = v;
        break;
      }
      case Op.STORE_NAME: {
        const ns = f.locals ?? f.globals, name = f.code.names[arg]!, v = stack[--sp] as PyVal;
        if (this.boxes !== null && typeof v === 'string') this.storeNameStr(t, ns.getStr(name), v);
        this.dictSet(t, ns, name, v);
        break;
      }
      case Op.DELETE_NAME: {
        const name = f.code.names[arg]!;
        if (this.dictDel(t, f.locals ?? f.globals, name) === undefined) throw this.err('NameError', `name '${name}' is not defined`);
        break;
      }
      case Op.STORE_ATTR: {
        const o = stack[--sp] as PyVal;
        const v = stack[--sp] as PyVal;
        this.setAttr(o, f.code.names[arg]!, v);
        break;
      }
      case Op.DELETE_ATTR:
        this.delAttr(stack[--sp] as PyVal, f.code.names[arg]!);
        break;
      case Op.LOAD_BUILD_CLASS:
        stack[sp++] = this.builtins.getStr('__build_class__')!;
        break;
      case Op.SETUP_ANNOTATIONS: {
        const ns = f.locals ?? f.globals;
        if (this.dictGet(t, ns, '__annotations__') === undefined) this.dictSet(t, ns, '__annotations__', this.placeDict(this.newDict()));
        break;
      }
      case Op.LOAD_ASSERTION_ERROR:
        stack[sp++] = this.exc.get('AssertionError')!;
        break;

      case Op.UNARY_NEGATIVE:
        stack[sp - 1] = this.unary(stack[sp - 1] as PyVal, 0);
        break;
      case Op.UNARY_POSITIVE:
        stack[sp - 1] = this.unary(stack[sp - 1] as PyVal, 1);
        break;
      case Op.UNARY_INVERT:
        stack[sp - 1] = this.unary(stack[sp - 1] as PyVal, 2);
        break;
      case Op.UNARY_NOT:
        stack[sp - 1] = !this.truthy(stack[sp - 1] as PyVal);
        break;
      case Op.IS_OP: {
        const b = stack[--sp] as PyVal;
        const a = stack[sp - 1] as PyVal;
        stack[sp - 1] = (a === b || (a instanceof PyFloat && b instanceof PyFloat && a === b)) !== (arg === 1);
        break;
      }
      case Op.CONTAINS_OP: {
        const b = stack[--sp] as PyVal;
        const a = stack[sp - 1] as PyVal;
        stack[sp - 1] = this.contains(b, a) !== (arg === 1);
        break;
      }
      case Op.DELETE_SUBSCR: {
        const k = stack[--sp] as PyVal;
        const o = stack[--sp] as PyVal;
        this.delItem(o, k);
        break;
      }
      case Op.BUILD_SLICE: {
        const step = arg === 3 ? (stack[--sp] as PyVal) : None;
        const stop = stack[--sp] as PyVal;
        const start = stack[--sp] as PyVal;
        stack[sp++] = new PySlice(T.slice, start, stop, step);
        break;
      }

      case Op.BUILD_SET: {
        const s = this.placeSet(this.newSet());
        for (let i = sp - arg; i < sp; i++) s.add(stack[i] as PyVal);
        sp -= arg;
        stack[sp++] = s;
        break;
      }
      case Op.BUILD_MAP: {
        const d = this.placeDict(this.newDict(), true);
        for (let i = sp - 2 * arg; i < sp; i += 2) d.set(stack[i] as PyVal, stack[i + 1] as PyVal);
        sp -= 2 * arg;
        stack[sp++] = d;
        break;
      }
      case Op.BUILD_CONST_KEY_MAP: {
        const keys = (stack[--sp] as PyTuple).items;
        const d = this.placeDict(this.newDict(), true);
        for (let i = 0; i < arg; i++) d.set(keys[i]!, stack[sp - arg + i] as PyVal);
        sp -= arg;
        stack[sp++] = d;
        break;
      }
      case Op.BUILD_STRING: {
        let s = '';
        for (let i = sp - arg; i < sp; i++) s += stack[i] as string;
        sp -= arg;
        this.tmp(t, 49 + s.length);
        stack[sp++] = s;
        break;
      }
      case Op.SET_ADD: {
        const v = stack[--sp] as PyVal;
        const s = stack[sp - arg] as PySet;
        setAdd(this, t, s, v);
        break;
      }
      case Op.MAP_ADD: {
        const v = stack[--sp] as PyVal;
        const k = stack[--sp] as PyVal;
        this.dictSet(t, stack[sp - arg] as PyDict, k, v);
        break;
      }
      case Op.LIST_EXTEND: {
        const v = stack[--sp] as PyVal;
        const l = stack[sp - arg] as PyList;
        listExtend(this, t, l, this.toList(v), false);
        break;
      }
      case Op.SET_UPDATE: {
        const v = stack[--sp] as PyVal;
        const s = stack[sp - arg] as PySet;
        setUpdate(this, t, s, [v]); // a set source: CPython's set_merge (keeps the source's layout)
        break;
      }
      case Op.DICT_UPDATE:
      case Op.DICT_MERGE: {
        const v = stack[--sp] as PyVal;
        const d = stack[sp - arg] as PyDict;
        this.dictMerge(d, v, op === Op.DICT_MERGE, stack[sp - arg - 2] as PyVal);
        break;
      }
      case Op.LIST_TO_TUPLE: {
        const l = stack[sp - 1] as PyList;
        stack[sp - 1] = this.newTuple(l.items.slice());
        break;
      }
      case Op.UNPACK_EX: {
        const before = arg & 0xff, after = arg >> 8;
        const items = this.unpackItems(stack[--sp] as PyVal);
        if (items.length < before + after) {
          throw this.err('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
        }
        for (let i = items.length - 1; i >= items.length - after; i--) stack[sp++] = items[i]!;
        stack[sp++] = this.placeList(this.newList(items.slice(before, items.length - after)));
        for (let i = before - 1; i >= 0; i--) stack[sp++] = items[i]!;
        break;
      }
      case Op.FORMAT_VALUE: {
        const spec = arg & 4 ? (stack[--sp] as string) : '';
        let v = stack[sp - 1] as PyVal;
        const conv = arg & 3;
        if (conv === 1) v = this.str(v);
        else if (conv === 2) v = this.repr(v);
        else if (conv === 3) v = this.asciiOf(this.repr(v));
        stack[sp - 1] = spec === '' && typeof v === 'string' ? v : this.format(v, spec);
        break;
      }

      case Op.POP_JUMP_IF_NONE:
        if (stack[--sp] === None) pc = arg;
        break;
      case Op.POP_JUMP_IF_NOT_NONE:
        if (stack[--sp] !== None) pc = arg;
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
        if (!this.truthy(stack[sp - 1] as PyVal)) pc = arg;
        else sp--;
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
        if (this.truthy(stack[sp - 1] as PyVal)) pc = arg;
        else sp--;
        break;
      case Op.GET_ITER: {
        const v = stack[sp - 1] as PyVal;
        if (!(v instanceof PyIter || (v instanceof PyGenerator && v.cls === T.generator))) {
          const it = this.iter(v);
          // The iterator keeps its iterable alive (lifetimes: a root while the iterator is one).
          if (it instanceof PyIter && it !== v && typeof v === 'object') it.held = v;
          stack[sp - 1] = it;
        }
        break;
      }
      case Op.MAKE_FUNCTION: {
        const holder = stack[--sp] as unknown as CodeHolder;
        const closure = arg & 8 ? ((stack[--sp] as PyTuple).items as PyCell[]) : null;
        const ann = arg & 4 ? (stack[--sp] as PyTuple).items : null;
        const kwd = arg & 2 ? (stack[--sp] as PyDict) : null;
        const defs = arg & 1 ? (stack[--sp] as PyTuple).items : [];
        const co = holder.code;
        let kwdefaults: Map<string, PyVal> | null = null;
        if (kwd !== null) {
          kwdefaults = new Map();
          for (const i of kwd.entries()) kwdefaults.set(kwd.keys[i] as string, kwd.vals[i]!);
        }
        const cs = this.consts(co);
        const isFunc = (co.flags & CodeFlag.OPTIMIZED) !== 0 && co.name !== '<lambda>' && !co.name.startsWith('<');
        const doc = isFunc && cs.length > 0 && typeof cs[0] === 'string' ? cs[0] : None;
        const fn = new PyFunction(T.function, co, f.globals, cs, defs, kwdefaults, closure,
          f.globals.getStr('__name__') ?? None, doc);
        this.place(fn, 144);
        if (ann !== null) {
          const d = this.placeDict(this.newDict());
          for (let i = 0; i < ann.length; i += 2) d.set(ann[i]!, ann[i + 1]!);
          fn.attrs = new Map([['__annotations__', d]]);
        }
        stack[sp++] = fn;
        break;
      }
      case Op.SEND: {
        const v = stack[--sp] as PyVal;
        const it = stack[sp - 1] as PyVal;
        f.pc = pc;
        f.sp = sp;
        f.lasti = opPc;
        let y: PyVal | undefined;
        if (it instanceof PyGenerator) {
          y = this.genSend(it, v);
          if (y === undefined) {
            stack[sp - 1] = this.genReturn;
            pc = arg;
            break;
          }
        } else if (it instanceof PyAGenAwaitable) {
          y = this.agenAwaitSend(it, v);
          if (y === undefined) {
            stack[sp - 1] = this.genReturn;
            pc = arg;
            break;
          }
        } else {
          if (v !== None) {
            const sendm = this.getAttr(it, 'send');
            try {
              y = this.callValue(sendm, [v], null);
            } catch (e) {
              if (e instanceof PyExc && this.isSubtype(e.cls, this.exc.get('StopIteration')!)) {
                stack[sp - 1] = e.args[0] ?? None;
                pc = arg;
                break;
              }
              throw e;
            }
          } else {
            y = this.next(it);
            if (y === undefined) {
              stack[sp - 1] = None;
              pc = arg;
              break;
            }
          }
        }
        stack[sp++] = y;
        break;
      }
      case Op.GET_AWAITABLE:
        stack[sp - 1] = arg === 0 ? this.awaitable(stack[sp - 1] as PyVal) : this.asyncWithAwaitable(stack[sp - 1] as PyVal, arg);
        break;
      case Op.GET_AITER:
      case Op.GET_ANEXT:
      case Op.END_ASYNC_FOR:
      case Op.ASYNC_GEN_WRAP:
      case Op.BEFORE_ASYNC_WITH:
        f.pc = pc;
        f.sp = sp;
        this.asyncOp(t, f, op, opPc, nested);
        sp = f.sp;
        break;
      case Op.GET_YIELD_FROM_ITER: {
        const v = stack[sp - 1] as PyVal;
        if (!(v instanceof PyGenerator) || v.cls === T.async_generator) stack[sp - 1] = this.iter(v);
        break;
      }

      case Op.RAISE_VARARGS: {
        if (arg === 0) {
          const cur = t.excInfo;
          if (cur === null) throw this.err('RuntimeError', 'No active exception to reraise');
          t.reraise = true;
          throw cur;
        }
        let cause: PyVal | null = null;
        if (arg === 2) cause = stack[--sp] as PyVal;
        const e = this.makeExc(stack[--sp] as PyVal);
        if (cause !== null) {
          e.cause = cause === None ? null : cause instanceof PyType ? this.makeExc(cause) : this.makeExc(cause);
          e.suppressContext = true;
        }
        throw e;
      }
      case Op.RERAISE: {
        const e = stack[--sp] as PyVal;
        if (arg > 0) f.lasti = stack[sp - arg] as number;
        t.reraise = true;
        throw e;
      }
      case Op.PUSH_EXC_INFO: {
        const v = stack[sp - 1] as PyVal;
        stack[sp - 1] = t.excInfo ?? None;
        stack[sp++] = v;
        this.fieldSet(t, t, 'excInfo', v);
        break;
      }
      case Op.POP_EXCEPT: {
        const v = stack[--sp] as PyVal;
        this.fieldSet(t, t, 'excInfo', v === None ? null : v);
        break;
      }
      case Op.CHECK_EXC_MATCH: {
        const right = stack[sp - 1] as PyVal;
        stack[sp - 1] = this.excMatch(stack[sp - 2] as PyVal, right);
        break;
      }
      case Op.CHECK_EG_MATCH: {
        f.lasti = opPc;
        const [rest, match] = checkEgMatch(this, stack[sp - 2] as PyExc, stack[sp - 1] as PyVal);
        stack[sp - 2] = rest;
        stack[sp - 1] = match;
        // The clause handles its part: what its body raises has that part as context (3.11).
        if (match !== None) this.fieldSet(t, t, 'excInfo', match);
        break;
      }
      case Op.PREP_RERAISE_STAR: {
        f.lasti = opPc;
        const excs = stack[--sp] as PyList;
        stack[sp - 1] = prepReraiseStar(this, stack[sp - 1] as PyVal, excs.items);
        break;
      }
      case Op.BEFORE_WITH: {
        const mgr = stack[sp - 1] as PyVal;
        const tp = this.typeOf(mgr);
        const enter = this.lookup(tp, '__enter__');
        const exit = this.lookup(tp, '__exit__');
        if (enter === undefined || exit === undefined) {
          throw this.typeErr(`'${tp.name}' object does not support the context manager protocol`);
        }
        const exitBound = this.bind(exit, mgr, tp);
        // Resuming "as if __enter__ returned" means [exit, result]: the slot of mgr holds exit.
        const r = this.callHost(t, f, enter, [mgr], null, opPc, opSp, pc, sp, exitBound, nested);
        stack[sp - 1] = exitBound;
        stack[sp++] = r;
        break;
      }
      case Op.WITH_EXCEPT_START: {
        const val = stack[sp - 1] as PyVal;
        const exitf = stack[sp - 4] as PyVal;
        f.pc = pc;
        f.sp = sp;
        f.lasti = opPc;
        const rb = t.rollbacks;
        const r = this.callValue(exitf, [this.typeOf(val), val, val instanceof PyExc ? this.tracebackOf(val) : None], null);
        if (t.rollbacks !== rb) throw ABORT_SIGNAL;
        stack[sp++] = r;
        break;
      }

      case Op.IMPORT_NAME: {
        const fromlist = stack[--sp] as PyVal;
        sp--; // level
        stack[sp++] = this.importName(f.code.names[arg]!, fromlist !== None);
        break;
      }
      case Op.IMPORT_FROM: {
        const m = stack[sp - 1] as PyVal;
        const name = f.code.names[arg]!;
        let v = this.getAttrOpt(m, name);
        // `from package import submodule` imports the submodule (`from collections import abc`).
        if (v === undefined && m instanceof PyModule && this.moduleFactories.has(`${m.name}.${name}`)) v = this.moduleOf(`${m.name}.${name}`);
        if (v === undefined) {
          const mn = m instanceof PyModule ? m.name : '?';
          throw this.err('ImportError', `cannot import name '${name}' from '${mn}' (unknown location)`);
        }
        stack[sp++] = v;
        break;
      }
      case Op.IMPORT_STAR: {
        const m = stack[--sp] as PyModule;
        const target = f.locals ?? f.globals;
        const d = m.dict as PyDict;
        for (const i of d.entries()) {
          const k = d.keys[i] as string;
          if (!k.startsWith('_')) this.dictSet(t, target, k, d.vals[i]!);
        }
        break;
      }

      default:
        throw new Error(`htmsim VM: unknown opcode ${op} at ${f.code.filename}:${f.code.lines[opPc]}`);
    }
    f.sp = sp;
    f.pc = pc;
  }

  protected derefName(f: Frame, i: number): string {
    const c = f.code.cellvars;
    return i < c.length ? c[i]! : f.code.freevars[i - c.length]!;
  }

  protected dictMerge(d: PyDict, v: PyVal, strict: boolean, fn: PyVal): void {
    dictUpdate(this, this.cur, d, (store) => {
      if (v instanceof PyDict) {
        for (const i of v.entries()) {
          const k = v.keys[i]!;
          if (strict && d.has(k)) {
            const fname = fn instanceof PyFunction ? (typeof fn.module === 'string' && fn.module !== 'builtins' ? `${fn.module}.` : '') + fn.qualname + '()' : 'function';
            throw this.typeErr(`${fname} got multiple values for keyword argument '${this.str(k)}'`);
          }
          store(k, v.vals[i]!);
        }
        return;
      }
      const keysm = this.getAttrOpt(v, 'keys');
      if (keysm === undefined) throw this.typeErr(`'${this.typeOf(v).name}' object is not a mapping`);
      for (const k of this.toList(this.callValue(keysm, [], null))) store(k, this.getItem(v, k));
    });
  }
}
