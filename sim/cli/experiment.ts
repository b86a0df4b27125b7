/**
 * The experiment subcommands: run, validate, list, schema, merge (commander wiring only; the work
 * is in sim/experiment/).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { reportError } from './action.js';
import { UserError } from '../common/errors.js';
import { ConfigError } from '../common/located.js';
import { DEFAULT_MAX_POINTS, expand } from '../experiment/expand.js';
import { loadExperiment } from '../experiment/experiment-file.js';
import { formatListing, listing } from '../experiment/list.js';
import { mergeResults } from '../experiment/merge.js';
import { DEFAULT_POINT_TIMEOUT_S, defaultJobs } from '../experiment/pool.js';
import { runExperiment } from '../experiment/run-experiment.js';
import { publishedSchema } from '../experiment/schema.js';
import { checkTimeScales } from '../experiment/time-scale.js';

/** Like action(), but a ConfigError prints one `htmsim:` line per problem. */
function act<A extends unknown[]>(fn: (...args: A) => Promise<number | void> | number | void) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (err) {
      if (err instanceof ConfigError) {
        for (const p of err.problems) process.stderr.write(`htmsim: ${p}\n`);
        process.exitCode = err.exitCode;
      } else {
        process.exitCode = reportError(err);
      }
    }
  };
}

function positiveInt(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('must be a whole number >= 1');
  return Number(text);
}

/** A time in seconds: a positive decimal number, at most a day (setTimeout's range). */
function positiveSeconds(text: string): number {
  const v = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(v > 0) || v > 86400) throw new InvalidArgumentError('must be a number of seconds > 0 and <= 86400');
  return v;
}

