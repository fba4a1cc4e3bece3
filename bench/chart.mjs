// Benchmark (not a test): how long re-drawing the progress chart takes for 1, 5 and 10
// years of weekly data (all three instruments, all 14 lines, about one week in eight
// missed), beside Chart.js drawing the same series, in the same headless Chromium run.
//
// Ugeblik's figure is what the citizen waits for after changing a choice: the message to
// the chart worker, its drawing (plotters SVG, keys, table), the answer, and the page
// putting the HTML in place and laying it out. The worker's own drawing time is shown
// apart. Chart.js's figure is `chart.update('none')` on a canvas of the same size, with
// the data changed the same way (a choice of lines), animation off.
//
// Run after a release build:  node bench/chart.mjs   (scripts/bench.sh builds first)
import { readdirSync, readFileSync } from 'node:fs';
import { start, newPage } from '../tests/e2e/helpers.mjs';

const CHART_JS = readFileSync(new URL('../node_modules/chart.js/dist/chart.umd.min.js', import.meta.url), 'utf8');
const RUNS = 31;
const ITEMS = {
  who5: ['1', '2', '3', '4', '5'],
  chime5: ['chime-c', 'chime-h', 'chime-i', 'chime-m', 'chime-e'],
  jobready7: ['job-ability', 'job-belief', 'job-health', 'job-everyday', 'job-cooperation', 'job-search', 'job-skills', 'job-hours'],
};
const LINES = ['who5', ...ITEMS.chime5.map((i) => `chime5.${i}`), ...ITEMS.jobready7.map((i) => `jobready7.${i}`)];

