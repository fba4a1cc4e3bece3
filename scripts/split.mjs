// Builds the page (src/main.rs) with Leptos's code splitting: a function marked `#[lazy]`
// and all that only it reaches leave the first load, and the page fetches them the first
// time it calls that function (DESIGN.md, "What is fetched when"). trunk cannot do
// this (the split must come between cargo and wasm-bindgen), so trunk builds the chart
// worker, the styles, the page's HTML and loader (and its own build of the page, which this
// replaces), and this script the page's wasm, the way cargo-leptos does:
//
//   cargo build (linked with --emit-relocs, so the split can move code) →
//   wasm-split-cli (the main module, one module per split point, and __wasm_split.js, which
//   loads them into the main module's memory and table) →
//   wasm-bindgen --keep-lld-exports (the main module's glue) → wasm-opt -Oz each module.
//
// Every file's name carries one hash of the whole build's content, as trunk's do, and
// dist/index.html names them where it named trunk's (scripts/csp.mjs then moves the loader
// to a file). Runs after `trunk build` and before minify.mjs (scripts/tools.sh).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const dist = join(root, 'dist');
/** Its own target directory: the relocations change every crate's build flags, and sharing
 *  trunk's would rebuild the worker's crates each time. */
const target = join(root, 'target', 'split');
const out = join(target, 'out');
/** The wasm features rustc emits by default for wasm32 (as index.html gives trunk's), then
 *  what index.html's comment says of the passes after -Oz (tests/size.mjs measures them). */
const FEATURES = ['--low-memory-unused', '--enable-bulk-memory', '--enable-bulk-memory-opt',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-reference-types', '--enable-multivalue', '--strip-debug', '--strip-producers'];
const SMALLER = ['--flatten', '--rereloop', '-Oz', '-Oz'];
const OPT_MAIN = [...FEATURES, '-Oz', '--remove-exports', '--pass-arg=remove-exports@*intounderlying*', ...SMALLER];
const OPT_PART = [...FEATURES, '-Oz', ...SMALLER];
/** The page's files of any build, this script's or an earlier one's. */
/** trunk writes its hash in hexadecimal without leading zeros: 16 digits or fewer. */
export const PAGE = /^(ugeblik-[0-9a-f]{1,16}(_bg\.wasm|\.js)|ugeblik-split-[0-9a-f]{16}(-[\w]+)?\.(wasm|js))$/;

const run = (command, args, env = {}) =>
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });

/** The pinned nightly the page's wasm is built with (scripts/tools.sh installs it with its
 *  rust-src): the standard library built with the page (`-Z build-std`) and panics that
 *  abort at once (`-Cpanic=immediate-abort`: no panic messages, locations or formatting
 *  machinery), as the Leptos book advises for binary size. Only this build uses it: host
 *  tests, clippy and trunk's builds stay on stable (rust-toolchain.toml pins no channel). */
const NIGHTLY = process.env.UGEBLIK_NIGHTLY;
const NIGHTLY_FLAGS = ['-Zunstable-options', '-Cpanic=immediate-abort'];
/** The page's split points exist only in this build (`#[cfg(ugeblik_split)]`): anywhere
 *  else their exports would keep their code alive, in the chart worker above all. */
const SPLIT_CFG = ['--cfg', 'ugeblik_split'];

