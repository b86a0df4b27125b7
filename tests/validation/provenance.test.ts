/**
 * configs/provenance.yaml covers every parameter of configs/defaults.yaml and every field of every
 * machine preset, names no parameter that does not exist, ties every calibrated parameter to a
 * calibration row, and docs/parameters.md is generated from it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FACT_CHECKS } from '../../reports/validation/facts.js';
import { allEntries, leavesOf, loadProvenance, renderParametersMarkdown } from '../../reports/validation/provenance.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of configs/ whose provenance.yaml is `edit`ed, loaded. */
function loadEdited(edit: (text: string) => string) {
  const root = mkdtempSync(join(tmpdir(), 'htmsim-prov-'));
  dirs.push(root);
  cpSync('configs', join(root, 'configs'), { recursive: true });
  const file = join(root, 'configs/provenance.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return loadProvenance(root);
}

describe('parameter provenance', () => {
  const set = loadProvenance('.');

  it('every parameter of the defaults and of every preset has provenance, and no entry names a missing parameter', () => {
    expect(set.problems).toEqual([]);
    for (const e of allEntries(set)) expect(e.provenance, `${e.scope}.${e.path}`).toBeDefined();
    expect(set.machines.size).toBeGreaterThanOrEqual(4);
    expect(set.defaults.map((e) => e.path)).toContain('stm.readBarrierCycles');
  });

  it('a parameter without an entry, or an entry for no parameter, is reported with its key', () => {
    const missing = loadEdited((t) => t.replace(/^ {2}gil\.retakeCycles:.*\n/m, ''));
    expect(missing.problems).toEqual([expect.stringMatching(/defaults\.gil\.retakeCycles: no provenance for this parameter$/)]);
    const extra = loadEdited((t) => t.replace(/^defaults:\n/m, 'defaults:\n  gil.noSuchThing: { kind: assumed, source: "x" }\n'));
    expect(extra.problems).toEqual([expect.stringMatching(/defaults\.gil\.noSuchThing: names no parameter$/)]);
    const preset = loadEdited((t) => `${t}  no-such-preset:\n    cores: { kind: source, source: "x" }\n`);
    expect(preset.problems).toEqual([expect.stringMatching(/machines\.no-such-preset: no preset/)]);
  });

  it('a calibrated parameter names an existing calibration row; kinds are the three', () => {
    const rows = new Set(FACT_CHECKS.filter((c) => c.kind === 'calibration').map((c) => c.id));
    const calibrated = allEntries(set).filter((e) => e.provenance?.kind === 'calibrated');
    expect(calibrated.map((e) => e.path).sort()).toEqual(['nogil.bytecodeCycles', 'stm.readBarrierCycles']);
    for (const e of calibrated) expect(rows.has(e.provenance!.calibratedAgainst!)).toBe(true);
    for (const id of rows) expect(calibrated.some((e) => e.provenance!.calibratedAgainst === id), id).toBe(true);
    const bad = loadEdited((t) => t.replace('calibratedAgainst: stm-overhead-fit', 'calibratedAgainst: stm-scaling'));
    expect(bad.problems).toEqual([expect.stringContaining('"stm-scaling" is not a calibration row')]);
    const kind = loadEdited((t) => t.replace('gil.retakeCycles: { kind: assumed', 'gil.retakeCycles: { kind: guessed'));
    expect(kind.problems).toEqual([expect.stringContaining('gil.retakeCycles.kind: must be one of source, calibrated, assumed')]);
  });

  it('docs/parameters.md is generated from it (run node dist/reports/validation/parameters.js after a change)', () => {
    expect(readFileSync('docs/parameters.md', 'utf8')).toBe(renderParametersMarkdown(set));
  });

  it('leavesOf flattens nested mappings to dotted paths', () => {
    expect([...leavesOf({ a: 1, b: { c: 'x', d: { e: true } } })]).toEqual([['a', 1], ['b.c', 'x'], ['b.d.e', true]]);
  });
});
