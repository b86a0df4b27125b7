/**
 * Why a kernel's figure misses CPython's: written by hand after reading both sides (the table
 * prints a kernel's entry only while one of its figures misses). Never a reason to change a figure.
 */
export const REASONS: Readonly<Record<string, string>> = {
  // None at this commit: every kernel holds (calibration/README.md has the history of what each
  // model change fixed). A kernel that misses again gets its reason here, written after reading
  // both sides, never a change to a figure.
};
