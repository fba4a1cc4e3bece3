// The first screen before the wasm (issue 22; scripts/prerender.mjs, src/first-screen.js):
// on a first visit index.html itself shows the start page, and "Start" its first
// question, while the app's wasm is still on its way; the taps made there are given to the
// app when it arrives. Here the wasm is held back by the test until it lets it go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, expectNoAxeViolations } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** A fresh profile whose page's wasm waits until `release()` is called. */
async function held(viewport) {
  const { context, page } = await newPage(env.browser, viewport);
  let release;
  const released = new Promise((done) => (release = done));
  await page.route(/\/ugeblik-[0-9a-f]{16}_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return { context, page, release };
}

const FIRST = '[data-ugb-first]';

/** Presses Tab until `control` has the focus, as one who uses the keyboard alone does. */
async function tabTo(page, control) {
  await control.waitFor();
  const focused = () => control.evaluate((c) => c === document.activeElement);
  for (let n = 0; n < 30 && !(await focused()); n++) await page.keyboard.press('Tab');
  assert.equal(await focused(), true, 'reached by Tab');
}

test('before the wasm arrives, a first visit sees the start page, starts and answers; the app takes both', async () => {
  const { context, page, release } = await held();
  await page.goto(env.url('/'));
  // The start page, as the app shows it, with this week in it.
  const first = page.locator(FIRST);
  await first.getByRole('heading', { level: 2, name: /^Uge \d{1,2}$/ }).waitFor();
  assert.equal(await page.locator('.ugb-app:not([data-ugb-first])').count(), 0, 'the app has not started');
  await expectNoAxeViolations(page, 'the first screen before the wasm');
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  // The first question, at once, with its heading focused as the app does.
  const question = page.getByRole('heading', { name: 'I de sidste 2 uger har jeg været glad og i godt humør' });
  await question.waitFor();
  assert.equal(await question.evaluate((h) => h === document.activeElement), true, 'the question has the focus');
  await expectNoAxeViolations(page, 'the first question before the wasm');
  await page.getByRole('radio', { name: 'Det meste af tiden' }).click();
  assert.equal(await page.getByRole('radio', { name: 'Det meste af tiden' }).isChecked(), true);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing is stored before the app is there');

  release();
  await ready(page);
  // The app took both taps: the check-in began, the answer was given, and it went on, as
  // a tap on an answer does.
  await page.getByText('Spørgsmål 2 af 19').waitFor();
  assert.notEqual(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft')), null, 'the check-in is kept as it goes');
  await page.getByRole('button', { name: 'Tilbage' }).click();
  await page.getByRole('heading', { name: 'I de sidste 2 uger har jeg været glad og i godt humør' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Det meste af tiden' }).isChecked(), true, 'the answer given before the app was there');
  assert.equal(await page.locator('.ugb-app').count(), 1, 'the first screen is gone');
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Where each element of the app's root `root` is laid out, and what each says. */
const layout = (page, root) =>
  page.locator(root).evaluate((app) =>
    [app, ...app.querySelectorAll('*')].map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.tagName} ${r.x},${r.y} ${r.width}×${r.height} ${e.children.length ? '' : e.textContent}`;
    }),
  );
const APP = '.ugb-app:not([data-ugb-first])';

test('the first screen is laid out as the app’s own, element for element: the start page and the first question, at 390 and 1366 px', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
    // The start page: before the wasm, then the app's, which takes its place.
    let { context, page, release } = await held(viewport);
    await page.goto(env.url('/'));
    await page.locator(`${FIRST} h2`).waitFor();
    const before = await layout(page, FIRST);
    release();
    await ready(page);
    assert.deepEqual(before, await layout(page, APP), `the start page at ${viewport.width} px`);
    // The first question, shown by "Start" before the wasm, and by the app.
    await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
    await page.getByText('Spørgsmål 1 af 19').waitFor();
    const app = await layout(page, APP);
    await context.close();
    ({ context, page, release } = await held(viewport));
    await page.goto(env.url('/'));
    await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
    await page.locator(`${FIRST} fieldset`).waitFor();
    assert.deepEqual(await layout(page, FIRST), app, `the first question at ${viewport.width} px`);
    release();
    await context.close();
  }
});

test('the week’s number and dates before the wasm are the app’s own, at a year’s end, across months and within one', async () => {
  for (const day of ['2026-12-31T09:00:00', '2027-01-04T09:00:00', '2026-05-27T09:00:00', '2026-06-10T23:30:00', '2026-03-29T12:00:00']) {
    const { context, page, release } = await held();
    await page.clock.setFixedTime(new Date(day));
    await page.goto(env.url('/'));
    const texts = (root) => page.locator(`${root} main section`).evaluate((s) => [s.querySelector('h2').textContent, s.querySelector('.ugb-dates').textContent]);
    await page.locator(`${FIRST} h2`).waitFor();
    const before = await texts(FIRST);
    release();
    await ready(page);
    assert.deepEqual(before, await texts('.ugb-app'), day);
    await context.close();
  }
});

test('by keyboard alone before the wasm: Tab to "Start", Enter, an arrow key to an answer; the app takes them as its own keys', async () => {
  const { context, page, release } = await held();
  await page.goto(env.url('/'));
  await tabTo(page, page.getByRole('button', { name: 'Start ugens spørgsmål' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'I de sidste 2 uger har jeg været glad og i godt humør' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const answer = page.getByRole('radio', { name: 'Det meste af tiden' });
  assert.equal(await answer.isChecked(), true);
  release();
  await ready(page);
  // Started in the app and the answer given; as the app's own arrow keys do, it stays on
  // the question, the focus on the answer chosen.
  await page.getByText('Spørgsmål 1 af 19').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('input[type="radio"]:checked'));
  assert.equal(await answer.isChecked(), true);
  assert.equal(await answer.evaluate((radio) => radio === document.activeElement), true, 'the focus is on the answer');
  // The answer is the app's: kept as the check-in goes.
  await page.waitForFunction(() => localStorage.getItem('ugeblik.v1.draft') !== null);
  // Enter goes on, as in the app; and back by keyboard, the answer is there.
  await page.keyboard.press('Enter');
  await page.getByText('Spørgsmål 2 af 19').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('main h2'));
  await tabTo(page, page.getByRole('button', { name: 'Tilbage' }));
  await page.keyboard.press('Enter');
  await page.getByText('Spørgsmål 1 af 19').waitFor();
  assert.equal(await answer.isChecked(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the easy-read choice ticked by keyboard before the wasm is ticked in the app, with the focus on it', async () => {
  const { context, page, release } = await held();
  await page.goto(env.url('/'));
  const easy = page.getByRole('checkbox', { name: 'Brug lette ord i spørgsmålene' });
  await tabTo(page, easy);
  await page.keyboard.press('Space');
  assert.equal(await easy.isChecked(), true);
  release();
  await ready(page);
  await page.waitForFunction(() => document.activeElement?.id === 'ugb-easy-read');
  assert.equal(await easy.isChecked(), true);
  assert.equal(await page.locator('.ugb-app').count(), 1);
  // And the app acted on it: the choice is kept.
  await page.waitForFunction(() => (localStorage.getItem('ugeblik.v1.settings') ?? '').includes('true'));
  await context.close();
});

test('"Luk hurtigt" before the wasm leaves at once, on the start page and on the question; the back button does not bring the app back', async () => {
  for (const onQuestion of [false, true]) {
    const { context, page, release } = await held();
    // A page the citizen came from, so that the back button has somewhere to go.
    await page.goto('about:blank');
    await page.goto(env.url('/'));
    if (onQuestion) {
      await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
      await page.getByRole('radio', { name: 'Det meste af tiden' }).click();
    }
    // The wasm is still held: the exit does not wait for it.
    await page.getByRole('button', { name: 'Luk hurtigt' }).click();
    await page.waitForURL('about:blank');
    assert.equal(await page.title(), '');
    assert.equal((await page.textContent('body')) ?? '', '');
    release();
    await page.goBack().catch(() => null);
    const shown = await page.content();
    assert.ok(!shown.includes('Ugeblik'), shown.slice(0, 200));
    assert.ok(!page.url().startsWith(env.url('/')), page.url());
    await context.close();
  }
});

test('a tap whose control the app no longer has there is not given to anything else', async () => {
  const { context, page, release } = await held();
  await page.goto(env.url('/'));
  // "Udvikling" waits for the app; "Start" then shows the question before the wasm. In the
  // app, "Udvikling" leads to the progress screen, where "Start" is not: the check-in is
  // not begun.
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  release();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('.ugb-nav [aria-current="page"]')?.textContent === 'Udvikling');
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft')), null, 'no check-in begun');
  await context.close();
});

test('the app cannot be fetched: the first screen says so, keeps working, and "Prøv igen" loads the app', async () => {
  const { context, page } = await newPage(env.browser);
  let online = false;
  await page.route(/\/ugeblik-[0-9a-f]{16}_bg\.wasm$/, (route) => (online ? route.continue() : route.abort('internetdisconnected')));
  await page.goto(env.url('/'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'Ugeblik kunne ikke hentes helt. Prøv igen, når telefonen er på nettet.Prøv igen');
  const again = page.getByRole('button', { name: 'Prøv igen' });
  assert.equal(await again.evaluate((button) => button === document.activeElement), true, 'the way on has the focus');
  await expectNoAxeViolations(page, 'the first screen, the app not fetched');
  // The first question still shows, and the notice with it.
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByRole('heading', { name: 'I de sidste 2 uger har jeg været glad og i godt humør' }).waitFor();
  assert.equal(await alert.isVisible(), true, 'still said on the question');
  // Online again: "Prøv igen" loads the page anew, and the app starts.
  online = true;
  await again.click();
  await ready(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ugeblik.'))), [], 'nothing stored by the failure');
  assert.deepEqual(page.errors.filter((e) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});

test('a returning citizen or a language asked for: no first screen, the app as before', async () => {
  const cases = [
    ['stored', '/', () => localStorage.setItem('ugeblik.v1.settings', '{"lang":"ar"}')],
    ['asked', '/?lang=en', null],
  ];
  for (const [name, path, setUp] of cases) {
    const { context, page, release } = await held();
    if (setUp) await context.addInitScript(setUp);
    await page.goto(env.url(path));
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.locator('.ugb-app').count(), 0, `${name}: nothing until the app is there`);
    release();
    await ready(page);
    assert.equal(await page.locator('.ugb-app').count(), 1, name);
    await context.close();
  }
});
