ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3])
ba[0] = 72
print(ba)
raw = bytearray(rb"a\nb")
print(len(raw), raw)
esc = bytearray(b"\x00\x01\xff\t")
print(list(esc))
print(bytearray(b"abc" b"def"))
print(bytearray(b'single') == bytearray(b"single"))
z = bytearray(4)
z[1] = 255
print(z, list(z))
print(bytearray(b"""multi
line"""))