/** ISO week `n` weeks before 2026-W47 (16 Nov 2026 is its Monday). */
function week(n) {
  const d = new Date(Date.UTC(2026, 10, 16) - n * 7 * 86400000);
  const t = new Date(d);
  t.setUTCDate(t.getUTCDate() + 3);
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const w = 1 + Math.round(((t - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(w).padStart(2, '0')}`;
}

/** A deterministic history of `weeks` weeks ending in 2026-W47. */
function history(weeks) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const responses = [];
  const position = {};
  for (let n = weeks - 1; n >= 0; n--) {
    if (n > 0 && n < weeks - 1 && rand() < 0.125) continue;
    const w = week(n);
    position[w] = weeks - 1 - n;
    for (const [instrument, items] of Object.entries(ITEMS)) {
      const answers = {};
      for (const item of items) {
        const max = instrument === 'who5' ? 5 : item === 'job-hours' ? 37 : 10;
        answers[item] = Math.min(max, Math.floor(rand() * (max + 1)));
      }
      responses.push({
        id: `${instrument}-${w}`, instrument, version: '1', week: w, authored: '2026-11-16T09:00:00Z',
        language: 'da', status: 'complete', answers,
      });
    }
  }
  return { history: { responses }, position };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The app's own stylesheet, so that the drawn HTML is laid out as in the app.
const css = readdirSync(new URL('../dist/', import.meta.url)).find((name) => name.endsWith('.css'));
const BENCH_PAGE = `<!DOCTYPE html><html lang="da"><title>bench</title><link rel="stylesheet" href="/${css}">
<body><div class="ugb-app"><div id="ugb" class="ugb-results" style="width:760px"></div></div>
<canvas id="cjs" width="760" height="342"></canvas></body></html>`;
const env = await start({ '/bench.html': ['text/html; charset=utf-8', BENCH_PAGE] });
const { page } = await newPage(env.browser, { width: 1280, height: 900 });
await page.goto(env.url('/bench.html'));
await page.addScriptTag({ content: CHART_JS });

const rows = [];
for (const years of [1, 5, 10]) {
  const { history: data, position } = history(52 * years);
  const result = await page.evaluate(async ({ data, position, lines, runs, years }) => {
    // Ugeblik: the real chart worker, fed as the app feeds it.
    const worker = new Worker('/charts_loader.js');
    await new Promise((ok) => worker.addEventListener('message', (e) => e.data === 'ready' && ok(), { once: false }));
    const area = document.getElementById('ugb');
    const ask = (seq, request, history) =>
      new Promise((ok) => {
        const started = performance.now();
        worker.onmessage = (event) => {
          const received = performance.now();
          const text = event.data;
          const newline = text.indexOf('\n');
          const [, millis] = text.slice(0, newline).split(' ');
          area.innerHTML = text.slice(newline + 1);
          const parsed = performance.now();
          area.getBoundingClientRect();
          const now = performance.now();
          ok({ total: now - started, worker: Number(millis), message: received - started, parse: parsed - received, layout: now - parsed, size: text.length });
        };
        worker.postMessage(JSON.stringify({ seq, history, request }));
      });
    const request = (n) => ({
      lang: 'da', period: 'all', lines: n % 2 ? lines : lines.slice(0, -1), average: false, notes: false,
      compare: null, width: 760, now: '2026-W47', linesOpen: false, session: false,
    });
    await ask(1, request(0), data); // sends the history once, as the app does
    const ugeblik = [];
    for (let n = 0; n < runs; n++) ugeblik.push(await ask(n + 2, request(n)));
    worker.terminate();

    // Chart.js: the same 14 series on one canvas; a missed week is null (a gap).
    const weeks = [...new Set(data.responses.map((r) => r.week))];
    const byWeek = new Map(data.responses.map((r) => [`${r.week}|${r.instrument}`, r]));
    const series = lines.map((code) => {
      const [instrument, item] = code.includes('.') ? code.split('.') : ['who5', null];
      return weeks.map((w) => {
        const r = byWeek.get(`${w}|${instrument}`);
        if (!r) return null;
        return item ? r.answers[item] : Object.values(r.answers).reduce((a, b) => a + b, 0) * 4;
      });
    });
    // The calendar: every week from the first to the last, missed ones included.
    const labels = [];
    const totalWeeks = years * 52;
    for (let n = 0; n < totalWeeks; n++) labels.push(n);
    const padded = series.map((values) => {
      const out = new Array(totalWeeks).fill(null);
      values.forEach((value, k) => (out[position[weeks[k]]] = value));
      return out;
    });
    const chart = new Chart(document.getElementById('cjs'), {
      type: 'line',
      data: { labels, datasets: padded.map((data, i) => ({ label: lines[i], data, spanGaps: false, pointRadius: totalWeeks > 60 ? 0 : 3, borderWidth: 2 })) },
      options: { animation: false, responsive: false, plugins: { legend: { display: true } }, scales: { y: { min: 0 } } },
    });
    const chartjs = [];
    for (let n = 0; n < runs; n++) {
      chart.data.datasets.forEach((d, i) => (d.hidden = n % 2 === 0 && i === padded.length - 1));
      const started = performance.now();
      chart.update('none');
      chartjs.push(performance.now() - started);
    }
    chart.destroy();
    return { ugeblik, chartjs, weeks: totalWeeks, recorded: weeks.length };
  }, { data, position, lines: LINES, runs: RUNS, years });
  rows.push({
    years,
    weeks: result.weeks,
    total: median(result.ugeblik.map((r) => r.total)),
    worker: median(result.ugeblik.map((r) => r.worker)),
    chartjs: median(result.chartjs),
    message: median(result.ugeblik.map((r) => r.message)),
    parse: median(result.ugeblik.map((r) => r.parse)),
    layout: median(result.ugeblik.map((r) => r.layout)),
    size: result.ugeblik[0].size,
  });
}
await env.close();

const f = (ms) => `${ms.toFixed(1)} ms`.padStart(9);
console.log(`Chart re-render, median of ${RUNS} runs, headless Chromium ${page.context().browser().version()}, ${process.arch},`);
console.log(`${LINES.length} lines (WHO-5, 5 CHIME, 8 job readiness: all three instruments), 760 px wide, about 1 week in 8 missed.`);
console.log('"worker" is Ugeblik drawing (plotters SVG, keys, radars) in its worker; "page" is what the citizen');
console.log('waits for: message, drawing, answer, HTML parsed and laid out. Chart.js: chart.update() on a canvas.');
console.log('');
console.log('years weeks    worker  transfer     parse    layout      page  Chart.js  page/Chart.js  worker/Chart.js');
for (const r of rows) {
  console.log(
    `${String(r.years).padStart(5)} ${String(r.weeks).padStart(5)} ${f(r.worker)} ${f(r.message - r.worker)} ${f(r.parse)} ${f(r.layout)} ${f(r.total)} ${f(r.chartjs)} ${(r.total / r.chartjs).toFixed(2).padStart(13)}× ${(r.worker / r.chartjs).toFixed(2).padStart(15)}×`,
  );
}
