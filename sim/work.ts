/**
 * Staff work. Each street, town and department spends its hours every day: tickets by earliest
 * deadline first (overdue first, then new), overtime only for tickets due, then the gaming its
 * leader chose, and what is left goes to long-term work, which keeps up the upkeep that holds
 * defects down. Overtime builds fatigue; fatigue slows all work. Exclusion appeals are written
 * here (for tickets the hotline judged unreasonable and, when the leader games, for hard or
 * overdue ones: sim/gaming.ts decides) and reviewed by the city a few days later.
 */
import { Status, TF, Use } from './flags.ts';
import { MI } from './metrics.ts';
import { APPEAL_REVIEW_DAYS, FATIGUE_SLOWDOWN, UPKEEP_TAU } from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import { IntQueue } from './queue.ts';
import type { TicketStore } from './tickets.ts';
import type { Outcomes } from './outcomes.ts';
import type { Gaming } from './gaming.ts';
import type { Hours } from './hours.ts';
import type { Tally } from './tally.ts';

export class Work {
  /** Per owner (units then departments): staff, fatigue (0..1) and, for units, upkeep (0..1, 0.5 normal). */
  readonly staff: Float64Array;
  readonly fatigue: Float64Array;
  readonly upkeep: Float64Array;
  /** Per owner: open tickets waiting, general and complex (contested goods, disputes), in deadline order. */
  readonly qGeneral: IntQueue[];
  readonly qComplex: IntQueue[];
  /** Tickets under appeal, and the day each one's review is due (in filing order). */
  private readonly appeals = new IntQueue(64);
  private readonly appealDue = new IntQueue(64);
  private readonly world: World;
  private readonly clock: Clock;
  private readonly reviewRng: Stream;
  private readonly tickets: TicketStore;
  private readonly outcomes: Outcomes;
  private readonly gaming: Gaming;
  private readonly hours: Hours;
  private readonly tally: Tally;
  // configured
  private hoursPerDay = 0;
  private maxOvertime = 0;
  private fatigueRate = 0;
  private fatigueRecovery = 0;
  private longTermNeed = 0;
  private appealHours = 0;
  private appealStart = Infinity;
  private appealApproval = 0;

  /** `reviewRng`: the city's review of appeals draws from the 'audit' stream, as audits do. */
  constructor(
    world: World,
    clock: Clock,
    reviewRng: Stream,
    tickets: TicketStore,
    outcomes: Outcomes,
    gaming: Gaming,
    hours: Hours,
    tally: Tally,
  ) {
    const O = world.O;
    this.world = world;
    this.clock = clock;
    this.reviewRng = reviewRng;
    this.tickets = tickets;
    this.outcomes = outcomes;
    this.gaming = gaming;
    this.hours = hours;
    this.tally = tally;
    this.staff = new Float64Array(O);
    this.fatigue = new Float64Array(O);
    this.upkeep = new Float64Array(O).fill(0.5);
    this.qGeneral = Array.from({ length: O }, () => new IntQueue(64));
    this.qComplex = Array.from({ length: O }, () => new IntQueue(32));
  }

  configure(k: Knobs): void {
    const { U, D, N, unitPop } = this.world;
    for (let u = 0; u < U; u++) this.staff[u] = (k.staffPer10k * unitPop[u]) / 10000;
    for (let d = 0; d < D; d++) this.staff[U + d] = (k.deptStaffPer10k * N) / 10000 / D;
    this.hoursPerDay = k.hoursPerDay;
    this.maxOvertime = k.maxOvertimeHours;
    this.fatigueRate = k.fatigueRate;
    this.fatigueRecovery = k.fatigueRecovery;
    this.longTermNeed = k.longTermNeed;
    this.appealHours = k.appealHours;
    this.appealStart = k.appealExclusion ? this.clock.dayOf(k.appealStart) : Infinity;
    this.appealApproval = k.appealApprovalRate;
  }

  /** A dispatched ticket joins owner o's queue. */
  enqueue(o: number, t: number, complex: boolean): void {
    (complex ? this.qComplex : this.qGeneral)[o].push(t);
  }

  /** Open tickets of unit u past their deadline (under appeal not counted). */
  overdue(u: number): number {
    const T = this.tickets;
    const day = this.clock.day;
    let n = 0;
    for (const q of [this.qGeneral[u], this.qComplex[u]]) {
      for (let i = 0; i < q.length; i++) if (T.deadline[q.at(i)] < day) n++;
    }
    return n;
  }

