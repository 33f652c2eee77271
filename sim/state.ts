/**
 * The world and its state: every array the daily pipeline reads and writes.
 * Built once from a validated scenario; after that the pipeline only indexes.
 */
import { type Knobs, knobSpec } from './knobs.ts';

/** The share of tickets the schema sends to departments by default (their staff serve it). */
const DEFAULT_DEPT_SHARE = knobSpec('deptShare')?.default as number;
import { makeStreams, type Streams } from './rng.ts';
import { World } from './world.ts';
import { epochDay, periodBoundaries } from './calendar.ts';
import { Table, TicketStore } from './tickets.ts';
import { IntQueue } from './queue.ts';
import { SAT_BASE, SAT_ON_TIME, SAT_SOLVED } from './constants.ts';
import { Tally } from './tally.ts';
import { EventLog } from './events.ts';
import { Norms } from './norms.ts';
import { Goods } from './goods.ts';
import { Defects } from './defects.ts';
import { Disputes } from './disputes.ts';
import { Demand } from './demand.ts';
import { Clock } from './clock.ts';
import { Leaders } from './leaders.ts';
import { Gaming } from './gaming.ts';
import { Ratings } from './ratings.ts';
import { Hours } from './hours.ts';
import { Kind, RF } from './flags.ts';
import { CATEGORY_COUNT } from './categories.ts';
import { NeedsLedger } from './needs-ledger.ts';
import { expTables, type ExpTables } from './channel-tables.ts';

export { MI } from './metrics.ts';

export interface PolicyDays {
  refuse: number;
  publish: number;
  handDown: number;
  hall: number;
  appeal: number;
  outreach: number;
  educationStart: number;
  educationEnd: number;
}

export class State {
  readonly k: Knobs;
  readonly seed: number;
  readonly clock: Clock;
  readonly rng: Streams;
  policy: PolicyDays;

  readonly world: World;

  // mechanisms (moving out of State)
  readonly events: EventLog;
  readonly norms: Norms;
  readonly goods: Goods;
  readonly defects: Defects;
  readonly disputes: Disputes;
  readonly demand: Demand;

  readonly cellCouncil: Uint8Array;
  readonly cellWechat: Int32Array;
  readonly cellWechatLoad: Float64Array; // messages today
  readonly cellFiled: Int32Array;
  readonly councilQueue: (IntQueue | null)[];
  readonly councilCapacity: Float64Array;
  /** Visits per day a cell's council can make: members (by the village's size) x visits per week / 7. */
  readonly councilVisitsPerDay: Float64Array;
  /** Households of council members, sorted, per cell: [councilMemberStart[c], councilMemberStart[c+1]). */
  councilMembers: Int32Array;
  readonly councilMemberStart: Int32Array;
  // owners: units then departments
  readonly staff: Float64Array;
  readonly fatigue: Float64Array;
  readonly upkeep: Float64Array; // 0..1, 0.5 normal
  readonly qGeneral: IntQueue[];
  readonly qComplex: IntQueue[];
  readonly leaders: Leaders;
  readonly gaming: Gaming;
  /** Hours of work at full efficiency in each owner's queues, kept as tickets come and go. */
  readonly queuedHours: Float64Array; // this day

  boundaries: number[];
  periodIndex = 0;
  prevRanks: Int32Array | null = null;

  // records
  readonly tickets = new TicketStore(1024);
  readonly cases = new Table(8, 0);
  readonly appeals = new IntQueue(64);
  readonly appealDue = new IntQueue(64);

  // ledgers the mechanisms share: the day's metric counts, ratings, hours
  readonly tally = new Tally();
  readonly ratings: Ratings;
  readonly hours: Hours;
  wechatTotal = 0;
  /** Contacts per subject category (sim/categories.ts), since the start. */
  readonly categoryCounts = new Float64Array(CATEGORY_COUNT);
  /** The residents' side: every need, met or unmet (sim/needs-ledger.ts). */
  readonly needs: NeedsLedger;

