/**
 * `hashlib` in guest Python, as CPython's hashlib.py is Python: it names the constructors of
 * `_hashlib` and `_blake2` (hashlib-host.ts: the digests are host code there, as they are C in
 * CPython), and `new`, the algorithm sets and `file_digest` run as guest code. `new` sends
 * 'blake2b'/'blake2s' to `_blake2` (which takes BLAKE2's keyword parameters) and every other name
 * to `_hashlib.new` (hashlib's and OpenSSL's names); an unknown name ends as CPython's ValueError.
 * `algorithms_available` is what CPython 3.11 lists on this machine (OpenSSL 3's digests);
 * `scrypt` is `_hashlib`'s, as CPython takes it from OpenSSL.
 */
import { pythonModule } from './kit.js';

export const hashlib = pythonModule('hashlib', String.raw`
import _hashlib
import _blake2

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'blake2b', 'blake2s',
                      'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported).union(_hashlib.openssl_md_meth_names)

__all__ = __always_supported + ('new', 'algorithms_guaranteed', 'algorithms_available',
                                'pbkdf2_hmac', 'file_digest')

md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
blake2b = _blake2.blake2b
blake2s = _blake2.blake2s
pbkdf2_hmac = _hashlib.pbkdf2_hmac
scrypt = _hashlib.scrypt

# BLAKE2 by these exact names goes to _blake2, which takes its keyword parameters.
__blake2_by_name = {'blake2b': _blake2.blake2b, 'blake2s': _blake2.blake2s}


def __hash_new(name, data=b'', **kwargs):
    if name in __blake2_by_name:
        return __blake2_by_name[name](data, **kwargs)
    try:
        return _hashlib.new(name, data, **kwargs)
    except ValueError:
        raise ValueError('unsupported hash type ' + name)


new = __hash_new


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    h = new(digest) if isinstance(digest, str) else digest()
    if hasattr(fileobj, 'getbuffer'):
        # An in-memory binary stream: its whole buffer at once.
        h.update(fileobj.getbuffer())
        return h
    binary_reader = hasattr(fileobj, 'readinto') and hasattr(fileobj, 'readable') and fileobj.readable()
    if not binary_reader:
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    chunk = bytearray(_bufsize)
    window = memoryview(chunk)
    n = fileobj.readinto(chunk)
    while n:
        h.update(window[:n])
        n = fileobj.readinto(chunk)
    return h
`);
