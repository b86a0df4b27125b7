/**
 * Dotted parameter paths (`machine.l1d.sizeKiB`, `htm.txLength`, `workload.params.n`, …): the
 * names shared by `--set`, sweep axes, filters, baselines and result records. Their types come from
 * the point schema, so there is one source of truth for what a parameter accepts.
 */
import { show } from '../common/located.js';
import type { JsonSchema } from '../common/config-shape.js';
import { pointSchema } from './schema.js';

/** Shorthands accepted wherever a path is. */
export const SHORTHANDS: Record<string, string> = { cores: 'machine.cores', policy: 'policy.name' };

/** Not config fields but addressable in filters, baselines and records. */
export const VIRTUAL_PATHS = ['rep', 'machine.preset'] as const;

export function canonicalPath(path: string): string {
  return SHORTHANDS[path] ?? path;
}

export type ParamValue = number | string | boolean;

export type PathKind =
  | { kind: 'leaf'; schema: JsonSchema }
  | { kind: 'workload-param'; param: string }
  | { kind: 'preset' }
  | { kind: 'rep' }
  | { kind: 'section' }
  | { kind: 'unknown'; hint: string };

/** What `path` (already canonical) names in a point. */
export function lookupPath(path: string): PathKind {
  if (path === 'machine.preset') return { kind: 'preset' };
  if (path === 'rep') return { kind: 'rep' };
  const m = /^workload\.params\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(path);
  if (m) return { kind: 'workload-param', param: m[1]! };
  let s: JsonSchema = pointSchema;
  const segs = path.split('.');
  for (let i = 0; i < segs.length; i++) {
    const props = s.properties as Record<string, JsonSchema> | undefined;
    const next = props?.[segs[i]!];
    if (!next) {
      const where = segs.slice(0, i).join('.');
      const known = Object.keys(props ?? {});
      return { kind: 'unknown', hint: known.length ? `${where ? `${where} has` : 'known'}: ${known.join(', ')}` : `${where} has no fields` };
    }
    s = next;
  }
  if (s.type === 'object') return { kind: 'section' };
  return { kind: 'leaf', schema: s };
}

/** Every leaf path of the point schema, for `htmsim list` and hints. */
export function allLeafPaths(s: JsonSchema = pointSchema, prefix = ''): { path: string; schema: JsonSchema }[] {
  const out: { path: string; schema: JsonSchema }[] = [];
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (s.type !== 'object' || !props) return prefix ? [{ path: prefix, schema: s }] : [];
  for (const [k, v] of Object.entries(props)) out.push(...allLeafPaths(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

/** Checks `value` against a leaf schema; returns a message or undefined when it fits. */
export function checkLeaf(schema: JsonSchema, value: unknown): string | undefined {
  const t = schema.type;
  const got = show(value);
  if (t === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) return `must be an integer, got ${got}`;
  if (t === 'integer' && !Number.isSafeInteger(value)) return `must be an integer of at most 2^53-1 (${Number.MAX_SAFE_INTEGER}), got ${got}`;
  if (t === 'number' && !(typeof value === 'number' && Number.isFinite(value))) return `must be a number, got ${got}`;
  if (t === 'boolean' && typeof value !== 'boolean') return `must be a boolean (true or false), got ${got}`;
  if (t === 'string' && typeof value !== 'string') return `must be a string, got ${got}`;
  const e = schema.enum as unknown[] | undefined;
  if (e && !e.includes(value)) return `must be one of ${e.join(', ')}; got ${got}`;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return `must be >= ${schema.minimum}, got ${got}`;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return `must be > ${schema.exclusiveMinimum}, got ${got}`;
  }
  if (typeof value === 'string' && typeof schema.minLength === 'number' && value.length < schema.minLength) return 'must not be empty';
  return undefined;
}

/** Parses command-line text into the type the leaf schema wants (`--set htm.adaptive=true`); text
 *  that does not parse stays a string, so the type check names it. */
export function parseLeafText(schema: JsonSchema, text: string): ParamValue {
  switch (schema.type) {
    case 'integer':
      return /^[-+]?\d+$/.test(text) ? Number(text) : text;
    case 'number':
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

/** Command-line text of a workload parameter, before the catalog types it. */
export function parseLooseText(text: string): ParamValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

export function getPath(obj: unknown, path: string): unknown {
  let v = obj;
  for (const seg of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let o = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    let next = o[seg];
    if (next === null || typeof next !== 'object') {
      next = {};
      o[seg] = next;
    }
    o = next as Record<string, unknown>;
  }
  o[segs[segs.length - 1]!] = value;
}

/** Leaf assignments of a nested override object: `{l1d: {ways: 4}}` → `[['l1d.ways', 4]]`. */
export function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, p));
    else out.push([p, v]);
  }
  return out;
}
