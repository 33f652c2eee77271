/**
 * The simulation: build a world from a validated scenario and a seed, then step it day by day.
 * The day reads as the numbered pipeline of MODEL.md section 3.
 */
import type { Knobs } from './knobs.ts';
import { METRICS, METRIC_NAMES, MI, emptyDaily, type Daily, type MetricName } from './metrics.ts';
import {
  MODEL,
  type CellSnapshot,
  type KnobChange,
  type PeriodRecord,
  type ResolvedScenario,
  type RunResult,
  type SimOptions,
  type Summary,
  type VillageEvent,
} from './types.ts';
import { CASE, Kind } from './flags.ts';
import { State } from './state.ts';
import type { IntQueue } from './queue.ts';
import { epochDay, isoOfEpochDay, periodBoundaries } from './calendar.ts';
import { defects, personalNeeds, contested, disputes, seedDisputes } from './needs.ts';
import { outreach } from './outreach.ts';
import { work, reviewAppeals } from './work.ts';
import { councils } from './councils.ts';
import { assess } from './assessment.ts';

/** Rates that carry the previous day's value on a day with nothing to rate. */
const CARRY = new Set<MetricName>(['official_satisfaction', 'official_resolution', 'true_satisfaction', 'resolution_rate']);

/** How many tickets at the head of a deadline-ordered queue are past their deadline. */
function overdueAtHead(q: IntQueue, deadline: Int32Array, day: number): number {
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deadline[q.at(mid)] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Simulation {
  readonly state: State;
  readonly days: number;
  readonly daily: Daily;
  readonly periods: PeriodRecord[] = [];
  private nextBoundary = 1;
  /** The scenario's knobs at the start date, and its dated changes (day from the start, in order). */
  private readonly baseKnobs: Knobs;
  private readonly timeline: KnobChange[];
  private readonly changeDays: number[];
  private nextChange = 0;
  /** Tickets open when recording began (left by the burn-in): the books balance from there. */
  ticketsOpenAtStart = 0;

  constructor(knobs: Knobs, seed: number, opts: SimOptions = {}) {
    this.state = new State(knobs, seed, opts.watchCell ?? -1);
    this.baseKnobs = { ...knobs };
    this.timeline = [...(opts.timeline ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.changeDays = this.timeline.map((c) => epochDay(c.date) - this.state.clock.startEpoch);
    this.days = this.state.clock.days;
    this.daily = emptyDaily(this.days);
    this.state.gaming.choose();
    seedDisputes(this.state);
    // burn-in: the same rules and calendar before the start date, not recorded
    while (this.state.clock.day < 0) this.step();
  }

  get day(): number {
    return this.state.clock.day;
  }
  get done(): boolean {
    return this.state.clock.day >= this.days;
  }
  get seed(): number {
    return this.state.seed;
  }
  /** Households in the watched cell (0 when no cell is watched). */
  get watchedHouseholds(): number {
    return this.state.events.households();
  }

  dateOf(day: number): string {
    return isoOfEpochDay(this.state.clock.startEpoch + day);
  }

  /** Simulate one day. */
  step(): void {
    const s = this.state;
    if (s.clock.day >= this.days) return;
    // a timeline change dated today takes effect before anything of today happens
    while (this.nextChange < this.changeDays.length && this.changeDays[this.nextChange] <= s.clock.day) {
      this.applyChange(this.timeline[this.nextChange].knobs);
      this.nextChange++;
    }
    s.tally.reset();
    s.ratings.resetDay();
    s.needs.startDay();

    // 1-3. Needs arise; each resident picks a channel; the hotline takes the calls.
    s.norms.publicLearning();
    s.demand.awareness();
    outreach(s);
    defects(s);
    s.goods.drift();
    contested(s);
    disputes(s);
    personalNeeds(s);
    // 4-5. Units, departments and councils spend their hours; tickets close and are rated.
    reviewAppeals(s);
    work(s);
    councils(s);
    s.leaders.daily();
    // 6. End of an assessment period: score, rank or grade, penalise, choose next period's gaming.
    if (s.clock.day + 1 === s.boundaries[this.nextBoundary]) {
      const start = s.boundaries[this.nextBoundary - 1];
      const record = assess(s, start, s.clock.day + 1);
      if (start >= 0) this.periods.push(record);
      this.nextBoundary++;
      s.gaming.choose();
    }
    // 7. Needs that reach the tolerance unsolved count as unmet; record the day.
    s.needs.age(s.clock.day);
    if (s.clock.day >= 0) this.record();
    s.clock.day++;
    if (s.clock.day === 0) {
      s.startRecording();
      this.ticketsOpenAtStart = s.tickets.live;
    }
  }

  /**
   * Apply one dated change at the start of today. A change of the assessment regime (cadence,
   * ranking mode, period start day) first closes the running period and assesses it under the old
   * rules; new periods then start today, aligned to the calendar as periodBoundaries does.
   */
  private applyChange(knobs: Partial<Knobs>): void {
    const s = this.state;
    const d = s.clock.day;
    const regime = (['cadence', 'rankingMode', 'periodStartDay'] as const).some((n) => n in knobs && knobs[n] !== s.k[n]);
    if (regime) {
      const start = s.boundaries[this.nextBoundary - 1];
      if (d > start) {
        const record = assess(s, start, d);
        if (start >= 0) this.periods.push(record);
        s.gaming.choose();
      }
    }
    s.applyKnobs(knobs, d);
    if (regime) {
      const months = s.k.cadence === 'monthly' ? 1 : s.k.cadence === 'bimonthly' ? 2 : 3;
      const kept = s.boundaries.filter((b) => b < d);
      const after = periodBoundaries(s.clock.startEpoch + d, this.days - d, months, s.k.periodStartDay).map((b) => b + d);
      s.boundaries = [...kept, ...after];
      this.nextBoundary = kept.length + 1;
    }
  }

  /** Advance until `day` days have been simulated (or the horizon). */
  runTo(day: number): void {
    const end = Math.min(day, this.days);
    while (this.state.clock.day < end) this.step();
  }

  run(): this {
    this.runTo(this.days);
    return this;
  }

  /** Open tickets past their deadline, in every queue (units, departments, councils). */
  private overdue(): number {
    const s = this.state;
    const T = s.tickets;
    const day = s.clock.day;
    let n = 0;
    // an owner's queue is in deadline order (tickets join at the tail with the queue's fixed
    // deadline; a rejected appeal returns to the head, older): count its head by bisection
    for (let o = 0; o < s.world.U + s.world.D; o++)
      n += overdueAtHead(s.qGeneral[o], T.deadline, day) + overdueAtHead(s.qComplex[o], T.deadline, day);
    const cs = s.cases.cols;
    for (let c = 0; c < s.world.C; c++) {
      const q = s.councilQueue[c];
      if (!q) continue;
      for (let i = 0; i < q.length; i++) {
        const t = cs[CASE.TICKET][q.at(i)];
        if (t >= 0 && T.deadline[t] < day) n++;
      }
    }
    return n;
  }

  private record(): void {
    const s = this.state;
    const tally = s.tally;
    const a = tally.acc;
    const R = s.ratings;
    const d = s.clock.day;
    a[MI.tickets_open] = s.tickets.live;
    a[MI.tickets_closed_dispatched] = tally.closedDispatched;
    a[MI.mean_days_to_close] = tally.closedDispatched > 0 ? tally.closeDays / tally.closedDispatched : 0;
    a[MI.requests_per_10k] = (a[MI.requests_per_10k] * 10000) / s.world.N;
    // the official figures, as the follow-up system computes them
    a[MI.tickets_rated] = R.dayReported;
    a[MI.official_satisfaction] =
      R.dayReported > 0 ? (R.dayReportedSatisfied * (1 - 0.1 * s.k.basicallySatisfiedShare)) / R.dayReported : -1;
    a[MI.official_resolution] = R.dayReported > 0 ? R.dayOfficialSolved / R.dayReported : -1;
    // the residents' side: every need classified today, whatever channel, reported or not
    const nd = s.needs;
    const classified = nd.met + nd.unmet;
    a[MI.needs_arisen] = nd.arisen;
    a[MI.needs_met] = nd.met;
    a[MI.needs_unmet] = nd.unmet;
    a[MI.needs_met_late] = nd.metLate;
    a[MI.needs_waiting] = nd.waiting;
    a[MI.true_satisfaction] = classified > 0 ? nd.satisfaction / classified : -1;
    a[MI.resolution_rate] = classified > 0 ? nd.met / classified : -1;
    a[MI.tickets_overdue] = this.overdue();
    a[MI.defects_open] = s.defects.open.size;
    a[MI.disputes_open] = s.disputes.open.size;
    a[MI.wechat_contacts] = s.wechatTotal;
    a[MI.norm_knowledge_mean] = s.norms.meanKnowledge();
    let aware = 0;
    for (let c = 0; c < s.world.C; c++) aware += (s.world.cellStart[c + 1] - s.world.cellStart[c]) * s.demand.aware[c];
    a[MI.awareness_mean] = aware / s.world.N;
    a[MI.leader_pressure_mean] = s.leaders.meanPressure();
    a[MI.responsiveness_mean] = s.leaders.meanResponsiveness();
    a[MI.gaming_intensity_mean] = s.gaming.meanIntensity();
    for (let i = 0; i < METRIC_NAMES.length; i++) {
      const name = METRIC_NAMES[i];
      let v = a[i];
      if (v < 0 && CARRY.has(name)) v = d > 0 ? this.daily[name][d - 1] : 0;
      this.daily[name][d] = v;
    }
  }

  /** Events of the watched cell since the last call. */
  drainEvents(): VillageEvent[] {
    return this.state.events.drain();
  }

  /** Per-cell state for the district view (copies). */
  cells(): CellSnapshot {
    const s = this.state;
    const C = s.world.C;
    const population = new Int32Array(C);
    const hall = new Uint8Array(C);
    const norm = new Float64Array(C);
    const hallOpen = s.clock.day >= s.policy.hall;
    const councilOn = s.clock.day >= s.policy.handDown;
    for (let c = 0; c < C; c++) {
      const n = s.world.cellStart[c + 1] - s.world.cellStart[c];
      population[c] = n;
      hall[c] = hallOpen && s.cellCouncil[c] ? 1 : 0;
      norm[c] = s.norms.cellKnowledge(c);
    }
    return {
      count: C,
      unit: s.world.cellUnit.slice(),
      population,
      village: s.world.cellVillage.slice(),
      council: councilOn ? s.cellCouncil.slice() : new Uint8Array(C),
      hall,
      wechat: s.cellWechat.slice(),
      defectsOpen: s.defects.cellOpen.slice(),
      disputesOpen: s.disputes.cellOpen.slice(),
      ticketsFiled: s.cellFiled.slice(),
      contested: s.goods.snapshot(),
      norm,
    };
  }

  stateBytes(): { residents: number; perResident: number; tickets: number; total: number } {
    return this.state.stateBytes();
  }

  /** Totals and means over the days simulated so far. */
  summary(): Summary {
    const n = this.state.clock.day;
    const d = this.daily;
    const sum = (m: MetricName) => {
      let t = 0;
      for (let i = 0; i < n; i++) t += d[m][i];
      return t;
    };
    const last = (m: MetricName) => (n > 0 ? d[m][n - 1] : 0);
    const years = n / 365;
    const filed = sum('tickets_filed');
    const consult = sum('consultations');
    const requests = filed - consult;
    const s = this.state;
    const vol = this.periods.map((p) => p.rankVolatility).filter((v): v is number => v !== null);
    const out: Summary = {
      days: n,
      residents: s.world.N,
      tickets_filed: filed,
      contacts_per_resident_year: years > 0 ? filed / s.world.N / years : 0,
      consultations: consult,
      consultation_share: filed > 0 ? consult / filed : 0,
      requests,
      requests_per_10k_month: years > 0 ? ((sum('requests_per_10k') / n) * 365) / 12 : 0,
      unreasonable_filed: sum('unreasonable_filed'),
      unreasonable_share: requests > 0 ? sum('unreasonable_filed') / requests : 0,
      flagged_share: requests > 0 ? sum('tickets_flagged_unreasonable') / requests : 0,
      tickets_refused: sum('tickets_refused'),
      tickets_excluded: sum('tickets_excluded'),
      tickets_handed_down: sum('tickets_handed_down'),
      tickets_open_end: last('tickets_open'),
      hall_cases: sum('hall_cases'),
      wechat_messages: sum('wechat_messages'),
      council_visits: sum('council_visits'),
      staff_hours_tickets: sum('staff_hours_tickets'),
      staff_hours_gaming: sum('staff_hours_gaming'),
      staff_hours_appeals: sum('staff_hours_appeals'),
      staff_hours_longterm: sum('staff_hours_longterm'),
      staff_overtime_hours: sum('staff_overtime_hours'),
      gaming_paid: sum('gaming_paid'),
      gaming_induced: sum('gaming_induced'),
      gaming_fake: sum('gaming_fake'),
      appeals_filed: sum('appeals_filed'),
      defects_fixed: sum('defects_fixed'),
      defects_open_end: last('defects_open'),
      disputes_settled: sum('disputes_settled'),
      disputes_open_end: last('disputes_open'),
      contested_flips: sum('contested_flips'),
      wechat_contacts_end: last('wechat_contacts'),
      norm_knowledge_end: last('norm_knowledge_mean'),
      official_satisfaction: this.weightedMean('official_satisfaction', 'tickets_rated'),
      official_resolution: this.weightedMean('official_resolution', 'tickets_rated'),
      true_satisfaction: this.needsMean('true_satisfaction'),
      resolution_rate: this.needsMean('resolution_rate'),
      needs_arisen: sum('needs_arisen'),
      needs_met: sum('needs_met'),
      needs_unmet: sum('needs_unmet'),
      unmet_need_share: sum('needs_met') + sum('needs_unmet') > 0 ? sum('needs_unmet') / (sum('needs_met') + sum('needs_unmet')) : 0,
      unmet_share_defect: this.unmetShare(Kind.DEFECT),
      unmet_share_individual: this.unmetShare(Kind.INDIVIDUAL),
      unmet_share_contested: this.unmetShare(Kind.CONTESTED),
      unmet_share_dispute: this.unmetShare(Kind.DISPUTE),
      needs_waiting_end: last('needs_waiting'),
      tickets_overdue_end: last('tickets_overdue'),
      mean_days_to_close: this.weightedMean('mean_days_to_close', 'tickets_closed_dispatched'),
      rank_volatility: vol.length ? vol.reduce((a, b) => a + b, 0) / vol.length : 0,
      periods: this.periods.length,
      mean_score: this.periods.length
        ? this.periods.reduce((a, p) => a + p.units.reduce((b, u) => b + u.score, 0) / p.units.length, 0) / this.periods.length
        : 0,
      gaming_intensity_mean: sum('gaming_intensity_mean') / Math.max(1, n),
    };
    return out;
  }

  /** Share of the needs of one kind classified so far that were unmet. */
  private unmetShare(kind: number): number {
    const l = this.state.needs;
    const n = l.metByKind[kind] + l.unmetByKind[kind];
    return n > 0 ? l.unmetByKind[kind] / n : 0;
  }

  /** A residents'-side rate over the run, weighting each day by the needs it classified. */
  private needsMean(m: MetricName): number {
    const n = this.state.clock.day;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const w = this.daily.needs_met[i] + this.daily.needs_unmet[i];
      num += this.daily[m][i] * w;
      den += w;
    }
    return den > 0 ? num / den : 0;
  }

  private weightedMean(m: MetricName, w: MetricName): number {
    const n = this.state.clock.day;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += this.daily[m][i] * this.daily[w][i];
      den += this.daily[w][i];
    }
    return den > 0 ? num / den : 0;
  }

  /** The run as a JSON-ready result (daily series up to the current day). */
  result(preset: string): RunResult {
    const n = this.state.clock.day;
    const daily = {} as Record<MetricName, number[]>;
    for (const m of METRICS) daily[m.name] = Array.from(this.daily[m.name].subarray(0, n));
    return {
      model: { name: MODEL.name, version: MODEL.version },
      seed: this.state.seed,
      scenario: { preset, knobs: { ...this.baseKnobs }, ...(this.timeline.length ? { timeline: this.timeline } : {}) },
      daily,
      periods: this.periods,
      summary: this.summary(),
    };
  }
}

/** Run a resolved scenario to its horizon. */
export function runScenario(scenario: ResolvedScenario, seed: number, opts: SimOptions = {}): RunResult {
  return new Simulation(scenario.knobs, seed, { timeline: scenario.timeline, ...opts }).run().result(scenario.preset);
}
