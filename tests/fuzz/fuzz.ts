/**
 * The fault-and-fuzz suite's machinery: a seeded generator, mutators of guest programs and of
 * experiment files and options, the harness process that runs cases, and the promise every case
 * is held to (README.md of this folder): exit status 0, 1 or 2; never an internal error (exit 70),
 * a dead process, a host stack trace or a hang. Violations of a class already filed are matched
 * against known-failures.json and reported, not hidden.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xorshift32, xorshiftSeed } from '../../sim/common/xorshift.js';
import { deathLine } from '../../sim/experiment/pool.js';

export class Rng {
  private x: number;
  constructor(seed: number, salt: number) {
    this.x = xorshiftSeed(seed, salt);
  }
  /** 0 <= n < max */
  int(max: number): number {
    this.x = xorshift32(this.x);
    return this.x % Math.max(1, max);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.int(1_000_000) < p * 1_000_000;
  }
}

/** How long a run may take, from the environment: `npm run fuzz` sets seconds and seed; `npm test`
 *  runs a fixed number of cases from a fixed seed (deterministic, a few seconds). */
export interface Budget { seed: number; seconds?: number; cases: number }
export function budget(defaultCases: number): Budget {
  const seconds = process.env.HTMSIM_FUZZ_SECONDS ? Number(process.env.HTMSIM_FUZZ_SECONDS) : undefined;
  const seed = process.env.HTMSIM_FUZZ_SEED ? Number(process.env.HTMSIM_FUZZ_SEED) : 20;
  return { seed, seconds, cases: seconds !== undefined ? Number.POSITIVE_INFINITY : defaultCases };
}

// ---- cases and outcomes -------------------------------------------------------------------

export type Case =
  | { kind: 'guest'; source: string; policy: string; cores: number; maxCycles: number }
  | { kind: 'config'; text: string; options: Record<string, unknown> };

export type Outcome =
  | { kind: 'exit'; status: number; stderr: string }
  | { kind: 'internal'; error: string }
  | { kind: 'died'; how: string; stderr: string }
  | { kind: 'hang'; seconds: number };

/** A status the guest chose itself (`sys.exit(3)`, `raise SystemExit(7)`), as CPython would exit with. */
function guestChosenStatus(c: Case | undefined): boolean {
  return c?.kind === 'guest' && /\bexit\(|SystemExit/.test(c.source);
}

/** CPython's status after an uncaught KeyboardInterrupt's traceback: 130 (128 + SIGINT). */
function keyboardInterrupt(o: { status: number; stderr: string }): boolean {
  return o.status === 130 && /(^|\n)KeyboardInterrupt\n?$/.test(o.stderr);
}

/** What about an outcome of case `c` breaks the promise, or undefined when it keeps it. */
export function violation(o: Outcome, c?: Case): string | undefined {
  switch (o.kind) {
    case 'exit':
      if (![0, 1, 2].includes(o.status) && !guestChosenStatus(c) && !keyboardInterrupt(o)) return `exit status ${o.status}`;
      if (/\n\s+at .*\.(js|ts|mjs):\d+/.test(o.stderr)) return 'host stack trace in the guest\'s stderr';
      return undefined;
    case 'internal':
      return `internal error (exit 70): ${o.error}`;
    case 'died':
      return `process died (${o.how})${o.stderr ? `: ${o.stderr}` : ''}`;
    case 'hang':
      return `no answer in ${o.seconds} s`;
    default: {
      const _never: never = o;
      return _never;
    }
  }
}

// ---- known failures -------------------------------------------------------------------------

export interface KnownFailure {
  id: string;
  /** The issue and item that owns it (not this suite's to fix). */
  filed: string;
  /** Matches the violation text of any case of this class. */
  match: string;
  /** Guest programs that reproduce it, with what they do today. */
  repros: { source: string; policy?: string; cores?: number; now: string }[];
}

export function knownFailures(): KnownFailure[] {
  return JSON.parse(readFileSync(join('tests', 'fuzz', 'known-failures.json'), 'utf8')) as KnownFailure[];
}

export function knownClass(v: string, known: readonly KnownFailure[]): KnownFailure | undefined {
  return known.find((k) => new RegExp(k.match).test(v));
}

// ---- the harness process ------------------------------------------------------------------

/** Runs cases one at a time in a forked harness.mjs; a dead or stuck harness is replaced. */
export class Harness {
  private child: ChildProcess | undefined;
  private stderr = '';
  private ready: Promise<void> | undefined;
  private ids = 0;
  constructor(private readonly timeoutSeconds: number, private readonly heapMiB = 256) {}

  private start(): Promise<void> {
    this.stderr = '';
    const child = fork('tests/fuzz/harness.mjs', [], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced', execArgv: [`--max-old-space-size=${this.heapMiB}`],
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr = (this.stderr + d).slice(-8000); });
    this.child = child;
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code, signal) => reject(new Error(`fuzz harness did not start (${code ?? signal}): ${this.stderr}`)));
    });
  }

  async run(c: Case): Promise<Outcome> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = ++this.ids;
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        this.child = undefined;
        resolve({ kind: 'hang', seconds: this.timeoutSeconds });
      }, this.timeoutSeconds * 1000);
      const onMessage = (m: { id?: number; outcome?: Outcome }): void => {
        if (m.id !== id || !m.outcome) return;
        cleanup();
        resolve(m.outcome);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        cleanup();
        this.child = undefined;
        // Give the pipe a moment to deliver the fatal line.
        setTimeout(() => resolve({ kind: 'died', how: code !== null ? `exit code ${code}` : `signal ${signal}`, stderr: deathLine(this.stderr) ?? '' }), 50);
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...c, id });
    });
  }

  stop(): void {
    if (this.child?.connected) this.child.disconnect();
    this.child = undefined;
  }
}

