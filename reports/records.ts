/**
 * Reader-side view of a results directory (docs/results-format.md). The reports never import the
 * simulator, so these types are our own and deliberately loose: every field may be missing, a
 * sweep may still be running, and a half-written or foreign file must not stop a report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Scalar = string | number | boolean | null;

/** A JSON object whose shape we only trust after checking each field we read. */
export type Json = Record<string, unknown>;

export interface TimelineInterval {
  core: number;
  thread: number;
  kind: string;
  start: number;
  end: number;
}

/** One point record, normalised: the fields below always exist; `result` is as written. */
export interface PointRecord {
  id: string;
  index: number;
  params: Record<string, Scalar>;
  status: 'ok' | 'failed';
  error?: string;
  result: Json;
  derived: Record<string, number>;
}

export interface ExperimentInfo {
  name?: string;
  title?: string;
  description?: string;
  configFile?: string;
  totalPoints?: number;
  axes?: { path: string; values: unknown[] }[];
  baseline?: Json;
  report?: Json;
  resolved?: Json;
}

export interface LoadedResults {
  dir: string;
  experiment: ExperimentInfo | undefined;
  /** Text of resolved-config.yaml, when present. */
  resolvedYaml: string | undefined;
  /** Sorted by index; deduplicated by id (results.jsonl and points/ may overlap). */
  points: PointRecord[];
  /** Where the points came from, for the report's notes. */
  sources: { jsonl: number; pointFiles: number };
  /** Files or lines that could not be read; each names the file (and line). */
  problems: string[];
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Normalises one parsed record. Returns a string naming what is wrong when it is not a point
 * record at all (no params and no result), so the caller can report it with its location.
 */
export function normalisePoint(raw: unknown, fallbackIndex: number): PointRecord | string {
  if (!isObject(raw)) return 'not a JSON object';
  if (!isObject(raw.params) && !isObject(raw.result)) return 'neither "params" nor "result" present';
  const params: Record<string, Scalar> = {};
  if (isObject(raw.params)) {
    for (const [k, v] of Object.entries(raw.params)) if (isScalar(v)) params[k] = v;
  }
  const result = isObject(raw.result) ? raw.result : {};
  const derived: Record<string, number> = {};
  if (isObject(raw.derived)) {
    for (const [k, v] of Object.entries(raw.derived)) if (typeof v === 'number' && Number.isFinite(v)) derived[k] = v;
  }
  const failed = result.status === 'failed' || !isObject(raw.result);
  const point: PointRecord = {
    id: typeof raw.id === 'string' ? raw.id : `#${fallbackIndex}`,
    index: typeof raw.index === 'number' && Number.isInteger(raw.index) ? raw.index : fallbackIndex,
    params,
    status: failed ? 'failed' : 'ok',
    result,
    derived,
  };
  if (failed) point.error = typeof result.error === 'string' ? result.error : isObject(raw.result) ? 'failed (no message)' : 'no result in the record';
  return point;
}

function readJsonFile(path: string, problems: string[], label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (err) {
    problems.push(`${label}: ${err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function readExperiment(dir: string, problems: string[]): ExperimentInfo | undefined {
  const path = join(dir, 'experiment.json');
  if (!existsSync(path)) return undefined;
  const raw = readJsonFile(path, problems, 'experiment.json');
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    problems.push('experiment.json: not a JSON object');
    return undefined;
  }
  const info: ExperimentInfo = {};
  for (const key of ['name', 'title', 'description', 'configFile'] as const) {
    if (typeof raw[key] === 'string') info[key] = raw[key];
  }
  if (typeof raw.totalPoints === 'number' && raw.totalPoints >= 0) info.totalPoints = raw.totalPoints;
  if (Array.isArray(raw.axes)) {
    info.axes = raw.axes.filter(isObject).filter((a) => typeof a.path === 'string')
      .map((a) => ({ path: a.path as string, values: Array.isArray(a.values) ? a.values : [] }));
  }
  if (isObject(raw.baseline)) info.baseline = raw.baseline;
  if (isObject(raw.report)) info.report = raw.report;
  if (isObject(raw.resolved)) info.resolved = raw.resolved;
  return info;
}

/** Reads everything a report needs from a results directory; never throws on bad content. */
export function loadResults(dir: string): LoadedResults {
  const problems: string[] = [];
  const experiment = readExperiment(dir, problems);
  const yamlPath = join(dir, 'resolved-config.yaml');
  const resolvedYaml = existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : undefined;

  const byId = new Map<string, PointRecord>();
  const sources = { jsonl: 0, pointFiles: 0 };

  const jsonlPath = join(dir, 'results.jsonl');
  if (existsSync(jsonlPath)) {
    const lines = readFileSync(jsonlPath, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        problems.push(`results.jsonl:${i + 1}: not valid JSON (skipped)`);
        return;
      }
      const p = normalisePoint(raw, i);
      if (typeof p === 'string') problems.push(`results.jsonl:${i + 1}: ${p} (skipped)`);
      else {
        byId.set(p.id, p);
        sources.jsonl++;
      }
    });
  }

  // points/ holds every finished point even while a sweep runs (results.jsonl is rebuilt after it).
  const pointsDir = join(dir, 'points');
  if (existsSync(pointsDir) && statSync(pointsDir).isDirectory()) {
    const files = readdirSync(pointsDir).filter((f) => f.endsWith('.json')).sort();
    files.forEach((file, i) => {
      const raw = readJsonFile(join(pointsDir, file), problems, `points/${file}`);
      if (raw === undefined) return;
      const p = normalisePoint(raw, 1e9 + i);
      if (typeof p === 'string') {
        problems.push(`points/${file}: ${p} (skipped)`);
        return;
      }
      if (!byId.has(p.id)) byId.set(p.id, p);
      sources.pointFiles++;
    });
  }

  const points = [...byId.values()].sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { dir, experiment, resolvedYaml, points, sources, problems };
}
