/* global process */
// `npm run fuzz -- [SECONDS] [SEED]`: the fuzzers of this folder for SECONDS each (default 60) from
// SEED (default: the time), then every filed reproduction in known-failures.json is rechecked.
import { spawnSync } from 'node:child_process';

const [seconds = '60', seed = String(Date.now() % 1_000_000)] = process.argv.slice(2);
if (!/^\d+$/.test(seconds) || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz -- [SECONDS] [SEED]\n');
  process.exit(2);
}
process.stderr.write(`fuzz: ${seconds} s per fuzzer, seed ${seed} (rerun with: npm run fuzz -- ${seconds} ${seed})\n`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/fuzz'], {
  stdio: 'inherit', env: { ...process.env, HTMSIM_FUZZ_SECONDS: seconds, HTMSIM_FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
