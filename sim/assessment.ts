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
import type { Knobs } from './knobs.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import { periodBoundaries } from './calendar.ts';
import { AUDIT_SCORE_PENALTY, DISTRICT_LAYER_SHARE } from './constants.ts';
import type { Ratings } from './ratings.ts';
import type { Work } from './work.ts';
import type { Leaders } from './leaders.ts';
import type { Gaming } from './gaming.ts';

/** Days in an assessment month: pressure per period is counted in these. */
const MONTH_DAYS = 30.4375;

/** The regime knobs: a change of any of them closes the running period (Assessment.changeRegime). */
const REGIME = ['cadence', 'rankingMode', 'periodStartDay'] as const;

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const n = a.length;
  return n === 0 ? 0 : n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

function cadenceMonths(k: Knobs): number {
  return k.cadence === 'monthly' ? 1 : k.cadence === 'bimonthly' ? 2 : 3;
}

/** Grade bands by place in the score order: the best excellent, then good, the bottom poor, the rest pass. */
export function gradeOfPlace(place: number, n: number, shareExcellent: number, shareGood: number, nPoor: number): Grade {
  if (place >= n - nPoor) return 'poor';
  const nEx = Math.round(shareExcellent * n);
  if (place < nEx) return 'excellent';
  if (place < nEx + Math.round(shareGood * n)) return 'good';
  return 'pass';
}

export class Assessment {
  /** Every period recorded so far (from day 0 on). */
  readonly periods: PeriodRecord[] = [];
  /** Period boundaries (simulation days), with one at day 0; the running period ends at boundaries[next]. */
  private boundaries: number[];
  private next = 1;
  private periodIndex = 0;
  private prevRanks: Int32Array | null = null;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly ratings: Ratings;
  private readonly work: Work;
  private readonly leaders: Leaders;
  private readonly gaming: Gaming;
  /** The knobs in force (the assessment reads the weights, the penalties and the regime). */
  private k: Knobs;

  constructor(world: World, clock: Clock, k: Knobs, ratings: Ratings, work: Work, leaders: Leaders, gaming: Gaming) {
    this.world = world;
    this.clock = clock;
    this.ratings = ratings;
    this.work = work;
    this.leaders = leaders;
    this.gaming = gaming;
    this.k = k;
    // periods over the burn-in and the run, with a boundary at day 0 so no recorded period holds
    // burn-in days
    const B = clock.burnIn;
    const all = periodBoundaries(clock.startEpoch - B, clock.days + B, cadenceMonths(k), k.periodStartDay).map((b) => b - B);
    if (!all.includes(0)) all.push(0);
    this.boundaries = all.sort((a, b) => a - b);
  }

  configure(k: Knobs): void {
    this.k = k;
  }

  /** Does the running period end with today? */
  periodEndsToday(): boolean {
    return this.clock.day + 1 === this.boundaries[this.next];
  }

  /** Phase (a period's last day): assess the period that ends today; the next one starts tomorrow. */
  endPeriod(): void {
    const start = this.boundaries[this.next - 1];
    const record = this.assess(start, this.clock.day + 1);
    if (start >= 0) this.periods.push(record);
    this.next++;
  }

  /** Would these knobs change the assessment regime (cadence, ranking mode, period start day)? */
  regimeChanges(changes: Partial<Knobs>): boolean {
    return REGIME.some((n) => n in changes && changes[n] !== this.k[n]);
  }

  /**
   * A change of the regime on today (before its knobs are read): the running period closes and is
   * assessed under the old rules (returns whether it was, so the next period's gaming is chosen).
   */
  closeEarly(): boolean {
    const d = this.clock.day;
    const start = this.boundaries[this.next - 1];
    if (!(d > start)) return false;
    const record = this.assess(start, d);
    if (start >= 0) this.periods.push(record);
    return true;
  }

  /** After a regime change (its knobs read): new periods start today, aligned to the calendar. */
  restartPeriods(): void {
    const d = this.clock.day;
    const kept = this.boundaries.filter((b) => b < d);
    const after = periodBoundaries(this.clock.startEpoch + d, this.clock.days - d, cadenceMonths(this.k), this.k.periodStartDay).map(
      (b) => b + d,
    );
    this.boundaries = [...kept, ...after];
    this.next = kept.length + 1;
  }

  /** At the first recorded day: periods are numbered from there. */
  startRecording(): void {
    this.periodIndex = 0;
  }

