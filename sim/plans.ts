/**
 * Players' plans (the classroom, issue 13). A plan set for a unit replaces its model leader's
 * choices from the next day on: how the staff's hours are split between tickets and long-term
 * work, how much overtime they put in on tickets not yet due, and how hard each gaming tactic is
 * played. Everything else stays the model's: the hours a plan can spend are the unit's real staff
 * hours (regular plus the overtime allowance), every gaming act costs the hours it costs in the
 * model and counts for audits, and each tactic acts only where its knob allows it.
 *
 * With no table (State.plans null) or no plan for a unit, the model reads its leader's choices
 * exactly as before, so outputs and every random stream stay bit for bit as without plans. A plan
 * draws nothing itself: its tactics use the model's own draws where the leader's would.
 */

/** A plan's fields: each a share from 0 to 1. Types and validation derive from this table. */
export const PLAN_FIELDS = [
  /** Share of the regular hours kept for long-term work; tickets get the rest first. */
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

/** The plan the model's own leaders come closest to with no pressure and no gaming. */
export function emptyPlan(): UnitPlan {
  return { longterm: 0, overtime: 0, paid: 0, induced: 0, fake: 0, appeals: 0 };
}

/** A share from an untrusted number: NaN and infinities are 0, the rest clamped to 0..1. */
function share(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

/** Per-unit plans as typed arrays (read in the daily work loop), and the hours each unit spent. */
export class PlanTable {
  readonly active: Uint8Array;
  readonly longterm: Float64Array;
  readonly overtime: Float64Array;
  readonly paid: Float64Array;
  readonly induced: Float64Array;
  readonly fake: Float64Array;
  readonly appeals: Float64Array;
  /** The model leaders' own gaming intensity this period, restored when a plan is cleared. */
  readonly leaderGaming: Float64Array;
  /** Hours spent since the last `resetHours`, per unit: tickets, gaming (acts and appeals), long-term, overtime. */
  readonly hoursTickets: Float64Array;
  readonly hoursGaming: Float64Array;
  readonly hoursLongterm: Float64Array;
  readonly hoursOvertime: Float64Array;

  constructor(readonly units: number) {
    this.active = new Uint8Array(units);
    this.longterm = new Float64Array(units);
    this.overtime = new Float64Array(units);
    this.paid = new Float64Array(units);
    this.induced = new Float64Array(units);
    this.fake = new Float64Array(units);
    this.appeals = new Float64Array(units);
    this.leaderGaming = new Float64Array(units);
    this.hoursTickets = new Float64Array(units);
    this.hoursGaming = new Float64Array(units);
    this.hoursLongterm = new Float64Array(units);
    this.hoursOvertime = new Float64Array(units);
  }

  set(u: number, plan: UnitPlan | null): void {
    if (plan === null) {
      this.active[u] = 0;
      return;
    }
    this.active[u] = 1;
    for (const f of PLAN_FIELDS) this[f][u] = share(plan[f]);
  }

  get(u: number): UnitPlan | null {
    if (!this.active[u]) return null;
    const p = emptyPlan();
    for (const f of PLAN_FIELDS) p[f] = this[f][u];
    return p;
  }

  /** The gaming intensity a planned unit reports (the strongest tactic it plays), as the leader's would be. */
  intensity(u: number): number {
    return Math.max(this.paid[u], this.induced[u], this.fake[u], this.appeals[u]);
  }

  /** Called once per owner per day by the work loop (units only). */
  recordHours(u: number, tickets: number, gaming: number, longterm: number, overtime: number): void {
    this.hoursTickets[u] += tickets;
    this.hoursGaming[u] += gaming;
    this.hoursLongterm[u] += longterm;
    this.hoursOvertime[u] += overtime;
  }

  resetHours(): void {
    this.hoursTickets.fill(0);
    this.hoursGaming.fill(0);
    this.hoursLongterm.fill(0);
    this.hoursOvertime.fill(0);
  }
}

/** What applying plans needs of the model's state (structural: this file imports no state, so no cycle). */
interface PlannedState {
  readonly plans: PlanTable | null;
  readonly U: number;
  readonly gaming: Float64Array;
}

/**
 * After the model's leaders choose the period's gaming (gaming.ts chooseGaming), a planned unit
 * reports its plan's intensity instead. Only reporting reads State.gaming of a planned unit: each
 * tactic reads the plan.
 */
export function applyPlans(s: PlannedState): void {
  const P = s.plans;
  if (P === null) return;
  for (let u = 0; u < s.U; u++) {
    P.leaderGaming[u] = s.gaming[u];
    if (P.active[u]) s.gaming[u] = P.intensity(u);
  }
}

/** Set or clear unit u's plan now; a cleared unit reports its leader's intensity of this period again. */
export function setPlan(s: PlannedState, u: number, plan: UnitPlan | null): void {
  const P = s.plans;
  if (P === null) return;
  P.set(u, plan);
  s.gaming[u] = plan === null ? P.leaderGaming[u] : P.intensity(u);
}
