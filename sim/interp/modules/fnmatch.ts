/**
 * `fnmatch` in guest Python: `fnmatch`, `fnmatchcase`, `filter`, `translate`, on POSIX (`normcase`
 * is `os.path.normcase`, which changes nothing, so matching is case-sensitive). `translate` gives
 * CPython 3.11's regex text character for character — `(?s:...)\Z`, `*` runs collapsed, every `*`
 * but the last followed by its fixed text as an atomic group `(?>.*?text)`, bracket ranges with
 * empty ranges dropped and `-`, `\`, `&`, `~`, `|` escaped — and matching compiles that text with
 * `re` (bytes patterns through latin-1, as CPython), cached per pattern and type.
 */
import { pythonModule } from './kit.js';

export const fnmatch = pythonModule('fnmatch', String.raw`
import os as _os
import re as _re
from functools import lru_cache as _lru_cache

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    return fnmatchcase(_os.path.normcase(name), _os.path.normcase(pat))


@_lru_cache(maxsize=32768, typed=True)
def _matcher(pat):
    if isinstance(pat, bytes):
        return _re.compile(translate(str(pat, 'ISO-8859-1')).encode('ISO-8859-1')).match
    return _re.compile(translate(pat)).match


def fnmatchcase(name, pat):
    return _matcher(pat)(name) is not None


def filter(names, pat):
    match = _matcher(_os.path.normcase(pat))
    # normcase is the identity on POSIX, so the names are matched as they are.
    return [name for name in names if match(name)]


_STAR = object()


def _escape_set(text):
    return text.replace('&', '\\&').replace('~', '\\~').replace('|', '\\|')


def _set_body(pat, lo, hi):
    # The text between '[' (at lo - 1) and its ']' (at hi) as the body of a regex set.
    body = pat[lo:hi]
    if '-' not in body:
        return _escape_set(body.replace('\\', '\\\\'))
    # Cut at the hyphens that make ranges: not the first member (after a '!'), and not the
    # character right after a range's end, which is a range start or a literal.
    parts = []
    cut = lo
    k = lo + 1 + (pat[lo] == '!')
    while True:
        k = pat.find('-', k, hi)
        if k < 0:
            break
        parts.append(pat[cut:k])
        cut = k + 1
        k += 3
    if cut < hi:
        parts.append(pat[cut:hi])
    else:
        parts[-1] = parts[-1] + '-'
    # A range whose ends are reversed is empty: drop it, joining its neighbours.
    k = len(parts) - 1
    while k > 0:
        left, right = parts[k - 1], parts[k]
        if left[-1] > right[0]:
            parts[k - 1] = left[:-1] + right[1:]
            del parts[k]
        k -= 1
    return _escape_set('-'.join(p.replace('\\', '\\\\').replace('-', '\\-') for p in parts))


def _bracket(pat, i):
    # pat[i - 1] is '['. Returns the regex for the set and the index after it, or None when the
    # set is not closed (then the '[' is a literal).
    j = i
    if pat[j:j + 1] == '!':
        j += 1
    if pat[j:j + 1] == ']':
        j += 1
    close = pat.find(']', j)
    if close < 0:
        return None
    body = _set_body(pat, i, close)
    if not body:
        rx = '(?!)'
    elif body == '!':
        rx = '.'
    elif body[0] == '!':
        rx = '[^' + body[1:] + ']'
    elif body[0] in '^[':
        rx = '[\\' + body + ']'
    else:
        rx = '[' + body + ']'
    return rx, close + 1


def translate(pat):
    items = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not items or items[-1] is not _STAR:
                items.append(_STAR)
        elif c == '?':
            items.append('.')
        elif c == '[':
            got = _bracket(pat, i)
            if got is None:
                items.append('\\[')
            else:
                items.append(got[0])
                i = got[1]
        else:
            items.append(_re.escape(c))
    # Group the literal pieces between stars: text before the first star stays as it is, the text
    # after the last star follows a greedy '.*', and text between stars is matched lazily in an
    # atomic group, so a failed match never retries earlier stars.
    runs = [[]]
    for it in items:
        if it is _STAR:
            runs.append([])
        else:
            runs[-1].append(it)
    out = ''.join(runs[0])
    last = len(runs) - 1
    for r in range(1, last + 1):
        fixed = ''.join(runs[r])
        if r == last:
            out += '.*' + fixed
        else:
            out += '(?>.*?' + fixed + ')'
    return '(?s:' + out + ')\\Z'
`);
