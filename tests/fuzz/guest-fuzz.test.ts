/**
 * The guest-program fuzzer: mutations of the corpus (tests/guest/programs) and small generated
 * programs, each run under a random policy and core count with a cycle limit. Every run must end
 * with exit status 0, 1 or 2 and no host trace (README.md). `npm test` runs a fixed number of cases
 * from a fixed seed; `npm run fuzz -- SECONDS SEED` runs for a while and also rechecks every
 * reproduction in known-failures.json.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { budget, describeCase, fuzz, generateProgram, guestCorpus, Harness, knownFailures, mutateProgram, violation, type Case } from './fuzz.js';

const b = budget(24);
const harness = new Harness(30);
afterAll(() => harness.stop());

const POLICIES = ['serial', 'gil', 'htm', 'stm', 'nogil'];

function guestCase(rng: Parameters<typeof mutateProgram>[0], i: number): Case {
  const source = i % 3 === 2 ? generateProgram(rng) : mutateProgram(rng, rng.pick(guestCorpus()));
  const policy = rng.pick(POLICIES);
  return { kind: 'guest', source, policy, cores: policy === 'serial' ? 1 : 1 + rng.int(4), maxCycles: 20_000_000 };
}

describe('guest-program fuzzer', () => {
  it(`keeps the promise on ${b.seconds !== undefined ? `${b.seconds} s of` : b.cases} mutated and generated programs (seed ${b.seed})`, async () => {
    const r = await fuzz(b, harness, guestCase, 0x6e57);
    for (const k of r.known) console.warn(`known failure ${k.k.id} (${k.k.filed}): ${k.v}\n${describeCase(k.c)}`);
    const known = knownFailures();
    console.info(`guest fuzzer: ${r.cases} cases, ${r.unknown.length} new violations, ${r.known.length} of a known class; ` +
      `known-failures.json lists ${known.length} classes with ${known.reduce((n, k) => n + k.repros.length, 0)} reproductions: ${known.map((k) => k.id).join(', ')}`);
    expect(r.unknown.map((u) => `${u.v}\n${describeCase(u.c)}`)).toEqual([]);
    expect(r.cases).toBeGreaterThan(0);
  }, (b.seconds ?? 60) * 1000 + 120_000);

  // Under `npm run fuzz` only: each filed reproduction still breaks the promise as recorded (else
  // it was fixed: remove it from known-failures.json). Some take seconds and gigabytes.
  if (b.seconds !== undefined) it('every reproduction in known-failures.json still fails as recorded', async () => {
    const stale: string[] = [];
    const h = new Harness(60, 1024);
    for (const k of knownFailures()) {
      for (const r of k.repros) {
        const v = violation(await h.run({ kind: 'guest', source: r.source, policy: r.policy ?? 'serial', cores: r.cores ?? 1, maxCycles: 10_000_000_000 }));
        const now = v === undefined ? 'keeps the promise now' : new RegExp(k.match).test(v) ? undefined : `fails differently: ${v}`;
        if (now) stale.push(`${k.id}: ${JSON.stringify(r.source)} ${now}`);
        console.info(`${k.id}: ${JSON.stringify(r.source.slice(0, 60))}: ${v ?? 'ok'}`);
      }
    }
    h.stop();
    expect(stale).toEqual([]);
  }, 1_800_000);
});
