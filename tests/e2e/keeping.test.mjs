// Keeping the data: the phone is asked to keep the site's storage once there is something
// to keep, and the start page reminds the citizen to save a copy when the last one is old
// (or there is none), with one tap to save it. The browser's clock is moved week by week.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, newPage, ready, checkIn, expectNoAxeViolations } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('persistent storage is asked for, and the start page reminds of a backup that one tap saves', async () => {
  const { context, page } = await newPage(env.browser);
  // Observed, not replaced: the real persist() still runs.
  await page.addInitScript(() => {
    window.persistAsked = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.persistAsked += 1;
      return persist.call(this);
    };
  });
  await page.clock.install({ time: new Date('2026-11-02T10:00:00') });
  await page.goto(env.url('/'));
  await ready(page);
  assert.equal(await page.evaluate(() => window.persistAsked), 0, 'not asked before there is anything to keep');
  await checkIn(page);
  assert.equal(await page.evaluate(() => window.persistAsked), 1, 'asked once the first answers are saved');
  await page.getByRole('button', { name: 'Til forsiden' }).click();
  assert.equal(await page.getByRole('button', { name: 'Gem en kopi nu' }).count(), 0, 'no reminder for a new history');

  // Two weeks on, never saved: the reminder, and one tap saves the file of everything.
  await page.clock.setFixedTime(new Date('2026-11-16T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByText('Du har ikke gemt en kopi af dine svar endnu.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the start page with the backup reminder');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem en kopi nu' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-2026-W47\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'ugeblik-export');
  assert.equal(file.responses.length, 3);
  // Only the citizen knows whether the download arrived: the copy counts once they say so.
  const early = JSON.parse((await page.evaluate(() => localStorage.getItem('ugeblik.v1.settings'))) ?? '{}');
  assert.equal(early.backup ?? null, null, 'not counted before the citizen says the file is there');
  await page.getByRole('group').filter({ hasText: 'Er filen gemt?' }).waitFor();
  await expectNoAxeViolations(page, 'the question whether the copy arrived');
  await page.getByRole('button', { name: 'Ja, jeg har filen' }).click();
  await page.getByText('Din kopi er gemt.').waitFor();
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.settings')));
  assert.equal(settings.backup, '2026-11-16');
  assert.equal(settings.lang, null, 'saving a copy does not choose a language for the citizen');
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Gem en kopi nu' }).count(), 0, 'a fresh copy: no reminder');

  // Five weeks after that copy: how old it is, in weeks.
  await page.clock.setFixedTime(new Date('2026-12-21T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByText('Din sidste kopi af svarene er fra for 5 uger siden.').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
