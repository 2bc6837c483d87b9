import { strict as assert } from 'node:assert';
import { isBelow, lexicalRefusal, readInside, relativeBelow, resolveInside, writeRefusal, NAMED_FILE_MAX_BYTES } from '../../src/core/workspace/containment';
import { defaultConfig } from '../../src/core/workspace/config';
import { discover } from '../../src/core/workspace/discovery';
import { BUILT_IN_TEMPLATES, templateText } from '../../src/core/edit/scaffold';
import { linkedFileSystem, type LinkedTree } from './helpers';

const DECISION = '---\nowner: cto\n---\n# Use Kafka\n';

describe('the containment rule on a path as written', () => {
  it('refuses absolute paths, drives, network shares and any .. step, in either separator', () => {
    for (const path of ['/etc/passwd', '\\etc\\passwd', 'C:/Users/me/.ssh/id_rsa', 'C:\\Users\\me', 'c:relative', '\\\\server\\share\\x', '//server/share/x', '../victim', 'docs/../../x', 'docs\\..\\..\\x', '..', 'a\0b']) {
      assert.ok(lexicalRefusal(path), `${JSON.stringify(path)} was accepted`);
    }
  });

  it('accepts plain relative paths, dots inside names included', () => {
    for (const path of ['docs/adr', './docs/adr', 'docs/adr/', '.adr-dir', 'docs/..x', 'x..y/z', 'docs\\adr', '.']) assert.equal(lexicalRefusal(path), undefined, path);
  });

  it('tells a path below a root from one beside it', () => {
    assert.equal(relativeBelow('/r', '/r/docs/adr'), 'docs/adr');
    assert.equal(relativeBelow('/r', '/r'), '.');
    assert.equal(relativeBelow('/r', '/rx/docs'), undefined);
    assert.equal(relativeBelow('/r', '/r/../x'), undefined);
    assert.equal(relativeBelow('.', 'docs/adr'), 'docs/adr');
    assert.equal(relativeBelow('.', '../x'), undefined);
    assert.equal(relativeBelow('.', '/etc'), undefined);
    assert.ok(isBelow('/r/docs', '/r') && isBelow('C:\\r\\docs', 'C:/r') && !isBelow('/rx', '/r') && isBelow('/x', '/'));
  });
});

