/**
 * The layer order of shared/DESIGN.md, enforced: every import of every file under sim/, reports/
 * and bench/ (static, `export … from`, literal `import()`, and `new URL('x.js', import.meta.url)`
 * module references) is parsed with the TypeScript compiler and checked.
 *
 * - sim/: common < machine < interp < policies < run < experiment < cli; a file imports its own
 *   layer or a lower one. Type-only imports count too: they couple the layers just the same.
 * - reports/ imports nothing from sim/ (it reads result records, reports/records.ts); the
 *   experiment layer and the CLI may import reports/ (they build the report after a run).
 * - nothing imports bench/; a computed `import()` hides an edge and is allowed only where the
 *   module is the user's choice (ALLOWED_COMPUTED).
 * - no import circle in sim/ (type-only imports included).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.js';

const SIM_LAYERS = ['common', 'machine', 'interp', 'policies', 'run', 'experiment', 'cli'] as const;

/** Computed imports whose target is chosen by the user, with the reason. */
const ALLOWED_COMPUTED: Record<string, string> = {
  'sim/experiment/point-worker.ts': 'the point runner module is `htmsim run --runner`',
};


interface Edge { from: string; to: string; spec: string; line: number; typeOnly: boolean }

const FILES = ['sim', 'reports', 'bench'].flatMap(sourceFiles).sort();

/** `./x.js` from `sim/a/b.ts` → `sim/a/x.ts` (undefined for packages and node: modules). */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(from), spec)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
}

function parse(file: string): { edges: Edge[]; computed: number[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const edges: Edge[] = [];
  const computed: number[] = [];
  const lineOf = (n: ts.Node): number => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const add = (spec: string, n: ts.Node, typeOnly: boolean): void => {
    const to = resolveSpec(file, spec);
    if (to !== undefined) edges.push({ from: file, to, spec, line: lineOf(n), typeOnly });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(n.moduleSpecifier.text, n, typeOnly);
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      add(n.moduleSpecifier.text, n, n.isTypeOnly);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = n.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) add(arg.text, n, false);
      else computed.push(lineOf(n));
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'URL') {
      const [arg, base] = n.arguments ?? [];
      if (arg && ts.isStringLiteralLike(arg) && /\.js$/.test(arg.text) && base?.getText(sf) === 'import.meta.url') add(arg.text, n, false);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { edges, computed };
}

const PARSED = new Map(FILES.map((f) => [f, parse(f)]));
const EDGES = [...PARSED.values()].flatMap((p) => p.edges);

/** sim/<layer>/… (and sim/cli.ts) → its layer; reports/, bench/ by folder. */
function layerOf(file: string): string {
  if (file === 'sim/cli.ts') return 'cli';
  const [top, sub] = file.split('/');
  if (top === 'sim') return sub!;
  return top!;
}

function upwardProblem(e: Edge): string | undefined {
  const from = layerOf(e.from);
  const to = layerOf(e.to);
  const where = `${e.from}:${e.line} imports ${e.spec}${e.typeOnly ? ' (type only)' : ''}`;
  if (to === 'bench' && from !== 'bench') return `${where}: nothing imports bench/`;
  if (from === 'bench') return undefined;
  if (from === 'reports') return to === 'reports' ? undefined : `${where}: reports/ never imports the simulator (use reports/records.ts)`;
  if (to === 'reports') return from === 'experiment' || from === 'cli' ? undefined : `${where}: only sim/experiment and sim/cli import reports/`;
  const fi = SIM_LAYERS.indexOf(from as (typeof SIM_LAYERS)[number]);
  const ti = SIM_LAYERS.indexOf(to as (typeof SIM_LAYERS)[number]);
  if (fi < 0) return `${where}: ${e.from} is in no layer (${SIM_LAYERS.join(' < ')})`;
  if (ti < 0) return `${where}: ${e.to} is in no layer`;
  return ti <= fi ? undefined : `${where}: upward (${from} < ${to} in ${SIM_LAYERS.join(' < ')})`;
}

/** Strongly connected components with more than one file (or a file importing itself). */
function circles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) if (next.has(e.from) && next.has(e.to)) next.get(e.from)!.push(e.to);
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || next.get(v)!.includes(v)) out.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) connect(f);
  return out;
}

describe('layer order', () => {
  it('finds the files and their imports', () => {
    expect(FILES).toEqual(expect.arrayContaining(['sim/cli.ts', 'sim/machine/machine.ts', 'reports/build-report.ts', 'bench/record-runs.ts']));
    expect(EDGES.some((e) => e.from === 'sim/experiment/run-experiment.ts' && e.to === 'reports/build-report.ts')).toBe(true);
  });

  it('every import target exists', () => {
    const missing = EDGES.filter((e) => !FILES.includes(e.to) && !/\.(json|mjs)$/.test(e.to)).map((e) => `${e.from}:${e.line} imports ${e.spec}: no such source file`);
    expect(missing).toEqual([]);
  });

  it('no file imports upward', () => {
    expect(EDGES.map(upwardProblem).filter((p) => p !== undefined)).toEqual([]);
  });

  it('no module is reached through a computed import()', () => {
    const found = [...PARSED].flatMap(([f, p]) => p.computed.filter(() => !(f in ALLOWED_COMPUTED)).map((line) => `${f}:${line}: computed import(); use a plain import`));
    expect(found).toEqual([]);
  });

  it('no import circle anywhere in sim/', () => {
    const sim = FILES.filter((f) => f.startsWith('sim/'));
    expect(circles(sim, EDGES).map((c) => `import circle among ${c.join(', ')}`)).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    const e = (from: string, to: string): Edge => ({ from, to, spec: to, line: 1, typeOnly: false });
    expect(upwardProblem(e('sim/machine/cache.ts', 'sim/interp/heap.ts'))).toMatch(/upward/);
    expect(upwardProblem(e('reports/html.ts', 'sim/run/result.ts'))).toMatch(/never imports the simulator/);
    expect(upwardProblem(e('sim/run/run-point.ts', 'reports/build-report.ts'))).toMatch(/only sim\/experiment/);
    expect(upwardProblem(e('sim/cli.ts', 'bench/run-bench.ts'))).toMatch(/nothing imports bench/);
    expect(upwardProblem(e('sim/cli/report.ts', 'reports/build-report.ts'))).toBeUndefined();
    expect(circles(['a', 'b', 'c'], [e('a', 'b'), e('b', 'c'), e('c', 'a')])).toEqual([['a', 'b', 'c']]);
    expect(circles(['a', 'b'], [e('a', 'b')])).toEqual([]);
  });
});
