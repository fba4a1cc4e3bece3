// The consultant's caseload (`?caseload`, issue 21) in real Chromium: citizens' export
// files added many at once (a hostile one refused by name, with why), the table sorted and
// filtered, a row opened read-only, a newer file updating its row after a preview, the
// caseload sealed in IndexedDB with the consultant's passphrase (nothing in clear, asked
// again after a reload), and removing a citizen or everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, newPage, ready, until, expectNoAxeViolations, weeksAgo, PHONE } from './helpers.mjs';

const ARTIFACTS = new URL('./artifacts/caseload/', import.meta.url).pathname;
const TEMPLATE = JSON.parse(readFileSync(new URL('../fixtures/export-v3.json', import.meta.url), 'utf8'));
const PASSPHRASE = 'sagsstamme-2026';
const WIDE = { width: 1366, height: 900 };

let env;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  env = await start();
});
after(async () => env?.close());

/** A complete WHO-5 response with every answer `v` (percent: v × 20). */
function who5(id, week, v) {
  const answers = { 1: v, 2: v, 3: v, 4: v, 5: v };
  return {
    id, instrument: 'who5', version: '1', week, recall: 'P2W', authored: '2026-11-09T09:00:00Z', language: 'da',
    status: 'complete', answers, scores: { who5Raw: 5 * v, who5Percent: 20 * v },
  };
}

/** A citizen's export file (format 3, as an older app saved it): WHO-5 `weeks` as
 *  `[weeks ago, each answer]`; `work` as `[weeks ago, minutes worked]`; `goals` set then. */
function citizenFile(nickname, weeks, { work = [], goals = [] } = {}) {
  const responses = weeks.map(([ago, v]) => who5(`${nickname}-${ago}`, weeksAgo(ago), v));
  const worked = work.map(([ago, minutes]) => ({
    week: weeksAgo(ago), work: { plannedMinutes: 600, workedMinutes: minutes, daysPlanned: 3, daysAttended: 2 },
    authored: '2026-11-09T09:00:00Z',
  }));
  const set = goals.map((ago, n) => ({
    id: `${nickname}-goal-${n}`, what: 'Mød op', measure: 'Jeg kommer', set: weeksAgo(ago), authored: '2026-11-09T09:00:00Z', checks: [],
  }));
  return JSON.stringify({ ...TEMPLATE, nickname, responses, goals: set, work: worked, milestones: [] });
}

const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};

const asUpload = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** A fresh consultant's browser on the caseload, the passphrase made. */
async function newCaseload(viewport = WIDE, lang = '') {
  const { context, page } = await newPage(env.browser, viewport);
  await page.goto(env.url(`/?caseload${lang}`));
  await ready(page);
  return { context, page };
}

async function create(page) {
  await page.getByLabel('Vælg et kodeord til sagsstammen (mindst 8 tegn)').fill(PASSPHRASE);
  await page.getByLabel('Skriv kodeordet igen').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Opret sagsstammen' }).click();
  await page.getByText('Der er ingen borgere i sagsstammen endnu.').waitFor();
}

const table = (page) => page.getByRole('table', { name: 'Borgerne i sagsstammen' });
/** The rows' names, top to bottom. */
const names = (page) => table(page).locator('tbody th[scope="row"]').allTextContents();
/** One column's cells, top to bottom (1: last week … 8: talk about it). */
const column = (page, n) => table(page).locator(`tbody tr td:nth-child(${n + 1})`).allTextContents();

/** Everything the caseload's IndexedDB holds, keys and values, as one text. */
const rawDatabase = (page) =>
  page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('ugeblik-caseload');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('sealed').objectStore('sealed');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => ok(JSON.stringify([keys.result, values.result]));
        };
      }),
  );

