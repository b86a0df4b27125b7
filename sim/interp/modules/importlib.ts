/**
 * `importlib` in guest Python: `import_module` (absolute and package-relative names) on the
 * builtin `__import__` and `sys.modules`; `reload` returns the module as it is (htmsim's modules
 * are built in, there is no source to read again); `invalidate_caches` has nothing to clear.
 */
import { pythonModule } from './kit.js';

export const importlib = pythonModule('importlib', String.raw`
import sys as _sys


def _resolve(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '%s.%s' % (base, name) if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative import for %r" % name)
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve(name[level:], package, level)
    __import__(name)
    return _sys.modules[name]


def reload(module):
    if type(module).__name__ != 'module':
        raise TypeError('reload() argument must be a module')
    return module


def invalidate_caches():
    pass
`);
