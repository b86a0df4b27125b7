/**
 * vitest globalSetup: is dist/ built from the current sources? Suites that run the built CLI call
 * `requireBuild()` (tests/setup/require-build.ts), which fails them with this message instead of
 * letting them skip or test an old build. `npm test` builds first (pretest); a targeted
 * `npx vitest run tests/x` after editing sim/ needs `npm run build`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Empty when dist/ is at least as new as every source it is built from. */
    buildProblem: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
/** What tsconfig.build.json compiles. */
const SOURCES = ['sim', 'reports', 'bench', 'workloads'];

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

export function buildProblem(root = ROOT): string {
  const stale: string[] = [];
  let missing = 0;
  for (const src of SOURCES.flatMap((s) => tsFiles(join(root, s)))) {
    const rel = relative(root, src);
    const out = join(root, 'dist', rel.replace(/\.ts$/, '.js'));
    if (!existsSync(out)) missing++;
    else if (statSync(out).mtimeMs < statSync(src).mtimeMs) stale.push(rel);
  }
  if (missing > 0 && !existsSync(join(root, 'dist', 'sim', 'cli.js'))) return 'dist/ is not built: run `npm run build` (npm test does it first)';
  if (missing > 0) return `dist/ lacks ${missing} built file(s) of the current sources: run \`npm run build\``;
  if (stale.length > 0) return `dist/ is older than ${stale[0]}${stale.length > 1 ? ` and ${stale.length - 1} more source(s)` : ''}: run \`npm run build\``;
  return '';
}

export default function setup(project: TestProject): void {
  project.provide('buildProblem', buildProblem());
}
