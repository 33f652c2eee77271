/**
 * The model's assembly: the parts a run is made of, built in order (each from the parts before
 * it: the d3-force `initialize` style, each mechanism allocating and owning its state), their
 * configuration from the knobs, and the day's pipeline in MODEL.md section 3's order.
 * To add a mechanism: its module, a line in `buildParts` (and in `configure` if it has knobs),
 * a line in PIPELINE; see docs/ARCHITECTURE.md.
 */
import type { Knobs } from './knobs.ts';
import { makeStreams } from './rng.ts';
import { Clock } from './clock.ts';
import { World } from './world.ts';
import { TicketStore } from './tickets.ts';
import { Tally } from './tally.ts';
import { EventLog } from './events.ts';
import { Ratings } from './ratings.ts';
import { Hours } from './hours.ts';
import { needFastDays, needsLedger } from './needs-ledger.ts';
import { Norms } from './norms.ts';
import { Goods } from './goods.ts';
import { Defects } from './defects.ts';
import { Disputes } from './disputes.ts';
import { Demand } from './demand.ts';
import { Categories } from './categories.ts';
import { Leaders } from './leaders.ts';
import { Gaming } from './gaming.ts';
import { Outcomes } from './outcomes.ts';
import { Work } from './work.ts';
import { Councils } from './councils.ts';
import { Intake } from './intake.ts';
import { Outreach } from './outreach.ts';
import { Channels } from './channels.ts';
import { Needs } from './needs.ts';
import { Assessment } from './assessment.ts';
import { Recorder } from './recorder.ts';

/**
 * Build a run's parts from the knobs and the seed, configured and ready for the first day (of the
 * burn-in, if any). The starting state is drawn here, each part from its own streams (the world
 * from 'units' and 'world', then the contested goods from 'world'; leaders' capability from
 * 'leaders' and integrity from 'gaming'; councils from 'councils' when hand-down is on; first
 * WeChat contacts from 'outreach'; the old disputes from 'needs'); the order of the draws within
 * each stream is part of every seed's output.
 */
export function buildModel(k: Knobs, seed: number, watchCell: number): Model {
  const m = buildParts(k, seed, watchCell);
  configure(m, k, null);
  m.gaming.choose(); // the first period's gaming
  m.needs.seedDisputes();
  return m;
}

/** Every part of a run (the type of what buildParts returns). */
export type Model = Readonly<ReturnType<typeof buildParts>>;

function buildParts(k: Knobs, seed: number, watchCell: number) {
  const rng = makeStreams(seed);
  const clock = new Clock(k.startDate, k.horizonDays, k.burnInDays);
  const world = new World(k, rng.world, rng.units);
  // records and ledgers several mechanisms share
  const tickets = new TicketStore(1024);
  const tally = new Tally();
  const events = new EventLog(world, clock, watchCell);
  const ratings = new Ratings(world.O);
  const hours = new Hours(world.O, tally);
  const ledger = needsLedger(k);
  // mechanisms, each owning its state, each built from the parts before it
  const norms = new Norms(world, clock);
  const goods = new Goods(world, k, rng.world, rng.drift, tally, events);
  const defects = new Defects(world, clock, ledger, tally, events);
  const disputes = new Disputes(world, clock, ledger, tally, events);
  const demand = new Demand(world, clock, k, rng.demand, norms, tally);
  const categories = new Categories(rng.categories);
  const leaders = new Leaders(world, k, rng.leaders, rng.gaming);
  const gaming = new Gaming(world, clock, rng.gaming, rng.audit, tickets, leaders, ratings, hours, tally);
  const outcomes = new Outcomes(
    world,
    clock,
    rng.outcomes,
    tickets,
    ledger,
    defects,
    goods,
    norms,
    demand,
    leaders,
    gaming,
    ratings,
    tally,
    events,
  );
  const work = new Work(world, clock, rng.audit, tickets, outcomes, leaders, gaming, ratings, hours, tally);
  const councils = new Councils(
    world,
    clock,
    rng.councils,
    tickets,
    ledger,
    defects,
    disputes,
    goods,
    norms,
    demand,
    outcomes,
    work,
    tally,
    events,
  );
  const intake = new Intake(world, clock, rng.intake, tickets, ledger, categories, councils, work, norms, demand, ratings, tally, events);
  councils.escalateTo(intake); // residents who give up on the hall call 12345
  const outreach = new Outreach(world, clock, k, rng.outreach, ledger, defects, disputes, norms, demand, tally, events);
  const channels = new Channels(
    world,
    clock,
    rng.channels,
    rng.demand,
    rng.selfHelp,
    ledger,
    norms,
    demand,
    councils,
    intake,
    outreach,
    tally,
    events,
  );
  const needs = new Needs(world, clock, rng.needs, ledger, defects, disputes, goods, demand, channels, work, tally);
  const assessment = new Assessment(world, clock, k, ratings, work, leaders, gaming);
  const recorder = new Recorder(clock.days, {
    world,
    tickets,
    tally,
    ratings,
    ledger,
    work,
    councils,
    defects,
    disputes,
    outreach,
    norms,
    demand,
    leaders,
    gaming,
  });
  // biome-ignore format: the parts in the groups above, in build order
  return {
    rng, clock, world,
    tickets, tally, events, ratings, hours, ledger,
    norms, goods, defects, disputes, demand, categories, leaders, gaming, outcomes, work, councils, intake, outreach, channels, needs,
    assessment, recorder,
  };
}

