# hashlib: every algorithm CPython 3.11 lists on random data of lengths around the block and padding
# boundaries (whole, and fed in random chunks), the standard test vectors, copy() forking, XOF lengths,
# BLAKE2's key/salt/person/tree parameters and their errors, new() with hashlib's and OpenSSL's names,
# pbkdf2_hmac, file_digest, usedforsecurity, the types and reprs' names, and CPython's error messages.
import hashlib, _hashlib, random, io

rng = random.Random(1234)


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def err(f):
    try:
        r = f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return 'ok %s' % (r.hexdigest(),) if hasattr(r, 'hexdigest') else 'ok %r' % (r,)


def hx(h, n=32):
    return h.hexdigest(n) if h.digest_size == 0 else h.hexdigest()


names = sorted(hashlib.algorithms_available)
print(names)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.algorithms_guaranteed <= hashlib.algorithms_available, type(hashlib.algorithms_available).__name__)
print(hashlib.__all__)

# The standard vectors.
vectors = [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
           b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
           b'The quick brown fox jumps over the lazy dog']
for name in names:
    for v in vectors:
        print(name, len(v), hx(hashlib.new(name, v)))
million = b'a' * 1000000
for name in names:
    print(name, 'million a', hx(hashlib.new(name, million)))

# Random data at the boundaries, whole and in random chunks; digest() twice; copy() forks.
for name in names:
    h0 = hashlib.new(name)
    print(name, h0.name, h0.digest_size, h0.block_size, type(h0).__module__, type(h0).__name__)
    for n in (1, 55, 56, 63, 64, 65, 71, 72, 103, 104, 111, 112, 127, 128, 129, 135, 136, 137, 143, 144, 167, 168, 169, 300, 1025):
        data = rbytes(n)
        whole = hashlib.new(name, data)
        parts = hashlib.new(name)
        i = 0
        while i < n:
            k = rng.randrange(0, 90)
            parts.update(data[i:i + k])
            i += k
        a, b = hx(whole, 40), hx(parts, 40)
        print(name, n, a, a == b, hx(whole, 40) == a)
    base = hashlib.new(name, b'prefix-')
    fork = base.copy()
    fork.update(b'fork')
    base.update(b'base')
    print(name, hx(base), hx(fork), hx(hashlib.new(name, b'prefix-fork')) == hx(fork), type(fork) is type(base))

# digest() bytes and the named constructors.
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512'):
    ctor = getattr(hashlib, name)
    h = ctor(b'digest me')
    print(name, ctor.__name__, h.digest(), h.digest().hex() == h.hexdigest(), len(h.digest()) == h.digest_size)
    print(ctor(string=b'kw').hexdigest() == ctor(b'kw').hexdigest(), ctor(b'x', usedforsecurity=False).hexdigest() == ctor(b'x').hexdigest())
print(hashlib.md5, hashlib.sha3_512, hashlib.shake_128, hashlib.blake2b, hashlib.blake2s, hashlib.new.__name__)
print(type(hashlib.md5()), type(hashlib.shake_128()), type(hashlib.blake2b()), type(hashlib.blake2s()))
print(issubclass(_hashlib.HASHXOF, _hashlib.HASH), isinstance(hashlib.sha1(), _hashlib.HASH), isinstance(hashlib.shake_256(), _hashlib.HASH))
print(isinstance(hashlib.new('blake2b'), hashlib.blake2b), type(hashlib.new('blake2b512')).__name__, hashlib.new('blake2b512').name)
r = repr(hashlib.sha256())
print(r.startswith('<sha256 _hashlib.HASH object @ 0x'), repr(hashlib.shake_128()).startswith('<shake_128 _hashlib.HASHXOF object @ 0x'))
print(repr(hashlib.blake2s()).startswith('<_blake2.blake2s object at 0x'))
h1, h2 = hashlib.md5(), hashlib.md5()
print(h1 == h2, h1 == h1, len({h1, h2, h1}), bytes(memoryview(hashlib.sha1(b'a').digest())))

# XOF lengths.
for name in ('shake_128', 'shake_256'):
    h = hashlib.new(name, b'extendable')
    for n in (0, 1, 2, 31, 32, 33, 135, 136, 137, 167, 168, 169, 500):
        d = h.digest(n)
        print(name, n, len(d), h.hexdigest(n)[:24], d.hex() == h.hexdigest(n), h.digest(length=n) == d)
    print(h.digest(True), h.digest_size, h.block_size)
    print(err(lambda: h.digest()), '|', err(lambda: h.hexdigest()), '|', err(lambda: h.digest(-1)), '|', err(lambda: h.hexdigest(-1)))
    print(err(lambda: h.digest(1.5)), '|', err(lambda: h.digest(None)), '|', err(lambda: h.digest(1, 2)), '|', err(lambda: h.digest(2 ** 63)))
