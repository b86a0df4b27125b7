# memoryview over bytes and bytearray: zero-copy slices that write through, casts to wider formats,
# equality and hashing, release, and use wherever bytes are accepted (bytes(), join, struct, int.from_bytes).
ba = bytearray(b"hello world")
m = memoryview(ba)
print(m[0], len(m), bytes(m[1:4]), m.tobytes()[:3], m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.obj is ba)
m[0] = 72; print(ba)
m[6:11] = b"WORLD"; print(ba, bytes(m[::-1]), m[::2].tobytes(), m[-1], list(m[:3]), m[2:8][1:3].tobytes())
sub = m[6:]; sub[0] = ord("w"); print(ba, sub.tolist()[:3], sub.hex())
ro = memoryview(b"abcdef")
print(ro[::2].tobytes(), ro.hex(), list(ro[:3]), ro == b"abcdef", b"abcdef" == ro, ro == memoryview(bytearray(b"abcdef")), hash(ro) == hash(b"abcdef"), ro.readonly)
for bad in (lambda: ro.__setitem__(0, 1), lambda: hash(m), lambda: m.__setitem__(0, 300), lambda: m.__setitem__(slice(0, 2), b"x"), lambda: m[100], lambda: memoryview("str"), lambda: m["a"]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b4 = bytearray(range(16))
w = memoryview(b4).cast("I")
print(w.format, w.itemsize, len(w), w[0], hex(w[3]), w.tolist(), w.nbytes, w.shape)
w[0] = 0xdeadbeef; print(b4[:4], memoryview(b4).cast("h")[1], memoryview(b4).cast("d").tolist()[0] != 0)
with memoryview(b"xyz") as mv:
    print(mv.tobytes(), bytes(mv), bytearray(mv), b"".join([mv, b"!"]), int.from_bytes(mv, "little"))
try:
    mv[0]
except ValueError as e:
    print(e)
import struct
print(struct.unpack("<HH", memoryview(b"\x01\x00\x02\x00")), struct.unpack_from("<H", memoryview(bytearray(b"\x00\x05\x00")), 1))
print(repr(memoryview(b""))[:10], list(memoryview(b"ab")), [x for x in memoryview(bytearray(b"\x01\x02"))], memoryview(b"abc")[1:].obj)
ba2 = bytearray(b"0123456789")
chunks = [bytes(memoryview(ba2)[i:i + 3]) for i in range(0, len(ba2), 3)]
print(chunks, memoryview(ba2).cast("c")[0], memoryview(b"\xff").cast("b")[0], isinstance(m, memoryview), type(m).__name__)
# Wrong receivers and argument counts: CPython's TypeErrors, never a host error.
for f in (lambda: memoryview.release(5), lambda: memoryview.__exit__(5, None, None, None), lambda: m.release(1), lambda: m.__getitem__(),
          lambda: m.cast(), lambda: m.hex(1, 2, 3), lambda: m.tobytes(1, 2), lambda: m.__len__(1)):
    try:
        f()
    except TypeError as e:
        print(e)
