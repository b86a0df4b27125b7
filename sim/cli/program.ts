/** The `htmsim` command: commander wiring only; each layer registers its own subcommands. */
import { Command } from 'commander';
import { HTMSIM_VERSION } from '../common/version.js';

/** The modules that register subcommands, each loaded only when its commands are asked for:
 *  `exec` does not need the sweep pool, the progress bar, the reports or their chart renderer,
 *  nor `run` the reports (unless it builds one). A launcher may offer only some of them. */
export interface CommandModules {
  exec?: () => Promise<(program: Command) => void>;
  experiment?: () => Promise<(program: Command) => void>;
  report?: () => Promise<(program: Command) => void>;
  compare?: () => Promise<(program: Command) => void>;
}

const EXPERIMENT_COMMANDS = ['run', 'validate', 'list', 'schema', 'merge'];

/** Runs the command line ARGV (node's process.argv shape: [node, script, ...arguments]). */
export async function main(argv: readonly string[], modules: CommandModules): Promise<void> {
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

  // Help, a mistyped command or no command at all registers every one, so that each is listed.
  const sub = argv[2] ?? '';
  const all = !['exec', 'report', 'compare', ...EXPERIMENT_COMMANDS].includes(sub);
  const wanted: (keyof CommandModules)[] = all ? ['exec', 'experiment', 'report', 'compare']
    : [EXPERIMENT_COMMANDS.includes(sub) ? 'experiment' : (sub as 'exec' | 'report' | 'compare')];
  for (const name of wanted) {
    const load = modules[name];
    if (load !== undefined) (await load())(program);
  }
  await program.parseAsync([...argv]);
}
