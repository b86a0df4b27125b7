/**
 * `htmsim exec PROGRAM.py`: run one guest program on the simulated machine under one policy.
 * Guest stdout goes to stdout as it is produced, guest tracebacks to stderr; exit status 0, 1
 * (uncaught guest exception, deadlock) or 2 (usage, config or syntax error, cycle limit).
 */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { action } from './action.js';
import { UserError } from '../common/errors.js';
import { ConfigError } from '../common/located.js';
import { resolveExecConfig } from '../experiment/resolve.js';
import { fsReason, writeAtomic } from '../experiment/store.js';
import { compileModule } from '../interp/compile.js';
import { disassemble } from '../interp/front/disassembler.js';
import { GuestSyntaxError } from '../interp/front/syntax-error.js';
import { readProgram, runPoint } from '../run/run-point.js';
import { formatCycleSummary } from '../run/cycle-summary.js';
import { formatForensicsSummary } from '../run/forensics-summary.js';

interface ExecFlags {
  machine?: string;
  policy?: string;
  cores?: number;
  seed?: number;
  set: string[];
  maxCycles?: number;
  stats?: string;
  timeline?: string;
  trace?: boolean;
  dis?: boolean;
  summary?: boolean;
  forensics?: boolean;
  stdin?: string;
}

function nonNegInt(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('must be a whole number');
  if (!Number.isSafeInteger(Number(text))) throw new InvalidArgumentError(`must be at most 2^53-1 (${Number.MAX_SAFE_INTEGER})`);
  return Number(text);
}

/**
 * An output file the run will write (`--stats`, `--timeline`) is checked before the run, so that a
 * long run is not lost to a typo: not empty, not a folder, in a folder that exists and that this
 * process may write.
 */
function checkOutputFile(flag: string, file: string): void {
  const bad = (why: string): never => { throw new UserError(`${flag} ${file}: ${why}`); };
  if (file === '') bad('an empty path is not a file');
  if (existsSync(file) && statSync(file).isDirectory()) bad('is a folder, not a file');
  const dir = dirname(resolvePath(file));
  if (!existsSync(dir)) bad(`no such folder ${dir}`);
  if (!statSync(dir).isDirectory()) bad(`${dir} is a file, not a folder`);
  try {
    accessSync(existsSync(file) ? file : dir, constants.W_OK);
  } catch (err) {
    bad(`cannot write there: ${fsReason(err)}`);
  }
}

