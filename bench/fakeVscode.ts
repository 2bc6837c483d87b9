/** The top-level names of the real API, from its type declarations. */
export function vscodeApiNames(declarations: string): string[] {
  return [...new Set([...declarations.matchAll(/^\t?export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1] ?? ''))];
}

/**
 * Just enough of the `vscode` module for activate() to run its synchronous part: every property is
 * a callable, constructible stand-in that returns another, so registrations succeed and do nothing.
 */
export function fakeVscode(names: readonly string[]): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const make = (): unknown =>
    new Proxy(function stub() {}, {
      get(_target, key) {
        if (key === 'then') return undefined; // not a thenable: awaiting a stub must not hang
        if (key === Symbol.toPrimitive) return () => '';
        if (key === Symbol.iterator) return function* empty() {};
        if (key === 'length') return 0;
        return make();
      },
      apply: () => make(),
      construct: () => make() as object,
    });
  // Bundles copy a module's own properties into their namespace object, so the names must be enumerable.
  const api: Record<string, unknown> = {};
  for (const name of names) Object.defineProperty(api, name, { enumerable: true, get: () => (cache.has(name) ? cache.get(name) : (cache.set(name, make()), cache.get(name))) });
  return api;
}
