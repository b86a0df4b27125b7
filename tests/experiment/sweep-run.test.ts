import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { CLI, FAKE_RUNNER, htmsim, jsonlWithoutHost, MACHINE, scratch, SWEEP, writeConfig } from './helpers.js';

const run = (out: string, extra: string[] = [], env: Record<string, string> = {}) =>
  htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report', ...extra], env);

const log = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);

describe('htmsim run with an injected point runner', () => {
  beforeAll(requireBuild);
  it('writes the results folder, and the same results with --jobs 1 and --jobs 2', () => {
    const dir = scratch('determinism');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const ra = run(a, ['--jobs', '1']);
    expect(ra.status).toBe(0);
    const rb = run(b, ['--jobs', '2']);
    expect(rb.status).toBe(0);
    for (const f of ['experiment.json', 'resolved-config.yaml', 'results.jsonl', 'results.csv', 'sweep-points.json']) {
      expect(existsSync(join(a, f))).toBe(true);
    }
    expect(readdirSync(join(a, 'points'))).toHaveLength(24);
    expect(jsonlWithoutHost(a)).toBe(jsonlWithoutHost(b));
    // Records are sorted by index, params as documented, derived metrics present.
    const recs = readFileSync(join(a, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => r.index)).toEqual([...Array(24).keys()]);
    expect(Object.keys(recs[12].params)).toEqual(['workload.name', 'policy.name', 'machine.cores', 'rep', 'seed', 'htm.txLength']);
    expect(recs[0].params).toEqual({ 'workload.name': 'bank', 'policy.name': 'serial', 'machine.cores': 1, rep: 0, seed: 1 });
    // speedup: baseline is serial on 1 core with the same rep; the serial 1-core point itself is 1.
    expect(recs[0].derived.speedup).toBe(1);
    const serial1rep1 = recs.find((r) => r.params['policy.name'] === 'serial' && r.params['machine.cores'] === 1 && r.params.rep === 1);
    for (const r of recs) {
      const base = r.params.rep === 0 ? recs[0] : serial1rep1;
      expect(r.derived.speedup).toBeCloseTo(base.result.simSeconds / r.result.simSeconds, 12);
      expect(r.derived.throughput).toBeCloseTo(r.result.bytecodes / r.result.simSeconds, 6);
      if (r.params['policy.name'] === 'htm') expect(r.derived.abortRate).toBe(r.result.htm.aborted / r.result.htm.begun);
      else expect(r.derived.abortRate).toBeUndefined();
    }
    const exp = JSON.parse(readFileSync(join(a, 'experiment.json'), 'utf8'));
    expect(exp.totalPoints).toBe(24);
    expect(exp.axes).toEqual([{ path: 'machine.cores', values: [1, 2, 4] }, { path: 'htm.txLength', values: [10, 100] }]);
    expect(exp.baseline).toEqual({ 'policy.name': 'serial', 'machine.cores': 1 });
    expect(exp.resolved.policies[2]).toMatchObject({ name: 'htm', htm: { retries: 5, txLength: 100 } });
    // Groups over repetitions: 3 serial + 3 gil + 6 htm parameter sets, two reps each.
    const groups = JSON.parse(readFileSync(join(a, 'groups.json'), 'utf8'));
    expect(groups).toHaveLength(12);
    const g = groups[6];
    const members = recs.filter((r) => r.params['policy.name'] === 'htm' && r.params['machine.cores'] === 1 && r.params['htm.txLength'] === 10);
    expect(g.params).toEqual({ 'workload.name': 'bank', 'policy.name': 'htm', 'machine.cores': 1, 'htm.txLength': 10 });
    expect([g.n, g.ok]).toEqual([2, 2]);
    const [x, y] = members.map((m) => m.result.simSeconds);
    expect(g.metrics['result.simSeconds'].mean).toBeCloseTo((x + y) / 2, 15);
    expect(g.metrics['result.simSeconds'].stddev).toBeCloseTo(Math.abs(x - y) / Math.SQRT2, 15);
    const csv = readFileSync(join(a, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(25);
    expect(csv[0]!.startsWith('id,index,workload.name,policy.name,machine.cores,rep,seed,htm.txLength,result.status,')).toBe(true);
  });

  it('resumes after SIGKILL: same results as an uninterrupted run, finished points not recomputed', async () => {
    const dir = scratch('resume');
    const full = join(dir, 'full');
    expect(run(full, ['--jobs', '2']).status).toBe(0);

    const out = join(dir, 'killed');
    const log1 = join(dir, 'log1');
    const child = spawn(process.execPath, [CLI, 'run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '1'], {
      env: { ...process.env, HTMSIM_FAKE_SPIN_MS: '150', HTMSIM_FAKE_LOG: log1 }, stdio: 'ignore',
    });
    const pointsDir = join(out, 'points');
    const count = () => (existsSync(pointsDir) ? readdirSync(pointsDir).filter((f) => /^[0-9a-f]+\.json$/.test(f)).length : 0);
    while (count() < 5) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const survivors = readdirSync(pointsDir).filter((f) => /^[0-9a-f]+\.json$/.test(f));
    expect(survivors.length).toBeGreaterThanOrEqual(5);
    expect(survivors.length).toBeLessThan(24);
    const mtimes = new Map(survivors.map((f) => [f, statSync(join(pointsDir, f)).mtimeMs]));

    const log2 = join(dir, 'log2');
    const r = run(out, ['--jobs', '2'], { HTMSIM_FAKE_LOG: log2 });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`(${survivors.length} already done, skipped)`);
    // Only the missing points ran again; the stored ones are untouched.
    const rerun = log(log2).sort();
    const stored = survivors.map((f) => f.slice(0, -5));
    expect(rerun).toHaveLength(24 - survivors.length);
    expect(rerun.some((id) => stored.includes(id))).toBe(false);
    for (const [f, t] of mtimes) expect(statSync(join(pointsDir, f)).mtimeMs).toBe(t);
    expect(readdirSync(pointsDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(jsonlWithoutHost(out)).toBe(jsonlWithoutHost(full));

    // A third run has nothing to do.
    const log3 = join(dir, 'log3');
    expect(run(out, [], { HTMSIM_FAKE_LOG: log3 }).status).toBe(0);
    expect(log(log3)).toEqual([]);
    // --fresh starts over.
    expect(run(out, ['--fresh'], { HTMSIM_FAKE_LOG: log3 }).status).toBe(0);
    expect(log(log3)).toHaveLength(24);
  });

  it('shards 1/3, 2/3, 3/3 partition the sweep, and merged equal the unsharded run', () => {
    const dir = scratch('shards');
    const whole = join(dir, 'whole');
    expect(run(whole).status).toBe(0);
    const shards = [1, 2, 3].map((k) => join(dir, `shard-${k}`));
    const seen: string[] = [];
    shards.forEach((s, i) => {
      const r = run(s, ['--shard', `${i + 1}/3`]);
      expect(r.status).toBe(0);
      seen.push(...readdirSync(join(s, 'points')));
    });
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
    const merged = join(dir, 'merged');
    const m = htmsim(['merge', ...shards, '--out', merged, '--no-report']);
    expect(m.stderr).toBe(`htmsim: merged 3 folders into ${merged}: 24 points copied, 24/24 present\n`);
    expect(m.status).toBe(0);
    expect(jsonlWithoutHost(merged)).toBe(jsonlWithoutHost(whole));
    expect(readFileSync(join(merged, 'experiment.json'), 'utf8')).toBe(readFileSync(join(whole, 'experiment.json'), 'utf8'));
    // A missing shard is reported and makes the exit status 1.
    const partial = htmsim(['merge', shards[0]!, shards[1]!, '--out', join(dir, 'partial'), '--no-report']);
    expect(partial.status).toBe(1);
    expect(partial.stderr).toMatch(/16\/24 present, 8 missing/);
  });

  it('records a failing point as failed, finishes the sweep, exits 1', () => {
    const dir = scratch('failing');
    const cfg = writeConfig(dir, 'failing', `name: failing\nmachine: ${MACHINE}\nworkloads:\n  - { name: bank, params: { transfers: 10 } }\nsweep:\n  axes:\n    workload.params.accounts: [12, 13, 14, 15, 16]\n`);
    const out = join(dir, 'out');
    const r = htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('FAILED workload.name=bank policy.name=serial machine.cores=4 rep=0 workload.params.accounts=13');
    expect(r.stderr).toContain(': guest raised ValueError: unlucky');
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => x.result.status)).toEqual(['ok', 'failed', 'ok', 'failed', 'ok']);
    expect(recs[1].result.error).toBe('guest raised ValueError: unlucky');
    expect(recs[1].derived).toEqual({});
    expect(recs[3].result.error).toBe('worker died: exit code 3');
    expect(r.stderr).toContain('3/5 selected ok, 2 failed');
    // Failed points count as done; --retry-failed runs them again.
    const l = join(dir, 'retry-log');
    const again = htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report'], { HTMSIM_FAKE_LOG: l });
    expect(again.status).toBe(1);
    expect(log(l)).toHaveLength(0);
    const retry = htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--retry-failed'], { HTMSIM_FAKE_LOG: l });
    expect(retry.status).toBe(1);
    expect(log(l)).toHaveLength(2);
  });

  it('--dry-run lists the selected points and writes nothing; --filter selects', () => {
    const dir = scratch('dry-run');
    const out = join(dir, 'out');
    const r = htmsim(['run', SWEEP, '--out', out, '--dry-run', '--filter', 'policy.name=htm,cores>=2,htm.txLength=100,rep=0']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'fixture-sweep: 24 points, 2 selected',
      expect.stringMatching(/^ {3}18 {2}[0-9a-f]{16} {2}workload.name=bank policy.name=htm machine.cores=2 rep=0 htm.txLength=100$/),
      expect.stringMatching(/^ {3}22 {2}[0-9a-f]{16} {2}workload.name=bank policy.name=htm machine.cores=4 rep=0 htm.txLength=100$/),
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('a changed config reruns only the changed points and sets aside the old ones', () => {
    const dir = scratch('changed');
    const out = join(dir, 'out');
    const v1 = writeConfig(dir, 'v1', `name: changed\nmachine: ${MACHINE}\nworkloads: [{ name: bank, params: { transfers: 10 } }]\nsweep:\n  axes:\n    cores: [1, 2]\n`);
    const v2 = writeConfig(dir, 'v2', `name: changed\nmachine: ${MACHINE}\nworkloads: [{ name: bank, params: { transfers: 10 } }]\nsweep:\n  axes:\n    cores: [1, 2, 4]\n`);
    const l1 = join(dir, 'l1');
    const l2 = join(dir, 'l2');
    const l3 = join(dir, 'l3');
    const go = (cfg: string, l: string) => htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report'], { HTMSIM_FAKE_LOG: l });
    expect(go(v1, l1).status).toBe(0);
    expect(go(v2, l2).status).toBe(0);
    expect(log(l1)).toHaveLength(2);
    expect(log(l2)).toHaveLength(1);
    expect(go(v1, l3).status).toBe(0);
    expect(log(l3)).toHaveLength(0);
    expect(readdirSync(join(out, 'points'))).toHaveLength(2);
    expect(readdirSync(join(out, 'stale'))).toHaveLength(1);
  });
});
