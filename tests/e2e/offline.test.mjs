// Working offline and from a sub-path: the service worker and the manifest of the real
// build. Each test has its own server, so that it can really go away (the network off)
// or change under the phone (a new version).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { start, newPage, ready, checkIn, storageValue, expectNoAxeViolations, until } from './helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** Waits until the service worker controls the page and has cached the first load. */
async function controlled(page) {
  await until(page, async () => {
    if (!navigator.serviceWorker.controller) return false;
    const keys = await caches.keys();
    return keys.some((k) => k.startsWith('ugeblik-'));
  });
}

test('after the first visit the app loads and a whole check-in works with the network off', async () => {
  const server = await serve(DIST);
  const { context, page } = await newPage(env.browser);
  await page.goto(`${server.url}/?lang=da`);
  await ready(page);
  await controlled(page);
  // The network goes: the server is gone, so every request to the app's origin fails.
  // (Not Chromium's offline emulation: it sometimes fails a navigation before the
  // service worker can answer it, which no phone does.)
  await server.close();
  await page.reload();
  await ready(page);
  await checkIn(page);
  const history = JSON.parse(await storageValue(page, 'ugeblik.v1.history'));
  assert.equal(history.responses.length, 3);
  // A new tab, still offline, with another address: the app opens from the cache.
  const again = await context.newPage();
  await again.goto(`${server.url}/?lang=en`);
  await again.getByText('You have answered for this week. Thank you!').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a new version takes over on reload, and a check-in left half-way is kept', async () => {
  const root = await mkdtemp(join(tmpdir(), 'ugeblik-dist-'));
  await cp(DIST, root, { recursive: true });
  const server = await serve(root);
  const { context, page } = await newPage(env.browser);
  await page.goto(`${server.url}/`);
  await ready(page);
  await controlled(page);
  const first = await page.evaluate(() => caches.keys());
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 0; n < 3; n++) await page.getByRole('button', { name: 'Det meste af tiden', exact: true }).click();
  await page.getByText('Spørgsmål 4 af 19', { exact: true }).waitFor();
  const draft = await storageValue(page, 'ugeblik.v1.draft');

  // A new version is put on the server: a changed page, so a new service worker.
  const index = await readFile(join(root, 'index.html'), 'utf8');
  await writeFile(join(root, 'index.html'), index.replace('<title>Ugeblik</title>', '<title>Ugeblik</title><meta name="ugeblik-build" content="2">'));
  const worker = await readFile(join(root, 'sw.js'), 'utf8');
  // (Minified: `const VERSION="…"`.)
  const changed = worker.replace(/\bVERSION\s*=\s*"[0-9a-f]+"/, 'VERSION="0000000000000002"');
  assert.notEqual(changed, worker, 'the service worker names its version');
  await writeFile(join(root, 'sw.js'), changed);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('meta[name="ugeblik-build"]').count(), 1, 'the reload shows the new version');
  await page.getByText('Spørgsmål 4 af 19', { exact: true }).waitFor();
  assert.equal(await storageValue(page, 'ugeblik.v1.draft'), draft, 'the half-finished check-in is byte for byte the same');
  // The new worker takes over and the old version's cache goes.
  await until(page, async (old) => {
    const keys = await caches.keys();
    return keys.includes('ugeblik-0000000000000002') && !keys.includes(old);
  }, first[0]);
  assert.deepEqual(page.errors, []);
  await context.close();
  await server.close();
  await rm(root, { recursive: true });
});

test('dist/ works unchanged under a sub-path, offline too, and can be added to the home screen', async () => {
  const server = await serve(DIST, { prefix: '/portal/ugeblik/' });
  const { context, page } = await newPage(env.browser);
  await page.goto(`${server.url}/portal/ugeblik/`);
  await ready(page);
  await expectNoAxeViolations(page, 'the start page under a sub-path');
  // The drawn screens (the chart worker and its styles) load from the sub-path too.
  await page.getByRole('button', { name: 'Om Ugeblik' }).click();
  await page.getByText(/© World Health Organization 1998/).first().waitFor();
  assert.ok(server.requests.every((path) => path.startsWith('/portal/ugeblik/')), server.requests.join(' '));
  assert.ok(server.requests.includes('/portal/ugeblik/charts_bg.wasm'));
  // The manifest: installable, relative to where it is served, its icons there.
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    const body = await (await fetch(href)).json();
    const icons = await Promise.all(body.icons.map(async (icon) => {
      const response = await fetch(new URL(icon.src, href));
      return { ...icon, status: response.status, type: response.headers.get('content-type') };
    }));
    return { href, ...body, icons };
  });
  assert.equal(manifest.href, `${server.url}/portal/ugeblik/manifest.webmanifest`);
  assert.equal(manifest.display, 'standalone');
  assert.equal(new URL(manifest.start_url, manifest.href).href, `${server.url}/portal/ugeblik/`);
  assert.ok(manifest.icons.some((i) => i.sizes === '192x192' && i.status === 200 && i.type === 'image/png'));
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.status === 200 && i.type === 'image/png'));
  await controlled(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${server.url}/portal/ugeblik/`);
  // Offline under the sub-path: the page and the screens opened once.
  await server.close();
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Om Ugeblik' }).click();
  await page.getByText(/© World Health Organization 1998/).first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