/**
 * Every mechanism re-reads its knobs: parameters and policy start days. Runs once at build
 * (`changeDay` null) and again on the day of each timeline change, before that day's pipeline; a
 * policy switched on by a change is on from that day (its start date still delays it). It sets
 * parameters only, with one exception: councils are drawn the first time hand-down is on. Knobs
 * that shape the world or only the starting state are read at build (scenarios/timeline.ts
 * refuses changes to them).
 */
export function configure(m: Model, k: Knobs, changeDay: number | null): void {
  m.ledger.configure(k.needToleranceDays, needFastDays(k));
  m.norms.configure(k, changeDay);
  m.goods.configure(k);
  m.demand.configure(k);
  m.leaders.configure(k);
  m.gaming.configure(k);
  m.work.configure(k, changeDay);
  m.councils.configure(k, changeDay);
  m.intake.configure(k, changeDay);
  m.outreach.configure(k, changeDay);
  m.channels.configure(k);
  m.needs.configure(k);
  m.assessment.configure(k);
  m.recorder.configure(k);
}

/** One phase of the day. */
export interface Phase {
  readonly name: string;
  readonly run: (m: Model) => void;
}

/** The day, top to bottom (MODEL.md section 3; docs/ODD.md section 3 has the detail). */
export const PIPELINE: readonly Phase[] = [
  {
    name: 'new day',
    run: (m) => {
      m.tally.reset();
      m.ratings.resetDay();
      m.ledger.startDay();
    },
  },
  // 1-3. Needs arise; each resident with a need picks a channel; the hotline takes the calls.
  { name: 'public learning', run: (m) => m.norms.publicLearning() },
  { name: 'awareness', run: (m) => m.demand.awareness() },
  { name: 'outreach', run: (m) => m.outreach.step() },
  { name: 'defects', run: (m) => m.needs.defectsArise() },
  { name: 'preference drift', run: (m) => m.goods.drift() },
  { name: 'contested goods', run: (m) => m.needs.contested() },
  { name: 'disputes', run: (m) => m.needs.disputesFlare() },
  { name: 'personal needs', run: (m) => m.needs.personalNeeds() },
  // 4-5. Units, departments and councils spend their hours; tickets close and are rated.
  { name: 'appeal reviews', run: (m) => m.work.reviewAppeals() },
  { name: 'work', run: (m) => m.work.step() },
  { name: 'councils', run: (m) => m.councils.step() },
  { name: 'leaders', run: (m) => m.leaders.daily() },
  // 6. End of an assessment period: audit, score, rank or grade, penalise; the next period's gaming.
  {
    name: 'assessment',
    run: (m) => {
      if (!m.assessment.periodEndsToday()) return;
      m.assessment.endPeriod();
      m.gaming.choose();
    },
  },
  // 7. Needs that reach the tolerance unsolved count as unmet; record the day (not the burn-in).
  { name: 'needs aging', run: (m) => m.ledger.age(m.clock.day) },
  {
    name: 'record',
    run: (m) => {
      if (m.clock.day >= 0) m.recorder.record(m.clock.day);
    },
  },
];

/** At the first recorded day: counters that run "since the start" start again. */
export function startRecording(m: Model): void {
  m.categories.counts.fill(0);
  m.intake.cellFiled.fill(0);
  m.assessment.startRecording();
  m.ledger.metByKind.fill(0);
  m.ledger.unmetByKind.fill(0);
}
