// Goals, the week's work and milestones in real Chromium: a goal set in a session,
// answered in three weekly check-ins (the browser's clock moved a week at a time) and
// closed; hours that step up drawn as steps; a milestone's marker at its week on the
// trend chart; and an export imported on a fresh phone keeping all of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, newPage, ready, drawn, redrawn, expectNoAxeViolations, who5Response, isoWeek, monday, ymd } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

const HISTORY = 'ugeblik.v1.history';

/** Stores a version 2 history and reloads. */
async function seed(page, history) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [HISTORY, JSON.stringify({ version: 2, ...history })]);
  await page.reload();
  await ready(page);
}

async function stored(page) {
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), HISTORY));
}

/** A check-in that skips the questions and the week's work, answers the goal step with `kept`. */
async function checkIn(page, goal, kept, note, axe = false) {
  await page.getByRole('button', { name: /^(Start ugens spørgsmål|Ret ugens svar)$/ }).click();
  for (let n = 1; n <= 19; n++) await page.getByRole('button', { name: 'Spring over' }).click();
  await page.getByRole('heading', { name: goal }).waitFor();
  await page.getByText('Mål 1 af 1').waitFor();
  if (axe) await expectNoAxeViolations(page, 'the goal step');
  // The question comes first: the note field is there only once the goal is answered.
  assert.equal(await page.getByLabel('Note (frivilligt)').isVisible(), false);
  await page.getByRole('group', { name: 'Holdt du dig til det i denne uge?' }).getByRole('radio', { name: kept, exact: true }).click();
  // A tap chooses and stays: the note follows the answer, then "next".
  assert.equal(await page.getByRole('radio', { name: kept, exact: true }).isChecked(), true);
  if (note) await page.getByLabel('Note (frivilligt)').fill(note);
  if (axe) await expectNoAxeViolations(page, 'the goal step, answered');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
}

