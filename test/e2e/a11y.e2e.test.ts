/**
 * End-to-end accessibility: axe-core, injected into the built app in Chromium, finds no serious or
 * critical violation on any view in either language: each view tab, story mode, compare mode, the
 * embed, the link and import problem notices, the timeline editor with a dated change, the embed
 * dialog and the classroom's join screen. axe walks open shadow roots, so Lit's components are
 * checked inside. `label-content-name-mismatch` (a button named differently from what it shows,
 * WCAG 2.5.3) is an experimental rule axe leaves off by default; it is turned on here.
 * The page structure rules (one main landmark, a level-1 heading) are held to as well.
 * Each case prints what it found (rule, impact, count, targets); the counts per case and language
 * go to test-results/a11y-counts.json.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, SMALL, launch, waitDone, type Launched } from './browser.ts';
import { KNOB_GROUPS } from '../../sim/index.ts';

const base = inject('baseUrl');
const LANGS = ['en', 'zh'] as const;
type Lang = (typeof LANGS)[number];

interface Found {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface Case {
  name: string;
  query: string;
  /** Wait for the run to end before checking (the charts and figures are drawn). */
  run?: boolean;
  /** Bring the page to the state to check. */
  prepare?: (page: Page) => Promise<void>;
}

const WORLD = `${SMALL.replace('horizonDays=120', 'horizonDays=60')}&seed=3`;

const CASES: Case[] = [
  { name: 'charts', query: `?${WORLD}`, run: true },
  { name: 'district', query: `?${WORLD}&view=district`, run: true },
  { name: 'village', query: `?${WORLD}&view=village`, run: true },
  {
    name: 'experiments',
    query: `?${WORLD}&view=experiments`,
    run: true,
    prepare: async (page) => {
      await page.locator('hl-experiments-panel').waitFor();
    },
  },
  { name: 'compare', query: `?${WORLD}&compare=1`, run: true },
  { name: 'story', query: '?story=article&step=1', prepare: async (page) => void (await page.locator('hl-story').waitFor()) },
  { name: 'embed', query: `?${WORLD}&embed=1`, run: true },
  {
    name: 'link problems',
    query: `?${WORLD}&view=nowhere&seed=abc`,
    run: true,
    prepare: async (page) => void (await page.locator('[data-testid="link-problems"]').waitFor()),
  },
  {
    name: 'import problems',
    query: `?${WORLD}`,
    run: true,
    prepare: async (page) => {
      const bad = JSON.stringify({ preset: 'baseline', seed: -3, knobs: { residents: 'many', cadence: 'weekly' } });
      await page
        .locator('hl-import input[type="file"]')
        .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
      await page.locator('[data-testid="import-problems"]').waitFor();
    },
  },
  {
    name: 'timeline editor',
    query: `?${WORLD}`,
    run: true,
    prepare: async (page) => {
      await page.locator('hl-timeline-editor button.add').click();
      await page.locator('hl-timeline-editor input[type="date"]').first().waitFor();
    },
  },
  {
    name: 'embed dialog',
    query: `?${WORLD}`,
    run: true,
    prepare: async (page) => {
      await page.locator('hl-header [data-testid="embed"]').click();
      await page.locator('hl-embed-dialog dialog[open]').waitFor();
    },
  },
  { name: 'classroom join', query: '?classroom=ABCD', prepare: async (page) => void (await page.locator('hl-class-student').waitFor()) },
];

/**
 * Rules of page structure axe rates moderate, held here as strictly as the serious ones: a page
 * (the embed too) has one main landmark and a level-1 heading to find its way by.
 */
const STRUCTURE = ['landmark-one-main', 'page-has-heading-one'];

let chrome: Launched;
const contexts: BrowserContext[] = [];
let axeSource = '';
/** Serious and critical violations (nodes) per case and language. */
const counts: Record<string, Partial<Record<Lang, number>>> = {};

async function open(c: Case, lang: Lang): Promise<Page> {
  // bypassCSP: the app's policy allows only its own scripts, and axe is injected inline
  const ctx = await chrome.browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: lang === 'zh' ? 'zh-CN' : 'en-US',
    bypassCSP: true,
  });
  contexts.push(ctx);
  const page = await ctx.newPage();
  // the classroom reads the language the app last stored; the app reads it from the link
  await page.addInitScript((l) => {
    try {
      localStorage.setItem('hotline-lab.lang', l);
    } catch {
      /* storage blocked */
    }
  }, lang);
  await page.goto(`${base}${c.query}&lang=${lang}`);
  if (c.run) await waitDone(page);
  if (c.prepare) await c.prepare(page);
  return page;
}

