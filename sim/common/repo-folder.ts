/**
 * A folder of the repository (configs/machines, workloads…), found from this module's place: the
 * same code runs as sim/common/*.ts under vitest and as dist/sim/common/*.js when built, one level
 * deeper. `marker` is a file the folder must hold, so a stray folder of that name is not taken.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const found = new Map<string, string>();

export function repoFolder(rel: string, marker = '.'): string {
  const key = join(rel, marker);
  const hit = found.get(key);
  if (hit !== undefined) return hit;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const dir = resolve(here, up, rel);
    if (existsSync(join(dir, marker))) {
      found.set(key, dir);
      return dir;
    }
  }
  throw new Error(`cannot find ${key} above ${here}`);
}
