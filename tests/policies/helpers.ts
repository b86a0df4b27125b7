/** Runs inline guest programs under a policy for the policy tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { runPointSync } from '../../sim/run/run-point.js';
import type { RunResult } from '../../sim/run/result.js';

const dir = mkdtempSync(join(tmpdir(), 'htmsim-policy-'));

export function runGuest(source: string, policy: string, cores: number, sets: string[] = []): RunResult {
  // The catalog accepts a path to any .py file as a workload; name it by content so it is stable.
  const file = join(dir, `p-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.py`);
  writeFileSync(file, source);
  const config = resolveExecConfig({ policy, cores, sets, workload: { name: file, params: {} } });
  return runPointSync(config, { source, filename: 'test.py' });
}

/** Everything but the host-dependent part, for determinism checks. */
export function withoutHost(r: RunResult): unknown {
  const { host: _host, ...rest } = r;
  return rest;
}

/** Runs a workload of workloads/ by name with its parameters. */
export function runWorkload(name: string, policy: string, cores: number, params: Record<string, number | boolean>, sets: string[] = []): RunResult {
  return runPointSync(resolveExecConfig({ policy, cores, sets, workload: { name, params } }));
}
