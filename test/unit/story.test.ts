// Story mode's steps: every step loads, links round-trip, and what each explanation says
// happens does happen in its run (district-sized steps on a smaller district, two years, to stay fast).
import { describe, expect, it } from 'vitest';
import { Simulation, type Knobs } from '../../sim/index.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { loadScenario } from '../../scenarios/loader.ts';
import { parseLink, scenarioToQuery } from '../../scenarios/link.ts';
import { STORY, STORY_ID, storyFigure, storyQuery, storyStep, type StoryStep } from '../../scenarios/story.ts';

function runStep(s: StoryStep) {
  const preset = presetKnobs(s.preset)!;
  // district-sized steps: a smaller district of the same cell and unit sizes, two years
  const short = preset.residents > 50_000 ? { residents: 100_000, cells: 60, units: 4, horizonDays: 730 } : {};
  const main = new Simulation({ ...preset, ...s.knobs, ...short } as Knobs, s.seed).run().result(s.preset);
  const base = s.compare ? new Simulation({ ...preset, ...short } as Knobs, s.seed).run().result(s.preset) : null;
  const view = (r: typeof main) => ({
    startDate: r.scenario.knobs.startDate,
    day: r.summary.days,
    daily: r.daily as Record<string, number[]>,
  });
  const fig = (i: number) =>
    storyFigure(s.figures[i], s.figures[i].from === 'baseline' ? view(base!) : view(main)).values.map((v) => v.value);
  return { main, base, fig };
}

describe('story steps', () => {
  it('has eight steps, each a valid scenario with a right answer among its options', () => {
    expect(STORY.length).toBe(8);
    for (const s of STORY) {
      const r = loadScenario({ preset: s.preset, seed: s.seed, knobs: s.knobs });
      expect(r.problems, s.id).toEqual([]);
      expect(s.predict.answer).toBeGreaterThanOrEqual(0);
      expect(s.predict.answer).toBeLessThan(s.predict.options.length);
      for (const t of [s.title, s.setup, s.explain, s.predict.question, ...s.predict.options]) {
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

  const byId = (id: string) => STORY.find((s) => s.id === id)!;

  it('speed bump: the goods keep flipping every year', () => {
    const flips = runStep(byId('speed-bump')).fig(0);
    for (const y of flips) expect(y).toBeGreaterThan(10);
  });
  it('proxy: complaints grow as disputes pile up', () => {
    const y = runStep(byId('proxy')).fig(0);
    expect(y[3]).toBeGreaterThan(y[0]);
  });
  it('three visits: with the council, proxy complaints fall back, far below the village without one', () => {
    const withC = runStep(byId('three-visits')).fig(0);
    const without = runStep(byId('proxy')).fig(0);
    expect(withC[3]).toBeLessThan(withC[1]);
    expect(withC[3]).toBeLessThan(without[3] / 2);
  });
  it('village hall: the count falls year on year after the hall opens', () => {
    const y = runStep(byId('village-hall')).fig(0); // 2021..2025
    expect(y[2]).toBeLessThan(y[1]);
    expect(y[4]).toBeLessThan(y[1] / 3);
  });
  it('ranking: reported satisfaction above true, more gaming than ordinary ranking', () => {
    const r = runStep(byId('ranking'));
    expect(r.fig(0)[0]).toBeGreaterThan(r.fig(1)[0] + 0.03);
    expect(r.fig(2)[0]).toBeGreaterThan(r.fig(3)[0]);
  });
  it('exclusion: tickets excluded, fewer requests truly solved and fewer truly satisfied', () => {
    const r = runStep(byId('exclusion'));
    expect(r.fig(0)[0]).toBeGreaterThan(0);
    expect(r.fig(2)[0]).toBeLessThan(r.fig(3)[0]);
    expect(r.fig(4)[0]).toBeLessThan(r.fig(5)[0]);
  });
  it('relaxed: gaming falls sharply (the poor band is still pressed)', () => {
    const r = runStep(byId('relaxed'));
    expect(r.fig(0)[0]).toBeLessThan(0.3 * r.fig(1)[0]);
    expect(r.fig(0)[0]).toBeGreaterThan(0);
  });
  it('bigger things: fewer contacts and more long-term work', () => {
    const r = runStep(byId('bigger-things'));
    const contacts = r.fig(0);
    expect(contacts[1]).toBeLessThan(contacts[0]);
    expect(r.fig(2)[1]).toBeGreaterThan(r.fig(3)[1]);
  });
});
