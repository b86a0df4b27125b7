import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runSource } from './helpers.js';
it('dev', () => {
  const f = process.env.DEVPY ?? '/tmp/a.py';
  const out = runSource(readFileSync(f, 'utf8'), { filename: f.split('/').pop()!, ...(process.env.RC ? { config: { refcount: process.env.RC as 'none' } } : {}) });
  console.log('STDOUT\n' + out.stdout + 'STDERR\n' + out.stderr + 'CODE ' + out.exitCode);
});
