// Benchmark (not a test), issue 22 items 3 and 4: the progress chart under the pointer and
// the keys, and the memory it takes — a 10-year history (bench/data.mjs), beside Chart.js
// drawing the same 14 series (and, for memory, SurveyJS showing the check-in beside it).
//
// Frames: a recorder in the page notes every animation frame (requestAnimationFrame) while
// the cursor is moved across the whole chart (120 pointer moves, as a mouse sends them) and
// while it is stepped by the arrow keys (100 presses); the figure is the 95th percentile of
// the time between frames (16.7 ms = 60 frames a second). Chart.js: the same pointer moves
// over its canvas with its tooltip following the pointer (mode 'index'), which is what its
// cursor is.
//
// Memory: after the screen has been drawn and the page has been idle for a second, a
// garbage collection, then the JavaScript heap in use plus the backing stores of array
// buffers (which hold the wasm module's memory), both from the DevTools protocol
// (Runtime.getHeapUsage).
//
// Run after a release build:  node bench/frames.mjs   (scripts/bench.sh builds first)
import { readFileSync } from 'node:fs';
import { start, newPage } from '../tests/e2e/helpers.mjs';
import { datasets, history } from './data.mjs';
import { questionnaires, surveyModel } from './pages.mjs';

const read = (path) => readFileSync(new URL(`../node_modules/${path}`, import.meta.url), 'utf8');
const MOVES = 120;
const PRESSES = 100;

/** The 95th percentile of the gaps between frames, and how many frames were late (a gap of
 *  more than one and a half frames: one or more frames dropped). */
const gaps = (list) => ({ p95: percentile(list, 95), frames: list.length, late: list.filter((g) => g > 25).length });

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};

/** Starts noting animation frames in `page`; the returned function stops and gives the gaps. */
async function frames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    const note = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(note);
    };
    requestAnimationFrame(note);
  });
  return () =>
    page.evaluate(() => {
      window.__recording = false;
      const t = window.__frames;
      return t.slice(1).map((v, i) => v - t[i]);
    });
}

/** Moves the pointer across `box` from left to right in MOVES steps. */
async function sweep(page, box) {
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  for (let n = 1; n <= MOVES; n++) await page.mouse.move(box.x + 2 + ((box.width - 4) * n) / MOVES, y);
}

/** Keeps every wasm module's memory the page instantiates, to be measured. */
const WASM_MEMORIES = () => {
  window.__memories = new Set();
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports ?? {})) if (value instanceof WebAssembly.Memory) window.__memories.add(value);
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
};

/** The JavaScript heap in use, array buffers' backing stores, and the wasm modules'
 *  memories, in bytes. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await page.waitForTimeout(1000);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasm = await page.evaluate(() => [...(window.__memories ?? [])].reduce((n, m) => n + m.buffer.byteLength, 0));
  return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? 0, wasm };
}

export async function run() {
  const page = '<!DOCTYPE html><html lang="da"><title>Chart.js</title><body><main><div id="survey"></div><canvas id="cjs"></canvas></main></body></html>';
  const env = await start({ '/peers.html': ['text/html; charset=utf-8', page] });
  const series = history(52 * 10);
  const data = series.history;
  try {
    // Ugeblik: the progress screen with ten years, the whole period, every line.
    const { context, page: app } = await newPage(env.browser, { width: 1280, height: 900 });
    await app.addInitScript(WASM_MEMORIES);
    await app.goto(env.url('/'));
    await app.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 1, ...data }));
    await app.reload();
    await app.getByRole('button', { name: 'Udvikling' }).click();
    await app.locator('.ugb-results[aria-busy="false"]').waitFor();
    await app.getByRole('button', { name: 'Alt', exact: true }).click();
    await app.locator('.ugb-results[aria-busy="false"]').waitFor();
    const mem = await memory(app);
    const plot = app.locator('.ugb-chart__plot').first();
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    let stop = await frames(app);
    await sweep(app, box);
    const pointer = await stop();
    await plot.focus();
    stop = await frames(app);
    for (let n = 0; n < PRESSES; n++) await app.keyboard.press(n < PRESSES / 2 ? 'ArrowLeft' : 'ArrowRight');
    const keys = await stop();
    await context.close();

    // Chart.js (with SurveyJS beside it for memory): the same series, its tooltip following the pointer.
    const peer = await newPage(env.browser, { width: 1280, height: 900 });
    await peer.page.goto(env.url('/peers.html'));
    for (const file of ['chart.js/dist/chart.umd.min.js', 'survey-core/survey.core.min.js', 'survey-core/i18n/danish.min.js', 'survey-js-ui/survey-js-ui.min.js']) {
      await peer.page.addScriptTag({ content: read(file) });
    }
    await peer.page.addStyleTag({ content: read('survey-core/survey-core.fontless.min.css') });
    await peer.page.evaluate(
      ({ datasets, model }) => {
        SurveyUI.renderSurvey(new Survey.Model(model), document.getElementById('survey'));
        const canvas = document.getElementById('cjs');
        canvas.width = 700;
        canvas.height = 315;
        window.chart = new Chart(canvas, {
          type: 'line',
          data: { labels: datasets[0].data.map((_, n) => n), datasets },
          options: { animation: false, responsive: false, interaction: { mode: 'index', intersect: false }, scales: { y: { min: 0 } } },
        });
      },
      { datasets: datasets(series, 520), model: surveyModel(questionnaires()) },
    );
    const peerMem = await memory(peer.page);
    const canvasBox = await peer.page.locator('#cjs').boundingBox();
    stop = await frames(peer.page);
    await sweep(peer.page, canvasBox);
    const chartjsPointer = await stop();
    await peer.context.close();

    return {
      version: env.browser.version(),
      pointer: gaps(pointer),
      keys: gaps(keys),
      chartjs: gaps(chartjsPointer),
      memory: mem,
      peerMemory: peerMem,
    };
  } finally {
    await env.close();
  }
}

/** All the memory measured, in bytes. */
export const total = (m) => m.heap + m.buffers + m.wasm;

export function print(r) {
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`Progress chart, 10 years, headless Chromium ${r.version}, 1280 × 900:`);
  const f = (g) => `95th percentile frame ${g.p95.toFixed(1)} ms, ${g.late} of ${g.frames} frames late`;
  console.log(`pointer across the chart (${MOVES} moves): ${f(r.pointer)}; Chart.js with its tooltip: ${f(r.chartjs)}`);
  console.log(`arrow keys (${PRESSES} presses): ${f(r.keys)}`);
  console.log(`memory after drawing: Ugeblik ${mb(total(r.memory))} (JS heap ${mb(r.memory.heap)}, wasm ${mb(r.memory.wasm)}, other buffers ${mb(r.memory.buffers)}); Chart.js + SurveyJS ${mb(total(r.peerMemory))} (JS heap ${mb(r.peerMemory.heap)}, buffers ${mb(r.peerMemory.buffers)})`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
