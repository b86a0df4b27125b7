/**
 * The machine description, declared once: each entry gives a field's type, its bounds and its
 * description, and from this one declaration come the TypeScript types below, the JSON Schema
 * (`machineShape` is one; sim/experiment/schema.ts composes it into configs/schema/) and the
 * preset validation (preset-loader.ts checks files against it). Adding a field is one entry here
 * plus its value in every preset (README.md, "Adding a field").
 *
 * Every number comes from a preset YAML file under configs/machines/; nothing here is a default.
 * Constraints between fields (cache geometry, limits of the model) are in validate.ts.
 */
import { bool, int, num, oneOf, section, sectionWithOptional, text, type ValueOf } from '../common/config-shape.js';

export const REPLACEMENT_POLICIES = ['lru', 'fifo', 'random', 'plru'] as const;

const cacheLevel = (what: string) => ({
  sizeKiB: int(`${what} capacity in KiB (size / ways / line size must be a power-of-two number of sets)`, 1),
  ways: int(`${what} associativity`, 1),
  // A hit costs at least a cycle: with 0 here (and dispatchCycles 0) a core whose accesses all
  // hit would never advance its clock.
  latency: int(`${what} load-to-use latency of a hit, in core cycles`, 1),
  replacement: oneOf(REPLACEMENT_POLICIES, `${what} replacement policy`),
});

export const WRITE_SET_TRACKING = ['l1', 'l2', 'l3', 'buffer', 'unbounded'] as const;
export const READ_SET_TRACKING = ['l1', 'l2', 'l3', 'buffer', 'signature', 'unbounded'] as const;

// The HTM design space (issue 18; docs/design-space.md). Write set: a cache level ('l1' is Haswell:
// evicting a written line from L1D aborts; 'l2'/'l3' keep it until it leaves that level — Blue
// Gene/Q keeps speculative state in its shared L2, this model's shared level), a dedicated buffer
// (`buffer`: POWER8's TMCAM, zEC12's gathering store cache) or unbounded. Read set: the last cache
// level that keeps it, the buffer, a Bloom signature (`signature`: never a capacity abort, false
// conflicts instead) or unbounded. validate.ts requires `buffer`/`signature` when a mode names them.
const htmShape = sectionWithOptional('The hardware transactional memory unit (Haswell RTM and the other designs)', {
  enabled: bool('Whether xbegin can start a transaction at all'),
  maxNestingDepth: int('Flat nesting: a begin beyond this depth aborts with the nested bit', 1),
  writeSetTracking: oneOf(WRITE_SET_TRACKING, 'Where speculative writes are tracked: a cache level (evicting from it aborts), a dedicated buffer, or unbounded'),
  readSetTracking: oneOf(READ_SET_TRACKING, 'Where the read set is tracked: the last cache level that keeps it, a dedicated buffer, a Bloom signature, or unbounded'),
  conflictResolution: oneOf(['requester-wins', 'requester-loses'], 'Which side of a conflict aborts'),
  timerIntervalCycles: int('A timer interrupt aborts running transactions every this many cycles (0 = never)'),
  beginCycles: int('Cost of xbegin in cycles'),
  commitCycles: int('Cost of xend in cycles'),
  // Discarding the write set and restoring registers.
  abortCycles: int('Cost of an abort itself in cycles'),
}, {
  buffer: section('Dedicated tracking buffer (POWER8 TMCAM, zEC12 store cache), when a tracking mode is buffer', {
    lines: int('Entries (one cache line each)', 1),
    ways: int('Associativity (lines / ways sets; ways = lines is fully associative)', 1),
  }),
  signature: section('Bloom-filter read signature (LogTM-SE style), when readSetTracking is signature', {
    bits: int('Bits (a power of two)', 32),
    hashes: int('Hash functions', 1),
  }),
  rollbackOnly: bool('POWER8 rollback-only transactions (reads untracked) are available (absent: false)'),
  suspendResume: bool('POWER8 transaction suspend/resume is available (absent: false)'),
});

const coherenceShape = section('MESI coherence between the private hierarchies', {
  protocol: oneOf(['mesi'], 'Coherence protocol'),
  cacheToCacheLatency: int('Extra cycles when a read is served from another core\'s private cache'),
  // Invalidations go out in parallel: charged once per upgrade, not per copy.
  invalidateLatency: int('Extra cycles for a write that must invalidate copies in other cores'),
});

export const machineShape = section('The simulated machine (a preset from configs/machines/, overridable field by field).', {
  name: text('Machine name, as reported in results'),
  cores: int('Number of cores', 1),
  freqGHz: num('Core clock in GHz (converts cycles to simulated seconds)'),
  lineBytes: int('Cache line size in bytes (a power of two)', 8),
  // The smallest page of a real MMU (VAX, 512 B); validate.ts also wants a power of two >= lineBytes.
  pageBytes: int('Page size in bytes; buffers of 4 KiB and more are page-aligned', 512),
  l1d: section('Private level-1 data cache, per core', cacheLevel('L1D')),
  l2: section('Private level-2 cache, per core', cacheLevel('L2')),
  l3: section('Shared last-level cache', {
    ...cacheLevel('L3'),
    // Evicting a line here back-invalidates it in every core; only inclusive is modelled.
    inclusive: bool('Inclusive of the private caches: an L3 eviction back-invalidates every core'),
  }),
  // Memory is never faster than a cycle (see latency above).
  memoryLatency: int('Main memory latency in core cycles', 1),
  coherence: coherenceShape,
  htm: htmShape,
});

// Perturbation (Alameldeen & Wood, HPCA 2003): a multi-threaded run is one sample of the possible
// interleavings; a small seeded timing noise makes repetitions with different seeds different
// samples while one seed still repeats bit for bit. A run-level section, not a preset field: it is
// a method of measurement, not part of the hardware a preset describes, and it is set once for a
// whole study (configs/defaults.yaml) rather than per machine. The machine implements it.
export const perturbationShape = section('Seeded timing perturbation, so that repetitions sample different interleavings (docs/experiments.md)', {
  missCycles: int('Extra cycles drawn uniformly from 0..missCycles, per core from the seed, on every access line that misses the L1D (0 = off)'),
  timerPhase: bool('Each core\'s timer interrupt ticks at its own random phase within htm.timerIntervalCycles, drawn from the seed (false: every core ticks at multiples of the interval)'),
});

export type MachineConfig = ValueOf<typeof machineShape>;
export type PerturbationConfig = ValueOf<typeof perturbationShape>;
export type CacheLevelConfig = MachineConfig['l1d'];
export type SharedCacheConfig = MachineConfig['l3'];
export type HtmConfig = MachineConfig['htm'];
export type CoherenceConfig = MachineConfig['coherence'];
export type ReplacementPolicyName = CacheLevelConfig['replacement'];
export type ReadSetTracking = HtmConfig['readSetTracking'];
export type WriteSetTracking = HtmConfig['writeSetTracking'];
export type TxBufferConfig = NonNullable<HtmConfig['buffer']>;
export type TxSignatureConfig = NonNullable<HtmConfig['signature']>;
export type ConflictResolution = HtmConfig['conflictResolution'];
