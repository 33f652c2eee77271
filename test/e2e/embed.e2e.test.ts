/**
 * End-to-end: the embed for articles. Its snippet fits the column it is put in (a 720 px article
 * column, a 320 px phone) with no sideways scrolling, inside or outside the frame; `show=` picks
 * the charts and figures; the title says when the scenario differs from its preset, in both
 * languages. Screenshots go to test-results/screenshots/ (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, waitDone, type Launched, newPage } from './browser.ts';

const base = inject('baseUrl');
let chrome: Launched;
const contexts: BrowserContext[] = [];

async function open(query: string, width: number, height = 800): Promise<Page> {
  return newPage(chrome, contexts, query ? base + query : null, { viewport: { width, height } });
}

/** How far the page (or frame) is wider than its viewport, and how far any chart reaches beyond it. */
async function overflow(target: Page | Frame): Promise<{ page: number; charts: number }> {
  return target.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const right = Math.max(
      0,
      ...all.filter((el) => el.matches('svg, figure, .card, h1, hl-key-figures')).map((el) => el.getBoundingClientRect().right),
    );
    return { page: doc.scrollWidth - doc.clientWidth, charts: Math.max(0, right - window.innerWidth) };
  });
}

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
});

describe('embed', () => {
  test('the snippet fits a 720 px article column and a 320 px phone; show= picks charts', async () => {
    const app = await open(`?${SMALL}&seed=4&handDown=true`, 1280);
    await waitDone(app);
    await app.locator('[data-testid="embed"]').click();
    const code = app.locator('[data-testid="embed-code"]');
    const all = await code.inputValue();
    expect(all).toContain('width:100%');
    expect(all).toContain('aspect-ratio:4/3');
    expect(all).not.toContain('show=');
    // keep the satisfaction and rank charts and the key figures
    const boxes = app.locator('[data-testid="embed-show"] input[type="checkbox"]');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) {
      const id = await boxes.nth(i).getAttribute('value');
      const want = id === 'satisfaction' || id === 'ranks' || id === 'figures';
      if ((await boxes.nth(i).isChecked()) !== want) await boxes.nth(i).click();
    }
    const snippet = await code.inputValue();
    expect(snippet).toContain('show=satisfaction,ranks,figures');
    await app.screenshot({ path: `${SCREENSHOTS}embed-dialog-show.png` });

    for (const width of [320, 800]) {
      // an article: a 720 px column (narrower on a phone) with the snippet pasted in
      const host = await open('', width, 900);
      await host.setContent(
        `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">
         <article style="max-width:720px;margin:0 auto;padding:0 12px;font:16px serif"><h1>An article</h1><p>Text before.</p>${snippet}<p>Text after.</p></article>`,
      );
      const frame = host.frames()[1];
      await frame.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
      await host.waitForTimeout(800);
      const box = await host.locator('iframe').boundingBox();
      expect(box!.width).toBeLessThanOrEqual(Math.min(720, width - 24) + 0.5);
      expect(box!.height).toBeGreaterThanOrEqual(480);
      expect(await overflow(host)).toEqual({ page: 0, charts: 0 });
      expect(await overflow(frame)).toEqual({ page: 0, charts: 0 });
      // only the charts and figures asked for
      expect(await frame.locator('hl-charts [data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))).toEqual([
        'satisfaction',
        'ranks',
      ]);
      expect(await frame.locator('hl-key-figures').count()).toBe(1);
      expect(await frame.locator('[data-testid="embed-title"]').textContent()).toContain('changed from the preset');
      await host.screenshot({ path: `${SCREENSHOTS}embed-article-${width}.png`, fullPage: true });
      expect((host as Page & { errors?: string[] }).errors).toEqual([]);
    }
  });

  test('the frame alone at 320 and 800 px: no sideways scrolling, every chart without show=', async () => {
    for (const width of [320, 800]) {
      const page = await open(`?${SMALL}&seed=4&embed=1&lang=zh`, width, 700);
      await waitDone(page);
      await page.waitForTimeout(800);
      expect(await overflow(page)).toEqual({ page: 0, charts: 0 });
      expect(await page.locator('hl-charts [data-chart]').count()).toBe(9);
      expect(await page.locator('[data-testid="embed-title"]').textContent()).toContain('已改动预设');
      await page.screenshot({ path: `${SCREENSHOTS}embed-zh-${width}.png` });
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    }
  });

  test('the title names the preset alone when nothing changed; unknown show= ids are said, not dropped silently', async () => {
    const page = await open('?preset=baseline&seed=1&embed=1', 800);
    const title = page.locator('[data-testid="embed-title"]');
    await title.waitFor();
    expect(await title.textContent()).not.toContain('changed');
    expect(await title.textContent()).toContain('Hotline Lab');
    await page.close();
    const bad = await open(`?${SMALL}&embed=1&show=nonsense`, 800);
    await bad.locator('hl-embed-frame').waitFor();
    await expect.poll(() => bad.getByText('No chart matches show=nonsense').count()).toBe(1);
    await waitDone(bad);
    expect(await bad.locator('hl-charts [data-chart]').count()).toBe(9);
  });
});
