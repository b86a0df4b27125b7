import sys
def inner(x):
    return 1 / x
def middle(x):
    y = x + 1
    return inner(x)
def outer():
    try:
        middle(0)
    except ZeroDivisionError as e:
        return e
e = outer()
tb = e.__traceback__
print(type(tb).__name__, tb is e.__traceback__)
n = 0
while tb is not None:
    f = tb.tb_frame
    print(tb.tb_lineno, f.f_code.co_name, f.f_code.co_filename.endswith(".py"), f.f_lineno if n > 0 else "-", type(f).__name__, type(f.f_code).__name__)
    tb = tb.tb_next
    n += 1
print('depth', n)
try:
    raise ValueError('x')
except ValueError as v:
    print(v.__traceback__.tb_lineno, v.__traceback__.tb_next)
    t = v.__traceback__
print(ValueError('fresh').__traceback__)
e2 = KeyError('k').with_traceback(t)
print(e2.__traceback__ is t, e2.__traceback__.tb_lineno)
try:
    raise e2
except KeyError as k:
    lines = []
    tb = k.__traceback__
    while tb:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)
e3 = RuntimeError('r')
e3.__traceback__ = t
print(e3.__traceback__.tb_lineno)
e3.__traceback__ = None
print(e3.__traceback__)
print(e3.with_traceback(None) is e3)
def deep(n):
    if n == 0:
        raise IndexError('deep')
    deep(n - 1)
try:
    deep(3)
except IndexError as ie:
    tb = ie.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
print(sys.exc_info()[2])
try:
    1 / 0
except ZeroDivisionError:
    info = sys.exc_info()
    print(info[0].__name__, info[2] is info[1].__traceback__, info[2].tb_lineno)
def gen_err():
    raise KeyError('from f')
def f2():
    gen_err()
try:
    f2()
except KeyError as err:
    c = err.__traceback__.tb_next.tb_frame.f_code
    print(c.co_name, c.co_argcount, c.co_varnames, c.co_firstlineno)
import traceback, sys
def inner(x):
    return 1 / x
def middle(x):
    return [inner(x)][0]
try:
    middle(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(''.join(traceback.format_tb(tb)), end='', file=sys.stderr)
    for fs in traceback.extract_tb(tb):
        print(fs.filename.endswith(".py"), fs.lineno, fs.name, repr(fs.line))
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
    print(len(traceback.format_tb(tb, limit=1)), len(traceback.format_tb(tb, limit=-1)))
    traceback.print_tb(tb)
def rec(n):
    if n == 0:
        raise ValueError('bottom')
    rec(n - 1)
try:
    rec(8)
except ValueError as e:
    print(''.join(traceback.format_tb(e.__traceback__)), end='', file=sys.stderr)