/** Writes an output file after the run; a failure (a full disk) is one line, and false. */
function writeOutput(flag: string, file: string, text: string): boolean {
  try {
    // A regular file is replaced whole (never left half written); /dev/stdout or a pipe is written to.
    if (existsSync(file) && !statSync(file).isFile()) writeFileSync(file, text);
    else writeAtomic(file, text);
    return true;
  } catch (err) {
    process.stderr.write(`htmsim: ${flag} ${err instanceof UserError ? err.message : `cannot write ${file}: ${fsReason(err)}`}\n`);
    return false;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerExec(program: Command): void {
  program
    .command('exec')
    .summary('run one guest program on the simulated machine')
    .description(
      'Run the Python-subset program PROGRAM on the simulated machine under one execution policy.\n' +
      'Guest stdout goes to stdout, guest tracebacks (CPython format) to stderr.\n\n' +
      'Exit status: 0 ok; 1 uncaught guest exception or deadlock (130 KeyboardInterrupt, as\nCPython); 2 bad usage, config, guest\n' +
      'syntax error, or the cycle limit (--max-cycles) reached.',
    )
    .argument('<program>', 'guest program (.py)')
    .option('--machine <preset|file>', 'machine preset name (configs/machines/) or a preset YAML file')
    .option('--policy <name>', 'serial | gil | stm | htm | nogil (shorthand for --set policy.name=…)')
    .option('--cores <n>', 'number of cores (shorthand for --set machine.cores=…)', nonNegInt)
    .option('--seed <s>', 'seed for the guest random module and the machine', nonNegInt)
    .option('--set <key=value>', 'set any parameter by its dotted name (repeatable), e.g. htm.txLength=200', collect, [])
    .option('--max-cycles <n>', 'stop when a core passes this many simulated cycles', nonNegInt)
    .option('--stats <file.json>', 'write the run result record (JSON) to this file')
    .option('--timeline <file.json>', 'record per-core intervals and write them to this file')
    .option('--trace', 'print one line per executed bytecode to stderr')
    .option('--dis', 'print the disassembly of the program and exit')
    .option('--summary', "print where each core's cycles went (a table) to stderr after the run")
    .option('--stdin <file>', "the guest's standard input (sys.stdin, input()): a file, or - for this process's; without it, empty")
    .option('--forensics', 'record abort forensics (where transactions abort, on which line, owned by what) and print a summary to stderr after the run')
    .action(action(async (file: string, flags: ExecFlags) => execProgram(file, flags)));
}

async function execProgram(file: string, flags: ExecFlags): Promise<number> {
  // CPython (since 3.9) makes the main script's path absolute for __file__, tracebacks and syntax
  // errors; sys.argv[0] stays as typed.
  const shown = resolvePath(file);
  let source: string;
  try {
    source = readProgram(file, shown);
  } catch (e) {
    if (e instanceof GuestSyntaxError) return syntaxError(e);
    throw e;
  }
  if (flags.stats !== undefined) checkOutputFile('--stats', flags.stats);
  if (flags.timeline !== undefined) checkOutputFile('--timeline', flags.timeline);
  if (flags.dis) {
    try {
      process.stdout.write(disassemble(compileModule(source, shown)));
    } catch (e) {
      if (e instanceof GuestSyntaxError) return syntaxError(e);
      throw e;
    }
    return 0;
  }
  let config;
  try {
    config = resolveExecConfig({
      machine: flags.machine,
      policy: flags.policy,
      cores: flags.cores,
      seed: flags.seed,
      maxCycles: flags.maxCycles,
      sets: flags.set,
      workload: { name: file, params: {} },
    });
  } catch (e) {
    if (e instanceof ConfigError) throw new UserError(e.problems.join('; '));
    throw e;
  }
  let stdin: string | undefined;
  if (flags.stdin !== undefined) {
    try {
      stdin = readFileSync(flags.stdin === '-' ? 0 : flags.stdin, 'utf8');
    } catch (e) {
      throw new UserError(`--stdin: cannot read ${flags.stdin}: ${fsReason(e)}`);
    }
  }
  if (flags.timeline !== undefined) config = { ...config, timeline: true };
  if (flags.forensics) config = { ...config, forensics: true };
  let result;
  try {
    result = await runPoint(config, {
      source,
      filename: shown,
      argv: [file],
      ...(stdin !== undefined ? { stdin } : {}),
      onStdout: (s) => process.stdout.write(s),
      onStderr: (s) => process.stderr.write(s),
      ...(flags.trace
        ? { trace: (ev) => process.stderr.write(`[t${ev.thread} c${ev.core} @${ev.cycle}] line ${ev.line} ${ev.op} ${ev.arg}\n`) }
        : {}),
    });
  } catch (e) {
    if (e instanceof GuestSyntaxError) return syntaxError(e);
    throw e;
  }
  if (flags.summary) process.stderr.write(formatCycleSummary(result));
  if (result.forensics !== undefined && (flags.forensics || flags.summary)) process.stderr.write(formatForensicsSummary(result));
  // The record first: a timeline that cannot be written does not take the run's record with it.
  let written = true;
  if (flags.stats !== undefined) written = writeOutput('--stats', flags.stats, JSON.stringify(result, null, 2) + '\n') && written;
  if (flags.timeline !== undefined) written = writeOutput('--timeline', flags.timeline, JSON.stringify(result.timeline ?? [], null, 2) + '\n') && written;
  if (result.status === 'failed' && result.error !== undefined && !result.error.startsWith('guest exited')) {
    process.stderr.write(`htmsim: ${result.error}\n`);
  }
  // The guest's traceback stays CPython's; the note says the module is missing from htmsim, not the machine.
  const missing = result.error?.match(/: ModuleNotFoundError: No module named '([^']+)'$/);
  if (missing) {
    process.stderr.write(`htmsim: the program imports '${missing[1]}', a module htmsim's guest library lacks ` +
      '(sim/interp/modules/README.md lists the modules it has)\n');
  }
  // An output that could not be written is the user's to fix (a path, a full disk): exit 2, unless
  // the guest's own status already says something went wrong.
  return written || result.exitCode !== 0 ? result.exitCode : 2;
}

/** A guest syntax error is reported the way CPython reports it (file, line, caret), exit 2. */
function syntaxError(e: GuestSyntaxError): number {
  const text = e.formatCPython();
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  return 2;
}