describe('the containment rule on disk', () => {
  const fs = () =>
    linkedFileSystem({
      files: { 'r/docs/adr/0001-x.md': DECISION, 'r/tpl.md': '# {{title}}', 'home/.ssh/id_rsa': 'PRIVATE KEY', 'elsewhere/0001-v.md': DECISION },
      links: { 'r/key.md': 'home/.ssh/id_rsa', 'r/templates': 'home/.ssh', 'r/docs/decisions': 'elsewhere', 'r/inner.md': 'r/tpl.md', 'r/dangling.md': 'nowhere/x.md' },
      others: ['r/pipe'],
    });

  it('resolves a real folder or file inside the root', async () => {
    assert.deepEqual(await resolveInside(fs(), 'r', 'docs/adr', 'directory'), { path: 'r/docs/adr' });
    assert.deepEqual(await resolveInside(fs(), 'r', './tpl.md', 'file'), { path: 'r/tpl.md' });
    assert.deepEqual(await resolveInside(fs(), 'r', 'docs/none', 'directory'), { missing: true });
  });

  it('refuses a link at the last step or on the way, even one that points inside, and a special file', async () => {
    assert.deepEqual(await resolveInside(fs(), 'r', 'key.md', 'file'), { refused: 'is a symbolic link' });
    assert.deepEqual(await resolveInside(fs(), 'r', 'inner.md', 'file'), { refused: 'is a symbolic link' });
    assert.deepEqual(await resolveInside(fs(), 'r', 'templates/id_rsa', 'file'), { refused: "goes through the symbolic link 'templates'" });
    assert.deepEqual(await resolveInside(fs(), 'r', 'docs/decisions', 'directory'), { refused: 'is a symbolic link' });
    assert.deepEqual(await resolveInside(fs(), 'r', 'pipe', 'file'), { refused: 'is not a regular file (a device, pipe or socket)' });
  });

  it('refuses what resolves outside the root, when only the real path can tell', async () => {
    const base = fs();
    // A bind mount or a link the file system does not report as one: only realPath sees it.
    const hidden = { ...base, kind: undefined, realPath: (path: string) => Promise.resolve(path === 'r' ? '/r' : '/elsewhere') };
    assert.deepEqual(await resolveInside(hidden, 'r', 'docs/adr', 'directory'), { refused: 'resolves outside the repository' });
  });

  it('reads a configuration file or template bounded, never through a link, never a special file, never over the bound', async () => {
    const files = fs();
    assert.deepEqual(await readInside(files, 'r', 'tpl.md'), { text: '# {{title}}' });
    assert.deepEqual(await readInside(files, 'r', 'key.md'), { refused: 'is a symbolic link' });
    // The pipe's read would never return: refused before it is opened.
    assert.deepEqual(await readInside(files, 'r', 'pipe'), { refused: 'is not a regular file (a device, pipe or socket)' });
    const large = linkedFileSystem({ files: { 'r/.adr-roles.yml': 'x'.repeat(NAMED_FILE_MAX_BYTES + 1) } });
    assert.deepEqual(await readInside(large, 'r', '.adr-roles.yml'), { refused: 'is larger than 256 KB' });
    assert.deepEqual(files.reads.concat(large.reads), ['r/tpl.md'], 'a refused file was opened');
  });

  it('lets a file be written only through real folders below the root, and never a link, dangling or not', async () => {
    assert.equal(await writeRefusal(fs(), 'r', 'r/docs/adr/README.md'), undefined);
    assert.equal(await writeRefusal(fs(), 'r', 'r/docs/adr/0001-x.md'), undefined);
    assert.equal(await writeRefusal(fs(), 'r', 'r/new/folder/0001-y.md'), undefined, 'missing folders may be created');
    assert.equal(await writeRefusal(fs(), 'r', 'r/dangling.md'), 'is a symbolic link');
    assert.equal(await writeRefusal(fs(), 'r', 'r/key.md'), 'is a symbolic link');
    assert.equal(await writeRefusal(fs(), 'r', 'r/docs/decisions/README.md'), "goes through the symbolic link 'docs/decisions'");
    assert.equal(await writeRefusal(fs(), 'r', 'r/pipe'), 'is not a regular file (a device, pipe or socket)');
    assert.equal(await writeRefusal(fs(), 'r', 'r/tpl.md/x.md'), "goes through 'tpl.md', which is a file, not a folder");
    assert.equal(await writeRefusal(fs(), 'r', 'victim/x.md'), 'is outside the repository');
    assert.equal(await writeRefusal(fs(), 'r', 'r'), 'is outside the repository');
    assert.equal(await writeRefusal(fs(), 'r', 'r/docs/decisions', 'directory'), 'is a symbolic link');
  });
});

