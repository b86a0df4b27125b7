/**
 * dict and set storage.
 *
 * dict: insertion-ordered entry arrays plus a JS Map from a *normalized key* to the entry index.
 * Keys that compare equal in Python normalize to the same JS value (1, 1.0 and True → 1; a tuple
 * of hashable primitives → an encoded string), so lookups of common keys never call guest code.
 * Keys whose class defines __eq__/__hash__ go through a hash-bucket path that calls them.
 *
 * set: CPython's own open-addressing table (setobject.c: linear probes of 9, perturb shift 5,
 * fill ≤ 60%, growth ×4 below 50,000 entries), so iteration order equals CPython's for ints.
 */
import { PyBoxed, PyComplex, PyObject, PyTuple, PyFloat, type PyType, type PyVal } from './values.js';

/** Hashing and equality that may call guest code (provided by the interpreter). */
export interface KeyOps {
  /** CPython's hash as a signed 64-bit value: a number when safe, else a bigint (so equal hashes are ===). */
  hash(v: PyVal): Hash;
  eq(a: PyVal, b: PyVal): boolean;
  /** True when v's class defines its own __eq__ or __hash__ (needs the slow path). */
  customKey(v: PyObject): boolean;
  /** Raise TypeError unhashable type. */
  unhashable(v: PyVal): never;
  /**
   * A reference to v is stored in / dropped from a table (object lifetimes: the VM counts it, and
   * undoes it with the transaction; no-ops when lifetimes are off). Called by the tables themselves,
   * so no path that fills or empties a dict or set can forget it; rollback's restore does not call
   * them (the counts are undone by their own log records).
   */
  ref(v: PyVal): void;
  unref(v: PyVal): void;
  /** Whether ref/unref do anything (object lifetimes on): the tables skip the calls and loops otherwise. */
  readonly counting: boolean;
}

let nextObjId = 1;
const objIds = new WeakMap<object, number>();
export function objId(o: object): number {
  let id = objIds.get(o);
  if (id === undefined) {
    id = nextObjId++;
    objIds.set(o, id);
  }
  return id;
}

export type Hash = number | bigint;

/** Marker for keys that need guest __hash__/__eq__. */
const CUSTOM = Symbol('custom');
type NormKey = number | bigint | string | object | typeof CUSTOM;

/** A complex key: its real part when the imaginary part is zero (1+0j == 1), else both parts; itself with a NaN. */
function normComplex(v: PyComplex): number | bigint | string | PyComplex {
  if (Number.isNaN(v.re) || Number.isNaN(v.im)) return v;
  if (v.im === 0) return normFloat(v.re);
  return '\u0002' + String(v.re + 0) + ',' + String(v.im + 0);
}

function normFloat(x: number): number | bigint {
  if (Number.isInteger(x) && !Number.isSafeInteger(x)) return BigInt(x);
  return x;
}

function encodePart(v: PyVal, ops: KeyOps): string | null {
  switch (typeof v) {
    case 'number': return 'n' + v;
    case 'boolean': return v ? 'n1' : 'n0';
    case 'bigint': return 'n' + v.toString();
    case 'string': return 's' + v.length + ':' + v;
    default: {
      if (v instanceof PyFloat) {
        const k = normFloat(v.v);
        return 'n' + (typeof k === 'bigint' ? k.toString() : Object.is(k, -0) ? '0' : String(k));
      }
      if (v instanceof PyComplex) {
        const k = normComplex(v);
        if (typeof k === 'object') return 'o' + objId(v);
        return typeof k === 'string' ? 'c' + k.length + ':' + k : 'n' + (Object.is(k, -0) ? '0' : k.toString());
      }
      if (v instanceof PyBoxed && !ops.customKey(v)) return encodePart(v.prim, ops);
      if (v instanceof PyTuple) {
        let s = '(';
        for (const it of v.items) {
          const p = encodePart(it, ops);
          if (p === null) return null;
          s += p + ',';
        }
        return s + ')';
      }
      if (ops.customKey(v)) return null;
      if (v.cls.layout === 'list' || v.cls.layout === 'dict' || v.cls.layout === 'set' || v.cls.layout === 'bytearray') ops.unhashable(v);
      return 'o' + objId(v);
    }
  }
}

