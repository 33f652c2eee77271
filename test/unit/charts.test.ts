import { describe, expect, it } from 'vitest';
import { Channel, type PeriodRecord, type VillageEvent, type Grade } from '../../sim/index.ts';
import {
  aggOf,
  bumpSlots,
  gradeBands,
  gradeChurnSeries,
  meanGradeChurn,
  meanRankVolatility,
  stackUp,
  weekCount,
  weekly,
  weeklyMetric,
  dateAt,
  isoDate,
  subtract,
} from '../../ui/charts/aggregate.ts';
import { CHART_DEFS, buildChart, weeklySeries } from '../../ui/charts/chart-defs.ts';
import { weeklyUnit, CHART, SERIES } from '../../ui/charts/labels.ts';
import type { RunView } from '../../ui/charts/types.ts';
import { cellAt, colorDomain, districtLayout, hash01, householdLayout, metricValues } from '../../ui/views/layout.ts';
import { VillageState } from '../../ui/views/village-state.ts';
import type { CellSnapshot } from '../../sim/index.ts';

const f = (xs: number[]) => Float64Array.from(xs);

describe('weekly aggregation', () => {
  it('counts partial weeks', () => {
    expect(weekCount(0)).toBe(0);
    expect(weekCount(1)).toBe(1);
    expect(weekCount(7)).toBe(1);
    expect(weekCount(8)).toBe(2);
  });

  it('sums full weeks and scales a partial last week to a weekly rate', () => {
    const s = f([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0]);
    expect(Array.from(weekly(s, 14, 'sum'))).toEqual([7, 6]);
    // Only 3 days of week 2 simulated: 6 in 3 days is 14 a week.
    expect(Array.from(weekly(s, 10, 'sum'))).toEqual([7, 14]);
  });

  it('averages means and takes the last value, skipping NaN days', () => {
    const s = f([1, 2, 3, NaN, 5, 6, 7, 10]);
    expect(weekly(s, 8, 'mean')[0]).toBeCloseTo(4);
    expect(weekly(s, 8, 'last')[0]).toBe(7);
    expect(weekly(s, 8, 'last')[1]).toBe(10);
    expect(Number.isNaN(weekly(f([NaN, NaN]), 2, 'mean')[0])).toBe(true);
  });

  it('never reads past the simulated day', () => {
    const s = f([1, 1, 1, 1, 1, 1, 1, 99, 99]);
    expect(Array.from(weekly(s, 7, 'sum'))).toEqual([7]);
  });

  it("follows each metric's own aggregation", () => {
    expect(aggOf('tickets_filed')).toBe('sum');
    expect(aggOf('tickets_open')).toBe('last');
    expect(aggOf('mean_days_to_close')).toBe('mean');
    const daily = { tickets_open: f([5, 6, 7, 8, 9, 10, 11]), mean_days_to_close: f([1, 2, 3, 4, 5, 6, 7]) };
    expect(weeklyMetric(daily, 'tickets_open', 7)[0]).toBe(11);
    expect(weeklyMetric(daily, 'mean_days_to_close', 7)[0]).toBe(4);
    expect(Array.from(weeklyMetric(daily, 'missing_metric', 9))).toEqual([0, 0]);
  });

  it('stacks series cumulatively, NaN as zero', () => {
    const [a, b] = stackUp([f([1, 2]), f([3, NaN])], 2);
    expect(Array.from(a.lo)).toEqual([0, 0]);
    expect(Array.from(a.hi)).toEqual([1, 2]);
    expect(Array.from(b.lo)).toEqual([1, 2]);
    expect(Array.from(b.hi)).toEqual([4, 2]);
  });

  it('subtracts over the shorter length and handles dates in UTC', () => {
    expect(Array.from(subtract(f([3, 4, 5]), f([1, 1])))).toEqual([2, 3]);
    expect(isoDate(dateAt('2021-01-01', 365))).toBe('2022-01-01');
    expect(isoDate(dateAt('2024-02-28', 1))).toBe('2024-02-29');
  });
});

