import type { Command } from 'commander';

/** Registers the `experiment` subcommand(s). Filled in by the layer that owns them. */
export function registerExperiment(_program: Command): void {}
