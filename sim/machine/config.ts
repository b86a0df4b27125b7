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
import { bool, int, num, oneOf, section, text, type ValueOf } from '../common/config-shape.js';

export const REPLACEMENT_POLICIES = ['lru', 'fifo', 'random', 'plru'] as const;

const cacheLevel = (what: string) => ({
  sizeKiB: int(`${what} capacity in KiB (size / ways / line size must be a power-of-two number of sets)`, 1),
  ways: int(`${what} associativity`, 1),
  // A hit costs at least a cycle: with 0 here (and dispatchCycles 0) a core whose accesses all
  // hit would never advance its clock.
  latency: int(`${what} load-to-use latency of a hit, in core cycles`, 1),
  replacement: oneOf(REPLACEMENT_POLICIES, `${what} replacement policy`),
});

const htmShape = section('The hardware transactional memory unit (Haswell RTM)', {
  enabled: bool('Whether xbegin can start a transaction at all'),
  maxNestingDepth: int('Flat nesting: a begin beyond this depth aborts with the nested bit', 1),
  // Haswell buffers speculative writes in L1D only.
  writeSetTracking: oneOf(['l1'], 'Where speculative writes are buffered'),
  // Haswell keeps reads tracked beyond L1 (Dice et al. 2015): read-only transactions of MiBs commit.
  readSetTracking: oneOf(['l1', 'l2', 'l3'], 'Last cache level that keeps the read set tracked'),
  conflictResolution: oneOf(['requester-wins', 'requester-loses'], 'Which side of a conflict aborts'),
  timerIntervalCycles: int('A timer interrupt aborts running transactions every this many cycles (0 = never)'),
  beginCycles: int('Cost of xbegin in cycles'),
  commitCycles: int('Cost of xend in cycles'),
  // Discarding the write set and restoring registers.
  abortCycles: int('Cost of an abort itself in cycles'),
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

export type MachineConfig = ValueOf<typeof machineShape>;
export type CacheLevelConfig = MachineConfig['l1d'];
export type SharedCacheConfig = MachineConfig['l3'];
export type HtmConfig = MachineConfig['htm'];
export type CoherenceConfig = MachineConfig['coherence'];
export type ReplacementPolicyName = CacheLevelConfig['replacement'];
export type ReadSetTracking = HtmConfig['readSetTracking'];
export type ConflictResolution = HtmConfig['conflictResolution'];