test('30 files at once: the hostile one refused by name, 29 rows; sorted, filtered, opened read-only; nothing in clear', async () => {
  const { context, page } = await newCaseload();
  await page.getByRole('heading', { name: 'Sagsstamme', level: 2 }).waitFor();
  await expectNoAxeViolations(page, 'the caseload asking for a new passphrase');
  // Too short, then typed differently: said at the field, nothing made.
  await page.getByLabel('Vælg et kodeord til sagsstammen (mindst 8 tegn)').fill('kort');
  await page.getByRole('button', { name: 'Opret sagsstammen' }).click();
  await page.getByRole('alert').filter({ hasText: 'mindst 8 tegn' }).waitFor();
  await create(page);

  // 29 citizens: "Borger 01" … "Borger 29", each a WHO-5 eight and one week ago: from
  // 1..4 to 1..4 (so some fell, some rose); and one file whose answer is out of range.
  const files = [];
  const expected = [];
  for (let n = 1; n <= 29; n++) {
    const name = `Borger ${String(n).padStart(2, '0')}`;
    const [from, to] = [1 + (n % 4), 1 + ((n * 3) % 5)];
    files.push(asUpload(`borger-${n}.json`, citizenFile(name, [[8, from], [1, to]])));
    expected.push({ name, who5: 20 * to, change: 20 * (to - from) });
  }
  const hostile = JSON.parse(citizenFile('Ond', [[1, 2]]));
  hostile.responses[0].answers['1'] = 9;
  files.splice(13, 0, asUpload('ondsindet.json', JSON.stringify(hostile)));
  assert.equal(files.length, 30);
  await page.getByLabel('Tilføj borgeres filer (vælg gerne mange)').setInputFiles(files);
  await page.getByRole('status').filter({ hasText: '29 borgere tilføjet.' }).waitFor();
  const refused = page.getByRole('alert').filter({ hasText: '1 fil blev ikke tilføjet:' });
  await refused.getByText(/^ondsindet\.json: .+/).waitFor();
  assert.match(await refused.textContent(), /ondsindet\.json: .*(svar|9)/);
  await page.getByText('Viser 29 af 29.').waitFor();
  assert.deepEqual(await names(page), expected.map((e) => e.name), 'sorted by nickname at first');
  await expectNoAxeViolations(page, 'the caseload with 29 citizens');
  await page.screenshot({ path: `${ARTIFACTS}caseload-da-1366.png`, fullPage: true });

  // Sorted by WHO-5, lowest first, then highest first; the header says which.
  const who5Header = table(page).getByRole('columnheader', { name: 'WHO-5' });
  await who5Header.getByRole('button').click();
  assert.equal(await who5Header.getAttribute('aria-sort'), 'ascending');
  const ascending = (await column(page, 3)).map(Number);
  assert.deepEqual(ascending, [...expected.map((e) => e.who5)].sort((a, b) => a - b));
  await who5Header.getByRole('button').click();
  assert.equal(await who5Header.getAttribute('aria-sort'), 'descending');
  assert.deepEqual((await column(page, 3)).map(Number), [...ascending].reverse());
  // By the change since the start: the largest fall first.
  await table(page).getByRole('button', { name: 'Ændring siden start' }).click();
  const changes = (await column(page, 4)).map((t) => Number(t.replace('−', '-').replace('+', '')));
  assert.equal(changes[0], Math.min(...expected.map((e) => e.change)));

  // Filtered: "talk about it" (WHO-5 ≤ 28 or fallen by 10 or more), then by name.
  const talk = expected.filter((e) => e.who5 <= 28 || e.change <= -10);
  await page.getByRole('checkbox', { name: 'Kun dem med »tal om det«' }).check();
  await page.getByText(`Viser ${talk.length} af 29.`).waitFor();
  assert.deepEqual([...(await names(page))].sort(), talk.map((e) => e.name).sort());
  assert.ok((await column(page, 8)).every((t) => t === 'Tal om det'));
  await page.getByRole('checkbox', { name: 'Kun dem med »tal om det«' }).uncheck();
  await page.getByRole('searchbox', { name: 'Kaldenavn eller sagsnummer' }).fill('BORGER 07');
  await page.getByText('Viser 1 af 29.').waitFor();
  // In another language the filter stays, as typed.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Showing 1 of 29.').waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Nickname or case number' }).inputValue(), 'BORGER 07');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByText('Viser 1 af 29.').waitFor();
  await page.getByRole('combobox', { name: 'Trivsel (WHO-5)' }).selectOption({ label: '≥ 50' });
  const seven = expected[6];
  await page.getByText(`Viser ${seven.who5 >= 50 ? 1 : 0} af 29.`).waitFor();
  await page.getByRole('combobox', { name: 'Trivsel (WHO-5)' }).selectOption({ label: 'Alle' });

  // A row opens that citizen read-only; "back" returns to the row.
  await page.getByRole('button', { name: 'Åbn Borger 07' }).click();
  await page.getByRole('heading', { name: 'Borger 07 – kun til at se' }).waitFor();
  await page.locator('.ugb-chart svg').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Min vurdering' }).count(), 0, 'nothing to add to a file opened read-only');
  assert.match(await page.locator('.ugb-caseload__opened').textContent(), new RegExp(`${seven.who5}`));
  await expectNoAxeViolations(page, 'a citizen opened from the caseload');
  await page.getByRole('button', { name: 'Tilbage til sagsstammen' }).click();
  await until(page, () => document.activeElement?.getAttribute('aria-label') === 'Åbn Borger 07');

  // The raw database: random keys and sealed values, no nickname and no answer.
  const raw = await rawDatabase(page);
  assert.match(raw, /"case:[0-9a-f]{16}"/);
  for (const clear of ['Borger', 'who5', 'answers', 'nickname', '"week"']) assert.ok(!raw.includes(clear), `"${clear}" in clear`);
  assert.equal(await page.evaluate(() => localStorage.length), 0, "nothing in the consultant's own storage");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('files chosen again while the first are still read: all added in order, a locked and a broken one refused by name', async () => {
  const { context, page } = await newCaseload();
  await create(page);
  const first = Array.from({ length: 24 }, (_, n) => asUpload(`a-${n}.json`, citizenFile(`Første ${String(n).padStart(2, '0')}`, [[3, 2], [1, 3]])));
  // A file locked with a citizen's passphrase (the envelope of a locked file, as saved),
  // and one that is not JSON: each refused with its own reason, in the second batch.
  const locked = JSON.stringify({
    format: 'ugeblik-sealed',
    version: 1,
    about: 'Answers from Ugeblik, locked',
    kdf: 'PBKDF2-SHA256',
    iterations: 600000,
    salt: Buffer.alloc(16, 7).toString('base64'),
    cipher: 'AES-GCM-256',
    iv: Buffer.alloc(12, 1).toString('base64'),
    data: Buffer.alloc(64, 2).toString('base64'),
  });
  const second = [
    asUpload('b-laast.json', locked),
    asUpload('b-ny.json', citizenFile('Anden', [[2, 4]])),
    asUpload('b-tekst.json', 'ikke json'),
  ];
  const field = page.getByLabel('Tilføj borgeres filer (vælg gerne mange)');
  await field.setInputFiles(first);
  await field.setInputFiles(second);
  await page.getByText('Viser 25 af 25.').waitFor();
  const refused = page.getByRole('alert').filter({ hasText: '2 filer blev ikke tilføjet:' });
  await refused.waitFor();
  assert.match(await refused.textContent(), /b-laast\.json: Filen er låst med borgerens kodeord/);
  assert.match(await refused.textContent(), /b-tekst\.json: .+/);
  assert.ok(!/a-\d+\.json|b-ny/.test(await refused.textContent()), 'the readable files are not refused');
  assert.ok((await names(page)).includes('Anden'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a newer file updates its row after a preview; a reload asks the passphrase; remove a citizen, then everything', async () => {
  const { context, page } = await newCaseload();
  await create(page);
  const add = (name, text) => page.getByLabel('Tilføj borgeres filer (vælg gerne mange)').setInputFiles([asUpload(name, text)]);
  await add('kim.json', citizenFile('Kim', [[3, 2], [2, 3]]));
  await add('ea.json', citizenFile('Ea', [[3, 4]]));
  await page.getByText('Viser 2 af 2.').waitFor();
  assert.deepEqual(await column(page, 3), ['80', '60']);

  // A newer file of Kim: one more week (WHO-5 20). Nothing changes until "Opdater Kim".
  await add('kim-nyere.json', citizenFile('Kim', [[3, 2], [2, 3], [0, 1]]));
  const preview = page.getByRole('region', { name: 'Nyere filer fra borgere, du allerede har' });
  await preview.getByText('Kim: 1 ny uge, 0 ændrede svar, 0 uger er ikke i filen.').waitFor();
  assert.deepEqual(await column(page, 3), ['80', '60'], 'the row is unchanged before the choice');
  await expectNoAxeViolations(page, 'a newer file previewed');
  await preview.getByRole('button', { name: 'Opdater Kim' }).click();
  await page.getByRole('status').filter({ hasText: 'Kim er opdateret.' }).waitFor();
  assert.deepEqual(await column(page, 3), ['80', '20']);
  assert.deepEqual(await column(page, 8), ['', 'Tal om det']);
  assert.equal(await preview.count(), 0);
  // The same file again changes nothing, and says so.
  await add('kim-igen.json', citizenFile('Kim', [[3, 2], [2, 3], [0, 1]]));
  await page.getByRole('status').filter({ hasText: 'Kim: filen er den samme, som du har.' }).waitFor();

  // A reload asks for the passphrase: a wrong one is refused, the right one opens it.
  await page.reload();
  await ready(page);
  const field = page.getByLabel('Sagsstammens kodeord');
  await field.fill('forkert-kodeord');
  await page.getByRole('button', { name: 'Åbn sagsstammen' }).click();
  await page.getByRole('alert').filter({ hasText: 'Kodeordet passer ikke. Prøv igen.' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await expectNoAxeViolations(page, 'the caseload asking for its passphrase');
  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Åbn sagsstammen' }).click();
  await page.getByText('Viser 2 af 2.').waitFor();
  assert.deepEqual(await names(page), ['Ea', 'Kim']);
  assert.deepEqual(await column(page, 3), ['80', '20']);

  // Remove Kim (asked once more; "Fortryd" first), then everything.
  await page.getByRole('button', { name: 'Fjern Kim' }).click();
  await page.getByText('Fjern Kim fra sagsstammen? Filen, du fik, bliver ikke rørt.').waitFor();
  await page.getByRole('button', { name: 'Fortryd' }).click();
  assert.deepEqual(await names(page), ['Ea', 'Kim']);
  await page.getByRole('button', { name: 'Fjern Kim' }).click();
  await page.getByRole('button', { name: 'Ja, fjern', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Kim er fjernet.' }).waitFor();
  assert.deepEqual(await names(page), ['Ea']);
  await page.reload();
  await ready(page);
  await page.getByLabel('Sagsstammens kodeord').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Åbn sagsstammen' }).click();
  await page.getByText('Viser 1 af 1.').waitFor();
  await page.getByRole('button', { name: 'Fjern hele sagsstammen' }).click();
  await page.getByRole('button', { name: 'Ja, fjern alt' }).click();
  await page.getByRole('status').filter({ hasText: 'Sagsstammen er fjernet fra denne computer.' }).waitFor();
  await page.getByLabel('Vælg et kodeord til sagsstammen (mindst 8 tegn)').waitFor();
  assert.equal(await rawDatabase(page), '[[],[]]');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the caseload in Arabic on a phone and on a wide screen, by keyboard alone', async () => {
  for (const viewport of [PHONE, WIDE]) {
    const { context, page } = await newCaseload(viewport, '&lang=ar');
    await page.getByRole('heading', { name: 'قائمة الحالات', level: 2 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    // By keyboard: the passphrase fields, then the button.
    await page.getByLabel('اختر كلمة مرور لقائمة الحالات (8 أحرف على الأقل)').focus();
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText('لا يوجد مواطنون في قائمة الحالات بعد.').waitFor();
    await page.getByLabel('أضف ملفات المواطنين (يمكنك اختيار عدة ملفات)').setInputFiles([
      asUpload('a.json', citizenFile('Sara', [[4, 4], [1, 2]])),
      asUpload('b.json', citizenFile('Omar', [[2, 3], [0, 3]])),
    ]);
    await page.getByText(/^يُعرض \u20682\u2069 من \u20682\u2069\.$/).waitFor();
    await expectNoAxeViolations(page, `the caseload in Arabic at ${viewport.width} px`);
    await page.screenshot({ path: `${ARTIFACTS}caseload-ar-${viewport.width}.png`, fullPage: true });
    // A sort by keyboard: Tab to the WHO-5 header's button and press Enter.
    await page.getByRole('button', { name: 'WHO-5' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByRole('columnheader', { name: 'WHO-5' }).getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await page.locator('tbody th[scope="row"]').allTextContents(), ['Sara', 'Omar']);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test("the provider's report: its figures on screen equal its CSV, under five suppressed, printed on A4", async () => {
  const { context, page } = await newCaseload();
  await create(page);
  // Twelve citizens, WHO-5 eight weeks and one week ago; the first six with hours worked
  // (minutes 60·n then 90·n), the first three with a goal each.
  const files = [];
  const firsts = [];
  const lasts = [];
  for (let n = 1; n <= 12; n++) {
    const [from, to] = [1 + (n % 4), 1 + ((n * 3) % 5)];
    firsts.push(20 * from);
    lasts.push(20 * to);
    const extra = { work: n <= 6 ? [[8, 60 * n], [1, 90 * n]] : [], goals: n <= 3 ? [4] : [] };
    files.push(asUpload(`b${n}.json`, citizenFile(`Borger ${n}`, [[8, from], [1, to]], extra)));
  }
  await page.getByLabel('Tilføj borgeres filer (vælg gerne mange)').setInputFiles(files);
  await page.getByText('Viser 12 af 12.').waitFor();

  const report = page.getByRole('region', { name: 'Rapport til kommunen' });
  // A period that ends before it begins is refused at its field.
  await report.getByLabel('Fra uge (fx 2026-W01)').fill(weeksAgo(0));
  await report.getByLabel('Til og med uge').fill(weeksAgo(10));
  await report.getByRole('button', { name: 'Lav rapporten' }).click();
  await report.getByRole('alert').filter({ hasText: 'Fra-ugen skal ligge før til-ugen.' }).waitFor();
  assert.equal(await report.getByLabel('Fra uge (fx 2026-W01)').getAttribute('aria-invalid'), 'true');
  await report.getByLabel('Fra uge (fx 2026-W01)').fill(weeksAgo(20));
  await report.getByLabel('Til og med uge').fill(weeksAgo(0));
  await report.getByRole('button', { name: 'Lav rapporten' }).click();
  const figures = report.getByRole('table', { name: 'Rapport til kommunen' });
  await figures.waitFor();
  const cell = (name) => report.locator(`[data-figure="${name}"]`).textContent();
  assert.equal(await cell('citizens'), '12');
  assert.equal(await cell('weeks_answered'), '24');
  const danish = (n) => String(n).replace('.', ',');
  assert.equal(await cell('who5.median_first'), danish(median(firsts)));
  assert.equal(await cell('who5.median_latest'), danish(median(lasts)));
  const pairs = firsts.map((f, i) => lasts[i] - f);
  const rose = pairs.filter((d) => d >= 10).length;
  const fell = pairs.filter((d) => d <= -10).length;
  assert.equal(await cell('who5.rose_10'), rose < 5 ? '< 5' : String(rose));
  assert.equal(await cell('who5.fell_10'), fell < 5 ? '< 5' : String(fell));
  // Six with hours: shown (minutes → hours: 1..6 first, 1.5..9 latest); three goals: "< 5".
  assert.equal(await cell('hours.citizens'), '6');
  assert.equal(await cell('hours.median_first'), danish(median([1, 2, 3, 4, 5, 6])));
  assert.equal(await cell('hours.median_latest'), danish(median([1.5, 3, 4.5, 6, 7.5, 9])));
  assert.equal(await cell('goals.set'), '< 5');
  // The radars of the median first and latest answers: CHIME's, job readiness's, and the
  // consultant's or mentor's rating of job readiness.
  assert.equal(await report.getByRole('img', { name: /: median første og seneste svar$/ }).count(), 3);
  await expectNoAxeViolations(page, 'the report');
  await page.screenshot({ path: `${ARTIFACTS}report-da-1366.png`, fullPage: true });

  // Its CSV: every figure on screen, the same.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    report.getByRole('link', { name: 'Gem rapporten som CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^ugeblik-rapport-\d{4}-W\d{2}-\d{4}-W\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const rows = csv.trim().split('\r\n').map((line) => line.split(','));
  assert.deepEqual(rows[0], ['figure', 'value']);
  assert.deepEqual(rows[1], ['period.from', weeksAgo(20)]);
  assert.ok(!/Borger/.test(csv), 'no nickname in the report');
  let compared = 0;
  for (const [name, value] of rows.slice(3)) {
    assert.equal((await cell(name)).replace(',', '.'), value, name);
    compared++;
  }
  assert.ok(compared > 30, `${compared} figures compared`);

  // Printed: the report alone, on A4.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await table(page).isVisible(), false, 'the caseload is not printed');
  assert.equal(await figures.isVisible(), true);
  await page.screenshot({ path: `${ARTIFACTS}report-print.png`, fullPage: true });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 1);
  for (const [w, h] of boxes) assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `A4, not ${w} × ${h}`);
  await page.emulateMedia({ media: 'screen' });

  // From files chosen for the report alone: three, so every count is "< 5"; not added.
  await report.getByLabel('Vælg filer til rapporten').setInputFiles(files.slice(0, 3));
  await report.getByRole('radio', { name: /Filerne herunder \(3\)/ }).waitFor();
  assert.equal(await report.getByRole('radio', { name: /Filerne herunder/ }).isChecked(), true);
  await report.getByRole('button', { name: 'Lav rapporten' }).click();
  await until(page, () => document.querySelector('[data-figure="citizens"]')?.textContent === '< 5');
  assert.equal(await cell('who5.median_first'), '< 5');
  await page.getByText('Viser 12 af 12.').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
