import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../sim/common/errors.js';
import { setsOf } from '../../sim/machine/cache.js';
import {
  listMachinePresets, loadMachinePreset, machinePresetDir, validateMachineConfig,
} from '../../sim/machine/preset-loader.js';

const dir = mkdtempSync(join(tmpdir(), 'htmsim-presets-'));
const good = readFileSync(join(machinePresetDir(), 'haswell-4c.yaml'), 'utf8');

/** Writes a variant of haswell-4c.yaml and returns the loader's error message. */
function errorOf(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  try {
    loadMachinePreset(file);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`${name} loaded without error`);
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('machine presets', () => {
  it('lists the shipped presets', () => {
    expect(listMachinePresets()).toEqual(expect.arrayContaining(['haswell', 'haswell-4c', 'haswell-16c', 'small-2c']));
  });

  it.each(['haswell', 'haswell-4c', 'haswell-16c', 'small-2c'])('%s loads and has a power-of-two geometry', (name) => {
    const m = loadMachinePreset(name);
    for (const lvl of [m.l1d, m.l2, m.l3]) {
      const sets = setsOf(lvl, m.lineBytes);
      expect(Number.isInteger(Math.log2(sets))).toBe(true);
    }
  });

  it('haswell-4c carries the published Haswell numbers', () => {
    const m = loadMachinePreset('haswell-4c');
    expect(m.cores).toBe(4);
    expect(m.freqGHz).toBe(3.4);
    expect([m.l1d.sizeKiB, m.l1d.ways, m.l1d.latency]).toEqual([32, 8, 4]);
    expect([m.l2.sizeKiB, m.l2.ways, m.l2.latency]).toEqual([256, 8, 12]);
    expect([m.l3.sizeKiB, m.l3.ways, m.l3.latency, m.l3.inclusive]).toEqual([8192, 16, 36, true]);
    expect(m.memoryLatency).toBe(200);
    expect(setsOf(m.l1d, m.lineBytes)).toBe(64);
    expect(m.htm.maxNestingDepth).toBe(7);
    expect(m.htm.readSetTracking).toBe('l3');
  });

  it('haswell (the default machine) is haswell-4c under another name', () => {
    const a = loadMachinePreset('haswell');
    const b = loadMachinePreset('haswell-4c');
    expect({ ...a, name: 'x' }).toEqual({ ...b, name: 'x' });
  });

  it('haswell-16c has 16 cores and a 40 MiB 20-way L3', () => {
    const m = loadMachinePreset('haswell-16c');
    expect(m.cores).toBe(16);
    expect([m.l3.sizeKiB, m.l3.ways]).toEqual([40960, 20]);
    expect(setsOf(m.l3, m.lineBytes)).toBe(32768);
  });

  it('loads a preset by path', () => {
    const file = join(dir, 'copy.yaml');
    writeFileSync(file, good);
    expect(loadMachinePreset(file).name).toBe('haswell-4c');
  });
});

describe('bad presets give one located line', () => {
  it('unknown key: points at the key', () => {
    const text = good.replace('  ways: 8               # 64 sets', '  wayz: 8               # 64 sets');
    const msg = errorOf('unknown.yaml', text);
    expect(msg).toBe(`${join(dir, 'unknown.yaml')}:${lineOf(text, 'wayz')}:3: l1d.wayz: unknown key 'wayz' (did you mean 'ways'?) (and 1 more problem)`);
  });

  it('missing key: points at the section', () => {
    const text = good.replace(/^memoryLatency: 200\n/m, '');
    const msg = errorOf('missing.yaml', text);
    // A key missing at the top level is reported where the mapping starts (its first key).
    expect(msg).toMatch(new RegExp(`missing\\.yaml:${lineOf(text, 'name: haswell-4c')}:1: missing required key 'memoryLatency'$`));
  });

  it('wrong type: points at the value', () => {
    const text = good.replace('cores: 4', 'cores: four');
    const msg = errorOf('type.yaml', text);
    expect(msg).toBe(`${join(dir, 'type.yaml')}:${lineOf(text, 'cores: four')}:8: cores: must be an integer, got 'four'`);
  });

  it('bad enum value', () => {
    const text = good.replace('replacement: lru      # Intel', 'replacement: mru      # Intel');
    expect(errorOf('enum.yaml', text)).toMatch(new RegExp(`enum\\.yaml:${lineOf(text, 'mru')}:16: l1d\\.replacement: must be one of lru, fifo, random, plru; got 'mru'$`));
  });

  it('non-power-of-two sets', () => {
    const text = good.replace('  sizeKiB: 32\n', '  sizeKiB: 48\n');
    expect(errorOf('sets.yaml', text)).toMatch(new RegExp(`sets\\.yaml:${lineOf(text, 'sizeKiB: 48')}:12: l1d\\.sizeKiB: gives 96 sets .* must be a power of two$`));
  });

  it('non-power-of-two line size', () => {
    const text = good.replace('lineBytes: 64', 'lineBytes: 48');
    expect(errorOf('line.yaml', text)).toMatch(new RegExp(`line\\.yaml:${lineOf(text, 'lineBytes: 48')}:12: lineBytes: must be a power of two, got 48$`));
  });

  it('tree PLRU with 20 ways', () => {
    const text = readFileSync(join(machinePresetDir(), 'haswell-16c.yaml'), 'utf8').replace(/(l3:[\s\S]*?replacement: )lru/, '$1plru');
    expect(errorOf('plru.yaml', text)).toMatch(/plru\.yaml:\d+:\d+: l3\.replacement: tree PLRU needs a power-of-two number of ways, got 20$/);
  });

  it('several problems: the first by position, with a count', () => {
    const text = good.replace('cores: 4', 'cores: 0').replace('latency: 36', 'latency: -1');
    const msg = errorOf('many.yaml', text);
    expect(msg).toMatch(/many\.yaml:\d+:8: cores: must be >= 1, got 0 \(and 1 more problem\)$/);
  });

  it('YAML syntax error', () => {
    const msg = errorOf('syntax.yaml', 'name: x\ncores: [1, 2\n');
    expect(msg).toMatch(/syntax\.yaml:\d+:\d+: YAML syntax error: /);
    expect(msg).not.toContain('\n');
  });

  it('unknown preset name lists the known ones', () => {
    expect(() => loadMachinePreset('pentium')).toThrow(/unknown machine preset 'pentium' \(known: .*haswell-4c/);
  });

  it('validateMachineConfig names the source and key without a position', () => {
    const m = loadMachinePreset('haswell-4c');
    expect(() => validateMachineConfig({ ...m, l2: { ...m.l2, ways: 'eight' } }, 'experiment.yaml')).toThrow(
      "experiment.yaml: l2.ways: must be an integer, got 'eight'",
    );
    expect(validateMachineConfig(m, 'x')).toEqual(m);
  });

  it('every message is one line', () => {
    for (const f of ['unknown.yaml', 'missing.yaml', 'type.yaml', 'sets.yaml']) {
      let msg = '';
      try { loadMachinePreset(join(dir, f)); } catch (e) { msg = (e as Error).message; }
      expect(msg).not.toBe('');
      expect(msg.split('\n')).toHaveLength(1);
    }
  });
});
