/** Shared helpers of the experiment tests: the built CLI, scratch folders, the fake point runner. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = 'dist/sim/cli.js';
export const MACHINE = 'tests/experiment/fixtures/test-machine.yaml';
export const FAKE_RUNNER = 'tests/experiment/fixtures/fake-runner.mjs';
export const SWEEP = 'tests/experiment/fixtures/sweep.yaml';

/** A fresh scratch folder under tests/output/experiment/ (git-ignored). */
export function scratch(name: string): string {
  const dir = join('tests', 'output', 'experiment', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function htmsim(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

export function writeConfig(dir: string, name: string, text: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** results.jsonl with every `host` field removed: what must be identical between runs. */
export function jsonlWithoutHost(dir: string): string {
  return readFileSync(join(dir, 'results.jsonl'), 'utf8').trim().split('\n').map((line) => {
    const rec = JSON.parse(line) as { result: { host?: unknown } };
    delete rec.result.host;
    return JSON.stringify(rec);
  }).join('\n');
}