/** axe's serious and critical violations on the page as it is. */
async function check(page: Page): Promise<Found[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })) as { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || STRUCTURE.includes(v.id))
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
}

function describeFound(found: Found[]): string {
  return found
    .map((f) => `  ${f.id} (${f.impact}, ${f.targets.length}): ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`)
    .join('\n');
}

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
  const rows = Object.entries(counts).map(([name, by]) => `${name.padEnd(18)} en ${by.en ?? '-'}  zh ${by.zh ?? '-'}`);
  console.log(`serious + critical axe violations (nodes) per view:\n${rows.join('\n')}`);
  await mkdir(SCREENSHOTS, { recursive: true });
  await writeFile(`${SCREENSHOTS}../a11y-counts.json`, `${JSON.stringify(counts, null, 2)}\n`);
});

describe('axe-core finds no serious or critical violation', () => {
  for (const c of CASES)
    for (const lang of LANGS)
      test(`${c.name} (${lang})`, async () => {
        const page = await open(c, lang);
        // the page is in the language asked for
        expect(await page.evaluate(() => document.documentElement.lang)).toMatch(lang === 'zh' ? /^zh/ : /^en/);
        const found = await check(page);
        const nodes = found.filter((f) => f.impact === 'serious' || f.impact === 'critical').reduce((s, f) => s + f.targets.length, 0);
        counts[c.name] = { ...counts[c.name], [lang]: nodes };
        if (found.length) console.log(`${c.name} (${lang}): ${nodes} serious or critical\n${describeFound(found)}`);
        if (c.name === 'embed') await page.screenshot({ path: `${SCREENSHOTS}a11y-embed-${lang}.png` });
        expect(found.map((f) => `${f.id} x${f.targets.length}`)).toEqual([]);
        await page.context().close();
      });
});

/** The focused element, through open shadow roots: its tag, type and outline. */
async function focused(page: Page): Promise<{ tag: string; type: string; outline: string; width: number }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const s = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      type: (el as HTMLInputElement | null)?.type ?? '',
      outline: s?.outlineStyle ?? '',
      width: Number.parseFloat(s?.outlineWidth ?? '0'),
    };
  });
}

describe('date fields from the keyboard', () => {
  test('knob groups are named; every tab stop of a date field shows the focus ring, the field is left within four stops, arrows change the date', async () => {
    const page = await open({ name: 'dates', query: `?${WORLD}`, run: true }, 'en');
    // each knob group is a group named by its title
    for (const g of KNOB_GROUPS) await expect.poll(() => page.getByRole('group', { name: g.en, exact: true }).count()).toBe(1);
    await page.locator('hl-timeline-editor button.add').click();
    const fields = [
      page.locator('hl-knob-panel input[type="date"]').first(),
      page.locator('hl-timeline-editor li input[type="date"]').first(),
    ];
    for (const field of fields) {
      await field.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const stops: { outline: string; width: number }[] = [];
      for (let i = 0; i < 6; i++) {
        const f = await focused(page);
        if (f.tag !== 'input' || f.type !== 'date') break;
        stops.push({ outline: f.outline, width: f.width });
        await page.keyboard.press('Tab');
      }
      // Chromium's native field: one stop per part of the date and one for its calendar button
      await field.focus();
      for (let i = 1; i < stops.length; i++) await page.keyboard.press('Tab');
      // the field and its ring (drawn outside its box), for people to look at
      const box = await field.boundingBox();
      if (box)
        await page.screenshot({
          path: `${SCREENSHOTS}a11y-date-calendar-focus-${fields.indexOf(field)}.png`,
          clip: { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: box.width + 24, height: box.height + 24 },
        });
      expect(stops.length).toBeGreaterThan(0);
      expect(stops.length).toBeLessThanOrEqual(4);
      for (const s of stops) {
        expect(s.outline).not.toBe('none');
        expect(s.width).toBeGreaterThanOrEqual(2);
      }
    }
    // the date changes from the keyboard alone
    const row = fields[1];
    const before = await row.inputValue();
    await row.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => row.inputValue()).not.toBe(before);
    await page.context().close();
  });
});
