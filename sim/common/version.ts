import { readFileSync } from 'node:fs';

/** htmsim's version from package.json (two levels up from both sim/common and dist/sim/common). */
function readVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'htmsim' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const HTMSIM_VERSION = readVersion();