/**
 * Runs cases from `next` until the budget is spent; returns every violation with its case, split
 * into those of a known class and the rest.
 */
export async function fuzz(b: Budget, harness: Harness, next: (rng: Rng, i: number) => Case, salt: number): Promise<{
  cases: number; unknown: { v: string; c: Case }[]; known: { v: string; c: Case; k: KnownFailure }[];
}> {
  const rng = new Rng(b.seed, salt);
  const known = knownFailures();
  const out = { cases: 0, unknown: [] as { v: string; c: Case }[], known: [] as { v: string; c: Case; k: KnownFailure }[] };
  const until = b.seconds !== undefined ? Date.now() + b.seconds * 1000 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < b.cases && Date.now() < until; i++) {
    const c = next(rng, i);
    const v = violation(await harness.run(c), c);
    out.cases++;
    if (v === undefined) continue;
    const k = knownClass(v, known);
    if (k) out.known.push({ v, c, k });
    else out.unknown.push({ v, c });
  }
  return out;
}

/** A case as text a person can rerun. */
export function describeCase(c: Case): string {
  return c.kind === 'guest'
    ? `htmsim exec prog.py --policy ${c.policy} --cores ${c.cores} --max-cycles ${c.maxCycles}, prog.py =\n${c.source}`
    : `htmsim run experiment.yaml --dry-run ${JSON.stringify(c.options)}, experiment.yaml =\n${c.text}`;
}

// ---- guest programs -------------------------------------------------------------------------

const CORPUS_DIR = join('tests', 'guest', 'programs');
let corpus: string[] | undefined;
export function guestCorpus(): string[] {
  corpus ??= readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));
  return corpus;
}

/** Snippets spliced into programs: edges of the language and of the runtime, none a size bomb
 *  (those are filed; known-failures.json keeps their reproductions). */
