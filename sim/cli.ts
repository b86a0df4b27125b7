#!/usr/bin/env node
/** The `htmsim` command: commander wiring only; each layer registers its own subcommands. */
import { Command } from 'commander';
import { HTMSIM_VERSION } from './common/version.js';

const program = new Command();
program
  .name('htmsim')
  .description('Simulate a multicore machine with Haswell-style HTM running a Python-subset interpreter under GIL, STM, HTM-elision and free-threaded policies.')
  .version(HTMSIM_VERSION)
  .showHelpAfterError()
  .exitOverride((err) => {
    // commander's own usage errors: one line already printed; exit 2 like every bad input.
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

// Each command loads only its own module: `exec` does not need the sweep pool, the progress bar,
// the reports or their chart renderer, nor `run` the reports (unless it builds one). Help, a
// mistyped command or no command at all registers every one, so that each is listed.
const sub = process.argv[2];
const all = !['exec', 'run', 'validate', 'list', 'schema', 'merge', 'report', 'compare'].includes(sub ?? '');
if (all || sub === 'exec') (await import('./cli/exec.js')).registerExec(program);
if (all || ['run', 'validate', 'list', 'schema', 'merge'].includes(sub!)) (await import('./cli/experiment.js')).registerExperiment(program);
if (all || sub === 'report') (await import('./cli/report.js')).registerReport(program);
if (all || sub === 'compare') (await import('./cli/compare.js')).registerCompare(program);

await program.parseAsync(process.argv);
