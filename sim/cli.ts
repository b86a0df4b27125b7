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

// `htmsim exec` loads only its own module: the others bring the sweep pool, the progress bar, the
// reports and their chart renderer (≈ 50 ms), none of which a run of one program uses.
if (process.argv[2] === 'exec') {
  (await import('./cli/exec.js')).registerExec(program);
} else {
  (await import('./cli/exec.js')).registerExec(program);
  (await import('./cli/experiment.js')).registerExperiment(program);
  (await import('./cli/report.js')).registerReport(program);
  (await import('./cli/compare.js')).registerCompare(program);
}

await program.parseAsync(process.argv);
