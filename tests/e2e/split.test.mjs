// The page's code for the drawn screens is not in the first load (Leptos's code splitting,
// scripts/split.mjs): the start page and a whole check-in fetch none of it, the first drawn
// screen fetches it once, and a part that cannot be fetched is said, not a broken page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, checkIn, PHONE, menu } from './helpers.mjs';
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
  // Each screen fetches the session screens' part (once) and its own part, if it has one,
  // with the chunks of code each loads; what tests/size.mjs counts is what the browser
  // fetched.
  const files = () => fetched.map((path) => path.slice(1)).sort();
  const expected = new Set();
  for (const [name, part] of [
    ['Udvikling', null],
    ['Mål', 'ugeblik_goals'],
    ['Tidligere uger', 'ugeblik_past_weeks'],
    ['Lås og sletning', 'ugeblik_safety'],
    ['Om Ugeblik', null],
  ]) {
    await menu(page, name);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    for (const file of [...opening('ugeblik_drawn_screen'), ...(part ? opening(part) : [])]) expected.add(file);
    assert.deepEqual(files(), [...expected].sort(), `after ${name}`);
  }
  assert.ok(fetched.some((path) => /-split_ugeblik_drawn_screen\.wasm$/.test(path)), `the drawn screens' part: ${fetched}`);
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
