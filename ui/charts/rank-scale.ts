/**
 * The rank chart's two scales, pure so they can be checked by hand:
 * - time: each period sits at its middle day on an axis of days, so any cadence (and a baseline
 *   of another cadence in compare mode) fills the same width and lines up in time;
 * - ranks: with many units (a city has hundreds), the top and bottom `k` ranks get a row each and
 *   the ranks between share a compressed middle band, so the lines that can be told apart are the
 *   ones drawn.
 */
import type { PeriodRecord } from '../../sim/index.ts';

/** Units above which the chart shows the top and bottom only. */
export const MANY_UNITS = 40;
/** Ranks kept at each end with many units. */
export const END_RANKS = 10;
/** Rows the compressed middle band takes. */
const MIDDLE_ROWS = 3;

/** The middle day of a period (its point on the time axis). */
export function periodMid(p: Pick<PeriodRecord, 'startDay' | 'endDay'>): number {
  return (p.startDay + p.endDay) / 2;
}

/** The days the time axis spans: the horizon when known, else as far as any period reaches. */
export function axisDays(days: number, ...sides: readonly (readonly Pick<PeriodRecord, 'endDay'>[] | null)[]): number {
  let d = Math.max(0, days);
  for (const ps of sides) for (const p of ps ?? []) d = Math.max(d, p.endDay);
  return Math.max(1, d);
}

/** The period whose days hold `day` (the nearest at either end), or -1 with no periods. */
export function periodAt(periods: readonly Pick<PeriodRecord, 'startDay' | 'endDay'>[], day: number): number {
  if (!periods.length) return -1;
  const i = periods.findIndex((p) => day < p.endDay);
  return i < 0 ? periods.length - 1 : i;
}

/** A rank axis: `pos` maps a slot (1 = best) to a row position; `rows` is the last row. */
export interface RankScale {
  /** Slots on the axis (units ranked). */
  n: number;
  /** Ranks kept at each end; n when every rank has its row. */
  k: number;
  compressed: boolean;
  rows: number;
  pos: (slot: number) => number;
  /** The ranks the middle band holds, when compressed. */
  middle: { from: number; to: number } | null;
  /** Slots to label on the axis. */
  ticks: number[];
}

/** The rank axis for `n` units: one row per rank up to MANY_UNITS, else top and bottom END_RANKS and a middle band. */
export function rankScale(n: number): RankScale {
  if (n <= MANY_UNITS) {
    const step = n <= 10 ? 1 : n <= 20 ? 2 : 5;
    const ticks = [1];
    for (let s = step; s <= n; s += step) if (s > 1) ticks.push(s);
    return { n, k: n, compressed: false, rows: Math.max(1, n), pos: (s) => s, middle: null, ticks };
  }
  const k = END_RANKS;
  const inner = n - 2 * k;
  const pos = (s: number): number => {
    if (s <= k + 0.5) return s;
    if (s >= n - k + 0.5) return s - inner + MIDDLE_ROWS;
    return k + 0.5 + ((s - k - 0.5) / inner) * MIDDLE_ROWS;
  };
  return {
    n,
    k,
    compressed: true,
    rows: 2 * k + MIDDLE_ROWS,
    pos,
    middle: { from: k + 1, to: n - k },
    ticks: [1, 5, k, n - k + 1, n - 4, n].filter((s, i, a) => s >= 1 && a.indexOf(s) === i),
  };
}

/** The units drawn: all of them, or with a compressed axis the latest period's top and bottom `k` and the picked unit. */
export function shownUnits(units: readonly number[], last: Map<number, number> | undefined, scale: RankScale, picked: number): number[] {
  if (!scale.compressed || !last) return [...units];
  const keep = new Set<number>();
  for (const [u, s] of last) if (s <= scale.k || s > scale.n - scale.k) keep.add(u);
  if (picked >= 0) keep.add(picked);
  return units.filter((u) => keep.has(u));
}
