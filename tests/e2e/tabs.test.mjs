// Ugeblik open in two tabs of one browser (one context: one localStorage) at once, in
// real Chromium: answers given in both are all kept, in storage and on both screens,
// also after a reload; a tab never moves the other's place in the check-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn, redrawn, checkIn, storageValue, expectNoAxeViolations, setPassphrase } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

const DRAFT = 'ugeblik.v1.draft';
const HISTORY = 'ugeblik.v1.history';

/** Two tabs of one browser on the start page; page errors fail the test. */
async function twoTabs() {
  const { context, page: a } = await newPage(env.browser);
  const b = await context.newPage();
  b.errors = [];
  b.on('pageerror', (error) => b.errors.push(error.message));
  b.on('console', (message) => {
    if (message.type() === 'error') b.errors.push(message.text());
  });
  for (const page of [a, b]) {
    await page.goto(env.url('/'));
    await ready(page);
  }
  return { context, a, b };
}

/** Waits until the stored value under `key` satisfies `test` (run in the page). */
async function stored(page, key, test) {
  const handle = await page.waitForFunction(
    ([key, test]) => {
      const text = localStorage.getItem(key);
      const value = text && JSON.parse(text);
      return new Function('value', `return (${test})(value)`)(value) && value;
    },
    [key, test.toString()],
  );
  return handle.jsonValue();
}

const at = (page, n) => page.getByText(`Spørgsmål ${n} af 19`, { exact: true }).waitFor();
const checked = (page, name) => page.getByRole('radio', { name, exact: true, checked: true }).waitFor();

