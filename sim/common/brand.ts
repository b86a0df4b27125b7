/**
 * Branded numeric types: addresses, cache-line numbers and cycle counts are all plain numbers at
 * run time (no cost on the hot path), but the compiler refuses to mix them up.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A simulated byte address (fits in a double: < 2^53). */
export type Addr = Brand<number, 'Addr'>;
/** A cache-line number: `addr >>> log2(lineBytes)` (computed with division, addresses exceed 2^32). */
export type LineNum = Brand<number, 'LineNum'>;
/** A count of simulated core clock cycles. */
export type Cycles = Brand<number, 'Cycles'>;
/** Index of a simulated core, 0..cores-1. */
export type CoreId = Brand<number, 'CoreId'>;

export const asAddr = (n: number): Addr => n as Addr;
export const asLine = (n: number): LineNum => n as LineNum;
export const asCycles = (n: number): Cycles => n as Cycles;
export const asCore = (n: number): CoreId => n as CoreId;
