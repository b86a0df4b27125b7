/**
 * The JSON Schema (draft 2020-12) of htmsim's YAML files, written once here and used three ways:
 * ajv validates experiment files and defaults.yaml with it, `--set` and sweep axes look up the type
 * of a dotted parameter in it, and `htmsim schema` prints it for editors
 * (configs/schema/htmsim.schema.json is this object, generated).
 *
 * The section schemas list every field as required: defaults.yaml must give them all. Experiment
 * files and inline overrides use `partial()` copies, where every field is optional.
 */
import { POLICY_NAMES } from '../policies/config.js';

export type JsonSchema = { [key: string]: unknown };

const int = (description: string, minimum = 0): JsonSchema => ({ type: 'integer', minimum, description });
const num = (description: string, exclusiveMinimum = 0): JsonSchema => ({ type: 'number', exclusiveMinimum, description });
const bool = (description: string): JsonSchema => ({ type: 'boolean', description });
const oneOfStrings = (values: readonly string[], description: string): JsonSchema => ({ type: 'string', enum: [...values], description });

function section(description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', description, additionalProperties: false, required: Object.keys(properties), properties };
}

/** A section whose listed fields may be left out (HTM design-space fields, issue 18). */
function withOptional(s: JsonSchema, optional: readonly string[]): JsonSchema {
  return { ...s, required: (s.required as string[]).filter((k) => !optional.includes(k)) };
}

const cacheLevel = (what: string): Record<string, JsonSchema> => ({
  sizeKiB: int(`${what} capacity in KiB (size / ways / line size must be a power-of-two number of sets)`, 1),
  ways: int(`${what} associativity`, 1),
  latency: int(`${what} load-to-use latency of a hit, in core cycles`, 1),
  replacement: oneOfStrings(['lru', 'fifo', 'random', 'plru'], `${what} replacement policy`),
});

export const machineSchema = section('The simulated machine (a preset from configs/machines/, overridable field by field).', {
  name: { type: 'string', minLength: 1, description: 'Machine name, as reported in results' },
  cores: int('Number of cores', 1),
  freqGHz: num('Core clock in GHz (converts cycles to simulated seconds)'),
  lineBytes: int('Cache line size in bytes (a power of two)', 8),
  pageBytes: int('Page size in bytes; buffers of 4 KiB and more are page-aligned', 512),
  l1d: section('Private level-1 data cache, per core', cacheLevel('L1D')),
  l2: section('Private level-2 cache, per core', cacheLevel('L2')),
  l3: section('Shared last-level cache', {
    ...cacheLevel('L3'),
    inclusive: bool('Inclusive of the private caches: an L3 eviction back-invalidates every core'),
  }),
  memoryLatency: int('Main memory latency in core cycles', 1),
  coherence: section('MESI coherence between the private hierarchies', {
    protocol: oneOfStrings(['mesi'], 'Coherence protocol'),
    cacheToCacheLatency: int('Extra cycles when a read is served from another core\'s private cache'),
    invalidateLatency: int('Extra cycles for a write that must invalidate copies in other cores'),
  }),
  htm: withOptional(section('The hardware transactional memory unit (Haswell RTM and the other designs)', {
    enabled: bool('Whether xbegin can start a transaction at all'),
    maxNestingDepth: int('Flat nesting: a begin beyond this depth aborts with the nested bit', 1),
    // ---- HTM design space (issue 18); buffer, signature, rollbackOnly, suspendResume are optional
    writeSetTracking: oneOfStrings(['l1', 'l2', 'l3', 'buffer', 'unbounded'], 'Where speculative writes are tracked: a cache level (evicting from it aborts), a dedicated buffer, or unbounded'),
    readSetTracking: oneOfStrings(['l1', 'l2', 'l3', 'buffer', 'signature', 'unbounded'], 'Where the read set is tracked: the last cache level that keeps it, a dedicated buffer, a Bloom signature, or unbounded'),
    buffer: section('Dedicated tracking buffer (POWER8 TMCAM, zEC12 store cache), when a tracking mode is buffer', {
      lines: int('Entries (one cache line each)', 1),
      ways: int('Associativity (lines / ways sets; ways = lines is fully associative)', 1),
    }),
    signature: section('Bloom-filter read signature (LogTM-SE style), when readSetTracking is signature', {
      bits: int('Bits (a power of two)', 32),
      hashes: int('Hash functions', 1),
    }),
    rollbackOnly: bool('POWER8 rollback-only transactions (reads untracked) are available'),
    suspendResume: bool('POWER8 transaction suspend/resume is available'),
    // ---- end of the HTM design-space block
    conflictResolution: oneOfStrings(['requester-wins', 'requester-loses'], 'Which side of a conflict aborts'),
    timerIntervalCycles: int('A timer interrupt aborts running transactions every this many cycles (0 = never)'),
    beginCycles: int('Cost of xbegin in cycles'),
    commitCycles: int('Cost of xend in cycles'),
    abortCycles: int('Cost of an abort itself in cycles'),
  }), ['buffer', 'signature', 'rollbackOnly', 'suspendResume']),
});

