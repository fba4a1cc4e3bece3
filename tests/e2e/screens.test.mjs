// The page's screens around the check-in as a citizen meets them: the header with its
// menu and language switch, by role, name and state (pressed, current). What the host
// tests of their HTML asserted before they became Leptos components.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn, expectNoAxeViolations } from './helpers.mjs';

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

async function setPassphrase(page) {
  await page.getByRole('button', { name: 'Lås og sletning' }).click();
  await drawn(page);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill(PASSPHRASE);
  await page.getByLabel('Skriv det nye kodeord igen').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
}

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

  await setPassphrase(page);
  await banner.getByRole('button', { name: 'Lås', exact: true }).waitFor();
  assert.deepEqual(await current(page, 'Hovedmenu'), ['Lås og sletning']);
  assert.deepEqual(page.errors, []);
  await context.close();
});