  /** Overdue open tickets per owner right now (those past their deadline, not under appeal). */
  private overdueOpen(): Float64Array {
    const O = this.world.O;
    const out = new Float64Array(O);
    for (let o = 0; o < O; o++) out[o] = this.work.overdue(o);
    return out;
  }

  /** Score owners lo..hi-1 on the period's accumulators. */
  private scoreOwners(lo: number, hi: number, periodDays: number, overdue: Float64Array, withRequests: boolean): UnitPeriod[] {
    const k = this.k;
    const R = this.ratings;
    const per10k: number[] = [];
    for (let o = lo; o < hi; o++) {
      const dispatched = R.dispatched[o] - R.excluded[o];
      const pop = o < this.world.U ? this.world.unitPop[o] : this.world.N;
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
      const denom = R.completionBase(o, overdue[o]);
      const completion = denom > 0 ? R.onTime[o] / denom : 1;
      const satisfaction = R.reported[o] > 0 ? R.reportedSatisfied[o] / R.reported[o] : 1;
      const truth = R.rated[o] > 0 ? R.trulySatisfied[o] / R.rated[o] : 1;
      const i = o - lo;
      const reqScore = per10k[i] > 0 ? Math.min(1, med / per10k[i]) : 1;
      let score =
        (100 *
          (k.weightAcceptance * acceptance + k.weightCompletion * completion + k.weightSatisfaction * satisfaction + wReq * reqScore)) /
        wsum;
      const [audited, caught] = o < this.world.U ? this.gaming.audit(o) : [false, false];
      if (caught) {
        score = Math.max(0, score - AUDIT_SCORE_PENALTY);
      }
      out.push({
        unit: o,
        district: o < this.world.U ? this.world.unitDistrict[o] : 0,
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
        gamingIntensity: this.gaming.intensity[o],
        audited,
        caught,
        truthSatisfaction: truth,
        responsiveness: this.leaders.resp[o],
      });
    }
    return out;
  }

  /** Rank or grade a group scored together; add the pressure of penalties and of a published place. */
  private placeAndPress(group: UnitPeriod[], months: number): void {
    const k = this.k;
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
      this.leaders.press(x.unit, months * ((x.penalised ? k.penaltySeverity : 0) + k.rankVisibility * where));
    });
  }

  private assess(startDay: number, endDay: number): PeriodRecord {
    const k = this.k;
    const U = this.world.U;
    const overdue = this.overdueOpen();
    const periodDays = endDay - startDay;
    const months = periodDays / MONTH_DAYS;
    const units = this.scoreOwners(0, U, periodDays, overdue, true);
    this.placeAndPress(units, months);
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
      for (const x of units) if (x.score < mean[x.district]) this.leaders.press(x.unit, months * DISTRICT_LAYER_SHARE * k.penaltySeverity);
      if (nd > 1) {
        const dorder = mean.map((_, d) => d).sort((a, b) => mean[a] - mean[b] || a - b);
        const worst = new Set(dorder.slice(0, Math.ceil(k.penaltyBottomShare * nd)));
        for (const x of units) if (worst.has(x.district)) this.leaders.press(x.unit, months * 0.5 * k.penaltySeverity);
      }
    }
    let departments: UnitPeriod[] | undefined;
    if (k.deptAssessed && this.world.D > 0) {
      departments = this.scoreOwners(U, U + this.world.D, periodDays, overdue, false);
      this.placeAndPress(departments, months);
      for (const x of departments) x.pressure = this.leaders.pressure[x.unit];
    }
    for (const x of units) x.pressure = this.leaders.pressure[x.unit];

    // residents' feedback and real volume, for responsiveness and the size of fake batches
    this.leaders.hearFeedback(this.ratings, periodDays);
    this.gaming.learn(units, overdue);
    this.leaders.replace(periodDays);

    let rankVolatility: number | null = null;
    if (k.rankingMode === 'rank') {
      const ranks = Int32Array.from(units, (x) => x.rank ?? 0);
      if (this.prevRanks && this.prevRanks.length === U) {
        let d = 0;
        for (let u = 0; u < U; u++) d += Math.abs(ranks[u] - this.prevRanks[u]);
        rankVolatility = d / U;
      }
      this.prevRanks = ranks;
    }
    this.ratings.resetPeriod();
    const record: PeriodRecord = {
      index: this.periodIndex++,
      startDay,
      endDay,
      startDate: this.clock.dateOf(startDay),
      endDate: this.clock.dateOf(endDay - 1),
      units,
      rankVolatility,
    };
    if (departments) record.departments = departments;
    return record;
  }
}
