/**
 * Run by `npm run build` last: bundles each start-up snapshot's entry with every module it loads
 * into one script (rolldown, a devDependency) and builds from it a V8 start-up snapshot:
 *   - dist/htmsim-exec.blob from cli/exec-snapshot.ts, that bin/htmsim starts `exec` from;
 *   - dist/htmsim-worker.blob from experiment/point-worker-snapshot.ts, that a sweep's workers
 *     start from (experiment/pool.ts).
 * Without rolldown (an install without devDependencies) or where node cannot build a snapshot, it
 * says so and removes the stale blob; bin/htmsim and the pool then load dist/ as before, only
 * slower to start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../', import.meta.url));

interface Snapshot { name: string; entry: string; bundle: string; blob: string }
const SNAPSHOTS: Snapshot[] = ['exec', 'worker'].map((name) => ({
  name,
  entry: join(dist, 'sim', ...(name === 'exec' ? ['cli', 'exec-snapshot.js'] : ['experiment', 'point-worker-snapshot.js'])),
  bundle: join(dist, `htmsim-${name}.cjs`),
  blob: join(dist, `htmsim-${name}.blob`),
}));

/** Modules whose import.meta.url the bundle must keep pointing at their own file in dist/ (they
 *  find package.json, configs/ and the generated validators from it); the banner resolves the
 *  folder at run time, so a snapshot built in one place still finds its files. */
const BANNER = [
  'var __htmsimModuleUrl = (rel) => require("node:url").pathToFileURL(',
  '  require("node:path").join(globalThis.__htmsimDist ?? __dirname, rel)).href;',
].join('\n');

function skipped(s: Snapshot, why: string): void {
  rmSync(s.blob, { force: true });
  process.stdout.write(`start-up snapshot ${s.name} skipped: ${why}; modules are loaded from dist/ instead\n`);
}

let rolldown: typeof import('rolldown') | undefined;
try {
  rolldown = await import('rolldown');
} catch {
  for (const s of SNAPSHOTS) skipped(s, 'rolldown is not installed');
}

for (const s of rolldown === undefined ? [] : SNAPSHOTS) {
  await rolldown!.build({
    input: s.entry,
    platform: 'node',
    // chart.js and the canvas binding are native or large and only reports need them.
    external: ['chartjs-node-canvas', 'canvas', 'chart.js'],
    logLevel: 'warn',
    plugins: [{
      name: 'htmsim-precompiled-validators',
      resolveId(id) {
        return id === 'htmsim:precompiled-validators' ? join(dist, 'sim', 'common', 'schema-validators.cjs') : null;
      },
    }, {
      name: 'htmsim-module-url',
      transform(code, id) {
        if (!id.startsWith(dist) || !code.includes('import.meta.url')) return null;
        const rel = relative(dist, id).split(sep).join('/');
        return { code: code.replaceAll('import.meta.url', `__htmsimModuleUrl(${JSON.stringify(rel)})`), map: null };
      },
    }],
    output: { file: s.bundle, format: 'cjs', banner: BANNER, codeSplitting: false },
  });
  const built = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', s.blob, '--build-snapshot', s.bundle], { encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(s.blob)) {
    skipped(s, `node --build-snapshot failed: ${(built.stderr || built.stdout).trim().split('\n')[0] ?? ''}`);
    continue;
  }
  process.stdout.write(`written: ${s.bundle}\nwritten: ${s.blob}\n`);
}
