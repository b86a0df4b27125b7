/**
 * The shipped YAML files recorded at build time (common/located.ts, known-yaml.json) stand for
 * their parse: the recorded value is what parsing the text gives, and a text that is not plain
 * JSON once read (an infinity) is not recorded, so it is still parsed and refused where it is.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownYamlSource, loadYaml } from '../../sim/common/located.js';

const machines = 'configs/machines';
const shipped = ['configs/defaults.yaml', ...readdirSync(machines).filter((f) => f.endsWith('.yaml')).map((f) => join(machines, f))];

describe('known YAML texts', () => {
  it('record every shipped file with the value parsing it gives', () => {
    const known = JSON.parse(knownYamlSource(shipped)) as Record<string, unknown>;
    expect(Object.keys(known).length).toBe(shipped.length);
    for (const f of shipped) expect(known[readFileSync(f, 'utf8')]).toEqual(loadYaml(f).value);
  });

  it('leave out a text that does not load, or is not plain JSON once read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'htmsim-known-yaml-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'a: .inf\n');
      const broken = join(dir, 'broken.yaml');
      writeFileSync(broken, 'a: [1, 2\n');
      expect(JSON.parse(knownYamlSource([bad, broken]))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
