// Benchmark (not a test), issue 22: how soon a citizen on an old phone can answer the first
// question, in Ugeblik and in the same check-in in SurveyJS and LHC-Forms (bench/pages.mjs),
// each served the same way (gzip, tests/e2e/server.mjs on 127.0.0.1). A phone's screen
// (390 × 844), the CPU slowed 4×, a cold cache (a fresh profile for every load), and two
// networks: 150 ms latency with 200 KB/s down, and Lighthouse's "slow 4G" (562.5 ms,
// 1.47 Mbit/s down). The three tools' loads are interleaved, seven each; medians.
//
// - first paint: the page's first contentful paint (the Paint Timing API);
// - first answer: from the start of the navigation until the first answer option has been
//   pressed and taken — for Ugeblik after its start button, pressed as soon as it can be.
//   A click is tried as soon as the option is in the page, visible and enabled (Playwright's
//   actionability checks), and its time is the click event's, taken in the page.
//
// Run after a release build:  node bench/first-answer.mjs   (scripts/bench.sh builds first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../tests/e2e/helpers.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { build } from './pages.mjs';
import { median } from './data.mjs';

export const NETWORKS = [
  { name: '150 ms, 200 KB/s', latency: 150, down: 200 * 1024, up: 200 * 1024 },
  { name: 'slow 4G (562.5 ms, 1.47 Mbit/s)', latency: 562.5, down: (1474.56 * 1024) / 8, up: (675 * 1024) / 8 },
];
const LOADS = Number(process.env.LOADS ?? 7);

/** The time of the first click on an answer option, and the first contentful paint. */
const PROBE = () => {
  window.__firstAnswer = null;
  addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest('[role="radio"], input[type="radio"], label') : null;
      if (target && window.__firstAnswer === null) window.__firstAnswer = performance.now();
    },
    true,
  );
};

async function load(browser, tool, network) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latency,
    downloadThroughput: network.down,
    uploadThroughput: network.up,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(tool.url, { waitUntil: 'commit', timeout: 120000 });
  await tool.answer(page);
  await page.waitForFunction(() => window.__firstAnswer !== null, null, { timeout: 120000 });
  const figures = await page.evaluate(() => ({
    answer: window.__firstAnswer,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await context.close();
  return figures;
}

export async function run() {
  const env = await start();
  const dir = mkdtempSync(join(tmpdir(), 'ugeblik-first-answer-'));
  build(dir);
  const peers = await serve(dir);
  const tools = [
    {
      name: 'Ugeblik',
      url: env.url('/'),
      async answer(page) {
        await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click({ timeout: 120000 });
        await page.getByRole('radio').first().click({ timeout: 120000 });
      },
    },
    {
      name: 'SurveyJS',
      url: `${peers.url}/surveyjs/`,
      // Its radio buttons are hidden behind drawn circles: a finger presses the words.
      answer: (page) => page.getByText('Hele tiden', { exact: true }).first().click({ timeout: 120000 }),
    },
    {
      name: 'LHC-Forms',
      url: `${peers.url}/lhcforms/`,
      answer: (page) => page.getByRole('radio').first().click({ timeout: 120000 }),
    },
  ];
  try {
    const results = [];
    for (const network of NETWORKS) {
      const samples = Object.fromEntries(tools.map((t) => [t.name, []]));
      for (let n = 0; n < LOADS; n++) {
        for (const tool of tools) samples[tool.name].push(await load(env.browser, tool, network));
      }
      for (const tool of tools) {
        const list = samples[tool.name];
        results.push({
          network: network.name,
          tool: tool.name,
          answer: median(list.map((s) => s.answer)),
          paint: median(list.map((s) => s.paint).filter((p) => p !== null)),
        });
      }
    }
    return { version: env.browser.version(), results };
  } finally {
    await peers.close();
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function print({ version, results }) {
  console.log(`First paint and first answer, 390 × 844, CPU × 4, cold cache, median of ${LOADS} (headless Chromium ${version}):`);
  for (const r of results) console.log(`${r.network}: ${r.tool.padEnd(10)} first paint ${(r.paint / 1000).toFixed(2)} s, first answer ${(r.answer / 1000).toFixed(2)} s`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