describe('discovery under the containment rule', () => {
  it('refuses .adr-dir and .log4brains.yml folders outside the repository, at the line that names them', async () => {
    const fs = linkedFileSystem({
      files: {
        'r/.adr-dir': '../victim\n',
        'r/.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      adrFolder: ../../victim\n',
        'r/docs/adr/0001-x.md': DECISION,
        'victim/0001-v.md': DECISION,
      },
    });
    const found = await discover(fs, 'r');
    assert.deepEqual(found.folders, ['r/docs/adr']);
    assert.deepEqual(
      found.refused.map((r) => [r.file, r.problem.code, r.problem.range.start.line, r.what]),
      [
        ['r/.adr-dir', 'invalid-config', 0, "Folder '../victim' is outside the repository"],
        ['r/.log4brains.yml', 'invalid-config', 4, "Folder '../../victim' is outside the repository"],
      ],
    );
    assert.equal(found.refused[0]?.problem.range.end.character, '../victim'.length);
    assert.ok(!fs.reads.some((r) => r.startsWith('victim')), 'a file outside was read');
  });

  it('refuses a decision folder that is a link, and does not put a common folder in its place', async () => {
    const fs = linkedFileSystem({ files: { 'r/.adr-roles.yml': 'folders: [docs/decisions]\n', 'elsewhere/0001-v.md': DECISION, 'r/decisions/0001-x.md': DECISION }, links: { 'r/docs/decisions': '../elsewhere' } });
    const found = await discover(fs, 'r');
    assert.deepEqual(found.folders, []);
    assert.deepEqual(found.configProblems.map((p) => [p.range.start.line, p.message]), [[0, "Folder 'docs/decisions' is a symbolic link: decision folders are folders inside the repository, never links"]]);
    assert.equal(found.refused[0]?.problem, found.configProblems[0]);
  });

  it('passes over a common folder that is a link, and says so only when nothing else is found', async () => {
    const files = { 'elsewhere/0001-v.md': DECISION };
    const alone = await discover(linkedFileSystem({ files, links: { 'r/docs/decisions': '../elsewhere' } }), 'r');
    assert.deepEqual(alone.folders, []);
    assert.deepEqual(alone.refused.map((r) => [r.file, r.what]), [['r/docs/decisions', "Folder 'docs/decisions' is a symbolic link"]]);
    const beside = await discover(linkedFileSystem({ files: { ...files, 'r/docs/adr/0001-x.md': DECISION }, links: { 'r/adr': 'docs/adr' } }), 'r');
    assert.deepEqual([beside.folders, beside.refused], [['r/docs/adr'], []]);
  });

  it('never opens configuration that is a link, a pipe or too large, and uses the common folders with the defaults', async () => {
    const trees: LinkedTree[] = [
      { files: { 'r/docs/decisions/0001-x.md': DECISION }, links: { 'r/.adr-roles.yml': '/dev/stdin', 'r/.adr-dir': '/dev/zero' } },
      { files: { 'r/docs/decisions/0001-x.md': DECISION }, others: ['r/.adr-roles.yml', 'r/.adr-dir'] },
      { files: { 'r/docs/decisions/0001-x.md': DECISION, 'r/.adr-roles.yml': `roles: []\n${'#'.repeat(NAMED_FILE_MAX_BYTES)}`, 'r/.adr-dir': 'x'.repeat(NAMED_FILE_MAX_BYTES + 1) } },
    ];
    for (const tree of trees) {
      const fs = linkedFileSystem(tree);
      const found = await discover(fs, 'r');
      assert.deepEqual(found.folders, ['r/docs/decisions']);
      assert.deepEqual(found.refused.map((r) => r.file), ['r/.adr-roles.yml', 'r/.adr-dir']);
      assert.equal(found.configFile, undefined);
      assert.ok(!fs.reads.some((r) => r.endsWith('.adr-roles.yml') || r.endsWith('.adr-dir')), `opened: ${fs.reads.join(', ')}`);
    }
  });

  it('refuses a template that is a link, goes through one, or names a drive or share, at the template line', async () => {
    for (const template of ['key.md', 'templates/id_rsa', 'C:/Users/me/.ssh/id_rsa', 'C:\\Users\\me\\secret.md', '\\\\server\\share\\t.md', '//server/share/t.md']) {
      const fs = linkedFileSystem({
        files: { 'r/.adr-roles.yml': `folders: [docs]\ntemplate: '${template}'\n`, 'r/docs/0001-x.md': DECISION, 'home/.ssh/id_rsa': 'PRIVATE KEY' },
        links: { 'r/key.md': '/proc/self/environ', 'r/templates': 'home/.ssh' },
      });
      const found = await discover(fs, 'r');
      assert.equal(found.config.template, '', template);
      assert.deepEqual(found.configProblems.map((p) => [p.code, p.range.start.line]), [['invalid-config', 1]], template);
      assert.match(found.configProblems[0]?.message ?? '', /^Template '.*' (is a symbolic link|goes through the symbolic link 'templates'|is outside the repository): the built-in template/);
      assert.deepEqual(fs.reads, ['r/.adr-roles.yml'], template);
    }
  });

  it('checks a template again when it is used: a link made since gives the built-in one and says why', async () => {
    const fs = linkedFileSystem({ files: { 'home/.ssh/id_rsa': 'PRIVATE KEY' }, links: { 'r/tpl.md': '../home/.ssh/id_rsa' } });
    const config = { ...defaultConfig(), template: 'tpl.md' };
    const chosen = await templateText(fs, 'r', config, 'nygard');
    assert.equal(chosen.text, BUILT_IN_TEMPLATES.nygard);
    assert.deepEqual(chosen.notUsed, { refused: true, message: "The template 'tpl.md' is a symbolic link" });
    assert.deepEqual(fs.reads, []);
  });
});
