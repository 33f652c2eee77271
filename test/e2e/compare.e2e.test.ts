/**
 * End-to-end, in Chromium: compare mode over paired seeds (intervals in points for rates, relative
 * change for counts, computed from the worker's summaries), the `seeds=` link flag both ways, the
 * key figures as the run's summary (the JSON export's numbers, under the shared names), inert knobs
 * marked, an out-of-range entry refused with a message in both languages, and a compare with
 * nothing changed run once. Screenshots (English and Chinese; 1366 x 768, phone, 150% zoom) go to
 * test-results/screenshots/compare-*.png.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, waitDone, type Launched, newPage } from './browser.ts';
import { figureDifference } from '../../ui/compare-stats.ts';
import { KEY_FIGURES, SUMMARY_LABELS } from '../../sim/metric-labels.ts';
import type { Summary } from '../../sim/index.ts';

const base = inject('baseUrl');
let chrome: Launched;
const contexts: BrowserContext[] = [];

/** A smaller world than SMALL for the paired runs (eight or more runs a test on a shared machine). */
const TINY = 'residents=10000&cells=12&units=4&horizonDays=90';

/** The figures' ids in the strip, with the summary field each shows (ui/key-figures.ts's order). */
const IDS = [
  'tickets',
  'per10k',
  'reported',
  'true',
  'official-resolution',
  'needs-met',
  'waiting',
  'open',
  'disputes',
  'gaming',
  'longterm',
];
/** A scenario that differs from its preset (hand-down on), in a small world. */
const SCENARIO = `${TINY}&handDown=true&handDownStart=2021-01-10`;

async function open(query: string, viewport = { width: 1366, height: 768 }, deviceScaleFactor = 1): Promise<Page> {
  return newPage(chrome, contexts, base + query, { viewport, deviceScaleFactor });
}

const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];

/** Wait until every paired run is done. */
async function waitSeeds(page: Page, total: number): Promise<void> {
  const p = page.locator('[data-testid="seed-progress"]');
  await expect
    .poll(async () => [await p.getAttribute('data-done'), await p.getAttribute('data-total')], { timeout: 240_000, interval: 500 })
    .toEqual([String(total), String(total)]);
}

/** The paired summaries as the page holds them (the workers' own). */
function paired(page: Page): Promise<{ seeds: number[]; main: (Summary | null)[]; base: (Summary | null)[] } | null> {
  return page.evaluate(() => {
    const p = (document.querySelector('hl-app') as unknown as { sim: { paired: unknown } }).sim.paired;
    return JSON.parse(JSON.stringify(p));
  });
}

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
});

