/**
 * Hands URLs the page has loaded to the offline service worker (public/sw.js), which stores
 * them. Needed for what was fetched before the service worker controlled the page, and for the
 * simulation worker's script, which never shows in the page's resource timing.
 */
const known = new Set<string>();
let ready: Promise<ServiceWorker | null> | null = null;

function activeWorker(): Promise<ServiceWorker | null> {
  if (!ready) ready = navigator.serviceWorker.ready.then((reg) => reg.active).catch(() => null);
  return ready;
}

/** Ask the service worker (once it is active) to cache these URLs too. No-op without one. */
export function cacheForOffline(urls: Iterable<string>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  let added = false;
  for (const u of urls) {
    if (!known.has(u)) {
      known.add(u);
      added = true;
    }
  }
  if (!added) return;
  void activeWorker().then((sw) => sw?.postMessage({ type: 'cache-urls', urls: [...known] }));
}
