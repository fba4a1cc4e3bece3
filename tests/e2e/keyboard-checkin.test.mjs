// The weekly check-in by keyboard alone, every key press counted: the answers are a radio
// group (one Tab stop; the arrow keys, or a number typed, move the choice; Enter or Space
// chooses and goes on), read aloud stands before each heading rather than between the
// answers, and the focus is always visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, expectNoAxeViolations, storageValue, weeksAgo } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

/** The element with focus: its role, accessible name (near enough: its aria-label, its
 *  label's text or its own), and whether it is visible with a focus mark of 2 px or more. */
const FOCUSED = () => {
  const el = document.activeElement;
  if (!el || el === document.body) return { role: 'none', name: '', shown: false };
  const role = el.type === 'radio' ? 'radio' : el.tagName === 'BUTTON' ? 'button' : el.tagName.toLowerCase();
  const name = (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent).trim();
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none' && /\b([2-9]|\d\d+)px/.test(style.boxShadow);
  return { role, name, id: el.id, shown: onScreen && (outline || shadow) };
};

/** A keyboard that counts every key it presses, and after each one waits for the page to
 *  settle (a step drawn, focus moved) and asserts that focus is visible and marked. */
function keyboard(page) {
  const keys = { count: 0, tabs: 0 };
  const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  keys.focused = () => page.evaluate(FOCUSED);
  keys.press = async (key) => {
    await page.keyboard.press(key);
    keys.count++;
    if (key === 'Tab' || key === 'Shift+Tab') keys.tabs++;
    await settle();
    const focused = await keys.focused();
    assert.ok(focused.shown, `after ${key} (press ${keys.count}) the focus is visible and marked: ${JSON.stringify(focused)}`);
    return focused;
  };
  /** Types `text` into the field with focus, one key press per character. */
  keys.type = async (text) => {
    for (const character of text) await keys.press(character);
  };
  /** From where focus is, Tabs to the control named `name` (`role`). */
  keys.tabTo = async (role, name) => {
    for (let n = 0; n < 60; n++) {
      const focused = await keys.focused();
      if (focused.role === role && focused.name === name) return;
      await keys.press('Tab');
    }
    assert.fail(`no ${role} "${name}" within 60 Tabs`);
  };
  /** Chooses the answer `name` and goes on: Tab to the answers, then the arrow keys (or
   *  the number typed, on a scale of numbers) to it, then Enter. Where the answers are
   *  not a radio group, Tab until the answer's button has focus. */
  keys.answer = async (name) => {
    for (let n = 0; n < 60; n++) {
      const focused = await keys.focused();
      if (focused.name === name && (focused.role === 'radio' || focused.role === 'button')) break;
      if (focused.role !== 'radio') await keys.press('Tab');
      else if (/^\d+$/.test(name) && n < 50) await keys.type(name);
      else await keys.press('ArrowDown');
    }
    await keys.press('Enter');
  };
  return keys;
}

/** The stored history with one open goal, set three weeks ago. */
const GOAL_HISTORY = JSON.stringify({
  version: 2,
  responses: [],
  goals: [{ id: 'g1', what: 'Møde til tiden', measure: 'Mentor siger det', set: weeksAgo(3), authored: '2026-01-01T10:00:00Z', checks: [] }],
});