export const interpSchema = section('Switches for the interpreter\'s own memory bookkeeping.', {
  refcount: oneOfStrings(['cpython', 'none', 'biased'], 'Reference counting: cpython writes the header on every incref/decref; none is a tracing GC; biased is free-threaded CPython'),
  allocator: oneOfStrings(['global', 'per-thread'], 'Allocator: shared free lists per size class, or per-thread arenas'),
  smallIntCache: bool('Share small ints and singletons (their refcounts become shared writes)'),
  ticker: oneOfStrings(['shared', 'per-thread'], 'Eval-breaker / ticker word: one global line or one per thread'),
  tickerEvery: int('The ticker is written every this many bytecodes', 1),
  dispatchCycles: int('Cycles charged per bytecode for dispatch, on top of its memory accesses'),
  recursionLimit: int('Guest recursion limit (RecursionError beyond it)', 1),
});

export const gilSchema = section('The global interpreter lock (policy gil; also the fallback lock of policy htm).', {
  mode: oneOfStrings(['ticks', 'interval'], 'ticks: Python 2, release every checkInterval bytecodes; interval: Python 3.2+ drop request'),
  checkInterval: int('Bytecodes between releases in ticks mode', 1),
  switchIntervalUs: num('Simulated microseconds a waiter waits before requesting a drop (interval mode)'),
  forcedSwitching: bool('The releaser waits until another thread has taken the lock (Python 3)'),
  wakeupCycles: int('Cycles a woken waiter needs before it runs (OS wake-up latency)'),
  retakeCycles: int('Ticks mode: cycles between a release and the releaser re-acquiring, when a thread waits (a waiter waking then wins)'),
  wakeupJitterCycles: int('Ticks mode: extra OS wake-up latency of a signalled waiter, up to this many cycles (seeded)'),
});

export const htmPolicySchema = section('GIL elision with hardware transactions (policy htm).', {
  txLength: int('Bytecodes per transaction before it ends at the next yield point', 1),
  adaptive: bool('Adapt the length per yield point: shrink on aborts, grow on commits'),
  retries: int('Retries of a transaction before falling back to the GIL'),
  conflictRetries: int('Retry budget for conflict aborts'),
  capacityRetries: int('Retry budget for capacity aborts (without the retry bit the fallback is immediate)'),
  waitForLockFree: bool('Wait until the GIL is free before retrying (cures the lemming effect)'),
});

export const stmSchema = section('PyPy-style software transactional memory (policy stm).', {
  txLength: int('Bytecodes after which a transaction is broken at the next safe point (0 = never)'),
  readBarrierCycles: int('Cycles charged per read barrier'),
  writeBarrierCycles: int('Cycles charged per write barrier'),
  commitCycles: int('Cycles charged per commit'),
  beginCycles: int('Cycles charged per transaction start'),
  conflictResolution: oneOfStrings(['committer-wins', 'reader-wins'], 'Who wins a read-write conflict found at commit'),
});

