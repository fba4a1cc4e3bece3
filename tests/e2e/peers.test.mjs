// The benchmark's peer pages are a fair comparison (issue 22): the SurveyJS and the
// LHC-Forms page bench/pages.mjs builds show the same 18 questions as Ugeblik's check-in,
// in the same order, each with the same answer options — read the way a screen reader
// reads them, a group of radio buttons named by its question — and fetch nothing from
// anywhere but their own server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, ready } from './helpers.mjs';
import { serve } from './server.mjs';
import { build } from '../../bench/pages.mjs';

let env;
let peers;
let dir;
let ugeblik;
before(async () => {
  env = await start();
  dir = mkdtempSync(join(tmpdir(), 'ugeblik-peers-'));
  build(dir);
  peers = await serve(dir);
  ugeblik = await ugeblikQuestions();
});
after(async () => {
  await env?.close();
  await peers?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The names of the radio buttons in `group`, in order. */
const radioNames = (group) =>
  group.getByRole('radio').evaluateAll((radios) =>
    radios.map((radio) => {
      const labelled = radio.getAttribute('aria-labelledby');
      const label = radio.getAttribute('aria-label') ?? (labelled ? document.getElementById(labelled)?.textContent : null) ?? radio.labels?.[0]?.textContent ?? radio.textContent;
      return label.trim();
    }),
  );

/** Ugeblik's check-in as a citizen meets it: each question's text and its options' names. */
async function ugeblikQuestions() {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  const questions = [];
  for (let n = 1; n <= 18; n++) {
    await page.getByText(`Spørgsmål ${n} af 19`, { exact: true }).waitFor();
    const text = (await page.getByRole('heading', { level: 2 }).innerText()).trim();
    const group = page.getByRole('group', { name: text, exact: true });
    const options = await radioNames(group);
    // The accessible names, as the peers' options are checked by below.
    for (const name of options) assert.equal(await group.getByRole('radio', { name, exact: true }).count(), 1, `Ugeblik ${n}: ${name}`);
    questions.push({ text, options });
    await group.getByRole('radio').first().click();
  }
  await page.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  await context.close();
  return questions;
}

/** A page of a peer, with every request that leaves its server refused and recorded. */
async function peerPage(name) {
  const { context, page } = await newPage(env.browser);
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(peers.url + '/')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  await page.goto(`${peers.url}/${name}/`);
  return { context, page, elsewhere };
}

test("Ugeblik's check-in has 18 questions: the WHO-5's five, CHIME's five, job readiness's seven and the hours", () => {
  assert.equal(ugeblik.length, 18);
  assert.deepEqual(
    ugeblik.map((q) => q.options.length),
    [6, 6, 6, 6, 6, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 38],
  );
  assert.deepEqual(ugeblik[0].options, ['Hele tiden', 'Det meste af tiden', 'Lidt mere end halvdelen af tiden', 'Lidt mindre end halvdelen af tiden', 'Lidt af tiden', 'På intet tidspunkt']);
  assert.deepEqual(ugeblik[5].options, Array.from({ length: 11 }, (_, n) => String(n)));
});

test('the SurveyJS page asks the same questions in the same order, one a page, with the same options', async () => {
  const { context, page, elsewhere } = await peerPage('surveyjs');
  for (const [n, question] of ugeblik.entries()) {
    const group = page.getByRole('radiogroup', { name: question.text, exact: true });
    await group.waitFor();
    assert.equal(await page.getByRole('radiogroup').count(), 1, `SurveyJS ${n + 1}: one question a page`);
    assert.deepEqual(await radioNames(group), question.options, `SurveyJS ${n + 1}: ${question.text}`);
    for (const name of question.options) assert.equal(await group.getByRole('radio', { name, exact: true }).count(), 1, `SurveyJS ${n + 1}: ${name}`);
    // Its radio buttons are hidden behind drawn circles: a finger presses the option's words.
    await group.getByText(question.options[0], { exact: true }).click();
    assert.equal(await group.getByRole('radio', { name: question.options[0], exact: true, checked: true }).count(), 1, `SurveyJS ${n + 1}: chosen`);
    await page.getByRole('button', { name: n < ugeblik.length - 1 ? 'Videre' : 'Færdig', exact: true }).click();
  }
  await page.getByText('Mange tak for din besvarelse!').waitFor();
  assert.deepEqual(elsewhere, [], 'nothing fetched from elsewhere');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the LHC-Forms page shows the same questions in the same order with the same options (its own labels: the weight after a WHO-5 option, "undefined" for 0)', async () => {
  const { context, page, elsewhere } = await peerPage('lhcforms');
  await page.getByRole('radiogroup', { name: ugeblik.at(-1).text, exact: true }).waitFor();
  assert.equal(await page.getByRole('radiogroup').count(), 18);
  // The order the groups stand in on the page is the order of Ugeblik's questions.
  const names = await page.getByRole('radiogroup').evaluateAll((groups) => groups.map((g) => document.getElementById(g.getAttribute('aria-labelledby'))?.innerText.trim()));
  for (const [n, question] of ugeblik.entries()) {
    assert.ok(names[n]?.startsWith(question.text), `LHC-Forms ${n + 1}: "${names[n]}" is "${question.text}"`);
    const group = page.getByRole('radiogroup', { name: question.text, exact: true });
    assert.equal(await group.count(), 1, `LHC-Forms ${n + 1}: ${question.text}`);
    const theirs = await radioNames(group);
    assert.equal(theirs.length, question.options.length, `LHC-Forms ${n + 1}: as many options`);
    question.options.forEach((option, i) => {
      const shown = n < 5 ? `${option} - ${5 - i}` : option === '0' ? 'undefined' : option;
      assert.equal(theirs[i], shown, `LHC-Forms ${n + 1}: option ${i + 1}`);
    });
  }
  assert.deepEqual(elsewhere, [], 'nothing fetched from elsewhere');
  await context.close();
});
