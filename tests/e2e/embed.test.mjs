// Embedding in a portal: the iframe protocol between two origins on 127.0.0.1 (the app on
// one port, the portal's example page on another, a third origin on a third), which
// portals hear anything (the host's portals.json, the citizen's agreement, frame-ancestors),
// the <ugeblik-widget> element with the portal's hostile CSS and from a host without CORS
// headers, the theme, and the address's settings. Real Chromium, the real build, the
// examples from examples/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { headerPolicy, readPortals } from '../../scripts/csp.mjs';
import { start, newPage, ready, drawn, checkIn, expectNoAxeViolations, expectNoAxeViolationsTogether, storageValue } from './helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
// A page of a third origin that frames the app as a portal would, claiming to be the
// job centre: its own origin as parentOrigin, a provider's name of its choosing. It
// records everything the widget posts to it.
const POSER = `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Jobcenter Aarhus</title></head><body>
<header><p>Jobcenter Aarhus</p></header><main><h1>Min side</h1>
<iframe id="ugeblik" title="Ugeblik" style="display:block;width:100%;height:1400px;border:0"></iframe></main>
<script>const app = new URL(new URLSearchParams(location.search).get('app'));
const frame = document.getElementById('ugeblik');
frame.src = app.href + '?parentOrigin=' + encodeURIComponent(location.origin) + '&provider=' + encodeURIComponent('Jobcenter Aarhus');
window.received = []; addEventListener('message', (e) => { if (e.source === frame.contentWindow) window.received.push(e.data); });
window.ask = () => frame.contentWindow.postMessage({ type: 'ugeblik:request-export', version: 1 }, '*');</script></body></html>`;
// A page of a third origin: it tries to drive the widget and records what it receives.
const INTRUDER = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Intruder</title></head><body>
<script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));
function attack() { for (const w of [parent.frames[0], parent]) {
  w.postMessage({ type: 'ugeblik:request-export', version: 1 }, '*');
  w.postMessage({ type: 'ugeblik:request-height', version: 1 }, '*'); } }</script></body></html>`;

let env;
let portal;
let intruder;
/** portals.json as the app's host serves it, listing `origins`. */
const listing = (origins, askCitizen = true) => ['application/json', JSON.stringify({ origins, askCitizen })];
before(async () => {
  portal = await serve(EXAMPLES);
  intruder = await serve(EXAMPLES, {
    extra: { '/intruder.html': ['text/html; charset=utf-8', INTRUDER], '/poser.html': ['text/html; charset=utf-8', POSER] },
  });
  // The app's host lists the example portal, and not the third origin.
  env = await start({ '/portals.json': listing([portal.url]) });
});
after(async () => {
  await env?.close();
  await portal?.close();
  await intruder?.close();
});

const app = () => `${env.url('/')}`;
const host = (server) => server.url.replace('http://', '');
/** The frame of the widget (found by its origin: the element's is in a closed shadow root). */
function widgetFrame(page) {
  return page.frames().find((f) => f.url().startsWith(env.server.url));
}
/** The frame from `server`'s origin, once it is there. */
async function frameFrom(page, server) {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(server.url));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame from ${server.url}`);
}
async function received(page, type) {
  await page.waitForFunction((t) => window.received.some((m) => (m.type ?? m.event) === t), type);
  return page.evaluate((t) => window.received.filter((m) => (m.type ?? m.event) === t), type);
}

