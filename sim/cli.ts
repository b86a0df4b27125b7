#!/usr/bin/env node
/** The `htmsim` command (cli/program.ts) with every subcommand; bin/htmsim starts `exec` from a
 *  start-up snapshot instead when one was built (cli/exec-snapshot.ts). */
import { main } from './cli/program.js';

await main(process.argv, {
  exec: async () => (await import('./cli/exec.js')).registerExec,
  experiment: async () => (await import('./cli/experiment.js')).registerExperiment,
  report: async () => (await import('./cli/report.js')).registerReport,
  compare: async () => (await import('./cli/compare.js')).registerCompare,
});
