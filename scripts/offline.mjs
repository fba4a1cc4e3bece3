// Writes dist/sw.js: the service worker (static/sw.js) with the list of the first load's
// files and a hash of their content, so that any change to the app makes a new version
// that the phone installs on its next visit. Runs after the build (scripts/tools.sh).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = new URL('../dist/', import.meta.url).pathname;
const source = new URL('../static/sw.js', import.meta.url).pathname;
// Fetched only when needed, and kept then; embed.js is for host pages, not the app.
const LATER = /^(charts(_bg\.wasm|\.js|_loader\.js)|drawn\.css|icon[-.].*|embed\.js|sw\.js)$/;

const files = readdirSync(dist)
  .filter((name) => statSync(join(dist, name)).isFile() && !LATER.test(name))
  .sort();
const hash = createHash('sha256');
for (const name of files) hash.update(name).update(readFileSync(join(dist, name)));
// The language packs are fetched when chosen, not cached ahead; a changed pack is still a
// new version, so that a phone never keeps a pack older than its app. Written without
// the indentation the source has for translators.
const langs = join(dist, 'lang');
for (const name of readdirSync(langs).filter((n) => n.endsWith('.json')).sort()) {
  const text = JSON.stringify(JSON.parse(readFileSync(join(langs, name), 'utf8')));
  writeFileSync(join(langs, name), text);
  hash.update(`lang/${name}`).update(text);
}
const version = hash.digest('hex').slice(0, 16);
// The page is cached as the directory ('./'): that is the address the phone opens.
const list = files.map((name) => (name === 'index.html' ? './' : `./${name}`));
const worker = `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(list)};\n${readFileSync(source, 'utf8')}`;
const small = await minify(worker, { ecma: 2020, compress: { passes: 2 }, mangle: true });
if (typeof small.code !== 'string') throw new Error('terser gave nothing for sw.js');
writeFileSync(join(dist, 'sw.js'), small.code);
console.log(`sw.js: version ${version}, ${files.length} files cached for offline use`);
