/**
 * `hmac` in guest Python on `hashlib` (RFC 2104: the key padded to the digest's block size, the
 * inner and outer hashes keyed with 0x36 and 0x5C): `new`, `HMAC` (`update`, `copy`, `digest`,
 * `hexdigest`, `name`, `digest_size`, `block_size`), `digest`, `compare_digest` (`_hashlib`'s),
 * `trans_36`/`trans_5C`, with CPython 3.11's messages. CPython computes an HMAC over an OpenSSL
 * digest (a name, or a `hashlib` constructor) in OpenSSL and others in Python; here every HMAC is
 * the Python construction, which gives the same bytes. OpenSSL's refusal of the SHAKE digests is
 * kept ("no reason supplied").
 */
import { pythonModule } from './kit.js';

export const hmac = pythonModule('hmac', String.raw`
import _hashlib
import hashlib as _hashlib_mod
from _hashlib import compare_digest

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

digest_size = None

# What CPython hands to OpenSSL: a name, or one of hashlib's OpenSSL constructors.
_functype = type(_hashlib.openssl_sha256)


def _constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b'': _hashlib_mod.new(digestmod, d)
    return lambda d=b'': digestmod.new(d)


def _refuse_xof(digestmod, probe):
    # OpenSSL's HMAC takes no extendable-output digest.
    if isinstance(digestmod, (str, _functype)) and probe.name.startswith('shake_'):
        raise ValueError('no reason supplied')


class HMAC:
    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError('key: expected bytes or bytearray, but got %r' % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        cons = _constructor(digestmod)
        self._inner = cons()
        self._outer = cons()
        _refuse_xof(digestmod, self._inner)
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, 'block_size', None)
        if blocksize is None or blocksize < 16:
            import warnings
            if blocksize is None:
                warnings.warn('No block_size attribute on given digest object; Assuming %d.'
                              % self.blocksize, RuntimeWarning, 2)
            else:
                warnings.warn('block_size of %d seems too small; using our default of %d.'
                              % (blocksize, self.blocksize), RuntimeWarning, 2)
            blocksize = self.blocksize
        self.block_size = blocksize
        if len(key) > blocksize:
            key = cons(key).digest()
        key = bytes(key) + bytes(blocksize - len(key))
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return 'hmac-' + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        return self._current().digest()

    def hexdigest(self):
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    if isinstance(digest, (str, _functype)):
        # OpenSSL's one-shot HMAC reads both arguments as buffers first.
        for arg in (key, msg):
            if not isinstance(arg, (bytes, bytearray, memoryview)):
                raise TypeError("a bytes-like object is required, not '%s'" % type(arg).__name__)
    cons = _constructor(digest)
    inner = cons()
    outer = cons()
    _refuse_xof(digest, inner)
    blocksize = getattr(inner, 'block_size', 64)
    if isinstance(key, (bytearray, memoryview)):
        key = bytes(key)
    if len(key) > blocksize:
        key = cons(key).digest()
    key = key + b'\x00' * (blocksize - len(key))
    inner.update(key.translate(trans_36))
    outer.update(key.translate(trans_5C))
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
`);
