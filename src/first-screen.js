// The first screen, before the app's wasm has arrived (issue 22). On a first visit the app
// opens on its start page; on an old phone over mobile data its wasm takes a second or
// more to arrive, and until now nothing was painted. scripts/prerender.mjs takes the start
// page and the first question from the release build itself, as the app renders them for a
// first visit, into two <template>s in index.html, and puts this script after them
// (inline, allowed by its hash in the Content-Security-Policy, scripts/csp.mjs); `TEXTS`
// is the app's own Danish week number and date patterns, read from src/i18n/mod.rs.
//
// Shown only where the app would open on exactly that page: nothing of the app's in this
// browser's storage (no check-in begun, no lock, no language chosen), nothing asked in the
// address (a language, the demo, the viewer, a portal) and not in a frame (a portal's).
// Otherwise nothing is shown and the app starts as before.
//
// The screen takes taps: "Start" shows the first question at once, an answer is checked,
// the quick exit leaves at once, the rest (a menu, the language, the easy-read choice)
// wait. When the app mounts, it is kept hidden while each tap is given to it in order, on
// the same control, then it takes the screen's place, with the focus where it was. A
// control that is no longer where the tap was (the app went elsewhere) ends the replay: no
// tap lands on something else. An answer chosen by an arrow key is given as the app's
// arrow keys give it (chosen, staying on the question; src/page/answers.rs), a tap as a
// tap (chosen, going on).
//
// If the app cannot be fetched (the network drops while it loads), the screen says so,
// with a button that tries again.
(() => {
  const d = document;
  const script = d.currentScript;
  const [first, next] = ['ugb-first', 'ugb-next'].map((id) => d.getElementById(id));
  // Once shown and handed over, or not to be shown: the screens and this script go.
  const done = () => {
    removeEventListener('unhandledrejection', failed);
    removeEventListener('error', failed, true);
    [first, next, script].forEach((element) => element.remove());
  };
  try {
    if (location.search || parent !== window || Object.keys(localStorage).some((key) => key.startsWith('ugeblik.'))) return done();
  } catch {
    // Storage that cannot be read: the app says so, on a screen of its own.
    return done();
  }

  // This week as the app says it (src/i18n/mod.rs: week_label, week_dates; ISO weeks).
  const TEXTS = /* TEXTS */ {};
  const fill = (pattern, values) => pattern.replace(/\{(\w+)\}/g, (_, name) => values[name]);
  const now = new Date();
  const day = (offset) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) + offset);
  const [monday, thursday, sunday] = [day(0), day(3), day(6)];
  const week = 1 + Math.floor(Math.round((thursday - new Date(thursday.getFullYear(), 0, 1)) / 864e5) / 7);
  const month = (date) => TEXTS.months.split('|')[date.getMonth()];
  const span =
    monday.getFullYear() !== sunday.getFullYear() ? TEXTS.spanYears : monday.getMonth() !== sunday.getMonth() ? TEXTS.spanMonths : TEXTS.span;
  const label = fill(TEXTS.week, { week });
  const dates = fill(span, {
    from: monday.getDate(),
    to: sunday.getDate(),
    month: month(sunday),
    fromMonth: month(monday),
    toMonth: month(sunday),
    year: sunday.getFullYear(),
    fromYear: monday.getFullYear(),
    toYear: sunday.getFullYear(),
  });

  let shown, notice;
  const show = (template) => {
    const app = template.content.firstElementChild.cloneNode(true);
    for (const element of app.querySelectorAll('[data-ugb-week]')) element.textContent = label;
    for (const element of app.querySelectorAll('[data-ugb-dates]')) element.textContent = dates;
    shown ? shown.replaceWith(app) : script.after(app);
    shown = app;
    // A failure said stays said on the next screen.
    if (notice) app.querySelector('main').prepend(notice);
  };
  show(first);

  // The app's loader failed: its module could not be fetched (an error on its <script>) or
  // the wasm could not (the start's promise rejected; nothing else runs before the app).
  function failed(event) {
    if (event.type === 'error' && !(event.target instanceof HTMLScriptElement)) return;
    notice?.remove();
    notice = d.createElement('div');
    notice.className = 'ugb-notice';
    notice.setAttribute('role', 'alert');
    const [text, again] = [d.createElement('p'), d.createElement('button')];
    text.textContent = TEXTS.failed;
    again.type = 'button';
    again.className = 'ugb-secondary';
    again.textContent = TEXTS.again;
    again.onclick = () => location.reload();
    notice.append(text, again);
    shown.querySelector('main').prepend(notice);
    again.focus();
  }
  addEventListener('unhandledrejection', failed);
  addEventListener('error', failed, true);

  // A control, found again in the app by where it is under the app's root and what it is.
  const path = (element) => {
    const steps = [];
    for (; element !== shown; element = element.parentElement) steps.unshift([...element.parentElement.children].indexOf(element));
    return steps;
  };
  const at = (root, steps) => steps.reduce((element, step) => element?.children[step], root);
  const what = (element) => [element.tagName, element.type, element.name, element.value, element.textContent].join('|');

  const taps = [];
  // An arrow key's click on a radio button (it has no count, `detail`, a tap's has one).
  let arrowed = false;
  d.addEventListener('keydown', (event) => (arrowed = event.key.startsWith('Arrow')), true);
  d.addEventListener(
    'click',
    (event) => {
      // A tap on an answer's words clicks its radio button too: that click is the one kept.
      const control = event.target.closest?.('button, input, summary');
      const arrow = arrowed && event.detail === 0;
      arrowed = false;
      if (!control || !shown?.contains(control)) return;
      // The quick exit does not wait for the app: as the app's (src/page/safety.rs), the
      // page blanked and replaced in the tab's history.
      if (control.hasAttribute('data-ugb-exit')) {
        d.body.replaceChildren();
        d.title = '';
        return location.replace('about:blank');
      }
      // Another answer to the same question replaces the one before.
      while (control.type === 'radio' && taps.at(-1)?.radio === control.name) taps.pop();
      taps.push({ steps: path(control), what: what(control), radio: control.type === 'radio' && control.name, arrow });
      if (control.hasAttribute('data-ugb-next')) {
        show(next);
        // As the app does on a new screen: its heading has the focus.
        shown.querySelector('main h2')?.focus();
      }
    },
    true,
  );

  new MutationObserver(async (_, observer) => {
    const app = [...d.body.children].find((element) => element.classList.contains('ugb-app') && !element.hasAttribute('data-ugb-first'));
    if (!app) return;
    observer.disconnect();
    const focused = shown.contains(d.activeElement) && { steps: path(d.activeElement), what: what(d.activeElement) };
    // Only the app's elements answer to its ids from now on.
    for (const element of shown.querySelectorAll('[id]')) element.removeAttribute('id');
    app.style.display = 'none';
    for (const tap of taps) {
      const control = at(app, tap.steps);
      if (!control || what(control) !== tap.what) break;
      // The app tells an arrow key's choice by the key before the click.
      if (tap.arrow) control.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      control.click();
      // The app's effects run before the next tap.
      await new Promise((done) => setTimeout(done));
    }
    const heading = (root) => root.querySelector('main h2');
    const moved = heading(app)?.textContent !== heading(shown)?.textContent;
    shown.remove();
    done();
    app.style.display = '';
    // Unless the app has moved the focus itself: on the same screen, where it was; on
    // another, its heading, as the app does on a new screen (which it cannot while hidden).
    requestAnimationFrame(() => {
      if (d.activeElement !== d.body) return;
      const control = moved ? heading(app) : focused && at(app, focused.steps);
      if (control && (moved || what(control) === focused.what)) control.focus();
    });
  }).observe(d.body, { childList: true });
})();
