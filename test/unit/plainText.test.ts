import { strict as assert } from 'node:assert';
import { guardLineStarts, plainLine, plainText } from '../../src/core/views/plainText';
import { stylish, githubAnnotations, escapeData, escapeProperty, type FileProblem } from '../../src/core/views/lintFormats';
import { dotLink, dotText, mermaidText } from '../../src/core/views/graphFormats';
import { renderIndexTable, updateIndexText } from '../../src/core/views/indexTable';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { DEFAULT_ROLES } from '../../src/core/workspace/config';
import { parseDecision } from '../../src/core/read/parse';
import { markdownText, notificationText } from '../../src/core/views/editorText';

/** Bytes a terminal acts on rather than shows: C0 but tab and newline, DEL, C1. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Everything a hostile decision file can put into one field. */
const HOSTILE = 'Evil\n::error file=a,line=1::forged\r::warning::lone CR\u2028::notice::LS\u2029PS \x1b[2J\x1b]0;title\x07 \x00NUL \x7fDEL \x85NEL \x9bCSI \u202egnp.exe\u2066 ##[error]v1 %%{init: {"theme":"dark"}}%% "]; <b>`x` |';

function problem(file: string, message: string): FileProblem {
  const at = { line: 0, character: 0 };
  return { file, message, code: 'missing-owner', severity: 'warning', range: { start: at, end: at } };
}

