/**
 * `htmsim exec` end to end, through the built CLI: exit statuses, messages, the stats record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = 'dist/sim/cli.js';
const dir = mkdtempSync(join(tmpdir(), 'htmsim-exec-'));

function prog(name: string, source: string): string {
  const f = join(dir, name);
  writeFileSync(f, source);
  return f;
}

function exec(args: string[]) {
  return spawnSync(process.execPath, [CLI, 'exec', ...args], { encoding: 'utf8' });
}

const noStack = (s: string): void => expect(s).not.toMatch(/\n\s+at .*\.js:\d+/);

describe('htmsim exec', () => {
  beforeAll(requireBuild);

  // Issue 20: under refcount none nothing is ever freed in the model, so the host's own heap is the
  // bound. A small V8 heap (128 MiB) makes the runaway reach it in about a second.
  it('a runaway guest under refcount none gets a catchable MemoryError, not a V8 abort', () => {
    const run = (src: string) => spawnSync(process.execPath, ['--max-old-space-size=128', CLI, 'exec', prog('runaway.py', src), '--set', 'interp.refcount=none'], { encoding: 'utf8' });
    const r = run('x = []\nwhile True:\n    x.append([0] * 1000)\n');
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('MemoryError');
    noStack(r.stderr);
    const c = run('x = []\ntry:\n    while True:\n        x.append([0] * 1000)\nexcept MemoryError:\n    x = None\n    print("caught")\nprint(len([1] * 10))\n');
    expect(c.stderr).toBe('');
    expect(c.stdout).toBe('caught\n10\n');
    expect(c.status).toBe(0);
  });

  it('names the main script by its absolute path, as CPython does since 3.9; sys.argv[0] stays as typed', () => {
    prog('rel.py', 'import sys\nprint(sys.argv[0], __file__)\ndef f():\n    return 1/0\nf()\n');
    const r = spawnSync(process.execPath, [join(process.cwd(), CLI), 'exec', 'rel.py'], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`rel.py ${join(dir, 'rel.py')}\n`);
    expect(r.stderr).toContain(`  File "${join(dir, 'rel.py')}", line 5, in <module>\n`);
  });

  it('an unexpected indent has no caret (the offset points into the stripped indentation), as in CPython', () => {
    prog('indent.py', 'x = 1\n    y = 2\n');
    const r = spawnSync(process.execPath, [join(process.cwd(), CLI), 'exec', 'indent.py'], { encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`  File "${join(dir, 'indent.py')}", line 2\n    y = 2\nIndentationError: unexpected indent\n`);
  });

  it('--summary prints where every core\'s cycles went to stderr, and stdout stays the guest\'s', () => {
    const src = 'import threading\ndef w(n):\n    s = 0\n    for i in range(n):\n        s += i\nts = [threading.Thread(target=w, args=(300,)) for i in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint("done")\n';
    const r = exec([prog('threads.py', src), '--policy', 'gil', '--cores', '2', '--summary']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('done\n');
    expect(r.stderr).toMatch(/^htmsim: gil on 2 core\(s\), \d+ cycles/);
    expect(r.stderr).toMatch(/\nuseful work +\d+\.\d% +\d+\.\d% +\d+\.\d%\n/);
    expect(r.stderr).toMatch(/\nwaiting for the GIL /);
    // Each core's column sums to 100% (to the rounding of its rows).
    const rows = r.stderr.trim().split('\n').slice(2);
    for (const col of [0, 1]) {
      const sum = rows.reduce((a, row) => a + Number(row.match(/(\d+\.\d)%/g)![col]!.slice(0, -1)), 0);
      expect(Math.abs(sum - 100)).toBeLessThan(0.5);
    }
  });

  it('names a module htmsim lacks after the CPython traceback, exit 1; the modules it has import', () => {
    const r = exec([prog('lacks.py', 'import heapq, itertools, collections, array, re, struct, io, os.path, collections.abc\nprint("ok")\nimport sqlite3\n')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('ok\n');
    expect(r.stderr).toMatch(/\nModuleNotFoundError: No module named 'sqlite3'\nhtmsim: the program imports 'sqlite3', a module htmsim's guest library lacks/);
    noStack(r.stderr);
    const from = exec([prog('lacks-from.py', 'from fractions import Fraction\nfrom socket import socket\n')]);
    expect(from.status).toBe(1);
    expect(from.stderr).toMatch(/htmsim: the program imports 'socket', a module htmsim's guest library lacks/);
  });

  it('prints guest output and exits 0', () => {
    const r = exec([prog('ok.py', 'print(sum(range(10)), "done")\n')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('45 done\n');
  });

  it('reports a guest syntax error with line and column, exit 2', () => {
    const f = prog('bad.py', 'x = 1\nif x\n    print(x)\n');
    const r = exec([f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`  File "${f}", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n`);
    noStack(r.stderr);
  });

  it('prints a CPython traceback for an uncaught exception, exit 1', () => {
    const r = exec([prog('exc.py', 'def f(d):\n    return d["k"]\nprint("before")\nf({})\n')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('before\n');
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n' +
      `  File "${join(dir, 'exc.py')}", line 4, in <module>\n    f({})\n` +
      `  File "${join(dir, 'exc.py')}", line 2, in f\n    return d["k"]\n           ~^^^^^\n` +
      "KeyError: 'k'\n",
    );
  });

  it('stops a runaway loop at --max-cycles with one line and exit 2', () => {
    const r = exec([prog('loop.py', 'while True:\n    pass\n'), '--max-cycles', '1000000']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^htmsim: cycle limit reached/);
  });

  it('rejects an unknown --set key and a bad value in one line, exit 2', () => {
    const f = prog('ok2.py', 'print(1)\n');
    for (const set of ['htm.txLen=5', 'gil.mode=sometimes', 'machine.cores=-1']) {
      const r = exec([f, '--set', set]);
      expect(r.status, set).toBe(2);
      expect(r.stderr.trim().split('\n'), set).toHaveLength(1);
      expect(r.stderr).toMatch(/^htmsim: /);
      noStack(r.stderr);
    }
  });

  it('accepts every policy with its parameters via --set', () => {
    const f = prog('thr.py', 'import threading\nout = []\nts = [threading.Thread(target=out.append, args=(i,)) for i in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(sorted(out))\n');
    const sets: Record<string, string[]> = {
      serial: [],
      gil: ['--set', 'gil.mode=ticks', '--set', 'gil.checkInterval=50'],
      htm: ['--set', 'htm.txLength=200', '--set', 'htm.adaptive=true'],
      stm: ['--set', 'stm.txLength=500'],
      nogil: ['--set', 'nogil.containerLocks=false'],
    };
    for (const [policy, extra] of Object.entries(sets)) {
      const r = exec([f, '--policy', policy, '--cores', '2', ...extra]);
      expect(r.status, `${policy}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toBe('[0, 1, 2]\n');
    }
  });

  it('writes the result record and the timeline', () => {
    const stats = join(dir, 'stats.json');
    const tl = join(dir, 'tl.json');
    const r = exec([prog('w.py', 'x = 0\nfor i in range(1000):\n    x += i\nprint(x)\n'), '--policy', 'stm', '--stats', stats, '--timeline', tl]);
    expect(r.status).toBe(0);
    const rec = JSON.parse(readFileSync(stats, 'utf8'));
    for (const k of ['config', 'status', 'exitCode', 'stdout', 'simCycles', 'simSeconds', 'bytecodes', 'cores', 'caches', 'htm', 'stm', 'gil', 'host']) {
      expect(rec, k).toHaveProperty(k);
    }
    expect(rec.status).toBe('ok');
    expect(rec.stdout).toBe('499500\n');
    expect(rec.config.policy.name).toBe('stm');
    expect(rec.bytecodes).toBeGreaterThan(1000);
    expect(rec.stm.committed).toBeGreaterThan(0);
    const intervals = JSON.parse(readFileSync(tl, 'utf8'));
    expect(intervals.length).toBeGreaterThan(0);
    expect(intervals.some((i: { kind: string }) => i.kind === 'tx-committed')).toBe(true);
  });
});