test('a portal on another origin hears ready, the height and the completed check-in, and nothing more', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  const [hello] = await received(page, 'ugeblik:ready');
  assert.deepEqual(hello, { type: 'ugeblik:ready', version: 1, lang: 'da' });
  const frame = page.frameLocator('iframe[title="Ugeblik – ugens spørgsmål"]');
  await frame.getByRole('heading', { level: 2 }).waitFor();
  // The provider's name from the address, as text.
  await frame.getByText('Eksempel Kommune', { exact: true }).waitFor();
  await expectNoAxeViolations(page, 'the iframe example page');

  // The height: posted, applied by the host, and the widget needs no scrollbar.
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ugeblik:height'));
  const widget = widgetFrame(page);
  const fits = async () => {
    const { scroll, inner } = await widget.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      inner: window.innerHeight,
    }));
    return scroll <= inner;
  };
  await page.waitForFunction(async () => true);
  for (let i = 0; i < 20 && !(await fits()); i++) await page.waitForTimeout(100);
  assert.ok(await fits(), 'the iframe is as tall as the widget: no scrollbar');

  await checkIn(widget);
  const [done] = await received(page, 'ugeblik:checkin-completed');
  assert.equal(done.version, 1);
  assert.match(done.week, /^\d{4}-W\d{2}$/);
  assert.deepEqual(done.instruments, ['who5', 'chime5', 'jobready7']);
  assert.equal(done.who5Percent, 80);
  assert.deepEqual(Object.keys(done).sort(), ['instruments', 'type', 'version', 'week', 'who5Percent']);
  // Nothing but the protocol's messages, and never the answers, unasked.
  const types = await page.evaluate(() => [...new Set(window.received.map((m) => m.type))].sort());
  assert.deepEqual(types, ['ugeblik:checkin-completed', 'ugeblik:height', 'ugeblik:ready']);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a third origin cannot drive the widget; the portal asks, and the file goes only when the citizen confirms', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  await received(page, 'ugeblik:ready');
  const widget = widgetFrame(page);
  await checkIn(widget);
  await widget.getByRole('button', { name: 'Til forsiden' }).click();
  await widget.getByRole('button', { name: 'Start ugens spørgsmål' }).or(widget.getByRole('button', { name: 'Ret ugens svar' })).waitFor();

  // A sibling frame from a third origin posts the host's requests to the widget.
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Intruder';
    document.body.append(frame);
    return new Promise((ok) => frame.addEventListener('load', ok));
  }, `${intruder.url}/intruder.html`);
  const evil = page.frames().find((f) => f.url().startsWith(intruder.url));
  const before = await page.evaluate(() => window.received.length);
  await evil.evaluate(() => attack());
  await page.waitForTimeout(500);
  assert.equal(await widget.getByRole('heading', { name: 'Tidligere uger' }).count(), 0, 'the third origin changed nothing');
  assert.equal(await page.evaluate(() => window.received.length), before, 'no answer to the third origin’s request either');
  assert.deepEqual(await evil.evaluate(() => window.got), [], 'the widget posted nothing to the third origin');

  // Even from the portal's own origin, messages not shaped as the protocol says do nothing.
  await page.evaluate((origin) => {
    const widget = document.getElementById('ugeblik').contentWindow;
    const junk = [
      'ugeblik:request-export',
      null,
      42,
      ['ugeblik:request-export', 1],
      { type: 'ugeblik:request-export' },
      { type: 'ugeblik:request-export', version: '1' },
      { type: 'ugeblik:request-export', version: 2 },
      { type: 'ugeblik:export', version: 1, json: '{}' },
      { type: '<img src=x onerror=alert(1)>', version: 1 },
      { type: 'ugeblik:request-export'.repeat(10000), version: 1 },
    ];
    for (const message of junk) widget.postMessage(message, origin);
  }, env.server.url);
  await page.waitForTimeout(300);
  assert.equal(await widget.getByRole('heading', { name: 'Tidligere uger' }).count(), 0, 'malformed requests changed nothing');

  // The portal asks: the widget shows where the citizen may send, and sends nothing yet.
  await page.getByRole('button', { name: 'Bed om borgerens svar' }).click();
  await widget.getByRole('heading', { name: 'Tidligere uger' }).waitFor();
  await drawn(widget);
  await widget.getByRole('button', { name: 'Send mine svar til Eksempel Kommune' }).click();
  await widget.getByText(/Du er ved at sende alle dine svar \(1 uge,/).waitFor();
  await expectNoAxeViolations(widget, 'the confirmation to send');
  await widget.getByRole('button', { name: 'Fortryd' }).click();
  await widget.getByRole('button', { name: 'Send mine svar til Eksempel Kommune' }).click();
  assert.equal((await page.evaluate(() => window.received)).filter((m) => m.type === 'ugeblik:export').length, 0);
  await widget.getByRole('button', { name: 'Ja, send mine svar' }).click();
  const [sent] = await received(page, 'ugeblik:export');
  assert.equal(sent.format, 'ugeblik-export');
  const file = JSON.parse(sent.json);
  assert.equal(file.format, 'ugeblik-export');
  assert.equal(file.responses.length, 3);
  await widget.getByText('Dine svar er sendt.').waitFor();
  assert.deepEqual(await evil.evaluate(() => window.got), [], 'the file went to the portal only');

  // In the middle of a check-in the portal's request waits: the citizen is not taken away.
  await widget.getByRole('button', { name: 'Denne uge' }).click();
  await widget.getByRole('button', { name: 'Ret ugens svar' }).click();
  await widget.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Bed om borgerens svar' }).click();
  await page.waitForTimeout(300);
  assert.ok(await widget.getByText('Spørgsmål 1 af 19', { exact: true }).isVisible(), 'still on the question');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a widget told to trust another origin posts nothing to the page that embeds it', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  await received(page, 'ugeblik:ready');
  // The same portal page, with the widget told its parent is the third origin.
  await page.evaluate(({ app, wrong }) => {
    window.received.length = 0;
    const frame = document.getElementById('ugeblik');
    frame.src = `${app}?parentOrigin=${encodeURIComponent(wrong)}&lang=en`;
  }, { app: app(), wrong: intruder.url });
  const widget = page.frameLocator('#ugeblik');
  await widget.getByRole('button', { name: "Start this week's questions" }).or(widget.getByRole('heading', { level: 2 })).first().waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing posted to an origin not configured');
  await context.close();
});