export function normKey(v: PyVal, ops: KeyOps): NormKey {
  switch (typeof v) {
    case 'number': return v;
    case 'string': return v;
    case 'boolean': return v ? 1 : 0;
    case 'bigint': return v;
    default: {
      if (v instanceof PyFloat) return normFloat(v.v);
      if (v instanceof PyComplex) return normComplex(v);
      if (v instanceof PyTuple) {
        const s = encodePart(v, ops);
        return s === null ? CUSTOM : '\u0000' + s;
      }
      // An instance of a str/int/float subclass that keeps the base's __eq__ and __hash__ is the
      // same key as the value it stands for.
      if (v instanceof PyBoxed) return ops.customKey(v) ? CUSTOM : normKey(v.prim, ops);
      const lay = v.cls.layout;
      if (lay === 'list' || lay === 'dict' || lay === 'set' || lay === 'bytearray') ops.unhashable(v);
      if (lay === 'bytes') return '\u0001' + Array.from((v as unknown as { data: Uint8Array; len: number }).data.subarray(0, (v as unknown as { len: number }).len)).join(',');
      if (ops.customKey(v)) return CUSTOM;
      return v;
    }
  }
}

export class PyDict extends PyObject {
  keys: (PyVal | undefined)[] = [];
  vals: (PyVal | undefined)[] = [];
  /** Live entries. */
  count = 0;
  index = new Map<NormKey, number>();
  custom: Map<Hash, number[]> | null = null;
  ops: KeyOps;
  /**
   * CPython's keys object, which the host arrays mirror: `keys`/`vals` are its entries (an index is
   * the entry's position; deleted entries stay holes until the table is rebuilt), rebuilt when an
   * insert finds no usable entry left: compacted, at the smallest power of two ≥ 3 × used (8 at
   * least), as CPython 3.11's dict grows (sys.getsizeof shows 8, 16, 32, ... slots for 5, 10, 21
   * ... keys). `dkSize` 0: no keys object yet (CPython's shared empty one). `unicode`: every key
   * is an exact str (16-byte entries; 24 otherwise, and the table is rebuilt when the first other
   * key comes). `rebuilds` counts rebuilds, so the simulated block (write-path.ts) follows lazily.
   */
  dkSize = 0;
  unicode = true;
  rebuilds = 0;
  /** The entry the last `set` stored to. */
  lastIndex = -1;
  /** The simulated keys object (write-path.ts `dictTable`): its block, the size, kind and rebuild it matches. */
  tableAddr = 0;
  tableSize = 0;
  tableUnicode = true;
  tableRebuilds = 0;
  constructor(cls: PyType, ops: KeyOps) {
    super(cls);
    this.ops = ops;
  }

  /** The entry index of key, -1 when absent. */
  find(key: PyVal): number {
    if (typeof key === 'string') return this.index.get(key) ?? -1;
    const nk = normKey(key, this.ops);
    if (nk !== CUSTOM) {
      const i = this.index.get(nk);
      return i === undefined ? -1 : i;
    }
    if (this.custom === null) return -1;
    const h = this.ops.hash(key);
    const bucket = this.custom.get(h);
    if (bucket === undefined) return -1;
    for (const i of bucket) {
      const k = this.keys[i];
      if (k !== undefined && (k === key || this.ops.eq(k, key))) return i;
    }
    return -1;
  }

  get(key: PyVal): PyVal | undefined {
    if (typeof key === 'string') {
      const i = this.index.get(key);
      return i === undefined ? undefined : this.vals[i];
    }
    const i = this.find(key);
    return i < 0 ? undefined : this.vals[i];
  }

