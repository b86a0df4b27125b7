/**
 * `os` in guest Python, deterministic: `environ` starts empty (a run has no host environment;
 * the guest may set variables), `getcwd()` is `/` until `chdir`, the file system is the run's own
 * in-memory one (`_memfs`: only `/` at start; files and directories the program makes exist for
 * the rest of the run; the host's files are never visible), `cpu_count()` is the simulated
 * machine's core count, `getpid()` is 1, `urandom` is seeded from the run's seed. `os.path` is
 * POSIX path arithmetic on strings plus the `_memfs` queries.
 */
import type { PyModule } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, hybridModule, pythonModule } from './kit.js';

function setupOs(vm: Vm, m: PyModule): void {
  defineFn(vm, m, 'cpu_count', () => vm.port.cores);
  // urandom's own generator is seeded from it (the run's seed), so its bytes repeat per seed.
  defineValue(m, '_run_seed', vm.seed);
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


_STRERROR = {2: 'No such file or directory', 16: 'Device or resource busy', 17: 'File exists',
             20: 'Not a directory', 21: 'Is a directory', 22: 'Invalid argument', 39: 'Directory not empty'}


def _key(path):
    # The _memfs key of a path argument, and the filename an error names (the fspath result).
    path = fspath(path)
    name = path.decode() if isinstance(path, bytes) else path
    # '' names no file (ENOENT), not the working directory.
    return (abspath(name) if name else ''), path


def _fail(code, path, path2=None):
    # OSError picks the subclass from the errno (FileNotFoundError, ...), as CPython's does.
    if path2 is None:
        raise OSError(code, _STRERROR[code], path)
    raise OSError(code, _STRERROR[code], path, None, path2)


def _no_file(fn, path):
    raise FileNotFoundError(2, 'No such file or directory', path)


class stat_result(tuple):
    n_sequence_fields = 10

    def __repr__(self):
        names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(%s)' % ', '.join(['%s=%r' % (n, v) for n, v in zip(names, self)])

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])


def stat(path, *, dir_fd=None, follow_symlinks=True):
    import _memfs
    key, name = _key(path)
    data = _memfs.files.get(key)
    if data is not None:
        return stat_result((0o100644, 0, 0, 1, 0, 0, len(data), 0, 0, 0))
    if key in _memfs.dirs:
        return stat_result((0o40755, 0, 0, 2, 0, 0, 0, 0, 0, 0))
    _fail(_memfs.lookup_errno(key), name)


lstat = stat


def listdir(path='.'):
    import _memfs
    key, name = _key(path)
    names = _memfs.listdir(key)
    if isinstance(names, int):
        _fail(names, name)
    if isinstance(name, bytes):
        return [n.encode() for n in names]
    return names


class DirEntry:
    def __init__(self, folder, name):
        self.name = name
        self.path = join(folder, name)

    def __repr__(self):
        return '<DirEntry %r>' % self.name

    def __fspath__(self):
        return self.path

    def is_dir(self, *, follow_symlinks=True):
        return path.isdir(self.path)

    def is_file(self, *, follow_symlinks=True):
        return path.isfile(self.path)

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return stat(self.path)


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._it = iter(())


