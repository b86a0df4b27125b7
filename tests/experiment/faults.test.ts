/**
 * Faults around a sweep (issue 20): a guest that kills its worker process, damaged stored points,
 * output paths that cannot be written, two runs into one folder, runaway sweeps. Each ends as a
 * failed point or one line on stderr with exit 1 or 2, never a host trace, and loses nothing stored.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { CLI, FAKE_RUNNER, htmsim, jsonlWithoutHost, MACHINE, scratch, SWEEP, writeConfig } from './helpers.js';

const noTrace = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at |internal error|Native stack/);
};
const stored = (dir: string): string[] => readdirSync(join(dir, 'points')).filter((f) => /^[0-9a-f]+\.json$/.test(f)).sort();
const log = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : []);

/** Runs the CLI as an unprivileged user when this process is root (root may write anywhere). */
function htmsimUnprivileged(args: string[]): ReturnType<typeof spawnSync> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...asNobody });
}

// These suites run the built CLI (dist/).
beforeAll(requireBuild);

describe('a guest that kills its worker process', () => {
  it('is recorded as a failed point; the sweep finishes and a resume does not run it again', () => {
    const dir = scratch('faults-guest-crash');
    const bomb = join(dir, 'bomb.py');
    // Many host strings, one simulated object: equal strs a thread keeps share one block
    // (sim/interp/boxes.ts), so the simulated heap stays small and its MemoryError (which
    // distinct strings would reach first) never comes; the host's heap fills instead.
    writeFileSync(bomb, 'x = []\nwhile True:\n    x.append("y" * 100000)\n');
    const cfg = writeConfig(dir, 'bombs', `name: bombs\nmachine: ${MACHINE}\nworkloads:\n  - ${bomb}\n` +
      '  - { name: independent, params: { threads: 1, iters: 20 } }\npolicies: [serial]\n');
    const out = join(dir, 'out');
    // A small heap so that the worker dies in a second or two: the process that held it dies.
    const r = htmsim(['run', cfg, '--out', out, '--no-report'], { NODE_OPTIONS: '--max-old-space-size=128' });
    noTrace(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('2/2 points stored, 1/2 selected ok, 1 failed');
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => x.result.status)).toEqual(['failed', 'ok']);
    expect(recs[0].result.error).toMatch(/^worker died: (signal SIGABRT|signal SIGTRAP|exit code \d+): .*(heap out of memory|invalid size)/);
    const again = htmsim(['run', cfg, '--out', out, '--no-report']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('2/2 points stored, 1/2 selected ok, 1 failed');
  });
});

describe('a point that takes the sweep process down', () => {
  it('is retried once, then recorded as failed, so the resumes after it do not all die at the same point', () => {
    const dir = scratch('faults-sweep-killer');
    const cfg = writeConfig(dir, 'killer', `name: killer\nmachine: ${MACHINE}\nworkloads:\n  - { name: bank, params: { transfers: 10 } }\n` +
      'policies: [serial]\nsweep:\n  axes:\n    workload.params.accounts: [12, 22, 16]\n');
    const out = join(dir, 'out');
    const run = () => htmsim(['run', cfg, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '1']);
    for (let death = 1; death <= 2; death++) {
      const r = run();
      expect(r.signal).toBe('SIGKILL');
      expect(readFileSync(join(out, 'points', `${readdirSync(join(out, 'points')).find((f) => f.endsWith('.running'))}`), 'utf8')).toBe(`${death}\n`);
    }
    const r = run();
    noTrace(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^htmsim: point 1 \(workload\.name=bank policy\.name=serial machine\.cores=4 rep=0 workload\.params\.accounts=22\): the sweep process died 2 times while this point was running; not run again \(rerun it with --retry-failed\)$/m);
    expect(r.stderr).toContain('3/3 points stored, 2/3 selected ok, 1 failed');
    expect(readdirSync(join(out, 'points')).filter((f) => f.endsWith('.running'))).toEqual([]);
  });
});

