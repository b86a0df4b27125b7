/**
 * Parameters of the execution policies, declared once (type, bounds and description per field;
 * sim/common/config-shape.ts): the TypeScript types below, the JSON Schema sections that
 * sim/experiment/schema.ts composes, and the validation of configs all come from these entries.
 * Names are the dotted keys of `--set` and YAML sweeps (shared/DESIGN.md, "Parameter names").
 * Every cost is a parameter, none is a literal in code; defaults live in configs/defaults.yaml.
 */
import { bool, int, num, numAtLeast, oneOf, section, type ValueOf } from '../common/config-shape.js';

export const POLICY_NAMES = ['serial', 'gil', 'htm', 'stm', 'nogil'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export const policyShape = section('Which execution policy runs the guest.', {
  name: oneOf(POLICY_NAMES, 'serial | gil | htm | stm | nogil'),
});

export const gilShape = section('The global interpreter lock (policy gil; also the fallback lock of policy htm).', {
  mode: oneOf(['ticks', 'interval'], 'ticks: Python 2, release every checkInterval bytecodes; interval: Python 3.2+ drop request'),
  checkInterval: int('Bytecodes between releases in ticks mode', 1),
  switchIntervalUs: num('Simulated microseconds a waiter waits before requesting a drop (interval mode)'),
  forcedSwitching: bool('The releaser waits until another thread has taken the lock (Python 3)'),
  wakeupCycles: int('Cycles a woken waiter needs before it runs (OS wake-up latency)'),
  // Signal the condition, unlock, lock again: a waiter that wakes in this window gets the lock.
  retakeCycles: int('Ticks mode: cycles between a release and the releaser re-acquiring, when a thread waits (a waiter waking then wins)'),
  // OS scheduling noise; without it a periodic holder could make the waiter wake at the same phase forever.
  wakeupJitterCycles: int('Ticks mode: extra OS wake-up latency of a signalled waiter, up to this many cycles (seeded)'),
});

export const htmPolicyShape = section('GIL elision with hardware transactions (policy htm).', {
  txLength: int('Bytecodes per transaction before it ends at the next yield point', 1),
  // Ruby, PPoPP 2014.
  adaptive: bool('Adapt the length per yield point: shrink on aborts, grow on commits'),
  retries: int('Retries of a transaction before falling back to the GIL'),
  conflictRetries: int('Retry budget for conflict aborts'),
  capacityRetries: int('Retry budget for capacity aborts (without the retry bit the fallback is immediate)'),
  waitForLockFree: bool('Wait until the GIL is free before retrying (cures the lemming effect)'),
});

export const stmShape = section('PyPy-style software transactional memory (policy stm).', {
  txLength: int('Bytecodes after which a transaction is broken at the next safe point (0 = never)'),
  readBarrierCycles: int('Cycles charged per read barrier'),
  writeBarrierCycles: int('Cycles charged per write barrier'),
  commitCycles: int('Cycles charged per commit'),
  beginCycles: int('Cycles charged per transaction start'),
  // committer-wins is PyPy-STM's rule.
  conflictResolution: oneOf(['committer-wins', 'reader-wins'], 'Who wins a read-write conflict found at commit'),
});

export const nogilShape = section('Free threading, PEP 703 style (policy nogil).', {
  containerLocks: bool('Per-object locks around container operations'),
  lockCycles: int('Cycles per uncontended lock acquire/release'),
  // CPython 3.13's optimistic reads; charged when containerLocks is on.
  readCycles: int('Cycles per lock-free container read (optimistic read: conditional incref and re-check)'),
  // What the memory model does not see: ob_tid compares and immortality tests on increfs and
  // decrefs, deferred refcounts, the atomic eval-breaker load.
  bytecodeCycles: numAtLeast('Cycles per bytecode of free-threading overhead (biased-refcount ownership checks, deferred refcounts)', 0),
});

/** The sections a policy reads, and which policies read each (policy entries and swept axes obey this). */
export const POLICY_SECTION_SHAPES = { gil: gilShape, htm: htmPolicyShape, stm: stmShape, nogil: nogilShape };
export type PolicySection = keyof typeof POLICY_SECTION_SHAPES;
export const POLICY_SECTIONS = Object.keys(POLICY_SECTION_SHAPES) as PolicySection[];
export const SECTION_USERS: Record<PolicySection, readonly string[]> = {
  gil: ['gil', 'htm'],
  htm: ['htm'],
  stm: ['stm'],
  nogil: ['nogil'],
};

export type PolicyConfig = ValueOf<typeof policyShape>;
export type GilConfig = ValueOf<typeof gilShape>;
export type HtmPolicyConfig = ValueOf<typeof htmPolicyShape>;
export type StmConfig = ValueOf<typeof stmShape>;
export type NogilConfig = ValueOf<typeof nogilShape>;
