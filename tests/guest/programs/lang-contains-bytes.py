# The 'in' operator on bytes (ints in and out of range, __index__, bytes-likes, wrong types) and on
# objects that are no container, with CPython's messages.
for f in (lambda: 'a' in None, lambda: 'a' in b'abc', lambda: 1 in 5, lambda: 'a' in bytearray(b'a'), lambda: 97 in b'a', lambda: b'a' in b'ab', lambda: 300 in b'a', lambda: 1.0 in b'a', lambda: bytearray(b'a') in b'ab', lambda: memoryview(b'a') in b'ab', lambda: [] in b'', lambda: True in b'\x01'):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
import array
class I:
    def __index__(self): return 97
class It:
    def __iter__(self): return iter([1, 2])
class G:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
for f in (lambda: I() in b'a', lambda: array.array('b', [97]) in b'ab', lambda: -1 in b'a', lambda: 2**70 in b'a', lambda: 2 in It(), lambda: 2 in G(), lambda: 5 in G(), lambda: 'x' in 3.5, lambda: 'x' in len):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
