/**
 * Wraps a command's action so that bad input ends as one line on stderr with exit status 2 (no
 * host stack trace), and anything else as an "internal error" with the stack, exit status 70.
 */
import { UserError } from '../common/errors.js';

export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void> | number | void) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

export function reportError(err: unknown): number {
  if (err instanceof UserError) {
    process.stderr.write(`htmsim: ${err.message}\n`);
    return err.exitCode;
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`htmsim: internal error (please report): ${stack}\n`);
  return 70;
}
