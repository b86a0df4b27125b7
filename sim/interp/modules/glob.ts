/**
 * `glob` in guest Python: `glob`, `iglob` (`root_dir`, `recursive` with `**`), `escape`,
 * `has_magic`, and the legacy `glob0`/`glob1`, with CPython 3.11's rules: a wildcard component
 * skips names starting with '.' unless the pattern's component starts with '.', a pattern ending
 * in '/' matches directories only, `**` (recursive=True, a whole component) matches zero or more
 * directories, pre-order. Results come in os.listdir's order, which on `_memfs` is creation
 * order (CPython's is the host file system's `scandir` order, unsorted too). `dir_fd` is accepted
 * and ignored. str patterns only (the guest's os.path joins str).
 */
import { pythonModule } from './kit.js';

export const glob = pythonModule('glob', String.raw`
import os
import fnmatch

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False):
    root = pathname[:0] if root_dir is None else os.fspath(root_dir)
    it = _expand(pathname, root, recursive, False)
    if not pathname or (recursive and pathname[:2] == '**'):
        # A leading '**' first gives '' (zero directories), which names nothing: drop it.
        first = next(it, None)
        if first:
            return _chain(first, it)
    return it


def _chain(first, rest):
    yield first
    yield from rest


def has_magic(s):
    if isinstance(s, bytes):
        return b'*' in s or b'?' in s or b'[' in s
    return '*' in s or '?' in s or '[' in s


def escape(pathname):
    drive, rest = os.path.splitdrive(pathname)
    if isinstance(rest, bytes):
        out = b''.join([b'[' + bytes([c]) + b']' if c in b'*?[' else bytes([c]) for c in rest])
    else:
        out = ''.join(['[' + c + ']' if c in '*?[' else c for c in rest])
    return drive + out


def _join(a, b):
    if not a or not b:
        return a or b
    return os.path.join(a, b)


def _hidden(name):
    return name[:1] in ('.', b'.')


def _expand(pattern, root, recursive, dironly):
    head, tail = os.path.split(pattern)
    if not has_magic(pattern):
        if tail:
            if os.path.lexists(_join(root, pattern)):
                yield pattern
        elif os.path.isdir(_join(root, head)):
            yield pattern
        return
    if not head:
        yield from _match_in(root, tail, recursive, dironly)
        return
    if head != pattern and has_magic(head):
        parents = _expand(head, root, recursive, True)
    else:
        parents = [head]
    for parent in parents:
        for name in _match_in(_join(root, parent), tail, recursive, dironly):
            yield os.path.join(parent, name)


def _match_in(folder, pat, recursive, dironly):
    # The names under folder that one pattern component matches.
    if not has_magic(pat):
        return glob0(folder, pat)
    if recursive and pat == '**':
        return _all_under(folder, dironly)
    return _filter(folder, pat, dironly)


def _all_under(folder, dironly):
    yield ''
    yield from _walk(folder, dironly)


def _walk(folder, dironly):
    for name in _names(folder, dironly):
        if not _hidden(name):
            yield name
            for sub in _walk(_join(folder, name), dironly):
                yield os.path.join(name, sub)


def _names(folder, dironly):
    try:
        names = os.listdir(folder or os.curdir)
    except OSError:
        return []
    if dironly:
        return [n for n in names if os.path.isdir(_join(folder, n))]
    return names


def _filter(folder, pat, dironly):
    names = _names(folder, dironly)
    if not _hidden(pat):
        names = [n for n in names if not _hidden(n)]
    return fnmatch.filter(names, pat)


def glob0(dirname, basename):
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def glob1(dirname, pattern):
    return _filter(dirname, pattern, False)
`);