describe('plain text for people', () => {
  it('keeps one line: line breaks of every kind become a space, controls and bidi characters a visible escape', () => {
    const shown = plainText(HOSTILE);
    assert.doesNotMatch(shown, /[\n\r\u2028\u2029]/);
    assert.doesNotMatch(shown, CONTROL);
    assert.doesNotMatch(shown, BIDI);
    assert.match(shown, /\\x1b\[2J/, 'ESC is shown, not acted on');
    assert.match(shown, /\\u202egnp\.exe/);
    assert.doesNotMatch(shown, /##\[/, 'runners read ##[ anywhere in a line');
    assert.equal(plainText('Use PostgreSQL (for now) — CTO · 2021'), 'Use PostgreSQL (for now) — CTO · 2021', 'ordinary text is unchanged');
  });

  it('shows every invisible format character as an escape, but keeps emoji sequences whole', () => {
    assert.equal(plainText('a\u200bb\u200cc\u200dd\u200ee\u200ff'), 'a\\u200bb\\u200cc\\u200dd\\u200ee\\u200ff');
    assert.equal(plainText('\u2060\u2061\u2062\u2063\u2064'), '\\u2060\\u2061\\u2062\\u2063\\u2064');
    assert.equal(plainText('mid\ufefftext \u061cALM \u180eMVS soft\u00adhyphen'), 'mid\\ufefftext \\u061cALM \\u180eMVS soft\\xadhyphen');
    assert.equal(plainText('tag\u{E0041}\u{E007F}'), 'tag\\u{e0041}\\u{e007f}', 'tag characters outside a flag hide ASCII');
    assert.doesNotMatch(plainText(HOSTILE + '\u200b\u2060\ufeff\u061c\u180e'), /\p{Cf}/u);
    // A zero-width joiner between pictographs is part of one emoji (family, technologist with a skin tone, rainbow flag); a flag's tags are kept after U+1F3F4.
    for (const emoji of ['👨\u200d👩\u200d👧', '👩🏽\u200d💻', '🏳\ufe0f\u200d🌈', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}']) {
      assert.equal(plainText(`Team ${emoji} ok`), `Team ${emoji} ok`, JSON.stringify(emoji));
    }
    assert.equal(plainText('a\u200d👩'), 'a\\u200d👩', 'a joiner after a letter joins nothing');
    assert.equal(plainText('👩\u200d'), '👩\\u200d');
  });

  it('no line of the output starts with ::, even after spaces', () => {
    assert.equal(guardLineStarts('a\n::error::x\n   ::warning::y\nb::c'), 'a\n\\::error::x\n   \\::warning::y\nb::c');
    assert.equal(plainLine('::error file=a::forged.md'), '\\::error file=a::forged.md');
    // The Actions runner trims every Unicode white space before it looks for `::`.
    for (const space of ['\u00a0', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff', '\t\u3000 ']) {
      assert.equal(guardLineStarts(`a\n${space}::error title=Forged::x`), `a\n${space}\\::error title=Forged::x`, JSON.stringify(space));
    }
  });

  it('stylish shows hostile file names and messages on their own lines, with no command and no control', () => {
    const text = stylish([problem(`::error::${HOSTILE}.md`, `${HOSTILE} has no owner`), problem('docs/a.md', `owner ${HOSTILE}`)], false);
    for (const line of text.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
    assert.doesNotMatch(text, CONTROL);
    assert.doesNotMatch(text, BIDI);
    assert.equal(text.split('\n').length, 8, 'a file line, a problem line and a blank per file, the count, the final newline');
  });

  it('--format github keeps its own escaping: % CR LF in messages, : and , in properties too', () => {
    assert.equal(escapeData('50%\r\nx'), '50%25%0D%0Ax');
    // ESC and bidi overrides from a file reach the runner's log only as visible escapes.
    assert.equal(escapeData("'\u001b[2Jcto' \u202e"), "'\\x1b[2Jcto' \\u202e");
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(githubAnnotations([problem('a\u001b.md', 'owner \u001b[2J')])));
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const lines = githubAnnotations([problem('::x,y.md', HOSTILE)]).split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /^::warning file=%3A%3Ax%2Cy\.md,line=1,/);
  });

  it('Mermaid labels hold no quote, bracket, semicolon, %, <, backtick or line break of the title', () => {
    const label = mermaidText(HOSTILE);
    assert.doesNotMatch(label, /["[\]%<>`|\n\r\\]/);
    assert.doesNotMatch(label.replace(/#\d+;/g, ''), /[;#]/, 'every ; and # is part of an entity');
    assert.match(label, /#37;#37;#123;init/, '% is written #37;');
    assert.doesNotMatch(label, CONTROL);
  });

  it('DOT strings escape quotes, backslashes and line breaks; links are relative paths only', () => {
    assert.equal(dotText('a "b" \\N\nc\x1b'), 'a \\"b\\" \\\\N c\\\\x1b');
    assert.equal(dotLink('javascript:alert(1).md'), './javascript:alert(1).md');
    assert.equal(dotLink('docs/decisions/0001-a.md'), 'docs/decisions/0001-a.md');
    for (const absolute of ['/etc/passwd', '//evil.example/x.md', '\\\\host\\share\\x.md', 'C:\\x.md']) assert.equal(dotLink(absolute), undefined, absolute);
  });

  it('the index table holds no marker, raw HTML, control or extra row, whatever the titles, owners and relations say', () => {
    const log = new DecisionLog('docs/decisions');
    const title = `Evil <!-- adr-roles:index:end --> <!-- adr-roles:index:start --> <script>x</script> a\rb \x00 | c ] d`;
    log.upsert(parseDecision('docs/decisions/0001-evil (1).md', `---\ntitle: ${JSON.stringify(title)}\nowner: ${JSON.stringify(HOSTILE)}\nstatus: accepted\n---\n# x\n`));
    log.upsert(parseDecision('docs/decisions/0002-two.md', `---\nstatus: accepted\noverrides: ADR-0001\ntrigger: new-resource\ndate: ${JSON.stringify('2021-01-01\n| x |')}\n---\n# Two\n`));
    const table = renderIndexTable(log, DEFAULT_ROLES);
    const lines = table.split('\n');
    assert.equal(lines.length, 6, table);
    assert.doesNotMatch(lines.slice(1, -1).join('\n'), /<(?!br)/, 'no < but as &lt;');
    assert.doesNotMatch(table, CONTROL);
    assert.ok(lines.slice(3, -1).every((l) => l.split(/(?<!\\)\|/).length === 8), 'six cells in every row');
    assert.match(lines[3] ?? '', /\(0001-evil%20%281%29\.md\)/);
    const once = updateIndexText('# Decisions\n', table);
    assert.equal(updateIndexText(once, table), once, 'indexing again changes nothing');
  });
});

describe('markdown text for the editor', () => {
  it('shows a hostile title as written: no link, image, HTML, entity, icon, heading or list forms', () => {
    const shown = markdownText('[click](command:workbench.action.terminal.new) ![x](https://e.example/t.png) <img src=x onerror=alert(1)> &lt; $(alert) **b** `c` | d\n# heading \u202e');
    assert.doesNotMatch(shown.replace(/\\./g, ''), /[[\]<>&$*`|#\n]/, shown);
    assert.doesNotMatch(shown, BIDI);
    assert.equal(markdownText('- item'), '\\- item');
    assert.equal(markdownText('1. first'), '1\\. first');
    assert.equal(markdownText('Owner: Head of Engineering (execution) · Date: 2021-04-06'), 'Owner: Head of Engineering (execution) · Date: 2021-04-06');
  });
});

describe('notification text', () => {
  // VS Code's notifications link `[label](command:…)`, `https:` and `file:` targets; this is the shape it matches.
  const NOTIFICATION_LINK = /\[[^\]]+\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\2))?\)/;

  it('keeps a file name or title quoted in a message from becoming a link to a command or a page', () => {
    const hostile = [
      '[Open settings](command:workbench.action.openSettings).md',
      'Use [this](https://example.invalid/phish) instead',
      '[x](file:///etc/passwd) and\n[y](command:workbench.action.terminal.new)',
    ];
    for (const name of hostile) {
      const message = notificationText(`${name} could not be written: nothing was written.`);
      assert.ok(NOTIFICATION_LINK.test(`${name}`), `the case itself is a link: ${name}`);
      assert.ok(!NOTIFICATION_LINK.test(message), message);
      assert.ok(!/[\n\r\x1b]/.test(message), message);
    }
  });

  it('leaves plain messages as written', () => {
    assert.equal(notificationText('ADR-0007 is now ADR-0008 (0008-use-postgres.md); 2 references updated.'), 'ADR-0007 is now ADR-0008 (0008-use-postgres.md); 2 references updated.');
  });
});
