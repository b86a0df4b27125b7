/**
 * The eval loop: runs a thread's frames for a budget of bytecodes.
 *
 * Memory traffic per bytecode: port.advance(dispatchCycles); the ticker word every tickerEvery
 * bytecodes; frame-slot reads/writes for locals; refcount header writes on loads and consumed
 * operands (heap.ts explains the lifetime model); container header/slot reads and writes;
 * allocator free-list words for new objects. The value stack itself is not modelled (registers).
 */
import { asAddr } from '../../common/brand.js';
import { ACCESS_ABORTED } from '../../machine/port.js';
import { CodeFlag } from '../chunk.js';
import { PyDict } from '../dict.js';
import { ABORT_SIGNAL } from '../heap.js';
import { BinOp, CmpOp, Op, OP_NAMES } from '../opcodes.js';
import * as R from '../runtime/int-ops.js';
import { FRAME_HEADER_BYTES, GuestThread, PyGenerator, U_FIELD, type StepOutcome } from '../thread.js';
import { DEFERRED_RC, PyBuiltin, PyExc, PyFunction, PyInstance, PyIter, PyList, PyMethod, PyModule, PyObject, PyTuple, PyType, type PyVal, type Slot } from '../values.js';
import { BLOCK_SIGNAL, CYCLE_LIMIT_SIGNAL, SUSPEND_SIGNAL } from './signals.js';
import { L_BUDGET, L_YIELD, L_SUSPEND, L_BLOCK, L_ABORT, L_DONE, L_GENYIELD, OUTCOME } from './signals.js';
import { VmContinuations } from './continuations.js';

export abstract class VmEvalLoop extends VmContinuations {

  /**
   * Runs thread t on its core for at most maxBytecodes bytecodes. Returns why it stopped.
   * 'aborted': its transaction was rolled back (state already restored; just step again).
   */
  step(t: GuestThread, maxBytecodes: number): StepOutcome {
    if (t.state === 'done') return 'done';
    if (t.state === 'blocked') {
      if (!this.canResume(t)) return 'blocked';
      t.state = 'runnable';
      t.blockedOn = null;
    }
    this.cur = t;
    t.nest = 0;
    let code: number;
    try {
      code = this.execLoop(t, maxBytecodes, 0);
    } catch (err) {
      // An abort signalled while an exception unwinds (a frame freed, a traceback written) leaves
      // the loop from its error path: the same outcome as an abort met mid-instruction.
      if (err !== ABORT_SIGNAL) throw err;
      if (t.tx !== null) this.txRollback(t, 0);
      code = L_ABORT;
    }
    if (code === L_BLOCK) t.state = 'blocked';
    return OUTCOME[code]!;
  }


