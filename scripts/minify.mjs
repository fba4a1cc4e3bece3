// Minifies the JavaScript that trunk leaves in dist/ (wasm-bindgen's glue for the app and
// for the chart worker). trunk 0.21 copies that glue unminified; citizens pay for every
// byte over mobile data. The app's glue is an ES module; the worker's is a classic script
// whose global `wasm_bindgen` must keep its name. index.html pins the app's glue with a
// subresource-integrity hash, which is updated to the minified file's.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = new URL('../dist/', import.meta.url).pathname;
const indexPath = join(dist, 'index.html');
let index = await readFile(indexPath, 'utf8');
for (const name of await readdir(dist)) {
  if (!name.endsWith('.js')) continue;
  const path = join(dist, name);
  const source = await readFile(path, 'utf8');
  const module = source.includes('export ') || source.includes('import ');
  const result = await minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`terser gave nothing for ${name}`);
  await writeFile(path, result.code);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pinned = new RegExp(`(href=["']?[^"' >]*${escaped}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  if (pinned.test(index)) {
    const hash = createHash('sha384').update(result.code).digest('base64');
    index = index.replace(pinned, `$1sha384-${hash}`);
  }
  console.log(`${name}: ${source.length} → ${result.code.length} bytes`);
}
await writeFile(indexPath, index);
