import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { htmsim } from './helpers.js';
import { publishedSchema } from '../../sim/experiment/schema.js';
import { loadDefaults } from '../../sim/experiment/defaults.js';
import { listing } from '../../sim/experiment/list.js';

describe('htmsim schema, list and help', () => {
  beforeAll(requireBuild);
  it('schema prints the published JSON Schema', () => {
    const r = htmsim(['schema']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(publishedSchema);
  });

  it('list names every preset, policy parameter with its default, and workload parameter', () => {
    const l = listing();
    const d = loadDefaults();
    expect(l.machines.map((m) => m.name)).toContain('haswell');
    expect(l.machineFields.find((f) => f.path === 'machine.l1d.ways')).toMatchObject({ type: 'integer', default: 8 });
    expect(l.policies.map((p) => p.name)).toEqual(['serial', 'gil', 'htm', 'stm', 'nogil']);
    const htm = l.policies.find((p) => p.name === 'htm')!;
    expect(htm.params.find((p) => p.path === 'htm.txLength')).toMatchObject({ type: 'integer', default: d.htm.txLength });
    expect(htm.params.some((p) => p.path === 'gil.mode')).toBe(true);
    expect(l.policies.find((p) => p.name === 'serial')!.params).toEqual([]);
    const bank = l.workloads.find((w) => w.name === 'bank')!;
    expect(bank.params.find((p) => p.path === 'workload.params.locking')).toMatchObject({ type: 'global|account|none', default: 'global' });
    const r = htmsim(['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`htm.txLength = ${d.htm.txLength}`);
    expect(r.stdout).toMatch(/^ {2}bank: /m);
    const j = htmsim(['list', '--json']);
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(l)));
  });

  it('each subcommand has help naming its options', () => {
    const want: Record<string, string[]> = {
      run: ['--out', '--jobs', '--shard', '--filter', '--resume', '--fresh', '--retry-failed', '--dry-run', '--no-report', 'Exit status'],
      validate: ['file:line:col'],
      list: ['--json'],
      schema: ['JSON Schema'],
      merge: ['--out', '--no-report'],
    };
    for (const [cmd, words] of Object.entries(want)) {
      const r = htmsim([cmd, '--help']);
      expect(r.status).toBe(0);
      for (const w of words) expect(r.stdout).toContain(w);
    }
    expect(htmsim(['run', '--help']).stdout).not.toContain('--runner');
  });
});
