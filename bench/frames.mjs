// Benchmark (not a test), issue 22 items 3 and 4: the progress chart under the pointer and
// the keys, and the memory it takes — a 10-year history (bench/data.mjs), beside Chart.js
// drawing the same 14 series (and, for memory, SurveyJS showing the check-in beside it).
//
// Frames: the cursor is moved across the whole chart (120 pointer moves, as a mouse sends
// them) and stepped by the arrow keys (100 presses), five times each, while a recorder in
// the page asks for every animation frame (so that a frame is due at every tick of the
// 60 Hz clock) and the browser's own trace (the DevTools timeline) is recorded. From the
// trace, on the page's renderer main thread:
//   - a frame's work: the time the main thread was busy (its tasks: input events, their
//     handlers, style, layout, paint, commit) between the start of one frame
//     (BeginMainThreadFrame) and the next; at 60 frames a second it must fit in 16.7 ms;
//   - the time between frame starts, which on time is the 60 Hz clock itself (16.7 ms and
//     its jitter), and how many frames were late (more than one and a half frames apart:
//     one or more dropped).
// Chart.js: the same pointer moves over its canvas with its tooltip following the pointer
// (mode 'index'), which is what its cursor is.
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

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};

/** The trace's categories with the renderer's tasks and its frames. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame'];

/** From a trace's events, for the renderer of the page at `url`: each frame's work (the
 *  main thread's busy time from one frame start to the next) and the time between frame
 *  starts, in milliseconds. */
export function frameTimes(events, url) {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frame = started?.args?.data?.frames?.find((f) => f.isOutermostMainFrame && f.url === url);
  if (!frame) throw new Error(`the trace has no main frame at ${url}`);
  const main = events.find((e) => e.name === 'thread_name' && e.pid === frame.processId && e.args.name === 'CrRendererMain');
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const starts = on.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts).sort((a, b) => a - b);
  // The thread's outermost tasks (a task run inside another is already in its time).
  const tasks = [];
  let end = -Infinity;
  for (const task of on.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts)) {
    if (task.ts >= end) tasks.push(task);
    end = Math.max(end, task.ts + task.dur);
  }
  const work = [];
  const gaps = [];
  for (let n = 0; n + 1 < starts.length; n++) {
    const [from, to] = [starts[n], starts[n + 1]];
    let busy = 0;
    for (const task of tasks) busy += Math.max(0, Math.min(to, task.ts + task.dur) - Math.max(from, task.ts));
    work.push(busy / 1000);
    gaps.push((to - from) / 1000);
  }
  return { work, gaps };
}

/** The 95th percentile of each frame's work and of the time between frames, and how many
 *  frames were late (a gap of more than one and a half frames: one or more dropped). */
const summary = ({ work, gaps }) => ({
  work: percentile(work, 95),
  p95: percentile(gaps, 95),
  frames: gaps.length,
  late: gaps.filter((g) => g > 25).length,
});

/** How many times each movement is made: its figures are the median run's (on this 2-core
 *  machine one run's 95th percentile varies by a factor of two with what else runs). */
const RUNS = 5;

/** The runs of one movement: the median of their 95th percentiles (and their range), and
 *  the frames and late frames of all of them. */
const runs = (list) => {
  const median = (key) => percentile(list.map((r) => r[key]), 50);
  const works = list.map((r) => r.work);
  return {
    work: median('work'),
    range: [Math.min(...works), Math.max(...works)],
    p95: median('p95'),
    frames: list.reduce((n, r) => n + r.frames, 0),
    late: list.reduce((n, r) => n + r.late, 0),
  };
};

/** Runs `act` RUNS times while tracing `page` and asking for every animation frame in it
 *  (with the main thread slowed down `cpu` times, as the first-answer runs slow it for a
 *  phone), and gives the frames' times. */
async function traced(browser, page, act, cpu = 1) {
  const list = [];
  for (let run = 0; run < RUNS; run++) list.push(await tracedOnce(browser, page, act, cpu));
  return runs(list);
}

async function tracedOnce(browser, page, act, cpu) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate(() => {
    window.__recording = true;
    const next = () => window.__recording && requestAnimationFrame(next);
    requestAnimationFrame(next);
  });
  await browser.startTracing(page, { categories: CATEGORIES });
  await act();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await page.evaluate(() => (window.__recording = false));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return summary(frameTimes(trace.traceEvents, page.url()));
}

/** How much slower than this machine a phone's main thread is taken to be. */
export const PHONE_CPU = 4;

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
    const pointer = await traced(env.browser, app, () => sweep(app, box));
    const pointerPhone = await traced(env.browser, app, () => sweep(app, box), PHONE_CPU);
    await plot.focus();
    const press = async () => {
      for (let n = 0; n < PRESSES; n++) await app.keyboard.press(n < PRESSES / 2 ? 'ArrowLeft' : 'ArrowRight');
    };
    const keys = await traced(env.browser, app, press);
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
    const chartjsPointer = await traced(env.browser, peer.page, () => sweep(peer.page, canvasBox));
    const chartjsPhone = await traced(env.browser, peer.page, () => sweep(peer.page, canvasBox), PHONE_CPU);
    await peer.context.close();

    return {
      version: env.browser.version(),
      pointer,
      keys,
      chartjs: chartjsPointer,
      pointerPhone,
      chartjsPhone,
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
  const f = (g) =>
    `95th percentile frame's work ${g.work.toFixed(1)} ms (runs ${g.range.map((v) => v.toFixed(1)).join(' to ')}), between frames ${g.p95.toFixed(1)} ms, ${g.late} of ${g.frames} frames late`;
  console.log(`pointer across the chart (${MOVES} moves): ${f(r.pointer)}; Chart.js with its tooltip: ${f(r.chartjs)}`);
  console.log(`arrow keys (${PRESSES} presses): ${f(r.keys)}`);
  console.log(`pointer, main thread ${PHONE_CPU}× slower: ${f(r.pointerPhone)}; Chart.js: ${f(r.chartjsPhone)}`);
  console.log(`memory after drawing: Ugeblik ${mb(total(r.memory))} (JS heap ${mb(r.memory.heap)}, wasm ${mb(r.memory.wasm)}, other buffers ${mb(r.memory.buffers)}); Chart.js + SurveyJS ${mb(total(r.peerMemory))} (JS heap ${mb(r.peerMemory.heap)}, buffers ${mb(r.peerMemory.buffers)})`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
