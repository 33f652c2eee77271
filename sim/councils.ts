/**
 * Village councils under hand-down (下交群评): retired cadres and veteran party members take
 * handed-down tickets and matters brought to the deliberation hall, and visit the residents.
 * Each visit (a round) succeeds with a probability that grows with rounds, with ties to the
 * parties and, for boundary disputes, with evidence (the tape measure from the third visit).
 * Without consensus the case returns for another round. Consensus on a contested good holds
 * for years. Villagers who watch learn which requests are unreasonable. A handed-down ticket past
 * the council's deadline goes back to the street; a resident who waited on the hall too long
 * calls 12345.
 */
import { CASE, Channel, DIS, DIS_F, isComplex, Kind, RES_STRIDE, Res, RF, Route } from './flags.ts';
import { MI } from './metrics.ts';
import { COUNCIL_DEFECT_FIX, COUNCIL_HELP, EFFORT, NORM_FROM_ELDERS } from './constants.ts';
import { log, pow } from './fmath.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import { type Clock, policyStart } from './clock.ts';
import { IntQueue } from './queue.ts';
import { Table, type TicketStore } from './tickets.ts';
import type { NeedsLedger } from './needs-ledger.ts';
import type { Defects } from './defects.ts';
import type { Disputes } from './disputes.ts';
import type { Goods } from './goods.ts';
import type { Norms } from './norms.ts';
import type { Demand } from './demand.ts';
import type { Outcomes } from './outcomes.ts';
import type { Work } from './work.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import { feel, remember } from './satisfaction.ts';

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

/** Where a resident who gave up waiting on the hall takes the matter: 12345 (sim/intake.ts). */
export interface Hotline {
  call(r: number, c: number, kind: number, ref: number, need: number, escalated: boolean): void;
}

export class Councils {
  /** Per cell: a council formed (drawn the first time hand-down is on). */
  readonly present: Uint8Array;
  /** Per cell: its queue of cases (null without a council), visits banked, visits per day. */
  private readonly queue: (IntQueue | null)[];
  private readonly capacity: Float64Array;
  private readonly visitsPerDay: Float64Array;
  /** Households of council members, sorted, per cell: [memberStart[c], memberStart[c+1]). */
  private members = new Int32Array(0);
  private readonly memberStart: Int32Array;
  private drawn = false;
  /** Every case (columns CASE in sim/flags.ts). */
  private readonly cases = new Table(8, 0);
  private hotline: Hotline | null = null;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly tickets: TicketStore;
  private readonly ledger: NeedsLedger;
  private readonly defects: Defects;
  private readonly disputes: Disputes;
  private readonly goods: Goods;
  private readonly norms: Norms;
  private readonly demand: Demand;
  private readonly outcomes: Outcomes;
  private readonly work: Work;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  /** The day hand-down starts, and the day the deliberation halls open (Infinity: off). */
  start = Infinity;
  private hallStart = Infinity;
  private visitsPerWeek = 0;
  private tieRadius = 0;
  private deadlineDays = 0;
  private patienceDays = 0;
  private deadlineGeneral = 0;
  private deadlineComplex = 0;
  private effortScale = 1;
  private skill = 0;
  private tieGain = 0;
  private persuasion = 0;
  private consensusDays = 0;
  private evidenceAfter = 0;
  private evidenceStrength = 0;

  constructor(
    world: World,
    clock: Clock,
    rng: Stream,
    tickets: TicketStore,
    ledger: NeedsLedger,
    defects: Defects,
    disputes: Disputes,
    goods: Goods,
    norms: Norms,
    demand: Demand,
    outcomes: Outcomes,
    work: Work,
    tally: Tally,
    events: EventLog,
  ) {
    const C = world.C;
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.tickets = tickets;
    this.ledger = ledger;
    this.defects = defects;
    this.disputes = disputes;
    this.goods = goods;
    this.norms = norms;
    this.demand = demand;
    this.outcomes = outcomes;
    this.work = work;
    this.tally = tally;
    this.events = events;
    this.present = new Uint8Array(C);
    this.queue = new Array(C).fill(null);
    this.capacity = new Float64Array(C);
    this.visitsPerDay = new Float64Array(C);
    this.memberStart = new Int32Array(C + 1);
  }

