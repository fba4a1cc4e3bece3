// Nothing is clipped: every text of every chart lies inside its SVG as Chromium draws it
// (`getBBox()` against the viewBox), on the demo's progress screen at the widths of a small
// phone, a phone, a tablet, a laptop and a projector, in all four languages. The host test
// (tests/clipping.rs) checks the same with the backend's own width estimate, long goals too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('every text of every chart fits its SVG at five widths in four languages', async () => {
  const clipped = [];
  let counted = 0;
  for (const lang of ['da', 'en', 'ar', 'uk']) {
    for (const width of [320, 390, 768, 1366, 1920]) {
      const { context, page } = await newPage(env.browser, { width, height: 900 });
      await page.goto(env.url(`/?demo&lang=${lang}`));
      await ready(page);
      await drawn(page);
      await page.locator('.ugb-chart--radar svg').first().waitFor();
      const found = await page.evaluate(() => {
        // Charts below the fold are laid out too (they are skipped until seen otherwise).
        for (const part of document.querySelectorAll('.ugb-chart, .ugb-radars')) part.style.contentVisibility = 'visible';
        const out = { texts: 0, clipped: [] };
        for (const svg of document.querySelectorAll('.ugb-chart svg')) {
          const view = svg.viewBox.baseVal;
          if (!view || view.width === 0) continue;
          const chart = svg.closest('figure')?.id;
          for (const text of svg.querySelectorAll('text')) {
            out.texts += 1;
            const box = text.getBBox();
            const inside =
              box.x >= view.x - 0.5 && box.y >= view.y - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y + box.height <= view.y + view.height + 0.5;
            if (!inside) out.clipped.push(`${chart}: “${text.textContent}” at ${Math.round(box.x)}–${Math.round(box.x + box.width)} of ${view.width}`);
          }
        }
        return out;
      });
      assert.ok(found.texts > 50, `${lang} ${width}: the charts' texts were read (${found.texts})`);
      counted += found.texts;
      clipped.push(...found.clipped.map((c) => `${lang} ${width} px, ${c}`));
      assert.deepEqual(page.errors, []);
      await context.close();
    }
  }
  assert.deepEqual(clipped, [], `texts outside their SVG (of ${counted})`);
});
