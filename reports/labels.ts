/**
 * What readers see instead of paths: axis and legend titles for metric and parameter paths, and
 * labels for one value of a parameter ("4 cores", "HTM tx length 100"). No chart shows a dotted
 * path or a `key=value`.
 */
import { formatScalar } from './metrics.js';
import type { Scalar } from './records.js';

const LABELS: Record<string, string> = {
  'machine.cores': 'cores',
  'workload.params.threads': 'guest threads',
  'htm.txLength': 'HTM transaction length (bytecodes)',
  'stm.txLength': 'STM transaction length (bytecodes)',
  'derived.speedup': 'speedup over the baseline (×)',
  'derived.throughput': 'throughput (bytecodes per simulated second)',
  'derived.abortRate': 'abort rate (aborted / begun)',
  'computed.abortRate': 'abort rate (aborted / begun)',
  'computed.commitRatio': 'commit ratio (committed / begun)',
  'derived.wastedFraction': 'wasted fraction of busy cycles',
  'result.simSeconds': 'simulated time (s)',
  'result.simCycles': 'simulated time (cycles)',
  'result.bytecodes': 'bytecodes executed',
  'computed.wastedCycles': 'cycles in aborted transactions',
  'computed.lockWaitCycles': 'lock-wait cycles (all cores)',
  'computed.wastedPercent': 'cycles in aborted transactions (% of core time)',
  'computed.lockWaitPercent': 'lock-wait cycles (% of core time)',
  'result.metrics.commit_ratio': 'commit ratio (committed / attempted)',
  'metrics.commit_ratio': 'commit ratio (committed / attempted)',
  'workload.params.kib': 'transaction footprint (KiB)',
  'workload.params.footprintKiB': 'transaction footprint (KiB)',
  'policy.name': 'policy',
  'workload.name': 'workload',
  'result.htm.wastedCycles': 'HTM cycles in aborted transactions',
  'result.stm.wastedCycles': 'STM cycles in aborted transactions',
  'result.gil.waitCycles': 'cycles parked waiting (GIL, fallback lock, STM)',
  'result.htm.fallbacks': 'HTM fallbacks to the lock',
  'result.htm.aborted': 'HTM aborts',
  'result.stm.aborted': 'STM aborts',
  'result.stm.barrierCycles': 'STM barrier cycles',
  'gil.checkInterval': 'GIL check interval (bytecodes)',
  'gil.switchIntervalUs': 'GIL switch interval (µs)',
  'interp.refcount': 'reference counting',
  'interp.allocator': 'allocator',
  'interp.ticker': 'eval-loop ticker',
  'interp.smallIntCache': 'small-int cache',
};

/** Words spelled as acronyms in labels made from paths. */
const ACRONYMS: Record<string, string> = { htm: 'HTM', stm: 'STM', gil: 'GIL', nogil: 'nogil', l1d: 'L1D', l2: 'L2', l3: 'L3', tx: 'tx', kib: 'KiB', rtm: 'RTM' };

/** A label made from a path nobody named: its last parts in words (`result.caches.l1d.misses` →
 *  "L1D misses"), never the dotted path itself. */
function humanise(path: string): string {
  const parts = path.split('.').filter((s) => !['result', 'computed', 'derived', 'params', 'metrics', 'workload', 'abortsByCause', 'abortsByKind'].includes(s));
  const words = parts.slice(-2).flatMap((s) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_-]+/));
  const out = words.filter(Boolean).map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  // "htm length": name the system once, in front ("HTM tx length" for htm.txLength).
  return out.join(' ') || path;
}

/** An axis or legend title with units for a known path; a label in words otherwise. */
export function labelFor(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  if (/kib$/i.test(path)) {
    const name = path.split('.').pop()!.replace(/KiB$/i, '');
    return name ? `${humanise(name)} (KiB)` : 'size (KiB)';
  }
  return humanise(path);
}

/** A category or series label for one value of a parameter: "4 cores", "stm", "refcount none". */
export function valueLabel(path: string, v: Scalar | undefined): string {
  const text = formatScalar(v);
  switch (path) {
    case 'policy.name':
    case 'workload.name':
    case 'configuration': // abort forensics' configuration in words (reports/forensics.ts)
      return text;
    case 'machine.cores':
      return `${text} ${v === 1 ? 'core' : 'cores'}`;
    case 'workload.params.threads':
      return `${text} ${v === 1 ? 'thread' : 'threads'}`;
    default:
      return `${humanise(path)} ${text}`;
  }
}