test('a page the host does not list, posing as the job centre, hears nothing at all unless the citizen agrees', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  await page.goto(`${intruder.url}/poser.html?app=${encodeURIComponent(app())}`);
  const widget = await frameFrom(page, env.server);
  await ready(widget);
  // The citizen is asked, in plain words: the page's real host, and apart from it the
  // name it gives itself.
  const where = `Jobcenter Aarhus på siden ${host(intruder)}`;
  const question = widget.getByRole('group', { name: `${where} vil have besked, når du har svaret`, exact: false });
  await question.waitFor();
  await question.getByText('Siden er ikke på listen over sider, Ugeblik taler med.', { exact: false }).waitFor();
  await expectNoAxeViolations(widget, 'the start page with the question about the portal');

  // Not answered: a whole check-in, and the page asks for the file. It hears nothing.
  await checkIn(widget);
  await widget.getByRole('button', { name: 'Til forsiden' }).click();
  await page.evaluate(() => window.ask());
  await page.waitForTimeout(500);
  assert.equal(await widget.getByRole('heading', { name: 'Tidligere uger' }).count(), 0, 'the page cannot open the send screen');
  assert.deepEqual(await page.evaluate(() => window.received), [], 'not ready, not the height, not the check-in');
  // The send-to-portal button is not offered to it either.
  await widget.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(widget);
  assert.equal(await widget.getByRole('button', { name: /^Send mine svar til/ }).count(), 0);

  // "No": remembered for that origin; the page still hears nothing, and is not asked about again.
  await widget.getByRole('button', { name: 'Denne uge' }).click();
  await question.getByRole('button', { name: 'Nej, ingen besked' }).click();
  await question.waitFor({ state: 'detached' });
  const settings = JSON.parse(await storageValue(widget, 'ugeblik.v1.settings'));
  assert.deepEqual(settings.portals, { [intruder.url]: false });
  await page.reload();
  const again = await frameFrom(page, env.server);
  await ready(again);
  await again.getByText('Du har svaret for denne uge. Tak!').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await again.getByRole('group', { name: /vil have besked/ }).count(), 0, 'not asked again');
  assert.deepEqual(await page.evaluate(() => window.received), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the citizen agrees for a page not listed: it hears from then on, and every confirmation names its host', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  await page.goto(`${intruder.url}/poser.html?app=${encodeURIComponent(app())}`);
  const widget = await frameFrom(page, env.server);
  await ready(widget);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'nothing before the citizen answers');
  await widget.getByRole('button', { name: `Ja, ${host(intruder)} må få besked` }).click();
  const [hello] = await received(page, 'ugeblik:ready');
  assert.deepEqual(hello, { type: 'ugeblik:ready', version: 1, lang: 'da' });
  await checkIn(widget);
  const [done] = await received(page, 'ugeblik:checkin-completed');
  assert.equal(done.who5Percent, 80);

  // The page asks for the file: the confirmation says where the answers really go.
  await widget.getByRole('button', { name: 'Til forsiden' }).click();
  await page.evaluate(() => window.ask());
  await widget.getByRole('heading', { name: 'Tidligere uger' }).waitFor();
  await drawn(widget);
  const where = `Jobcenter Aarhus på siden ${host(intruder)}`;
  await widget.getByRole('button', { name: `Send mine svar til ${where}`, exact: true }).click();
  await widget.getByText(new RegExp(`til ${where.replaceAll('.', '\\.')}\\. De forlader telefonen`)).waitFor();
  await widget.getByRole('button', { name: 'Ja, send mine svar' }).click();
  const [sent] = await received(page, 'ugeblik:export');
  assert.equal(JSON.parse(sent.json).responses.length, 3);

  // Remembered: after a reload the page hears `ready` without asking again.
  await page.reload();
  await received(page, 'ugeblik:ready');
  const again = await frameFrom(page, env.server);
  await ready(again);
  assert.equal(await again.getByRole('group', { name: /vil have besked/ }).count(), 0);
  assert.deepEqual(JSON.parse(await storageValue(again, 'ugeblik.v1.settings')).portals, { [intruder.url]: true });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe over the portal’s page and the widget inside it together: no violation', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
  // The example portal (listed): its own banner and main beside the widget's.
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  await received(page, 'ugeblik:ready');
  await ready(widgetFrame(page));
  await expectNoAxeViolationsTogether(page, 'the iframe example page with the widget');
  // A page not listed, with the question to the citizen shown.
  await page.goto(`${intruder.url}/poser.html?app=${encodeURIComponent(app())}`);
  const widget = await frameFrom(page, env.server);
  await widget.getByRole('button', { name: 'Nej, ingen besked' }).waitFor();
  await expectNoAxeViolationsTogether(page, 'a page not listed, with the question');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('frame-ancestors from the same list: scripts/serve.mjs’s header lets the listed portal frame the app, and no other page', async () => {
  // The header scripts/serve.mjs sends, for a list that lets no other page ask.
  const policy = headerPolicy(readPortals(JSON.stringify({ origins: [portal.url], askCitizen: false })), readFileSync(`${DIST}index.html`, 'utf8'));
  assert.match(policy, new RegExp(`;frame-ancestors 'self' ${portal.url}$`));
  const strict = await serve(DIST, { headers: { 'Content-Security-Policy': policy }, extra: { '/portals.json': listing([portal.url], false) } });
  try {
    const { context, page } = await newPage(env.browser, { width: 900, height: 900 });
    await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(`${strict.url}/`)}`);
    await received(page, 'ugeblik:ready');
    await page.goto(`${intruder.url}/poser.html?app=${encodeURIComponent(`${strict.url}/`)}`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f.url().startsWith(strict.url));
    assert.equal(framed ? await framed.getByRole('main').count() : 0, 0, 'the app did not open in the other page');
    assert.ok(page.errors.some((e) => /frame-ancestors/.test(e)), `the browser refused the frame: ${page.errors}`);
    await context.close();
  } finally {
    await strict.close();
  }
});

test('the element from a host that sends no CORS headers appears and works', async () => {
  // A plain static host: no Access-Control-Allow-Origin on anything it serves.
  const bare = await serve(DIST, { cors: false, extra: { '/portals.json': listing([portal.url]) } });
  try {
    const response = await fetch(`${bare.url}/embed.js`);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const { context, page } = await newPage(env.browser, { width: 900, height: 1000 });
    await page.goto(`${portal.url}/element-host.html?app=${encodeURIComponent(`${bare.url}/`)}`);
    const [hello] = await received(page, 'ugeblik-ready');
    assert.equal(hello.detail.lang, 'da');
    const widget = await frameFrom(page, bare);
    await ready(widget);
    const box = await page.locator('ugeblik-widget').boundingBox();
    assert.ok(box.width > 600 && box.height > 300, `the widget is ${box.width}×${box.height}`);
    await checkIn(widget, 13);
    const [done] = await received(page, 'ugeblik-checkin-completed');
    assert.deepEqual(done.detail.instruments, ['who5', 'jobready7']);
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    await bare.close();
  }
});

test('the element: the portal’s CSS does not reach the widget, the widget does not restyle the portal, the theme applies', async () => {
  const { context, page } = await newPage(env.browser, { width: 900, height: 1000 });
  const url = `${portal.url}/element-host.html?app=${encodeURIComponent(app())}`;
  // The portal's own button, as styled before any widget exists (the page without it).
  await page.route('**/embed.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "customElements.define('ugeblik-widget', class extends HTMLElement { static mount() { return new EventTarget(); } });",
    }),
  );
  await page.goto(url);
  const style = (selector) =>
    page.locator(selector).evaluate((el) => {
      const s = getComputedStyle(el);
      return [s.fontFamily, s.fontSize, s.borderTopStyle, s.backgroundColor, s.color, s.lineHeight, s.padding].join('|');
    });
  const hostButton = await style('#host-button');
  const hostText = await style('main > p:first-of-type');
  await page.unroute('**/embed.js');
  await page.goto(url);
  const [ready_] = await received(page, 'ugeblik-ready');
  assert.equal(ready_.detail.type, 'ugeblik:ready');
  const widget = widgetFrame(page);
  await ready(widget);
  assert.equal(await style('#host-button'), hostButton, 'the widget restyled the portal’s button');
  assert.equal(await style('main > p:first-of-type'), hostText, 'the widget restyled the portal’s text');

  // Inside: the widget's own styles and the documented theme, none of the portal's.
  const start = widget.getByRole('button', { name: 'Start ugens spørgsmål' });
  const inside = await start.evaluate((b) => {
    const s = getComputedStyle(b);
    return { font: s.fontFamily, border: s.borderTopStyle, background: s.backgroundColor, radius: s.borderTopLeftRadius, height: b.getBoundingClientRect().height };
  });
  assert.match(inside.font, /^Verdana/, 'the theme’s font, not the portal’s');
  assert.notEqual(inside.border, 'dashed');
  assert.equal(inside.background, 'rgb(0, 90, 48)', 'the theme’s accent');
  assert.equal(inside.radius, '4px', 'the theme’s radius');
  assert.ok(inside.height >= 44);
  // The portal's `iframe { width: 40px !important }` does not shrink the widget.
  const box = await page.locator('ugeblik-widget').boundingBox();
  assert.ok(box.width > 600 && box.height > 300, `the widget is ${box.width}×${box.height}`);
  await widget.getByText('Jobforløb Nord', { exact: true }).waitFor();
  await expectNoAxeViolations(page, 'the element example page');
  await expectNoAxeViolations(widget, 'the widget in the element');

  // The portal chose two instruments: five WHO-5 and eight job-readiness questions.
  await checkIn(widget, 13);
  const [done] = await received(page, 'ugeblik-checkin-completed');
  assert.deepEqual(done.detail.instruments, ['who5', 'jobready7']);
  assert.equal(done.detail.who5Percent, 80);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('settings the widget does not understand are explained, and the defaults are used', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.url('/?instruments=who5,phq9&who5=monthly&theme-accent=url(https://evil.example/x)&parentOrigin=*&lang=xx'));
  await ready(page);
  for (const name of ['instruments', 'who5', 'theme-accent', 'parentOrigin', 'lang']) {
    await page.getByText(new RegExp(`Indstillingen „${name}“ i adressen forstås ikke`)).waitFor();
  }
  // The defaults: Danish, every instrument, the default accent.
  assert.equal(await page.locator('html').getAttribute('lang'), 'da');
  const accent = await page.getByRole('button', { name: 'Start ugens spørgsmål' }).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(11, 92, 173)');
  await expectNoAxeViolations(page, 'the start page with the settings explained');
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the WHO-5 every second week: asked, then not the week after', async () => {
  const { context, page } = await newPage(env.browser);
  await page.clock.install({ time: new Date('2026-11-18T10:00:00') });
  await page.goto(env.url('/?who5=fortnightly'));
  await ready(page);
  await checkIn(page, 18);
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00'));
  await page.reload();
  await ready(page);
  await checkIn(page, 13);
  await page.clock.setFixedTime(new Date('2026-12-02T10:00:00'));
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  await page.getByText('Spørgsmål 1 af 19', { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** The portal's part of the page (src/page/portal.rs): fetched only when the widget is
 *  framed with a parentOrigin. */
const PORTAL_PART = /\/ugeblik-split-[0-9a-f]{16}-split_ugeblik_portal\.wasm$/;

test('while the widget fetches its portal code, a request is not heeded (not trusted yet); the first after ready is', async () => {
  // No service worker: it would fetch the part itself, where the route cannot reach.
  const context = await env.browser.newContext({ viewport: { width: 900, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The portal's part arrives two seconds late.
  let fetched = 0;
  await page.route(PORTAL_PART, async (route) => {
    fetched++;
    await new Promise((done) => setTimeout(done, 2000));
    await route.continue();
  });
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  const widget = await frameFrom(page, env.server);
  await widget.getByRole('button', { name: 'Start ugens spørgsmål' }).waitFor();
  // The portal asks before the widget said ready: its origin is not trusted yet, so the
  // request is ignored, as the protocol says, and nothing is posted yet.
  await page.getByRole('button', { name: 'Bed om borgerens svar' }).click();
  assert.equal(await page.evaluate(() => window.received.length), 0, 'nothing posted before the part is there');
  const [hello] = await received(page, 'ugeblik:ready');
  assert.deepEqual(hello, { type: 'ugeblik:ready', version: 1, lang: 'da' });
  assert.equal(fetched, 1, 'the portal part was fetched once');
  assert.equal(await widget.getByRole('heading', { name: 'Tidligere uger' }).count(), 0, 'the early request changed nothing');
  // Once ready, the widget listens: the portal's request is heeded at once.
  await page.getByRole('button', { name: 'Bed om borgerens svar' }).click();
  await widget.getByRole('heading', { name: 'Tidligere uger' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a widget not framed fetches no portal code; a framed one that cannot fetch it says so, posts nothing and works on', async () => {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const parts = [];
  page.on('request', (request) => {
    if (PORTAL_PART.test(request.url())) parts.push(request.url());
  });
  await page.goto(app());
  await ready(page);
  await page.waitForTimeout(300);
  assert.deepEqual(parts, [], 'the app on its own fetches no portal code');

  await page.route(PORTAL_PART, (route) => route.abort('internetdisconnected'));
  await page.goto(`${portal.url}/iframe-host.html?app=${encodeURIComponent(app())}`);
  const widget = await frameFrom(page, env.server);
  await widget
    .getByRole('status')
    .getByText('Ugeblik kan ikke tale med siden, det er vist på, før telefonen er på nettet.', { exact: false })
    .waitFor();
  assert.equal(parts.length, 1, 'the framed widget asked for its portal code');
  // The check-in, which needs no portal, still works; the portal hears nothing at all.
  await checkIn(widget);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.received), [], 'no message without the portal code');
  await context.close();
});
