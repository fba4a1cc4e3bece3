// The Content-Security-Policy of the built app (scripts/csp.mjs) in real Chromium: in
// force from the page's own <meta> alone (what a static host serves), it refuses inline
// script, inline handlers and style, eval, javascript: addresses and every other origin;
// scripts/serve.mjs sends the same policy as a header. Over a whole session (goals, a
// check-in, progress, past weeks, every export, an import, the consultant's viewer) no
// violation happens and nothing is requested from another origin, and while the
// check-in is answered nothing is requested at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { serve } from './server.mjs';
import { pagePolicy, headerPolicy, readPortals } from '../../scripts/csp.mjs';
import { start, newPage, ready, drawn, redrawn, until, menu } from './helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
// A script of the app's own origin (allowed) that tries what the policy forbids in script.
const PROBE = `window.__probe = 1;
try { eval('window.__eval = 1'); } catch {}
try { new Function('window.__function = 1')(); } catch {}
setTimeout('window.__timeout = 1', 0);`;

let env;
let foreign;
before(async () => {
  env = await start({ '/probe.js': ['text/javascript; charset=utf-8', PROBE] });
  // Another origin (another port): it must never hear from the app.
  foreign = await serve(EXAMPLES);
});
after(async () => {
  await env?.close();
  await foreign?.close();
});

/** Records every policy violation in every document of `context`, from before any of
 *  the page's own scripts runs. */
async function violations(context) {
  const seen = [];
  await context.exposeBinding('__cspViolation', (_source, v) => seen.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, page: location.href }),
    );
  });
  return seen;
}

test('the page’s own <meta> sets the policy, and it refuses inline script and style, eval and other origins', async () => {
  // The file: the policy first in <head>, before anything it governs; no inline script.
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const metas = [...html.matchAll(/<meta content="([^"]*)" http-equiv=Content-Security-Policy>/g)];
  assert.equal(metas.length, 1, 'one policy in dist/index.html');
  assert.equal(metas[0][1], pagePolicy(html));
  assert.ok(metas[0].index < html.search(/<(link|script|style)\b/), 'the policy comes before any script or stylesheet');
  // One inline script, the first screen's (scripts/prerender.mjs), allowed by its hash alone.
  const inline = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !/\bsrc=/.test(tag));
  assert.deepEqual(inline, ['<script id=ugb-first-screen>']);
  assert.match(metas[0][1], /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
  // One <style>, the page's stylesheet, allowed by its hash alone.
  assert.deepEqual(html.match(/<style\b[^>]*>/g), ['<style id=ugb-style>']);
  assert.match(metas[0][1], /style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);

  const { context, page } = await newPage(env.browser);
  const seen = await violations(context);
  const response = await page.goto(env.url('/'));
  assert.equal(response.headers()['content-security-policy'], undefined, 'this server sends no policy: the <meta> alone is tested');
  await ready(page);
  assert.deepEqual(seen, [], 'the app itself runs under the policy');

  const outcome = await page.evaluate(async ({ foreign }) => {
    const done = [];
    const settled = (element, event = 'error') => new Promise((ok) => element.addEventListener(event, ok, { once: true }));
    // An inline script and an inline handler, as markup would bring them.
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.head.append(script);
    document.body.insertAdjacentHTML('beforeend', '<img id="probe-img" src="nothing-here.png" onerror="window.__handler = 1">');
    done.push(settled(document.getElementById('probe-img')));
    // A javascript: address followed.
    const link = document.createElement('a');
    link.href = 'javascript:window.__javascript = 1';
    document.body.append(link);
    link.click();
    // Inline style: an attribute and an element.
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(styled);
    const sheet = document.createElement('style');
    sheet.textContent = 'body { background: rgb(255, 0, 0) }';
    document.head.append(sheet);
    // A script of the app's own origin runs, but its eval does not.
    const own = document.createElement('script');
    own.src = './probe.js';
    done.push(settled(own, 'load'));
    document.head.append(own);
    // Other origins: a request, an image, a script, a stylesheet.
    const fetched = fetch(`${foreign}/from-fetch`).then(() => 'answered', () => 'refused');
    const image = new Image();
    done.push(settled(image));
    image.src = `${foreign}/from-img.png`;
    const remote = document.createElement('script');
    remote.src = `${foreign}/from-script.js`;
    done.push(settled(remote));
    document.head.append(remote);
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${foreign}/from-link.css`;
    done.push(settled(css));
    document.head.append(css);
    await Promise.all(done);
    await new Promise((ok) => setTimeout(ok, 0)); // the string timer, had it been allowed
    return {
      flags: ['__inline', '__handler', '__javascript', '__eval', '__function', '__timeout'].filter((f) => f in window),
      probe: window.__probe,
      fetched: await fetched,
      color: getComputedStyle(styled).color,
      background: getComputedStyle(document.body).backgroundColor,
    };
  }, { foreign: foreign.url });
  assert.deepEqual(outcome.flags, [], 'nothing forbidden ran');
  assert.equal(outcome.probe, 1, 'a script of the app’s own origin runs');
  assert.equal(outcome.fetched, 'refused');
  assert.notEqual(outcome.color, 'rgb(255, 0, 0)', 'an inline style attribute is refused');
  assert.notEqual(outcome.background, 'rgb(255, 0, 0)', 'an inline <style> is refused');
  assert.deepEqual(foreign.requests, [], 'the other origin heard nothing');
  // Each refusal is reported (the events arrive on their own time).
  const expected = ['script-src-elem', 'script-src-attr', 'style-src-attr', 'style-src-elem', 'script-src', 'connect-src', 'img-src'];
  const missing = () => expected.filter((directive) => !seen.some((v) => v.directive === directive));
  for (const end = Date.now() + 5000; missing().length && Date.now() < end; ) await new Promise((ok) => setTimeout(ok, 50));
  assert.deepEqual(missing(), [], `violations reported: ${JSON.stringify(seen)}`);
  assert.ok(seen.some((v) => v.directive === 'script-src' && v.blocked === 'eval'), 'eval is refused');
  await context.close();
});

/** Starts scripts/serve.mjs on a free port; resolves to its address and a stop function. */
function serveScript() {
  const child = spawn(process.execPath, [new URL('../../scripts/serve.mjs', import.meta.url).pathname, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`scripts/serve.mjs ended (${code}): ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /served on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (url) ok({ url, stop: () => child.kill() });
    });
  });
}