function build() {
  if (!NIGHTLY) throw new Error('split.mjs: UGEBLIK_NIGHTLY is not set: run it through scripts/tools.sh (build_release)');
  const flags = [process.env.RUSTFLAGS ?? '', ...NIGHTLY_FLAGS, ...SPLIT_CFG, '-Clink-args=--emit-relocs'].join(' ').trim();
  run('cargo', ['build', '--locked', '--offline', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'ugeblik',
    '--target-dir', target, '-Zbuild-std=std,panic_abort'], { RUSTFLAGS: flags, RUSTUP_TOOLCHAIN: NIGHTLY });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'split'), { recursive: true });
  run('wasm-split-cli', [join(target, 'wasm32-unknown-unknown', 'release', 'ugeblik.wasm'), join(out, 'split'),
    '--out-name', 'ugeblik']);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-dir', join(out, 'page'),
    '--out-name', 'ugeblik', join(out, 'split', 'ugeblik.wasm')]);
  const main = join(out, 'page', 'ugeblik_bg.wasm');
  run('wasm-opt', [...OPT_MAIN, main, '-o', main]);
  const parts = readdirSync(join(out, 'split')).filter((n) => n.endsWith('.wasm') && n !== 'ugeblik.wasm').sort();
  for (const part of parts) run('wasm-opt', [...OPT_PART, join(out, 'split', part), '-o', join(out, 'split', part)]);
  return parts;
}

function place(parts) {
  const read = (...path) => readFileSync(join(out, ...path));
  const hash = createHash('sha256');
  for (const bytes of [read('page', 'ugeblik_bg.wasm'), read('page', 'ugeblik.js'), read('split', '__wasm_split.js'),
    ...parts.map((p) => read('split', p))]) hash.update(bytes);
  const h = hash.digest('hex').slice(0, 16);
  // split_<function>_<hash of where it is>.wasm, chunk_<n>.wasm (code two splits share).
  const partName = (part) => `ugeblik-split-${h}-${part.replace(/\.wasm$/, '').replace(/_\d{6,}$/, '')}.wasm`;
  const names = { glue: `ugeblik-${h}.js`, wasm: `ugeblik-${h}_bg.wasm`, loader: `ugeblik-split-${h}.js` };

  // trunk's page and any earlier build's go (trunk leaves files it did not write).
  for (const old of readdirSync(dist)) if (PAGE.test(old)) unlinkSync(join(dist, old));
  let loader = read('split', '__wasm_split.js').toString();
  loader = loader.replaceAll('"./ugeblik.js"', `"./${names.glue}"`);
  for (const part of parts) {
    if (!loader.includes(`"./${part}"`)) throw new Error(`split.mjs: __wasm_split.js does not name ${part}`);
    loader = loader.replaceAll(`"./${part}"`, `"./${partName(part)}"`);
    writeFileSync(join(dist, partName(part)), read('split', part));
  }
  writeFileSync(join(dist, names.loader), loader);
  const glue = read('page', 'ugeblik.js').toString();
  // Only the module imported is renamed (once per split point, wasm-bindgen imports it
  // once for each): the wasm's imports keep "./__wasm_split.js" as their module's name,
  // which the glue's import object must still use.
  const from = /(from\s*)"\.\/__wasm_split\.js"/g;
  if (!from.test(glue)) throw new Error('split.mjs: the glue does not import __wasm_split.js');
  writeFileSync(join(dist, names.glue), glue.replace(from, `$1"./${names.loader}"`));
  writeFileSync(join(dist, names.wasm), read('page', 'ugeblik_bg.wasm'));

  // trunk's loader and preloads name its own build of the page: they name this one.
  const indexPath = join(dist, 'index.html');
  let index = readFileSync(indexPath, 'utf8');
  const trunk = /\.\/(ugeblik-[0-9a-f]{1,16})(_bg\.wasm|\.js)/g;
  if (!trunk.test(index)) throw new Error('split.mjs: dist/index.html names no page of trunk');
  index = index.replace(/(<link[^>]*ugeblik-[0-9a-f]{1,16}[^>]*?)\s+integrity=["']?sha384-[A-Za-z0-9+/=]+["']?/g, '$1');
  index = index.replace(trunk, (_, _name, kind) => `./${kind === '.js' ? names.glue : names.wasm}`);
  writeFileSync(indexPath, index);
  console.log(`page: ${names.glue}, ${names.wasm}, loaded on demand: ${parts.map(partName).join(', ') || 'nothing'}`);
}

place(build());