test('two tabs answering the same check-in at once keep both answers, shown in both, after a reload too', async () => {
  const { context, a, b } = await twoTabs();
  await a.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await at(a, 1);
  // Tab B hears of the check-in A started and continues it; it starts on its own step.
  await b.getByRole('button', { name: 'Fortsæt, hvor du slap' }).click();
  await at(b, 1);

  // A answers WHO-5 item 1: B, on the same question, shows it.
  await a.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
  await at(a, 2);
  await checked(b, 'Det meste af tiden');
  await b.getByRole('button', { name: 'Næste' }).click();
  await at(b, 2);
  // B answers item 2: A, now on that question, shows it; neither moves the other.
  await b.getByRole('radio', { name: 'Lidt af tiden', exact: true }).click();
  await at(b, 3);
  await checked(a, 'Lidt af tiden');
  await at(a, 2);

  // Both answer at the same moment: A item 2 again, B item 3.
  await Promise.all([
    a.getByRole('radio', { name: 'Hele tiden', exact: true }).click(),
    b.getByRole('radio', { name: 'På intet tidspunkt', exact: true }).click(),
  ]);
  await at(a, 3);
  await at(b, 4);
  const draft = await stored(a, DRAFT, (v) => v?.draft?.answers?.who5?.['3'] === 0 && v.draft.answers.who5['2'] === 5);
  assert.deepEqual(draft.draft.answers, { who5: { 1: 4, 2: 5, 3: 0 } });
  assert.equal(draft.version, 5, "written in the stored format of this version");
  await checked(a, 'På intet tidspunkt');
  await b.getByRole('button', { name: 'Tilbage' }).click();
  await at(b, 3);
  await b.getByRole('button', { name: 'Tilbage' }).click();
  await checked(b, 'Hele tiden');
  await expectNoAxeViolations(b, 'a question answered in the other tab');

  // After a reload each tab resumes the one check-in with every answer.
  for (const page of [a, b]) {
    await page.reload();
    await page.getByRole('heading', { level: 2 }).waitFor();
    const step = Number((await page.getByText(/^Spørgsmål \d+ af 19$/).innerText()).match(/\d+/)[0]);
    for (let n = step; n > 1; n--) await page.getByRole('button', { name: 'Tilbage' }).click();
    await at(page, 1);
    await checked(page, 'Det meste af tiden');
    await page.getByRole('button', { name: 'Næste' }).click();
    await checked(page, 'Hele tiden');
    await page.getByRole('button', { name: 'Næste' }).click();
    await checked(page, 'På intet tidspunkt');
  }
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

/** Skips every step left up to the note (the week's work too) and saves. */
async function skipToSave(page) {
  for (;;) {
    const label = page.getByText(/^Spørgsmål \d+ af 19$/);
    if (!(await label.count())) break;
    const n = Number((await label.innerText()).match(/\d+/)[0]);
    if (n < 19) {
      await page.getByRole('button', { name: /^(Spring over|Næste)$/ }).click();
      await at(page, n + 1);
    } else {
      await page.getByRole('button', { name: 'Spring over', exact: true }).click();
      await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
    }
  }
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
}

test('one tab saves while the other is mid-check-in: the other goes on where it was, and saving keeps both', async () => {
  const { context, a, b } = await twoTabs();
  await a.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await b.getByRole('button', { name: 'Fortsæt, hvor du slap' }).click();
  await at(b, 1);
  await a.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
  await checked(b, 'Det meste af tiden');
  await b.getByRole('button', { name: 'Næste' }).click();
  await b.getByRole('radio', { name: 'Lidt af tiden', exact: true }).click();
  await at(b, 3);
  await checked(a, 'Lidt af tiden');

  // A saves the check-in while B is on question 3.
  await skipToSave(a);
  const saved = await stored(a, HISTORY, (v) => v?.responses?.length === 1);
  assert.deepEqual(saved.responses[0].answers, { 1: 4, 2: 1 });
  assert.equal(await storageValue(a, DRAFT), null);
  // B stays on its question, answers the rest of the WHO-5 and saves: one response with
  // every answer.
  await at(b, 3);
  for (let n = 3; n <= 5; n++) {
    await b.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
    await at(b, n + 1);
  }
  await skipToSave(b);
  const both = await stored(a, HISTORY, (v) => v?.responses?.[0]?.answers?.['5'] === 5);
  assert.equal(both.responses.length, 1, 'one WHO-5 response for the week');
  assert.deepEqual(both.responses[0].answers, { 1: 4, 2: 1, 3: 5, 4: 5, 5: 5 });
  assert.equal(both.responses[0].status, 'complete');

  // Both tabs show the week's score (4 + 1 + 5 + 5 + 5 = 20 of 25), after a reload too.
  for (const page of [a, b]) {
    for (const reload of [false, true]) {
      if (reload) {
        await page.reload();
        await ready(page);
        await page.getByText('Du har svaret for denne uge. Tak!').waitFor();
      }
      await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
      await drawn(page);
      await page.getByText('Trivsel (WHO-5): 80 af 100').waitFor();
    }
  }
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

/** The goals screen shows the goal and the milestone, the past weeks the week saved. */
async function seesAll(page) {
  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  await page.getByRole('heading', { name: 'Møde til tiden', level: 4 }).waitFor();
  await page.getByText('Første dag i caféen', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
  await drawn(page);
  await page.getByText('Trivsel (WHO-5): 80 af 100').waitFor();
}

test('a milestone and a goal added in one tab while the other saves a check-in are all kept, in both tabs', async () => {
  const { context, a, b } = await twoTabs();
  await a.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(a);
  await a.getByLabel('Hvad skete der?').selectOption('other');
  await a.getByLabel(/^Med egne ord/).fill('Første dag i caféen');

  // B saves a whole check-in while A is writing: A's screen is drawn again with the new
  // history, and what A typed stays.
  await redrawn(a, () => checkIn(b));
  assert.equal(await a.getByLabel(/^Med egne ord/).inputValue(), 'Første dag i caféen');
  await redrawn(a, () => a.getByRole('button', { name: 'Tilføj milepælen' }).click());
  await a.getByRole('status').getByText('Gemt.').waitFor();
  await a.getByLabel('Hvad vil du gøre?').fill('Møde til tiden');
  await redrawn(a, () => a.getByRole('button', { name: 'Tilføj målet' }).click());
  await a.getByRole('heading', { name: 'Møde til tiden', level: 4 }).waitFor();

  const history = await stored(b, HISTORY, (v) => v?.milestones?.length === 1 && v.goals?.length === 1);
  assert.equal(history.responses.length, 3, "B's check-in is kept");
  assert.equal(history.milestones[0].text, 'Første dag i caféen');

  // B, on its thank-you page, took both in; after a reload, both tabs show everything.
  await seesAll(b);
  for (const page of [a, b]) {
    await page.reload();
    await ready(page);
    await seesAll(page);
  }
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

const PASSPHRASE = 'to faner, en lås';


/** Opens tab `page`, locked, with the passphrase. */
async function unlock(page) {
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  await page.getByLabel('Kodeord', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås op' }).click();
  await ready(page);
}

test('with a passphrase set, two tabs answering at once keep both answers, which stay encrypted', async () => {
  const { context, a, b } = await twoTabs();
  await setPassphrase(a, PASSPHRASE);
  // The other tab locked itself when the passphrase was set.
  await unlock(b);
  await b.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await at(b, 1);
  await a.getByRole('button', { name: 'Denne uge' }).click();
  await a.getByRole('button', { name: 'Fortsæt, hvor du slap' }).click();
  await at(a, 1);
  await a.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
  await checked(b, 'Det meste af tiden');
  await b.getByRole('button', { name: 'Næste' }).click();
  await b.getByRole('radio', { name: 'Lidt af tiden', exact: true }).click();
  await at(a, 2);
  await checked(a, 'Lidt af tiden');
  const raw = await a.evaluate(() => localStorage.getItem('ugeblik.v1.draft'));
  assert.match(raw, /^\{"sealed":1,/);
  // Both answers after a reload, behind the lock.
  await a.reload();
  await unlock(a);
  // It resumes where the tab that wrote last was: step back to question 2, then 1.
  await a.getByText(/^Spørgsmål \d+ af 19$/).waitFor();
  while (!(await a.getByText('Spørgsmål 2 af 19', { exact: true }).count())) {
    await a.getByRole('button', { name: 'Tilbage' }).click();
  }
  await checked(a, 'Lidt af tiden');
  await a.getByRole('button', { name: 'Tilbage' }).click();
  await at(a, 1);
  await checked(a, 'Det meste af tiden');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

test('settings a newer version stored in another tab after this one started survive a language switch byte for byte', async () => {
  const { context, a, b } = await twoTabs();
  await a.getByRole('button', { name: 'English' }).click();
  await a.getByRole('button', { name: "Start this week's questions" }).waitFor();
  // A newer Ugeblik, open in tab B, stores its settings in a format this one cannot read.
  const newer = '{"version":9,"lang":"da","theme":{"contrast":"high"}}';
  await b.evaluate((v) => localStorage.setItem('ugeblik.v1.settings', v), newer);
  await a.getByRole('button', { name: 'Dansk' }).click();
  await a.getByText('Nogle data er gemt af en nyere version af Ugeblik', { exact: false }).waitFor();
  await a.getByRole('button', { name: 'English' }).click();
  await a.getByText('Some data was saved by a newer version of Ugeblik', { exact: false }).waitFor();
  await expectNoAxeViolations(a, 'the start page after settings from a newer version');
  assert.equal(await storageValue(a, 'ugeblik.v1.settings'), newer, 'byte for byte');
  assert.ok(!(await a.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('aside')), 'not copied');
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});

/** Waits until the stored value under `key` has not changed for `quiet` milliseconds. */
async function settled(page, key, quiet = 2500) {
  let last = await storageValue(page, key);
  let since = Date.now();
  while (Date.now() - since < quiet) {
    await page.waitForTimeout(250);
    const now = await storageValue(page, key);
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

test('with a passphrase set, two tabs saving the history while the other encrypts both keep their writes', async () => {
  const { context, a, b } = await twoTabs();
  // A slow phone: encrypting a value takes one second in A and two in B, so A stores
  // while B's write is still being encrypted, and B's then finds A's in storage (a tab in
  // the background may act up to a second late: its timers and frames are throttled).
  // Not the same time in both: two tabs storing within the same few milliseconds is a
  // race localStorage cannot settle (each renderer learns of the other's write only
  // later; DESIGN.md, "Two tabs").
  for (const [page, millis] of [[a, 1000], [b, 2000]]) {
    await page.addInitScript((millis) => {
      const subtle = crypto.subtle;
      const encrypt = subtle.encrypt.bind(subtle);
      subtle.encrypt = (...args) => new Promise((resolve) => setTimeout(resolve, millis)).then(() => encrypt(...args));
    }, millis);
  }
  await setPassphrase(a, PASSPHRASE);
  // Both tabs load again (with the slow encryption) and are opened.
  await unlock(b);
  await a.reload();
  await unlock(a);

  // A answers a whole check-in up to saving it; B writes a milestone.
  await a.bringToFront();
  await a.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 18; n++) {
    await at(a, n);
    const who5 = a.getByRole('radio', { name: 'Det meste af tiden', exact: true });
    if (await who5.count()) await who5.click();
    else await a.getByRole('button', { name: 'Spring over' }).click();
  }
  await a.getByRole('button', { name: 'Spring over' }).click();
  await a.getByRole('button', { name: 'Gem svarene' }).waitFor();
  await b.bringToFront();
  await b.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(b);
  await b.getByLabel('Hvad skete der?').selectOption('other');
  await b.getByLabel(/^Med egne ord/).fill('Første dag i caféen');
  await settled(a, DRAFT);

  // Both save at the same moment.
  await Promise.all([
    a.getByRole('button', { name: 'Gem svarene' }).click(),
    b.getByRole('button', { name: 'Tilføj milepælen' }).click(),
  ]);
  await a.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
  await b.getByRole('status').getByText('Gemt.').waitFor();
  await settled(a, HISTORY, 5000);
  assert.match(await storageValue(a, HISTORY), /^\{"sealed":1,/);

  // After a reload, behind the lock, both tabs have the week and the milestone.
  for (const page of [a, b]) {
    await page.bringToFront();
    await page.reload();
    await unlock(page);
    await page.getByRole('button', { name: 'Mål', exact: true }).click();
    await drawn(page);
    await page.getByText('Første dag i caféen', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Tidligere uger', exact: true }).click();
    await drawn(page);
    await page.getByText('Trivsel (WHO-5): 80 af 100').waitFor();
  }
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});
