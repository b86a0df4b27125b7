/** Where the repository's `configs/` folder is, from both `sim/experiment` and `dist/sim/experiment`. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function configsDir(): string {
  if (cached !== undefined) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../../configs', '../../../configs']) {
    const dir = resolve(here, rel);
    if (existsSync(join(dir, 'defaults.yaml'))) {
      cached = dir;
      return dir;
    }
  }
  throw new Error(`cannot find configs/defaults.yaml above ${here}`);
}
