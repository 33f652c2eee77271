/**
 * Metrics recording: at the end of each recorded day, the counts the mechanisms tallied and the
 * levels read from them (open tickets, needs, open defects, contacts, knowledge, pressure...)
 * become the day's row of the daily series (sim/metrics.ts lists them, with units and meanings).
 */
import { METRIC_NAMES, MI, emptyDaily, type Daily, type MetricName } from './metrics.ts';
import type { Knobs } from './knobs.ts';
import type { World } from './world.ts';
import type { TicketStore } from './tickets.ts';
import type { Tally } from './tally.ts';
import type { Ratings } from './ratings.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Work } from './work.ts';
import type { Councils } from './councils.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Outreach } from './outreach.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Leaders } from './leaders.ts';
import type { Gaming } from './gaming.ts';

/** Rates that carry the previous day's value on a day with nothing to rate. */
const CARRY = new Set<MetricName>(['official_satisfaction', 'official_resolution', 'true_satisfaction', 'resolution_rate']);

/** Where the recorder reads the day's levels. */
export interface RecorderSources {
  world: World;
  tickets: TicketStore;
  tally: Tally;
  ratings: Ratings;
  ledger: NeedsLedger;
  work: Work;
  councils: Councils;
  defects: Defects;
  disputes: Disputes;
  outreach: Outreach;
  norms: Norms;
  demand: Demand;
  leaders: Leaders;
  gaming: Gaming;
}

export class Recorder {
  /** One value per metric per day of the run. */
  readonly daily: Daily;
  private readonly src: RecorderSources;
  // configured
  private basicallySatisfiedShare = 0;

  constructor(days: number, src: RecorderSources) {
    this.daily = emptyDaily(days);
    this.src = src;
  }

  configure(k: Knobs): void {
    this.basicallySatisfiedShare = k.basicallySatisfiedShare;
  }

  /** Phase: record day d. */
  record(d: number): void {
    const {
      world,
      tickets,
      tally,
      ratings: R,
      ledger: nd,
      work,
      councils,
      defects,
      disputes,
      outreach,
      norms,
      demand,
      leaders,
      gaming,
    } = this.src;
    const a = tally.acc;
    a[MI.tickets_open] = tickets.live;
    a[MI.tickets_closed_dispatched] = tally.closedDispatched;
    a[MI.mean_days_to_close] = tally.closedDispatched > 0 ? tally.closeDays / tally.closedDispatched : 0;
    a[MI.requests_per_10k] = (a[MI.requests_per_10k] * 10000) / world.N;
    // the official figures, as the follow-up system computes them
    a[MI.tickets_rated] = R.dayReported;
    a[MI.official_satisfaction] =
      R.dayReported > 0 ? (R.dayReportedSatisfied * (1 - 0.1 * this.basicallySatisfiedShare)) / R.dayReported : -1;
    a[MI.official_resolution] = R.dayReported > 0 ? R.dayOfficialSolved / R.dayReported : -1;
    // the residents' side: every need classified today, whatever channel, reported or not
    const classified = nd.met + nd.unmet;
    a[MI.needs_arisen] = nd.arisen;
    a[MI.needs_met] = nd.met;
    a[MI.needs_unmet] = nd.unmet;
    a[MI.needs_met_late] = nd.metLate;
    a[MI.needs_waiting] = nd.waiting;
    a[MI.true_satisfaction] = classified > 0 ? nd.satisfaction / classified : -1;
    a[MI.resolution_rate] = classified > 0 ? nd.met / classified : -1;
    a[MI.tickets_overdue] = work.overdueAll() + councils.overdue();
    a[MI.defects_open] = defects.open.size;
    a[MI.disputes_open] = disputes.open.size;
    a[MI.wechat_contacts] = outreach.total;
    a[MI.norm_knowledge_mean] = norms.meanKnowledge();
    a[MI.awareness_mean] = demand.meanAwareness();
    a[MI.leader_pressure_mean] = leaders.meanPressure();
    a[MI.responsiveness_mean] = leaders.meanResponsiveness();
    a[MI.gaming_intensity_mean] = gaming.meanIntensity();
    const daily = this.daily;
    for (let i = 0; i < METRIC_NAMES.length; i++) {
      const name = METRIC_NAMES[i];
      let v = a[i];
      if (v < 0 && CARRY.has(name)) v = d > 0 ? daily[name][d - 1] : 0;
      daily[name][d] = v;
    }
  }
}
