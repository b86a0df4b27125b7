import type { Command } from 'commander';

/** Registers the `report` subcommand(s). Filled in by the layer that owns them. */
export function registerReport(_program: Command): void {}
