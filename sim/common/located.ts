/**
 * YAML documents with positions, the one position finder, and the collector of located problems:
 * every complaint about an input file becomes one line `file:line:col: key.path: message`.
 * Experiment files report all of them together (a researcher fixes a config in one pass, not one
 * error per run); machine presets report the first with a count (`throwFirst`). Shapes declared
 * with config-shape.ts are checked here by ajv (compiled at build time, schema-validators.ts), so every loader words its problems the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import type { JsonSchema } from './config-shape.js';
import { formatLocated, UserError } from './errors.js';
import { validatorFor } from './schema-validators.js';

export type PathSeg = string | number;

const require = createRequire(import.meta.url);
type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** The yaml package (≈ 25 ms to load), loaded when a text is parsed, not by every start. */
function yaml(): YamlModule {
  return (yamlModule ??= require('yaml') as YamlModule);
}

/**
 * The shipped YAML files (configs/defaults.yaml, configs/machines/*.yaml) as parsed at build time,
 * text → value (dist/sim/common/known-yaml.json, written by sim/experiment/build-validators.ts):
 * a file whose text is one of these is not parsed again at start-up. Keyed by the whole text, so an
 * edited file is parsed as any other; its document is parsed only if a problem needs a position.
 */
const KNOWN_YAML = './known-yaml.json';
let knownYaml: Map<string, unknown> | undefined;
function known(): Map<string, unknown> {
  if (knownYaml === undefined) {
    const file = new URL(KNOWN_YAML, import.meta.url);
    knownYaml = new Map(existsSync(file) ? Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : []);
  }
  return knownYaml;
}

/** The source of known-yaml.json for these files (used by the build): only texts that load
 *  without a problem and whose value JSON carries exactly. */
export function knownYamlSource(files: readonly string[]): string {
  const out: Record<string, unknown> = {};
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let value: unknown;
    try {
      value = loadYaml(file, text).value;
    } catch {
      continue;
    }
    if (plainJson(value)) out[text] = value;
  }
  return `${JSON.stringify(out)}\n`;
}

/** Only plain JSON values (no dates, no infinities) are recorded. */
function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(plainJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(plainJson);
  return false;
}