function period(index: number, ranks: number[] | null, grades: Grade[] | null, vol: number | null): PeriodRecord {
  const n = (ranks ?? grades)!.length;
  return {
    index,
    startDay: index * 30,
    endDay: index * 30 + 30,
    startDate: '2021-01-01',
    endDate: '2021-01-31',
    rankVolatility: vol,
    units: Array.from({ length: n }, (_, u) => ({
      unit: u,
      district: 0,
      dispatched: 1,
      acceptance: 1,
      completion: 1,
      satisfaction: 1,
      requestsPer10k: 1,
      excluded: 0,
      score: 100 - u,
      rank: ranks ? ranks[u] : null,
      grade: grades ? grades[u] : null,
      penalised: false,
      pressure: 0,
      gamingIntensity: 0,
      audited: false,
      caught: false,
      truthSatisfaction: 1,
      responsiveness: 0.8,
    })),
  };
}

describe('ranks and grades', () => {
  it('uses published ranks and averages the volatility', () => {
    const ps = [period(0, [1, 2, 3], null, null), period(1, [3, 1, 2], null, 4 / 3)];
    const slots = bumpSlots(ps);
    expect(slots[1].get(0)).toBe(3);
    expect(slots[1].get(1)).toBe(1);
    expect(meanRankVolatility(ps)).toBeCloseTo(4 / 3);
    expect(meanRankVolatility([ps[0]])).toBeNull();
  });

  it('orders units by band, then by score, in grade mode', () => {
    const p = period(0, null, ['poor', 'excellent', 'good', 'excellent'], null);
    const s = bumpSlots([p])[0];
    // Units 1 and 3 are excellent; unit 1 has the higher score (100 - u).
    expect([s.get(1), s.get(3), s.get(2), s.get(0)]).toEqual([1, 2, 3, 4]);
    expect(gradeBands(p)).toEqual([
      { grade: 'excellent', from: 1, to: 2 },
      { grade: 'good', from: 3, to: 3 },
      { grade: 'poor', from: 4, to: 4 },
    ]);
  });

  it('measures how many units change band', () => {
    const ps = [period(0, null, ['good', 'good', 'pass', 'poor'], null), period(1, null, ['good', 'pass', 'pass', 'good'], null)];
    expect(gradeChurnSeries(ps)).toEqual([null, 0.5]);
    expect(meanGradeChurn(ps)).toBe(0.5);
  });
});

function fakeRun(day: number): RunView {
  const days = 28;
  const daily: Record<string, Float64Array> = {};
  for (const k of ['tickets_filed', 'filed_gaming', 'consultations', 'official_satisfaction', 'true_satisfaction'])
    daily[k] = new Float64Array(days);
  daily.tickets_filed.fill(10);
  daily.filed_gaming.fill(2);
  daily.official_satisfaction.fill(0.9);
  daily.true_satisfaction.fill(0.6);
  return { startDate: '2021-01-01', day, days, daily, periods: [] };
}

describe('chart definitions', () => {
  it('cover the eight charts of the issue (the ninth, ranks, is the bump chart)', () => {
    expect(CHART_DEFS.map((d) => d.id)).toEqual(['kind', 'channel', 'per10k', 'backlog', 'hours', 'gaming', 'satisfaction', 'disputes']);
    for (const d of CHART_DEFS) {
      expect(CHART[d.id].en.length).toBeGreaterThan(0);
      for (const k of [...(d.stack ?? []), ...(d.lines ?? []), ...(d.right ?? [])]) expect(SERIES[k], k).toBeDefined();
    }
  });

  it("derive the residents' hotline contacts and keep the horizon on the x axis", () => {
    const run = fakeRun(10);
    expect(Array.from(weeklySeries(run, 'hotline'))).toEqual([56, 56]);
    const c = buildChart(CHART_DEFS[1], run, null, 'en');
    expect(c.count).toBe(2);
    expect(c.total).toBe(4);
    expect(c.series.map((s) => s.key)).toEqual(['hotline', 'wechat_messages', 'hall_cases', 'needs_dropped']);
    expect(c.baseline).toBeNull();
  });

  it('carry the baseline with its own length and the band of the Goodhart gap', () => {
    const c = buildChart(CHART_DEFS[6], fakeRun(14), fakeRun(7), 'zh');
    expect(c.baseline?.count).toBe(1);
    expect(c.band).toMatchObject({ lo: 'true_satisfaction', hi: 'official_satisfaction' });
    expect(c.yMax).toBe(1);
    expect(c.yLabel).toBe('比率 0..1');
  });

  it('turn per-day units into per-week ones for summed metrics only', () => {
    expect(weeklyUnit('tickets_filed', 'en')).toBe('tickets per week');
    expect(weeklyUnit('tickets_filed', 'zh')).toBe('件/周');
    expect(weeklyUnit('tickets_open', 'en')).toBe('count (end of day)');
    expect(weeklyUnit('requests_per_10k', 'zh')).toBe('每万人每周派单数');
  });
});

