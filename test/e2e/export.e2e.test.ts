/**
 * End-to-end: the run's downloads are traceable. File names carry the preset, a short scenario
 * hash, the model version and the seed; chart images carry a caption with the scenario, seed,
 * model and link; the CSV is plain data every CSV reader splits alike (d3.csvParse, nothing
 * stripped), with its provenance in a sidecar that imports again; compare-mode exports hold both
 * sides, labelled. The rank chart fills its width at any cadence in compare mode and stays
 * readable with hundreds of units; the satisfaction chart shows the gap on a fitted axis.
 * Screenshots go to test-results/screenshots/ (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { csvParse, csvParseRows } from 'd3';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, waitDone, type Launched, newPage } from './browser.ts';
import { MODEL } from '../../sim/index.ts';
import { importText } from '../../scenarios/import.ts';

const base = inject('baseUrl');
let chrome: Launched;
const contexts: BrowserContext[] = [];

async function open(query: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  return newPage(chrome, contexts, base + query, { viewport, acceptDownloads: true });
}

/** Click and collect the `n` downloads the click starts. */
async function downloads(page: Page, click: () => Promise<void>, n: number): Promise<Download[]> {
  const got: Download[] = [];
  const all = new Promise<void>((done) => {
    const on = (d: Download) => {
      got.push(d);
      if (got.length === n) {
        page.off('download', on);
        done();
      }
    };
    page.on('download', on);
  });
  await click();
  await all;
  // the order downloads are reported in is not the order they were saved in: the sidecar last
  const side = (d: Download) => (d.suggestedFilename().endsWith('.provenance.json') ? 1 : 0);
  return got.sort((a, b) => side(a) - side(b));
}

async function text(d: Download): Promise<string> {
  return readFile((await d.path()) as string, 'utf8');
}

/** Every row of a CSV text, as a plain reader splits it (nothing stripped), has the header's field count. */
function fieldCounts(csv: string): { header: number; counts: Set<number>; rows: number } {
  const rows = csvParseRows(csv);
  return { header: rows[0].length, counts: new Set(rows.map((r) => r.length)), rows: rows.length };
}

const VERSION = MODEL.version.replace(/\./g, '\\.');

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
});

