// Benchmark (not a test): tap → next question painted, over a whole check-in on a phone
// (390 × 844), in the real app in headless Chromium. Each tap is a click on an answer; the
// time runs until the next question is in the page and the browser has painted it (the
// first animation frame after the change, then the task after it).
import { start, newPage } from '../tests/e2e/helpers.mjs';
import { median } from './data.mjs';

export async function run() {
  const env = await start();
  const { context, page } = await newPage(env.browser, { width: 390, height: 844 });
  await page.goto(env.url('/'));
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByText('Spørgsmål 1 af 19').waitFor();
  const frames = await page.evaluate(async () => {
    const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const times = [];
    for (let n = 1; n <= 18; n++) {
      // The question's answers: a group of radio buttons in the main area.
      const radios = [...document.querySelectorAll('main fieldset input[type="radio"]')];
      const button = radios[Math.floor(radios.length / 2)];
      const main = document.querySelector('main');
      const changed = new Promise((ok) => {
        const watch = new MutationObserver(() => {
          watch.disconnect();
          ok();
        });
        watch.observe(main, { childList: true, subtree: true, characterData: true });
      });
      const started = performance.now();
      button.click();
      await changed;
      await painted();
      times.push(performance.now() - started);
    }
    return times;
  });
  const version = env.browser.version();
  await context.close();
  await env.close();
  return { version, taps: frames.length, median: median(frames), max: Math.max(...frames) };
}

export function print({ version, taps, median: m, max }) {
  console.log(`Tap → next question painted, ${taps} taps of a whole check-in at 390 × 844, headless Chromium ${version}:`);
  console.log(`median ${m.toFixed(1)} ms, slowest ${max.toFixed(1)} ms`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  print(await run());
}
