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
const CHROMIUM_ARGS = [
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

/** Waits for the app to have rendered its first screen. */
export async function ready(page) {
  await page.getByRole('main').waitFor();
  await page.locator('main h2').first().waitFor();
}

/** Runs axe-core on the page (or a frame) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, what) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations on ${what}`);
}

/** The gzipped wasm etc. are not read here; only what a user sees and does. */
export async function storageValue(page, key) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/** Waits for the chart worker to have drawn the screen's content (history, progress). */
export async function drawn(page) {
  await page.locator('.ugb-results[aria-busy="false"]').waitFor();
}
