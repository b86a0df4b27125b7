/**
 * Semantic checks of a machine description that the shape of the type cannot express: cache
 * geometry, powers of two, limits of the model. Shared by the preset loader (which adds file
 * positions) and createMachine (which refuses to build an impossible machine).
 */
import { setsOf } from './cache.js';
import type { CacheLevelConfig, MachineConfig } from './config.js';

export interface ConfigProblem {
  /** Dotted key path inside the machine description, e.g. `l1d.ways`. */
  keyPath: string;
  message: string;
}

/** Sharer masks are one uint32 per directory entry. */
export const MAX_CORES = 32;

export const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0 && n <= 2 ** 30;

function checkLevel(out: ConfigProblem[], key: string, lvl: CacheLevelConfig, lineBytes: number): void {
  const sets = setsOf(lvl, lineBytes);
  if (!Number.isInteger(sets) || sets < 1) {
    out.push({ keyPath: `${key}.sizeKiB`, message: `${lvl.sizeKiB} KiB is not a whole number of ${lvl.ways}-way sets of ${lineBytes}-byte lines` });
  } else if (!isPowerOfTwo(sets)) {
    out.push({ keyPath: `${key}.sizeKiB`, message: `gives ${sets} sets (${lvl.sizeKiB} KiB / ${lvl.ways} ways / ${lineBytes} B); the number of sets must be a power of two` });
  }
  if (lvl.replacement === 'plru' && !isPowerOfTwo(lvl.ways)) {
    out.push({ keyPath: `${key}.replacement`, message: `tree PLRU needs a power-of-two number of ways, got ${lvl.ways}` });
  }
}

/** All semantic problems of a structurally valid machine description (empty when it is fine). */
export function machineProblems(m: MachineConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (m.cores > MAX_CORES) out.push({ keyPath: 'cores', message: `at most ${MAX_CORES} cores are modelled (directory sharer masks are 32 bits), got ${m.cores}` });
  if (!isPowerOfTwo(m.lineBytes)) out.push({ keyPath: 'lineBytes', message: `must be a power of two, got ${m.lineBytes}` });
  if (!isPowerOfTwo(m.pageBytes)) out.push({ keyPath: 'pageBytes', message: `must be a power of two, got ${m.pageBytes}` });
  else if (isPowerOfTwo(m.lineBytes) && m.pageBytes < m.lineBytes) out.push({ keyPath: 'pageBytes', message: `must be at least lineBytes (${m.lineBytes}), got ${m.pageBytes}` });
  if (isPowerOfTwo(m.lineBytes)) {
    checkLevel(out, 'l1d', m.l1d, m.lineBytes);
    checkLevel(out, 'l2', m.l2, m.lineBytes);
    checkLevel(out, 'l3', m.l3, m.lineBytes);
  }
  htmDesignProblems(out, m);
  if (!m.l3.inclusive) {
    out.push({ keyPath: 'l3.inclusive', message: 'only an inclusive L3 is modelled (its tag array is the coherence directory); set true' });
  }
  return out;
}

/** The HTM design block (issue 18): a structure a tracking mode names must be given and possible. */
function htmDesignProblems(out: ConfigProblem[], m: MachineConfig): void {
  const h = m.htm;
  if (h.writeSetTracking === 'buffer' || h.readSetTracking === 'buffer') {
    if (!h.buffer) out.push({ keyPath: 'htm.buffer', message: "a tracking mode is 'buffer': give htm.buffer { lines, ways }" });
    else if (!Number.isInteger(h.buffer.lines / h.buffer.ways)) {
      out.push({ keyPath: 'htm.buffer.ways', message: `${h.buffer.lines} lines are not a whole number of ${h.buffer.ways}-way sets` });
    }
  }
  if (h.readSetTracking === 'signature') {
    if (!h.signature) out.push({ keyPath: 'htm.signature', message: "readSetTracking is 'signature': give htm.signature { bits, hashes }" });
    else if (!isPowerOfTwo(h.signature.bits) || h.signature.bits < 32) {
      out.push({ keyPath: 'htm.signature.bits', message: `must be a power of two of at least 32, got ${h.signature.bits}` });
    }
  }
}