export function registerExperiment(program: Command): void {
  // `htmsim run --dry-run | head`: a closed pipe ends the listing quietly, as for other Unix tools.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  program
    .command('run')
    .summary('run an experiment sweep from a YAML config')
    .description(
      'Run every point of the experiment in CONFIG (workloads × policies × sweep axes × repetitions) on a pool of ' +
      'worker processes, storing one JSON file per finished point in OUT/points/, then OUT/results.jsonl, ' +
      'OUT/results.csv, OUT/experiment.json, OUT/resolved-config.yaml and the report (report.html, report.md, ' +
      'charts/). Rerunning into the same OUT resumes: points already stored are skipped (keyed by a hash of the ' +
      'resolved point), so a killed run loses only the points in flight and a changed config reruns only what ' +
      'changed. A failing point is recorded as failed and the sweep goes on. Ctrl-C stops the sweep, keeping ' +
      'every finished point (rerun to finish the rest).\n\n' +
      'Exit status: 0 every selected point ok, 1 some point (or the report) failed, 2 bad config or options, ' +
      '130 interrupted.',
    )
    .argument('<config>', 'experiment YAML file (see configs/examples/)')
    .option('-o, --out <dir>', 'output folder (default: results/<experiment name>)')
    .option('-j, --jobs <n>', `worker processes (default: one per host core, here ${defaultJobs()})`, positiveInt)
    .option('--shard <k/n>', 'run only shard K of N (every N-th point starting at the K-th); combine with `htmsim merge`')
    .option('--filter <expr>', 'run only matching points: comma-separated PATH OP VALUE terms, OP one of = != < <= > >=, ' +
      'e.g. "policy.name=htm,machine.cores>=4"')
    .option('--set <key=value>', 'override a parameter for every point, as if written at the top level of CONFIG (repeatable), e.g. --set maxCycles=1000000', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--resume', 'skip points already stored in the output folder (the default)')
    .option('--fresh', 'delete earlier results in the output folder first')
    .option('--retry-failed', 'also rerun points stored as failed')
    .option('--dry-run', 'list the points (index, id, parameters) and exit without running or writing anything')
    .option('--no-report', 'do not build the report at the end')
    .option('--max-points <n>', `refuse a sweep of more points than this (default ${DEFAULT_MAX_POINTS})`, positiveInt)
    .option('--point-timeout <seconds>', `wall-clock limit of one point (default ${DEFAULT_POINT_TIMEOUT_S}): a worker past it is killed, ` +
      'the point recorded as failed and run again by the next resume', positiveSeconds)
    .addOption(new Option('--runner <module>', 'module exporting runPoint(config) (testing and plug-ins)').hideHelp())
    .addHelpText('after', '\nExamples:\n' +
      '  htmsim run configs/examples/scaling.yaml --jobs 2\n' +
      '  htmsim run configs/examples/scaling.yaml --dry-run --filter "policy.name=htm"\n' +
      '  htmsim run configs/examples/scaling.yaml --shard 2/4 --out results/scaling-2   # then htmsim merge')
    .action(act((config: string, o: { out?: string; jobs?: number; shard?: string; filter?: string; resume?: boolean; fresh?: boolean; retryFailed?: boolean; dryRun?: boolean; report: boolean; runner?: string; set: string[]; maxPoints?: number; pointTimeout?: number }) => {
      if (o.resume && o.fresh) throw new UserError('--resume and --fresh exclude each other');
      return runExperiment({
        config, out: o.out, jobs: o.jobs, shard: o.shard, filter: o.filter, fresh: o.fresh, retryFailed: o.retryFailed,
        dryRun: o.dryRun, report: o.report, runner: o.runner, sets: o.set, maxPoints: o.maxPoints, pointTimeout: o.pointTimeout,
      });
    }));

  program
    .command('validate')
    .summary('check experiment configs without running anything')
    .description('Check each CONFIG against the schema and the catalogs (machine presets, policies, workloads and their ' +
      'parameters, sweep axes), expand its sweep, and print the number of points. Every problem is printed as ' +
      '`file:line:col: key: message`. Exit status 0 if all are valid, 2 otherwise. Writes nothing. With --results or ' +
      '--calibrate, also warns (stderr, exit status unchanged), one line per policy and workload, when points are ' +
      'shorter than the time constants they study (20 timer ticks under htm, 4 GIL switch intervals under gil), ' +
      'from earlier runs of the same points or from runs capped at that length (docs/experiments.md).')
    .argument('<config...>', 'experiment YAML files')
    .option('--max-points <n>', `refuse a sweep of more points than this (default ${DEFAULT_MAX_POINTS})`, positiveInt)
    .option('--point-timeout <seconds>', `wall-clock limit of one point (default ${DEFAULT_POINT_TIMEOUT_S}): a worker past it is killed, ` +
      'the point recorded as failed and run again by the next resume', positiveSeconds)
    .option('--results <dir>', 'check point lengths against the time constants, from earlier runs in this results folder')
    .option('--calibrate', 'check point lengths by running each point (no earlier run) capped at its threshold')
    .action(act((configs: string[], o: { maxPoints?: number; results?: string; calibrate?: boolean }) => {
      const problems: string[] = [];
      for (const c of configs) {
        try {
          const spec = loadExperiment(c);
          const points = expand(spec, o.maxPoints);
          const n = points.length;
          process.stdout.write(`${c}: ok, ${n} point${n === 1 ? '' : 's'}\n`);
          for (const line of checkTimeScales(c, points, o)) process.stderr.write(`${line}\n`);
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          problems.push(...err.problems);
        }
      }
      if (problems.length > 0) throw new ConfigError(problems);
    }));

  program
    .command('list')
    .summary('list machine presets, policies and workloads with their parameters')
    .description('Print the machine presets, the policies with their parameters and defaults (configs/defaults.yaml), the ' +
      'interpreter switches, and the workloads with their parameters: every name a config or --set can use.')
    .option('--json', 'print the same as JSON')
    .action(act((o: { json?: boolean }) => {
      const l = listing();
      process.stdout.write(o.json ? `${JSON.stringify(l, null, 2)}\n` : formatListing(l));
    }));

  program
    .command('schema')
    .summary('print the JSON Schema of experiment files')
    .description('Print the JSON Schema (draft 2020-12) of experiment files, for editors: configs/schema/htmsim.schema.json ' +
      'is this output. Start a config with `# yaml-language-server: $schema=<path to it>` for completion and checks.')
    .action(act(() => {
      process.stdout.write(`${JSON.stringify(publishedSchema, null, 2)}\n`);
    }));

  program
    .command('merge')
    .summary('combine the output folders of sweep shards')
    .description('Combine the output folders of the shards of one sweep (`htmsim run --shard K/N`) into OUT, rebuild ' +
      'results.jsonl and results.csv over all points, and build the report. The folders must come from the same ' +
      'config. Exit status 1 if points are missing or failed.')
    .argument('<dir...>', 'shard output folders')
    .requiredOption('-o, --out <dir>', 'merged output folder')
    .option('--no-report', 'do not build the report')
    .addHelpText('after', '\nExample:\n  htmsim merge results/scaling-1 results/scaling-2 results/scaling-3 --out results/scaling')
    .action(act((dirs: string[], o: { out: string; report: boolean }) => mergeResults({ dirs, out: o.out, report: o.report })));
}
