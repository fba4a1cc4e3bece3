// Minifies the JavaScript that trunk leaves in dist/ (wasm-bindgen's glue for the app and
// for the chart worker). trunk 0.21 copies that glue unminified; citizens pay for every
// byte over mobile data. The app's glue is an ES module; the worker's is a classic script
// whose global `wasm_bindgen` must keep its name. index.html pins the app's glue and wasm
// with subresource-integrity hashes, which are updated to the files written here.
//
// First, each wasm and its glue get short names for the functions they call each other
// by (`shortenNames`): wasm-bindgen names each import after its Rust item plus a 16-digit
// hash (`__wbg_activeElement_6c30fe7fda33ef51`), written once in the wasm and once in the
// glue, where no compressor can shorten it. This is what emscripten does with binaryen's
// `--minify-imports-and-exports`: 6.1 KB less of the first load (tests/size.mjs).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function writeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const writeName = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([writeLeb(bytes.length), bytes]);
};

/** Words JavaScript keeps for itself (the glue also names functions after exports). */
const RESERVED = new Set(
  'do if in for let new try var case else enum eval null this true void with NaN await break catch class const false super throw while yield'.split(' '),
);

/** Short names that are valid JS identifiers: a, b, …, Z, aa, ab, …, none of `taken`. */
function* shortNames(taken) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let length = 1; ; length++) {
    const indices = new Array(length).fill(0);
    for (;;) {
      const name = indices.map((i) => letters[i]).join('');
      if (!taken.has(name) && !RESERVED.has(name)) yield name;
      let place = length - 1;
      while (place >= 0 && ++indices[place] === letters.length) indices[place--] = 0;
      if (place < 0) break;
    }
  }
}

/** Every import of `wasm` from the glue (module `wbg`) and every export but its memory and
 *  those in `keep` renamed to a short name, in the wasm and in its glue `js`:
 *  `{ wasm, js, count }`. `keep`: the names another file reads (the page's loader of its
 *  split parts, scripts/split.mjs, reads the table and memory it shares with them); the
 *  imports of another module (the split parts' loaders) keep their names too. A new name
 *  is never a word the glue already has. Throws when the glue does not name an import as
 *  a whole word (it would then give the wasm that function some other way, which a rename
 *  would break). */
export function shortenNames(wasm, js, keep = new Set()) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) throw new Error('not a wasm module');
  const sections = [];
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    sections.push({ id, start, end: start + size, raw: wasm.subarray(at, start + size) });
    at = start + size;
  }
  // The glue's words, so that no short name is one of them.
  const taken = new Set(js.match(/[A-Za-z_$][\w$]*/g));
  const names = shortNames(taken);
  const renamed = new Map();
  const imported = new Set();
  const rename = (old) => {
    if (!renamed.has(old)) renamed.set(old, names.next().value);
    return renamed.get(old);
  };
  const readName = (bytes, at) => {
    const [length, start] = leb(bytes, at);
    return [bytes.subarray(start, start + length).toString('utf8'), start + length];
  };
  const out = [wasm.subarray(0, 8)];
  for (const section of sections) {
    if (section.id !== 2 && section.id !== 7) {
      out.push(section.raw);
      continue;
    }
    const body = wasm.subarray(section.start, section.end);
    let [count, at] = leb(body, 0);
    const entries = [writeLeb(count)];
    for (let i = 0; i < count; i++) {
      if (section.id === 2) {
        // An import: module, name, then what is imported (kept as it is).
        const [module, afterModule] = readName(body, at);
        const [name, afterName] = readName(body, afterModule);
        const from = afterName;
        const kind = body[at = afterName];
        at += 1;
        if (kind === 0) [, at] = leb(body, at); // a function: its type
        else if (kind === 1 || kind === 2) {
          if (kind === 1) at += 1; // a table: its element type, then limits
          const [flags, next] = leb(body, at);
          [, at] = leb(body, next);
          if (flags & 1) [, at] = leb(body, at);
        } else if (kind === 3) at += 2; // a global: its type and mutability
        else if (kind === 4) [, at] = leb(body, at + 1); // a tag
        else throw new Error(`unknown import kind ${kind}`);
        const renaming = module === 'wbg';
        if (renaming) imported.add(name);
        entries.push(writeName(module), writeName(renaming ? rename(name) : name), body.subarray(from, at));
      } else {
        // An export: name, kind, index.
        const [name, afterName] = readName(body, at);
        const [, end] = leb(body, afterName + 1);
        entries.push(writeName(name === 'memory' || keep.has(name) ? name : rename(name)), body.subarray(afterName, end));
        at = end;
      }
    }
    if (at !== body.length) throw new Error(`section ${section.id} not read to its end`);
    const content = Buffer.concat(entries);
    out.push(Buffer.from([section.id]), writeLeb(content.length), content);
  }
  // Each old name is a whole word of the glue: an object's key or a property read.
  const word = new RegExp(`(?<![\\w$])(${[...renamed.keys()].map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`, 'g');
  const named = new Set();
  const shortened = js.replace(word, (old) => {
    named.add(old);
    return renamed.get(old);
  });
  const missing = [...imported].filter((name) => !named.has(name));
  if (missing.length > 0) throw new Error(`the glue does not name these imports: ${missing.join(' ')}`);
  return { wasm: Buffer.concat(out), js: shortened, count: renamed.size };
}

