#!/usr/bin/env node
/** The `htmsim` command: commander wiring only; each layer registers its own subcommands. */
import { Command } from 'commander';
import { registerExec } from './cli/exec.js';
import { registerExperiment } from './cli/experiment.js';
import { registerReport } from './cli/report.js';
import { registerCompare } from './cli/compare.js';
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

registerExec(program);
registerExperiment(program);
registerReport(program);
registerCompare(program);

await program.parseAsync(process.argv);
