/**
 * Weekly aggregation and small pure helpers for the charts. No DOM here; unit-tested.
 */
import { METRICS, type PeriodRecord } from '../../sim/index.ts';

export type Agg = 'sum' | 'mean' | 'last';

const AGG = new Map<string, Agg>(METRICS.map((m) => [m.name, m.agg]));

/** How a metric aggregates over a week (sum for unknown names). */
export function aggOf(name: string): Agg {
  return AGG.get(name) ?? 'sum';
}

/** Weeks, the last possibly partial, covering days [0, day). */
export function weekCount(day: number, step = 7): number {
  return day <= 0 ? 0 : Math.ceil(day / step);
}

/**
 * Aggregate the first `day` entries of a daily series into blocks of `step` days.
 * 'sum' adds the days; a partial last block is scaled to a full one, so a streaming
 * chart's newest point is a weekly rate and does not dip. 'mean' averages the finite
 * days; 'last' takes the last finite day. A block with no finite day is NaN.
 */
export function weekly(series: ArrayLike<number>, day: number, agg: Agg, step = 7): Float64Array {
  const n = Math.min(day, series.length);
  const out = new Float64Array(weekCount(n, step));
  for (let w = 0; w < out.length; w++) {
    const a = w * step;
    const b = Math.min(a + step, n);
    let sum = 0;
    let k = 0;
    let last = NaN;
    for (let d = a; d < b; d++) {
      const v = series[d];
      if (!Number.isFinite(v)) continue;
      sum += v;
      k++;
      last = v;
    }
    if (k === 0) out[w] = NaN;
    else if (agg === 'sum') out[w] = (sum * step) / (b - a);
    else if (agg === 'mean') out[w] = sum / k;
    else out[w] = last;
  }
  return out;
}

/** Weekly series of a named metric from a daily record; zeros if the metric is missing. */
export function weeklyMetric(daily: Record<string, ArrayLike<number>>, name: string, day: number, step = 7): Float64Array {
  const s = daily[name];
  if (!s) return new Float64Array(weekCount(day, step));
  return weekly(s, day, aggOf(name), step);
}

/** Element-wise a - b (NaN-propagating), over the shorter length. */
export function subtract(a: Float64Array, b: Float64Array): Float64Array {
  const n = Math.min(a.length, b.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
  return out;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC), NaN if malformed. */
export function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000;
}

/** The date `offset` days after `start`, as a UTC Date. */
export function dateAt(start: string, offset: number): Date {
  const d = parseDay(start);
  return new Date(((Number.isFinite(d) ? d : 0) + offset) * 86400000);
}

/** YYYY-MM-DD of a Date (UTC). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The largest finite value among the first `count` entries of several arrays (0 if none). */
export function maxOf(arrays: readonly ArrayLike<number>[], count: number): number {
  let m = 0;
  for (const a of arrays) {
    const n = Math.min(count, a.length);
    for (let i = 0; i < n; i++) if (a[i] > m) m = a[i];
  }
  return m;
}

/** Smallest finite value of the first `count` entries of the arrays (Infinity when none). */
export function minOf(arrays: readonly ArrayLike<number>[], count: number): number {
  let m = Infinity;
  for (const a of arrays) {
    const n = Math.min(count, a.length);
    for (let i = 0; i < n; i++) if (a[i] < m) m = a[i];
  }
  return m;
}

/**
 * An axis fitted to the data for rates (0..cap): the data's range with a margin, in steps of 5
 * points, never below 0 or above `cap`; [0, cap] when there is no data.
 */
export function fitRange(lo: number, hi: number, cap = 1): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [0, cap];
  const pad = Math.max(0.02, (hi - lo) * 0.1);
  const a = Math.max(0, Math.floor((lo - pad) * 20) / 20);
  const b = Math.min(cap, Math.ceil((hi + pad) * 20) / 20);
  return b > a ? [a, b] : [0, cap];
}

/** Cumulative stack: for series s_0..s_k, lower and upper bounds per point (NaN counts as 0). */
export function stackUp(series: readonly Float64Array[], count: number): { lo: Float64Array; hi: Float64Array }[] {
  const base = new Float64Array(count);
  return series.map((s) => {
    const lo = base.slice();
    for (let i = 0; i < count; i++) {
      const v = s[i];
      if (Number.isFinite(v)) base[i] += v;
    }
    return { lo, hi: base.slice() };
  });
}

/** Mean of the periods' rank volatility (mean absolute rank change); null if none is known. */
export function meanRankVolatility(periods: readonly PeriodRecord[]): number | null {
  let sum = 0;
  let k = 0;
  for (const p of periods) {
    if (p.rankVolatility == null || !Number.isFinite(p.rankVolatility)) continue;
    sum += p.rankVolatility;
    k++;
  }
  return k ? sum / k : null;
}

export const GRADES = ['excellent', 'good', 'pass', 'poor'] as const;

/** Share of units whose grade band changed from one period to the next, averaged; null if < 2 periods. */
export function meanGradeChurn(periods: readonly PeriodRecord[]): number | null {
  const s = gradeChurnSeries(periods).filter((v): v is number => v != null);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : null;
}

/** Per period: the share of units whose band changed since the previous period (null for the first). */
export function gradeChurnSeries(periods: readonly PeriodRecord[]): (number | null)[] {
  return periods.map((p, i) => {
    if (i === 0) return null;
    const prev = new Map(periods[i - 1].units.map((u) => [u.unit, u.grade]));
    let changed = 0;
    let n = 0;
    for (const u of p.units) {
      if (!prev.has(u.unit) || u.grade == null) continue;
      n++;
      if (prev.get(u.unit) !== u.grade) changed++;
    }
    return n ? changed / n : null;
  });
}

/**
 * Vertical position of every unit in every period for the bump chart, in rank units
 * (1 = top). Rank mode uses the published rank; grade mode orders units by band
 * (excellent first) and by score within a band. Returns per period a Map unit -> slot.
 */
export function bumpSlots(periods: readonly PeriodRecord[]): Map<number, number>[] {
  return periods.map((p) => {
    const m = new Map<number, number>();
    const units = p.units.slice();
    const allRanked = units.every((u) => u.rank != null);
    if (allRanked) {
      for (const u of units) m.set(u.unit, u.rank as number);
      return m;
    }
    const g = (x: (typeof units)[number]) => (x.grade == null ? GRADES.length : GRADES.indexOf(x.grade));
    units.sort((a, b) => g(a) - g(b) || b.score - a.score || a.unit - b.unit);
    units.forEach((u, i) => {
      m.set(u.unit, i + 1);
    });
    return m;
  });
}

/** For grade mode: the slot range [first, last] each grade occupies in one period. */
export function gradeBands(p: PeriodRecord): { grade: string; from: number; to: number }[] {
  const counts = GRADES.map((gr) => p.units.filter((u) => u.grade === gr).length);
  const out: { grade: string; from: number; to: number }[] = [];
  let at = 1;
  GRADES.forEach((gr, i) => {
    if (counts[i] > 0) out.push({ grade: gr, from: at, to: at + counts[i] - 1 });
    at += counts[i];
  });
  return out;
}
