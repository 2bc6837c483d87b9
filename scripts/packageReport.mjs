// Prints what `npm run package` made: the .vsix's size and the bundles inside it, so a bundle that
// grows (a dependency pulled into the extension by mistake) is seen at packaging time.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const rows = [['dist/adr-roles.vsix', statSync('dist/adr-roles.vsix').size], ['dist/extension.js', statSync('dist/extension.js').size]];
for (const name of readdirSync('dist/webview').filter((n) => n.endsWith('.js')).sort()) rows.push([`dist/webview/${name}`, statSync(join('dist/webview', name)).size]);
rows.push(['dist/cli.js (npm package)', statSync('dist/cli.js').size]);
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, size] of rows) console.log(`${name.padEnd(width)}  ${kib(size).padStart(10)}`);
