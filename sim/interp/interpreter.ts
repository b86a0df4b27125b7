/**
 * The interpreter as the rest of htmsim sees it: the VM (vm/) with its builtins (builtins.ts)
 * and guest modules (modules/) installed. Wiring them here keeps the VM free of imports of
 * the code that fills it, so no module of sim/interp imports its own importer.
 *
 * Public API (what sim/run and sim/policies call):
 *   new Interpreter({ port, config, hooks, seed, stdout, stderr, hostModules?, trace?, argv? })
 *   interp.startMain(source, filename): GuestThread     compiles (GuestSyntaxError on bad input)
 *   interp.step(thread, maxBytecodes): StepOutcome       'budget' | 'yield' | 'suspended' |
 *                                                        'blocked' | 'aborted' | 'done'
 *   interp.threads                                       every guest thread (new ones appear on
 *                                                        Thread.start(); the scheduler places them)
 *   interp.canResume(thread): boolean                    a blocked thread's condition holds
 *   interp.txBegin(t, 'rtm' | 'auto') / txCommit(t) / txRollback(t, status)
 *   interp.handleHwAbort(core, status, cause)            the machine's abort handler (registered in
 *                                                        the constructor unless registerAbortHandler
 *                                                        is false)
 *   interp.exitCode, interp.finished                     program status (main thread ended)
 * A GuestThread (thread.ts) records `bytecodes`, `state`, `blockedOn`, `uncaught`/`uncaughtText`.
 */
import { installBuiltins } from './builtins.js';
import { installModules } from './modules/registry.js';
import { Vm, type InterpreterOptions } from './vm/vm.js';

export { GuestThread, Frame, PyGenerator } from './thread.js';
export type { StepOutcome, TxKind } from './thread.js';
export { CYCLE_LIMIT_SIGNAL } from './vm/signals.js';
export type { HostModuleSpec, InterpreterOptions, TraceEvent } from './vm/vm.js';

export class Interpreter extends Vm {
  constructor(opts: InterpreterOptions) {
    super(opts, { builtins: installBuiltins, modules: installModules });
  }
}
