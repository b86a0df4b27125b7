# bytearray and bytes basics.
ba = bytearray(8)
print(ba, len(ba))
for i in range(8):
    ba[i] = i * 30
print(ba, list(ba), ba[3], ba[-1])
ba.append(65)
ba.extend(b"BC")
print(ba, len(ba))
ba[0:2] = b"xy"
print(ba[:4], bytes(ba[:4]), ba[1:3] == b"y<")
b = bytes([72, 105])
print(b, b + b"!", b[0], list(b), len(b"abc"), b"ab" * 2)
print(bytearray(b"hello"), bytearray(b"hi") == b"hi", len(bytearray(3)))
total = 0
buf = bytearray(range(256))
for v in buf:
    total += v
print(total, buf[255], buf[10:14])
buf[100] = 255
print(buf[99:102], sum(buf), buf.count(255), buf.find(b"\x0b\x0c"))
print(bytes(3), b"\x00\x01" == bytes([0, 1]))
try:
    buf[0] = 256
except ValueError as e:
    print("ValueError:", e)
