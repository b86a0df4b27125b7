import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../sim/common/errors.js';
import { MALFORMED_HEADERS } from './header-cases.js';
import {
  getWorkload, listWorkloads, loadWorkloadSource, parseWorkloadHeader, resolveWorkloadParams, shimsDir, workloadsDir,
} from '../../sim/run/workload-catalog.js';

const REQUIRED = [
  'independent', 'shared-counter', 'bank', 'bank-tx', 'capacity-write', 'capacity-read', 'same-set', 'false-sharing',
  'tx-demo', 'tx-demo-conflict', 'kmeans', 'vacation', 'genome', 'intruder', 'labyrinth', 'ssca2',
  'richards', 'mandelbrot', 'btree', 'gil-latency',
];

function userErrorMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).message;
  }
  throw new Error('expected a UserError');
}

describe('workload catalog', () => {
  const all = listWorkloads();

  it('lists every required workload, sorted, each with a header that parses', () => {
    const names = all.map((w) => w.name);
    for (const n of REQUIRED) expect(names).toContain(n);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(16);
  });

  it('gives every workload a description and typed, described params whose defaults fit their type', () => {
    for (const w of all) {
      expect(w.description.length, w.name).toBeGreaterThan(10);
      expect(w.file).toBe(join(workloadsDir(), `${w.name}.py`));
      for (const p of w.params) {
        expect(p.description.length, `${w.name}.${p.name}`).toBeGreaterThan(3);
        switch (p.type) {
          case 'int': expect(Number.isSafeInteger(p.default)).toBe(true); break;
          case 'float': expect(typeof p.default).toBe('number'); break;
          case 'bool': expect(typeof p.default).toBe('boolean'); break;
          case 'str':
            expect(typeof p.default).toBe('string');
            if (p.choices) expect(p.choices).toContain(p.default);
            break;
        }
      }
      // The small size only names declared params, with values of their type.
      for (const [k, v] of Object.entries(w.small)) {
        const p = w.params.find((q) => q.name === k)!;
        expect(p, `${w.name} small ${k}`).toBeDefined();
        expect(resolveWorkloadParams(w, { [k]: v }, 'test')[k]).toBe(v);
      }
    }
  });

  it('declares the published shapes: racy shared-counter, vacation contention levels, threads on threaded workloads', () => {
    const byName = new Map(all.map((w) => [w.name, w]));
    expect(byName.get('shared-counter')!.racy).toBe(true);
    expect(byName.get('independent')!.racy).toBe(false);
    const contention = byName.get('vacation')!.params.find((p) => p.name === 'contention')!;
    expect(contention).toMatchObject({ type: 'str', default: 'low', choices: ['low', 'high'] });
    for (const w of all) {
      const src = loadWorkloadSource(w);
      const usesThreads = /threading\.Thread\(/.test(src);
      expect(w.params.some((p) => p.name === 'threads'), `${w.name} threads param`).toBe(usesThreads && w.name !== 'gil-latency');
      // Every param the header declares is read by the program, and nothing else is.
      const read = new Set([...src.matchAll(/params\["([a-z_0-9]+)"\]/g)].map((m) => m[1]));
      expect([...read].sort(), w.name).toEqual(w.params.map((p) => p.name).sort());
    }
  });

  it('documents every workload in workloads/README.md', () => {
    const readme = readFileSync(join(workloadsDir(), 'README.md'), 'utf8');
    for (const w of all) expect(readme, w.name).toContain(`| \`${w.name}\` |`);
  });

  it('finds a workload by name or by path, and a plain program by path with no params', () => {
    const bank = getWorkload('bank');
    expect(bank.params.map((p) => p.name)).toEqual(['threads', 'accounts', 'transfers', 'locking', 'seed']);
    expect(bank.deterministic).toBe(true);
    const byPath = getWorkload(relative(process.cwd(), bank.file));
    expect(byPath.params).toEqual(bank.params);
    const dir = mkdtempSync(join(tmpdir(), 'htmsim-wl-'));
    const plain = join(dir, 'hello.py');
    writeFileSync(plain, '# just a comment\nprint("hi")\n');
    const info = getWorkload(plain);
    expect(info).toMatchObject({ name: 'hello', params: [], racy: false, deterministic: false, small: {} });
    expect(loadWorkloadSource(info)).toContain('print("hi")');
    expect(() => resolveWorkloadParams(info, { n: 1 }, 'x.yaml')).toThrow("x.yaml: workload hello has no param 'n' (known: none)");
  });

  it('rejects unknown names and missing files with one line', () => {
    const msg = userErrorMessage(() => getWorkload('bankk'));
    expect(msg).toMatch(/^unknown workload 'bankk': did you mean .*bank.*known: .*shared-counter/);
    expect(msg).not.toContain('\n');
    expect(userErrorMessage(() => getWorkload('nowhere/missing.py'))).toBe('workload program not found: nowhere/missing.py');
  });

  it('resolves params: defaults applied, typed values and command-line strings accepted', () => {
    const bank = getWorkload('bank');
    expect(resolveWorkloadParams(bank, {}, 'here')).toEqual({ threads: 4, accounts: 64, transfers: 1500, locking: 'global', seed: 1 });
    expect(resolveWorkloadParams(bank, { threads: 2, locking: 'none' }, 'here')).toMatchObject({ threads: 2, locking: 'none' });
    expect(resolveWorkloadParams(bank, { threads: '8', seed: '-3' }, 'here')).toMatchObject({ threads: 8, seed: -3 });
    const fs = getWorkload('false-sharing');
    expect(resolveWorkloadParams(fs, { padded: 'true' }, 'w').padded).toBe(true);
    expect(resolveWorkloadParams(fs, { padded: false }, 'w').padded).toBe(false);
  });

  it('rejects unknown and badly typed params naming the workload, the param and where', () => {
    const bank = getWorkload('bank');
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { thread: 2 }, 'configs/x.yaml: workloads[0]')))
      .toBe("configs/x.yaml: workloads[0]: workload bank has no param 'thread' (known: threads, accounts, transfers, locking, seed)");
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { threads: 2.5 }, '--set')))
      .toBe("--set: workload bank param 'threads' must be an integer >= 1, got 2.5");
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { threads: 'four' }, '--set')))
      .toBe('--set: workload bank param \'threads\' must be an integer >= 1, got "four"');
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { locking: 'mutex' }, 'w')))
      .toBe('w: workload bank param \'locking\' must be one of global|account|none, got "mutex"');
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { locking: 3 }, 'w'))).toContain("param 'locking' must be one of");
    const fs = getWorkload('false-sharing');
    expect(userErrorMessage(() => resolveWorkloadParams(fs, { padded: 1 }, 'w')))
      .toBe("w: workload false-sharing param 'padded' must be true or false, got 1");
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { threads: true }, 'w'))).toContain('must be an integer');
  });

  it('rejects values outside a declared range with one line, before the guest runs', () => {
    const bank = getWorkload('bank');
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { threads: 0 }, 'c.yaml:4:15: workloads[0].params.threads')))
      .toBe("c.yaml:4:15: workloads[0].params.threads: workload bank param 'threads' must be an integer >= 1, got 0");
    expect(userErrorMessage(() => resolveWorkloadParams(bank, { accounts: '1' }, '--set')))
      .toBe('--set: workload bank param \'accounts\' must be an integer >= 2, got "1"');
    expect(resolveWorkloadParams(bank, { threads: 1, accounts: 2 }, 'w')).toMatchObject({ threads: 1, accounts: 2 });
    const demo = parseWorkloadHeader('# workload: demo\n# description: d\n# param k: int(1..8) = 2 -- k\n# param x: float(>0) = 1 -- x\n', '/x/demo.py', true);
    expect(userErrorMessage(() => resolveWorkloadParams(demo, { k: 9 }, 'w'))).toBe("w: workload demo param 'k' must be an integer in 1..8, got 9");
    expect(userErrorMessage(() => resolveWorkloadParams(demo, { x: 0 }, 'w'))).toBe("w: workload demo param 'x' must be a finite number > 0, got 0");
    expect(resolveWorkloadParams(demo, { k: 8, x: 1e-9 }, 'w')).toMatchObject({ k: 8, x: 1e-9 });
  });
});

