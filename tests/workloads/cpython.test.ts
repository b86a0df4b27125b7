/**
 * Every workload under CPython with the shims: passes its self-check at the defaults and at its
 * small size, and the deterministic ones print exactly the committed goldens. Also checks that the
 * shims agree with the TypeScript catalog on every header, and that a self-check does catch a race.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listWorkloads, shimsDir, workloadsDir, type WorkloadInfo } from '../../sim/run/workload-catalog.js';
import { MALFORMED_HEADERS } from './header-cases.js';

const hasPython = spawnSync('python3', ['--version']).status === 0;

function py(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('python3', args, {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: shimsDir(), PYTHONHASHSEED: '0', ...env },
    timeout: 110_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function smallArgs(w: WorkloadInfo): string[] {
  return Object.entries(w.small).map(([k, v]) => `${k}=${String(v)}`);
}

// Without python3 the suite is skipped, and its title says so.
describe.skipIf(!hasPython)(`workloads under CPython (python3 + workloads/shims)${hasPython ? '' : ': SKIPPED, python3 not found'}`, () => {
  const all = listWorkloads();

  for (const w of all) {
    for (const size of ['default', 'small'] as const) {
      it(`${w.name} (${size}) passes its self-check${w.deterministic ? ' and matches its golden' : ''}`, () => {
        const r = py([w.file, ...(size === 'small' ? smallArgs(w) : [])]);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^ok ${w.name} `));
        if (w.deterministic) {
          const golden = join(workloadsDir(), 'goldens', `${w.name}${size === 'small' ? '.small' : ''}.out`);
          expect(existsSync(golden), golden).toBe(true);
          expect(r.stdout).toBe(readFileSync(golden, 'utf8'));
        }
      });
    }
  }

  it('the shim reads the same header as the catalog (defaults, small, flags)', () => {
    const script = [
      'import json, sys',
      'import htmsim',
      'out = {}',
      'for path in sys.argv[1:]:',
      '    info, specs = htmsim.parse_header(path)',
      '    out[info["workload"]] = {"racy": info["racy"], "deterministic": info["deterministic"], "small": info["small"],',
      '        "params": [[s["name"], s["type"], s["default"], s["choices"], s["range"]] for s in specs]}',
      'print(json.dumps(out))',
    ].join('\n');
    const r = py(['-c', script, ...all.map((w) => w.file)]);
    expect(r.status, r.stderr).toBe(0);
    const fromShim = JSON.parse(r.stdout) as Record<string, unknown>;
    const fromCatalog = Object.fromEntries(all.map((w) => [w.name, {
      racy: w.racy, deterministic: w.deterministic, small: w.small,
      params: w.params.map((p) => [p.name, p.type, p.default, p.choices ?? null,
        p.range ? [p.range.min ?? null, p.range.minExclusive ?? false, p.range.max ?? null] : null]),
    }]));
    expect(fromShim).toEqual(fromCatalog);
  });

  it('the shim rejects bad overrides and malformed headers with exit 2', () => {
    const bank = all.find((w) => w.name === 'bank')!;
    let r = py([bank.file, 'threads=many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("htmsim shim: command line: param threads: expected an int, got 'many'\n");
    r = py([bank.file, 'threads=0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("htmsim shim: command line: param threads: expected a number >= 1, got '0'\n");
    r = py([bank.file, 'thread=2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown param 'thread'");
    const dir = mkdtempSync(join(tmpdir(), 'htmsim-shim-'));
    const bad = join(dir, 'demo.py');
    writeFileSync(bad, '# workload: demo\n# description: d\n# param n: integer = 3 -- n\nfrom htmsim import params\nprint(params)\n');
    r = py([bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim shim: ${bad}:3: malformed param line (want '# param NAME: TYPE = DEFAULT -- TEXT')\n`);
  });

  it('the shim rejects the malformed headers htmsim rejects, at the same line', () => {
    // A file without a header is a plain program for both; only the catalog insists on the
    // file name, so a renamed copy still runs under CPython.
    const lenient = new Set(['missing first line', 'name mismatch']);
    const dir = mkdtempSync(join(tmpdir(), 'htmsim-hdr-'));
    const cases = MALFORMED_HEADERS.filter(([what]) => !lenient.has(what));
    const files = cases.map(([, text], i) => {
      const sub = join(dir, String(i));
      mkdirSync(sub);
      writeFileSync(join(sub, 'demo.py'), text);
      return join(sub, 'demo.py');
    });
    const script = [
      'import sys, htmsim',
      'for path in sys.argv[1:]:',
      '    try:',
      '        htmsim.parse_header(path)',
      '        print("accepted")',
      '    except htmsim.HeaderError as err:',
      '        print(str(err).replace(path, "/x/demo.py"))',
    ].join('\n');
    const r = py(['-c', script, ...files]);
    expect(r.status, r.stderr).toBe(0);
    const got = r.stdout.trimEnd().split('\n');
    cases.forEach(([what, , message], i) => {
      const line = /demo\\\.py:(\d+):/.exec(message.source)![1];
      expect(got[i], what).toMatch(new RegExp(`^/x/demo\\.py:${line}: `));
    });
  });

  it('metrics go to stderr only when asked; rtm always takes the fallback path', () => {
    const cap = all.find((w) => w.name === 'capacity-write')!;
    const r = py([cap.file, ...smallArgs(cap)], { HTMSIM_METRICS: '1' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('metric commits=0\n');
    expect(r.stderr).toContain('metric other_aborts=3\n');
    expect(r.stderr).toContain('metric commit_ratio=0.0\n');
  });

  it('transaction.run runs added calls, including calls added while running, once each in FIFO order', () => {
    const script = [
      'import transaction',
      'seen = []',
      'def f(i):',
      '    seen.append(i)',
      '    if i < 3:',
      '        transaction.add(f, i + 10)',
      'for i in range(4):',
      '    transaction.add(f, i)',
      'transaction.run()',
      'with transaction.atomic():',
      '    with transaction.atomic():',
      '        seen.append("nested")',
      'print(seen)',
    ].join('\n');
    const r = py(['-c', script]);
    expect(r.stdout).toBe("[0, 1, 2, 3, 10, 11, 12, 'nested']\n");
  });

  it('a self-check catches lost updates: shared-counter with forced thread switches inside the increment', () => {
    // A trace function makes CPython switch threads between the load and the store of
    // `counter[0] += 1`, which the GIL otherwise never does (no call in the loop body).
    const sc = all.find((w) => w.name === 'shared-counter')!;
    const script = [
      'import sys, threading, runpy',
      'sys.setswitchinterval(1e-6)',
      'def tracer(frame, event, arg):',
      '    frame.f_trace_opcodes = True',
      '    return tracer',
      'threading.settrace(tracer)',
      `sys.argv = [${JSON.stringify(sc.file)}, "threads=4", "iters=20000"]`,
      'runpy.run_path(sys.argv[0], run_name="__main__")',
    ].join('\n');
    const r = py(['-c', script]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/RuntimeError: self-check failed: race: counter=\d+, expected 80000/);
  });
});
