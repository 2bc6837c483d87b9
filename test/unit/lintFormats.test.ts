import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { escapeData, escapeProperty, formatLintResults, githubAnnotations, lintOutcome, sarifLog, type FileProblem } from '../../src/core/views/lintFormats';
import { PROBLEM_CODES } from '../../src/core/problemCodes';

const TOOL = { version: '1.2.3', informationUri: 'https://github.com/adr-roles/adr-roles' };

/** The official SARIF 2.1.0 schema, as Microsoft's SARIF SDK ships it on npm. */
const SCHEMA_FILE = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function problem(file: string, code: string, severity: FileProblem['severity'], message: string, line = 0, character = 0, endCharacter = 10): FileProblem {
  return { file, code, severity, message, range: { start: { line, character }, end: { line, character: endCharacter } } };
}

const PROBLEMS: FileProblem[] = [
  problem('docs/decisions/0001-a.md', 'missing-owner', 'warning', 'ADR-0001 has no owner', 5, 0, 12),
  problem('docs/my decisions/0002-b.md', 'broken-relation', 'error', "ADR-0002 supersedes ADR-0009, which is not in the folder", 2, 13, 21),
  problem('docs/decisions/0003-c.md', 'unfilled-placeholder', 'info', 'status still says {proposed | accepted}'),
  problem('docs/decisions/0004-d.md', 'unreadable-file', 'error', 'the file could not be read', 0, 0, 0),
];

describe('lint output formats', () => {
  it('SARIF validates against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    // Draft-04, as published; its language-tag pattern is only valid outside unicode mode, so that is off.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    for (const problems of [PROBLEMS, []]) {
      const log = JSON.parse(formatLintResults(problems, 'sarif', { colour: false, tool: TOOL })) as unknown;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    }
    const wrong = sarifLog(PROBLEMS, TOOL) as { runs: { results: Record<string, unknown>[] }[] };
    const first = wrong.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    assert.equal(validate(wrong), false, 'the schema is live: a level SARIF does not know fails');
  });

  it('SARIF carries rule metadata and 1-based regions', () => {
    const log = sarifLog(PROBLEMS, TOOL) as { runs: { tool: { driver: { rules: Record<string, unknown>[]; version: string } }; results: Record<string, unknown>[] }[] };
    const [run] = log.runs;
    assert.ok(run);
    const rules = run.tool.driver.rules;
    assert.equal(run.tool.driver.version, '1.2.3');
    for (const code of Object.keys(PROBLEM_CODES)) assert.ok(rules.some((r) => r.id === code), code);
    assert.deepEqual(
      rules.find((r) => r.id === 'duplicate-number'),
      {
        id: 'duplicate-number',
        name: 'DuplicateNumber',
        shortDescription: { text: PROBLEM_CODES['duplicate-number'].summary },
        helpUri: 'https://github.com/adr-roles/adr-roles#duplicate-number',
        defaultConfiguration: { level: 'error' },
      },
    );
    assert.deepEqual(rules.find((r) => r.id === 'unfilled-placeholder')?.defaultConfiguration, { level: 'warning' });
    const broken = run.results[1];
    assert.deepEqual(broken, {
      ruleId: 'broken-relation',
      ruleIndex: rules.findIndex((r) => r.id === 'broken-relation'),
      level: 'error',
      message: { text: PROBLEMS[1]?.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/my%20decisions/0002-b.md' }, region: { startLine: 3, startColumn: 14, endLine: 3, endColumn: 22 } } }],
    });
    assert.equal(run.results[2]?.level, 'note', 'info is a SARIF note');
  });

  it('github annotations pick the command by severity and escape data and properties', () => {
    const out = githubAnnotations(PROBLEMS);
    const lines = out.split('\n');
    assert.equal(lines[0], '::warning file=docs/decisions/0001-a.md,line=6,col=1,endLine=6,endColumn=13,title=missing-owner::ADR-0001 has no owner');
    assert.match(lines[1] ?? '', /^::error file=docs\/my decisions\/0002-b\.md,line=3,col=14,endLine=3,endColumn=22,title=broken-relation::ADR-0002 supersedes/);
    assert.match(lines[2] ?? '', /^::notice /);
    assert.equal(lines.length, 5, 'one line per problem and a final newline');
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    const tricky = githubAnnotations([problem('docs/a,b:c.md', 'missing-owner', 'warning', 'line one\nline two 100%')]);
    assert.equal(tricky, '::warning file=docs/a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=11,title=missing-owner::line one%0Aline two 100%25\n');
  });

  it('json gives 1-based positions; stylish groups by file and counts, coloured only when asked', () => {
    const json = JSON.parse(formatLintResults(PROBLEMS.slice(0, 1), 'json', { colour: false, tool: TOOL })) as unknown;
    assert.deepEqual(json, [{ file: 'docs/decisions/0001-a.md', line: 6, column: 1, endLine: 6, endColumn: 13, code: 'missing-owner', severity: 'warning', message: 'ADR-0001 has no owner' }]);
    const plain = formatLintResults(PROBLEMS, 'stylish', { colour: false, tool: TOOL });
    assert.match(plain, /^docs\/decisions\/0001-a\.md\n {2}6:1 +warning +ADR-0001 has no owner {2}missing-owner\n/);
    assert.match(plain, /4 problems \(2 errors, 1 warning, 1 info\)\n$/);
    assert.ok(!plain.includes('\x1b['));
    assert.ok(formatLintResults(PROBLEMS, 'stylish', { colour: true, tool: TOOL }).includes('\x1b[31merror'));
    assert.equal(formatLintResults([], 'stylish', { colour: false, tool: TOOL }), 'No problems.\n');
    assert.equal(formatLintResults([], 'github', { colour: false, tool: TOOL }), '');
  });

  it('--quiet keeps errors; --max-warnings fails on more warnings than allowed', () => {
    const warnings = [PROBLEMS[0], PROBLEMS[0], PROBLEMS[2]].filter((p): p is FileProblem => p !== undefined);
    assert.deepEqual(lintOutcome(warnings, { quiet: false, maxWarnings: undefined }).exitCode, 0);
    assert.deepEqual(lintOutcome(warnings, { quiet: false, maxWarnings: 2 }).exitCode, 0, 'two warnings are not more than two');
    assert.deepEqual(lintOutcome(warnings, { quiet: false, maxWarnings: 1 }), { shown: warnings, exitCode: 1, tooManyWarnings: true });
    assert.deepEqual(lintOutcome(warnings, { quiet: true, maxWarnings: 0 }), { shown: [], exitCode: 0, tooManyWarnings: false });
    const quiet = lintOutcome(PROBLEMS, { quiet: true, maxWarnings: undefined });
    assert.deepEqual(quiet.shown.map((p) => p.code), ['broken-relation', 'unreadable-file']);
    assert.equal(quiet.exitCode, 1);
  });
});
