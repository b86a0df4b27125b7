import os
import sys
import warnings

_default_show = warnings.showwarning


def show(message, category, filename, lineno, file=None, line=None):
    # CPython names the file by its full path; print it by its base name.
    sys.stderr.write(warnings.formatwarning(message, category, os.path.basename(filename), lineno, line))


warnings.showwarning = show


def old_api(x):
    warnings.warn('old_api is deprecated, use new_api', DeprecationWarning, stacklevel=2)
    return x


def noisy(i):
    warnings.warn('noisy call %d' % (i % 2))


print('start')
warnings.warn('plain user warning')
warnings.warn('runtime trouble', RuntimeWarning)
warnings.warn(UserWarning('instance message'))
for i in range(4):
    noisy(i)          # 'default': each text shown once for this line
old_api(1)            # DeprecationWarning triggered in __main__: shown
print(old_api.__name__)

warnings.simplefilter('always')
for i in range(3):
    noisy(i)
warnings.resetwarnings()
warnings.simplefilter('ignore', UserWarning)
warnings.warn('hidden')
warnings.warn('still shown', FutureWarning)

warnings.filterwarnings('error', message='fatal')
try:
    warnings.warn('Fatal problem here')
except UserWarning as e:
    print('raised:', type(e).__name__, e)
warnings.filterwarnings('error', category=RuntimeWarning)
try:
    warnings.warn('as error', RuntimeWarning)
except RuntimeWarning as e:
    print('raised:', repr(e))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    warnings.warn('first', UserWarning)
    warnings.warn('second', SyntaxWarning)
    old_api(2)
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught])
print([w.lineno > 0 for w in caught], [os.path.basename(w.filename) for w in caught])
print(str(caught[0]).replace(caught[0].filename, os.path.basename(caught[0].filename)))
warnings.warn('outside: runtime is an error again?', RuntimeWarning) if False else None
try:
    warnings.warn('after catch', RuntimeWarning)
except RuntimeWarning as e:
    print('filters restored, raised:', e)

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('silenced', RuntimeWarning)
print('silenced ok')

with warnings.catch_warnings(action='ignore', category=RuntimeWarning):
    warnings.warn('silenced by action', RuntimeWarning)
print('action ok')

warnings.resetwarnings()
warnings.simplefilter('once')
for i in range(3):
    warnings.warn('once only')
    warnings.warn('once only', RuntimeWarning)
warnings.resetwarnings()
warnings.simplefilter('module')
for i in range(2):
    warnings.warn('module once')
warnings.warn('module once')

for bad in [lambda: warnings.simplefilter('sometimes'), lambda: warnings.warn('x', int),
            lambda: warnings.filterwarnings('ignore', category=str)]:
    try:
        bad()
    except (AssertionError, TypeError) as e:
        print(type(e).__name__ + ':', e)

warnings.showwarning = _default_show
warnings.resetwarnings()
warnings.warn_explicit('explicit warning', UserWarning, 'lib-warnings.py', 1)
warnings.warn_explicit('no source', UserWarning, 'nowhere.py', 3)
print(warnings.formatwarning('m', UserWarning, 'f.py', 2, 'source line  '), end='')
print(repr(warnings.formatwarning('m', DeprecationWarning, 'nowhere.py', 2)))
print('end')
