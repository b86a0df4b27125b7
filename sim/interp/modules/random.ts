/**
 * `random`: CPython's Mersenne Twister (runtime/random.ts) with its seeding, randbelow and
 * sampling algorithms, so a seeded guest draws CPython's numbers. The module functions share one
 * generator seeded with the run's seed; each random.Random instance has its own. The generator is
 * guest-visible state: a transaction that draws numbers and aborts rewinds it (an undo action).
 */
import { createHash } from 'node:crypto';
import { listAssign } from '../objects/list-ops.js';
import * as R from '../runtime/int-ops.js';
import { mathExp } from '../runtime/math.js';
import { MersenneTwister } from '../runtime/random.js';
import { PyBytes, PyFloat, PyList, PyTuple, type PyModule, type PyObject, type PyType, type PyVal } from '../values.js';
import type { Vm } from '../vm/vm.js';
import { defineFn, defineValue, isIntLike, newFloat, newModule, toFloat, toInt, type GuestModule, type Kw } from './kit.js';

export const random: GuestModule = {
  name: 'random',
  install(vm: Vm): void {
    const rng0 = new MersenneTwister();
    rng0.seed(vm.seed);
    /** random.Random instances: each has its own generator (the module functions use `slot.rng`). */
    const randomT = vm.makeType('Random', [vm.T.object], 'object', true, 'random');
    const ownRng = new WeakMap<PyObject, MersenneTwister>();
    vm.moduleFactories.set('random', () => makeRandom(vm, rng0, randomT, ownRng));
  },
};

/** The generator the running call draws from (switched for a random.Random method call). */
interface RngSlot { rng: MersenneTwister }
type RandomFn = (name: string, impl: (a: PyVal[], kw: Kw) => PyVal) => void;

function makeRandom(vm: Vm, rng0: MersenneTwister, randomT: PyType, ownRng: WeakMap<PyObject, MersenneTwister>): PyModule {
  const None = vm.None;
  const m = newModule(vm, 'random');
  const slot: RngSlot = { rng: rng0 };
  /** The PRNG is guest-visible state: a transaction that draws numbers and aborts rewinds it. */
  const touch = (): void => {
    const t = vm.cur;
    if (t.tx !== null) {
      const s = slot.rng.getstate();
      vm.logUndo(t, () => slot.rng.setstate(s));
    }
  };
  /**
   * Registers a module function (on the shared generator) and the same-named method of
   * random.Random (on the instance's own generator): `slot.rng` is switched for the call.
   */
  const rfn = (name: string, impl: (a: PyVal[], kw: Kw) => PyVal): void => {
    defineFn(vm, m, name, impl);
    vm.method(randomT, name, (a, kw) => {
      const own = ownRng.get(a[0] as PyObject);
      if (own === undefined) throw vm.typeErr(`descriptor '${name}' requires a 'Random' object`);
      const saved = slot.rng;
      slot.rng = own;
      try {
        return impl(a.slice(1), kw);
      } finally {
        slot.rng = saved;
      }
    });
  };
  const seedImpl = addSeeding(vm, slot, touch);
  rfn('seed', (a) => seedImpl(a));
  addDraws(vm, slot, touch, rfn);
  addState(vm, slot, touch, rfn);
  vm.method(randomT, '__init__', (a) => {
    const g = new MersenneTwister();
    ownRng.set(a[0] as PyObject, g);
    const saved = slot.rng;
    slot.rng = g;
    try {
      seedImpl(a.length > 1 ? [a[1]!] : []);
    } finally {
      slot.rng = saved;
    }
    return None;
  });
  defineValue(m, 'Random', randomT);
  return m;
}

/** random.seed's conversions (int, float, str/bytes through SHA-512, else hash()). */
function addSeeding(vm: Vm, slot: RngSlot, touch: () => void): (a: PyVal[]) => PyVal {
  const None = vm.None;
  return (a: PyVal[]): PyVal => {
    touch();
    const v = a[0];
    if (v === undefined || v === None) slot.rng.seed(vm.seed);
    else if (isIntLike(v)) slot.rng.seed(toInt(vm, v));
    else if (v instanceof PyFloat) slot.rng.seed(BigInt.asUintN(64, BigInt(R.floatHash(v.v))));
    else if (typeof v === 'string' || v instanceof PyBytes) {
      // CPython's version-2 seeding: int.from_bytes(data + sha512(data).digest()), big-endian.
      const data = typeof v === 'string' ? new TextEncoder().encode(v) : v.data.slice(0, v.len);
      const digest = createHash('sha512').update(data).digest();
      let n = 0n;
      for (const b of data) n = (n << 8n) | BigInt(b);
      for (const b of digest) n = (n << 8n) | BigInt(b);
      slot.rng.seed(n);
    } else slot.rng.seed(BigInt.asUintN(64, BigInt(vm.hash(v)))); // (size_t)hash, as random_seed
    return None;
  };
}

