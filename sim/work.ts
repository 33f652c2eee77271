/**
 * Staff work. Each street, town and department spends its hours every day: tickets by earliest
 * deadline first (overdue first, then new), overtime only for tickets due (and, under pressure,
 * the overtime the leader pushes), the gaming its leader chose, and what is left goes to long-term
 * work, which keeps up the upkeep that holds defects down. Overtime builds fatigue; fatigue slows
 * all work and causes mistakes; a backlog leads to triage. Exclusion appeals are written here
 * (sim/gaming.ts decides which) and reviewed by the city a few days later. Dispatched tickets join
 * their owner's queue here.
 */
import { isComplex, Kind, Route, Status, TF, Use } from './flags.ts';
import { MI } from './metrics.ts';
import { APPEAL_REVIEW_DAYS, DEPT_EFFORT_FACTOR, FATIGUE_SLOWDOWN, RESP_EFFORT_BASE, RESP_EFFORT_SLOPE, UPKEEP_TAU } from './constants.ts';
import { type Knobs, knobSpec } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import { type Clock, policyStart } from './clock.ts';
import { IntQueue } from './queue.ts';
import type { TicketStore } from './tickets.ts';
import type { Outcomes } from './outcomes.ts';
import type { Leaders } from './leaders.ts';
import type { Gaming } from './gaming.ts';
import type { Ratings } from './ratings.ts';
import type { Hours } from './hours.ts';
import type { Tally } from './tally.ts';
import type { Plans } from './plans.ts';

/** The share of tickets the schema sends to departments by default (their staff serve it). */
const DEFAULT_DEPT_SHARE = knobSpec('deptShare')?.default as number;

