// Import in real Chromium: a real upload of a real download, the preview, the citizen's
// choice in a conflict, and every class of bad file refused with its message while the
// stored data stays byte for byte the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, newPage, ready, drawn, expectNoAxeViolations, seedHistory, who5Response, weeksAgo, monday, ymd } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** Every key and value in the page's localStorage. */
const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

async function openHistory(page) {
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
}

async function choose(page, name, contents) {
  await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

async function exportFile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem fil til din konsulent' }).click()]);
  return readFileSync(await download.path(), 'utf8');
}

test('a file saved on one phone restores the history on a fresh one, after a preview', async () => {
  const old = await newPage(env.browser);
  await old.page.goto(env.url('/'));
  await ready(old.page);
  const weeks = [weeksAgo(2), weeksAgo(1), weeksAgo(0)];
  await seedHistory(old.page, [who5Response(weeks[0], [2, 2, 2, 2, 2]), who5Response(weeks[1], [3, 3, 3, 3, 3], 'Ny <b>mentor</b>'), who5Response(weeks[2], [4, 4, 4, 4, 4])]);
  await openHistory(old.page);
  const file = await exportFile(old.page);
  await old.context.close();

  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await openHistory(page);
  await page.getByText('Der er ingen gemte uger endnu.').waitFor();
  await choose(page, 'ugeblik.json', file);
  await page.getByText(/^Filen har 3 svar fra 3 uger .*: 3 er nye, 0 har du allerede\.$/).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), null, 'nothing is stored before the citizen confirms');
  await expectNoAxeViolations(page, 'the import preview');
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  await page.getByRole('article').nth(2).waitFor();
  assert.equal(await page.getByRole('article').count(), 3);
  await page.getByText('Ny <b>mentor</b>').waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.deepEqual(stored.responses.map((r) => r.week).sort(), [...weeks].sort());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a conflict is shown and the citizen decides; cancelling changes nothing', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const week = weeksAgo(0);
  await seedHistory(page, [who5Response(week, [4, 4, 4, 4, 4])]);
  await openHistory(page);
  const file = JSON.parse(await exportFile(page));
  file.responses[0].answers['1'] = 1;
  file.responses[0].scores = { who5Raw: 17, who5Percent: 68 };
  file.responses[0].authored = '2026-01-02T08:00:00Z';
  const before = await snapshot(page);

  await choose(page, 'other.json', JSON.stringify(file));
  const choice = page.getByRole('checkbox', { name: /brug filens svar \(fra 2026-01-02\)/ });
  await choice.waitFor();
  await page.getByRole('button', { name: 'Fortryd' }).click();
  await page.getByLabel('Vælg en fil fra Ugeblik').waitFor();
  assert.equal(await snapshot(page), before, 'cancelling changes nothing');

  await choose(page, 'other.json', JSON.stringify(file));
  await choice.check();
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.equal(stored.responses[0].answers['1'], 1, "the file's answers won where the citizen chose so");
  await context.close();
});