  /** exp of the channel-choice utility terms (sim/channels.ts). */
  expTables: ExpTables;

  constructor(k: Knobs, seed: number, watchCell = -1) {
    this.k = { ...k }; // a fresh literal copy keeps fast (non-dictionary) properties for the hot loop
    this.seed = seed >>> 0;
    this.clock = new Clock(k.startDate, k.horizonDays, k.burnInDays);
    this.rng = makeStreams(this.seed);
    this.policy = policyDays(k, this.clock.startEpoch);
    this.needs = new NeedsLedger(
      k.needToleranceDays,
      SAT_BASE.map((b) => Math.min(1, b + SAT_SOLVED + SAT_ON_TIME)),
      SAT_BASE.map((b) => Math.min(1, b + SAT_SOLVED)),
      SAT_BASE,
      needFastDays(k),
    );
    this.expTables = expTables(this.k);

    const world = new World(k, this.rng.world, this.rng.units);
    this.world = world;
    const { U, D, C } = world;
    this.events = new EventLog(world, this.clock, watchCell);
    this.norms = new Norms(world, this.clock);
    // contested goods draw from the 'world' stream after the world
    this.goods = new Goods(world, this.k, this.rng.world, this.rng.drift, this.tally, this.events);
    this.defects = new Defects(world, this.clock, this.needs, this.tally, this.events);
    this.disputes = new Disputes(world, this.clock, this.needs, this.tally, this.events);
    this.demand = new Demand(world, this.clock, this.k, this.rng.demand, this.norms, this.tally);

    // Councils (drawn from their own stream, so that hand-down leaves the world's draws alone).
    this.cellCouncil = new Uint8Array(C);
    this.councilQueue = new Array(C).fill(null);
    this.councilCapacity = new Float64Array(C);
    this.councilVisitsPerDay = new Float64Array(C);
    this.councilMemberStart = new Int32Array(C + 1);
    this.councilMembers = new Int32Array(0);
    if (k.handDown) this.drawCouncils();

    // Social workers: one per cell, with initial WeChat contacts (from the outreach stream).
    this.cellWechat = new Int32Array(C);
    this.cellWechatLoad = new Float64Array(C);
    const orng = this.rng.outreach;
    for (let c = 0; c < C; c++) {
      const n = world.population(c);
      const target = Math.min(k.initialWechatContacts, Math.floor(n * 0.5));
      for (let i = 0, tries = 0; i < target && tries < target * 4; tries++) {
        const r = this.world.cellStart[c] + orng.int(n);
        if (this.world.resFlags[r] & RF.WECHAT) continue;
        this.world.resFlags[r] |= RF.WECHAT;
        this.world.resTrust[r] = 166;
        i++;
      }
      let cnt = 0;
      for (let r = this.world.cellStart[c]; r < this.world.cellStart[c + 1]; r++) if (this.world.resFlags[r] & RF.WECHAT) cnt++;
      this.cellWechat[c] = cnt;
      this.wechatTotal += cnt;
    }

    this.cellFiled = new Int32Array(C);

    // Owners: units 0..U-1, departments U..U+D-1.
    const O = U + D;
    this.staff = new Float64Array(O);
    this.configure();
    this.fatigue = new Float64Array(O);
    this.upkeep = new Float64Array(O).fill(0.5);
    this.qGeneral = Array.from({ length: O }, () => new IntQueue(64));
    this.qComplex = Array.from({ length: O }, () => new IntQueue(32));
    this.queuedHours = new Float64Array(O);
    this.ratings = new Ratings(O);
    this.hours = new Hours(O, this.tally);
    // leaders: capability (1 is average) sets how fast staff work and how responsive the unit is
    // by itself; departments have average leaders
    this.leaders = new Leaders(world, this.k, this.rng.leaders, this.rng.gaming);
    this.gaming = new Gaming(
      world,
      this.clock,
      this.rng.gaming,
      this.rng.audit,
      this.tickets,
      this.leaders,
      this.ratings,
      this.hours,
      this.tally,
    );
    this.gaming.configure(this.k);
    const months = k.cadence === 'monthly' ? 1 : k.cadence === 'bimonthly' ? 2 : 3;
    // periods over the burn-in and the run, with a boundary at day 0 so no recorded period holds
    // burn-in days
    const B = k.burnInDays;
    const all = periodBoundaries(this.clock.startEpoch - B, this.clock.days + B, months, k.periodStartDay).map((b) => b - B);
    if (!all.includes(0)) all.push(0);
    this.boundaries = all.sort((a, b) => a - b);
  }