export const nogilSchema = section('Free threading, PEP 703 style (policy nogil).', {
  containerLocks: bool('Per-object locks around container operations'),
  lockCycles: int('Cycles per uncontended lock acquire/release'),
  readCycles: int('Cycles per lock-free container read (optimistic read: conditional incref and re-check)'),
  bytecodeCycles: { type: 'number', minimum: 0, description: 'Cycles per bytecode of free-threading overhead (biased-refcount ownership checks, deferred refcounts)' },
});

export const policySchema = section('Which execution policy runs the guest.', {
  name: oneOfStrings(POLICY_NAMES, 'serial | gil | htm | stm | nogil'),
});

const scalar: JsonSchema = { type: ['number', 'string', 'boolean'] };

/** The policy sections a policy reads (policy-entry params and swept section axes obey this). */
export const POLICY_SECTIONS = ['gil', 'htm', 'stm', 'nogil'] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];
export const SECTION_USERS: Record<PolicySection, readonly string[]> = {
  gil: ['gil', 'htm'],
  htm: ['htm'],
  stm: ['stm'],
  nogil: ['nogil'],
};

/** A fully resolved point (what `--set` paths and sweep axes address). */
export const pointSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['machine', 'interp', 'policy', 'gil', 'htm', 'stm', 'nogil', 'workload', 'seed', 'maxCycles', 'timeline'],
  properties: {
    machine: machineSchema,
    interp: interpSchema,
    policy: policySchema,
    gil: gilSchema,
    htm: htmPolicySchema,
    stm: stmSchema,
    nogil: nogilSchema,
    workload: {
      type: 'object', additionalProperties: false, required: ['name', 'params'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'Workload name (htmsim list) or a path to a guest program' },
        params: { type: 'object', additionalProperties: scalar, description: 'Parameters the workload declares' },
      },
    },
    seed: int('Seed of every pseudo-random choice (repetitions derive theirs from it)'),
    maxCycles: int('Stop the run (status failed) when any core\'s clock passes this many cycles', 1),
    timeline: bool('Record per-core intervals for the timeline chart'),
  },
};

/** A deep copy of `s` where no object requires any key (for overrides). */
export function partial(s: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'required') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, JsonSchema>).map(([pk, pv]) => [pk, partial(pv)]));
    } else out[k] = v;
  }
  return out;
}

/** configs/defaults.yaml: every default, nothing optional. */
export const defaultsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['machine', 'policy', 'policyInterp', 'interp', 'gil', 'htm', 'stm', 'nogil', 'seed', 'maxCycles', 'timeline', 'repetitions'],
  properties: {
    $schema: { type: 'string' },
    policyInterp: {
      type: 'object',
      description: 'Interpreter settings a policy implies, between `interp` below and what a config sets',
      propertyNames: { enum: [...POLICY_NAMES] },
      additionalProperties: partial(interpSchema),
    },
    machine: { type: 'string', minLength: 1, description: 'Default machine preset name' },
    policy: { ...oneOfStrings(POLICY_NAMES, 'Default policy'), description: 'Default policy name' },
    interp: interpSchema,
    gil: gilSchema,
    htm: htmPolicySchema,
    stm: stmSchema,
    nogil: nogilSchema,
    seed: int('Default base seed'),
    maxCycles: int('Default cycle limit', 1),
    timeline: bool('Record timelines by default'),
    repetitions: int('Default number of repetitions', 1),
  },
};

const paramPath: JsonSchema = {
  type: 'string',
  pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$',
  description: 'A dotted parameter path (machine.cores, htm.txLength, workload.params.n, …) or a shorthand (cores, policy)',
};

const chartSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: oneOfStrings(['line', 'bar', 'stacked-bar', 'timeline', 'capacity'], 'Chart kind'),
    title: { type: 'string' },
    x: { type: 'string', description: 'A parameter path, or a metric' },
    y: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }],
      description: 'A metric path inside the record (result.*, derived.*), or a list for stacked bars',
    },
    series: { type: 'string', description: 'One line / bar group per value of this parameter' },
    facet: { type: 'string', description: 'One panel per value of this parameter' },
    logX: { type: 'boolean' },
    logY: { type: 'boolean' },
    errorBars: { type: 'boolean', description: 'Mean ± stddev over repetitions (default: true when repetitions > 1)' },
    where: { type: 'object', additionalProperties: scalar, description: 'Keep only points with these parameter values' },
  },
};

