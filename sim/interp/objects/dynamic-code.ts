/**
 * `compile`, `eval` and `exec`: source compiled by the guest's own front end at run time and run
 * in a nested frame on the given (or the caller's) globals and locals. Compiling is host work with
 * no simulated traffic, as an import's compilation; the code then runs as bytecodes like any
 * guest code. A syntax error becomes a guest SyntaxError carrying CPython's attributes (msg,
 * filename, lineno, offset, text, end_lineno, end_offset), which the traceback printer shows
 * with its source line and caret.
 */
import { compileSource } from '../compile.js';
import type { CodeObject } from '../chunk.js';
import { PyDict } from '../dict.js';
import { GuestSyntaxError } from '../front/syntax-error.js';
import { CodeHolder, PyBytes, PyExc, PyTuple, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';

type Mode = 'exec' | 'eval' | 'single';

/** A guest SyntaxError with the attributes CPython gives one raised by compile(). */
export function syntaxErrorOf(vm: Vm, e: GuestSyntaxError): PyExc {
  const x = vm.err(vm.exc.has(e.kind) ? e.kind : 'SyntaxError', e.msg);
  const text = e.sourceLine === '' ? vm.None : e.sourceLine + '\n';
  const endOffset = e.endLine === e.line && e.endColumn > e.column ? e.endColumn : e.column;
  x.args = [e.msg, vm.newTuple([e.filename, e.line, e.column, text, e.endLine, endOffset])];
  const attrs: [string, PyVal][] = [['msg', e.msg], ['filename', e.filename], ['lineno', e.line], ['offset', e.column],
    ['text', text], ['end_lineno', e.endLine], ['end_offset', endOffset], ['print_file_and_line', vm.None]];
  for (const [k, v] of attrs) x.attrs.set(k, v);
  return x;
}

export function installDynamicCode(vm: Vm, def: (name: string, fn: (a: PyVal[], kw: Map<string, PyVal> | null) => PyVal) => unknown): void {
  const None = vm.None;
  // SyntaxError.__str__: `msg (file, line n)` with the file's base name, as CPython.
  vm.method(vm.exc.get('SyntaxError')!, '__str__', (a) => {
    const e = a[0] as PyExc;
    const msg = e.attrs.get('msg') ?? e.args[0] ?? None;
    const fn = e.attrs.get('filename');
    const ln = e.attrs.get('lineno');
    const base = typeof fn === 'string' ? fn.slice(fn.lastIndexOf('/') + 1) : null;
    const m = msg === None ? 'None' : vm.str(msg);
    const hasLine = typeof ln === 'number';
    if (base !== null && hasLine) return `${m} (${base}, line ${ln})`;
    if (base !== null) return `${m} (${base})`;
    if (hasLine) return `${m} (line ${ln})`;
    return e.args.length === 0 ? '' : m;
  });
  const sourceText = (fn: string, v: PyVal): string => {
    if (typeof v === 'string') return v;
    if (v instanceof PyBytes) return new TextDecoder().decode(v.data);
    throw vm.typeErr(fn === 'compile' ? 'compile() arg 1 must be a string, bytes or AST object'
      : `${fn}() arg 1 must be a string, bytes or code object`);
  };
  const compileTo = (src: string, filename: string, mode: Mode): CodeObject => {
    try {
      return compileSource(src, filename, mode);
    } catch (e) {
      if (!(e instanceof GuestSyntaxError)) throw e;
      const x = syntaxErrorOf(vm, e);
      // eval's tokenizer adds no newline to a last line that has none (exec's does).
      const lines = src.replace(/^[ \t]+/, '').split('\n');
      if (mode === 'eval' && e.line === lines.length && e.sourceLine !== '') {
        x.attrs.set('text', e.sourceLine);
        x.args = [e.msg, vm.newTuple([...(x.args[1] as PyTuple).items.slice(0, 3), e.sourceLine, ...(x.args[1] as PyTuple).items.slice(4)])];
      }
      throw x;
    }
  };
  const kwOr = (a: PyVal[], kw: Map<string, PyVal> | null, i: number, name: string): PyVal | undefined => a[i] ?? kw?.get(name);

  def('compile', (a, kw) => {
    const src = kwOr(a, kw, 0, 'source');
    const filename = kwOr(a, kw, 1, 'filename');
    const mode = kwOr(a, kw, 2, 'mode');
    if (src === undefined || filename === undefined || mode === undefined) {
      throw vm.typeErr(`compile() missing required argument '${src === undefined ? 'source' : filename === undefined ? 'filename' : 'mode'}' (pos ${src === undefined ? 1 : filename === undefined ? 2 : 3})`);
    }
    if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') throw vm.err('ValueError', "compile() mode must be 'exec', 'eval' or 'single'");
    if (typeof filename !== 'string') throw vm.typeErr(`compile() argument 'filename' must be str, not ${vm.typeOf(filename).name}`);
    return new CodeHolder(vm.T.code, compileTo(sourceText('compile', src), filename, mode));
  });

  /** The globals and locals eval/exec run with: the caller's when not given, CPython's rules. */
  const namespaces = (fn: string, g: PyVal | undefined, l: PyVal | undefined): [PyDict, PyDict] => {
    const f = vm.cur.frames[vm.cur.frames.length - 1]!;
    if (g !== undefined && g !== None && !(g instanceof PyDict)) {
      throw vm.typeErr(`${fn}() globals must be a dict, not ${vm.typeOf(g).name}`);
    }
    if (l !== undefined && l !== None && !(l instanceof PyDict)) {
      throw vm.typeErr(`locals must be a mapping`);
    }
    let globals: PyDict;
    let locals: PyDict;
    if (g === undefined || g === None) {
      globals = f.globals as PyDict;
      if (l !== undefined && l !== None) locals = l as PyDict;
      else if (f.locals !== null) locals = f.locals as PyDict;
      else {
        // Inside a function: a snapshot of its fast locals, as locals() gives (writes are not seen).
        locals = vm.placeDict(vm.newDict());
        f.code.varnames.forEach((n, i) => {
          const v = f.fast[i];
          if (v !== undefined && v !== null) locals.set(n, v as PyVal);
        });
      }
    } else {
      globals = g as PyDict;
      locals = l !== undefined && l !== None ? (l as PyDict) : globals;
    }
    // CPython puts the builtins into a globals dict that lacks them.
    if (globals.getStr('__builtins__') === undefined) globals.set('__builtins__', vm.builtins);
    return [globals, locals];
  };

  const run = (fn: 'eval' | 'exec', a: PyVal[], kw: Map<string, PyVal> | null): PyVal => {
    const src = kwOr(a, kw, 0, 'source');
    if (src === undefined) throw vm.typeErr(`${fn} expected at least 1 argument, got 0`);
    const [globals, locals] = namespaces(fn, kwOr(a, kw, 1, 'globals'), kwOr(a, kw, 2, 'locals'));
    const code = src instanceof CodeHolder ? src.code : compileTo(sourceText(fn, src), '<string>', fn === 'eval' ? 'eval' : 'exec');
    const t = vm.cur;
    const f = vm.newFrame(t, code, null, globals, locals);
    const r = vm.runNested(t, f);
    return fn === 'eval' ? r : None;
  };
  def('eval', (a, kw) => run('eval', a, kw));
  def('exec', (a, kw) => run('exec', a, kw));
}

/** `aiter()` and `anext()` (3.10): the async-iteration protocol's builtins. */
export function installAsyncIterBuiltins(vm: Vm, def: (name: string, fn: (a: PyVal[], kw: Map<string, PyVal> | null) => PyVal) => unknown): void {
  // anext(it, default): the awaitable of __anext__ with StopAsyncIteration turned into the
  // default, a guest coroutine compiled on first use (CPython returns an anext_awaitable).
  let withDefault: PyVal | undefined;
  const helper = (): PyVal => {
    if (withDefault !== undefined) return withDefault;
    const code = compileSource('async def anext(awaitable, default):\n    try:\n        return await awaitable\n' +
      '    except StopAsyncIteration:\n        return default\n', '<anext>', 'exec');
    const g = vm.placeDict(vm.newDict());
    g.set('__builtins__', vm.builtins);
    vm.runNested(vm.cur, vm.newFrame(vm.cur, code, null, g, g));
    withDefault = g.getStr('anext')!;
    return withDefault;
  };
  def('aiter', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeErr('aiter() takes no keyword arguments');
    if (a.length !== 1) throw vm.typeErr(`aiter expected 1 argument, got ${a.length}`);
    const tp = vm.typeOf(a[0]!);
    const m = vm.lookup(tp, '__aiter__');
    if (m === undefined) throw vm.typeErr(`'${tp.name}' object is not an async iterable`);
    const it = vm.callValue(m, [a[0]!], null);
    if (vm.lookup(vm.typeOf(it), '__anext__') === undefined) {
      throw vm.typeErr(`aiter() returned not an async iterator of type '${vm.typeOf(it).name}'`);
    }
    return it;
  });
  def('anext', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeErr('anext() takes no keyword arguments');
    if (a.length < 1 || a.length > 2) {
      throw vm.typeErr(a.length < 1 ? `anext expected at least 1 argument, got 0` : `anext expected at most 2 arguments, got ${a.length}`);
    }
    const tp = vm.typeOf(a[0]!);
    const m = vm.lookup(tp, '__anext__');
    if (m === undefined) throw vm.typeErr(`'${tp.name}' object is not an async iterator`);
    const aw = vm.callValue(m, [a[0]!], null);
    return a.length === 1 ? aw : vm.callValue(helper(), [aw, a[1]!], null);
  });
}