test('every class of bad file gets its message and the stored data stays byte for byte the same', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, [who5Response(weeksAgo(1), [3, 3, 3, 3, 3]), who5Response(weeksAgo(0), [4, 4, 4, 4, 4])]);
  await openHistory(page);
  const good = await exportFile(page);
  const parsed = JSON.parse(good);
  const changed = (change) => {
    const copy = structuredClone(parsed);
    change(copy);
    return JSON.stringify(copy);
  };
  const before = await snapshot(page);
  const cases = [
    ['not JSON', 'Dette er ikke JSON', /ikke en fil fra Ugeblik \(den kan ikke læses fra linje 1, tegn 1\)/],
    ['truncated', good.slice(0, good.length / 2), /Filen er ufuldstændig/],
    ['another format', JSON.stringify({ resourceType: 'Bundle', type: 'collection' }), /Filen er ikke en fil fra Ugeblik\./],
    ['another program', JSON.stringify({ format: 'surveyjs', formatVersion: 3 }), /fra et andet program \(surveyjs\)/],
    ['a future version', changed((f) => (f.formatVersion = 99)), /nyere version af Ugeblik \(format 99\)/],
    ['wrong types', changed((f) => (f.responses[0].answers['1'] = 'four')), /^Svarene for Uge \d+, \d{4} \(WHO-5 Trivselsindeks\): svaret på spørgsmål 1 skal være et helt tal fra 0 til 5, men filen har "four"\./],
    ['out of range', changed((f) => (f.responses[1].answers['2'] = 14)), /^Svarene for Uge \d+, \d{4} \(WHO-5 Trivselsindeks\): spørgsmål 2: 14 er over 5\./],
    ['an unknown instrument', changed((f) => (f.responses[0].instrument = 'phq9')), /^Svarene for Uge \d+, \d{4} \("phq9"\): ukendt spørgeskema »phq9«\./],
    ['an unknown version', changed((f) => (f.responses[0].version = '3')), /ukendt version »3« af who5/],
    ['duplicate ids', changed((f) => (f.responses[1].id = f.responses[0].id)), /^Svarene for Uge \d+, \d{4} \(WHO-5 Trivselsindeks\) står to gange i filen\./],
    ['deep nesting', `{"format": "ugeblik-export", "formatVersion": 1, "x": ${'['.repeat(50000)}${']'.repeat(50000)}}`, /Filen er bygget på en måde, som ingen fil fra Ugeblik er\./],
    ['markup everywhere', changed((f) => (f.responses[0].instrument = '<img src=x onerror="window.__pwned=1">')), /ukendt spørgeskema »<img src=x onerror="window.__pwned=1">«/],
  ];
  for (const [what, contents, message] of cases) {
    await choose(page, `${what}.json`, contents);
    const alert = page.getByRole('alert');
    await alert.getByText(message).waitFor();
    assert.match(await alert.innerText(), /Intet er ændret på telefonen\./, what);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await page.getByLabel('Vælg en fil fra Ugeblik').waitFor();
    assert.equal(await snapshot(page), before, `${what}: storage unchanged`);
  }
  // A 20 MB file is refused before it is read.
  await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(20 * 1024 * 1024, 32) });
  await page.getByText('Filen er for stor.', { exact: false }).waitFor();
  assert.equal(await snapshot(page), before, '20 MB: storage unchanged');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('the preview lists what a file changes in goals, work and milestones; the phone keeps its own unless the citizen ticks the file’s', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const week = weeksAgo(1);
  const at = '2026-01-01T10:00:00Z';
  const mine = {
    version: 2,
    responses: [who5Response(week, [3, 3, 3, 3, 3])],
    goals: [{ id: 'g1', what: 'Møde til tiden', measure: 'Mentor siger det', set: weeksAgo(3), authored: at, checks: [] }],
    work: [{ week, work: { plannedMinutes: 600, workedMinutes: 600 }, authored: at }],
    milestones: [{ id: 'm1', date: ymd(monday(1)), kind: 'new-mentor', authored: at }],
  };
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify(mine));
  await page.reload();
  await ready(page);
  await openHistory(page);
  const file = JSON.parse(await exportFile(page));
  // The file says otherwise about all three, "later" (a time with an offset), and brings
  // a goal the phone does not have.
  const later = '2026-06-01T10:00:00+02:00';
  Object.assign(file.goals[0], { what: 'Stop helt', authored: later });
  Object.assign(file.work[0], { work: { plannedMinutes: 600, workedMinutes: 0 }, authored: later });
  Object.assign(file.milestones[0], { kind: 'other', text: 'Fyret', authored: later });
  file.goals.push({ id: 'g2', what: 'Nyt mål fra filen', measure: 'Det ses', set: weeksAgo(2), authored: at, checks: [] });
  const contents = JSON.stringify(file);
  const before = await snapshot(page);

  await choose(page, 'other.json', contents);
  await page.getByRole('listitem').filter({ hasText: 'Nyt mål: Nyt mål fra filen' }).waitFor();
  const goal = page.getByRole('checkbox', { name: 'Målet »Stop helt«: brug filens (fra 2026-06-01) i stedet for telefonens (fra 2026-01-01)' });
  const work = page.getByRole('checkbox', { name: /^Arbejdet i Uge \d+, \d{4}: brug filens \(fra 2026-06-01\) i stedet for telefonens \(fra 2026-01-01\)$/ });
  const milestone = page.getByRole('checkbox', { name: /^Milepælen .+ – Fyret: brug filens \(fra 2026-06-01\)/ });
  for (const box of [goal, work, milestone]) assert.equal(await box.isChecked(), false, 'the phone’s is kept unless ticked');
  assert.equal(await snapshot(page), before, 'nothing is stored before the citizen confirms');
  await expectNoAxeViolations(page, 'the import preview with changes to goals, work and milestones');

  // Confirmed without a tick: the phone's goal, work and milestone stay; the new goal comes.
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  let stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.deepEqual(stored.goals.map((g) => g.what), ['Møde til tiden', 'Nyt mål fra filen']);
  assert.equal(stored.work[0].work.workedMinutes, 600);
  assert.equal(stored.milestones[0].kind, 'new-mentor');

  // The same file again, the goal ticked: only the goal is the file's, its time in UTC.
  await choose(page, 'other.json', contents);
  await goal.check();
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('ugeblik.v1.history')).goals[0].what === 'Stop helt');
  stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.deepEqual(stored.goals.map((g) => [g.what, g.authored]), [['Stop helt', '2026-06-01T08:00:00Z'], ['Nyt mål fra filen', at]]);
  assert.equal(stored.work[0].work.workedMinutes, 600);
  assert.equal(stored.milestones[0].kind, 'new-mentor');
  assert.deepEqual(page.errors, []);
  await context.close();
});