function cells(n: number, units: number): CellSnapshot {
  const c: CellSnapshot = {
    count: n,
    unit: new Int32Array(n),
    population: new Int32Array(n),
    village: new Uint8Array(n),
    council: new Uint8Array(n),
    hall: new Uint8Array(n),
    wechat: new Int32Array(n),
    defectsOpen: new Int32Array(n),
    disputesOpen: new Int32Array(n),
    ticketsFiled: new Int32Array(n),
    contested: new Int8Array(n).fill(-1),
    norm: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    c.unit[i] = i % units;
    c.population[i] = i === 3 ? 0 : 500 + ((i * 7919) % 3000);
    c.ticketsFiled[i] = i * 10;
    c.norm[i] = 0.5;
  }
  return c;
}

describe('district layout', () => {
  it('draws every cell, inside the box, with area growing with population', () => {
    const c = cells(300, 7);
    const L = districtLayout(c, 800, 450);
    let area = 0;
    for (let i = 0; i < c.count; i++) {
      const a = (L.x1[i] - L.x0[i]) * (L.y1[i] - L.y0[i]);
      expect(a, `cell ${i}`).toBeGreaterThan(0);
      expect(L.x0[i]).toBeGreaterThanOrEqual(0);
      expect(L.x1[i]).toBeLessThanOrEqual(800.001);
      expect(L.y1[i]).toBeLessThanOrEqual(450.001);
      area += a;
    }
    expect(area).toBeGreaterThan(0.7 * 800 * 450);
    expect(L.units).toHaveLength(7);
    expect(new Set(L.order).size).toBe(c.count);
    // A cell lies inside its unit's rectangle.
    const u = L.units.find((r) => r.unit === c.unit[10])!;
    expect(L.x0[10]).toBeGreaterThanOrEqual(u.x0);
    expect(L.y1[10]).toBeLessThanOrEqual(u.y1 + 1e-3);
    // The biggest cell of a unit has a larger area than its smallest.
    const areaOf = (i: number) => (L.x1[i] - L.x0[i]) * (L.y1[i] - L.y0[i]);
    const same = Array.from({ length: c.count }, (_, i) => i).filter((i) => c.unit[i] === 0 && c.population[i] > 0);
    const big = same.reduce((a, b) => (c.population[a] > c.population[b] ? a : b));
    const small = same.reduce((a, b) => (c.population[a] < c.population[b] ? a : b));
    expect(areaOf(big)).toBeGreaterThan(areaOf(small));
  });

  it('is deterministic and finds cells by position', () => {
    const c = cells(7000, 18);
    const a = districtLayout(c, 1200, 600);
    const b = districtLayout(c, 1200, 600);
    expect(Array.from(a.x0)).toEqual(Array.from(b.x0));
    for (let k = 0; k < c.count; k++) expect(a.x1[k] > a.x0[k] && a.y1[k] > a.y0[k], `cell ${k}`).toBe(true);
    const i = 1234;
    expect(cellAt(a, (a.x0[i] + a.x1[i]) / 2, (a.y0[i] + a.y1[i]) / 2)).toBe(i);
    expect(cellAt(a, -5, -5)).toBe(-1);
  });

  it('computes metric values and a robust colour domain', () => {
    const c = cells(10, 2);
    const v = metricValues(c, 'ticketsPer1k');
    expect(v[1]).toBeCloseTo((10 * 1000) / c.population[1]);
    expect(v[3]).toBe(0); // no residents, no division by zero
    expect(colorDomain(metricValues(c, 'norm'), 'norm')).toEqual([0, 1]);
    const d = colorDomain(f([...Array(99).fill(1), 1000]), 'ticketsFiled');
    expect(d[1]).toBeLessThan(1000);
    expect(colorDomain(f([0, 0]), 'defectsOpen')).toEqual([0, 1]);
  });
});

