/**
 * `_hashlib` and `_blake2`: the C half of CPython's hashlib, as host code. CPython computes
 * digests in C (OpenSSL, its `_blake2`) with no object traffic, so here the hashing is host
 * TypeScript (runtime/digests.ts) and each call is one host call. What is modelled: the
 * hash object (an instance of `HASH`/`HASHXOF`/`blake2b`/`blake2s`) is allocated like any
 * object; `update` reads the argument's header and payload and writes the hash object (its
 * header: two threads updating one hash conflict, as on CPython's object), and a transaction
 * that updates a hash and aborts gets the old state back (an undo action); `digest`,
 * `hexdigest` and `copy` read the object. The digest state itself is host data keyed by the
 * object, like random.Random's generator.
 *
 * `_hashlib` keeps OpenSSL's behaviour where CPython shows it: `new` accepts OpenSSL's names
 * and aliases (`SHA-256`, `sha3-256`, `blake2b512`, ..., case-insensitive) besides hashlib's,
 * its digests are those of `openssl_md_meth_names` (what this machine's CPython lists), and
 * `pbkdf2_hmac` raises `UnsupportedDigestmodError` with OpenSSL's message, `scrypt` applies
 * OpenSSL's parameter limits with its messages. Not provided: `HMAC`/`hmac_new`/`hmac_digest`
 * (there is no guest `hmac` module to use them).
 */
import type { PyDict } from '../dict.js';
import { DIGEST_NAMES, BLAKE2B_LIMITS, BLAKE2S_LIMITS, newBlake2, newDigest, pbkdf2Hmac, scrypt, type Digest, type DigestName } from '../runtime/digests.js';
import { PyBoxed, PyInstance, PyObject, PyWrapper, type PyModule, type PyType, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { bindArgs, bufferBytes, defineFn, defineValue, hybridModule, isIntLike, newBytes, raiseGuest, toInt, type Kw } from './kit.js';

/** Names CPython's `_hashlib` matches exactly (hashlib's own names, and two spellings OpenSSL adds). */
const PY_NAMES: Record<string, DigestName> = {
  SHA512_224: 'sha512_224', SHA512_256: 'sha512_256',
  ...Object.fromEntries(DIGEST_NAMES.map((n) => [n, n])),
};
/** OpenSSL's names and aliases for the same digests, matched case-insensitively. */
const OPENSSL_NAMES: Record<string, DigestName> = {
  md5: 'md5', 'ssl3-md5': 'md5', sha1: 'sha1', 'sha-1': 'sha1', 'ssl3-sha1': 'sha1',
  sha224: 'sha224', 'sha-224': 'sha224', 'sha2-224': 'sha224', sha256: 'sha256', 'sha-256': 'sha256', 'sha2-256': 'sha256',
  sha384: 'sha384', 'sha-384': 'sha384', 'sha2-384': 'sha384', sha512: 'sha512', 'sha-512': 'sha512', 'sha2-512': 'sha512',
  'sha512-224': 'sha512_224', 'sha-512/224': 'sha512_224', 'sha2-512/224': 'sha512_224',
  'sha512-256': 'sha512_256', 'sha-512/256': 'sha512_256', 'sha2-512/256': 'sha512_256',
  'sha3-224': 'sha3_224', 'sha3-256': 'sha3_256', 'sha3-384': 'sha3_384', 'sha3-512': 'sha3_512',
  'shake-128': 'shake_128', shake128: 'shake_128', 'shake-256': 'shake_256', shake256: 'shake_256',
  'blake2b-512': 'blake2b', blake2b512: 'blake2b', 'blake2s-256': 'blake2s', blake2s256: 'blake2s',
  ripemd160: 'ripemd160', 'ripemd-160': 'ripemd160', ripemd: 'ripemd160', rmd160: 'ripemd160',
  sm3: 'sm3', 'md5-sha1': 'md5-sha1',
};

/** The order CPython 3.11 on this machine lists `openssl_md_meth_names` in (set order follows insertion). */
const METH_NAMES: readonly DigestName[] = [
  'sha3_256', 'sha3_384', 'shake_256', 'sha512_224', 'sha512_256', 'md5-sha1', 'sm3', 'sha512', 'ripemd160',
  'sha384', 'shake_128', 'sha256', 'blake2s', 'sha3_224', 'sha224', 'md5', 'sha1', 'blake2b', 'sha3_512',
];

/** The `openssl_*` constructors hashlib binds (`hashlib.md5` is `openssl_md5`). */
const CONSTRUCTED: readonly DigestName[] = [
  'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
  'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
];

function resolveName(name: string): DigestName | undefined {
  return PY_NAMES[name] ?? OPENSSL_NAMES[name.toLowerCase()];
}

const hex = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
};

