/**
 * End-to-end: the Experiments tab of the built app in Chromium. An experiment from a link runs on a
 * pool of Web Workers (one per reported core), draws interval bands and paired differences, and its
 * results.csv download is byte-identical to what `hotline-lab experiment` writes for the same
 * experiment; cancel stops the pool; a bad `exp=` names each field.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, type Launched, newPage } from './browser.ts';
import { parseLink } from '../../scenarios/link.ts';
import { experimentJson, loadExperiment, parseExperimentParam } from '../../experiments/index.ts';

const base = inject('baseUrl');
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = SCREENSHOTS;
const tmp = mkdtempSync(join(tmpdir(), 'hotline-exp-e2e-'));

let chrome: Launched;
const contexts: BrowserContext[] = [];

async function open(query: string): Promise<Page & { errors: string[] }> {
  return newPage(chrome, contexts, base + query, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const EXP = 'cadence:monthly,bimonthly;handDown:false,true;replicates:4;metrics:gaming_intensity_mean,true_satisfaction';

describe('Experiments tab', () => {
  test("runs an experiment from a link on a pool of workers; its CSV is the command line's", async () => {
    const query = `?${SMALL}&seed=5&handDownStart=2021-02-01&view=experiments&exp=${EXP}`;
    const page = await open(query);
    const panel = page.locator('hl-experiments-panel');
    await panel.waitFor();
    expect(await panel.locator('[data-testid="exp-count"]').textContent()).toContain('4 settings × 4 replicates = 16 runs');
    // A link's experiment has not run in this browser yet: the tab offers to run it.
    expect(await panel.locator('[data-testid="exp-offer"]').textContent()).toContain('16 runs');
    // Knobs and metrics are named in words, not identifiers.
    expect(await panel.locator('[data-testid="exp-knob"] option:checked').first().textContent()).toBe('Assessment cadence');
    await panel.locator('[data-testid="exp-offer-run"]').click();
    expect(await panel.locator('[data-testid="exp-offer"]').count()).toBe(0);
    const status = panel.locator('[data-testid="exp-status"]');
    await panel.locator('[data-testid="exp-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await status.textContent()).toContain(`16 runs in`);
    expect(await status.textContent()).toContain(`on ${Math.min(cores, 16)} workers`);
    // One band and one line per setting; whole-run intervals; three paired differences.
    await expect.poll(() => panel.locator('hl-band-chart svg .bands path').count(), { timeout: 30_000 }).toBe(4);
    expect(await panel.locator('hl-band-chart svg .lines path').count()).toBe(4);
    await expect.poll(() => panel.locator('[data-testid="exp-differences"] svg g.row').count(), { timeout: 30_000 }).toBe(3);
    // The experiment is in the page's link, readably.
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('exp')?.startsWith('cadence:monthly,bimonthly;handDown:false,true;replicates:4'),
      undefined,
      { timeout: 60_000 },
    );
    // Means and intervals on screen: a row per setting and a column per kept metric, then the
    // paired differences; the numbers are the ones the CSV carries (checked against the CLI below).
    const levels = panel.locator('[data-testid="exp-table-levels"]');
    expect(await levels.locator('tbody tr').count()).toBe(4);
    expect(await levels.locator('thead th').allTextContents()).toEqual(['Setting', 'Gaming intensity', 'Residents: true satisfaction']);
    expect(await panel.locator('[data-testid="exp-table-differences"] tbody tr').count()).toBe(3);
    expect(await levels.locator('tbody tr').first().textContent()).toMatch(/\[[-\d.]+, [-\d.]+\]/);
    // Charting a kept metric redraws; a metric the run did not keep, or a changed form, is flagged.
    expect(await panel.locator('[data-testid="exp-results"]').getAttribute('data-stale')).toBe('false');
    await panel.locator('[data-testid="exp-metric"]').selectOption('true_satisfaction');
    await expect.poll(() => panel.locator('hl-band-chart').getAttribute('heading')).toContain('Residents: true satisfaction');
    expect(await panel.locator('[data-testid="exp-results"]').getAttribute('data-stale')).toBe('false');
    await panel.locator('[data-testid="exp-metric"]').selectOption('tickets_filed');
    expect(await panel.locator('[data-testid="exp-stale"]').textContent()).toContain('“Contacts to 12345” was not recorded in this run');
    await panel.locator('[data-testid="exp-metric"]').selectOption('gaming_intensity_mean');
    await panel.locator('[data-testid="exp-replicates"]').fill('5');
    expect(await panel.locator('[data-testid="exp-stale"]').textContent()).toContain('The settings above changed');
    await panel.locator('[data-testid="exp-replicates"]').fill('4');
    expect(await panel.locator('[data-testid="exp-results"]').getAttribute('data-stale')).toBe('false');
    await page.screenshot({ path: `${SHOTS}experiments.png` });
    await panel.locator('[data-testid="exp-results"]').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}experiments-results.png` });

    const [dl] = await Promise.all([page.waitForEvent('download'), panel.locator('[data-testid="exp-download-results"]').click()]);
    const browserCsv = readFileSync((await dl.path())!, 'utf8');

    // The same experiment through the command line.
    const scenario = parseLink(query).scenario;
    const loaded = loadExperiment({
      ...parseExperimentParam(EXP).input,
      scenario: { preset: scenario.preset, knobs: scenario.knobs },
      seed: 5,
    });
    expect(loaded.problems).toEqual([]);
    const file = join(tmp, 'exp.json');
    writeFileSync(file, JSON.stringify(experimentJson(loaded.experiment!)));
    execFileSync(process.execPath, [join(REPO, 'bin/hotline-lab.mjs'), 'experiment', file, '--out', join(tmp, 'cli'), '--workers', '1'], {
      cwd: REPO,
      env: { ...process.env, HOTLINE_LAB_GIT_COMMIT: '' },
      stdio: 'ignore',
    });
    expect(browserCsv).toBe(readFileSync(join(tmp, 'cli', 'results.csv'), 'utf8'));
    expect(browserCsv).toContain('# git-commit unknown');
    expect(page.errors).toEqual([]);
  });

  test('one at a time shows a tornado; cancel stops the pool', async () => {
    const page = await open(
      `?${SMALL}&seed=2&view=experiments&exp=staffPer10k:3..9/3;cadence:monthly,quarterly;design:oat;replicates:3;metrics:true_satisfaction`,
    );
    const panel = page.locator('hl-experiments-panel');
    await panel.locator('[data-testid="exp-run"]').click();
    await panel.locator('[data-testid="exp-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    await expect.poll(() => panel.locator('[data-testid="exp-tornado"] svg rect').count(), { timeout: 30_000 }).toBe(2);
    await panel.locator('[data-testid="exp-tornado"]').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: `${SHOTS}experiments-oat.png` });

    // A big experiment, cancelled part-way.
    await panel.locator('[data-testid="exp-replicates"]').fill('400');
    await panel.locator('[data-testid="exp-run"]').click();
    await panel.locator('[data-testid="exp-status"][data-status="running"]').waitFor();
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await panel.locator('[data-testid="exp-status"] span').textContent()) ?? '')?.[1] ?? 0), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await panel.locator('[data-testid="exp-cancel"]').click();
    await panel.locator('[data-testid="exp-status"][data-status="cancelled"]').waitFor();
    const text = (await panel.locator('[data-testid="exp-status"] span').textContent()) ?? '';
    expect(text).toMatch(/Cancelled after \d+ of 1600 runs/);
    // Nothing more arrives after cancel.
    await page.waitForTimeout(800);
    expect(await panel.locator('[data-testid="exp-status"] span').textContent()).toBe(text);
    expect(await panel.locator('[data-testid="exp-run"]').isEnabled()).toBe(true);
    expect(page.errors).toEqual([]);
  });

  test('a bad exp= link names each field and cannot run', async () => {
    const page = await open(`?${SMALL}&view=experiments&exp=cadence:monthly,bimontly;handown:false,true;councilSkill:0..3/2;replicates:0`);
    const box = page.locator('hl-experiments-panel [data-testid="exp-problems"]');
    await box.waitFor();
    const text = (await box.textContent()) ?? '';
    expect(text).toContain("vary.cadence[1]: knob 'cadence' = 'bimontly' is not an option");
    expect(text).toContain("vary.handown: unknown knob 'handown': did you mean 'handDown'?");
    expect(text).toContain("vary.councilSkill.max: knob 'councilSkill' = 3 is above the maximum");
    expect(text).toContain('replicates: 0 is not allowed');
    expect(await page.locator('hl-experiments-panel [data-testid="exp-run"]').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SHOTS}experiments-bad-link.png` });
    expect(page.errors).toEqual([]);
  });
});
