/**
 * Guest exceptions in the VM: tracebacks (CPython's format, carets, the recursion cutoff),
 * `except` matching, `raise` operands, host errors turned into guest exceptions, and the code
 * object's exception table.
 */
import type { CodeObject, ExceptionTableEntry } from '../chunk.js';
import { RuntimeOpError } from '../runtime/errors.js';
import { Frame } from '../thread.js';
import { PyExc, PyTraceback, PyTuple, PyType, type PyVal } from '../values.js';
import { sourceWithCarets } from '../traceback.js';
import { VmTransactions } from './transactions.js';

/** V8's messages for a string, array, typed array or BigInt larger than it can hold. */
const HOST_SIZE_LIMIT = /^(Invalid string length|Invalid typed array length|Invalid array length|Array buffer allocation failed|Maximum BigInt size exceeded)/;

export abstract class VmExceptions extends VmTransactions {
  abstract callType(tp: PyType, args: PyVal[], kw: Map<string, PyVal> | null): PyVal;



  /**
   * The whole chain, oldest first, as CPython's print_exception_recursive prints it: a `__cause__`
   * (or, unless suppressed, a `__context__`) is printed before the exception it leads to, and an
   * exception already printed ends the chain (a cycle). Iterative, so no chain length reaches the
   * host stack.
   */
  formatException(e: PyExc): string {
    const chain: PyExc[] = [e];
    const byCause: boolean[] = [];
    const seen = new Set<PyExc>(chain);
    for (let cur = e; ;) {
      const next = cur.cause !== null ? cur.cause : !cur.suppressContext ? cur.context : null;
      if (!(next instanceof PyExc) || seen.has(next)) break;
      byCause.push(cur.cause !== null);
      seen.add(next);
      chain.push(next);
      cur = next;
    }
    let out = '';
    for (let i = chain.length - 1; i >= 0; i--) {
      out += this.formatOne(chain[i]!);
      if (i > 0) {
        out += byCause[i - 1]!
          ? '\nThe above exception was the direct cause of the following exception:\n\n'
          : '\nDuring handling of the above exception, another exception occurred:\n\n';
      }
    }
    return out;
  }

  private formatOne(e: PyExc): string {
    let out = '';
    if (e.tb.length > 0) {
      out += 'Traceback (most recent call last):\n';
      // CPython collapses runs of an identical entry after 3 (TB_RECURSIVE_CUTOFF).
      let last = '';
      let cnt = 0;
      const flush = (): void => {
        if (cnt > 3) out += `  [Previous line repeated ${cnt - 3} more time${cnt - 3 > 1 ? 's' : ''}]\n`;
      };
      for (let i = e.tb.length - 1; i >= 0; i--) {
        const en = e.tb[i]!;
        const key = `${en.filename}\0${en.line}\0${en.name}`;
        if (key !== last) {
          flush();
          last = key;
          cnt = 0;
        }
        cnt++;
        if (cnt > 3) continue;
        out += `  File "${en.filename}", line ${en.line}, in ${en.name}\n`;
        const src = this.sources.get(en.filename)?.[en.line - 1];
        if (src !== undefined) out += sourceWithCarets(src.replace(/\r$/, ''), en);
      }
      flush();
    }
    out += this.excLine(e) + '\n';
    return out;
  }
  excLine(e: PyExc): string {
    const tp = e.cls;
    const name = tp.module === 'builtins' || tp.module === '__main__' ? tp.qualname : `${tp.module}.${tp.qualname}`;
    let msg: string;
    try {
      msg = this.str(e);
    } catch {
      msg = '<exception str() failed>';
    }
    return msg === '' ? name : `${name}: ${msg}`;
  }

  protected addTb(e: PyExc, f: Frame, pc: number): void {
    const c = f.code;
    e.tb.push({
      filename: c.filename, line: c.lines[pc] ?? c.firstLine, name: c.name,
      col: c.columns[pc] ?? 0, endLine: c.endLines?.[pc] ?? 0, endCol: c.endColumns?.[pc] ?? 0, code: c,
    });
  }

