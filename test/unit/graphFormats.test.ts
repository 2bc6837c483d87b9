import { strict as assert } from 'node:assert';
import { DEFAULT_ROLES } from '../../src/core/workspace/config';
import { buildGraph } from '../../src/core/views/graph';
import { renderGraph, toDot, toMermaid, wrapWords } from '../../src/core/views/graphFormats';
import { demoLog, logOf } from './decisionSets';

const AWKWARD = 'Use "quotes" [brackets] {braces} (parens) | pipes <b>tags</b> & #hash; `ticks` back\\slash %% end';

function awkwardGraph(): ReturnType<typeof buildGraph> {
  return buildGraph(
    [
      logOf('d', {
        '0001-placeholder.md': ['status: overridden', 'owner: hoe'],
        '0002-second.md': ['status: accepted', 'owner: cto', 'overrides: ADR-0001', 'trigger: new-requirement', `trigger-detail: 'Customer said "now" | <urgent> #1'`],
      }),
    ].map((log) => {
      // The title is what matters here: give the first decision the awkward one.
      const first = log.decisions()[0]!;
      log.upsert({ ...first, title: { ...first.title!, value: AWKWARD } });
      return log;
    }),
    DEFAULT_ROLES,
  );
}

/** What Mermaid shows for a label: its numeric and named entities decoded, line breaks as newlines. */
function mermaidShown(label: string): string {
  return label
    .replaceAll('<br/>', '\n')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll('#quot;', '"');
}

