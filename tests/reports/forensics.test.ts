/**
 * The report's "Why transactions abort" section, from records in the documented shape
 * (docs/results-format.md, `forensics`): drawn only when a sweep recorded forensics.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/build-report.js';
import { forensicsView } from '../../reports/forensics.js';
import { normalisePoint } from '../../reports/records.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const OWNERS = ['refcount', 'allocator', 'ticker', 'gil', 'small-int', 'frame', 'guest-object', 'interp-static', 'stm-meta', 'other'];

function byOwner(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(OWNERS.map((k) => [k, counts[k] ?? 0]));
}

/** One htm run of workload w under interpreter refcount `rc`, whose conflicts are `owners`. */
function point(index: number, rc: string, owners: Record<string, number>, withForensics = true): unknown {
  const total = Object.values(owners).reduce((a, b) => a + b, 0);
  return {
    id: `p${index}`, index,
    params: { 'workload.name': 'w', 'policy.name': 'htm', 'interp.refcount': rc, rep: 0 },
    result: {
      status: 'ok', htm: { begun: 100, committed: 100 - total, aborted: total, abortsByCause: { conflict: total } },
      ...(withForensics ? {
        forensics: {
          top: 10, aborts: total,
          sites: [{ policy: 'htm', cause: 'conflict', file: 'workloads/w.py', line: 7, function: 'work', source: 'x += 1', count: total, wastedCycles: 10 * total }],
          conflicts: Object.entries(owners).map(([owner, count]) => ({ owner, detail: `${owner} detail`, count })),
          conflictsByOwner: byOwner(owners),
          capacity: [{ owner: 'guest-object', lines: 30, share: 0.75, writeLines: 20, readLines: 10 }, { owner: 'frame', lines: 10, share: 0.25, writeLines: 10, readLines: 0 }],
          capacityAborts: 2, overflowed: { read: 0, write: 2 },
        },
      } : {}),
    },
  };
}

describe('Why transactions abort', () => {
  it('one stacked bar of conflict owners per configuration, and each configuration\'s top sites', () => {
    const points = [point(0, 'cpython', { refcount: 40, gil: 5 }), point(1, 'none', { gil: 5, 'guest-object': 3 })]
      .map((p, i) => normalisePoint(p, i)).filter((p) => typeof p !== 'string');
    const view = forensicsView(points, 1)!;
    expect(view.panels).toHaveLength(1);
    const panel = view.panels[0]!;
    expect(panel.type).toBe('stacked-bar');
    expect(panel.categories).toEqual(['reference counting cpython', 'reference counting none']);
    const refcount = panel.series.find((s) => s.label === 'refcount')!;
    expect(refcount.points.map((p) => p.y)).toEqual([40, 0]);
    expect(panel.series.find((s) => s.label === 'guest-object')!.points.map((p) => p.y)).toEqual([0, 3]);
    expect(view.groups.map((g) => g.aborts)).toEqual([45, 8]);
    expect(view.groups[0]!.sites[0]).toMatchObject({ file: 'workloads/w.py', line: 7, source: 'x += 1', count: 45 });
    expect(view.groups[0]!.capacity).toEqual([{ owner: 'guest-object', lines: 30, share: 0.75 }, { owner: 'frame', lines: 10, share: 0.25 }]);
  });

  it('is absent when no run recorded forensics, present in report.md and report.html when one did', async () => {
    const none = [point(0, 'cpython', { refcount: 4 }, false)].map((p, i) => normalisePoint(p, i)).filter((p) => typeof p !== 'string');
    expect(forensicsView(none, 1)).toBeUndefined();
    const dir = tempDir('forensics');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'results.jsonl'), [point(0, 'cpython', { refcount: 40 }), point(1, 'none', { gil: 5 })].map((p) => JSON.stringify(p)).join('\n') + '\n');
    const s = await buildReport(dir, { png: false, now: new Date('2026-01-02T03:04:05Z') });
    const md = readFileSync(s.markdown, 'utf8');
    expect(md).toMatch(/\n## Why transactions abort\n/);
    expect(md).toMatch(/\| 40 \| 400 \| htm \| conflict \| workloads\/w\.py:7 in work \| `x \+= 1` \|/);
    expect(md).toMatch(/Capacity: 2 capacity aborts; their sets: guest-object 75\.0%, frame 25\.0%\./);
    const html = readFileSync(s.html, 'utf8');
    expect(html).toMatch(/<section id="forensics"><h2>Why transactions abort<\/h2>/);
  });
});
