/**
 * The short summary `htmsim exec --forensics` prints to stderr after the run: the top abort sites
 * with their causes, the top conflict owners, the capacity composition (docs/forensics.md).
 */
import type { ForensicsRecord } from '../interp/forensics.js';
import type { RunResult } from './result.js';

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function cycles(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

export function formatForensicsSummary(result: RunResult): string {
  const f: ForensicsRecord | undefined = result.forensics;
  if (f === undefined) return '';
  const out: string[] = [];
  const byCause = Object.entries(result.htm.abortsByCause).filter(([, n]) => n > 0).map(([c, n]) => `${c} ${n}`).join(', ');
  const stm = result.stm.aborted > 0 ? `; stm aborts ${result.stm.aborted}` : '';
  out.push(`abort forensics: ${f.aborts} aborts recorded (hardware: ${byCause || 'none'}${stm})`);
  if (f.aborts === 0) {
    out.push('  no transaction aborted: nothing to explain');
    return out.join('\n') + '\n';
  }
  out.push('', `top abort sites (where the transaction was):`);
  out.push(`  ${'count'.padStart(7)}  ${'wasted'.padStart(8)}  ${'policy'.padEnd(6)} ${'cause'.padEnd(11)} site`);
  for (const s of f.sites) {
    out.push(`  ${String(s.count).padStart(7)}  ${cycles(s.wastedCycles).padStart(8)}  ${s.policy.padEnd(6)} ${s.cause.padEnd(11)} ${s.file}:${s.line} in ${s.function}${s.source ? `: ${s.source}` : ''}`);
  }
  const conflicts = Object.values(f.conflictsByOwner).reduce((a, b) => a + b, 0);
  if (conflicts > 0) {
    out.push('', `conflicts by owner (${conflicts} with a known line or object):`);
    const kinds = Object.entries(f.conflictsByOwner).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    out.push(`  ${kinds.map(([k, n]) => `${k} ${n} (${pct(n / conflicts)})`).join(', ')}`);
    out.push('top conflict owners:');
    for (const c of f.conflicts) out.push(`  ${String(c.count).padStart(7)}  ${c.owner.padEnd(13)} ${c.detail}`);
  }
  if (f.capacityAborts > 0) {
    out.push('', `capacity aborts: ${f.capacityAborts} (write set overflowed ${f.overflowed.write}, read set ${f.overflowed.read}); their sets by owner:`);
    for (const c of f.capacity) {
      out.push(`  ${c.owner.padEnd(13)} ${String(c.lines).padStart(9)} lines ${pct(c.share).padStart(6)}  (written ${c.writeLines}, read ${c.readLines})`);
    }
  }
  return out.join('\n') + '\n';
}
