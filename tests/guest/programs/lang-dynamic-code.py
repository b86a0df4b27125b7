# compile(), eval() and exec(): modes, namespaces (caller's, given globals, separate locals), the
# builtins inserted into a bare globals dict, code objects, and SyntaxErrors with CPython's
# attributes, str() and traceback layout.
x = 10
print(eval('x * 2 + 1'), eval('  [i * i for i in range(4)]'))
exec('y = x + 5\ndef sq(n):\n    return n * n\n')
print(y, sq(7))
g = {}
exec('a = 1\nb = a + 1', g)
print(sorted(k for k in g if k != '__builtins__'), '__builtins__' in g, type(g['__builtins__']).__name__)
loc = {}
exec('c = len("abc")', {'len': len}, loc)
print(loc)
print(eval('p + q', {'p': 2}, {'q': 3}))
code = compile('r = 6 * 7', '<gen>', 'exec')
exec(code)
print(r, type(code).__name__, code.co_name if hasattr(code, 'co_name') else '<module>')
ce = compile('1 + 1', '<e>', 'eval')
print(eval(ce))


def f():
    z = 3
    print(eval('z + 1'))
    exec('z = 100')
    print(z)


f()
for src, mode in [('1 + * 2', 'eval'), ('x = = 1', 'exec'), ('def f(:\n    pass', 'exec'), ('a = 1', 'eval'), ('  if True:\n  pass', 'exec')]:
    try:
        compile(src, '<src>', mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), str(e))
try:
    compile('1', 'f', 'bad')
except ValueError as e:
    print(e)
try:
    eval(5)
except TypeError as e:
    print(e)
try:
    exec('raise KeyError("inner")')
except KeyError as e:
    print('caught', repr(e))
exec('print(undefined_name)')
