/**
 * `htmsim exec --forensics` through the built CLI: the stderr summary, the record's block, and
 * stdout left to the guest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';

const dir = mkdtempSync(join(tmpdir(), 'htmsim-forensics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SRC = `import threading
data = [0] * 64

def work(k):
    for i in range(800):
        data[5] = i

ts = [threading.Thread(target=work, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
`;

describe('htmsim exec --forensics', () => {
  beforeAll(requireBuild);

  it('prints the top abort sites, the conflict owners and writes the block into --stats', () => {
    const prog = join(dir, 'slot.py');
    const stats = join(dir, 'stats.json');
    writeFileSync(prog, SRC);
    const quiet = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.ticker=per-thread', 'interp.smallIntCache=false'].flatMap((s) => ['--set', s]);
    const r = spawnSync(process.execPath, ['dist/sim/cli.js', 'exec', prog, '--policy', 'htm', '--cores', '2', '--forensics', '--stats', stats, ...quiet], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('done\n');
    expect(r.stderr).toMatch(/^abort forensics: \d+ aborts recorded \(hardware: conflict \d+/);
    expect(r.stderr).toMatch(/\ntop abort sites \(where the transaction was\):\n/);
    expect(r.stderr).toMatch(/slot\.py:\d+ in work: /);
    expect(r.stderr).toMatch(/\n +\d+ +guest-object +list items allocated at .*slot\.py:2\n/);
    const rec = JSON.parse(readFileSync(stats, 'utf8')) as { config: { forensics?: boolean }; forensics?: { aborts: number; top: number } };
    expect(rec.config.forensics).toBe(true);
    expect(rec.forensics!.top).toBe(10);
    expect(rec.forensics!.aborts).toBeGreaterThan(0);
  });

  it('without the flag nothing is recorded or printed', () => {
    const prog = join(dir, 'slot2.py');
    const stats = join(dir, 'stats2.json');
    writeFileSync(prog, SRC);
    const r = spawnSync(process.execPath, ['dist/sim/cli.js', 'exec', prog, '--policy', 'htm', '--cores', '2', '--stats', stats], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const rec = JSON.parse(readFileSync(stats, 'utf8')) as Record<string, unknown> & { config: Record<string, unknown> };
    expect('forensics' in rec).toBe(false);
    expect('forensics' in rec.config).toBe(false);
  });
});