describe('traceable exports', () => {
  test('CSV, sidecar and JSON: names with preset, hash, version and seed; plain CSV; the sidecar imports', async () => {
    const page = await open(`?${SMALL}&seed=9&handDown=true`);
    await waitDone(page);
    const [csvDl, sideDl] = await downloads(page, () => page.locator('[data-testid="export-csv"]').click(), 2);
    const name = new RegExp(`^hotline-lab_baseline-([0-9a-f]{8})_daily_v${VERSION}_s9\\.csv$`);
    expect(csvDl.suggestedFilename()).toMatch(name);
    const hash = name.exec(csvDl.suggestedFilename())![1];
    expect(sideDl.suggestedFilename()).toBe(csvDl.suggestedFilename().replace(/\.csv$/, '.provenance.json'));

    const csv = await text(csvDl);
    // a plain CSV reader, nothing stripped: the header is the first line, every row the same fields
    const parsed = csvParse(csv);
    expect(parsed.columns).toEqual(['day', 'date', 'metric', 'value']);
    const f = fieldCounts(csv);
    expect([...f.counts]).toEqual([4]);
    expect(f.rows).toBeGreaterThan(120 * 10);
    expect(parsed[0]).toMatchObject({ day: '0', date: '2021-01-01', metric: 'tickets_filed' });
    expect(Number(parsed[parsed.length - 1].day)).toBe(119);

    const side = JSON.parse(await text(sideDl));
    expect(side).toMatchObject({
      format: 'hotline-lab-csv-provenance',
      file: csvDl.suggestedFilename(),
      seed: 9,
      columns: ['day', 'date', 'metric', 'value'],
    });
    expect(side.model.version).toBe(MODEL.version);
    expect(side.scenarioHash.slice(0, 8)).toBe(hash);
    expect(side.scenario.knobs).toMatchObject({ handDown: true, residents: 20000 });
    // the sidecar imports as the scenario and seed it describes; the data alone says where they are
    const back = importText(JSON.stringify(side));
    expect(back.ok).toBe(true);
    expect(back.seed).toBe(9);
    expect(back.scenario.knobs.handDown).toBe(true);
    expect(importText(csv).problems[0].code).toBe('csv-data-only');

    const [perDl, perSide] = await downloads(page, () => page.locator('[data-testid="export-periods"]').click(), 2);
    expect(perDl.suggestedFilename()).toBe(`hotline-lab_baseline-${hash}_periods_v${MODEL.version}_s9.csv`);
    expect(perSide.suggestedFilename()).toMatch(/_periods_.*\.provenance\.json$/);
    const per = await text(perDl);
    expect(csvParse(per).columns.slice(0, 4)).toEqual(['period', 'start_date', 'end_date', 'unit']);
    expect(fieldCounts(per).counts.size).toBe(1);

    const [jsonDl] = await downloads(page, () => page.locator('[data-testid="export-json"]').click(), 1);
    expect(jsonDl.suggestedFilename()).toBe(`hotline-lab_baseline-${hash}_run_v${MODEL.version}_s9.json`);
    const json = JSON.parse(await text(jsonDl));
    expect(json.seed).toBe(9);

    // another knob, or another seed: another name, so runs never overwrite each other
    const other = await open(`?${SMALL}&seed=9`);
    await waitDone(other);
    const [otherCsv] = await downloads(other, () => other.locator('[data-testid="export-csv"]').click(), 2);
    expect(otherCsv.suggestedFilename()).toMatch(new RegExp(`^hotline-lab_baseline-[0-9a-f]{8}_daily_v${VERSION}_s9\\.csv$`));
    expect(otherCsv.suggestedFilename()).not.toBe(csvDl.suggestedFilename());
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  });

  test('chart SVG and PNG carry the caption: scenario (changed), seed, model, link; PNG is twice the SVG', async () => {
    const page = await open(`?${SMALL}&seed=9&handDown=true`);
    await waitDone(page);
    const chart = page.locator('hl-line-chart').filter({ hasText: 'Official satisfaction' });
    const [svgDl] = await downloads(page, () => chart.getByRole('button', { name: /SVG/ }).click(), 1);
    expect(svgDl.suggestedFilename()).toMatch(new RegExp(`^hotline-lab_baseline-[0-9a-f]{8}_chart-satisfaction-gap_v${VERSION}_s9\\.svg$`));
    const svg = await text(svgDl);
    const caption = /<text[^>]*class="caption"[^>]*>(.*?)<\/text>/s.exec(svg)?.[1] ?? '';
    const lines = [...caption.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const all = lines.join('');
    expect(all).toContain('Scenario: baseline, changed');
    expect(all).toContain('seed 9');
    expect(all).toContain(`model ${MODEL.version}`);
    const hash = /_baseline-([0-9a-f]{8})_/.exec(svgDl.suggestedFilename())![1];
    expect(all).toContain(`(${hash})`);
    // the image names the same scenario as the data exported from the same run
    const [csvDl] = await downloads(page, () => page.locator('[data-testid="export-csv"]').click(), 2);
    expect(csvDl.suggestedFilename()).toContain(`_baseline-${hash}_`);
    // the link, wrapped over lines, opens this run again
    const link = /Link: (\S+)/.exec(all)?.[1] ?? '';
    expect(link.startsWith(base)).toBe(true);
    const q = new URL(link).searchParams;
    expect([q.get('seed'), q.get('handDown'), q.get('residents')]).toEqual(['9', 'true', '20000']);
    const width = Number(/<svg[^>]*width="(\d+)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]*height="(\d+)"/.exec(svg)![1]);

    const [pngDl] = await downloads(page, () => chart.getByRole('button', { name: /PNG/ }).click(), 1);
    expect(pngDl.suggestedFilename()).toBe(svgDl.suggestedFilename().replace(/\.svg$/, '.png'));
    const png = await readFile((await pngDl.path()) as string);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * 2, height * 2]);
    await page.setViewportSize({ width: Math.min(1280, width * 2), height: Math.min(1200, height * 2) });
    await page.goto(`file://${await pngDl.path()}`);
    await page.screenshot({ path: `${SCREENSHOTS}export-satisfaction-png.png` });
  });

  test('compare mode: the exports hold both sides, labelled; the rank chart fills its width at a bimonthly cadence', async () => {
    const page = await open('?residents=20000&cells=20&units=4&horizonDays=360&seed=3&cadence=bimonthly&compare=1');
    await waitDone(page);
    await page.locator('hl-run-controls .base', { hasText: 'Finished' }).waitFor({ timeout: 120_000 });
    const [csvDl, sideDl] = await downloads(page, () => page.locator('[data-testid="export-csv"]').click(), 2);
    expect(csvDl.suggestedFilename()).toMatch(new RegExp(`^hotline-lab_baseline-[0-9a-f]{8}_compare-daily_v${VERSION}_s3\\.csv$`));
    const csv = await text(csvDl);
    const rows = csvParse(csv);
    expect(rows.columns).toEqual(['side', 'day', 'date', 'metric', 'value']);
    expect([...fieldCounts(csv).counts]).toEqual([5]);
    expect(new Set(rows.map((r) => r.side))).toEqual(new Set(['scenario', 'baseline']));
    const side = JSON.parse(await text(sideDl));
    expect(side.scenario.knobs.cadence).toBe('bimonthly');
    expect(side.baseline.scenario.knobs.cadence).toBe('monthly');

    const [perDl] = await downloads(page, () => page.locator('[data-testid="export-periods"]').click(), 2);
    const per = csvParse(await text(perDl));
    expect(per.columns[0]).toBe('side');
    // six bimonthly periods on the scenario's side, twelve monthly ones on the baseline's
    const periods = (s: string) => new Set(per.filter((r) => r.side === s).map((r) => r.period)).size;
    expect([periods('scenario'), periods('baseline')]).toEqual([6, 12]);

    const [jsonDl] = await downloads(page, () => page.locator('[data-testid="export-json"]').click(), 1);
    expect(jsonDl.suggestedFilename()).toMatch(/_compare-run_/);
    const json = JSON.parse(await text(jsonDl));
    expect(json.scenario.knobs.cadence).toBe('bimonthly');
    expect(json.baseline.scenario.knobs.cadence).toBe('monthly');
    expect(json.baseline.daily.tickets_filed.length).toBe(360);

    // the rank chart: the scenario's last period sits near the right end, date ticks do not overlap
    const bump = page.locator('hl-bump-chart');
    await bump.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    const geo = await bump.evaluate((el) => {
      const root = el.shadowRoot!;
      const svg = root.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const ticks = [...root.querySelectorAll('g.xaxis .tick text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left - box.left, right: r.right - box.left, text: t.textContent };
      });
      const lines = [...root.querySelectorAll('g.lines path')].map((p) => (p as SVGPathElement).getBBox());
      return { width: box.width, ticks, right: Math.max(...lines.map((b) => b.x + b.width)), left: Math.min(...lines.map((b) => b.x)) };
    });
    expect(geo.ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < geo.ticks.length; i++) expect(geo.ticks[i].left).toBeGreaterThan(geo.ticks[i - 1].right);
    // six periods of 60 days on a 360-day axis: the last point (day 330) is at 11/12 of the plot
    expect(geo.right).toBeGreaterThan(geo.width * 0.75);
    await bump.screenshot({ path: `${SCREENSHOTS}export-ranks-bimonthly-compare.png` });
    const [pngDl] = await downloads(page, () => bump.getByRole('button', { name: /PNG/ }).click(), 1);
    expect(pngDl.suggestedFilename()).toMatch(/_chart-unit-ranks-compare_/);
    await page.goto(`file://${await pngDl.path()}`);
    await page.screenshot({ path: `${SCREENSHOTS}export-ranks-bimonthly-compare-png.png`, fullPage: true });
  });

  test('rank chart with 343 units: top and bottom 10, a middle band, a unit picker', async () => {
    const page = await open(`?residents=120000&cells=700&units=343&horizonDays=150&seed=2`);
    await waitDone(page, 180_000);
    const bump = page.locator('hl-bump-chart');
    await bump.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    const drawn = () => bump.evaluate((el) => el.shadowRoot!.querySelectorAll('g.lines path').length);
    expect(await drawn()).toBe(20);
    expect(await bump.locator('g.middle-label text').textContent()).toBe('ranks 11–333');
    const picker = bump.locator('[data-testid="rank-unit-picker"]');
    expect(await picker.locator('option').count()).toBe(344);
    await picker.selectOption('100');
    await page.waitForTimeout(400);
    // the picked unit is drawn too (unless it is already among the ends), and bold
    expect(await drawn()).toBeGreaterThanOrEqual(20);
    expect(await bump.evaluate((el) => el.shadowRoot!.querySelectorAll('g.lines path.hi').length)).toBe(1);
    await bump.screenshot({ path: `${SCREENSHOTS}export-ranks-343.png` });
  });
});