describe('village layout and state', () => {
  it('places households deterministically inside the box, without Math.random', () => {
    const box = { x: 10, y: 20, w: 500, h: 300 };
    const a = householdLayout(640, box, 640);
    const b = householdLayout(640, box, 640);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    const seen = new Set<string>();
    for (let i = 0; i < 640; i++) {
      expect(a.x[i]).toBeGreaterThan(box.x);
      expect(a.x[i]).toBeLessThan(box.x + box.w);
      expect(a.y[i]).toBeGreaterThan(box.y);
      expect(a.y[i]).toBeLessThan(box.y + box.h);
      seen.add(`${a.x[i].toFixed(2)},${a.y[i].toFixed(2)}`);
    }
    expect(seen.size).toBe(640);
    expect(a.r).toBeGreaterThan(1);
    for (let i = 0; i < 100; i++) {
      const h = hash01(i, 3);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1);
    }
  });

  it('folds events by day into open tickets, settlements, goods and yearly counts', () => {
    const ev = (day: number, type: VillageEvent['type'], household = 0, channel = 0, good = 0, state = 0): VillageEvent => ({
      day,
      type,
      household,
      kind: 1,
      channel,
      ok: true,
      good,
      state,
    });
    const events = [
      ev(0, 'file', 2, Channel.HOTLINE),
      ev(1, 'file', 3, Channel.HALL),
      ev(2, 'close', 2),
      ev(3, 'flip', 1, 0, 1, 0),
      ev(366, 'file', 5, Channel.HOTLINE),
      ev(366, 'settle', 4),
      ev(367, 'visit', 4),
      ev(368, 'defect', -1),
      ev(400, 'fix', -1),
    ];
    const s = new VillageState(10, '2021-01-01');
    expect(s.advance(events, 1)).toHaveLength(2);
    expect(s.open[2]).toBe(1);
    s.advance(events, 3);
    expect(s.open[2]).toBe(0);
    expect(s.bump).toBe(0);
    expect(s.lights).toBeNull();
    s.advance(events, 370);
    expect(s.counts(2021)).toMatchObject({ tickets: 1, hall: 1, flips: 1, visits: 0 });
    expect(s.counts(2022)).toMatchObject({ tickets: 1, visits: 1 });
    expect(s.settled[4]).toBe(1);
    expect(s.defectsOpen).toBe(1);
    s.advance(events, 400);
    expect(s.defectsOpen).toBe(0);
    expect(s.seen).toBe(events.length);
  });

  it('never leaves consultations or refused calls waiting', () => {
    const ev = (type: VillageEvent['type'], household: number, kind: number): VillageEvent => ({
      day: 0,
      type,
      household,
      kind,
      channel: Channel.HOTLINE,
      ok: true,
      good: -1,
      state: -1,
    });
    const s = new VillageState(5, '2021-01-01');
    s.advance([ev('file', 1, 0), ev('file', 2, 3), ev('refuse', 2, 3), ev('file', 3, 1)], 0);
    expect(Array.from(s.open)).toEqual([0, 0, 0, 1, 0]);
    expect(s.counts(2021).tickets).toBe(3);
  });
});

describe('export helpers', () => {
  it('estimate label widths, CJK wider than Latin', async () => {
    const { textWidth, slug } = await import('../../ui/charts/export.ts');
    expect(textWidth('满意率', 13)).toBe(39);
    expect(textWidth('abc', 10)).toBe(18);
    expect(slug('Tickets per week, by kind')).toBe('tickets-per-week-by-kind');
  });
});

describe('date ticks', () => {
  it('read as year, month or day in the chosen language', async () => {
    const { dateTick } = await import('../../ui/charts/line-chart.ts');
    const d = (s: string) => new Date(s + 'T00:00:00Z');
    expect(dateTick(d('2022-01-01'), 'en')).toBe('2022');
    expect(dateTick(d('2022-01-01'), 'zh')).toBe('2022年');
    expect(dateTick(d('2022-03-01'), 'en')).toBe('March');
    expect(dateTick(d('2022-03-01'), 'zh')).toBe('3月');
    expect(dateTick(d('2022-03-13'), 'en')).toBe('Mar 13');
    expect(dateTick(d('2022-03-13'), 'zh')).toBe('3月13日');
  });
});