/** How many tickets at the head of a deadline-ordered queue are past their deadline. */
function overdueAtHead(q: IntQueue, deadline: Int32Array, day: number): number {
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (deadline[q.at(mid)] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many tickets down its queues an owner's next tickets and filers are fetched at a time (see Work.step). */
const PREFETCH_BATCH = 32;

export class Work {
  /** Per owner (units then departments): staff, fatigue (0..1) and, for units, upkeep (0..1, 0.5 normal). */
  readonly staff: Float64Array;
  readonly fatigue: Float64Array;
  readonly upkeep: Float64Array;
  /** Per owner: open tickets waiting, general and complex (contested goods, disputes), in deadline order. */
  readonly qGeneral: IntQueue[];
  readonly qComplex: IntQueue[];
  /** Per owner: hours of work at full efficiency in its queues, kept as tickets come and go. */
  readonly queuedHours: Float64Array;
  /** Tickets under appeal, and the day each one's review is due (in filing order). */
  private readonly appeals = new IntQueue(64);
  private readonly appealDue = new IntQueue(64);
  /** The filers whose records are fetched together (see Work.step). */
  private readonly filers = new Int32Array(PREFETCH_BATCH);
  /** What prefetchTickets() read, folded into a field so that the engine cannot drop its loads as dead. */
  private prefetched = 0;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly reviewRng: Stream;
  private readonly tickets: TicketStore;
  private readonly outcomes: Outcomes;
  private readonly leaders: Leaders;
  private readonly gaming: Gaming;
  private readonly ratings: Ratings;
  private readonly hours: Hours;
  private readonly tally: Tally;
  /** Players' plans: a planned unit's overtime and long-term hours are the plan's (sim/plans.ts). */
  private readonly plans: Plans;
  // configured
  private hoursPerDay = 0;
  private maxOvertime = 0;
  private overtimePush = 0;
  private fatigueRate = 0;
  private fatigueRecovery = 0;
  private fatigueErrorRate = 0;
  private triageAfterDays = 0;
  private triageMinEffort = 0;
  private triageQualityLoss = 0;
  private longTermNeed = 0;
  private appealHours = 0;
  private appealStart = Infinity;
  private appealApproval = 0;
  private appealPauses = false;
  private longTermShare = 0;
  private replyAfter = Infinity;
  private deptShare = 0;
  private routingErrorRate = 0;

  /** `reviewRng`: the city's review of appeals draws from the 'audit' stream, as audits do. */
  constructor(
    world: World,
    clock: Clock,
    reviewRng: Stream,
    tickets: TicketStore,
    outcomes: Outcomes,
    leaders: Leaders,
    gaming: Gaming,
    ratings: Ratings,
    hours: Hours,
    tally: Tally,
    plans: Plans,
  ) {
    const O = world.O;
    this.world = world;
    this.clock = clock;
    this.reviewRng = reviewRng;
    this.tickets = tickets;
    this.outcomes = outcomes;
    this.leaders = leaders;
    this.gaming = gaming;
    this.ratings = ratings;
    this.hours = hours;
    this.tally = tally;
    this.plans = plans;
    this.staff = new Float64Array(O);
    this.fatigue = new Float64Array(O);
    this.upkeep = new Float64Array(O).fill(0.5);
    this.qGeneral = Array.from({ length: O }, () => new IntQueue(64));
    this.qComplex = Array.from({ length: O }, () => new IntQueue(32));
    this.queuedHours = new Float64Array(O);
  }

  /** Read the knobs; `changeDay` is the day of a timeline change (null at build). */
  configure(k: Knobs, changeDay: number | null): void {
    const { U, D, N, unitPop, unitStaffMult } = this.world;
    for (let u = 0; u < U; u++) this.staff[u] = ((k.staffPer10k * unitPop[u]) / 10000) * unitStaffMult[u];
    // departments' staff follow the share of the catalogue they are given (deptStaffPer10k serves the
    // default share), so moving items to departments moves the work and its staff together
    const deptScale = k.deptStaffFollowsShare ? k.deptShare / DEFAULT_DEPT_SHARE : 1;
    for (let d = 0; d < D; d++) this.staff[U + d] = ((k.deptStaffPer10k * N) / 10000 / D) * deptScale;
    this.hoursPerDay = k.hoursPerDay;
    this.maxOvertime = k.maxOvertimeHours;
    this.overtimePush = k.overtimePush;
    this.fatigueRate = k.fatigueRate;
    this.fatigueRecovery = k.fatigueRecovery;
    this.fatigueErrorRate = k.fatigueErrorRate;
    this.triageAfterDays = k.triageAfterDays;
    this.triageMinEffort = k.triageMinEffort;
    this.triageQualityLoss = k.triageQualityLoss;
    this.longTermNeed = k.longTermNeed;
    this.appealHours = k.appealHours;
    this.appealStart = policyStart(this.appealStart, k.appealExclusion ? this.clock.dayOf(k.appealStart) : Infinity, changeDay);
    this.appealApproval = k.appealApprovalRate;
    this.appealPauses = k.appealPausesDeadline;
    this.longTermShare = k.longTermShare;
    this.replyAfter = k.overdueReplyDays;
    this.deptShare = k.deptShare;
    this.routingErrorRate = k.routingErrorRate;
  }

  /**
   * Send ticket t (kind, cell and deadline set) to a functional department or to the street of its
   * cell, with `effort` hours at full efficiency before responsiveness, and queue it there.
   */
  dispatch(t: number, effort: number, rng: Stream): void {
    const T = this.tickets;
    const w = this.world;
    const kind = T.kind[t];
    const c = T.cell[t];
    let owner: number;
    if ((kind === Kind.DEFECT || kind === Kind.INDIVIDUAL) && w.D > 0 && rng.u() < this.deptShare) {
      T.route[t] = Route.DEPT;
      owner = w.U + rng.int(w.D);
      this.ratings.dispatch(owner);
      effort *= DEPT_EFFORT_FACTOR;
      this.tally.add(MI.tickets_to_departments);
    } else {
      T.route[t] = Route.UNIT;
      owner = w.cellUnit[c];
      this.ratings.dispatch(owner);
      if (rng.u() < this.routingErrorRate) {
        // sent to the wrong unit first and returned: acceptance falls, an hour is lost
        T.flags[t] |= TF.RETURNED;
        this.ratings.returnedToSender(owner);
        effort += 1;
      }
    }
    T.owner[t] = owner;
    T.remaining[t] = effort * (RESP_EFFORT_BASE + RESP_EFFORT_SLOPE * this.leaders.resp[owner]);
    this.queuedHours[owner] += T.remaining[t];
    (isComplex(kind) ? this.qComplex : this.qGeneral)[owner].push(t);
  }

  /** Open tickets of owner o past their deadline (under appeal not counted). */
  overdue(o: number): number {
    const T = this.tickets;
    const day = this.clock.day;
    let n = 0;
    for (const q of [this.qGeneral[o], this.qComplex[o]]) {
      for (let i = 0; i < q.length; i++) if (T.deadline[q.at(i)] < day) n++;
    }
    return n;
  }

  /**
   * Open tickets past their deadline in every owner's queues. A queue is in deadline order
   * (tickets join at the tail with the queue's fixed deadline; a rejected appeal returns to the
   * head, older): count its head by bisection.
   */
  overdueAll(): number {
    const T = this.tickets;
    const day = this.clock.day;
    let n = 0;
    for (let o = 0; o < this.world.O; o++)
      n += overdueAtHead(this.qGeneral[o], T.deadline, day) + overdueAtHead(this.qComplex[o], T.deadline, day);
    return n;
  }

  /**
   * Phase: review appeals filed APPEAL_REVIEW_DAYS ago: approved ones are excluded, others go back
   * to work. With appealPausesDeadline the days under review do not count against a rejected
   * ticket's deadline (it returns with them added), so an appeal costs the unit its hours, not a
   * late ticket; without it a rejected ticket often returns late.
   */
  reviewAppeals(): void {
    const T = this.tickets;
    const rng = this.reviewRng;
    while (this.appeals.length > 0 && this.appealDue.peek() <= this.clock.day) {
      this.appealDue.shift();
      const t = this.appeals.shift();
      if (rng.u() < this.appealApproval) this.outcomes.exclude(t);
      else {
        T.status[t] = Status.OPEN;
        const q = (T.flags[t] & TF.COMPLEX ? this.qComplex : this.qGeneral)[T.owner[t]];
        // back at the head of its queue: it is the oldest work the unit has
        q.unshift(t);
        if (this.appealPauses) {
          T.deadline[t] += APPEAL_REVIEW_DAYS;
          // keep the queue in deadline order (overdue counts search it): step back past those due sooner
          for (let i = 0; i + 1 < q.length && T.deadline[q.at(i + 1)] < T.deadline[t]; i++) {
            q.set(i, q.at(i + 1));
            q.set(i + 1, t);
          }
        }
        this.queuedHours[T.owner[t]] += T.remaining[t];
      }
    }
  }

  /**
   * Tickets at the head of owner o's queue (deadline order) that are more than overdueReplyDays past
   * their deadline are answered as not solved: a backlog the owner cannot work off is closed with
   * a written reply instead of growing without end. The resident's need stays unmet.
   */
  private answerOverdue(o: number, q: IntQueue, day: number): void {
    const T = this.tickets;
    const limit = day - this.replyAfter;
    while (q.length > 0 && T.deadline[q.peek()] < limit) {
      const t = q.shift();
      this.queuedHours[o] -= T.remaining[t];
      this.tally.add(MI.tickets_answered_unsolved);
      this.outcomes.close(t, false);
    }
  }

  /** Phase: every owner spends its day's hours. */
  step(): void {
    const T = this.tickets;
    const { U, O, unitPop } = this.world;
    const tally = this.tally;
    const hours = this.hours;
    const gaming = this.gaming;
    const outcomes = this.outcomes;
    const leaders = this.leaders;
    const plans = this.plans;
    const day = this.clock.day;
    const appealsOn = day >= this.appealStart;
    let fatigueSum = 0;
    let upkeepSum = 0;
    for (let o = 0; o < O; o++) {
      const isUnit = o < U;
      const staff = this.staff[o];
      // capable leaders' staff work faster; fatigue slows everyone
      const eff = (1 - FATIGUE_SLOWDOWN * this.fatigue[o]) * leaders.capability[o];
      const regular = staff * this.hoursPerDay;
      const otCap = staff * this.maxOvertime;
      // a street's leader keeps a share of the regular hours for long-term work (a player's plan
      // sets its own share, and the overtime on work not yet due)
      const kept = plans.kept(o, regular, isUnit ? regular * this.longTermShare : 0);
      hours.open(o, regular, otCap, plans.pushed(o, otCap, otCap * Math.min(1, this.overtimePush * leaders.pressure[o])), kept);
      if (isUnit) gaming.fakeTickets(o, kept > 0 ? regular - kept : regular);
      const qg = this.qGeneral[o];
      const qc = this.qComplex[o];
      this.answerOverdue(o, qg, day);
      this.answerOverdue(o, qc, day);
      // Triage: with a backlog of more than triageAfterDays of regular hours, staff cut the hours per
      // ticket (to no less than triageMinEffort) and solve less (triageQualityLoss per share cut), so
      // overload degrades quality instead of growing a queue that never clears.
      let triage = 1;
      if (regular > 0) {
        const backlogDays = Math.max(0, this.queuedHours[o]) / eff / regular;
        if (backlogDays > this.triageAfterDays) triage = Math.max(this.triageMinEffort, this.triageAfterDays / backlogDays);
      }
      // triage cuts quality; tired staff make mistakes
      const quality = (1 - this.triageQualityLoss * (1 - triage)) * (1 - this.fatigueErrorRate * this.fatigue[o]);
      if (triage < 1) tally.add(MI.triage_owner_days);
      // behind: the oldest work in hand is already past its deadline
      const behind = (qg.length > 0 && T.deadline[qg.peek()] < day) || (qc.length > 0 && T.deadline[qc.peek()] < day);
      for (let worked = 0; ; worked++) {
        // Closing a ticket reads its columns and updates its filer's record, cache misses in large
        // arrays: those of the next tickets of each queue are fetched together every PREFETCH_BATCH
        // tickets, so that their misses overlap.
        if (worked % PREFETCH_BATCH === 0) {
          this.prefetchTickets(qg);
          this.prefetchTickets(qc);
        }
        // a ticket reaches the unit's desk the day after it is filed (dispatch and first contact)
        let a = qg.peek();
        let b = qc.peek();
        if (a >= 0 && T.fileDay[a] >= day) a = -1;
        if (b >= 0 && T.fileDay[b] >= day) b = -1;
        if (a < 0 && b < 0) break;
        const fromComplex = a < 0 || (b >= 0 && T.deadline[b] < T.deadline[a]);
        const t = fromComplex ? b : a;
        const due = T.deadline[t] <= day;
        // overtime for tickets due, and under pressure also for the rest (the leader pushes)
        const avail = hours.available(o, due);
        if (avail <= 1e-9) break;
        if (isUnit && appealsOn && gaming.wantsAppeal(t, o, behind, 1 - FATIGUE_SLOWDOWN * this.fatigue[o])) {
          (fromComplex ? qc : qg).shift();
          this.queuedHours[o] -= T.remaining[t];
          T.flags[t] |= TF.APPEALED;
          T.status[t] = Status.APPEAL;
          this.appeals.push(t);
          this.appealDue.push(day + APPEAL_REVIEW_DAYS);
          tally.add(MI.appeals_filed);
          hours.charge(o, Use.APPEALS, Math.min(this.appealHours, avail));
          continue;
        }
        // under triage a ticket gets a share `triage` of its hours (remaining is kept at full effort)
        const need = (T.remaining[t] * triage) / eff;
        const spend = Math.min(need, avail);
        hours.charge(o, Use.TICKETS, spend);
        if (spend < need) {
          const done = (spend * eff) / triage;
          T.remaining[t] -= done;
          this.queuedHours[o] -= done;
          break;
        }
        (fromComplex ? qc : qg).shift();
        this.queuedHours[o] -= T.remaining[t];
        // closing may cost gaming hours (a paid rating, an induced substitute), charged to o
        outcomes.close(t, outcomes.solveDispatched(t, quality));
      }
      const longterm = hours.close(o);
      if (isUnit && plans.inUse) plans.recordDay(o, hours);
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
    tally.set(MI.staff_fatigue_mean, fatigueSum / U);
    tally.set(MI.upkeep_mean, upkeepSum / U);
  }

  /**
   * Fetch together what closing the first PREFETCH_BATCH tickets of q reads: the tickets' columns
   * (a freed slot is reused anywhere in the store) and their filers' records (World.prefetch). Reads only.
   */
  private prefetchTickets(q: IntQueue): void {
    const T = this.tickets;
    const filer = T.filer;
    const filers = this.filers;
    const n = Math.min(PREFETCH_BATCH, q.length);
    let m = 0;
    let x = this.prefetched;
    for (let j = 0; j < n; j++) {
      const t = q.at(j);
      x ^= T.kind[t] ^ T.route[t] ^ T.cell[t] ^ T.need[t] ^ T.deadline[t] ^ T.fileDay[t] ^ T.owner[t] ^ T.ref[t];
      const r = filer[t];
      if (r >= 0) filers[m++] = r;
    }
    this.prefetched = x;
    this.world.prefetch(filers, m);
  }
}
