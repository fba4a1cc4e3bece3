// Benchmark (not a test): how long re-drawing the progress chart takes for 1, 5 and 10
// years of weekly data (all three instruments, all 14 lines, about one week in eight
// missed), beside Chart.js drawing the same series, in the same headless Chromium run.
//
// Ugeblik's figure is what the citizen waits for after changing a choice: the drawing
// (plotters SVG, keys, table; by the page's split part since issue 18, item 7, by the
// chart worker before), and the page putting the HTML in place and laying it out. The
// drawing's own time (whole milliseconds, the page's `data-millis`) is shown apart as
// "worker". Chart.js's figure is `chart.update('none')` on a canvas of the same size, with
// the data changed the same way (a choice of lines), animation off.
//
// Run after a release build:  node bench/chart.mjs   (scripts/bench.sh builds first)
import { readdirSync, readFileSync } from 'node:fs';
import { start, newPage } from '../tests/e2e/helpers.mjs';
import { LINES, datasets, history, median } from './data.mjs';

const CHART_JS = readFileSync(new URL('../node_modules/chart.js/dist/chart.umd.min.js', import.meta.url), 'utf8');
const RUNS = 31;

export async function run() {
  const BENCH_PAGE = '<!DOCTYPE html><html lang="en"><title>Chart.js</title><body><canvas id="cjs"></canvas></body></html>';
  const env = await start({ '/chartjs.html': ['text/html; charset=utf-8', BENCH_PAGE] });

  /** Ugeblik: the real app with `data` as the citizen's stored history, all lines shown, the
   *  whole period; each run ticks one 0–10 line on or off and waits until the page shows
   *  the new drawing, laid out. */
  async function ugeblik(data) {
    const { context, page } = await newPage(env.browser, { width: 1280, height: 900 });
    await page.goto(env.url('/'));
    await page.evaluate((value) => localStorage.setItem('ugeblik.v1.history', value), JSON.stringify({ version: 1, ...data }));
    await page.reload();
    await page.getByRole('button', { name: 'Udvikling' }).click();
    await page.locator('.ugb-results[aria-busy="false"]').waitFor();
    const redraw = async (action) => {
      const before = Number(await page.locator('.ugb-results').getAttribute('data-drawn'));
      await action();
      await page.waitForFunction((n) => Number(document.querySelector('.ugb-results').dataset.drawn) > n, before);
    };
    await redraw(() => page.getByRole('button', { name: 'Alt', exact: true }).click());
    await redraw(() => page.getByRole('button', { name: 'Vælg, hvad grafen viser' }).click());
    // The self-ratings in one chart, as Chart.js draws them (by default they are small
    // multiples, a chart per dimension).
    await redraw(() => page.getByRole('checkbox', { name: 'Selvvurderingerne i én graf' }).check());
    for (const box of await page.locator('input[id^="ugb-line-jobready7."]').all()) await redraw(() => box.check());
    const runs = await page.evaluate(async (runs) => {
      const area = document.querySelector('.ugb-results');
      const results = [];
      for (let n = 0; n < runs; n++) {
        const before = Number(area.dataset.drawn);
        const drawn = new Promise((ok) => {
          const watch = new MutationObserver(() => {
            if (Number(area.dataset.drawn) > before) {
              watch.disconnect();
              ok();
            }
          });
          watch.observe(area, { attributes: true });
        });
        const started = performance.now();
        document.getElementById('ugb-line-chime5.chime-h').click();
        await drawn;
        area.getBoundingClientRect();
        results.push({ total: performance.now() - started, worker: Number(area.dataset.millis) });
      }
      return results;
    }, RUNS);
    const width = await page.locator('#ugb-chart-ratings .ugb-chart__svg svg').first().evaluate((svg) => Math.round(svg.getBoundingClientRect().width));
    await context.close();
    return { runs, width };
  }

  /** Chart.js: the same 14 series on one canvas of the same width; a missed week is null (a
   *  gap, spanGaps off); each run hides or shows one line and calls update(). */
  async function chartjs(series, width, years) {
    const { context, page } = await newPage(env.browser, { width: 1280, height: 900 });
    await page.goto(env.url('/chartjs.html'));
    await page.addScriptTag({ content: CHART_JS });
    const runs = await page.evaluate(({ datasets, runs, years, width }) => {
      const canvas = document.getElementById('cjs');
      canvas.width = width;
      canvas.height = Math.round((width * 9) / 20);
      const totalWeeks = years * 52;
      const chart = new Chart(canvas, {
        type: 'line',
        data: { labels: Array.from({ length: totalWeeks }, (_, n) => n), datasets },
        options: { animation: false, responsive: false, plugins: { legend: { display: true } }, scales: { y: { min: 0 } } },
      });
      const results = [];
      for (let n = 0; n < runs; n++) {
        chart.data.datasets.forEach((d) => (d.hidden = n % 2 === 0 && d.label === 'chime5.chime-h'));
        const started = performance.now();
        chart.update('none');
        results.push(performance.now() - started);
      }
      chart.destroy();
      return results;
    }, { datasets: datasets(series, 52 * years), runs: RUNS, years, width });
    await context.close();
    return runs;
  }

  const rows = [];
  for (const years of [1, 5, 10]) {
    const series = history(52 * years);
    const app = await ugeblik(series.history);
    const other = await chartjs(series, app.width, years);
    rows.push({
      years,
      weeks: 52 * years,
      width: app.width,
      total: median(app.runs.map((r) => r.total)),
      worker: median(app.runs.map((r) => r.worker)),
      chartjs: median(other),
    });
  }
  const version = env.browser.version();
  await env.close();


  return { rows, version };
}

export function print({ rows, version }) {
  const f = (ms) => `${ms.toFixed(1)} ms`.padStart(9);
  console.log(`Chart re-render, median of ${RUNS} runs, headless Chromium ${version}, ${process.arch}.`);
  console.log(`${LINES.length} lines (WHO-5, 5 CHIME, 8 job readiness: all three instruments), the whole period,`);
  console.log(`about one week in eight missed; charts ${rows[0].width} px wide (the app's phone-to-laptop column).`);
  console.log('"page": the real app, from ticking a line on or off to the new drawing in place and laid');
  console.log('out. "worker": of that, the drawing itself (in the page\'s split part). Chart.js: update() of the same');
  console.log('series on a canvas of the same width.');
  console.log('');
  console.log('years weeks      page    worker  Chart.js  page/Chart.js  worker/Chart.js');
  for (const r of rows) {
    console.log(
      `${String(r.years).padStart(5)} ${String(r.weeks).padStart(5)} ${f(r.total)} ${f(r.worker)} ${f(r.chartjs)} ${(r.total / r.chartjs).toFixed(2).padStart(13)}× ${(r.worker / r.chartjs).toFixed(2).padStart(15)}×`,
    );
  }

}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
