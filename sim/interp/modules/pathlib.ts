/**
 * `pathlib` in guest Python, with CPython 3.11's behaviour: the pure paths (POSIX and Windows
 * parsing, `//` roots, drives, UNC shares and `\\?\` prefixes; Windows compares case-insensitively)
 * and `Path`/`PosixPath` on the run's in-memory file system through `os` (so `_memfs`' rules hold:
 * listings in creation order, `open()` makes missing parent folders). `WindowsPath` cannot be
 * instantiated, as on any POSIX host.
 */
import { pythonModule } from './kit.js';

export const pathlib = pythonModule('pathlib', String.raw`
import os

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]

_LETTERS = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
_WIN_RESERVED = ({'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'}
                 | {'COM' + c for c in '123456789\xb9\xb2\xb3'}
                 | {'LPT' + c for c in '123456789\xb9\xb2\xb3'})


def _split_posix(part):
    # (drive, root, rest): exactly two leading slashes are a root of their own (POSIX leaves '//'
    # to the implementation), more collapse to one.
    if part[:1] != '/':
        return '', '', part
    rest = part.lstrip('/')
    return '', '//' if len(part) - len(rest) == 2 else '/', rest


def _split_win(part):
    # part uses backslashes only. A '\\?\' prefix stays in the drive; '\\?\UNC\' starts a share.
    prefix = ''
    if part[:4] == '\\\\?\\':
        prefix = part[:4]
        part = part[4:]
        if part[:4] == 'UNC\\':
            prefix += part[:3]
            part = '\\' + part[3:]
    if part[:2] == '\\\\' and part[2:3] != '\\':
        # \\server\share: the drive runs to the backslash after the share name.
        i = part.find('\\', 2)
        if i >= 0:
            j = part.find('\\', i + 1)
            if j != i + 1:
                if j < 0:
                    j = len(part)
                return (prefix + part[1:j] if prefix else part[:j]), '\\', part[j + 1:]
    drv = ''
    if part[1:2] == ':' and part[:1] in _LETTERS:
        drv = part[:2]
        part = part[2:]
    if part[:1] == '\\':
        return prefix + drv, '\\', part.lstrip('\\')
    return prefix + drv, '', part


class _PathParents:
    __slots__ = ('_path', '_n')

    def __init__(self, path):
        self._path = path
        self._n = len(path._tail)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._n)))
        if idx >= self._n or idx < -self._n:
            raise IndexError(idx)
        if idx < 0:
            idx += self._n
        p = self._path
        return p._from_parsed(p._drv, p._root, p._tail[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return '<{}.parents>'.format(type(self._path).__name__)


class PurePath:
    __slots__ = ('_drv', '_root', '_tail', '_str', '_hash', '_cparts_cache')
    _win = False
    _sep = '/'

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return cls._from_args(args)

    def __reduce__(self):
        return (self.__class__, self.parts)

    @classmethod
    def _parse_args(cls, args):
        # Each argument anchors the path again if it has a root or a drive; a root alone keeps
        # the latest drive seen before it.
        drv = root = ''
        tail = []
        for a in args:
            if isinstance(a, PurePath) and a._win == cls._win:
                d, r, t = a._drv, a._root, a._tail
            else:
                if isinstance(a, PurePath):
                    texts = list(a.parts)
                else:
                    a = os.fspath(a)
                    if not isinstance(a, str):
                        raise TypeError('argument should be a str object or an os.PathLike object '
                                        'returning str, not %r' % (type(a),))
                    texts = [a]
                for text in texts:
                    d, r, t = cls._parse_one(text)
                    drv, root, tail = cls._anchor(drv, root, tail, d, r, t)
                continue
            drv, root, tail = cls._anchor(drv, root, tail, d, r, t)
        return drv, root, tail

    @staticmethod
    def _anchor(drv, root, tail, d, r, t):
        if r:
            return d or drv, r, list(t)
        if d:
            return d, '', list(t)
        return drv, root, tail + t

    @classmethod
    def _parse_one(cls, text):
        if cls._win:
            d, r, rest = _split_win(text.replace('/', '\\'))
            return d, r, [x for x in rest.split('\\') if x and x != '.']
        d, r, rest = _split_posix(text)
        return d, r, [x for x in rest.split('/') if x and x != '.']

    @classmethod
    def _from_args(cls, args):
        drv, root, tail = cls._parse_args(args)
        return cls._from_parsed_cls(drv, root, tail)

    @classmethod
    def _from_parsed_cls(cls, drv, root, tail):
        self = object.__new__(cls)
        self._drv = drv
        self._root = root
        self._tail = tail
        return self

    def _from_parsed(self, drv, root, tail):
        return type(self)._from_parsed_cls(drv, root, tail)

    def _make_child(self, args):
        d, r, t = self._parse_args(args)
        drv, root, tail = self._drv, self._root, self._tail
        if r:
            if not d and drv:
                return self._from_parsed(drv, r, t)
            return self._from_parsed(d, r, t)
        if d:
            # Joining a drive-relative path: relative to self when the drives are the same.
            if self._fold(d) == self._fold(drv):
                return self._from_parsed(drv, root, tail + t)
            return self._from_parsed(d, r, t)
        return self._from_parsed(drv, root, tail + t)

    def _make_child_relpath(self, name):
        return self._from_parsed(self._drv, self._root, self._tail + [name])

    def _fold(self, s):
        return s.lower() if self._win else s

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            anchor = self._drv + self._root
            s = anchor + self._sep.join(self._tail) if anchor or self._tail else '.'
            self._str = s
            return s

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace('\\', '/') if self._win else str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        path = self.as_posix()
        if self._win:
            drv = self._drv
            if len(drv) == 2 and drv[1] == ':':
                return 'file:///' + drv + quote_from_bytes(path[2:].encode('utf-8'))
            return 'file:' + quote_from_bytes(path.encode('utf-8'))
        return 'file://' + quote_from_bytes(os.fsencode(path))

    @property
    def _cparts(self):
        try:
            return self._cparts_cache
        except AttributeError:
            parts = list(self.parts)
            if self._win:
                parts = [p.lower() for p in parts]
            self._cparts_cache = parts
            return parts

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._win == other._win and self._cparts == other._cparts

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(tuple(self._cparts))
            return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self._win != other._win:
            return NotImplemented
        return self._cparts < other._cparts

    def __le__(self, other):
        if not isinstance(other, PurePath) or self._win != other._win:
            return NotImplemented
        return self._cparts <= other._cparts

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self._win != other._win:
            return NotImplemented
        return self._cparts > other._cparts

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self._win != other._win:
            return NotImplemented
        return self._cparts >= other._cparts

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._drv + self._root

    @property
    def parts(self):
        anchor = self._drv + self._root
        if anchor:
            return (anchor,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def name(self):
        return self._tail[-1] if self._tail else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        return ['.' + s for s in name.lstrip('.').split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._from_parsed(self._drv, self._root, self._tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        d, r, t = self._parse_one(name)
        if not name or name[-1] == self._sep or (self._win and name[-1] == '/') or d or r or len(t) != 1:
            raise ValueError('Invalid name %r' % (name,))
        return self._from_parsed(self._drv, self._root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if self._sep in suffix or (self._win and '/' in suffix):
            raise ValueError('Invalid suffix %r' % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old = self.suffix
        name = name + suffix if not old else name[:-len(old)] + suffix
        return self._from_parsed(self._drv, self._root, self._tail[:-1] + [name])

    def _abs_parts(self):
        # The anchor as two items (drive, root), so 'c:' matches the drive of 'c:/a'.
        if self._root:
            return [self._drv, self._root] + self._tail
        return list(self.parts)

    def relative_to(self, *other):
        if not other:
            raise TypeError('need at least one argument')
        to = self._from_args(other)
        mine = self._abs_parts()
        theirs = to._abs_parts()
        n = len(theirs)
        fold = self._fold
        if n == 0:
            bad = bool(self._root or self._drv)
        else:
            bad = [fold(p) for p in mine[:n]] != [fold(p) for p in theirs]
        if bad:
            raise ValueError('{!r} is not in the subpath of {!r} OR one path is relative and the other '
                             'is absolute.'.format(str(self), str(to)))
        rest = mine[n:]
        if n == 1 and self._root:
            # Relative to the bare drive: what is left starts at the root.
            return self._from_parsed('', self._root, rest[1:])
        return self._from_parsed('', '', rest)

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        return self._make_child(args)

    def __truediv__(self, key):
        try:
            return self._make_child((key,))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_args((key, self))
        except TypeError:
            return NotImplemented

    def is_absolute(self):
        if self._win:
            return bool(self._root and self._drv)
        return bool(self._root)

    def is_reserved(self):
        if not self._win or not self._tail:
            return False
        if self._drv.startswith('\\\\'):
            return False
        name = self._tail[-1].partition('.')[0].partition(':')[0].rstrip(' ')
        return name.upper() in _WIN_RESERVED

    def match(self, path_pattern):
        from fnmatch import fnmatchcase
        fold = self._fold
        pat = self._from_args((fold(path_pattern),))
        pat_parts = list(pat.parts)
        if not pat_parts:
            raise ValueError('empty pattern')
        if pat._drv and pat._drv != fold(self._drv):
            return False
        if pat._root and pat._root != fold(self._root):
            return False
        parts = self._cparts
        if pat._drv or pat._root:
            if len(pat_parts) != len(parts):
                return False
            pat_parts = pat_parts[1:]
        elif len(pat_parts) > len(parts):
            return False
        for part, p in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatchcase(part, p):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class PureWindowsPath(PurePath):
    __slots__ = ()
    _win = True
    _sep = '\\'


def _is_wild(pat):
    return '*' in pat or '?' in pat or '[' in pat


def _select(path, pats, i, fold):
    # Path.glob's walk: pats[i] is the component to match under the directory path; an empty
    # last component (a pattern ending in '/') keeps directories only.
    if i == len(pats):
        yield path
        return
    pat = pats[i]
    last = i + 1 == len(pats)
    dironly = not last
    if not pat:
        yield path
        return
    if pat == '**':
        yielded = set()
        for start in _walk_dirs(path):
            for p in _select(start, pats, i + 1, fold):
                if p not in yielded:
                    yielded.add(p)
                    yield p
        return
    if '**' in pat:
        raise ValueError("Invalid pattern: '**' can only be an entire path component")
    if _is_wild(pat):
        import re
        from fnmatch import translate
        match = re.compile(translate(pat), re.IGNORECASE if fold else 0).fullmatch
        try:
            names = os.listdir(path)
        except OSError:
            return
        for name in names:
            if dironly and not os.path.isdir(os.path.join(path, name)):
                continue
            if match(name):
                yield from _select(path._make_child_relpath(name), pats, i + 1, fold)
        return
    child = path._make_child_relpath(pat)
    if (child.is_dir() if dironly else child.exists()):
        yield from _select(child, pats, i + 1, fold)


def _walk_dirs(path):
    # The directory itself, then every directory under it, depth first in listing order.
    yield path
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        child = path._make_child_relpath(name)
        if child.is_dir():
            yield from _walk_dirs(child)


_IGNORED_ERRNOS = (2, 20, 9, 40)


class Path(PurePath):
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        if cls._win != (os.name == 'nt'):
            raise NotImplementedError('cannot instantiate %r on your system' % (cls.__name__,))
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls('~').expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_args((os.getcwd(), self))

    def resolve(self, strict=False):
        return self._from_args((os.path.realpath(self, strict=strict),))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def lstat(self):
        return os.stat(self)

    def _mode(self):
        # st_mode, or None where exists()/is_dir()/is_file() answer False instead of raising.
        try:
            return self.stat().st_mode
        except OSError as e:
            if e.errno not in _IGNORED_ERRNOS:
                raise
            return None
        except ValueError:
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        m = self._mode()
        return m is not None and m & 0o170000 == 0o040000

    def is_file(self):
        m = self._mode()
        return m is not None and m & 0o170000 == 0o100000

    def is_mount(self):
        return self.exists() and self.is_dir() and os.path.ismount(self)

    def is_symlink(self):
        return False

    def is_block_device(self):
        return False

    def is_char_device(self):
        return False

    def is_fifo(self):
        return False

    def is_socket(self):
        return False

    def samefile(self, other_path):
        self.stat()
        if isinstance(other_path, PurePath):
            other_path.stat()
        else:
            os.stat(other_path)
        return os.path.realpath(self) == os.path.realpath(other_path)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make_child_relpath(name)

    def glob(self, pattern):
        # A generator from the first line, as CPython's: a bad pattern raises on the first next().
        if not pattern:
            raise ValueError('Unacceptable pattern: {!r}'.format(pattern))
        pat = self._from_args((pattern,))
        if pat._drv or pat._root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        pats = list(pat._tail)
        if pattern[-1] == self._sep or (self._win and pattern[-1] == '/'):
            pats.append('')
        yield from self._glob(pats)

    def rglob(self, pattern):
        pat = self._from_args((pattern,))
        if pat._drv or pat._root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        pats = ['**'] + list(pat._tail)
        if pattern and (pattern[-1] == self._sep or (self._win and pattern[-1] == '/')):
            pats.append('')
        yield from self._glob(pats)

    def _glob(self, pats):
        for part in pats:
            if '**' in part and part != '**':
                raise ValueError("Invalid pattern: '**' can only be an entire path component")
        if not self.is_dir():
            return
        yield from _select(self, pats, 0, self._win)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        import io
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(bytes(view))

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        import _memfs
        key = os.path.abspath(self)
        if key in _memfs.files or key in _memfs.dirs:
            if not exist_ok:
                raise FileExistsError(17, 'File exists', str(self))
            return
        code = _memfs.create(key)
        if code:
            raise OSError(code, 'Not a directory', str(self))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.stat(self)

    def lchmod(self, mode):
        os.stat(self)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(self, target)
        return self.__class__(target)

    def expanduser(self):
        if not (self._drv or self._root) and self._tail and self._tail[0][:1] == '~':
            home = os.path.expanduser(self._tail[0])
            if home[:1] == '~':
                raise RuntimeError('Could not determine home directory.')
            return self._from_args((home,) + tuple(self._tail[1:]))
        return self


class PosixPath(Path, PurePosixPath):
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    __slots__ = ()
`);