  getStr(key: string): PyVal | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.vals[i];
  }

  has(key: PyVal): boolean {
    return this.find(key) >= 0;
  }

  /** Returns true when the key was new. */
  set(key: PyVal, val: PyVal): boolean {
    const nk = typeof key === 'string' ? key : normKey(key, this.ops);
    if (nk !== CUSTOM) {
      const i = this.index.get(nk);
      if (i !== undefined) {
        this.lastIndex = i;
        this.replaceAt(i, val);
        return false;
      }
      this.makeRoom(key);
      this.index.set(nk, this.keys.length);
    } else {
      const i = this.find(key);
      if (i >= 0) {
        this.lastIndex = i;
        this.replaceAt(i, val);
        return false;
      }
      this.makeRoom(key);
      const h = this.ops.hash(key);
      if (this.custom === null) this.custom = new Map();
      let b = this.custom.get(h);
      if (b === undefined) {
        b = [];
        this.custom.set(h, b);
      }
      b.push(this.keys.length);
    }
    this.lastIndex = this.keys.length;
    this.keys.push(key);
    this.vals.push(val);
    this.count++;
    if (this.ops.counting) {
      this.ops.ref(key);
      this.ops.ref(val);
    }
    return true;
  }

  /** Before a new key goes in: a keys object with a usable entry, of the right kind (CPython's insertion_resize). */
  private makeRoom(key: PyVal): void {
    const usable = (this.dkSize * 2) / 3 | 0;
    if (this.unicode && typeof key !== 'string') {
      this.unicode = false;
      if (this.dkSize > 0) {
        this.rebuild(this.count * 3);
        return;
      }
    }
    if (this.keys.length >= usable) this.rebuild(this.count * 3);
  }

  /** A new keys object of at least minSize slots (a power of two, 8 at least), the entries compacted into it. */
  private rebuild(minSize: number): void {
    let size = 8;
    while (size < minSize) size <<= 1;
    this.dkSize = size;
    this.rebuilds++;
    if (this.count !== this.keys.length) this.compact();
  }

  private replaceAt(i: number, val: PyVal): void {
    const old = this.vals[i]!;
    this.vals[i] = val;
    if (this.ops.counting) {
      this.ops.ref(val);
      this.ops.unref(old);
    }
  }

  /** Removes key; returns the old value or undefined. */
  delete(key: PyVal): PyVal | undefined {
    const i = this.find(key);
    if (i < 0) return undefined;
    const old = this.vals[i];
    this.removeAt(i);
    return old;
  }

  removeAt(i: number): void {
    const key = this.keys[i]!;
    const val = this.vals[i]!;
    const nk = normKey(key, this.ops);
    if (nk !== CUSTOM) this.index.delete(nk);
    else {
      const b = this.custom!.get(this.ops.hash(key))!;
      b.splice(b.indexOf(i), 1);
    }
    this.keys[i] = undefined;
    this.vals[i] = undefined;
    this.count--;
    if (this.ops.counting) {
      this.ops.unref(key);
      this.ops.unref(val);
    }
    // The last entry's slot is taken back (as popitem does); other holes stay until a rebuild.
    if (i === this.keys.length - 1) {
      this.keys.pop();
      this.vals.pop();
    }
  }

  /** Removes the holes (a rebuild, with the new size already set); the entries (and their counted references) stay. */
  private compact(): void {
    const ks = this.keys, vs = this.vals;
    const size = this.dkSize, rebuilds = this.rebuilds, unicode = this.unicode;
    this.reset();
    this.dkSize = size;
    this.rebuilds = rebuilds;
    this.unicode = unicode;
    const counting = this.ops.counting;
    for (let i = 0; i < ks.length; i++) {
      if (ks[i] === undefined) continue;
      this.set(ks[i]!, vs[i]!);
      if (counting) {
        this.ops.unref(ks[i]!);
        this.ops.unref(vs[i]!);
      }
    }
  }

  clear(): void {
    for (let i = 0; this.ops.counting && i < this.keys.length; i++) {
      if (this.keys[i] === undefined) continue;
      this.ops.unref(this.keys[i]!);
      this.ops.unref(this.vals[i]!);
    }
    this.reset();
  }

  private reset(): void {
    this.keys = [];
    this.vals = [];
    this.count = 0;
    this.index = new Map();
    this.custom = null;
    // clear() leaves CPython's shared empty keys object (the next insert makes a table of 8).
    this.dkSize = 0;
    this.unicode = true;
    this.rebuilds++;
  }

  /** Live entry indices in insertion order. */
  *entries(): Generator<number> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) yield i;
  }

  keyList(): PyVal[] {
    const out: PyVal[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) out.push(this.keys[i]!);
    return out;
  }

  /** A structural copy for transaction rollback. */
  snapshot(): DictSnap {
    return { keys: this.keys.slice(), vals: this.vals.slice(), count: this.count, index: new Map(this.index),
      custom: this.custom === null ? null : new Map([...this.custom].map(([h, b]) => [h, b.slice()])),
      dkSize: this.dkSize, unicode: this.unicode };
  }
  restore(s: DictSnap): void {
    this.keys = s.keys;
    this.vals = s.vals;
    this.count = s.count;
    this.index = s.index;
    this.custom = s.custom;
    this.dkSize = s.dkSize;
    this.unicode = s.unicode;
    // The simulated block may have been rebuilt meanwhile: the next access makes it match again.
    this.rebuilds++;
  }
}

