/**
 * The run's calendar: the day being simulated (0-based), the first day's date and the horizon.
 * Every mechanism reads `day` from the one clock; only `Simulation.step` advances it.
 */
import { epochDay, isoOfEpochDay } from './calendar.ts';

export class Clock {
  /** The day being simulated, 0-based. */
  day = 0;
  /** Days since 1970-01-01 of day 0. */
  readonly startEpoch: number;
  /** Days in the run. */
  readonly days: number;

  constructor(startDate: string, days: number) {
    this.startEpoch = epochDay(startDate);
    this.days = days;
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