  /**
   * Runs t's frames until the budget is used, a hook stops it, it blocks/suspends/aborts, or the
   * frame stack drops to `base` (nested runs: the value is left in t.retVal).
   */
  protected execLoop(t: GuestThread, budget: number, base: number): number {
    const port = this.port;
    const core = t.core;
    const dispatch = this.dispatch;
    const T = this.T;
    const None = this.None;
    const rcOn = this.rcOn;
    const life = this.life;
    // A nested host loop (t.nest > 0) throws signals to its host caller; a frame run in-loop
    // (continuations.ts, Frame.inl) behaves as a nested run but its signals stay in this loop.
    const loopNested = t.nest > 0;
    // The host function whose call started this nested loop (a RuntimeError names it).
    const runBy = t.hostFn;
    let nested = loopNested;
    let f = t.frames[t.frames.length - 1]!;
    // The current frame's hot fields, loaded from `f` in one place, the top of the frame loop below:
    // every frame switch sets f, pc and sp and goes there.
    let code: Int32Array, stack: Slot[], fast: Slot[], consts: PyVal[], fAddr: number;
    // Where the code's int and str constants live (their refcounts are written there: the code object's own, shared by every thread running it).
    let constAddrs: Float64Array | null = null;
    const constRc = rcOn && !this.biased;
    let pc = f.pc;
    let sp = f.sp;
    let opPc = pc;
    let opSp = sp;
    let tick = t.tickCount;
    const tickEvery = this.tickEvery;
    const tickerAddr = this.heap.tickerAddr(t.id);
    const trace = this.trace;
    // Per instruction, one test whether anything watches: the trace, or forensics (Frame.at).
    const watch = trace !== null || this.forensics !== null;
    this.activate(t, f);
    if (f.pendingThrow !== null) {
      const e = f.pendingThrow;
      f.pendingThrow = null;
      // handled below by the catch path: raise at the current instruction
      pc = f.pc;
      opPc = pc;
      t.reraise = false;
      return this.execThrowInto(t, budget, base, e);
    }

    for (;;) {
      try {
        // Entered at the start, after an exception unwound to a handler, and by every
        // instruction that switches frames (`continue frames`: call, return, yield, delegation).
        frames: for (;;) {
          code = f.code.code;
          stack = f.stack;
          fast = f.fast;
          consts = f.consts;
          if (constRc) constAddrs = f.constAddrs ?? (f.constAddrs = this.constAddrsOf(consts));
          fAddr = f.addr + FRAME_HEADER_BYTES;
          nested = loopNested || f.inl;
          for (;;) {
          // A nested run ends only with its guest code; so does one in-loop (no budget used there).
          if (!nested) {
            if (budget <= 0) {
              f.pc = pc;
              f.sp = sp;
              t.tickCount = tick;
              return L_BUDGET;
            }
            budget--;
          }
          opPc = pc;
          opSp = sp;
          const op = code[pc << 1]!;
          const arg = code[(pc << 1) + 1]!;
          pc++;
          t.bytecodes++;
          if (watch) {
            f.at = opPc;
            if (trace !== null) trace({ thread: t.id, core, cycle: port.now(core), line: f.code.lines[opPc]!, op: OP_NAMES[op] ?? String(op), arg });
          }
          if (port.advance(core, dispatch) === ACCESS_ABORTED) throw ABORT_SIGNAL;
          if (++tick >= tickEvery) {
            tick = 0;
            if (port.write(core, asAddr(tickerAddr), 8) < 0) throw ABORT_SIGNAL;
          }
          // A safe point: free what died since the last one (lifetimes.ts).
          if (life !== null && life.dirty && !nested) {
            f.sp = sp;
            this.reconcile(t);
          }
          switch (op) {
            case Op.POP_TOP: {
              const v = stack[--sp] as PyVal;
              if (rcOn) { const ra = typeof v === 'object' && v !== None ? (v.owner !== DEFERRED_RC ? v.addr : 0) : this.rcAddr(t, v); if (ra !== 0 && port.write(core, asAddr(ra), 8) < 0) throw ABORT_SIGNAL; }
              if (life !== null && typeof v === 'object' && life.zlen > 0) life.dirty = true;
              break;
            }
            case Op.LOAD_CONST: {
              const v = consts[arg]!;
              if (rcOn) {
                let ra: number;
                if (typeof v === 'object' && v !== None) ra = v.owner !== DEFERRED_RC ? v.addr : 0;
                else if (constAddrs !== null && constAddrs[arg]! !== 0) ra = constAddrs[arg]!;
                else ra = this.rcAddr(t, v);
                if (ra !== 0 && port.write(core, asAddr(ra), 8) < 0) throw ABORT_SIGNAL;
              }
              stack[sp++] = v;
              break;
            }
            case Op.LOAD_FAST: {
              const v = fast[arg];
              if (port.read(core, asAddr(fAddr + arg * 8), 8) < 0) throw ABORT_SIGNAL;
              if (v === undefined) {
                throw this.err('UnboundLocalError', `cannot access local variable '${f.code.varnames[arg]}' where it is not associated with a value`);
              }
              const vv = v as PyVal;
              if (rcOn) { const ra = typeof vv === 'object' && vv !== None ? (vv.owner !== DEFERRED_RC ? vv.addr : 0) : this.rcAddr(t, vv); if (ra !== 0 && port.write(core, asAddr(ra), 8) < 0) throw ABORT_SIGNAL; }
              stack[sp++] = v;
              break;
            }
            case Op.STORE_FAST: {
              const old = fast[arg];
              if (port.write(core, asAddr(fAddr + arg * 8), 8) < 0) throw ABORT_SIGNAL;
              fast[arg] = stack[--sp];
              if (old !== undefined && old !== null) if (rcOn) { const ra = typeof old === 'object' && old !== None ? (old.owner !== DEFERRED_RC ? old.addr : 0) : this.rcAddr(t, old); if (ra !== 0 && port.write(core, asAddr(ra), 8) < 0) throw ABORT_SIGNAL; }
              if (life !== null && typeof old === 'object' && old !== null && old.rid > 0) life.dirty = true;
              break;
            }
            case Op.LOAD_DEREF:
            case Op.LOAD_CLASSDEREF: {
              if (op === Op.LOAD_CLASSDEREF && f.locals !== null) {
                const nm = this.derefName(f, arg);
                const lv = f.locals.getStr(nm);
                if (lv !== undefined) {
                  stack[sp++] = lv;
                  break;
                }
              }
              const v = this.cellGet(t, f.cells[arg]!);
              if (v === undefined) {
                const nm = this.derefName(f, arg);
                if (arg < f.code.cellvars.length) {
                  throw this.err('UnboundLocalError', `cannot access local variable '${nm}' where it is not associated with a value`);
                }
                throw this.err('NameError', `cannot access free variable '${nm}' where it is not associated with a value in enclosing scope`);
              }
              if (rcOn) this.rc(t, v);
              stack[sp++] = v;
              break;
            }
            case Op.LOAD_GLOBAL: {
              const name = f.code.names[arg]!;
              const g = f.globals;
              if (this.hooks.barriers) this.barrierR(t, g);
              const gi = g.index.get(name);
              let v: PyVal | undefined;
              if (port.read(core, asAddr(g.addr), 16) < 0) throw ABORT_SIGNAL;
              if (gi !== undefined) {
                // LOAD_GLOBAL_MODULE: the cached entry, no probe.
                if (port.read(core, asAddr(this.dictTable(t, g) + gi * (g.unicode ? 16 : 24)), 8) < 0) throw ABORT_SIGNAL;
                v = g.vals[gi];
                if (life !== null && typeof v !== 'object') this.boxLoad(t, v!);
              } else {
                v = this.builtins.getStr(name);
                if (v === undefined) throw this.err('NameError', `name '${name}' is not defined`);
              }
              if (rcOn) this.rc(t, v!);
              stack[sp++] = v!;
              break;
            }
            case Op.STORE_GLOBAL: {
              const name = f.code.names[arg]!, v = stack[--sp] as PyVal;
              if (life !== null && typeof v === 'string') this.storeNameStr(t, f.globals.getStr(name), v);
              this.dictSet(t, f.globals, name, v);
              break;
            }
            case Op.LOAD_ATTR: {
              const o = stack[sp - 1] as PyVal;
              stack[sp - 1] = this.getAttr(o, f.code.names[arg]!);
              break;
            }
            case Op.LOAD_METHOD: {
              const o = stack[sp - 1] as PyVal;
              const name = f.code.names[arg]!;
              if (o instanceof PyObject && !(o instanceof PyType) && !(o instanceof PyModule) && o.cls !== T.super) {
                const tp = o.cls;
                const d = this.lookup(tp, name);
                if ((d instanceof PyFunction || (d instanceof PyBuiltin && d.isMethod)) && !(o instanceof PyInstance && (o.attrs.has(name) || (this.getattributeOverrides !== 0 && this.getattributeOverride(tp) !== undefined)))) {
                  if (o instanceof PyInstance) this.readObj(t, o);
                  stack[sp - 1] = d;
                  stack[sp++] = o;
                  break;
                }
              } else if (typeof o === 'string' || typeof o === 'number') {
                const d = this.lookup(this.typeOf(o), name);
                if (d instanceof PyBuiltin && d.isMethod) {
                  stack[sp - 1] = d;
                  stack[sp++] = o;
                  break;
                }
              }
              stack[sp - 1] = null;
              stack[sp++] = this.getAttr(o, name);
              break;
            }
            case Op.BINARY_OP: {
              const b = stack[--sp] as PyVal;
              const a = stack[sp - 1] as PyVal;
              let r: PyVal;
              if (typeof a === 'number' && typeof b === 'number') {
                switch (arg) {
                  case BinOp.ADD: case BinOp.INPLACE_ADD: r = a + b; if (!Number.isSafeInteger(r)) r = R.intAdd(a, b); break;
                  case BinOp.SUBTRACT: case BinOp.INPLACE_SUBTRACT: r = a - b; if (!Number.isSafeInteger(r)) r = R.intSub(a, b); break;
                  case BinOp.MULTIPLY: case BinOp.INPLACE_MULTIPLY: r = R.intMul(a, b); break;
                  case BinOp.FLOOR_DIVIDE: case BinOp.INPLACE_FLOOR_DIVIDE: r = R.intFloorDiv(a, b); break;
                  case BinOp.REMAINDER: case BinOp.INPLACE_REMAINDER: r = R.intMod(a, b); break;
                  case BinOp.AND: case BinOp.INPLACE_AND: r = R.intAnd(a, b); break;
                  case BinOp.OR: case BinOp.INPLACE_OR: r = R.intOr(a, b); break;
                  case BinOp.XOR: case BinOp.INPLACE_XOR: r = R.intXor(a, b); break;
                  default: r = this.binop(a, b, arg);
                }
                if (typeof r === 'number' && (r < -5 || r > 256 || !this.smallInts)) this.tmp(t, 32);
              } else {
                r = this.binop(a, b, arg);
              }
              if (rcOn) {
                this.rc(t, a);
                this.rc(t, b);
              }
              stack[sp - 1] = r;
              break;
            }
            case Op.COMPARE_OP: {
              const b = stack[--sp] as PyVal;
              const a = stack[sp - 1] as PyVal;
              if (typeof a === 'number' && typeof b === 'number') {
                switch (arg) {
                  case CmpOp.LT: stack[sp - 1] = a < b; break;
                  case CmpOp.LE: stack[sp - 1] = a <= b; break;
                  case CmpOp.EQ: stack[sp - 1] = a === b; break;
                  case CmpOp.NE: stack[sp - 1] = a !== b; break;
                  case CmpOp.GT: stack[sp - 1] = a > b; break;
                  default: stack[sp - 1] = a >= b;
                }
              } else stack[sp - 1] = this.compare(a, b, arg);
              if (rcOn) {
                this.rc(t, a);
                this.rc(t, b);
              }
              break;
            }
            case Op.BINARY_SUBSCR: {
              const k = stack[--sp] as PyVal;
              const o = stack[sp - 1] as PyVal;
              let r: PyVal;
              if (o instanceof PyList && typeof k === 'number') {
                const n = o.items.length;
                const i = k < 0 ? k + n : k;
                if (i < 0 || i >= n) throw this.err('IndexError', 'list index out of range');
                r = this.listGet(t, o, i);
              } else r = this.getItem(o, k);
              if (rcOn) this.rc(t, r);
              stack[sp - 1] = r;
              break;
            }
            case Op.STORE_SUBSCR: {
              const k = stack[--sp] as PyVal;
              const o = stack[--sp] as PyVal;
              const v = stack[--sp] as PyVal;
              if (o instanceof PyList && typeof k === 'number') {
                const n = o.items.length;
                const i = k < 0 ? k + n : k;
                if (i < 0 || i >= n) throw this.err('IndexError', 'list assignment index out of range');
                this.listSet(t, o, i, v);
              } else this.setItem(o, k, v);
              break;
            }
            case Op.BUILD_TUPLE: {
              // `a, b = b, a` compiles to BUILD_TUPLE n; UNPACK_SEQUENCE n: CPython 3.11 turns it into
              // SWAPs; here the pair just reverses the top n slots (no tuple is allocated).
              if (code[pc << 1] === Op.UNPACK_SEQUENCE && code[(pc << 1) + 1] === arg && arg <= 3) {
                pc++;
                t.bytecodes++;
                if (!nested) budget--;
                if (port.advance(core, dispatch) === ACCESS_ABORTED) throw ABORT_SIGNAL;
                for (let lo = sp - arg, hi = sp - 1; lo < hi; lo++, hi--) {
                  const x = stack[lo];
                  stack[lo] = stack[hi];
                  stack[hi] = x;
                }
                break;
              }
              const items = stack.slice(sp - arg, sp) as PyVal[];
              sp -= arg;
              const tu = new PyTuple(T.tuple, items);
              // Refcounted heaps: a tuple is an object that dies (its items counted); else a temporary.
              if (life !== null) this.place(tu, 40 + 8 * arg);
              else tu.addr = this.tmp(t, 40 + 8 * arg);
              stack[sp++] = tu;
              break;
            }
            case Op.BUILD_LIST: {
              const items = stack.slice(sp - arg, sp) as PyVal[];
              sp -= arg;
              stack[sp++] = this.placeList(new PyList(T.list, items));
              break;
            }
            case Op.LIST_APPEND: {
              const v = stack[--sp] as PyVal;
              this.listAppend(t, stack[sp - arg] as PyList, v);
              break;
            }
            case Op.UNPACK_SEQUENCE: {
              const v = stack[--sp] as PyVal;
              let items: PyVal[];
              if ((v instanceof PyTuple || v instanceof PyList) && v.items.length === arg) items = v.items;
              else {
                items = this.unpackItems(v);
                if (items.length !== arg) {
                  if (items.length < arg) throw this.err('ValueError', `not enough values to unpack (expected ${arg}, got ${items.length})`);
                  throw this.err('ValueError', `too many values to unpack (expected ${arg})`);
                }
              }
              if (v instanceof PyList) this.readObj(t, v);
              for (let i = arg - 1; i >= 0; i--) stack[sp++] = items[i]!;
              break;
            }
            case Op.JUMP_FORWARD:
              pc = arg;
              break;
            case Op.JUMP_BACKWARD:
              pc = arg;
              if (nested && (port.now(core) as number) > this.cycleLimit) throw CYCLE_LIMIT_SIGNAL;
              if (!nested && this.yieldPoint(t, f, pc, sp)) {
                t.tickCount = tick;
                return L_YIELD;
              }
              break;
            case Op.POP_JUMP_IF_FALSE: {
              const v = stack[--sp] as PyVal;
              if (v === false || (v !== true && !this.truthy(v))) pc = arg;
              break;
            }
            case Op.POP_JUMP_IF_TRUE: {
              const v = stack[--sp] as PyVal;
              if (v === true || (v !== false && this.truthy(v))) pc = arg;
              break;
            }
            case Op.FOR_ITER: {
              const it = stack[sp - 1] as PyVal;
              f.pc = pc;
              f.sp = sp;
              f.lasti = opPc;
              // Host iterators keep their position in the object and move it through the write
              // path (builtins.ts setPos), so a rollback rewinds them exactly.
              let v: PyVal | undefined;
              if (it instanceof PyIter && it.rn >= 0) {
                const k = it.i;
                // CPython's range iterator stores its position in the object on every next().
                if (it.addr !== 0 && port.write(core, asAddr(it.addr + 16), 8) < 0) throw ABORT_SIGNAL;
                if (k < it.rn) {
                  v = it.rstart + it.rstep * k;
                  const tx = t.tx;
                  if (tx !== null && it.txId !== tx.id) {
                    it.txId = tx.id;
                    tx.log(U_FIELD, it, 'i', k);
                  }
                  it.i = k + 1;
                } else v = undefined;
              } else {
                // A generator, a guest __next__ or iter(guest f, sentinel) runs in this loop.
                const nf = it instanceof PyIter && it.callable === null ? null : this.forIterEnter(t, it, tick);
                // Continue in the callee's frame; its run keeps the nested loop's ticker count.
                if (nf !== null) { tick = t.tickCount; f = nf; pc = f.pc; sp = f.sp; continue frames; }
                v = it instanceof PyIter ? it.next() : this.next(it);
              }
              if (v === undefined) {
                sp--;
                pc = arg;
                if (life !== null && life.zlen > 0) life.dirty = true;
              } else {
                if (rcOn) this.rc(t, v);
                stack[sp++] = v;
              }
              break;
            }

            case Op.CALL:
            case Op.CALL_KW: {
              let kwnames: string[] | null = null;
              if (op === Op.CALL_KW) kwnames = (stack[--sp] as PyTuple).items as string[];
              const nkw = kwnames === null ? 0 : kwnames.length;
              const baseSp = sp - arg - 2;
              let callable = stack[baseSp] as Slot;
              let argStart: number, nargs: number;
              if (callable !== null) {
                argStart = baseSp + 1;
                nargs = arg + 1;
              } else {
                callable = stack[baseSp + 1];
                argStart = baseSp + 2;
                nargs = arg;
              }
              const npos = nargs - nkw;
              // Bound guest methods are unpacked so the call below can be inlined.
              if (callable instanceof PyMethod && callable.func instanceof PyFunction && argStart === baseSp + 2) {
                stack[baseSp] = callable.func;
                stack[baseSp + 1] = callable.self;
                callable = callable.func;
                argStart = baseSp + 1;
                nargs++;
              }
              if (callable instanceof PyFunction) {
                const fn = callable;
                this.checkDepth(t);
                const kwv = kwnames === null ? null : (stack.slice(argStart + nargs - nkw, argStart + nargs) as PyVal[]);
                const nf = this.bindFrame(t, fn, stack, argStart, nargs - nkw, kwnames, kwv);
                if (fn.code.flags & CodeFlag.GENERATOR) {
                  sp = baseSp;
                  stack[sp++] = this.makeGenerator(nf);
                  break;
                }
                this.pushFrame(t, nf, f, pc, baseSp, opPc);
                f = nf;
                pc = 0;
                sp = 0;
                continue frames;
              }
              // Only the NULL-callable layout: a decorator call has its one argument where obj would go.
              if (callable instanceof PyType && !callable.builtin && argStart === baseSp + 2 && this.canInlineInit(callable)) {
                const tp = callable;
                const init = this.lookup(tp, '__init__') as PyFunction;
                const obj = this.instantiate(tp);
                if (obj instanceof PyExc) obj.args = stack.slice(argStart, argStart + npos) as PyVal[];
                stack[baseSp] = init;
                stack[baseSp + 1] = obj;
                const kwv = kwnames === null ? null : (stack.slice(argStart + nargs - nkw, argStart + nargs) as PyVal[]);
                const nf = this.bindFrame(t, init, stack, baseSp + 1, npos + 1, kwnames, kwv);
                nf.initSelf = obj;
                this.pushFrame(t, nf, f, pc, baseSp, opPc);
                f = nf;
                pc = 0;
                sp = 0;
                continue frames;
              }
              // Host call: the operands stay on the stack until it returns, so a suspension
              // (unfriendly operation, lock wait) can re-execute this CALL unchanged.
              const args = stack.slice(argStart, argStart + npos) as PyVal[];
              let kw: Map<string, PyVal> | null = null;
              if (kwnames !== null) {
                kw = new Map();
                for (let i = 0; i < nkw; i++) kw.set(kwnames[i]!, stack[argStart + npos + i] as PyVal);
              }
              if (callable instanceof PyMethod || callable instanceof PyBuiltin) {
                // The with-exit's call of a guest __exit__, next(generator): run in this loop.
                f.pc = pc; f.sp = baseSp; f.lasti = opPc;
                const nf = callable instanceof PyMethod ? this.boundCallEnter(t, callable, args, kw, tick) : this.nextCallEnter(t, callable, args, kw, tick);
                if (nf !== null) { tick = t.tickCount; f = nf; pc = f.pc; sp = f.sp; continue frames; }
              }
              const r = this.callHost(t, f, callable as PyVal, args, kw, opPc, opSp, pc, baseSp, null, nested);
              sp = baseSp;
              stack[sp++] = r;
              break;
            }
            case Op.CALL_FUNCTION_EX: {
              const kwd = arg & 1 ? (stack[--sp] as PyVal) : null;
              const argsT = stack[--sp] as PyVal;
              const callable = stack[--sp] as PyVal;
              sp--; // NULL
              const args = argsT instanceof PyTuple ? argsT.items.slice() : this.toList(argsT);
              let kw: Map<string, PyVal> | null = null;
              if (kwd !== null) {
                if (!(kwd instanceof PyDict)) throw this.typeErr(`argument after ** must be a mapping, not ${this.typeOf(kwd).name}`);
                kw = new Map();
                for (const i of kwd.entries()) {
                  const k = kwd.keys[i]!;
                  if (typeof k !== 'string') throw this.typeErr('keywords must be strings');
                  kw.set(k, kwd.vals[i]!);
                }
              }
              // A guest function called with *args/**kwargs runs in a frame of this loop, not
              // nested: thread targets and transaction tasks are called this way, and their
              // yield points must reach the policy.
              let target: PyVal = callable;
              let fargs = args;
              if (target instanceof PyMethod && target.func instanceof PyFunction) {
                fargs = [target.self, ...args];
                target = target.func;
              }
              if (target instanceof PyFunction && !(target.code.flags & CodeFlag.GENERATOR)) {
                this.checkDepth(t);
                const kwn = kw === null || kw.size === 0 ? null : [...kw.keys()];
                const kwv = kwn === null ? null : [...kw!.values()];
                const nf = this.bindFrame(t, target, fargs, 0, fargs.length, kwn, kwv);
                this.pushFrame(t, nf, f, pc, sp, opPc);
                f = nf;
                pc = 0;
                sp = 0;
                continue frames;
              }
              stack[sp++] = this.callHost(t, f, callable, args, kw, opPc, opSp, pc, sp, null, nested);
              if (life !== null && life.zlen > 0) life.dirty = true;
              break;
            }
            case Op.PUSH_NULL:
              stack[sp++] = null;
              break;
            case Op.RETURN_VALUE: {
              let r = stack[--sp] as PyVal;
              const done = f;
              if (done.gen !== null) {
                done.pc = pc;
                done.sp = sp;
              }
              this.heap.freeFrame(t.id, core, done.addr, done.size);
              t.frames.pop();
              if (life !== null && life.zlen > 0) life.dirty = true;
              if (done.initSelf !== null) {
                if (r !== None) throw this.typeErr(`__init__() should return None, not '${this.typeOf(r).name}'`);
                r = done.initSelf;
              }
              if (t.frames.length === base) {
                t.retVal = r;
                if (base === 0) {
                  t.tickCount = tick;
                  this.threadFinished(t);
                }
                return L_DONE;
              }
              f = t.frames[t.frames.length - 1]!;
              if (done.cont !== 0) {
                // A frame run in-loop returned: its instruction's continuation (continuations.ts).
                tick = done.outerTick;
                opPc = f.lasti; // next() raising StopIteration raises at its CALL
                this.contReturn(t, done, f, r);
                pc = f.pc;
                sp = f.sp;
                continue frames;
              }
              this.activate(t, f);
              pc = f.pc;
              sp = f.sp;
              f.stack[sp++] = r;
              if (!nested && this.yieldPoint(t, f, pc, sp)) {
                t.tickCount = tick;
                return L_YIELD;
              }
              continue frames;
            }
            case Op.RESUME:
              if (!nested && this.yieldPoint(t, f, pc, sp)) {
                t.tickCount = tick;
                return L_YIELD;
              }
              break;

            case Op.RETURN_GENERATOR: {
              // Only reached if a generator frame was entered without makeGenerator (not by calls).
              const g = this.makeGenerator(f);
              f.pc = pc;
              f.sp = sp;
              t.frames.pop();
              t.retVal = g;
              if (t.frames.length === base) return L_DONE;
              f = t.frames[t.frames.length - 1]!;
              pc = f.pc;
              sp = f.sp;
              f.stack[sp++] = g;
              continue frames;
            }
            case Op.YIELD_VALUE: {
              const v = stack[--sp] as PyVal;
              f.pc = pc;
              f.sp = sp;
              f.lasti = opPc;
              t.frames.pop();
              t.tickCount = tick;
              const g = f.gen!;
              if (g.delegated) {
                // A generator run in-loop yielded: its instruction takes the value and goes on.
                const done = f;
                tick = done.outerTick;
                f = t.frames[t.frames.length - 1]!;
                this.contYield(t, done, f, v);
                pc = f.pc;
                sp = f.sp;
                continue frames;
              }
              t.retVal = v;
              return L_GENYIELD;
            }
            case Op.SEND: {
              const it = stack[sp - 2] as PyVal;
              if (nested && it instanceof PyGenerator) {
                const v = stack[sp - 1] as PyVal;
                f.pc = pc;
                f.sp = sp - 1;
                f.lasti = opPc;
                const nf = this.delegateEnter(t, it, v, tick);
                if (nf !== null) { tick = t.tickCount; f = nf; pc = f.pc; sp = f.sp; continue frames; }
              }
              f.pc = pc;
              f.sp = sp;
              this.coldOp(t, f, op, arg, opPc, nested);
              pc = f.pc;
              sp = f.sp;
              break;
            }
            case Op.BEFORE_WITH:
            case Op.WITH_EXCEPT_START: {
              // A guest __enter__ / __exit__ runs in this loop; else the cold op calls it.
              f.pc = pc; f.sp = sp; f.lasti = opPc;
              const nf = op === Op.BEFORE_WITH ? this.withEnter(t, f, sp, tick) : this.withExceptEnter(t, f, sp, tick);
              if (nf !== null) { tick = t.tickCount; f = nf; pc = f.pc; sp = f.sp; continue frames; }
              this.coldOp(t, f, op, arg, opPc, nested);
              pc = f.pc;
              sp = f.sp;
              break;
            }
            case Op.NOP:
            case Op.COPY:
            case Op.SWAP:
            case Op.DELETE_FAST:
            case Op.STORE_DEREF:
            case Op.DELETE_DEREF:
            case Op.LOAD_CLOSURE:
            case Op.DELETE_GLOBAL:
            case Op.LOAD_NAME:
            case Op.STORE_NAME:
            case Op.DELETE_NAME:
            case Op.STORE_ATTR:
            case Op.DELETE_ATTR:
            case Op.LOAD_BUILD_CLASS:
            case Op.SETUP_ANNOTATIONS:
            case Op.LOAD_ASSERTION_ERROR:
            case Op.UNARY_NEGATIVE:
            case Op.UNARY_POSITIVE:
            case Op.UNARY_INVERT:
            case Op.UNARY_NOT:
            case Op.IS_OP:
            case Op.CONTAINS_OP:
            case Op.DELETE_SUBSCR:
            case Op.BUILD_SLICE:
            case Op.BUILD_SET:
            case Op.BUILD_MAP:
            case Op.BUILD_CONST_KEY_MAP:
            case Op.BUILD_STRING:
            case Op.SET_ADD:
            case Op.MAP_ADD:
            case Op.LIST_EXTEND:
            case Op.SET_UPDATE:
            case Op.DICT_UPDATE:
            case Op.DICT_MERGE:
            case Op.LIST_TO_TUPLE:
            case Op.UNPACK_EX:
            case Op.FORMAT_VALUE:
            case Op.POP_JUMP_IF_NONE:
            case Op.POP_JUMP_IF_NOT_NONE:
            case Op.JUMP_IF_FALSE_OR_POP:
            case Op.JUMP_IF_TRUE_OR_POP:
            case Op.GET_ITER:
            case Op.MAKE_FUNCTION:
            case Op.GET_YIELD_FROM_ITER:
            case Op.GET_AWAITABLE:
            case Op.RAISE_VARARGS:
            case Op.RERAISE:
            case Op.PUSH_EXC_INFO:
            case Op.POP_EXCEPT:
            case Op.CHECK_EXC_MATCH:
            case Op.CHECK_EG_MATCH:
            case Op.PREP_RERAISE_STAR:
            case Op.GET_AITER:
            case Op.GET_ANEXT:
            case Op.END_ASYNC_FOR:
            case Op.ASYNC_GEN_WRAP:
            case Op.BEFORE_ASYNC_WITH:
            case Op.IMPORT_NAME:
            case Op.IMPORT_FROM:
            case Op.IMPORT_STAR:
              f.pc = pc;
              f.sp = sp;
              this.coldOp(t, f, op, arg, opPc, nested);
              pc = f.pc;
              sp = f.sp;
              break;
            default:
              throw new Error(`htmsim VM: unknown opcode ${op} at ${f.code.filename}:${f.code.lines[opPc]}`);
          }
          }
        }
      } catch (caught) {
        if (!nested) t.midCall = false;
        let err0: unknown = caught;
        // A block in a nested host loop cannot wait there (the host code around it cannot resume):
        // a guest RuntimeError instead of re-running the outer instruction (continuations.ts).
        if (err0 === BLOCK_SIGNAL && loopNested) err0 = this.nestedBlockError(t, base, runBy);
        if (err0 === SUSPEND_SIGNAL || err0 === BLOCK_SIGNAL) {
          if (loopNested) {
            this.delegateAbandon(t, base);
            throw err0;
          }
          // Drop frames a nested run left behind and re-execute the current instruction later.
          while (t.frames.length > 0 && t.frames[t.frames.length - 1] !== f) t.frames.pop();
          f.pc = opPc;
          f.sp = opSp;
          t.tickCount = tick;
          return err0 === SUSPEND_SIGNAL ? L_SUSPEND : L_BLOCK;
        }
        if (err0 === ABORT_SIGNAL) {
          if (loopNested) {
            this.delegateAbandon(t, base);
            throw err0;
          }
          t.tickCount = tick;
          // The transaction's rollback (abort handler or policy) already restored the frames.
          if (t.tx !== null) this.txRollback(t, 0);
          return L_ABORT;
        }
        let e = this.toGuest(err0);
        if (e === null) {
          if (loopNested) this.delegateAbandon(t, base);
          throw err0;
        }
        // Error path: traceback entry for this frame (not for a re-raise), implicit context.
        if (!t.reraise) {
          this.addTb(e, f, opPc);
          if (e.context === null && t.excInfo !== null && t.excInfo !== e) e.context = t.excInfo;
        }
        t.reraise = false;
        let errPc = opPc;
        for (;;) {
          const h = this.findHandler(f.code, errPc);
          if (h !== null) {
            sp = h.depth;
            if (h.lasti) f.stack[sp++] = errPc;
            f.stack[sp++] = e;
            pc = h.target;
            break;
          }
          // Unwind this frame.
          const uf = f;
          const ug = f.gen;
          if (ug !== null) ug.done = true;
          this.heap.freeFrame(t.id, core, f.addr, f.size);
          t.frames.pop();
          if (life !== null && life.zlen > 0) life.dirty = true;
          const fromCont = uf.cont !== 0 && (ug === null || ug.delegated);
          if (fromCont) {
            t.tickCount = tick;
            tick = uf.outerTick;
          }
          if (t.frames.length === base) {
            t.tickCount = tick;
            if (base === 0 && !loopNested) {
              this.threadDied(t, e);
              return L_DONE;
            }
            throw e;
          }
          f = t.frames[t.frames.length - 1]!;
          if (fromCont) {
            // A frame run in-loop raised: its instruction sees it (a __next__'s StopIteration ends the loop).
            const ce = this.contError(t, uf, f, e);
            if (ce === null) {
              pc = f.pc;
              sp = f.sp;
              break;
            }
            e = ce;
          } else this.activate(t, f);
          errPc = f.lasti;
          this.addTb(e, f, errPc);
        }
      }
    }
  }
}
