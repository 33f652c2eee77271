// Story mode's steps: every step loads, links round-trip, and each step's own run bears out its answer
// and explanation (district-sized steps on a smaller district, two years, to stay fast); the claims
// as tests on synthetic figures, both ways; story links without preset=; how a run differs from its step.
import { describe, expect, it } from 'vitest';
import { Simulation, type Knobs } from '../../sim/index.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { loadScenario } from '../../scenarios/loader.ts';
import { parseLink, scenarioToQuery } from '../../scenarios/link.ts';
import {
  STORY,
  STORY_ID,
  checkTest,
  compareReference,
  judgeStep,
  scenarioChanges,
  stepFigures,
  stepScenario,
  storyLink,
  storyQuery,
  storyStep,
  type FigureValue,
  type StoryStep,
} from '../../scenarios/story.ts';

function runStep(s: StoryStep) {
  const preset = presetKnobs(s.preset)!;
  // district-sized steps: a smaller district of the same cell and unit sizes, two years
  const short = preset.residents > 50_000 ? { residents: 100_000, cells: 60, units: 4, horizonDays: 730 } : {};
  const main = new Simulation({ ...preset, ...s.knobs, ...short } as Knobs, s.seed).run().result(s.preset);
  const base = s.compare ? new Simulation({ ...preset, ...short } as Knobs, s.seed).run().result(s.preset) : null;
  return { main, base };
}

describe('story steps', () => {
  it('has eight steps, each a valid scenario with a right answer among its options', () => {
    expect(STORY.length).toBe(8);
    for (const s of STORY) {
      const r = loadScenario({ preset: s.preset, seed: s.seed, knobs: s.knobs });
      expect(r.problems, s.id).toEqual([]);
      expect(s.predict.answer).toBeGreaterThanOrEqual(0);
      expect(s.predict.answer).toBeLessThan(s.predict.options.length);
      expect(
        s.predict.options.every((o) => o.claim.length > 0),
        `${s.id}: every answer has a claim`,
      ).toBe(true);
      if (s.tryIt) expect(s.tryIt.expect).toBeLessThan(s.predict.options.length);
      for (const t of [s.title, s.passage, s.setup, s.explain, s.predict.question, ...s.predict.options]) {
        expect(t.en.length).toBeGreaterThan(0);
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const f of s.figures) if (f.from === 'baseline') expect(s.compare, `${s.id} reads the compare run`).toBe(true);
    }
    expect(storyStep(0)).toBeUndefined();
    expect(storyStep(9)).toBeUndefined();
  });

  it('each step is a link that opens its scenario and carries story and step', () => {
    STORY.forEach((s, i) => {
      const q = storyQuery(i + 1, 'zh', scenarioToQuery);
      const p = parseLink(`https://example.org/hotline-lab/${q}`);
      expect(p.problems).toEqual([]);
      expect(p.scenario.preset).toBe(s.preset);
      expect(p.scenario.knobs).toEqual({ ...presetKnobs(s.preset), ...s.knobs });
      expect(p.extras.story).toBe(STORY_ID);
      expect(p.extras.step).toBe(String(i + 1));
      expect(p.lang).toBe('zh');
    });
  });

  // Each step's own run bears out its answer and its explanation (the app judges the same way on screen).
  for (const s of STORY) {
    it(`${s.id}: the run bears out the step's answer and its explanation`, () => {
      const r = runStep(s);
      const view = (x: NonNullable<typeof r.base>) => ({
        startDate: x.scenario.knobs.startDate,
        day: x.summary.days,
        daily: x.daily as Record<string, number[]>,
      });
      const j = judgeStep(s, stepFigures(s, view(r.main), r.base ? view(r.base) : null));
      expect(j.shown, `${s.id}: ${JSON.stringify(j.outcomes.map((o) => o.results.map((x) => x.results)))}`).toEqual([s.predict.answer]);
      expect(j.explains).toBe(true);
    });
  }
});

/** Synthetic figures: one array per figure, by year from 2021 when `years`. */
function figs(...values: (number | number[])[]): FigureValue[] {
  return values.map((v) =>
    Array.isArray(v) ? { values: v.map((x, i) => ({ label: String(2021 + i), value: x })) } : { values: [{ label: '', value: v }] },
  );
}

