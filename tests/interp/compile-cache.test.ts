/**
 * The compile cache (sim/interp/compile.ts): a process that runs many points compiles each source
 * once, yet every compile still yields its own code objects, and no simulated figure depends on
 * whether the code came from the cache.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeObject } from '../../sim/interp/chunk.js';
import { compileModule } from '../../sim/interp/compile.js';
import { resolveExecConfig } from '../../sim/experiment/resolve.js';
import { runPointSync } from '../../sim/run/run-point.js';
import { allCode } from '../interp-front/helpers.js';
import { runSource } from './helpers.js';

const SOURCE = [
  'import threading, collections, re',
  'BIG = 10 ** 40',
  'def outer(n):',
  '    def inner(k):',
  '        return (k, "x" * k, BIG)',
  '    return [inner(i) for i in range(n)]',
  'c = collections.Counter(w for w in re.findall(r"\\w+", "a b a c b a"))',
  'lock = threading.Lock()',
  'out = []',
  'def work(i):',
  '    with lock:',
  '        out.append(len(outer(i)))',
  'ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]',
  'for t in ts: t.start()',
  'for t in ts: t.join()',
  'print(sorted(out), c.most_common(2))',
  '',
].join('\n');

describe('compile cache', () => {
  it('two compiles of one source are equal but share no code object', () => {
    const a = compileModule(SOURCE, 'p.py');
    const b = compileModule(SOURCE, 'p.py');
    expect(b).toEqual(a);
    const ids = new Set<CodeObject>(allCode(a));
    expect(allCode(b).length).toBe(ids.size);
    for (const co of allCode(b)) expect(ids.has(co)).toBe(false);
    // Another file name is another program (tracebacks name it).
    expect(compileModule(SOURCE, 'q.py').filename).toBe('q.py');
  });

  it('a run whose code all comes from the cache has the same record as the first run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'htmsim-compile-cache-')), 'p.py');
    writeFileSync(file, SOURCE);
    const config = resolveExecConfig({ policy: 'htm', cores: 4, sets: [], workload: { name: file, params: {} } });
    const run = (): unknown => {
      const { host: _host, ...rest } = runPointSync(config, { source: SOURCE, filename: file });
      return rest;
    };
    const first = run();
    expect((first as { stdout: string }).stdout).toBe("[0, 1, 2] [('a', 3), ('b', 2)]\n");
    expect(run()).toEqual(first);
  });

  it('guest compile() and exec() of one string twice give distinct code and constants, as CPython', () => {
    const r = runSource([
      's = "x = 10 ** 30 + 1"',
      'a = compile(s, "<s>", "exec")',
      'b = compile(s, "<s>", "exec")',
      'print(a is b, a == b or a is not b)',
      'g1, g2 = {}, {}',
      'exec(a, g1); exec(b, g2)',
      'print(g1["x"] == g2["x"])',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('False True\nTrue\n');
  });
});