function addDraws(vm: Vm, slot: RngSlot, touch: () => void, rfn: RandomFn): void {
  const None = vm.None;
  const F = (x: number): PyFloat => newFloat(vm, x);
  const randrange = (a: PyVal[]): R.IntVal => {
    const start = toInt(vm, a[0]!);
    if (a.length < 2 || a[1] === None) {
      if (start > 0) return slot.rng.randbelow(start);
      throw vm.err('ValueError', 'empty range for randrange()');
    }
    const stop = toInt(vm, a[1]!);
    const step = a.length > 2 ? toInt(vm, a[2]!) : 1;
    const width = R.intSub(stop, start);
    if (step === 1) {
      if (width > 0) return R.intAdd(start, slot.rng.randbelow(width));
      throw vm.err('ValueError', `empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: R.IntVal;
    if (step > 0) n = R.intFloorDiv(R.intAdd(width, R.intSub(step, 1)), step);
    else if (step < 0) n = R.intFloorDiv(R.intAdd(width, R.intAdd(step, 1)), step);
    else throw vm.err('ValueError', 'zero step for randrange()');
    if (n <= 0) throw vm.err('ValueError', 'empty range for randrange()');
    return R.intAdd(start, R.intMul(step, slot.rng.randbelow(n)));
  };
  rfn('random', () => {
    touch();
    return F(slot.rng.random());
  });
  rfn('getrandbits', (a) => {
    touch();
    const k = Number(toInt(vm, a[0]!));
    if (k < 0) throw vm.err('ValueError', 'number of bits must be non-negative');
    return k === 0 ? 0 : slot.rng.getrandbits(k);
  });
  rfn('randrange', (a) => {
    touch();
    return randrange(a);
  });
  rfn('randint', (a) => {
    touch();
    return randrange([a[0]!, R.intAdd(toInt(vm, a[1]!), 1)]);
  });
  rfn('choice', (a) => {
    touch();
    const seq = a[0]!;
    const n = Number(toInt(vm, vm.callValue(vm.builtins.getStr('len')!, [seq], null)));
    if (n === 0) throw vm.err('IndexError', 'Cannot choose from an empty sequence');
    return vm.getItem(seq, slot.rng.randbelow(n));
  });
  rfn('shuffle', (a) => {
    touch();
    const l = a[0]!;
    if (!(l instanceof PyList)) throw vm.typeErr('shuffle() needs a mutable sequence');
    const items = l.items.slice();
    for (let i = items.length - 1; i > 0; i--) {
      const j = Number(slot.rng.randbelow(i + 1));
      const x = items[i]!;
      items[i] = items[j]!;
      items[j] = x;
    }
    listAssign(vm, vm.cur, l, items);
    return None;
  });
  rfn('uniform', (a) => {
    touch();
    const x = toFloat(vm, a[0]!), y = toFloat(vm, a[1]!);
    return F(x + (y - x) * slot.rng.random());
  });
  rfn('sample', (a, kw) => {
    touch();
    const pop = vm.toList(a[0]!);
    const k = Number(toInt(vm, a[1] ?? kw?.get('k') ?? 0));
    const n = pop.length;
    const result = slot.rng.sample(n, k).map((i) => pop[i]!);
    return vm.placeList(vm.newList(result));
  });
  rfn('gauss', (a) => {
    touch();
    const mu = a[0] === undefined ? 0 : toFloat(vm, a[0]), sigma = a[1] === undefined ? 1 : toFloat(vm, a[1]);
    return F(slot.rng.gauss(mu, sigma));
  });
  // The continuous distributions of random.py (runtime/random.ts), with its argument checks.
  const fl = (v: PyVal | undefined, dflt: number): number => (v === undefined ? dflt : toFloat(vm, v));
  rfn('normalvariate', (a, kw) => {
    touch();
    return F(slot.rng.normalvariate(fl(a[0] ?? kw?.get('mu'), 0), fl(a[1] ?? kw?.get('sigma'), 1)));
  });
  rfn('lognormvariate', (a) => {
    touch();
    return F(mathExp(slot.rng.normalvariate(toFloat(vm, a[0]!), toFloat(vm, a[1]!))));
  });
  rfn('expovariate', (a) => {
    touch();
    if (a[0] === undefined) throw vm.typeErr("Random.expovariate() missing 1 required positional argument: 'lambd'");
    const lambd = toFloat(vm, a[0]);
    if (lambd === 0) throw vm.err('ZeroDivisionError', 'float division by zero');
    return F(slot.rng.expovariate(lambd));
  });
  rfn('triangular', (a, kw) => {
    touch();
    const mode = a[2] ?? kw?.get('mode');
    const lowArg = a[0] ?? kw?.get('low');
    const low = fl(lowArg, 0), high = fl(a[1] ?? kw?.get('high'), 1);
    // low == high with a mode: random.py's (mode - low) / 0 fails and it returns low itself (an
    // int stays an int), after its one draw.
    const hasMode = mode !== undefined && mode !== None;
    if (high - low === 0 && hasMode) {
      slot.rng.random();
      return lowArg ?? F(0);
    }
    return F(slot.rng.triangular(low, high, hasMode ? toFloat(vm, mode) : null));
  });
  rfn('paretovariate', (a) => {
    touch();
    return F(slot.rng.paretovariate(toFloat(vm, a[0]!)));
  });
  rfn('weibullvariate', (a) => {
    touch();
    return F(slot.rng.weibullvariate(toFloat(vm, a[0]!), toFloat(vm, a[1]!)));
  });
  rfn('vonmisesvariate', (a) => {
    touch();
    return F(slot.rng.vonmisesvariate(toFloat(vm, a[0]!), toFloat(vm, a[1]!)));
  });
  const gammaArgs = (a: PyVal[]): [number, number] => {
    const alpha = toFloat(vm, a[0]!), beta = toFloat(vm, a[1]!);
    if (alpha <= 0.0 || beta <= 0.0) throw vm.err('ValueError', 'gammavariate: alpha and beta must be > 0.0');
    return [alpha, beta];
  };
  rfn('gammavariate', (a) => {
    touch();
    return F(slot.rng.gammavariate(...gammaArgs(a)));
  });
  rfn('betavariate', (a) => {
    touch();
    // 3.11's betavariate checks through its gammavariate calls: the same message.
    return F(slot.rng.betavariate(...gammaArgs(a)));
  });
  // choices(population, weights=None, *, cum_weights=None, k=1), as CPython 3.11: uniform picks
  // take floor(random() * n); weighted ones bisect the running totals with random() * total.
  rfn('choices', (a, kw) => {
    touch();
    const pop = vm.toList(a[0]!);
    const k = Number(toInt(vm, kw?.get('k') ?? 1));
    const n = pop.length;
    const weights = a[1] ?? kw?.get('weights') ?? None;
    const cumArg = kw?.get('cum_weights') ?? None;
    const out: PyVal[] = [];
    // An empty population: CPython indexes it (after its first draw) or its empty running totals
    // (before any) and fails there.
    if (n === 0 && (k > 0 || weights !== None || cumArg !== None)) {
      if (weights === None && cumArg === None) slot.rng.random();
      throw vm.err('IndexError', 'list index out of range');
    }
    if (weights === None && cumArg === None) {
      for (const i of slot.rng.choicesIndices(n, k)) out.push(pop[i]!);
      return vm.placeList(vm.newList(out));
    }
    if (weights !== None && cumArg !== None) throw vm.typeErr('Cannot specify both weights and cumulative weights');
    let cum: number[];
    if (weights !== None) {
      if (isIntLike(weights)) throw vm.typeErr(`The number of choices must be a keyword argument: k=${vm.str(weights)}`);
      let run = 0;
      cum = vm.toList(weights).map((w, i) => (run = i === 0 ? toFloat(vm, w) : run + toFloat(vm, w)));
    } else {
      cum = vm.toList(cumArg).map((w) => toFloat(vm, w));
    }
    if (cum.length !== n) throw vm.err('ValueError', 'The number of weights does not match the population');
    const total = cum[n - 1] ?? 0;
    if (!(total > 0)) throw vm.err('ValueError', 'Total of weights must be greater than zero');
    if (!Number.isFinite(total)) throw vm.err('ValueError', 'Total of weights must be finite');
    const hi = n - 1;
    for (let j = 0; j < k; j++) {
      const x = slot.rng.random() * total;
      let lo = 0, top = hi;
      while (lo < top) {
        const mid = (lo + top) >> 1;
        if (x < cum[mid]!) top = mid;
        else lo = mid + 1;
      }
      out.push(pop[lo]!);
    }
    return vm.placeList(vm.newList(out));
  });
}

/** getstate/setstate in CPython's tuple form: (3, (624 words..., position), gauss_next or None). */
function addState(vm: Vm, slot: RngSlot, touch: () => void, rfn: RandomFn): void {
  const None = vm.None;
  const F = (x: number): PyFloat => newFloat(vm, x);
  rfn('getstate', () => {
    const { mt: words, index: pos, gaussNext: g } = slot.rng.getstate();
    const inner = vm.newTuple([...Array.from(words, (w) => w as PyVal), pos]);
    return vm.newTuple([3, inner, g === null ? None : F(g)]);
  });
  rfn('setstate', (a) => {
    touch();
    const st = a[0];
    const bad = (): never => {
      throw vm.typeErr('state vector must be a tuple');
    };
    if (!(st instanceof PyTuple) || st.items.length !== 3) return bad();
    const inner = st.items[1];
    if (!(inner instanceof PyTuple) || inner.items.length !== 625) return bad();
    const words = Uint32Array.from(inner.items.slice(0, 624), (w) => Number(toInt(vm, w)));
    const g = st.items[2];
    slot.rng.setstate({ mt: words, index: Number(toInt(vm, inner.items[624]!)), gaussNext: g instanceof PyFloat ? g.v : null });
    return None;
  });
}
