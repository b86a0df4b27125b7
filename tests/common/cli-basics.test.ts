import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';
import { spawnSync } from 'node:child_process';
import { formatLocated } from '../../sim/common/errors.js';

const CLI = 'dist/sim/cli.js';

describe('htmsim command basics', () => {
  beforeAll(requireBuild);
  it('prints its version from package.json', () => {
    const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown subcommand with exit status 2 and no stack trace', () => {
    const r = spawnSync(process.execPath, [CLI, 'no-such-command'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('formatLocated', () => {
  it('names file, line, column and key', () => {
    expect(formatLocated({ file: 'a.yaml', line: 3, column: 5, keyPath: 'sweep.cores' }, 'must be a list'))
      .toBe('a.yaml:3:5: sweep.cores: must be a list');
    expect(formatLocated({ file: 'a.yaml' }, 'empty')).toBe('a.yaml: empty');
  });
});
