/**
 * End-to-end: the story's verdicts follow the figures on screen. For every step the test changes
 * the step's scenario (knobs in the link, a link without preset=, or the step's "try it"), runs it,
 * reads the figures the story shows, checks each answer's claim on those numbers and expects the
 * verdict, the "what changed" note and the explanation to say the same. Also: focus moves to the
 * result after a story Run and a live region announces the verdict; the English story quotes the
 * article in translation with the Chinese original. Screenshots go to
 * test-results/screenshots/story-verdict-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS, launch, type Launched, newPage } from './browser.ts';
import { STORY, STORY_ID, judgeStep, type FigureValue, type StoryStep } from '../../scenarios/story.ts';
import { KNOB_LABELS } from '../../sim/knob-labels.ts';

const base = inject('baseUrl');
const RUN_TIMEOUT = 150_000;
/** District steps on a small district, so the test stays fast on two cores. */
const SMALL = 'residents=20000&cells=20&units=4';

let chrome: Launched;
const contexts: BrowserContext[] = [];

type Viewport = { width: number; height: number; scale?: number };

async function open(query: string, vp: Viewport = { width: 1366, height: 768 }): Promise<Page & { errors: string[] }> {
  const page = await newPage(chrome, contexts, base + query, {
    viewport: { width: vp.width, height: vp.height },
    deviceScaleFactor: vp.scale ?? 1,
  });
  await page.locator('hl-app').waitFor();
  return page;
}

/** The page as it looks after the run, then scrolled to the end of the result (the story scrolls inside the page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}story-verdict-${name}.png` });
  await page.locator('[data-testid="story-because"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}story-verdict-${name}-result.png` });
}

/** The figures as the story table shows them, parsed back into numbers. */
async function shownFigures(page: Page, s: StoryStep): Promise<FigureValue[]> {
  const figs: FigureValue[] = s.figures.map(() => ({ values: [] }));
  const rows = page.locator('[data-testid="story-figures"] tr[data-fig]');
  for (let r = 0; r < (await rows.count()); r++) {
    const row = rows.nth(r);
    const i = Number(await row.getAttribute('data-fig'));
    const vals = row.locator('.val');
    for (let k = 0; k < (await vals.count()); k++) {
      const text = ((await vals.nth(k).locator('strong').textContent()) ?? '').trim();
      // "83.0%" is 0.830, "4,528" is 4528
      const value = text.endsWith('%') ? Math.round(Number(text.slice(0, -1)) * 10) / 1000 : Number(text.replace(/,/g, ''));
      figs[i].values.push({ label: (await vals.nth(k).getAttribute('data-year')) ?? '', value });
    }
  }
  return figs;
}

/** The element that has the focus, through shadow roots. */
const focusedId = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? `${a.tagName.toLowerCase()}#${a.id}` : '';
  });

/** Predict `choice`, run, and wait for the result. */
async function predictAndRun(page: Page, n: number, choice: number): Promise<void> {
  await page.locator(`[data-testid="story-panel"][data-step="${n}"][data-phase="predict"]`).waitFor();
  await page.locator(`[data-testid="story-option-${choice}"]`).check();
  await page.locator('[data-testid="story-run"]').click();
  await page.locator('[data-testid="story-panel"][data-phase="explain"]').waitFor({ timeout: RUN_TIMEOUT });
}

/**
 * The verdict on screen agrees with the step's claims checked on the figures on screen: the
 * answers it says the figures show, right or not for the prediction, the explanation shown only
 * when the step's answer and its explanation's own tests hold, and each test quoting the numbers.
 */