describe('story claims as tests over the figures shown', () => {
  it('each: every year (from the skip-th, or the last -skip) within the bounds', () => {
    expect(checkTest({ test: 'each', fig: 0, min: 20 }, figs([30, 38, 30, 34])).holds).toBe(true);
    expect(checkTest({ test: 'each', fig: 0, min: 20 }, figs([30, 38, 19, 34])).holds).toBe(false);
    expect(checkTest({ test: 'each', fig: 0, skip: 1, max: 2 }, figs([21, 0, 0, 0])).holds).toBe(true);
    expect(checkTest({ test: 'each', fig: 0, skip: 1, max: 2 }, figs([21, 0, 3, 0])).holds).toBe(false);
    const lastOnly = checkTest({ test: 'each', fig: 0, skip: -1, max: 10 }, figs([194, 126, 24, 8, 7]));
    expect(lastOnly.holds).toBe(true);
    expect(lastOnly.read).toEqual([{ label: '2025', value: 7 }]);
    expect(checkTest({ test: 'each', fig: 0, skip: 5 }, figs([1, 2])).holds).toBeNull(); // not on screen
  });

  it('trend: each year a share of the one before, or down to a few', () => {
    const halving = { test: 'trend', fig: 0, skip: 2, min: 0.15, max: 0.75, few: 10 } as const;
    const r = checkTest(halving, figs([194, 126, 60, 24, 8]));
    expect(r.holds).toBe(true);
    expect(r.read.map((v) => v.value)).toEqual([126, 60, 24, 8]);
    expect(r.results.map((x) => Math.round(x * 100) / 100)).toEqual([0.48, 0.4, 0.33]);
    // 8 -> 7 is not a halving, but 7 is a few
    expect(checkTest(halving, figs([194, 126, 60, 8, 7])).holds).toBe(true);
    // rising counts (the whole district) do not halve
    expect(checkTest(halving, figs([4528, 5989, 7623, 8868])).holds).toBe(false);
    // a fall to a tenth at once is more than halving
    expect(checkTest(halving, figs([194, 126, 12, 11])).holds).toBe(false);
  });

  it('ratio and diff: a against b, 0/0 read as equal', () => {
    const grows = { test: 'ratio', a: { fig: 0, year: -1 }, b: { fig: 0, year: 0 }, min: 1.2 } as const;
    expect(checkTest(grows, figs([282, 296, 312, 380])).holds).toBe(true);
    expect(checkTest(grows, figs([282, 157, 30, 19])).holds).toBe(false);
    const same = { test: 'ratio', a: { fig: 0 }, b: { fig: 1 }, min: 0.84, max: 1.19 } as const;
    expect(checkTest(same, figs(0, 0)).holds).toBe(true);
    expect(checkTest(same, figs(5, 0)).results[0]).toBe(Number.POSITIVE_INFINITY);
    const higher = { test: 'diff', a: { fig: 0 }, b: { fig: 1 }, min: 0.02 } as const;
    expect(checkTest(higher, figs(0.83, 0.706)).holds).toBe(true);
    expect(checkTest(higher, figs(0.72, 0.706)).holds).toBe(false);
    // differences of rates as shown, to a tenth of a point: 0.726 - 0.706 is 2.0 points
    expect(checkTest(higher, figs(0.726, 0.706)).holds).toBe(true);
    expect(checkTest(higher, figs(0.83)).holds).toBeNull();
  });

  const byId = (id: string) => STORY.find((s) => s.id === id)!;

  it('speed bump: "dozens a year" is right on flipping figures and wrong once a council settles it', () => {
    const s = byId('speed-bump');
    const flipping = judgeStep(s, figs([30, 38, 30, 34], [59, 64, 52, 66]));
    expect(flipping.shown).toEqual([s.predict.answer]);
    expect(flipping.explains).toBe(true);
    const settled = judgeStep(s, figs([21, 0, 0, 0], [35, 0, 0, 6]));
    expect(settled.shown).toEqual([s.tryIt!.expect]);
    expect(settled.shown).not.toContain(s.predict.answer);
    expect(settled.explains).toBe(false);
    expect(judgeStep(s, figs([0, 0, 0, 0], [5, 5, 5, 5])).shown).toEqual([2]);
  });

  it('village hall: halving toward a few on the village, none of the answers on a rising district', () => {
    const s = byId('village-hall');
    const village = judgeStep(s, figs([194, 126, 24, 8, 7], [0, 404, 684, 722, 738]));
    expect(village.shown).toEqual([0]);
    expect(village.explains).toBe(true);
    // the whole district: counts rise, no hall cases
    const district = judgeStep(s, figs([4528, 5989, 7623, 8868], [0, 0, 0, 0]));
    expect(district.shown).toEqual([]);
    expect(district.explains).toBe(false);
    // halving, but nobody goes to the hall: the answer holds, its explanation does not
    const noHall = judgeStep(s, figs([194, 126, 60, 24, 8], [0, 0, 0, 0, 0]));
    expect(noHall.shown).toEqual([0]);
    expect(noHall.explains).toBe(false);
    expect(noHall.explainResults.map((r) => r.holds)).toEqual([false]);
  });

  it('ranking: reported above true with more gaming explains; without gaming the gap is judged alone', () => {
    const s = byId('ranking');
    expect(judgeStep(s, figs(0.83, 0.706, 6040, 1231))).toMatchObject({ shown: [0], explains: true });
    expect(judgeStep(s, figs(0.755, 0.712, 0, 0))).toMatchObject({ shown: [0], explains: false });
    expect(judgeStep(s, figs(0.71, 0.706, 0, 0))).toMatchObject({ shown: [1], explains: false });
    expect(judgeStep(s, figs(0.65, 0.706, 0, 0)).shown).toEqual([2]);
  });

  it('exclusion, relaxed, bigger things: each answer on figures that show it', () => {
    const ex = byId('exclusion');
    expect(judgeStep(ex, figs(3374, 6220, 0.677, 0.708, 0.682, 0.706))).toMatchObject({ shown: [1], explains: true });
    expect(judgeStep(ex, figs(0, 0, 0.708, 0.708, 0.706, 0.706))).toMatchObject({ shown: [2], explains: false });
    const rel = byId('relaxed');
    expect(judgeStep(rel, figs(131, 1231, 0.671, 0.706)).shown).toEqual([0]);
    expect(judgeStep(rel, figs(1231, 1231, 0.706, 0.706)).shown).toEqual([1]);
    expect(judgeStep(rel, figs(2000, 1231, 0.7, 0.706)).shown).toEqual([2]);
    expect(judgeStep(rel, figs(800, 1231, 0.7, 0.706)).shown).toEqual([]); // fell, not sharply
    const big = byId('bigger-things');
    const y = (a: number, b: number) => [a, b, b, b].map((x, i) => (i === 0 ? a : x));
    expect(judgeStep(big, figs(y(22648, 12639), y(22648, 21484), y(195, 14), y(4975, 26161), y(4975, 5465))).shown).toEqual([0]);
    expect(judgeStep(big, figs(y(22648, 21484), y(22648, 21484), y(195, 176), y(4975, 5465), y(4975, 5465))).shown).toEqual([1]);
    expect(judgeStep(big, figs(y(22648, 30000), y(22648, 21484), y(195, 176), y(4975, 5465), y(4975, 5465))).shown).toEqual([2]);
  });

  it("the secretary's counts against the run's: close within 5 or 30%", () => {
    const s = byId('village-hall');
    const rows = compareReference(s.reference!, figs([194, 126, 24, 8, 7]));
    expect(rows.map((r) => [r.year, r.model, r.relation])).toEqual([
      ['2022', 126, 'higher'],
      ['2023', 24, 'close'],
      ['2024', 8, 'close'],
      ['2025', 7, 'higher'],
    ]);
    expect(compareReference(s.reference!, figs([100, 40, 11])).map((r) => r.relation)).toEqual(['close', 'lower', undefined, undefined]);
  });
});

