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
 * joinPath(folder, name) for one entry a folder listed: the caller normalises the folder once, and
 * a plain name is appended as it is, not re-split with the folder for each of 10,000 files.
 */
export function childPath(folder: string, name: string, normalizedFolder = normalizePath(folder)): string {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\')) return joinPath(folder, name);
  if (normalizedFolder === '.') return name;
  return normalizedFolder === '/' ? `/${name}` : `${normalizedFolder}/${name}`;
}

export function dirName(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}
