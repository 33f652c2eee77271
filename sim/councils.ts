/**
 * Village councils under hand-down (下交群评): retired cadres and veteran party members take
 * handed-down tickets and matters brought to the deliberation hall, and visit the residents.
 * Each visit (a round) succeeds with a probability that grows with rounds, with ties to the
 * parties and, for boundary disputes, with evidence (the tape measure from the third visit).
 * Without consensus the case returns for another round. Consensus on a contested good holds
 * for years. Villagers who watch learn which requests are unreasonable.
 */
import { Kind, Channel, CASE, DIS, DEF, RF } from './flags.ts';
import type { State } from './world.ts';
import { MI } from './metrics.ts';
import {
  COUNCIL_ROUND_GAIN,
  COUNCIL_TIES_CHANCE,
  COUNCIL_TIES_GAIN,
  COUNCIL_EVIDENCE_ROUND,
  COUNCIL_EVIDENCE_GAIN,
  COUNCIL_HELP,
  COUNCIL_DEFECT_FIX,
  NORM_FROM_ELDERS,
} from './constants.ts';
import { closeTicket, fixDefect, settleDispute, setGood, remember, feel } from './outcomes.ts';

/** A resident brings a matter to the village hall (no 12345 ticket). */
export function openHallCase(s: State, r: number, c: number, kind: number, ref: number): void {
  s.acc[MI.hall_cases]++;
  const cs = s.cases;
  const id = cs.add();
  cs.cols[CASE.KIND][id] = kind;
  cs.cols[CASE.RESIDENT][id] = r;
  cs.cols[CASE.REF][id] = ref;
  cs.cols[CASE.TICKET][id] = -1;
  cs.cols[CASE.ROUNDS][id] = 0;
  cs.cols[CASE.CELL][id] = c;
  s.councilQueue[c]!.push(id);
  s.event('hall', c, r, kind, Channel.HALL);
}

/** Chance one deliberation round succeeds. */
export function visitSuccess(skill: number, rounds: number, ties: boolean, boundary: boolean): number {
  let p = skill + COUNCIL_ROUND_GAIN * rounds + (ties ? COUNCIL_TIES_GAIN : 0);
  if (boundary) p += rounds >= COUNCIL_EVIDENCE_ROUND ? COUNCIL_EVIDENCE_GAIN : -0.2;
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
  remember(s, r, Channel.HALL, solved ? 1 : 0.4);
  feel(s, r, solved ? 1 : sat);
}

/** Daily: every active council spends its visits on its queue. */
export function councils(s: State): void {
  if (s.day < s.policy.handDown) return;
  const k = s.k;
  const rng = s.rng.councils;
  const perDay = (k.councilSize * k.councilVisitsPerWeek) / 7;
  const cs = s.cases.cols;
  for (let c = 0; c < s.C; c++) {
    const q = s.councilQueue[c];
    if (!q) continue;
    s.councilCapacity[c] = Math.min(s.councilCapacity[c] + perDay, perDay * 7);
    while (s.councilCapacity[c] >= 1 && q.length > 0) {
      s.councilCapacity[c] -= 1;
      const id = q.shift();
      const kind = cs[CASE.KIND][id];
      const r = cs[CASE.RESIDENT][id];
      const ref = cs[CASE.REF][id];
      const rounds = cs[CASE.ROUNDS][id];
      s.acc[MI.council_visits]++;
      s.event('visit', c, r, kind, Channel.HALL);
      // the village watches and learns what can be solved
      s.cellNorm[c] += k.observerLearning * (1 - s.cellNorm[c]);
      const ties = rng.u() < COUNCIL_TIES_CHANCE;
      switch (kind) {
        case Kind.DEFECT: {
          const open = s.defects.cols[DEF.OPEN][ref] === 1;
          const fixed = open && rng.u() < COUNCIL_DEFECT_FIX;
          if (fixed) fixDefect(s, ref);
          finish(s, id, !open || fixed, -1);
          break;
        }
        case Kind.INDIVIDUAL:
          finish(s, id, rng.u() < COUNCIL_HELP, -1);
          break;
        case Kind.WISH:
        case Kind.VENT:
        case Kind.CONSULT:
          s.learn(r, c, NORM_FROM_ELDERS);
          finish(s, id, kind === Kind.CONSULT, 0.5);
          break;
        case Kind.CONTESTED: {
          const g = ref;
          if (s.cellLockUntil[c * 2 + g] > s.day) {
            finish(s, id, false, 0.5);
            break;
          }
          if (rng.u() < visitSuccess(k.councilSkill, rounds, ties, false)) {
            const on = s.cellPrefCount[c * 4 + g * 2 + 1] >= s.cellPrefCount[c * 4 + g * 2];
            setGood(s, c, g, on);
            s.cellLockUntil[c * 2 + g] = s.day + Math.round(k.consensusYears * 365);
            const f = s.resFlags[r];
            const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
            finish(s, id, wantOn === on, 0.45);
          } else {
            cs[CASE.ROUNDS][id] = rounds + 1;
            q.push(id);
          }
          break;
        }
        case Kind.DISPUTE: {
          const dc = s.disputes.cols;
          if (!dc[DIS.OPEN][ref]) {
            finish(s, id, true, -1);
            break;
          }
          const dr = dc[DIS.ROUNDS][ref];
          if (rng.u() < visitSuccess(k.councilSkill, dr, ties, dc[DIS.BOUNDARY][ref] === 1)) {
            settleDispute(s, ref);
            finish(s, id, true, -1);
          } else {
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
