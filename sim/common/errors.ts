/**
 * Errors that reach the user as one line and exit status 2 (bad input: CLI usage, config, YAML,
 * guest syntax). Everything else that escapes is a bug in htmsim and is reported as such.
 * Kept at the bottom layer so every layer may throw it.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** Location of a problem inside an input file; `line`/`column` are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  /** Dotted key path inside a YAML/JSON document, e.g. `sweep.axes[2].values`. */
  keyPath?: string;
}

/** Formats `file:line:col: key: message` the same way everywhere. */
export function formatLocated(loc: SourceLocation, message: string): string {
  let head = loc.file;
  if (loc.line !== undefined) head += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) head += `:${loc.column}`;
  const key = loc.keyPath ? ` ${loc.keyPath}:` : '';
  return `${head}:${key} ${message}`;
}
