/**
 * Rollback is exact only if every change of a guest list goes through the write path before the
 * host array changes (shared/DESIGN.md). The list's mutation API (sim/interp/objects/list-ops.ts)
 * is where that happens; this test scans the interpreter's source text and fails when any other
 * file changes a list's (or a tuple's) `.items`: push/splice/pop/shift/unshift/sort/reverse/fill/
 * copyWithin, `.items[i] = …`, `.items = …` or `.items.length = …`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.js';


/** The files allowed to change `.items`, with the reason. */
const OWNERS: Record<string, string> = {
  'sim/interp/objects/list-ops.ts': "the list's mutation API",
  'sim/interp/vm/write-path.ts': "the write path's own list primitives (listSet, listAppend, listReplace) that list-ops calls",
  'sim/interp/vm/transactions.ts': 'rollback: replays the undo log (U_LIST_SLOT)',
  'sim/interp/values.ts': 'the PyList/PyTuple constructors',
};

const MUTATION = new RegExp([
  String.raw`\.items\s*\.\s*(push|splice|pop|shift|unshift|sort|reverse|fill|copyWithin)\s*\(`,
  String.raw`\.items\s*\.\s*length\s*(=(?!=)|\+=|-=)`,
  String.raw`\.items\s*\[[^\]]*\]\s*(=(?!=)|\+=|-=)`,
  String.raw`\.items\s*(=(?!=|>)|\+=|-=)`,
].join('|'));

/** Code lines only: `//` comments and the lines of block comments are blanked (line numbers kept). */
function codeLines(text: string): string[] {
  let inBlock = false;
  return text.split('\n').map((line) => {
    let out = '';
    for (let i = 0; i < line.length; i++) {
      if (inBlock) {
        if (line.startsWith('*/', i)) {
          inBlock = false;
          i++;
        }
      } else if (line.startsWith('/*', i)) {
        inBlock = true;
        i++;
      } else if (line.startsWith('//', i)) break;
      else out += line[i];
    }
    return out;
  });
}

function listMutations(file: string, text: string): string[] {
  const hits: string[] = [];
  codeLines(text).forEach((line, i) => {
    if (MUTATION.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return hits;
}

describe("lists change only through their mutation API", () => {
  const files = sourceFiles('sim/interp').map((f) => relative(ROOT, join(ROOT, f)).replace(/\\/g, '/'));

  it('finds the interpreter sources and every owner', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const owner of Object.keys(OWNERS)) expect(files).toContain(owner);
  });

  it('recognizes a mutation (and leaves reads and comparisons alone)', () => {
    const probe = [
      'l.items.push(x);', 'l.items.splice(i, 1);', 'l.items[i] = v;', 'l.items = next;', 'l.items.length = 0;', 'a.items.sort();',
      'if (l.items.length === 0) f(l.items[0] === x, l.items.slice());', '// l.items.push(x) in a comment',
    ].join('\n');
    expect(listMutations('probe.ts', probe).map((h) => h.split(': ')[1])).toEqual([
      'l.items.push(x);', 'l.items.splice(i, 1);', 'l.items[i] = v;', 'l.items = next;', 'l.items.length = 0;', 'a.items.sort();',
    ]);
  });

  it('no file outside the owners changes .items', () => {
    const hits = files.filter((f) => !(f in OWNERS)).flatMap((f) => listMutations(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(hits, 'change a list through sim/interp/objects/list-ops.ts (listAppend, listInsert, listPop, ...)').toEqual([]);
  });
});