describe('damaged stored points', () => {
  it('are named, set aside and run again; the results equal an undamaged run', () => {
    const dir = scratch('faults-damaged');
    const full = join(dir, 'full');
    expect(htmsim(['run', SWEEP, '--out', full, '--runner', FAKE_RUNNER, '--no-report']).status).toBe(0);
    const out = join(dir, 'out');
    expect(htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report']).status).toBe(0);
    const files = stored(out);
    const p = (i: number): string => join(out, 'points', files[i]!);
    const text = readFileSync(p(0), 'utf8');
    writeFileSync(p(0), text.slice(0, text.length / 2)); // truncated
    writeFileSync(p(1), ''); // emptied
    writeFileSync(p(2), '{"id":"x"}\n'); // a stub
    writeFileSync(p(3), readFileSync(p(4), 'utf8')); // another point's record
    const edited = JSON.parse(readFileSync(p(5), 'utf8'));
    edited.id = files[6]!.slice(0, -5); // another point's id on this point's result
    writeFileSync(p(6), JSON.stringify(edited));

    const logFile = join(dir, 'log');
    const r = htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report'], { HTMSIM_FAKE_LOG: logFile });
    noTrace(r.stderr);
    expect(r.status).toBe(0);
    const named = r.stderr.split('\n').filter((l) => l.includes('damaged stored point'));
    expect(named).toHaveLength(5);
    expect(named[0]).toMatch(/^htmsim: .*points\/[0-9a-f]+\.json: damaged stored point \((not valid JSON|empty file|it holds point|its result was run with another config).*\); moved to .*damaged\/[0-9a-f]+\.json, the point runs again$/);
    const id = (i: number): string => files[i]!.slice(0, -5);
    for (const [i, why] of [[0, 'not valid JSON'], [1, 'empty file'], [2, `it holds point "x", not ${id(2)}`],
      [3, `it holds point "${id(4)}", not ${id(3)}`], [6, 'its result was run with another config']] as const) {
      expect(named.filter((l) => l.includes(`${files[i]}: damaged stored point (${why}`))).toHaveLength(1);
    }
    expect(log(logFile)).toHaveLength(5);
    expect(readdirSync(join(out, 'damaged'))).toHaveLength(5);
    expect(jsonlWithoutHost(out)).toBe(jsonlWithoutHost(full));
  });

  it('merge names a damaged point file and a garbage experiment.json instead of failing with a JSON trace', () => {
    const dir = scratch('faults-merge');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(htmsim(['run', SWEEP, '--out', a, '--runner', FAKE_RUNNER, '--no-report', '--shard', '1/2']).status).toBe(0);
    expect(htmsim(['run', SWEEP, '--out', b, '--runner', FAKE_RUNNER, '--no-report', '--shard', '2/2']).status).toBe(0);
    const bad = join(b, 'points', stored(b)[0]!);
    writeFileSync(bad, '{"id": "');
    const r = htmsim(['merge', a, b, '--out', join(dir, 'm'), '--no-report']);
    noTrace(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`htmsim: ${bad}: damaged stored point (not valid JSON`);
    expect(r.stderr).toMatch(/23\/24 present, 1 missing, 1 damaged files skipped\n$/);

    writeFileSync(join(b, 'experiment.json'), '{"name": "fixture-sweep", "axes": [');
    const g = htmsim(['merge', a, b, '--out', join(dir, 'm2'), '--no-report']);
    expect(g.status).toBe(2);
    expect(g.stderr).toMatch(new RegExp(`^htmsim: ${join(b, 'experiment.json')}: not valid JSON \\(.*\\)\\n$`));
    writeFileSync(join(b, 'experiment.json'), '[1, 2]\n');
    const h = htmsim(['merge', a, b, '--out', join(dir, 'm2'), '--no-report']);
    expect(h.status).toBe(2);
    expect(h.stderr).toBe(`htmsim: ${join(b, 'experiment.json')}: not an htmsim experiment.json (not a JSON object)\n`);
  });
});

describe('output paths', () => {
  const prog = 'tests/experiment/fixtures/hello.py';

  it('exec: --stats or --timeline that cannot be written is one line and exit 2, before the run', () => {
    const dir = scratch('faults-exec-out');
    writeFileSync(join(dir, 'afile'), '');
    const cases: [string[], string][] = [
      [['--stats', dir], `--stats ${dir}: is a folder, not a file`],
      [['--stats', '/nonexistent/x.json'], '--stats /nonexistent/x.json: no such folder /nonexistent'],
      [['--stats', join(dir, 'afile', 'x.json')], `--stats ${join(dir, 'afile', 'x.json')}: ${join(process.cwd(), dir, 'afile')} is a file, not a folder`],
      [['--stats', ''], '--stats : an empty path is not a file'],
      [['--stats', join(dir, 'ok.json'), '--timeline', dir], `--timeline ${dir}: is a folder, not a file`],
    ];
    for (const [args, line] of cases) {
      const r = htmsim(['exec', prog, ...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe(''); // refused before running
      expect(r.stderr).toBe(`htmsim: ${line}\n`);
    }
    const ro = join(dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o777);
    const r = htmsimUnprivileged(['exec', prog, '--stats', join(dir, 'ok.json'), '--timeline', join(ro, 't.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim: --timeline ${join(ro, 't.json')}: cannot write there: permission denied (EACCES)\n`);
    // And when both can be written, both are.
    const ok = htmsim(['exec', prog, '--stats', join(dir, 'ok.json'), '--timeline', join(dir, 't.json')]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ok.json'), 'utf8')).stdout).toBe('hello\n');
    expect(Array.isArray(JSON.parse(readFileSync(join(dir, 't.json'), 'utf8')))).toBe(true);
  });

  it('run: --out that is a file, under a file, empty or unwritable is one line and exit 2', () => {
    const dir = scratch('faults-run-out');
    const file = join(dir, 'afile');
    writeFileSync(file, 'keep\n');
    const cases: [string, string][] = [
      [file, `--out ${file}: is a file, not a folder`],
      [join(file, 'sub'), `--out ${join(file, 'sub')}: cannot create the output folder: a part of the path is a file, not a folder (ENOTDIR)`],
      ['', '--out : an empty path is not an output folder'],
    ];
    for (const [out, line] of cases) {
      const r = htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`htmsim: ${line}\n`);
    }
    expect(readFileSync(file, 'utf8')).toBe('keep\n');
    const ro = join(dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o777);
    const r = htmsimUnprivileged(['run', SWEEP, '--out', join(ro, 'out'), '--runner', FAKE_RUNNER, '--no-report']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim: --out ${join(ro, 'out')}: cannot create the output folder: permission denied (EACCES)\n`);
  });
});

describe('two runs into one folder', () => {
  it('the second is refused while the first runs; a killed run\'s lock is taken over', async () => {
    const dir = scratch('faults-lock');
    const out = join(dir, 'out');
    const first = spawn(process.execPath, [CLI, 'run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '1'], {
      env: { ...process.env, HTMSIM_FAKE_SPIN_MS: '500' }, stdio: ['ignore', 'ignore', 'ignore'],
    });
    while (!existsSync(join(out, 'points')) || stored(out).length < 1) await new Promise((r) => setTimeout(r, 20));
    const second = htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report']);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^htmsim: --out ${out}: htmsim process ${first.pid} on \\S+ is writing to this folder \\(${join(out, '.lock')}\\); wait for it to end or use another output folder \\(if no such run is going on, remove the lock file\\)\\n$`));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    expect(existsSync(join(out, '.lock'))).toBe(true); // a SIGKILL leaves it behind
    const third = htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report']);
    expect(third.status).toBe(0);
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });
});

describe('runaway sweeps', () => {
  it('an axis of 10^5 values is refused in one line, at once, unless the limit is raised', () => {
    const dir = scratch('faults-runaway');
    const values = Array.from({ length: 100_000 }, (_, i) => i + 1).join(', ');
    const cfg = writeConfig(dir, 'huge', `name: huge\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    seed: [${values}]\n`);
    const r = htmsim(['validate', cfg]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim: ${cfg}: the sweep has up to 100000 points, more than the limit of 20000; shrink it, or raise the limit with --max-points 100000\n`);
    const small = writeConfig(dir, 'small', `name: small\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    seed: [1, 2, 3]\n`);
    expect(htmsim(['validate', small, '--max-points', '2']).status).toBe(2);
    expect(htmsim(['validate', small, '--max-points', '3']).stdout).toBe(`${small}: ok, 3 points\n`);
  });
});

describe('a full disk', () => {
  const FULL = ['--import', './tests/experiment/fixtures/full-disk.mjs'];
  const tmps = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.tmp-'));

  it('ends a sweep with one line naming the file, leaves no temp file, keeps the points stored; a rerun finishes', () => {
    const dir = scratch('faults-full-disk');
    const full = join(dir, 'full');
    expect(htmsim(['run', SWEEP, '--out', full, '--runner', FAKE_RUNNER, '--no-report']).status).toBe(0);
    const out = join(dir, 'out');
    // experiment.json, sweep-points.json and three points are written; the fourth point finds the disk full.
    const r = spawnSync(process.execPath, [...FULL, CLI, 'run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report', '--jobs', '1'],
      { encoding: 'utf8', env: { ...process.env, HTMSIM_FULL_DISK_AFTER: '5' } });
    noTrace(r.stderr);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^htmsim: cannot write ${join(out, 'points')}/[0-9a-f]+\\.json: no space left on the device \\(ENOSPC\\)$`));
    expect(tmps(out)).toEqual([]);
    expect(stored(out)).toHaveLength(3);
    expect(existsSync(join(out, '.lock'))).toBe(false);
    expect(htmsim(['run', SWEEP, '--out', out, '--runner', FAKE_RUNNER, '--no-report']).status).toBe(0);
    expect(jsonlWithoutHost(out)).toBe(jsonlWithoutHost(full));
  });

  it('exec: a --stats that cannot be written after the run is one line, exit 2, no temp file', () => {
    const dir = scratch('faults-full-disk-exec');
    const stats = join(dir, 'run.json');
    const r = spawnSync(process.execPath, [...FULL, CLI, 'exec', 'tests/experiment/fixtures/hello.py', '--stats', stats], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toBe(`htmsim: --stats cannot write ${stats}: no space left on the device (ENOSPC)\n`);
    expect(tmps(dir)).toEqual([]);
    expect(existsSync(stats)).toBe(false);
  });
});
