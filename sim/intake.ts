/**
 * Intake and routing at the hotline centre: consultations answered on the call; every other
 * call classified (imperfectly), refused when the policy refuses out-of-scope requests,
 * handed down to a village council (Pinggu's 下交群评) or dispatched to a functional
 * department or to the street of the caller's cell, with a deadline.
 */
import { Channel, Kind, Route, TF } from './flags.ts';
import { MI } from './metrics.ts';
import { DEPT_EFFORT_FACTOR, EFFORT, NORM_FROM_REFUSAL, RESP_EFFORT_BASE, RESP_EFFORT_SLOPE } from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { TicketStore } from './tickets.ts';
import type { Categories } from './categories.ts';
import type { Councils } from './councils.ts';
import type { Work } from './work.ts';
import type { Norms } from './norms.ts';
import type { Leaders } from './leaders.ts';
import type { Ratings } from './ratings.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';
import { log } from './fmath.ts';

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

export class Intake {
  /** Hotline tickets filed from each cell since the start (the district view). */
  readonly cellFiled: Int32Array;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly tickets: TicketStore;
  private readonly categories: Categories;
  private readonly councils: Councils;
  private readonly work: Work;
  private readonly norms: Norms;
  private readonly leaders: Leaders;
  private readonly ratings: Ratings;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  private refuseStart = Infinity;
  private accuracy = 0;
  private misclassification = 0;
  private deadlineGeneral = 0;
  private deadlineComplex = 0;
  private effortScale = 1;
  private deptShare = 0;
  private routingError = 0;

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    tickets: TicketStore,
    categories: Categories,
    councils: Councils,
    work: Work,
    norms: Norms,
    leaders: Leaders,
    ratings: Ratings,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.tickets = tickets;
    this.categories = categories;
    this.councils = councils;
    this.work = work;
    this.norms = norms;
    this.leaders = leaders;
    this.ratings = ratings;
    this.tally = tally;
    this.events = events;
    this.cellFiled = new Int32Array(world.C);
  }

  configure(k: Knobs): void {
    this.refuseStart = k.intakePolicy === 'refuse-out-of-scope' ? this.clock.dayOf(k.refuseStart) : Infinity;
    this.accuracy = k.classificationAccuracy;
    this.misclassification = k.misclassificationRate;
    this.deadlineGeneral = k.deadlineGeneralDays;
    this.deadlineComplex = k.deadlineComplexDays;
    this.effortScale = k.effortScale;
    this.deptShare = k.deptShare;
    this.routingError = k.routingErrorRate;
  }

  /** Resident r of cell c calls 12345 about a need of this kind (ref: the defect, good or dispute). */
  file(r: number, c: number, kind: number, ref: number): void {
    const tally = this.tally;
    const rng = this.rng;
    const day = this.clock.day;
    tally.add(MI.tickets_filed);
    tally.add(FILED_METRIC[kind]);
    this.categories.categorise(kind); // subject category for the published mix (sim/categories.ts)
    this.cellFiled[c]++;
    if (c === this.events.watch) this.events.note('file', c, r, kind, Channel.HOTLINE);

    if (kind === Kind.CONSULT) {
      tally.add(MI.tickets_closed); // answered on the call, in 0 days (memory is of problems solved, not questions answered)
      return;
    }
    const unreasonable = kind === Kind.WISH || kind === Kind.VENT;
    if (unreasonable) tally.add(MI.unreasonable_filed);
    const judged = rng.u() < (unreasonable ? this.accuracy : this.misclassification);
    if (judged) tally.add(MI.tickets_flagged_unreasonable);

    if (judged && day >= this.refuseStart) {
      // Baotou's reply: beyond the hotline's scope, cannot be accepted, sorry.
      tally.add(MI.tickets_refused);
      if (unreasonable) this.norms.learn(r, c, NORM_FROM_REFUSAL);
      remember(this.world, r, Channel.HOTLINE, 0);
      feel(this.world, r, 0);
      this.ratings.report(-1, false);
      this.ratings.truth(-1, false);
      this.events.note('refuse', c, r, kind, Channel.HOTLINE);
      return;
    }

    tally.add(MI.requests_per_10k);
    const T = this.tickets;
    const t = T.alloc();
    T.kind[t] = kind;
    T.filer[t] = r;
    T.cell[t] = c;
    T.ref[t] = ref;
    T.fileDay[t] = day;
    const complex = isComplex(kind);
    T.deadline[t] = day + (complex ? this.deadlineComplex : this.deadlineGeneral);
    if (judged) T.flags[t] |= TF.JUDGED_UNREASONABLE;
    if (complex) T.flags[t] |= TF.COMPLEX;
    // effort varies from ticket to ticket: a long tail of hard ones (mean 1 x the kind's hours)
    let effort = EFFORT[kind] * this.effortScale * (0.3 - 0.7 * log(1 - rng.u()));

    if (this.councils.takesHandDown(c) && handedDownKind(kind)) {
      T.route[t] = Route.COUNCIL;
      T.owner[t] = c;
      T.remaining[t] = 0;
      tally.add(MI.tickets_handed_down);
      this.councils.handDown(r, c, kind, ref, t);
      return;
    }
    const w = this.world;
    let owner: number;
    if ((kind === Kind.DEFECT || kind === Kind.INDIVIDUAL) && w.D > 0 && rng.u() < this.deptShare) {
      T.route[t] = Route.DEPT;
      owner = w.U + rng.int(w.D);
      effort *= DEPT_EFFORT_FACTOR;
      tally.add(MI.tickets_to_departments);
    } else {
      T.route[t] = Route.UNIT;
      owner = w.cellUnit[c];
      this.ratings.dispatch(owner);
      if (rng.u() < this.routingError) {
        // sent to the wrong unit first and returned: acceptance falls, an hour is lost
        T.flags[t] |= TF.RETURNED;
        this.ratings.returnedToSender(owner);
        effort += 1;
      }
    }
    T.owner[t] = owner;
    T.remaining[t] = effort * (RESP_EFFORT_BASE + RESP_EFFORT_SLOPE * this.leaders.resp[owner]);
    this.work.enqueue(owner, t, complex);
  }
}