/** Answers a whole check-in in Danish: every question, the week's work, the goal step
 *  with a note, and the week's note. */
async function fullCheckIn(page) {
  await page.getByRole('button', { name: 'Start ugens spørgsmål' }).click();
  for (let n = 1; n <= 18; n++) {
    await page.getByText(`Spørgsmål ${n} af 20`, { exact: true }).waitFor();
    const who5 = page.getByRole('radio', { name: 'Det meste af tiden', exact: true });
    const hours = page.getByRole('radio', { name: '15', exact: true });
    if (await who5.count()) await who5.click();
    else if (await hours.count()) await hours.click();
    else await page.getByRole('radio', { name: '7', exact: true }).click();
  }
  await page.getByRole('heading', { name: 'Din uge i praktik eller job' }).waitFor();
  await page.getByLabel('Timer planlagt i denne uge').fill('10');
  await page.getByLabel('Timer du arbejdede').fill('7,5');
  await page.getByLabel('Dage planlagt (0–7)').fill('3');
  await page.getByLabel('Dage du mødte op (0–7)').fill('3');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByRole('heading', { name: 'Møde til tiden' }).waitFor();
  await page.getByRole('group', { name: 'Holdt du dig til det i denne uge?' }).getByRole('radio', { name: 'Ja', exact: true }).click();
  await page.getByLabel('Note (frivilligt)').fill('Sent mandag');
  await page.getByRole('button', { name: 'Næste' }).click();
  await page.getByLabel('Note (frivillig)').fill('En god uge');
  await page.getByRole('button', { name: 'Gem svarene' }).click();
  await page.getByRole('heading', { name: 'Tak! Dine svar er gemt.' }).waitFor();
}

