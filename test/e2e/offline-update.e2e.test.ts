/**
 * End-to-end: a new deployment replaces the old one in a browser that had the old one. Two real
 * builds of the app (A and B, differing in one line of the entry script) are deployed in turn to
 * the same folder of a static server under a sub-path, the way a host replaces a site's files.
 * The browser that installed A's service worker must, after reloads, run B's files from B's
 * cache, with A's cache deleted, and keep working offline.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { SMALL, launch, waitDone, type Launched } from './browser.ts';
import { serveStatic } from './global-setup.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SUB_PATH = '/deploy/here/';

interface Built {
  dir: string;
  version: string;
  files: string[];
  sw: string;
}

/** Marks the build: the entry script writes `mark` on the page, so A and B differ in their bytes. */
function markBuild(mark: string): Plugin {
  return {
    name: 'test-mark-build',
    transform(code, id) {
      if (id.endsWith('/ui/main.ts')) return `${code}\ndocument.documentElement.dataset.build = ${JSON.stringify(mark)};\n`;
      return null;
    },
  };
}

async function buildApp(root: string, mark: string): Promise<Built> {
  const dir = join(root, mark);
  // As in global-setup.ts: vitest's NODE_ENV=test would give a development bundle without the worker.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: REPO,
      configFile: join(REPO, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dir, emptyOutDir: true },
      plugins: [markBuild(mark)],
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  const stamped = sw.match(/^const BUILD = (\{.*\}); \/\/ written by the build$/m);
  if (!stamped) throw new Error(`build ${mark}: sw.js was not stamped`);
  const { version, files } = JSON.parse(stamped[1]) as { version: string; files: string[] };
  return { dir, version, files, sw };
}

let tmp: string;
let site: string;
let a: Built;
let b: Built;
let chrome: Launched;
let server: Server | null = null;
let url: string;

/** Replace the served folder's contents with a build's, old files removed, as a host does. */
async function deploy(built: Built): Promise<void> {
  await rm(site, { recursive: true, force: true });
  await cp(built.dir, site, { recursive: true });
}

const cacheNames = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());
const cachedPaths = (page: Page, name: string) =>
  page.evaluate(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname), name);
/** The scripts the page has loaded, as paths relative to the app's folder. */
const loadedScripts = (page: Page) =>
  page.evaluate((sub) => {
    const names = performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((p) => p.endsWith('.js') && p.startsWith(sub));
    const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
    if (entry) names.push(new URL(entry.src).pathname);
    return [...new Set(names.map((p) => p.slice(sub.length)))].sort();
  }, SUB_PATH);

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'hotline-lab-update-'));
  site = join(tmp, 'site');
  a = await buildApp(tmp, 'A');
  b = await buildApp(tmp, 'B');
  await deploy(a);
  ({ server, url } = await serveStatic(site, SUB_PATH));
  chrome = await launch();
});

afterAll(async () => {
  await chrome?.close();
  if (server) server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('offline service worker across deployments', () => {
  test('two builds get different versions, different sw.js bytes and different entry scripts', () => {
    expect(a.version).toMatch(/^[0-9a-f]{20}$/);
    expect(b.version).toMatch(/^[0-9a-f]{20}$/);
    expect(b.version).not.toBe(a.version);
    expect(b.sw).not.toBe(a.sw);
    // The whole build is listed, the worker itself excepted.
    expect(a.files).toContain('index.html');
    expect(a.files).not.toContain('sw.js');
    expect(a.files.some((f) => /^assets\/sim\.worker-.*\.js$/.test(f))).toBe(true);
    // The mark changed the entry script, so its hashed name differs between the builds.
    const entries = (x: Built) => x.files.filter((f) => /^assets\/index-.*\.js$/.test(f));
    expect(entries(a)).toHaveLength(1);
    expect(entries(b)).toHaveLength(1);
    expect(entries(b)).not.toEqual(entries(a));
  });

  test('a browser that had build A runs build B from B’s cache after reloads, A’s cache deleted; an old tab follows', async () => {
    const ctx = await chrome.browser.newContext();
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const nameOf = (x: Built) => `hotline-lab ${url} ${x.version}`;

    // Build A: the worker installs with the whole build in its cache, and controls the page.
    await page.goto(`${url}?${SMALL}&seed=5`);
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', undefined, { timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('A');
    expect(await cacheNames(page)).toEqual([nameOf(a)]);
    const cachedA = await cachedPaths(page, nameOf(a));
    for (const f of a.files) expect(cachedA).toContain(SUB_PATH + f);

    // A second tab on build A, left open while the first one updates.
    const other = await ctx.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(`${url}?${SMALL}&seed=6`);
    await other.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    expect(await other.evaluate(() => document.documentElement.dataset.build)).toBe('A');

    // Build B replaces A on the server. Reload until B's worker has taken over.
    await deploy(b);
    // (page.waitForFunction would take the promise an async predicate returns as a truthy answer:
    // the page is polled from here instead.)
    let reloads = 0;
    for (;;) {
      await page.reload();
      reloads++;
      // Marks this document: gone if the page reloads itself.
      await page.evaluate(() => {
        (window as unknown as { __kept?: boolean }).__kept = true;
      });
      const done = await expect
        .poll(async () => (await cacheNames(page)).includes(nameOf(b)), { timeout: 15_000, interval: 250 })
        .toBe(true)
        .then(() => true)
        .catch(() => false);
      if (done) break;
      if (reloads >= 5) throw new Error(`build B's worker did not take over after ${reloads} reloads`);
    }
    // Its activation deletes A's cache; then the page is controlled by B's worker.
    await expect.poll(() => cacheNames(page), { timeout: 15_000, interval: 250 }).toEqual([nameOf(b)]);
    const active = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      const channel = new MessageChannel();
      const answer = new Promise<{ version?: string }>((ok) => {
        channel.port1.onmessage = (e) => ok(e.data);
      });
      reg?.active?.postMessage({ type: 'version' }, [channel.port2]);
      return {
        version: (await answer).version,
        state: reg?.active?.state,
        controlled: navigator.serviceWorker.controller?.scriptURL === reg?.active?.scriptURL,
      };
    });
    expect(active).toEqual({ version: b.version, state: 'activated', controlled: true });
    const cachedB = await cachedPaths(page, nameOf(b));
    for (const f of b.files) expect(cachedB).toContain(SUB_PATH + f);
    for (const f of a.files.filter((f) => !b.files.includes(f))) expect(cachedB).not.toContain(SUB_PATH + f);

    // The page that fetched build B itself was left alone; the tab still on build A reloaded
    // itself onto B, as its old files are no longer in any cache.
    expect(await page.evaluate(() => (window as unknown as { __kept?: boolean }).__kept)).toBe(true);
    await other.waitForFunction(() => document.documentElement.dataset.build === 'B', undefined, { timeout: 30_000 });
    for (const s of await loadedScripts(other)) expect(b.files).toContain(s);

    // The page runs B's files, and none of A's.
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('B');
    const scripts = await loadedScripts(page);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(b.files).toContain(s);

    // Offline now: the page and the simulation come from B's cache.
    await new Promise<void>((ok) => {
      server?.close(() => ok());
      server?.closeAllConnections();
    });
    server = null;
    await page.reload();
    await waitDone(page);
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('B');
    for (const s of await loadedScripts(page)) expect(b.files).toContain(s);
    expect(await cacheNames(page)).toEqual([nameOf(b)]);
    expect(errors).toEqual([]);
    console.log(`[offline-update] build B took over after ${reloads} reload(s)`);
    await ctx.close();
  });
});
