import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/workspace/catalog';
import { defaultConfig } from '../../src/core/workspace/config';
import { lintDecision } from '../../src/core/rules/lint';
import { parseDecision } from '../../src/core/read/parse';
import { BUILT_IN_TEMPLATES, decisionFileName, renderDecision, renderTemplate, slugify } from '../../src/core/edit/scaffold';

describe('scaffold', () => {
  it('slugifies titles: lower case, accents folded, punctuation collapsed, bounded length', () => {
    assert.equal(slugify('Send events through Segment!'), 'send-events-through-segment');
    assert.equal(slugify('Déployer sur Kubernetes — phase 2'), 'deployer-sur-kubernetes-phase-2');
    assert.equal(slugify('???'), 'decision');
    assert.ok(slugify('a very long title '.repeat(10)).length <= 60);
  });

  it('names the file with a four-digit number and the slug', () => {
    const log = new DecisionLog('d');
    log.upsert(parseDecision('d/0007-x.md', '# X'));
    assert.equal(decisionFileName(log.nextNumber(), 'Use Kafka'), '0008-use-kafka.md');
  });

  for (const name of ['madr', 'nygard'] as const) {
    it(`the ${name} template renders a decision that parses with its values and no problems but the owner's`, () => {
      const { text, cursorOffset } = renderTemplate(BUILT_IN_TEMPLATES[name], { number: 8, title: 'Use Kafka', date: '2026-11-26', owner: 'hoe' });
      const d = parseDecision('d/0008-use-kafka.md', text);
      assert.equal(d.title?.value, 'Use Kafka');
      assert.equal(d.status?.value, 'proposed');
      assert.equal(d.date?.value, '2026-11-26');
      assert.equal(text.slice(cursorOffset - 2, cursorOffset), '\n\n', 'cursor on an empty line');
      assert.ok(!text.includes('{{'));
      const log = new DecisionLog('d');
      log.upsert(d);
      const codes = lintDecision(d, log, defaultConfig()).map((p) => p.code);
      assert.deepEqual(codes, []);
      assert.equal(d.owner?.value, 'hoe');
    });
  }

  it('records the owner even when a repository template has no {{owner}}', () => {
    const { text, cursorOffset } = renderDecision('# {{title}}\n\n## Context\n\n{{cursor}}\n', { number: 3, title: 'T', date: 'D', owner: 'cto' });
    assert.equal(text, '---\nowner: cto\n---\n# T\n\n## Context\n\n\n');
    assert.equal(text.slice(0, cursorOffset), '---\nowner: cto\n---\n# T\n\n## Context\n\n');
  });

  it('fills only the known placeholders of a repository template', () => {
    const { text } = renderTemplate('# {{id}}: {{ title }}\n{{unknown}} {{number}}\n', { number: 3, title: 'T', date: 'D', owner: 'O' });
    assert.equal(text, '# ADR-0003: T\n{{unknown}} 3\n');
  });
});
