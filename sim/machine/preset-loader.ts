/**
 * Machine presets: YAML files under configs/machines/, checked field by field. A bad file gives
 * one line, `file:line:col: key: message`, pointing at the offending key or value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { formatLocated, UserError } from '../common/errors.js';
import { READ_SET_TRACKING, WRITE_SET_TRACKING, type MachineConfig } from './config.js';
import { REPLACEMENT_POLICIES } from './replacement.js';
import { machineProblems } from './validate.js';

type Spec =
  | { kind: 'int'; min: number }
  | { kind: 'num'; positive: true }
  | { kind: 'bool' }
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'section'; fields: Readonly<Record<string, Spec>> }
  | { kind: 'optional'; spec: Spec };

const int = (min: number): Spec => ({ kind: 'int', min });
const oneOf = (...values: string[]): Spec => ({ kind: 'enum', values });
const section = (fields: Record<string, Spec>): Spec => ({ kind: 'section', fields });

const cacheLevel = {
  sizeKiB: int(1),
  ways: int(1),
  latency: int(0),
  replacement: oneOf(...REPLACEMENT_POLICIES),
};

/** The shape of MachineConfig (sim/machine/config.ts); keep the two in step. */
const MACHINE_SPEC: Spec = section({
  name: { kind: 'string' },
  cores: int(1),
  freqGHz: { kind: 'num', positive: true },
  lineBytes: int(8),
  pageBytes: int(64),
  l1d: section(cacheLevel),
  l2: section(cacheLevel),
  l3: section({ ...cacheLevel, inclusive: { kind: 'bool' } }),
  memoryLatency: int(0),
  coherence: section({
    protocol: oneOf('mesi'),
    cacheToCacheLatency: int(0),
    invalidateLatency: int(0),
  }),
  htm: section({
    enabled: { kind: 'bool' },
    maxNestingDepth: int(1),
    // ---- HTM design space (issue 18): tracking modes and their structures --------------------
    writeSetTracking: oneOf(...WRITE_SET_TRACKING),
    readSetTracking: oneOf(...READ_SET_TRACKING),
    buffer: { kind: 'optional', spec: section({ lines: int(1), ways: int(1) }) },
    signature: { kind: 'optional', spec: section({ bits: int(32), hashes: int(1) }) },
    rollbackOnly: { kind: 'optional', spec: { kind: 'bool' } },
    suspendResume: { kind: 'optional', spec: { kind: 'bool' } },
    // ---- end of the HTM design-space block ---------------------------------------------------
    conflictResolution: oneOf('requester-wins', 'requester-loses'),
    timerIntervalCycles: int(0),
    beginCycles: int(0),
    commitCycles: int(0),
    abortCycles: int(0),
  }),
});

interface Problem { path: string[]; message: string; atKey: boolean }

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function check(spec: Spec, v: unknown, path: string[], out: Problem[]): void {
  switch (spec.kind) {
    case 'int':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) out.push({ path, message: `expected an integer, got ${describe(v)}`, atKey: false });
      else if (v < spec.min) out.push({ path, message: `must be at least ${spec.min}, got ${v}`, atKey: false });
      return;
    case 'num':
      if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path, message: `expected a number, got ${describe(v)}`, atKey: false });
      else if (v <= 0) out.push({ path, message: `must be positive, got ${v}`, atKey: false });
      return;
    case 'bool':
      if (typeof v !== 'boolean') out.push({ path, message: `expected true or false, got ${describe(v)}`, atKey: false });
      return;
    case 'string':
      if (typeof v !== 'string' || v.length === 0) out.push({ path, message: `expected a non-empty string, got ${describe(v)}`, atKey: false });
      return;
    case 'enum':
      if (typeof v !== 'string' || !spec.values.includes(v)) {
        out.push({ path, message: `expected one of ${spec.values.join(', ')}, got ${describe(v)}`, atKey: false });
      }
      return;
    case 'section': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        out.push({ path, message: `expected a mapping, got ${describe(v)}`, atKey: false });
        return;
      }
      const obj = v as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        if (!(key in spec.fields)) {
          out.push({ path: [...path, key], message: `unknown key (expected one of ${Object.keys(spec.fields).join(', ')})`, atKey: true });
        }
      }
      for (const [key, sub] of Object.entries(spec.fields)) {
        if (!(key in obj)) {
          if (sub.kind !== 'optional') out.push({ path, message: `missing key '${key}'`, atKey: path.length > 0 });
        }
        else check(sub, obj[key], [...path, key], out);
      }
      return;
    }
    case 'optional':
      check(spec.spec, v, path, out);
      return;
    default: {
      const _never: never = spec;
      throw new Error(`unknown spec ${String(_never)}`);
    }
  }
}

