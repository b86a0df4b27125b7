/**
 * The results directory (docs/results-format.md). Each finished point is one file written to a
 * temporary name and renamed, so a killed run leaves every point whole or absent; the summary
 * files are rebuilt from those point files after every run (and by `merge`). A point file is
 * trusted only when it parses, has the shape of a record, names the point its file name says,
 * and holds the result of that point (its resolved config hashes to that id): a file truncated,
 * emptied or swapped by hand or by a broken disk is named and set aside, never used.
 * Every file-system failure is one line naming the file (a UserError), not a host trace.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../common/errors.js';
import type { PointConfig } from '../run/point-config.js';
import type { RunResult } from '../run/result.js';
import { pointId } from './point-id.js';
import type { ParamValue } from './params.js';

/** What `points/<id>.json` holds. `derived` is added in results.jsonl, over the whole sweep. */
export interface StoredPoint {
  id: string;
  index: number;
  params: Record<string, ParamValue>;
  result: RunResult;
}

export interface PointRecord extends StoredPoint {
  derived: Record<string, number>;
}

/** One point of the expansion as listed in sweep-points.json (what merge needs to rebuild). */
export interface SweepPoint {
  id: string;
  index: number;
  params: Record<string, ParamValue>;
}

/** A stored point file, or what is wrong with it. */
export type LoadedPoint = { kind: 'ok'; point: StoredPoint } | { kind: 'damaged'; file: string; problem: string };

let tmpCounter = 0;

/** `EACCES: permission denied` from a Node file-system error, for one-line messages. */
export function fsReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'not permitted', ENOSPC: 'no space left on the device', EISDIR: 'is a folder',
    ENOTDIR: 'a part of the path is a file, not a folder', ENOENT: 'no such file or folder', EROFS: 'read-only file system',
    EDQUOT: 'disk quota exceeded', EEXIST: 'already exists', ENAMETOOLONG: 'name too long', EIO: 'input/output error',
  };
  if (e?.code) return `${reasons[e.code] ?? 'failed'} (${e.code})`;
  return e instanceof Error ? e.message.split('\n')[0]! : String(err);
}

/**
 * Writes `text` to `file` atomically: a temp file in the same folder, then rename. On failure (a
 * full disk, a folder that went away) the temp file is removed and a UserError names `file`.
 */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${tmpCounter++}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write ${file}: ${fsReason(err)}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A JSON object (not null, not a list). */
export const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Why the parsed content of `points/<id>.json` is not the record of point `id`, or undefined when
 * it is: the shape reports and derived metrics read, the id, and the config the result was run with.
 */
export function pointProblem(id: string, value: unknown): string | undefined {
  if (!isObj(value)) return 'not a point record (a JSON object)';
  if (value.id !== id) return `it holds point ${JSON.stringify(value.id)}, not ${id}`;
  if (typeof value.index !== 'number' || !isObj(value.params)) return 'no index or params';
  const r = value.result;
  if (!isObj(r) || !isObj(r.config)) return 'no result with its config';
  if (r.status !== 'ok' && r.status !== 'failed') return `result.status is ${JSON.stringify(r.status)}, not ok or failed`;
  for (const k of ['exitCode', 'simCycles', 'simSeconds', 'bytecodes'] as const) {
    if (typeof r[k] !== 'number') return `result.${k} is not a number`;
  }
  if (!Array.isArray(r.cores) || !isObj(r.caches) || !isObj(r.htm) || !isObj(r.stm) || !isObj(r.gil)) return 'result lacks cores, caches, htm, stm or gil';
  let hash: string;
  try {
    hash = pointId(r.config as unknown as PointConfig);
  } catch {
    return 'result.config cannot be hashed';
  }
  if (hash !== id) return `its result was run with another config (hash ${hash})`;
  return undefined;
}

export class ResultStore {
  readonly pointsDir: string;

  constructor(readonly dir: string) {
    this.pointsDir = join(dir, 'points');
  }

  exists(): boolean {
    return existsSync(this.dir);
  }

