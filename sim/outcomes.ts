/**
 * Outcomes: what closing a ticket (or a case on another channel) does to the world and to
 * the resident: defects fixed, contested goods flipped, disputes settled, memories updated,
 * and the rating (true, and reported when gamed).
 */
import { Channel, DEF, Kind, Route, TF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { feel, remember } from './satisfaction.ts';
import { SAT_BASE, SAT_SOLVED, SAT_ON_TIME, NORM_FROM_EXPLANATION, SOLVE_UNIT, SOLVE_DEPT, RESP_FLOOR } from './constants.ts';

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
      if (!s.defects.table.cols[DEF.OPEN][d]) return true; // already fixed: a duplicate report
      if (rng.u() < table[kind] * scale) {
        s.defects.fix(d);
        return true;
      }
      return false;
    }
    case Kind.CONTESTED: {
      const g = T.ref[t];
      if (!s.goods.wantsChange(r, c, g)) return true; // someone else already flipped it their way
      if (s.goods.lockUntil[c * 2 + g] > s.clock.day) {
        s.norms.learn(r, c, NORM_FROM_EXPLANATION); // the council's consensus is explained
        return false;
      }
      if (rng.u() < table[kind] * scale) {
        s.goods.set(c, g, (s.goods.contested[c] & (1 << g)) === 0);
        return true;
      }
      return false;
    }
    case Kind.WISH:
      s.norms.learn(r, c, NORM_FROM_EXPLANATION);
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
    remember(s.world, s.demand, r, Channel.HOTLINE, 0.3);
    feel(s.world, r, 0);
    s.events.note('close', c, r, kind, Channel.HOTLINE, false);
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
    remember(s.world, s.demand, r, Channel.HOTLINE, solved ? 1 : 0);
    if (route === Route.COUNCIL) remember(s.world, s.demand, r, Channel.HALL, solved ? 1 : 0.5);
    feel(s.world, r, truly ? 1 : 0);
  }
  if (c === s.events.watch) s.events.note('close', c, r, kind, Channel.HOTLINE, solved);
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
    remember(s.world, s.demand, r, Channel.HOTLINE, 0);
    feel(s.world, r, 0);
  }
  s.events.note('close', T.cell[t], r, T.kind[t], Channel.HOTLINE, false);
  T.flags[t] |= TF.APPEALED;
  T.release(t);
}
