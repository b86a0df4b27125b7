/**
 * The sweep pool's failure paths (worker exit, uncaught host error, stack overflow, out of memory, a
 * runner that cannot load) and Ctrl-C, through the built CLI with the fake point runner.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { CLI, FAKE_RUNNER, htmsim, jsonlWithoutHost, MACHINE, scratch, SWEEP, writeConfig } from './helpers.js';

const log = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);
const stored = (dir: string): string[] => readdirSync(join(dir, 'points')).filter((f) => /^[0-9a-f]+\.json$/.test(f));

describe('the sweep pool', () => {
  beforeAll(requireBuild);
  it('records every kind of worker death as a failed point and goes on with fresh workers', () => {
    const dir = scratch('pool-crashes');
    const cfg = writeConfig(dir, 'crashes', `name: crashes\nmachine: ${MACHINE}\nworkloads:\n  - { name: bank, params: { transfers: 10 } }\n` +
      'sweep:\n  axes:\n    workload.params.accounts: [15, 17, 18, 19, 20, 21, 12, 16]\n    cores: [1, 2]\n');
    const out = join(dir, 'out');
    // A small heap (workers inherit the limit) so that the out-of-memory point fails fast.
    const r = htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '2'], { NODE_OPTIONS: '--max-old-space-size=96' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |Native stack|internal error/);
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const outcome = (accounts: number) => [accounts, accounts === 12 || accounts === 16 ? 'ok' : 'failed',
      {
        15: 'worker died: exit code 3',
        17: 'worker died: exit code 1: TypeError: host bug in a timer',
        18: 'RangeError: Maximum call stack size exceeded',
        19: 'worker died: signal SIGABRT: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
        20: 'worker died: signal SIGABRT',
        21: 'worker died: signal SIGSEGV',
      }[accounts]];
    expect(recs.map((x) => [x.params['workload.params.accounts'], x.result.status, x.result.error]))
      .toEqual([15, 17, 18, 19, 20, 21, 12, 16].flatMap((a) => [outcome(a), outcome(a)]));
    expect(r.stderr).toContain('4/16 selected ok, 12 failed');
    // A resume does not run the failed points again (they are stored), so no crash repeats.
    const again = htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '2']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('16/16 points stored, 4/16 selected ok, 12 failed');
  });

  it('a point past --point-timeout (a spinning or hung worker) is killed, recorded as failed, and run again on resume', () => {
    const dir = scratch('pool-timeout');
    const cfg = writeConfig(dir, 'hangs', `name: hangs\nmachine: ${MACHINE}\nworkloads:\n  - { name: bank, params: { transfers: 10 } }\n` +
      'sweep:\n  axes:\n    workload.params.accounts: [23, 12, 24, 16]\n');
    const out = join(dir, 'out');
    const runLog = join(dir, 'runs.log');
    const args = ['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '2', '--point-timeout', '1.5'];
    const r = htmsim(args, { HTMSIM_FAKE_LOG: runLog });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const timedOut = 'timed out: still running after 1.5 s (--point-timeout), worker killed; a resume runs it again';
    expect(recs.map((x) => [x.params['workload.params.accounts'], x.result.status, x.result.error ?? null]))
      .toEqual([[23, 'failed', timedOut], [12, 'ok', null], [24, 'failed', timedOut], [16, 'ok', null]]);
    expect(r.stderr).toContain('2/4 selected ok, 2 failed');
    expect(log(runLog)).toHaveLength(4);
    // A resume runs the timed-out points again (and only them); without --point-timeout the default is minutes.
    const again = htmsim(args, { HTMSIM_FAKE_LOG: runLog });
    expect(again.status).toBe(1);
    expect(log(runLog)).toHaveLength(6);
    expect(again.stderr).toContain('4/4 points stored, 2/4 selected ok, 2 failed');
    const bad = htmsim(['run', cfg, '--out', out, '--point-timeout', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: option '--point-timeout <seconds>' argument '0' is invalid\. must be a number of seconds > 0/);
  });

  it('a runner that cannot be loaded is one line and exit 2, like other bad input', () => {
    const dir = scratch('pool-bad-runner');
    const runner = join(dir, 'no-run-point.mjs');
    writeFileSync(runner, 'export const nothing = 1;\n');
    const r = htmsim(['run', SWEEP, '--out', join(dir, 'out'), '--runner', runner, '--no-report']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^htmsim: cannot load the point runner file:\/\/\S+\/no-run-point\.mjs: does not export runPoint\(config\)$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(stored(join(dir, 'out'))).toEqual([]);

    const missing = htmsim(['run', SWEEP, '--out', join(dir, 'out2'), '--runner', join(dir, 'absent.mjs'), '--no-report']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`htmsim: --runner ${join(dir, 'absent.mjs')}: no such file\n`);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('Ctrl-C (SIGINT) stops the sweep, keeps the finished points and their summaries, exits 130; a rerun finishes the rest', async () => {
    const dir = scratch('pool-sigint');
    const full = join(dir, 'full');
    expect(htmsim(['run', SWEEP, '--out', full, '--runner', FAKE_RUNNER, '--no-report']).status).toBe(0);

    const out = join(dir, 'out');
    const log1 = join(dir, 'log1');
    const child = spawn(process.execPath, [CLI, 'run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '2'], {
      env: { ...process.env, HTMSIM_FAKE_SPIN_MS: '150', HTMSIM_FAKE_LOG: log1 }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const pointsDir = join(out, 'points');
    while (!existsSync(pointsDir) || stored(out).length < 4) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    const kept = stored(out);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.length).toBeLessThan(24);
    expect(stderr).toMatch(new RegExp(`htmsim: interrupted: ${kept.length}/24 points of this run finished and kept, ${24 - kept.length} not run; .*: ${kept.length}/24 points stored; run the same command again to resume\\n$`));
    expect(readdirSync(pointsDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // The summaries hold exactly the kept points.
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(kept.length);
    // Points cancelled in flight may have started (and logged) but were not stored.
    expect(log(log1).length).toBeGreaterThanOrEqual(kept.length);

    const log2 = join(dir, 'log2');
    const again = htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report'], { HTMSIM_FAKE_LOG: log2 });
    expect(again.status).toBe(0);
    const ids = kept.map((f) => f.slice(0, -5));
    expect(log(log2)).toHaveLength(24 - kept.length);
    expect(log(log2).some((id) => ids.includes(id))).toBe(false);
    expect(jsonlWithoutHost(out)).toBe(jsonlWithoutHost(full));
  });
});
