// The progress screen in real Chromium against the release build: the page draws it in
// the session screens' part; tests read the SVG, the table and the text a screen reader gets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, newPage, ready, drawn, redrawn, expectNoAxeViolations, seedHistory, who5Response, weeksAgo, moreChoices,
} from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

const count = (text, needle) => text.split(needle).length - 1;

/** How many shapes (subpaths) the SVG path with these attributes draws: the chart
 *  backend draws each style as one path, a line's stretches and markers as its subpaths. */
function shapes(svg, attrs) {
  return svg.evaluate((el, attrs) => {
    const path = [...el.querySelectorAll('path')].find((p) => Object.entries(attrs).every(([k, v]) => p.getAttribute(k) === v));
    return path ? (path.getAttribute('d').match(/M/g) ?? []).length : 0;
  }, attrs);
}

async function openProgress(page) {
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
}

test('every key keeps its words beside its swatch at 390 px, in Danish, Arabic and Ukrainian', async () => {
  const progress = { da: 'Udvikling', ar: 'التطور', uk: 'Прогрес' };
  for (const [lang, name] of Object.entries(progress)) {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.url('/'));
    await ready(page);
    const weeks = [3, 2, 1, 0].map(weeksAgo);
    // 40 → 60 is ringed: the key then has the bands and the ring, the longest words.
    await seedHistory(page, [
      who5Response(weeks[0], [2, 2, 2, 2, 2]),
      who5Response(weeks[1], [3, 3, 3, 3, 3]),
      who5Response(weeks[2], [2, 2, 2, 2, 2]),
      who5Response(weeks[3], [3, 3, 3, 3, 4]),
    ]);
    await page.goto(env.url(`/?lang=${lang}`));
    await ready(page);
    await page.getByRole('button', { name, exact: true }).click();
    await drawn(page);
    assert.equal(await page.locator('#ugb-chart-who5 .ugb-chart__key .ugb-ring').count(), 1, `${lang}: the ring is in the key`);
    // Each entry: its swatch (hidden from a screen reader) and all that follows it.
    const apart = await page.locator('.ugb-chart__key li').evaluateAll((items) =>
      items
        .filter((li) => li.firstElementChild?.getAttribute('aria-hidden') === 'true')
        .map((li) => {
          const after = document.createRange();
          after.setStartAfter(li.firstElementChild);
          after.setEndAfter(li.lastChild);
          const [swatch, words] = [li.firstElementChild.getBoundingClientRect(), after.getBoundingClientRect()];
          const beside = swatch.top < words.bottom && words.top < swatch.bottom;
          return beside ? null : li.textContent;
        })
        .filter(Boolean),
    );
    assert.deepEqual(apart, [], `${lang}: words on a line of their own, away from their swatch`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('the WHO-5 chart has one point per recorded week and a gap for the missed one; the table equals the data', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  // 40, 48, (missed), 60, 64 over the last five weeks.
  const weeks = [4, 3, 2, 1, 0].map(weeksAgo);
  await seedHistory(page, [
    who5Response(weeks[0], [2, 2, 2, 2, 2]),
    who5Response(weeks[1], [2, 2, 2, 3, 3]),
    who5Response(weeks[3], [3, 3, 3, 3, 3]),
    who5Response(weeks[4], [3, 3, 3, 3, 4]),
  ]);
  await openProgress(page);
  await redrawn(page, () => page.getByRole('button', { name: '8 uger' }).click());
  assert.equal(await page.locator('#ugb-numbers').count(), 0, 'the table only when asked for');
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  const chart = page.locator('#ugb-chart-who5');
  const svg = chart.locator('.ugb-chart__svg svg');
  assert.equal(await shapes(svg, { fill: '#005AA0' }), 4, 'one marker per recorded week');
  assert.equal(await shapes(svg, { stroke: '#005AA0', 'stroke-width': '2' }), 2, 'two stretches of line: the missed week is a gap');
  assert.equal(await shapes(svg, { stroke: '#141414' }), 1, 'the 48 → 60 change is ringed');

  const plot = page.getByRole('img', { name: 'Trivsel (WHO-5), 0–100' });
  const description = await plot.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
  assert.match(description, /steg fra 40 til 64 over 4 uger/);

  const rows = page.locator('#ugb-numbers tbody tr');
  assert.equal(await rows.count(), 4, 'the table lists the recorded weeks');
  const who5 = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td').textContent));
  assert.deepEqual(who5, ['40', '48', '60', '64']);

  // The cursor: focus shows the latest week, arrows move, a missed week says so. On a wide
  // screen, where its words take one line or two.
  await page.setViewportSize({ width: 1280, height: 900 });
  await plot.focus();
  // What is said as the cursor moves (the words, not the room kept for them), and the
  // height the words take: the page below does not move as the cursor crosses the weeks.
  const said = (text) => chart.locator('.ugb-chart__readout [aria-live]', { hasText: text }).waitFor();
  const height = () => chart.locator('.ugb-chart__readout').evaluate((p) => p.getBoundingClientRect().height);
  await assert.doesNotReject(said(/\(.*\): WHO-5 Trivselsindeks 64$/));
  const heights = [await height()];
  await page.keyboard.press('ArrowLeft');
  await said(/WHO-5 Trivselsindeks 60$/);
  heights.push(await height());
  await page.keyboard.press('ArrowLeft');
  await said(/ingen måling$/);
  heights.push(await height());
  await page.keyboard.press('ArrowLeft');
  await said(/WHO-5 Trivselsindeks 48$/);
  heights.push(await height());
  assert.equal(new Set(heights).size, 1, `the words' height holds: ${heights.join(', ')}`);
  await expectNoAxeViolations(page, 'the progress screen with its table');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the radar overlays the first, a chosen and the latest reading; lines and average follow the choices', async () => {
  const { context, page } = await newPage(env.browser, { width: 1280, height: 900 });
  await page.goto(env.url('/?demo'));
  await ready(page);
  await drawn(page);
  await page.getByText('Demo: opdigtede svar, ikke dine.').waitFor();
  const radar = page.locator('#ugb-radar-chime5');
  assert.equal(await radar.locator('.ugb-chart__key li').count(), 3, 'three readings overlaid');
  const radarSvg = radar.locator('.ugb-chart__svg svg');
  for (const color of ['#005AA0', '#BE5A00', '#00785A']) {
    assert.equal(await shapes(radarSvg, { stroke: color, 'stroke-width': '2' }), 5, `the whole outline in ${color}`);
    assert.equal(await shapes(radarSvg, { fill: color }), 5, `a marker per axis in ${color}`);
  }
  await moreChoices(page);
  const compare = page.getByLabel('Sammenlign også med');
  const options = await compare.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await compare.focus();
  await redrawn(page, () => compare.selectOption(options[0]));
  assert.equal(await page.getByLabel('Sammenlign også med').inputValue(), options[0]);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ugb-compare', 'focus stays on the choice');
  const radarName = await page.locator('#ugb-radar-chime5 [role="img"]').getAttribute('aria-label');
  assert.match(radarName, /profil for Uge \d+, \d{4}, Uge \d+, \d{4} og Uge \d+, \d{4}/);

  // The self-ratings as small multiples: one small chart per CHIME item, each named, its
  // change in words as the drawing's name and its first and latest answer in large figures.
  const small = page.getByRole('list', { name: 'Selvvurderinger, 0–10' }).getByRole('listitem');
  assert.equal(await small.count(), 5, 'the five CHIME items by default, one small chart each');
  await small.getByRole('heading', { name: 'Håb', level: 4 }).waitFor();
  assert.match(await small.first().getByRole('img').getAttribute('aria-label'), /Forbundethed (steg|faldt|lå)/);
  assert.match(await small.first().locator('.ugb-multiple__figures').textContent(), /^\d+ → \d+$/);
  const boxes = await small.locator('svg').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('viewBox')));
  assert.equal(new Set(boxes).size, 1, `the same axes and size each: ${boxes}`);
  // Combined, as a choice: one chart with a key of five lines.
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Selvvurderingerne i én graf' }).check());
  const ratings = page.locator('#ugb-chart-ratings .ugb-chart__key li');
  assert.equal(await ratings.count(), 5, 'the five CHIME items in one chart');
  await redrawn(page, () => page.getByRole('button', { name: 'Vælg, hvad grafen viser' }).click());
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Håb' }).uncheck());
  assert.equal(await ratings.count(), 4);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ugb-line-chime5.chime-h');
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis gennemsnit over 4 uger' }).check());
  await page.getByText('Bred, lys linje: gennemsnit over 4 uger').first().waitFor();
  assert.ok(count(await page.locator('#ugb-chart-who5 .ugb-chart__svg svg').evaluate((s) => s.outerHTML), 'stroke-width="5"') >= 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('notes stay hidden until the citizen shows them, and a note with markup shows as text', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/'));
  await ready(page);
  const payload = '<img src=x onerror="window.__pwned=1">';
  await seedHistory(page, [who5Response(weeksAgo(1), [3, 3, 3, 3, 3], payload), who5Response(weeksAgo(0), [4, 4, 4, 4, 4])]);
  await openProgress(page);
  assert.equal(await page.getByText(payload).count(), 0, 'hidden by default');
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis noterne' }).check());
  await page.getByRole('cell', { name: payload }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img').count(), 0);
  await expectNoAxeViolations(page, 'the table with notes');
  await context.close();
});

test('the print view fits one A4 page', async () => {
  const { context, page } = await newPage(env.browser, { width: 1366, height: 768 });
  await page.goto(env.url('/?demo'));
  await ready(page);
  await drawn(page);
  await moreChoices(page);
  await redrawn(page, () => page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).check());
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'chart, table, period and notices on one A4 page');
  const printed = await page.evaluate(() => ({
    toolbar: getComputedStyle(document.querySelector('.ugb-toolbar')).display,
    notices: document.querySelector('.ugb-chart-notices').textContent,
    period: document.querySelector('.ugb-period__shown').textContent,
  }));
  assert.equal(printed.toolbar, 'none');
  assert.match(printed.notices, /World Health Organization/);
  assert.match(printed.period, /^Periode: Uge \d+, \d{4} – Uge \d+, \d{4}$/);
  await context.close();
});

test('on a phone the progress screen starts with the picture: the WHO-5 chart and its change in words in the first screenful', async () => {
  const viewport = { width: 390, height: 844 };
  const firstChart = async (page) => {
    const chart = page.locator('#ugb-chart-who5');
    await chart.waitFor();
    const [top, summary] = await Promise.all([
      chart.evaluate((c) => c.getBoundingClientRect().top + window.scrollY),
      page.locator('#ugb-chart-who5-summary').evaluate((s) => s.getBoundingClientRect().bottom + window.scrollY),
    ]);
    return { top, summary };
  };
  // The demo, with its notice, and a citizen's own three weeks.
  for (const seed of [null, [2, 1, 0]]) {
    const { context, page } = await newPage(env.browser, viewport);
    await page.goto(env.url(seed ? '/' : '/?demo'));
    await ready(page);
    if (seed) {
      await seedHistory(page, seed.map((n, i) => who5Response(weeksAgo(n), [2 + i, 2 + i, 3, 3, 3])));
      await openProgress(page);
    } else {
      await drawn(page);
    }
    const { top, summary } = await firstChart(page);
    assert.ok(top < viewport.height, `${seed ? 'three weeks' : 'the demo'}: the chart starts at ${top}px, inside the first ${viewport.height}px`);
    assert.ok(summary < viewport.height, `${seed ? 'three weeks' : 'the demo'}: its change in words ends at ${summary}px`);
    await page.screenshot({ path: new URL(`./artifacts/progress-phone-${seed ? 'own' : 'demo'}.png`, import.meta.url).pathname });
    // The other choices are one button away, and say whether they are open.
    const more = page.getByRole('button', { name: 'Flere valg' });
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).count(), 0, 'folded away');
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).waitFor();
    await expectNoAxeViolations(page, 'the phone progress screen, its choices open');
    assert.deepEqual(page.errors, []);
    await context.close();
  }
  // A wide screen shows every choice, with no button to open them.
  const { context, page } = await newPage(env.browser, { width: 1366, height: 768 });
  await page.goto(env.url('/?demo'));
  await ready(page);
  await drawn(page);
  await page.getByRole('checkbox', { name: 'Vis tallene som tabel' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Flere valg' }).count(), 0);
  await context.close();
});
