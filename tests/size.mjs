// Prints the gzipped size of what the browser downloads (dist/): the first load (the
// page, its CSS, the app's wasm and glue) and, apart, what is fetched only later (the
// chart worker, when the progress screen opens). Fails when the first load exceeds the
// budget. Size is deterministic, so this is a test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The one place the first-load budget is kept: 200 KB gzipped, the whole finished app.
 *  It was 150 KB until the passphrase lock and the shared-phone safety came into the first
 *  load, which they must (a locked phone opens on the lock screen): 20.9 KB (149.6 → 170.5
 *  KB, budget 175). Then the languages (issue 6): 170.5 → 185.5 KB. Measured by leaving
 *  parts out: fetching and reading language packs 2.8 KB (the keys' names 1.1 of it),
 *  the easy-read versions of two instruments 1.7 KB, the read-aloud 0.4 KB; the rest is
 *  spread over the new messages in Danish and English, plural blocks and date patterns,
 *  the translation keys of the instruments' texts, the WHO-5's choice of official
 *  version, the pictograms and the read-aloud buttons. The languages themselves cost the
 *  first load nothing: each is a pack fetched only when chosen (listed below).
 *  Then "nothing lost, nothing misleading" (issue 17): 185.9 → 197.0 KB, each part
 *  measured on its own against 185.9: a copy only with evidence, the failed save that
 *  keeps every answer, full storage still read, the viewer's kept file 4.5 KB; the
 *  passphrase change that strands nothing, settings read before written, encrypted
 *  writes only over what they were based on 3.0 KB; portals trusted only when listed or
 *  agreed to, and named 2.7 KB; the drawn screens kept for offline, workers by hash
 *  0.65 KB; worded import refusals 0.1 KB (their texts are in the worker). All of it is
 *  code the page needs before any drawn screen opens (saving, the lock, the portal).
 *  The ceiling is 200 KB (issue 18); lower the budget again when room is made.
 *  Room made for issue 18's components (item 7): 197.0 → 193.3 KB, budget 198 → 195 (the
 *  first load rounded up, plus 1 KB), each step measured on the one before: English a
 *  language pack like Arabic and Ukrainian, only Danish compiled in (its UI texts and
 *  their lookup) 2.9 KB, 197.0 → 194.1 (the English pack, lang/en.json, is 7.8 KB fetched
 *  when English is chosen, and kept by the service worker for offline use; the
 *  instruments' English stays in their catalogue); a week's Monday and Sunday no longer
 *  formatting time's error with Debug on a path never taken 0.1 KB, → 194.0; the page's
 *  allocator talc instead of the standard library's dlmalloc 0.7 KB, → 193.3.
 *  Then the model (issue 23: the citizen's data and its operations moved out of the page's
 *  signals into `src/page/model.rs`, so the host's fault-injection harness drives the same
 *  code): 193.3 → 195.5 KB, mostly the signals taking only what changed (comparing the
 *  history and the check-in) and the sealed store's generic cipher. (Removing the lock
 *  last when deleting everything: a partition, for a stable sort cost 2.0 KB.)
 *  Then the check-in by keyboard (issue 18, item 5): 195.5 → 198.1 KB: the answers as
 *  radio groups whose arrow keys store the choice and stay, a number typed that chooses it,
 *  Enter and Space that choose and go on, the hint that says so, and the read-aloud
 *  buttons moved out of the Tab order between the answers.
 *  Room made for the components and the keyboard's radio group (issue 18, item 7), each
 *  step measured on the one before: the wasm and its glue call each other by short names
 *  instead of wasm-bindgen's names with a 16-digit hash each, written in both files
 *  (scripts/minify.mjs, as emscripten does) 6.6 KB, 195.5 → 188.9 (the wasm 4.1, the
 *  glue 2.6); the exports of wasm-streams' classes (Leptos's server functions, which
 *  Ugeblik has none of) dropped by wasm-opt with the code only they reach (index.html)
 *  1.1 KB, → 187.8; wasm-opt flattening the control flow and rebuilding it with its
 *  relooper, then -Oz twice more (index.html) 1.4 KB, → 186.4 (-Os, -O3, --converge,
 *  --gufa, --merge-similar-functions and a second -Oz alone each gained 0.3 KB or less).
 *  In all 195.5 → 186.4 KB, measured before the keyboard.
 *  Then browser glue that ends with its owner (issue 18, item 4: no forgotten closures):
 *  195.5 -> 196.1 KB (200,210 -> 200,828 bytes), each step measured on the one before: the
 *  app's window listeners and idle timer removed by Leptos's on_cleanup 0.2 KB; the
 *  portal's message listener as Leptos's window_event_listener 0.0 KB; the service
 *  worker's and persist's promises awaited with JsFuture instead of forgotten closures
 *  0.1 KB; the portal's ResizeObserver disconnected on cleanup 0.25 KB (held in a
 *  SendWrapper; in a StoredValue it was 0.5 KB, in a thread_local 0.3 KB); the lock
 *  screen's listeners removed when the passphrase opens the app, as Leptos's window
 *  listeners 0.2 KB; then the read-aloud's error handler owned by its utterance (a
 *  closure handed to the browser, freed when the utterance is, instead of a once-closure
 *  that leaked unless called) -0.2 KB, -> 196.1 KB (200,828 bytes).
 *  Measured and left out, each against 196.3 KB: gloo-events'
 *  EventListener for the lock screen +0.6 KB; gloo-timers' TimeoutFuture for the page's
 *  sleep +0.5 KB (the sleep hands the promise's resolve to setTimeout: no closure at all);
 *  leptos-use 0.20 (default features off): use_event_listener for one listener +3.7 KB,
 *  use_resize_observer +5.3 KB, use_idle with use_event_listener and use_interval_fn
 *  +11.1 KB, use_service_worker +11.0 KB. Leptos's own helpers are in the first load
 *  already.
 *  Then the page's code for the drawn screens out of the first load (issue 18, item 2:
 *  Leptos's code splitting, scripts/split.mjs), with all the above, before the components: 175.8 KB.
 *  Then issue 18's screens as Leptos components with typed handlers, each step measured
 *  on the one before (measured before the keyboard): the header, its menu and the language
 *  switch, with the shared Button and boxed texts they start, 195.5 → 198.3 KB; the
 *  thank-you and the screen after deleting everything, 198.3 → 199.9 KB. Both, on the keyboard: 198.1 → 202.3 KB. With
 *  all the rest (the glue and the code splitting): 175.8 → 180.6 KB, budget
 *  200 → 182 (the first load rounded up, plus 1 KB). Then the lock screen as a Leptos
 *  component (typed node refs, handlers on its elements, unmounted with its signals when
 *  the passphrase opens the app) instead of plain DOM: 180.6 → 183.3 KB, budget 185.
 *  Then the chart worker's messages as typed enums defined once (issue 18, item 3:
 *  src/session/protocol.rs), each codec measured in the page (encoding ToWorker, decoding
 *  FromWorker) against the hand-written JSON request before it, 195.5 KB: postcard, bytes
 *  in a Uint8Array, 196.1 KB (+0.6; chosen); serde-wasm-bindgen, JS objects by structured
 *  clone, 208.7 KB (+13.2: its JS glue and the serde data model's dynamic calls). The
 *  chart worker fell 213.7 → 205.6 KB (no serde_json derive of the 30-field request). With all
 *  the rest: 183.3 → 183.2 KB.
 *  Then the start page as a Leptos component (its handlers on its elements, no data-act): 183.2 → 186.0 KB; the notices as one (views, no inner_html): → 187.4 KB; both on the drawing in the split part: 183.9 → 188.2 KB.
 *  Room for issue 18's components (branch i18-room3), each step measured on the one before:
 *  the page's wasm built by a pinned nightly with the standard library built with it and
 *  panics that abort at once (the Leptos book's advice: -Zbuild-std, -Cpanic=immediate-abort;
 *  scripts/split.mjs) 188.4 → 173.8 KB (192,964 → 177,935 bytes; the progress screen's
 *  part 101.7 → 92.1 KB), budget 175 (-Zlocation-detail=none cannot gain: no source
 *  location is left in either wasm; -Zfmt-debug=none not used: the citizen's notices and
 *  the CSV say values with Debug). Then what only an embedded widget runs (the portal's
 *  listener, the height, portals.json) as a split point fetched only when framed with a
 *  parentOrigin (src/page/portal.rs): 173.8 → 173.3 KB (177,935 → 177,421 bytes; the part
 *  2.5 KB, and a 74-byte chunk the drawn screens' part shares with it; the chart worker +6.2
 *  KB, DESIGN.md), budget 175. The lock screen as a split point kept with the first load's
 *  files, measured on that: → 168.0 KB, but the chart worker +79.6 KB: left on branch
 *  i18-room3-lock.
 *  Then one serde definition per format through serde-json-core (issue 18, item 3): the
 *  portal protocol, encrypted envelopes, shared-phone settings and settings, 183.2 → 194.1 KB;
 *  merged with main at a142626 (188.4 KB), 199.1 KB; and the history and the check-in in
 *  progress on their serde derives too (no hand-written reader or writer left), 208.7 KB:
 *  measured on main a142626.
 *  Then the check-in's steps as Leptos components (issue 18, item 1: one question component
 *  for every item, the radio group's one pair of handlers, the work, goal and note steps,
 *  the frame; no data-act, no inner_html): 188.4 → 196.2 KB (192,962 → 200,913 bytes).
 *  Each step's view measured by replacing it with a bare element that keeps its handlers
 *  (so the AppState and model code they call stays): the work step 3.4 KB (3,471 bytes),
 *  the goal and note steps 1.5 KB (1,578), the question step's own view beyond its radio
 *  group and buttons 1.6 KB (1,600); the rest, net of the HTML writer and the data-act
 *  dispatch it replaces, 1.3 KB (1,302): the frame (Drawn, progress, heading with read
 *  aloud, back and next) and the radio group with its pictograms and handlers. Then the
 *  work step's error as two signals of types the first load already has (Option<Msg>,
 *  Option<String>) instead of one new (Msg, field) signal: -0.6 KB (-571), → 195.6 KB
 *  (200,342 bytes), measured on main a142626. The formats and the steps merged onto the room (at 173.5 KB): 198.1 KB
 *  of the first load, the progress screen's part 92.9 KB; budget 200, the ceiling.
 *  Then the session (issue 19), 198.7 → 199.8 KB (204,604 bytes), each step measured on
 *  the one before with the page's wasm alone (gzipped, before the split): the tab bar with
 *  "Mere" (two lists, its open state, aria-expanded on the shared Button) about 1.0 KB and
 *  its styles 0.3 KB; the goal step's note after its answer (the choice that stays, the
 *  note's field shared with the week's note) 0.5 KB; the session view's code is a part of
 *  its own, but its browser calls (the dialog, pointer events) are in the one JS glue:
 *  0.3 KB. Made room for it, and left out: the menu closing on Escape 0.4 KB (the
 *  keydown and giving "Mere" the focus back), on focus leaving it 0.4 KB, the session
 *  view's requestFullscreen 0.2 KB (the dialog covers the window; F11 the screen), a
 *  second set of menu rules for a portal's frame 0.1 KB; the class toggles of the old
 *  session layout removed, -0.3 KB. Measured and not kept: the session screens' Danish
 *  texts as a language pack fetched with them: the first load unchanged (wasm-split
 *  already leaves data only the parts use out of it), the progress screen +5.5 KB.
 *  Issue 22, the first screen before the wasm (scripts/prerender.mjs), each step measured
 *  on the one before: the start page and the first question in index.html with the script
 *  that shows them 203,548 → 206,763 bytes (+3.2 KB: the two screens 2.0, the script 1.2);
 *  the lock screen a split part of its own (page/unlock.rs, fetched only by a locked
 *  phone) → 201,885 (-4.9 KB; it moved 0.5 KB of code it shares with the progress screen
 *  into chunks that screen now fetches, paid for there by drawn.css minified, -1.4 KB);
 *  the stylesheet put in the page → 201,919 (+34 bytes, one request less). Budget 200 →
 *  199 KB (the first load rounded up, plus 1 KB). Then, on the first screen: an arrow
 *  key's answer given as one, the quick exit at once, and a notice with "Prøv igen" when
 *  the app cannot be fetched (its Danish texts written once, in src/i18n/mod.rs, which
 *  puts them in the wasm too) 202,017 → 202,548 bytes (+0.5 KB: the script 0.4). */
