/**
 * Assessment at the end of each period: per unit, acceptance, completion (closed in time),
 * satisfaction and requests per 10,000 residents, excluded tickets left out; a weighted score
 * (cut for a unit an audit caught: sim/gaming.ts audits first); a rank by score or a grade band;
 * penalties for the bottom (summons, listed supervision, promotion freeze) and the pressure of a
 * published low rank; an optional district layer. Honest leaders answer pressure by making their
 * unit more responsive.
 */
import type { Grade, PeriodRecord, UnitPeriod } from './types.ts';
import type { Knobs } from './knobs.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Ratings } from './ratings.ts';
import type { Work } from './work.ts';
import type { Gaming } from './gaming.ts';
import type { Leaders } from './leaders.ts';
import { periodBoundaries } from './calendar.ts';
import { AUDIT_SCORE_PENALTY, DISTRICT_LAYER_SHARE, GRADE_EXCELLENT, GRADE_GOOD, GRADE_PASS } from './constants.ts';

export function gradeOf(score: number): Grade {
  return score >= GRADE_EXCELLENT ? 'excellent' : score >= GRADE_GOOD ? 'good' : score >= GRADE_PASS ? 'pass' : 'poor';
}

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const n = a.length;
  return n === 0 ? 0 : n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

export class Assessment {
  /** Every period assessed so far. */
  readonly periods: PeriodRecord[] = [];
  private readonly world: World;
  private readonly clock: Clock;
  private readonly ratings: Ratings;
  private readonly work: Work;
  private readonly gaming: Gaming;
  private readonly leaders: Leaders;
  private prevRanks: Int32Array | null = null;
  /** First day of the current period, and the day after its last. */
  private periodStart = 0;
  private periodEnd = 0;
  // configured
  private k!: Knobs;
  /** Period boundaries as simulation days, 0 and the horizon included (sim/calendar.ts). */
  private boundaries: number[] = [];

  constructor(world: World, clock: Clock, ratings: Ratings, work: Work, gaming: Gaming, leaders: Leaders) {
    this.world = world;
    this.clock = clock;
    this.ratings = ratings;
    this.work = work;
    this.gaming = gaming;
    this.leaders = leaders;
  }

  /**
   * Scoring rules, and the periods: from `cadence` and `periodStartDay`. The period under way
   * keeps its start and ends at the first boundary after today.
   */
  configure(k: Knobs): void {
    this.k = k;
    const clock = this.clock;
    const months = k.cadence === 'monthly' ? 1 : k.cadence === 'bimonthly' ? 2 : 3;
    this.boundaries = periodBoundaries(clock.startEpoch, clock.days, months, k.periodStartDay);
    this.periodEnd = this.nextBoundary(Math.max(this.periodStart, clock.day));
  }

  /** The first period boundary after `day` (Infinity past the horizon). */
  private nextBoundary(day: number): number {
    for (const b of this.boundaries) if (b > day) return b;
    return Infinity;
  }

  /** Does the current period end with today? */
  periodEndsToday(): boolean {
    return this.clock.day + 1 === this.periodEnd;
  }