/** What the hash objects of both modules share: their host state and its write path. */
interface HashKit {
  states: WeakMap<PyObject, Digest>;
  /** The state of `self`, read as the C method reads its object; CPython's message for a wrong `self`. */
  state(self: PyVal, tp: PyType, method: string): Digest;
  absorb(self: PyObject, d: Digest, v: PyVal): void;
}

function makeHashKit(vm: Vm): HashKit {
  const states = new WeakMap<PyObject, Digest>();
  return {
    states,
    state(self, tp, method) {
      const d = self instanceof PyObject ? states.get(self) : undefined;
      if (d === undefined) throw vm.typeErr(`descriptor '${method}' for '${tp.module}.${tp.name}' objects doesn't apply to a '${cTypeName(vm, self)}' object`);
      vm.readObj(vm.cur, self as PyObject);
      return d;
    },
    absorb(self, d, v) {
      const data = hashInput(vm, v);
      // Traffic first: an abort or a wait here re-runs the call with the state untouched.
      const t = vm.cur;
      vm.mutate(t, self);
      if (t.tx !== null) {
        const before = d.copy();
        vm.logUndo(t, () => states.set(self, before));
      }
      d.update(data);
    },
  };
}

/** A type's name as CPython's C code prints it (tp_name: a C type of a module carries the module's name). */
function cTypeName(vm: Vm, v: PyVal): string {
  const tp = vm.typeOf(v);
  return tp.builtin && tp.module !== 'builtins' ? `${tp.module}.${tp.name}` : tp.name;
}

/** How Argument Clinic names a wrongly typed argument: its type's name, or None itself. */
function badArgName(vm: Vm, v: PyVal): string {
  return v === vm.None ? 'None' : cTypeName(vm, v);
}

/** The bytes a hash absorbs: CPython's messages for a str and for anything without a buffer. */
function hashInput(vm: Vm, v: PyVal): Uint8Array {
  if (typeof v === 'string' || (v instanceof PyBoxed && typeof v.prim === 'string')) throw vm.typeErr('Strings must be encoded before hashing');
  const b = bufferBytes(vm, v);
  if (b === null) throw vm.typeErr('object supporting the buffer API required');
  return b;
}

/** A Py_buffer argument (password, salt, key): a bytes-like object or TypeError. */
function bufferArg(vm: Vm, v: PyVal): Uint8Array {
  const b = bufferBytes(vm, v);
  if (b === null) throw vm.typeErr(`a bytes-like object is required, not '${vm.tn(v)}'`);
  return b.slice();
}

/** A Py_ssize_t argument (an XOF's length). */
function ssizeArg(vm: Vm, v: PyVal): number {
  const n = toInt(vm, v);
  if (typeof n === 'bigint' && (n > 0x7fffffffffffffffn || n < -0x8000000000000000n)) {
    throw vm.err('OverflowError', 'Python int too large to convert to C ssize_t');
  }
  return Number(n);
}

/** A C int argument. */
function cIntArg(vm: Vm, v: PyVal): number {
  const n = toInt(vm, v);
  if (n > 2147483647 || n < -2147483648) throw vm.err('OverflowError', 'Python int too large to convert to C int');
  return Number(n);
}

/** A C long argument. */
function cLongArg(vm: Vm, v: PyVal): bigint {
  const n = BigInt(toInt(vm, v));
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) throw vm.err('OverflowError', 'Python int too large to convert to C long');
  return n;
}

/** An unsigned C long (`leaf_size`) or unsigned long long (`node_offset`): CPython's converters' messages. */
function unsignedArg(vm: Vm, v: PyVal, long: boolean): bigint {
  if (!isIntLike(v)) throw vm.typeErr('an integer is required');
  const n = BigInt(toInt(vm, v));
  if (n < 0n) throw vm.err('ValueError', 'value must be positive');
  if (n > 0xffffffffffffffffn) throw vm.err('OverflowError', long ? 'Python int too large to convert to C unsigned long' : 'int too big to convert');
  return n;
}

