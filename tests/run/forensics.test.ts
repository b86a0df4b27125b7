/**
 * Abort forensics (docs/forensics.md): conflicts of a known owner, capacity aborts of a known
 * composition, the bounded record, and that recording it moves no other figure of the run record.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import type { AbortRecord, Forensics } from '../../sim/interp/forensics.js';
import { OwnershipTable } from '../../sim/interp/ownership.js';
import { DEFAULT_INTERP } from '../interp/helpers.js';
import { GIL_WORD_ADDR, runPointSync } from '../../sim/run/run-point.js';
import type { RunResult } from '../../sim/run/result.js';

/** The interpreter's shared writes off: no refcounts, per-thread allocator and ticker, no small-int cache. */
const QUIET = ['interp.refcount=none', 'interp.allocator=per-thread', 'interp.ticker=per-thread', 'interp.smallIntCache=false'];

// Line 2 allocates the list; line 5 is the only write two threads make to a shared line.
const SHARED_SLOT = `import threading
data = [0] * 64

def work(k):
    for i in range(1500):
        data[5] = i

ts = [threading.Thread(target=work, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(data[5])
`;

const dir = mkdtempSync(join(tmpdir(), 'htmsim-forensics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `source` as prog.py (the name its sites and allocation details carry). */
function run(source: string, opts: { policy?: string; cores?: number; sets?: string[]; forensics?: boolean; top?: number }): { result: RunResult; records: AbortRecord[] } {
  const file = join(dir, 'prog.py');
  writeFileSync(file, source);
  const config = resolveExecConfig({
    policy: opts.policy ?? 'htm', cores: opts.cores ?? 2, sets: opts.sets ?? [], workload: { name: file, params: {} },
  });
  let fx: Forensics | undefined;
  const point = opts.forensics === false ? config : { ...config, forensics: true, ...(opts.top !== undefined ? { forensicsTop: opts.top } : {}) };
  const result = runPointSync(point, { source, filename: 'prog.py', onForensics: (f) => { fx = f; } });
  return { result, records: fx?.records ?? [] };
}

describe('conflicts of a known owner', () => {
  it('two threads writing one list element, shared interpreter writes off: guest-object, the list\'s line, caused at line 6', () => {
    const { result, records } = run(SHARED_SLOT, { sets: QUIET });
    expect(result.status).toBe('ok');
    const f = result.forensics!;
    expect(result.htm.abortsByCause.conflict).toBeGreaterThan(10);
    const top = f.conflicts[0]!;
    expect(top.owner).toBe('guest-object');
    expect(top.detail).toBe('list items allocated at prog.py:2');
    // Conflicts on the GIL word (the fallback path) aside, every conflict is that list.
    expect(f.conflictsByOwner['guest-object'] + f.conflictsByOwner.gil).toBe(Object.values(f.conflictsByOwner).reduce((a, b) => a + b, 0));
    expect(f.conflictsByOwner.refcount).toBe(0);
    // The accesses that caused them: the store at line 6, on the other core.
    const onList = records.filter((r) => r.conflict?.detail === 'list items allocated at prog.py:2');
    expect(onList.length).toBeGreaterThan(10);
    for (const r of onList) {
      expect(r.conflict!.byCore).not.toBe(r.core);
      expect(r.conflict!.bySite).toEqual({ file: 'prog.py', line: 6, function: 'work' });
      expect(r.at?.function).toBe('work');
      expect(r.began).not.toBeNull();
    }
    // Every hardware abort was recorded, and the sites sum to the aborts (below the top-N cut).
    expect(f.aborts).toBe(result.htm.aborted);
    expect(f.sites.reduce((a, s) => a + s.count, 0)).toBe(f.aborts);
    expect(f.sites.some((s) => s.file === 'prog.py' && s.source !== '')).toBe(true);
  });

  it('the same with CPython\'s reference counts: refcount appears among the owners', () => {
    const { result } = run(SHARED_SLOT, { sets: QUIET.filter((s) => !s.startsWith('interp.refcount')).concat('interp.refcount=cpython') });
    const f = result.forensics!;
    expect(f.conflictsByOwner.refcount).toBeGreaterThan(0);
    expect(f.conflicts.some((c) => c.owner === 'refcount')).toBe(true);
  });

  it('CPython\'s whole interpreter: its own shared words own conflicts the guest never wrote', () => {
    const { result } = run(SHARED_SLOT, { cores: 4 });
    const f = result.forensics!;
    const interp = f.conflictsByOwner.refcount + f.conflictsByOwner.allocator + f.conflictsByOwner['small-int'] + f.conflictsByOwner.ticker + f.conflictsByOwner.frame;
    expect(interp).toBeGreaterThan(0);
  });
});

describe('capacity aborts of a known composition', () => {
  // A 64-line fully associative write buffer: the 65th distinct line written aborts the region.
  const BUFFER = ['machine.htm.writeSetTracking=buffer', 'machine.htm.buffer.lines=64', 'machine.htm.buffer.ways=64', 'machine.htm.readSetTracking=unbounded'];
  const FRESH_LINES = `import rtm
buf = [0] * 1600
s = rtm.xbegin()
if s == rtm.XBEGIN_STARTED:
    i = 0
    while i < 1600:
        buf[i] = 1
        i += 8
    rtm.xend()
    print("committed")
else:
    print("aborted", (s & rtm.XABORT_CAPACITY) != 0)
`;

  it('a region writing fresh list lines: its write set is those guest-object lines, and the write set overflowed', () => {
    const { result, records } = run(FRESH_LINES, { policy: 'serial', cores: 1, sets: [...QUIET, ...BUFFER] });
    expect(result.stdout).toBe('aborted True\n');
    const cap = records.filter((r) => r.cause === 'capacity');
    expect(cap).toHaveLength(1);
    const r = cap[0]!;
    expect(r.policy).toBe('rtm');
    expect(r.capacity!.overflow).toBe('write');
    const written = Object.values(r.capacity!.writeSet).reduce((a, b) => a + b, 0);
    expect(written).toBe(64); // exactly the buffer
    // Nearly all of it is the list's item lines (the rest: the frame's slots, the thread's ticker).
    expect(r.capacity!.writeSet['guest-object']).toBeGreaterThanOrEqual(60);
    const f = result.forensics!;
    expect(f.capacityAborts).toBe(1);
    expect(f.overflowed).toEqual({ read: 0, write: 1 });
    expect(f.capacity[0]!.owner).toBe('guest-object');
    expect(f.capacity[0]!.writeLines).toBe(r.capacity!.writeSet['guest-object']);
  });
});

describe('the record', () => {
  it('keeps at most forensicsTop entries per list', () => {
    const { result } = run(SHARED_SLOT, { cores: 4, top: 2 });
    const f = result.forensics!;
    expect(f.top).toBe(2);
    expect(f.sites.length).toBeLessThanOrEqual(2);
    expect(f.conflicts.length).toBeLessThanOrEqual(2);
    expect(f.capacity.length).toBeLessThanOrEqual(2);
    // The per-owner tally is complete however short the lists are.
    expect(Object.keys(f.conflictsByOwner)).toHaveLength(10);
  });

  it('forensics on or off leaves every other figure of the run record bit-identical (htm, stm, 4 cores)', () => {
    for (const policy of ['htm', 'stm']) {
      const off = run(SHARED_SLOT, { policy, cores: 4, forensics: false }).result;
      const on = run(SHARED_SLOT, { policy, cores: 4 }).result;
      expect(off.forensics).toBeUndefined();
      expect(on.forensics!.aborts).toBeGreaterThan(0);
      const strip = (r: RunResult): unknown => {
        const { host: _h, forensics: _f, config, ...rest } = r;
        const { forensics: _cf, forensicsTop: _ct, ...cfg } = config;
        return { ...rest, config: cfg };
      };
      expect(JSON.stringify(strip(on))).toBe(JSON.stringify(strip(off)));
    }
  });

  it('stm: conflicts name the contested object and its allocation site', () => {
    const { result, records } = run(SHARED_SLOT, { policy: 'stm', cores: 4, sets: QUIET });
    expect(result.stm.aborted).toBeGreaterThan(0);
    const stm = records.filter((r) => r.policy === 'stm' && r.conflict !== undefined);
    expect(stm.length).toBeGreaterThan(0);
    expect(stm.some((r) => r.conflict!.detail === 'list allocated at prog.py:2')).toBe(true);
  });
});

describe('the ownership table', () => {
  const lineOf = (addr: number): number => Math.floor(addr / 64);

  it('names the interpreter\'s fixed areas from their addresses', () => {
    const t = new OwnershipTable(64, DEFAULT_INTERP);
    expect(t.owner(lineOf(0x10c0)).kind).toBe('ticker');
    expect(t.owner(lineOf(0x1000))).toEqual({ kind: 'refcount', detail: 'None (singleton)' });
    expect(t.owner(lineOf(0x2000 + 5 * 32))).toEqual({ kind: 'small-int', detail: 'ints -1..0' });
    expect(t.owner(lineOf(0x10000)).kind).toBe('allocator');
    expect(t.owner(lineOf(0x100000 + 3 * 0x10000 + 0x400))).toEqual({ kind: 'ticker', detail: 'thread 3 eval-breaker word' });
    expect(t.owner(lineOf(0x100000 + 3 * 0x10000)).detail).toMatch(/^thread 3 free-list heads/);
    expect(t.owner(lineOf(GIL_WORD_ADDR as number)).kind).toBe('other');
    t.tag(GIL_WORD_ADDR as number, 8, 'gil', 'the GIL word');
    expect(t.owner(lineOf(GIL_WORD_ADDR as number))).toEqual({ kind: 'gil', detail: 'the GIL word' });
  });

  it('an object\'s header line is refcount when refcounts write headers, guest-object otherwise; bounded', () => {
    const on = new OwnershipTable(64, DEFAULT_INTERP);
    on.tagObject(0x1000000, 128, 'list allocated at a.py:1');
    expect(on.owner(lineOf(0x1000000)).kind).toBe('refcount');
    expect(on.owner(lineOf(0x1000040))).toEqual({ kind: 'guest-object', detail: 'list allocated at a.py:1' });
    const off = new OwnershipTable(64, { ...DEFAULT_INTERP, refcount: 'none' }, 4);
    off.tagObject(0x1000000, 64 * 10, 'big');
    expect(off.owner(lineOf(0x1000000)).kind).toBe('guest-object');
    expect(off.size).toBe(4);
    expect(off.owner(lineOf(0x1000000 + 64 * 5))).toEqual({ kind: 'other', detail: 'untagged heap line' });
  });
});
