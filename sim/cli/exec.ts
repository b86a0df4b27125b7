import type { Command } from 'commander';

/** Registers the `exec` subcommand(s). Filled in by the layer that owns them. */
export function registerExec(_program: Command): void {}
