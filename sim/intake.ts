/**
 * Intake and routing at the hotline centre: consultations answered on the call; every other
 * call classified (imperfectly), refused when the policy refuses out-of-scope requests,
 * handed down to a village council (Pinggu's 下交群评) or dispatched to a functional
 * department or to the street of the caller's cell, with a deadline.
 */
import { CASE, Channel, Kind, Route, TF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { EFFORT, DEPT_EFFORT_FACTOR, NORM_FROM_REFUSAL, RESP_EFFORT_BASE, RESP_EFFORT_SLOPE } from './constants.ts';
import { feel, remember } from './satisfaction.ts';
import { categorise } from './categories.ts';
import { log } from './fmath.ts';
import type { Stream } from './rng.ts';

const FILED_METRIC = [
  MI.consultations,
  MI.filed_defect,
  MI.filed_individual,
  MI.filed_wish,
  MI.filed_contested,
  MI.filed_dispute,
  MI.filed_vent,
  MI.filed_gaming,
  MI.filed_gaming,
];

/** Kinds a hand-down policy sends to the village council (not the district's or town's to coordinate). */
export function handedDownKind(kind: number): boolean {
  return kind === Kind.INDIVIDUAL || kind === Kind.WISH || kind === Kind.CONTESTED || kind === Kind.DISPUTE || kind === Kind.VENT;
}

export function isComplex(kind: number): boolean {
  return kind === Kind.CONTESTED || kind === Kind.DISPUTE;
}

/**
 * A call to 12345. `need` is the residents'-side record it carries; `escalated` marks a matter the
 * resident brings back from a council that kept them waiting (it is not handed down again).
 */
export function intake(s: State, r: number, c: number, kind: number, ref: number, need = -1, escalated = false): void {
  const k = s.k;
  const tally = s.tally;
  const rng = s.rng.intake;
  tally.add(MI.tickets_filed);
  tally.add(FILED_METRIC[kind]);
  categorise(s, kind); // subject category for the published mix (sim/categories.ts)
  s.cellFiled[c]++;
  if (c === s.events.watch) s.events.note('file', c, r, kind, Channel.HOTLINE);

  if (kind === Kind.CONSULT) {
    tally.add(MI.tickets_closed); // answered on the call, in 0 days (memory is of problems solved, not questions answered)
    return;
  }
  const unreasonable = kind === Kind.WISH || kind === Kind.VENT;
  if (unreasonable) tally.add(MI.unreasonable_filed);
  const judged = rng.u() < (unreasonable ? k.classificationAccuracy : k.misclassificationRate);
  if (judged) tally.add(MI.tickets_flagged_unreasonable);

  if (judged && s.clock.day >= s.policy.refuse) {
    // Baotou's reply: beyond the hotline's scope, cannot be accepted, sorry.
    tally.add(MI.tickets_refused);
    if (unreasonable) s.norms.learn(r, c, NORM_FROM_REFUSAL);
    remember(s.world, s.demand, r, Channel.HOTLINE, 0);
    feel(s.world, r, 0);
    s.needs.fail(need);
    s.ratings.report(-1, false, false);
    s.events.note('refuse', c, r, kind, Channel.HOTLINE);
    return;
  }

  tally.add(MI.requests_per_10k);
  const T = s.tickets;
  const t = T.alloc();
  T.kind[t] = kind;
  T.filer[t] = r;
  T.cell[t] = c;
  T.ref[t] = ref;
  T.fileDay[t] = s.clock.day;
  T.need[t] = need;
  const complex = isComplex(kind);
  T.deadline[t] = s.clock.day + (complex ? k.deadlineComplexDays : k.deadlineGeneralDays);
  if (judged) T.flags[t] |= TF.JUDGED_UNREASONABLE;
  if (complex) T.flags[t] |= TF.COMPLEX;
  // effort varies from ticket to ticket: a long tail of hard ones (mean 1 x the kind's hours)
  const effort = EFFORT[kind] * k.effortScale * (0.3 - 0.7 * log(1 - rng.u()));

  if (!escalated && s.cellCouncil[c] && s.clock.day >= s.policy.handDown && handedDownKind(kind)) {
    T.route[t] = Route.COUNCIL;
    T.owner[t] = c;
    T.remaining[t] = 0;
    T.deadline[t] = s.clock.day + k.councilDeadlineDays; // escalates back to the street when overdue
    tally.add(MI.tickets_handed_down);
    const cs = s.cases;
    const id = cs.add();
    cs.cols[CASE.KIND][id] = kind;
    cs.cols[CASE.RESIDENT][id] = r;
    cs.cols[CASE.REF][id] = ref;
    cs.cols[CASE.TICKET][id] = t;
    cs.cols[CASE.ROUNDS][id] = 0;
    cs.cols[CASE.CELL][id] = c;
    cs.cols[CASE.NEED][id] = -1; // the ticket carries the need
    cs.cols[CASE.DAY][id] = s.clock.day;
    s.councilQueue[c]!.push(id);
    return;
  }
  dispatchTicket(s, t, effort, rng);
}

/**
 * Send ticket t (kind, cell and deadline set) to a functional department or to the street of its
 * cell, with `effort` hours at full efficiency before responsiveness.
 */
export function dispatchTicket(s: State, t: number, effort: number, rng: Stream): void {
  const k = s.k;
  const tally = s.tally;
  const T = s.tickets;
  const kind = T.kind[t];
  const c = T.cell[t];
  const complex = isComplex(kind);
  let owner: number;
  if ((kind === Kind.DEFECT || kind === Kind.INDIVIDUAL) && s.world.D > 0 && rng.u() < k.deptShare) {
    T.route[t] = Route.DEPT;
    owner = s.world.U + rng.int(s.world.D);
    s.ratings.dispatch(owner);
    effort *= DEPT_EFFORT_FACTOR;
    tally.add(MI.tickets_to_departments);
  } else {
    T.route[t] = Route.UNIT;
    owner = s.world.cellUnit[c];
    s.ratings.dispatch(owner);
    if (rng.u() < k.routingErrorRate) {
      // sent to the wrong unit first and returned: acceptance falls, an hour is lost
      T.flags[t] |= TF.RETURNED;
      s.ratings.returnedToSender(owner);
      effort += 1;
    }
  }
  T.owner[t] = owner;
  T.remaining[t] = effort * (RESP_EFFORT_BASE + RESP_EFFORT_SLOPE * s.leaders.resp[owner]);
  s.queuedHours[owner] += T.remaining[t];
  (complex ? s.qComplex : s.qGeneral)[owner].push(t);
}
