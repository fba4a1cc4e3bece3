// The page's screens around the check-in as a citizen meets them: the header with its
// menu and language switch, the start page, the notices and the lock screen, by role,
// name and state (pressed, current, checked, invalid, busy) and by keyboard. What the host tests of their HTML asserted
// before they became Leptos components.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, expectNoAxeViolations, setPassphrase } from './helpers.mjs';

const PASSPHRASE = 'blå kat 2027';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** The `aria-pressed` of each button in the group `name`, by the button's text. */
async function pressed(page, name) {
  const buttons = page.getByRole('group', { name, exact: true }).getByRole('button');
  return buttons.evaluateAll((all) => Object.fromEntries(all.map((b) => [b.textContent, b.getAttribute('aria-pressed')])));
}

/** The menu's items that are marked as the page shown. */
async function current(page, menu) {
  return page
    .getByRole('navigation', { name: menu })
    .getByRole('button')
    .evaluateAll((all) => all.filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.textContent));
}


const focusedId = (page) => page.evaluate(() => document.activeElement?.id);

test('the header marks the screen shown as the page and the language shown as pressed, and offers lock only with a passphrase', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const banner = page.getByRole('banner');
  assert.deepEqual(await current(page, 'Hovedmenu'), ['Denne uge']);
  assert.deepEqual(await pressed(page, 'Sprog'), { Dansk: 'true', English: 'false', العربية: 'false', Українська: 'false' });
  assert.equal(await banner.getByRole('button', { name: 'Luk hurtigt' }).count(), 1);
  assert.equal(await banner.getByRole('button', { name: 'Lås', exact: true }).count(), 0, 'no lock without a passphrase');

  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await page.getByRole('heading', { name: 'Mål', level: 2 }).waitFor();
  assert.deepEqual(await current(page, 'Hovedmenu'), ['Mål']);
  // Another language: every text of the header follows, the marks stay where they were.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  assert.deepEqual(await current(page, 'Main menu'), ['Goals']);
  assert.deepEqual(await pressed(page, 'Language'), { Dansk: 'false', English: 'true', العربية: 'false', Українська: 'false' });
  assert.equal(await banner.getByRole('button', { name: 'Quick exit' }).count(), 1);
  // The check-in and its thank-you belong to "This week".
  await page.getByRole('button', { name: 'This week' }).click();
  await page.getByRole('button', { name: "Start this week's questions" }).click();
  await page.getByText('Question 1 of 19').waitFor();
  assert.deepEqual(await current(page, 'Main menu'), ['This week']);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByText('Spørgsmål 1 af 19').waitFor();
  await page.getByRole('button', { name: 'Tilbage' }).click();
  await page.getByRole('button', { name: 'Fortsæt, hvor du slap' }).waitFor();
  await page.getByText('Du er i gang. Du har svaret på 0 af 19 spørgsmål.').waitFor();
  await expectNoAxeViolations(page, 'the start page with a check-in begun');

  await setPassphrase(page, PASSPHRASE);
  await banner.getByRole('button', { name: 'Lås', exact: true }).waitFor();
  // On a phone the screen shown is under "Mere": "Mere" is marked, and opened it says which.
  const more = page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Mere', exact: true });
  const colours = await page.evaluate(() =>
    ['.ugb-nav__more button', '.ugb-nav__bar li:first-child button'].map((s) => getComputedStyle(document.querySelector(s)).color),
  );
  assert.deepEqual(colours, ['rgb(11, 92, 173)', 'rgb(27, 31, 36)'], '"Mere" in the accent colour, "Denne uge" not');
  assert.deepEqual(await current(page, 'Hovedmenu'), []);
  await more.click();
  assert.deepEqual(await current(page, 'Hovedmenu'), ['Lås og sletning']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the lock screen by keyboard: the field has the focus, a wrong passphrase is marked and said, a refused delete puts focus on the tick', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await setPassphrase(page, PASSPHRASE);
  await page.reload();
  await page.getByRole('heading', { name: 'Ugeblik er låst', level: 2 }).waitFor();
  const field = page.getByLabel('Kodeord', { exact: true });
  await page.waitForFunction(() => document.activeElement?.type === 'password');
  assert.equal(await field.getAttribute('autocomplete'), 'off', 'no password manager offers it to the next person');
  assert.equal(await field.getAttribute('aria-invalid'), null);
  assert.equal(await page.getByRole('banner', { name: 'Ugeblik' }).count(), 1, 'its landmarks are named');
  assert.equal(await page.getByRole('main', { name: 'Ugeblik' }).count(), 1);

  // A wrong passphrase, typed and sent with Enter: busy while the key is made, then said
  // at the field, which is emptied and has the focus again.
  await page.keyboard.type('forkert kodeord');
  await page.keyboard.press('Enter');
  const busy = page.getByRole('button', { name: 'Åbner …' });
  await busy.waitFor();
  assert.equal(await busy.getAttribute('aria-disabled'), 'true');
  await page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke.' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Lås op' }).getAttribute('aria-disabled'), null);
  await page.waitForFunction(() => document.activeElement?.type === 'password');
  await expectNoAxeViolations(page, 'the lock screen after a wrong passphrase');

  // The language, by keyboard: the screen follows, and the focus stays on the switch.
  await page.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Ugeblik is locked', level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'English');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('alert').filter({ hasText: 'That passphrase does not fit.' }).waitFor();

  // Deleting without the tick: said, and the focus goes to the tick, one key from it.
  await page.getByRole('button', { name: 'Delete everything' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Tick the box first' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.type === 'checkbox');
  assert.equal(await focusedId(page), 'ugb-delete-confirm');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // A fresh start, in Danish: the language was chosen on the lock screen for that visit.
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ugeblik.'))), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the start page by role and name: this week, start, the easy-words tick; no reminder or portal question with nothing to say', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 2, name: /^Uge \d+$/ }).waitFor();
  const tick = main.getByRole('checkbox', { name: 'Brug lette ord i spørgsmålene' });
  assert.equal(await tick.isChecked(), false);
  assert.match(await tick.getAttribute('aria-describedby'), /\S/, 'the tick is explained');
  // A new history, outside a portal: neither the reminder nor the portal's question shows.
  assert.equal(await main.getByRole('note').count(), 0);
  assert.equal(await main.getByRole('button', { name: 'Gem en kopi nu' }).count(), 0);
  assert.equal(await main.getByRole('button', { name: 'Nej, ingen besked' }).count(), 0);
  assert.equal(await page.getByText('Du er i gang.', { exact: false }).count(), 0, 'nothing begun, nothing said of it');
  await expectNoAxeViolations(page, 'the start page');

  // The tick is kept: after a reload it is still ticked.
  await tick.check();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('checkbox', { name: 'Brug lette ord i spørgsmålene' }).isChecked(), true);

  // The language switch: the page follows, the tick and the week with it.
  await page.getByRole('button', { name: 'English' }).click();
  await main.getByRole('heading', { level: 2, name: /^Week \d+$/ }).waitFor();
  assert.equal(await main.getByRole('checkbox', { name: 'Use easy words in the questions' }).isChecked(), true);
  await main.getByRole('button', { name: "Start this week's questions" }).click();
  await page.getByText('Question 1 of 19', { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the notices are one live region: the demo’s banner first, then a setting not understood, both following the language', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?demo&who5=monthly'));
  await ready(page);
  // The live region holding the demo's banner, and what it says, notice by notice.
  const region = (banner) => page.getByRole('status').filter({ hasText: banner });
  const said = (banner) =>
    region(banner).evaluate((live) => [...live.children].map((notice) => notice.innerText.trim()).filter(Boolean));
  await region('Demo: opdigtede svar').waitFor();
  assert.deepEqual(await said('Demo: opdigtede svar'), [
    'Demo: opdigtede svar, ikke dine. Intet her bliver gemt.',
    'Indstillingen „who5“ i adressen forstås ikke („monthly“). Standarden bruges.',
  ]);
  await page.getByRole('button', { name: 'English' }).click();
  await region('Demo: made-up answers').waitFor();
  assert.deepEqual(await said('Demo: made-up answers'), [
    'Demo: made-up answers, not yours. Nothing here is saved.',
    'The setting “who5” in the address is not understood (“monthly”). The default is used.',
  ]);
  assert.deepEqual(page.errors, []);
  await context.close();
});