  /** Does a member of cell c's council live within councilTieRadius households of household h? */
  knowsHousehold(c: number, h: number): boolean {
    const m = this.councilMembers;
    let lo = this.councilMemberStart[c];
    let hi = this.councilMemberStart[c + 1];
    const r = this.k.councilTieRadius;
    // the first member at or after h - r
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (m[mid] < h - r) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.councilMemberStart[c + 1] && m[lo] <= h + r;
  }

  /**
   * Villages form councils (own stream): a village has one with probability councilCoverage, of
   * max(councilSize, residents x councilMembersPer1000 / 1000) members, households of the village.
   * Done when the world is built with hand-down on, or when a timeline switches hand-down on.
   */
  drawCouncils(): void {
    if (this.councilsDrawn) return;
    this.councilsDrawn = true;
    const k = this.k;
    const C = this.world.C;
    const cr = this.rng.councils;
    const memberCount = new Int32Array(C);
    for (let c = 0; c < C; c++) {
      if (this.world.cellVillage[c] && cr.u() < k.councilCoverage) {
        this.cellCouncil[c] = 1;
        this.councilQueue[c] = new IntQueue(8);
        const pop = this.world.cellStart[c + 1] - this.world.cellStart[c];
        memberCount[c] = Math.max(k.councilSize, Math.round((pop * k.councilMembersPer1000) / 1000));
      }
    }
    // council members are residents of their village: their households
    for (let c = 0; c < C; c++) this.councilMemberStart[c + 1] = this.councilMemberStart[c] + memberCount[c];
    this.councilMembers = new Int32Array(this.councilMemberStart[C]);
    for (let c = 0; c < C; c++) {
      const a = this.councilMemberStart[c];
      const b = this.councilMemberStart[c + 1];
      if (a === b) continue;
      const h0 = this.world.cellHouseholdStart[c];
      const nh = this.world.cellHouseholdStart[c + 1] - h0;
      for (let i = a; i < b; i++) this.councilMembers[i] = h0 + cr.int(nh);
      this.councilMembers.subarray(a, b).sort();
    }
    this.configureCouncils();
  }

  private councilsDrawn = false;

  private configureCouncils(): void {
    for (let c = 0; c < this.world.C; c++) {
      const members = this.councilMemberStart[c + 1] - this.councilMemberStart[c];
      this.councilVisitsPerDay[c] = (members * this.k.councilVisitsPerWeek) / 7;
    }
  }

  /**
   * A timeline change (sim/simulation.ts): the knobs take new values and everything derived from
   * them is derived again (policy start days, channel tables, staff, council capacity, the needs
   * ledger's tolerance). A policy switched on is on from `day` (its start date still delays it).
   * Knobs that shape the world or only the starting state cannot change (scenarios/timeline.ts
   * refuses them).
   */
  applyKnobs(changes: Partial<Knobs>, day: number): void {
    const before = this.policy;
    Object.assign(this.k, changes);
    this.configure(day);
    this.policy = switchedOn(before, this.policy, day, this.k.educationDays);
    if (this.k.handDown) this.drawCouncils();
  }

