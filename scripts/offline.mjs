// Makes dist/ work offline. Runs after the build (scripts/tools.sh), last.
//
// 1. The chart worker's files (trunk's `charts_loader.js`, `charts.js`, `charts_bg.wasm`)
//    get names with a hash of their content (`charts-<hash>.js`, …), and the page names
//    its loader in `<meta name="ugeblik-charts">` (src/session/progress.rs reads it): a page
//    only ever starts the worker of its own build, whatever an older version left in a
//    cache, and a file with a hash in its name may come from the HTTP cache.
// 2. Writes dist/sw.js: the service worker (static/sw.js) with the list of the first
//    load's files (and the English pack), the list of the drawn screens' files (cached
//    when the phone is idle after the first load) and a hash of the content of both, so
//    that any change to the app makes a new version that the phone installs on its next
//    visit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = new URL('../dist/', import.meta.url).pathname;
const source = new URL('../static/sw.js', import.meta.url).pathname;
/** The chart worker's files, with or without the hash of their content. */
const WORKER = /^charts(_loader)?(-[0-9a-f]{16})?(\.js|_bg\.wasm)$/;
/** The drawn screens' files: cached when the phone is idle after the first load. */
const DRAWN = (name) => WORKER.test(name) || name === 'drawn.css' || name === 'caseload.css' || SPLIT.test(name);
/** The page's parts loaded on demand (scripts/split.mjs): cached with the drawn screens. */
const SPLIT = /^ugeblik-split-[0-9a-f]{16}-[\w]+\.wasm$/;
/** The language packs the service worker keeps with the first load's files: English, which
 *  was built in until it became a pack, still opens offline after any first visit (a
 *  portal's `?lang=en`, a citizen who switches on a bus). It is not part of the first load:
 *  the service worker fetches it in the background once it is installed. The other packs
 *  are kept when chosen. */
const KEPT_PACKS = ['lang/en.json'];
// Never cached: the icons (the phone takes them when the app is added to the home
// screen), embed.js (for host pages, not the app) and the service worker itself.
const NEVER = /^(icon[-.].*|embed\.js|sw\.js)$/;

const hex = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const META = /<meta name=["']?ugeblik-charts["']? content=["']?[^"' >]+["']?>/;

/** Renames trunk's worker files to hashed names and names the loader in index.html. */
function hashWorker() {
  const indexPath = join(dist, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  const plain = join(dist, 'charts_loader.js');
  if (!existsSync(plain)) {
    // Already done (the script run twice): the page must name a loader that is there.
    const named = /content=["']?\.\/(charts_loader-[0-9a-f]{16}\.js)/.exec(META.exec(index)?.[0] ?? '');
    if (!named || !existsSync(join(dist, named[1]))) throw new Error('offline.mjs: no chart worker in dist/: build first');
    return named[1];
  }
  // trunk 0.21's loader shim: `importScripts("./charts.js");wasm_bindgen("./charts_bg.wasm");`
  const shim = readFileSync(plain, 'utf8');
  const glue = /importScripts\(\s*["'](\.\/)?(charts\.js)["']\s*\)/.exec(shim);
  const wasm = /wasm_bindgen\(\s*["'](\.\/)?(charts_bg\.wasm)["']\s*\)/.exec(shim);
  if (!glue || !wasm) throw new Error(`offline.mjs: trunk's worker loader is not the one expected:\n${shim}`);
  const glueName = `charts-${hex(readFileSync(join(dist, glue[2])))}.js`;
  const wasmName = `charts-${hex(readFileSync(join(dist, wasm[2])))}_bg.wasm`;
  // A wasm that cannot be fetched (offline, not cached yet) fails the worker with an error
  // the page hears, not a rejected promise nobody sees.
  const loader =
    `importScripts("./${glueName}");` +
    `wasm_bindgen({module_or_path:"./${wasmName}"}).catch(e=>setTimeout(()=>{throw e}));\n`;
  const loaderName = `charts_loader-${hex(loader)}.js`;
  // A worker of an earlier build (trunk leaves files it did not write) goes.
  for (const old of readdirSync(dist)) if (WORKER.test(old) && /-[0-9a-f]{16}/.test(old)) unlinkSync(join(dist, old));
  renameSync(join(dist, glue[2]), join(dist, glueName));
  renameSync(join(dist, wasm[2]), join(dist, wasmName));
  writeFileSync(join(dist, loaderName), loader);
  unlinkSync(plain);
  const meta = `<meta name=ugeblik-charts content=./${loaderName}>`;
  if (META.test(index)) index = index.replace(META, meta);
  else if (/<title>/.test(index)) index = index.replace(/<title>/, `${meta}<title>`);
  else throw new Error('offline.mjs: no <title> in dist/index.html');
  writeFileSync(indexPath, index);
  return loaderName;
}

const loaderName = hashWorker();
const all = readdirSync(dist)
  .filter((name) => statSync(join(dist, name)).isFile() && !NEVER.test(name))
  .sort();
const files = all.filter((name) => !DRAWN(name));
const later = all.filter(DRAWN);
const hash = createHash('sha256');
for (const name of all) hash.update(name).update(readFileSync(join(dist, name)));
// The other language packs are fetched when chosen, not cached ahead; a changed pack is
// still a new version, so that a phone never keeps a pack older than its app. Written
// without the indentation the source has for translators.
const langs = join(dist, 'lang');
for (const name of readdirSync(langs).filter((n) => n.endsWith('.json')).sort()) {
  const text = JSON.stringify(JSON.parse(readFileSync(join(langs, name), 'utf8')));
  writeFileSync(join(langs, name), text);
  hash.update(`lang/${name}`).update(text);
}
const version = hash.digest('hex').slice(0, 16);
// The page is cached as the directory ('./'): that is the address the phone opens.
for (const pack of KEPT_PACKS) if (!existsSync(join(dist, pack))) throw new Error(`offline.mjs: no ${pack} in dist/`);
const list = files.concat(KEPT_PACKS).map((name) => (name === 'index.html' ? './' : `./${name}`));
const drawn = later.map((name) => `./${name}`);
const worker =
  `const VERSION = ${JSON.stringify(version)};\nconst FILES = ${JSON.stringify(list)};\n` +
  `const LATER = ${JSON.stringify(drawn)};\n${readFileSync(source, 'utf8')}`;
const small = await minify(worker, { ecma: 2020, compress: { passes: 2 }, mangle: true });
if (typeof small.code !== 'string') throw new Error('terser gave nothing for sw.js');
writeFileSync(join(dist, 'sw.js'), small.code);
console.log(`chart worker: ${loaderName}`);
console.log(`sw.js: version ${version}, ${files.length} files cached for offline use, ${later.length} more when idle`);
