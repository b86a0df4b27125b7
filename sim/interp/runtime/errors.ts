/**
 * The one error type of the runtime library. The VM catches it and raises the guest exception
 * named by `pyType` with `message` as its argument, so messages are CPython 3.11's, verbatim.
 * Anything else thrown from `runtime/` is a host bug, not a guest error.
 */
export type PyErrorType =
  | 'ZeroDivisionError'
  | 'ValueError'
  | 'OverflowError'
  | 'TypeError'
  | 'IndexError'
  | 'KeyError'
  | 'LookupError'
  | 'MemoryError';

export class RuntimeOpError extends Error {
  readonly pyType: PyErrorType;
  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.name = 'RuntimeOpError';
    this.pyType = pyType;
  }
}

export function valueError(message: string): RuntimeOpError {
  return new RuntimeOpError('ValueError', message);
}
export function overflowError(message: string): RuntimeOpError {
  return new RuntimeOpError('OverflowError', message);
}
export function typeError(message: string): RuntimeOpError {
  return new RuntimeOpError('TypeError', message);
}
export function zeroDivision(message: string): RuntimeOpError {
  return new RuntimeOpError('ZeroDivisionError', message);
}
