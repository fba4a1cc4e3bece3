// Serves the built app (dist/) on http://127.0.0.1:8080, exactly as the browser tests see
// it. Usage: node scripts/serve.mjs [port] [folder]; `node scripts/serve.mjs 8081 examples`
// serves the example portal pages from another origin.
// The app is served with its Content-Security-Policy as a header too (the same policy
// as the page's <meta>, scripts/csp.mjs): a header also covers the chart worker and the
// service worker, which a page's <meta> does not reach, and it adds frame-ancestors, which
// only a header can set: the portals that may frame the app, from the same portals.json
// the app reads (beside index.html), read once at start.
import { readFileSync } from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';
import { headerPolicy, readPortals } from './csp.mjs';

const port = Number(process.argv[2] ?? 8080);
const folder = process.argv[3] ?? 'dist';
const root = new URL(`../${folder}/`, import.meta.url).pathname;
let headers = {};
if (folder === 'dist') {
  let list = null;
  try {
    list = readFileSync(`${root}portals.json`, 'utf8');
  } catch {}
  headers = { 'Content-Security-Policy': headerPolicy(readPortals(list), readFileSync(`${root}index.html`, 'utf8')) };
}
const server = await serve(root, { port, headers });
if (folder === 'dist') {
  console.log(`Ugeblik is served on ${server.url}/  (demo history: ${server.url}/?demo, English: ${server.url}/?lang=en)`);
} else {
  console.log(`${folder}/ is served on ${server.url}/`);
}
console.log('Ctrl-C stops it.');