  /** Phase: review appeals filed APPEAL_REVIEW_DAYS ago: approved ones are excluded, others go back to work. */
  reviewAppeals(): void {
    const T = this.tickets;
    const rng = this.reviewRng;
    while (this.appeals.length > 0 && this.appealDue.peek() <= this.clock.day) {
      this.appealDue.shift();
      const t = this.appeals.shift();
      if (rng.u() < this.appealApproval) this.outcomes.exclude(t);
      else {
        T.status[t] = Status.OPEN;
        // back at the head of its queue: it is the oldest work the unit has
        (T.flags[t] & TF.COMPLEX ? this.qComplex : this.qGeneral)[T.owner[t]].unshift(t);
      }
    }
  }

  /** Phase: every owner spends its day's hours. */
  step(): void {
    const T = this.tickets;
    const { U, O, unitPop } = this.world;
    const hours = this.hours;
    const gaming = this.gaming;
    const outcomes = this.outcomes;
    const day = this.clock.day;
    const appealsOn = day >= this.appealStart;
    let fatigueSum = 0;
    let upkeepSum = 0;
    for (let o = 0; o < O; o++) {
      const isUnit = o < U;
      const staff = this.staff[o];
      const eff = 1 - FATIGUE_SLOWDOWN * this.fatigue[o];
      const regular = staff * this.hoursPerDay;
      hours.open(o, regular, staff * this.maxOvertime);
      if (isUnit) gaming.fakeTickets(o, staff, regular);
      const qg = this.qGeneral[o];
      const qc = this.qComplex[o];
      // behind: the oldest work in hand is already past its deadline
      const behind = (qg.length > 0 && T.deadline[qg.peek()] < day) || (qc.length > 0 && T.deadline[qc.peek()] < day);
      for (;;) {
        // a ticket reaches the unit's desk the day after it is filed (dispatch and first contact)
        let a = qg.peek();
        let b = qc.peek();
        if (a >= 0 && T.fileDay[a] >= day) a = -1;
        if (b >= 0 && T.fileDay[b] >= day) b = -1;
        if (a < 0 && b < 0) break;
        const fromComplex = a < 0 || (b >= 0 && T.deadline[b] < T.deadline[a]);
        const t = fromComplex ? b : a;
        const due = T.deadline[t] <= day;
        const avail = hours.available(o, due);
        if (avail <= 1e-9) break;
        if (isUnit && appealsOn && gaming.wantsAppeal(t, o, behind, eff)) {
          (fromComplex ? qc : qg).shift();
          T.flags[t] |= TF.APPEALED;
          T.status[t] = Status.APPEAL;
          this.appeals.push(t);
          this.appealDue.push(day + APPEAL_REVIEW_DAYS);
          this.tally.add(MI.appeals_filed);
          hours.charge(o, Use.APPEALS, Math.min(this.appealHours, avail));
          continue;
        }
        const need = T.remaining[t] / eff;
        const spend = Math.min(need, avail);
        hours.charge(o, Use.TICKETS, spend);
        if (spend < need) {
          T.remaining[t] -= spend * eff;
          break;
        }
        (fromComplex ? qc : qg).shift();
        // closing may cost gaming hours (a paid rating, an induced substitute), charged to o
        outcomes.close(t, outcomes.solveDispatched(t));
      }
      const longterm = hours.close(o);
      // fatigue: overtime per staff builds it, rest wears it off
      const f = this.fatigue[o] * (1 - this.fatigueRecovery) + (this.fatigueRate * hours.overtime[o]) / Math.max(staff, 1e-9);
      this.fatigue[o] = Math.min(1, f);
      if (isUnit) {
        // upkeep moves toward what long-term work supports (0.5 when it meets the need)
        const need = (this.longTermNeed * unitPop[o]) / 1000;
        const target = need > 0 ? Math.min(1, (0.5 * longterm) / need) : 1;
        this.upkeep[o] += (target - this.upkeep[o]) / UPKEEP_TAU;
        fatigueSum += this.fatigue[o];
        upkeepSum += this.upkeep[o];
      }
    }
    this.tally.set(MI.staff_fatigue_mean, fatigueSum / U);
    this.tally.set(MI.upkeep_mean, upkeepSum / U);
  }
}
