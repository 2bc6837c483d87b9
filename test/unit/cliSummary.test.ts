import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, newRepository } from './gitRepos';
import { runCli } from './helpers';

const FOLDER = 'docs/decisions';

function decision(fields: Record<string, string>, title: string): string {
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}\n`).join('')}---\n# ${title}\n\n## Decision Outcome\n\nChosen.\n`;
}

describe('adr-roles summary --base', () => {
  let repo: string;
  before(() => {
    repo = newRepository('adr-roles-summary-', FOLDER);
    const put = (name: string, text: string): void => writeFileSync(join(repo, FOLDER, name), text);
    put('0001-buy-analytics.md', decision({ status: 'accepted', date: '2024-01-01', owner: 'cto' }, 'Buy analytics'));
    put('0002-graphql-events.md', decision({ status: 'accepted', date: '2024-01-02', owner: 'hoe' }, 'GraphQL events'));
    put('0004-on-call.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'hoe' }, 'On-call rota'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'feature');
    put('0002-graphql-events.md', decision({ status: 'overridden', date: '2024-01-02', owner: 'hoe', 'overridden-by': 'ADR-0003' }, 'GraphQL events'));
    put('0003-segment-events.md', decision({ status: 'accepted', date: '2024-05-01', owner: 'cto', overrides: 'ADR-0002', trigger: 'new-resource', 'trigger-detail': 'Segment contract signed' }, 'Segment events'));
    put('0004-on-call.md', decision({ status: 'accepted', date: '2024-01-03', owner: 'cto', 'elevated-from': 'hoe', 'elevated-on': '2024-06-01' }, 'On-call rota'));
    put('0005-ping.md', decision({ status: 'proposed' }, 'Ask @acme/everyone <img src=x onerror=alert(1)> [now](https://evil.example) a|b'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'feature');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('names every changed decision by owner role, in markdown for a pull request', () => {
    const { code, stdout, stderr } = runCli(['summary', '--base', 'main'], repo);
    assert.equal(code, 0, stderr);
    assert.equal(
      stdout,
      [
        '## Decisions changed against main',
        '',
        '2 added · 2 changed · 0 renamed · 0 deleted · 1 problem',
        '',
        '### CTO (2)',
        '',
        `- **ADR-0003 Segment events**: added (${FOLDER}/0003-segment-events.md)`,
        '  - overrides ADR-0002, because of a new-resource: Segment contract signed',
        `- **ADR-0004 On-call rota**: changed (${FOLDER}/0004-on-call.md)`,
        '  - owner: hoe → cto',
        '  - elevated from hoe on 2024-06-01',
        '',
        '### Head of Engineering (1)',
        '',
        `- **ADR-0002 GraphQL events**: changed (${FOLDER}/0002-graphql-events.md)`,
        '  - status: accepted → overridden',
        '',
        '### No configured owner (1)',
        '',
        // The title as the reader renders it (no HTML, the link's text), then literal: no mention, no table cell.
        `- **ADR-0005 Ask @\u2060acme/everyone now a\\|b**: added (${FOLDER}/0005-ping.md)`,
        "  - **warning** missing-owner: ADR-0005 has no owner: add 'owner:' with the role that decides it: cto (CTO, strategy), hoe (Head of Engineering, execution)",
        '',
      ].join('\n'),
    );
  });

  it('gives the same as JSON, and says so when nothing changed', () => {
    const { stdout } = runCli(['summary', '--base', 'main', '--format', 'json'], repo);
    const summary = JSON.parse(stdout) as { counts: Record<string, number>; groups: { role: { id: string } | null; decisions: { id: string; change: string }[] }[] };
    assert.deepEqual(summary.counts, { added: 2, changed: 2, renamed: 0, deleted: 0, problems: 1 });
    assert.deepEqual(summary.groups.map((g) => [g.role?.id ?? null, g.decisions.map((d) => `${d.id} ${d.change}`)]), [
      ['cto', ['ADR-0003 added', 'ADR-0004 changed']],
      ['hoe', ['ADR-0002 changed']],
      [null, ['ADR-0005 added']],
    ]);
    assert.equal(runCli(['summary', '--base', 'feature'], repo).stdout, '## Decisions changed against feature\n\nNo decision is added, changed or deleted.\n');
  });

  it('names renamed and deleted decisions, a deleted one under its owner at the base', () => {
    git(repo, 'checkout', '-q', '-b', 'tidy', 'main');
    try {
      git(repo, 'mv', `${FOLDER}/0001-buy-analytics.md`, `${FOLDER}/0001-buy-an-analytics-platform.md`);
      git(repo, 'rm', '-q', `${FOLDER}/0004-on-call.md`);
      git(repo, 'commit', '-q', '-m', 'tidy');
      const summary = JSON.parse(runCli(['summary', '--base', 'main', '--format', 'json'], repo).stdout) as { counts: Record<string, number>; groups: { role: { id: string } | null; decisions: { id: string; change: string; previousPath: string | null; problems: { code: string }[] }[] }[] };
      assert.deepEqual(summary.counts, { added: 0, changed: 0, renamed: 1, deleted: 1, problems: 1 });
      assert.deepEqual(summary.groups.map((g) => [g.role?.id ?? null, g.decisions.map((d) => [d.id, d.change, d.previousPath, d.problems.map((p) => p.code)])]), [
        ['cto', [['ADR-0001', 'renamed', `${FOLDER}/0001-buy-analytics.md`, []]]],
        ['hoe', [['ADR-0004', 'deleted', null, ['decision-deleted']]]],
      ]);
    } finally {
      git(repo, 'checkout', '-q', 'feature');
    }
  });

  it('needs --base, and takes only markdown or json', () => {
    assert.match(runCli(['summary'], repo).stderr, /summary needs --base REF/);
    const wrong = runCli(['summary', '--base', 'main', '--format', 'sarif'], repo);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /unknown format 'sarif': use markdown or json/);
  });
});
