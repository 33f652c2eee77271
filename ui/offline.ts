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

/**
 * When a newer build's worker takes over while this page runs an older build (another tab, or the
 * page's own update check, installed it), reload the page onto the new build: the old build's
 * files are gone from the new worker's cache (and maybe from the host), so the page could no
 * longer start a worker or load a part it has not loaded yet. A page that already runs the new
 * build (pages come from the network first) is left alone, as is the first install (no worker
 * before). Once per build at most, so a host still serving old pages cannot make a reload loop.
 * The app keeps its scenario in the address and storage, and experiments resume after a reload.
 */
export function reloadOnNewBuild(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
  // This module's own file: part of the build the page runs.
  const mine = new URL(import.meta.url).href;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const sw = navigator.serviceWorker.controller;
    if (!sw) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<{ version?: unknown; urls?: unknown }>) => {
      const { version, urls } = e.data ?? {};
      if (typeof version !== 'string' || !Array.isArray(urls) || urls.includes(mine)) return;
      const key = 'hotline-lab-reloaded-for';
      try {
        if (sessionStorage.getItem(key) === version) return;
        sessionStorage.setItem(key, version);
      } catch {
        return; // no storage: no guard against a loop, so no reload
      }
      location.reload();
    };
    sw.postMessage({ type: 'version' }, [channel.port2]);
  });
}
