/**
 * A point's identity: the hash of its fully resolved config in canonical JSON. A leaf module, so
 * the sweep expansion, the store, the derived metrics and merge can all use it without importing
 * one another.
 */
import { createHash } from 'node:crypto';
import type { PointConfig } from '../run/point-config.js';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export function pointId(config: PointConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 16);
}