test('the whole check-in by keyboard alone, note included, in at most 100 key presses, focus always visible', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), GOAL_HISTORY);
  await page.reload();
  await ready(page);
  const keys = keyboard(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).focus();
  await keys.press('Enter');

  // WHO-5 "most of the time", the 0–10 self-ratings 7 and 6, and 15 hours.
  const answers = [...Array(5).fill('Det meste af tiden'), ...Array(5).fill('7'), ...Array(7).fill('6'), '15'];
  for (const [i, answer] of answers.entries()) {
    await page.getByText(`Spørgsmål ${i + 1} af 20`, { exact: true }).waitFor();
    // Each question opens with its heading focused, and marked (checked after every key).
    assert.equal((await keys.focused()).id, 'ugb-question-text', `question ${i + 1} starts at its heading`);
    if (i === 0 || i === 6) await expectNoAxeViolations(page, `question ${i + 1} by keyboard`);
    await keys.answer(answer);
  }

  // The week's work: each field one Tab on; Enter in a field goes on.
  await page.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  await expectNoAxeViolations(page, "the week's work by keyboard");
  for (const [label, value] of [['Timer planlagt i denne uge', '15'], ['Timer du arbejdede', '15'], ['Dage planlagt (0–7)', '4'], ['Dage du mødte op (0–7)', '4']]) {
    await keys.tabTo('input', label);
    await keys.type(value);
  }
  await keys.press('Enter');

  // The goal: kept partly, chosen with the arrow keys; the note follows the answer, then
  // "next".
  await page.getByRole('heading', { name: 'Møde til tiden' }).waitFor();
  await expectNoAxeViolations(page, 'the goal step by keyboard');
  await keys.tabTo('radio', 'Ja');
  while ((await keys.focused()).name !== 'Delvist') await keys.press('ArrowDown');
  await keys.tabTo('textarea', 'Note (frivilligt)');
  await keys.type('Sent');
  await keys.tabTo('button', 'Næste');
  await keys.press('Enter');

  // The note, then save.
  await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
  await expectNoAxeViolations(page, 'the note by keyboard');
  await keys.tabTo('textarea', 'Note (frivillig)');
  await keys.type('God uge.');
  await keys.tabTo('button', 'Gem svarene');
  await keys.press('Enter');
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();

  console.log(`# a check-in by keyboard: ${keys.count} key presses, ${keys.tabs} of them Tab`);
  assert.ok(keys.count <= 100, `a check-in by keyboard took ${keys.count} key presses (${keys.tabs} Tab)`);
  const history = JSON.parse(await storageValue(page, 'ugeblik.v1.history'));
  const answered = Object.fromEntries(history.responses.map((r) => [r.instrument, r.answers]));
  assert.deepEqual(answered.who5, { 1: 4, 2: 4, 3: 4, 4: 4, 5: 4 });
  assert.deepEqual(Object.values(answered.chime5), [7, 7, 7, 7, 7]);
  assert.equal(answered.jobready7['job-hours'], 15);
  assert.deepEqual(Object.entries(answered.jobready7).filter(([id]) => id !== 'job-hours').map(([, v]) => v), [6, 6, 6, 6, 6, 6, 6]);
  assert.equal(history.responses.find((r) => r.note)?.note, 'God uge.');
  assert.deepEqual(history.work[0].work, { plannedMinutes: 900, workedMinutes: 900, daysPlanned: 4, daysAttended: 4 });
  assert.equal(history.goals[0].checks[0].kept, 'partly');
  assert.equal(history.goals[0].checks[0].note, 'Sent');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('arrow keys and a number typed store the choice and stay; Enter or Space chooses and goes on; mirrored in Arabic', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const keys = keyboard(page);
  const draft = async () => JSON.parse(await storageValue(page, 'ugeblik.v1.draft')).draft;
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  await page.locator('#ugb-question-text').focus();
  // Read aloud stands before the heading, never between the answers.
  assert.equal((await keys.press('Shift+Tab')).name, 'Læs spørgsmålet op');
  // One Tab on, the answers: the first one has focus, nothing is chosen yet.
  const first = await keys.press('Tab');
  assert.deepEqual([first.role, first.name], ['radio', 'Hele tiden']);
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
  await page.getByText('Piletasterne flytter dit svar. Enter går videre.').waitFor();
  // An arrow key moves the choice and stores it at once, and the citizen stays.
  await keys.press('ArrowDown');
  await keys.press('ArrowDown');
  assert.ok(await page.getByRole('radio', { name: 'Lidt mere end halvdelen af tiden' }).isChecked());
  assert.deepEqual((await draft()).answers, { who5: { 1: 3 } });
  await page.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Næste' }).count(), 1, 'once answered, skip says next');
  // One Tab on leaves the answers (no read-aloud buttons between them): what we mean.
  assert.equal((await keys.press('Tab')).name, 'Hvad mener vi?');
  await keys.press('Shift+Tab');
  assert.equal((await keys.focused()).name, 'Lidt mere end halvdelen af tiden', 'back on the answer chosen');
  // Space chooses and goes on.
  await keys.press(' ');
  await page.getByText('Spørgsmål 2 af 19', { exact: true }).waitFor();
  assert.equal((await keys.focused()).id, 'ugb-question-text');
  for (let n = 2; n <= 5; n++) {
    await keys.press('Tab');
    await keys.press('Enter');
    await page.getByText(`Spørgsmål ${n + 1} af 19`, { exact: true }).waitFor();
  }
  // A scale of numbers: a number typed chooses it ("1" then "0" makes 10).
  await keys.press('Tab');
  await keys.type('10');
  assert.equal((await keys.focused()).name, '10');
  assert.equal((await draft()).answers.chime5['chime-c'], 10);
  await keys.press('4');
  assert.equal((await draft()).answers.chime5['chime-c'], 4, 'a new number once the last was chosen');
  // Back and on again by keyboard: the answer typed was stored, and is shown.
  await keys.tabTo('button', 'Tilbage');
  await keys.press('Enter');
  await page.getByText('Spørgsmål 5 af 19', { exact: true }).waitFor();
  await keys.tabTo('button', 'Næste');
  await keys.press('Enter');
  await page.getByText('Spørgsmål 6 af 19', { exact: true }).waitFor();
  assert.ok(await page.getByRole('radio', { name: '4', exact: true }).isChecked(), 'the answer stored by typing is shown');

  // In Arabic the scale runs right to left, and the left arrow moves on to the next number.
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.locator('html[dir="rtl"]').waitFor();
  await page.locator('#ugb-question-text').focus();
  assert.equal((await keys.press('Tab')).name, '4');
  await keys.press('ArrowLeft');
  assert.equal((await keys.focused()).name, '5');
  assert.equal((await draft()).answers.chime5['chime-c'], 5);
  await expectNoAxeViolations(page, 'an Arabic rating question with keyboard focus in its answers');
  assert.deepEqual(page.errors, []);
  await context.close();
});
