// Hostile text in real Chromium: classic XSS payloads typed into every text field, carried
// by an imported file in every string it accepts, put in the address's settings and in
// messages from the embedding portal. None of it runs (no dialog, no global set by a
// payload, no element or handler of its making) and where it is shown it is the literal
// text. The Content-Security-Policy is bypassed here, so that these tests show the
// escaping alone keeps the payloads inert (csp.test.mjs shows the policy alone refuses
// them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { start, ready, drawn, redrawn, isoWeek, monday, ymd, weeksAgo, who5Response, PHONE, moreChoices } from './helpers.mjs';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

/** Each payload, run, would set `window.__x` and open a dialog. */
const PAYLOADS = [
  '<img src=x onerror=alert(__x=1)>',
  '<script>alert(__x=2)</script>',
  '"><svg onload=alert(__x=3)>',
  `'><iframe srcdoc="<script>parent.alert(parent.__x=4)</script>">`,
  'javascript:alert(__x=5)',
  '</textarea><img src=x onerror=alert(__x=6)>',
  '<a href=javascript:alert(__x=7)>x</a>',
];
/** All of them in one text (260 characters: goals' fields take 300, notes more). */
const ALL = PAYLOADS.join(' ');
/** For a milestone's words (200 at most). */
const SHORT = PAYLOADS.slice(0, 4).join(' ');
/** The separator of a drawn screen's parts, then markup: only a file can carry it. */
const PART = '\u0001<b>8</b>';

let env;
let portal;
before(async () => {
  portal = await serve(EXAMPLES);
  // The app's host lists the example portal (portals.json): a trusted portal, sending hostile messages.
  env = await start({ '/portals.json': ['application/json', JSON.stringify({ origins: [portal.url], askCitizen: true })] });
});
after(async () => {
  await env?.close();
  await portal?.close();
});

/** A fresh phone with the policy off; dialogs are recorded (and dismissed). */
async function hostilePage(viewport = PHONE) {
  const context = await env.browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return { context, page };
}

/** Nothing of the payloads' making is in `scope` (a page or a frame), and nothing ran. */
async function inert(page, what, scope = page) {
  const found = await scope.evaluate(() => ({
    flag: '__x' in window,
    elements: [...document.querySelectorAll('img, iframe, object, embed, b, i, s, a[href^="javascript:" i]')].map((e) => e.outerHTML),
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `<${e.localName} ${a.name}>`),
    ),
    inlineScripts: [...document.scripts].filter((s) => !s.src).map((s) => s.outerHTML),
  }));
  assert.deepEqual(found, { flag: false, elements: [], handlers: [], inlineScripts: [] }, what);
  assert.deepEqual(page.dialogs, [], `${what}: no dialog`);
}

/** The text of every element matching `selector`. */
const texts = (scope, selector) => scope.locator(selector).evaluateAll((els) => els.map((e) => e.textContent));

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await file.path(), 'utf8');
}

const MILESTONE_WORDS = 'Med egne ord (frivilligt, men skal udfyldes ved Andet)';
const NICKNAME = 'Kaldenavn eller sagsnummer i filen (frivilligt – aldrig dit CPR-nummer)';