async function expectVerdictFollowsFigures(page: Page, s: StoryStep, choice: number, lang: 'en' | 'zh') {
  const figs = await shownFigures(page, s);
  expect(figs.some((f) => f.values.length > 0)).toBe(true);
  const j = judgeStep(s, figs);
  const verdict = page.locator('[data-testid="story-verdict"]');
  expect(await verdict.getAttribute('data-shown')).toBe(j.shown.join(','));
  expect(await verdict.getAttribute('data-right')).toBe(String(j.shown.includes(choice)));
  const text = (await verdict.textContent()) ?? '';
  if (j.shown.includes(choice)) expect(text).toContain(lang === 'zh' ? '预测正确' : 'Right');
  else if (j.shown.length === 0) expect(text).toContain(lang === 'zh' ? '不成立' : 'Not borne out');
  else expect(text).toContain(s.predict.options[j.shown[0]][lang]);
  // each answer's tests, with whether they hold, and the numbers they read
  for (let i = 0; i < s.predict.options.length; i++) {
    const li = page.locator(`[data-testid="story-tests"] li[data-option="${i}"]`);
    expect(await li.getAttribute('data-holds')).toBe(String(j.outcomes[i].holds));
  }
  const tests = (await page.locator('[data-testid="story-tests"]').textContent()) ?? '';
  const first = j.outcomes[0].results[0];
  const fig = first.test.test === 'ratio' || first.test.test === 'diff' ? first.test.a.fig : first.test.fig;
  if (first.read[0]) {
    const cell = page.locator(`[data-testid="story-figures"] tr[data-fig="${fig}"] .val[data-year="${first.read[0].label}"] strong`);
    expect(tests).toContain(((await cell.textContent()) ?? '').trim());
  }
  const because = await page.locator('[data-testid="story-because"]').getAttribute('data-because');
  const tried = because === 'try';
  if (!tried) expect(because).toBe(j.explains ? 'step' : 'none');
  // the live region says the same as the verdict
  await expect
    .poll(async () => ((await page.locator('[data-testid="story-live"]').textContent()) ?? '').trim())
    .toBe(text.trim().replace(/\s+/g, ' '));
  return { figs, j, because };
}

/** The knobs the "what changed" note names, by schema name. */
const changedNames = async (page: Page) =>
  page.locator('[data-testid="story-changed"] li[data-change]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-change')));

beforeAll(async () => {
  chrome = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
});

