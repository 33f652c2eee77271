/*
 * Hotline Lab's offline service worker. It lives next to index.html and scopes itself to that
 * folder, so the app works offline under any sub-path. Built assets (hashed file names) are
 * served from the cache first; the page itself is fetched from the network when there is one
 * (so a new version shows up) and from the cache when there is not. Links differ only in their
 * query string, so the page is cached and looked up without it.
 */
const CACHE = 'hotline-lab-v1';

self.addEventListener('install', (event) => {
  // Store the page the worker was registered from and every file of the build (precache.json,
  // written at build time), so the app works offline as soon as the worker is installed.
  const scope = self.registration.scope;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all([
          cache.add(new Request(scope, { cache: 'reload' })).catch(() => undefined),
          fetch(new URL('precache.json', scope), { cache: 'reload' })
            .then((res) => (res.ok ? res.json() : []))
            .then((files) =>
              Promise.all(
                (Array.isArray(files) ? files : [])
                  .filter((f) => typeof f === 'string')
                  .map((f) => {
                    const url = new URL(f, scope);
                    return inScope(url) ? cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined) : undefined;
                  }),
              ),
            )
            .catch(() => undefined),
        ]),
      )
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page sends the URLs it has loaded (its resource timing) once this worker controls it, so
// the assets fetched before the worker existed are cached too. It answers when they are stored.
self.addEventListener('message', (event) => {
  const data = event.data;
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
            .match(key)
            .then((hit) => hit || caches.match(self.registration.scope))
            .then((hit) => hit || new Response('Offline and not cached yet.', { status: 503, headers: { 'Content-Type': 'text/plain' } })),
        ),
    );
    return;
  }

  event.respondWith(
    caches.match(req, { ignoreSearch: false }).then(
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