  /** Where residents who give up on the hall call (set once the hotline's intake is built). */
  escalateTo(hotline: Hotline): void {
    this.hotline = hotline;
  }

  /**
   * Read the knobs; `changeDay` is the day of a timeline change (null at build). The councils
   * are drawn the first time hand-down is on (at build, or on the day a timeline switches it on).
   */
  configure(k: Knobs, changeDay: number | null): void {
    const handDown = k.handDown ? this.clock.dayOf(k.handDownStart) : Infinity;
    const hall = k.handDown && k.hall ? Math.max(this.clock.dayOf(k.hallStart), this.clock.dayOf(k.handDownStart)) : Infinity;
    this.start = policyStart(this.start, handDown, changeDay);
    this.hallStart = policyStart(this.hallStart, hall, changeDay);
    this.visitsPerWeek = k.councilVisitsPerWeek;
    this.tieRadius = k.councilTieRadius;
    this.deadlineDays = k.councilDeadlineDays;
    this.patienceDays = k.hallPatienceDays;
    this.deadlineGeneral = k.deadlineGeneralDays;
    this.deadlineComplex = k.deadlineComplexDays;
    this.effortScale = k.effortScale;
    this.skill = k.councilSkill;
    this.tieGain = k.councilTieGain;
    this.persuasion = k.councilPersuasion;
    this.consensusDays = Math.round(k.consensusYears * 365);
    this.evidenceAfter = k.evidenceAfterVisits;
    this.evidenceStrength = k.evidenceStrength;
    if (k.handDown) this.draw(k);
    this.configureVisits();
  }

  /**
   * Villages form councils (own stream): a village has one with probability councilCoverage, of
   * max(councilSize, residents x councilMembersPer1000 / 1000) members, households of the village.
   */
  private draw(k: Knobs): void {
    if (this.drawn) return;
    this.drawn = true;
    const w = this.world;
    const C = w.C;
    const cr = this.rng;
    const memberCount = new Int32Array(C);
    for (let c = 0; c < C; c++) {
      if (w.cellVillage[c] && cr.u() < k.councilCoverage) {
        this.present[c] = 1;
        this.queue[c] = new IntQueue(8);
        memberCount[c] = Math.max(k.councilSize, Math.round((w.population(c) * k.councilMembersPer1000) / 1000));
      }
    }
    // council members are residents of their village: their households
    for (let c = 0; c < C; c++) this.memberStart[c + 1] = this.memberStart[c] + memberCount[c];
    this.members = new Int32Array(this.memberStart[C]);
    for (let c = 0; c < C; c++) {
      const a = this.memberStart[c];
      const b = this.memberStart[c + 1];
      if (a === b) continue;
      const h0 = w.cellHouseholdStart[c];
      const nh = w.cellHouseholdStart[c + 1] - h0;
      for (let i = a; i < b; i++) this.members[i] = h0 + cr.int(nh);
      this.members.subarray(a, b).sort();
    }
  }

  /** Visits per day a cell's council can make: members (by the village's size) x visits per week / 7. */
  private configureVisits(): void {
    for (let c = 0; c < this.world.C; c++) {
      const members = this.memberStart[c + 1] - this.memberStart[c];
      this.visitsPerDay[c] = (members * this.visitsPerWeek) / 7;
    }
  }

  /** Is the village hall of cell c open today (council formed and hall started)? */
  hallOpen(c: number): boolean {
    return this.present[c] === 1 && this.clock.day >= this.hallStart;
  }

  /** Does cell c's council take handed-down tickets today? */
  takes(c: number): boolean {
    return this.present[c] === 1 && this.clock.day >= this.start;
  }

