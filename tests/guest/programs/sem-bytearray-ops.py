ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], list(ba), bytes(ba), ba == b"hello", b"hel" in ba, 104 in ba)
ba.append(33); ba.extend(b" ok"); ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba[0] = 72
print(ba, ba.upper(), ba.lower(), ba.find(b"l"), ba.count(b"l"), ba.index(b"o"), ba.replace(b"l", b"L"))
try:
    ba[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    ba.append(-1)
except ValueError as e:
    print("ValueError:", e)
print(bytearray(5), bytearray([65, 66, 67]), bytearray(b"abc") + b"def", bytearray(b"ab") * 3, bytearray("héllo", "utf-8"))
print(bytes([0, 127, 128, 255]), bytearray(b"\x00\n\t'\""), repr(b"it's"), b"a\\b")
print(b"x,y,z".split(b","), b"  pad ".strip(), b"-".join([b"a", b"b"]), b"abc".startswith(b"a"), b"abc".hex(), bytes.fromhex("41 42"))
print(b"hello".decode(), bytearray(b"caf\xc3\xa9").decode("utf-8"), "naïve".encode(), "naïve".encode("utf-8"))
b2 = bytearray(range(10))
del b2[::3]
print(b2, b2.reverse() if False else "", b2[::-1], sum(b2), max(b2), sorted(b2, reverse=True)[:3])
b2.clear()
print(b2, len(b2), bool(b2), bytearray() == bytearray(b""))
buf = bytearray(16)
for i in range(16):
    buf[i] = (i * 37) & 0xFF
print(buf, buf.hex(), [b for b in buf if b % 2 == 0])
print(bytes(3), bytes(b"ab") < bytes(b"b"), b"abc"[1], b"abc"[1:], list(b"hi"))
