import { readFileName } from '../read/fileName';

/** The number after the highest one the folder's file names (and `after`) carry: gaps are never filled, as adr-tools does. */
export function nextFreeNumber(fileNames: readonly string[], after = 0): number {
  // A loop, not Math.max(...numbers): spreading a folder of 150,000 names overflows the stack.
  let highest = after;
  for (const name of fileNames) highest = Math.max(highest, readFileName(name).number ?? 0);
  return highest + 1;
}
