// Ugeblik's service worker: after the first visit the app loads and works with the
// network off, every screen of it. The build (scripts/offline.mjs) writes VERSION, FILES
// and LATER above this line: the files of the first load, the drawn screens' files, and a
// hash of the content of all of them.
//
// - Install: caches the first load's files and the English language pack (the page
//   revalidated with the server, so a stale HTTP cache is not frozen in), then takes over
//   at once. English was built in until it became a pack: it still opens offline after
//   any first visit.
//   The citizen's data lives in localStorage, which a new version never touches.
// - Message `keep`: the page sends it once it has loaded and this worker runs. After a
//   quiet moment the drawn screens' files (the chart worker, its wasm, the screens'
//   styles) are cached too, those not cached yet, so that progress, past weeks and saving
//   a copy work offline after one visit to the start page. The chart worker's files carry a hash of their
//   content in their names, which the page names: a page never runs another build's worker.
// - Fetch: the app's own files from the cache first. The page itself (with any query,
//   such as ?lang=en) from the network when it answers, else from the cache: online, a
//   reload shows the new version at once; offline, the cached one. Parts fetched later
//   (another language's pack when chosen; the drawn screens' files when opened before the phone
//   was idle) are kept the first time they are fetched. Other origins are never touched.
// - Activate: removes the caches of older versions.
/* global VERSION, FILES, LATER */
const CACHE = `ugeblik-${VERSION}`;
const PAGE = new URL('./', self.location).href;

/** A file to cache: one whose name carries a content hash may come from the HTTP cache
 *  (it never changes); any other is revalidated with the server. */
function request(file) {
  const hashed = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(file);
  return new Request(new URL(file, self.location), { cache: hashed ? 'default' : 'no-cache' });
}

/** `promise`, or a rejection after `ms` milliseconds (a network that hangs is no network). */
function timeout(promise, ms) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms);
    promise.then(resolve, reject);
  });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map(request)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('ugeblik-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'keep') return;
  event.waitUntil(
    // A quiet moment first: the page has just loaded.
    new Promise((quiet) => setTimeout(quiet, 3000)).then(() => caches.open(CACHE)).then((cache) =>
      Promise.all(
        LATER.map((file) => {
          const wanted = request(file);
          return cache
            .match(wanted, { ignoreVary: true })
            .then((kept) => kept || fetch(wanted).then((response) => response.ok && cache.put(wanted, response)))
            .catch(() => {});
        }),
      ),
    ),
  );
});

/** Caches a part fetched later. A language pack only if it is one: a captive portal's
 *  login page or a broken download, kept, would stand in for the language until the next
 *  version of the app. */
function keep(cache, request, url, response) {
  if (!/\/lang\/[a-z]+\.json$/.test(url.pathname)) return cache.put(request, response);
  const copy = response.clone();
  return response
    .json()
    .then((pack) => pack && pack.format === 'ugeblik-language' && cache.put(request, copy))
    .catch(() => {});
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.href.startsWith(PAGE)) return;
  const portals = url.pathname.endsWith('/portals.json');
  if (request.mode === 'navigate' || portals) {
    // The page itself, whatever the query, and the host's list of portals (which a host
    // may change without a new build): from the network when it answers within a few
    // seconds (so a new version shows on the next load), else the cached copy.
    event.respondWith(
      timeout(fetch(request), 4000).catch(() =>
        caches.match(portals ? request : PAGE, { ignoreVary: true }).then((cached) => cached || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok && response.type === 'basic') keep(cache, request, url, response.clone());
            return response;
          }),
      ),
    ),
  );
});