export interface DictSnap {
  keys: (PyVal | undefined)[];
  vals: (PyVal | undefined)[];
  count: number;
  index: Map<NormKey, number>;
  custom: Map<Hash, number[]> | null;
  dkSize: number;
  unicode: boolean;
}

const LINEAR_PROBES = 9;
const SET_MINSIZE = 8;
/** A deleted slot (CPython's dummy). */
const DUMMY = Symbol('dummy');
type SetSlot = PyVal | undefined | typeof DUMMY;

const TWO64 = 1n << 64n;

export class PySet extends PyObject {
  table: SetSlot[] = new Array<SetSlot>(SET_MINSIZE).fill(undefined);
  hashes: Hash[] = new Array<Hash>(SET_MINSIZE).fill(0);
  mask = SET_MINSIZE - 1;
  fill = 0;
  used = 0;
  finger = 0;
  ops: KeyOps;
  /** The slot the last add, discard or lookup ended at (a found key's, or where a new one went). */
  lastSlot = 0;
  /** The simulated table (write-path.ts `setTable`): CPython's inline small table while `tableMask` is 7, else a block of its own. */
  tableAddr = 0;
  tableMask = SET_MINSIZE - 1;
  constructor(cls: PyType, ops: KeyOps) {
    super(cls);
    this.ops = ops;
  }

  private keyEq(a: PyVal, b: PyVal): boolean {
    if (a === b) return true;
    const ta = typeof a, tb = typeof b;
    if (ta !== 'object' && tb !== 'object') {
      if (ta === tb) return false;
      if (ta === 'string' || tb === 'string') return false;
    }
    return this.ops.eq(a, b);
  }

