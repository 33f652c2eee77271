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
import { FATIGUE_SLOWDOWN, APPEAL_REVIEW_DAYS, UPKEEP_TAU } from './constants.ts';
import { closeTicket, excludeTicket, solveDispatched } from './outcomes.ts';

/** Review appeals filed APPEAL_REVIEW_DAYS ago: approved ones are excluded, others go back to work. */
export function reviewAppeals(s: State): void {
  const T = s.tickets;
  const rng = s.rng.audit;
  while (s.appeals.length > 0 && s.appealDue.peek() <= s.clock.day) {
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
  const day = s.clock.day;
  const appealsOn = day >= s.policy.appeal;
  const O = s.world.U + s.world.D;
  let fatigueSum = 0;
  let upkeepSum = 0;
  for (let o = 0; o < O; o++) {
    const isUnit = o < s.world.U;
    const staff = s.staff[o];
    // capable leaders' staff work faster; fatigue slows everyone
    const eff = (1 - FATIGUE_SLOWDOWN * s.fatigue[o]) * s.leaders.capability[o];
    const regular = staff * k.hoursPerDay;
    const otCap = staff * k.maxOvertimeHours;
    hours.open(o, regular, otCap, otCap * Math.min(1, k.overtimePush * s.leaders.pressure[o]));
    if (isUnit) s.gaming.fakeTickets(o, regular);
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
      if (isUnit && appealsOn && s.gaming.wantsAppeal(t, o, behind, 1 - FATIGUE_SLOWDOWN * s.fatigue[o])) {
        (fromComplex ? qc : qg).shift();
        s.queuedHours[o] -= T.remaining[t];
        T.flags[t] |= TF.APPEALED;
        T.status[t] = Status.APPEAL;
        s.appeals.push(t);
        s.appealDue.push(day + APPEAL_REVIEW_DAYS);
        tally.add(MI.appeals_filed);
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
