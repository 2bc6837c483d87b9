// Prints what `npm run package` made: the .vsix's size and the bundles inside it, so a bundle that
// grows (a dependency pulled into the extension by mistake) is seen at packaging time. Fails when a
// bundle the extension loads is not in the .vsix: the chunks of dist/lazy are required only when
// first used, so a package without one would activate and break later.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const jsUnder = (dir) => readdirSync(dir).filter((n) => n.endsWith('.js')).sort().map((n) => `${dir}/${n}`);
const bundles = ['dist/extension.js', ...jsUnder('dist/lazy'), ...jsUnder('dist/webview')];

/** The file names in a zip archive, from its central directory. */
function zipEntries(path) {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip archive`);
  const names = new Set();
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: unreadable central directory`);
    const nameLength = zip.readUInt16LE(at + 28);
    names.add(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

const packaged = zipEntries('dist/adr-roles.vsix');
const missing = bundles.filter((file) => !packaged.has(`extension/${file}`));

const rows = [['dist/adr-roles.vsix', statSync('dist/adr-roles.vsix').size]];
for (const file of bundles) rows.push([file.startsWith('dist/lazy/') ? `${file} (loaded on first use)` : file, statSync(file).size]);
rows.push(['dist/cli.js (npm package)', statSync('dist/cli.js').size]);
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, size] of rows) console.log(`${name.padEnd(width)}  ${kib(size).padStart(10)}`);
if (missing.length > 0) {
  console.error(`not in dist/adr-roles.vsix (see .vscodeignore): ${missing.join(', ')}`);
  process.exitCode = 1;
}