  /** Everything derived from the knobs that a timeline change can alter. */
  private configure(changeDay: number | null = null): void {
    const k = this.k;
    this.norms?.configure(k, changeDay);
    this.leaders?.configure(k);
    this.gaming?.configure(k);
    this.goods?.configure(k);
    this.demand?.configure(k);
    this.policy = policyDays(k, this.clock.startEpoch);
    this.expTables = expTables(k);
    for (let u = 0; u < this.world.U; u++) this.staff[u] = ((k.staffPer10k * this.world.unitPop[u]) / 10000) * this.world.unitStaffMult[u];
    // departments' staff follow the share of the catalogue they are given (deptStaffPer10k serves the
    // default share), so moving items to departments moves the work and its staff together
    const deptScale = k.deptStaffFollowsShare ? k.deptShare / DEFAULT_DEPT_SHARE : 1;
    for (let d = 0; d < this.world.D; d++)
      this.staff[this.world.U + d] = ((k.deptStaffPer10k * this.world.N) / 10000 / this.world.D) * deptScale;
    this.configureCouncils();
    this.needs.configure(k.needToleranceDays, needFastDays(k));
  }

  /** At the first recorded day: counters that run "since the start" start again. */
  startRecording(): void {
    this.categoryCounts.fill(0);
    this.cellFiled.fill(0);
    this.periodIndex = 0;
    this.needs.metByKind.fill(0);
    this.needs.unmetByKind.fill(0);
  }

  /** Bytes held per resident and in total (for the bench). */
  stateBytes(): { residents: number; perResident: number; tickets: number; total: number } {
    const residents = this.world.residentBytes();
    const tickets = this.tickets.bytes() + this.defects.table.bytes() + this.disputes.table.bytes() + this.cases.bytes();
    const cells = this.world.C * 120;
    return { residents, perResident: residents / this.world.N, tickets, total: residents + tickets + cells };
  }
}

/** The day (from the start date) each policy with a start date begins; Infinity when it is off. */
export function policyDays(k: Knobs, startEpoch: number): PolicyDays {
  const dayOf = (iso: string) => epochDay(iso) - startEpoch;
  const edStart = dayOf(k.educationStart);
  return {
    refuse: k.intakePolicy === 'refuse-out-of-scope' ? dayOf(k.refuseStart) : Infinity,
    publish: k.publishUnreasonable ? dayOf(k.publishStart) : Infinity,
    handDown: k.handDown ? dayOf(k.handDownStart) : Infinity,
    hall: k.handDown && k.hall ? Math.max(dayOf(k.hallStart), dayOf(k.handDownStart)) : Infinity,
    appeal: k.appealExclusion ? dayOf(k.appealStart) : Infinity,
    outreach: k.outreachHoursPerWeek > 0 ? dayOf(k.outreachStart) : Infinity,
    educationStart: k.educationCampaign ? edStart : Infinity,
    educationEnd: k.educationCampaign ? edStart + k.educationDays : Infinity,
  };
}

const SWITCHED = ['refuse', 'publish', 'handDown', 'hall', 'appeal', 'outreach'] as const;

/**
 * Policy days after a timeline change on `day` (`now` is what the knobs alone give). A policy a
 * change switches on is on from that day, or from its start date if that is later: a published
 * batch is due on the day publication starts, and a campaign runs educationDays from the day it
 * starts. A policy that stays on keeps its day; one switched off is off (Infinity).
 */
function switchedOn(before: PolicyDays, now: PolicyDays, day: number, educationDays: number): PolicyDays {
  const out = { ...now };
  for (const p of SWITCHED) {
    if (now[p] === Infinity) continue;
    out[p] = before[p] === Infinity ? Math.max(now[p], day) : before[p];
  }
  if (now.educationStart !== Infinity) {
    out.educationStart = before.educationStart === Infinity ? Math.max(now.educationStart, day) : before.educationStart;
    out.educationEnd = out.educationStart + educationDays;
  }
  return out;
}

/** Days within which a met need counts as fast, by kind: its ticket deadline. */
export function needFastDays(k: Knobs): Int32Array {
  return Int32Array.from(SAT_BASE, (_, kind) =>
    kind === Kind.CONTESTED || kind === Kind.DISPUTE ? k.deadlineComplexDays : k.deadlineGeneralDays,
  );
}