/** The common methods: update, digest, hexdigest, copy and the three attributes. */
function installHashMethods(vm: Vm, k: HashKit, tp: PyType, xof: boolean, prefix: string, make: (tp: PyType, d: Digest) => PyObject): void {
  const m = (name: string, fn: (a: PyVal[], kw: Kw) => PyVal): void => void vm.method(tp, name, fn);
  const noKw = (name: string, kw: Kw): void => {
    if (kw !== null && kw.size > 0) throw vm.typeErr(`${prefix}.${name}() takes no keyword arguments`);
  };
  const noArgs = (name: string, a: PyVal[], kw: Kw): void => {
    noKw(name, kw);
    if (a.length > 1) throw vm.typeErr(`${prefix}.${name}() takes no arguments (${a.length - 1} given)`);
  };
  m('update', (a, kw) => {
    const d = k.state(a[0]!, tp, 'update');
    noKw('update', kw);
    if (a.length !== 2) throw vm.typeErr(`${prefix}.update() takes exactly one argument (${a.length - 1} given)`);
    k.absorb(a[0] as PyObject, d, a[1]!);
    return vm.None;
  });
  m('copy', (a, kw) => {
    const d = k.state(a[0]!, tp, 'copy');
    noArgs('copy', a, kw);
    return make((a[0] as PyObject).cls, d.copy());
  });
  if (xof) {
    const length = (name: string, a: PyVal[], kw: Kw): number => {
      const [n] = bindArgs(vm, name, a.slice(1), kw, ['length'], { required: 1 });
      return ssizeArg(vm, n!);
    };
    m('digest', (a, kw) => {
      const d = k.state(a[0]!, tp, 'digest');
      const n = length('digest', a, kw);
      if (n < 0) throw vm.err('SystemError', 'Negative size passed to PyBytes_FromStringAndSize');
      if (n > vm.cfg.maxObjectBytes) throw vm.err('MemoryError', null);
      return newBytes(vm, d.digest(n));
    });
    m('hexdigest', (a, kw) => {
      const d = k.state(a[0]!, tp, 'hexdigest');
      const n = length('hexdigest', a, kw);
      if (n < 0 || 2 * n > vm.cfg.maxObjectBytes) throw vm.err('MemoryError', null);
      return hex(d.digest(n));
    });
  } else {
    m('digest', (a, kw) => {
      const d = k.state(a[0]!, tp, 'digest');
      noArgs('digest', a, kw);
      return newBytes(vm, d.digest());
    });
    m('hexdigest', (a, kw) => {
      const d = k.state(a[0]!, tp, 'hexdigest');
      noArgs('hexdigest', a, kw);
      return hex(d.digest());
    });
  }
  // The state is host data: copy/deepcopy/pickle refuse the object, as CPython's reduce does.
  for (const name of ['__reduce__', '__reduce_ex__', '__getstate__']) {
    m(name, (a) => {
      throw vm.typeErr(`cannot pickle '${tp.module}.${(a[0] as PyObject).cls.name}' object`);
    });
  }
  const prop = (name: string, fn: (d: Digest) => PyVal): void => {
    tp.dict.set(name, new PyWrapper(vm.T.property, vm.builtin(name, (a) => fn(k.state(a[0]!, tp, name))), vm.None, vm.None, vm.None));
  };
  prop('name', (d) => d.name);
  prop('digest_size', (d) => d.digestSize);
  prop('block_size', (d) => d.blockSize);
  // Instances carry no attribute dict, as CPython's C objects.
  tp.slotNames = new Set();
}

// ───────────── _hashlib ─────────────

export const hashlibHost = hybridModule('_hashlib', setupHashlib, String.raw`
class UnsupportedDigestmodError(ValueError):
    pass


openssl_md_meth_names = frozenset([${METH_NAMES.map((n) => `'${n}'`).join(', ')}])
`);

