/**
 * End-to-end: a fit's result in the Experiments tab (issue 14). The files of docs/fit/ are
 * uploaded and the tab shows the posterior table and the predictive check with the figures
 * docs/FIT.md reads from the same files (read here from the files too, never typed), in English
 * and Chinese; a file of another kind is refused with a message; a small experiment runs with the
 * posterior on and names the fit; a link naming a fit is refused until its sets are loaded.
 * Screenshots at 1366x768 and 390x844 in both languages.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, type Launched, newPage } from './browser.ts';
import { readCsv } from '../../experiments/fit-report.ts';
import { KNOB_LABELS } from '../../sim/index.ts';

const base = inject('baseUrl');
const FIT = fileURLToPath(new URL('../../docs/fit/', import.meta.url));
const FILES = ['posterior.csv', 'predictive.csv', 'posterior-sample.json'].map((f) => join(FIT, f));
const tmp = mkdtempSync(join(tmpdir(), 'hotline-fit-e2e-'));

let chrome: Launched;
const contexts: BrowserContext[] = [];

async function open(query: string, viewport = { width: 1366, height: 768 }): Promise<Page & { errors: string[] }> {
  return newPage(chrome, contexts, base + query, { viewport, acceptDownloads: true });
}

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// What docs/FIT.md says, read from the same files.
const posterior = readCsv(readFileSync(join(FIT, 'posterior.csv'), 'utf8')).rows;
const predictive = readCsv(readFileSync(join(FIT, 'predictive.csv'), 'utf8')).rows;
const passing = predictive.filter((r) => Number(r.median) >= Number(r.lo) && Number(r.median) <= Number(r.hi)).length;
const individual = posterior.find((r) => r.knob === 'individualRate')!;
/** The narrowest posterior (width as a share of the prior), which docs/FIT.md and the view list first. */
const narrowest = [...posterior].sort((a, b) => Number(a.width_ratio) - Number(b.width_ratio))[0].knob;

