/**
 * The guest `random` module: CPython's Mersenne Twister (MT19937, Modules/_randommodule.c) and the
 * Python-level algorithms of Lib/random.py (3.11) on top of it, so that for an integer seed every
 * output equals CPython's, bit for bit. The state is a typed array; random() allocates nothing.
 */
import { RuntimeOpError, typeError, valueError } from './errors.js';
import { type IntVal, intAbs, intAdd, intBitLength, intCmp, intFloorDiv, intMul, intSign, intSub, normInt, toBig } from './int-ops.js';
import { mathAcos, mathCos, mathExp, mathLog, mathPow, mathSin } from './math.js';

// random.py's constants, from C libm as CPython computes them at import.
const NV_MAGICCONST = 4 * mathExp(-0.5) / Math.sqrt(2.0);
const LOG4 = mathLog(4.0);
const SG_MAGICCONST = 1.0 + mathLog(4.5);
/** Python's float %: the result takes the divisor's sign. */
function floatMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

const N = 624;
const M = 397;
// Int32 constants and an Int32Array state keep every word a small integer for V8 (Uint32 values
// above 2**31 would be heap numbers); outputs are converted with >>> 0.
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;
const TWOPI = 2 * Math.PI;

export interface RandomState {
  mt: Uint32Array;
  index: number;
  gaussNext: number | null;
}

export class MersenneTwister {
  private readonly mt = new Int32Array(N);
  private index = N + 1;
  private gaussNext: number | null = null;

