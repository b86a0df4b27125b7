/**
 * `os` in guest Python, deterministic: `environ` starts empty (a run has no host environment;
 * the guest may set variables), `getcwd()` is `/`, the file system is the run's own in-memory one
 * (`_memfs`: empty at start, the files the program writes with `open` exist for the rest of the
 * run, folders are implied by the files in them; the host's files are never visible),
 * `cpu_count()` is the simulated machine's core count, `getpid()` is 1. `os.path` is POSIX path
 * arithmetic on strings.
 */
import type { PyModule } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, hybridModule, pythonModule } from './kit.js';

function setupOs(vm: Vm, m: PyModule): void {
  defineFn(vm, m, 'cpu_count', () => vm.port.cores);
}

export const os = hybridModule('os', setupOs, String.raw`
name = 'posix'
sep = '/'
altsep = None
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
linesep = '\n'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
error = OSError


def _check_str(what, value):
    if not isinstance(value, str):
        raise TypeError('str expected, not %s' % type(value).__name__)


class _Environ:
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _check_str('key', key)
        _check_str('value', value)
        self._data[key] = value

    def __delitem__(self, key):
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return 'environ({%s})' % ', '.join(['%r: %r' % (k, v) for k, v in self._data.items()])

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, other=(), **kwds):
        for k, v in dict(other, **kwds).items():
            self[k] = v

    def clear(self):
        self._data.clear()

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other


environ = _Environ({})


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def getpid():
    return 1


def stat(path):
    import _memfs
    if abspath(path) not in _memfs.files and not _memfs.isdir(abspath(path)):
        _no_file('stat', path)
    return stat_result((0o100644 if abspath(path) in _memfs.files else 0o40755, 0, 0, 1, 0, 0, len(_memfs.files.get(abspath(path), b'')), 0, 0, 0))


class stat_result(tuple):
    @property
    def st_mode(self):
        return self[0]

    @property
    def st_size(self):
        return self[6]


def _no_file(fn, path):
    raise FileNotFoundError(2, 'No such file or directory', path)


def listdir(path='.'):
    import _memfs
    names = _memfs.listdir(path)
    if names is None:
        _no_file('listdir', path)
    return names


def remove(path):
    import _memfs
    if not _memfs.remove(path):
        _no_file('remove', path)


def rename(src, dst):
    import _memfs
    if not _memfs.rename(src, dst):
        _no_file('rename', src)


replace = rename


def makedirs(name, mode=0o777, exist_ok=False):
    pass


def mkdir(path, mode=0o777):
    pass


def rmdir(path):
    import _memfs
    if _memfs.listdir(path):
        raise OSError(39, 'Directory not empty', path)


unlink = remove


from posixpath import getcwd, fspath, abspath
import posixpath as path
`);

export const posixpath = pythonModule('posixpath', String.raw`
sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
altsep = None
devnull = '/dev/null'


def getcwd():
    return '/'


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    f = getattr(type(path), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    return f(path)


def isabs(s):
    return fspath(s).startswith('/')


def join(a, *p):
    path = fspath(a)
    for b in map(fspath, p):
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = fspath(p)
    dot = p.rfind('.')
    slash = p.rfind('/')
    if dot > slash:
        i = slash + 1
        while i < dot:
            if p[i] != '.':
                return p[:dot], p[dot:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = fspath(p)
    return p[:0], p


def basename(p):
    p = fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    path = fspath(path)
    if path == '':
        return '.'
    initial = 0
    if path.startswith('/'):
        initial = 1
        if path.startswith('//') and not path.startswith('///'):
            initial = 2
    comps = path.split('/')
    new = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not new) or (new and new[-1] == '..'):
            new.append(comp)
        elif new:
            new.pop()
    path = '/'.join(new)
    if initial:
        path = '/' * initial + path
    return path or '.'


def abspath(path):
    path = fspath(path)
    if not path.startswith('/'):
        path = join(getcwd(), path)
    return normpath(path)


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    start = curdir if start is None else start
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def exists(path):
    return isfile(path) or isdir(path)


def isdir(path):
    import _memfs
    return _memfs.isdir(abspath(path))


lexists = exists
realpath = abspath


def isfile(path):
    import _memfs
    return abspath(path) in _memfs.files


def islink(path):
    return False


def expanduser(path):
    return path


def expandvars(path):
    return path


def normcase(s):
    return fspath(s)


def getsize(path):
    import _memfs
    data = _memfs.files.get(abspath(path))
    if data is None:
        raise FileNotFoundError(2, 'No such file or directory', path)
    return len(data)
`);

/**
 * `_memfs`: the run's in-memory file system (absolute path → bytes), written and read by
 * `open` (io.open) and consulted by os and os.path. Empty at the start of every run.
 */
export const memfs = pythonModule('_memfs', String.raw`
from posixpath import abspath

files = {}


def isdir(path):
    if path == '/':
        return True
    prefix = path.rstrip('/') + '/'
    for name in files:
        if name.startswith(prefix):
            return True
    return False


def listdir(path):
    folder = abspath(path)
    if folder in files:
        return None
    if not isdir(folder):
        return None
    prefix = folder.rstrip('/') + '/'
    seen = []
    for name in files:
        if name.startswith(prefix):
            head = name[len(prefix):].split('/')[0]
            if head not in seen:
                seen.append(head)
    return seen


def remove(path):
    key = abspath(path)
    if key not in files:
        return False
    del files[key]
    return True


def rename(src, dst):
    key = abspath(src)
    if key not in files:
        return False
    files[abspath(dst)] = files.pop(key)
    return True
`);

/** `import os.path` (and `from os.path import join`): the `path` attribute of `os`. */
export const osPath = { name: 'os.path', install: (vm: Vm): void => void vm.moduleFactories.set('os.path', () => vm.moduleOf('posixpath')) };