describe('a fit in the Experiments tab', () => {
  test('shows the posterior and the predictive check of docs/fit, in English and Chinese', async () => {
    // the figures docs/FIT.md states
    expect(Number(individual.median).toPrecision(3)).toBe('0.278');
    expect(`${passing} of ${predictive.length}`).toBe('20 of 31');
    for (const lang of ['en', 'zh'] as const) {
      for (const viewport of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        const page = await open(`?${SMALL}&lang=${lang}&view=experiments`, viewport);
        const view = page.locator('hl-fit-view');
        await view.waitFor();
        await view.locator('[data-testid="fit-files"]').setInputFiles(FILES);
        const post = view.locator('[data-testid="fit-posterior"]');
        await post.waitFor();
        expect(await post.locator('tbody tr').count()).toBe(posterior.length);
        const row = post.locator('tr[data-knob="individualRate"]');
        expect(await row.locator('td.median').textContent()).toBe('0.278');
        expect(await row.locator('th').textContent()).toBe(KNOB_LABELS.individualRate[lang]);
        expect(await row.getAttribute('data-verdict')).toBe('constrained');
        // most constrained first, as docs/FIT.md orders it
        expect(await post.locator('tbody tr').first().getAttribute('data-knob')).toBe(narrowest);
        const caption = (await post.locator('caption').textContent()) ?? '';
        const counts = ['constrained', 'weakly constrained', 'not constrained'].map((v) => posterior.filter((r) => r.verdict === v).length);
        expect(caption).toContain(
          lang === 'en'
            ? `${counts[0]} constrained, ${counts[1]} weakly constrained, ${counts[2]} not constrained`
            : `${counts[0]} 个受约束`,
        );
        const pred = view.locator('[data-testid="fit-predictive"]');
        expect(await pred.getAttribute('data-pass')).toBe(String(passing));
        expect(await pred.locator('caption').textContent()).toContain(lang === 'en' ? '20 of 31 targets pass' : '31 个目标中 20 个通过');
        expect(await pred.locator('tbody tr[data-pass="true"]').count()).toBe(20);
        // the charts: the posterior within the prior (constrained and weakly constrained), the check per target
        expect(await view.locator('[data-testid="fit-prior-chart"] svg g.row').count()).toBe(counts[0] + counts[1]);
        expect(await view.locator('[data-testid="fit-predictive-chart"] svg g.row').count()).toBe(31);
        expect(await view.locator('[data-testid="fit-use"]').count()).toBe(1);
        const said = (await view.locator('[data-testid="fit-said"]').textContent()) ?? '';
        expect(said).toContain(lang === 'en' ? '40 posterior parameter sets (fit 17f3e8fca655)' : '40 组后验参数（拟合 17f3e8fca655）');
        const name = `fit-view-${lang}-${viewport.width}`;
        await view.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOTS}${name}.png` });
        await view.locator('[data-testid="fit-predictive"]').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SCREENSHOTS}${name}-predictive.png` });
        await view.locator('[data-testid="fit-predictive-chart"]').screenshot({ path: `${SCREENSHOTS}${name}-predictive-chart.png` });
        await view.locator('[data-testid="fit-prior-chart"]').screenshot({ path: `${SCREENSHOTS}${name}-prior-chart.png` });
        expect(page.errors).toEqual([]);
      }
    }
  }, 300_000);

  test('refuses a file that is not a fit file, and a posterior sample with a bad set, with a message in each language', async () => {
    const other = join(tmp, 'notes.csv');
    writeFileSync(other, 'a,b\n1,2\n');
    const bad = join(tmp, 'sample.json');
    writeFileSync(bad, JSON.stringify({ model: 'hotline-lab 0.2.0', fitHash: 'ab'.repeat(32), seed: 1, sets: [{ normEfect: 5 }] }));
    for (const lang of ['en', 'zh'] as const) {
      const page = await open(`?${SMALL}&lang=${lang}&view=experiments`);
      const view = page.locator('hl-fit-view');
      await view.locator('[data-testid="fit-files"]').setInputFiles([other, bad]);
      const said = (await view.locator('[data-testid="fit-said"]').textContent()) ?? '';
      if (lang === 'en') {
        expect(said).toContain('notes.csv: not a file of a fit: expected posterior.csv');
        expect(said).toContain("sample.json: posterior.sets[0].normEfect: unknown knob 'normEfect': did you mean 'normEffect'?");
      } else {
        expect(said).toContain('notes.csv：不是拟合的文件');
        expect(said).toContain('未知参数“normEfect”：您是否想输入“normEffect”？');
      }
      expect(await view.locator('[data-testid="fit-use"]').count()).toBe(0);
      expect(page.errors).toEqual([]);
    }
  }, 120_000);

  test('runs a small experiment with the posterior on; a link naming the fit is refused until the sets are loaded', async () => {
    const exp = 'handDown:false,true;replicates:3;metrics:true_satisfaction';
    const page = await open(`?${SMALL}&seed=3&handDownStart=2021-02-01&view=experiments&exp=${exp}`);
    const panel = page.locator('hl-experiments-panel');
    await panel.waitFor();
    await panel.locator('hl-fit-view [data-testid="fit-files"]').setInputFiles([join(FIT, 'posterior-sample.json')]);
    await panel.locator('[data-testid="fit-use"]').check();
    expect(await panel.locator('[data-testid="exp-posterior"]').textContent()).toContain('fit 17f3e8fca655 (40 sets)');
    await panel.locator('[data-testid="exp-run"]').click();
    await panel.locator('[data-testid="exp-status"][data-status="done"]').waitFor({ timeout: 180_000 });
    expect(await panel.locator('[data-testid="exp-table-differences"] tbody tr').count()).toBe(1);
    expect(await panel.locator('[data-testid="exp-results-posterior"]').textContent()).toContain('fit 17f3e8fca655 (40 sets)');
    // the link names the fit; the downloads name it and its sets
    await page.waitForFunction(() => new URLSearchParams(location.search).get('exp')?.includes('posterior:17f3e8fca655'), undefined, {
      timeout: 60_000,
    });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid="exp-download-results"]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('# posterior fit-hash 17f3e8fca655c6e92bb408c14a522a808080981a493dd79e0b610e024e1fda92 sets 40');
    await page.screenshot({ path: `${SCREENSHOTS}fit-view-experiment.png`, fullPage: false });
    const link = new URL(page.url());
    expect(page.errors).toEqual([]);

    // Opened elsewhere: the link cannot bring the sets, so the experiment is refused, saying what to do.
    for (const lang of ['en', 'zh'] as const) {
      link.searchParams.set('lang', lang);
      const other = await open(link.search);
      const p2 = other.locator('hl-experiments-panel');
      const problems = p2.locator('[data-testid="exp-problems"]');
      await problems.waitFor();
      expect(await problems.textContent()).toContain(
        lang === 'en'
          ? "draws its uncertain knobs from the posterior of fit '17f3e8fca655'"
          : '该实验的不确定参数取自拟合“17f3e8fca655”的后验',
      );
      expect(await p2.locator('[data-testid="exp-run"]').isDisabled()).toBe(true);
      await p2.locator('hl-fit-view [data-testid="fit-files"]').setInputFiles([join(FIT, 'posterior-sample.json')]);
      await p2.locator('[data-testid="fit-use"]').check();
      expect(await p2.locator('[data-testid="exp-problems"]').count()).toBe(0);
      expect(await p2.locator('[data-testid="exp-run"]').isDisabled()).toBe(false);
      expect(other.errors).toEqual([]);
    }
  }, 400_000);
});
