# Assigning a class's __module__/__name__/__qualname__ (reprs follow, CPython's TypeErrors), namedtuple(module=),
# and bytes/bytearray.isascii.
class A: pass
A.__module__ = 'foo.bar'
print(A, A.__module__, repr(A))
T = type('T', (), {'__module__': 'x.y'})
print(T, T.__module__)
T2 = type('T2', (tuple,), {})
T2.__module__ = 'q'
print(T2, T2.__module__)
A.__qualname__ = 'Z'
print(A)
for b in (b'abc', b'\x80', b'', bytearray(b'x'), bytearray(b'\xff')):
    print(b.isascii())
for bad in (1, None):
    try:
        A.__qualname__ = bad
    except TypeError as e: print(e)
    try:
        A.__name__ = bad
    except TypeError as e: print(e)
A.__name__ = 'Renamed'
print(A, A.__name__, '__qualname__' in A.__dict__, '__name__' in A.__dict__, A.__dict__['__module__'])
try: int.__module__ = 'x'
except TypeError as e: print(e)
from collections import namedtuple
P = namedtuple('P', 'x', module='some.mod')
print(P, P(1))
