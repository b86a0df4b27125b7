/**
 * The entry point of dist/htmsim-worker.blob, the V8 start-up snapshot a sweep worker starts from
 * (built by cli/build-snapshot.ts; pool.ts forks from it when the point runner is the default one):
 * the worker module and the default point runner, evaluated at build time, so that each of a
 * sweep's workers starts in a fraction of the time loading those modules takes.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { enterFromSnapshot } from '../common/snapshot.js';
import { runPoint } from '../run/run-point.js';
import { serveTasks } from './point-worker.js';

if (v8.startupSnapshot.isBuildingSnapshot()) {
  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const dist = enterFromSnapshot();
    // The same URL the pool names the default runner by (pool.ts DEFAULT_RUNNER).
    serveTasks(new Map([[pathToFileURL(join(dist, 'sim', 'run', 'run-point.js')).href, runPoint]]));
  });
}
