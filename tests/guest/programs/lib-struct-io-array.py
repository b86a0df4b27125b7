# struct (byte orders, native alignment, every format code, counts, Struct, pack_into,
# unpack_from, iter_unpack, errors), io.StringIO/BytesIO, array.array.
import struct
import io
from array import array

for fmt in ('b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'f', 'd', '?', 'x', 's', 'c', 'e', '@bq', '=bq', '<bq', '>bq', '!bq', '3h', '10s', '@cid', 'hhl', '0i'):
    print(fmt, struct.calcsize(fmt), end='; ')
print()
print(struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1).hex())
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1).hex())
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('<3s2x?', b'abcdef', []), struct.pack('5p', b'abc'))
print(struct.unpack('<fde', struct.pack('<fde', 0.1, 0.1, 0.1)), struct.pack('>e', 65504.0), struct.unpack('<d', b'\x00' * 7 + b'\xf0'))
print(struct.unpack('<bBhHiIqQ', bytes(range(1, 31))), struct.unpack('!?', b'\x05'), struct.unpack('2c', b'xy'))
s = struct.Struct('>HI')
buf = bytearray(10)
s.pack_into(buf, 2, 7, 9)
struct.pack_into('<h', buf, -2, -1)
print(s.size, s.format, buf, s.unpack_from(buf, 2), struct.unpack_from('<h', buf, 8), list(s.iter_unpack(bytes(12))))
print(struct.pack('<q', True), struct.pack('<d', 3), struct.unpack('<Q', struct.pack('<q', -1)))
cases = [('z', ()), ('i', ()), ('i', (1, 2)), ('b', (128,)), ('B', (-1,)), ('<h', (2 ** 15,)), ('H', (2 ** 16,)), ('<i', (2 ** 31,)),
         ('I', (-1,)), ('<l', (2 ** 31,)), ('<L', (2 ** 32,)), ('q', (2 ** 63,)), ('Q', (-1,)), ('i', ('x',)), ('d', ('x',)),
         ('c', (b'ab',)), ('s', ('x',)), ('3', ())]
for fmt, args in cases:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print(fmt, 'error:', e)
for call in (lambda: struct.unpack('<i', b'abc'), lambda: struct.unpack_from('<i', b'abcd', 2), lambda: list(struct.iter_unpack('<i', b'abcde')),
             lambda: struct.iter_unpack('', b''), lambda: struct.pack('<f', 1e300), lambda: struct.pack_into('<i', bytearray(3), 0, 1)):
    try:
        call()
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)

f = io.StringIO('abc\ndef\n')
print(f.read(2), f.tell(), f.readline(), f.readlines(), f.read(), f.tell())
f.seek(1)
f.write('XY')
print(repr(f.getvalue()), f.tell(), f.seek(0, 2), f.write('!'), f.getvalue())
f.truncate(4)
print(repr(f.getvalue()), f.readable(), f.writable(), f.seekable(), f.isatty())
g = io.StringIO()
g.writelines(['a\n', 'b\n'])
g.seek(0)
print(list(g), g.read(), io.StringIO().getvalue() == '', io.StringIO(None).read())
f.seek(10)
f.write('z')
print(repr(f.getvalue()))
for call in (lambda: io.StringIO(1), lambda: g.write(b'x'), lambda: g.seek(-1), lambda: io.BytesIO('x')):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
b = io.BytesIO(b'0123456789')
print(b.read(3), b.seek(-2, 2), b.read(), b.getvalue(), b.tell())
b.seek(2)
print(b.write(b'ab'), b.getvalue(), b.readline(), b.seek(0), b.readlines(), bytes(b.getbuffer()))
with io.BytesIO() as w:
    w.write(b'x')
print(w.closed, io.SEEK_END)

a = array('i', [3, 1, 2])
a.append(5)
a.extend([8, 13])
a.insert(0, -1)
a.remove(1)
print(a, len(a), a[0], a[-1], a[1:3], a[::2], a.index(5), a.count(8), 5 in a, a.pop(), a.pop(0), a)
a[1] = 99
a[0:2] = array('i', [7, 7, 7])
del a[-1]
print(a, a + array('i', [1]), a * 2, list(reversed(a)), sorted(a), a == array('i', [7, 7, 7, 2]), a < array('i', [8]))
a.reverse()
a += array('i', [4])
a *= 2
print(a, a.typecode, a.itemsize, a.tolist(), array('i', a).tobytes() == a.tobytes(), array('b', b'\xfe\x02'))
d = array('d')
d.fromlist([1.5, 2])
d.frombytes(array('d', [0.25]).tobytes())
print(d, array('f', [1 / 3])[0], array('q', [2 ** 62]), array('Q', [2 ** 64 - 1]), array('H', range(3)), array('u', 'hi'))
w = array('h', [1, 256])
w.byteswap()
print(w, array('B', [1, 2]) != array('B', [1, 2]), array('L'), repr(array('d', [1e100])))
for call in (lambda: array('i', [2 ** 31]), lambda: array('I', [-1]), lambda: array('b', [1.0]), lambda: array('d', ['1']),
             lambda: array('x'), lambda: a.extend(array('d')), lambda: a.remove(1000), lambda: array('i').pop(),
             lambda: a[100], lambda: a.__setitem__(slice(0, 1), [1]), lambda: a + [1], lambda: array('i', [1]).frombytes(b'abc')):
    try:
        call()
    except (OverflowError, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
