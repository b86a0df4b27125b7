/**
 * The config fuzzer: mutated experiment files (the fixture and configs/*.yaml: values, keys,
 * indentation, characters, truncation) with random `run --dry-run` options, each loaded, checked
 * and expanded as `htmsim run` does; and random command lines through the real CLI. Every case ends
 * with exit status 0, 1 or 2 and at most one-line messages, never a host trace (README.md).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { budget, configSeeds, describeCase, fuzz, Harness, mutateConfig, mutateOptions, Rng, type Case } from './fuzz.js';

const b = budget(40);
const harness = new Harness(30);
afterAll(() => harness.stop());

function configCase(rng: Rng): Case {
  const seeds = configSeeds();
  let text = rng.pick(seeds);
  const rounds = 1 + rng.int(3);
  for (let k = 0; k < rounds; k++) text = mutateConfig(rng, text);
  return { kind: 'config', text, options: mutateOptions(rng) };
}

const ARGS = ['run', 'validate', 'exec', 'merge', 'list', 'schema', 'report', '--out', '--jobs', '--shard', '--filter', '--set', '--max-points',
  '--fresh', '--resume', '--dry-run', '--stats', '--timeline', '--policy', '--cores', '--seed', '--machine', '--max-cycles', '',
  '-1', '0', '99999999999999999999999', '1e400', 'x=1', 'seed=.inf', '/', '/nonexistent/x', 'tests/experiment/fixtures/sweep.yaml',
  'tests/experiment/fixtures/hello.py', 'tests/experiment', 'haswell', 'htm', '--no-report', '--dis', '--help'];

// These suites run the built CLI (dist/).
beforeAll(requireBuild);

describe('config and command-line fuzzer', () => {
  it(`keeps the promise on ${b.seconds !== undefined ? `${b.seconds} s of` : b.cases} mutated experiment files and options (seed ${b.seed})`, async () => {
    const r = await fuzz(b, harness, configCase, 0xc0f1);
    expect([...r.unknown, ...r.known].map((u) => `${u.v}\n${describeCase(u.c)}`)).toEqual([]);
    console.info(`config fuzzer: ${r.cases} cases kept the promise`);
  }, (b.seconds ?? 60) * 1000 + 120_000);

  it('keeps the promise on random command lines through the CLI', () => {
    const rng = new Rng(b.seed, 0xa295);
    const n = b.seconds !== undefined ? Math.max(4, Math.round(b.seconds / 4)) : 4;
    const bad: string[] = [];
    for (let i = 0; i < n; i++) {
      // A dry run or a read-only command, so that nothing is written or run at length.
      const args = [rng.pick(['run', 'validate', 'exec', 'merge']), ...Array.from({ length: 1 + rng.int(5) }, () => rng.pick(ARGS))];
      if (args[0] === 'run') args.push('--dry-run');
      if (args[0] === 'exec') args.push('--dis');
      if (args[0] === 'merge' && !args.includes('--out')) args.push('--out', 'tests/output/fuzz/merged');
      const r = spawnSync(process.execPath, ['dist/sim/cli.js', ...args], { encoding: 'utf8', timeout: 60_000 });
      // A host stack frame names a source file and line; usage text may wrap onto a line starting with "at".
      if (r.status === null || ![0, 1, 2].includes(r.status) || /\n\s+at .*\.(js|ts|mjs):\d+|internal error/.test(r.stderr)) {
        bad.push(`htmsim ${args.map((a) => JSON.stringify(a)).join(' ')}: exit ${r.status ?? r.signal}: ${r.stderr.slice(0, 400)}`);
      }
    }
    expect(bad).toEqual([]);
  }, 300_000);
});