describe('story verdicts follow the figures on screen', () => {
  test(
    'step 1 from a link without preset=, then "try it": hand-down',
    async () => {
      const s = STORY[0];
      const page = await open(`?story=${STORY_ID}&step=1`);
      // the link opened the step's scenario, not the default district
      expect(await page.locator('[data-testid="preset"]').inputValue()).toBe(s.preset);
      await expect.poll(() => new URL(page.url()).searchParams.get('preset')).toBe(s.preset);
      // the English story quotes the article in English, the Chinese original a click away
      expect(await page.locator('[data-testid="story-passage"]').getAttribute('lang')).toBe('en');
      expect(await page.locator('[data-testid="story-original"]').textContent()).toContain('减速带');
      await predictAndRun(page, 1, s.predict.answer);
      // focus on the result, not the page body
      await expect.poll(() => focusedId(page)).toBe('h3#story-result');
      const before = await expectVerdictFollowsFigures(page, s, s.predict.answer, 'en');
      expect(await page.locator('[data-testid="story-changed"]').count()).toBe(0);
      await shot(page, '1-en');
      // try it
      await page.locator('[data-testid="story-try"]').click();
      await page.locator('[data-testid="story-panel"][data-phase="explain"]').waitFor({ timeout: RUN_TIMEOUT });
      await expect.poll(() => focusedId(page)).toBe('h3#story-result');
      const after = await expectVerdictFollowsFigures(page, s, s.predict.answer, 'en');
      expect(await changedNames(page)).toEqual(['handDown']);
      expect(await page.locator('[data-testid="story-changed"]').textContent()).toContain(KNOB_LABELS.handDown.en);
      expect(after.figs).not.toEqual(before.figs);
      console.log(
        `step 1: flips ${JSON.stringify(before.figs[0].values.map((v) => v.value))} shown ${before.j.shown}; with hand-down ${JSON.stringify(after.figs[0].values.map((v) => v.value))} shown ${after.j.shown}, verdict: ${await page.locator('[data-testid="story-verdict"]').textContent()}`,
      );
      await shot(page, '1-try-en');
      // back to the step's scenario
      await page.locator('[data-testid="story-restore"]').click();
      await page.locator('[data-testid="story-panel"][data-step="1"][data-phase="predict"]').waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('handDown')).toBeNull();
      expect(page.errors).toEqual([]);
    },
    RUN_TIMEOUT * 2,
  );

  test(
    'step 4 in Chinese: a link without preset= opens the village; the district baseline is judged as what it shows',
    async () => {
      const s = STORY[3];
      const page = await open(`?story=${STORY_ID}&step=4&lang=zh`);
      expect(await page.locator('[data-testid="preset"]').inputValue()).toBe(s.preset);
      expect(await page.locator('[data-testid="story-passage"]').getAttribute('lang')).toBe('zh-CN');
      await predictAndRun(page, 4, s.predict.answer);
      await expect.poll(() => focusedId(page)).toBe('h3#story-result');
      const own = await expectVerdictFollowsFigures(page, s, s.predict.answer, 'zh');
      expect(await page.locator('[data-testid="story-changed"]').count()).toBe(0);
      // the secretary's counts beside the run's, each year's relation computed from the two
      const rows = page.locator('[data-testid="story-reference"] tbody tr');
      expect(await rows.count()).toBe(s.reference!.values.length);
      for (let i = 0; i < (await rows.count()); i++) {
        const rel = await rows.nth(i).getAttribute('data-relation');
        const year = await rows.nth(i).getAttribute('data-year');
        const model = own.figs[0].values.find((v) => v.label === year)!.value;
        const ref = s.reference!.values[i].value;
        const close = Math.abs(model - ref) <= Math.max(5, 0.3 * ref);
        expect(rel).toBe(close ? 'close' : model > ref ? 'higher' : 'lower');
      }
      await shot(page, '4-zh');

      // the whole district (the link names another preset): judged as what it shows
      const other = await open(`?preset=baseline&${SMALL}&lang=zh&story=${STORY_ID}&step=4&view=village`);
      await predictAndRun(other, 4, s.predict.answer);
      const district = await expectVerdictFollowsFigures(other, s, s.predict.answer, 'zh');
      expect(await changedNames(other)).toContain('preset');
      expect(await other.locator('[data-testid="story-changed"]').textContent()).toContain(KNOB_LABELS.residents.zh);
      console.log(
        `step 4 village: ${JSON.stringify(own.figs[0].values.map((v) => v.value))} shown ${own.j.shown}; district: ${JSON.stringify(district.figs[0].values.map((v) => v.value))} shown ${district.j.shown}, verdict: ${await other.locator('[data-testid="story-verdict"]').textContent()}`,
      );
      await shot(other, '4-baseline-zh');
      expect(page.errors).toEqual([]);
      expect(other.errors).toEqual([]);
    },
    RUN_TIMEOUT * 2,
  );

  // Every other step, its scenario changed by knobs in a link without preset=.
  const changes: Record<number, string> = {
    2: 'handDown=true',
    3: 'handDown=false',
    5: `${SMALL}&integrityMean=1`,
    6: `${SMALL}&appealExclusion=false`,
    7: `${SMALL}&integrityMean=0.1`,
    8: `${SMALL}&handDown=false&outreachHoursPerWeek=0&educationCampaign=false`,
  };
  for (const [n, change] of Object.entries(changes).map(([k, v]) => [Number(k), v] as const)) {
    test(
      `step ${n} with ${change}`,
      async () => {
        const s = STORY[n - 1];
        const lang = n % 2 === 0 ? 'zh' : 'en';
        const page = await open(`?story=${STORY_ID}&step=${n}&${change}${lang === 'zh' ? '&lang=zh' : ''}`);
        expect(await page.locator('[data-testid="preset"]').inputValue()).toBe(s.preset);
        await predictAndRun(page, n, s.predict.answer);
        await expect.poll(() => focusedId(page)).toBe('h3#story-result');
        const r = await expectVerdictFollowsFigures(page, s, s.predict.answer, lang);
        const named = await changedNames(page);
        for (const part of change.split('&')) expect(named).toContain(part.split('=')[0]);
        const note = (await page.locator('[data-testid="story-changed"]').textContent()) ?? '';
        for (const k of named) if (k && k in KNOB_LABELS) expect(note).toContain(KNOB_LABELS[k as keyof typeof KNOB_LABELS][lang]);
        console.log(
          `step ${n} with ${change}: ${JSON.stringify(r.figs.map((f) => f.values.map((v) => v.value)))} shown ${r.j.shown} (the step's answer ${s.predict.answer}), explanation ${r.because}`,
        );
        if (n === 5 || n === 8) await shot(page, `${n}-${lang}`);
        expect(page.errors).toEqual([]);
      },
      RUN_TIMEOUT,
    );
  }

  test(
    'phone and projector: the result of step 1 with hand-down, both languages',
    async () => {
      for (const [name, vp] of [
        ['phone', { width: 390, height: 844 }],
        ['projector', { width: 911, height: 512, scale: 1.5 }],
      ] as const) {
        for (const lang of ['en', 'zh'] as const) {
          const page = await open(`?story=${STORY_ID}&step=1&handDown=true&lang=${lang}`, vp);
          await predictAndRun(page, 1, STORY[0].predict.answer);
          await expectVerdictFollowsFigures(page, STORY[0], STORY[0].predict.answer, lang);
          await shot(page, `1-${name}-${lang}`);
          expect(page.errors).toEqual([]);
          await page.context().close();
        }
      }
    },
    RUN_TIMEOUT * 2,
  );
});
