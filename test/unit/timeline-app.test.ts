/**
 * The app side of timelines (issue 11), the pure parts: the value in force on a day, a change as
 * people read it, the charts' markers (the run's and, in compare mode, the baseline's own), and
 * what the page asks to run (each side of compare mode with its own timeline; a page opened on an
 * archived model compared with the same scenario on today’s model), and what the two sides are called.
 */
import { describe, expect, it } from 'vitest';
import { KNOB_LABELS, type KnobChange, type Knobs } from '../../sim/index.ts';
import { presetKnobs, presetTimeline } from '../../scenarios/presets.ts';
import { changeSummary, dateAfter, daysBetween, inForce, valueShort } from '../../ui/timeline-text.ts';
import { timelineMarkers } from '../../ui/charts/markers.ts';
import type { RunView } from '../../ui/charts/types.ts';
import { sideNames } from '../../ui/charts/sides.ts';
import { defaultPageState } from '../../ui/shell/page-link.ts';
import { runPlan } from '../../ui/shell/scenario-edits.ts';

const knobs = presetKnobs('baseline') as Knobs;
const TL: KnobChange[] = [
  { date: '2021-07-01', knobs: { deptShare: 0.5, cadence: 'bimonthly' } },
  { date: '2022-01-01', knobs: { deptShare: 0.7 } },
];

function view(timeline: KnobChange[], days = 730): RunView {
  return { startDate: '2021-01-01', day: days, days, daily: {}, periods: [], timeline };
}

describe('the value in force', () => {
  it('is the knob itself before any change, then the latest change on or before the day, in any list order', () => {
    for (const tl of [TL, [...TL].reverse()]) {
      expect(inForce(knobs, tl, 'deptShare', '2021-06-30')).toBe(knobs.deptShare);
      expect(inForce(knobs, tl, 'deptShare', '2021-07-01')).toBe(0.5);
      expect(inForce(knobs, tl, 'deptShare', '2021-12-31')).toBe(0.5);
      expect(inForce(knobs, tl, 'deptShare', '2022-01-01')).toBe(0.7);
      expect(inForce(knobs, tl, 'cadence', '2023-01-01')).toBe('bimonthly');
      expect(inForce(knobs, tl, 'staffPer10k', '2023-01-01')).toBe(knobs.staffPer10k);
    }
  });
});

describe('a change as people read it', () => {
  it('names the knobs by their short names and the values as the knob panel shows them, in both languages', () => {
    const c = { date: '2026-01-01', knobs: { districtLayer: false, deptShare: 0.5 } };
    expect(changeSummary(c, 'en')).toContain(`${KNOB_LABELS.deptShare.en}: 0.5`);
    expect(changeSummary(c, 'en')).toContain(`${KNOB_LABELS.districtLayer.en}: Off`);
    expect(changeSummary(c, 'zh')).toContain(`${KNOB_LABELS.deptShare.zh}：0.5`);
    expect(changeSummary(c, 'zh')).toContain(`${KNOB_LABELS.districtLayer.zh}：关`);
    expect(valueShort('intakePolicy', 'refuse-out-of-scope', 'zh')).toBe('拒绝超范围诉求');
  });

  it('counts calendar days across months and leap years', () => {
    expect(daysBetween('2024-01-01', '2024-03-01')).toBe(60);
    expect(dateAfter('2024-01-01', 60)).toBe('2024-03-01');
    expect(daysBetween('2021-01-01', dateAfter('2021-01-01', 1000))).toBe(1000);
  });
});

describe('markers', () => {
  it('one per change date inside the run, on the day it takes effect', () => {
    const m = timelineMarkers(view(TL), null, 'en');
    expect(m.map((x) => [x.date, x.day, x.baseline])).toEqual([
      ['2021-07-01', 181, false],
      ['2022-01-01', 365, false],
    ]);
    expect(m[0].label).toContain(KNOB_LABELS.cadence.en);
    expect(m[0].title).toContain('2021-07-01');
    // a change the run does not reach is not marked
    expect(timelineMarkers(view(TL, 200), null, 'en').map((x) => x.date)).toEqual(['2021-07-01']);
  });

  it('in compare mode, the baseline’s own changes are marked as the baseline’s; shared ones once', () => {
    const other: KnobChange[] = [TL[0], { date: '2021-10-01', knobs: { staffPer10k: 9 } }];
    const m = timelineMarkers(view(TL), view(other), 'zh');
    expect(m.map((x) => [x.date, x.baseline])).toEqual([
      ['2021-07-01', false],
      ['2022-01-01', false],
      ['2021-10-01', true],
    ]);
    expect(m[2].label.startsWith('基线')).toBe(true);
  });
});

describe('what the page runs', () => {
  it('compare mode: the run with the user’s timeline, the baseline with the preset’s own, in the user’s world', () => {
    const page = {
      ...defaultPageState(),
      preset: 'relaxed-2026',
      knobs: presetKnobs('relaxed-2026') as Knobs,
      compare: true,
      timeline: TL.slice(0, 1),
    };
    page.knobs = { ...page.knobs, startDate: '2021-01-01', horizonDays: 2000 };
    const p = runPlan(page);
    expect(p.timeline).toEqual([{ date: '2021-07-01', knobs: { cadence: 'bimonthly', deptShare: 0.5 } }]);
    expect(p.baseline?.startDate).toBe('2021-01-01');
    expect(p.baselineTimeline?.map((c) => c.date)).toEqual((presetTimeline('relaxed-2026') as KnobChange[]).map((c) => c.date));
  });

  it('a change a knob edit moved outside the run is left out, not run', () => {
    const page = { ...defaultPageState(), timeline: TL, knobs: { ...knobs, startDate: '2021-01-01', horizonDays: 300 } };
    expect(runPlan(page).timeline.map((c) => c.date)).toEqual(['2021-07-01']);
  });

  it('a page on an archived model compares with the same scenario, timeline and all, on today’s model', () => {
    const page = {
      ...defaultPageState(),
      timeline: TL,
      knobs: { ...knobs, startDate: '2021-01-01', horizonDays: 730 },
      compare: true,
      archived: { version: '0.1.0', knobs: {}, query: '?v=0.1.0' },
    };
    const p = runPlan(page);
    expect(p.baseline).toBe(page.knobs);
    expect(p.baselineTimeline).toEqual(p.timeline);
    expect(p.baselineTimeline).toHaveLength(2);
  });
});

describe('the names of compare mode’s two sides', () => {
  it('are the versions when the sides run on two model versions, in both languages, and the usual words otherwise', () => {
    const old = { ...view([]), model: '0.1.0' };
    const now = { ...view([]), model: '0.2.0' };
    expect(sideNames(old, now, 'en')).toEqual({ run: 'Model 0.1.0', base: 'Model 0.2.0' });
    expect(sideNames(old, now, 'zh')).toEqual({ run: '模型 0.1.0', base: '模型 0.2.0' });
    expect(sideNames(now, { ...now }, 'en')).toBeNull();
    expect(sideNames(old, null, 'en')).toBeNull();
    expect(sideNames(view([]), now, 'en')).toBeNull();
  });
});