export const BUDGET_BYTES = 199 * 1024;
/** What opening the progress screen fetches: the page's part loaded on demand for the
 *  session screens (`split_ugeblik_drawn_screen`), the chunks of code it shares with other
 *  parts that it loads with it (read from the split loader, `opening`), and their styles.
 *  Not the chart worker, started only when a file is made or read (import, the viewer,
 *  exports, the reminder's file), nor the parts of past weeks and the viewer. */
const SESSION_PART = 'ugeblik_drawn_screen';
/** The second budget (issue 18, item 7): opening the progress screen adds at most 150 KB
 *  gzipped. With the drawing in the chart worker it added 257.9 KB (the worker's wasm
 *  218.1, glue 4.2, loader 0.1; the page's part 32.8; drawn.css 2.7). The worker without
 *  the code for files (branch i18-protocol) was 143.8 KB merged onto main: about 183 KB
 *  in all. Drawn by the page's part instead (render::render_drawn: plotters, the renderer
 *  and the drawn screens' texts, sharing the page's standard library, serde, domain and
 *  i18n), the worker left for files: 101.7 KB (part 99.0, drawn.css 2.7); the worker
 *  (222.6 KB with its glue) comes with the first file. The first load 183.2 → 183.9 KB
 *  (188,286 bytes): most likely the first load's functions the drawing calls, which the
 *  split keeps callable from the part (87 more table entries, 23 more functions).
 *  The session screens as Leptos components in the part (issue 18, item 2; i18-session):
 *  about and lock-and-delete 102.0 → 117.7 KB, goals → 134.2 KB (each screen's views,
 *  handlers and reactive closures, less its HTML writer), one definition of the chart
 *  choices → 133.8 KB; the first load 188.4 → 188.7 KB
 *  (the first load's functions the components call, kept callable from the part).
 *  Leptos's `--cfg erase_components` (views type-erased) measured on that: the part
 *  133.8 → 121.8 KB, but the first load 188.7 → 199.0 KB and the chart worker 229.9 →
 *  298.5 KB: not taken. The progress screen's choices as components (period, custom
 *  weeks, lines, toggles, session, print, the radars' week; session/progress_screen.rs,
 *  typed in session/trends.rs), the viewer's drawn controls kept: 126,191 → 146,384 bytes
 *  (123.2 → 143.0 KB); the first load 203,126 → 203,195 bytes. The chart worker's side
 *  in the page as session/worker.rs: → 142.5 KB. The consultant's viewer as components
 *  drawing the history the worker opens (no HTML controls, no viewer renderer): 149.9 KB in
 *  this part; as a split point of its own (session/viewer.rs, 10.2 KB, fetched only by
 *  ?viewer): 146.7 KB (150,179 bytes), the first load 203,268 bytes. Past weeks as
 *  components in a split point of their own (session/past_weeks.rs: export, the reminder,
 *  import with its typed preview from the worker), the figures drawn in the part without
 *  the worker's messages: 150,555 → 145,120 bytes (141.7 KB); past weeks' own part 46.4 KB
 *  (fetched only when it opens); the first load 203,272 → 203,388 bytes; the worker,
 *  which no longer draws, 204.2 → 168.4 KB. Counted as the split loader fetches it
 *  (`opening`: not the chunk that only past weeks and the viewer load, 7.9 KB, which the
 *  progress screen never fetches; tests/e2e/split.test.mjs checks the browser fetches
 *  exactly these files): 137,061 bytes (133.8 KB); opening past weeks then adds 55,583.
 *  Goals and lock-and-delete as split points of their own too (session::screen's
 *  `split_screen!`): 95.1 KB, the first load +0.3 KB. The figures as
 *  components (session/progress.rs laying out session/figures.rs's data; no HTML writer,
 *  no part placing, the cursor a signal): 123,041 bytes (120.2 KB), the first load
 *  203,412 bytes. Issue 19 (nothing clipped, the picture first on a phone, the
 *  self-ratings as small multiples): 126.6 KB, the first load 198.7 KB. Issue 20 (others'
 *  readings): the figures, the list and "Min vurdering" a part of their own
 *  (`ugeblik_others`, fetched only with readings or when a rating starts); as two parts
 *  (list, flow) the split loader and shims cost the first load 0.8 KB more than one. In
 *  the progress part, reading the readings (their decoder, the rater's checks) and the
 *  figures cost 172.8 KB; out of it, 149.6 KB (133.0 before the issue: the part's chunks
 *  shared with the others' part, the readings' and the session views' code). The first
 *  load 199.8 → 201.2 KB with the readings' (de)serializers shared with the page (its
 *  json codec's generic functions no longer inlined), then send_wrapper patched
 *  (vendor/README.md: no std::thread::current, so no dlmalloc beside talc) 201.2 → 197.9
 *  KB (-3.3 KB). Issue 21 (the consultant's caseload and the provider's report, in the
 *  viewer's part: 129.8 KB more for `?viewer` or `?caseload`): this opening 149.8 → 150.0
 *  KB (153,589 bytes), the first load 197.9 → 199.8 KB (204,620 bytes: the first load's
 *  functions the caseload calls, kept callable from the part). Measured on the way and
 *  kept out: the caseload as a split point of its own (the first load +0.4 KB, this
 *  opening +0.8 KB: one more part sharing the progress code cuts its chunks finer);
 *  IndexedDB in the page (idb's imports in the one JS glue: the first load +1.9 KB; the
 *  worker keeps the caseload); its texts in ChartMsg (this opening +2.9 KB: a table of
 *  their own, CaseloadMsg); its styles in drawn.css (+0.5 KB: caseload.css);
 *  encodeURIComponent and the folder field's property (one import each: base64 and an
 *  attribute); `str::to_lowercase` and `browser::print` shared with the part, a
 *  StoredValue<u32> (0.3 KB: the browser lower-cases, the report calls window.print).
 *  Issue 22: the lock screen out of the first load put 0.5 KB of code it shares with this
 *  part into chunks this opening fetches (153,588 → 154,116 bytes); drawn.css minified as
 *  main.css is (scripts/minify.mjs: it was copied with its comments) → 149.1 KB. The room
 *  kept under a trend chart for the cursor's longest words (so that the page below does not
 *  move) → 153,456 bytes (+0.8 KB; written first with a Memo for "the cursor is shown",
 *  +1.5 KB and over the budget: a OnceCell instead). */
