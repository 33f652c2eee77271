/**
 * Intake and routing at the hotline centre: consultations answered on the call; every other
 * call classified (imperfectly), refused when the policy refuses out-of-scope requests,
 * handed down to a village council (Pinggu's 下交群评) or dispatched to a functional
 * department or to the street of the caller's cell, with a deadline.
 */
import { Channel, handedDownKind, isComplex, Kind, TF } from './flags.ts';
import { MI } from './metrics.ts';
import { EFFORT, NORM_FROM_REFUSAL } from './constants.ts';
import { log } from './fmath.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import { type Clock, policyStart } from './clock.ts';
import type { TicketStore } from './tickets.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Categories } from './categories.ts';
import type { Councils, Hotline } from './councils.ts';
import type { Work } from './work.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Ratings } from './ratings.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';

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

export class Intake implements Hotline {
  /** Per cell: hotline tickets filed from the cell since the start. */
  readonly cellFiled: Int32Array;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly tickets: TicketStore;
  private readonly ledger: NeedsLedger;
  private readonly categories: Categories;
  private readonly councils: Councils;
  private readonly work: Work;
  private readonly norms: Norms;
  private readonly demand: Demand;
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

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    tickets: TicketStore,
    ledger: NeedsLedger,
    categories: Categories,
    councils: Councils,
    work: Work,
    norms: Norms,
    demand: Demand,
    ratings: Ratings,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.tickets = tickets;
    this.ledger = ledger;
    this.categories = categories;
    this.councils = councils;
    this.work = work;
    this.norms = norms;
    this.demand = demand;
    this.ratings = ratings;
    this.tally = tally;
    this.events = events;
    this.cellFiled = new Int32Array(world.C);
  }

  /** Read the knobs; `changeDay` is the day of a timeline change (null at build). */
  configure(k: Knobs, changeDay: number | null): void {
    const refuse = k.intakePolicy === 'refuse-out-of-scope' ? this.clock.dayOf(k.refuseStart) : Infinity;
    this.refuseStart = policyStart(this.refuseStart, refuse, changeDay);
    this.accuracy = k.classificationAccuracy;
    this.misclassification = k.misclassificationRate;
    this.deadlineGeneral = k.deadlineGeneralDays;
    this.deadlineComplex = k.deadlineComplexDays;
    this.effortScale = k.effortScale;
  }

  /**
   * A call to 12345 from resident r of cell c. `need` is the residents'-side record it carries;
   * `escalated` marks a matter the resident brings back from a council that kept them waiting (it
   * is not handed down again).
   */
  call(r: number, c: number, kind: number, ref: number, need: number, escalated: boolean): void {
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
      remember(this.world, this.demand, r, c, Channel.HOTLINE, 0);
      feel(this.world, r, 0);
      this.ledger.fail(need);
      this.ratings.report(-1, false, false);
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
    T.need[t] = need;
    const complex = isComplex(kind);
    T.deadline[t] = day + (complex ? this.deadlineComplex : this.deadlineGeneral);
    if (judged) T.flags[t] |= TF.JUDGED_UNREASONABLE;
    if (complex) T.flags[t] |= TF.COMPLEX;
    // effort varies from ticket to ticket: a long tail of hard ones (mean 1 x the kind's hours)
    const effort = EFFORT[kind] * this.effortScale * (0.3 - 0.7 * log(1 - rng.u()));

    if (!escalated && this.councils.takes(c) && handedDownKind(kind)) {
      this.councils.handDown(t, r, c);
      return;
    }
    this.work.dispatch(t, effort, rng);
  }
}
