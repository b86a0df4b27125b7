# os (environ as a mapping, getenv, os.path string arithmetic), gc switches and thresholds,
# and the time clocks benchmarks use (perf_counter, perf_counter_ns, monotonic, process_time).
# Nothing printed depends on the host: values the environment decides are compared, not shown.
import os
import os.path
from os.path import join, splitext
import gc
import time

print(os.name, os.sep, os.pathsep, os.curdir, os.pardir, repr(os.linesep), os.devnull, os.path is os.path)
key = 'HTMSIM_PROBE_VAR'
print(key in os.environ, os.environ.get(key), os.getenv(key, 'dflt'))
os.environ[key] = 'on'
print(key in os.environ, os.environ[key], os.getenv(key), os.environ.setdefault(key, 'other'))
os.environ.update({key: 'again'})
print(os.environ.pop(key), key in os.environ, os.environ.pop(key, 'gone'))
for call in (lambda: os.environ[key], lambda: os.environ.__setitem__(key, 1)):
    try:
        call()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(isinstance(os.getcwd(), str), os.path.isabs(os.getcwd()), os.getcwd() == os.path.abspath('.'), os.path.abspath('a/../b') == join(os.getcwd(), 'b'))
P = os.path
print(join('a', 'b', 'c'), join('a/', '/abs', 'x'), join('', 'x'), join('a', ''), P.split('/usr/lib/x.so'), P.split('x'), P.split('/'), P.split('a//b'))
print(splitext('archive.tar.gz'), splitext('.bashrc'), splitext('a/b.c/d'), splitext('x.'), splitext('...ext'), P.basename('/a/b/'), P.dirname('/a/b/'), P.dirname('x'))
print(P.normpath('a//b/./c/../d'), P.normpath('/../x'), P.normpath('../../x/..'), P.normpath(''), P.normpath('//a'), P.normpath('///a/'))
print(P.isabs('/x'), P.isabs('x'), P.commonprefix(['/usr/lib', '/usr/local']), P.relpath('/a/b/c', '/a/d'), P.relpath('/a', '/a'), P.splitdrive('/x'))
print(P.exists('/definitely/not/here'), P.isfile('/definitely/not/here'), P.isdir('/definitely/not/here'), P.exists('/'), P.isdir('/'))
print(isinstance(os.cpu_count(), int) and os.cpu_count() >= 1, os.fspath('p'))

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold(), len(gc.get_count()), isinstance(gc.collect(), int), isinstance(gc.collect(0), int), gc.garbage)
old = gc.get_threshold()
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold(), gc.is_tracked([]), gc.is_tracked(3), gc.is_tracked('s'))
try:
    gc.collect(5)
except ValueError as e:
    print('ValueError', e)

t0 = time.perf_counter()
n0 = time.perf_counter_ns()
m0 = time.monotonic()
p0 = time.process_time()
total = sum(i * i for i in range(3000))
t1 = time.perf_counter()
n1 = time.perf_counter_ns()
m1 = time.monotonic()
p1 = time.process_time()
print(total, type(t0).__name__, type(n0).__name__, type(m0).__name__, type(p0).__name__)
print(t1 > t0, n1 > n0, m1 >= m0, p1 >= p0, t1 - t0 < 60, isinstance(time.time(), float), isinstance(time.monotonic_ns(), int))
