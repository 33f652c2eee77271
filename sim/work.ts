/**
 * Staff work. Each street, town and department spends its hours every day: tickets by earliest
 * deadline first (overdue first, then new), overtime only for tickets due, then the gaming its
 * leader chose, and what is left goes to long-term work, which keeps up the upkeep that holds
 * defects down. Overtime builds fatigue; fatigue slows all work. Exclusion appeals are written
 * here (for tickets the hotline judged unreasonable and, when the leader games, for hard or
 * overdue ones) and reviewed by the city a few days later.
 */
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { Status, TF, Use } from './flags.ts';
import {
  LEGIT_APPEAL,
  GAMING_APPEAL_AT_FULL,
  FATIGUE_SLOWDOWN,
  SAT_BASE,
  SAT_SOLVED,
  SAT_ON_TIME,
  SOLVE_UNIT,
  RESP_FLOOR,
  APPEAL_SAT_DEFAULT,
  APPEAL_REVIEW_DAYS,
  HOURS_FAKE,
  UPKEEP_TAU,
} from './constants.ts';
import { closeTicket, excludeTicket, solveDispatched } from './outcomes.ts';

/** The unit's reported satisfaction rate so far this period (what a poor rating would pull down). */
function satisfactionSoFar(s: State, o: number): number {
  return s.ratings.reportedRate(o, APPEAL_SAT_DEFAULT);
}

/** The chance the unit expects a ticket of this kind to be rated satisfied, at its responsiveness. */
function expectedSat(s: State, kind: number, o: number): number {
  return SAT_BASE[kind] + SAT_SOLVED * SOLVE_UNIT[kind] * (RESP_FLOOR + (1 - RESP_FLOOR) * s.resp[o]) + SAT_ON_TIME;
}

/** Would this unit appeal ticket t now? Legitimate for judged-unreasonable tickets; gaming otherwise. */
function wantsAppeal(s: State, t: number, o: number, behind: boolean): boolean {
  const T = s.tickets;
  if (T.flags[t] & TF.APPEALED) return false;
  const rng = s.rng.gaming;
  if (T.flags[t] & TF.JUDGED_UNREASONABLE) return rng.u() < LEGIT_APPEAL;
  const g = s.gaming[o];
  if (g <= 0) return false;
  // worth it to the unit when the ticket is already late, likely to end in a poor rating, or,
  // when the unit is behind, costs more to do than the appeal costs to write (the pothole
  // left unfilled: "exclusion reports instead of fixes")
  const eff = 1 - FATIGUE_SLOWDOWN * s.fatigue[o];
  const hard =
    T.deadline[t] < s.day || expectedSat(s, T.kind[t], o) < satisfactionSoFar(s, o) || (behind && T.remaining[t] / eff > s.k.appealHours);
  return hard && rng.u() < g * GAMING_APPEAL_AT_FULL;
}

/** Staff file easy tickets themselves and close them as satisfied, within `hoursLeft`. */
function fakeTickets(s: State, u: number, hoursLeft: number): void {
  const g = s.gaming[u];
  if (!s.k.gamingFake || g <= 0) return;
  // as many as the leader wants to dilute the unit's real ratings with, not one per staff member
  let n = s.rng.gaming.poisson(g * s.k.fakeShareAtFull * s.volumeEma[u]);
  n = Math.min(n, Math.floor(hoursLeft / HOURS_FAKE));
  if (n <= 0) return;
  const tally = s.tally;
  tally.add(MI.gaming_fake, n);
  tally.add(MI.tickets_filed, n);
  tally.add(MI.filed_gaming, n);
  tally.add(MI.tickets_closed, n);
  tally.add(MI.requests_per_10k, n);
  s.ratings.substitute(u, n);
  s.gamedCount[u] += n;
  s.hours.charge(u, Use.GAMING, n * HOURS_FAKE);
}

/** Review appeals filed APPEAL_REVIEW_DAYS ago: approved ones are excluded, others go back to work. */
export function reviewAppeals(s: State): void {
  const T = s.tickets;
  const rng = s.rng.audit;
  while (s.appeals.length > 0 && s.appealDue.peek() <= s.day) {
    s.appealDue.shift();
    const t = s.appeals.shift();
    if (rng.u() < s.k.appealApprovalRate) excludeTicket(s, t);
    else {
      T.status[t] = Status.OPEN;
      // back at the head of its queue: it is the oldest work the unit has
      (T.flags[t] & TF.COMPLEX ? s.qComplex : s.qGeneral)[T.owner[t]].unshift(t);
      s.queuedHours[T.owner[t]] += T.remaining[t];
    }
  }
}

