// The main menu does not move: on a phone a tab bar fixed at the bottom of the screen (four
// screens and "Mere", which opens the rest), on a wide screen one row; every item keeps its
// place on every screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, newPage, ready, drawn, expectNoAxeViolations, menu, PHONE } from './helpers.mjs';

const SHOTS = new URL('./artifacts/menu/', import.meta.url).pathname;
const SCREENS = ['Udvikling', 'Mål', 'Tidligere uger', 'Lås og sletning', 'Om Ugeblik', 'Denne uge'];

let env;
before(async () => {
  env = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => env?.close());

/** Every menu button shown, with its box (rounded to whole pixels). */
function boxes(page) {
  return page.getByRole('navigation', { name: 'Hovedmenu' }).evaluate((nav) =>
    [...nav.querySelectorAll('button')]
      .filter((b) => b.getClientRects().length)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return [b.textContent.trim(), Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      }),
  );
}

async function open(page, name) {
  await menu(page, name);
  await page.locator('main h2').first().waitFor();
}

test('on a phone the menu is a tab bar at the bottom with four screens and "Mere", the same on every screen', async () => {
  const { context, page } = await newPage(env.browser, PHONE);
  await page.goto(env.url('/'));
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  const first = await boxes(page);
  assert.deepEqual(first.map(([name]) => name), ['Denne uge', 'Udvikling', 'Mål', 'Tidligere uger', 'Mere']);
  const bar = await nav.boundingBox();
  assert.ok(Math.abs(bar.y + bar.height - PHONE.height) <= 1, `at the bottom of the screen: ${JSON.stringify(bar)}`);
  for (const [name, , , w, h] of first) assert.ok(h >= 44 && w >= 44, `${name}: ${w} × ${h}`);
  await page.screenshot({ path: `${SHOTS}menu-da-390.png` });

  for (const name of SCREENS) {
    await open(page, name);
    // "Mere" is closed again once a screen is chosen.
    assert.deepEqual(await boxes(page), first, `the tab bar on "${name}"`);
    const box = await nav.boundingBox();
    assert.ok(Math.abs(box.y + box.height - PHONE.height) <= 1, `still at the bottom on "${name}"`);
  }

  // "Mere" opens the rest above the bar, and closes it again; a choice closes it too.
  const more = nav.getByRole('button', { name: 'Mere', exact: true });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  const safety = nav.getByRole('button', { name: 'Lås og sletning', exact: true });
  const rest = await safety.boundingBox();
  assert.ok(rest.y + rest.height <= bar.y + 1 && rest.height >= 44, `above the bar: ${JSON.stringify(rest)}`);
  await expectNoAxeViolations(page, 'the tab bar with "Mere" open');
  await page.screenshot({ path: `${SHOTS}menu-more-da-390.png` });
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await safety.isVisible(), false);
  // By keyboard: "Mere", then Tab to a screen in it, Enter; the rest closes.
  await more.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Lås og sletning');
  await page.keyboard.press('Enter');
  await page.locator('main h2').first().waitFor();
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await safety.isVisible(), false);

  // Nothing of the page hides under the bar: scrolled to the end (once the screen's
  // content is in place), the last control is above it.
  await open(page, 'Tidligere uger');
  await drawn(page);
  const [last, top] = await page.evaluate(async () => {
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const all = [...document.querySelectorAll('main button, main input, main select, main textarea, main a')];
    const shown = all.filter((e) => e.getClientRects().length);
    return [shown.at(-1).getBoundingClientRect().bottom, document.querySelector('.ugb-nav').getBoundingClientRect().top];
  });
  assert.ok(last <= top, `the last control (bottom ${last}) is above the bar (top ${top})`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('on a wide screen the menu is one row of every screen, the same on every screen', async () => {
  const { context, page } = await newPage(env.browser, { width: 1366, height: 768 });
  await page.goto(env.url('/'));
  await ready(page);
  const first = await boxes(page);
  assert.deepEqual(first.map(([name]) => name), ['Denne uge', 'Udvikling', 'Mål', 'Tidligere uger', 'Lås og sletning', 'Om Ugeblik']);
  assert.equal(new Set(first.map(([, , y]) => y)).size, 1, `one row: ${JSON.stringify(first)}`);
  await page.screenshot({ path: `${SHOTS}menu-da-1366.png` });
  for (const name of SCREENS) {
    await open(page, name);
    assert.deepEqual(await boxes(page), first, `the menu on "${name}"`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('in Arabic the tab bar mirrors and keeps its places too', async () => {
  const { context, page } = await newPage(env.browser, PHONE);
  await page.goto(env.url('/?lang=ar'));
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
  await nav.getByRole('button', { name: 'المزيد', exact: true }).waitFor();
  const items = await nav.evaluate((n) =>
    [...n.querySelectorAll('.ugb-nav__bar button')].map((b) => Math.round(b.getBoundingClientRect().x)),
  );
  assert.equal(items.length, 5);
  assert.ok(items[0] > items[4], `right to left: ${items}`);
  await page.screenshot({ path: `${SHOTS}menu-ar-390.png` });
  await expectNoAxeViolations(page, 'the tab bar in Arabic');
  await context.close();
});
