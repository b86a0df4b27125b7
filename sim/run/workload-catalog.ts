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
 *     # param <name>: <type> = <default> -- <text>    any number; type is int | float | bool | str,
 *                                                     str(a|b|c) for a closed set of words, or
 *                                                     int/float with a range: int(>=1), float(>0),
 *                                                     int(0..63) (inclusive)
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
import { basename, isAbsolute, join, resolve as resolvePath } from 'node:path';
import { UserError, formatLocated } from '../common/errors.js';
import { repoFolder } from '../common/repo-folder.js';
import { decodeSource } from '../interp/front/syntax-error.js';

export type WorkloadParamType = 'int' | 'float' | 'str' | 'bool';
export type WorkloadParamValue = number | string | boolean;

export interface WorkloadParam {
  name: string;
  type: WorkloadParamType;
  default: WorkloadParamValue;
  description: string;
  /** For `str(a|b)` params: the only values accepted. */
  choices?: string[];
  /** For `int(...)`/`float(...)` params: the accepted range (bounds inclusive unless `minExclusive`). */
  range?: ParamRange;
}

export interface ParamRange {
  min?: number;
  minExclusive?: boolean;
  max?: number;
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

const PARAM_RE = /^# param ([a-z_][a-z0-9_]*): ((int|float|bool|str)(?:\(([^()]+)\))?) = (.+?) -- (.+)$/;
const NUM = '-?[0-9]+(?:\\.[0-9]+)?';
const RANGE_RE = new RegExp(`^(?:(>=|>)(${NUM})|(${NUM})\\.\\.(${NUM}))$`);

/** `>=1`, `>0`, `0..63` → a range, or undefined when the text is none of these. */
function parseRange(text: string): ParamRange | undefined {
  const m = RANGE_RE.exec(text.trim());
  if (!m) return undefined;
  if (m[1] !== undefined) return { min: Number(m[2]), ...(m[1] === '>' ? { minExclusive: true } : {}) };
  const min = Number(m[3]);
  const max = Number(m[4]);
  return min <= max ? { min, max } : undefined;
}

/** A numeric type with its range as a header writes it: `int`, `int(>=1)`, `float(0..1)`. */
export function paramTypeText(p: Pick<WorkloadParam, 'type' | 'range'>): string {
  if (!p.range) return p.type;
  const r = p.range;
  return `${p.type}(${r.max !== undefined ? `${r.min}..${r.max}` : `${r.minExclusive ? '>' : '>='}${r.min}`})`;
}

function inRange(r: ParamRange | undefined, v: number): boolean {
  if (!r) return true;
  if (r.min !== undefined && (r.minExclusive ? v <= r.min : v < r.min)) return false;
  return r.max === undefined || v <= r.max;
}

function describeRange(r: ParamRange): string {
  if (r.max !== undefined) return `in ${r.min}..${r.max}`;
  return `${r.minExclusive ? '>' : '>='} ${r.min}`;
}
const KEY_RE = /^# ([a-z]+): (.+)$/;
const KEYS = new Set(['workload', 'description', 'racy', 'deterministic', 'small']);
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;

/** The repository's `workloads/` folder. */
export function workloadsDir(): string {
  return repoFolder('workloads', 'shims/htmsim.py');
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(info.file);
  } catch (err) {
    throw new UserError(`cannot read workload ${info.name} (${info.file}): ${(err as Error).message}`);
  }
  return decodeSource(bytes, info.file);
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

function describeType(p: Pick<WorkloadParam, 'type' | 'choices' | 'range'>): string {
  switch (p.type) {
    case 'int':
      return p.range ? `an integer ${describeRange(p.range)}` : 'an integer';
    case 'float':
      return p.range ? `a finite number ${describeRange(p.range)}` : 'a finite number';
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
function convertValue(p: Pick<WorkloadParam, 'type' | 'choices' | 'range'>, value: unknown): WorkloadParamValue | undefined {
  switch (p.type) {
    case 'int': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) n = Number(value);
      return n !== undefined && Number.isSafeInteger(n) && inRange(p.range, n) ? n : undefined;
    }
    case 'float': {
      let n: number | undefined;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(value)) n = Number(value);
      return n !== undefined && Number.isFinite(n) && inRange(p.range, n) ? n : undefined;
    }
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
      const [, name, , kind, argText, defaultText, desc] = pm as unknown as [string, string, string, WorkloadParamType, string | undefined, string, string];
      const type = kind;
      if (info.params.some((p) => p.name === name)) fail(no, `param ${name} declared twice`);
      const spec: WorkloadParam = { name, type, default: '', description: desc.trim() };
      if (argText !== undefined) {
        if (type === 'str') {
          const choices = argText.split('|');
          if (choices.some((c) => !/^[A-Za-z0-9_.-]+$/.test(c))) fail(no, `param ${name}: bad choice list '${argText}'`);
          spec.choices = choices;
        } else if (type === 'int' || type === 'float') {
          const range = parseRange(argText);
          if (!range) fail(no, `param ${name}: bad range '${argText}' (want >=N, >N or N..M)`);
          spec.range = range!;
        } else {
          fail(no, `param ${name}: a bool takes no '(${argText})'`);
        }
      }
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
