/*
 * Hotline Lab's offline service worker. It lives next to index.html and scopes itself to that
 * folder, so the app works offline under any sub-path. Built assets (hashed file names) are
 * served from the cache first; the page itself is fetched from the network when there is one
 * (so a new version shows up) and from the cache when there is not. Links differ only in their
 * query string, so the page is cached and looked up without it.
 *
 * Updates: every build stamps its version (a hash of the build's files) and file list into the
 * line below (vite.config.ts, the precache plugin), so this file's bytes change with every build
 * and the browser's update check (a byte compare of sw.js, which bypasses the HTTP cache) installs
 * the new worker. The new worker stores the whole new build in a cache named after its version,
 * takes over, and deletes the caches of earlier builds of this same folder.
 */
const BUILD = { version: 'dev', files: [] }; // written by the build

// Caches are shared by every app on the origin: ours are named after the folder (scope) too, so
// a build here never deletes the cache of another copy of the app under another sub-path.
const PREFIX = `hotline-lab ${self.registration.scope} `;
const CACHE = PREFIX + BUILD.version;
// The name every build used before caches were versioned.
const LEGACY = 'hotline-lab-v1';

self.addEventListener('install', (event) => {
  // The page the worker was registered from and every file of the build, so the app works offline
  // as soon as the worker is installed. All or nothing: if a file cannot be fetched, installing
  // fails and the browser keeps the previous worker with its complete cache (and retries later).
  const scope = self.registration.scope;
  const urls = [scope, ...BUILD.files.map((f) => new URL(f, scope).href).filter((u) => inScope(new URL(u)))];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls.map((u) => new Request(u, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k === LEGACY || (k.startsWith(PREFIX) && k !== CACHE)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page sends the URLs it has loaded (its resource timing) once this worker controls it, so
// the assets fetched before the worker existed are cached too. It answers when they are stored.
self.addEventListener('message', (event) => {
  const data = event.data;
  // Which build this worker serves and its files' URLs, answered on the port sent along: a page
  // checks whether it runs this build (ui/offline.ts).
  if (data?.type === 'version') {
    const scope = self.registration.scope;
    event.ports[0]?.postMessage({ type: 'version', version: BUILD.version, urls: BUILD.files.map((f) => new URL(f, scope).href) });
    return;
  }
  if (data?.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const keys = new Set();
  for (const u of data.urls) {
    try {
      const url = new URL(u, self.registration.scope);
      if (!inScope(url)) continue;
      // Pages are stored without their query string, as the fetch handler looks them up.
      keys.add(url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? url.origin + url.pathname : url.href);
    } catch {
      /* not a URL */
    }
  }
  const work = caches
    .open(CACHE)
    .then((cache) => Promise.all([...keys].map((k) => cache.match(k).then((hit) => hit || cache.add(k).catch(() => undefined)))));
  event.waitUntil(
    work.then(() => {
      if (event.source) event.source.postMessage({ type: 'cached', count: keys.size });
    }),
  );
});

function inScope(url) {
  return url.origin === self.location.origin && url.href.startsWith(self.registration.scope);
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (!inScope(url)) return;

  if (req.mode === 'navigate') {
    const key = url.origin + url.pathname;
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(key, copy));
          }
          return res;
        })
        .catch(() =>
          caches
            .open(CACHE)
            .then((c) => c.match(key).then((hit) => hit || c.match(self.registration.scope)))
            .then((hit) => hit || new Response('Offline and not cached yet.', { status: 503, headers: { 'Content-Type': 'text/plain' } })),
        ),
    );
    return;
  }

  event.respondWith(
    caches
      .open(CACHE)
      .then((c) => c.match(req))
      .then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok && res.type === 'basic') {
              const copy = res.clone();
              caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
  );
});
