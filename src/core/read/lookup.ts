/**
 * A constant table that words read from a file, a file or folder name, or a configuration are
 * looked up in. A plain object literal answers `constructor`, `toString`, `__proto__` and every
 * other member of `Object.prototype` with a function or an object: a status written `constructor`
 * crashed the reader, a relation kind `valueOf` got an inverse. This one has no prototype, so a
 * word it does not hold finds `undefined`, `in` says false, and it is frozen, so nothing adds to it.
 *
 * Every table of the product looked up by such a word is built with it; data keyed by such words
 * (counts, groups, folders) is a Map.
 */
export function lookupTable<T extends object>(table: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as T, table));
}
