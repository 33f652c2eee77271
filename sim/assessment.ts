/**
 * Assessment at the end of each period: per unit, acceptance, completion (closed in time),
 * satisfaction and requests per 10,000 residents, excluded tickets left out; a weighted score;
 * a rank by score or a grade band set against the score distribution; penalties for the bottom
 * (summons, listed supervision, promotion freeze) and the pressure of a published low place; an
 * optional district layer; optionally the same for functional departments among themselves.
 *
 * Pressure is counted per month of the period (a quarterly penalty weighs three monthly ones), so
 * the cadence changes the rhythm of pressure, not its total by construction. Leaders then learn
 * whether gaming paid, and some are replaced (sim/leaders.ts).
 */
import type { Grade, PeriodRecord, UnitPeriod } from './types.ts';
import type { State } from './state.ts';
import { isoOfEpochDay } from './calendar.ts';
import { AUDIT_SCORE_PENALTY, DISTRICT_LAYER_SHARE } from './constants.ts';

/** Days in an assessment month: pressure per period is counted in these. */
const MONTH_DAYS = 30.4375;

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const n = a.length;
  return n === 0 ? 0 : n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

/** Overdue open tickets per owner right now (those past their deadline, not under appeal). */
function overdueOpen(s: State): Float64Array {
  const O = s.world.U + s.world.D;
  const out = new Float64Array(O);
  const T = s.tickets;
  for (let o = 0; o < O; o++) {
    for (const q of [s.qGeneral[o], s.qComplex[o]]) {
      for (let i = 0; i < q.length; i++) if (T.deadline[q.at(i)] < s.clock.day) out[o]++;
    }
  }
  return out;
}

/** Grade bands by place in the score order: the best excellent, then good, the bottom poor, the rest pass. */
export function gradeOfPlace(place: number, n: number, shareExcellent: number, shareGood: number, nPoor: number): Grade {
  if (place >= n - nPoor) return 'poor';
  const nEx = Math.round(shareExcellent * n);
  if (place < nEx) return 'excellent';
  if (place < nEx + Math.round(shareGood * n)) return 'good';
  return 'pass';
}

/** Score owners lo..hi-1 on the period's accumulators. */
function scoreOwners(s: State, lo: number, hi: number, periodDays: number, overdue: Float64Array, withRequests: boolean): UnitPeriod[] {
  const k = s.k;
  const R = s.ratings;
  const per10k: number[] = [];
  for (let o = lo; o < hi; o++) {
    const dispatched = R.dispatched[o] - R.excluded[o];
    const pop = o < s.world.U ? s.world.unitPop[o] : s.world.N;
    per10k.push(((dispatched / pop) * 10000 * 30) / periodDays);
  }
  const med = median(per10k);
  const wReq = withRequests ? k.weightRequests : 0;
  const wsum = k.weightAcceptance + k.weightCompletion + k.weightSatisfaction + wReq || 1;
  const out: UnitPeriod[] = [];
  for (let o = lo; o < hi; o++) {
    // an approved exclusion takes the ticket out of every component
    const disp = R.dispatched[o] - R.excluded[o];
    const acceptance = disp > 0 ? Math.max(0, 1 - R.returned[o] / disp) : 1;
    const denom = R.closed[o] + overdue[o];
    const completion = denom > 0 ? R.onTime[o] / denom : 1;
    const satisfaction = R.reported[o] > 0 ? R.reportedSatisfied[o] / R.reported[o] : 1;
    const truth = R.rated[o] > 0 ? R.trulySatisfied[o] / R.rated[o] : 1;
    const i = o - lo;
    const reqScore = per10k[i] > 0 ? Math.min(1, med / per10k[i]) : 1;
    let score =
      (100 * (k.weightAcceptance * acceptance + k.weightCompletion * completion + k.weightSatisfaction * satisfaction + wReq * reqScore)) /
      wsum;
    const [audited, caught] = o < s.world.U ? s.gaming.audit(o) : [false, false];
    if (caught) {
      score = Math.max(0, score - AUDIT_SCORE_PENALTY);
    }
    out.push({
      unit: o,
      district: o < s.world.U ? s.world.unitDistrict[o] : 0,
      dispatched: disp,
      acceptance,
      completion,
      satisfaction,
      requestsPer10k: per10k[i],
      excluded: R.excluded[o],
      score,
      rank: null,
      grade: null,
      penalised: false,
      pressure: 0,
      gamingIntensity: s.gaming.intensity[o],
      audited,
      caught,
      truthSatisfaction: truth,
      responsiveness: s.leaders.resp[o],
    });
  }
  return out;
}

