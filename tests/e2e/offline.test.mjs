// Working offline and from a sub-path: the service worker and the manifest of the real
// build. Each test has its own server, so that it can really go away (the network off)
// or change under the phone (a new version).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import {
  start, newPage, ready, checkIn, storageValue, expectNoAxeViolations, until, drawn, seedHistory, who5Response, weeksAgo, menu } from './helpers.mjs';

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

/** The drawn screens' files in dist/: the chart worker's, their styles, and the page's
 *  code for them, fetched when one opens (scripts/split.mjs). */
const DRAWN_FILES = readdirSync(DIST).filter(
  (name) => name.startsWith('charts') || name === 'drawn.css' || /^ugeblik-split-[0-9a-f]{16}-\w+\.wasm$/.test(name),
);

/** Waits until the service worker has kept the drawn screens' files (it does so once the
 *  phone has been quiet a moment after the load). */
async function kept(page) {
  await until(page, async (names) => {
    const found = await Promise.all(names.map((name) => caches.match(new URL(name, location.href))));
    return found.every(Boolean);
  }, DRAWN_FILES);
}

/** The first 16 hex digits of the SHA-256 of `bytes`. */
const hash16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

test('after one visit to the start page, progress and past weeks draw offline and a copy can be saved', async () => {
  const server = await serve(DIST);
  const { context, page } = await newPage(env.browser);
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  // The start page only, online: a fresh phone with a few weeks answered.
  await page.goto(`${server.url}/?lang=da`);
  await ready(page);
  await controlled(page);
  const weeks = [weeksAgo(2), weeksAgo(1), weeksAgo(0)];
  await seedHistory(page, [
    who5Response(weeks[0], [2, 2, 2, 2, 2]),
    who5Response(weeks[1], [3, 3, 3, 3, 3], 'En god uge'),
    who5Response(weeks[2], [4, 4, 4, 3, 3]),
  ]);
  await controlled(page);
  // Once the phone is idle, the service worker keeps the drawn screens' files too.
  assert.ok(DRAWN_FILES.some((name) => name.endsWith('.wasm')), DRAWN_FILES.join(' '));
  await kept(page);
  assert.deepEqual(workers, [], 'no drawn screen was opened online');
  const stored = await storageValue(page, 'ugeblik.v1.history');

  // The network goes: Chromium offline, and the server gone too.
  await context.setOffline(true);
  await server.close();
  assert.equal(await page.evaluate(() => navigator.onLine), false);

  // Progress draws its chart.
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  const plot = page.getByRole('img', { name: 'Trivsel (WHO-5), 0–100' });
  const description = await plot.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
  assert.match(description, /steg fra 40 til 72/);
  assert.equal(await page.getByRole('alert').count(), 0, 'no message that something failed');

  // Past weeks draws, and a copy is saved: a real download of the whole history.
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  assert.equal(await page.getByRole('article').count(), 3);
  await page.getByRole('article').getByText('Trivsel (WHO-5): 72 af 100').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem fil til din konsulent' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-\d{4}-W\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'ugeblik-export');
  assert.deepEqual(file.responses.map((r) => [r.week, r.scores?.who5Percent]), [[weeks[0], 40], [weeks[1], 60], [weeks[2], 72]]);
  assert.equal(file.responses[1].note, 'En god uge');
  assert.equal(await storageValue(page, 'ugeblik.v1.history'), stored, 'saving a copy changes nothing stored');

  // The worker that drew was the one the page names, with a hash of its content.
  const named = await page.evaluate(() => document.querySelector('meta[name="ugeblik-charts"]')?.content);
  assert.ok(named, 'the page names its chart worker');
  assert.ok(workers.length > 0);
  assert.deepEqual(new Set(workers), new Set([`${server.url}/${named.replace(/^\.\//, '')}`]));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the chart worker\'s files carry hashes of their content, which the page and the service worker name', async () => {
  // A page runs only the worker of its own build: each name is tied to the bytes in it.
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = /<meta name=["']?ugeblik-charts["']? content=["']?\.\/([^"' >]+)/.exec(index);
  assert.ok(named, 'index.html names the chart worker');
  const loader = readFileSync(join(DIST, named[1]), 'utf8');
  assert.equal(named[1], `charts_loader-${hash16(loader)}.js`);
  const parts = [...loader.matchAll(/"\.\/(charts-[0-9a-f]{16}(?:\.js|_bg\.wasm))"/g)].map((m) => m[1]);
  assert.equal(parts.length, 2, loader);
  for (const part of parts) assert.equal(part.match(/-([0-9a-f]{16})/)[1], hash16(readFileSync(join(DIST, part))), part);
  // Nothing without a hash is left to run, and the service worker keeps exactly these.
  assert.deepEqual(DRAWN_FILES.filter((name) => name.startsWith('charts')).sort(), [named[1], ...parts].sort());
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const name of [named[1], ...parts, 'drawn.css']) assert.ok(worker.includes(`"./${name}"`), `sw.js keeps ${name}`);
});

test('offline, a drawn screen not kept yet says what helps, not to reload', async () => {
  const server = await serve(DIST);
  const { context, page } = await newPage(env.browser);
  await page.goto(`${server.url}/?lang=en`);
  await ready(page);
  await controlled(page);
  await kept(page);
  // The drawn screens' files are gone from the phone (say, the phone dropped them).
  await page.evaluate(async (names) => {
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const name of names) await cache.delete(new URL(name, location.href));
    }
  }, DRAWN_FILES);
  await context.setOffline(true);
  await server.close();
  await page.getByRole('button', { name: 'Progress' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText(/This screen is not on the phone yet, and there is no connection\. It is kept by itself the next time Ugeblik is open with internet\./).waitFor();
  assert.doesNotMatch(await alert.innerText(), /reload/i);
  await expectNoAxeViolations(page, 'the progress screen offline, not kept yet');
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
  for (let n = 0; n < 3; n++) await page.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
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
  // The drawn screens (the page's part that draws them, and their styles) load from the
  // sub-path too, and so does the chart worker when a file is made.
  await menu(page, 'Om Ugeblik');
  await page.getByText(/© World Health Organization 1998/).first().waitFor();
  assert.ok(server.requests.some((path) => /^\/portal\/ugeblik\/ugeblik-split-[0-9a-f]{16}-\w+\.wasm$/.test(path)), server.requests.join(' '));
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem fil til din konsulent' }).click()]);
  assert.ok(server.requests.every((path) => path.startsWith('/portal/ugeblik/')), server.requests.join(' '));
  assert.ok(server.requests.some((path) => /^\/portal\/ugeblik\/charts-[0-9a-f]{16}_bg\.wasm$/.test(path)), server.requests.join(' '));
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
  await menu(page, 'Om Ugeblik');
  await page.getByText(/© World Health Organization 1998/).first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
