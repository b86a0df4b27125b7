# base64: RFC 4648's vectors; round trips of random data of every length to 70 through each codec and option
# (altchars, URL-safe, casefold, map01, the Base32 hex alphabet, Ascii85's foldspaces/wrapcol/pad/adobe, Base85
# pad); random malformed input decoded by each decoder (result or CPython's exception and message);
# encodebytes/decodebytes, encode/decode on file objects, the accepted argument types; and bytes.translate/maketrans.
import base64, binascii, random, io, array

rng = random.Random(2024)


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def err(f):
    try:
        r = f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return 'ok %r' % (r,)


print(base64.__all__)
print(base64.MAXLINESIZE, base64.MAXBINSIZE, base64.bytes_types)

# RFC 4648 section 10.
for s in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar'):
    print(s, base64.b64encode(s), base64.b32encode(s), base64.b32hexencode(s), base64.b16encode(s), base64.a85encode(s), base64.b85encode(s))

# Round trips.
for n in range(71):
    d = rbytes(n)
    e64, e32, e32h, e16 = base64.b64encode(d), base64.b32encode(d), base64.b32hexencode(d), base64.b16encode(d)
    ea, eb = base64.a85encode(d), base64.b85encode(d)
    alt = bytes(rng.sample(b'!#$%&*-.:;<>?@^_~', 2))
    ok = [base64.b64decode(e64) == d, base64.b64decode(e64.decode(), validate=True) == d,
          base64.b64decode(base64.b64encode(d, alt), alt) == d, base64.urlsafe_b64decode(base64.urlsafe_b64encode(d)) == d,
          base64.standard_b64decode(base64.standard_b64encode(d)) == d, base64.b32decode(e32) == d,
          base64.b32decode(e32.lower(), casefold=True) == d, base64.b32hexdecode(e32h) == d,
          base64.b32hexdecode(e32h.lower(), True) == d, base64.b16decode(e16) == d, base64.b16decode(e16.lower(), casefold=True) == d,
          base64.a85decode(ea) == d, base64.b85decode(eb) == d, base64.decodebytes(base64.encodebytes(d)) == d]
    print(n, e64, e32, e32h, ea, eb, base64.urlsafe_b64encode(d), base64.b64encode(d, alt), all(ok), ok.count(True))
    fs = rng.random() < 0.5
    wc = rng.choice([0, 1, 2, 3, 5, 8, 20, 75])
    pad = rng.random() < 0.5
    adobe = rng.random() < 0.5
    a = base64.a85encode(d, foldspaces=fs, wrapcol=wc, pad=pad, adobe=adobe)
    back = base64.a85decode(a, foldspaces=fs, adobe=adobe)
    print('  a85', fs, wc, pad, adobe, a, back == d + bytes(-n % 4 if pad else 0), base64.b85encode(d, pad=True))
for d in (b'\0' * 8, b'\0\0\0\0abc\0', b' ' * 8, b'    x', b'\0\0', b'\0\0\0\0', b'   ', b'\0' * 5):
    print(d, base64.a85encode(d), base64.a85encode(d, foldspaces=True), base64.a85encode(d, pad=True),
          base64.a85encode(d, adobe=True), base64.b85encode(d), base64.b85encode(d, pad=True))
print(base64.a85encode(b'hello world', adobe=True, wrapcol=5), base64.a85encode(b'hi', adobe=True, wrapcol=1),
      base64.a85encode(b'hello', adobe=True, wrapcol=7), base64.a85encode(b'hello', wrapcol=-3))

# Malformed input.
b64pool = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_' + '=' * 10 + ' \n!'
for _ in range(250):
    s = ''.join(rng.choice(b64pool) for _ in range(rng.randrange(0, 13)))
    print(repr(s), err(lambda: base64.b64decode(s)), '|', err(lambda: base64.b64decode(s, validate=True)), '|',
          err(lambda: base64.urlsafe_b64decode(s)), '|', err(lambda: base64.b64decode(s, b'-_')))
b32pool = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz01' + '=' * 15 + '89 !'
for _ in range(300):
    s = ''.join(rng.choice(b32pool) for _ in range(rng.choice([0, 7, 8, 8, 8, 16, 16, 9, 24])))
    print(repr(s), err(lambda: base64.b32decode(s)), '|', err(lambda: base64.b32decode(s, True, b'L')), '|',
          err(lambda: base64.b32hexdecode(s, casefold=True)))
