// Serves the built app (dist/) on http://127.0.0.1:8080, exactly as the browser tests see
// it. Usage: node scripts/serve.mjs [port]
import { serve } from '../tests/e2e/server.mjs';

const port = Number(process.argv[2] ?? 8080);
const server = await serve(new URL('../dist/', import.meta.url).pathname, { port });
console.log(`Ugeblik is served on ${server.url}/  (demo history: ${server.url}/?demo, English: ${server.url}/?lang=en)`);
console.log('Ctrl-C stops it.');
