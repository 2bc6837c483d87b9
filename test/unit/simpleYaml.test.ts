import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { readSimpleBlock } from '../../src/core/read/simpleYaml';
import { parseYamlDocument } from '../../src/core/read/yamlValues';
import { FIXTURES, fixtureFiles, fixtureText } from './helpers';

/** The frontmatter's YAML as gray-matter hands it over: from the opening line's break to the closing `---`'s. */
function frontmatterSource(text: string): string | undefined {
  const open = text.indexOf('---');
  if (open === -1 || text.slice(0, open).trim() !== '') return undefined;
  const firstBreak = text.indexOf('\n', open);
  const close = text.indexOf('\n---', firstBreak);
  return firstBreak === -1 || close === -1 ? undefined : text.slice(firstBreak, close);
}

/** Where the fast reader answers, it must answer exactly as the full parser does. */
function assertAgrees(source: string, offset = 7): void {
  const fast = readSimpleBlock(source, offset);
  if (fast === undefined) return;
  const full = parseYamlDocument(source, offset);
  assert.deepEqual(full.errors, [], `the fast reader accepted YAML with errors: ${JSON.stringify(source)}`);
  assert.deepEqual(fast, full.entries, JSON.stringify(source));
}

const SHAPES = [
  'status: accepted\n',
  'status: accepted\r\ndate: 2021-08-10\r\n',
  'owner: cto          # a role id\n',
  'decision-makers: [CTO]\nconsulted: [Head of Engineering, Data team lead]\n',
  'informed: []\n',
  'informed: [ a ,  b c ]  # who\n',
  'title: ADR001: Event log\n',
  'title: Ends with colon:\n',
  'adr: 0003\n',
  'a: true\nb: True\nc: null\nd: ~\ne: 1.5\nf: .inf\ng: yes\nh: on\n',
  'a: "quoted"\n',
  "a: 'single'\n",
  'a: &anchor x\nb: *anchor\n',
  'a: x\na: y\n',
  'a:\n  - x\n',
  'a: |\n  block\n',
  'a: x\n\nb: y\n',
  '\nstatus: accepted\ndate: 2021-08-10',
  '\r\nstatus: accepted\r\n  \r\nowner: cto',
  '\n',
  '\na: x\n  b: y',
  '# comment\na: x\n',
  'a: x\u00a0\n',
  'a:\tx\n',
  'a: [x, [y]]\n',
  'a: [x,]\n',
  'a: [x] y\n',
  'a: x #not-a-comment? # yes\n',
  'a: x#y\n',
  'a: {x}\n',
  'a : x\n',
  'key_with_underscore: Value with "quotes" and \'apostrophes\' and 50% and @ and `ticks`\n',
  'a: -x\n',
  'trigger-detail: Data team hired; analytics vendor contract signed\n',
];

describe('the fast frontmatter reader agrees with the YAML parser', () => {
  for (const shape of SHAPES) it(`on ${JSON.stringify(shape)}`, () => assertAgrees(shape));

  it('takes the common MADR shape itself', () => {
    assert.ok(readSimpleBlock('\nstatus: accepted\ndate: 2021-08-10\nowner: cto\nconsulted: [A, B]', 0));
  });

  const folders = readdirSync(FIXTURES).filter((name) => !name.includes('.'));
  for (const file of folders.flatMap(fixtureFiles)) {
    it(`on ${file}, whole and line by line`, () => {
      const source = frontmatterSource(fixtureText(file));
      if (source === undefined) return;
      assertAgrees(source);
      for (const line of source.split('\n')) assertAgrees(`${line}\n`);
    });
  }
});
