# timeit: Timer with string and callable statements and setups, globals, number, repeat,
# autorange with its callback sequence, the module functions, and the errors. Timings are
# simulated time under htmsim, so only their type, sign and count are printed, plus the
# side effects that show how often statement and setup ran.
import timeit
import time

calls = []


def work():
    calls.append(1)


t = timeit.Timer(work)
r = t.timeit(number=7)
print(type(r).__name__, r >= 0, len(calls))
calls.clear()
rs = t.repeat(repeat=3, number=4)
print(len(rs), all(isinstance(x, float) and x >= 0 for x in rs), len(calls))

counter = {'n': 0, 's': 0}
r = timeit.timeit('counter["n"] += 1', setup='counter["s"] += 1', number=25, globals=globals())
print(counter, r >= 0)
ns = {'data': list(range(10)), 'out': []}
timeit.timeit('out.append(sum(data))', number=3, globals=ns)
print(ns['out'])
print(len(timeit.repeat('x = 1', 'y = 2', repeat=4, number=10)))
# multi-line statements and setup
src = '''
total = 0
for i in range(3):
    total += i
out.append(total)
'''
timeit.timeit(src, setup='out.append("setup")\nout.append("again")', number=2, globals=ns)
print(ns['out'])
# setup as a callable, statement as a string
log = []
tm = timeit.Timer('log.append("s")', setup=lambda: log.append('setup'), globals={'log': log})
tm.timeit(3)
print(log)
# custom timer: a fake clock that counts its calls
ticks = [0]


def fake():
    ticks[0] += 1
    return ticks[0] * 0.5


print(timeit.Timer('pass', timer=fake).timeit(number=5), ticks)
print(timeit.Timer('pass', timer=fake).repeat(repeat=2, number=1))
# autorange: a fake clock that reads 0.03 per statement run so far: runs of 1, 2, 5, 10 loops
runs = [0]


def run_clock():
    return runs[0] * 0.03


seen = []
tm = timeit.Timer('runs[0] += 1', timer=run_clock, globals={'runs': runs})
print(tm.autorange(lambda n, t: seen.append((n, round(t, 6)))), [(n, round(t, 6)) for n, t in seen])
print(tm.autorange())
number, taken = timeit.Timer(lambda: time.sleep(0.01)).autorange()
print(number, taken >= 0.2)
print(timeit.default_timer is time.perf_counter, timeit.default_number, timeit.default_repeat)
print(isinstance(timeit.default_timer(), float))
for bad in [dict(stmt=5), dict(setup=3.5), dict(stmt='x = ')]:
    try:
        timeit.Timer(**bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e.args[0])
try:
    timeit.timeit('undefined_name', number=1)
except NameError as e:
    print('NameError', e)
try:
    timeit.timeit('return 5', number=1)
except SyntaxError as e:
    print('SyntaxError', e.args[0])
try:
    timeit.timeit('pass', setup='return', number=1)
except SyntaxError as e:
    print('SyntaxError', e.args[0])
print(timeit.timeit(number=0) >= 0, timeit.repeat(repeat=0))
import gc
gc.enable()
timeit.timeit('pass', number=1)
print(gc.isenabled())
t = timeit.Timer('assert not gc.isenabled()', globals={'gc': gc})
t.timeit(2)
print('gc disabled while timing')