function setupHashlib(vm: Vm, m: PyModule): void {
  const k = makeHashKit(vm);
  const hashT = vm.makeType('HASH', [vm.T.object], 'object', true, '_hashlib');
  const xofT = vm.makeType('HASHXOF', [hashT], 'object', true, '_hashlib');
  const make = (tp: PyType, d: Digest): PyObject => {
    const o = vm.place(new PyInstance(tp), 48);
    k.states.set(o, d);
    return o;
  };
  // The data is read before the object exists, so a wait or an abort in that read leaves nothing
  // behind; a fresh object needs no undo.
  const fresh = (name: DigestName, data: PyVal | undefined): PyObject => {
    const bytes = data === undefined ? null : hashInput(vm, data);
    const d = newDigest(name);
    if (bytes !== null) d.update(bytes);
    return make(d.digestSize === 0 ? xofT : hashT, d);
  };
  installHashMethods(vm, k, hashT, false, 'HASH', make);
  installHashMethods(vm, k, xofT, true, 'HASHXOF', make);
  for (const tp of [hashT, xofT]) {
    vm.method(tp, '__init__', (a) => {
      throw vm.typeErr(`cannot create '_hashlib.${(a[0] as PyObject).cls.name}' instances`);
    });
    vm.method(tp, '__repr__', (a) => {
      const self = a[0] as PyObject;
      return `<${k.state(self, tp, '__repr__').name} _hashlib.${self.cls.name} object @ 0x${vm.id(self).toString(16).padStart(12, '0')}>`;
    });
  }
  defineValue(m, 'HASH', hashT);
  defineValue(m, 'HASHXOF', xofT);

  defineFn(vm, m, 'new', (a, kw) => {
    const [name, data] = bindArgs(vm, 'new', a, kw, ['name', 'string'], { required: 1, kwOnly: ['usedforsecurity'] });
    if (typeof name !== 'string' || name.includes('\0')) throw vm.typeErr('name must be a string');
    const dn = resolveName(name);
    if (dn === undefined) raiseGuest(vm, (m.dict as PyDict).get('UnsupportedDigestmodError'), '[digital envelope routines] unsupported');
    return fresh(dn, data);
  });
  for (const name of CONSTRUCTED) {
    const fname = `openssl_${name}`;
    defineFn(vm, m, fname, (a, kw) => {
      const [data] = bindArgs(vm, fname, a, kw, ['string'], { kwOnly: ['usedforsecurity'] });
      return fresh(name, data);
    });
  }
  defineFn(vm, m, 'get_fips_mode', () => 0);

  defineFn(vm, m, 'pbkdf2_hmac', (a, kw) => {
    const [hn, pw, salt, iters, dklen] = bindArgs(vm, 'pbkdf2_hmac', a, kw, ['hash_name', 'password', 'salt', 'iterations', 'dklen'], { required: 4 });
    if (typeof hn !== 'string') throw vm.typeErr(`pbkdf2_hmac() argument 'hash_name' must be str, not ${badArgName(vm, hn!)}`);
    if (hn.includes('\0')) throw vm.err('ValueError', 'embedded null character');
    const password = bufferArg(vm, pw!);
    const saltBytes = bufferArg(vm, salt!);
    const it = cLongArg(vm, iters!);
    const len = dklen === undefined || dklen === vm.None ? null : cLongArg(vm, dklen);
    const dn = resolveName(hn);
    if (dn === undefined) raiseGuest(vm, (m.dict as PyDict).get('UnsupportedDigestmodError'), '[digital envelope routines] unsupported');
    if (it < 1n) throw vm.err('ValueError', 'iteration value must be greater than 0.');
    if (it > 2147483647n) throw vm.err('OverflowError', 'iteration value is too great.');
    // OpenSSL's size for an XOF is its default output length (16 or 32 bytes).
    const size = len ?? BigInt(dn === 'shake_128' ? 16 : dn === 'shake_256' ? 32 : newDigest(dn).digestSize);
    if (size < 1n) throw vm.err('ValueError', 'key length must be greater than 0.');
    if (size > 2147483647n) throw vm.err('OverflowError', 'key length is too great.');
    // OpenSSL refuses an XOF as HMAC's hash, with an empty error queue.
    if (dn === 'shake_128' || dn === 'shake_256') throw vm.err('ValueError', 'no reason supplied');
    if (size > BigInt(vm.cfg.maxObjectBytes)) throw vm.err('MemoryError', null);
    return newBytes(vm, pbkdf2Hmac(() => newDigest(dn), password, saltBytes, Number(it), Number(size)));
  });

  // scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64): CPython's own checks, then OpenSSL's
  // parameter limits (its messages), then the derivation.
  defineFn(vm, m, 'scrypt', (a, kw) => {
    const [pw, salt, nObj, rObj, pObj, maxmemObj, dklenObj] = bindArgs(vm, 'scrypt', a, kw, ['password'],
      { required: 1, kwOnly: ['salt', 'n', 'r', 'p', 'maxmem', 'dklen'] });
    const password = bufferArg(vm, pw!);
    const saltBytes = salt === undefined ? null : bufferArg(vm, salt);
    for (const [name, v] of [['n', nObj], ['r', rObj], ['p', pObj]] as const) {
      if (v !== undefined && !isIntLike(v)) throw vm.typeErr(`scrypt() argument '${name}' must be int, not ${badArgName(vm, v)}`);
    }
    const maxmem = maxmemObj === undefined ? 0n : cLongArg(vm, maxmemObj);
    const dklen = dklenObj === undefined ? 64n : cLongArg(vm, dklenObj);
    if (saltBytes === null) throw vm.typeErr('salt is required');
    const unsigned = (name: string, v: PyVal | undefined): bigint => {
      const x = v === undefined ? -1n : BigInt(toInt(vm, v));
      if (x < 0n || x > 0xffffffffffffffffn) throw vm.typeErr(`${name} is required and must be an unsigned int`);
      return x;
    };
    const n = unsigned('n', nObj), r = unsigned('r', rObj), p = unsigned('p', pObj);
    if (n < 2n || (n & (n - 1n)) !== 0n) throw vm.err('ValueError', 'n must be a power of 2.');
    if (maxmem < 0n || maxmem > 2147483647n) throw vm.err('ValueError', 'maxmem must be positive and smaller than 2147483647');
    if (dklen < 1n || dklen > 2147483647n) throw vm.err('ValueError', 'dklen must be greater than 0 and smaller than 2147483647');
    if (r === 0n || p === 0n) throw vm.err('ValueError', 'Invalid parameter combination for n, r, p, maxmem.');
    const openssl = (msg: string): never => {
      throw vm.err('ValueError', `[digital envelope routines] ${msg}`);
    };
    if (r > 0xffffffffn || p > 0xffffffffn) openssl('parameter too large');
    // OpenSSL's limits: p·r below 2^30, N below 2^(16r), and B (128·r·p) plus V (128·r·(N+2))
    // within maxmem (0: its default of 32 MiB).
    if (p > ((1n << 30n) - 1n) / r) openssl('memory limit exceeded');
    if (16n * r <= 63n && n >= 1n << (16n * r)) openssl('memory limit exceeded');
    const blen = 128n * r * p;
    const vlen = 128n * r * (n + 2n);
    if (blen > 2147483647n || blen + vlen > (maxmem === 0n ? 32n << 20n : maxmem)) openssl('memory limit exceeded');
    if (dklen > BigInt(vm.cfg.maxObjectBytes)) throw vm.err('MemoryError', null);
    return newBytes(vm, scrypt(password, saltBytes, Number(n), Number(r), Number(p), Number(dklen)));
  });

  defineFn(vm, m, 'compare_digest', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeErr('_hashlib.compare_digest() takes no keyword arguments');
    const [x, y] = bindArgs(vm, 'compare_digest', a, kw, ['a', 'b'], { required: 2, posOnly: 2 });
    const bytesOfStr = (s: string): Uint8Array => {
      if (/[^\0-\x7f]/.test(s)) throw vm.typeErr('comparing strings with non-ASCII characters is not supported');
      return Uint8Array.from(s, (c) => c.charCodeAt(0));
    };
    let p: Uint8Array | null, q: Uint8Array | null;
    if (typeof x === 'string' && typeof y === 'string') {
      p = bytesOfStr(x);
      q = bytesOfStr(y);
    } else if (typeof x === 'string' || typeof y === 'string') {
      throw vm.typeErr("a bytes-like object is required, not 'str'");
    } else {
      p = bufferBytes(vm, x!);
      q = bufferBytes(vm, y!);
      if (p === null || q === null) throw vm.typeErr(`unsupported operand types(s) or combination of types: '${vm.tn(x!)}' and '${vm.tn(y!)}'`);
    }
    // Constant time in the longer operand, as the C version: every byte is looked at.
    let diff = p.length === q.length ? 0 : 1;
    const ref = p.length === q.length ? p : q;
    for (let i = 0; i < q.length; i++) diff |= ref[i]! ^ q[i]!;
    return diff === 0;
  });
}