const SNIPPETS = [
  'x = 1 / 0', 'import sys; sys.exit(3)', 'raise SystemExit("bye")', 'def f(): return f()\nf()', 'print(*range(5), sep=None)',
  'assert False, "no"', 'del undefined_name', 'x = [1, 2][5]', 'x = {}["k"]', 'int("12x")', 'float("nan") == float("nan")',
  'class A:\n    def __eq__(self, o): raise TypeError("eq")\n[A()] == [A()]', 'import threading\nt = threading.Thread(target=print, args=(1,)); t.start(); t.join()',
  'try:\n    pass\nfinally:\n    raise ValueError', 'print("%s %d" % ("a",))', 'print(f"{1:q}")', '"".join([1])', 'print(round(1e308 * 10))',
  'print(2 ** -1074, 2 ** 1023 * 2.0)', 'print(divmod(-7, 0))', 'import rtm\nrtm.xend()', 'import transaction\ntransaction.run()',
  'g = (i for i in range(3)); next(g); g.throw(ValueError)', 'x = memoryview', 'global q', 'nonlocal z', 'lambda: (yield)',
  'while True:\n    pass', 'print(hash((1, [2])))', 'sorted([3, "a"])', 'print(chr(0x110000))', 'print(int("9" * 5000))',
];
const NUMBERS = ['0', '-1', '10**9', '2**63', '1e308', '-0.0', '3', '255', '10**6'];
const NAMES = ['x', 'i', 'self', 'print', 'len', 'range', 'None', 'True', 'list', 'n', 'e'];

/** One mutation of a program: lines deleted, duplicated, swapped, numbers and names replaced,
 *  characters dropped, a snippet spliced in, the text cut short. */
export function mutateProgram(rng: Rng, src: string): string {
  const lines = src.split('\n');
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = rng.int(lines.length);
    switch (rng.int(8)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[i] ?? ''); break;
      case 2: { const j = rng.int(lines.length); [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']; break; }
      case 3: lines[i] = (lines[i] ?? '').replace(/\b\d+(\.\d+)?\b/, rng.pick(NUMBERS)); break;
      case 4: lines[i] = (lines[i] ?? '').replace(/\b[a-z_]\w*\b/, rng.pick(NAMES)); break;
      case 5: { const l = lines[i] ?? ''; const at = rng.int(l.length + 1); lines[i] = l.slice(0, at) + l.slice(at + 1); break; }
      case 6: { const indent = /^\s*/.exec(lines[i] ?? '')![0]; lines.splice(i, 0, ...rng.pick(SNIPPETS).split('\n').map((l) => indent + l)); break; }
      default: return lines.slice(0, i).join('\n');
    }
  }
  return lines.join('\n');
}

/** A small program from a grammar of statements over a few variables. */
export function generateProgram(rng: Rng): string {
  const v = (): string => rng.pick(['a', 'b', 'c', 'xs', 'd', 's']);
  const atom = (): string => rng.pick([v(), rng.pick(NUMBERS), '"ab"', '[1, 2, 3]', '{1: 2}', '(1,)', 'None', '2.5', 'b"x"', 'range(4)']);
  const expr = (depth: number): string => {
    if (depth <= 0 || rng.chance(0.3)) return atom();
    switch (rng.int(6)) {
      case 0: return `(${expr(depth - 1)} ${rng.pick(['+', '-', '*', '//', '%', '**', '<<', '&', '==', '<', 'in', 'is', 'and', 'or'])} ${expr(depth - 1)})`;
      case 1: return `${rng.pick(['len', 'str', 'int', 'abs', 'list', 'sorted', 'repr', 'bool', 'hash', 'min', 'sum', 'tuple'])}(${expr(depth - 1)})`;
      case 2: return `${expr(depth - 1)}[${expr(depth - 1)}]`;
      case 3: return `[${expr(depth - 1)} for _ in range(3)]`;
      case 4: return `${expr(depth - 1)}.${rng.pick(['append(1)', 'pop()', 'keys()', 'upper()', 'split()', 'copy()', 'count(1)'])}`;
      default: return `(lambda q: ${expr(depth - 1)})(${expr(depth - 1)})`;
    }
  };
  const stmt = (indent: string, depth: number): string[] => {
    switch (rng.int(depth > 0 ? 7 : 4)) {
      case 0: return [`${indent}${v()} = ${expr(3)}`];
      case 1: return [`${indent}print(${expr(3)})`];
      case 2: return [`${indent}${v()} += ${expr(2)}`];
      case 3: return [`${indent}assert ${expr(2)} or True`];
      case 4: return [`${indent}for ${v()} in ${expr(2)}:`, ...stmt(`${indent}    `, depth - 1)];
      case 5: return [`${indent}try:`, ...stmt(`${indent}    `, depth - 1), `${indent}except ${rng.pick(['Exception', 'TypeError', 'ZeroDivisionError'])} as e:`, `${indent}    print(type(e).__name__)`];
      default: return [`${indent}if ${expr(2)}:`, ...stmt(`${indent}    `, depth - 1), `${indent}else:`, ...stmt(`${indent}    `, depth - 1)];
    }
  };
  const out = ['a, b, c, xs, d, s = 1, 2.0, "c", [1, 2], {"k": 1}, "str"'];
  const n = 2 + rng.int(8);
  for (let i = 0; i < n; i++) out.push(...stmt('', 2));
  return `${out.join('\n')}\n`;
}

