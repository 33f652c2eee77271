/**
 * End-to-end: the page on a phone (390 x 844), a laptop (1366 x 768) and a projector at 150%
 * (1280 x 720 at device scale 1.5, and 1366 x 768 zoomed to 150%, i.e. 911 x 512 CSS pixels),
 * in English and Chinese: one page scroll and no sideways scroll on phones, view tabs one line
 * high, the knob panel behind a toggle, presentation mode (button and `present=1`) hiding the
 * panel and enlarging charts and key figures, and Beijing's key figures inside their cards.
 * Screenshots go to test-results/screenshots/layout-*.png (git-ignored), for people to look at.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, waitDone, type Launched, newPage } from './browser.ts';

const base = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1280, height: 720 };
/** A 1366 x 768 screen with the browser zoomed to 150%. */
const ZOOMED = { width: 911, height: 512 };

let chrome: Launched;
const contexts: BrowserContext[] = [];

async function open(query: string, viewport: { width: number; height: number }, scale = 1): Promise<Page> {
  return newPage(chrome, contexts, base + query, { viewport, deviceScaleFactor: scale });
}

function errorsOf(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}layout-${name}.png`, fullPage });
}

interface Layout {
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
  header: number;
  /** The knob panel's width, 0 when hidden. */
  aside: number;
  asideHidden: boolean;
  /** Computed overflow-y of the knob panel and the results (a scroll pane has auto or scroll). */
  asideOverflow: string;
  mainOverflow: string;
  /** Each view tab: its height and the number of text lines it shows. */
  tabs: { height: number; lines: number }[];
  /** The results' width and the first chart card's width, in screen (CSS) pixels. */
  views: number;
  chart: number;
  /** The first chart title's height on screen (grows with the presentation zoom). */
  chartTitle: number;
  /** The first key figure's number: its height on screen. */
  figure: number;
  /** Cards per row of the key figures, top to bottom. */
  figureRows: number[];
  /** Key figure cards whose content reaches outside the card, with their text. */
  overflowing: string[];
  /** Key figures whose number (not its comparison lines) takes more than one line. */
  brokenNumbers: string[];
}

async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const root = document.querySelector('hl-app')?.shadowRoot as ShadowRoot;
    const rect = (el: Element | null | undefined) => el?.getBoundingClientRect() ?? new DOMRect();
    const aside = root.querySelector('aside') as HTMLElement;
    const main = root.querySelector('main') as HTMLElement;
    const tabs = [...(root.querySelector('hl-view-tabs')?.shadowRoot?.querySelectorAll('[role=tab]') ?? [])].map((tab) => {
      const range = document.createRange();
      range.selectNodeContents(tab);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { height: Math.round(tab.getBoundingClientRect().height), lines: tops.size };
    });
    const charts = root.querySelector('hl-views')?.shadowRoot?.querySelector('hl-charts')?.shadowRoot;
    const figs = root.querySelector('hl-key-figures')?.shadowRoot;
    const cards = [...(figs?.querySelectorAll('dl > div') ?? [])] as HTMLElement[];
    const rowTops = new Map<number, number>();
    for (const c of cards) {
      const top = Math.round(c.getBoundingClientRect().top);
      rowTops.set(top, (rowTops.get(top) ?? 0) + 1);
    }
    const overflowing = cards
      .filter((c) => {
        const box = c.getBoundingClientRect();
        if (c.scrollWidth > c.clientWidth + 1) return true;
        return [...c.querySelectorAll('*')].some((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return [...range.getClientRects()].some((r) => r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5));
        });
      })
      .map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
    const brokenNumbers = [...(figs?.querySelectorAll('dd[data-figure]') ?? [])]
      .map((dd) => {
        const text = [...dd.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && (n.nodeValue ?? '').trim());
        if (!text) return null;
        const range = document.createRange();
        range.selectNodeContents(text);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)));
        return tops.size > 1 ? (text.nodeValue ?? '').trim() : null;
      })
      .filter((x): x is string => x !== null);
    return {
      scrollHeight: document.documentElement.scrollHeight,
      clientHeight: document.documentElement.clientHeight,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      header: rect(root.querySelector('hl-header')).height,
      aside: aside.hidden ? 0 : rect(aside).width,
      asideHidden: aside.hidden === true,
      asideOverflow: getComputedStyle(aside).overflowY,
      mainOverflow: getComputedStyle(main).overflowY,
      tabs,
      views: rect(root.querySelector('hl-views')).width,
      chart: rect(charts?.querySelector('.card')).width,
      chartTitle: rect(charts?.querySelector('hl-line-chart')?.shadowRoot?.querySelector('h3')).height,
      figure: rect(figs?.querySelector('dd')).height,
      figureRows: [...rowTops.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]),
      overflowing,
      brokenNumbers,
    };
  });
}

const knobsToggle = (page: Page) => page.locator('[data-testid="knobs-toggle"]');

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
});

describe('layout on phones and projectors', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`phone 390 x 844 (${lang}): one page scroll, compact header, one-line tabs, knobs behind a toggle`, async () => {
      const page = await open(`?${SMALL}&seed=3&lang=${lang}`, PHONE);
      await waitDone(page);
      await shot(page, `phone-${lang}`);
      const l = await layout(page);
      // one page scroll: the document is taller than the screen, and nothing inside scrolls on its own
      expect(l.scrollHeight).toBeGreaterThan(l.clientHeight + 400);
      expect(['visible', 'clip']).toContain(l.mainOverflow);
      expect(['visible', 'clip']).toContain(l.asideOverflow);
      await page.evaluate(() => window.scrollTo(0, 1500));
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
      await shot(page, `phone-${lang}-scrolled`);
      await page.evaluate(() => window.scrollTo(0, 0));
      // no sideways scroll
      expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
      // a compact header (it was 191 px)
      expect(l.header).toBeLessThan(110);
      // every tab one line, all of the same height
      expect(l.tabs).toHaveLength(4);
      for (const tab of l.tabs) expect(tab.lines).toBe(1);
      expect(Math.max(...l.tabs.map((t) => t.height)) - Math.min(...l.tabs.map((t) => t.height))).toBeLessThanOrEqual(2);
      expect(Math.max(...l.tabs.map((t) => t.height))).toBeLessThan(45);
      expect(l.overflowing).toEqual([]);
      // the knob panel: closed at first, opened and closed by its toggle (mouse, then keyboard)
      expect(l.asideHidden).toBe(true);
      await expect.poll(() => knobsToggle(page).getAttribute('aria-expanded')).toBe('false');
      await knobsToggle(page).click();
      expect(await knobsToggle(page).getAttribute('aria-expanded')).toBe('true');
      const opened = await layout(page);
      expect(opened.asideHidden).toBe(false);
      expect(opened.aside).toBeGreaterThan(PHONE.width - 2);
      expect(await page.locator('hl-knob-panel').isVisible()).toBe(true);
      expect(opened.scrollWidth).toBeLessThanOrEqual(opened.clientWidth);
      expect(['visible', 'clip']).toContain(opened.asideOverflow);
      await shot(page, `phone-${lang}-knobs`);
      await knobsToggle(page).focus();
      await page.keyboard.press('Enter');
      expect(await knobsToggle(page).getAttribute('aria-expanded')).toBe('false');
      expect((await layout(page)).asideHidden).toBe(true);
      // the rest of the header behind "More"
      const more = page.locator('[data-testid="header-more"]');
      expect(await page.locator('[data-testid="seed"]').isVisible()).toBe(false);
      await more.click();
      expect(await more.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('[data-testid="seed"]').isVisible()).toBe(true);
      expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
      await shot(page, `phone-${lang}-more`);
      expect(errorsOf(page)).toEqual([]);
    });
  }

  test('laptop 1366 x 768: the knob panel hides and the charts take its width; presentation mode survives a reload', async () => {
    const page = await open(`?${SMALL}&seed=3&lang=en`, LAPTOP);
    await waitDone(page);
    const withPanel = await layout(page);
    await shot(page, 'laptop-en');
    expect(withPanel.asideHidden).toBe(false);
    expect(withPanel.aside).toBeGreaterThan(250);
    expect(await knobsToggle(page).getAttribute('aria-expanded')).toBe('true');
    await knobsToggle(page).click();
    const closed = await layout(page);
    expect(closed.asideHidden).toBe(true);
    expect(closed.views).toBeGreaterThan(withPanel.views + withPanel.aside - 10);
    expect(closed.scrollWidth).toBeLessThanOrEqual(closed.clientWidth);
    expect(closed.figureRows).toEqual([11]);
    await knobsToggle(page).click();
    expect((await layout(page)).asideHidden).toBe(false);

    // presentation mode: the panel goes, charts and key figures grow, the link says so
    const present = page.locator('[data-testid="present"]');
    await present.click();
    expect(await present.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1');
    await expect.poll(async () => (await layout(page)).chart).toBeGreaterThan(withPanel.chart * 1.2);
    const shown = await layout(page);
    await shot(page, 'laptop-en-present');
    expect(shown.asideHidden).toBe(true);
    // a one-band header: the other tools behind More
    expect(shown.header).toBeLessThan(withPanel.header);
    expect(await page.locator('[data-testid="export-csv"]').isVisible()).toBe(false);
    expect(shown.chartTitle).toBeGreaterThan(withPanel.chartTitle * 1.2);
    expect(shown.figure).toBeGreaterThan(withPanel.figure * 1.2);
    expect(shown.scrollWidth).toBeLessThanOrEqual(shown.clientWidth);
    expect(shown.figureRows.at(-1)).toBeGreaterThan(1);
    expect(shown.overflowing).toEqual([]);
    // a reload keeps it (the link holds present=1)
    await page.reload();
    await waitDone(page);
    const again = await layout(page);
    expect(again.asideHidden).toBe(true);
    expect(await page.locator('[data-testid="present"]').getAttribute('aria-pressed')).toBe('true');
    expect(again.chart).toBeCloseTo(shown.chart, -1);
    // and off again: the panel comes back
    await page.locator('[data-testid="present"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe(null);
    expect((await layout(page)).asideHidden).toBe(false);
    expect(errorsOf(page)).toEqual([]);
  });

  for (const [name, viewport] of [
    ['projector', PROJECTOR],
    ['zoomed', ZOOMED],
  ] as const) {
    test(`${name} ${viewport.width} x ${viewport.height} at scale 1.5 (zh): present=1 hides the panel and enlarges charts and figures`, async () => {
      const plain = await open(`?${SMALL}&seed=3&lang=zh`, viewport, 1.5);
      await waitDone(plain);
      const before = await layout(plain);
      await shot(plain, `${name}-zh`);
      expect(before.asideHidden).toBe(false);
      const page = await open(`?${SMALL}&seed=3&lang=zh&present=1`, viewport, 1.5);
      await waitDone(page);
      await expect.poll(async () => (await layout(page)).chart).toBeGreaterThan(before.chart * 1.1);
      const l = await layout(page);
      await shot(page, `${name}-zh-present`);
      expect(l.asideHidden).toBe(true);
      expect(l.figure).toBeGreaterThan(before.figure * 1.1);
      expect(l.chartTitle).toBeGreaterThan(before.chartTitle * 1.05);
      expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
      expect(l.figureRows.at(-1)).toBeGreaterThan(1);
      expect(l.overflowing).toEqual([]);
      for (const tab of l.tabs) expect(tab.lines).toBe(1);
      expect(await page.locator('[data-testid="present"]').getAttribute('aria-pressed')).toBe('true');
      expect([...errorsOf(plain), ...errorsOf(page)]).toEqual([]);
    });
  }

  test("Beijing's key figures stay inside their cards (phone and laptop, both languages)", async () => {
    // the whole city (21.9 million residents), a month without burn-in to keep the run short
    const page = await open('?preset=beijing-city&horizonDays=30&burnInDays=0&lang=zh', PHONE);
    await waitDone(page, 280_000);
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await page.locator('[data-testid="lang-en"]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      for (const viewport of [PHONE, LAPTOP]) {
        await page.setViewportSize(viewport);
        await page.waitForTimeout(200);
        const l = await layout(page);
        const tickets = (await page.locator('hl-key-figures dd[data-figure="tickets"]').textContent()) ?? '';
        expect(tickets.replace(/\D/g, '').length).toBeGreaterThanOrEqual(6);
        expect(l.overflowing).toEqual([]);
        expect(l.brokenNumbers).toEqual([]);
        expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
        expect(l.figureRows.at(-1)).toBeGreaterThan(1);
        await shot(page, `beijing-${lang}-${viewport.width}`);
      }
    }
    expect(errorsOf(page)).toEqual([]);
  }, 360_000);
});
