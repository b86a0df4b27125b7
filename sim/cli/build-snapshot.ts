/**
 * Run by `npm run build` last: bundles cli/exec-snapshot.ts with every module `htmsim exec` loads
 * into dist/htmsim-exec.cjs (rolldown, a devDependency) and builds from it dist/htmsim-exec.blob,
 * a V8 start-up snapshot that bin/htmsim starts `exec` from. Without rolldown (an install without
 * devDependencies) or where node cannot build the snapshot, it says so and removes a stale blob;
 * bin/htmsim then runs dist/sim/cli.js as before, only slower to start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../', import.meta.url));
const entry = join(dist, 'sim', 'cli', 'exec-snapshot.js');
const bundle = join(dist, 'htmsim-exec.cjs');
const blob = join(dist, 'htmsim-exec.blob');

/** Modules whose import.meta.url the bundle must keep pointing at their own file in dist/ (they
 *  find package.json, configs/ and the generated validators from it); the banner resolves the
 *  folder at run time, so a snapshot built in one place still finds its files. */
const BANNER = [
  'var __htmsimModuleUrl = (rel) => require("node:url").pathToFileURL(',
  '  require("node:path").join(globalThis.__htmsimDist ?? __dirname, rel)).href;',
].join('\n');

function skip(why: string): never {
  rmSync(blob, { force: true });
  process.stdout.write(`start-up snapshot skipped: ${why}; bin/htmsim runs dist/sim/cli.js instead\n`);
  process.exit(0);
}

let rolldown: typeof import('rolldown');
try {
  rolldown = await import('rolldown');
} catch {
  skip('rolldown is not installed');
}

await rolldown.build({
  input: entry,
  platform: 'node',
  // chart.js and the canvas binding are native or large and only `report` needs them.
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
  output: { file: bundle, format: 'cjs', banner: BANNER, codeSplitting: false },
});

const built = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', blob, '--build-snapshot', bundle], { encoding: 'utf8' });
if (built.status !== 0 || !existsSync(blob)) skip(`node --build-snapshot failed: ${(built.stderr || built.stdout).trim().split('\n')[0] ?? ''}`);
process.stdout.write(`written: ${bundle}\nwritten: ${blob}\n`);
