/**
 * `warnings` in guest Python: `warn` (category, `stacklevel`), `warn_explicit`, the filter list
 * (`filterwarnings`, `simplefilter`, `resetwarnings`; actions error/ignore/always/default/module/
 * once, CPython's default filters), `showwarning`/`formatwarning` (CPython's
 * `file:line: Category: message` and the source line, to `sys.stderr`), `catch_warnings` (with
 * `record=True` and 3.11's `action=`), `WarningMessage`. The warning's location is the guest
 * frame `stacklevel` up from `warn`, read by one host function (`_frame`). A change to the filters
 * forgets which warnings were already shown, as CPython's filter version does. The warning
 * categories are the builtins' (objects/exceptions.ts: CPython's twelve, with its hierarchy).
 */
import type { PyDict } from '../dict.js';
import type { PyModule } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule, toInt } from './kit.js';

const SELF = '<warnings>';

function setup(vm: Vm, m: PyModule): void {
  // (filename, lineno, module name, source line or None) of the frame `stacklevel` up from the
  // caller of warn, this module's frames skipped; CPython's ('sys', 1, 'sys') past the top.
  defineFn(vm, m, '_frame', (a) => {
    const level = Number(toInt(vm, a[0]!));
    const frames = vm.cur.frames.filter((f) => f.code.filename !== SELF);
    const f = frames[frames.length - Math.max(level, 1)];
    if (f === undefined) return vm.newTuple(['sys', 1, 'sys', vm.None]);
    const line = f.code.lines[f.lasti] ?? f.code.firstLine;
    const name = (f.globals as PyDict).getStr('__name__') ?? '<string>';
    const src = vm.sources.get(f.code.filename)?.[line - 1];
    return vm.newTuple([f.code.filename, line, name, src === undefined ? vm.None : src]);
  });
  defineFn(vm, m, '_source_line', (a) => {
    const src = typeof a[0] === 'string' ? vm.sources.get(a[0])?.[Number(toInt(vm, a[1]!)) - 1] : undefined;
    return src === undefined ? vm.None : src;
  });
}

export const warnings = hybridModule('warnings', setup, String.raw`
import sys as _sys
import re as _re

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings',
           'simplefilter', 'resetwarnings', 'catch_warnings']

_ACTIONS = ('error', 'ignore', 'always', 'default', 'module', 'once')

filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
_state = {'version': 0}
_registries = {}
_onceregistry = {}


def _changed():
    _state['version'] += 1
    _registries.clear()
    _onceregistry.clear()


def formatwarning(message, category, filename, lineno, line=None):
    s = '%s:%s: %s: %s\n' % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        s += '  %s\n' % line.strip()
    return s


def _showwarning_default(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = _sys.stderr
        if file is None:
            return
    try:
        file.write(formatwarning(message, category, filename, lineno, line))
    except OSError:
        pass


showwarning = _showwarning_default


class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}'
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _add_filter(item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _changed()


def _check(ok, msg):
    # CPython checks these arguments with assert statements.
    if not ok:
        raise AssertionError(msg)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    _check(action in _ACTIONS, 'invalid action: %r' % (action,))
    _check(isinstance(message, str), 'message must be a string')
    _check(isinstance(category, type), 'category must be a class')
    _check(issubclass(category, Warning), 'category must be a Warning subclass')
    _check(isinstance(module, str), 'module must be a string')
    _check(isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0')
    _add_filter((action, _re.compile(message, _re.I) if message else None, category,
                 _re.compile(module) if module else None, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _check(action in _ACTIONS, 'invalid action: %r' % (action,))
    _check(isinstance(lineno, int) and lineno >= 0, 'lineno must be an int >= 0')
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    filters[:] = []
    _changed()


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text) is not None


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    filename, lineno, module, line = _frame(stacklevel)
    _warn(message, category, filename, lineno, module, line, source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    if module is None:
        module = filename or '<unknown>'
        if module[-3:].lower() == '.py':
            module = module[:-3]
    _warn(message, category, filename, lineno, module, None, source)


def _warn(message, category, filename, lineno, module, line, source):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    registry = _registries.setdefault(filename, {})
    if registry.get(key):
        return
    for action, msg, cat, mod, ln in filters:
        if (_matches(msg, text) and issubclass(category, cat) and _matches(mod, module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        registry[key] = 1
        okey = (text, category)
        if _onceregistry.get(okey):
            return
        _onceregistry[okey] = 1
    elif action == 'module':
        registry[key] = 1
        mkey = (text, category, 0)
        if registry.get(mkey):
            return
        registry[mkey] = 1
    elif action == 'default':
        registry[key] = 1
    show = showwarning
    if show is _showwarning_default:
        _showwarning_default(message, category, filename, lineno, None, line)
    else:
        show(message, category, filename, lineno)


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._module = _sys.modules.get('warnings') if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        return '%s(%s)' % (type(self).__name__, ', '.join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError('Cannot enter %r twice' % self)
        self._entered = True
        global showwarning
        self._filters = filters[:]
        self._showwarning = showwarning
        _changed()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError('Cannot exit %r without entering first' % self)
        global showwarning
        filters[:] = self._filters
        showwarning = self._showwarning
        _changed()
`);
