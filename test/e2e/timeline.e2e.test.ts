/**
 * End-to-end, issue 11 (the app side of timelines and versions), in Debian's Chromium against the
 * built app: a change added in the timeline editor runs, is marked on the charts, goes into the
 * copied link, and the link reopened in a fresh page and run by the command line gives the same
 * numbers bit for bit; the editor's problems come from the scenario layer's validator, in English
 * and Chinese; the knob panel shows the value in force under a chart's cursor; a link made with an
 * archived model version runs as published beside today's model. Screenshots go to
 * test-results/screenshots/timeline-*.png (git-ignored), at phone and laptop width, in both languages.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, figures, launch, waitDone, type Launched } from './browser.ts';
import { MODEL, type Summary } from '../../sim/index.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { dateAfter } from '../../ui/timeline-text.ts';
import { importArchived } from '../../versions/registry.ts';
import { main } from '../../cli/main.ts';

const base = inject('baseUrl');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const START = (presetKnobs('baseline') as { startDate: string }).startDate;
/** The change's date: 60 days into the 120-day run of SMALL. */
const WHEN = dateAfter(START, 60);

let chrome: Launched;
const contexts: BrowserContext[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'hotline-tl-e2e-'));

type TestPage = Page & { errors: string[] };

async function open(query: string, viewport = LAPTOP, permissions: string[] = []): Promise<TestPage> {
  const ctx = await chrome.browser.newContext({
    viewport,
    locale: 'en-US',
    ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
  });
  contexts.push(ctx);
  if (permissions.length) await ctx.grantPermissions(permissions, { origin: new URL(base).origin });
  const page = (await ctx.newPage()) as TestPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(base + query);
  await page.locator('hl-app').waitFor();
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}timeline-${name}.png`, fullPage });
}

/** The run's summary and its JSON export, as the app's worker wrote them. */
async function appRun(page: Page, which: 'main' | 'baseline' = 'main'): Promise<{ summary: Summary; json: string }> {
  return page.evaluate(async (w) => {
    const app = document.querySelector('hl-app')!;
    const run = w === 'main' ? app.sim.main : app.sim.baseline!;
    return { summary: run.summary!, json: await app.sim.exportText('json', w) };
  }, which);
}

const editor = (page: Page) => page.locator('hl-timeline-editor');

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the timeline editor', () => {
  test('a change added in the editor runs, is marked on the charts, and its link gives the same numbers in a fresh page and on the command line', async () => {
    const page = await open(`?${SMALL}&seed=4`, LAPTOP, ['clipboard-read', 'clipboard-write']);
    await waitDone(page);
    await expect.poll(() => editor(page).getByTestId('timeline-empty').count()).toBe(1);

    // add a change: move it to day 60, make it the department share, set the value
    await editor(page).getByRole('button', { name: 'Add a change' }).click();
    const row = editor(page).locator('li[data-change="0"]');
    await row.getByLabel('From', { exact: true }).fill(WHEN);
    await row.getByLabel('From', { exact: true }).dispatchEvent('change');
    await row.getByLabel('Knob', { exact: true }).selectOption('deptShare');
    const value = row.getByLabel('New value');
    await value.fill('0.6');
    await value.dispatchEvent('change');
    await page.waitForFunction((w) => new URL(location.href).searchParams.get('at') === `${w}~deptShare:0.6`, WHEN);
    await waitDone(page);

    // every time-axis chart marks the change, labelled with the knob's short name and value
    const markers = page.locator(`hl-line-chart g.marker[data-marker="${WHEN}"]`);
    const charts = await page.locator('hl-charts hl-line-chart').count();
    expect(charts).toBeGreaterThan(3);
    await expect.poll(() => markers.count()).toBe(charts);
    expect(await markers.first().locator('text').textContent()).toContain('0.6');
    // the rank chart's axis is the periods: its marker sits between the periods around the day
    await expect.poll(() => page.locator(`hl-bump-chart g.marker[data-marker="${WHEN}"]`).count()).toBe(1);
    // and an exported figure keeps the marker and its label
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('hl-line-chart')
        .first()
        .getByRole('button', { name: /as SVG/ })
        .click(),
    ]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain(`data-marker="${WHEN}"`);
    expect(exported).toMatch(/: 0\.6<\/text>/);

    // the value in force under a chart's cursor: before the change the knob's own, after it the change's
    const plot = page.locator('hl-line-chart').first().locator('rect.overlay');
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.95, box.y + 20);
    const inForce = page.locator('hl-knob-panel [data-in-force="deptShare"]');
    await expect.poll(() => inForce.textContent()).toMatch(/: 0\.6\s*$/);
    await page.mouse.move(box.x + 3, box.y + 20);
    const own = String((presetKnobs('baseline') as { deptShare: number }).deptShare);
    await expect.poll(async () => ((await inForce.textContent()) ?? '').trim()).toBe(`on ${START}: ${own}`);
    await page.mouse.move(box.x + box.width * 0.95, box.y + 20);
    await editor(page).scrollIntoViewIfNeeded();
    await shot(page, 'laptop-en');

    // copy the link and reopen it in a fresh page: the timeline is back, with the same numbers
    const mine = await figures(page);
    const run = await appRun(page);
    expect(JSON.parse(run.json).scenario.timeline).toEqual([{ date: WHEN, knobs: { deptShare: 0.6 } }]);
    await page.getByTestId('copy-link').click();
    await page.locator('[data-testid="notice"]').getByText('Link copied').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).searchParams.get('at')).toBe(`${WHEN}~deptShare:0.6`);
    const other = await open(link.slice(base.length));
    await waitDone(other);
    expect(await figures(other)).toEqual(mine);
    expect((await appRun(other)).json).toBe(run.json);
    await expect.poll(() => editor(other).locator('li[data-change="0"]').getByLabel('New value').inputValue()).toBe('0.6');
    expect(await other.locator(`hl-line-chart g.marker[data-marker="${WHEN}"]`).count()).toBe(charts);

    // the command line runs the same link to the same bytes
    const out = join(tmp, 'cli.json');
    expect(await main(['run', '--link', link, '--out', out])).toBe(0);
    const cli = readFileSync(out, 'utf8');
    expect(JSON.parse(cli).summary).toEqual(run.summary);
    expect(cli).toBe(run.json);
    expect(page.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 240_000);

  test('the editor names what is wrong, in English and Chinese, and keeps the last good timeline running', async () => {
    const page = await open(`?${SMALL}&seed=4&at=${WHEN}~deptShare:0.6`, LAPTOP);
    await waitDone(page);
    const row = editor(page).locator('li[data-change="0"]');
    const value = row.getByLabel('New value');
    await value.fill('1.5');
    await value.dispatchEvent('change');
    await expect
      .poll(() => row.locator('.err').first().textContent())
      .toContain("timeline[0].knobs.deptShare: knob 'deptShare' = 1.5 is above the maximum");
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    // the link still holds the last good timeline
    expect(new URL(page.url()).searchParams.get('at')).toBe(`${WHEN}~deptShare:0.6`);
    // a date before the start
    await value.fill('0.4');
    await value.dispatchEvent('change');
    await page.waitForFunction((w) => new URL(location.href).searchParams.get('at') === `${w}~deptShare:0.4`, WHEN);
    await row.getByLabel('From', { exact: true }).fill(START);
    await row.getByLabel('From', { exact: true }).dispatchEvent('change');
    await expect.poll(() => row.locator('.err').first().textContent()).toContain('is outside the run');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => row.locator('.err').first().textContent()).toContain('不在模拟期内');
    await editor(page).scrollIntoViewIfNeeded();
    await shot(page, 'laptop-zh-problem');
    // the same knob twice on one date
    await row.getByLabel('生效日期').fill(WHEN);
    await row.getByLabel('生效日期').dispatchEvent('change');
    await editor(page).getByRole('button', { name: '添加变更' }).click();
    const second = editor(page).locator('li[data-change="1"]');
    await second.getByLabel('生效日期').fill(WHEN);
    await second.getByLabel('生效日期').dispatchEvent('change');
    await second.getByLabel('参数', { exact: true }).selectOption('deptShare');
    await expect.poll(() => second.locator('.err').first().textContent()).toContain('每个日期每个参数只能设定一次');
    // removing it makes the timeline good again
    await second.getByRole('button', { name: /^删除/ }).click();
    await expect.poll(() => editor(page).locator('.err').count()).toBe(0);
    expect(page.errors).toEqual([]);
  }, 180_000);

  test('keyboard only, at phone width, in both languages', async () => {
    const page = await open(`?${SMALL}&seed=4&at=${WHEN}~deptShare:0.6`, PHONE);
    await waitDone(page);
    // on a phone the timeline and knobs sit behind the Knobs toggle: open it from the keyboard
    const toggle = page.locator('[data-testid="knobs-toggle"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const add = editor(page).getByRole('button', { name: 'Add a change' });
    await add.focus();
    await page.keyboard.press('Enter');
    // focus moves to the new change's knob: pick one by keyboard, then tab to its date
    const row = editor(page).locator('li[data-change="1"]');
    const knob = row.getByLabel('Knob', { exact: true });
    const has = (l: typeof knob) => l.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
    await expect.poll(() => has(knob)).toBe(true);
    await page.keyboard.press('End');
    await expect.poll(() => knob.inputValue()).not.toBe('cadence');
    await page.keyboard.press('Tab');
    await expect.poll(() => has(row.getByLabel('From', { exact: true }))).toBe(true);
    await waitDone(page);
    // nothing wider than the phone
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(PHONE.width);
    await editor(page).scrollIntoViewIfNeeded();
    await shot(page, 'phone-en');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => editor(page).getByRole('button', { name: '添加变更' }).count()).toBe(1);
    await editor(page).scrollIntoViewIfNeeded();
    await shot(page, 'phone-zh');
    await page.locator('hl-charts').scrollIntoViewIfNeeded();
    await shot(page, 'phone-zh-charts');
    expect(page.errors).toEqual([]);
  }, 180_000);
});

describe('compare mode with timelines on both sides', () => {
  test('the preset keeps its own timeline as the baseline while the user edits the scenario’s', async () => {
    // relaxed-2026 in a small world from 2025: its 2026 change is the baseline's; the run's is its own, in 2025
    const q =
      '?preset=relaxed-2026&residents=10000&cells=10&units=2&startDate=2025-01-01&horizonDays=600&seed=2&compare=1&at=2025-07-01~cadence:bimonthly';
    const page = await open(q, LAPTOP);
    await waitDone(page, 200_000);
    await expect.poll(() => page.evaluate(() => document.querySelector('hl-app')!.sim.baseline?.status), { timeout: 200_000 }).toBe('done');
    const main = await appRun(page);
    const base = await appRun(page, 'baseline');
    expect(JSON.parse(main.json).scenario.timeline).toEqual([{ date: '2025-07-01', knobs: { cadence: 'bimonthly' } }]);
    expect(JSON.parse(base.json).scenario.timeline[0].date).toBe('2026-01-01');
    // both sides' changes are marked: the run's solid, the baseline's dashed
    await expect.poll(() => page.locator('hl-line-chart').first().locator('g.marker[data-marker="2025-07-01"]').count()).toBe(1);
    expect(await page.locator('hl-line-chart').first().locator('g.marker.base[data-marker="2026-01-01"]').count()).toBe(1);
    await page.locator('hl-charts').scrollIntoViewIfNeeded();
    await shot(page, 'compare-laptop-en');
    expect(page.errors).toEqual([]);
  }, 400_000);
});

describe('side by side across model versions', () => {
  test('a 0.1.0 link keeps its published numbers and runs beside today’s model, each side as its own command-line run, with the differences', async () => {
    const query = `?preset=baseline&seed=5&v=0.1.0&${SMALL}`;
    const link = `https://example.org/lab/${query}`;
    const core = await importArchived('0.1.0');
    const parsed = core.parseLink(link);
    const published = core.runScenario(parsed.scenario, parsed.seed);
    const page = await open(query, LAPTOP);
    await waitDone(page, 150_000);
    const offer = page.getByTestId('version-compare-open');
    await expect.poll(() => offer.textContent()).toContain(`today’s model ${MODEL.version}`);
    await offer.click();
    const table = page.getByTestId('version-compare');
    await expect.poll(() => page.evaluate(() => document.querySelector('hl-app')!.sim.baseline?.status), { timeout: 150_000 }).toBe('done');
    expect(new URL(page.url()).searchParams.get('v')).toBe('0.1.0');

    // the archived side is as published: the archive's run in Node, and the command line's run of the link
    const archived = await appRun(page);
    expect(archived.summary).toEqual(published.summary);
    expect(JSON.parse(archived.json).model.version).toBe('0.1.0');
    const oldOut = join(tmp, 'v010.json');
    expect(await main(['run', '--link', link, '--out', oldOut])).toBe(0);
    expect(JSON.parse(readFileSync(oldOut, 'utf8')).summary).toEqual(archived.summary);
    // the other side is today's model on the same link: the command line's run of it with --model today
    const current = await appRun(page, 'baseline');
    expect(JSON.parse(current.json).model.version).toBe(MODEL.version);
    const nowOut = join(tmp, 'today.json');
    expect(await main(['run', '--link', link, '--model', MODEL.version, '--out', nowOut])).toBe(0);
    const today = readFileSync(nowOut, 'utf8');
    expect(JSON.parse(today).summary).toEqual(current.summary);
    expect(today).toBe(current.json);

    // the table: both values and the difference of each key figure (the page's run less today's, as in compare mode)
    const tickets = table.locator('tr[data-figure="tickets"]');
    await expect.poll(() => tickets.locator('td[data-side="current"]').textContent()).toMatch(/\d/);
    const num = (s: string | null) => Number((s ?? '').replace(/[,+±]/g, '').replace('−', '-'));
    const a = num(await tickets.locator('td[data-side="archived"]').textContent());
    const b = num(await tickets.locator('td[data-side="current"]').textContent());
    expect(a).toBe(published.summary.tickets_filed);
    expect(b).toBe(JSON.parse(today).summary.tickets_filed);
    expect(num(await tickets.locator('td[data-side="diff"]').textContent())).toBe(a - b);
    expect(await table.locator('thead').textContent()).toContain(`Difference (0.1.0 − ${MODEL.version})`);
    // compare mode's charts, key figures and run controls name the other side by its version, not "baseline"
    const other = `Model ${MODEL.version}`;
    await expect.poll(() => page.locator('hl-key-figures dd[data-figure="tickets"] .cmp').first().textContent()).toContain(other);
    expect(await page.locator('hl-run-controls .base').textContent()).toContain(`${other}:`);
    const chart = page.locator('hl-line-chart').first();
    await expect.poll(() => chart.locator('ul.legend').textContent()).toContain(`${other} (dashed)`);
    expect(await chart.locator('svg').textContent()).toContain(`Difference, Model 0.1.0 − ${other}`);
    expect(await page.locator('hl-bump-chart ul.legend').textContent()).toContain(other);
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'versions-laptop-en');
    await page.getByTestId('lang-zh').click();
    await expect.poll(() => table.locator('h2').textContent()).toContain('并排比较');
    await expect.poll(() => chart.locator('ul.legend').textContent()).toContain(`模型 ${MODEL.version}（虚线）`);
    await shot(page, 'versions-laptop-zh');
    // and hiding it leaves the archived run as it was
    await table.getByRole('button', { name: '关闭并排比较' }).click();
    await expect.poll(() => page.getByTestId('version-compare-open').count()).toBe(1);
    expect((await appRun(page)).summary).toEqual(published.summary);
    expect(page.errors).toEqual([]);
  }, 300_000);
});
