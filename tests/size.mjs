// Prints the gzipped size of everything the browser downloads on first load (dist/), and
// fails when the total exceeds the budget. Size is deterministic, so this is a test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';

/** The one place the first-load budget is kept: 150 KB gzipped, the whole finished app. */
export const BUDGET_BYTES = 150 * 1024;

const dist = new URL('../dist/', import.meta.url).pathname;
const rows = readdirSync(dist)
  .filter((name) => statSync(join(dist, name)).isFile())
  .map((name) => {
    const bytes = readFileSync(join(dist, name));
    return { name, kind: extname(name).slice(1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
console.log('asset'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const row of rows) console.log(row.name.padEnd(44), kb(row.raw), kb(row.gzip));
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
console.log('total'.padEnd(44), ''.padStart(10), kb(total), ` (budget ${kb(BUDGET_BYTES).trim()})`);
if (!rows.some((row) => row.kind === 'wasm')) {
  console.error('no .wasm in dist/: build first');
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`first load is ${total} bytes gzipped, over the budget of ${BUDGET_BYTES}`);
  process.exit(1);
}
