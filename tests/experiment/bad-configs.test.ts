import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { htmsim, MACHINE, scratch, SWEEP, writeConfig } from './helpers.js';

// Each bad config: the file text, and the exact lines on stderr ({f} is the file's path).
const CASES: [kind: string, text: string, lines: string[]][] = [
  ['YAML syntax error', 'name: x\nworkloads: [bank\npolicies: [gil]\n',
    ['{f}:3:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]']],
  ['duplicate YAML key', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nname: y\n`,
    ['{f}:4:1: YAML syntax error: Map keys must be unique']],
  ['empty file', '', ['{f}: the file is empty; an experiment needs at least `name` and `workloads`']],
  ['unknown top-level key', 'name: x\nworkloads: [bank]\nsweeps: {}\n',
    ["{f}:3:1: sweeps: unknown key 'sweeps' (did you mean 'sweep'?)"]],
  ['unknown nested key', `name: x\nmachine:\n  preset: ${MACHINE}\n  l1d: { sizeKB: 64 }\nworkloads: [bank]\n`,
    ["{f}:4:10: machine.l1d.sizeKB: unknown key 'sizeKB' (did you mean 'sizeKiB'?)"]],
  ['missing required key', `name: x\nmachine: ${MACHINE}\n`, ["{f}:1:1: missing required key 'workloads'"]],
  ['wrong type', 'name: x\nworkloads: [bank]\nrepetitions: two\n', ["{f}:3:14: repetitions: must be an integer, got 'two'"]],
  ['unknown machine preset', 'name: x\nmachine: skylake-x\nworkloads: [bank]\n',
    [/^\{f\}:2:10: machine: unknown machine preset 'skylake-x' \(known: .*\)$/.source]],
  ['unknown policy', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\npolicies: [gil, tsx]\n`,
    ["{f}:4:17: policies[1]: must be one of serial, gil, htm, stm, nogil; got 'tsx'"]],
  ['unknown policy parameter', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\npolicies:\n  - name: htm\n    htm: { txLen: 5 }\n`,
    ["{f}:6:12: policies[0].htm.txLen: unknown key 'txLen' (did you mean 'txLength'?)"]],
  ['policy section the policy does not read', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\npolicies:\n  - { name: gil, htm: { txLength: 5 } }\n`,
    ["{f}:5:18: policies[0].htm: policy gil does not read the 'htm' section (only htm does)"]],
  ['empty sweep axis', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    cores: []\n`,
    ['{f}:6:12: sweep.axes.cores: must not be empty']],
  ['negative cores', `name: x\nmachine: { preset: ${MACHINE}, cores: -2 }\nworkloads: [bank]\n`,
    [`{f}:2:${MACHINE.length + 29}: machine.cores: must be >= 1, got -2`]],
  ['non-integer cores', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    cores: [1, 2.5]\n`,
    ['{f}:6:16: sweep.axes.cores[1]: must be an integer, got 2.5']],
  ['unknown workload', `name: x\nmachine: ${MACHINE}\nworkloads: [bank, bnak]\n`,
    [/^\{f\}:3:19: workloads\[1\]: unknown workload 'bnak': .*known: .*bank.*$/.source]],
  ['unknown workload parameter', `name: x\nmachine: ${MACHINE}\nworkloads:\n  - name: bank\n    params: { thread: 4 }\n`,
    ["{f}:5:15: workloads[0].params.thread: workload bank has no param 'thread' (known: threads, accounts, transfers, locking, seed)"]],
  ['bad enum value', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\ninterp: { refcount: rc }\n`,
    ["{f}:4:21: interp.refcount: must be one of cpython, none, biased; got 'rc'"]],
  ['duplicate axis (shorthand and path)', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    cores: [1, 2]\n    machine.cores: [4]\n`,
    ["{f}:7:5: sweep.axes.machine.cores: duplicate axis: 'machine.cores' and 'cores' name the same parameter machine.cores"]],
  ['unknown axis parameter', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    htm.txLenght: [1, 2]\n`,
    ["{f}:6:5: sweep.axes.htm.txLenght: unknown parameter 'htm.txLenght' (did you mean 'htm.txLength'?)"]],
  ['zipped axes of different lengths', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    cores: [1, 2, 4]\n    workload.params.threads: [1, 2]\n  zip: [[cores, workload.params.threads]]\n`,
    ['{f}:8:9: sweep.zip[0]: zipped axes must have equal lengths (machine.cores: 3, workload.params.threads: 2)']],
  ['bad workload parameter value in an axis', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nsweep:\n  axes:\n    workload.params.locking: [global, table]\n`,
    ["{f}:6:39: sweep.axes.workload.params.locking[1]: workload bank param 'locking' must be one of global|account|none, got \"table\""]],
  ['several problems, all listed in file order', `name: bad name\nmachine: ${MACHINE}\nworkloads: [bank]\nrepetitions: 0\npolicies: [gil]\ngil: { mode: fast, checkInterval: 1.5 }\n`,
    ["{f}:1:7: name: 'bad name' must match ^[A-Za-z0-9][A-Za-z0-9._-]*$", '{f}:4:14: repetitions: must be >= 1, got 0',
      "{f}:6:14: gil.mode: must be one of ticks, interval; got 'fast'", '{f}:6:35: gil.checkInterval: must be an integer, got 1.5']],
  // issue 20: nonsense that used to validate, or failed with a host trace or "got null".
  ['unknown derived metric in a chart', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nreport:\n  charts:\n    - { type: line, x: machine.cores, y: derived.nosuch }\n`,
    ["{f}:6:42: report.charts[0].y: unknown derived metric 'derived.nosuch'; derived metrics are derived.speedup, derived.throughput, derived.abortRate, derived.wastedFraction"]],
  ['a workload path that is not a program', `name: x\nmachine: ${MACHINE}\nworkloads: [/etc/passwd]\n`,
    ['{f}:3:13: workloads[0]: /etc/passwd is not a guest program (a workload is a catalog name or a .py file)']],
  ['a workload .py that does not compile', `name: x\nmachine: ${MACHINE}\nworkloads: [tests/experiment/fixtures/not-python.py]\n`,
    ['{f}:3:13: workloads[0]: tests/experiment/fixtures/not-python.py is not a guest program: tests/experiment/fixtures/not-python.py:1:1: SyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?']],
  ['a seed beyond 2^53', `name: x\nmachine: ${MACHINE}\nworkloads: [bank]\nseed: 99999999999999999999999\n`,
    ['{f}:4:7: 99999999999999999999999 is beyond 2^53-1 (9007199254740991), the largest integer a config holds exactly']],
  ['infinite numbers', `name: x\nmachine: { preset: ${MACHINE}, freqGHz: .inf }\nworkloads: [bank]\nmaxCycles: 1e400\n`,
    [`{f}:2:${MACHINE.length + 31}: .inf is infinite; a config needs finite numbers`, '{f}:4:12: 1e400 is infinite; a config needs finite numbers']],
  ['a YAML alias bomb', 'name: x\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\nworkloads: [bank]\n',
    ['{f}: cannot expand the YAML: too many aliases (at most 1000 expansions; a resource exhaustion attack?)']],
];

