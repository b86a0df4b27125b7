/**
 * Guest exceptions in the VM: tracebacks (CPython's format, carets, the recursion cutoff),
 * `except` matching, `raise` operands, host errors turned into guest exceptions, and the code
 * object's exception table.
 */
import type { CodeObject, ExceptionTableEntry } from '../chunk.js';
import { RuntimeOpError } from '../runtime/errors.js';
import { Frame } from '../thread.js';
import { PyExc, PyList, PyTraceback, PyTuple, PyType, type PyVal } from '../values.js';
import { sourceWithCarets } from '../traceback.js';
import { VmTransactions } from './transactions.js';

/** CPython's limits on how much of an exception group the printer shows. */
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

interface GroupPrintContext {
  /** Nesting of exception groups (CPython's exception_group_depth). */
  depth: number;
  needClose: boolean;
  /** Exceptions printed so far: a chain ends at one of them. */
  seen: Set<PyExc>;
  out: string[];
}

/** Every line of `text` behind the group margin of the current depth (CPython's _ctx.emit). */
function emitIndented(ctx: GroupPrintContext, text: string, margin = '|'): void {
  if (ctx.depth === 0) {
    ctx.out.push(text);
    return;
  }
  const ind = `${' '.repeat(2 * ctx.depth)}${margin} `;
  for (const line of text.split(/(?<=\n)/)) if (line !== '') ctx.out.push(ind + line);
}

/** V8's messages for a string, array, typed array or BigInt larger than it can hold. */
const HOST_SIZE_LIMIT = /^(Invalid string length|Invalid typed array length|Invalid array length|Array buffer allocation failed|Maximum BigInt size exceeded)/;

export abstract class VmExceptions extends VmTransactions {
  abstract callType(tp: PyType, args: PyVal[], kw: Map<string, PyVal> | null): PyVal;



  /**
   * The whole chain, oldest first, as CPython's print_exception_recursive prints it: a `__cause__`
   * (or, unless suppressed, a `__context__`) is printed before the exception it leads to, and an
   * exception already printed ends the chain (a cycle). An exception group's members follow it in
   * CPython 3.11's boxes (margins, numbered separators, at most 15 members and 10 levels shown).
   * The chain is walked iteratively, so no chain length reaches the host stack; group nesting is
   * bounded by the depth limit.
   */
  formatException(e: PyExc): string {
    const ctx: GroupPrintContext = { depth: 0, needClose: false, seen: new Set(), out: [] };
    this.formatChain(e, ctx);
    return ctx.out.join('');
  }

  private formatChain(e: PyExc, ctx: GroupPrintContext): void {
    const chain: PyExc[] = [e];
    const byCause: boolean[] = [];
    ctx.seen.add(e);
    for (let cur = e; ;) {
      const next = cur.cause !== null ? cur.cause : !cur.suppressContext ? cur.context : null;
      if (!(next instanceof PyExc) || ctx.seen.has(next)) break;
      byCause.push(cur.cause !== null);
      ctx.seen.add(next);
      chain.push(next);
      cur = next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      this.formatOne(chain[i]!, ctx);
      if (i > 0) {
        emitIndented(ctx, byCause[i - 1]!
          ? '\nThe above exception was the direct cause of the following exception:\n\n'
          : '\nDuring handling of the above exception, another exception occurred:\n\n');
      }
    }
  }

  private formatOne(e: PyExc, ctx: GroupPrintContext): void {
    if (e.members === null) {
      if (e.tb.length > 0) emitIndented(ctx, 'Traceback (most recent call last):\n' + this.formatTb(e));
      emitIndented(ctx, this.excOnly(e));
      return;
    }
    if (ctx.depth > MAX_GROUP_DEPTH) {
      emitIndented(ctx, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
      return;
    }
    const top = ctx.depth === 0;
    if (top) ctx.depth++;
    if (e.tb.length > 0) {
      emitIndented(ctx, 'Exception Group Traceback (most recent call last):\n', top ? '+' : '|');
      emitIndented(ctx, this.formatTb(e));
    }
    emitIndented(ctx, this.excOnly(e));
    const members = e.members;
    const n = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
    ctx.needClose = false;
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      if (last) ctx.needClose = true;
      const truncated = i >= MAX_GROUP_WIDTH;
      ctx.out.push(`${' '.repeat(2 * ctx.depth)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`);
      ctx.depth++;
      if (!truncated) this.formatChain(members[i]!, ctx);
      else {
        const more = members.length - MAX_GROUP_WIDTH;
        emitIndented(ctx, `and ${more} more exception${more > 1 ? 's' : ''}\n`);
      }
      if (last && ctx.needClose) {
        ctx.out.push(`${' '.repeat(2 * ctx.depth)}+------------------------------------\n`);
        ctx.needClose = false;
      }
      ctx.depth--;
    }
    if (top) ctx.depth = 0;
  }

  /** The traceback's entries, innermost last, without the header line. */
  private formatTb(e: PyExc): string {
    let out = '';
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
    return out;
  }

  /** The `Type: message` line and the exception's notes (`add_note`), one line per note line. */
  private excOnly(e: PyExc): string {
    let out = this.isSubtype(e.cls, this.exc.get('SyntaxError')!) ? this.syntaxErrorOnly(e) : this.excLine(e) + '\n';
    const notes = e.attrs.get('__notes__');
    if (notes === undefined) return out;
    if (notes instanceof PyList || notes instanceof PyTuple) {
      for (const n of notes.items) {
        let text: string;
        try {
          text = typeof n === 'string' ? n : this.str(n);
        } catch {
          text = '<note str() failed>';
        }
        out += text.split('\n').map((l) => l + '\n').join('');
      }
    } else {
      try {
        out += this.repr(notes) + '\n';
      } catch {
        out += '<__notes__ repr() failed>\n';
      }
    }
    return out;
  }

  /** A SyntaxError's location, source line and caret, then `Type: msg` (traceback.py's layout). */
  private syntaxErrorOnly(e: PyExc): string {
    const a = (k: string): PyVal | undefined => {
      const v = e.attrs.get(k);
      return v === undefined || v === this.None ? undefined : v;
    };
    const lineno = a('lineno');
    const filename = a('filename');
    let out = '';
    let suffix = '';
    if (lineno !== undefined) out += `  File "${typeof filename === 'string' && filename !== '' ? filename : '<string>'}", line ${this.str(lineno)}\n`;
    else if (filename !== undefined) suffix = ` (${this.str(filename)})`;
    const text = a('text');
    if (typeof text === 'string') {
      const rtext = text.replace(/\n+$/, '');
      const ltext = rtext.replace(/^[ \n\f]+/, '');
      const spaces = rtext.length - ltext.length;
      out += `    ${ltext}\n`;
      const off = a('offset');
      if (typeof off === 'number') {
        const eo = a('end_offset');
        let end = typeof eo === 'number' && eo !== 0 ? eo : off;
        if (off === end || end === -1) end = off + 1;
        const col = off - 1 - spaces;
        const endCol = end - 1 - spaces;
        if (col >= 0) out += `    ${ltext.slice(0, col).replace(/\S/g, ' ')}${'^'.repeat(Math.max(0, endCol - col))}\n`;
      }
    }
    const tp = e.cls;
    const name = tp.module === 'builtins' || tp.module === '__main__' ? tp.qualname : `${tp.module}.${tp.qualname}`;
    const msg = a('msg') ?? e.args[0];
    const m = msg === undefined || msg === this.None || msg === '' ? '<no detail available>' : this.str(msg);
    return out + `${name}: ${m}${suffix}\n`;
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
