// Shared phones: the passphrase lock (encrypted at rest, unlock, wrong passphrase, change,
// remove), locking by itself after the idle time, quick exit, deleting everything, locked
// export files, and the end of the programme. Real Chromium, real localStorage and
// WebCrypto, controls found by role and name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, ready, checkIn, drawn, redrawn, expectNoAxeViolations, menu, PHONE } from './helpers.mjs';

const PASSPHRASE = 'blå kat 2027';
const NOTE = 'Hemmelig note om min uge';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** Everything the app keeps in this page's localStorage. */
async function storage(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** A fresh phone (empty storage) with the app open on its start page; with `time`, the
 *  phone's clock is Playwright's, starting then. */
async function opened(time) {
  const { context, page } = await newPage(env.browser);
  if (time) await page.clock.install({ time: new Date(time) });
  await page.goto(env.url('/'));
  await ready(page);
  return { context, page };
}

async function openSafety(page) {
  await menu(page, 'Lås og sletning');
  await page.getByRole('heading', { name: 'Lås og sletning', level: 2 }).waitFor();
  await drawn(page);
}

async function setPassphrase(page, passphrase = PASSPHRASE) {
  await openSafety(page);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill(passphrase);
  await page.getByLabel('Skriv det nye kodeord igen').fill(passphrase);
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
}

async function unlock(page, passphrase = PASSPHRASE) {
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  await page.getByLabel('Kodeord', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Lås op' }).click();
}

/** A check-in with a note on the last step. */
async function checkInWithNote(page) {
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 18; n++) {
    await page.getByText(`Spørgsmål ${n} af 19`, { exact: true }).waitFor();
    const who5 = page.getByRole('radio', { name: 'Det meste af tiden', exact: true });
    if (await who5.count()) await who5.click();
    else if (n === 18) await page.getByRole('button', { name: 'Spring over' }).click();
    else await page.getByRole('radio', { name: '7', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Spring over' }).click();
  await page.getByLabel('Note (frivillig)').fill(NOTE);
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
}

test('with a passphrase, localStorage holds no answer or note in plain text, and a wrong passphrase destroys nothing', async () => {
  const { context, page } = await opened();
  await checkInWithNote(page);
  const plain = await storage(page);
  assert.ok(plain['ugeblik.v1.history'].includes(NOTE), 'before: stored as plain text');

  await setPassphrase(page);
  await expectNoAxeViolations(page, 'the lock and delete screen, passphrase set');
  // A second check-in step after the lock: new writes are encrypted too.
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Ret ugens svar' }).click();
  await page.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('ugeblik.v1.draft') !== null);
  const sealed = await storage(page);
  const raw = JSON.stringify(sealed);
  for (const secret of [NOTE, 'who5', 'chime5', '"answers"', 'complete', 'Hele tiden']) {
    assert.ok(!raw.includes(secret), `no ${secret} in localStorage`);
  }
  const lock = JSON.parse(sealed['ugeblik.v1.lock']);
  assert.equal(lock.kdf, 'PBKDF2-SHA256');
  assert.ok(lock.iterations >= 600000);
  for (const key of ['ugeblik.v1.history', 'ugeblik.v1.draft']) {
    assert.match(sealed[key], /^\{"sealed":1,"iv":"[A-Za-z0-9+/=]{16}","data":"[A-Za-z0-9+/=]+"\}$/, key);
  }

  // Reload: the lock screen, and nothing of the answers on it.
  await page.reload();
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  assert.ok(!(await page.content()).includes(NOTE));
  await page.getByText('Uden kodeordet kan ingen åbne svarene', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the lock screen');
  const before = await storage(page);
  await unlock(page, 'forkert kodeord');
  await page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke.' }).waitFor();
  assert.equal(await page.getByLabel('Kodeord', { exact: true }).evaluate((e) => e === document.activeElement), true);
  assert.deepEqual(await storage(page), before, 'a wrong passphrase changes nothing, byte for byte');
  await expectNoAxeViolations(page, 'the lock screen after a wrong passphrase');

  await unlock(page);
  // The check-in in progress came back, at the step after the answer given after the lock.
  await page.getByText('Spørgsmål 2 af 19', { exact: true }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Hele tiden', exact: true }).count(), 1);
  await page.getByRole('button', { name: 'Tilbage' }).click();
  assert.ok(await page.getByRole('radio', { name: 'Hele tiden', exact: true }).isChecked());
  // And the saved week.
  await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
  await drawn(page);
  await page.getByText('Trivsel (WHO-5): 80 af 100').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the passphrase is changed with the current one, and can be removed', async () => {
  const { context, page } = await opened();
  await checkIn(page);
  await setPassphrase(page);
  // Too short, and two different: said at the field, nothing changed.
  await page.getByLabel('Dit nuværende kodeord').first().fill(PASSPHRASE);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('kort');
  await page.getByLabel('Skriv det nye kodeord igen').fill('kort');
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  await page.getByRole('alert').filter({ hasText: 'mindst 8 tegn' }).waitFor();
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('nyt kodeord 1');
  await page.getByLabel('Skriv det nye kodeord igen').fill('nyt kodeord 2');
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  await page.getByRole('alert').filter({ hasText: 'ikke ens' }).waitFor();
  // A wrong current passphrase.
  const before = await storage(page);
  await page.getByLabel('Dit nuværende kodeord').first().fill('ikke det rigtige');
  await page.getByLabel('Skriv det nye kodeord igen').fill('nyt kodeord 1');
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  await page.getByRole('alert').filter({ hasText: 'Dit nuværende kodeord passer ikke' }).waitFor();
  assert.deepEqual(await storage(page), before);
  // Right: changed.
  await page.getByLabel('Dit nuværende kodeord').first().fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  await page.getByText('Kodeordet er skiftet.').waitFor();
  await page.reload();
  await unlock(page, PASSPHRASE);
  await page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke.' }).waitFor();
  await unlock(page, 'nyt kodeord 1');
  await page.getByText('Du har svaret for denne uge. Tak!').waitFor();

  // Removed: plain text again, no lock screen.
  await openSafety(page);
  await page.getByLabel('Dit nuværende kodeord').nth(1).fill('nyt kodeord 1');
  await page.getByRole('button', { name: 'Fjern kodeordet' }).click();
  await page.getByText('Kodeordet er fjernet.', { exact: false }).waitFor();
  const after = await storage(page);
  assert.equal(after['ugeblik.v1.lock'], undefined);
  assert.equal(JSON.parse(after['ugeblik.v1.history']).responses.length, 3);
  await page.reload();
  await page.getByText('Du har svaret for denne uge. Tak!').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the app locks itself after the chosen idle time', async () => {
  const { context, page } = await opened('2026-11-02T10:00:00');
  await setPassphrase(page);
  await page.getByLabel('Lås, når Ugeblik ikke er brugt i').selectOption('1');
  await page.getByRole('button', { name: 'Gem', exact: true }).first().click();
  await page.getByText('Gemt.').waitFor();
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
  // Used within the minute: still open.
  await page.clock.runFor(50_000);
  await page.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
  await page.clock.runFor(50_000);
  assert.equal(await page.getByRole('heading', { name: 'Ugeblik er låst' }).count(), 0);
  // A minute without use: the lock screen, and the answers so far come back after it.
  await page.clock.runFor(20_000);
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  assert.ok(!(await page.content()).includes('Hele tiden'));
  await unlock(page);
  await page.getByText('Spørgsmål 3 af 19', { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('once unlocked, the lock screen is gone with its listeners: its form and buttons no longer act', async () => {
  const { context, page } = await opened();
  await setPassphrase(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  // A script could keep hold of the lock screen after it leaves the page.
  await page.evaluate(() => {
    window.lockScreen = document.querySelector('form').closest('.ugb-app');
  });
  await unlock(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  const before = await page.evaluate(() => window.lockScreen.innerHTML);
  // Submitted (on the old form and in the page) and its delete button pressed: nothing
  // listens any more, so nothing is stopped, the old screen is not drawn again, and the
  // app stays where it is.
  const stopped = await page.evaluate(() => {
    const submit = (target) => !target.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const stopped = [submit(window.lockScreen.querySelector('form')), submit(document.body)];
    [...window.lockScreen.querySelectorAll('button')].find((b) => b.textContent.includes('Slet alt')).click();
    return stopped;
  });
  assert.deepEqual(stopped, [false, false]);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.lockScreen.innerHTML), before, 'the old lock screen was not drawn again');
  assert.equal(await page.getByRole('heading', { name: 'Ugeblik er låst' }).count(), 0);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.ok(Object.keys(await storage(page)).includes('ugeblik.v1.lock'), 'nothing was deleted');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('quick exit leaves for an empty page, and the back button shows nothing of the app', async () => {
  const { context, page } = await opened();
  // The tab's title says nothing of what is on the screen.
  assert.equal(await page.title(), 'Ugeblik');
  await checkInWithNote(page);
  await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
  await drawn(page);
  assert.equal(await page.title(), 'Ugeblik');
  await page.getByRole('button', { name: 'Luk hurtigt' }).click();
  await page.waitForURL('about:blank');
  assert.equal(await page.title(), '');
  assert.equal((await page.textContent('body')) ?? '', '');
  await page.goBack().catch(() => null);
  // Whatever the back button shows, it is not the app or the note.
  const shown = await page.content();
  assert.ok(!shown.includes('Ugeblik') && !shown.includes(NOTE), shown.slice(0, 200));
  assert.ok(!page.url().startsWith(env.url('/')), page.url());
  await context.close();
});

test('deleting everything needs a tick, and then leaves nothing of the app in storage', async () => {
  const { context, page } = await opened();
  await checkIn(page);
  await setPassphrase(page);
  await page.evaluate(() => localStorage.setItem('portal.own', 'kept'));
  await page.getByRole('button', { name: 'Slet alt', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Sæt flueben først' }).waitFor();
  assert.ok(Object.keys(await storage(page)).some((k) => k.startsWith('ugeblik.')));
  await page.getByLabel('Ja, slet alle mine svar, mål og noter på denne telefon').check();
  await page.getByRole('button', { name: 'Slet alt', exact: true }).click();
  await page.getByRole('heading', { name: 'Alt er slettet fra denne telefon.' }).waitFor();
  await expectNoAxeViolations(page, 'after deleting everything');
  // Pending encrypted writes may not bring anything back.
  await page.waitForTimeout(300);
  assert.deepEqual(await storage(page), { 'portal.own': 'kept' });
  await page.getByRole('button', { name: 'Start forfra' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a forgotten passphrase: the lock screen can delete everything, after a tick', async () => {
  const { context, page } = await opened();
  await setPassphrase(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  await page.getByRole('button', { name: 'Slet alt' }).click();
  await page.getByRole('alert').filter({ hasText: 'Sæt flueben først' }).waitFor();
  await page.getByLabel('Ja, slet alle mine svar, mål og noter på denne telefon').check();
  await page.getByRole('button', { name: 'Slet alt' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.deepEqual(await storage(page), {});
  await context.close();
});

test('the lock screen’s own part: fetched when the locked phone opens; when it cannot be, that is said and nothing is touched', async () => {
  // No service worker: the part is not kept yet (offline before it was).
  const context = await env.browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(env.url('/'));
  await ready(page);
  await setPassphrase(page);
  const before = await storage(page);
  await page.route(/split_ugeblik_unlock\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.getByRole('alert').filter({ hasText: 'Denne side er ikke på telefonen endnu, og der er ingen forbindelse.' }).waitFor();
  await expectNoAxeViolations(page, 'the lock screen’s part not fetched');
  assert.deepEqual(await storage(page), before, 'storage byte for byte');
  // With the connection back, the lock screen opens and the passphrase opens the app.
  await page.unrouteAll();
  await page.reload();
  await unlock(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  await context.close();
});

test('an export locked with the passphrase opens on another phone only with it', async () => {
  const { context, page } = await opened();
  await checkInWithNote(page);
  await setPassphrase(page);
  await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
  await drawn(page);
  await page.getByLabel('Lås filen med mit kodeord').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem fil til din konsulent' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.locked\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'ugeblik-sealed');
  assert.equal(file.cipher, 'AES-GCM-256');
  assert.ok(!text.includes(NOTE) && !text.includes('who5'));
  const dir = await mkdtemp(join(tmpdir(), 'ugeblik-'));
  const path = join(dir, 'locked.json');
  await writeFile(path, text);

  // Another phone: a fresh profile, no passphrase set there.
  const other = await newPage(env.browser);
  await other.page.goto(env.url('/'));
  await ready(other.page);
  await other.page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
  await drawn(other.page);
  await redrawn(other.page, () => other.page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles(path));
  await other.page.getByText('Filen er låst med et kodeord.', { exact: false }).waitFor();
  await expectNoAxeViolations(other.page, 'a locked file to import');
  await other.page.getByLabel('Filens kodeord').fill('forkert kodeord');
  await redrawn(other.page, () => other.page.getByRole('button', { name: 'Åbn filen' }).click());
  await other.page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke til filen.' }).waitFor();
  assert.deepEqual(await storage(other.page), {}, 'nothing stored from a file that did not open');
  await other.page.getByLabel('Filens kodeord').fill(PASSPHRASE);
  await redrawn(other.page, () => other.page.getByRole('button', { name: 'Åbn filen' }).click());
  await other.page.getByText('Filen har 3 svar fra 1 uge (', { exact: false }).waitFor();
  await other.page.getByRole('button', { name: 'Hent svarene' }).click();
  await other.page.getByText('Svarene fra filen er hentet.').waitFor();
  const history = JSON.parse(await other.page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.ok(history.responses.some((r) => r.note === NOTE));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.page.errors, []);
  await other.context.close();
  await context.close();
});

test('after the end of the programme the app asks for a copy, then offers to delete everything; 30 days on it deletes by itself', async () => {
  const { context, page } = await opened('2027-03-20T10:00:00');
  await checkIn(page);
  await openSafety(page);
  await page.getByLabel('Sidste dag i forløbet').fill('2027-03-01');
  await page.getByRole('button', { name: 'Gem', exact: true }).nth(1).click();
  await page.getByRole('alert').filter({ hasText: 'Skriv en dato, der ikke er passeret' }).waitFor();
  await page.getByLabel('Sidste dag i forløbet').fill('2027-03-31');
  await page.getByRole('button', { name: 'Gem', exact: true }).nth(1).click();
  await page.getByText('Gemt.').waitFor();

  // The day after the end: the start page asks for a last copy.
  await page.clock.setFixedTime(new Date('2027-04-01T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByText('Dit forløb sluttede 31. mar. 2027.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the start page after the end of the programme');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Gem en kopi nu' }).click(),
  ]);
  assert.equal(JSON.parse(await readFile(await download.path(), 'utf8')).responses.length, 3);
  // A download says nothing of whether the file arrived: the citizen says so, and deleting
  // is a step of its own.
  await page.getByRole('button', { name: 'Ja, jeg har filen' }).click();
  assert.notDeepEqual(await storage(page), {}, 'nothing deleted before the citizen chooses it');
  await page.getByRole('button', { name: 'Ja, slet alt fra telefonen nu' }).click();
  await page.getByRole('heading', { name: 'Din kopi er gemt, og alt er slettet fra telefonen.', exact: false }).waitFor();
  assert.deepEqual(await storage(page), {});
  await context.close();

  // Another phone that never saved the copy: 30 days after the end, deleted on opening.
  const late = await newPage(env.browser);
  await late.page.clock.install({ time: new Date('2027-05-01T10:00:00') });
  await late.page.goto(env.url('/'));
  await ready(late.page);
  await late.page.evaluate(() => {
    localStorage.setItem('ugeblik.v1.safety', '{"version":1,"autoLock":5,"end":"2027-03-31"}');
    localStorage.setItem('ugeblik.v1.history', '{"version":2,"responses":[]}');
  });
  await late.page.reload();
  await late.page.getByRole('heading', { name: 'Dit forløb er slut, og Ugeblik har slettet alt', exact: false }).waitFor();
  assert.deepEqual(await storage(late.page), {});
  await late.context.close();
});

test('a passphrase set in one tab locks the other tabs of the phone, which then write nothing in plain text', async () => {
  const { context, page } = await opened();
  const other = await context.newPage();
  await other.goto(env.url('/'));
  await ready(other);
  await other.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await other.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
  await setPassphrase(page);
  await other.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  const raw = JSON.stringify(await storage(page));
  assert.ok(!raw.includes('who5') && !raw.includes('"answers"'), 'the other tab wrote nothing in plain text');
  await unlock(other);
  await other.getByText('Spørgsmål 2 af 19', { exact: true }).waitFor();
  await context.close();
});

test('storage locked by this version opens in later ones; an envelope from a newer version is left untouched', async () => {
  const fixture = JSON.parse(await readFile(new URL('../fixtures/sealed-v1-storage.json', import.meta.url), 'utf8'));
  const { context, page } = await opened('2026-12-01T10:00:00');
  await page.evaluate((all) => Object.entries(all).forEach(([k, v]) => localStorage.setItem(k, v)), fixture);
  await page.reload();
  await unlock(page, 'fixture passphrase 1');
  await page.getByText('Du har svaret for denne uge. Tak!').waitFor();

  // A newer app's envelope: not read, never written over, and the citizen is told.
  const newer = fixture['ugeblik.v1.history'].replace('{"sealed":1', '{"sealed":2');
  await page.evaluate((v) => localStorage.setItem('ugeblik.v1.history', v), newer);
  await page.reload();
  await unlock(page, 'fixture passphrase 1');
  await page.getByText('Nogle gemte data kunne ikke læses', { exact: false }).waitFor();
  // Nothing can be stored over it: the check-in says so, never "saved".
  await checkIn(page, 18, { stored: false });
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), newer);
  await context.close();
});

test('answers stored by a newer version are refused with a message and left untouched', async () => {
  const { context, page } = await opened();
  const newer = '{"version":9,"responses":[],"fromTheFuture":{"x":1}}';
  await page.evaluate((v) => localStorage.setItem('ugeblik.v1.history', v), newer);
  await page.reload();
  await ready(page);
  await page.getByText('Nogle data er gemt af en nyere version af Ugeblik', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the start page with a value from a newer version');
  await checkIn(page, 18, { stored: false });
  assert.equal(await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), newer);
  assert.ok(!Object.keys(await storage(page)).some((k) => k.includes('aside')), 'left where it is, not copied');
  await context.close();
});

test('a stored value that does not open with the passphrase makes a change or removal refuse with a message, and storage stays byte for byte', async () => {
  const { context, page } = await opened();
  await checkIn(page);
  await setPassphrase(page);
  // The history no longer opens with the passphrase (sealed with another one, or damaged):
  // one bit of its ciphertext is changed.
  await page.evaluate(() => {
    const history = JSON.parse(localStorage.getItem('ugeblik.v1.history'));
    const data = atob(history.data);
    history.data = btoa(String.fromCharCode(data.charCodeAt(0) ^ 1) + data.slice(1));
    localStorage.setItem('ugeblik.v1.history', JSON.stringify(history));
  });
  await page.reload();
  await unlock(page);
  await page.getByText('Nogle gemte data kunne ikke læses', { exact: false }).waitFor();
  const before = await storage(page);

  await openSafety(page);
  await page.getByLabel('Dit nuværende kodeord').first().fill(PASSPHRASE);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('nyt kodeord 1');
  await page.getByLabel('Skriv det nye kodeord igen').fill('nyt kodeord 1');
  await page.getByRole('button', { name: 'Skift kodeord' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'kan ikke åbnes med dit nuværende kodeord og ville gå tabt' });
  await refused.waitFor();
  await expectNoAxeViolations(page, 'a passphrase change refused');
  assert.deepEqual(await storage(page), before, 'nothing changed, byte for byte');
  assert.equal(await page.getByText('Kodeordet er skiftet.').count(), 0);

  // The passphrase is still the old one; removing it is refused the same way.
  await page.reload();
  await unlock(page, 'nyt kodeord 1');
  await page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke.' }).waitFor();
  await unlock(page);
  await page.getByText('Nogle gemte data kunne ikke læses', { exact: false }).waitFor();
  await openSafety(page);
  await page.getByLabel('Dit nuværende kodeord').nth(1).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Fjern kodeordet' }).click();
  await refused.waitFor();
  assert.deepEqual(await storage(page), before, 'nothing changed, byte for byte');
  assert.deepEqual(page.errors, []);
  await context.close();
});
