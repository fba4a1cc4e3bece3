// The session view: a presentation over the whole screen, one picture at a time, read from
// across the table. In real Chromium at 1366 × 768 (a laptop or a projector) against the
// release build, with the demo's 40 weeks. Screenshots of every view are written to
// tests/e2e/artifacts/session/ (README, "Screenshots") for a reviewer to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, newPage, ready, drawn, expectNoAxeViolations } from './helpers.mjs';

const SHOTS = new URL('./artifacts/session/', import.meta.url).pathname;
const LAPTOP = { width: 1366, height: 768 };
/** The views of the demo, in order, as the citizen first sees them (the notes hidden). */
const VIEWS = [
  'Trivsel (WHO-5), 0–100',
  'Profil: Personlig recovery (CHIME)',
  'Profil: Parathed til job',
  'Parathed til job – to vurderinger side om side',
  'Arbejdspladsens vurdering',
  'Timer og fremmøde',
  'Mål uge for uge',
  'Milepæle',
];

let env;
before(async () => {
  env = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => env?.close());

async function present(page) {
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await page.getByRole('button', { name: 'Mødevisning', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ugb-present__view').waitFor();
  return dialog;
}

/** The view's heading, once its picture is in place. */
async function heading(dialog) {
  await dialog.locator('.ugb-present__view').waitFor();
  return (await dialog.getByRole('heading', { level: 2 }).textContent()).trim();
}

/** The smallest text on screen in the dialog, in CSS px as shown: HTML text by its computed
 *  size, SVG text by its size times the drawing's scale on screen. */
function smallestText(dialog) {
  return dialog.evaluate((root) => {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || !el.getClientRects().length) continue;
      if (el.closest('[hidden]') || getComputedStyle(el).visibility === 'hidden') continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const svgText = el.closest('text');
      const scale = svgText ? svgText.getScreenCTM().a : 1;
      found.push([size * scale, node.textContent.trim().slice(0, 30)]);
    }
    found.sort((a, b) => a[0] - b[0]);
    return found[0];
  });
}

test('the session view is a presentation: one picture per view, ≥ 20 px text, keys, swipe, chosen views, Esc leaves', async () => {
  const { context, page } = await newPage(env.browser, LAPTOP);
  await page.goto(env.url('/?demo'));
  await ready(page);
  const dialog = await present(page);
  assert.ok(await dialog.evaluate((d) => d.matches(':modal')), 'a modal dialog over the page');

  // Every view, with the right arrow: its heading, no text under 20 px, no axe violation,
  // and its picture filling the screen.
  const seen = [];
  for (const [n, title] of VIEWS.entries()) {
    assert.equal(await heading(dialog), title, `view ${n + 1}`);
    await dialog.getByText(`Visning ${n + 1} af ${VIEWS.length}`).waitFor();
    const [size, text] = await smallestText(dialog);
    assert.ok(size >= 20, `${title}: the smallest text is ${size.toFixed(1)} px ("${text}")`);
    await expectNoAxeViolations(page, `the session view "${title}"`);
    // The picture fits the screen: nothing to scroll.
    const [inside, needed] = await dialog.locator('.ugb-present__slot').evaluate((s) => [s.clientHeight, s.scrollHeight]);
    assert.ok(needed <= inside + 1, `${title}: the picture needs ${needed} px of ${inside}`);
    await page.screenshot({ path: `${SHOTS}session-${n + 1}-da-1366.png` });
    seen.push(title);
    if (n < VIEWS.length - 1) await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(seen, VIEWS);
  // Past the last: it stays; "next" is not offered.
  await page.keyboard.press('ArrowRight');
  assert.equal(await heading(dialog), VIEWS.at(-1));
  assert.equal(await dialog.getByRole('button', { name: 'Næste' }).isDisabled(), true);
  // Back by keyboard and by a presenter's clicker (Page Up / Page Down), Home and End.
  await page.keyboard.press('ArrowLeft');
  assert.equal(await heading(dialog), VIEWS.at(-2));
  await page.keyboard.press('PageUp');
  assert.equal(await heading(dialog), VIEWS.at(-3));
  await page.keyboard.press('Home');
  assert.equal(await heading(dialog), VIEWS[0]);
  await page.keyboard.press('PageDown');
  assert.equal(await heading(dialog), VIEWS[1]);
  await page.keyboard.press('End');
  assert.equal(await heading(dialog), VIEWS.at(-1));
  // The buttons, then a swipe (towards the start of the line goes on).
  await dialog.getByRole('button', { name: 'Forrige' }).click();
  assert.equal(await heading(dialog), VIEWS.at(-2));
  const slot = await dialog.locator('.ugb-present__slot').boundingBox();
  const swipe = async (dx) => {
    await page.mouse.move(slot.x + slot.width / 2, slot.y + slot.height / 2);
    await page.mouse.down();
    await page.mouse.move(slot.x + slot.width / 2 + dx, slot.y + slot.height / 2 + 10, { steps: 5 });
    await page.mouse.up();
  };
  await swipe(200);
  assert.equal(await heading(dialog), VIEWS.at(-3), 'a swipe to the right goes back');
  await swipe(-200);
  assert.equal(await heading(dialog), VIEWS.at(-2), 'a swipe to the left goes on');

  // The citizen hides the milestones and shows the notes (hidden until then).
  await dialog.getByRole('button', { name: 'Vælg visninger' }).click();
  const choices = dialog.getByRole('group', { name: 'Vælg visninger' });
  assert.equal(await choices.getByRole('checkbox', { name: 'Noter' }).isChecked(), false, 'the notes are hidden at first');
  await choices.getByRole('checkbox', { name: 'Milepæle' }).uncheck();
  await choices.getByRole('checkbox', { name: 'Noter' }).check();
  await expectNoAxeViolations(page, 'the session view, choosing the views');
  await dialog.getByRole('button', { name: 'Vælg visninger' }).click();
  await page.keyboard.press('End');
  assert.equal(await heading(dialog), 'Noter');
  await dialog.getByText(`Visning ${VIEWS.length} af ${VIEWS.length}`).waitFor();
  await page.screenshot({ path: `${SHOTS}session-notes-da-1366.png` });
  await page.keyboard.press('ArrowLeft');
  assert.equal(await heading(dialog), 'Mål uge for uge', 'the milestones are skipped');

  // Escape leaves, and focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'ugb-session');
  // Opened again, the milestones stay hidden for the session; the notes stay shown.
  await page.getByRole('button', { name: 'Mødevisning', exact: true }).click();
  assert.equal(await heading(page.getByRole('dialog')), VIEWS[0]);
  await page.keyboard.press('End');
  assert.equal(await heading(page.getByRole('dialog')), 'Noter');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await heading(page.getByRole('dialog')), 'Mål uge for uge');
  await page.getByRole('dialog').getByRole('button', { name: 'Afslut mødevisning' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the session view in Arabic mirrors its keys and reads at 1920 × 1080 from across a room', async () => {
  const { context, page } = await newPage(env.browser, { width: 1920, height: 1080 });
  await page.goto(env.url('/?demo&lang=ar'));
  await ready(page);
  await page.getByRole('button', { name: 'التطور' }).click();
  await drawn(page);
  await page.getByRole('button', { name: 'عرض للاجتماع' }).click();
  const dialog = page.getByRole('dialog');
  const first = await heading(dialog);
  // Right to left: the left arrow goes on.
  await page.keyboard.press('ArrowLeft');
  const second = await heading(dialog);
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowRight');
  assert.equal(await heading(dialog), first);
  const [size, text] = await smallestText(dialog);
  assert.ok(size >= 27, `at 1080 px the smallest text is ${size.toFixed(1)} px ("${text}")`);
  await expectNoAxeViolations(page, 'the session view in Arabic');
  await page.screenshot({ path: `${SHOTS}session-1-ar-1920.png` });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The number of pages of a PDF. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('"Udskriv" is a one-page A4 summary; "Udskriv én side pr. visning" prints each view the citizen chose on its own page', async () => {
  const { context, page } = await newPage(env.browser, LAPTOP);
  await page.goto(env.url('/?demo'));
  await ready(page);
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);

  // One page per view: the six the citizen sees at first (the notes hidden).
  await page.getByRole('button', { name: 'Udskriv én side pr. visning' }).click();
  await page.locator('.ugb-print-views .ugb-print-view').nth(VIEWS.length - 1).waitFor({ state: 'attached' });
  assert.equal(await page.locator('.ugb-print-views .ugb-print-view').count(), VIEWS.length);
  assert.equal(await page.locator('.ugb-print-views').isVisible(), false, 'not shown on screen');
  await page.emulateMedia({ media: 'print' });
  const titles = await page.locator('.ugb-print-view h2').allTextContents();
  assert.deepEqual(titles, VIEWS);
  assert.equal(pages(await page.pdf({ format: 'A4', printBackground: true })), VIEWS.length, 'one A4 page per view');
  await page.emulateMedia({ media: 'screen' });

  // The summary: one page with the WHO-5 chart and its change, the self-ratings' first and
  // latest, both profiles and the goals; no table, no work charts, no controls.
  await page.getByRole('button', { name: 'Udskriv', exact: true }).click();
  await page.locator('.ugb-print-views').waitFor({ state: 'detached' });
  await page.emulateMedia({ media: 'print' });
  assert.equal(pages(await page.pdf({ format: 'A4', printBackground: true })), 1, 'the summary is one A4 page');
  const shown = await page.evaluate(() => {
    const visible = (selector) => [...document.querySelectorAll(selector)].some((e) => e.getClientRects().length > 0);
    return {
      who5: visible('#ugb-chart-who5 svg'),
      change: visible('#ugb-chart-who5 .ugb-chart__figures'),
      ratings: visible('.ugb-multiple__figures'),
      profiles: [...document.querySelectorAll('.ugb-chart--radar .ugb-chart__svg svg')].filter((e) => e.getClientRects().length > 0).length,
      goals: visible('#ugb-chart-goals svg'),
      hours: visible('#ugb-chart-hours'),
      toolbar: visible('.ugb-toolbar'),
    };
  });
  assert.deepEqual(shown, { who5: true, change: true, ratings: true, profiles: 2, goals: true, hours: false, toolbar: false });
  await page.pdf({ path: `${SHOTS}summary-da.pdf`, format: 'A4', printBackground: true });
  assert.deepEqual(page.errors, []);
  await context.close();
});
