/**
 * Metrics recording: at the end of each day, the counts the mechanisms tallied and the levels
 * read from them (open tickets, open defects, contacts, knowledge, pressure...) become the day's
 * row of the daily series (sim/metrics.ts lists them, with units and meanings).
 */
import { Use } from './flags.ts';
import { METRIC_NAMES, MI, emptyDaily, type Daily, type MetricName } from './metrics.ts';
import type { World } from './world.ts';
import type { TicketStore } from './tickets.ts';
import type { Tally } from './tally.ts';
import type { Ratings } from './ratings.ts';
import type { Hours } from './hours.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Outreach } from './outreach.ts';
import type { Norms } from './norms.ts';
import type { Leaders } from './leaders.ts';
import type { Gaming } from './gaming.ts';

/** Rates that carry the previous day's value on a day with nothing to rate. */
const CARRY = new Set<MetricName>(['reported_satisfaction', 'true_satisfaction', 'resolution_rate']);

/** Where the recorder reads the day's levels. */
export interface RecorderSources {
  world: World;
  tickets: TicketStore;
  tally: Tally;
  ratings: Ratings;
  hours: Hours;
  defects: Defects;
  disputes: Disputes;
  outreach: Outreach;
  norms: Norms;
  leaders: Leaders;
  gaming: Gaming;
}

export class Recorder {
  /** One value per metric per day of the run. */
  readonly daily: Daily;
  private readonly src: RecorderSources;

  constructor(days: number, src: RecorderSources) {
    this.daily = emptyDaily(days);
    this.src = src;
  }

  /** Phase: record day d. */
  record(d: number): void {
    const { world, tickets, tally, ratings, hours, defects, disputes, outreach, norms, leaders, gaming } = this.src;
    const a = tally.acc;
    a[MI.tickets_open] = tickets.live;
    a[MI.mean_days_to_close] = a[MI.tickets_closed] > 0 ? tally.closeDays / a[MI.tickets_closed] : 0;
    a[MI.requests_per_10k] = (a[MI.requests_per_10k] * 10000) / world.N;
    a[MI.reported_satisfaction] = ratings.dayReported > 0 ? ratings.dayReportedSatisfied / ratings.dayReported : -1;
    a[MI.true_satisfaction] = ratings.dayRated > 0 ? ratings.dayTrulySatisfied / ratings.dayRated : -1;
    a[MI.resolution_rate] = ratings.dayClosed > 0 ? ratings.daySolved / ratings.dayClosed : -1;
    a[MI.staff_hours_tickets] = hours.total[Use.TICKETS];
    a[MI.staff_hours_gaming] = hours.total[Use.GAMING];
    a[MI.staff_hours_appeals] = hours.total[Use.APPEALS];
    a[MI.staff_hours_longterm] = hours.total[Use.LONGTERM];
    a[MI.staff_overtime_hours] = hours.total[Use.OVERTIME];
    a[MI.defects_open] = defects.open.size;
    a[MI.disputes_open] = disputes.open.size;
    a[MI.wechat_contacts] = outreach.total;
    a[MI.norm_knowledge_mean] = norms.meanKnowledge();
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