  /** Does a member of cell c's council live within councilTieRadius households of household h? */
  knowsHousehold(c: number, h: number): boolean {
    const m = this.members;
    let lo = this.memberStart[c];
    let hi = this.memberStart[c + 1];
    const r = this.tieRadius;
    // the first member at or after h - r
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m[mid] < h - r) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.memberStart[c + 1] && m[lo] <= h + r;
  }

  private openCase(c: number, kind: number, r: number, ref: number, t: number, need: number): void {
    const cs = this.cases;
    const id = cs.add();
    cs.cols[CASE.KIND][id] = kind;
    cs.cols[CASE.RESIDENT][id] = r;
    cs.cols[CASE.REF][id] = ref;
    cs.cols[CASE.TICKET][id] = t;
    cs.cols[CASE.ROUNDS][id] = 0;
    cs.cols[CASE.CELL][id] = c;
    cs.cols[CASE.NEED][id] = need;
    cs.cols[CASE.DAY][id] = this.clock.day;
    this.queue[c]!.push(id);
  }

  /** The hotline hands ticket t (resident r's matter) down to cell c's council, with the council's deadline. */
  handDown(t: number, r: number, c: number): void {
    const T = this.tickets;
    T.route[t] = Route.COUNCIL;
    T.owner[t] = c;
    T.remaining[t] = 0;
    T.deadline[t] = this.clock.day + this.deadlineDays; // escalates back to the street when overdue
    this.tally.add(MI.tickets_handed_down);
    this.openCase(c, T.kind[t], r, T.ref[t], t, -1); // the ticket carries the need
  }

  /** A resident brings a matter to the village hall (no 12345 ticket). */
  openHallCase(r: number, c: number, kind: number, ref: number, need: number): void {
    this.tally.add(MI.hall_cases);
    this.openCase(c, kind, r, ref, -1, need);
    this.events.note('hall', c, r, kind, Channel.HALL);
  }

  private finish(id: number, solved: boolean, sat: number): void {
    const cs = this.cases.cols;
    const t = cs[CASE.TICKET][id];
    if (t >= 0) {
      this.outcomes.close(t, solved, sat);
      return;
    }
    const r = cs[CASE.RESIDENT][id];
    if (solved) this.ledger.solve(cs[CASE.NEED][id], this.clock.day);
    else this.ledger.fail(cs[CASE.NEED][id]);
    remember(this.world, this.demand, r, cs[CASE.CELL][id], Channel.HALL, solved ? 1 : 0.4);
    feel(this.world, r, solved ? 1 : sat);
  }

  /**
   * Capacity that cannot keep up does not strand people: a handed-down ticket past the council's
   * deadline goes back to the street or town (or a department) with a fresh deadline, and a resident
   * who has waited on the hall longer than their patience calls 12345 instead.
   */
  private escalateOverdue(c: number, q: IntQueue): void {
    const T = this.tickets;
    const cs = this.cases.cols;
    const day = this.clock.day;
    const n = q.length;
    for (let i = 0; i < n; i++) {
      const id = q.shift();
      const t = cs[CASE.TICKET][id];
      if (t >= 0 && T.deadline[t] < day) {
        const kind = T.kind[t];
        T.route[t] = Route.UNIT;
        T.deadline[t] = day + (isComplex(kind) ? this.deadlineComplex : this.deadlineGeneral);
        const rng = this.rng;
        this.work.dispatch(t, EFFORT[kind] * this.effortScale * (0.3 - 0.7 * log(1 - rng.u())), rng);
        this.tally.add(MI.tickets_escalated);
        continue;
      }
      if (t < 0 && day - cs[CASE.DAY][id] > this.patienceDays) {
        this.tally.add(MI.tickets_escalated);
        this.hotline!.call(cs[CASE.RESIDENT][id], c, cs[CASE.KIND][id], cs[CASE.REF][id], cs[CASE.NEED][id], true);
        continue;
      }
      q.push(id);
    }
  }

  /** Open handed-down tickets past their deadline, in every council's queue. */
  overdue(): number {
    const T = this.tickets;
    const cs = this.cases.cols;
    const day = this.clock.day;
    let n = 0;
    for (let c = 0; c < this.world.C; c++) {
      const q = this.queue[c];
      if (!q) continue;
      for (let i = 0; i < q.length; i++) {
        const t = cs[CASE.TICKET][q.at(i)];
        if (t >= 0 && T.deadline[t] < day) n++;
      }
    }
    return n;
  }

  /** Phase (daily): every active council spends its visits on its queue. */
  step(): void {
    const day = this.clock.day;
    if (day < this.start) return;
    const w = this.world;
    const goods = this.goods;
    const rng = this.rng;
    const cs = this.cases.cols;
    for (let c = 0; c < w.C; c++) {
      const q = this.queue[c];
      if (!q) continue;
      const perDay = this.visitsPerDay[c];
      if (q.length > 0) this.escalateOverdue(c, q);
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
        this.norms.observe(c);
        // a member knows the resident who brought it when their households are close
        const ties = this.knowsHousehold(c, w.resHousehold[r]);
        switch (kind) {
          case Kind.DEFECT: {
            const open = this.defects.isOpen(ref);
            const fixed = open && rng.u() < COUNCIL_DEFECT_FIX;
            if (fixed) this.defects.fix(ref);
            this.finish(id, !open || fixed, -1);
            break;
          }
          case Kind.INDIVIDUAL:
            this.finish(id, rng.u() < COUNCIL_HELP, -1);
            break;
          case Kind.WISH:
          case Kind.VENT:
          case Kind.CONSULT:
            this.norms.learn(r, c, NORM_FROM_ELDERS);
            this.finish(id, kind === Kind.CONSULT, 0.5);
            break;
          case Kind.CONTESTED: {
            const g = ref;
            if (goods.locked(c, g, day)) {
              this.finish(id, false, 0.5);
              break;
            }
            // deliberation wears down the sides' conviction round by round until a consensus holds
            const conviction = MEAN_CONVICTION * pow(1 - this.persuasion, rounds);
            if (rng.u() < visitSuccess(this.skill, this.tieGain, ties, conviction)) {
              // the consensus follows today's majority (preferences drift: a later majority may differ)
              const on = goods.majorityOn(c, g);
              goods.set(c, g, on);
              goods.lock(c, g, day + this.consensusDays);
              const f = w.res[r * RES_STRIDE + Res.FLAGS];
              const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
              this.finish(id, wantOn === on, 0.45);
            } else {
              cs[CASE.ROUNDS][id] = rounds + 1;
              q.push(id);
            }
            break;
          }
          case Kind.DISPUTE: {
            const tab = this.disputes.table;
            const dc = tab.cols;
            if (!dc[DIS.OPEN][ref]) {
              this.finish(id, true, -1);
              break;
            }
            const dr = dc[DIS.ROUNDS][ref];
            const boundary = dc[DIS.BOUNDARY][ref] === 1;
            const fc = tab.fcols[DIS_F.INTENSITY];
            // evidence: in a boundary dispute, after enough failed visits, the tape measure settles
            // the facts and the parties' conviction falls (once)
            if (boundary && dr === this.evidenceAfter) this.disputes.weaken(ref, this.evidenceStrength);
            // a member knows the parties when a member's household is near either side
            const h = dc[DIS.HOUSEHOLD][ref];
            const tiesD = this.knowsHousehold(c, h) || this.knowsHousehold(c, h + dc[DIS.HOUSEHOLDS][ref] - 1);
            if (rng.u() < visitSuccess(this.skill, this.tieGain, tiesD, fc[ref])) {
              this.disputes.settle(ref);
              this.finish(id, true, -1);
            } else {
              // talk wears conviction down, but cannot settle the facts of a boundary before evidence
              if (!boundary || dr >= this.evidenceAfter) this.disputes.weaken(ref, this.persuasion);
              dc[DIS.ROUNDS][ref] = dr + 1;
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

  bytes(): number {
    return this.cases.bytes();
  }
}
