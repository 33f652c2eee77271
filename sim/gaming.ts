/**
 * Gaming, all of it. At the start of each assessment period a unit's leader picks a gaming
 * intensity from pressure x (1 - restraint: integrity and caution) x their belief that gaming
 * pays. The tactics draw on it: paid ratings and induced substitute requests when a ticket
 * closes (asked by sim/outcomes.ts), fake tickets filed by the unit's own staff and exclusion
 * appeals for hard tickets (asked by sim/work.ts); each costs the unit staff hours (the hours ledger). The fraud (fake tickets, paid
 * ratings, induced substitutes) counts as gaming acts an audit can find; an appeal does not: it is
 * decided in the open by the hotline's review, and an approved one is within the rules. At the
 * period's end an audit may catch a unit that gamed (its score is cut, pressure rises, its leader
 * grows cautious for a while), and the leader updates the belief from what gaming bought (the
 * ratings it bought and the completion its approved exclusions bought) against what it cost.
 * Legitimate appeals (tickets the hotline judged unreasonable) are decided here too, from the same
 * 'gaming' stream.
 */
import { TF, Use } from './flags.ts';
import { MI } from './metrics.ts';
import {
  APPEAL_SAT_DEFAULT,
  AUDIT_SCORE_PENALTY,
  GAMING_APPEAL_AT_FULL,
  HOURS_FAKE,
  HOURS_INDUCED,
  HOURS_PAID,
  INDUCED_AT_FULL,
  LEGIT_APPEAL,
  PAID_AT_FULL,
  RESP_FLOOR,
  SAT_BASE,
  SAT_ON_TIME,
  SAT_SOLVED,
  SOLVE_UNIT,
} from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { UnitPeriod } from './types.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { TicketStore } from './tickets.ts';
import type { Leaders } from './leaders.ts';
import type { Ratings } from './ratings.ts';
import type { Hours } from './hours.ts';
import type { Tally } from './tally.ts';
import { PF, type Plans } from './plans.ts';