test('payloads typed into every text field stay text, where they are typed and wherever they are shown', async () => {
  const { context, page } = await hostilePage();
  await page.goto(env.url('/'));
  await ready(page);

  // A goal and a milestone in the citizen's own words.
  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  await page.getByLabel('Hvad vil du gøre?').fill(ALL);
  await page.getByLabel('Hvordan ved I, at det er nået?').fill(ALL);
  await redrawn(page, () => page.getByRole('button', { name: 'Tilføj målet' }).click());
  await page.getByRole('status').getByText('Gemt.').waitFor();
  assert.deepEqual(await texts(page, '.ugb-goal-card h4'), [ALL]);
  assert.ok((await texts(page, '.ugb-goal-card p'))[0].startsWith(`Sådan ved vi det: ${ALL}`), 'how we will know, as text');
  await inert(page, 'the goals screen with the goal');
  await page.getByLabel('Hvad skete der?').selectOption('other');
  await page.getByLabel(MILESTONE_WORDS).fill(SHORT);
  // Enter in the words adds the milestone and submits nothing (the address stays).
  const address = page.url();
  await redrawn(page, () => page.getByLabel(MILESTONE_WORDS).press('Enter'));
  assert.equal(page.url(), address);
  await page.locator('.ugb-milestones li').filter({ hasText: SHORT }).waitFor();
  await inert(page, 'the goals screen with the milestone');

  // The check-in: the week's work, the goal's step and its note, the week's note.
  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 18; n++) await page.getByRole('button', { name: 'Spring over' }).click();
  await page.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  const work = { 'Timer planlagt i denne uge': '<b>1</b>', 'Timer du arbejdede': '"><i>2', 'Dage planlagt (0–7)': "'><s>3", 'Dage du mødte op (0–7)': '</form>' };
  for (const [label, text] of Object.entries(work)) await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('alert').getByText('Skriv timer som et tal', { exact: false }).waitFor();
  for (const [label, text] of Object.entries(work)) assert.equal(await page.getByLabel(label).inputValue(), text, label);
  await inert(page, "the week's work");
  await page.getByRole('button', { name: 'Spring over' }).click();
  assert.deepEqual(await texts(page, 'main h2'), [ALL], "the goal's step is headed by its words, as text");
  await page.getByRole('group', { name: 'Holdt du dig til det i denne uge?' }).getByRole('radio', { name: 'Ja', exact: true }).click();
  await page.getByLabel('Note (frivilligt)').fill(ALL);
  await inert(page, "the goal's step");
  await page.getByRole('button', { name: 'Næste' }).click();
  const note = `${ALL}\n${ALL}`;
  await page.getByLabel('Note (frivillig)').fill(note);
  await inert(page, "the week's note");
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();

  // Back into the check-in: the stored texts are put back into their fields as they were
  // (</textarea> in them closes nothing).
  await page.getByRole('button', { name: 'Til forsiden' }).click();
  await page.getByRole('button', { name: 'Ret ugens svar' }).click();
  for (let n = 1; n <= 19; n++) await page.getByRole('button', { name: 'Spring over' }).click();
  assert.equal(await page.getByLabel('Note (frivilligt)').inputValue(), ALL);
  await inert(page, "the goal's step, again");
  await page.getByRole('button', { name: 'Næste' }).click();
  assert.equal(await page.getByLabel('Note (frivillig)').inputValue(), note);
  await inert(page, "the week's note, again");
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();

  // Where the texts are shown: past weeks, progress with the notes, the goals screen.
  await page.getByRole('button', { name: 'Se tidligere uger' }).click();
  await drawn(page);
  assert.ok((await texts(page, '.ugb-week__note')).includes(`Noter: ${note}`));
  await inert(page, 'past weeks');
  await page.getByLabel(NICKNAME).fill(PAYLOADS[2]);
  const file = JSON.parse(await download(page, 'Gem fil til din konsulent'));
  assert.equal(file.nickname, PAYLOADS[2]);
  assert.deepEqual([file.goals[0].what, file.goals[0].measure, file.goals[0].checks[0].note], [ALL, ALL, ALL]);
  assert.equal(file.milestones[0].text, SHORT);
  assert.ok(file.responses.some((r) => r.note === note), 'the file keeps the texts as they were typed');
  await inert(page, 'past weeks after the export');

  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis noterne' }).check());
  assert.ok((await texts(page, '#ugb-numbers td')).includes(note), 'the note in the table, as text');
  assert.ok((await texts(page, '.ugb-milestone-list li')).some((t) => t.endsWith(SHORT)), 'the milestone, as text');
  await inert(page, 'progress with the notes');

  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  assert.deepEqual(await texts(page, '.ugb-goal-card q'), [ALL]);
  await inert(page, 'the goals screen with the answer');
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** A real export (format 2: an answer, a goal answered once, a week's work, a milestone). */
async function exported(page) {
  const week = isoWeek(monday(1));
  const who5 = { id: 'r1', instrument: 'who5', version: '1', week, authored: '2026-01-01T10:00:00Z', language: 'da', status: 'complete', answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 } };
  const history = {
    version: 2,
    responses: [who5],
    goals: [{ id: 'g1', what: 'Mål', measure: 'Sådan', set: isoWeek(monday(3)), authored: '2026-01-01T10:00:00Z', checks: [{ week, kept: 'partly', note: 'n', authored: '2026-01-01T10:00:00Z' }] }],
    work: [{ week, work: { plannedMinutes: 420, workedMinutes: 300, daysPlanned: 3, daysAttended: 2 }, authored: '2026-01-01T10:00:00Z' }],
    milestones: [{ id: 'm1', date: ymd(monday(2)), kind: 'other', text: 'ord', authored: '2026-01-01T10:00:00Z' }],
  };
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify(history));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const file = JSON.parse(await download(page, 'Gem fil til din konsulent'));
  await page.evaluate(() => localStorage.clear());
  return { file, stored: history };
}