export const reportSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'What the report shows (docs/results-format.md, ReportSpec)',
  properties: {
    title: { type: 'string' },
    description: { type: 'string', description: 'Markdown allowed' },
    timelinePoint: { type: 'object', additionalProperties: scalar, description: 'Which run\'s timeline to draw (first match)' },
    charts: { type: 'array', items: chartSchema },
    tables: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: oneOfStrings(['summary', 'points'], 'Table kind') } },
    },
  },
};

const sectionOverrides = {
  interp: partial(interpSchema),
  gil: partial(gilSchema),
  htm: partial(htmPolicySchema),
  stm: partial(stmSchema),
  nogil: partial(nogilSchema),
};

const policyEntry: JsonSchema = {
  anyOf: [
    oneOfStrings(POLICY_NAMES, 'A policy with its default parameters'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: oneOfStrings(POLICY_NAMES, 'serial | gil | htm | stm | nogil'),
        label: { type: 'string', description: 'Not used by the simulator; for people reading the file' },
        interp: { ...partial(interpSchema), description: 'Interpreter settings for this policy entry only' },
        gil: sectionOverrides.gil,
        htm: sectionOverrides.htm,
        stm: sectionOverrides.stm,
        nogil: sectionOverrides.nogil,
      },
    },
  ],
};

const workloadEntry: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1, description: 'A workload name with its default parameters' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, description: 'Workload name (htmsim list) or a path to a guest program' },
        params: { type: 'object', additionalProperties: scalar, description: 'Parameters the workload declares' },
      },
    },
  ],
};

/** An experiment file (configs/*.yaml). */
export const experimentSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://htmsim.invalid/schema/htmsim.schema.json',
  title: 'htmsim experiment',
  description: 'An htmsim experiment: machine, workloads, policies, the sweep over their parameters, and the report.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'workloads'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Experiment name; results go to results/<name>/' },
    title: { type: 'string' },
    description: { type: 'string' },
    machine: {
      anyOf: [
        { type: 'string', minLength: 1, description: 'A machine preset name or a path to a preset YAML' },
        { ...partial(machineSchema), properties: { preset: { type: 'string', minLength: 1, description: 'Preset to start from' }, ...(partial(machineSchema).properties as object) } },
      ],
      description: 'A preset name, or a preset plus overrides of any machine field',
    },
    workloads: { type: 'array', minItems: 1, items: workloadEntry, description: 'Workloads to run, each with its parameters' },
    policies: { type: 'array', minItems: 1, items: policyEntry, description: 'Policies to compare, each with its parameters' },
    ...sectionOverrides,
    sweep: {
      type: 'object',
      additionalProperties: false,
      properties: {
        axes: {
          type: 'object',
          propertyNames: paramPath,
          additionalProperties: { type: 'array', minItems: 1, items: scalar },
          description: 'Map of dotted parameter path to the list of its values; the grid product by default',
        },
        zip: {
          type: 'array',
          items: { type: 'array', minItems: 2, items: paramPath },
          description: 'Groups of axes that advance together (equal lengths) instead of forming a product',
        },
      },
    },
    repetitions: int('Runs per point, with seeds derived from `seed`', 1),
    seed: int('Base seed'),
    maxCycles: int('Cycle limit per run', 1),
    timeline: bool('Record per-core timelines'),
    baseline: {
      type: 'object', additionalProperties: scalar,
      description: 'Parameters of the baseline point for speedups (default: policy.name serial, machine.cores 1)',
    },
    report: reportSchema,
  },
};

/** What `htmsim schema` prints and configs/schema/htmsim.schema.json holds: the experiment file
 *  schema, with the defaults file's schema under `$defs/defaults`. */
export const publishedSchema: JsonSchema = { ...experimentSchema, $defs: { defaults: defaultsSchema } };
