/**
 * Players' plans (the classroom, issue 13). A plan set for a unit replaces its model leader's
 * choices from the next thing they decide on: how the staff's regular hours are split between
 * tickets and long-term work, how much overtime they put in on tickets not yet due, and how hard
 * each gaming tactic is played. Everything else stays the model's: the hours a plan can spend are
 * the unit's real staff hours (regular plus the overtime allowance, in the hours ledger), every
 * gaming act costs the hours it costs in the model and counts for audits, and each tactic acts only
 * where its knob allows it.
 *
 * A narrow interface for the two mechanisms a leader's choices live in: Gaming asks `tactic` for a
 * tactic's intensity and `chosen` when the leader picks the period's intensity; Work asks `pushed`
 * for the overtime on work not yet due, `kept` for the hours held back for long-term work, and
 * tells `recordDay` what the unit's day went to. With no plan for a unit each returns the leader's
 * own value unchanged, so outputs and every random stream stay bit for bit as without plans. A plan
 * draws nothing itself: its tactics use the model's own draws where the leader's would.
 */
import { Use } from './flags.ts';
import type { Hours } from './hours.ts';

/** A plan's fields: each a share from 0 to 1. Types, indices and validation derive from this table. */
export const PLAN_FIELDS = [
  /** Share of the regular hours kept for long-term work; tickets and gaming get the rest. */
  'longterm',
  /** Share of the overtime allowance staff put in on tickets not yet due (due ones may always use it). */
  'overtime',
  /** Intensity of paying for a satisfied rating when the resident is not satisfied. */
  'paid',
  /** Intensity of asking a resident to file an easier request instead, and solving that. */
  'induced',
  /** Intensity of staff filing easy fake tickets and closing them satisfied. */
  'fake',
  /** Intensity of writing exclusion appeals for hard or late tickets. */
  'appeals',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];
export type UnitPlan = Record<PlanField, number>;

/** Each field's index (PF.paid ...), for the typed arrays. */
export const PF = Object.fromEntries(PLAN_FIELDS.map((f, i) => [f, i])) as { readonly [F in PlanField]: number };

/** The gaming tactics among the fields (their strongest is the intensity a planned unit reports). */
const TACTICS = [PF.paid, PF.induced, PF.fake, PF.appeals];

/** A plan with every share 0: all regular hours on tickets, no overtime unless due, no gaming. */
export function emptyPlan(): UnitPlan {
  return { longterm: 0, overtime: 0, paid: 0, induced: 0, fake: 0, appeals: 0 };
}

/** A share from an untrusted number: NaN and infinities are 0, the rest clamped to 0..1. */
function share(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** The hours uses a unit's day is summed in, per day of the round (sim/flags.ts Use). */
export const PLAN_HOURS = ['tickets', 'gaming', 'longterm', 'overtime'] as const;
export type PlanHours = Record<(typeof PLAN_HOURS)[number], number>;

export class Plans {
  /** Owners (units then departments: departments never have a plan) and units. */
  private readonly owners: number;
  private readonly units: number;
  /** Per owner: 1 when a player's plan is in force. */
  readonly active: Uint8Array;
  /** The plans' shares, [field * owners + owner]. */
  private readonly shares: Float64Array;
  /** The intensity each unit's model leader chose this period (reported again when a plan is cleared). */
  private readonly leader: Float64Array;
  /** Per unit, hours since the last `resetHours`: tickets, gaming (acts and appeals), long-term, overtime. */
  private readonly hoursSum: Float64Array;
  private daysSum = 0;
  /** True once any plan has been set: only then does the work loop report hours here. */
  inUse = false;

  constructor(owners: number, units: number) {
    this.owners = owners;
    this.units = units;
    this.active = new Uint8Array(owners);
    this.shares = new Float64Array(PLAN_FIELDS.length * owners);
    this.leader = new Float64Array(units);
    this.hoursSum = new Float64Array(PLAN_HOURS.length * units);
  }

  /** Set (or, with null, clear) unit u's plan. */
  set(u: number, plan: UnitPlan | null): void {
    if (plan === null) {
      this.active[u] = 0;
      return;
    }
    this.inUse = true;
    this.active[u] = 1;
    PLAN_FIELDS.forEach((f, i) => {
      this.shares[i * this.owners + u] = share(plan[f]);
    });
  }

  get(u: number): UnitPlan | null {
    if (!this.active[u]) return null;
    const p = emptyPlan();
    PLAN_FIELDS.forEach((f, i) => {
      p[f] = this.shares[i * this.owners + u];
    });
    return p;
  }

  /** The intensity of tactic `field` (a PF index) unit u plays: its plan's, or its leader's. */
  tactic(u: number, field: number, leader: number): number {
    return this.active[u] === 1 ? this.shares[field * this.owners + u] : leader;
  }

  /**
   * The leader of unit u chose `leader` for the period: remember it, and return the intensity the
   * unit reports (the plan's strongest tactic when a plan is in force).
   */
  chosen(u: number, leader: number): number {
    this.leader[u] = leader;
    return this.reported(u);
  }

  /** The intensity unit u reports now: its plan's strongest tactic, or its leader's choice. */
  reported(u: number): number {
    if (this.active[u] !== 1) return this.leader[u];
    let g = 0;
    for (const f of TACTICS) g = Math.max(g, this.shares[f * this.owners + u]);
    return g;
  }

  /** Overtime owner o works on tickets not yet due: its plan's share of the cap, or what its leader pushes. */
  pushed(o: number, overtimeCap: number, leaderPushed: number): number {
    return this.active[o] === 1 ? overtimeCap * this.shares[PF.overtime * this.owners + o] : leaderPushed;
  }

  /** Regular hours owner o holds back for long-term work: the plan's share, or the leader's own `own` hours. */
  kept(o: number, regular: number, own: number): number {
    return this.active[o] === 1 ? regular * this.shares[PF.longterm * this.owners + o] : own;
  }

  /** After unit u's day is closed in the hours ledger: add what its hours went to. */
  recordDay(u: number, hours: Hours): void {
    const n = hours.owners;
    const U = this.units;
    const h = hours.byUse;
    this.hoursSum[u] += h[Use.TICKETS * n + u];
    this.hoursSum[U + u] += h[Use.GAMING * n + u] + h[Use.APPEALS * n + u];
    this.hoursSum[2 * U + u] += h[Use.LONGTERM * n + u];
    this.hoursSum[3 * U + u] += h[Use.OVERTIME * n + u];
    if (u === 0) this.daysSum++;
  }

  /** Start counting hours afresh (each round). */
  resetHours(): void {
    this.hoursSum.fill(0);
    this.daysSum = 0;
  }

  /** Unit u's hours per day since the last reset, or null when no day has been counted. */
  hoursPerDay(u: number): PlanHours | null {
    if (this.daysSum === 0) return null;
    const U = this.units;
    const d = this.daysSum;
    return {
      tickets: this.hoursSum[u] / d,
      gaming: this.hoursSum[U + u] / d,
      longterm: this.hoursSum[2 * U + u] / d,
      overtime: this.hoursSum[3 * U + u] / d,
    };
  }
}
