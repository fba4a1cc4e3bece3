// Shared set-up of the browser tests: Debian's Chromium through playwright-core, the real
// release build (dist/) served on 127.0.0.1, and axe-core injected into the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DIST = new URL('../../dist/', import.meta.url).pathname;

// Without the background-networking flags Chromium tries to reach the internet.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };

/** Starts the server and the browser; `extra` adds pages (path → [type, body]). */
export async function start(extra = {}) {
  const server = await serve(DIST, { extra });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: (path = '/') => server.url + path,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh profile (empty localStorage) with one page; page errors fail the test. */
export async function newPage(browser, viewport = PHONE) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.errors = errors;
  return { context, page };
}

/** Waits for the app to have rendered its first screen (the app itself, not the first
 *  screen index.html shows a first visit before the wasm has arrived: src/first-screen.js). */
export async function ready(page) {
  await page.locator('.ugb-app:not([data-ugb-first]) main h2').first().waitFor();
  await page.locator('[data-ugb-first]').waitFor({ state: 'detached' });
}

/** Waits until `predicate(arg)`, run in the page, resolves to something truthy. For async
 *  predicates: page.waitForFunction takes the promise an async function returns as truthy
 *  at once, so it does not wait for them. */
export async function until(page, predicate, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate, arg))) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${predicate}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Runs axe-core on the page (or a frame) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, what) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated by the driver, not added as a <script>: the app's Content-Security-Policy
  // refuses inline scripts (tests/e2e/csp.test.mjs proves it).
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations on ${what}`);
}

/** Runs axe-core over the page and every frame in it as one page (a portal and the widget
 *  in its iframe), as a screen reader meets them: landmarks must be told apart across
 *  frames too. axe runs in each frame and the top one gathers their results, from any
 *  origin (axe listens only to its own origin unless told otherwise). */
export async function expectNoAxeViolationsTogether(page, what) {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => typeof window.axe !== 'undefined'))) await frame.evaluate(AXE_SOURCE);
    await frame.evaluate(() => window.axe.configure({ allowedOrigins: ['<unsafe_all_origins>'] }));
  }
  const { violations, frames } = await page.evaluate(async () => {
    const result = await window.axe.run(document, { iframes: true });
    return {
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      // Targets inside a frame start with the frame's selector: proof the frame was read.
      frames: result.passes.concat(result.incomplete).some((r) => r.nodes.some((n) => n.target.length > 1)),
    };
  });
  assert.deepEqual(violations, [], `axe violations on ${what}`);
  assert.ok(frames, `axe read inside the frames of ${what}`);
}

/** The gzipped wasm etc. are not read here; only what a user sees and does. */
export async function storageValue(page, key) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/** Waits for a session screen's content to be in place, with its styles. */
export async function drawn(page) {
  await page.locator('.ugb-results[aria-busy="false"]').waitFor();
  await page.waitForFunction(() => [...document.styleSheets].some((s) => s.href?.endsWith('/drawn.css')));
}

/** Does `action` and waits until the screen has answered it (drawn anew, or said why not). */
export async function redrawn(page, action) {
  const results = page.locator('.ugb-results');
  const before = Number((await results.getAttribute('data-drawn')) ?? 0);
  await action();
  await page.waitForFunction(
    (n) => {
      const area = document.querySelector('.ugb-results');
      return area && Number(area.getAttribute('data-drawn') ?? 0) > n && area.getAttribute('aria-busy') === 'false';
    },
    before,
  );
}

/** Opens the progress screen's choices beyond the period: on a phone they fold away behind
 *  "Flere valg" (the picture comes first); a wide screen shows them all, with no button. */
export async function moreChoices(page) {
  const more = page.getByRole('button', { name: 'Flere valg' });
  if ((await more.count()) && (await more.getAttribute('aria-expanded')) === 'false') await more.click();
}

/** The ISO week (`2026-W47`) that contains `date`. */
export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Noon on the Monday `n` weeks before this one, so a test runs in real, current weeks. */
export function monday(n) {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7) - 7 * n);
  return d;
}

/** A date as `YYYY-MM-DD`, in local time. */
export const ymd = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The ISO week `n` weeks before this one. */
export function weeksAgo(n) {
  return isoWeek(new Date(Date.now() - n * 7 * 86400000));
}

/** A stored, complete WHO-5 response with the five answers `values` (percentage: sum × 4). */
export function who5Response(week, values, note) {
  const answers = Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
  return {
    id: `test-who5-${week}`,
    instrument: 'who5',
    version: '1',
    week,
    authored: '2026-01-01T10:00:00Z',
    language: 'da',
    status: 'complete',
    answers,
    ...(note ? { note } : {}),
  };
}

/** Puts `responses` into the page's storage as the app's history and reloads. */
export async function seedHistory(page, responses) {
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 1, responses }));
  await page.reload();
  await ready(page);
}

/** The text of the file a fresh phone with the history `responses` saves with the past
 *  weeks' `button` (with `nickname` typed in first, if given; locked with `passphrase`,
 *  set on that phone first, if given). */
export async function savedFile(env, responses, button, nickname, passphrase) {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  await seedHistory(page, responses);
  if (passphrase) await setPassphrase(page, passphrase);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  if (nickname) await page.getByLabel('Kaldenavn eller sagsnummer i filen (frivilligt – aldrig dit CPR-nummer)').fill(nickname);
  if (passphrase) await page.getByLabel('Lås filen med mit kodeord').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.deepEqual(page.errors, []);
  await context.close();
  return text;
}

/** Answers a whole check-in in Danish on `scope` (a page or a frame) from its start page:
 *  `questions` questions, the week's work skipped, saved — or, with `stored: false`, told
 *  that it could not be stored. */
export async function checkIn(scope, questions = 18, { stored = true } = {}) {
  await scope.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= questions; n++) {
    await scope.getByText(`Spørgsmål ${n} af ${questions + 1}`, { exact: true }).waitFor();
    const who5 = scope.getByRole('radio', { name: 'Det meste af tiden', exact: true });
    const hours = scope.getByRole('radio', { name: '15', exact: true });
    if (await who5.count()) await who5.click();
    else if (await hours.count()) await hours.click();
    else await scope.getByRole('radio', { name: '7', exact: true }).click();
  }
  await scope.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  await scope.getByRole('button', { name: 'Spring over' }).click();
  await scope.getByRole('button', { name: 'Gem svarene' }).click();
  if (stored) await scope.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
  else await scope.getByRole('alert').filter({ hasText: 'Dine svar er IKKE gemt' }).waitFor();
}

/** Opens the screen `name` from the main menu, as a citizen would: on a phone the last
 *  screens are under "More" (Danish "Mere", or `more` in another language). */
export async function menu(page, name, more = 'Mere') {
  const nav = page.getByRole('navigation', { name: /^(Hovedmenu|Main menu|القائمة الرئيسية|Головне меню)$/ });
  const item = nav.getByRole('button', { name, exact: true });
  if (!(await item.isVisible())) await nav.getByRole('button', { name: more, exact: true }).click();
  await item.click();
}

/** Sets `passphrase` from the "lock and delete" screen, and waits until it is set. */
export async function setPassphrase(page, passphrase) {
  await menu(page, 'Lås og sletning');
  await drawn(page);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill(passphrase);
  await page.getByLabel('Skriv det nye kodeord igen').fill(passphrase);
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
}

/** Puts others' readings of the citizen (`[{ rater, response }]`) into the page's storage
 *  as the app keeps them, and reloads. */
export async function seedReadings(page, readings) {
  await page.evaluate((value) => localStorage.setItem('ugeblik.v1.readings', value), JSON.stringify({ version: 1, readings }));
  await page.reload();
  await ready(page);
}

/** A consultant's (or another `role`'s) complete rating of the seven 0–10 job-readiness
 *  dimensions in `week`, each `value`. */
export function raterJob(week, value, rater = { role: 'consultant', name: 'MK' }) {
  const ids = ['job-ability', 'job-belief', 'job-health', 'job-everyday', 'job-cooperation', 'job-search', 'job-skills'];
  return {
    rater,
    response: {
      id: `test-rater-${rater.role}-${week}`,
      instrument: 'jobready7-rater',
      version: '1',
      week,
      authored: '2026-01-01T12:00:00Z',
      language: 'da',
      status: 'complete',
      answers: Object.fromEntries(ids.map((id) => [id, value])),
    },
  };
}
