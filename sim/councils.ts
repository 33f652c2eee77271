/**
 * Village councils under hand-down (下交群评): retired cadres and veteran party members take
 * handed-down tickets and matters brought to the deliberation hall, and visit the residents.
 * Each visit (a round) succeeds with a probability that grows with rounds, with ties to the
 * parties and, for boundary disputes, with evidence (the tape measure from the third visit).
 * Without consensus the case returns for another round. Consensus on a contested good holds
 * for years. Villagers who watch learn which requests are unreasonable.
 */
import { CASE, Channel, DEF, DIS, Kind, RF, Route } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { COUNCIL_HELP, COUNCIL_DEFECT_FIX, NORM_FROM_ELDERS } from './constants.ts';
import { EFFORT } from './constants.ts';
import { log, pow } from './fmath.ts';
import { dispatchTicket, intake, isComplex } from './intake.ts';
import type { IntQueue } from './queue.ts';
import { closeTicket } from './outcomes.ts';
import { feel, remember } from './satisfaction.ts';

/** A resident brings a matter to the village hall (no 12345 ticket). */
export function openHallCase(s: State, r: number, c: number, kind: number, ref: number, need = -1): void {
  s.tally.add(MI.hall_cases);
  const cs = s.cases;
  const id = cs.add();
  cs.cols[CASE.KIND][id] = kind;
  cs.cols[CASE.RESIDENT][id] = r;
  cs.cols[CASE.REF][id] = ref;
  cs.cols[CASE.TICKET][id] = -1;
  cs.cols[CASE.ROUNDS][id] = 0;
  cs.cols[CASE.CELL][id] = c;
  cs.cols[CASE.NEED][id] = need;
  cs.cols[CASE.DAY][id] = s.clock.day;
  s.councilQueue[c]!.push(id);
  s.events.note('hall', c, r, kind, Channel.HALL);
}

/** Chance one deliberation round succeeds. */
/** The mean conviction a dispute starts with (0.3 + 0.7 u): a visit at it succeeds with the council's skill. */
export const MEAN_CONVICTION = 0.65;

/**
 * Chance one deliberation visit succeeds: the council's skill, help when a member knows the
 * parties, and how far the parties' conviction has fallen below (or stands above) the mean.
 */
export function visitSuccess(skill: number, tieGain: number, ties: boolean, conviction: number): number {
  const p = skill + (ties ? tieGain : 0) + (MEAN_CONVICTION - conviction);
  return Math.min(0.98, Math.max(0.02, p));
}

function finish(s: State, id: number, solved: boolean, sat: number): void {
  const cs = s.cases.cols;
  const t = cs[CASE.TICKET][id];
  if (t >= 0) {
    closeTicket(s, t, solved, sat);
    return;
  }
  const r = cs[CASE.RESIDENT][id];
  if (solved) s.needs.solve(cs[CASE.NEED][id], s.clock.day);
  else s.needs.fail(cs[CASE.NEED][id]);
  remember(s.world, s.demand, r, Channel.HALL, solved ? 1 : 0.4);
  feel(s.world, r, solved ? 1 : sat);
}

/**
 * Capacity that cannot keep up does not strand people: a handed-down ticket past the council's
 * deadline goes back to the street or town (or a department) with a fresh deadline, and a resident
 * who has waited on the hall longer than their patience calls 12345 instead.
 */
function escalateOverdue(s: State, c: number, q: IntQueue): void {
  const k = s.k;
  const T = s.tickets;
  const cs = s.cases.cols;
  const day = s.clock.day;
  const n = q.length;
  for (let i = 0; i < n; i++) {
    const id = q.shift();
    const t = cs[CASE.TICKET][id];
    if (t >= 0 && T.deadline[t] < day) {
      const kind = T.kind[t];
      T.route[t] = Route.UNIT;
      T.deadline[t] = day + (isComplex(kind) ? k.deadlineComplexDays : k.deadlineGeneralDays);
      const rng = s.rng.councils;
      dispatchTicket(s, t, EFFORT[kind] * k.effortScale * (0.3 - 0.7 * log(1 - rng.u())), rng);
      s.tally.add(MI.tickets_escalated);
      continue;
    }
    if (t < 0 && day - cs[CASE.DAY][id] > k.hallPatienceDays) {
      s.tally.add(MI.tickets_escalated);
      intake(s, cs[CASE.RESIDENT][id], c, cs[CASE.KIND][id], cs[CASE.REF][id], cs[CASE.NEED][id], true);
      continue;
    }
    q.push(id);
  }
}

