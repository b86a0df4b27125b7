/**
 * What the V8 start-up snapshots share (dist/htmsim-exec.blob for `htmsim exec`, dist/
 * htmsim-worker.blob for sweep workers; built by cli/build-snapshot.ts): where the blob and its
 * dist/ folder are, and whether one is current. A snapshot is the program's heap after its modules
 * were evaluated at build time, so nothing in it may hold host state of the build (open files, the
 * command line, the environment, the working folder): modules read those when a command runs.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

declare global {
  /** The dist/ folder the bundles' modules take their import.meta.url from (bundle banner). */
  var __htmsimDist: string | undefined;
}

/** The running blob's folder, from node's own options (--snapshot-blob FILE or =FILE). */
export function blobFolder(): string | undefined {
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--snapshot-blob' && i + 1 < args.length) return dirname(resolve(args[i + 1]!));
    if (a.startsWith('--snapshot-blob=')) return dirname(resolve(a.slice('--snapshot-blob='.length)));
  }
  return undefined;
}

/** Called first by a snapshot's main function: the bundle's modules find their files from here. */
export function enterFromSnapshot(): string {
  const dist = blobFolder() ?? globalThis.__htmsimDist ?? process.cwd();
  globalThis.__htmsimDist = dist;
  return dist;
}

/** BLOB if it exists, HTMSIM_SNAPSHOT is not 0, and it is newer than the module it was built
 *  from (a later tsc without the snapshot step leaves it stale); otherwise undefined. */
export function currentBlob(blob: string, builtFrom: string): string | undefined {
  if (process.env.HTMSIM_SNAPSHOT === '0' || !existsSync(blob)) return undefined;
  try {
    return statSync(blob).mtimeMs > statSync(builtFrom).mtimeMs ? blob : undefined;
  } catch {
    return undefined;
  }
}