/** The value of a DOT quoted string, escapes undone (`\n` as a newline). */
function dotShown(quoted: string): string {
  return quoted.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

describe('graph as Mermaid', () => {
  it('draws the demo: coloured classes per owner kind, the override with its trigger, the elevation from its role', () => {
    const text = toMermaid(buildGraph([demoLog()], DEFAULT_ROLES));
    const lines = text.split('\n');
    assert.equal(lines[0], 'flowchart TB');
    for (const cls of ['strategy', 'execution', 'unowned', 'replaced', 'role']) assert.ok(lines.some((l) => l.startsWith(`  classDef ${cls} `)), `classDef ${cls}`);
    assert.ok(lines.includes('  n4["ADR-0005: events through segment<br/>CTO (strategy) · accepted · 2021-08-10"]'), text);
    assert.ok(lines.includes('  n3["ADR-0004: managed postgres<br/>CTO (strategy) · accepted · 2021-06-01<br/>elevated from Head of Engineering (execution) on 2021-05-24"]'), text);
    assert.ok(lines.includes('  n5["ADR-0006: feature flags<br/>no owner · proposed · 2021-09-01"]'));
    assert.ok(lines.includes('  n4 ==>|"overrides (new resource: Data team hired#59; analytics vendor contract signed)"| n2'), text);
    assert.ok(lines.includes('  r6(["Head of Engineering (execution)"])'));
    assert.ok(lines.includes('  r6 -.->|"elevated 2021-05-24"| n3'));
    for (const line of ['  class n0 strategy', '  class n1 execution', '  class n2 execution', '  class n2 replaced', '  class n5 unowned', '  class r6 execution']) assert.ok(lines.includes(line), line);
    assert.ok(!lines.includes('  class n1 replaced'), 'a decision in force is not drawn as history');
  });

  it('escapes every character that would end or change a label, and Mermaid shows the text as written', () => {
    const text = toMermaid(awkwardGraph());
    const labels = [...text.matchAll(/\["(.*?)"\]|\|"(.*?)"\|/g)].map((m) => m[1] ?? m[2] ?? '');
    assert.equal(labels.length, 3, text);
    for (const label of labels) {
      assert.doesNotMatch(label.replaceAll('<br/>', ''), /["|<>`\\]/, `raw special character left in ${label}`);
      assert.doesNotMatch(label.replace(/#(\d+|quot);/g, ''), /#/, `a bare # would start an entity in ${label}`);
    }
    assert.equal(mermaidShown(labels[0]!), `ADR-0001: ${AWKWARD}\nHead of Engineering (execution) · overridden`);
    assert.equal(mermaidShown(labels[2]!), 'overrides (new requirement: Customer said "now" | <urgent> #1)');
  });

  it('puts each folder in a subgraph when there are several, with ids unique across them', () => {
    const text = toMermaid(buildGraph([logOf('docs/a', { '0001-x.md': ['owner: cto'] }), logOf('docs/b', { '0001-y.md': ['owner: hoe', 'supersedes: ADR-0002'], '0002-z.md': [] })], DEFAULT_ROLES));
    assert.match(text, /\n {2}subgraph f0\["docs\/a"\]\n {4}f0_n0\["ADR-0001: x<br\/>CTO \(strategy\) · no status"\]\n {2}end\n/);
    assert.match(text, /\n {2}subgraph f1\["docs\/b"\]\n(?: {4}.*\n)+ {4}f1_n0 -->\|"supersedes"\| f1_n1\n {2}end\n/);
  });
});

describe('graph as Graphviz DOT', () => {
  it('draws the demo: filled boxes in the owner’s colours, links to the files, labelled edges', () => {
    const text = toDot(buildGraph([demoLog()], DEFAULT_ROLES));
    assert.match(text, /^digraph decisions \{\n/);
    assert.match(text, /\n}\n$/);
    assert.match(text, /\n {2}n4 \[label="ADR-0005: events through segment\\nCTO \(strategy\) · accepted · 2021-08-10", color="#1d4ed8", fillcolor="#dbeafe", style="rounded,filled", class="strategy", URL="docs\/decisions\/0005-events-through-segment.md"/);
    assert.match(text, /\n {2}n2 \[[^\n]*style="rounded,filled,dashed", class="execution replaced"/, 'history is drawn dashed');
    assert.match(text, /\n {2}n5 \[[^\n]*color="#b91c1c"[^\n]*class="unowned"/);
    assert.match(text, /\n {2}n4 -> n2 \[label="overrides \(new resource: Data team\\nhired; analytics vendor contract\\nsigned\)", penwidth="2", class="overrides"\];/);
    assert.match(text, /\n {2}r6 -> n3 \[label="elevated 2021-05-24", style="dashed", arrowhead="vee", class="elevated"\];/);
  });

  it('escapes quotes and backslashes so every statement parses and each label reads as written', () => {
    const text = toDot(awkwardGraph());
    const quoted = /"((?:[^"\\]|\\.)*)"/.source;
    const statement = new RegExp(`^ {2}\\w+(?: -> \\w+)? \\[\\w+=${quoted}(?:, \\w+=${quoted})*\\];$`);
    const statements = text.split('\n').filter((l) => /^ {2}[nr]\d/.test(l));
    assert.equal(statements.length, 3);
    for (const line of statements) assert.match(line, statement);
    const label = new RegExp(`label=${quoted}`).exec(statements[0]!)?.[1] ?? '';
    const shown = dotShown(label).split('\n');
    assert.equal(shown.slice(0, -1).join(' '), `ADR-0001: ${AWKWARD}`, 'wrapped at spaces, nothing lost');
    assert.equal(shown.at(-1), 'Head of Engineering (execution) · overridden');
    assert.ok(shown.slice(0, -1).every((l) => l.length <= 34 || !l.includes(' ')), 'long titles are wrapped');
  });

  it('puts each folder in a cluster when there are several', () => {
    const text = renderGraph(buildGraph([logOf('a', { '0001-x.md': [] }), logOf('b', { '0001-y.md': [] })], DEFAULT_ROLES), 'dot');
    assert.match(text, /\n {2}subgraph cluster_0 \{\n {4}label="a";\n {4}f0_n0 \[/);
    assert.match(text, /\n {2}subgraph cluster_1 \{\n {4}label="b";\n {4}f1_n0 \[/);
  });

  it('wraps words to a width, keeping a word longer than the width whole', () => {
    assert.deepEqual(wrapWords('one two three four', 9), ['one two', 'three', 'four']);
    assert.deepEqual(wrapWords('a supercalifragilistic word', 8), ['a', 'supercalifragilistic', 'word']);
    assert.deepEqual(wrapWords('', 8), ['']);
  });
});