interface Located { doc: Document.Parsed; lines: LineCounter }

/** The 1-based line/column of a key (atKey) or its value, or of the nearest ancestor that exists. */
function position(src: Located | undefined, path: readonly string[], atKey: boolean): { line: number; col: number } | undefined {
  if (!src) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const p = path.slice(0, n);
    let offset: number | undefined;
    if (atKey && n === path.length && n > 0) {
      const parent = src.doc.getIn(p.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === p[p.length - 1]);
        offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
      }
    } else {
      const node = n === 0 ? src.doc.contents : src.doc.getIn(p, true);
      offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    }
    if (offset !== undefined) {
      const lp = src.lines.linePos(offset);
      return { line: lp.line, col: lp.col };
    }
  }
  return undefined;
}

function fail(file: string, src: Located | undefined, problems: Problem[]): never {
  const located = problems.map((p) => ({ p, pos: position(src, p.path, p.atKey) }));
  // An unknown key usually explains a missing one (a typo), so it is reported first.
  const rank = (p: Problem): number => (p.message.startsWith('unknown key') ? 0 : 1);
  located.sort((a, b) => rank(a.p) - rank(b.p) || (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
  const first = located[0]!;
  const more = located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''})` : '';
  throw new UserError(formatLocated(
    { file, line: first.pos?.line, column: first.pos?.col, keyPath: first.p.path.join('.') || undefined },
    first.p.message + more,
  ));
}

function validate(value: unknown, file: string, src: Located | undefined): MachineConfig {
  const problems: Problem[] = [];
  check(MACHINE_SPEC, value, [], problems);
  if (problems.length === 0) {
    for (const p of machineProblems(value as MachineConfig)) {
      problems.push({ path: p.keyPath.split('.'), message: p.message, atKey: false });
    }
  }
  if (problems.length > 0) fail(file, src, problems);
  return value as MachineConfig;
}

/**
 * Checks that `value` is a complete, possible machine description; `file` names where it came
 * from in the error. Throws UserError (one line) on the first problem.
 */
export function validateMachineConfig(value: unknown, file: string): MachineConfig {
  return validate(value, file, undefined);
}

let cachedDir: string | undefined;

/** configs/machines/, found from this module's location under sim/ or dist/sim/. */
export function machinePresetDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../../configs/machines', '../../../configs/machines']) {
    const dir = resolve(here, rel);
    if (existsSync(dir)) {
      cachedDir = dir;
      return dir;
    }
  }
  throw new Error(`cannot find configs/machines above ${here}`);
}

/** Names of the presets in configs/machines/, sorted. */
export function listMachinePresets(): string[] {
  return readdirSync(machinePresetDir())
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => basename(f).replace(/\.ya?ml$/, ''))
    .sort();
}

/** Parses and validates one machine YAML file. */
export function loadMachineFile(file: string): MachineConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read machine preset (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const lp = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new UserError(formatLocated({ file, line: lp?.line, column: lp?.col }, `YAML: ${msg}`));
  }
  return validate(doc.toJS(), file, { doc, lines });
}

/**
 * A preset by name (configs/machines/<name>.yaml) or by path (anything ending in .yaml/.yml or
 * containing a slash, relative to the working directory).
 */
export function loadMachinePreset(nameOrPath: string): MachineConfig {
  if (/\.ya?ml$/.test(nameOrPath) || nameOrPath.includes('/') || nameOrPath.includes('\\')) {
    return loadMachineFile(resolve(nameOrPath));
  }
  const dir = machinePresetDir();
  for (const ext of ['.yaml', '.yml']) {
    const file = join(dir, nameOrPath + ext);
    if (existsSync(file)) return loadMachineFile(file);
  }
  throw new UserError(`unknown machine preset '${nameOrPath}' (known: ${listMachinePresets().join(', ')})`);
}
