/**
 * Hashing: CPython 3.11's hashes with PYTHONHASHSEED=0 (signed 64-bit, as a normalized IntVal),
 * so set tables, and therefore set iteration order, match CPython's. str hashes are cached:
 * SipHash over the string's buffer is the costly one, and sets of str re-hash the same keys.
 */
import { PyDict, PySet } from '../dict.js';
import * as R from '../runtime/int-ops.js';
import { bytesHash as rtBytesHash, strHash as strHashRt } from '../runtime/str-hash.js';
import type { Vm } from '../vm/vm.js';
import { complexHash } from '../runtime/complex-ops.js';
import { PyMemoryView } from './memoryview.js';
import { PyBoxed, PyBytes, PyComplex, PyFloat, PyFunction, PyInstance, PyList, PyRange, PyTuple, type PyVal } from '../values.js';
import type { Kit } from './kit.js';
import * as Rg from './range.js';

export function makeHashProtocol(vm: Vm, kit: Kit) {
  const { T, None, isIntLike, intOf, tn } = kit;
  const strHashCache = new Map<string, R.IntVal>();
  const strHash = (s: string): R.IntVal => {
    let h = strHashCache.get(s);
    if (h === undefined) {
      h = strHashRt(s);
      if (strHashCache.size >= 65536) strHashCache.clear();
      strHashCache.set(s, h);
    }
    return h;
  };
  const M64 = (1n << 64n) - 1n;
  /** CPython's tuple hash (xxHash-based), in 64-bit unsigned arithmetic. */
  const tupleHash = (items: readonly PyVal[]): R.IntVal => {
    const P1 = 11400714785074694791n, P2 = 14029467366897019727n, P5 = 2870177450012600261n;
    let acc = P5;
    for (const it of items) {
      const h = BigInt.asUintN(64, BigInt(vm.hash(it)));
      acc = (acc + h * P2) & M64;
      acc = ((acc << 31n) | (acc >> 33n)) & M64;
      acc = (acc * P1) & M64;
    }
    acc = (acc + (BigInt(items.length) ^ (P5 ^ 3527539n))) & M64;
    if (acc === M64) return 1546275796;
    return R.normInt(BigInt.asIntN(64, acc));
  };
  const hashProto = (v: PyVal): R.IntVal => {
    switch (typeof v) {
      case 'number': return v === -1 ? -2 : v;
      case 'bigint': return R.intHash(v);
      case 'boolean': return v ? 1 : 0;
      case 'string': return strHash(v);
    }
    if (v instanceof PyFloat) return R.floatHash(v.v, Math.floor(vm.id(v) / 16));
    if (v instanceof PyComplex) return complexHash(v, Math.floor(vm.id(v) / 16));
    if (v instanceof PyTuple) return tupleHash(v.items);
    if (v instanceof PyInstance) {
      const hm = vm.lookup(v.cls, '__hash__');
      if (hm === None) throw vm.typeErr(`unhashable type: '${v.cls.name}'`);
      if (hm instanceof PyFunction) {
        const r = vm.callValue(hm, [v], null);
        if (!isIntLike(r)) throw vm.typeErr('__hash__ method should return an integer');
        // CPython keeps a result that fits Py_hash_t (-1 becomes -2); only a wider int is hashed.
        const iv = intOf(r);
        if (typeof iv === 'number' || BigInt.asIntN(64, iv) === iv) return iv === -1 || iv === -1n ? -2 : iv;
        return R.intHash(iv);
      }
      const eqm = vm.lookup(v.cls, '__eq__');
      if (eqm instanceof PyFunction) throw vm.typeErr(`unhashable type: '${v.cls.name}'`);
      if (v instanceof PyBoxed) return hashProto(v.prim); // a str/int/float subclass hashes as its value
      return Math.floor(vm.id(v) / 16);
    }
    // memoryview's own __hash__ (a read-only view hashes as its bytes; a writable one refuses).
    if (v instanceof PyMemoryView) return intOf(vm.callValue(vm.lookup(v.cls, '__hash__')!, [v], null) as number);
    if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && v.cls === T.set) || (v instanceof PyBytes && v.cls === T.bytearray)) {
      throw vm.typeErr(`unhashable type: '${tn(v)}'`);
    }
    if (v instanceof PySet) {
      // CPython's frozenset_hash: xor of shuffled entry hashes (the NULL/dummy slot terms cancel).
      const shuffle = (h: bigint): bigint => (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;
      let h = 0n;
      for (const x of v.items()) h ^= shuffle(BigInt.asUintN(64, BigInt(vm.hash(x))));
      h ^= ((BigInt(v.used) + 1n) * 1927868237n) & M64;
      h ^= (h >> 11n) ^ (h >> 25n);
      h = (h * 69069n + 907133923n) & M64;
      if (h === M64) h = 590923713n;
      return R.normInt(BigInt.asIntN(64, h));
    }
    if (v instanceof PyBytes) return rtBytesHash(v.data, v.len);
    if (v instanceof PyRange) return tupleHash(Rg.rangeHashKey(v).map((x) => x ?? None));
    return Math.floor(vm.id(v) / 16);
  };
  return hashProto;
}