def scandir(path='.'):
    # The entries in os.listdir's order; a DirEntry's path joins the argument as given.
    folder = fspath(path)
    return _ScandirIterator([DirEntry(folder, n) for n in listdir(folder)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for name in names:
        if path.isdir(join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            yield from walk(join(top, name), topdown, onerror, followlinks)
    else:
        for name in dirs:
            yield from walk(join(top, name), topdown, onerror, followlinks)
        yield top, dirs, nondirs


def remove(path, *, dir_fd=None):
    import _memfs
    key, name = _key(path)
    code = _memfs.remove(key)
    if code:
        _fail(code, name)


unlink = remove


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    import _memfs
    skey, sname = _key(src)
    dkey, dname = _key(dst)
    code = _memfs.rename(skey, dkey)
    if code:
        _fail(code, sname, dname)


replace = rename


def mkdir(path, mode=0o777, *, dir_fd=None):
    import _memfs
    key, name = _key(path)
    code = _memfs.mkdir(key)
    if code:
        _fail(code, name)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    import _memfs
    key, name = _key(path)
    text = name.decode() if isinstance(name, bytes) else name
    # rmdir('.') or 'a/.' is EINVAL on Linux, whatever '.' names.
    code = 22 if text.rstrip('/').rsplit('/', 1)[-1] == '.' else _memfs.rmdir(key)
    if code:
        _fail(code, name)


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def chdir(path):
    import _memfs
    key, name = _key(path)
    code = _memfs.chdir(key)
    if code:
        _fail(code, name)


def getcwdb():
    return getcwd().encode()


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode() if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode() if isinstance(filename, bytes) else filename


def urandom(size):
    # Deterministic per run seed: a generator of its own (seeded from the run's seed, not sharing
    # random's module-level stream), so uuid4 and secrets-style code repeat run for run.
    global _urandom_rng
    if not isinstance(size, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
    if size < 0:
        raise ValueError('negative argument not allowed')
    if _urandom_rng is None:
        import random
        _urandom_rng = random.Random('os.urandom/%d' % _run_seed)
    return _urandom_rng.getrandbits(size * 8).to_bytes(size, 'little') if size else b''


_urandom_rng = None


from posixpath import getcwd, fspath, abspath, join
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
    import _memfs
    return _memfs.cwd


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


def _memkey(path):
    # The _memfs key; '' names nothing (CPython's stat('') fails), not the working directory.
    path = fspath(path)
    if isinstance(path, bytes):
        path = path.decode()
    return abspath(path) if path else ''


def exists(path):
    import _memfs
    key = _memkey(path)
    return key in _memfs.files or key in _memfs.dirs


def isdir(path):
    import _memfs
    return _memkey(path) in _memfs.dirs


lexists = exists


def realpath(filename, *, strict=False):
    # No symbolic links: the absolute, normalized path; strict=True needs it to exist.
    key = abspath(filename)
    if strict:
        import os
        os.stat(key)
    return key


def isfile(path):
    import _memfs
    return _memkey(path) in _memfs.files


def islink(path):
    return False


def ismount(path):
    return abspath(path) == '/'


def expanduser(path):
    # HOME from os.environ (empty at the start of a run); without it the home of the run's
    # user, root: '/root'. '~name' expands for root only (no other user exists).
    path = fspath(path)
    tilde, slash = ('~', '/') if isinstance(path, str) else (b'~', b'/')
    if not path.startswith(tilde):
        return path
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        import os
        home = os.environ.get('HOME', '/root')
    elif path[1:i] in ('root', b'root'):
        home = '/root'
    else:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(slash)
    return (home + path[i:]) or slash


def expandvars(path):
    return path


def normcase(s):
    return fspath(s)


def getsize(path):
    import os
    return os.stat(path).st_size
`);

/**
 * `_memfs`: the run's in-memory file system, written and read by `open` (io.open) and consulted
 * by os and os.path. `files` maps an absolute path to its bytes; `dirs` maps every directory to
 * the names in it in creation order (that order is os.listdir's, and so glob's and pathlib's;
 * CPython gives the host file system's). Only `/` exists at the start of every run. The functions
 * take absolute normalized paths and return 0 or the errno CPython's call would fail with.
 */
export const memfs = pythonModule('_memfs', String.raw`
files = {}
dirs = {'/': []}
cwd = '/'


def _split(key):
    i = key.rfind('/')
    return key[:i] or '/', key[i + 1:]


def lookup_errno(key):
    # Why key is missing: ENOTDIR when an ancestor is a file, else ENOENT.
    parent = _split(key)[0]
    while parent not in dirs:
        if parent in files:
            return 20
        parent = _split(parent)[0]
    return 2


def _unlink(key):
    parent, name = _split(key)
    dirs[parent].remove(name)


def _makedirs(key):
    parent, name = _split(key)
    if parent not in dirs:
        _makedirs(parent)
    dirs[key] = []
    dirs[parent].append(name)


def create(key):
    # A new empty file, unless one is there. Missing parent folders are made (htmsim's open() is
    # lenient where CPython's raises FileNotFoundError), unless a file is in the way.
    if key in files:
        return 0
    if key in dirs:
        return 21
    if not key:
        return 2
    parent, name = _split(key)
    if parent not in dirs:
        if lookup_errno(key) == 20:
            return 20
        _makedirs(parent)
    dirs[parent].append(name)
    files[key] = b''
    return 0


def mkdir(key):
    if key in dirs or key in files:
        return 17
    parent, name = _split(key)
    if parent not in dirs:
        return lookup_errno(key)
    dirs[key] = []
    dirs[parent].append(name)
    return 0


def rmdir(key):
    if key not in dirs:
        return 20 if key in files else lookup_errno(key)
    if key == '/':
        return 16
    if dirs[key]:
        return 39
    del dirs[key]
    _unlink(key)
    return 0


def remove(key):
    if key not in files:
        return 21 if key in dirs else lookup_errno(key)
    del files[key]
    _unlink(key)
    return 0


def rename(src, dst):
    if src not in files and src not in dirs:
        return lookup_errno(src)
    dparent, dname = _split(dst)
    if dparent not in dirs:
        return lookup_errno(dst)
    if src == dst:
        return 0
    if src in files:
        if dst in dirs:
            return 21
        if dst in files:
            _unlink(dst)
        files[dst] = files.pop(src)
    else:
        if src == '/':
            return 16
        if dst in files:
            return 20
        if dst.startswith(src + '/'):
            return 22
        if dst in dirs:
            if dirs[dst]:
                return 39
            del dirs[dst]
            _unlink(dst)
        # The folder moves with everything under it.
        n = len(src)
        for table in (dirs, files):
            for k in [k for k in table if k == src or k.startswith(src + '/')]:
                table[dst + k[n:]] = table.pop(k)
    _unlink(src)
    dirs[dparent].append(dname)
    return 0


def listdir(key):
    if key in dirs:
        return list(dirs[key])
    return 20 if key in files else lookup_errno(key)


def chdir(key):
    global cwd
    if key not in dirs:
        return 20 if key in files else lookup_errno(key)
    cwd = key
    return 0


def isdir(key):
    return key in dirs
`);

/** `import os.path` (and `from os.path import join`): the `path` attribute of `os`. */
export const osPath = { name: 'os.path', install: (vm: Vm): void => void vm.moduleFactories.set('os.path', () => vm.moduleOf('posixpath')) };
