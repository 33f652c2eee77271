/**
 * Calendar arithmetic on UTC day numbers: pure and identical in every engine. The one file of the
 * core allowed to use `Date` (biome.json), and only its UTC arithmetic, never the clock.
 */

const MS_PER_DAY = 86400000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 for an ISO date. */
export function epochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymdOfEpochDay(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Assessment period boundaries, as simulation days [0, days].
 * Periods run from `startDay` of a month for `months` months; months are aligned to the
 * calendar year (a bimonthly period starts in Jan, Mar, ...; quarterly in Jan, Apr, ...).
 * The first period starts at day 0 and may be partial; so may the last.
 */
export function periodBoundaries(startEpoch: number, days: number, months: number, startDayOfMonth: number): number[] {
  const out = [0];
  const { y, m } = ymdOfEpochDay(startEpoch);
  // walk month starts from the start's month onward
  let year = y;
  let month = m; // 1..12
  for (let guard = 0; guard < 12 * 40; guard++) {
    if ((month - 1) % months === 0) {
      const b = Math.round(Date.UTC(year, month - 1, startDayOfMonth) / MS_PER_DAY) - startEpoch;
      if (b >= days) break;
      if (b > 0) out.push(b);
    }
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  out.push(days);
  return out;
}
