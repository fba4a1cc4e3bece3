// Opening the progress screen fetches only the drawing (issue 18, item 7): the drawn
// screens are drawn by the part of the page's code fetched when the first of them opens,
// and the chart worker (import, the viewer, every export, with serde_json, CSV and FHIR)
// is fetched the first time a file is made or read, once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn, redrawn, seedHistory, who5Response, weeksAgo, menu } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('the drawn screens fetch no chart worker; the first export starts it once', async () => {
  const { context, page } = await newPage(env.browser);
  // What the app itself fetches (not the service worker keeping files for offline use).
  const fetched = [];
  context.on('request', (request) => {
    if (!request.serviceWorker()) fetched.push(new URL(request.url()).pathname);
  });
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const worker = () => fetched.filter((path) => /\/charts(_loader)?-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(path));

  await page.goto(env.url('/?lang=da'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(1), [3, 3, 3, 3, 3]), who5Response(weeksAgo(0), [4, 4, 4, 4, 2])]);
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await page.getByRole('img', { name: 'Trivsel (WHO-5), 0–100' }).waitFor();
  // A choice drawn again, here too.
  await redrawn(page, () => page.getByRole('button', { name: 'Alt', exact: true }).click());
  for (const name of ['Mål', 'Lås og sletning', 'Om Ugeblik', 'Tidligere uger']) {
    await menu(page, name);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await drawn(page);
  }
  await page.getByRole('article').first().waitFor();
  assert.deepEqual(worker(), [], 'the drawn screens opened without the chart worker');
  assert.deepEqual(workers, [], 'no worker started');

  for (const button of ['Gem fil til din konsulent', 'Gem som regneark (CSV)']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    assert.match(download.suggestedFilename(), /^ugeblik-\d{4}-W\d{2}\.(json|csv)$/);
  }
  assert.equal(worker().filter((path) => path.endsWith('_bg.wasm')).length, 1, `the worker's wasm, once: ${worker().join(' ')}`);
  assert.equal(workers.length, 1, 'one worker, started by the first export');
  assert.deepEqual(page.errors, []);
  await context.close();
});
