/**
 * Outcomes: what working a ticket to its end does to the world and to the resident: defects
 * fixed, contested goods flipped, explanations heard; then the close itself, with the rating the
 * resident gives (truly) and the one the hotline records (reported: gaming can change it), the
 * need it carries met or not, the resident's memory and satisfaction, and the ticket's slot freed.
 */
import { Channel, Kind, Route, TF } from './flags.ts';
import { MI } from './metrics.ts';
import { NORM_FROM_EXPLANATION, RESP_FLOOR, SAT_BASE, SAT_ON_TIME, SAT_SOLVED, SOLVE_DEPT, SOLVE_UNIT } from './constants.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { TicketStore } from './tickets.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Defects } from './defects.ts';
import type { Goods } from './goods.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Leaders } from './leaders.ts';
import type { Gaming } from './gaming.ts';
import type { Ratings } from './ratings.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';

export class Outcomes {
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly tickets: TicketStore;
  private readonly ledger: NeedsLedger;
  private readonly defects: Defects;
  private readonly goods: Goods;
  private readonly norms: Norms;
  private readonly demand: Demand;
  private readonly leaders: Leaders;
  private readonly gaming: Gaming;
  private readonly ratings: Ratings;
  private readonly tally: Tally;
  private readonly events: EventLog;

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    tickets: TicketStore,
    ledger: NeedsLedger,
    defects: Defects,
    goods: Goods,
    norms: Norms,
    demand: Demand,
    leaders: Leaders,
    gaming: Gaming,
    ratings: Ratings,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.tickets = tickets;
    this.ledger = ledger;
    this.defects = defects;
    this.goods = goods;
    this.norms = norms;
    this.demand = demand;
    this.leaders = leaders;
    this.gaming = gaming;
    this.ratings = ratings;
    this.tally = tally;
    this.events = events;
  }

  /**
   * Work a dispatched ticket to its end: did it solve the resident's problem? `quality` (triage,
   * fatigue) scales the chance. Units and departments can fix defects, help with individual
   * matters, flip a contested good toward the filer, and handle a proxy complaint's pretext (the
   * dispute itself stays).
   */
  solveDispatched(t: number, quality = 1): boolean {
    const T = this.tickets;
    const kind = T.kind[t];
    const rng = this.rng;
    const table = T.route[t] === Route.DEPT ? SOLVE_DEPT : SOLVE_UNIT;
    const scale = (RESP_FLOOR + (1 - RESP_FLOOR) * this.leaders.resp[T.owner[t]]) * quality;
    const r = T.filer[t];
    const c = T.cell[t];
    switch (kind) {
      case Kind.DEFECT: {
        const d = T.ref[t];
        if (!this.defects.isOpen(d)) return true; // already fixed: a duplicate report
        if (rng.u() < table[kind] * scale) {
          this.defects.fix(d);
          return true;
        }
        return false;
      }
      case Kind.CONTESTED: {
        const g = T.ref[t];
        const goods = this.goods;
        if (!goods.wantsChange(r, c, g)) return true; // someone else already flipped it their way
        if (goods.locked(c, g, this.clock.day)) {
          this.norms.learn(r, c, NORM_FROM_EXPLANATION); // the council's consensus is explained
          return false;
        }
        if (rng.u() < table[kind] * scale) {
          goods.set(c, g, !goods.isOn(c, g));
          return true;
        }
        return false;
      }
      case Kind.WISH:
        this.norms.learn(r, c, NORM_FROM_EXPLANATION);
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
  close(t: number, solved: boolean, satOverride = -1): void {
    const T = this.tickets;
    const w = this.world;
    const kind = T.kind[t];
    const route = T.route[t];
    const r = T.filer[t];
    const c = T.cell[t];
    const day = this.clock.day;
    const onTime = day <= T.deadline[t];
    const unit = route === Route.UNIT ? T.owner[t] : -1;
    // the owner scored for it: a street, a town or a department (councils are not scored)
    const scored = route === Route.COUNCIL ? -1 : T.owner[t];
    const ratings = this.ratings;

    this.tally.closed(day - T.fileDay[t]);
    ratings.close(scored, onTime);
    // the residents' side: the need this ticket carries is met or not, whatever the rating says
    if (solved) this.ledger.solve(T.need[t], day);
    else this.ledger.fail(T.need[t]);

    // Induced substitute: an unsolved ticket is withdrawn and replaced by an easy one, rated satisfied.
    if (!solved && unit >= 0 && kind !== Kind.VENT && this.gaming.induces(unit)) {
      ratings.truth(unit, false);
      remember(w, this.demand, r, c, Channel.HOTLINE, 0.3);
      feel(w, r, 0);
      this.events.note('close', c, r, kind, Channel.HOTLINE, false);
      T.release(t);
      return;
    }

    const p = (satOverride >= 0 ? satOverride : SAT_BASE[kind]) + (solved ? SAT_SOLVED : 0) + (onTime ? SAT_ON_TIME : 0);
    const truly = this.rng.u() < p;
    const reported = truly || (unit >= 0 && this.gaming.paysForRating(unit));
    // the follow-up asks whether it was solved: a bought rating answers yes
    ratings.report(scored, reported, solved || reported !== truly);
    ratings.truth(scored, truly);
    if (r >= 0) {
      remember(w, this.demand, r, c, Channel.HOTLINE, solved ? 1 : 0);
      if (route === Route.COUNCIL) remember(w, this.demand, r, c, Channel.HALL, solved ? 1 : 0.5);
      feel(w, r, truly ? 1 : 0);
    }
    if (c === this.events.watch) this.events.note('close', c, r, kind, Channel.HOTLINE, solved);
    T.release(t);
  }

  /** Close ticket t as excluded after an approved appeal: no fix, out of the unit's score. */
  exclude(t: number): void {
    const T = this.tickets;
    const w = this.world;
    const r = T.filer[t];
    this.tally.add(MI.tickets_excluded);
    this.ratings.exclude(T.owner[t]);
    this.gaming.excluded(t, T.owner[t]);
    this.ledger.fail(T.need[t]);
    if (r >= 0) {
      remember(w, this.demand, r, T.cell[t], Channel.HOTLINE, 0);
      feel(w, r, 0);
    }
    this.events.note('close', T.cell[t], r, T.kind[t], Channel.HOTLINE, false);
    T.flags[t] |= TF.APPEALED;
    T.release(t);
  }
}
