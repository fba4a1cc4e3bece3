// The weekly check-in in real Chromium against the release build, driven by role and
// accessible name the way a screen reader user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn, expectNoAxeViolations, storageValue, PHONE, menu } from './helpers.mjs';

const SANDBOX_HOST = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sandboxed host</title></head>
<body><main><h1>Host portal</h1><iframe sandbox="allow-scripts" src="/index.html" title="Ugeblik" width="390" height="800"></iframe></main></body></html>`;

let env;
before(async () => {
  env = await start({ '/sandbox.html': ['text/html; charset=utf-8', SANDBOX_HOST] });
});
after(async () => env?.close());

const WHO5_ANSWER_DA = 'Det meste af tiden'; // 4 of 5 on each item: 20 raw, 80 %

/** Asserts every answer option is on screen without scrolling and big enough to tap. */
async function expectOptionsFitAndAreLarge(page) {
  const boxes = await page.getByRole('group', { name: /.+/ }).last().getByRole('radio').evaluateAll((radios) =>
    radios.map((b) => {
      const r = b.getBoundingClientRect();
      return { name: b.labels[0].textContent, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    }),
  );
  assert.ok(boxes.length >= 6, `answer options: ${boxes.length}`);
  const viewportHeight = page.viewportSize().height;
  for (const box of boxes) {
    assert.ok(box.top >= 0 && box.bottom <= viewportHeight, `option ${box.name} is off screen (${box.top}–${box.bottom})`);
    assert.ok(box.height >= 44 && box.width >= 44, `option ${box.name} is ${box.width}×${box.height}`);
  }
}

/** Answers the question on screen: the WHO-5 by its label, the 0–10 and hour scales by number. */
async function answer(page, n) {
  const progress = page.getByText(new RegExp(`^Spørgsmål ${n} af 19$`));
  await progress.waitFor();
  const label = n <= 5 ? WHO5_ANSWER_DA : String(n <= 10 ? 7 : n <= 17 ? 6 : 15);
  await page.getByRole('radio', { name: label, exact: true }).click();
}

test('a full check-in on a phone, then the week is in the history after a reload', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'da');
  await expectNoAxeViolations(page, 'the start page');

  let taps = 0;
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  taps++;
  for (let n = 1; n <= 18; n++) {
    await page.getByText(new RegExp(`^Spørgsmål ${n} af 19$`)).waitFor();
    const heading = page.getByRole('heading', { level: 2 });
    const group = page.getByRole('group', { name: await heading.innerText() });
    assert.ok(await group.isVisible(), `question ${n} names its group of answers`);
    await expectOptionsFitAndAreLarge(page);
    await page.getByText('Hvad mener vi?').waitFor();
    if (n === 1 || n === 6 || n === 12 || n === 18) await expectNoAxeViolations(page, `question ${n}`);
    await answer(page, n);
    taps++;
  }
  // The week's work: skipped in one tap by a citizen who has no placement.
  await page.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  await page.getByText('Spørgsmål 19 af 19').waitFor();
  await expectNoAxeViolations(page, 'the week\'s work');
  await page.getByRole('button', { name: 'Spring over' }).click();
  taps++;
  await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
  await expectNoAxeViolations(page, 'the note');
  await page.getByLabel('Note (frivillig)').fill('Første uge med 15 timer.');
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  taps++;
  // Start, 18 answers, the week's work, save.
  assert.ok(taps <= 21, `a check-in took ${taps} taps`);
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
  await expectNoAxeViolations(page, 'the thank-you');

  await page.reload();
  await ready(page);
  await page.getByText('Du har svaret for denne uge. Tak!').waitFor();
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const week = page.getByRole('article');
  assert.equal(await week.count(), 1);
  await week.getByText('Trivsel (WHO-5): 80 af 100').waitFor();
  await week.getByText('Første uge med 15 timer.').waitFor();
  const hope = week.getByRole('definition').nth(1);
  assert.equal((await hope.innerText()).trim(), '7');
  await expectNoAxeViolations(page, 'the history');
  await menu(page, 'Om Ugeblik');
  await page.getByText(/© World Health Organization 1998/).first().waitFor();
  await expectNoAxeViolations(page, 'the about page');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a check-in left half-way resumes at the same question after a reload and in a new tab', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 7; n++) await answer(page, n);
  await page.getByText('Spørgsmål 8 af 19').waitFor();
  await page.reload();
  await page.getByText('Spørgsmål 8 af 19').waitFor();
  await page.getByRole('heading', { name: /følt dig okay med den, du er/ }).waitFor();

  await page.close();
  const tab = await context.newPage();
  await tab.goto(env.url('/'));
  await tab.getByText('Spørgsmål 8 af 19').waitFor();
  // Back shows the answer given before the break.
  await tab.getByRole('button', { name: 'Tilbage' }).click();
  await tab.getByText('Spørgsmål 7 af 19').waitFor();
  assert.ok(await tab.getByRole('radio', { name: '7', exact: true }).isChecked());
  await context.close();
});

test('changing this week updates the saved answers instead of adding a second week', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  await page.getByRole('button', { name: "Start this week's questions" }).click();
  for (let n = 1; n <= 5; n++) await page.getByRole('radio', { name: 'All of the time', exact: true }).click();
  for (let n = 6; n <= 19; n++) await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByRole('button', { name: 'To the start page' }).click();
  await page.getByRole('button', { name: "Change this week's answers" }).click();
  await page.getByText('Question 1 of 19').waitFor();
  assert.ok(await page.getByRole('radio', { name: 'All of the time', exact: true }).isChecked());
  await page.getByRole('radio', { name: 'At no time', exact: true }).click();
  for (let n = 2; n <= 18; n++) await page.getByRole('button', { name: /^(Next|Skip)$/ }).click();
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByRole('button', { name: 'See past weeks' }).click();
  await drawn(page);
  assert.equal(await page.getByRole('article').count(), 1);
  await page.getByText('Well-being (WHO-5): 80 of 100').waitFor();
  const stored = JSON.parse(await storageValue(page, 'ugeblik.v1.history'));
  assert.equal(stored.responses.length, 1, 'one WHO-5 response for the week');
  await context.close();
});

test('?lang=en shows English, the switch changes <html lang> and is remembered', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('button', { name: "Start this week's questions" }).waitFor();
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
  await expectNoAxeViolations(page, 'the English start page');
  await page.getByRole('button', { name: "Start this week's questions" }).click();
  await page.getByText('Over the last two weeks…').waitFor();
  await page.getByRole('heading', { name: /I have felt cheerful and in good spirits/ }).waitFor();
  await page.getByRole('button', { name: 'Dansk' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'da');
  await page.getByRole('heading', { name: /har jeg været glad og i godt humør/ }).waitFor();
  await page.goto(env.url('/'));
  await ready(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'da', 'the choice is remembered');
  await context.close();
});

test('the check-in works by keyboard alone', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  await page.getByRole('button', { name: "Start this week's questions" }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Question 1 of 19').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'ugb-question-text');
  // Focus moves to the question when it changes; from there one Tab reaches the answers, a
  // radio group (read aloud stands before the heading, never between the answers), and the
  // next Tab leaves them.
  const name = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent).trim();
    });
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push(await name());
  }
  assert.deepEqual(order, ['All of the time', 'What do we mean?', 'Back']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal(await name(), 'Most of the time');
  await page.keyboard.press('Enter');
  await page.getByText('Question 2 of 19').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'ugb-question-text', null, { timeout: 2000 });
  await context.close();
});

test('a narrow 320 px phone shows every screen without sideways scrolling', async () => {
  const { context, page } = await newPage(env.browser, { width: 320, height: 640 });
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 19; n++) {
    await page.getByText(new RegExp(`^Spørgsmål ${n} af 19$`)).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `question ${n} scrolls sideways by ${overflow}px`);
    await page.getByRole('button', { name: 'Spring over' }).click();
  }
  await context.close();
});

test('blocked storage (a sandboxed iframe) still works in memory and says nothing is kept', async () => {
  const { context, page } = await newPage(env.browser, { width: 420, height: 900 });
  await page.goto(env.url('/sandbox.html'));
  const frame = page.frameLocator('iframe[title="Ugeblik"]');
  await frame.getByText('Din browser tillader ikke, at Ugeblik gemmer noget.', { exact: false }).waitFor();
  await frame.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await frame.getByRole('radio', { name: 'Hele tiden', exact: true }).click();
  await frame.getByText('Spørgsmål 2 af 19').waitFor();
  // The app's stylesheet applies inside the sandbox too: answer buttons are touch-sized.
  const height = await frame.getByRole('radio', { name: 'Hele tiden', exact: true }).evaluate((b) => b.getBoundingClientRect().height);
  assert.ok(height >= 44, `styled in the sandbox: ${height}px`);
  const widget = page.frames().find((f) => f !== page.mainFrame());
  await expectNoAxeViolations(widget, 'the memory-only notice');
  await context.close();
});

test('a corrupt stored value is kept aside byte for byte and reported', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const corrupt = '{"version":1,"responses":[{"id":"x","instrument":"who5"';
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), corrupt);
  await page.reload();
  await page.getByText('Nogle gemte data kunne ikke læses.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the unreadable-data notice');
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('ugeblik.v1.aside.ugeblik.v1.history.'))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(kept, [corrupt]);
  assert.equal(await storageValue(page, 'ugeblik.v1.history'), corrupt, 'untouched until something new is saved');
  await context.close();
});

test('a note with markup shows as text', async () => {
  const { context, page } = await newPage(env.browser, PHONE);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  await page.getByRole('button', { name: "Start this week's questions" }).click();
  for (let n = 1; n <= 19; n++) await page.getByRole('button', { name: 'Skip' }).click();
  const payload = '<img src=x onerror="window.__pwned=1">';
  await page.getByLabel('Note (optional)').fill(payload);
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByRole('button', { name: 'See past weeks' }).click();
  await page.getByText(payload).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  await context.close();
});
