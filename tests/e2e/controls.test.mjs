// Every form control of the session screens is a touch target: at least 44 px tall on a
// phone (the app's field and button styles), the file pickers and the nickname too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, ready, drawn, moreChoices, menu } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => env?.close());

test('every field and button of the session screens is at least 44 px tall on a phone', async () => {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844 });
  await page.goto(env.url('/?demo'));
  await ready(page);
  const small = [];
  let seen = 0;
  for (const name of ['Udvikling', 'Mål', 'Tidligere uger', 'Lås og sletning']) {
    await menu(page, name);
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await drawn(page);
    if (name === 'Udvikling') await moreChoices(page);
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('main input, main select, main textarea, main button')]
        .filter((e) => e.type !== 'hidden' && e.type !== 'checkbox' && e.type !== 'radio' && e.offsetParent)
        .map((e) => [e.id || e.textContent.trim().slice(0, 30) || e.type, e.getBoundingClientRect().height]),
    );
    seen += found.length;
    small.push(...found.filter(([, h]) => h < 44).map(([what, h]) => `${name}: ${what} ${h.toFixed(1)} px`));
  }
  assert.ok(seen > 30, `the controls were read (${seen})`);
  assert.deepEqual(small, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
