import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  match: string;
  captures: Record<string, { name: string }>;
}

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'adr-roles.frontmatter.injection.json'), 'utf8')) as {
  injectionSelector: string;
  repository: Record<string, Rule>;
};

/** The scope each capture gets on a line, with the grammar's own regular expressions (plain Oniguruma-compatible syntax). */
function scopes(line: string): Record<string, string> {
  for (const rule of Object.values(grammar.repository)) {
    const m = new RegExp(rule.match).exec(line);
    if (!m) continue;
    return Object.fromEntries(Object.entries(rule.captures).filter(([i]) => m[Number(i)] !== undefined).map(([i, c]) => [m[Number(i)] ?? '', c.name]));
  }
  return {};
}

describe('frontmatter injection grammar', () => {
  it('is injected only into markdown frontmatter', () => {
    assert.equal(grammar.injectionSelector, 'L:meta.embedded.block.frontmatter');
  });

  it('highlights the owner field and its role', () => {
    assert.deepEqual(scopes('owner: cto'), { owner: 'keyword.other.role-field.adr-roles', ':': 'punctuation.separator.key-value.mapping.yaml', cto: 'entity.name.type.role.adr-roles' });
  });

  it('highlights relations, triggers and elevation', () => {
    assert.equal(scopes('overrides: ADR-0003')['ADR-0003'], 'variable.other.constant.decision-ref.adr-roles');
    assert.equal(scopes('trigger: new-resource')['new-resource'], 'constant.language.trigger.adr-roles');
    assert.equal(scopes('elevated-from: hoe').hoe, 'entity.name.type.role.adr-roles');
    assert.equal(scopes('trigger-detail: Data team hired')['trigger-detail'], 'keyword.other.role-field.adr-roles');
  });

  it('leaves other fields and look-alike keys alone', () => {
    assert.deepEqual(scopes('status: accepted'), {});
    assert.deepEqual(scopes('co-owner: cto'), {});
  });
});
