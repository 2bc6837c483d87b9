/** Posix path helpers for the pure core; adapters convert their own paths to this form. */

export function joinPath(...parts: string[]): string {
  return normalizePath(parts.filter((p) => p.length > 0).join('/'));
}

export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.replaceAll('\\', '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !absolute) out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/**
 * A file of `folder`, by the name its listing gave: the name is one step, taken as it is. A `\` in
 * a name is a character (legal on Linux and macOS), never a separator, so it is not normalised.
 * The caller may normalise the folder once for all its entries, rather than once per file.
 */
export function childPath(folder: string, name: string, normalizedFolder = normalizePath(folder)): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return joinPath(folder, name);
  if (normalizedFolder === '.') return name;
  return normalizedFolder === '/' ? `/${name}` : `${normalizedFolder}/${name}`;
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}
