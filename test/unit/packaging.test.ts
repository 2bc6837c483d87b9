import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { treeStructure } from '../../src/core/read/markdownTree';

const ROOT = resolve(__dirname, '..', '..');

interface Manifest {
  engines: { vscode: string };
  icon: string;
  main: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; steps: { id: string; description: string; media: { markdown?: string } }[] }[];
  };
  [key: string]: unknown;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('packaging', () => {
  it('the .vsix holds exactly what runs: bundles, media, grammar and docs', () => {
    // `vsce ls` applies .vscodeignore as `vsce package` does, without zipping; the bundles exist after the test build.
    const listed = execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    assert.deepEqual(listed, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/extension.js',
      'dist/lazy/markdownTree.js',
      'dist/lazy/yaml.js',
      'dist/webview/graph.js',
      'dist/webview/report.js',
      'media/decisions.svg',
      'media/graph.css',
      'media/icon.png',
      'media/panel.css',
      'media/report.css',
      'media/walkthrough/create.md',
      'media/walkthrough/override.md',
      'media/walkthrough/owners.md',
      'media/walkthrough/tree.md',
      'package.json',
      'syntaxes/adr-roles.frontmatter.injection.json',
    ]);
  });

  it('the npm package is the CLI and its docs, built for production before packing', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
    assert.deepEqual(packed[0]?.files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    assert.deepEqual(manifest.bin, { 'adr-roles': 'dist/cli.js' }, 'npx adr-roles runs the CLI');
    assert.match(manifest.scripts.prepack ?? '', /esbuild\.mjs --production/);
    assert.match(manifest.scripts.package ?? '', /esbuild\.mjs --production && vsce package .* && node scripts\/packageReport\.mjs$/);
  });

  it('the manifest is complete for the Marketplace and accepts VS Code 1.139', () => {
    for (const key of ['displayName', 'description', 'publisher', 'icon', 'categories', 'keywords', 'repository', 'license']) assert.ok(manifest[key], key);
    const [, minor] = /^\^1\.(\d+)\.\d+$/.exec(manifest.engines.vscode) ?? [];
    assert.ok(minor !== undefined && Number(minor) <= 139, manifest.engines.vscode);
    const capabilities = manifest.capabilities as Record<string, { supported: boolean; description: string }>;
    for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces']) assert.ok(capabilities[kind]?.supported === true && capabilities[kind].description.length > 40, kind);
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'a 128×128 icon');
  });

  it('the walkthrough has its four steps, each with its media, and buttons only to commands and views that exist', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough?.id, 'gettingStarted');
    assert.equal(walkthrough.title, 'Get started with adr-roles');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['createDecision', 'setOwners', 'seeTree', 'overrideDecision']);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    const views = Object.values(manifest.contributes.views).flat().map((v) => `${v.id}.focus`);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && existsSync(join(ROOT, step.media.markdown)), `${step.id} media`);
      const buttons = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1] ?? '');
      assert.ok(buttons.length > 0, `${step.id} has a button`);
      for (const command of buttons) assert.ok(commands.has(command) || views.includes(command), `${step.id}: ${command}`);
    }
  });
});

describe('the extension bundle', () => {
  it('leaves the YAML parser and the CommonMark tree to chunks it requires when first used', () => {
    const bundle = readFileSync(join(ROOT, 'dist/extension.js'), 'utf8');
    for (const name of ['yaml', 'markdownTree']) assert.ok(bundle.includes(`require("./lazy/${name}.js")`), `dist/extension.js requires dist/lazy/${name}.js`);
    // Names only those libraries hold: micromark's character-entities and the yaml package.
    assert.ok(!bundle.includes('AElig'), 'the CommonMark parser is in dist/extension.js');
    assert.ok(!bundle.includes('YAMLParseError'), 'the YAML parser is in dist/extension.js');
  });

  it('each chunk reads as the module it stands for', () => {
    const load = createRequire(join(ROOT, 'dist/extension.js'));
    const chunk = load('./lazy/markdownTree.js') as { treeStructure: typeof treeStructure };
    const text = '---\nowner: cto\n---\n# Title\n\n```\n# not a heading\n```\n\n> ## quoted\n\nSetext\n===\n';
    const bodyStart = text.indexOf('# Title');
    const read = chunk.treeStructure(text, bodyStart, 3);
    assert.deepEqual(read, treeStructure(text, bodyStart, 3));
    assert.deepEqual(read?.headings.map((h) => h.text), ['Title', 'Setext']);
    const yaml = load('./lazy/yaml.js') as { parseDocument(source: string): { toJS(): unknown } };
    assert.deepEqual(yaml.parseDocument('roles:\n  - id: cto\n    label: "CTO"\n').toJS(), { roles: [{ id: 'cto', label: 'CTO' }] });
  });
});
