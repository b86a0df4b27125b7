/* global process */
// The fuzzers' worker process (forked by fuzz.ts): runs one case at a time through the built
// simulator, in process, and reports how it ended, as the CLI would: a result (its exit status), a
// UserError (exit 2: bad input, guest syntax error) or anything else (what the CLI reports as an
// internal error, exit 70). If the case kills this process instead, the parent sees that.
// Plain JavaScript: it imports dist/, which `npm test` and `npm run fuzz` build first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve('dist/sim');
const { runPoint } = await import(join(dist, 'run/run-point.js'));
const { resolveExecConfig } = await import(join(dist, 'experiment/resolve.js'));
const { runExperiment } = await import(join(dist, 'experiment/run-experiment.js'));
const { UserError } = await import(join(dist, 'common/errors.js'));

const scratch = resolve('tests/output/fuzz', `harness-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const sink = { write: () => true };

const firstLine = (err) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split('\n')[0];

async function runGuest(c) {
  const file = join(scratch, 'prog.py');
  writeFileSync(file, c.source);
  const config = resolveExecConfig({ policy: c.policy, cores: c.cores, maxCycles: c.maxCycles, sets: [], workload: { name: file, params: {} } });
  const r = await runPoint(config, { source: c.source, filename: 'prog.py' });
  return { kind: 'exit', status: r.exitCode, stderr: r.stderr.slice(-2000) };
}

async function runConfig(c) {
  const file = join(scratch, 'experiment.yaml');
  writeFileSync(file, c.text);
  const status = await runExperiment({ config: file, dryRun: true, stdout: sink, stderr: sink, ...c.options });
  return { kind: 'exit', status, stderr: '' };
}

process.on('SIGINT', () => {});
process.on('disconnect', () => process.exit(0));
process.on('message', async (c) => {
  let outcome;
  try {
    outcome = c.kind === 'guest' ? await runGuest(c) : await runConfig(c);
  } catch (err) {
    outcome = err instanceof UserError ? { kind: 'exit', status: err.exitCode, stderr: firstLine(err) } : { kind: 'internal', error: firstLine(err) };
  }
  process.send({ id: c.id, outcome });
});
process.send({ ready: true });
