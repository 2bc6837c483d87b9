/**
 * `a.md, b.md, c.md and 4,997 more`: a list in a message, naming the first few of `total`.
 * Messages are printed once per problem, so a list of every other file or role made output grow
 * with the square of the log: 5,000 files sharing a number once printed 370 MB of JSON.
 */
export function namedWithMore(names: readonly string[], total: number): string {
  const more = total - names.length;
  return more > 0 ? `${names.join(', ')} and ${more.toLocaleString('en-US')} more` : names.join(', ');
}
