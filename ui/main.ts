/// <reference types="vite/client" />
/**
 * Entry point: the page's error boundary, the app element and the offline service worker.
 * Errors anywhere (uncaught, unhandled rejections) show as a message in the app instead of a
 * blank or silently broken page.
 */
import { html, render } from 'lit';
import { storedLang, t } from './i18n.ts';
import { cacheForOffline, reloadOnNewBuild } from './offline.ts';

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/** Last resort when the app itself could not start: a plain message rendered by lit. */
function fallback(message: string): void {
  const lang = storedLang();
  const root = document.getElementById('app') ?? document.body;
  render(
    html`<div role="alert" style="max-width:40rem;margin:3rem auto;font:1.1rem/1.5 system-ui,sans-serif;padding:1rem;border:2px solid #b3261e;border-radius:8px">
      <h1 style="font-size:1.4rem;margin-top:0">${t(lang, 'errorTitle')}</h1>
      <p>${message}</p>
      <p>${t(lang, 'errorHelp')}</p>
      <button type="button" @click=${() => location.reload()}>${t(lang, 'reload')}</button>
    </div>`,
    root,
  );
}

/** Browser noise that is not a failure of the app. */
const BENIGN = [/ResizeObserver loop/i];

function report(err: unknown): void {
  const message = describe(err);
  if (BENIGN.some((re) => re.test(message))) return;
  console.error('[hotline-lab]', err);
  const app = document.querySelector('hl-app');
  if (app && typeof app.showError === 'function') app.showError(message);
  else fallback(message);
}

window.addEventListener('error', (e) => report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => report(e.reason));

async function start(): Promise<void> {
  try {
    const root = document.getElementById('app') ?? document.body;
    // the classroom server's addresses (issue 13) open the classroom instead of the app
    const params = new URLSearchParams(location.search);
    if (params.has('classroom')) {
      const { classroomElement } = await import('./classroom/index.ts');
      root.replaceChildren(classroomElement(params));
      return;
    }
    await import('./app.ts');
    root.replaceChildren(document.createElement('hl-app'));
  } catch (err) {
    console.error('[hotline-lab]', err);
    fallback(describe(err));
  }
}

void start();

// Offline once loaded: a service worker next to index.html, registered relative to the page so
// the app works under any sub-path. Not in development, where it would cache the dev server.
if (import.meta.env.PROD && 'serviceWorker' in navigator && location.protocol !== 'file:') {
  reloadOnNewBuild();
  window.addEventListener('load', () => {
    navigator.serviceWorker.addEventListener('message', (e) => {
      if (e.data?.type === 'cached') document.documentElement.dataset.offline = 'ready';
    });
    navigator.serviceWorker.startMessages();
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then(() => {
        // What loaded before the service worker existed is not in its cache yet: hand it the list.
        cacheForOffline([location.href, ...performance.getEntriesByType('resource').map((r) => r.name)]);
      })
      .catch((err) => console.warn('[hotline-lab] service worker', err));
  });
}