// ---- experiment files and options -------------------------------------------------------------

const SEED_CONFIGS = [
  'tests/experiment/fixtures/sweep.yaml', 'configs/quickstart.yaml', 'configs/headline-policies.yaml', 'configs/scaling.yaml', 'configs/long-vs-short.yaml',
  'configs/capacity.yaml', 'configs/conflict-sources.yaml', 'configs/gil-switching.yaml',
];
const YAML_VALUES = ['-1', '0', '.inf', '-.inf', '.nan', '1e400', '99999999999999999999999', '""', 'null', '~', '[]', '{}', 'true',
  '"x"', '[1, 1]', '*undefined_alias', '&a 3', '/etc/passwd', '2.5', '0x10', '[[1]]', '{ a: { b: { c: [] } } }', '"derived.nosuch"', '!!binary aGk='];
const YAML_KEYS = ['name', 'machine', 'cores', 'workloads', 'policies', 'sweep', 'axes', 'zip', 'repetitions', 'seed', 'maxCycles', 'report',
  'charts', 'baseline', 'htm', 'stm', 'gil', 'interp', 'timeline', 'params', 'x', 'y', 'where', 'nosuch', 'machine.cores', 'htm.txLength'];

export function configSeeds(): string[] {
  return SEED_CONFIGS.map((f) => readFileSync(f, 'utf8'));
}

/** One mutation of an experiment file: values and keys replaced, lines deleted, duplicated or
 *  re-indented, characters dropped, the text cut short. */
export function mutateConfig(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = rng.int(lines.length);
    const l = lines[i] ?? '';
    switch (rng.int(8)) {
      case 0: lines[i] = l.replace(/:\s+.*$/, `: ${rng.pick(YAML_VALUES)}`); break;
      case 1: lines[i] = l.replace(/^(\s*-?\s*)[\w.]+:/, `$1${rng.pick(YAML_KEYS)}:`); break;
      case 2: lines.splice(i, 1); break;
      case 3: lines.splice(i, 0, l); break;
      case 4: lines[i] = rng.chance(0.5) ? `  ${l}` : l.replace(/^ {1,2}/, ''); break;
      case 5: { const at = rng.int(l.length + 1); lines[i] = l.slice(0, at) + rng.pick(['', ':', '[', '{', '"', '&x ', '*x', '- ', '\t']) + l.slice(at + 1); break; }
      case 6: lines[i] = l.replace(/\b\d+\b/, rng.pick(['0', '-3', '100000', '99999999999999999999999', '1e400', '2.5'])); break;
      default: return lines.slice(0, i).join('\n');
    }
  }
  return lines.join('\n');
}

/** Random `htmsim run --dry-run` options, values often wrong. */
export function mutateOptions(rng: Rng): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (rng.chance(0.3)) o.filter = rng.pick(['policy.name=htm', 'cores==2', 'policy=quantum', 'machine.cores>=2', 'nosuch=1', '', ',', 'rep<1', 'seed=1e400', 'htm.txLength>x']);
  if (rng.chance(0.2)) o.shard = rng.pick(['1/2', '0/0', '3/2', 'x', '1/99999999999999999999', '-1/2']);
  if (rng.chance(0.3)) o.sets = [rng.pick(['seed=99999999999999999999999', 'maxCycles=1e400', 'machine.freqGHz=.inf', 'htm.txLength=0', 'cores=', '=1', 'policy.name=stm', 'interp.refcount=rc', 'machine.l1d.ways=3'])];
  if (rng.chance(0.1)) o.maxPoints = rng.pick([1, 2, 1000]);
  return o;
}