  constructor(seed: IntVal = 0) {
    this.seed(seed);
  }

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s | 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      // 1812433253 * prev + i, modulo 2**32, without losing bits to float rounding.
      mt[i] = (Math.imul(1812433253, prev) + i) | 0;
    }
    this.index = N;
  }

  private initByArray(key: Uint32Array): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = key.length;
    for (let k = N > len ? N : len; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j; // stored mod 2**32
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (mt[i]! ^ Math.imul(prev, 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = UPPER_MASK; // MSB is 1, assuring a non-zero initial array
  }

  /** random.seed(n) for an int: init_by_array over the 32-bit words of |n|, least significant
   *  first (CPython's random_seed); seed 0 uses the single word 0. Clears the gauss cache. */
  seed(n: IntVal): void {
    const a = toBig(intAbs(n));
    const words: number[] = [];
    let x = a;
    while (x > 0n) {
      words.push(Number(x & 0xffffffffn));
      x >>= 32n;
    }
    if (words.length === 0) words.push(0);
    this.initByArray(Uint32Array.from(words));
    this.gaussNext = null;
  }

  /** One tempered 32-bit output (genrand_uint32). */
  nextU32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & (0x9d2c5680 | 0);
    y ^= (y << 15) & (0xefc60000 | 0);
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random(): 53 random bits in [0, 1). */
  random(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k): whole 32-bit words, least significant first, the last one truncated. */
  getrandbits(k: IntVal): IntVal {
    if (intSign(k) < 0) throw valueError('number of bits must be non-negative');
    const bits = Number(k);
    if (bits === 0) return 0;
    if (bits <= 32) return this.nextU32() >>> (32 - bits);
    if (bits <= 53) {
      // Two words: low word, then the high word truncated to the remaining bits.
      const lo = this.nextU32();
      const hi = this.nextU32() >>> (64 - bits);
      return hi * 4294967296 + lo;
    }
    let result = 0n;
    let shift = 0n;
    let left = bits;
    while (left > 0) {
      let r = this.nextU32();
      if (left < 32) r >>>= 32 - left;
      result |= BigInt(r) << shift;
      shift += 32n;
      left -= 32;
    }
    return normInt(result);
  }

  /** _randbelow_with_getrandbits(n) for n > 0: rejection sampling on bit_length(n) bits. */
  randbelow(n: IntVal): IntVal {
    if (typeof n === 'number' && n <= 0x100000000) {
      const k = intBitLength(n);
      let r = this.getrandbits(k) as number;
      while (r >= n) r = this.getrandbits(k) as number;
      return r;
    }
    const k = intBitLength(n);
    let r = this.getrandbits(k);
    while (intCmp(r, n) >= 0) r = this.getrandbits(k);
    return r;
  }

  /**
   * randrange(start[, stop[, step]]) with 3.11's checks. `step` undefined means "not given".
   * Arguments are ints; a float argument is the VM's business (3.11 accepts an integral float
   * with a DeprecationWarning and raises ValueError "non-integer arg 1 for randrange()" otherwise).
   */
  randrange(start: IntVal, stop?: IntVal, step?: IntVal): IntVal {
    if (stop === undefined) {
      if (step !== undefined) throw typeError('Missing a non-None stop argument');
      if (intSign(start) > 0) return this.randbelow(start);
      throw valueError('empty range for randrange()');
    }
    const width = intSub(stop, start);
    const istep = step ?? 1;
    if (istep === 1) {
      if (intSign(width) > 0) return intAdd(start, this.randbelow(width));
      throw valueError(`empty range for randrange() (${String(start)}, ${String(stop)}, ${String(width)})`);
    }
    let n: IntVal;
    if (intSign(istep) > 0) n = intFloorDiv(intSub(intAdd(width, istep), 1), istep);
    else if (intSign(istep) < 0) n = intFloorDiv(intAdd(intAdd(width, istep), 1), istep);
    else throw valueError('zero step for randrange()');
    if (intSign(n) <= 0) throw valueError('empty range for randrange()');
    return intAdd(start, intMul(istep, this.randbelow(n)));
  }

  /** randint(a, b) = randrange(a, b + 1). */
  randint(a: IntVal, b: IntVal): IntVal {
    return this.randrange(a, intAdd(b, 1));
  }

  /** The index random.choice(seq) picks for len(seq) == length. */
  choiceIndex(length: number): number {
    if (length === 0) throw new RuntimeOpError('IndexError', 'Cannot choose from an empty sequence');
    return this.randbelow(length) as number;
  }

  /** random.shuffle(x) in place: for i in reversed(range(1, len(x))): j = randbelow(i + 1). */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randbelow(i + 1) as number;
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
  }

  /** uniform(a, b) = a + (b - a) * random(). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** random.sample(population, k) as indices into the population (3.11's two strategies: a
   *  pool list for small populations, rejection with a set otherwise). */
  sample(populationLength: number, k: number): number[] {
    const n = populationLength;
    if (!(k >= 0 && k <= n)) throw valueError('Sample larger than population or is negative');
    const result: number[] = new Array<number>(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool: number[] = [];
      for (let i = 0; i < n; i++) pool.push(i);
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i) as number;
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n) as number;
        while (selected.has(j)) j = this.randbelow(n) as number;
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /** random.choices(population, k=k) without weights, as indices: floor(random() * n). */
  choicesIndices(n: number, k: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < k; i++) out.push(Math.floor(this.random() * n));
    return out;
  }

  /** gauss(mu, sigma): the Box–Muller pair, second value cached until the next call. */
  gauss(mu = 0.0, sigma = 1.0): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * mathLog(1.0 - this.random()));
      z = mathCos(x2pi) * g2rad;
      this.gaussNext = mathSin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  // CPython 3.11's other distributions, draw for draw (the same random() calls in the same order,
  // and C libm's log/exp/pow/cos/acos through math.ts), so seeded sequences match.

  /** normalvariate(mu, sigma): Kinderman and Monahan's ratio-of-uniforms method. */
  normalvariate(mu: number, sigma: number): number {
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = NV_MAGICCONST * (u1 - 0.5) / u2;
      const zz = z * z / 4.0;
      if (zz <= -mathLog(u2)) break;
    }
    return mu + z * sigma;
  }

  expovariate(lambd: number): number {
    return -mathLog(1.0 - this.random()) / lambd;
  }

  /** triangular(low, high, mode); mode null: the midpoint. */
  triangular(low: number, high: number, mode: number | null): number {
    let u = this.random();
    // (The caller handles high == low with a mode: random.py returns low there.)
    let c = mode === null ? 0.5 : (mode - low) / (high - low);
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * Math.sqrt(u * c);
  }

  paretovariate(alpha: number): number {
    const u = 1.0 - this.random();
    return mathPow(u, -1.0 / alpha);
  }

  weibullvariate(alpha: number, beta: number): number {
    const u = 1.0 - this.random();
    return alpha * mathPow(-mathLog(u), 1.0 / beta);
  }

  /** vonmisesvariate(mu, kappa): Best and Fisher's method; the angle in [0, 2π). */
  vonmisesvariate(mu: number, kappa: number): number {
    if (kappa <= 1e-6) return TWOPI * this.random();
    const s = 0.5 / kappa;
    const r = s + Math.sqrt(1.0 + s * s);
    let z: number;
    for (;;) {
      const u1 = this.random();
      z = mathCos(Math.PI * u1);
      const d = z / (r + z);
      const u2 = this.random();
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * mathExp(d)) break;
    }
    const q = 1.0 / r;
    const f = (q + z) / (1.0 + q * z);
    const u3 = this.random();
    return u3 > 0.5 ? floatMod(mu + mathAcos(f), TWOPI) : floatMod(mu - mathAcos(f), TWOPI);
  }

  /** gammavariate(alpha, beta) (alpha, beta > 0: the caller checks): Cheng's method above 1,
   *  an exponential at 1, Ahrens and Dieter's below. */
  gammavariate(alpha: number, beta: number): number {
    if (alpha > 1.0) {
      const ainv = Math.sqrt(2.0 * alpha - 1.0);
      const bbb = alpha - LOG4;
      const ccc = alpha + ainv;
      for (;;) {
        const u1 = this.random();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1.0 - this.random();
        const v = mathLog(u1 / (1.0 - u1)) / ainv;
        const x = alpha * mathExp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= mathLog(z)) return x * beta;
      }
    }
    if (alpha === 1.0) return -mathLog(1.0 - this.random()) * beta;
    let x: number;
    for (;;) {
      const u = this.random();
      const b = (Math.E + alpha) / Math.E;
      const p = b * u;
      x = p <= 1.0 ? mathPow(p, 1.0 / alpha) : -mathLog((b - p) / alpha);
      const u1 = this.random();
      if (p > 1.0) {
        if (u1 <= mathPow(x, alpha - 1.0)) break;
      } else if (u1 <= mathExp(-x)) break;
    }
    return x * beta;
  }

  betavariate(alpha: number, beta: number): number {
    const y = this.gammavariate(alpha, 1.0);
    return y !== 0 ? y / (y + this.gammavariate(beta, 1.0)) : 0.0;
  }

  getstate(): RandomState {
    return { mt: new Uint32Array(this.mt), index: this.index, gaussNext: this.gaussNext };
  }

  setstate(s: RandomState): void {
    if (s.mt.length !== N || s.index < 0 || s.index > N) throw valueError('state vector is the wrong size');
    this.mt.set(new Int32Array(s.mt.buffer, s.mt.byteOffset, N));
    this.index = s.index;
    this.gaussNext = s.gaussNext;
  }
}
