/**
 * The day's metric accumulator: the counts mechanisms add as things happen (tickets filed,
 * visits made, defects fixed...), by metric index (MI), and the levels they set. The recorder
 * (sim/recorder.ts) turns them, with the levels it reads at the end of the day, into the day's row
 * of the daily series.
 */
import { METRIC_NAMES, MI } from './metrics.ts';

export class Tally {
  /** The day's values by metric index (MI in sim/metrics.ts). */
  readonly acc = new Float64Array(METRIC_NAMES.length);
  /** Dispatched real tickets closed today, and their days from filing to closing, summed. */
  closedDispatched = 0;
  closeDays = 0;

  /** Start a new day. */
  reset(): void {
    this.acc.fill(0);
    this.closeDays = 0;
    this.closedDispatched = 0;
  }

  /** Count n of metric m today. */
  add(m: number, n = 1): void {
    this.acc[m] += n;
  }

  /** Set a level metric (a value at the end of the day, not a count). */
  set(m: number, v: number): void {
    this.acc[m] = v;
  }

  /** A real ticket closed today after `days` days open. */
  closed(days: number): void {
    this.acc[MI.tickets_closed]++;
    this.closeDays += days;
    this.closedDispatched++;
  }
}
