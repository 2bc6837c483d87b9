import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_FOLDERS, discover, isDecisionFileName } from '../../src/core/workspace/discovery';
import { loadWorkspace } from '../../src/core/workspace/load';
import { memoryFileSystem } from './helpers';

describe('discover', () => {
  it('uses the folders and roles of .adr-roles.yml first', async () => {
    const fs = memoryFileSystem({
      'repo/.adr-roles.yml': 'folders: [architecture/records]\nroles:\n  - { id: founder, label: Founder, kind: strategy }\n',
      'repo/architecture/records/0001-x.md': '# X',
      'repo/docs/adr/0001-y.md': '# Y',
    });
    const found = await discover(fs, 'repo');
    assert.deepEqual(found.folders, ['repo/architecture/records']);
    assert.deepEqual(found.config.roles.map((r) => r.id), ['founder']);
    assert.equal(found.configFile, 'repo/.adr-roles.yml');
  });

  it("reads adr-tools' .adr-dir and log4brains' packages", async () => {
    const fs = memoryFileSystem({
      'r/.adr-dir': 'doc/architecture\n',
      'r/.log4brains.yml': 'project:\n  name: r\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      path: ./api\n      adrFolder: ./api/adr\n',
    });
    const found = await discover(fs, 'r');
    assert.deepEqual(found.folders, ['r/doc/architecture', 'r/docs/adr', 'r/api/adr']);
    assert.equal(found.sources.get('r/api/adr'), '.log4brains.yml');
  });

  it('falls back to common folders that hold decisions', async () => {
    const fs = memoryFileSystem({ 'docs/decisions/0001-x.md': '# X', 'docs/adr/README.md': '# Index', 'adr/0001-y.md': '# Y' });
    const found = await discover(fs, '.');
    assert.deepEqual(found.folders, ['docs/decisions', 'adr']);
  });

  it('finds the architecture/decisions folders adr-tools users name in .adr-dir', async () => {
    const fs = memoryFileSystem({ 'doc/architecture/decisions/0001-x.md': '# 1. X', 'architecture/decisions/0001-y.md': '# 1. Y' });
    const found = await discover(fs, '.');
    assert.deepEqual(found.folders, ['doc/architecture/decisions', 'architecture/decisions']);
  });

  it('names every common folder in an activation event, so the extension starts where it would find decisions', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { activationEvents: string[] };
    const events = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:') && e.endsWith('/*.md'));
    assert.deepEqual(events.map((e) => e.slice('workspaceContains:'.length, -'/*.md'.length)), COMMON_FOLDERS);
  });

  it('reports configuration problems where they were written and keeps the defaults', async () => {
    const fs = memoryFileSystem({ 'r/.adr-roles.yml': 'rules:\n  missing-owner: loud\nroles: nope\n' });
    const found = await discover(fs, 'r');
    assert.deepEqual(found.configProblems.map((p) => [p.code, p.range.start.line]), [['invalid-config', 1], ['invalid-config', 2]]);
    assert.deepEqual(found.config.roles.map((r) => r.id), ['cto', 'hoe']);
  });

  it('loads every decision of the discovered folders', async () => {
    const fs = memoryFileSystem({ 'docs/adr/0001-x.md': '# X', 'docs/adr/0002-y.md': '# Y', 'docs/adr/template.md': '# T' });
    const { catalog } = await loadWorkspace(fs, '.');
    assert.deepEqual(catalog.decisions().map((d) => d.id), ['ADR-0001', 'ADR-0002']);
  });
});

describe('isDecisionFileName', () => {
  it('skips READMEs, indexes and templates', () => {
    assert.deepEqual(
      ['0001-x.md', 'README.md', 'index.md', 'adr-template.md', 'template.md', 'notes.txt', '.hidden.md', '20200101-y.markdown', '0019-minimal-template.md'].filter(isDecisionFileName),
      ['0001-x.md', '20200101-y.markdown', '0019-minimal-template.md'],
    );
  });
});

describe('configuration mistakes are reported, never silently ignored', () => {
  it('a misspelled or outside folder is an error at its entry, and no folder is used instead', async () => {
    const fs = memoryFileSystem({
      'r/.adr-roles.yml': 'folders:\n  - docs/decsions\n  - ../elsewhere\n',
      'r/docs/decisions/0001-x.md': '# X',
    });
    const found = await discover(fs, 'r');
    assert.deepEqual(found.folders, []);
    assert.deepEqual(
      found.configProblems.map((p) => [p.severity, p.range.start.line, p.message]),
      [
        ['error', 1, "Folder 'docs/decsions' does not exist"],
        ['error', 2, "Folder '../elsewhere' is outside the repository: decision folders are folders inside the repository, never links"],
      ],
    );
  });

  it('unknown keys, rule names and role kinds are warnings; a missing template file is an error', async () => {
    const fs = memoryFileSystem({
      'r/.adr-roles.yml': 'foldrs: [docs]\nrules:\n  missing-ownr: error\nroles:\n  - { id: cpo, label: CPO, kind: stratgy }\ntemplate: docs/missing-template.md\n',
    });
    const found = await discover(fs, 'r');
    assert.deepEqual(
      found.configProblems.map((p) => [p.severity, p.range.start.line, p.message.split(':')[0]]),
      [
        ['warning', 0, "Unknown key 'foldrs'"],
        ['warning', 2, "Unknown rule 'missing-ownr'"],
        ['warning', 4, "Role 'cpo' has kind 'stratgy'"],
        ['error', 5, "Template 'docs/missing-template.md' is neither a built-in template (madr, nygard, log4brains, madr2) nor a readable file"],
      ],
    );
  });

  it('a template outside the repository is refused, never read, and each folder\'s built-in template is used', async () => {
    for (const template of ['../secrets.md', '/etc/passwd', 'docs/../../x.md']) {
      const files = { 'r/.adr-roles.yml': `folders: [docs]\ntemplate: ${template}\n`, 'r/docs/0001-x.md': '# X', 'secrets.md': 'secret', 'x.md': 'secret' };
      const reads: string[] = [];
      const memory = memoryFileSystem(files);
      const found = await discover({ ...memory, readText: (path) => (reads.push(path), memory.readText(path)) }, 'r');
      assert.equal(found.config.template, '', template);
      assert.deepEqual(found.configProblems.map((p) => p.message), [`Template '${template}' is outside the repository: the built-in template of each folder's format is used`]);
      assert.deepEqual(reads, ['r/.adr-roles.yml'], template);
    }
  });
});
