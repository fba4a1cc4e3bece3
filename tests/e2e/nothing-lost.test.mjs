// Nothing lost, nothing misleading: a copy counts only when the app has evidence of it,
// deleting at the end of the programme is a step of its own, and a save that fails says
// so and keeps every answer. Real Chromium, real localStorage, real downloads; the share
// sheet (which headless Chromium lacks) is stubbed, with its refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, newPage, ready, checkIn, drawn, expectNoAxeViolations, menu } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** Everything in this page's localStorage, in a stable order. */
const storage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** A phone whose programme ended on 31 March 2027, with one check-in saved, opened the
 *  day after; `share` stubs the share sheet ('reject' with AbortError, 'resolve'). */
async function afterTheEnd(share) {
  const { context, page } = await newPage(env.browser);
  if (share) {
    await page.addInitScript((how) => {
      window.shared = 0;
      navigator.canShare = () => true;
      navigator.share = () => {
        window.shared += 1;
        return how === 'resolve' ? Promise.resolve() : Promise.reject(new DOMException('Share canceled', 'AbortError'));
      };
    }, share);
  }
  await page.clock.install({ time: new Date('2027-03-20T10:00:00') });
  await page.goto(env.url('/'));
  await ready(page);
  await checkIn(page);
  await page.evaluate(() => localStorage.setItem('ugeblik.v1.safety', '{"version":1,"autoLock":5,"end":"2027-03-31"}'));
  await page.clock.setFixedTime(new Date('2027-04-01T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByText('Dit forløb sluttede 31. mar. 2027.', { exact: false }).waitFor();
  return { context, page };
}

test('a cancelled share at the end of the programme keeps every byte and never says the copy is saved', async () => {
  const { context, page } = await afterTheEnd('reject');
  const before = await storage(page);
  await page.getByRole('button', { name: 'Gem en kopi nu' }).click();
  await page.getByRole('alert').filter({ hasText: 'Kopien blev ikke gemt, fordi delingen blev afbrudt.' }).waitFor();
  assert.equal(await page.evaluate(() => window.shared), 1, 'the share sheet was offered');
  assert.deepEqual(await storage(page), before, 'storage byte for byte as it was');
  assert.equal(await page.getByText('Din kopi er gemt', { exact: false }).count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'slettet' }).count(), 0, 'nothing says it was deleted');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a share that went through counts as the copy; deleting everything is then offered, and done only when chosen', async () => {
  const { context, page } = await afterTheEnd('resolve');
  const history = await page.evaluate(() => localStorage.getItem('ugeblik.v1.history'));
  await page.getByRole('button', { name: 'Gem en kopi nu' }).click();
  const offer = page.getByRole('group').filter({ hasText: 'Dit forløb er slut, og din kopi er gemt.' });
  await offer.waitFor();
  await expectNoAxeViolations(page, 'the offer to delete everything after the last copy');
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), history, 'nothing deleted yet');
  const settings = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.settings')));
  assert.equal(settings.backup, '2027-04-01', 'the copy counts: the reminder starts again from today');
  await offer.getByRole('button', { name: 'Ja, slet alt fra telefonen nu' }).click();
  await page.getByRole('heading', { name: 'Din kopi er gemt, og alt er slettet fra telefonen.', exact: false }).waitFor();
  assert.deepEqual(await storage(page), {});
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a cancelled download at the end of the programme deletes nothing and does not count as a copy; the citizen’s word does, by keyboard too', async () => {
  const { context, page } = await afterTheEnd();
  const before = await storage(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem en kopi nu' }).click(),
  ]);
  await download.cancel();
  const check = page.getByRole('group').filter({ hasText: 'Er filen gemt?' });
  await check.waitFor();
  assert.deepEqual(await storage(page), before, 'storage byte for byte as it was');
  assert.equal(await page.getByText('Din kopi er gemt', { exact: false }).count(), 0);

  // Had the file arrived after all, the citizen says so by keyboard, and focus follows:
  // one Tab from what the panel now says to deleting, never back from the page's top.
  await check.getByRole('button', { name: 'Ja, jeg har filen' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Dit forløb er slut, og din kopi er gemt.').waitFor();
  // Focus moves to the panel's new text in the next frame (a loaded machine may draw the
  // text first): a person reads it before pressing on.
  await page.waitForFunction(() => document.activeElement?.id === 'ugb-copy-text');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Ja, slet alt fra telefonen nu');
  await context.close();
});

/** Fills this origin's localStorage to the last byte (under keys of its own). */
async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; ) {
      try {
        localStorage.setItem(`filler.${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

test('a save that fails with storage full says so, keeps every answer, and saves once there is room', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 18; n++) {
    await page.getByText(`Spørgsmål ${n} af 19`, { exact: true }).waitFor();
    const who5 = page.getByRole('radio', { name: 'Det meste af tiden', exact: true });
    if (await who5.count()) await who5.click();
    else await page.getByRole('radio', { name: '7', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Spring over' }).click();
  await page.getByLabel('Note (frivillig)').fill('En god uge');
  const { draft } = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft')));
  const answered = Object.values(draft.answers).reduce((n, a) => n + Object.keys(a).length, 0);
  assert.equal(answered, 18);

  await fillStorage(page);
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Dine svar er IKKE gemt' });
  await alert.waitFor();
  await expectNoAxeViolations(page, 'the last step after a failed save');
  assert.equal(await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).count(), 0, 'never "saved"');
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), null, 'nothing half-stored');
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft'))).draft;
  assert.deepEqual(kept.answers, draft.answers, 'the stored check-in still holds every answer');
  assert.equal(kept.note, 'En god uge');

  // The way out: the answers as a file, from memory.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Gem svarene som fil' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.responses.length, 3, 'the file holds the check-in that could not be stored');
  assert.ok(file.responses.some((r) => r.note === 'En god uge'));

  // The next start (a reload) opens the check-in as it was: nothing written over it.
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
  const again = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft'))).draft;
  assert.deepEqual(again.answers, draft.answers);

  // Room again: saving works, once, with every answer.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
  const history = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.equal(history.responses.length, 3);
  assert.equal(Object.keys(history.responses.find((r) => r.instrument === 'who5').answers).length, 5);
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.draft')), null);
  await context.close();
});

test('on a shared phone no password manager is asked to fill in or keep the passphrase', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await menu(page, 'Lås og sletning');
  await drawn(page);
  const fields = () => page.locator('input[type="password"]').evaluateAll((inputs) => inputs.map((i) => [i.id, i.autocomplete]));
  const set = await fields();
  assert.ok(set.length >= 2);
  assert.deepEqual(set.filter(([, how]) => how !== 'off'), [], 'the fields that set a passphrase');
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('blå kat 2027');
  await page.getByLabel('Skriv det nye kodeord igen').fill('blå kat 2027');
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
  const change = await fields();
  assert.ok(change.length >= 3);
  assert.deepEqual(change.filter(([, how]) => how !== 'off'), [], 'the fields that change or remove it');
  await page.reload();
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  assert.deepEqual(await fields(), [['ugb-passphrase', 'off']], 'the lock screen');
  await context.close();
});
