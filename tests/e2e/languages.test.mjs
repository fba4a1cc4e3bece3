// Languages in real Chromium against the release build: Arabic right to left through a
// whole check-in, axe in every language, reading aloud, switching language half-way, and a
// language pack that cannot be fetched. Texts are looked up in the shipped packs, and
// controls are found by role and accessible name, as a screen reader finds them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, newPage, ready, until, expectNoAxeViolations, storageValue, drawn, checkIn, menu } from './helpers.mjs';

const pack = (code) => JSON.parse(readFileSync(new URL(`../../static/lang/${code}.json`, import.meta.url), 'utf8'));
const AR = pack('ar');
const UK = pack('uk');
const ARTIFACTS = new URL('./artifacts/', import.meta.url);

/** A pack's message with its values in place; in Arabic each value is isolated (FSI…PDI)
 *  as the app does, so that a number or a Latin name keeps its own direction. */
function t(lang, key, values = {}) {
  const rtl = lang === AR;
  return lang.messages[key].replace(/\{(\w+)\}/g, (_, name) => (rtl ? `\u2068${values[name]}\u2069` : values[name]));
}

/** The step's position as shown ("السؤال 3 من 19"), without the isolating marks. */
async function position(page) {
  return (await page.locator('.ugb-progress p span').first().innerText()).replace(/[\u2068\u2069]/g, '');
}

async function waitForPosition(page, lang, n) {
  const expected = lang.messages.Progress.replace('{n}', n).replace('{total}', 19);
  await until(page, (text) => document.querySelector('.ugb-progress p span')?.textContent.replace(/[\u2068\u2069]/g, '') === text, expected);
}

/** Records every utterance handed to the browser's speech synthesis (then speaks it). */
function recordSpeech() {
  window.__spoken = [];
  const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
  window.speechSynthesis.speak = (utterance) => {
    window.__spoken.push({ text: utterance.text, lang: utterance.lang });
    speak(utterance);
  };
}

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('a full check-in in Arabic: right to left, mirrored, the WHO-5 in an official version, time still left to right', async () => {
  const { page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  // Chosen with the switch: the Arabic pack is fetched then, and only then.
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('button', { name: AR.messages.StartCheckIn }).waitFor();
  assert.deepEqual(fetched, ['/lang/ar.json']);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('.ugb-app').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).direction), 'rtl');
  // The header mirrored: the app's name at the right, the menu starting at the right.
  const app = await page.locator('.ugb-app').boundingBox();
  const brand = await page.locator('.ugb-brand').boundingBox();
  assert.ok(brand.x + brand.width > app.x + app.width - 40, `the name sits at the right (${brand.x}+${brand.width} in ${app.x}+${app.width})`);
  const menu = page.getByRole('navigation', { name: AR.messages.MainNav });
  const first = await menu.getByRole('button').first().boundingBox();
  const second = await menu.getByRole('button').nth(1).boundingBox();
  assert.ok(first.x > second.x, 'the first menu item is the rightmost');

  await page.getByRole('button', { name: AR.messages.StartCheckIn }).click();
  for (let n = 1; n <= 18; n++) {
    await waitForPosition(page, AR, n);
    const heading = page.getByRole('heading', { level: 2 });
    if (n <= 5) {
      // The WHO-5 has no official Arabic version: it is asked in Danish or English, says
      // why (at its first question), and its text is marked with its language.
      if (n === 1) {
        await page.getByText(t(AR, 'Who5Official', { language: 'العربية' })).waitFor();
        await page.getByRole('group', { name: AR.messages.Who5LangGroup }).getByRole('button', { name: 'Dansk' }).click();
        await until(page, () => document.querySelector('#ugb-question-text')?.lang === 'da');
      }
      assert.equal(await heading.getAttribute('lang'), 'da');
      assert.equal(await heading.evaluate((h) => getComputedStyle(h).direction), 'ltr');
      assert.match(await heading.innerText(), /^I de sidste 2 uger/);
      await page.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
      continue;
    }
    assert.equal(await heading.evaluate((h) => getComputedStyle(h).direction), 'rtl');
    const group = page.getByRole('group', { name: await heading.innerText() });
    if (n === 6) {
      // The app's own questions are in Arabic, marked as a translation nobody has reviewed.
      assert.equal(await heading.innerText(), AR.instruments['chime5.chime-c.text']);
      await page.getByText(AR.messages.Unreviewed).waitFor();
      // 0–10 mirrored: 0 at the right, and each number has its pictogram beside it.
      const zero = await group.getByRole('radio', { name: '0', exact: true }).boundingBox();
      const one = await group.getByRole('radio', { name: '1', exact: true }).boundingBox();
      assert.ok(zero.x > one.x, `0 (${zero.x}) is right of 1 (${one.x})`);
      assert.equal(await group.locator('svg.ugb-pict').count(), 11);
      // Back at the right, skip at the left: the way an Arabic reader reads.
      const back = await page.getByRole('button', { name: AR.messages.Back }).boundingBox();
      const skip = await page.getByRole('button', { name: AR.messages.Skip }).boundingBox();
      assert.ok(back.x > skip.x, 'back comes first, at the right');
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = await page.screenshot({ path: new URL('ar-question.png', ARTIFACTS).pathname, fullPage: true });
      assert.ok(shot.length > 10000, 'a screenshot of the mirrored question was taken');
      await expectNoAxeViolations(page, 'an Arabic rating question');
    }
    const value = n === 18 ? '15' : '7';
    await group.getByRole('radio', { name: value, exact: true }).click();
  }
  await page.getByRole('heading', { name: AR.messages.WorkTitle }).waitFor();
  await page.getByRole('button', { name: AR.messages.Skip }).click();
  await page.getByRole('button', { name: AR.messages.Save }).click();
  await page.getByRole('heading', { name: AR.messages.SavedTitle }).waitFor();

  // Stored with the language each part was shown in, and the versions.
  const history = JSON.parse(await storageValue(page, 'ugeblik.v1.history'));
  const languages = Object.fromEntries(history.responses.map((r) => [r.instrument, r.language]));
  assert.deepEqual(languages, { who5: 'da', chime5: 'ar', jobready7: 'ar' });
  assert.equal(JSON.parse(await storageValue(page, 'ugeblik.v1.settings')).who5Lang, 'da');

  // The progress screen is drawn in Arabic, but time runs left to right.
  await page.getByRole('navigation', { name: AR.messages.MainNav }).getByRole('button', { name: AR.messages.NavProgress }).click();
  await drawn(page);
  await page.getByRole('heading', { name: AR.chart.ChartPercent }).waitFor();
  const plot = page.locator('.ugb-chart__plot').first();
  assert.equal(await plot.evaluate((p) => getComputedStyle(p).direction), 'ltr');
  assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).direction), 'rtl');
  await page.screenshot({ path: new URL('ar-progress.png', ARTIFACTS).pathname, fullPage: true });
  await expectNoAxeViolations(page, 'the Arabic progress screen');
  assert.deepEqual(page.errors, []);
});

