/**
 * MESI line states, as small integers so they fit the caches' Uint8Array state arrays.
 * Private caches (L1D, L2) use all four; the shared L3 uses I, S (clean) and M (dirty) for its
 * own copy of the data, while who holds the line privately is the directory's business.
 */
export const MESI_I = 0;
export const MESI_S = 1;
export const MESI_E = 2;
export const MESI_M = 3;

export type MesiState = typeof MESI_I | typeof MESI_S | typeof MESI_E | typeof MESI_M;

export function mesiName(s: MesiState): 'I' | 'S' | 'E' | 'M' {
  switch (s) {
    case MESI_I: return 'I';
    case MESI_S: return 'S';
    case MESI_E: return 'E';
    case MESI_M: return 'M';
    default: {
      const _never: never = s;
      return _never;
    }
  }
}
