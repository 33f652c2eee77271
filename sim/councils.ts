/**
 * Village councils under hand-down (下交群评): retired cadres and veteran party members take
 * handed-down tickets and matters brought to the deliberation hall, and visit the residents.
 * Each visit (a round) succeeds with a probability that grows with rounds, with ties to the
 * parties and, for boundary disputes, with evidence (the tape measure from the third visit).
 * Without consensus the case returns for another round. Consensus on a contested good holds
 * for years. Villagers who watch learn which requests are unreasonable.
 */
import { CASE, Channel, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import {
  COUNCIL_DEFECT_FIX,
  COUNCIL_EVIDENCE_GAIN,
  COUNCIL_EVIDENCE_ROUND,
  COUNCIL_HELP,
  COUNCIL_ROUND_GAIN,
  COUNCIL_TIES_CHANCE,
  COUNCIL_TIES_GAIN,
  NORM_FROM_ELDERS,
} from './constants.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import { IntQueue } from './queue.ts';
import { Table } from './tickets.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Goods } from './goods.ts';
import type { Norms } from './norms.ts';
import type { Outcomes } from './outcomes.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';

/** Chance one deliberation round succeeds. */
export function visitSuccess(skill: number, rounds: number, ties: boolean, boundary: boolean): number {
  let p = skill + COUNCIL_ROUND_GAIN * rounds + (ties ? COUNCIL_TIES_GAIN : 0);
  if (boundary) p += rounds >= COUNCIL_EVIDENCE_ROUND ? COUNCIL_EVIDENCE_GAIN : -0.2;
  return Math.min(0.98, Math.max(0.02, p));
}

export class Councils {
  /** Per cell: 1 where the village has a council (drawn at build; active from the hand-down day). */
  readonly present: Uint8Array;
  /** Per cell: the council's queue of cases (null without a council). */
  readonly queue: (IntQueue | null)[];
  /** Per cell: visits the council can still make (accumulates up to a week's worth). */
  readonly capacity: Float64Array;
  /** One row per case ever: CASE columns (a handed-down ticket, or a matter brought to the hall). */
  readonly cases = new Table(6, 0);
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly defects: Defects;
  private readonly disputes: Disputes;
  private readonly goods: Goods;
  private readonly norms: Norms;
  private readonly outcomes: Outcomes;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  /** First day of hand-down, and of the deliberation halls (Infinity: never). */
  start = Infinity;
  hallStart = Infinity;
  private visitsPerDay = 0;
  private skill = 0;
  private observerLearning = 0;
  private consensusDays = 0;

  /**
   * Which villages have a council: drawn from the 'councils' stream whether or not hand-down is on
   * (so that a later change can switch it on); the stream is drawn from again only once councils
   * work, so a run without hand-down gives the same numbers as if nothing were drawn.
   */
  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    k: Knobs,
    defects: Defects,
    disputes: Disputes,
    goods: Goods,
    norms: Norms,
    outcomes: Outcomes,
    tally: Tally,
    events: EventLog,
  ) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.defects = defects;
    this.disputes = disputes;
    this.goods = goods;
    this.norms = norms;
    this.outcomes = outcomes;
    this.tally = tally;
    this.events = events;
    const C = world.C;
    this.present = new Uint8Array(C);
    this.queue = new Array(C).fill(null);
    this.capacity = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      if (world.cellVillage[c] && rng.u() < k.councilCoverage) {
        this.present[c] = 1;
        this.queue[c] = new IntQueue(8);
      }
    }
  }

  configure(k: Knobs): void {
    const clock = this.clock;
    this.start = k.handDown ? clock.dayOf(k.handDownStart) : Infinity;
    this.hallStart = k.handDown && k.hall ? Math.max(clock.dayOf(k.hallStart), clock.dayOf(k.handDownStart)) : Infinity;
    this.visitsPerDay = (k.councilSize * k.councilVisitsPerWeek) / 7;
    this.skill = k.councilSkill;
    this.observerLearning = k.observerLearning;
    this.consensusDays = Math.round(k.consensusYears * 365);
  }

  /** Does cell c have a council taking handed-down tickets today? */
  takesHandDown(c: number): boolean {
    return this.present[c] === 1 && this.clock.day >= this.start;
  }

  /** Is the village hall of cell c open today (council formed and hall started)? */
  hallOpen(c: number): boolean {
    return this.present[c] === 1 && this.clock.day >= this.hallStart;
  }

  /** Hand ticket t (of resident r of cell c, about ref) down to the cell's council. */
  handDown(r: number, c: number, kind: number, ref: number, t: number): void {
    this.openCase(r, c, kind, ref, t);
  }

  /** A resident brings a matter to the village hall (no 12345 ticket). */
  openHallCase(r: number, c: number, kind: number, ref: number): void {
    this.tally.add(MI.hall_cases);
    this.openCase(r, c, kind, ref, -1);
    this.events.note('hall', c, r, kind, Channel.HALL);
  }

  private openCase(r: number, c: number, kind: number, ref: number, t: number): void {
    const cs = this.cases;
    const id = cs.add();
    cs.cols[CASE.KIND][id] = kind;
    cs.cols[CASE.RESIDENT][id] = r;
    cs.cols[CASE.REF][id] = ref;
    cs.cols[CASE.TICKET][id] = t;
    cs.cols[CASE.ROUNDS][id] = 0;
    cs.cols[CASE.CELL][id] = c;
    this.queue[c]!.push(id);
  }

  private finish(id: number, solved: boolean, sat: number): void {
    const cs = this.cases.cols;
    const t = cs[CASE.TICKET][id];
    if (t >= 0) {
      this.outcomes.close(t, solved, sat);
      return;
    }
    const r = cs[CASE.RESIDENT][id];
    remember(this.world, r, Channel.HALL, solved ? 1 : 0.4);
    feel(this.world, r, solved ? 1 : sat);
  }

  /** Phase: every active council spends its visits on its queue. */
  step(): void {
    const day = this.clock.day;
    if (day < this.start) return;
    const rng = this.rng;
    const perDay = this.visitsPerDay;
    const { defects, disputes, goods, norms } = this;
    const cs = this.cases.cols;
    for (let c = 0; c < this.world.C; c++) {
      const q = this.queue[c];
      if (!q) continue;
      this.capacity[c] = Math.min(this.capacity[c] + perDay, perDay * 7);
      while (this.capacity[c] >= 1 && q.length > 0) {
        this.capacity[c] -= 1;
        const id = q.shift();
        const kind = cs[CASE.KIND][id];
        const r = cs[CASE.RESIDENT][id];
        const ref = cs[CASE.REF][id];
        const rounds = cs[CASE.ROUNDS][id];
        this.tally.add(MI.council_visits);
        this.events.note('visit', c, r, kind, Channel.HALL);
        // the village watches and learns what can be solved
        norms.observe(c, this.observerLearning);
        const ties = rng.u() < COUNCIL_TIES_CHANCE;
        switch (kind) {
          case Kind.DEFECT: {
            const open = defects.isOpen(ref);
            const fixed = open && rng.u() < COUNCIL_DEFECT_FIX;
            if (fixed) defects.fix(ref);
            this.finish(id, !open || fixed, -1);
            break;
          }
          case Kind.INDIVIDUAL:
            this.finish(id, rng.u() < COUNCIL_HELP, -1);
            break;
          case Kind.WISH:
          case Kind.VENT:
          case Kind.CONSULT:
            norms.learn(r, c, NORM_FROM_ELDERS);
            this.finish(id, kind === Kind.CONSULT, 0.5);
            break;
          case Kind.CONTESTED: {
            const g = ref;
            if (goods.locked(c, g, day)) {
              this.finish(id, false, 0.5);
              break;
            }
            if (rng.u() < visitSuccess(this.skill, rounds, ties, false)) {
              const on = goods.majorityOn(c, g);
              goods.set(c, g, on);
              goods.lock(c, g, day + this.consensusDays);
              this.finish(id, goods.wantsOn(r, g) === on, 0.45);
            } else {
              cs[CASE.ROUNDS][id] = rounds + 1;
              q.push(id);
            }
            break;
          }
          case Kind.DISPUTE: {
            if (!disputes.isOpen(ref)) {
              this.finish(id, true, -1);
              break;
            }
            if (rng.u() < visitSuccess(this.skill, disputes.rounds(ref), ties, disputes.isBoundary(ref))) {
              disputes.settle(ref);
              this.finish(id, true, -1);
            } else {
              disputes.addRound(ref);
              cs[CASE.ROUNDS][id] = rounds + 1;
              q.push(id);
            }
            break;
          }
          default:
            this.finish(id, false, -1);
        }
      }
    }
  }

  /** Bytes held by the case table. */
  bytes(): number {
    return this.cases.bytes();
  }
}
