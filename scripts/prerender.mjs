// Renders the first screen into dist/index.html at build time (issue 22): the start page
// and the first question, taken from the release build itself running in Chromium (the
// same Leptos components, nothing written twice), each as a <template>, with
// src/first-screen.js, which shows them until the wasm has arrived and then hands the
// citizen's taps to the app; and puts the page's stylesheet in the page (`inlineStyles`).
// Runs after minify.mjs (the build works end to end) and before csp.mjs (which allows the
// inline script and style by their hashes) and offline.mjs (scripts/tools.sh).
//
// Rendered as a first visit: empty storage, no query, in Danish (the app's language when
// none is chosen), on a fixed day; what depends on the day (the week's number and dates)
// is marked and filled in by the script when the page loads, from the app's own Danish
// patterns in src/i18n/mod.rs. Fails the build when the app's screens are not as expected.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { minify } from 'terser';
import { serve } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
/** The day the screens are rendered on (week 49 of 2026, within one month and year). */
const DAY = '2026-12-02T12:00:00';
const WEEK = 'Uge 49';
const DATES = '30. nov. – 6. dec. 2026';
const START = 'Start ugens spørgsmål';

/** The app's Danish texts the script needs, read from the one place they are written. */
export function texts(source) {
  const one = (name) => {
    const found = [...source.matchAll(new RegExp(`^\\s*${name} => "([^"]*)";`, 'gm'))];
    if (found.length !== 1) throw new Error(`prerender.mjs: ${name} is not written once in src/i18n/mod.rs`);
    return found[0][1];
  };
  return {
    week: one('WeekNumber'),
    months: one('Months'),
    span: one('WeekSpan'),
    spanMonths: one('WeekSpanMonths'),
    spanYears: one('WeekSpanYears'),
    failed: one('LoadFailed'),
    again: one('TryAgain'),
  };
}

/** The app's root on the screen shown now, its day-dependent texts marked, Leptos's
 *  placeholder comments left out (the app is mounted anew, not hydrated). */
async function snapshot(page) {
  return page.evaluate(
    ([week, dates]) => {
      const app = document.querySelector('.ugb-app').cloneNode(true);
      // Not the app: what src/first-screen.js and the tests tell it apart by.
      app.setAttribute('data-ugb-first', '');
      const marks = { week: 0, dates: 0 };
      const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
      const comments = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.COMMENT_NODE) comments.push(node);
        else if (node.data === week || node.data === dates) {
          if (node.parentElement.childNodes.length !== 1) throw new Error(`"${node.data}" shares its element`);
          const name = node.data === week ? 'week' : 'dates';
          node.parentElement.setAttribute(`data-ugb-${name}`, '');
          node.data = '';
          marks[name]++;
        }
      }
      for (const comment of comments) comment.remove();
      return { html: app.outerHTML, marks };
    },
    [WEEK, DATES],
  );
}

/** The start page and the first question of a first visit, from the build in `dist`. */
export async function render(dist) {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.setFixedTime(new Date(DAY));
    await page.goto(`${server.url}/`);
    const start = page.getByRole('button', { name: START, exact: true });
    await start.waitFor();
    // The one control that leads on before the app is there, and the quick exit, which
    // acts at once there too.
    await start.evaluate((button) => button.setAttribute('data-ugb-next', ''));
    const exit = () => page.locator('button.ugb-exit').evaluate((button) => button.setAttribute('data-ugb-exit', ''));
    await exit();
    const home = await snapshot(page);
    await start.click();
    await page.getByRole('radio').first().waitFor();
    await exit();
    const question = await snapshot(page);
    if (errors.length) throw new Error(`prerender.mjs: the app failed: ${errors.join('; ')}`);
    if (home.marks.week !== 1 || home.marks.dates !== 1 || question.marks.week !== 1) {
      throw new Error(`prerender.mjs: the week's texts are not where expected: ${JSON.stringify([home.marks, question.marks])}`);
    }
    if (!home.html.includes('data-ugb-next')) throw new Error('prerender.mjs: the start button was not marked');
    if (![home, question].every((screen) => screen.html.includes('data-ugb-exit'))) throw new Error('prerender.mjs: the quick exit was not marked');
    return { home: home.html, question: question.html };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** index.html with the two screens and the script that shows them, at the start of <body>
 *  after <noscript>. */
export async function prerender(html, screens, source) {
  const script = readFileSync(join(ROOT, 'src/first-screen.js'), 'utf8').replace('/* TEXTS */ {}', JSON.stringify(texts(source)));
  const { code } = await minify(script, { ecma: 2020, compress: { passes: 2 }, mangle: true });
  const at = html.indexOf('</noscript>');
  if (at < 0) throw new Error('prerender.mjs: no <noscript> in index.html');
  if (html.includes('id=ugb-first')) throw new Error('prerender.mjs: index.html has its first screen already');
  const added =
    `<template id=ugb-first>${screens.home}</template>` +
    `<template id=ugb-next>${screens.question}</template>` +
    `<script id=ugb-first-screen>${code}</script>`;
  const end = at + '</noscript>'.length;
  return html.slice(0, end) + added + html.slice(end);
}

/** The page's stylesheet link (trunk's, main-<hash>.css). */
const STYLESHEET = /<link\b[^>]*\bhref=["']?\.\/(main-[0-9a-f]{16}\.css)["']?[^>]*>/;

/** The name of the stylesheet `html` links. */
export function stylesheet(html) {
  const found = STYLESHEET.exec(html);
  if (!found) throw new Error('prerender.mjs: index.html links no main-<hash>.css');
  return found[1];
}

/** `html` with its stylesheet `css` in a <style> (allowed by its hash, scripts/csp.mjs) in
 *  place of the link: the first screen paints with the page itself, one round trip sooner
 *  (562 ms on slow 4G). */
export function inlineStyles(html, css) {
  if (css.includes('</')) throw new Error('prerender.mjs: the stylesheet cannot be put in a <style>');
  return html.replace(STYLESHEET, () => `<style id=ugb-style>${css}</style>`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = join(ROOT, 'dist');
  const index = join(dist, 'index.html');
  const screens = await render(dist);
  let html = await prerender(readFileSync(index, 'utf8'), screens, readFileSync(join(ROOT, 'src/i18n/mod.rs'), 'utf8'));
  const css = stylesheet(html);
  html = inlineStyles(html, readFileSync(join(dist, css), 'utf8'));
  writeFileSync(index, html);
  unlinkSync(join(dist, css));
  console.log(`index.html: the start page and the first question rendered in, ${css} put in it`);
}