/** The start button in the built-in languages (the packs' texts are read from the packs). */
const START = { da: 'Start ugens spørgsmål', en: "Start this week's questions" };

for (const [code, name, lang] of [
  ['da', 'Dansk', null],
  ['en', 'English', null],
  ['ar', 'العربية', AR],
  ['uk', 'Українська', UK],
]) {
  test(`no axe violations in ${name}: start page, questions, progress, lock and delete`, async () => {
    const { page } = await newPage(env.browser);
    await page.goto(env.url(`/?lang=${code}`));
    await ready(page);
    assert.equal(await page.locator('html').getAttribute('lang'), code);
    if (lang) assert.equal(await page.getByRole('button', { name: lang.messages.StartCheckIn }).count(), 1);
    await expectNoAxeViolations(page, `${name}: the start page`);
    await page.getByRole('button', { name: lang?.messages.StartCheckIn ?? START[code] }).click();
    await page.locator('#ugb-question-text').waitFor();
    await expectNoAxeViolations(page, `${name}: a WHO-5 question`);
    for (let n = 0; n < 5; n++) await page.locator('input[name="ugb-answer"][value="3"]').first().click();
    await until(page, () => document.querySelectorAll('.ugb-options--rating input[type="radio"]').length === 11);
    await expectNoAxeViolations(page, `${name}: a 0–10 question`);
    // The menu's items by their place (this week, progress, goals, past weeks, lock and
    // delete, about), the same in every language.
    for (const [screen, place] of [['progress', 1], ['safety', 4], ['about', 5]]) {
      await page.getByRole('navigation').getByRole('button').nth(place).click();
      await drawn(page);
      await expectNoAxeViolations(page, `${name}: the ${screen} screen`);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('read aloud hands the question and each answer to speechSynthesis.speak, in the text’s language', async () => {
  const { context, page } = await newPage(env.browser);
  await context.addInitScript(recordSpeech);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  const heading = await page.getByRole('heading', { level: 2 }).innerText();
  await page.getByRole('button', { name: 'Læs spørgsmålet op' }).click();
  await page.getByRole('button', { name: 'Læs op: Lidt af tiden' }).click();
  const spoken = await page.evaluate(() => window.__spoken);
  assert.deepEqual(spoken, [
    { text: heading, lang: 'da-DK' },
    { text: 'Lidt af tiden', lang: 'da-DK' },
  ]);
  // A 0–10 question reads its words and what the ends of the scale mean.
  for (let n = 0; n < 5; n++) await page.getByRole('radio', { name: 'Det meste af tiden', exact: true }).click();
  await page.getByRole('button', { name: 'Læs spørgsmålet op' }).click();
  const last = await page.evaluate(() => window.__spoken.at(-1));
  assert.equal(last.text, 'Hvor meget har du i denne uge følt dig forbundet med andre mennesker? 0 = Slet ikke, 10 = I meget høj grad');
  // In Ukrainian the question is read in Ukrainian. Whether this phone has a Ukrainian
  // voice or not, the citizen is never left guessing: with none, the page says so.
  await page.getByRole('button', { name: 'Українська' }).click();
  await page.getByRole('button', { name: UK.messages.ReadQuestion }).click();
  const uk = await page.evaluate(() => window.__spoken.at(-1));
  assert.deepEqual(uk, { text: `${UK.instruments['chime5.chime-c.text']} ${UK.messages.ScaleLegend.replace('{low}', UK.instruments['chime5.low']).replace('{high}', UK.instruments['chime5.high'])}`, lang: 'uk-UA' });
  const hasVoice = await page.evaluate(() => speechSynthesis.getVoices().some((v) => v.localService && v.lang.toLowerCase().startsWith('uk')));
  if (!hasVoice) await page.getByText(t(UK, 'NoVoice', { language: 'Українська' })).waitFor();
  await expectNoAxeViolations(page, 'the question with the read-aloud message');
});

test('switching language half-way keeps every answer given, the step, and the note', async () => {
  const { page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (const answer of ['Hele tiden', 'Det meste af tiden', 'Lidt af tiden']) {
    await page.getByRole('radio', { name: answer, exact: true }).click();
  }
  await page.getByText('Spørgsmål 4 af 19', { exact: true }).waitFor();
  const before = JSON.parse(await storageValue(page, 'ugeblik.v1.draft'));
  await page.getByRole('button', { name: 'Українська' }).click();
  await waitForPosition(page, UK, 4);
  // Still question 4; going back shows the answer to question 3, checked.
  await page.getByRole('button', { name: UK.messages.Back }).click();
  await waitForPosition(page, UK, 3);
  assert.equal(await page.locator('input[name="ugb-answer"]:checked').getAttribute('value'), '1');
  await page.getByRole('button', { name: 'العربية' }).click();
  await waitForPosition(page, AR, 3);
  assert.equal(await page.locator('input[name="ugb-answer"]:checked').getAttribute('value'), '1');
  const after = JSON.parse(await storageValue(page, 'ugeblik.v1.draft'));
  assert.deepEqual(after.draft.answers, before.draft.answers, 'the answers are the same after two switches');
  // A reload opens in the language chosen, at the same step.
  await page.reload();
  await waitForPosition(page, AR, 3);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.getByRole('group', { name: AR.messages.LanguageGroup }).getByRole('button', { name: 'English' }).click();
  await page.getByText('Question 3 of 19', { exact: true }).waitFor();
  assert.deepEqual(JSON.parse(await storageValue(page, 'ugeblik.v1.draft')).draft.answers, before.draft.answers);
});

test('a language pack that cannot be fetched, or is not a pack, says so in the language shown and changes nothing', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await checkIn(page);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const offline = (r) => r.abort('internetdisconnected');
  const hostile = (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"ugeblik-language","version":1,"lang":"ar","messages":[<script>]}' });
  for (const route of [offline, hostile]) {
    await page.reload();
    await ready(page);
    await context.route('**/lang/ar.json', route);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('Sproget العربية kunne ikke hentes. Prøv igen, når telefonen er på nettet.').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'da');
    assert.equal(await page.getByRole('button', { name: 'Ret ugens svar' }).count(), 1, 'still in Danish');
    await context.unroute('**/lang/ar.json');
  }
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'byte for byte');
  await expectNoAxeViolations(page, 'the start page with the message');
  // Fetched once it can be: the message goes.
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('button', { name: AR.messages.ChangeCheckIn }).waitFor();
  assert.equal(await page.getByText('Sproget العربية kunne ikke hentes', { exact: false }).count(), 0);
});

test('easy words: a version of its own, asked and saved as such; the WHO-5 unchanged', async () => {
  const { page } = await newPage(env.browser);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  await page.getByRole('checkbox', { name: 'Use easy words in the questions' }).check();
  await page.getByRole('button', { name: 'Start this week\'s questions' }).click();
  assert.match(await page.getByRole('heading', { level: 2 }).innerText(), /I have felt cheerful and in good spirits/);
  for (let n = 0; n < 5; n++) await page.getByRole('radio', { name: 'Most of the time', exact: true }).click();
  await page.getByRole('heading', { name: 'This week, did you feel close to other people?' }).waitFor();
  await page.getByText('0 = No, not at all, 10 = Yes, very much').waitFor();
  await page.getByRole('radio', { name: '8', exact: true }).click();
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'This week, did you have hope for the future?' }).waitFor();
  assert.equal(JSON.parse(await storageValue(page, 'ugeblik.v1.settings')).easy, true);
  // Save what there is: the versions say which words were answered.
  for (let n = 7; n <= 18; n++) {
    await page.getByText(`Question ${n} of 19`, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
  }
  await page.getByRole('heading', { name: 'Your week at work or in a placement' }).waitFor();
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByRole('heading', { name: 'Thank you! Your answers are saved.' }).waitFor();
  const history = JSON.parse(await storageValue(page, 'ugeblik.v1.history'));
  const versions = Object.fromEntries(history.responses.map((r) => [r.instrument, r.version]));
  assert.deepEqual(versions, { who5: '1', chime5: '1-easy' });
});

test('the lock screen in Arabic and Ukrainian: mirrored, no axe violations, and the language chosen there goes on in the app', async () => {
  const { page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await menu(page, 'Lås og sletning');
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('en lang sætning');
  await page.getByLabel('Skriv det nye kodeord igen').fill('en lang sætning');
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
  await page.goto(env.url('/?lang=ar'));
  await page.getByRole('heading', { name: AR.messages.LockedTitle }).waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('main').evaluate((m) => getComputedStyle(m).direction), 'rtl');
  await expectNoAxeViolations(page, 'the Arabic lock screen');
  await page.getByRole('button', { name: 'Українська' }).click();
  await page.getByRole('heading', { name: UK.messages.LockedTitle }).waitFor();
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  await expectNoAxeViolations(page, 'the Ukrainian lock screen');
  await page.getByLabel(UK.messages.Passphrase, { exact: true }).fill('en lang sætning');
  await page.getByRole('button', { name: UK.messages.Unlock }).click();
  await page.getByRole('button', { name: UK.messages.StartCheckIn }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'uk');
  assert.deepEqual(page.errors, []);
});

test('a narrow 320 px phone in Arabic shows every step without sideways scrolling', async () => {
  const { page } = await newPage(env.browser, { width: 320, height: 640 });
  await page.goto(env.url('/?lang=ar'));
  await ready(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok((await overflow()) <= 0, `the start page scrolls sideways by ${await overflow()}px`);
  await page.getByRole('button', { name: AR.messages.StartCheckIn }).click();
  for (let n = 1; n <= 19; n++) {
    await waitForPosition(page, AR, n);
    assert.ok((await overflow()) <= 0, `step ${n} scrolls sideways by ${await overflow()}px`);
    await page.getByRole('button', { name: AR.messages.Skip, exact: true }).click();
  }
  await page.getByRole('button', { name: AR.messages.Save }).waitFor();
  assert.ok((await overflow()) <= 0, `the note scrolls sideways by ${await overflow()}px`);
});

test('English is a language pack: a Danish visit fetches no language, ?lang=en fetches lang/en.json before its first screen', async () => {
  const EN = pack('en');
  const { page } = await newPage(env.browser);
  // The page's own requests (the service worker's keeping of files is not the page's).
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  assert.deepEqual(fetched.filter((p) => p.includes('/lang/')), [], 'Danish needs no pack');
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  await page.getByRole('button', { name: EN.messages.StartCheckIn }).waitFor();
  assert.deepEqual(fetched.filter((p) => p.includes('/lang/')), ['/lang/en.json']);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(page.errors, []);
});
