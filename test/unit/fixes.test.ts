import { strict as assert } from 'node:assert';
import { DecisionLog } from '../../src/core/catalog';
import { defaultConfig, readConfig } from '../../src/core/config';
import { fixesFor } from '../../src/core/fixes';
import { applyEdits } from '../../src/core/textEdit';
import { lintDecision } from '../../src/core/lint';
import { parseDecision } from '../../src/core/parse';
import { fixtureText } from './helpers';

const TODAY = '2026-11-26';

/** Lints one file, applies the fix with the given title, and returns the new text. */
function fixed(file: string, text: string, code: string, title?: string, config = defaultConfig()): string {
  const log = new DecisionLog('d');
  const decision = parseDecision(file, text);
  log.upsert(decision);
  const problem = lintDecision(decision, log, config).find((p) => p.code === code);
  assert.ok(problem, `a ${code} problem`);
  const fixes = fixesFor(problem, { text, decision, config, today: TODAY });
  const fix = title ? fixes.find((f) => f.title === title) : fixes[0];
  assert.ok(fix, `fix "${title}" among ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits);
}

describe('quick fixes', () => {
  it('missing-owner: one fix per role, inserting one line after the date', () => {
    const text = '---\nstatus: proposed\ndate: 2021-01-01\nconsulted: []\n---\n# X\n\nBody stays.\n';
    assert.equal(fixed('d/0001-x.md', text, 'missing-owner', 'Set owner: CTO (strategy)'), '---\nstatus: proposed\ndate: 2021-01-01\nowner: cto\nconsulted: []\n---\n# X\n\nBody stays.\n');
    assert.equal(fixed('d/0001-x.md', text, 'missing-owner', 'Set owner: Head of Engineering (execution)'), text.replace('2021-01-01\n', '2021-01-01\nowner: hoe\n'));
  });

  it('missing-owner: a file without frontmatter gets one and keeps every byte of the rest', () => {
    const text = fixtureText('nygard/0001-record-architecture-decisions.md');
    const result = fixed('nygard/0001-record-architecture-decisions.md', text, 'missing-owner', 'Set owner: CTO (strategy)');
    assert.equal(result, `---\nowner: cto\n---\n${text}`);
    assert.equal(parseDecision('nygard/0001-record-architecture-decisions.md', result).owner?.value, 'cto');
  });

  it('missing-owner: keeps CRLF line ends and the byte-order mark', () => {
    const text = '\uFEFF---\r\nstatus: accepted\r\n---\r\n# X\r\n';
    assert.equal(fixed('d/0001-x.md', text, 'missing-owner', 'Set owner: CTO (strategy)'), '\uFEFF---\r\nstatus: accepted\r\nowner: cto\r\n---\r\n# X\r\n');
  });

  it('missing-owner: offers configured roles, preferring the only one', () => {
    const { config } = readConfig('roles:\n  - { id: founder, label: Founder, kind: strategy }\n');
    const text = '---\nstatus: accepted\n---\n';
    assert.equal(fixed('d/0001-x.md', text, 'missing-owner', 'Set owner: Founder (strategy)', config), '---\nstatus: accepted\nowner: founder\n---\n');
  });

  it('unknown-owner: replaces only the value', () => {
    const text = '---\nowner: cfo   # finance\n---\n';
    assert.equal(fixed('d/0001-x.md', text, 'unknown-owner', 'Change owner to hoe (Head of Engineering)'), '---\nowner: hoe   # finance\n---\n');
  });

  it("invalid-date: today's date, as the preferred fix", () => {
    const text = '---\nowner: cto\ndate: 2021-02-30\n---\n';
    assert.equal(fixed('d/0001-x.md', text, 'invalid-date'), `---\nowner: cto\ndate: ${TODAY}\n---\n`);
  });

  it('every fix leaves a file without the problem it fixed', () => {
    for (const [text, code] of [
      ['---\nstatus: proposed\n---\n', 'missing-owner'],
      ['# 1. X\n\nDate: 2020-01-01\n', 'missing-owner'],
      ['---\nowner: nobody\n---\n', 'unknown-owner'],
      ['---\nowner: cto\ndate: someday\n---\n', 'invalid-date'],
    ] as const) {
      const after = fixed('d/0001-x.md', text, code);
      const log = new DecisionLog('d');
      const decision = parseDecision('d/0001-x.md', after);
      log.upsert(decision);
      assert.deepEqual(lintDecision(decision, log, defaultConfig()).filter((p) => p.code === code), [], after);
    }
  });
});
