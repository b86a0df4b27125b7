/**
 * Why a kernel's figure misses CPython's: written by hand after reading both sides (the table
 * prints a kernel's entry only while one of its figures misses). Never a reason to change a figure.
 */
export const REASONS: Readonly<Record<string, string>> = {};
