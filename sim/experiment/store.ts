/**
 * The results directory (docs/results-format.md). Each finished point is one file written to a
 * temporary name and renamed, so a killed run leaves every point whole or absent; the summary
 * files are rebuilt from those point files after every run (and by `merge`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../run/result.js';
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

let tmpCounter = 0;

/** Writes `text` to `file` atomically: a temp file in the same folder, then rename. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}-${tmpCounter++}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export class ResultStore {
  readonly pointsDir: string;

  constructor(readonly dir: string) {
    this.pointsDir = join(dir, 'points');
  }

  exists(): boolean {
    return existsSync(this.dir);
  }

  /** Creates the folders; with `fresh`, removes earlier results first. */
  open(fresh: boolean): void {
    if (fresh && existsSync(this.dir)) {
      for (const f of ['points', 'stale', 'charts', 'results.jsonl', 'results.csv', 'groups.json', 'groups.csv', 'experiment.json', 'resolved-config.yaml', 'sweep-points.json', 'report.html', 'report.md']) {
        rmSync(join(this.dir, f), { recursive: true, force: true });
      }
    }
    mkdirSync(this.pointsDir, { recursive: true });
  }

  pointFile(id: string): string {
    return join(this.pointsDir, `${id}.json`);
  }

  /** Ids of the points already stored (leftover temp files of a killed run are ignored). */
  storedIds(): Set<string> {
    if (!existsSync(this.pointsDir)) return new Set();
    return new Set(readdirSync(this.pointsDir).filter((f) => /^[0-9a-f]+\.json$/.test(f)).map((f) => f.slice(0, -5)));
  }

  read(id: string): StoredPoint | undefined {
    const file = this.pointFile(id);
    if (!existsSync(file)) return undefined;
    return JSON.parse(readFileSync(file, 'utf8')) as StoredPoint;
  }

  write(p: StoredPoint): void {
    writeAtomic(this.pointFile(p.id), `${JSON.stringify(p, null, 1)}\n`);
  }

  /** Removes temp files left by a killed run. */
  sweepTemps(): void {
    if (!existsSync(this.pointsDir)) return;
    for (const f of readdirSync(this.pointsDir)) if (f.includes('.tmp-')) rmSync(join(this.pointsDir, f), { force: true });
  }

  writeFile(name: string, text: string): void {
    writeAtomic(join(this.dir, name), text);
  }

  readJson<T>(name: string): T | undefined {
    const file = join(this.dir, name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
  }
}