describe('compare mode with paired seeds', () => {
  test('N = 4 seeds: each figure’s difference with its 95% interval, points for rates, relative change for counts', async () => {
    const page = await open(`?${SCENARIO}&seed=3&compare=1&seeds=4`);
    await waitDone(page);
    await waitSeeds(page, 8);
    expect(await page.locator('[data-testid="seeds"]').inputValue()).toBe('4');
    const p = await paired(page);
    expect(p?.seeds).toHaveLength(4);
    expect(p?.seeds[0]).toBe(3);
    expect(new Set(p?.seeds).size).toBe(4);
    const fig = page.locator('hl-key-figures');
    for (let i = 0; i < IDS.length; i++) {
      const id = IDS[i];
      const field = KEY_FIGURES[i];
      const dd = fig.locator(`dd[data-figure="${id}"]`);
      const interval = (await dd.locator('[data-interval]').textContent()) ?? '';
      expect(interval, id).toMatch(/^mean of 4 seeds; 95% interval .+ to .+$/);
      const diff = (await dd.locator('.diff').textContent()) ?? '';
      if (SUMMARY_LABELS[field].rate) {
        expect(diff, id).toMatch(/pts/);
        expect(interval, id).toMatch(/interval [+−±][\d.]+ to [+−±][\d.]+ pts$/);
      } else expect(diff, id).toMatch(/\([+−±][\d.,]+%\)|Δ [+−±]0\b/);
      // the difference shown is the mean paired difference of the workers' summaries
      const main = p!.main.map((s) => (s ? s[field] : Number.NaN));
      const bas = p!.base.map((s) => (s ? s[field] : Number.NaN));
      const r = figureDifference(main, bas);
      expect(r.n).toBe(4);
      expect(Number(await dd.locator('.diff').getAttribute('data-diff')), id).toBeCloseTo(r.mean, 9);
    }
    // hand-down changes the hotline's contacts: the interval says so, and its ends read in the unit
    const tickets = (await fig.locator('dd[data-figure="tickets"] [data-interval]').textContent()) ?? '';
    expect(tickets).toMatch(/[+−]/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}compare-seeds-en.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}compare-seeds-en-phone.png`, fullPage: true });
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  }, 300_000);

  test('the same in Chinese (screenshots at 1366 x 768, on a phone and at 150% zoom)', async () => {
    const zh = await open(`?${SCENARIO}&seed=3&compare=1&seeds=2&lang=zh`);
    await waitDone(zh);
    await waitSeeds(zh, 4);
    const text = (await zh.locator('hl-key-figures dd[data-figure="reported"]').textContent()) ?? '';
    expect(text).toContain('个百分点');
    expect(text).toContain('2 个种子的平均；95% 区间');
    expect(await zh.locator('hl-key-figures dt').first().textContent()).toBe(SUMMARY_LABELS.tickets_filed.zh);
    expect(await zh.locator('[data-testid="seed-progress"]').textContent()).toContain('配对种子：已完成 4/4 次运行');
    await zh.screenshot({ path: `${SCREENSHOTS}compare-seeds-zh.png` });
    await zh.setViewportSize({ width: 390, height: 844 });
    await zh.waitForTimeout(300);
    await zh.screenshot({ path: `${SCREENSHOTS}compare-seeds-zh-phone.png`, fullPage: true });
    // 150%: the page at 1366 x 768 zoomed as the browser's zoom would lay it out
    await zh.setViewportSize({ width: 1366, height: 768 });
    await zh.evaluate(() => {
      document.documentElement.style.zoom = '1.5';
    });
    await zh.waitForTimeout(300);
    await zh.screenshot({ path: `${SCREENSHOTS}compare-seeds-zh-150.png` });
    expect(errorsOf(zh)).toEqual([]);
    await zh.context().close();
  }, 300_000);

  test('N = 1 keeps one seed: no pool, no interval, the difference still in points', async () => {
    const one = await open(`?${SCENARIO}&seed=3&compare=1`);
    await waitDone(one);
    await one.locator('hl-run-controls .base', { hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    expect(await one.locator('[data-testid="seed-progress"]').count()).toBe(0);
    expect(await one.locator('hl-key-figures [data-interval]').count()).toBe(0);
    expect(await one.locator('hl-key-figures dd[data-figure="reported"] .diff').textContent()).toMatch(/Δ [+−±][\d.]+ pts/);
    expect(await paired(one)).toBeNull();
    expect(errorsOf(one)).toEqual([]);
    await one.context().close();
  });

  test('seeds= in the link: read, written back, changed from the run controls, refused when out of range', async () => {
    const page = await open(`?${TINY}&seed=2&compare=1&seeds=2`);
    await page.locator('[data-testid="seeds"]').waitFor();
    expect(await page.locator('[data-testid="seeds"]').inputValue()).toBe('2');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seeds') === '2');
    await page.locator('[data-testid="seeds"]').selectOption('8');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seeds') === '8');
    const link = new URL(page.url());
    await page.context().close();
    // the link opens with the same number of seeds
    const again = await open(link.search);
    await again.locator('[data-testid="seeds"]').waitFor();
    expect(await again.locator('[data-testid="seeds"]').inputValue()).toBe('8');
    expect(new URL(again.url()).searchParams.get('seeds')).toBe('8');
    // back to one seed: the flag leaves the link
    await again.locator('[data-testid="seeds"]').selectOption('1');
    await again.waitForFunction(() => !new URL(location.href).searchParams.has('seeds'));
    expect(await again.locator('[data-testid="seed-progress"]').count()).toBe(0);
    await again.context().close();

    for (const [bad, lang, words] of [
      ['99', 'en', 'seeds must be a whole number from 1 to 32'],
      ['x', 'zh', 'seeds 必须是 1 到 32 之间的整数'],
    ] as const) {
      const b = await open(`?${TINY}&compare=1&seeds=${bad}&lang=${lang}`);
      await expect.poll(() => b.locator('[data-testid="link-problems"]').textContent()).toContain(words);
      expect(await b.locator('[data-testid="seeds"]').inputValue()).toBe('1');
      expect(errorsOf(b)).toEqual([]);
      await b.context().close();
    }
  }, 300_000);
});

describe('key figures are the run’s summary', () => {
  test('each figure is the JSON export’s summary number, named as the command line names it, with how it is computed', async () => {
    const page = await open(`?${SMALL}&seed=5`);
    await waitDone(page);
    const json = await page.evaluate(() =>
      (document.querySelector('hl-app') as unknown as { sim: { exportText: (f: string) => Promise<string> } }).sim.exportText('json'),
    );
    const summary = (JSON.parse(json) as { summary: Summary }).summary;
    const fig = page.locator('hl-key-figures');
    for (let i = 0; i < IDS.length; i++) {
      const field = KEY_FIGURES[i];
      const dd = fig.locator(`dd[data-figure="${IDS[i]}"]`);
      expect(Number(await dd.getAttribute('data-value')), field).toBe(summary[field]);
      const card = fig.locator(`[data-card="${IDS[i]}"]`);
      expect(await card.locator('dt').textContent()).toBe(SUMMARY_LABELS[field].en);
      expect(await card.getAttribute('title')).toContain(SUMMARY_LABELS[field].how.en);
    }
    // the text shown is the summary's number rounded: contacts as a whole number, satisfaction in percent
    expect(await fig.locator('dd[data-figure="tickets"]').textContent()).toContain(
      Math.round(summary.tickets_filed).toLocaleString('en-US'),
    );
    expect(await fig.locator('dd[data-figure="reported"]').textContent()).toContain(`${(summary.official_satisfaction * 100).toFixed(1)}%`);
    expect(errorsOf(page)).toEqual([]);
  });

  test('a compare with nothing changed runs the city once and reuses the run for the baseline', async () => {
    const page = await open(`?${SMALL}&seed=6&compare=1`);
    await waitDone(page);
    await page.locator('[data-testid="same-run"]').waitFor();
    const state = await page.evaluate(async () => {
      const sim = (
        document.querySelector('hl-app') as unknown as {
          sim: { baselineReused: boolean; workerStatus: (w: string) => Promise<{ alive: boolean }> };
        }
      ).sim;
      return { reused: sim.baselineReused, baselineWorker: (await sim.workerStatus('baseline')).alive };
    });
    expect(state).toEqual({ reused: true, baselineWorker: false });
    for (const d of await page.locator('hl-key-figures .diff').allTextContents()) expect(d).toMatch(/Δ ±0/);
    // a changed knob: the baseline gets its own run
    await page.locator('[data-knob="handDown"] [role="switch"]').click();
    await page.locator('[data-testid="same-run"]').waitFor({ state: 'detached' });
    await page.locator('hl-run-controls .base', { hasText: 'Finished' }).waitFor({ timeout: 60_000 });
    expect(errorsOf(page)).toEqual([]);
  });
});

describe('knob panel', () => {
  test('an inert knob is marked with its reason, and acts once its switch is on', async () => {
    const page = await open(`?${SMALL}&seed=1`);
    const reach = page.locator('[data-knob="publishReach"]');
    await reach.waitFor();
    expect(await reach.getAttribute('data-inert')).not.toBeNull();
    expect(await reach.locator('.inert-mark').textContent()).toBe('no effect now');
    expect(await reach.locator('[data-inert-why]').textContent()).toContain('Publishing unreasonable requests is off');
    await reach.screenshot({ path: `${SCREENSHOTS}compare-inert-en.png` });
    await page.locator('[data-knob="publishUnreasonable"] [role="switch"]').click();
    await expect.poll(() => reach.getAttribute('data-inert')).toBeNull();
    expect(errorsOf(page)).toEqual([]);
  });

  test('a number out of range is not applied and says so, naming the range, in both languages', async () => {
    for (const [lang, words] of [
      ['en', '9 is outside the range 0 to 0.5; the knob keeps 0.03'],
      ['zh', '9 超出范围 0 至 0.5；参数仍为 0.03'],
    ] as const) {
      const page = await open(`?${SMALL}&seed=1&lang=${lang}&publishUnreasonable=true`);
      await waitDone(page);
      const input = page.locator('[data-knob="publishReach"] input[type="number"]');
      await input.fill('9');
      await input.press('Enter');
      const err = page.locator('[data-error="publishReach"]');
      await expect.poll(() => err.textContent()).toBe(words);
      expect(await input.inputValue()).toBe('0.03');
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(new URL(page.url()).searchParams.has('publishReach')).toBe(false);
      // the run was not restarted by the refused entry
      expect(await page.locator('[data-testid="run-status"]').getAttribute('data-status')).toBe('done');
      await page.locator('[data-knob="publishReach"]').screenshot({ path: `${SCREENSHOTS}compare-range-${lang}.png` });
      // a value in range is applied and clears the message
      await input.fill('0.1');
      await input.press('Enter');
      await expect.poll(() => err.count()).toBe(0);
      await page.waitForFunction(() => new URL(location.href).searchParams.get('publishReach') === '0.1');
      expect(errorsOf(page)).toEqual([]);
    }
  });
});
