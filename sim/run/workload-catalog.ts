/**
 * The workload catalog: the guest programs in `workloads/`, their declared parameters, and the
 * checks that turn an experiment's `workload.params` into the `htmsim.params` dict a program reads.
 *
 * ## The parameter contract (also in workloads/README.md)
 *
 * A workload is `workloads/<name>.py`. Its header is the block of `#` lines at the top of the file,
 * ended by the first line that is a bare `#` or does not start with `#`. Every line in it is one
 * declaration; anything else there is an error naming file:line:
 *
 *     # workload: <name>                              required, first line, equals the file name
 *     # description: <one line>                       required
 *     # param <name>: <type> = <default> -- <text>    any number; type is int | float | bool | str
 *                                                     or str(a|b|c) for a closed set of words
 *     # racy: true|false                              may lose updates under nogil (default false)
 *     # deterministic: true|false                     stdout equal on every run, policy and core
 *                                                     count, and equal to CPython's (default false)
 *     # small: <name>=<value> ...                     a quick size for tests and smoke runs
 *
 * The program reads `from htmsim import params` (name → value, every declared param present, the
 * defaults applied) and may call `metric(name, number)`; under CPython `workloads/shims/` provides
 * the same module (and `transaction`, `rtm`), reading this header from `sys.argv[0]` and
 * `name=value` overrides from the command line. A program checks its own result and raises on a
 * wrong answer (exit status 1), and prints a short deterministic summary line on success.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, formatLocated } from '../common/errors.js';

export type WorkloadParamType = 'int' | 'float' | 'str' | 'bool';
export type WorkloadParamValue = number | string | boolean;

export interface WorkloadParam {
  name: string;
  type: WorkloadParamType;
  default: WorkloadParamValue;
  description: string;
  /** For `str(a|b)` params: the only values accepted. */
  choices?: string[];
}

export interface WorkloadInfo {
  /** The catalog name (`bank`), or the file's base name without `.py` for an arbitrary path. */
  name: string;
  /** Absolute path of the program. */
  file: string;
  description: string;
  /** Deliberately racy under free threading: under `nogil` its self-check may report the race. */
  racy: boolean;
  /** Its stdout is identical on every run, policy and core count, and equals CPython's. */
  deterministic: boolean;
  params: WorkloadParam[];
  /** Param values for a quick run (tests, smoke sweeps); a subset of `params`, already typed. */
  small: Record<string, WorkloadParamValue>;
}

const PARAM_RE = /^# param ([a-z_][a-z0-9_]*): (int|float|bool|str(?:\(([^()]+)\))?) = (.+?) -- (.+)$/;
const KEY_RE = /^# ([a-z]+): (.+)$/;
const KEYS = new Set(['workload', 'description', 'racy', 'deterministic', 'small']);
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

let cachedDir: string | undefined;

/** The repository's `workloads/` folder, found from this module (works from sim/ and dist/sim/). */
export function workloadsDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../../workloads', '../../../workloads']) {
    const dir = resolvePath(here, rel);
    if (existsSync(join(dir, 'shims', 'htmsim.py'))) {
      cachedDir = dir;
      return dir;
    }
  }
  throw new Error(`htmsim: cannot find the workloads/ folder above ${here}`);
}

/** Folder to put on PYTHONPATH to run a workload under CPython. */
export function shimsDir(): string {
  return join(workloadsDir(), 'shims');
}

/** Every workload in `workloads/`, sorted by name. */
export function listWorkloads(): WorkloadInfo[] {
  const dir = workloadsDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py') && NAME_RE.test(f.slice(0, -3)) && !f.startsWith('make-'))
    .map((f) => parseWorkloadFile(join(dir, f), true))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A workload by catalog name (`bank`) or by path to any `.py` file (relative to the working
 * directory). A path whose first line is `# workload:` has its header parsed like a catalog entry;
 * any other program has no params.
 */
export function getWorkload(nameOrPath: string): WorkloadInfo {
  const looksLikePath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.endsWith('.py');
  if (!looksLikePath) {
    const file = join(workloadsDir(), `${nameOrPath}.py`);
    if (!NAME_RE.test(nameOrPath) || !existsSync(file)) {
      const names = listWorkloads().map((w) => w.name);
      const near = names.filter((n) => n.startsWith(nameOrPath.slice(0, 3)) || nameOrPath.startsWith(n));
      const hint = near.length > 0 ? `did you mean ${near.join(', ')}? ` : '';
      throw new UserError(`unknown workload '${nameOrPath}': ${hint}known: ${names.join(', ')}`);
    }
    return parseWorkloadFile(file, true);
  }
  const file = isAbsolute(nameOrPath) ? nameOrPath : resolvePath(process.cwd(), nameOrPath);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UserError(`workload program not found: ${nameOrPath}`);
  }
  return parseWorkloadFile(file, false);
}