export const PROGRESS_BUDGET_BYTES = 150 * 1024;
/** Files fetched only on demand (the chart worker, the drawn screens' and the caseload's
 *  styles, …). caseload.css, linked by the caseload when it opens, was counted in the first
 *  load from issue 21 until this was noticed (1.3 KB). */
// The chart worker's files carry a hash of their content in a release build
// (scripts/offline.mjs); the service worker fetches them once the phone is idle after the
// first load. The icons are fetched only when the app is added to the home screen;
// embed.js only by portals that use the element.
const LAZY = /^(charts(_loader)?(-[0-9a-f]{16})?(_bg\.wasm|\.js)|drawn\.css|caseload\.css|icon[-.].*|embed\.js|ugeblik-split-[0-9a-f]{16}-\w+\.wasm)$/;

const dist = new URL('../dist/', import.meta.url).pathname;

/** Every file in dist/: name, whether it is fetched later, raw and gzipped bytes. */
export function measure() {
  const row = (name) => {
    const bytes = readFileSync(join(dist, name));
    // A language pack is fetched only by a citizen who chooses that language.
    const lazy = LAZY.test(name) || name.startsWith('lang/');
    return { name, lazy, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const packs = readdirSync(join(dist, 'lang')).map((name) => `lang/${name}`);
  return readdirSync(dist)
    .filter((name) => statSync(join(dist, name)).isFile())
    .concat(packs)
    .map(row)
    .sort((a, b) => a.lazy - b.lazy || b.gzip - a.gzip);
}

/** The files the split loader fetches to open `part` (`ugeblik_drawn_screen`,
 *  `ugeblik_past_weeks`, …): the part's wasm and the chunks it loads with it, as the
 *  loader (`ugeblik-split-<hash>.js`, written by wasm-split and minified by trunk) lists
 *  them. Throws when the loader does not read: a budget is never checked on a guess. */
export function opening(part) {
  const loader = readdirSync(dist).find((name) => /^ugeblik-split-[0-9a-f]{16}\.js$/.test(name));
  if (!loader) throw new Error('size.mjs: no split loader in dist/');
  const text = readFileSync(join(dist, loader), 'utf8');
  // Each fetch: `<name>=i(()=>{const t=fetch(new URL("./<file>"…` for a chunk, or
  // `__wasm_split_load_<part>=s(i(()=>{…fetch(new URL("./<file>"…},[<chunk names>]))`.
  const chunks = new Map();
  // The minifier names them as JavaScript allows: letters, digits, `_` and `$`.
  for (const m of text.matchAll(/([\w$]+)=[\w$]+\(\(\)=>\{const [\w$]+=fetch\(new URL\("\.\/([^"]+)"/g)) chunks.set(m[1], m[2]);
  const own = new RegExp(`__wasm_split_load_${part}=[\\w$]+\\([\\w$]+\\(\\(\\)=>\\{const [\\w$]+=fetch\\(new URL\\("\\./([^"]+)".*?\\},\\[([\\w$,]*)\\]\\)\\)`);
  const found = text.match(own);
  if (!found) throw new Error(`size.mjs: the split loader does not say how ${part} is loaded`);
  const deps = found[2] ? found[2].split(',') : [];
  if (deps.some((name) => !chunks.has(name))) throw new Error(`size.mjs: ${part} loads a chunk the loader does not name`);
  return [found[1], ...deps.map((name) => chunks.get(name))];
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  check(measure());
}

function check(rows) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  console.log('asset'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10));
  for (const row of rows) console.log(`${row.name}${row.lazy ? ' (later)' : ''}`.padEnd(44), kb(row.raw), kb(row.gzip));
  const sum = (list) => list.reduce((total, row) => total + row.gzip, 0);
  const first = sum(rows.filter((row) => !row.lazy));
  console.log('first load'.padEnd(44), ''.padStart(10), kb(first), ` (budget ${kb(BUDGET_BYTES).trim()})`);
  console.log('fetched later'.padEnd(44), ''.padStart(10), kb(sum(rows.filter((row) => row.lazy && !row.name.startsWith('lang/')))));
  const session = new Set([...opening(SESSION_PART), 'drawn.css']);
  const progress = sum(rows.filter((row) => session.has(row.name)));
  console.log('  of it, opening the progress screen'.padEnd(44), ''.padStart(10), kb(progress), ` (budget ${kb(PROGRESS_BUDGET_BYTES).trim()})`);
  // Goals, past weeks, lock and delete and the viewer are parts of their own, fetched after
  // the session screens'.
  for (const [what, part] of [
    ['goals', 'ugeblik_goals'],
    ['past weeks', 'ugeblik_past_weeks'],
    ['lock and delete', 'ugeblik_safety'],
    ["the consultant's viewer and caseload", 'ugeblik_viewer'],
    ['the session view', 'ugeblik_presentation'],
  ]) {
    const more = opening(part).filter((name) => !session.has(name));
    if (part === 'ugeblik_viewer') more.push('caseload.css');
    console.log(`  opening ${what}: that and`.padEnd(44), ''.padStart(10), kb(sum(rows.filter((row) => more.includes(row.name)))));
  }
  const worker = sum(rows.filter((row) => /^charts/.test(row.name)));
  console.log('  the worker, with the first file'.padEnd(44), ''.padStart(10), kb(worker));
  for (const pack of rows.filter((row) => row.name.startsWith('lang/'))) {
    console.log(`  each language pack: ${pack.name}`.padEnd(44), ''.padStart(10), kb(pack.gzip), ' (0 KB of the first load)');
  }
  if (!rows.some((row) => !row.lazy && row.name.endsWith('.wasm'))) {
    console.error('no app .wasm in dist/: build first');
    process.exit(1);
  }
  if (!rows.some((row) => session.has(row.name) && row.name.endsWith('.wasm'))) {
    console.error('no part loaded on demand in dist/: the drawn screens would be in the first load');
    process.exit(1);
  }
  if (progress > PROGRESS_BUDGET_BYTES) {
    console.error(`opening the progress screen fetches ${progress} bytes gzipped, over the budget of ${PROGRESS_BUDGET_BYTES}`);
    process.exit(1);
  }
  if (first > BUDGET_BYTES) {
    console.error(`first load is ${first} bytes gzipped, over the budget of ${BUDGET_BYTES}`);
    process.exit(1);
  }
}
