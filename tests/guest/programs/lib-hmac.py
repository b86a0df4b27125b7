# hmac: RFC 4231 / RFC 2202 vectors, every hashlib digest by name and by constructor, long keys,
# update/copy, the one-shot digest, compare_digest, and the errors CPython raises.
import hashlib
import hmac
import warnings


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# RFC 4231 test cases 1, 2, 4, 6, 7 with SHA-224/256/384/512.
cases = [
    (b'\x0b' * 20, b'Hi There'),
    (b'Jefe', b'what do ya want for nothing?'),
    (bytes(range(1, 26)), b'\xcd' * 50),
    (b'\xaa' * 131, b'Test Using Larger Than Block-Size Key - Hash Key First'),
    (b'\xaa' * 131, b'This is a test using a larger than block-size key and a larger than block-size data. '
                    b'The key needs to be hashed before being used by the HMAC algorithm.'),
]
for key, msg in cases:
    for dm in ('sha224', 'sha256', 'sha384', 'sha512'):
        print(dm, hmac.new(key, msg, dm).hexdigest())
# RFC 2202: MD5 and SHA-1.
print(hmac.new(b'\x0b' * 16, b'Hi There', 'md5').hexdigest(), hmac.new(b'Jefe', b'what do ya want for nothing?', hashlib.sha1).hexdigest())
for dm in ['md5', 'sha1', 'sha256', 'sha512', 'sha3_256', 'sha3_512', 'blake2b', 'blake2s', 'sha224', 'sha384', 'SHA256',
           'sha512_256', hashlib.md5, hashlib.sha256, hashlib.blake2b, hashlib.blake2s, hashlib.sha3_224]:
    h = hmac.new(b'key', b'The quick brown fox', dm)
    long = hmac.new(b'k' * 300, b'msg', dm)
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), long.hexdigest()[:16])

h = hmac.new(b'secret', digestmod='sha256')
h.update(b'part one, ')
c = h.copy()
h.update(b'part two')
c.update(bytearray(b'other'))
c2 = c.copy()
c2.update(memoryview(b'!'))
print(h.hexdigest(), c.hexdigest(), c2.hexdigest(), h.digest()[:6], type(h.digest()).__name__, type(c).__name__)
print(h.hexdigest() == hmac.new(b'secret', b'part one, part two', 'sha256').hexdigest(), h.digest() == h.digest())
print(hmac.new(bytearray(b'k'), memoryview(b'msg'), 'md5').hexdigest(), hmac.new(b'', digestmod='sha256').hexdigest(),
      hmac.new(b'k', None, 'sha1').hexdigest(), hmac.HMAC(b'k', b'x', digestmod='md5').hexdigest())
print(hmac.new(b'k', digestmod=lambda d=b'': hashlib.sha256(d)).hexdigest(), hmac.new(b'k', b'x', hashlib.sha256).name)
for dm in ['sha256', hashlib.sha256, hashlib.blake2s, 'sha3_384', 'md5']:
    d = hmac.digest(b'key', b'message', dm)
    print(d.hex(), d == hmac.new(b'key', b'message', dm).digest(), hmac.digest(b'K' * 200, bytearray(b'm'), dm).hex()[:20])

t(lambda: hmac.new(b'k'))
t(lambda: hmac.new(b'k', b'm', None))
t(lambda: hmac.new(b'k', b'm', ''))
t(lambda: hmac.new('k', digestmod='sha256'))
t(lambda: hmac.new(5, digestmod='sha256'))
t(lambda: hmac.new(memoryview(b'k'), b'msg', 'md5'))
t(lambda: hmac.new(b'k', 'str', 'sha256'))
t(lambda: hmac.new(b'k', digestmod='nope'))
t(lambda: hmac.new(b'k', digestmod='shake_128'))
t(lambda: hmac.new(b'k', digestmod=hashlib.shake_256))
t(lambda: hmac.new(b'k', digestmod=hashlib))
t(lambda: h.update('x'))
t(lambda: hmac.digest(b'k', b'm', 'nope'))
t(lambda: hmac.digest(b'k', b'm', None))
t(lambda: hmac.digest('k', b'm', 'md5'))
t(lambda: hmac.digest(b'k', 'm', 'md5'))
t(lambda: hmac.digest(b'k', b'm', 'shake_128'))
t(lambda: hmac.compare_digest(b'a', b'a'))
t(lambda: hmac.compare_digest(b'abc', b'abd'))
t(lambda: hmac.compare_digest(b'abc', bytearray(b'abc')))
t(lambda: hmac.compare_digest('abc', 'abc'))
t(lambda: hmac.compare_digest('a', 'b'))
t(lambda: hmac.compare_digest('a', b'a'))
t(lambda: hmac.compare_digest('é', 'é'))
t(lambda: hmac.compare_digest(1, 1))
t(lambda: hmac.compare_digest(h.digest(), hmac.new(b'secret', b'part one, part two', 'sha256').digest()))
t(lambda: (hmac.HMAC.blocksize, hmac.digest_size, hmac.trans_5C[:4], hmac.trans_36[-3:], len(hmac.trans_36)))
t(lambda: repr(h).startswith('<hmac.HMAC object at 0x'))
t(lambda: h.digest_cons)


class Tiny:
    # A digest with a block size too small for HMAC: CPython warns and uses 64.
    digest_size = 4
    block_size = 8
    name = 'tiny'

    def __init__(self, data=b''):
        self.data = bytes(data)

    def update(self, data):
        self.data += bytes(data)

    def copy(self):
        return Tiny(self.data)

    def digest(self):
        return hashlib.md5(self.data).digest()[:4]

    def hexdigest(self):
        return self.digest().hex()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    tiny = hmac.HMAC(b'key', b'msg', Tiny)
print(tiny.name, tiny.block_size, tiny.hexdigest(), [(w.category.__name__, str(w.message)) for w in caught])
print(hmac.new(b'k', b'm', 'sha256').digest() + 'tail')
