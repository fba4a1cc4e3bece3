// Benchmark (not a test), issue 22 item 5: the whole of what each tool downloads for the
// same two screens — the weekly check-in, then the chart over time — counted as the
// browser receives it (compressed bodies, from the browser's own accounting), every tool
// served the same way (gzip, tests/e2e/server.mjs).
//
// - Ugeblik: its first load until the start screen is ready, then what opening "Udvikling"
//   (the progress screen) adds, with a year of answers stored; its service worker blocked
//   (on a first visit it fetches the rest of the app in the background, for offline use).
// - SurveyJS and LHC-Forms: their check-in page (bench/pages.mjs); neither draws charts,
//   so their second screen is Chart.js's file, the chart a provider would add (as in
//   bench/peers.mjs), fetched from the same server.
//
// Run after a release build:  node bench/bytes.mjs   (scripts/bench.sh builds first)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, ready } from '../tests/e2e/helpers.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { build } from './pages.mjs';
import { history } from './data.mjs';

/** Counts the compressed bytes of every response `page` receives from now on. */
function counter(page) {
  let bytes = 0;
  const pending = [];
  page.on('requestfinished', (request) => pending.push(request.sizes().then((s) => (bytes += s.responseBodySize))));
  return async () => {
    await Promise.all(pending);
    return bytes;
  };
}

export async function run() {
  const env = await start();
  const dir = mkdtempSync(join(tmpdir(), 'ugeblik-bytes-'));
  build(dir);
  cpSync(new URL('../node_modules/chart.js/dist/chart.umd.min.js', import.meta.url).pathname, join(dir, 'chart.umd.min.js'));
  const peers = await serve(dir);
  try {
    const results = [];
    {
      // Without its service worker, which would fetch the rest of the app for offline use
      // on the first visit (counted apart in BENCHMARKS.md's sizes as "fetched later").
      const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const { history: data } = history(52);
      await page.addInitScript((value) => {
        if (!localStorage.getItem('ugeblik.v1.history')) localStorage.setItem('ugeblik.v1.history', value);
      }, JSON.stringify({ version: 1, ...data }));
      const bytes = counter(page);
      await page.goto(env.url('/'));
      await ready(page);
      await page.waitForLoadState('networkidle');
      const first = await bytes();
      await page.getByRole('button', { name: 'Udvikling' }).click();
      await page.locator('.ugb-results[aria-busy="false"]').waitFor();
      await page.waitForLoadState('networkidle');
      const progress = (await bytes()) - first;
      await context.close();
      results.push({ tool: 'Ugeblik', first, progress });
    }
    for (const [tool, path] of [['SurveyJS + Chart.js', 'surveyjs'], ['LHC-Forms + Chart.js', 'lhcforms']]) {
      const { context, page } = await newPage(env.browser);
      const bytes = counter(page);
      await page.goto(`${peers.url}/${path}/`);
      await page.getByRole('radio').first().waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
      const first = await bytes();
      await page.evaluate(async (url) => {
        const script = document.createElement('script');
        script.src = url;
        const loaded = new Promise((ok) => (script.onload = ok));
        document.body.append(script);
        await loaded;
      }, `${peers.url}/chart.umd.min.js`);
      await page.waitForLoadState('networkidle');
      const progress = (await bytes()) - first;
      await context.close();
      results.push({ tool, first, progress });
    }
    return results;
  } finally {
    await peers.close();
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function print(results) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log('Downloaded for the check-in, then the chart over time (compressed, as received):');
  for (const r of results) console.log(`${r.tool.padEnd(22)} check-in ${kb(r.first)}, chart screen +${kb(r.progress)}, both ${kb(r.first + r.progress)}`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
