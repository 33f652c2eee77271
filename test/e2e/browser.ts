/**
 * Debian's Chromium driven by playwright-core, with the flags DEVELOPERS.md lists and a fresh
 * profile per launch. Never downloads a browser. playwright refuses `--user-data-dir` in
 * `launch()` (it makes its own fresh temporary profile there), so the fresh folder is handed
 * over through the environment Chromium reads its profile location from instead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where the e2e tests write screenshots of the views, for people to look at: under the git-ignored
 * test-results/, so a run does not rewrite files in the repository. No test compares against them.
 */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface Launched {
  browser: Browser;
  close: () => Promise<void>;
}

export async function launch(): Promise<Launched> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const profile = await mkdtemp(join(tmpdir(), 'hotline-lab-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    // Chromium on Linux keeps its caches under XDG_CONFIG_HOME / XDG_CACHE_HOME: point them at the fresh folder.
    env: { ...process.env, XDG_CONFIG_HOME: join(profile, 'config'), XDG_CACHE_HOME: join(profile, 'cache'), HOME: profile },
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** A page that keeps the uncaught errors it throws, for a test to check at the end. */
export type TrackedPage = Page & { errors: string[] };

/**
 * A new page in a browser context of its own (English unless `options` says otherwise), keeping
 * its uncaught page errors in `page.errors`. The context goes into `contexts`, which the test
 * file's afterAll closes. With a `url`, the page opens it.
 */
export async function newPage(
  chrome: Launched,
  contexts: BrowserContext[],
  url: string | null,
  options: BrowserContextOptions = {},
): Promise<TrackedPage> {
  const ctx = await chrome.browser.newContext({ locale: 'en-US', ...options });
  contexts.push(ctx);
  const page = (await ctx.newPage()) as TrackedPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (url !== null) await page.goto(url);
  return page;
}

/** Records every long task (main-thread task over 50 ms) from the page's first script on. */
export const LONG_TASK_SCRIPT = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
`;

/** Small worlds keep the tests fast on two cores. */
export const SMALL = 'residents=20000&cells=20&units=4&horizonDays=120';

/** Wait until the scenario run has finished. */
export async function waitDone(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout });
}

/** The key figures as { id: text }. */
export async function figures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const items = page.locator('hl-key-figures dd[data-figure]');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    const el = items.nth(i);
    out[(await el.getAttribute('data-figure')) as string] = ((await el.textContent()) ?? '').trim().replace(/\s+/g, ' ');
  }
  return out;
}

export interface MainThreadTasks {
  /** Tasks on the page's main thread: wall time and the thread's own CPU time, in ms. */
  tasks: { wall: number; cpu: number }[];
  longestWall: number;
  longestCpu: number;
}

/**
 * A Chromium performance trace (CDP Tracing, 'toplevel' category) of the page's main thread
 * while `during` runs. Every task comes with its wall time and its CPU time: the wall time
 * includes the time the OS gave the core to other work (the page's own workers, other
 * processes on a loaded machine); the CPU time is what the page itself spent.
 * The page's main thread is the busiest CrRendererMain thread of the trace.
 */
export async function traceMainThread(page: Page, during: () => Promise<void>): Promise<MainThreadTasks> {
  const cdp = await page.context().newCDPSession(page);
  const events: { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', '__metadata'], excludedCategories: ['*'] },
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  const mains = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const by = new Map<string, { wall: number; cpu: number }[]>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    // The outermost event of every task the thread runs.
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(k)) continue;
    const list = by.get(k) ?? [];
    list.push({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
    by.set(k, list);
  }
  const busiest = [...by.values()].sort((a, b) => b.reduce((s, x) => s + x.cpu, 0) - a.reduce((s, x) => s + x.cpu, 0))[0] ?? [];
  return {
    tasks: busiest,
    longestWall: busiest.reduce((m, x) => Math.max(m, x.wall), 0),
    longestCpu: busiest.reduce((m, x) => Math.max(m, x.cpu), 0),
  };
}
