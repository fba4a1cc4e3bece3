// The page's code for the drawn screens is not in the first load (Leptos's code splitting,
// scripts/split.mjs): the start page and a whole check-in fetch none of it, the first drawn
// screen fetches it once, and a part that cannot be fetched is said, not a broken page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, checkIn, PHONE } from './helpers.mjs';
import { opening } from '../size.mjs';

const PART = /\/ugeblik-split-[0-9a-f]{16}-\w+\.wasm$/;

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** The page's own requests for its parts loaded on demand. */
function parts(page) {
  const fetched = [];
  page.on('request', (r) => PART.test(new URL(r.url()).pathname) && fetched.push(new URL(r.url()).pathname));
  return fetched;
}

test('a check-in fetches none of the drawn screens’ code; the first drawn screen fetches it once', async () => {
  const { page } = await newPage(env.browser);
  const fetched = parts(page);
  await page.goto(env.url('/'));
  await ready(page);
  await checkIn(page);
  assert.deepEqual(fetched, [], 'the start page and a whole check-in need no part loaded on demand');
  const pastWeeks = (path) => /-split_ugeblik_past_weeks\.wasm$/.test(path);
  const files = () => fetched.map((path) => path.slice(1)).sort();
  for (const name of ['Udvikling', 'Mål', 'Tidligere uger', 'Lås og sletning', 'Om Ugeblik']) {
    if (name === 'Tidligere uger') assert.ok(!fetched.some(pastWeeks), `progress and goals fetch no export or import: ${fetched}`);
    await page.getByRole('button', { name }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
    // What tests/size.mjs counts for each is what the browser fetched.
    if (name === 'Udvikling') assert.deepEqual(files(), opening('ugeblik_drawn_screen').sort(), 'the progress screen');
    if (name === 'Tidligere uger') {
      const both = new Set([...opening('ugeblik_drawn_screen'), ...opening('ugeblik_past_weeks')]);
      assert.deepEqual(files(), [...both].sort(), 'then past weeks');
    }
  }
  // The drawn screens' part, past weeks' own part (export, import, the reminder), and the
  // code they share (a chunk, when there is any), each fetched once.
  assert.ok(fetched.some((path) => /-split_ugeblik_drawn_screen\.wasm$/.test(path)), `the drawn screens' part: ${fetched}`);
  assert.ok(fetched.some(pastWeeks), `past weeks' part: ${fetched}`);
  assert.ok(
    fetched.every((path) => /-(split_ugeblik_drawn_screen|split_ugeblik_past_weeks|chunk_\d+)\.wasm$/.test(path)),
    `no other part: ${fetched}`,
  );
  assert.equal(new Set(fetched).size, fetched.length, `each fetched once: ${fetched}`);
  // Back to the check-in's screens: still the page they were.
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Ret ugens svar' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('when the part cannot be fetched, the screen says so and the rest of the app goes on', async () => {
  // No service worker: it would fetch the part itself, where the route cannot reach
  // (offline.test.mjs has the service worker's side: the part kept for offline use).
  const context = await env.browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(PART, (route) => route.abort('internetdisconnected'));
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await page
    .getByRole('alert')
    .getByText('Denne side er ikke på telefonen endnu, og der er ingen forbindelse.', { exact: false })
    .waitFor();
  // The check-in, which needs no part, still works.
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByRole('radio', { name: 'Hele tiden', exact: true }).waitFor();
  // Once the network is back, the screen opens (a failed fetch is not remembered).
  await page.unroute(PART);
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await page.getByRole('heading', { level: 2, name: 'Udvikling over tid' }).waitFor();
  await context.close();
});