/** The program's source text. */
export function loadWorkloadSource(info: WorkloadInfo): string {
  try {
    return readFileSync(info.file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read workload ${info.name} (${info.file}): ${(err as Error).message}`);
  }
}

/**
 * Checks `given` against the workload's declared params and returns every param with the defaults
 * applied. Values may be typed (from YAML/JSON) or strings (from `--set` on a command line):
 * `"8"` is accepted for an int, `"true"` for a bool. Unknown names and badly typed values throw a
 * UserError naming the workload, the param and `where` (e.g. `configs/scaling.yaml: sweep[3]`).
 */
export function resolveWorkloadParams(
  info: WorkloadInfo,
  given: Record<string, unknown>,
  where: string,
): Record<string, WorkloadParamValue> {
  const out: Record<string, WorkloadParamValue> = {};
  for (const p of info.params) out[p.name] = p.default;
  for (const [name, value] of Object.entries(given)) {
    const spec = info.params.find((p) => p.name === name);
    if (!spec) {
      const known = info.params.map((p) => p.name).join(', ') || 'none';
      throw new UserError(`${where}: workload ${info.name} has no param '${name}' (known: ${known})`);
    }
    const typed = convertValue(spec, value);
    if (typed === undefined) {
      throw new UserError(
        `${where}: workload ${info.name} param '${name}' must be ${describeType(spec)}, got ${JSON.stringify(value)}`,
      );
    }
    out[name] = typed;
  }
  return out;
}

function describeType(p: Pick<WorkloadParam, 'type' | 'choices'>): string {
  switch (p.type) {
    case 'int':
      return 'an integer';
    case 'float':
      return 'a finite number';
    case 'bool':
      return 'true or false';
    case 'str':
      return p.choices ? `one of ${p.choices.join('|')}` : 'a string';
    default: {
      const _never: never = p.type;
      return _never;
    }
  }
}

/** The typed value, or undefined when `value` does not fit the param. */
function convertValue(p: Pick<WorkloadParam, 'type' | 'choices'>, value: unknown): WorkloadParamValue | undefined {
  switch (p.type) {
    case 'int':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
      if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) {
        const n = Number(value);
        return Number.isSafeInteger(n) ? n : undefined;
      }
      return undefined;
    case 'float':
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (typeof value === 'string' && /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(value)) {
        return Number(value);
      }
      return undefined;
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true') return true;
      if (value === 'false') return false;
      return undefined;
    case 'str':
      if (typeof value !== 'string') return undefined;
      if (p.choices && !p.choices.includes(value)) return undefined;
      return value;
    default: {
      const _never: never = p.type;
      return _never;
    }
  }
}

/**
 * Parses a workload file's header. `strict`: the file must have a header whose `workload:` equals
 * its base name (catalog entries); otherwise a file without a header is a plain program.
 */
export function parseWorkloadFile(file: string, strict: boolean): WorkloadInfo {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read workload ${file}: ${(err as Error).message}`);
  }
  return parseWorkloadHeader(text, file, strict);
}

/** Parses header text (exported for tests). `file` is used for the name and in messages. */
export function parseWorkloadHeader(text: string, file: string, strict: boolean): WorkloadInfo {
  const base = basename(file).replace(/\.py$/, '');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const info: WorkloadInfo = {
    name: base, file, description: '', racy: false, deterministic: false, params: [], small: {},
  };
  const fail = (line: number, msg: string): never => {
    throw new UserError(formatLocated({ file, line }, msg));
  };
  if (!lines[0]?.startsWith('# workload:')) {
    if (strict) fail(1, "a workload must start with '# workload: <name>'");
    return info;
  }
  const seen = new Set<string>();
  let small: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const no = i + 1;
    if (!line.startsWith('#') || line.trimEnd() === '#') break;
    const pm = PARAM_RE.exec(line);
    if (pm) {
      const [, name, kind, choiceText, defaultText, desc] = pm as unknown as [string, string, string, string | undefined, string, string];
      const type: WorkloadParamType = kind.startsWith('str') ? 'str' : (kind as WorkloadParamType);
      const choices = choiceText !== undefined ? choiceText.split('|') : undefined;
      if (choices && choices.some((c) => !/^[A-Za-z0-9_.-]+$/.test(c))) fail(no, `param ${name}: bad choice list '${choiceText}'`);
      if (info.params.some((p) => p.name === name)) fail(no, `param ${name} declared twice`);
      const spec: WorkloadParam = { name, type, default: '', description: desc.trim() };
      if (choices) spec.choices = choices;
      const def = convertValue(spec, defaultText.trim());
      if (def === undefined) fail(no, `param ${name}: default '${defaultText.trim()}' is not ${describeType(spec)}`);
      spec.default = def!;
      info.params.push(spec);
      continue;
    }
    if (line.startsWith('# param')) fail(no, "malformed param line (want '# param NAME: TYPE = DEFAULT -- TEXT')");
    const km = KEY_RE.exec(line);
    if (!km || !KEYS.has(km[1]!)) fail(no, 'malformed header line (want `# KEY: VALUE` with KEY one of workload, description, param, racy, deterministic, small)');
    const key = km![1]!;
    const value = km![2]!.trim();
    if (seen.has(key)) fail(no, `'${key}' declared twice`);
    seen.add(key);
    switch (key) {
      case 'workload':
        if (no !== 1) fail(no, "'workload' must be the first line");
        if (strict && value !== base) fail(no, `workload name '${value}' does not match the file name '${base}'`);
        if (!NAME_RE.test(value)) fail(no, `bad workload name '${value}' (lowercase letters, digits, '-')`);
        info.name = value;
        break;
      case 'description':
        info.description = value;
        break;
      case 'racy':
      case 'deterministic':
        if (value !== 'true' && value !== 'false') fail(no, `${key} must be true or false, got '${value}'`);
        info[key] = value === 'true';
        break;
      case 'small':
        small = { text: value, line: no };
        break;
    }
  }
  if (!seen.has('description')) fail(1, "missing '# description: ...' line");
  if (small) {
    for (const item of small.text.split(/\s+/)) {
      const eq = item.indexOf('=');
      if (eq <= 0) fail(small.line, `small: expected name=value, got '${item}'`);
      const name = item.slice(0, eq);
      const spec = info.params.find((p) => p.name === name);
      if (!spec) fail(small.line, `small: unknown param '${name}'`);
      const v = convertValue(spec!, item.slice(eq + 1));
      if (v === undefined) fail(small.line, `small: param ${name} must be ${describeType(spec!)}`);
      info.small[name] = v!;
    }
  }
  return info;
}