print(hashlib.shake_128(b'abc').hexdigest(1000) == hashlib.shake_128(b'abc').digest(1000).hex())

# BLAKE2 parameters.
for ctor, lim in ((hashlib.blake2b, 64), (hashlib.blake2s, 32)):
    print(ctor.__name__, ctor.SALT_SIZE, ctor.PERSON_SIZE, ctor.MAX_KEY_SIZE, ctor.MAX_DIGEST_SIZE)
    for ds in (1, 2, 16, 20, lim // 2, lim - 1, lim):
        print(ctor.__name__, ds, ctor(b'abc', digest_size=ds).hexdigest())
    for _ in range(25):
        kw = {}
        if rng.random() < 0.6:
            kw['digest_size'] = rng.randrange(1, lim + 1)
        if rng.random() < 0.6:
            kw['key'] = rbytes(rng.randrange(0, lim + 1))
        if rng.random() < 0.5:
            kw['salt'] = rbytes(rng.randrange(0, ctor.SALT_SIZE + 1))
        if rng.random() < 0.5:
            kw['person'] = rbytes(rng.randrange(0, ctor.PERSON_SIZE + 1))
        if rng.random() < 0.3:
            kw.update(fanout=rng.randrange(256), depth=rng.randrange(1, 256), leaf_size=rng.randrange(2 ** 32),
                      node_offset=rng.randrange(2 ** (64 if lim == 64 else 48)), node_depth=rng.randrange(256),
                      inner_size=rng.randrange(lim + 1), last_node=rng.random() < 0.5)
        data = rbytes(rng.randrange(0, 300))
        h = ctor(data, **kw)
        g = hashlib.new(ctor.__name__, data, **kw)
        c = h.copy()
        c.update(b'more')
        print(ctor.__name__, sorted(kw), h.digest_size, h.hexdigest(), g.hexdigest() == h.hexdigest(), c.hexdigest()[:16])
    print(ctor(key=b'key').hexdigest(), ctor(b'', key=b'k' * lim).hexdigest())
    print(ctor(last_node=True).hexdigest()[:32], ctor(last_node=0).hexdigest() == ctor().hexdigest())
    for bad in (dict(digest_size=0), dict(digest_size=lim + 1), dict(key=b'k' * (lim + 1)), dict(salt=b's' * (ctor.SALT_SIZE + 1)),
                dict(person=b'p' * (ctor.PERSON_SIZE + 1)), dict(fanout=256), dict(fanout=-1), dict(depth=0), dict(depth=256),
                dict(leaf_size=2 ** 32), dict(leaf_size=-1), dict(leaf_size=2 ** 64), dict(leaf_size=1.0), dict(node_offset=-1),
                dict(node_offset=2 ** 48), dict(node_offset=2 ** 64), dict(node_depth=-1), dict(node_depth=256),
                dict(inner_size=-1), dict(inner_size=lim + 1), dict(key='str'), dict(salt=None), dict(digest_size='x'),
                dict(digest_size=2 ** 40), dict(fanout=2.0), dict(foo=1), dict(data=b'x'), dict(string=b'x'),
                dict(digest_size=0, key='x'), dict(salt=b's' * 40, person=b'p' * 40), dict(key=b'k' * 99, inner_size=99)):
        print(ctor.__name__, sorted(bad), err(lambda: ctor(**bad)))
    print(err(lambda: ctor('text')), '|', err(lambda: ctor(3)), '|', err(lambda: ctor(b'a', b'b')), '|', err(lambda: ctor('x', digest_size=0)))
    print(err(lambda: ctor().update()), '|', err(lambda: ctor().update('s')), '|', err(lambda: ctor().digest(1)), '|', err(lambda: ctor().copy(1)))
    print(ctor(b'x', usedforsecurity=False).hexdigest() == ctor(b'x').hexdigest(), ctor(memoryview(b'mv')).hexdigest() == ctor(b'mv').hexdigest())

# new(): hashlib's names, OpenSSL's aliases, and the rest.
for alias in ('MD5', 'SSL3-MD5', 'SHA1', 'sha-1', 'SHA-224', 'SHA2-256', 'sha-384', 'SHA2-512', 'SHA-512/224', 'sha512-256',
              'SHA512_224', 'SHA3-256', 'sha3-512', 'SHAKE128', 'shake-256', 'BLAKE2B-512', 'blake2s256', 'RIPEMD',
              'rmd160', 'RIPEMD-160', 'SM3', 'MD5-SHA1', 'Sha256'):
    h = hashlib.new(alias, b'alias')
    print(alias, h.name, hx(h, 8))
for bad in ('SHA3_256', 'BLAKE2B', 'Shake_128', 'md4', 'whirlpool', 'sha256 ', 'sha_256', 'blake2b_512', 'sha512/224', ''):
    print(repr(bad), err(lambda: hashlib.new(bad)))
print(err(lambda: hashlib.new(b'md5')), '|', err(lambda: hashlib.new(5)), '|', err(lambda: hashlib.new('md5\0')), '|', err(lambda: hashlib.new([])))
print(err(lambda: hashlib.new()), '|', err(lambda: hashlib.new('md5', b'', False)), '|', err(lambda: hashlib.new('md5', digest_size=3)))
print(err(lambda: hashlib.new('md5', string=b'x')), '|', hashlib.new('md5', data=b'x').hexdigest(), hashlib.new(name='sha1').name)
print(hashlib.new('sha256', b'x', usedforsecurity=False).hexdigest() == hashlib.sha256(b'x').hexdigest())
print(hashlib.new('blake2b', b'x', digest_size=8, key=b'k').hexdigest(), err(lambda: hashlib.new('blake2s', b'x', string=b'y')))
print(_hashlib.new('md5', b'x').hexdigest(), err(lambda: _hashlib.new('nope')), err(lambda: _hashlib.new('md5', b'x', b'y')))
print(err(lambda: _hashlib.new()), '|', issubclass(_hashlib.UnsupportedDigestmodError, ValueError), _hashlib.get_fips_mode())
print(sorted(_hashlib.openssl_md_meth_names) == names)

# Argument errors of the hash objects.
h = hashlib.sha256()
for f in (lambda: h.update(), lambda: h.update('str'), lambda: h.update(1), lambda: h.update(None), lambda: h.update(b'a', b'b'),
          lambda: h.update(data=b'a'), lambda: h.digest(1), lambda: h.hexdigest(1), lambda: h.copy(1), lambda: h.digest(x=1),
          lambda: hashlib.md5('s'), lambda: hashlib.md5(1), lambda: hashlib.md5(b'a', b'b'), lambda: hashlib.md5(data=b'a'),
          lambda: _hashlib.HASH(), lambda: _hashlib.HASHXOF()):
    print(err(f))
h.update(memoryview(b'view'))
h.update(bytearray(b'array'))
print(h.hexdigest() == hashlib.sha256(b'viewarray').hexdigest())

# pbkdf2_hmac.
P = hashlib.pbkdf2_hmac
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512_256', 'sha3_256', 'blake2b', 'blake2s', 'ripemd160', 'sm3', 'md5-sha1', 'SHA-256'):
    print(name, P(name, b'password', b'salt', 3).hex(), P(name, b'password', b'NaCl', 2, 100).hex()[-20:])
print(P('sha1', b'password', b'salt', 1, 20).hex(), P('sha1', b'password', b'salt', 4096).hex())
print(P('sha256', b'k' * 200, b'', 5, 33).hex(), P('sha256', bytearray(b'pw'), memoryview(b'salt'), 2, None).hex())
print(P(hash_name='sha256', password=b'pw', salt=b'salt', iterations=2, dklen=4).hex())
for f in (lambda: P('sha1', b'p', b's', 1, 2, 3), lambda: P('sha1', b'p', b's'), lambda: P(), lambda: P(1, b'p', b's', 1), lambda: P(None, b'p', b's', 1),
          lambda: P('sha1', 'p', b's', 1), lambda: P('sha1', b'p', 's', 1), lambda: P('sha1', b'p', b's', 0), lambda: P('sha1', b'p', b's', -5),
          lambda: P('sha1', b'p', b's', 1, 0), lambda: P('sha1', b'p', b's', 1, -1), lambda: P('sha1', b'p', b's', 2 ** 31),
          lambda: P('sha1', b'p', b's', 2 ** 63), lambda: P('sha1', b'p', b's', 1, 2 ** 31), lambda: P('sha1', b'p', b's', 1.5),
          lambda: P('sha1', b'p', b's', 1, 2.0), lambda: P('foo', b'p', b's', 1), lambda: P('foo', b'p', b's', 0),
          lambda: P('shake_128', b'p', b's', 1), lambda: P('shake_128', b'p', b's', 0), lambda: P('SHA3_256', b'p', b's', 1),
          lambda: P('sha1\0', b'p', b's', 1), lambda: P('sha1', b'p', b's', 1, foo=2)):
    print(err(f))

# file_digest.
print(hashlib.file_digest(io.BytesIO(b'abc' * 1000), 'sha256').hexdigest(), hashlib.file_digest(io.BytesIO(b'x'), hashlib.md5).hexdigest())
with open('hashlib-file.bin', 'wb') as f:
    f.write(rbytes(5000))
with open('hashlib-file.bin', 'rb') as f:
    fd = hashlib.file_digest(f, 'sha1').hexdigest()
with open('hashlib-file.bin', 'rb') as f:
    print(fd == hashlib.sha1(f.read()).hexdigest())
import os
os.remove('hashlib-file.bin')
print(err(lambda: hashlib.file_digest(io.BytesIO(b'x'), 'nope')), '|', err(lambda: hashlib.file_digest(b'abc', 'md5')))
try:
    hashlib.file_digest(io.StringIO('abc'), 'md5')
except ValueError as e:
    print('ValueError', str(e).endswith("is not a file-like object in binary reading mode."))

# compare_digest.
C = _hashlib.compare_digest
print(C(b'abc', b'abc'), C(b'abc', b'abd'), C(b'abc', b'ab'), C('abc', 'abc'), C(bytearray(b'x'), b'x'), C(b'', b''))
print(err(lambda: C('a', b'a')), '|', err(lambda: C('é', 'é')), '|', err(lambda: C(1, 2)), '|', err(lambda: C(b'a')), '|', err(lambda: C(a=b'a', b=b'a')))

# The state is C data in CPython: copy, deepcopy and pickle refuse it; methods check their object.
import copy, pickle
for f in (lambda: copy.copy(hashlib.md5()), lambda: copy.deepcopy(hashlib.shake_128()), lambda: pickle.dumps(hashlib.sha1()),
          lambda: copy.copy(hashlib.blake2s()), lambda: _hashlib.HASH.update(b'x'), lambda: _hashlib.HASH.digest(hashlib.blake2b()),
          lambda: hashlib.blake2b.copy(hashlib.md5())):
    print(err(f))
h = hashlib.blake2b(b'a', digest_size=4)
h.__init__(b'zzz', digest_size=9)
print(h.hexdigest(), h.digest_size)

# scrypt: RFC 7914's vectors, random parameters, CPython's and OpenSSL's parameter errors.
S = hashlib.scrypt
print(S(b'', salt=b'', n=16, r=1, p=1, dklen=64).hex())
print(S(b'password', salt=b'NaCl', n=1024, r=8, p=16, dklen=64).hex())
for _ in range(12):
    n, r, p = 2 ** rng.randrange(1, 9), rng.randrange(1, 5), rng.randrange(1, 4)
    print(n, r, p, S(rbytes(rng.randrange(0, 20)), salt=rbytes(rng.randrange(0, 20)), n=n, r=r, p=p, dklen=rng.randrange(1, 90)).hex())
print(S(password=bytearray(b'pw'), salt=memoryview(b's'), n=2, r=1, p=1).hex(), S(b'pw', salt=b's', n=16, r=1, p=1, maxmem=2 ** 20, dklen=5).hex())
for kw in (dict(n=15, r=1, p=1), dict(n=1, r=1, p=1), dict(n=0, r=1, p=1), dict(n=-2, r=1, p=1), dict(n=16, r=0, p=1), dict(n=16, r=1, p=0),
           dict(n=16, r=-1, p=1), dict(n=16, r=1, p=1, dklen=0), dict(n=16, r=1, p=1, dklen=2 ** 31), dict(n=16, r=1, p=1, maxmem=-1),
           dict(n=16, r=1, p=1, maxmem=2 ** 31), dict(n=16, r=1, p=1, maxmem=1000), dict(n=2 ** 20, r=8, p=1), dict(n=16), dict(),
           dict(n=16.0, r=1, p=1), dict(n=2 ** 70, r=1, p=1), dict(n=16, r=1, p=1, foo=1), dict(n=16, r=2 ** 40, p=1),
           dict(n=16, r=2 ** 31, p=1), dict(n=16, r=1, p=2 ** 31), dict(n=2 ** 40, r=1, p=1), dict(n=16, r=1, p=1, dklen=1.5),
           dict(n=16, r=1, p=1, dklen=None), dict(n=None, r=1, p=1), dict(n=True, r=1, p=1), dict(n=2 ** 15, r=8, p=1, maxmem=2 ** 25)):
    print(sorted(kw.items()), err(lambda: S(b'pw', salt=b'salt', **kw)))
print(err(lambda: S(b'pw')), '|', err(lambda: S(b'pw', b'salt', 16, 1, 1)), '|', err(lambda: S('pw', salt=b's', n=2, r=1, p=1)),
      '|', err(lambda: S(b'pw', salt='s', n=2, r=1, p=1)), '|', err(lambda: S(b'pw', salt=None, n=2, r=1, p=1)), '|', err(lambda: S()))
print(err(lambda: hashlib.md5(string=b'', usedforsecurity=1, x=2)), '|', err(lambda: hashlib.sha1(b'', b'', b'')))