export class Gaming {
  /** Per owner: the intensity its leader chose for this period (0..1; units only). */
  readonly intensity: Float64Array;
  /** Per owner: gaming acts this period (what an audit can find). */
  readonly acts: Float64Array;
  /** Per owner: tickets excluded this period after the unit appealed them to game its score. */
  readonly gamedExclusions: Float64Array;
  private readonly units: number;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly auditRng: Stream;
  private readonly tickets: TicketStore;
  private readonly leaders: Leaders;
  private readonly ratings: Ratings;
  private readonly hours: Hours;
  private readonly tally: Tally;
  /** Players' plans: a planned unit plays its plan's tactics instead of its leader's intensity. */
  private readonly plans: Plans;
  // configured
  private propensity = 0;
  private paid = false;
  private induced = false;
  private fake = false;
  private fakeShareAtFull = 0;
  private appealHours = 0;
  private auditRate = 0;
  private auditDetection = 0;
  private penaltySeverity = 0;
  private learningRate = 0;
  private weightSatisfaction = 0;
  private weightCompletion = 0;
  private weightSum = 1;
  private deterrence = 0;

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    auditRng: Stream,
    tickets: TicketStore,
    leaders: Leaders,
    ratings: Ratings,
    hours: Hours,
    tally: Tally,
    plans: Plans,
  ) {
    this.units = world.U;
    this.intensity = new Float64Array(world.O);
    this.acts = new Float64Array(world.O);
    this.gamedExclusions = new Float64Array(world.O);
    this.clock = clock;
    this.rng = rng;
    this.auditRng = auditRng;
    this.tickets = tickets;
    this.leaders = leaders;
    this.ratings = ratings;
    this.hours = hours;
    this.tally = tally;
    this.plans = plans;
  }

  configure(k: Knobs): void {
    this.propensity = k.gamingPropensity;
    this.paid = k.gamingPaid;
    this.induced = k.gamingInduced;
    this.fake = k.gamingFake;
    this.fakeShareAtFull = k.fakeShareAtFull;
    this.appealHours = k.appealHours;
    this.auditRate = k.auditRate;
    this.auditDetection = k.auditDetection;
    this.penaltySeverity = k.penaltySeverity;
    this.learningRate = k.gamingLearningRate;
    this.weightSatisfaction = k.weightSatisfaction;
    this.weightCompletion = k.weightCompletion;
    this.deterrence = k.auditDeterrence;
    this.weightSum = k.weightAcceptance + k.weightCompletion + k.weightSatisfaction + k.weightRequests || 1;
  }

  /**
   * Phase (start of each period): each unit's leader chooses how hard to game. The leader weighs
   * the pressure of the period just gone, day by day (not its peak just after an assessment, which
   * is higher the longer the period: the cadence would then change gaming by construction).
   */
  choose(): void {
    const leaders = this.leaders;
    const belief = leaders.gamingBelief;
    for (let u = 0; u < this.units; u++) {
      const pressure = leaders.periodPressure(u);
      // a unit a player runs reports the plan's intensity instead (sim/plans.ts)
      this.intensity[u] = this.plans.chosen(
        u,
        Math.min(1, Math.max(0, this.propensity * pressure * (1 - leaders.restraint(u)) * belief[u])),
      );
      this.acts[u] = 0;
      this.gamedExclusions[u] = 0;
    }
    this.leaders.startPeriod();
  }

  /** A player's plan for unit u was set or cleared: the unit reports the plan's intensity, or its leader's. */
  replan(u: number): void {
    this.intensity[u] = this.plans.reported(u);
  }

  /** Unit u's staff file easy tickets themselves and close them as satisfied, within `hoursLeft`. */
  fakeTickets(u: number, hoursLeft: number): void {
    const g = this.plans.tactic(u, PF.fake, this.intensity[u]);
    if (!this.fake || g <= 0) return;
    // as many as the leader wants to dilute the unit's real ratings with, not one per staff member
    let n = this.rng.poisson(g * this.fakeShareAtFull * this.leaders.volumeEma[u]);
    n = Math.min(n, Math.floor(hoursLeft / HOURS_FAKE));
    if (n <= 0) return;
    const t = this.tally;
    t.add(MI.gaming_fake, n);
    t.add(MI.tickets_filed, n);
    t.add(MI.filed_gaming, n);
    t.add(MI.tickets_closed, n);
    t.add(MI.requests_per_10k, n);
    this.ratings.substitute(u, n);
    this.acts[u] += n;
    this.hours.charge(u, Use.GAMING, n * HOURS_FAKE);
  }

  /** A resident of unit u is about to rate a ticket unsatisfied: does the unit pay for a good rating? */
  paysForRating(u: number): boolean {
    const g = this.plans.tactic(u, PF.paid, this.intensity[u]);
    if (!(this.paid && g > 0 && this.rng.u() < g * PAID_AT_FULL)) return false;
    this.tally.add(MI.gaming_paid);
    this.hours.chargeCapped(u, Use.GAMING, HOURS_PAID);
    this.acts[u]++;
    return true;
  }

  /**
   * Unit u closes a ticket unsolved: does it ask the resident to withdraw it and file an easy
   * substitute instead, closed at once and rated satisfied?
   */
  induces(u: number): boolean {
    const g = this.plans.tactic(u, PF.induced, this.intensity[u]);
    if (!(this.induced && g > 0 && this.rng.u() < g * INDUCED_AT_FULL)) return false;
    const t = this.tally;
    t.add(MI.gaming_induced);
    t.add(MI.tickets_filed);
    t.add(MI.filed_gaming);
    t.add(MI.tickets_closed);
    t.add(MI.requests_per_10k);
    this.hours.chargeCapped(u, Use.GAMING, HOURS_INDUCED);
    this.acts[u]++;
    this.ratings.substitute(u, 1);
    return true;
  }

  /**
   * Would unit o appeal ticket t now? Legitimate for tickets the hotline judged unreasonable;
   * gaming otherwise: worth it to the unit when the ticket is already late, likely to end in a poor
   * rating, or, when the unit is behind, costs more to do than the appeal costs to write (the
   * pothole left unfilled: "exclusion reports instead of fixes"). `efficiency` is the unit's work
   * rate after fatigue. A gaming appeal is marked on the ticket (TF.GAMED_APPEAL) so that, if it is
   * approved, the leader sees what it bought; it is not an act an audit finds.
   */
  wantsAppeal(t: number, o: number, behind: boolean, efficiency: number): boolean {
    const T = this.tickets;
    if (T.flags[t] & TF.APPEALED) return false;
    if (T.flags[t] & TF.JUDGED_UNREASONABLE) return this.rng.u() < LEGIT_APPEAL;
    const g = this.plans.tactic(o, PF.appeals, this.intensity[o]);
    if (g <= 0) return false;
    const hard =
      T.deadline[t] < this.clock.day ||
      this.expectedSatisfaction(T.kind[t], o) < this.ratings.reportedRate(o, APPEAL_SAT_DEFAULT) ||
      (behind && T.remaining[t] / efficiency > this.appealHours);
    if (!(hard && this.rng.u() < g * GAMING_APPEAL_AT_FULL)) return false;
    T.flags[t] |= TF.GAMED_APPEAL;
    return true;
  }

  /** Ticket t of unit o was excluded after an approved appeal (sim/outcomes.ts). */
  excluded(t: number, o: number): void {
    if (this.tickets.flags[t] & TF.GAMED_APPEAL) this.gamedExclusions[o]++;
  }

  /** The chance unit o expects a ticket of this kind to be rated satisfied, at its responsiveness. */
  private expectedSatisfaction(kind: number, o: number): number {
    return SAT_BASE[kind] + SAT_SOLVED * SOLVE_UNIT[kind] * (RESP_FLOOR + (1 - RESP_FLOOR) * this.leaders.resp[o]) + SAT_ON_TIME;
  }

  /**
   * At the end of each period, before its score: the city audits unit u; one that gamed and is
   * caught has its leader pressed and made cautious. Returns [audited, caught]. Two draws
   * from the 'audit' stream per unit, in unit order.
   */
  audit(u: number): [boolean, boolean] {
    const rng = this.auditRng;
    const audited = rng.u() < this.auditRate;
    const detect = rng.u() < this.auditDetection;
    const caught = audited && this.acts[u] > 0 && detect;
    if (caught) {
      this.leaders.caught(u, this.penaltySeverity, this.deterrence);
      this.tally.add(MI.audits_caught);
    }
    return [audited, caught];
  }

  /**
   * Did gaming pay? A leader who gamed sees the score it bought against what an audit cost (the
   * score cut and a penalty's worth of points), and moves the belief toward 1 + value / 10 (clipped
   * to 0..2) at gamingLearningRate. Bought: the reported over the true satisfaction, and the
   * completion its approved exclusions bought (the same tickets kept in as closed late), each
   * weighted as in the score. `overdue`: each owner's open tickets past their deadline, as scored.
   */
  learn(units: readonly UnitPeriod[], overdue: Float64Array): void {
    const belief = this.leaders.gamingBelief;
    for (const x of units) {
      const u = x.unit;
      const e = this.gamedExclusions[u];
      if (this.acts[u] <= 0 && e <= 0) continue;
      const d = this.ratings.completionBase(u, overdue[u]);
      const withoutExclusions = d + e > 0 ? (x.completion * d) / (d + e) : x.completion;
      const bought =
        (100 *
          (this.weightSatisfaction * Math.max(0, x.satisfaction - x.truthSatisfaction) +
            this.weightCompletion * (x.completion - withoutExclusions))) /
        this.weightSum;
      const cost = x.caught ? AUDIT_SCORE_PENALTY + 10 * this.penaltySeverity : 0;
      const target = Math.min(2, Math.max(0, 1 + (bought - cost) / 10));
      belief[u] += this.learningRate * (target - belief[u]);
    }
  }

  meanIntensity(): number {
    let g = 0;
    for (let u = 0; u < this.units; u++) g += this.intensity[u];
    return g / this.units;
  }
}
