// Puts dist/index.html under a strict Content-Security-Policy. trunk writes an inline
// <script type="module"> that loads the app's wasm; a policy without 'unsafe-inline' would
// refuse it. This moves that loader into its own file (its name carries a hash of its
// content, so the service worker may take it from the HTTP cache) and writes the policy
// as the page's first <meta>, before anything it governs. Runs after minify.mjs and
// before offline.mjs (scripts/tools.sh), which then lists the loader for offline use.
// Fails the build when the page still has anything the policy would refuse.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy for a page whose one inline script, the first screen's (scripts/prerender.mjs),
 *  has the hash `first` ('sha256-…'; none: no inline script at all), and whose one <style>,
 *  its stylesheet, has the hash `style`: the app's own files only; wasm may be compiled
 *  ('wasm-unsafe-eval'), no other inline script or style, no style attribute, no eval, no
 *  plugins, no <base>, no form submission. connect-src, worker-src, font-src, manifest-src
 *  and frame-src fall back to default-src 'self'; data: is the empty favicon.
 *  frame-ancestors cannot be set from a <meta>: scripts/serve.mjs sends the same policy
 *  as a header, with frame-ancestors built from the portals list (`headerPolicy`). */
export function policy(first, style) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${first ? ` '${first}'` : ''}`,
    `style-src 'self'${style ? ` '${style}'` : ''}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join(';');
}

/** The first screen's inline script (scripts/prerender.mjs), the one inline script a page
 *  may have: `<script id=ugb-first-screen>`. */
const FIRST_SCREEN = /<script id=ugb-first-screen>([\s\S]*?)<\/script>/;
/** The page's stylesheet, put in it (scripts/prerender.mjs): the one <style> it may have. */
const STYLE = /<style id=ugb-style>([\s\S]*?)<\/style>/;

/** The policy for `html`, a built page: with its first screen's script's and its style's
 *  hashes, if it has them. */
export function pagePolicy(html) {
  const hash = (found) => found && `sha256-${createHash('sha256').update(found[1]).digest('base64')}`;
  return policy(hash(FIRST_SCREEN.exec(html)), hash(STYLE.exec(html)));
}

/** An origin as the app accepts one in `portals.json` and `?parentOrigin=` (src/formats/config.rs,
 *  `origin`): https, or http on the phone itself; no path, no wildcard. IPv6 addresses are
 *  left out here: a policy's host cannot name one. */
const ORIGIN = /^(https:\/\/[a-z0-9]([a-z0-9-]{0,62})?(\.[a-z0-9]([a-z0-9-]{0,62})?)*|https?:\/\/(localhost|127\.0\.0\.1))(:[1-9]\d{0,4})?$/;

/** Reads `portals.json` as the app does (src/formats/config.rs, `portals`): `{ origins, ask }`.
 *  No file (`text` null): nothing listed, and the citizen is asked. A file not of the
 *  shape: nothing listed, and no portal may ask. */
export function readPortals(text) {
  if (text == null) return { origins: [], ask: true };
  try {
    const file = JSON.parse(text);
    const known = ['origins', 'askCitizen'];
    const origins = file.origins ?? [];
    const ask = file.askCitizen ?? true;
    if (typeof file !== 'object' || Array.isArray(file) || !Object.keys(file).every((k) => known.includes(k))) throw 0;
    if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string') || typeof ask !== 'boolean') throw 0;
    const port = (o) => Number(/:(\d+)$/.exec(o)?.[1] ?? 1);
    const fine = origins.map((o) => o.trim().toLowerCase()).filter((o) => ORIGIN.test(o) && port(o) <= 65535);
    return { origins: [...new Set(fine)], ask };
  } catch {
    return { origins: [], ask: false };
  }
}

/** `frame-ancestors` from the portals list: the app itself and the listed portals; when
 *  the list lets other portals ask the citizen, any https page (and http on this machine),
 *  since such a page must be able to frame the app to ask. */
export function frameAncestors({ origins, ask }) {
  const sources = ask ? ['https:', 'http://localhost:*', 'http://127.0.0.1:*'] : origins;
  return ["frame-ancestors 'self'", ...sources].join(' ');
}

/** The policy a server sends as a header with `html`, the built page: the page's policy
 *  and `frame-ancestors`, which only a header can set (scripts/serve.mjs). */
export function headerPolicy(portals, html) {
  return `${pagePolicy(html)};${frameAncestors(portals)}`;
}

/** The loader's file name: `loader-<16 hex of its content's SHA-256>.js`. */
const LOADER = /^loader-[0-9a-f]{16}\.js$/;

/** index.html with trunk's inline loader moved to `[name, text]` and the policy set. */
export function secure(html) {
  const inline = /<script type=["']?module["']?>([\s\S]*?)<\/script>/.exec(html);
  if (!inline) throw new Error('csp.mjs: no inline module script from trunk in dist/index.html');
  // trunk 0.21's loader: import the glue, init it with the wasm. Only the two names are
  // kept (nothing in the app reads trunk's window.wasmBindings or its start event).
  const glue = /from\s*["'](\.\/[\w-]+\.js)["']/.exec(inline[1]);
  const wasm = /module_or_path:\s*["'](\.\/[\w-]+_bg\.wasm)["']/.exec(inline[1]);
  if (!glue || !wasm) throw new Error(`csp.mjs: trunk's loader is not the one expected:\n${inline[1]}`);
  const loader = `import i from"${glue[1]}";i({module_or_path:"${wasm[1]}"});\n`;
  const name = `loader-${createHash('sha256').update(loader).digest('hex').slice(0, 16)}.js`;
  let page = html.replace(inline[0], `<script type=module src=./${name}></script>`);
  const charset = /<meta charset=["']?utf-8["']?>/i.exec(page);
  if (!charset) throw new Error('csp.mjs: no <meta charset> in dist/index.html');
  const meta = `<meta content="${pagePolicy(page)}" http-equiv=Content-Security-Policy>`;
  page = page.replace(charset[0], charset[0] + meta);
  check(page);
  return { page, loader: [name, loader] };
}

/** Throws when `page` has anything the policy refuses: inline script or style (but the
 *  first screen's script and the page's style, each allowed by its hash), an event handler
 *  attribute, a javascript: address, a style attribute. */
export function check(page) {
  const problems = [];
  const scripts = page.replace(FIRST_SCREEN, '');
  for (const tag of scripts.match(/<script\b[^>]*>/gi) ?? []) if (!/\bsrc=/.test(tag)) problems.push(`inline script ${tag}`);
  if (/<style\b/i.test(page.replace(STYLE, ''))) problems.push('a <style> element');
  if (/<[^>]+\sstyle=/i.test(page)) problems.push('a style attribute');
  if (/<[^>]+\son[a-z]+=/i.test(page)) problems.push('an event handler attribute');
  if (/javascript:/i.test(page)) problems.push('a javascript: address');
  if (problems.length) throw new Error(`csp.mjs: dist/index.html has ${problems.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = new URL('../dist/', import.meta.url).pathname;
  const index = join(dist, 'index.html');
  const { page, loader } = secure(readFileSync(index, 'utf8'));
  // A loader of an earlier build (trunk leaves files it did not write) goes.
  for (const old of readdirSync(dist)) if (LOADER.test(old) && old !== loader[0]) unlinkSync(join(dist, old));
  writeFileSync(join(dist, loader[0]), loader[1]);
  writeFileSync(index, page);
  console.log(`index.html: Content-Security-Policy set, trunk's loader moved to ${loader[0]}`);
}