describe('story links and changed scenarios', () => {
  it("a story link without preset= opens its step's scenario, under the link's own knobs", () => {
    STORY.forEach((s, i) => {
      const p = parseLink(storyLink(`https://example.org/lab/?story=${STORY_ID}&step=${i + 1}&lang=zh`));
      expect(p.problems).toEqual([]);
      expect(p.scenario.preset).toBe(s.preset);
      expect(p.seed).toBe(s.seed);
      expect(p.scenario.knobs).toEqual(stepScenario(s).knobs);
      expect(p.extras.view ?? 'charts').toBe(s.view);
      expect(p.extras.compare === '1').toBe(s.compare);
      expect(p.lang).toBe('zh');
    });
    const own = parseLink(storyLink(`?story=${STORY_ID}&step=1&handDown=true&seed=7`));
    expect(own.scenario.knobs.handDown).toBe(true);
    expect(own.seed).toBe(7);
    expect(own.problems).toEqual([]);
    // a link that names a preset, or no story, is left as it is
    for (const q of [`?preset=baseline&story=${STORY_ID}&step=4`, '?preset=baseline&seed=2', `?story=${STORY_ID}&step=99`, 'no query'])
      expect(storyLink(q)).toBe(q);
  });

  it('says how the run differs from its step: knobs, preset, seed', () => {
    const s = byId2('speed-bump');
    const own = stepScenario(s);
    expect(scenarioChanges(s, own)).toEqual([]);
    expect(scenarioChanges(s, { ...own, knobs: { ...own.knobs, handDown: true } })).toEqual([{ name: 'handDown', step: false, run: true }]);
    const other = scenarioChanges(s, { preset: 'baseline', knobs: presetKnobs('baseline') as Knobs, seed: 3, timeline: [] });
    expect(other.slice(0, 2)).toEqual([
      { name: 'preset', step: s.preset, run: 'baseline' },
      { name: 'seed', step: 1, run: 3 },
    ]);
    expect(other.map((c) => c.name)).toContain('residents');
  });
});

function byId2(id: string): StoryStep {
  return STORY.find((s) => s.id === id)!;
}
