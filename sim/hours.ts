/**
 * The hours ledger: each owner's (unit's or department's) working day, and what its hours went to
 * (Use in sim/flags.ts: tickets, gaming, appeals, long-term work, overtime). Work opens an
 * owner's day with its regular hours, its overtime cap and the overtime a pressed leader pushes;
 * whoever spends the owner's hours (work on tickets and appeals, gaming's tactics) charges them
 * here; closing the day leaves what is left of the regular hours to long-term work and adds the
 * owner's day to the day's metrics.
 */
import { Use, USE_COUNT } from './flags.ts';
import { MI } from './metrics.ts';
import type { Tally } from './tally.ts';

/** The metric each use's hours are counted in. */
const USE_METRIC = [
  MI.staff_hours_tickets,
  MI.staff_hours_gaming,
  MI.staff_hours_appeals,
  MI.staff_hours_longterm,
  MI.staff_overtime_hours,
];

export class Hours {
  /** Owners (units then departments). */
  readonly owners: number;
  /** Today's budget per owner: regular hours, the overtime cap, the overtime pushed, regular hours used, overtime worked. */
  readonly regular: Float64Array;
  readonly overtimeCap: Float64Array;
  readonly pushed: Float64Array;
  readonly used: Float64Array;
  readonly overtime: Float64Array;
  /** Today's hours by use and owner, [use * owners + owner]. */
  readonly byUse: Float64Array;
  private readonly tally: Tally;

  constructor(owners: number, tally: Tally) {
    this.owners = owners;
    this.tally = tally;
    this.regular = new Float64Array(owners);
    this.overtimeCap = new Float64Array(owners);
    this.pushed = new Float64Array(owners);
    this.used = new Float64Array(owners);
    this.overtime = new Float64Array(owners);
    this.byUse = new Float64Array(USE_COUNT * owners);
  }

  /** Start owner o's working day. */
  open(o: number, regular: number, overtimeCap: number, pushed: number): void {
    this.regular[o] = regular;
    this.overtimeCap[o] = overtimeCap;
    this.pushed[o] = pushed;
    this.used[o] = 0;
    this.overtime[o] = 0;
    for (let i = 0; i < USE_COUNT; i++) this.byUse[i * this.owners + o] = 0;
  }

  /**
   * Hours owner o can still spend today: regular hours left, plus the overtime left when the work
   * is due, or the overtime the leader pushes for the rest.
   */
  available(o: number, due: boolean): number {
    const ot = this.overtime[o];
    return this.regular[o] - this.used[o] + (due ? this.overtimeCap[o] - ot : Math.max(0, this.pushed[o] - ot));
  }

  /** Charge h hours of a use to owner o: regular hours while they last, the rest as overtime. */
  charge(o: number, use: number, h: number): void {
    this.byUse[use * this.owners + o] += h;
    const fromRegular = Math.min(h, Math.max(0, this.regular[o] - this.used[o]));
    this.used[o] += fromRegular;
    this.overtime[o] += h - fromRegular;
  }

  /** Like charge, but overtime stops at the day's cap (hours a tactic costs beyond it are not worked). */
  chargeCapped(o: number, use: number, h: number): void {
    this.byUse[use * this.owners + o] += h;
    const fromRegular = Math.min(h, Math.max(0, this.regular[o] - this.used[o]));
    this.used[o] += fromRegular;
    this.overtime[o] = Math.min(this.overtimeCap[o], this.overtime[o] + h - fromRegular);
  }

  /** End owner o's day: what is left of its regular hours goes to long-term work (returned). */
  close(o: number): number {
    const n = this.owners;
    const longterm = Math.max(0, this.regular[o] - this.used[o]);
    this.byUse[Use.LONGTERM * n + o] = longterm;
    this.byUse[Use.OVERTIME * n + o] = this.overtime[o];
    for (let i = 0; i < USE_COUNT; i++) this.tally.add(USE_METRIC[i], this.byUse[i * n + o]);
    return longterm;
  }
}
