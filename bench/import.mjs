// Benchmark (not a test): reading a ten-year export back — the file chosen, read and
// validated, and its preview in place — in the real app in headless
// Chromium. Also prints the export itself and the merge after the citizen confirms.
//
// Run after a release build:  node bench/import.mjs   (scripts/bench.sh builds first)
import { readFileSync } from 'node:fs';
import { start, newPage } from '../tests/e2e/helpers.mjs';
import { history, median } from './data.mjs';

const RUNS = 11;
export async function run() {
  const env = await start();

  async function openHistory(page) {
    await page.getByRole('button', { name: 'Tidligere uger' }).click();
    await page.locator('.ugb-results[aria-busy="false"]').waitFor();
  }

  // A citizen with ten years of weekly answers saves the file.
  const citizen = await newPage(env.browser);
  await citizen.page.goto(env.url('/'));
  await citizen.page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 1, ...history(520).history }));
  await citizen.page.reload();
  await openHistory(citizen.page);
  const exportStarted = Date.now();
  const [download] = await Promise.all([
    citizen.page.waitForEvent('download'),
    citizen.page.getByRole('button', { name: 'Gem fil til din konsulent' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  const exportMs = Date.now() - exportStarted;
  await citizen.context.close();

  // A fresh phone reads it: from choosing the file to the preview in place.
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await openHistory(page);
  const runs = await page.evaluate(async ({ file, runs }) => {
    const results = [];
    for (let n = 0; n < runs; n++) {
      const input = document.getElementById('ugb-import-file');
      const transfer = new DataTransfer();
      transfer.items.add(new File([file], 'ugeblik.json', { type: 'application/json' }));
      const shown = new Promise((ok) => {
        const watch = new MutationObserver(() => {
          if (document.getElementById('ugb-import-summary')) {
            watch.disconnect();
            ok();
          }
        });
        watch.observe(document.querySelector('.ugb-results'), { childList: true, subtree: true });
      });
      const started = performance.now();
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await shown;
      const total = performance.now() - started;
      results.push({ total });
      const gone = new Promise((ok) => {
        const watch = new MutationObserver(() => {
          if (document.getElementById('ugb-import-file')) {
            watch.disconnect();
            ok();
          }
        });
        watch.observe(document.querySelector('.ugb-results'), { childList: true, subtree: true });
      });
      [...document.querySelectorAll('.ugb-results button')].find((b) => b.textContent.trim() === 'Fortryd').click();
      await gone;
    }
    return results;
  }, { file, runs: RUNS });
  const summary = await (async () => {
    await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'ugeblik.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.locator('#ugb-import-summary').waitFor();
    return page.locator('#ugb-import-summary').innerText();
  })();
  const mergeStarted = Date.now();
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();
  await page.getByRole('article').first().waitFor();
  const mergeMs = Date.now() - mergeStarted;
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('ugeblik.v1.history'))).responses.length;
  const version = env.browser.version();
  await context.close();
  await env.close();
  const preview = median(runs.map((r) => r.total));


  return { version, file, summary, preview, exportMs, mergeMs, stored };
}

export function print({ version, file, summary, preview, exportMs, mergeMs, stored }) {
  console.log(`Import of a ten-year export, headless Chromium ${version}, ${process.arch}; median of ${RUNS} runs.`);
  console.log(`file: ${(file.length / 1024).toFixed(0)} KB, ${JSON.parse(file).responses.length} responses; preview: "${summary}"`);
  console.log('');
  console.log(`choose file → preview in place (read, validate, compare, draw):  ${preview.toFixed(1)} ms`);
  console.log(`export (click → download ready), once:                           ${exportMs} ms`);
  console.log(`merge (confirm → stored and the weeks drawn), once:               ${mergeMs} ms  (${stored} responses stored)`);

}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
