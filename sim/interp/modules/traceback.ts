/**
 * `traceback`: `format_exception`, `format_exception_only`, `print_exception`, `format_exc`,
 * `print_exc`, `format_stack`, `print_stack`, `extract_stack` (with `FrameSummary`), guest Python
 * over four host functions that reach the VM: the exception text is the VM's own formatter (the
 * one that prints uncaught exceptions, so the two agree to the byte: chains, carets, repeated-line
 * cutoff), the handled exception is the running thread's, and the stack is the thread's frames.
 *
 * Traceback objects (`exc.__traceback__`) are read by `walk_tb`, `extract_tb`, `format_tb` and
 * `print_tb`; a frame's text (source line and carets) is the VM formatter's. Not here:
 * `TracebackException`, and `limit=` on exceptions (ignored; honoured on stacks and tracebacks). `format_exception` returns CPython's pieces (the header, one per frame,
 * the chain separators, the exception line) cut from that text.
 */
import { sourceWithCarets } from '../traceback.js';
import { PyExc, PyTraceback, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule } from './kit.js';

const SELF = '<traceback>';

function setup(vm: Vm, m: PyModule): void {
  defineFn(vm, m, '_format', (a) => {
    const e = a[0];
    if (!(e instanceof PyExc)) throw vm.typeErr('exception expected');
    return vm.formatException(e);
  });
  defineFn(vm, m, '_format_only', (a) => {
    const e = a[0];
    if (!(e instanceof PyExc)) throw vm.typeErr('exception expected');
    return vm.excLine(e) + '\n';
  });
  defineFn(vm, m, '_current', () => vm.cur.excInfo ?? vm.None);
  // (filename, lineno, name, stripped source line, the frame's text with carets) of a traceback entry.
  defineFn(vm, m, '_tb_entry', (a) => {
    const tb = a[0];
    if (!(tb instanceof PyTraceback)) throw vm.typeErr(`'${vm.tn(tb!)}' object is not a traceback`);
    const en = tb.entry;
    const src = vm.sources.get(en.filename)?.[en.line - 1]?.replace(/\r$/, '');
    const text = `  File "${en.filename}", line ${en.line}, in ${en.name}\n` + (src === undefined ? '' : sourceWithCarets(src, en));
    return vm.newTuple([en.filename, en.line, en.name, src === undefined ? '' : src.trim(), text]);
  });
  // (filename, lineno, name, source line) for each frame, outermost first, without
  // this module's own frames.
  defineFn(vm, m, '_stack', () => {
    const out: PyVal[] = [];
    for (const f of vm.cur.frames) {
      const c = f.code;
      if (c.filename === SELF) continue;
      const pc = f.lasti;
      const line = c.lines[pc] ?? c.firstLine;
      const src = vm.sources.get(c.filename)?.[line - 1];
      out.push(vm.newTuple([c.filename, line, c.name, src === undefined ? '' : src.trim()]));
    }
    return vm.placeList(vm.newList(out));
  });
}

export const traceback = hybridModule('traceback', setup, String.raw`
import sys as _sys

__all__ = ['extract_stack', 'extract_tb', 'format_exc', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'print_exception', 'print_stack',
           'print_tb', 'print_last', 'FrameSummary', 'StackSummary', 'walk_tb']

_sentinel = object()

_SEPARATORS = (
    '\nThe above exception was the direct cause of the following exception:\n\n',
    '\nDuring handling of the above exception, another exception occurred:\n\n',
)


def _pieces(text):
    # Cut the formatted text where CPython's list items begin.
    out = []
    lines = text.splitlines(True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == '\n' and i + 2 < len(lines) and lines[i + 2] == '\n' and ('\n' + lines[i + 1] + '\n') in _SEPARATORS:
            out.append(line + lines[i + 1] + lines[i + 2])
            i += 3
            continue
        if line.startswith('Traceback ') or line.startswith('  File ') or not line.startswith(' ') or not out:
            out.append(line)
        else:
            out[-1] += line
        i += 1
    return out


def _pick(exc, value):
    if value is not _sentinel:
        return value
    return exc


def _chain_text(exc, chain):
    text = _format(exc)
    if chain:
        return text
    # Only the last exception of the chain: the text after the last separator.
    cut = 0
    for sep in _SEPARATORS:
        k = text.rfind(sep)
        if k >= 0 and k + len(sep) > cut:
            cut = k + len(sep)
    return text[cut:]


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    exc = _pick(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    pieces = _pieces(_chain_text(exc, chain))
    if tb is None:
        # The (type, value, None) form: the last exception without its frames.
        start = len(pieces) - 1
        while start > 0 and (pieces[start - 1].startswith('  File ') or pieces[start - 1].startswith('Traceback ')):
            start -= 1
        del pieces[start:-1]
    return pieces


def format_exception_only(exc, /, value=_sentinel):
    exc = _pick(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return [_format_only(exc)]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = _sys.stderr
    for piece in format_exception(exc, value, tb, limit=limit, chain=chain):
        file.write(piece)


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(_current(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_current(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(_sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(_sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'name', 'line', 'locals', '_text')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self.line = line
        self.locals = locals
        self._text = None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    def format(self):
        out = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != last:
                if count > 3:
                    n = count - 3
                    out.append('  [Previous line repeated {} more time{}]\n'.format(n, 's' if n > 1 else ''))
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            if fs._text is not None:
                out.append(fs._text)
                continue
            row = '  File "{}", line {}, in {}\n'.format(fs.filename, fs.lineno, fs.name)
            if fs.line:
                row += '    {}\n'.format(fs.line.strip())
            out.append(row)
        if count > 3:
            n = count - 3
            out.append('  [Previous line repeated {} more time{}]\n'.format(n, 's' if n > 1 else ''))
        return out


def extract_stack(f=None, limit=None):
    stack = StackSummary()
    for filename, lineno, name, line in _stack():
        stack.append(FrameSummary(filename, lineno, name, line=line))
    if limit is not None:
        if limit >= 0:
            del stack[:len(stack) - limit]
        else:
            del stack[-limit:]
    return stack


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    entries = []
    while tb is not None:
        entries.append(_tb_entry(tb))
        tb = tb.tb_next
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    stack = StackSummary()
    for filename, lineno, name, line, text in entries:
        fs = FrameSummary(filename, lineno, name, line=line)
        fs._text = text
        stack.append(fs)
    return stack


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = _sys.stderr
    for row in format_tb(tb, limit=limit):
        file.write(row)


def format_list(extracted_list):
    if not isinstance(extracted_list, StackSummary):
        s = StackSummary()
        for item in extracted_list:
            if isinstance(item, FrameSummary):
                s.append(item)
            else:
                filename, lineno, name, line = item
                s.append(FrameSummary(filename, lineno, name, line=line))
        extracted_list = s
    return extracted_list.format()


def format_stack(f=None, limit=None):
    return extract_stack(limit=limit).format()


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = _sys.stderr
    for row in format_stack(limit=limit):
        file.write(row)
`);
