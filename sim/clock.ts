/**
 * The run's calendar: the day being simulated (0-based; negative during the burn-in), the first
 * day's date and the horizon. Every mechanism reads `day` from the one clock; only
 * `Simulation.step` advances it.
 */
import { epochDay, isoOfEpochDay } from './calendar.ts';

export class Clock {
  /** The day being simulated, 0-based (the burn-in runs before day 0). */
  day: number;
  /** Days since 1970-01-01 of day 0. */
  readonly startEpoch: number;
  /** Days in the run (recorded days, the burn-in not counted). */
  readonly days: number;
  /** Days simulated before day 0, not recorded. */
  readonly burnIn: number;

  constructor(startDate: string, days: number, burnIn: number) {
    this.startEpoch = epochDay(startDate);
    this.days = days;
    this.burnIn = burnIn;
    this.day = burnIn > 0 ? -burnIn : 0; // not -0
  }

  /** The simulation day of an ISO date (negative before the start). */
  dayOf(iso: string): number {
    return epochDay(iso) - this.startEpoch;
  }

  /** The ISO date of a simulation day. */
  dateOf(day: number): string {
    return isoOfEpochDay(this.startEpoch + day);
  }
}

/**
 * The day a policy with a start date is on from, when knobs are (re)read on `changeDay` (null at
 * build): `now` is what the knobs alone give (Infinity when off), `before` the day in force until
 * now. A policy a change switches on is on from that day, or from its start date if that is
 * later; one that stays on keeps its day; one switched off is off.
 */
export function policyStart(before: number, now: number, changeDay: number | null): number {
  if (changeDay === null || now === Infinity) return now;
  return before === Infinity ? Math.max(now, changeDay) : before;
}
