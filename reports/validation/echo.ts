/**
 * Echo detection: a validation row whose measured value equals a value the configuration sets
 * measures the setting, not the model (`htm.retries` read back as "3 retries", a tick count that
 * is `gil.checkInterval`). Such a row cannot count as validation. Compares against every numeric
 * leaf of every point's resolved configuration (`result.config`) except the workload's own
 * parameters: those are the experiment's x-axis (a probe size, a thread count), and a knee or a
 * limit is legitimately reported as one of the sizes tested.
 */
import { isObject, type PointRecord } from '../records.js';

/** Relative tolerance of "equal": floating-point noise, not closeness. */
const EPS = 1e-9;

/** Every numeric leaf of the points' resolved configurations: dotted path → the values it takes. */
export function configuredNumbers(records: readonly PointRecord[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      let s = out.get(path);
      if (!s) out.set(path, (s = new Set()));
      s.add(v);
    } else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    }
  };
  for (const r of records) {
    const config = r.result.config;
    if (!isObject(config)) continue;
    for (const [k, v] of Object.entries(config)) if (k !== 'workload') walk(v, k);
  }
  return out;
}

/** The first configured parameter whose value equals `value` ("path = v"), or undefined. */
export function echoOf(value: number, configured: ReadonlyMap<string, ReadonlySet<number>>): string | undefined {
  for (const [path, values] of configured) {
    for (const v of values) if (Math.abs(value - v) <= EPS * Math.max(1, Math.abs(v))) return `${path} = ${v}`;
  }
  return undefined;
}
