/**
 * The entry point of dist/htmsim-exec.blob, a V8 start-up snapshot of `htmsim exec` (built by
 * cli/build-snapshot.ts, used by bin/htmsim). Building it evaluates every module `exec` needs and
 * stores the resulting heap; a start from it deserializes that heap instead of resolving, reading,
 * compiling and evaluating some 300 modules, which is most of an empty program's wall time.
 * (common/snapshot.ts says what a snapshot may not hold.)
 */
import { join } from 'node:path';
import v8 from 'node:v8';
import precompiledValidators from 'htmsim:precompiled-validators';
import { usePrecompiled } from '../common/schema-validators.js';
import { enterFromSnapshot } from '../common/snapshot.js';
import { defaultsSchema, experimentSchema } from '../experiment/schema.js';
import { machineShape } from '../machine/config.js';
import { reportError } from './action.js';
import { registerExec } from './exec.js';
import { main } from './program.js';

const EXEC_ONLY = { exec: () => Promise.resolve(registerExec) };

if (v8.startupSnapshot.isBuildingSnapshot()) {
  // The validators every exec runs, evaluated into the snapshot (they are build products too).
  usePrecompiled(precompiledValidators, [machineShape, defaultsSchema, experimentSchema]);
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const dist = enterFromSnapshot();
    // From a snapshot, process.argv is [node, ...arguments]: put back the script's place.
    main([process.argv[0]!, join(dist, 'sim', 'cli.js'), ...process.argv.slice(1)], EXEC_ONLY).catch((err: unknown) => {
      process.exitCode = reportError(err);
    });
  });
} else {
  // Run as a plain script (node dist/htmsim-exec.cjs exec …), it is the `exec` command.
  main(process.argv, EXEC_ONLY).catch((err: unknown) => {
    process.exitCode = reportError(err);
  });
}
