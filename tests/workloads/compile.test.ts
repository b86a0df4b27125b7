/**
 * Every workload is inside the guest language: the htmsim front end compiles it, and it imports
 * only the modules the guest API provides.
 */
import { describe, expect, it } from 'vitest';
import type { CodeObject } from '../../sim/interp/chunk.js';
import { compileModule } from '../../sim/interp/compile.js';
import { Op } from '../../sim/interp/opcodes.js';
import { listWorkloads, loadWorkloadSource } from '../../sim/run/workload-catalog.js';

const GUEST_MODULES = new Set(['threading', 'transaction', 'rtm', 'time', 'math', 'random', 'sys', 'htmsim']);

function importedModules(co: CodeObject, out: Set<string>): Set<string> {
  for (let i = 0; i < co.code.length; i += 2) {
    if (co.code[i] === Op.IMPORT_NAME) out.add(co.names[co.code[i + 1]!]!);
  }
  for (const c of co.consts) if (c.kind === 'code') importedModules(c.code, out);
  return out;
}

describe('workloads compile with the htmsim front end', () => {
  for (const w of listWorkloads()) {
    it(w.name, () => {
      const code = compileModule(loadWorkloadSource(w), w.file);
      const mods = importedModules(code, new Set());
      // Functions are compiled too (main() is a nested code object in every workload).
      expect(code.consts.some((c) => c.kind === 'code' && c.code.name === 'main'), 'has main()').toBe(true);
      expect(mods.has('htmsim'), 'reads its params from htmsim').toBe(true);
      for (const m of mods) expect(GUEST_MODULES.has(m), `${w.name} imports ${m}`).toBe(true);
    });
  }
});
