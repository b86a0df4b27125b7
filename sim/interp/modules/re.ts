/**
 * `re`: as in CPython, the matching engine is native code under a Python layer. The engine is
 * host code: the pattern is translated to a JavaScript RegExp with Python's semantics
 * (re-translate.ts) and run by two primitives, `_compile` and `_exec` (one match attempt:
 * match, search or fullmatch from `pos` to `endpos`, returning the group spans). Like the str
 * methods, the engine's scan of the subject is not modelled as memory traffic (a guest str has
 * no simulated payload in this VM). Everything else — `Pattern`, `Match`, the iteration of
 * `findall`/`finditer`/`sub`/`split` with CPython's empty-match rules, replacement templates,
 * `re.error` — is guest Python, so its objects, calls and loads are simulated like user code.
 */
import type { PyDict } from '../dict.js';
import { primOf, PyBytes, PyTuple, type PyModule, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { PatternError, translatePattern } from './re-translate.js';
import { defineFn, hybridModule } from './kit.js';

interface Compiled {
  source: string;
  flags: string;
  groups: number;
  jsIndex: number[];
  search: RegExp;
  sticky: RegExp;
  full: RegExp | null;
  nonEmpty: RegExp | null;
}

const MODE_MATCH = 0;
const MODE_SEARCH = 1;
const MODE_FULL = 2;

function latin1(b: PyBytes): string {
  let s = '';
  for (let i = 0; i < b.len; i += 8192) s += String.fromCharCode(...b.data.subarray(i, Math.min(b.len, i + 8192)));
  return s;
}

function setupRe(vm: Vm, m: PyModule): void {
  const table: Compiled[] = [];
  const byKey = new Map<string, number>();
  const errorOf = (): PyVal | undefined => (m.dict as PyDict).get('error');
  defineFn(vm, m, '_compile', (a) => {
    const p = primOf(a[0]!);
    const flags = Number(a[1] as number);
    const isBytes = p instanceof PyBytes;
    if (typeof p !== 'string' && !isBytes) throw vm.typeErr('first argument must be string or compiled pattern');
    const text = isBytes ? latin1(p) : p;
    let t;
    try {
      t = translatePattern(text, flags, isBytes);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      const cls = errorOf();
      if (cls === undefined) throw vm.err('RuntimeError', e.msg);
      throw vm.callValue(cls, [e.msg, p, e.pos === null ? vm.None : e.pos], null);
    }
    const key = `${isBytes ? 'b' : 's'}${t.flags}:${text}`;
    let h = byKey.get(key);
    if (h === undefined) {
      const f = t.ignoreCase ? 'i' : '';
      table.push({
        source: t.source, flags: f, groups: t.groups, jsIndex: t.jsIndex,
        search: new RegExp(t.source, `dgv${f}`), sticky: new RegExp(t.source, `dyv${f}`), full: null, nonEmpty: null,
      });
      h = table.length - 1;
      byKey.set(key, h);
    }
    const names: PyVal[] = [];
    for (const [k, v] of t.names) names.push(vm.newTuple([k, v]));
    return vm.newTuple([h, t.groups, t.flags, vm.newTuple(names)]);
  });
  defineFn(vm, m, '_exec', (a) => {
    const c = table[a[0] as number]!;
    const subj = primOf(a[1]!);
    const text = subj instanceof PyBytes ? latin1(subj) : (subj as string);
    const pos = a[2] as number;
    const endpos = a[3] as number;
    const mode = a[4] as number;
    const mustAdvance = a[5] === true;
    const s = endpos < text.length ? text.slice(0, endpos) : text;
    if (pos > s.length) return vm.None;
    let r: RegExpExecArray | null = null;
    let shift = 0;
    if (mode === MODE_FULL) {
      c.full ??= new RegExp(`(?:${c.source})(?![\\s\\S])`, `dyv${c.flags}`);
      c.full.lastIndex = pos;
      r = c.full.exec(s);
      if (r !== null && mustAdvance && r.indices![0]![1] === pos) r = null;
    } else if (mustAdvance) {
      // CPython: after an empty match, the next match may not be empty at the same position.
      c.nonEmpty ??= new RegExp(`(?=([\\s\\S]*))(?:${shiftRefs(c.source)})(?!\\1(?![\\s\\S]))`, `dyv${c.flags}`);
      c.nonEmpty.lastIndex = pos;
      r = c.nonEmpty.exec(s);
      shift = r === null ? 0 : 1;
      if (r === null && mode === MODE_SEARCH && pos < s.length) {
        c.search.lastIndex = pos + 1;
        r = c.search.exec(s);
      }
    } else {
      const re = mode === MODE_MATCH ? c.sticky : c.search;
      re.lastIndex = pos;
      r = re.exec(s);
    }
    if (r === null) return vm.None;
    const out: number[] = [];
    const ind = r.indices!;
    out.push(ind[0]![0], ind[0]![1]);
    for (let g = 1; g <= c.groups; g++) {
      const span = ind[c.jsIndex[g]! + shift];
      if (span === undefined) out.push(-1, -1);
      else out.push(span[0], span[1]);
    }
    return new PyTuple(vm.T.tuple, out);
  });
}

/** The same JS source with every backreference `(?:\N)` renumbered N+1 (one group prepended). */
function shiftRefs(src: string): string {
  return src.replace(/\(\?:\\(\d+)\)/g, (_m, n: string) => `(?:\\${parseInt(n, 10) + 1})`);
}

export const re = hybridModule('re', setupRe, String.raw`
import sys as _sys

_FLAG_NAMES = [(2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'), (16, 'DOTALL'), (32, 'UNICODE'),
               (64, 'VERBOSE'), (128, 'DEBUG'), (256, 'ASCII'), (1, 'TEMPLATE')]


class RegexFlag(int):
    def __repr__(self):
        return _flags_repr(int(self)) or 're.NOFLAG'

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self))


NOFLAG = RegexFlag(0)
TEMPLATE = T = RegexFlag(1)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
DEBUG = RegexFlag(128)
ASCII = A = RegexFlag(256)
_MAXSIZE = _sys.maxsize


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            text = pattern if isinstance(pattern, str) else pattern.decode('latin-1')
            self.lineno = text.count('\n', 0, pos) + 1
            self.colno = pos - text.rfind('\n', 0, pos)
            if '\n' in text:
                msg = '%s at position %d (line %d, column %d)' % (msg, pos, self.lineno, self.colno)
            else:
                msg = '%s at position %d' % (msg, pos)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error


def _flags_repr(flags):
    names = []
    for bit, name in _FLAG_NAMES:
        if flags & bit:
            names.append('re.' + name)
            flags &= ~bit
    if flags:
        names.append(hex(flags))
    return '|'.join(names)


class Match:
    __slots__ = ('string', 're', 'pos', 'endpos', '_spans')

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError('no such group')

    def _group(self, i):
        s = self._spans[2 * i]
        if s < 0:
            return None
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(self._index(groups[0]))
        return tuple([self._group(self._index(g)) for g in groups])

    def __getitem__(self, g):
        return self._group(self._index(g))

    def groups(self, default=None):
        out = []
        for i in range(1, self.re.groups + 1):
            v = self._group(i)
            out.append(default if v is None else v)
        return tuple(out)

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re.groupindex.items():
            v = self._group(i)
            d[name] = default if v is None else v
        return d

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if self._spans[2 * i] >= 0 and (e > best_end or best is None):
                best = i
                best_end = e
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        for name, j in self.re.groupindex.items():
            if j == i:
                return name
        return None

    def expand(self, template):
        return _expand(self.re, _parse_template(self.re, template), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (self._spans[0], self._spans[1], self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class Pattern:
    __slots__ = ('pattern', 'flags', 'groups', 'groupindex', '_h')

    def __init__(self, pattern, flags):
        h, groups, allflags, names = _compile(pattern, int(flags))
        self.pattern = pattern
        self._h = h
        self.flags = allflags
        self.groups = groups
        self.groupindex = dict(names)

    def _check(self, string):
        if not isinstance(string, (str, bytes, bytearray)):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        if isinstance(self.pattern, str) != isinstance(string, str):
            if isinstance(self.pattern, str):
                raise TypeError('cannot use a string pattern on a bytes-like object')
            raise TypeError('cannot use a bytes pattern on a string-like object')

    def _run(self, string, pos, endpos, mode, advance=False):
        self._check(string)
        n = len(string)
        if pos < 0:
            pos = 0
        elif pos > n:
            pos = n
        if endpos < pos:
            return None
        if endpos > n:
            endpos = n
        spans = _exec(self._h, string, pos, endpos, mode, advance)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # A bad subject fails at the call, as CPython's scanner is made there, not at first next().
        self._check(string)
        return self._finditer(string, pos, endpos)

    def _finditer(self, string, pos, endpos):
        advance = False
        end = min(endpos, len(string))
        while pos <= end:
            m = self._run(string, pos, endpos, 1, advance)
            if m is None:
                return
            yield m
            s, e = m._spans[0], m._spans[1]
            advance = s == e
            pos = e

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        out = []
        g = self.groups
        for m in self.finditer(string, pos, endpos):
            if g == 0:
                out.append(m.group())
            elif g == 1:
                v = m._group(1)
                out.append(string[:0] if v is None else v)
            else:
                out.append(m.groups(string[:0]))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if 0 < maxsplit <= n:
                break
            out.append(string[last:m._spans[0]])
            if self.groups:
                out.extend(m.groups())
            last = m._spans[1]
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            parts = None
        else:
            parts = _parse_template(self, repl)
            if len(parts) == 1 and isinstance(parts[0], (str, bytes)):
                parts = parts[0]
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if 0 < count <= n:
                break
            out.append(string[last:m._spans[0]])
            if parts is None:
                r = repl(m)
                if r:
                    out.append(r)
            elif isinstance(parts, (str, bytes)):
                out.append(parts)
            else:
                out.append(_expand(self, parts, m))
            last = m._spans[1]
            n += 1
        out.append(string[last:])
        return string[:0].join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        p = repr(self.pattern)
        if len(p) > 200:
            p = p[:200]
        flags = int(self.flags)
        if isinstance(self.pattern, str):
            flags &= ~32
        if flags:
            return 're.compile(%s, %s)' % (p, _flags_repr(flags))
        return 're.compile(%s)' % p

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}


def _parse_template(pattern, template):
    is_bytes = isinstance(template, bytes)
    if is_bytes:
        text = template.decode('latin-1')
    elif isinstance(template, str):
        text = template
    else:
        raise TypeError('expected str or bytes-like object, got %r' % type(template).__name__)
    parts = []
    lit = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', template, i)
        d = text[i + 1]
        if d == 'g':
            close = text.find('>', i + 3)
            if i + 2 >= n or text[i + 2] != '<':
                raise error('missing <', template, i + 2)
            if close < 0:
                raise error('missing >, unterminated name', template, i + 3)
            name = text[i + 3:close]
            if not name:
                raise error('missing group name', template, i + 3)
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    raise error('invalid group reference %d' % g, template, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, template, i + 3)
            parts.append(''.join(lit))
            lit = []
            parts.append(g)
            i = close + 1
        elif d == '0':
            j = i + 2
            while j < n and j < i + 4 and text[j] in '01234567':
                j += 1
            lit.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif d.isdigit():
            j = i + 2
            if j < n and text[j].isdigit():
                if j + 1 < n and text[j + 1] in '01234567' and d in '01234567' and text[j] in '01234567':
                    v = int(text[i + 1:j + 2], 8)
                    if v > 0o377:
                        raise error('octal escape value %s outside of range 0-0o377' % text[i:j + 2], template, i)
                    lit.append(chr(v))
                    i = j + 2
                    continue
                j += 1
            g = int(text[i + 1:j])
            if g > pattern.groups:
                raise error('invalid group reference %d' % g, template, i + 1)
            parts.append(''.join(lit))
            lit = []
            parts.append(g)
            i = j
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
            i += 2
        elif d.isascii() and d.isalpha():
            raise error('bad escape \\%s' % d, template, i)
        else:
            lit.append('\\' + d)
            i += 2
    parts.append(''.join(lit))
    if is_bytes:
        parts = [p.encode('latin-1') if isinstance(p, str) else p for p in parts]
    parts = [p for p in parts if not isinstance(p, (str, bytes)) or p]
    if not parts:
        parts = [template[:0]]
    return parts


def _expand(pattern, parts, m):
    out = []
    for p in parts:
        if isinstance(p, int):
            v = m._group(p)
            if v is not None:
                out.append(v)
        else:
            out.append(p)
    return m.string[:0].join(out)


_cache = {}


def _compile_cached(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if not isinstance(pattern, (str, bytes)):
            raise TypeError('first argument must be string or compiled pattern')
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile_cached(pattern, flags)


def match(pattern, string, flags=0):
    return _compile_cached(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return _compile_cached(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return _compile_cached(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile_cached(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile_cached(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile_cached(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile_cached(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile_cached(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _SPECIAL else c for c in pattern])
    return bytes(escape(pattern.decode('latin-1')), 'latin-1')


class Scanner:
    # The lexicon's phrases are tried in order at each position, as the alternation CPython builds
    # from them matches: the first phrase that matches there wins.
    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self._phrases = [(compile(phrase, flags), action) for phrase, action in lexicon]

    def scan(self, string):
        result = []
        i = 0
        n = len(string)
        while True:
            for pat, action in self._phrases:
                m = pat.match(string, i)
                if m is not None:
                    break
            else:
                break
            j = m.end()
            if i == j:
                break
            self.match = m
            if callable(action):
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
`);