/** Rank or grade a group scored together; add the pressure of penalties and of a published place. */
function placeAndPress(s: State, group: UnitPeriod[], months: number): void {
  const k = s.k;
  const n = group.length;
  const order = group.map((_, i) => i).sort((a, b) => group[b].score - group[a].score || a - b);
  // the bottom share, at least one when any is penalised; a lone owner has no bottom
  const nBottom = n > 1 && k.penaltyBottomShare > 0 ? Math.max(1, Math.floor(k.penaltyBottomShare * n)) : 0;
  order.forEach((gi, place) => {
    const x = group[gi];
    // a published rank exposes every place; a band hides the place within it, so only the poor
    // band is seen low
    let where: number;
    if (k.rankingMode === 'rank') {
      x.rank = place + 1;
      x.penalised = place >= n - nBottom;
      where = n > 1 ? place / (n - 1) : 0;
    } else {
      x.grade = gradeOfPlace(place, n, k.gradeShareExcellent, k.gradeShareGood, nBottom);
      x.penalised = x.grade === 'poor';
      where = x.penalised ? 1 : 0;
    }
    s.leaders.press(x.unit, months * ((x.penalised ? k.penaltySeverity : 0) + k.rankVisibility * where));
  });
}

export function assess(s: State, startDay: number, endDay: number): PeriodRecord {
  const k = s.k;
  const U = s.world.U;
  const overdue = overdueOpen(s);
  const periodDays = endDay - startDay;
  const months = periodDays / MONTH_DAYS;
  const units = scoreOwners(s, 0, U, periodDays, overdue, true);
  placeAndPress(s, units, months);
  if (k.districtLayer) {
    const nd = Math.max(...units.map((x) => x.district)) + 1;
    const sum = new Float64Array(nd);
    const cnt = new Float64Array(nd);
    for (const x of units) {
      sum[x.district] += x.score;
      cnt[x.district]++;
    }
    const mean = Array.from(sum, (v, d) => v / cnt[d]);
    // units below their district's mean are called in again by the district
    for (const x of units) if (x.score < mean[x.district]) s.leaders.press(x.unit, months * DISTRICT_LAYER_SHARE * k.penaltySeverity);
    if (nd > 1) {
      const dorder = mean.map((_, d) => d).sort((a, b) => mean[a] - mean[b] || a - b);
      const worst = new Set(dorder.slice(0, Math.ceil(k.penaltyBottomShare * nd)));
      for (const x of units) if (worst.has(x.district)) s.leaders.press(x.unit, months * 0.5 * k.penaltySeverity);
    }
  }
  let departments: UnitPeriod[] | undefined;
  if (k.deptAssessed && s.world.D > 0) {
    departments = scoreOwners(s, U, U + s.world.D, periodDays, overdue, false);
    placeAndPress(s, departments, months);
    for (const x of departments) x.pressure = s.leaders.pressure[x.unit];
  }
  for (const x of units) x.pressure = s.leaders.pressure[x.unit];

  // residents' feedback and real volume, for responsiveness and the size of fake batches
  s.leaders.hearFeedback(s.ratings, periodDays);
  s.gaming.learn(units);
  s.leaders.replace(periodDays);

  let rankVolatility: number | null = null;
  if (k.rankingMode === 'rank') {
    const ranks = Int32Array.from(units, (x) => x.rank ?? 0);
    if (s.prevRanks && s.prevRanks.length === U) {
      let d = 0;
      for (let u = 0; u < U; u++) d += Math.abs(ranks[u] - s.prevRanks[u]);
      rankVolatility = d / U;
    }
    s.prevRanks = ranks;
  }
  s.ratings.resetPeriod();
  const record: PeriodRecord = {
    index: s.periodIndex++,
    startDay,
    endDay,
    startDate: isoOfEpochDay(s.clock.startEpoch + startDay),
    endDate: isoOfEpochDay(s.clock.startEpoch + endDay - 1),
    units,
    rankVolatility,
  };
  if (departments) record.departments = departments;
  return record;
}