/** Daily: every active council spends its visits on its queue. */
export function councils(s: State): void {
  if (s.clock.day < s.policy.handDown) return;
  const k = s.k;
  const rng = s.rng.councils;
  const cs = s.cases.cols;
  for (let c = 0; c < s.world.C; c++) {
    const q = s.councilQueue[c];
    if (!q) continue;
    const perDay = s.councilVisitsPerDay[c];
    if (q.length > 0) escalateOverdue(s, c, q);
    s.councilCapacity[c] = Math.min(s.councilCapacity[c] + perDay, perDay * 7);
    while (s.councilCapacity[c] >= 1 && q.length > 0) {
      s.councilCapacity[c] -= 1;
      const id = q.shift();
      const kind = cs[CASE.KIND][id];
      const r = cs[CASE.RESIDENT][id];
      const ref = cs[CASE.REF][id];
      const rounds = cs[CASE.ROUNDS][id];
      s.tally.add(MI.council_visits);
      s.events.note('visit', c, r, kind, Channel.HALL);
      // the village watches and learns what can be solved
      s.norms.observe(c);
      // a member knows the resident who brought it when their households are close
      const ties = s.knowsHousehold(c, s.world.resHousehold[r]);
      switch (kind) {
        case Kind.DEFECT: {
          const open = s.defects.table.cols[DEF.OPEN][ref] === 1;
          const fixed = open && rng.u() < COUNCIL_DEFECT_FIX;
          if (fixed) s.defects.fix(ref);
          finish(s, id, !open || fixed, -1);
          break;
        }
        case Kind.INDIVIDUAL:
          finish(s, id, rng.u() < COUNCIL_HELP, -1);
          break;
        case Kind.WISH:
        case Kind.VENT:
        case Kind.CONSULT:
          s.norms.learn(r, c, NORM_FROM_ELDERS);
          finish(s, id, kind === Kind.CONSULT, 0.5);
          break;
        case Kind.CONTESTED: {
          const g = ref;
          if (s.goods.lockUntil[c * 2 + g] > s.clock.day) {
            finish(s, id, false, 0.5);
            break;
          }
          // deliberation wears down the sides' conviction round by round until a consensus holds
          const conviction = MEAN_CONVICTION * pow(1 - k.councilPersuasion, rounds);
          if (rng.u() < visitSuccess(k.councilSkill, k.councilTieGain, ties, conviction)) {
            // the consensus follows today's majority (preferences drift: a later majority may differ)
            const on = s.goods.prefCount[c * 4 + g * 2 + 1] >= s.goods.prefCount[c * 4 + g * 2];
            s.goods.set(c, g, on);
            s.goods.lockUntil[c * 2 + g] = s.clock.day + Math.round(k.consensusYears * 365);
            const f = s.world.resFlags[r];
            const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
            finish(s, id, wantOn === on, 0.45);
          } else {
            cs[CASE.ROUNDS][id] = rounds + 1;
            q.push(id);
          }
          break;
        }
        case Kind.DISPUTE: {
          const dc = s.disputes.table.cols;
          if (!dc[DIS.OPEN][ref]) {
            finish(s, id, true, -1);
            break;
          }
          const dr = dc[DIS.ROUNDS][ref];
          const boundary = dc[DIS.BOUNDARY][ref] === 1;
          const fc = s.disputes.table.fcols[0];
          // evidence: in a boundary dispute, after enough failed visits, the tape measure settles
          // the facts and the parties' conviction falls (once)
          if (boundary && dr === k.evidenceAfterVisits) fc[ref] *= 1 - k.evidenceStrength;
          // a member knows the parties when a member's household is near either side
          const h = dc[DIS.HOUSEHOLD][ref];
          const tiesD = s.knowsHousehold(c, h) || s.knowsHousehold(c, h + dc[DIS.HOUSEHOLDS][ref] - 1);
          if (rng.u() < visitSuccess(k.councilSkill, k.councilTieGain, tiesD, fc[ref])) {
            s.disputes.settle(ref);
            finish(s, id, true, -1);
          } else {
            // talk wears conviction down, but cannot settle the facts of a boundary before evidence
            if (!boundary || dr >= k.evidenceAfterVisits) fc[ref] *= 1 - k.councilPersuasion;
            dc[DIS.ROUNDS][ref] = dr + 1;
            cs[CASE.ROUNDS][id] = rounds + 1;
            q.push(id);
          }
          break;
        }
        default:
          finish(s, id, false, -1);
      }
    }
  }
}