/** The stylesheets the app links when a screen needs them (index.html copies them as they
 *  are; trunk minifies only the one it links, main.css). */
const COPIED_CSS = ['drawn.css', 'caseload.css'];

/** `css` without its comments and the white space CSS does not need: runs of it made one
 *  space, none around `{`, `}`, `;`, `,` or after `:`, no `;` before `}`. Quoted strings are
 *  kept as they are (no comment holds a quote's `/*`). Not touched: space around `+`, `-`, `>` and `~` (calc() needs it)
 *  and before `:` (a descendant's pseudo-class). The drawn screens' styles 3.9 → 2.5 KB
 *  gzipped, the caseload's 1.5 → 1.0 KB. */
export function minifyCss(css) {
  // Comments first: an apostrophe in one is not a string's quote.
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

async function main() {
  const dist = new URL('../dist/', import.meta.url).pathname;
  const indexPath = join(dist, 'index.html');
  let index = await readFile(indexPath, 'utf8');
  const pin = (name, bytes) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pinned = new RegExp(`(href=["']?[^"' >]*${escaped}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
    index = index.replace(pinned, `$1${sri(bytes)}`);
  };
  for (const name of await readdir(dist)) {
    if (!name.endsWith('.js')) continue;
    const path = join(dist, name);
    let source = await readFile(path, 'utf8');
    const wasmPath = join(dist, name.replace(/\.js$/, '_bg.wasm'));
    let note = '';
    if (existsSync(wasmPath)) {
      // The page's loader of its split parts (scripts/split.mjs), named after the page.
      const loaderPath = join(dist, name.replace(/^ugeblik-/, 'ugeblik-split-'));
      const keep = new Set(existsSync(loaderPath) ? (await readFile(loaderPath, 'utf8')).match(/[A-Za-z_$][\w$]*/g) : []);
      const short = shortenNames(await readFile(wasmPath), source, keep);
      source = short.js;
      await writeFile(wasmPath, short.wasm);
      pin(name.replace(/\.js$/, '_bg.wasm'), short.wasm);
      note = `, ${short.count} names shortened`;
    }
    const module = source.includes('export ') || source.includes('import ');
    const result = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
    if (typeof result.code !== 'string') throw new Error(`terser gave nothing for ${name}`);
    await writeFile(path, result.code);
    pin(name, result.code);
    console.log(`${name}: ${source.length} → ${result.code.length} bytes${note}`);
  }
  await writeFile(indexPath, index);
  for (const name of COPIED_CSS) {
    const path = join(dist, name);
    const source = await readFile(path, 'utf8');
    const small = minifyCss(source);
    await writeFile(path, small);
    console.log(`${name}: ${source.length} → ${small.length} bytes`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
