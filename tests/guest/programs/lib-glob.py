# glob: glob/iglob with wildcards, character sets, recursive '**', trailing '/', hidden names,
# root_dir, escape and has_magic. Results are sorted where CPython's order is the file system's.
# Every path is under one folder of its own, removed at the end.
import glob
import os

D = '/tmp/htmsim-golden-lib-glob'


def rmtree(top):
    for folder, dirs, files in os.walk(top, topdown=False):
        for f in files:
            os.remove(os.path.join(folder, f))
        os.rmdir(folder)


if os.path.exists(D):
    rmtree(D)
os.makedirs(D)
os.chdir(D)
for name in ['a.py', 'b.py', 'c.txt', '.hidden.py', 'x[1].txt', 'sub/d.py', 'sub/e.txt', 'sub/deeper/f.py',
             'sub/.h/g.py', 'zz/y.py', '.dot/z.py']:
    os.makedirs(os.path.dirname(name) or '.', exist_ok=True)
    with open(name, 'w') as f:
        f.write(name)
os.mkdir('empty')


def show(pat, **kw):
    print(repr(pat), kw or '', sorted(glob.glob(pat, **kw)))


for pat in ['*.py', '*', '?.py', '[ab].py', '[!a].py', '*.[pt][yx]*', 'x[1].txt', 'x[[]1].txt', '*/', '*/*.py',
            '*/*/*.py', 'sub/*', 'sub/*/', 'sub/deeper/f.py', 'sub/nope.py', 'nope/*', 'sub', 'sub/', 'empty/',
            'empty/*', 'a.py/', '.*', '.*/*', '*/.*', 'sub/.h/*', '', '**', '**/*.py', 'sub/**', 'a.py/*']:
    show(pat)
for pat in ['**', '**/', '**/*.py', 'sub/**', 'sub/**/', '**/*.txt', '**/f.py', '**/.h', '**/.*', 'sub/**/*.py',
            '**/**/*.py', '*/**', '.*/**', 'nope/**', '**/nope']:
    show(pat, recursive=True)
show('*.py', root_dir='sub')
show('**', root_dir='sub', recursive=True)
show('*', root_dir=D + '/zz')
show('*', root_dir='nope')
show(os.path.join(D, 'sub', '*.py'))
show(os.path.join(D, '**', 'f.py'), recursive=True)
it = glob.iglob('*/*.py')
print(type(it).__name__, sorted(it))
print(sorted(glob.iglob('*.txt')), list(glob.iglob('nope*')))
print(glob.escape('a*b?c[d].txt'), glob.escape('plain/path'), glob.escape('//?/c:/*'), glob.escape(b'x*y'))
print(glob.glob(glob.escape('x[1].txt')), glob.has_magic('a*'), glob.has_magic('a?'), glob.has_magic('a[b]'),
      glob.has_magic('plain'), glob.has_magic(b'a*'), glob.has_magic(b'ab'))
print(sorted(glob.glob1('sub', '*.py')), glob.glob0('sub', 'd.py'), glob.glob0('sub', 'nope'), glob.glob0('sub', ''))
print(glob.__all__)
try:
    glob.glob(5)
except TypeError as e:
    print('TypeError', e)
os.chdir('/')
rmtree(D)
print(os.path.exists(D))
print(glob.glob('/tmp/htmsim-golden-lib-glob/*')[0])