/** Clicks `name` and returns the text of the file it downloads. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await file.path(), 'utf8');
}

for (const [how, server] of [
  ['the <meta> alone', async () => ({ url: env.server.url, log: env.server.requests, stop() {} })],
  ['scripts/serve.mjs, the policy also as a header', serveScript],
]) {
  test(`a whole session, ${how}: no violation, no other origin, and nothing requested while the check-in is answered`, async () => {
    const app = await server();
    try {
      await session(app, how.startsWith('scripts'));
    } finally {
      app.stop();
    }
  });
}

/** The session of the test above, on the app served at `app.url`. */
async function session(app, header) {
  const { context, page } = await newPage(env.browser);
  const seen = await violations(context);
  const requests = [];
  context.on('request', (request) => requests.push(request));
  const response = await page.goto(`${app.url}/`);
  // The header: the same policy, and frame-ancestors from the portals list beside the page.
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  const sent = headerPolicy(readPortals(readFileSync(`${DIST}portals.json`, 'utf8')), html);
  assert.ok(sent.startsWith(`${pagePolicy(html)};frame-ancestors 'self'`), sent);
  assert.equal(response.headers()['content-security-policy'], header ? sent : undefined);
  if (header) {
    // The header reaches what the <meta> cannot: the chart worker and the service worker.
    // (The chart worker's loader: the name the page gives it, with a hash of its content.)
    const loader = /name=["']?ugeblik-charts["']? content=["']?\.\/([^"' >]+)/.exec(readFileSync(`${DIST}index.html`, 'utf8'))[1];
    for (const file of [loader, 'sw.js']) {
      assert.equal((await fetch(`${app.url}/${file}`)).headers.get('content-security-policy'), sent, file);
    }
  }
  await ready(page);
  // The service worker has kept the first load's files: nothing of it is still loading.
  await until(page, async () => !!navigator.serviceWorker.controller && (await caches.keys()).some((k) => k.startsWith('ugeblik-')));

  // A goal and a milestone, in a session with the consultant.
  await page.getByRole('button', { name: 'Mål', exact: true }).click();
  await drawn(page);
  await page.getByLabel('Hvad vil du gøre?').fill('Møde til tiden');
  await redrawn(page, () => page.getByRole('button', { name: 'Tilføj målet' }).click());
  await page.getByRole('heading', { name: 'Møde til tiden', level: 4 }).waitFor();
  await page.getByLabel('Med egne ord (frivilligt, men skal udfyldes ved Andet)').fill('Café Solsiden');
  await redrawn(page, () => page.getByRole('button', { name: 'Tilføj milepælen' }).click());
  await page.getByText('Café Solsiden', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Denne uge' }).click();

  // The service worker has kept the worker's files and every part of the session screens
  // too, in the quiet moment after the load, for offline use (the screens opened so far did
  // not need them all): only then is the check-in's quiet its own.
  const worker = readdirSync(DIST).filter(
    (name) => name.startsWith('charts') || name === 'drawn.css' || /^ugeblik-split-[0-9a-f]{16}-\w+\.wasm$/.test(name),
  );
  await until(page, async (names) => {
    const found = await Promise.all(names.map((name) => caches.match(new URL(name, location.href))));
    return found.every(Boolean);
  }, worker);
  // The check-in, from its start to saved: not one request, to any origin.
  const [before, heard] = [requests.length, app.log?.length];
  await fullCheckIn(page);
  assert.deepEqual(requests.slice(before).map((r) => r.url()), [], 'no request while the check-in was answered');
  if (app.log) assert.deepEqual(app.log.slice(heard), [], 'the server heard nothing while the check-in was answered');

  // Progress, past weeks, every file, an import, about, the consultant's viewer.
  await page.getByRole('button', { name: 'Udvikling' }).click();
  await drawn(page);
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  const file = await download(page, 'Gem fil til din konsulent');
  await download(page, 'Gem som regneark (CSV)');
  await download(page, 'Gem til fagsystem (FHIR)');
  await download(page, 'Føj til min kalender');
  await page.getByLabel('Vælg en fil fra Ugeblik').setInputFiles({ name: 'ugeblik.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Hent svarene' }).click();
  await page.getByText('Svarene fra filen er hentet.').waitFor();

  // The passphrase lock: set, a locked file, locked, and opened again.
  await menu(page, 'Lås og sletning');
  await drawn(page);
  await page.getByLabel('Nyt kodeord (mindst 8 tegn)').fill('et langt kodeord');
  await page.getByLabel('Skriv det nye kodeord igen').fill('et langt kodeord');
  await page.getByRole('button', { name: 'Sæt kodeord' }).click();
  await page.getByText('Kodeordet er sat.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Tidligere uger' }).click();
  await drawn(page);
  await page.getByLabel('Lås filen med mit kodeord').check();
  assert.match(await download(page, 'Gem fil til din konsulent'), /"format":"ugeblik-sealed"/);
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await page.getByRole('heading', { name: 'Ugeblik er låst' }).waitFor();
  await page.getByLabel('Kodeord', { exact: true }).fill('et langt kodeord');
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByText('Du har svaret for denne uge. Tak!').waitFor();
  await menu(page, 'Om Ugeblik');
  await page.getByRole('link', { name: 'Åbn en borgers fil' }).click();
  await page.waitForURL(/\?viewer$/);
  await drawn(page);
  await redrawn(page, () => page.getByLabel('Åbn en borgers fil').setInputFiles({ name: 'sag.json', mimeType: 'application/json', buffer: Buffer.from(file) }));
  await page.locator('#ugb-viewer-summary').waitFor();

  assert.deepEqual(seen, [], 'no policy violation in the whole session');
  // Everything the session asked for came from the app's own origin (data: and blob:
  // addresses are no requests to anyone). The recorder sees the page, the chart worker
  // and the service worker alike.
  const elsewhere = requests.map((r) => r.url()).filter((url) => !url.startsWith(`${app.url}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${app.url}/`));
  assert.deepEqual(elsewhere, [], 'no request to another origin');
  assert.ok(requests.some((r) => r.serviceWorker()), 'the service worker’s requests are recorded too');
  assert.ok(requests.some((r) => /\/charts-[0-9a-f]{16}_bg\.wasm$/.test(r.url())), 'the chart worker’s requests are recorded too');
  assert.deepEqual(foreign.requests, []);
  assert.deepEqual(page.errors, []);
  await context.close();
}