test('a goal is set in a session, answered three weeks running and closed as reached', async () => {
  const { context, page } = await newPage(env.browser);
  await page.clock.setFixedTime(monday(3));
  await page.goto(env.url('/'));
  await ready(page);

  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  await page.getByText('Der er ingen mål endnu.', { exact: false }).waitFor();
  await expectNoAxeViolations(page, 'the goals screen');
  // Without words, the form says what is missing and nothing is stored.
  await redrawn(page, () => page.getByRole('button', { name: 'Tilføj målet' }).click());
  await page.getByText('Skriv, hvad målet er.').waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), HISTORY), null);
  await page.getByLabel('Hvad vil du gøre?').fill('Tage én opgave ad gangen');
  await page.getByLabel('Hvordan ved I, at det er nået?').fill('Min mentor og jeg er enige');
  await redrawn(page, () => page.getByRole('button', { name: 'Tilføj målet' }).click());
  await page.getByRole('status').getByText('Gemt.').waitFor();
  await page.getByRole('heading', { name: 'Tage én opgave ad gangen', level: 4 }).waitFor();

  const weeks = [3, 2, 1].map((n) => isoWeek(monday(n)));
  const answers = [['Delvist', 'For mange opgaver tirsdag'], ['Ja'], ['Ja']];
  for (const [i, n] of [3, 2, 1].entries()) {
    await page.clock.setFixedTime(monday(n));
    await page.goto(env.url('/'));
    await ready(page);
    await checkIn(page, 'Tage én opgave ad gangen', answers[i][0], answers[i][1], i === 0);
  }

  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  await page.getByText('Ja 2 · delvist 1 · nej 0').waitFor();
  // Nothing is chosen for the citizen: one tap does not close a goal.
  assert.equal(await page.getByLabel('Hvordan sluttede målet?').inputValue(), '');
  await redrawn(page, () => page.getByRole('button', { name: 'Afslut målet' }).click());
  await page.getByRole('alert').getByText('Vælg først, hvordan målet sluttede.').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Afsluttede mål' }).count(), 0, 'still open');
  // Closed by mistake: undone until the next check-in, its answers kept.
  await page.getByLabel('Hvordan sluttede målet?').selectOption('dropped');
  await redrawn(page, () => page.getByRole('button', { name: 'Afslut målet' }).click());
  await page.getByText(/^Droppet i Uge \d+, \d{4}$/).waitFor();
  await redrawn(page, () => page.getByRole('button', { name: 'Fortryd afslutningen' }).click());
  await page.getByText('Ja 2 · delvist 1 · nej 0').waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Afsluttede mål' }).count(), 0, 'open again');
  await page.getByLabel('Hvordan sluttede målet?').selectOption('reached');
  await redrawn(page, () => page.getByRole('button', { name: 'Afslut målet' }).click());
  await page.getByRole('heading', { name: 'Afsluttede mål' }).waitFor();
  await page.getByText(/^Nået i Uge \d+, \d{4}$/).waitFor();
  await expectNoAxeViolations(page, 'the goals screen with a closed goal');

  const history = await stored(page);
  assert.equal(history.goals.length, 1);
  const [goal] = history.goals;
  assert.deepEqual(goal.checks.map((c) => [c.week, c.kept]), [[weeks[0], 'partly'], [weeks[1], 'yes'], [weeks[2], 'yes']]);
  assert.equal(goal.checks[0].note, 'For mange opgaver tirsdag');
  assert.equal(goal.closed.outcome, 'reached');
  assert.equal(goal.closed.week, weeks[2]);

  // A closed goal is no longer asked about: after the week's work comes the note.
  await page.clock.setFixedTime(monday(0));
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 19; n++) await page.getByRole('button', { name: 'Spring over' }).click();
  await page.getByRole('heading', { name: 'Vil du skrive noget om ugen?' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("the week's work is asked with last week's plan as a suggestion, and a wrong figure is explained", async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  const last = isoWeek(monday(1));
  await seed(page, {
    responses: [],
    work: [{ week: last, work: { plannedMinutes: 420, workedMinutes: 420, daysPlanned: 3, daysAttended: 3 }, authored: '2026-01-01T10:00:00Z' }],
  });
  await page.getByRole('button', { name: "Start this week's questions" }).click();
  for (let n = 1; n <= 18; n++) await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('heading', { name: 'Your week at work or in a placement' }).waitFor();
  await page.getByText("Last week's numbers are filled in as a suggestion.", { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Hours planned this week').inputValue(), '7');
  assert.equal(await page.getByLabel('Days planned (0–7)').inputValue(), '3');
  assert.equal(await page.getByLabel('Hours you worked').inputValue(), '', 'what happened is not guessed');
  await expectNoAxeViolations(page, "the week's work");

  await page.getByLabel('Hours planned this week').fill('10');
  await page.getByLabel('Hours you worked').fill('7,5');
  await page.getByLabel('Days planned (0–7)').fill('4');
  await page.getByLabel('Days you came (0–7)').fill('5');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').getByText('You cannot come on more days than were planned.').waitFor();
  assert.equal(await page.getByLabel('Days you came (0–7)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ugb-days-attended');
  await page.getByLabel('Days you came (0–7)').fill('3');
  await page.getByLabel('Ill').check();
  // Enter in a field goes on, like the button.
  await page.getByLabel('Days you came (0–7)').press('Enter');
  await page.getByRole('heading', { name: 'Would you like to write something about the week?' }).waitFor();
  await page.getByRole('button', { name: 'Save answers' }).click();
  await page.getByRole('heading', { name: 'Thank you! Your answers are saved.' }).waitFor();
  const history = await stored(page);
  const thisWeek = history.work.find((w) => w.week === isoWeek(monday(0)));
  assert.deepEqual(thisWeek.work, { plannedMinutes: 600, workedMinutes: 450, daysPlanned: 4, daysAttended: 3, absence: 'ill' });
  await context.close();
});

/** The points of each subpath of an SVG path's `d`. */
function subpaths(d) {
  return d
    .split('M')
    .filter(Boolean)
    .map((part) => part.replace('L', ' ').trim().split(/\s+/).map(Number))
    .map((n) => Array.from({ length: n.length / 2 }, (_, i) => [n[2 * i], n[2 * i + 1]]));
}

test('hours that step up (2 → 4 → 7 → 10 → 15) are drawn as steps, and the milestone marker sits at its week', async () => {
  const { context, page } = await newPage(env.browser, { width: 800, height: 900 });
  await page.goto(env.url('/?lang=en'));
  await ready(page);
  const hours = [2, 4, 7, 10, 15];
  const work = hours.map((h, i) => ({
    week: isoWeek(monday(4 - i)),
    work: { plannedMinutes: h * 60, workedMinutes: h * 60 - 30, daysPlanned: 3, daysAttended: 3 },
    authored: '2026-01-01T10:00:00Z',
  }));
  const responses = [5, 4, 3, 2, 1, 0].map((n) => who5Response(isoWeek(monday(n)), [3, 3, 3, 3, 3]));
  const placed = monday(2);
  placed.setDate(placed.getDate() + 2); // a Wednesday
  await seed(page, {
    responses,
    work,
    milestones: [{ id: 'm1', date: ymd(placed), kind: 'hours-changed', text: '4 → 7 hours', authored: '2026-01-01T10:00:00Z' }],
  });
  await page.getByRole('button', { name: 'Progress' }).click();
  await drawn(page);

  // Steps: each week's value holds flat across the week, then the line rises straight up.
  const hoursChart = page.locator('#ugb-chart-hours');
  await hoursChart.waitFor();
  const paths = await hoursChart.locator('svg path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  const steps = paths.flatMap(subpaths).filter((points) => points.length === 2 * hours.length);
  const rising = steps.find((points) => {
    for (let i = 0; i < points.length; i += 2) {
      if (points[i][1] !== points[i + 1][1]) return false; // flat within the week
      if (i > 0 && (points[i][0] !== points[i - 1][0] || points[i][1] >= points[i - 1][1])) return false; // straight up
    }
    return true;
  });
  assert.ok(rising, `a step line rising five times in ${JSON.stringify(steps)}`);
  const plot = hoursChart.locator('.ugb-chart__plot');
  assert.match(await plot.getAttribute('data-lines'), /Hours planned;(,)*2,4,7,10,15/);
  await page.getByText('Hours planned rose from 2 to 15 over 4 weeks.', { exact: false }).waitFor();

  // The milestone: a dashed line at the x of its week, numbered 1, and listed below.
  const who5 = page.locator('#ugb-chart-who5 .ugb-chart__plot');
  const [firstX, lastX, firstWeek] = await Promise.all(['data-first-x', 'data-last-x', 'data-first-week'].map((a) => who5.getAttribute(a)));
  const lines = (await who5.getAttribute('data-lines')).split('|')[0].split(';')[1].split(',');
  const index = (() => {
    for (let i = 0; i < lines.length; i++) {
      const d = new Date(monday(0));
      if (isoWeek(new Date(d.getTime() - (lines.length - 1 - i) * 7 * 86400000)) === isoWeek(placed)) return i;
    }
    return -1;
  })();
  assert.ok(index >= 0, `${isoWeek(placed)} is in the period from ${firstWeek}`);
  const expected = Number(firstX) + ((Number(lastX) - Number(firstX)) * index) / (lines.length - 1);
  const dashed = await page
    .locator('#ugb-chart-who5 svg path[stroke-dasharray="5 4"]')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('d')));
  const xs = dashed.flatMap(subpaths).filter((pts) => pts.length === 2 && pts[0][0] === pts[1][0]).map((pts) => pts[0][0]);
  assert.ok(xs.some((x) => Math.abs(x - expected) <= 1), `a marker at x=${expected}: ${xs}`);
  const numbers = await page
    .locator('#ugb-chart-who5 svg text')
    .evaluateAll((ts) => ts.filter((t) => t.textContent === '1').map((t) => Number(t.getAttribute('x'))));
  assert.ok(numbers.some((x) => Math.abs(x - expected) <= 1), `the marker's number 1 at x=${expected}: ${numbers}`);
  await page.getByText('4 → 7 hours', { exact: false }).first().waitFor();
  await page.locator('.ugb-milestone-list li').filter({ hasText: 'Hours changed: 4 → 7 hours' }).waitFor();
  await expectNoAxeViolations(page, 'progress with work and a milestone');
  await context.close();
});

test('an export imported on a fresh phone keeps the goals, the work and the milestones', async () => {
  const old = await newPage(env.browser);
  await old.page.goto(env.url('/'));
  await ready(old.page);
  const week = isoWeek(monday(1));
  const history = {
    responses: [who5Response(week, [4, 4, 4, 4, 4])],
    goals: [
      {
        id: 'g1',
        what: 'Møde til tiden <b>hver</b> dag',
        measure: 'Fremmødet viser det',
        by: ymd(monday(-4)),
        set: isoWeek(monday(3)),
        authored: '2026-01-01T10:00:00Z',
        checks: [{ week, kept: 'partly', note: 'Syg onsdag', authored: '2026-01-02T10:00:00Z' }],
      },
    ],
    work: [{ week, work: { plannedMinutes: 450, workedMinutes: 300, daysPlanned: 3, daysAttended: 2, absence: 'ill' }, authored: '2026-01-02T10:00:00Z' }],
    milestones: [{ id: 'm1', date: ymd(monday(3)), kind: 'placement-started', text: 'Café Solsiden', authored: '2026-01-01T10:00:00Z' }],
  };
  await seed(old.page, history);
  await old.page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(old.page);
  const [download] = await Promise.all([
    old.page.waitForEvent('download'),
    old.page.getByRole('button', { name: 'Gem fil til din konsulent' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  await old.context.close();
  const exported = JSON.parse(file);
  assert.equal(exported.formatVersion, 4);
  assert.deepEqual(exported.goals, history.goals);
  assert.deepEqual(exported.work, history.work);
  assert.deepEqual(exported.milestones, history.milestones);

  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'ugeblik.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByText('Filen har også mål: 1, uger med arbejde: 1, milepæle: 1.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  const kept = await stored(page);
  assert.deepEqual(kept.goals, history.goals);
  assert.deepEqual(kept.work, history.work);
  assert.deepEqual(kept.milestones, history.milestones);
  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  // The goal's markup is text, never markup.
  await page.getByRole('heading', { name: 'Møde til tiden <b>hver</b> dag' }).waitFor();
  assert.equal(await page.locator('main b').count(), 0);
  await page.getByText('Café Solsiden', { exact: false }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