  /**
   * Creates the folders; with `fresh`, removes earlier results first. `what` names the folder in
   * messages (`--out results/x`): a path that is a file, lies under a file or cannot be written is
   * one line, before anything runs.
   */
  open(fresh: boolean, what = this.dir): void {
    if (this.dir === '') throw new UserError(`${what}: an empty path is not an output folder`);
    if (existsSync(this.dir) && !statSync(this.dir).isDirectory()) throw new UserError(`${what}: is a file, not a folder`);
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      throw new UserError(`${what}: cannot create the output folder: ${fsReason(err)}`);
    }
    this.lock(what);
    try {
      if (fresh) {
        for (const f of ['points', 'stale', 'damaged', 'charts', 'results.jsonl', 'results.csv', 'groups.json', 'groups.csv', 'experiment.json', 'resolved-config.yaml', 'sweep-points.json', 'report.html', 'report.md']) {
          rmSync(join(this.dir, f), { recursive: true, force: true });
        }
      }
      mkdirSync(this.pointsDir, { recursive: true });
    } catch (err) {
      this.close();
      throw new UserError(`${what}: cannot prepare the output folder: ${fsReason(err)}`);
    }
    // A folder we may create but not write into (or a full disk) is found now, not after the first point.
    try {
      writeAtomic(join(this.pointsDir, '.probe'), '');
      rmSync(join(this.pointsDir, '.probe'), { force: true });
    } catch (err) {
      this.close();
      throw err;
    }
  }

  private lockFile: string | undefined;
  private readonly release = (): void => this.close();

  /**
   * Takes `DIR/.lock` (pid and host of this process), so that two runs never write one folder at
   * once (each would count the other's points as its own). A lock whose process is gone (killed)
   * is taken over; one held by a live process is a refusal, in one line.
   */
  private lock(what: string): void {
    const file = join(this.dir, '.lock');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        writeFileSync(file, `${process.pid} ${hostname()}\n`, { flag: 'wx' });
        this.lockFile = file;
        process.once('exit', this.release);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(`${what}: cannot create ${file}: ${fsReason(err)}`);
      }
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // released meanwhile
      }
      const m = /^(\d+) (\S+)\n?$/.exec(text);
      const pid = m ? Number(m[1]) : Number.NaN;
      const host = m?.[2];
      if (!m || host !== hostname() || processAlive(pid)) {
        const who = m ? `htmsim process ${pid} on ${host}` : 'another htmsim process';
        throw new UserError(`${what}: ${who} is writing to this folder (${file}); wait for it to end or use another output folder ` +
          '(if no such run is going on, remove the lock file)');
      }
      rmSync(file, { force: true }); // its process is gone: a killed run's lock
    }
    throw new UserError(`${what}: cannot take the lock ${file}`);
  }

  /** Releases the folder's lock (idempotent). */
  close(): void {
    if (this.lockFile === undefined) return;
    rmSync(this.lockFile, { force: true });
    this.lockFile = undefined;
    process.removeListener('exit', this.release);
  }

  pointFile(id: string): string {
    return join(this.pointsDir, `${id}.json`);
  }

  /** Ids of the points already stored (leftover temp files of a killed run are ignored). */
  storedIds(): Set<string> {
    if (!existsSync(this.pointsDir)) return new Set();
    return new Set(readdirSync(this.pointsDir).filter((f) => /^[0-9a-f]+\.json$/.test(f)).map((f) => f.slice(0, -5)));
  }

  /** The stored point `id`, checked (pointProblem); undefined when there is no file. */
  load(id: string): LoadedPoint | undefined {
    const file = this.pointFile(id);
    if (!existsSync(file)) return undefined;
    let value: unknown;
    try {
      const text = readFileSync(file, 'utf8');
      if (text.trim() === '') return { kind: 'damaged', file, problem: 'empty file' };
      value = JSON.parse(text);
    } catch (err) {
      const problem = err instanceof SyntaxError ? `not valid JSON (${err.message.split('\n')[0]})` : `cannot read it: ${fsReason(err)}`;
      return { kind: 'damaged', file, problem };
    }
    const problem = pointProblem(id, value);
    return problem === undefined ? { kind: 'ok', point: value as StoredPoint } : { kind: 'damaged', file, problem };
  }

  /** The stored point `id` when it is present and sound. */
  read(id: string): StoredPoint | undefined {
    const got = this.load(id);
    return got?.kind === 'ok' ? got.point : undefined;
  }

  /** Moves a point file out of points/ into `folder` (stale/, damaged/), where reports do not read it. */
  setAside(id: string, folder: 'stale' | 'damaged'): string {
    const dir = join(this.dir, folder);
    const to = join(dir, `${id}.json`);
    try {
      mkdirSync(dir, { recursive: true });
      renameSync(this.pointFile(id), to);
    } catch (err) {
      throw new UserError(`cannot move ${this.pointFile(id)} to ${to}: ${fsReason(err)}`);
    }
    return to;
  }

  write(p: StoredPoint): void {
    writeAtomic(this.pointFile(p.id), `${JSON.stringify(p, null, 1)}\n`);
  }

  /**
   * Attempt markers (`points/<id>.running`, holding a count): written when a point starts, removed
   * when it is stored or cancelled. A marker left behind means the sweep process itself died while
   * the point ran; one found twice means the point takes the sweep down with it (run-experiment.ts).
   */
  markerFile(id: string): string {
    return join(this.pointsDir, `${id}.running`);
  }

  attempts(id: string): number {
    try {
      return Number.parseInt(readFileSync(this.markerFile(id), 'utf8'), 10) || 0;
    } catch {
      return 0;
    }
  }

  markStarted(id: string): void {
    writeAtomic(this.markerFile(id), `${this.attempts(id) + 1}\n`);
  }

  clearMarker(id: string): void {
    rmSync(this.markerFile(id), { force: true });
  }

  /** Ids with an attempt marker. */
  markedIds(): string[] {
    if (!existsSync(this.pointsDir)) return [];
    return readdirSync(this.pointsDir).filter((f) => /^[0-9a-f]+\.running$/.test(f)).map((f) => f.slice(0, -'.running'.length));
  }

  /** Removes temp files left by a killed run. */
  sweepTemps(): void {
    if (!existsSync(this.pointsDir)) return;
    for (const f of readdirSync(this.pointsDir)) if (f.includes('.tmp-')) rmSync(join(this.pointsDir, f), { force: true });
  }

  writeFile(name: string, text: string): void {
    writeAtomic(join(this.dir, name), text);
  }

  /** A summary file's JSON; undefined when absent, a UserError naming it when it does not parse. */
  readJson(name: string): unknown {
    const file = join(this.dir, name);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UserError(`${file}: ${err instanceof SyntaxError ? `not valid JSON (${err.message.split('\n')[0]})` : `cannot read it: ${fsReason(err)}`}`);
    }
  }
}
