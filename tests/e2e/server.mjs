// A small static file server for the built app (dist/), used by the browser tests and
// the benchmarks. Serves on 127.0.0.1 only; port 0 picks a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves `root` on 127.0.0.1; `extra` maps URL paths to [content type, body]; `prefix`
 *  serves `root` under a sub-path (`/portal/ugeblik/`) and nothing outside it; `headers`
 *  are sent with every file of `root` (scripts/serve.mjs: the Content-Security-Policy);
 *  `cors: false` sends no Access-Control-Allow-Origin, as a plain static host does. */
export async function serve(root, { port = 0, extra = {}, prefix = '/', headers: always = {}, cors = true } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    // Sandboxed iframes have an opaque origin: module scripts and wasm need CORS to load.
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-store');
    if (extra[url.pathname]) {
      const [type, body] = extra[url.pathname];
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    let path = normalize(decodeURIComponent('/' + url.pathname.slice(prefix.length)));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(base, path);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const headers = { ...always, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
      // Compressed as any real host would serve it (the sizes in tests/size.mjs are gzip).
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
        res.end(gzipSync(body, { level: 9 }));
      } else {
        res.writeHead(200, headers);
        res.end(body);
      }
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    port: actual,
    // Connections the browser keeps alive end too: after this the origin is unreachable.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}
