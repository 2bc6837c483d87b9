import { strict as assert } from 'node:assert';
import { completionAt } from '../../src/core/views/completion';
import { defaultConfig, mergeConfig, readConfig } from '../../src/core/workspace/config';
import { parseDecision } from '../../src/core/read/parse';

const TEXT = '---\nstatus: prop\nowner: \ntrigger: \ntitle: x\n---\n# T\nowner: \n';
const decision = parseDecision('d/0001-t.md', TEXT);

describe('frontmatter completion', () => {
  it('offers configured roles after owner:', () => {
    const found = completionAt(TEXT, { line: 2, character: 7 }, decision, defaultConfig());
    assert.deepEqual(found?.items.map((i) => [i.label, i.detail]), [
      ['cto', 'CTO (strategy)'],
      ['hoe', 'Head of Engineering (execution)'],
    ]);
    assert.deepEqual(found?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } });
  });

  it('offers statuses, replacing what is typed', () => {
    const found = completionAt(TEXT, { line: 1, character: 12 }, decision, defaultConfig());
    assert.ok(found?.items.some((i) => i.label === 'proposed'));
    assert.deepEqual(found?.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 12 } });
  });

  it('offers triggers', () => {
    assert.deepEqual(completionAt(TEXT, { line: 3, character: 9 }, decision, defaultConfig())?.items.map((i) => i.label), ['new-resource', 'new-requirement']);
  });

  it('offers nothing for other fields, before the colon, or outside the frontmatter', () => {
    assert.equal(completionAt(TEXT, { line: 4, character: 8 }, decision, defaultConfig()), null);
    assert.equal(completionAt(TEXT, { line: 2, character: 3 }, decision, defaultConfig()), null);
    assert.equal(completionAt(TEXT, { line: 7, character: 7 }, decision, defaultConfig()), null);
  });
});

describe('mergeConfig', () => {
  it('lets settings replace roles, add severities and pick the template', () => {
    const { config } = readConfig('rules:\n  missing-owner: error\ntemplate: nygard\n');
    const merged = mergeConfig(config, { roles: [{ id: 'founder', label: '', kind: '' }], severities: { 'unknown-owner': 'off', bogus: 'loud' }, template: '' });
    assert.deepEqual(merged.roles, [{ id: 'founder', label: 'founder', kind: 'other' }]);
    assert.deepEqual(merged.severities, { 'missing-owner': 'error', 'unknown-owner': 'off' });
    assert.equal(merged.template, 'nygard');
  });

  it('keeps the repository roles when settings name none', () => {
    assert.deepEqual(mergeConfig(defaultConfig(), { roles: [] }).roles.map((r) => r.id), ['cto', 'hoe']);
  });
});

describe('frontmatter completion keeps what follows the value', () => {
  it('replaces only the value before a comment', () => {
    const text = '---\nowner: hoe # decided in standup\n---\n';
    const found = completionAt(text, { line: 1, character: 10 }, parseDecision('d/0001-x.md', text), defaultConfig());
    assert.deepEqual(found?.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } });
  });

  it('inserts at the cursor when what follows is another field', () => {
    const text = '---\nowner: decision-makers: [CTO]\n---\n';
    const found = completionAt(text, { line: 1, character: 7 }, parseDecision('d/0001-x.md', text), defaultConfig());
    assert.deepEqual(found?.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } });
  });
});
