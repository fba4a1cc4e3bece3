// The consultant's viewer in real Chromium: citizens' files shown read-only, one after
// another, and the browser's own storage left exactly as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, newPage, ready, drawn, redrawn, until, expectNoAxeViolations, seedHistory, who5Response, weeksAgo, savedFile, moreChoices, menu } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** Saves a citizen's file from a profile with these responses. */
const citizenFile = (responses, nickname) => savedFile(env, responses, 'Gem fil til din konsulent', nickname);

const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** A fresh phone's viewer (`?viewer`), drawn, and its storage as it was before any file. */
async function openViewer() {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?viewer'));
  await ready(page);
  await drawn(page);
  return { context, page, before: await snapshot(page) };
}

test("the viewer shows one file after another and leaves this browser's storage untouched", async () => {
  const first = await citizenFile([who5Response(weeksAgo(2), [2, 2, 2, 2, 2]), who5Response(weeksAgo(1), [3, 3, 3, 3, 3])], 'Sag 1');
  const second = await citizenFile([who5Response(weeksAgo(3), [4, 4, 4, 4, 4]), who5Response(weeksAgo(2), [5, 5, 5, 5, 5]), who5Response(weeksAgo(0), [1, 1, 1, 1, 1])], 'Sag 2');

  const { context, page } = await newPage(env.browser, { width: 1280, height: 900 });
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(0), [4, 4, 4, 4, 2], 'min egen')]);
  const before = await snapshot(page);

  // The way in from the app: "Om Ugeblik" links to the viewer.
  await menu(page, 'Om Ugeblik');
  await page.getByRole('link', { name: 'Åbn en borgers fil' }).click();
  await page.waitForURL(/\?viewer$/);
  await ready(page);
  await drawn(page);
  const picker = page.getByLabel('Åbn en borgers fil');
  await expectNoAxeViolations(page, 'the viewer before a file');
  await redrawn(page, () => picker.setInputFiles({ name: 'sag1.json', mimeType: 'application/json', buffer: Buffer.from(first) }));
  await page.getByText('Fil: Sag 1 · 2 svar').waitFor();
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  const values = () => page.locator('#ugb-numbers tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td').textContent));
  assert.deepEqual(await values(), ['40', '60']);
  await expectNoAxeViolations(page, 'the viewer with a file');

  await redrawn(page, () => picker.setInputFiles({ name: 'sag2.json', mimeType: 'application/json', buffer: Buffer.from(second) }));
  await page.getByText('Fil: Sag 2 · 3 svar').waitFor();
  assert.deepEqual(await values(), ['80', '100', '20']);

  await redrawn(page, () => picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "other"}') }));
  await page.getByRole('alert').getByText('Filen er fra et andet program (other)').waitFor();

  assert.equal(await snapshot(page), before, "the viewer's own storage is untouched");
  assert.equal(await page.getByText('min egen').count(), 0, "the browser's own data is not shown");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the viewer offers none of the citizen's own screens, and keeps the file open in another language", async () => {
  const file = await citizenFile([who5Response(weeksAgo(2), [2, 2, 2, 2, 2]), who5Response(weeksAgo(1), [3, 3, 3, 3, 3])], 'Sag 3');
  const { context, page, before } = await openViewer();
  // No check-in that would end "Your answers are saved" and store nothing; no goals to edit.
  assert.equal(await page.getByRole('navigation').count(), 0, 'no menu of the citizen screens');
  for (const name of ['Denne uge', 'Start ugens spørgsmål', 'Mål', 'Tidligere uger', 'Lås og sletning']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, `no "${name}"`);
  }
  await redrawn(page, () => page.getByLabel('Åbn en borgers fil').setInputFiles({ name: 'sag3.json', mimeType: 'application/json', buffer: Buffer.from(file) }));
  await page.getByText('Fil: Sag 3 · 2 svar').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('File: Sag 3 · 2 answers').waitFor();
  await drawn(page);
  await expectNoAxeViolations(page, 'the viewer in English with a file');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByText('Fil: Sag 3 · 2 svar').waitFor();
  assert.equal(await snapshot(page), before, 'nothing stored');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the viewer opens a locked file with its passphrase, draws its own choices from the file, and says a refusal again in another language', async () => {
  // A citizen's locked file, saved on their phone with their passphrase.
  const history = [who5Response(weeksAgo(30), [2, 2, 2, 2, 2]), who5Response(weeksAgo(1), [4, 4, 4, 4, 4])];
  const locked = await savedFile(env, history, 'Gem fil til din konsulent', 'Sag 4', 'borgerens kodeord');
  assert.match(locked, /"format":"ugeblik-sealed"/);
  const citizenPlain = await citizenFile(history, 'Sag 4');

  const { context, page, before } = await openViewer();
  const picker = page.getByLabel('Åbn en borgers fil');
  await picker.setInputFiles({ name: 'sag4.locked.json', mimeType: 'application/json', buffer: Buffer.from(locked) });
  const field = page.getByLabel('Filens kodeord');
  await field.waitFor();
  await until(page, () => document.activeElement?.id === 'ugb-import-passphrase');
  await expectNoAxeViolations(page, 'the viewer asking for a locked file’s passphrase');
  await field.fill('forkert kodeord');
  await page.keyboard.press('Enter');
  await page.getByText('Kodeordet passer ikke til filen. Intet er ændret. Prøv igen.').waitFor();
  assert.equal(await page.getByLabel('Filens kodeord').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#ugb-viewer-summary').count(), 0, 'nothing of the file shown');
  await page.getByLabel('Filens kodeord').fill('borgerens kodeord');
  await redrawn(page, () => page.getByRole('button', { name: 'Åbn filen' }).click());
  await page.getByText('Fil: Sag 4 · 2 svar').waitFor();

  // The choices are the file's: a custom period starts at the file's first week.
  await redrawn(page, () => page.getByRole('button', { name: 'Vælg selv' }).click());
  assert.equal(await page.getByLabel('Fra').inputValue(), weeksAgo(30));
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  const values = await page.locator('#ugb-numbers tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td').textContent));
  assert.deepEqual(values, ['40', '80']);

  // A file that is refused says why, and says it again in the language chosen.
  await redrawn(page, () => picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "other"}') }));
  await page.getByRole('alert').getByText('Filen er fra et andet program (other)').waitFor();
  assert.equal(await page.locator('#ugb-numbers').count(), 0, 'the file before is no longer shown');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('alert').getByText('The file is from another program (other)').waitFor();

  // A file too large is refused before the worker reads it: the one before stays put away,
  // in either language.
  const englishPicker = page.getByLabel("Open a citizen's file");
  await redrawn(page, () => englishPicker.setInputFiles({ name: 'sag4.json', mimeType: 'application/json', buffer: Buffer.from(citizenPlain) }));
  await page.getByText('File: Sag 4 · 2 answers').waitFor();
  await redrawn(page, () => englishPicker.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) }));
  await page.getByRole('alert').getByText('The file is too large.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByRole('alert').getByText('Filen er for stor.', { exact: false }).waitFor();
  await drawn(page);
  assert.equal(await page.locator('#ugb-viewer-summary').count(), 0, 'the file before is not shown again');
  assert.equal(await snapshot(page), before, 'nothing stored');
  assert.deepEqual(page.errors, []);
  await context.close();
});