  /** Score, rank or grade, penalise and press the leaders, for the period that ends today. */
  assess(): PeriodRecord {
    const k = this.k;
    const { U, unitPop, unitDistrict } = this.world;
    const ratings = this.ratings;
    const leaders = this.leaders;
    const { pressure, resp } = leaders;
    const gaming = this.gaming;
    const startDay = this.periodStart;
    const endDay = this.clock.day + 1;
    const overdue = new Float64Array(U);
    for (let u = 0; u < U; u++) overdue[u] = this.work.overdue(u);
    const periodDays = endDay - startDay;
    const units: UnitPeriod[] = [];
    const per10k: number[] = [];
    for (let u = 0; u < U; u++) {
      const dispatched = ratings.dispatched[u] - ratings.excluded[u];
      per10k.push(((dispatched / unitPop[u]) * 10000 * 30) / periodDays);
    }
    const med = median(per10k);
    const wsum = k.weightAcceptance + k.weightCompletion + k.weightSatisfaction + k.weightRequests || 1;
    for (let u = 0; u < U; u++) {
      const disp = ratings.dispatched[u];
      const acceptance = disp > 0 ? 1 - ratings.returned[u] / disp : 1;
      const denom = ratings.closed[u] + overdue[u];
      const completion = denom > 0 ? ratings.onTime[u] / denom : 1;
      const satisfaction = ratings.reported[u] > 0 ? ratings.reportedSatisfied[u] / ratings.reported[u] : 1;
      const truth = ratings.rated[u] > 0 ? ratings.trulySatisfied[u] / ratings.rated[u] : 1;
      const reqScore = per10k[u] > 0 ? Math.min(1, med / per10k[u]) : 1;
      let score =
        (100 *
          (k.weightAcceptance * acceptance +
            k.weightCompletion * completion +
            k.weightSatisfaction * satisfaction +
            k.weightRequests * reqScore)) /
        wsum;
      const audited = gaming.audited[u] === 1;
      const caught = gaming.caught[u] === 1;
      if (caught) score = Math.max(0, score - AUDIT_SCORE_PENALTY);
      units.push({
        unit: u,
        district: unitDistrict[u],
        dispatched: ratings.dispatched[u] - ratings.excluded[u],
        acceptance,
        completion,
        satisfaction,
        requestsPer10k: per10k[u],
        excluded: ratings.excluded[u],
        score,
        rank: null,
        grade: null,
        penalised: false,
        pressure: 0,
        gamingIntensity: gaming.intensity[u],
        audited,
        caught,
        truthSatisfaction: truth,
        responsiveness: resp[u],
      });
    }

    // Rank or grade, penalties and the pressure they bring.
    const order = units.map((x) => x.unit).sort((a, b) => units[b].score - units[a].score || a - b);
    // the bottom share, at least one unit when any is penalised; a lone unit has no bottom
    const nBottom = U > 1 && k.penaltyBottomShare > 0 ? Math.max(1, Math.floor(k.penaltyBottomShare * U)) : 0;
    if (k.rankingMode === 'rank') {
      order.forEach((u, i) => {
        const x = units[u];
        x.rank = i + 1;
        x.penalised = i >= U - nBottom;
        leaders.press(u, (x.penalised ? k.penaltySeverity : 0) + (U > 1 ? (k.rankVisibility * i) / (U - 1) : 0));
      });
    } else {
      for (const x of units) {
        x.grade = gradeOf(x.score);
        x.penalised = k.penaltyBottomShare > 0 && x.grade === 'poor';
        if (x.penalised) leaders.press(x.unit, k.penaltySeverity + k.rankVisibility);
      }
    }
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
      for (const x of units) if (x.score < mean[x.district]) leaders.press(x.unit, DISTRICT_LAYER_SHARE * k.penaltySeverity);
      if (nd > 1) {
        const dorder = mean.map((_, d) => d).sort((a, b) => mean[a] - mean[b] || a - b);
        const worst = new Set(dorder.slice(0, Math.ceil(k.penaltyBottomShare * nd)));
        for (const x of units) if (worst.has(x.district)) leaders.press(x.unit, 0.5 * k.penaltySeverity);
      }
    }
    for (const x of units) {
      x.pressure = pressure[x.unit];
      x.responsiveness = leaders.respond(x.unit, k.responsivenessGain);
    }

    let rankVolatility: number | null = null;
    if (k.rankingMode === 'rank') {
      const ranks = Int32Array.from(units, (x) => x.rank ?? 0);
      if (this.prevRanks) {
        let d = 0;
        for (let u = 0; u < U; u++) d += Math.abs(ranks[u] - this.prevRanks[u]);
        rankVolatility = d / U;
      }
      this.prevRanks = ranks;
    }
    ratings.resetPeriod();
    const record: PeriodRecord = {
      index: this.periods.length,
      startDay,
      endDay,
      startDate: this.clock.dateOf(startDay),
      endDate: this.clock.dateOf(endDay - 1),
      units,
      rankVolatility,
    };
    this.periods.push(record);
    this.periodStart = endDay;
    this.periodEnd = this.nextBoundary(endDay);
    return record;
  }
}