describe('workload header parser', () => {
  const good = [
    '# workload: demo',
    '# description: a demo',
    '# param n: int = 3 -- how many',
    '# param rate: float = 0.5 -- a rate -- with dashes',
    '# param mode: str(a|b) = b -- mode',
    '# param name: str = x-y -- free text',
    '# param on: bool = false -- a switch',
    '# param k: int(1..8) = 2 -- bounded',
    '# param x: float(>0) = 0.25 -- positive',
    '# racy: true',
    '# deterministic: false',
    '# small: n=1 mode=a on=true',
    '#',
    '# prose: anything goes after the bare # line',
    'print(1)',
  ].join('\n');

  it('parses every kind of line', () => {
    const info = parseWorkloadHeader(good, '/x/demo.py', true);
    expect(info).toEqual({
      name: 'demo', file: '/x/demo.py', description: 'a demo', racy: true, deterministic: false,
      params: [
        { name: 'n', type: 'int', default: 3, description: 'how many' },
        { name: 'rate', type: 'float', default: 0.5, description: 'a rate -- with dashes' },
        { name: 'mode', type: 'str', default: 'b', description: 'mode', choices: ['a', 'b'] },
        { name: 'name', type: 'str', default: 'x-y', description: 'free text' },
        { name: 'on', type: 'bool', default: false, description: 'a switch' },
        { name: 'k', type: 'int', default: 2, description: 'bounded', range: { min: 1, max: 8 } },
        { name: 'x', type: 'float', default: 0.25, description: 'positive', range: { min: 0, minExclusive: true } },
      ],
      small: { n: 1, mode: 'a', on: true },
    });
  });

  const malformed = MALFORMED_HEADERS;
  for (const [what, text, want] of malformed) {
    it(`rejects: ${what}`, () => {
      expect(userErrorMessage(() => parseWorkloadHeader(text, '/x/demo.py', true))).toMatch(want);
    });
  }

  it('treats a file without a header as a plain program unless strict', () => {
    expect(parseWorkloadHeader('print(1)\n', '/x/p.py', false).params).toEqual([]);
    expect(() => parseWorkloadHeader('print(1)\n', '/x/p.py', true)).toThrow(UserError);
  });

  it('locates the shims beside the workloads', () => {
    expect(readFileSync(join(shimsDir(), 'htmsim.py'), 'utf8')).toContain('def metric(');
  });
});