  /** Slot of `key` (≥ 0) or -(freeslot+1) where it would go. CPython's set_add_entry probing. */
  private probe(key: PyVal, hash: Hash): number {
    const mask = this.mask;
    const table = this.table, hashes = this.hashes;
    let freeslot = -1;
    if (typeof hash === 'number' && hash >= 0) {
      let perturb = hash;
      let i = hash % (mask + 1);
      for (;;) {
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let j = i;
        do {
          const k = table[j];
          if (k === undefined) return freeslot >= 0 ? -(freeslot + 1) : -(j + 1);
          if (k === DUMMY) {
            if (freeslot < 0) freeslot = j;
          } else if (hashes[j] === hash && this.keyEq(k, key)) return j;
          j++;
        } while (probes-- > 0);
        perturb = Math.floor(perturb / 32);
        i = (i * 5 + 1 + perturb) % (mask + 1);
      }
    }
    let perturb = BigInt(hash) < 0n ? TWO64 + BigInt(hash) : BigInt(hash);
    const bmask = BigInt(mask);
    let i = Number(perturb & bmask);
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = table[j];
        if (k === undefined) return freeslot >= 0 ? -(freeslot + 1) : -(j + 1);
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (hashes[j] === hash && this.keyEq(k, key)) return j;
        j++;
      } while (probes-- > 0);
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & bmask);
    }
  }

  /** Whether slot i holds a key. */
  occupied(i: number): boolean {
    const k = this.table[i];
    return k !== undefined && k !== DUMMY;
  }

  has(key: PyVal): boolean {
    const r = this.probe(key, this.ops.hash(key));
    this.lastSlot = r >= 0 ? r : -r - 1;
    return r >= 0;
  }

  add(key: PyVal): boolean {
    const hash = this.ops.hash(key);
    const r = this.probe(key, hash);
    if (r >= 0) {
      this.lastSlot = r;
      return false;
    }
    const slot = -r - 1;
    this.lastSlot = slot;
    const wasUnused = this.table[slot] === undefined;
    this.table[slot] = key;
    this.hashes[slot] = hash;
    this.used++;
    if (this.ops.counting) this.ops.ref(key);
    if (wasUnused) {
      this.fill++;
      if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
    }
    return true;
  }

  discard(key: PyVal): boolean {
    const r = this.probe(key, this.ops.hash(key));
    this.lastSlot = r >= 0 ? r : -r - 1;
    if (r < 0) return false;
    const stored = this.table[r] as PyVal;
    this.table[r] = DUMMY;
    this.hashes[r] = -1;
    this.used--;
    if (this.ops.counting) this.ops.unref(stored);
    return true;
  }

  /** CPython's set.pop(): scan from the finger. Returns undefined when empty. */
  pop(): PyVal | undefined {
    if (this.used === 0) return undefined;
    let i = this.finger & this.mask;
    for (;;) {
      const k = this.table[i];
      if (k !== undefined && k !== DUMMY) break;
      i++;
      if (i > this.mask) i = 0;
    }
    const key = this.table[i] as PyVal;
    this.table[i] = DUMMY;
    this.hashes[i] = -1;
    this.used--;
    this.finger = i + 1;
    this.lastSlot = i;
    if (this.ops.counting) this.ops.unref(key);
    return key;
  }

  private insertClean(key: PyVal, hash: Hash): void {
    const mask = this.mask;
    const table = this.table;
    let perturbN = typeof hash === 'number' && hash >= 0 ? hash : -1;
    let perturbB = perturbN < 0 ? (BigInt(hash) < 0n ? TWO64 + BigInt(hash) : BigInt(hash)) : 0n;
    let i = perturbN >= 0 ? perturbN % (mask + 1) : Number(perturbB & BigInt(mask));
    for (;;) {
      if (table[i] === undefined) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (table[i + j] === undefined) {
            found = i + j;
            break;
          }
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
      if (perturbN >= 0) {
        perturbN = Math.floor(perturbN / 32);
        i = (i * 5 + 1 + perturbN) % (mask + 1);
      } else {
        perturbB >>= 5n;
        i = Number((BigInt(i) * 5n + 1n + perturbB) & BigInt(mask));
      }
    }
    table[i] = key;
    this.hashes[i] = hash;
  }

  private resize(minused: number): void {
    let newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    const oldT = this.table, oldH = this.hashes;
    this.table = new Array<SetSlot>(newsize).fill(undefined);
    this.hashes = new Array<Hash>(newsize).fill(0);
    this.mask = newsize - 1;
    this.fill = this.used;
    for (let i = 0; i < oldT.length; i++) {
      const k = oldT[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(k, oldH[i]!);
    }
  }

  /** CPython's set_merge from another set (keeps the other's table layout when this one is empty). */
  mergeSet(other: PySet): void {
    if (other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask) {
      for (let i = 0; i <= other.mask; i++) {
        const k = other.table[i];
        if (k !== undefined && k !== DUMMY) {
          this.table[i] = k;
          this.hashes[i] = other.hashes[i]!;
          if (this.ops.counting) this.ops.ref(k);
        }
      }
      this.fill = this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      for (let i = 0; i <= other.mask; i++) {
        const k = other.table[i];
        if (k !== undefined && k !== DUMMY) {
          this.insertClean(k, other.hashes[i]!);
          if (this.ops.counting) this.ops.ref(k);
        }
      }
      this.fill = this.used = other.used;
      return;
    }
    for (const k of other.items()) this.add(k);
  }

  clear(): void {
    if (this.ops.counting) for (const k of this.table) if (k !== undefined && k !== DUMMY) this.ops.unref(k);
    this.table = new Array<SetSlot>(SET_MINSIZE).fill(undefined);
    this.hashes = new Array<Hash>(SET_MINSIZE).fill(0);
    this.mask = SET_MINSIZE - 1;
    this.fill = this.used = 0;
  }

  items(): PyVal[] {
    const out: PyVal[] = [];
    const t = this.table;
    for (let i = 0; i < t.length; i++) {
      const k = t[i];
      if (k !== undefined && k !== DUMMY) out.push(k);
    }
    return out;
  }

  snapshot(): SetSnap {
    return { table: this.table.slice(), hashes: this.hashes.slice(), mask: this.mask, fill: this.fill, used: this.used, finger: this.finger };
  }
  restore(s: SetSnap): void {
    this.table = s.table;
    this.hashes = s.hashes;
    this.mask = s.mask;
    this.fill = s.fill;
    this.used = s.used;
    this.finger = s.finger;
  }
}

export interface SetSnap {
  table: SetSlot[];
  hashes: Hash[];
  mask: number;
  fill: number;
  used: number;
  finger: number;
}