const OPTION_CASES: [kind: string, args: string[], line: string][] = [
  ['shard beyond N', ['--shard', '4/3'], '--shard 4/3: expected K/N with 1 <= K <= N, e.g. --shard 2/8'],
  ['shard not K/N', ['--shard', 'x'], '--shard x: expected K/N with 1 <= K <= N, e.g. --shard 2/8'],
  ['filter without operator', ['--filter', 'policy.name~htm'], "--filter policy.name~htm: cannot parse 'policy.name~htm'; expected PATH OP VALUE with OP one of =, !=, <, <=, >, >="],
  ['filter on unknown parameter', ['--filter', 'htm.txLenght=5'], "--filter htm.txLenght=5: unknown parameter 'htm.txLenght' (did you mean 'htm.txLength'?)"],
  ['filter selecting no point', ['--filter', 'machine.cores=3'], '--filter machine.cores=3: selects none of the 24 points of fixture-sweep (see them with --dry-run)'],
  ['filter on a value no point can have', ['--filter', 'policy=quantum'], "--filter policy=quantum: 'policy=quantum': policy.name is one of serial, gil, htm, stm, nogil, never 'quantum'"],
  ['filter with a doubled operator', ['--filter', 'cores==2'], "--filter cores==2: 'cores==2': machine.cores is a number, never '=2'"],
  ['more points than the limit', ['--max-points', '20'], `${SWEEP}: the sweep has up to 36 points, more than the limit of 20; shrink it, or raise the limit with --max-points 36`],
  ['--set of an infinite number', ['--set', 'machine.freqGHz=1e400'], '--set machine.freqGHz=1e400: 1e400 is infinite; a config needs finite numbers'],
  ['--set of a seed beyond 2^53', ['--set', 'seed=99999999999999999999999'], '--set seed=99999999999999999999999: 99999999999999999999999 is beyond 2^53-1 (9007199254740991), the largest integer a config holds exactly'],
  ['filter comparing text by order', ['--filter', 'machine.cores>=four'], "--filter machine.cores>=four: '>=' needs a number, got 'four'"],
];

describe('bad experiment configs: exact one-line messages, exit 2, nothing written', () => {
  beforeAll(requireBuild);
  let dir = '';
  beforeAll(() => {
    dir = scratch('bad-configs');
  });

  it.each(CASES.map((c, i) => [i, ...c] as const))('#%i %s', (i, _kind, text, lines) => {
    const file = writeConfig(dir, `bad-${i}`, text);
    const out = join(dir, `out-${i}`);
    // `validate` shares the checks; run it on the last case only (each CLI start costs a second here).
    const commands = i === CASES.length - 1 ? [['run', file, '--out', out], ['validate', file]] : [['run', file, '--out', out]];
    for (const cmd of commands) {
      const r = htmsim(cmd);
      expect(r.status).toBe(2);
      const got = r.stderr.trimEnd().split('\n');
      expect(got).toHaveLength(lines.length);
      lines.forEach((want, j) => {
        const expected = want.replaceAll('{f}', file);
        if (want.startsWith('^')) expect(got[j]).toMatch(new RegExp(want.replace(/^\^\\\{f\\\}/, `^htmsim: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
        else expect(got[j]).toBe(`htmsim: ${expected}`);
      });
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it.each(OPTION_CASES)('bad option: %s', (_kind, args, line) => {
    const out = join(dir, 'out-options');
    const r = htmsim(['run', SWEEP, '--out', out, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`htmsim: ${line}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects --jobs 0 through commander with exit 2', () => {
    const out = join(dir, 'out-jobs');
    const r = htmsim(['run', SWEEP, '--out', out, '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs <n>' argument '0' is invalid\. must be a whole number >= 1/);
    expect(existsSync(out)).toBe(false);
  });

  it('accepts the fixture and the example configs', () => {
    const r = htmsim(['validate', SWEEP]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${SWEEP}: ok, 24 points\n`);
    expect(r.status).toBe(0);
  });
});
