import { readFileName } from '../read/fileName';

/** The number after the highest one the folder's file names (and `after`) carry: gaps are never filled, as adr-tools does. */
export function nextFreeNumber(fileNames: readonly string[], after = 0): number {
  return Math.max(after, ...fileNames.map((name) => readFileName(name).number ?? 0)) + 1;
}
