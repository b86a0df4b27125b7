/** `--filter EXPR` and `--shard K/N`: which points of the expansion this invocation runs. */
import { UserError } from '../common/errors.js';
import type { Point } from './expand.js';
import { canonicalPath, getPath, lookupPath, parseLeafText } from './params.js';
import type { JsonSchema } from './schema.js';
import { unknownParamMessage } from './resolve.js';

type Op = '=' | '!=' | '<' | '<=' | '>' | '>=';
interface Term { path: string; op: Op; value: string }

const TERM_RE = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(!=|<=|>=|=|<|>)\s*(.*?)\s*$/;

export type PointFilter = (p: Point) => boolean;

/**
 * `policy.name=htm,machine.cores>=4`: every comma-separated term must hold. A term compares as
 * numbers when both sides are numbers, otherwise as text (only = and != for text).
 */
export function parseFilter(expr: string): PointFilter {
  const bad = (msg: string): never => { throw new UserError(`--filter ${expr}: ${msg}`); };
  if (expr.trim() === '') bad('empty filter');
  const terms: Term[] = expr.split(',').map((t) => {
    const m = TERM_RE.exec(t);
    if (!m) return bad(`cannot parse '${t.trim()}'; expected PATH OP VALUE with OP one of =, !=, <, <=, >, >=`);
    const path = canonicalPath(m[1]!);
    const op = m[2] as Op;
    const value = m[3]!;
    if (value === '') bad(`'${t.trim()}' has no value`);
    const k = lookupPath(path);
    if (k.kind === 'unknown') bad(unknownParamMessage(path, k.hint));
    if (k.kind === 'section') bad(`'${path}' is a section, not a parameter`);
    if (op !== '=' && op !== '!=' && !Number.isFinite(Number(value))) bad(`'${op}' needs a number, got '${value}'`);
    const wrong = k.kind === 'leaf' ? valueProblem(k.schema, value) : k.kind === 'rep' && !/^\d+$/.test(value) ? 'must be a whole number' : undefined;
    if (wrong) bad(`'${t.trim()}': ${path} ${wrong}`);
    return { path, op, value };
  });
  return (p) => terms.every((t) => holds(t, valueOf(p, t.path)));
}

/** Why no point can have `text` as the value of a parameter of this schema (its type or its
 *  closed set of values), or undefined. Ranges are not checked: `cores>=0` is a fine filter. */
function valueProblem(schema: JsonSchema, text: string): string | undefined {
  const e = schema.enum as unknown[] | undefined;
  if (e && !e.includes(text)) return `is one of ${e.join(', ')}, never '${text}'`;
  const v = parseLeafText(schema, text);
  if ((schema.type === 'integer' || schema.type === 'number') && typeof v !== 'number') return `is a number, never '${text}'`;
  if (schema.type === 'boolean' && typeof v !== 'boolean') return `is true or false, never '${text}'`;
  return undefined;
}

function valueOf(p: Point, path: string): unknown {
  if (path in p.params) return p.params[path];
  if (path === 'rep') return p.rep;
  return getPath(p.config, path);
}

function holds(t: Term, v: unknown): boolean {
  const a = typeof v === 'number' ? v : Number.NaN;
  const b = Number(t.value);
  const numeric = Number.isFinite(a) && t.value.trim() !== '' && Number.isFinite(b);
  switch (t.op) {
    case '=': return numeric ? a === b : String(v) === t.value;
    case '!=': return numeric ? a !== b : String(v) !== t.value;
    case '<': return numeric && a < b;
    case '<=': return numeric && a <= b;
    case '>': return numeric && a > b;
    case '>=': return numeric && a >= b;
    default: {
      const _never: never = t.op;
      return _never;
    }
  }
}

export interface Shard { k: number; n: number }

/** `K/N` with 1 <= K <= N. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UserError(`--shard ${text}: expected K/N with 1 <= K <= N, e.g. --shard 2/8`);
  return { k, n };
}

/** Shard K of N: every N-th point of `points`, starting at the (K-1)-th; shards partition the list. */
export function takeShard<T>(points: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...points];
  return points.filter((_, i) => i % shard.n === shard.k - 1);
}
