import type { Decision, Located } from '../model';

/**
 * A copy of the string that shares no memory with the text it was cut from. JavaScript engines
 * represent `text.slice(…)` as a view into `text`, so one kept title would keep the whole file
 * alive: a 10k catalog held every decision's full text (~60 MB) and the garbage collector copied
 * it around while indexing. Joining two parts makes one fresh flat string; concatenating and
 * slicing again (as before) kept a view into a private copy, two objects where one will do.
 */
function detach(value: string): string {
  return value.length < 13 ? value : [value.slice(0, 1), value.slice(1)].join('');
}

/** An array holding just its items: one grown by pushing keeps room for 17, which a 10k catalog kept too. */
function trimmed<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}

function detachLocated(located: Located<string> | null): void {
  if (located) located.value = detach(located.value);
}

/** Detaches every string a decision keeps, so it holds no reference into the file's text. */
export function detachStrings(d: Decision): void {
  d.id = detach(d.id);
  d.slug = detach(d.slug);
  for (const located of [d.title, d.status, d.date, d.owner, d.trigger, d.triggerDetail, d.elevatedFrom, d.elevatedOn, d.reviewBy, d.revisitWhen, d.reviewedOn]) detachLocated(located);
  d.decisionMakers = detachedList(d.decisionMakers);
  d.consulted = detachedList(d.consulted);
  d.informed = detachedList(d.informed);
  d.relations = trimmed(d.relations);
  for (const relation of d.relations) {
    relation.kind = detach(relation.kind);
    relation.target.raw = detach(relation.target.raw);
    if (relation.target.fileName !== null) relation.target.fileName = detach(relation.target.fileName);
    if (relation.target.slug !== null) relation.target.slug = detach(relation.target.slug);
  }
  for (const problem of d.parseProblems) {
    problem.message = detach(problem.message);
    if (problem.data) for (const [key, value] of Object.entries(problem.data)) if (typeof value === 'string') problem.data[key] = detach(value);
  }
  if (d.frontmatter) d.frontmatter.language = detach(d.frontmatter.language);
}

function detachedList(people: string[]): string[] {
  const list = trimmed(people);
  for (let i = 0; i < list.length; i++) list[i] = detach(list[i] ?? '');
  return list;
}
