# binascii: hex with sep/bytes_per_sep, base64 (newline, strict_mode), uuencode (backtick), crc32 and crc_hqx
# on random data as CPython; 2,000 random malformed base64 strings and 600 uu lines decoded leniently and
# strictly (result or error message), the exceptions' classes and CPython's argument errors.
import binascii, random

rng = random.Random(77)


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def err(f):
    try:
        r = f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return 'ok %r' % (r,)


print(binascii.Error.__mro__, binascii.Incomplete.__mro__, issubclass(binascii.Error, ValueError))
print(binascii.Error('x'), repr(binascii.Incomplete('y')))

# Hex.
for n in (0, 1, 2, 3, 5, 8, 17, 64):
    d = rbytes(n)
    h = binascii.hexlify(d)
    print(n, h, binascii.b2a_hex(d) == h, binascii.unhexlify(h) == d, binascii.a2b_hex(h.upper().decode()) == d, h == d.hex().encode())
    for sep, per in (('-', 1), (b':', 2), (' ', -2), ('_', 3), (b'|', -3), ('.', 0), ('x', 100), ('é', 1), (b'\xff', -1)):
        print(' ', repr(sep), per, binascii.hexlify(d, sep, per))
    print(' ', binascii.hexlify(d, '-'), binascii.b2a_hex(d, sep=b'+', bytes_per_sep=-4))
print(binascii.hexlify(bytearray(b'ab')), binascii.hexlify(memoryview(b'\x00\xff')), binascii.unhexlify(bytearray(b'0A0b')), binascii.unhexlify(memoryview(b'ff')))
for f in (lambda: binascii.hexlify(b'ab', '::'), lambda: binascii.hexlify(b'ab', ''), lambda: binascii.hexlify(b'ab', 'ā'),
          lambda: binascii.hexlify(b'ab', 1), lambda: binascii.hexlify(b'ab', None), lambda: binascii.hexlify(b'ab', ['-']),
          lambda: binascii.hexlify(b'ab', bytearray(b'-')), lambda: binascii.hexlify(b'ab', '-', 1.0), lambda: binascii.hexlify(b'ab', '-', 2 ** 40),
          lambda: binascii.hexlify('ab'), lambda: binascii.hexlify(1), lambda: binascii.hexlify(), lambda: binascii.hexlify(b'', b'', 1, 2),
          lambda: binascii.hexlify(b'a', foo=1), lambda: binascii.hexlify(data=b'a'), lambda: binascii.b2a_hex(data=b'\x01', sep='-'),
          lambda: binascii.unhexlify('01a'), lambda: binascii.unhexlify('0g'), lambda: binascii.unhexlify('é1'), lambda: binascii.unhexlify(b' 01'),
          lambda: binascii.unhexlify(1), lambda: binascii.unhexlify(hexstr='00'), lambda: binascii.unhexlify(), lambda: binascii.unhexlify(b'0', b'1'),
          lambda: binascii.a2b_hex('0 0'), lambda: binascii.a2b_hex('zz')):
    print(err(f))

# Base64.
for n in list(range(0, 10)) + [57, 58, 100]:
    d = rbytes(n)
    e = binascii.b2a_base64(d)
    print(n, e, binascii.b2a_base64(d, newline=False) == e[:-1], binascii.a2b_base64(e) == d, binascii.a2b_base64(e[:-1].decode(), strict_mode=True) == d)
print(binascii.b2a_base64(b'a', newline=0), binascii.b2a_base64(b'a', newline=5), binascii.b2a_base64(bytearray(b'xyz')))
alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
pool = alphabet * 2 + '=' * 12 + ' \n!-_*.\x00\x7f'
seen = {}
for i in range(2000):
    s = ''.join(rng.choice(pool) for _ in range(rng.randrange(0, 14)))
    a, b = err(lambda: binascii.a2b_base64(s)), err(lambda: binascii.a2b_base64(s, strict_mode=True))
    key = (a[:30], b[:30])
    seen[key] = seen.get(key, 0) + 1
    if i < 400:
        print(repr(s), a, '|', b)
print(len(seen), sorted(seen.items())[:40])
for s in ('YWJj', 'YW==', 'YWI=', 'YW=', 'YW=x=', 'YW==YWJj', '=YWJj', 'YWJj====', '====', '', 'Y', 'YWJjZ', 'Y!WJjZ===', 'YWJj\n',
          'YW=\n=', 'YWJjY===', '-_==', 'YW===', 'Y===', b'YW\xffJj', b'YW\x00Jj'):
    print(repr(s), err(lambda: binascii.a2b_base64(s)), '|', err(lambda: binascii.a2b_base64(s, strict_mode=True)))