for s in ('ME======', 'ME=====', 'M=======', 'MFRA====', 'MFRGG===', 'MFRGGZA=', 'MF======', 'ME======ME======', '========', '',
          'MFRGGZDF========', b'MFRGG\x00==', 'MFRGG=A=', '0O1IAAAA', 'MFRGGZDF', 'MZXW6YTBOI======'):
    print(repr(s), err(lambda: base64.b32decode(s)), '|', err(lambda: base64.b32decode(s, map01=b'I')), '|', err(lambda: base64.b32hexdecode(s)))
for f in (lambda: base64.b32decode('0O1IAAAA', map01=b'IL'), lambda: base64.b32decode('0O1IAAAA', map01='L'),
          lambda: base64.b32hexdecode('C5H66P35', map01=b'L'), lambda: base64.b32encode('a'), lambda: base64.b32encode(array.array('B', b'ab')),
          lambda: base64.b32encode(array.array('i', [1])), lambda: base64.b32encode(memoryview(b'xyz')), lambda: base64.b32decode(5)):
    print(err(f))
b16pool = '0123456789ABCDEFabcdefG '
for _ in range(120):
    s = ''.join(rng.choice(b16pool) for _ in range(rng.randrange(0, 9)))
    print(repr(s), err(lambda: base64.b16decode(s)), '|', err(lambda: base64.b16decode(s, casefold=True)))
a85pool = [chr(c) for c in range(33, 118)] + ['z', 'y', ' ', '\n', '~', '{', 'z', 'u', 'u']
for _ in range(250):
    s = ''.join(rng.choice(a85pool) for _ in range(rng.randrange(0, 13)))
    print(repr(s), err(lambda: base64.a85decode(s)), '|', err(lambda: base64.a85decode(s, foldspaces=True, ignorechars=b'\n')), '|',
          err(lambda: base64.a85decode('<~' + s + '~>', adobe=True)))
for f in (lambda: base64.a85decode('BOu!rD]j7BEbo7', adobe=True), lambda: base64.a85decode('<~BOu!rD]j7BEbo7', adobe=True),
          lambda: base64.a85decode('BOu!rD]j7BEbo7~>', adobe=True), lambda: base64.a85decode('zz'), lambda: base64.a85decode('Bz'),
          lambda: base64.a85decode('By', foldspaces=True), lambda: base64.a85decode('yy'), lambda: base64.a85decode('s8W-"'),
          lambda: base64.a85decode('uuuuu'), lambda: base64.a85decode('B~Ou!r'), lambda: base64.a85decode('B Ou!r', ignorechars=b''),
          lambda: base64.a85decode('B'), lambda: base64.a85decode('BO'), lambda: base64.a85encode('x'), lambda: base64.a85decode(3)):
    print(err(f))