// ───────────── _blake2 ─────────────

export const blake2 = hybridModule('_blake2', setupBlake2, '');

function setupBlake2(vm: Vm, m: PyModule): void {
  const k = makeHashKit(vm);
  for (const big of [true, false]) {
    const name = big ? 'blake2b' : 'blake2s';
    const lim = big ? BLAKE2B_LIMITS : BLAKE2S_LIMITS;
    const tp = vm.makeType(name, [vm.T.object], 'object', true, '_blake2');
    const make = (cls: PyType, d: Digest): PyObject => {
      const o = vm.place(new PyInstance(cls), 48);
      k.states.set(o, d);
      return o;
    };
    installHashMethods(vm, k, tp, false, name, make);
    tp.dict.set('SALT_SIZE', lim.salt);
    tp.dict.set('PERSON_SIZE', lim.person);
    tp.dict.set('MAX_KEY_SIZE', lim.key);
    tp.dict.set('MAX_DIGEST_SIZE', lim.digest);
    const up = name.toUpperCase();
    defineValue(m, `${up}_SALT_SIZE`, lim.salt);
    defineValue(m, `${up}_PERSON_SIZE`, lim.person);
    defineValue(m, `${up}_MAX_KEY_SIZE`, lim.key);
    defineValue(m, `${up}_MAX_DIGEST_SIZE`, lim.digest);
    // blake2b(data=b'', /, *, digest_size, key, salt, person, fanout, depth, leaf_size,
    // node_offset, node_depth, inner_size, last_node, usedforsecurity): arguments are converted
    // in order, then checked in CPython's order, then the data is absorbed.
    vm.method(tp, '__init__', (a, kw) => {
      const self = a[0] as PyObject;
      // The object is made by the constructor call; a later __init__ call changes nothing (CPython's
      // blake2b is built in __new__ and keeps object.__init__).
      if (k.states.has(self)) return vm.None;
      const [data, ds, key, salt, person, fanout, depth, leaf, offset, ndepth, inner, last] = bindArgs(vm, name, a.slice(1), kw,
        ['data'], {
          posOnly: 1,
          kwOnly: ['digest_size', 'key', 'salt', 'person', 'fanout', 'depth', 'leaf_size', 'node_offset', 'node_depth', 'inner_size', 'last_node', 'usedforsecurity'],
        });
      const p = {
        digestSize: ds === undefined ? lim.digest : cIntArg(vm, ds),
        key: key === undefined ? new Uint8Array(0) : bufferArg(vm, key),
        salt: salt === undefined ? new Uint8Array(0) : bufferArg(vm, salt),
        person: person === undefined ? new Uint8Array(0) : bufferArg(vm, person),
        fanout: fanout === undefined ? 1 : cIntArg(vm, fanout),
        depth: depth === undefined ? 1 : cIntArg(vm, depth),
        leaf: leaf === undefined ? 0n : unsignedArg(vm, leaf, true),
        nodeOffset: offset === undefined ? 0n : unsignedArg(vm, offset, false),
        nodeDepth: ndepth === undefined ? 0 : cIntArg(vm, ndepth),
        innerSize: inner === undefined ? 0 : cIntArg(vm, inner),
        lastNode: last === undefined ? false : vm.truthy(last),
      };
      const bad = (msg: string): never => {
        throw vm.err('ValueError', msg);
      };
      if (p.digestSize < 1 || p.digestSize > lim.digest) bad(`digest_size must be between 1 and ${lim.digest} bytes`);
      if (p.salt.length > lim.salt) bad(`maximum salt length is ${lim.salt} bytes`);
      if (p.person.length > lim.person) bad(`maximum person length is ${lim.person} bytes`);
      if (p.fanout < 0 || p.fanout > 255) bad('fanout must be between 0 and 255');
      if (p.depth < 1 || p.depth > 255) bad('depth must be between 1 and 255');
      if (p.leaf > 0xffffffffn) throw vm.err('OverflowError', 'leaf_size is too large');
      if (!big && p.nodeOffset > 0xffffffffffffn) throw vm.err('OverflowError', 'node_offset is too large');
      if (p.nodeDepth < 0 || p.nodeDepth > 255) bad('node_depth must be between 0 and 255');
      if (p.innerSize < 0 || p.innerSize > lim.digest) bad(`inner_size must be between 0 and is ${lim.digest}`);
      if (p.key.length > lim.key) bad(`maximum key length is ${lim.key} bytes`);
      const bytes = data === undefined ? null : hashInput(vm, data);
      vm.mutate(vm.cur, self);
      const d = newBlake2(big, { ...p, leafSize: Number(p.leaf) });
      if (bytes !== null) d.update(bytes);
      k.states.set(self, d);
      return vm.None;
    });
    defineValue(m, name, tp);
  }
}