  /** The weakref callbacks queued by frees (write-path.ts); CPython prints an error in one and goes on. */
  protected runWeakCallbacks(): void {
    const queue = this.pendingWeak;
    this.pendingWeak = [];
    for (const [cb, ref] of queue) {
      try {
        this.callValue(cb, [ref], null);
      } catch (e) {
        if (!(e instanceof PyExc)) throw e;
        this.errOut(`Exception ignored in: ${this.repr(cb)}\n${this.formatException(e)}`);
      }
    }
  }

  /** `e.__traceback__`: the traceback objects of e's entries, outermost first (None without any). */
  tracebackOf(e: PyExc): PyVal {
    const n = e.tb.length;
    if (n === 0) return this.None;
    const objs = e.tbObjs ?? (e.tbObjs = []);
    for (let i = 0; i < n; i++) {
      const o = objs[i];
      if (o === undefined || o.entry !== e.tb[i]) {
        objs[i] = new PyTraceback(this.T.traceback, e.tb[i]!, i === 0 ? null : objs[i - 1]!);
        if (this.cur !== undefined) objs[i]!.addr = this.tmp(this.cur, 64);
      }
    }
    objs.length = n;
    return objs[n - 1]!;
  }
  /** `e.with_traceback(tb)` and `e.__traceback__ = tb`: the entries of tb's chain replace e's. */
  setTraceback(e: PyExc, tb: PyVal): void {
    if (tb === this.None) {
      e.tb = [];
      e.tbObjs = null;
      return;
    }
    if (!(tb instanceof PyTraceback)) throw this.typeErr('__traceback__ must be a traceback or None');
    const chain: PyTraceback[] = [];
    for (let t: PyTraceback | null = tb; t !== null; t = t.next) chain.push(t);
    chain.reverse();
    e.tb = chain.map((t) => t.entry);
    e.tbObjs = chain;
  }

  /** The exception matching rule of `except E:` (E a class or a tuple of classes). */
  excMatch(e: PyVal, spec: PyVal): boolean {
    if (spec instanceof PyTuple) return spec.items.some((s) => this.excMatch(e, s));
    if (!(spec instanceof PyType) || !this.isSubtype(spec, this.exc.get('BaseException')!)) {
      throw this.typeErr('catching classes that do not inherit from BaseException is not allowed');
    }
    return this.isInstance(e, spec);
  }

  /** Makes an exception instance from `raise X` / `raise X(...)`. */
  makeExc(v: PyVal): PyExc {
    if (v instanceof PyType && this.isSubtype(v, this.exc.get('BaseException')!)) {
      const e = this.callType(v, [], null);
      if (e instanceof PyExc) return e;
    }
    if (v instanceof PyExc) return v;
    throw this.typeErr('exceptions must derive from BaseException');
  }

  /** Converts host errors thrown by runtime helpers into guest exceptions. */
  toGuest(e: unknown): PyExc | null {
    if (e instanceof PyExc) return e;
    if (e instanceof RuntimeOpError) {
      const pt = e.pyType;
      return this.err(this.exc.has(pt) ? pt : 'ValueError', pt === 'MemoryError' && e.message === '' ? null : e.message);
    }
    if (e instanceof RangeError) {
      if (/call stack/.test(e.message)) return this.err('RecursionError', 'maximum recursion depth exceeded');
      // The last-resort net under maxObjectBytes: a guest size past one of V8's own limits.
      if (HOST_SIZE_LIMIT.test(e.message)) return this.err('MemoryError', null);
    }
    return null;
  }

  protected findHandler(code: CodeObject, pc: number): ExceptionTableEntry | null {
    const tab = code.exceptionTable;
    for (let i = 0; i < tab.length; i++) {
      const en = tab[i]!;
      if (pc >= en.start && pc < en.end) return en;
    }
    return null;
  }
}