b85pool = [chr(c) for c in b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~'] + ['~'] * 8 + ['"', ' ', ',']
for _ in range(250):
    s = ''.join(rng.choice(b85pool) for _ in range(rng.randrange(0, 13)))
    print(repr(s), err(lambda: base64.b85decode(s)))
for f in (lambda: base64.b85decode('|NsC0'), lambda: base64.b85decode('|NsC1'), lambda: base64.b85decode('~~~~~'),
          lambda: base64.b85decode('0'), lambda: base64.b85decode(' '), lambda: base64.b85decode('Xk~0"'), lambda: base64.b85encode('x')):
    print(err(f))

# Argument types and the assertions.
for f in (lambda: base64.b64encode('abc'), lambda: base64.b64decode(1), lambda: base64.b64decode('é'), lambda: base64.b64decode(memoryview(b'YWJj')),
          lambda: base64.b64decode(array.array('B', b'YWJj')), lambda: base64.b64decode(bytearray(b'YWJj')), lambda: base64.b64decode('YW-_', altchars='-_'),
          lambda: base64.b64decode('YW-_', altchars=b'-'), lambda: base64.b64decode('YW-_', altchars=b'-_*'), lambda: base64.b64encode(b'\xfb\xff', altchars=b'-'),
          lambda: base64.b64encode(b'\xfb\xff', altchars='-_'), lambda: base64.b64encode(bytearray(b'\xfb\xff'), altchars=bytearray(b'-_')),
          lambda: base64.b16encode('x'), lambda: base64.b16encode(memoryview(b'\x01\xfe')), lambda: base64.b16decode('01A'),
          lambda: base64.b16decode('G'), lambda: base64.b16decode(b'0A', casefold=True), lambda: base64.b16decode(bytearray(b'ff'), True),
          lambda: base64.urlsafe_b64decode('+//+'), lambda: base64.urlsafe_b64decode(b'-__-'), lambda: base64.standard_b64decode('-__-'),
          lambda: base64.b64decode('YW==YW', validate=True), lambda: base64.b64decode('YW\n==', validate=True), lambda: base64.b64decode('YW\n=='),
          lambda: base64.encodebytes('x'), lambda: base64.encodebytes(array.array('i', [1])), lambda: base64.encodebytes(array.array('B', [1, 2])),
          lambda: base64.encodebytes(memoryview(b'abcd')), lambda: base64.encodebytes(bytearray(b'xyz')), lambda: base64.decodebytes('YWJj'),
          lambda: base64.decodebytes(b'YWJj\nYWJj\n'), lambda: base64.decodebytes(memoryview(b'YQ==')), lambda: base64.encodebytes(3)):
    print(err(f))
for n in (0, 56, 57, 58, 114, 200):
    d = rbytes(n)
    e = base64.encodebytes(d)
    print(n, e.count(b'\n'), max([len(x) for x in e.split(b'\n')] or [0]), e[-10:], base64.decodebytes(e) == d)

# encode/decode on file objects (short reads are topped up).
class Trickle(io.BytesIO):
    def read(self, n=-1):
        return super().read(min(n, 10) if n is not None and n > 0 else n)


for n in (0, 10, 57, 100, 300):
    d = rbytes(n)
    out = io.BytesIO()
    base64.encode(io.BytesIO(d), out)
    slow = io.BytesIO()
    base64.encode(Trickle(d), slow)
    back = io.BytesIO()
    base64.decode(io.BytesIO(out.getvalue()), back)
    print(n, out.getvalue()[-12:], out.getvalue() == slow.getvalue() == base64.encodebytes(d), back.getvalue() == d)

# bytes.translate and bytes.maketrans, which base64 is built on.
t = bytes.maketrans(b'+/', b'-_')
print(len(t), b'a+b/c'.translate(t), bytearray(b'+x/').translate(t), b'abcabc'.translate(None, b'b'), b'abc'.translate(t, delete=b'c'))
print(bytearray.maketrans(b'a', b'b')[97:99], b'xy'.translate(memoryview(t)), type(bytearray(b'q').translate(None)))
for f in (lambda: bytes.maketrans(b'a', b'bc'), lambda: bytes.maketrans('a', 'b'), lambda: b'a'.translate(b'xx'), lambda: b'a'.translate('x'),
          lambda: b'a'.translate(None, 'a')):
    print(err(f))
for f in (lambda: b'a'.translate(), lambda: b'a'.translate(None, b'', 1), lambda: bytes.maketrans(b'a'), lambda: bytearray(b'a').translate(),
          lambda: b'ab'.translate(None, delete=b'a'), lambda: b'a'.translate(table=None), lambda: bytes.maketrans(b'a', b'b', b'c')):
    print(err(f))

# Subclasses of bytes, bytearray and str are accepted as their base types (hashlib and binascii too).
import hashlib


class B(bytes):
    pass


class BA(bytearray):
    pass


class S(str):
    pass


print(hashlib.md5(B(b'abc')).hexdigest(), hashlib.md5(BA(b'abc')).hexdigest(), binascii.hexlify(B(b'ab'), B(b'-')), binascii.a2b_base64(S('YWJj')))
print(base64.b64encode(B(b'xyz')), base64.b64decode(S('eHl6')), base64.b32encode(BA(b'q')), binascii.crc32(B(b'a')), base64.a85decode(S('BOu!rD]j7')))
print(err(lambda: hashlib.md5(S('x'))), err(lambda: binascii.b2a_base64(S('x'))))