/** `file` with a payload in every string the importer accepts as it is (the times are
 *  checked as times: a payload there is refused, see the next test but one). */
function hostileFile(file) {
  const f = structuredClone(file);
  f.exported = PAYLOADS[0];
  f.appVersion = PAYLOADS[1];
  f.nickname = PAYLOADS[2];
  for (const instrument of f.instruments) Object.assign(instrument, { name: PAYLOADS[3], source: PAYLOADS[4] });
  Object.assign(f.responses[0], { id: `${PAYLOADS[5]}${PART}`, recall: PAYLOADS[6], authored: '2026-01-02T10:00:00Z', note: `${ALL} ${PART}` });
  Object.assign(f.goals[0], { id: `${PAYLOADS[2]}${PART}`, what: ALL, measure: `${ALL} ${PART}`, replaces: PAYLOADS[3] });
  Object.assign(f.goals[0].checks[0], { note: `${ALL} ${PART}` });
  Object.assign(f.milestones[0], { id: `${PAYLOADS[0]}${PART}`, text: `${SHORT}${PART}` });
  return f;
}

test('payloads in every string of an imported file stay text: in the preview, the conflict, every screen and the viewer', async () => {
  const { context, page } = await hostilePage();
  await page.goto(env.url('/'));
  await ready(page);
  const { file, stored } = await exported(page);
  const hostile = hostileFile(file);
  // The phone has the same answer (by its id) with other values: the file's is a conflict.
  const mine = { ...stored.responses[0], id: hostile.responses[0].id, answers: { 1: 5, 2: 5, 3: 5, 4: 5, 5: 5 } };
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 2, responses: [mine] }));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'ugeblik.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  const conflict = page.getByRole('checkbox', { name: /brug filens svar/ });
  await conflict.waitFor();
  // The answer's id never enters the page's markup: the tick box's handler holds it as a
  // string, and the import below takes the file's answer for exactly that id.
  await inert(page, 'the import preview with a conflict');
  await conflict.check();
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')));
  assert.equal(kept.goals[0].measure, hostile.goals[0].measure, 'stored as it was in the file');
  assert.ok((await texts(page, '.ugb-week__note')).includes(`Noter: ${ALL} ${PART}`), 'the note, as text, in one piece');
  await inert(page, 'past weeks after the import');

  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  // The goals screen's own part may still be on its way while the screen before stands.
  await page.locator('.ugb-goal-card h4').first().waitFor();
  assert.deepEqual(await texts(page, '.ugb-goal-card h4'), [ALL]);
  assert.ok((await texts(page, '.ugb-goal-card p'))[0].startsWith(`Sådan ved vi det: ${ALL} ${PART}`));
  assert.deepEqual(await texts(page, '.ugb-goal-card q'), [`${ALL} ${PART}`]);
  assert.equal(await page.locator('.ugb-goal-card input[name="goal"]').getAttribute('value'), hostile.goals[0].id);
  assert.ok((await texts(page, '.ugb-milestones li')).some((t) => t.includes(`${SHORT}${PART}`)));
  await inert(page, 'the goals screen after the import');

  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis noterne' }).check());
  assert.ok((await texts(page, '#ugb-numbers td')).includes(`${ALL} ${PART}`));
  assert.ok((await texts(page, '.ugb-milestone-list li')).some((t) => t.endsWith(`${SHORT}${PART}`)));
  await inert(page, 'progress after the import');

  await page.getByRole('button', { name: 'Denne uge' }).click();
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 19; n++) await page.getByRole('button', { name: 'Spring over' }).click();
  assert.deepEqual(await texts(page, 'main h2'), [ALL]);
  await inert(page, "the imported goal's step");

  // The consultant's viewer reads the same file.
  await page.goto(env.url('/?viewer'));
  await ready(page);
  await drawn(page);
  await redrawn(page, () => page.getByLabel('Åbn en borgers fil').setInputFiles({ name: 'sag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) }));
  assert.deepEqual(await texts(page, '#ugb-viewer-summary'), [`Fil: ${PAYLOADS[2]} · 1 svar`]);
  await inert(page, 'the viewer with the file');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("payloads in the strings an importer checks come back in its messages as text, and nothing is stored", async () => {
  const { context, page } = await hostilePage();
  await page.goto(env.url('/'));
  await ready(page);
  const { file } = await exported(page);
  const [payload, cut] = [PAYLOADS[0], PAYLOADS[0].slice(0, 20)];
  const changed = (change) => {
    const copy = structuredClone(file);
    change(copy);
    return JSON.stringify(copy);
  };
  const cases = [
    [changed((f) => (f.responses[0].answers[payload] = 1)), `ukendt spørgsmål »${payload}«`],
    [changed((f) => (f.responses[0].version = payload)), `ukendt version »${cut}« af who5`],
    [changed((f) => (f.responses[0].instrument = payload)), `ukendt spørgeskema »${payload}«`],
    [changed((f) => (f.goals[0].by = payload)), `»${cut}« er ikke en dato som 2026-12-31`],
    [changed((f) => (f.milestones[0].date = payload)), `»${cut}« er ikke en dato som 2026-12-31`],
    [changed((f) => (f.responses[0].authored = payload)), `feltet »authored« skal være et tidspunkt skrevet som 2026-11-20T10:00:00Z, men filen har "${payload}"`],
    [changed((f) => (f.goals[0].authored = payload)), `men filen har "${payload}"`],
    [changed((f) => (f.goals[0].checks[0].authored = payload)), `men filen har "${payload}"`],
    [changed((f) => (f.milestones[0].authored = payload)), `men filen har "${payload}"`],
    [changed((f) => (f.work[0].authored = payload)), `men filen har "${payload}"`],
  ];
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  for (const [contents, message] of cases) {
    await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(contents) });
    const alert = page.getByRole('alert').filter({ hasText: 'Intet er ændret på telefonen.' });
    await alert.waitFor();
    assert.ok((await alert.textContent()).includes(message), `${message} in ${await alert.textContent()}`);
    await inert(page, message);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await page.getByLabel('Vælg en fil fra Ugeblik').waitFor();
  }
  assert.equal(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history')), null);
  await context.close();
});

test('payloads in the address’s settings are explained as text or shown as the provider’s name, never applied', async () => {
  const { context, page } = await hostilePage();
  const settings = {
    lang: PAYLOADS[0],
    instruments: PAYLOADS[2],
    who5: PAYLOADS[4],
    parentOrigin: PAYLOADS[4],
    'theme-accent': '#fff;background:url(javascript:alert(__x=8))',
    'theme-font': `Arial, ${PAYLOADS[0]}`,
    'theme-radius': '</style><script>alert(__x=9)</script>',
    demo: PAYLOADS[6],
  };
  const query = new URLSearchParams({ provider: PAYLOADS[1], ...settings, [PAYLOADS[0]]: PAYLOADS[1] });
  await page.goto(env.url(`/?${query}`));
  await ready(page);
  assert.deepEqual(await texts(page, '.ugb-provider'), [PAYLOADS[1]], "the provider's name, as text");
  const notices = await texts(page, '.ugb-notice');
  for (const [name, value] of Object.entries(settings)) {
    const text = `Indstillingen „${name}“ i adressen forstås ikke („${value.slice(0, 60)}“). Standarden bruges.`;
    assert.ok(notices.some((n) => n.startsWith(text)), `${text} in ${JSON.stringify(notices)}`);
  }
  assert.equal(notices.length, Object.keys(settings).length, 'a name the widget does not know is left alone');
  assert.equal(await page.locator('html').getAttribute('lang'), 'da');
  assert.equal(await page.evaluate(() => document.documentElement.style.length), 0, 'no theme value applied');
  await inert(page, 'the start page with the settings');
  // The widget works: the check-in starts with every instrument.
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  await inert(page, 'the first question');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a portal's messages with payloads in every field do nothing but what the protocol says", async () => {
  const { context, page } = await hostilePage({ width: 900, height: 900 });
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(env.url('/'))}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ugeblik:ready'));
  const widget = page.frames().find((f) => f.url().startsWith(env.server.url));
  await ready(widget);
  // From the portal's own origin, the one the widget trusts.
  await page.evaluate(({ origin, payloads, all }) => {
    const widget = document.getElementById('ugeblik').contentWindow;
    const file = JSON.stringify({ format: 'ugeblik-export', formatVersion: 2, nickname: all, responses: [], goals: [{ what: all }] });
    const messages = [
      { type: payloads[0], version: 1 },
      { type: 'ugeblik:request-height', version: 1, height: payloads[2] },
      { type: 'ugeblik:export', version: 1, format: 'ugeblik-export', json: file },
      { type: 'ugeblik:ready', version: 1, lang: payloads[0] },
      all,
      [all],
      { type: 'ugeblik:request-export', version: 1, note: all, provider: payloads[1], html: payloads[5] },
    ];
    for (const message of messages) widget.postMessage(message, origin);
  }, { origin: env.server.url, payloads: PAYLOADS, all: ALL });
  // The request to send is heeded; its other fields, and every other message, are not.
  await widget.getByRole('heading', { name: 'Tidligere uger' }).waitFor();
  await drawn(widget);
  const shown = await widget.evaluate(() => document.body.innerText);
  for (const payload of PAYLOADS) assert.ok(!shown.includes(payload), `${payload} is nowhere in the widget`);
  assert.equal(await widget.evaluate(() => localStorage.getItem('ugeblik.v1.history')), null, 'a host cannot push a file');
  await inert(page, 'the widget after the portal’s messages', widget);
  // The portal's own page (its own iframe and script) logs what it hears as text.
  const portalPage = await page.evaluate(() => ({ flag: '__x' in window, log: [...document.querySelectorAll('#log *')].map((e) => e.localName) }));
  assert.equal(portalPage.flag, false);
  assert.ok(portalPage.log.length > 0 && portalPage.log.every((name) => name === 'li'), JSON.stringify(portalPage.log));
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** A language pack's texts, to find controls by their names in that language. */
const pack = (lang) => JSON.parse(readFileSync(new URL(`../../static/lang/${lang}.json`, import.meta.url), 'utf8'));

test('hostile files are refused in words a citizen reads, in their language, and the phone keeps every byte', async () => {
  const { context, page } = await hostilePage();
  await page.goto(env.url('/'));
  await ready(page);
  const { file, stored } = await exported(page);
  const changed = (change) => {
    const copy = structuredClone(file);
    change(copy);
    return JSON.stringify(copy);
  };
  const [, year, number] = file.responses[0].week.match(/^(\d{4})-W(\d{2})$/);
  const week = Number(number);
  const files = {
    // Weeks from year 1 to year 9999: the progress screen drew half a million of them.
    weeks: changed((f) => {
      f.responses[0].week = '0001-W01';
      f.responses.push({ ...f.responses[0], id: 'r-late', week: '9999-W52' });
    }),
    // "Later wins" compared the texts, and "~" is later than any time: the goal was replaced.
    time: changed((f) => Object.assign(f.goals[0], { what: 'Replaced', authored: '~' })),
    // Said only "The file is damaged at line 1, character …".
    type: changed((f) => (f.responses[0].answers['1'] = 'four')),
  };
  const uk = pack('uk');
  const languages = {
    da: {
      nav: 'Tidligere uger',
      choose: 'Vælg en fil fra Ugeblik',
      cancel: 'Fortryd',
      weeks: 'Svar nr. 2 i filen: feltet »week« er 9999-W52, men Ugeblik viser kun årene 2000–2099. Intet er ændret på telefonen.',
      time: 'Målet »Replaced«: feltet »authored« skal være et tidspunkt skrevet som 2026-11-20T10:00:00Z, men filen har "~". Intet er ændret på telefonen.',
      type: `Svarene for Uge ${week}, ${year} (WHO-5 Trivselsindeks): svaret på spørgsmål 1 skal være et helt tal fra 0 til 5, men filen har "four". Intet er ændret på telefonen.`,
    },
    en: {
      nav: 'Past weeks',
      choose: 'Choose a file from Ugeblik',
      cancel: 'Cancel',
      weeks: 'Answer 2 in the file: the field “week” is 9999-W52, but Ugeblik only shows the years 2000–2099. Nothing on this phone has changed.',
      time: 'The goal “Replaced”: the field “authored” should be a time written like 2026-11-20T10:00:00Z, but the file has "~". Nothing on this phone has changed.',
      type: `The answers for Week ${week}, ${year} (WHO-5 Well-Being Index): the answer to question 1 should be a whole number from 0 to 5, but the file has "four". Nothing on this phone has changed.`,
    },
    uk: {
      nav: uk.messages.NavHistory,
      choose: uk.chart.ImportChoose,
      cancel: uk.chart.ImportCancel,
      weeks: `Відповідь № 2 у файлі: поле «week» — 9999-W52, але Ugeblik показує лише роки 2000–2099. ${uk.chart.ErrNothingChanged}`,
      time: `Ціль «Replaced»: поле «authored» має бути часом у вигляді 2026-11-20T10:00:00Z, але у файлі "~". ${uk.chart.ErrNothingChanged}`,
      type: new RegExp(`^Відповіді за Тиждень ${week}, ${year} \\(.+\\): відповідь на запитання 1 має бути цілим числом від 0 до 5, але у файлі "four"\\. ${uk.chart.ErrNothingChanged}$`),
    },
  };
  for (const [lang, said] of Object.entries(languages)) {
    await page.goto(env.url(`/?lang=${lang}`));
    await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify(stored));
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: said.nav }).click();
    await drawn(page);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    for (const [what, contents] of Object.entries(files)) {
      await page.getByLabel(said.choose).setInputFiles({ name: `${what}.json`, mimeType: 'application/json', buffer: Buffer.from(contents) });
      const alert = page.locator('#ugb-import-error');
      await alert.waitFor();
      const text = await alert.textContent();
      if (said[what] instanceof RegExp) assert.match(text, said[what], `${lang} ${what}`);
      else assert.equal(text, said[what], `${lang} ${what}`);
      assert.equal(await alert.getAttribute('role'), 'alert');
      await page.getByRole('button', { name: said.cancel }).click();
      await page.getByLabel(said.choose).waitFor();
      const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
      assert.equal(after, before, `${lang} ${what}: storage byte for byte the same`);
    }
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a history spanning a century draws at most ten years of weeks, in the charts and in the custom period’s lists', async () => {
  const { context, page } = await hostilePage();
  await page.goto(env.url('/'));
  await ready(page);
  // Stored before files were checked: weeks from 2000 to 2099.
  const responses = ['2000-W01', weeksAgo(0), '2099-W52'].map((week) => who5Response(week, [3, 3, 3, 3, 3]));
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 1, responses }));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await redrawn(page, () => page.getByRole('button', { name: 'Alt', exact: true }).click());
  await redrawn(page, () => page.getByRole('button', { name: 'Vælg selv' }).click());
  const options = await page.evaluate(() => ({
    from: document.querySelectorAll('#ugb-period-from option').length,
    to: document.querySelectorAll('#ugb-period-to option').length,
    html: document.querySelector('.ugb-results').innerHTML.length,
  }));
  assert.ok(options.from > 0 && options.from <= 531, `from: ${options.from} weeks to choose from`);
  assert.ok(options.to > 0 && options.to <= 531, `to: ${options.to}`);
  assert.ok(options.html < 1_500_000, `the drawn screen is ${options.html} characters`);
  // The last week drawn is the history's last.
  assert.equal(await page.getByLabel('Til').inputValue(), '2099-W52');
  assert.deepEqual(page.errors, []);
  await context.close();
});
