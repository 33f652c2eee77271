/**
 * Outcomes: what closing a ticket (or a case on another channel) does to the world and to
 * the resident: defects fixed, contested goods flipped, disputes settled, memories updated,
 * and the rating (true, and reported when gamed).
 */
import { Channel, DEF, DIS, Kind, RF, Route, TF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { hearOutcome } from './demand.ts';
import { MEMORY_RATE, SAT_BASE, SAT_SOLVED, SAT_ON_TIME, NORM_FROM_EXPLANATION, SOLVE_UNIT, SOLVE_DEPT, RESP_FLOOR } from './constants.ts';

/** Memory slot per channel: wechat 0, hall 1, hotline 2. */
export function memSlot(channel: number): number {
  return channel === Channel.WECHAT ? 0 : channel === Channel.HALL ? 1 : 2;
}

export function remember(s: State, r: number, channel: number, success: number): void {
  if (channel === Channel.HOTLINE) hearOutcome(s, s.world.cellOf(r), success);
  const i = r * 3 + memSlot(channel);
  const m = s.world.resMem[i];
  s.world.resMem[i] = Math.round(m + (success * 255 - m) * MEMORY_RATE);
}

export function feel(s: State, r: number, sat: number): void {
  const v = s.world.resSat[r];
  s.world.resSat[r] = Math.round(v + (sat * 255 - v) * MEMORY_RATE);
}

export function fixDefect(s: State, d: number): void {
  const cols = s.defects.cols;
  if (!cols[DEF.OPEN][d]) return;
  cols[DEF.OPEN][d] = 0;
  const c = cols[DEF.CELL][d];
  s.cellDefectsOpen[c]--;
  s.openDefects.remove(d);
  s.tally.add(MI.defects_fixed);
  s.needs.solve(cols[DEF.NEED][d], s.clock.day);
  s.event('fix', c, -1, Kind.DEFECT);
}

export function settleDispute(s: State, d: number): void {
  const cols = s.disputes.cols;
  if (!cols[DIS.OPEN][d]) return;
  cols[DIS.OPEN][d] = 0;
  const c = cols[DIS.CELL][d];
  s.cellDisputesOpen[c]--;
  s.openDisputes.remove(d);
  s.tally.add(MI.disputes_settled);
  s.needs.solve(cols[DIS.NEED][d], s.clock.day);
  s.event('settle', c, cols[DIS.FILER][d], Kind.DISPUTE);
}

/** Does resident r want contested good g of their cell in the other state than it is now? */
export function wantsChange(s: State, r: number, c: number, g: number): boolean {
  const f = s.world.resFlags[r];
  const cares = g === 0 ? f & RF.CARES_LIGHTS : f & RF.CARES_BUMP;
  if (!cares) return false;
  const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
  const on = (s.cellContested[c] & (1 << g)) !== 0;
  return wantOn !== on;
}

export function setGood(s: State, c: number, g: number, on: boolean): void {
  const cur = (s.cellContested[c] & (1 << g)) !== 0;
  if (cur === on) return;
  s.cellContested[c] = on ? s.cellContested[c] | (1 << g) : s.cellContested[c] & ~(1 << g);
  s.tally.add(MI.contested_flips);
  s.event('flip', c, -1, Kind.CONTESTED, -1, true, g, on ? 1 : 0);
}

/**
 * Work a dispatched ticket to its end: did it solve the resident's problem?
 * Units and departments can fix defects, help with individual matters, flip a contested
 * good toward the filer, and handle a proxy complaint's pretext (the dispute itself stays).
 */
export function solveDispatched(s: State, t: number, quality = 1): boolean {
  const T = s.tickets;
  const kind = T.kind[t];
  const rng = s.rng.outcomes;
  const table = T.route[t] === Route.DEPT ? SOLVE_DEPT : SOLVE_UNIT;
  const scale = (RESP_FLOOR + (1 - RESP_FLOOR) * s.leaders.resp[T.owner[t]]) * quality;
  const r = T.filer[t];
  const c = T.cell[t];
  switch (kind) {
    case Kind.DEFECT: {
      const d = T.ref[t];
      if (!s.defects.cols[DEF.OPEN][d]) return true; // already fixed: a duplicate report
      if (rng.u() < table[kind] * scale) {
        fixDefect(s, d);
        return true;
      }
      return false;
    }
    case Kind.CONTESTED: {
      const g = T.ref[t];
      if (!wantsChange(s, r, c, g)) return true; // someone else already flipped it their way
      if (s.cellLockUntil[c * 2 + g] > s.clock.day) {
        s.learn(r, c, NORM_FROM_EXPLANATION); // the council's consensus is explained
        return false;
      }
      if (rng.u() < table[kind] * scale) {
        setGood(s, c, g, (s.cellContested[c] & (1 << g)) === 0);
        return true;
      }
      return false;
    }
    case Kind.WISH:
      s.learn(r, c, NORM_FROM_EXPLANATION);
      return false;
    case Kind.VENT:
      return false;
    default:
      return rng.u() < table[kind] * scale;
  }
}

/**
 * Close ticket t with its outcome and rating, and free it.
 * `satOverride` >= 0 replaces the kind's base rating probability (councils' explanations).
 */
export function closeTicket(s: State, t: number, solved: boolean, satOverride = -1): void {
  const T = s.tickets;
  const kind = T.kind[t];
  const route = T.route[t];
  const r = T.filer[t];
  const c = T.cell[t];
  const day = s.clock.day;
  const onTime = day <= T.deadline[t];
  const rng = s.rng.outcomes;
  const unit = route === Route.UNIT ? T.owner[t] : -1;
  // the owner scored for it: a street, a town or a department (councils are not scored)
  const scored = route === Route.COUNCIL ? -1 : T.owner[t];

  const ratings = s.ratings;
  s.tally.closed(day - T.fileDay[t]);
  ratings.close(scored, onTime);
  // the residents' side: the need this ticket carries is met or not, whatever the rating says
  if (solved) s.needs.solve(T.need[t], day);
  else s.needs.fail(T.need[t]);

  // Induced substitute: an unsolved ticket is withdrawn and replaced by an easy one, rated satisfied.
  if (!solved && unit >= 0 && kind !== Kind.VENT && s.gaming.induces(unit)) {
    ratings.truth(unit, false);
    remember(s, r, Channel.HOTLINE, 0.3);
    feel(s, r, 0);
    s.event('close', c, r, kind, Channel.HOTLINE, false);
    T.release(t);
    return;
  }

  const p = (satOverride >= 0 ? satOverride : SAT_BASE[kind]) + (solved ? SAT_SOLVED : 0) + (onTime ? SAT_ON_TIME : 0);
  const truly = rng.u() < p;
  const reported = truly || (unit >= 0 && s.gaming.paysForRating(unit));
  // the follow-up asks whether it was solved: a bought rating answers yes
  ratings.report(scored, reported, solved || reported !== truly);
  ratings.truth(scored, truly);
  if (r >= 0) {
    remember(s, r, Channel.HOTLINE, solved ? 1 : 0);
    if (route === Route.COUNCIL) remember(s, r, Channel.HALL, solved ? 1 : 0.5);
    feel(s, r, truly ? 1 : 0);
  }
  if (c === s.watch) s.event('close', c, r, kind, Channel.HOTLINE, solved);
  T.release(t);
}

/** Close ticket t as excluded after an approved appeal: no fix, out of the unit's score. */
export function excludeTicket(s: State, t: number): void {
  const T = s.tickets;
  const r = T.filer[t];
  const unit = T.owner[t];
  s.tally.add(MI.tickets_excluded);
  s.ratings.exclude(unit);
  s.needs.fail(T.need[t]);
  if (r >= 0) {
    remember(s, r, Channel.HOTLINE, 0);
    feel(s, r, 0);
  }
  s.event('close', T.cell[t], r, T.kind[t], Channel.HOTLINE, false);
  T.flags[t] |= TF.APPEALED;
  T.release(t);
}