export function work(s: State): void {
  const k = s.k;
  const T = s.tickets;
  const tally = s.tally;
  const hours = s.hours;
  const day = s.day;
  const appealsOn = day >= s.policy.appeal;
  const O = s.world.U + s.world.D;
  let fatigueSum = 0;
  let upkeepSum = 0;
  for (let o = 0; o < O; o++) {
    const isUnit = o < s.world.U;
    const staff = s.staff[o];
    // capable leaders' staff work faster; fatigue slows everyone
    const eff = (1 - FATIGUE_SLOWDOWN * s.fatigue[o]) * s.capability[o];
    const regular = staff * k.hoursPerDay;
    const otCap = staff * k.maxOvertimeHours;
    hours.open(o, regular, otCap, otCap * Math.min(1, k.overtimePush * s.pressure[o]));
    if (isUnit) fakeTickets(s, o, regular);
    const qg = s.qGeneral[o];
    const qc = s.qComplex[o];
    // Triage: with a backlog of more than triageAfterDays of regular hours, staff cut the hours per
    // ticket (to no less than triageMinEffort) and solve less (triageQualityLoss per share cut), so
    // overload degrades quality instead of growing a queue that never clears.
    let triage = 1;
    if (regular > 0) {
      const backlogDays = Math.max(0, s.queuedHours[o]) / eff / regular;
      if (backlogDays > k.triageAfterDays) triage = Math.max(k.triageMinEffort, k.triageAfterDays / backlogDays);
    }
    // triage cuts quality; tired staff make mistakes
    const quality = (1 - k.triageQualityLoss * (1 - triage)) * (1 - k.fatigueErrorRate * s.fatigue[o]);
    if (triage < 1) tally.add(MI.triage_owner_days);
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
      // overtime for tickets due, and under pressure also for the rest (the leader pushes)
      const avail = hours.available(o, due);
      if (avail <= 1e-9) break;
      if (isUnit && appealsOn && wantsAppeal(s, t, o, behind)) {
        (fromComplex ? qc : qg).shift();
        s.queuedHours[o] -= T.remaining[t];
        T.flags[t] |= TF.APPEALED;
        T.status[t] = Status.APPEAL;
        s.appeals.push(t);
        s.appealDue.push(day + APPEAL_REVIEW_DAYS);
        tally.add(MI.appeals_filed);
        s.gamedCount[o] += T.flags[t] & TF.JUDGED_UNREASONABLE ? 0 : 1;
        hours.charge(o, Use.APPEALS, Math.min(k.appealHours, avail));
        continue;
      }
      // under triage a ticket gets a share `triage` of its hours (remaining is kept at full effort)
      const need = (T.remaining[t] * triage) / eff;
      const spend = Math.min(need, avail);
      hours.charge(o, Use.TICKETS, spend);
      if (spend < need) {
        const done = (spend * eff) / triage;
        T.remaining[t] -= done;
        s.queuedHours[o] -= done;
        break;
      }
      (fromComplex ? qc : qg).shift();
      s.queuedHours[o] -= T.remaining[t];
      // closing may cost gaming hours (a paid rating, an induced substitute), charged to o
      closeTicket(s, t, solveDispatched(s, t, quality));
    }
    const longterm = hours.close(o);
    // fatigue: overtime per staff builds it, rest wears it off
    const f = s.fatigue[o] * (1 - k.fatigueRecovery) + (k.fatigueRate * hours.overtime[o]) / Math.max(staff, 1e-9);
    s.fatigue[o] = Math.min(1, f);
    if (isUnit) {
      // upkeep moves toward what long-term work supports (0.5 when it meets the need)
      const need = (k.longTermNeed * s.world.unitPop[o]) / 1000;
      const target = need > 0 ? Math.min(1, (0.5 * longterm) / need) : 1;
      s.upkeep[o] += (target - s.upkeep[o]) / UPKEEP_TAU;
      fatigueSum += s.fatigue[o];
      upkeepSum += s.upkeep[o];
    }
  }
  tally.set(MI.staff_fatigue_mean, fatigueSum / s.world.U);
  tally.set(MI.upkeep_mean, upkeepSum / s.world.U);
}