for f in (lambda: binascii.a2b_base64('é'), lambda: binascii.a2b_base64(1), lambda: binascii.a2b_base64(), lambda: binascii.a2b_base64(b'', b''),
          lambda: binascii.a2b_base64(b'', foo=1), lambda: binascii.a2b_base64(data=b''), lambda: binascii.a2b_base64(b'YQ==', strict_mode=[]),
          lambda: binascii.b2a_base64('a'), lambda: binascii.b2a_base64(), lambda: binascii.b2a_base64(b'a', True),
          lambda: binascii.b2a_base64(b'', foo=1), lambda: binascii.b2a_base64(b'a', newline=[]), lambda: binascii.b2a_base64(b'a', newline=1.5)):
    print(err(f))

# uuencode.
for n in (0, 1, 2, 3, 4, 30, 44, 45):
    d = rbytes(n)
    e = binascii.b2a_uu(d)
    print(n, e, binascii.a2b_uu(e) == d, binascii.b2a_uu(d, backtick=True), binascii.a2b_uu(binascii.b2a_uu(d, backtick=True)) == d)
print(binascii.b2a_uu(b'\x00\x00\x00'), binascii.b2a_uu(b'\x00\x00\x00', backtick=1), binascii.b2a_uu(b''), binascii.b2a_uu(b'', backtick=True))
upool = [chr(c) for c in range(32, 97)] * 2 + ['\n', '\r', '`', ' ', '~', '\x1f', 'a', '\x00']
for i in range(600):
    s = ''.join(rng.choice(upool) for _ in range(rng.randrange(0, 12)))
    r = err(lambda: binascii.a2b_uu(s))
    if i < 300:
        print(repr(s), r)
for s in (b'', b'\n', b'`', b'!', b'#86)C\n', b'#86)C', b'#86', b'#86)CCCCC\n', b'#86)C  \n', b'#86)C  x\n', b'~~~', b'#8\n)C',
          b'$86)C', b'#86)\x1f', b'#a6)C', b'M' + b'a' * 60, '#86)C', b'#86)C``\r\n'):
    print(repr(s), err(lambda: binascii.a2b_uu(s)))
for f in (lambda: binascii.b2a_uu(b'x' * 46), lambda: binascii.b2a_uu('a'), lambda: binascii.b2a_uu(), lambda: binascii.b2a_uu(b'', b''),
          lambda: binascii.b2a_uu(b'', backtick=[]), lambda: binascii.a2b_uu(), lambda: binascii.a2b_uu(1), lambda: binascii.a2b_uu(b'', backtick=True),
          lambda: binascii.a2b_uu('é')):
    print(err(f))

# CRCs.
for n in (0, 1, 5, 64, 1000):
    d = rbytes(n)
    print(n, binascii.crc32(d), binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff), binascii.crc32(d, 0xdeadbeef))
    k = rng.randrange(0, n + 1)
    print(binascii.crc32(d[k:], binascii.crc32(d[:k])) == binascii.crc32(d), binascii.crc_hqx(d[k:], binascii.crc_hqx(d[:k], 7)) == binascii.crc_hqx(d, 7))
print(binascii.crc32(b'The quick brown fox jumps over the lazy dog'), binascii.crc32(b'123456789'), binascii.crc_hqx(b'123456789', 0))
print(binascii.crc32(b'hello', -1), binascii.crc32(b'hello', 2 ** 40), binascii.crc32(b'hello', 2 ** 70 + 5), binascii.crc32(b'a', True))
print(binascii.crc_hqx(b'hello', -1), binascii.crc_hqx(b'hello', 2 ** 40), binascii.crc_hqx(b'hello', 2 ** 70), binascii.crc32(memoryview(b'abc'), 5))
for f in (lambda: binascii.crc32(), lambda: binascii.crc32(b'', 1, 2), lambda: binascii.crc32('a'), lambda: binascii.crc32(b'a', 1.0),
          lambda: binascii.crc32(b'a', crc=1), lambda: binascii.crc_hqx(b'a'), lambda: binascii.crc_hqx(b'', 1, 2),
          lambda: binascii.crc_hqx(b'', crc=1), lambda: binascii.crc_hqx('a', 0), lambda: binascii.crc_hqx(b'a', 0.5)):
    print(err(f))

# The errors are catchable as ValueError, raised as binascii.Error.
try:
    binascii.unhexlify('abc')
except ValueError as e:
    print(type(e), type(e).__module__, e.args)
