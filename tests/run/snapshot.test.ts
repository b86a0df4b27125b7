/**
 * `htmsim exec` from the V8 start-up snapshot (dist/htmsim-exec.blob, sim/cli/exec-snapshot.ts)
 * against the ordinary entry point (dist/sim/cli.js): the same stdout, stderr, exit status and
 * run record (host timings aside) for programs that end well, raise, fail to parse, read stdin,
 * run threads on several simulated cores, and for bad options. bin/htmsim picks the snapshot for
 * `exec` and the ordinary entry for every other command. A sweep's workers start from
 * dist/htmsim-worker.blob and give the same results as workers that load dist/ (HTMSIM_SNAPSHOT=0).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmsim, jsonlWithoutHost, scratch } from '../experiment/helpers.js';

const CLI = 'dist/sim/cli.js';
const BLOB = 'dist/htmsim-exec.blob';
const dir = mkdtempSync(join(tmpdir(), 'htmsim-snapshot-'));

function prog(name: string, source: string): string {
  const f = join(dir, name);
  writeFileSync(f, source);
  return f;
}

interface Outcome { status: number | null; stdout: string; stderr: string; record?: unknown }

function run(how: 'plain' | 'snapshot', args: string[], input?: string): Outcome {
  const stats = join(dir, `${how}-stats.json`);
  const node = how === 'plain' ? [CLI] : ['--snapshot-blob', BLOB];
  const withStats = args.includes('--stats') ? args.map((a) => (a === '--stats' ? a : a === 'STATS' ? stats : a)) : args;
  const r = spawnSync(process.execPath, [...node, 'exec', ...withStats], { encoding: 'utf8', input });
  const out: Outcome = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (args.includes('--stats') && existsSync(stats)) {
    const rec = JSON.parse(readFileSync(stats, 'utf8')) as { host?: unknown };
    delete rec.host; // wall time, RSS: the host's, not the simulation's
    out.record = rec;
  }
  return out;
}

const THREADS = [
  'import threading',
  'total = [0]',
  'lock = threading.Lock()',
  'def work(n):',
  '    for i in range(n):',
  '        with lock:',
  '            total[0] += i',
  'ts = [threading.Thread(target=work, args=(300,)) for _ in range(3)]',
  'for t in ts: t.start()',
  'for t in ts: t.join()',
  'print(total[0])',
  '',
].join('\n');

describe('exec from the start-up snapshot', () => {
  beforeAll(requireBuild);

  it('the build made the snapshot', () => {
    expect(existsSync(BLOB)).toBe(true);
  });

  const cases: [string, () => string[], string?][] = [
    ['a program that ends well, with its run record', () => [prog('ok.py', 'import re, collections\nprint(sum(i * i for i in range(2000)), re.sub("a", "b", "banana"))\n'), '--stats', 'STATS']],
    ['threads under htm on 4 cores, perturbed by a seed', () => [prog('threads.py', THREADS), '--policy', 'htm', '--cores', '4', '--seed', '7', '--set', 'perturbation.missCycles=2', '--stats', 'STATS']],
    ['an uncaught guest exception', () => [prog('raise.py', 'def f(x):\n    return 1 / x\nf(0)\n')]],
    ['a syntax error', () => [prog('syntax.py', 'x = (1,\nprint(x)\n')]],
    ['an unknown --set key', () => [prog('set.py', 'pass\n'), '--set', 'htm.nosuch=1']],
    ['a module htmsim lacks', () => [prog('missing.py', 'import tkinter\n')]],
    ['standard input', () => [prog('stdin.py', 'import sys\nprint(sys.stdin.read().upper(), end="")\n'), '--stdin', '-'], 'abc\n'],
  ];
  for (const [what, args, input] of cases) {
    it(`${what}: the same outcome as dist/sim/cli.js`, () => {
      const a = args();
      const plain = run('plain', a, input);
      const snap = run('snapshot', a, input);
      expect(snap).toEqual(plain);
    });
  }

  it('the outcomes compared are the expected ones (the comparison is not of two failures)', () => {
    expect(run('snapshot', [prog('ok2.py', 'print(6 * 7)\n')]).stdout).toBe('42\n');
    expect(run('snapshot', [prog('threads2.py', THREADS), '--policy', 'stm', '--cores', '2']).stdout).toBe(`${3 * (299 * 300 / 2)}\n`);
    const bad = run('snapshot', [prog('bad.py', 'x = (1,\n')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.py.*line 1/);
  });

  it('bin/htmsim runs exec and every other command', () => {
    const ex = spawnSync('bin/htmsim', ['exec', prog('bin.py', 'print("hi")\n')], { encoding: 'utf8' });
    expect([ex.status, ex.stdout]).toEqual([0, 'hi\n']);
    // Under NODE_OPTIONS (other V8 flags than the snapshot's) it runs the ordinary entry instead.
    const opts = spawnSync('bin/htmsim', ['exec', prog('bin2.py', 'print("ok")\n')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' } });
    expect([opts.status, opts.stdout, opts.stderr]).toEqual([0, 'ok\n', '']);
    const list = spawnSync('bin/htmsim', ['list'], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/haswell/);
  });

  it('a sweep whose workers start from the snapshot stores the same results as one whose workers load dist/', () => {
    expect(existsSync('dist/htmsim-worker.blob')).toBe(true);
    const dir = scratch('snapshot-sweep');
    const a = join(dir, 'snap');
    const b = join(dir, 'plain');
    const ra = htmsim(['run', 'configs/examples/smoke.yaml', '--out', a, '--jobs', '2', '--no-report']);
    const rb = htmsim(['run', 'configs/examples/smoke.yaml', '--out', b, '--jobs', '2', '--no-report'], { HTMSIM_SNAPSHOT: '0' });
    expect([ra.status, rb.status]).toEqual([0, 0]);
    expect(ra.stderr).toContain('8/8 selected ok');
    expect(jsonlWithoutHost(a)).toBe(jsonlWithoutHost(b));
  });
});
