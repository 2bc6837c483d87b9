import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileName, stemOf } from '../../src/core/read/fileName';
import { readStatus } from '../../src/core/read/status';
import { endsWithBareKey } from '../../src/core/edit/decisionEdits';

// Expressions rewritten so each run of blanks, separators or digits has one way to match. They
// must read what the former ones read: each is held to agreement with its former self on texts
// made of the pieces where the two could differ.
const piece = (...pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
const runs = fc.constantFrom('', ' ', '   ', '\t', '-', '--', '_', '.', '0', '00', '000', '1', '12', '2021', '20210304', '2021-03-04', '2021-03', '122021', '111622', 'adr', 'ADR', 'x', 'use-x', ':', '#', '\n', '\r', '\u2028', '.md', ')', '-x');
const text = fc.array(runs, { maxLength: 12 }).map((parts) => parts.join(''));

function formerFileName(path: string): { number: number | null; slug: string; date: string | null } {
  const stem = stemOf(path);
  const former = [/^((?:19|20)\d{2})(\d{2})(\d{2})(?:[-_ ]+(.*))?$/, /^((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[-_ ]+(.*))?$/];
  for (const pattern of former) {
    const m = pattern.exec(stem);
    const date = m ? readFileName(`${m[1]}-${m[2]}-${m[3]}-x`).date : null;
    if (m && date) return { number: null, slug: m[4] ?? stem, date };
  }
  // Six digits that read as a date in some order, then a slug: dated, with the order unknown.
  const six = /^([1-9]\d)(\d{2})(\d{2})[-_ ]+([^-_ \n\r\u2028\u2029].*)$/.exec(stem);
  const isDate = (y: string, m: string, d: string): boolean => readFileName(`20${y}-${m}-${d}-x`).date !== null;
  if (six && (isDate(six[3]!, six[1]!, six[2]!) || isDate(six[3]!, six[2]!, six[1]!) || isDate(six[1]!, six[2]!, six[3]!))) return { number: null, slug: six[4]!, date: null };
  const yearMonth = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:[-_ ]+(.*))?$/.exec(stem);
  if (yearMonth) return { number: null, slug: yearMonth[3] ?? stem, date: null };
  const numbered = /^(\d{1,6})(?:[-_ .]+(.*))?$/.exec(stem) ?? /^(?:[A-Za-z][A-Za-z0-9]{0,30}[-_])?adr[-_ ]?(\d{1,6})(?:[-_ .]+(.*))?$/i.exec(stem);
  if (numbered) return { number: Number(numbered[1]), slug: numbered[2] ?? '', date: null };
  return { number: null, slug: stem, date: null };
}

describe('rewritten expressions read what the former ones read', () => {
  const settings = { numRuns: 10_000, seed: 20261203 };

  it('file names and references', () => {
    fc.assert(
      fc.property(text, (stem) => {
        const { number, slug, date } = readFileName(stem);
        assert.deepEqual({ number, slug, date }, formerFileName(stem));
      }),
      settings,
    );
  });

  it('status lines naming a successor', () => {
    // Marks that readStatus trims from the ends (`*_\``) are left out: they are not this expression's business.
    const rest = fc.array(runs.filter((r) => r !== '_'), { maxLength: 12 }).map((parts) => parts.join(''));
    const status = fc.tuple(fc.constantFrom('superseded', 'Overridden', 'replaced', 'amended', 'deprecated'), fc.constantFrom(' by', ' in favour of', '  by', ' by:', ' byx'), rest).map(([verb, by, rest]) => `${verb}${by}${rest}`);
    fc.assert(
      fc.property(status, (written) => {
        const relation = /^(superseded|superceded|superseeded|overridden|overriden|amended|deprecated|replaced)\s+(by|in favou?r of)\b[:\s]*(.*)$/i.exec(written.trim());
        const reading = readStatus(written);
        if (relation && (relation[3] ?? '').trim()) assert.equal(reading?.relation?.refText, (relation[3] ?? '').trim());
        else assert.equal(reading?.relation ?? null, null);
      }),
      settings,
    );
  });

  it('number prefixes cut from titles, as expressions', () => {
    const pairs = [
      [/^(?:adr|rfc|decision)[-_\s#]*\d{1,6}\s*[.:)\-–—]?\s+(?=\S)/i, /^(?:adr|rfc|decision)[-_\s#]*\d{1,6}(?:\s*[.:)\-–—]\s+|\s+)(?=\S)/i],
      [/^0*\d{1,6}\s*[.:)]\s+(?=\S)/, /^0*(?:[1-9]\d{0,5}|0)(?!\d)\s*[.:)]\s+(?=\S)/],
      [/^0*\d{1,6}\s+[-–—]\s+(?=\S)/, /^0*(?:[1-9]\d{0,5}|0)(?!\d)\s+[-–—]\s+(?=\S)/],
    ] as const;
    const title = fc.tuple(piece('ADR', 'rfc', 'Decision', '#', '-', ' ', '0', '007', '1234567', '12', '000000'), piece(' ', '\t', '\n', '.', ':', ')', '-', '–', 'x', 'Use X', '0', '7')).map(([head, tail]) => `${head}${tail}`);
    fc.assert(
      fc.property(title, (written) => {
        for (const [former, now] of pairs) assert.equal(written.replace(now, ''), written.replace(former, ''), String(former));
      }),
      settings,
    );
  });

  it('a frontmatter key with nothing after it', () => {
    fc.assert(
      fc.property(text, (line) => {
        assert.equal(endsWithBareKey(line), /:[ \t]*(#.*)?$/.test(line));
      }),
      settings,
    );
  });

  it('list items and headings, as expressions', () => {
    const item = [/^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+(.*)$/, /^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+([^ \t\n\r\u2028\u2029].*|)$/] as const;
    const heading = [/^(#+[ \t]+)(0*\d+)(?=[.:)\s])/, /^(#+[ \t]+)(\d+)(?=[.:)\s])/] as const;
    const line = fc.tuple(fc.constantFrom('', ' ', '*', '-', '1.', '12)', '#', '##'), text).map(([head, rest]) => `${head}${rest}`);
    fc.assert(
      fc.property(line, (written) => {
        assert.deepEqual(item[1].exec(written)?.slice(0, 2), item[0].exec(written)?.slice(0, 2));
        assert.deepEqual(heading[1].exec(written)?.slice(0, 3), heading[0].exec(written)?.slice(0, 3));
      }),
      settings,
    );
  });
});