/** Several located problems; the message is one line per problem. */
export class ConfigError extends UserError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface LoadedYaml {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

/** `a.b[2].c` for people; keys that contain dots stay as they are (sweep axes are dotted paths). */
export function keyPathOf(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

interface Sortable { line: number; column: number; order: number; text: string; unknownKey: boolean }

/**
 * The 1-based position of the node reached by `path` (with `atKey`, of its key), or of the
 * nearest ancestor that exists when the path leaves the document (a missing key is reported where
 * its mapping is). The only position finder: every loader locates its problems with it.
 */
export function positionOf(src: Pick<LoadedYaml, 'doc' | 'lines'>, path: readonly PathSeg[], atKey: boolean): { line: number; col: number } | undefined {
  const { isMap, isSeq, isScalar } = yaml();
  let node: unknown = src.doc.contents;
  let keyNode: unknown;
  for (const seg of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
  }
  const target = (atKey && keyNode ? keyNode : node ?? keyNode) as Node | undefined;
  const offset = target?.range?.[0];
  if (offset === undefined) return undefined;
  return src.lines.linePos(offset);
}

export class Problems {
  private readonly list: Sortable[] = [];
  constructor(readonly src: LoadedYaml | { file: string; doc?: undefined; lines?: undefined }) {}

  get count(): number { return this.list.length; }

  /** A problem at the node (or, with `atKey`, at the key) reached by `path`. */
  at(path: readonly PathSeg[], message: string, atKey = false): void {
    const pos = this.src.doc ? positionOf(this.src, path, atKey) : undefined;
    const text = formatLocated({ file: this.src.file, line: pos?.line, column: pos?.col, keyPath: keyPathOf(path) || undefined }, message);
    this.push(pos?.line ?? 0, pos?.col ?? 0, text, message.startsWith('unknown key'));
  }

  /** A problem at a raw offset (YAML syntax errors). */
  atLinePos(line: number, col: number, message: string): void {
    this.push(line, col, formatLocated({ file: this.src.file, line, column: col }, message), false);
  }

  private push(line: number, column: number, text: string, unknownKey: boolean): void {
    if (this.list.some((p) => p.text === text)) return;
    this.list.push({ line, column, order: this.list.length, text, unknownKey });
  }

  private sorted(): Sortable[] {
    return [...this.list].sort((a, b) => a.line - b.line || a.column - b.column || a.order - b.order);
  }

  /** Throws every collected problem, in file order. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    throw new ConfigError(this.sorted().map((p) => p.text));
  }

  /**
   * Throws the first problem as one line, with a count of the others. An unknown key comes first:
   * it usually explains a missing one (a typo).
   */
  throwFirst(): void {
    if (this.list.length === 0) return;
    const sorted = this.sorted();
    const first = sorted.find((p) => p.unknownKey) ?? sorted[0]!;
    const n = sorted.length - 1;
    throw new UserError(first.text + (n > 0 ? ` (and ${n} more problem${n > 1 ? 's' : ''})` : ''));
  }
}

/**
 * Parses YAML keeping positions; syntax errors become located problems, all of them (`report`
 * 'all') or the first with a count ('first', for one-line loaders).
 */
export function loadYaml(file: string, text?: string, report: 'all' | 'first' = 'all'): LoadedYaml {
  let src: string;
  try {
    src = text ?? readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${file}: cannot read file${code ? ` (${code})` : ''}`);
  }
  if (text === undefined && known().has(src)) {
    const value = structuredClone(known().get(src));
    let parsed: { doc: Document.Parsed; lines: LineCounter } | undefined;
    const parse = (): { doc: Document.Parsed; lines: LineCounter } => (parsed ??= parseYaml(src));
    return { file, value, get doc() { return parse().doc; }, get lines() { return parse().lines; } };
  }
  const { doc, lines } = parseYaml(src);
  if (doc.errors.length > 0) {
    const problems = new Problems({ file });
    for (const e of doc.errors) {
      const pos = lines.linePos(e.pos[0]);
      problems.atLinePos(pos.line, pos.col, `YAML syntax error: ${firstLine(e.message)}`);
    }
    if (report === 'first') problems.throwFirst();
    else problems.throwIfAny();
  }
  numberProblems(file, doc, lines);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // yaml refuses alias expansion past maxAliasCount (a "billion laughs" file) with a ReferenceError.
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new ConfigError([formatLocated({ file }, `cannot expand the YAML: ${/alias/i.test(msg) ? 'too many aliases (at most 1000 expansions; a resource exhaustion attack?)' : msg}`)]);
  }
  return { file, doc, lines, value };
}

function parseYaml(src: string): { doc: Document.Parsed; lines: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  return { doc: parseDocument(src, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
}

/**
 * Numbers a config cannot mean: `.inf`, `.nan`, `1e400` (infinite once read), and integers beyond
 * 2^53 (`99999999999999999999999` would silently become 1e+23). Each is one located problem
 * quoting the text as written.
 */
function numberProblems(file: string, doc: Document.Parsed, lines: LineCounter): void {
  const problems = new Problems({ file });
  yaml().visit(doc, {
    Scalar(_key, node) {
      const v = node.value;
      if (typeof v !== 'number' && typeof v !== 'bigint') return;
      const text = node.source ?? String(v);
      const pos = node.range ? lines.linePos(node.range[0]) : undefined;
      let msg: string | undefined;
      if (typeof v === 'number' && !Number.isFinite(v)) msg = `${text} is ${Number.isNaN(v) ? 'not a number' : 'infinite'}; a config needs finite numbers`;
      else if (/^[-+]?(0|[1-9][0-9_]*)$/.test(text.trim()) && !Number.isSafeInteger(Number(v))) {
        msg = `${text} is beyond 2^53-1 (${Number.MAX_SAFE_INTEGER}), the largest integer a config holds exactly`;
      }
      if (msg) problems.atLinePos(pos?.line ?? 0, pos?.col ?? 0, msg);
    },
  });
  problems.throwIfAny();
}

function firstLine(s: string): string {
  const line = s.split('\n')[0]!.trim();
  // yaml appends " at line N, column M" to some messages; the location is already in front.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function pointerToPath(ptr: string): PathSeg[] {
  if (ptr === '') return [];
  return ptr.slice(1).split('/').map((s) => {
    const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(seg) ? Number(seg) : seg;
  });
}

function dataAt(value: unknown, path: readonly PathSeg[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

function schemaAt(schema: JsonSchema, schemaPath: string): JsonSchema | undefined {
  let s: unknown = schema;
  for (const seg of pointerToPath(schemaPath.replace(/^#/, ''))) {
    if (s === null || typeof s !== 'object') return undefined;
    s = (s as Record<string, unknown>)[seg as string];
  }
  return s as JsonSchema | undefined;
}

export function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeMatches(schemaType: unknown, v: unknown): boolean {
  if (schemaType === undefined) return true;
  const types = Array.isArray(schemaType) ? schemaType : [schemaType];
  const t = jsonType(v);
  return types.some((st) => st === t || (st === 'number' && t === 'integer'));
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean (true or false)',
  object: 'a mapping', array: 'a list', null: 'null',
};

function describeTypes(t: unknown): string {
  const list = (Array.isArray(t) ? t : [t]).map((x) => TYPE_WORDS[String(x)] ?? String(x));
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

/** A value as a config would write it (JSON would print infinities and NaN as null). */
export function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (v === undefined) return 'nothing';
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v);
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

export function suggest(word: string, candidates: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const dd = distance(word, c);
    if (dd < bestD) { bestD = dd; best = c; }
  }
  if (best && bestD <= Math.max(2, Math.floor(word.length / 3))) return ` (did you mean '${best}'?)`;
  const prefixed = candidates.filter((c) => word.length >= 3 && c.toLowerCase().startsWith(word.toLowerCase()));
  return prefixed.length === 1 ? ` (did you mean '${prefixed[0]}'?)` : '';
}

/**
 * Validates `value` against `schema` and adds one located problem per violation. Branches of an
 * `anyOf` whose type does not fit the data are dropped, so `machine: {cores: -1}` says only what
 * is wrong with the mapping form, not also that it is not a string.
 */
export function checkSchema(problems: Problems, schema: JsonSchema, value: unknown, base: readonly PathSeg[] = []): boolean {
  const validate = validatorFor(schema);
  if (validate(value)) return true;
  const errors = validate.errors ?? [];
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const matchingBranch = new Map<ErrorObject, number | undefined>();
  for (const a of anyOfs) {
    const branches = schemaAt(schema, a.schemaPath) as JsonSchema[] | undefined;
    const data = dataAt(value, pointerToPath(a.instancePath));
    const idx = branches?.findIndex((b) => typeMatches(b.type, data));
    matchingBranch.set(a, idx === undefined || idx < 0 ? undefined : idx);
  }
  const relevant = errors.filter((e) => {
    if (e.keyword === 'anyOf') return matchingBranch.get(e) === undefined;
    if (e.keyword === 'propertyNames') return false; // the inner error names the key
    for (const a of anyOfs) {
      const prefix = `${a.schemaPath}/`;
      if (!e.schemaPath.startsWith(prefix) || !e.instancePath.startsWith(a.instancePath)) continue;
      const branch = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      if (branch !== matchingBranch.get(a)) return false;
    }
    return true;
  });
  for (const e of relevant) {
    const path = [...base, ...pointerToPath(e.instancePath)];
    const data = dataAt(value, pointerToPath(e.instancePath));
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(p.additionalProperty);
        const parent = schemaAt(schema, e.schemaPath.replace(/\/additionalProperties$/, ''));
        const known = Object.keys((parent?.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
        problems.at([...path, key], `unknown key '${key}'${suggest(key, known)}`, true);
        break;
      }
      case 'required':
        problems.at(path, `missing required key '${String(p.missingProperty)}'`);
        break;
      case 'type':
        problems.at(path, `must be ${describeTypes(p.type)}, got ${show(data)}`);
        break;
      case 'enum':
        problems.at(path, `must be one of ${(p.allowedValues as unknown[]).join(', ')}; got ${show(data)}`);
        break;
      case 'minimum':
        problems.at(path, `must be >= ${String(p.limit)}, got ${show(data)}`);
        break;
      case 'exclusiveMinimum':
        problems.at(path, `must be > ${String(p.limit)}, got ${show(data)}`);
        break;
      case 'minItems':
        problems.at(path, p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} items`);
        break;
      case 'minLength':
        problems.at(path, 'must not be empty');
        break;
      case 'pattern':
        if (p.propertyName === undefined && e.propertyName === undefined) {
          problems.at(path, `${show(data)} must match ${String(p.pattern)}`);
        } else {
          const key = String(e.propertyName ?? p.propertyName);
          problems.at([...path, key], `'${key}' is not a dotted parameter path`, true);
        }
        break;
      case 'anyOf': {
        const branches = (schemaAt(schema, e.schemaPath) as JsonSchema[] | undefined) ?? [];
        problems.at(path, `must be ${describeTypes(branches.map((b) => b.type).flat())}, got ${show(data)}`);
        break;
      }
      default:
        problems.at(path, e.message ?? e.keyword);
    }
  }
  return false;
}
