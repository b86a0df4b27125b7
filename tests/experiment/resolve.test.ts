import { describe, expect, it } from 'vitest';
import { resolveExecConfig, repSeed } from '../../sim/experiment/resolve.js';
import { loadDefaults } from '../../sim/experiment/defaults.js';

const MACHINE = 'tests/experiment/fixtures/test-machine.yaml';
const wl = { name: 'bank', params: {} };

describe('resolveExecConfig', () => {
  it('applies defaults.yaml, the preset, shorthands and --set in order', () => {
    const p = resolveExecConfig({ machine: MACHINE, cores: 2, policy: 'htm', sets: ['htm.txLength=250', 'htm.adaptive=true', 'machine.l1d.ways=4', 'cores=8', 'workload.params.threads=3'], workload: wl });
    const d = loadDefaults();
    expect(p.machine.cores).toBe(8);
    expect(p.machine.l1d).toEqual({ sizeKiB: 32, ways: 4, latency: 4, replacement: 'lru' });
    expect(p.policy.name).toBe('htm');
    expect(p.htm).toEqual({ ...d.htm, txLength: 250, adaptive: true });
    expect(p.interp).toEqual(d.interp);
    expect(p.seed).toBe(d.seed);
    expect(p.maxCycles).toBe(d.maxCycles);
    expect(p.workload).toEqual({ name: 'bank', params: { threads: 3, accounts: 64, transfers: 1500, locking: 'global', seed: 1 } });
  });

  it('rejects unknown keys and badly typed values, one line each', () => {
    const run = (sets: string[], policy?: string) => {
      try {
        resolveExecConfig({ machine: MACHINE, sets, workload: wl, ...(policy ? { policy } : {}) });
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(run(['htm.txLenght=5'])).toBe("--set htm.txLenght=5: unknown parameter 'htm.txLenght' (did you mean 'htm.txLength'?)");
    expect(run(['htm.txLength=abc'])).toBe("--set htm.txLength=abc: must be an integer, got 'abc'");
    expect(run(['gil.mode=fast'])).toBe("--set gil.mode=fast: must be one of ticks, interval; got 'fast'");
    expect(run(['machine.cores=0'])).toBe('--set machine.cores=0: must be >= 1, got 0');
    expect(run(['htm.adaptive=yes'])).toBe("--set htm.adaptive=yes: must be a boolean (true or false), got 'yes'");
    expect(run(['workload.params.nope=1'])).toBe("--set workload.params.nope=1: workload bank has no param 'nope' (known: threads, accounts, transfers, locking, seed)");
    expect(run(['htm'])).toBe('--set htm: expected key=value, e.g. --set htm.txLength=100');
    expect(run([], 'gill')).toBe("--policy gill: must be one of serial, gil, htm, stm, nogil; got 'gill'");
    expect(run(['htm.retries=-1', 'interp.refcount=rc'])).toBe("--set htm.retries=-1: must be >= 0, got -1\n--set interp.refcount=rc: must be one of cpython, none, biased; got 'rc'");
  });

  it('derives repetition seeds deterministically, rep 0 keeping the base seed', () => {
    expect(repSeed(7, 0)).toBe(7);
    expect(repSeed(7, 1)).toBe(repSeed(7, 1));
    expect(repSeed(7, 1)).not.toBe(repSeed(7, 2));
    expect(repSeed(7, 1)).not.toBe(repSeed(8, 1));
  });
});
