import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { expand } from '../../sim/experiment/expand.js';
import { loadExperiment } from '../../sim/experiment/experiment-file.js';
import { htmsim, jsonlWithoutHost, scratch, writeConfig } from './helpers.js';

describe('the example configs', () => {
  it.each(readdirSync('configs/examples').filter((f) => f.endsWith('.yaml')))('%s is valid and points to the schema', (f) => {
    const file = join('configs/examples', f);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/htmsim.schema.json');
    expect(expand(loadExperiment(file)).length).toBeGreaterThan(0);
  });
});

describe('sweeps with the real point runner (sim/run/run-point.js)', () => {
  beforeAll(requireBuild);
  it('runs the smoke example with --jobs 1 and --jobs 2 to byte-identical results.jsonl (host fields aside), and builds the report', () => {
    const dir = scratch('real');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const ra = htmsim(['run', 'configs/examples/smoke.yaml', '--out', a, '--jobs', '1']);
    expect(ra.stderr).toContain('8/8 points stored, 8/8 selected ok');
    expect(ra.status).toBe(0);
    const rb = htmsim(['run', 'configs/examples/smoke.yaml', '--out', b, '--jobs', '2', '--no-report']);
    expect(rb.status).toBe(0);
    expect(jsonlWithoutHost(a)).toBe(jsonlWithoutHost(b));
    const recs = readFileSync(join(a, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => [r.params['policy.name'], r.params['machine.cores']])).toEqual([
      ['serial', 1], ['serial', 2], ['gil', 1], ['gil', 2], ['htm', 1], ['htm', 2], ['stm', 1], ['stm', 2],
    ]);
    for (const r of recs) {
      expect(r.result.status).toBe('ok');
      expect(r.result.config.machine.name).toBe('haswell');
      expect(r.derived.speedup).toBeGreaterThan(0);
    }
    expect(existsSync(join(a, 'report.html'))).toBe(true);
    expect(existsSync(join(a, 'report.md'))).toBe(true);
  });

  it('records a cycle limit and a guest exception as failed points and runs the rest', () => {
    const dir = scratch('real-failures');
    const cfg = writeConfig(dir, 'failures', 'name: real-failures\nmachine: haswell\nworkloads:\n' +
      '  - { name: independent, params: { threads: 2, iters: 200 } }\n  - { name: genome, params: { gene: 8, segment: 12 } }\n' +
      'sweep:\n  axes:\n    maxCycles: [20000, 100000000]\n');
    const out = join(dir, 'out');
    const r = htmsim(['run', cfg, '--out', out, '--jobs', '2', '--no-report']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1/4 selected ok, 3 failed');
    const recs = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => [x.params['workload.name'], x.params.maxCycles, x.result.status, x.result.error])).toEqual([
      ['independent', 20000, 'failed', 'cycle limit reached: the run passed maxCycles=20000 simulated cycles (raise it with --max-cycles or maxCycles)'],
      ['independent', 100000000, 'ok', undefined],
      ['genome', 20000, 'failed', 'cycle limit reached: the run passed maxCycles=20000 simulated cycles (raise it with --max-cycles or maxCycles)'],
      ['genome', 100000000, 'failed', 'guest exited with status 1: ValueError: need gene >= segment >= 3'],
    ]);
  });
});
