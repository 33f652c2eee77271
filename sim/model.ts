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
import { Goods } from './goods.ts';
import { Norms } from './norms.ts';
import { Leaders } from './leaders.ts';
import { Defects } from './defects.ts';
import { Disputes } from './disputes.ts';
import { Categories } from './categories.ts';
import { Gaming } from './gaming.ts';
import { Outcomes } from './outcomes.ts';
import { Councils } from './councils.ts';
import { Work } from './work.ts';
import { Intake } from './intake.ts';
import { Outreach } from './outreach.ts';
import { Channels } from './channels.ts';
import { Needs } from './needs.ts';
import { Assessment } from './assessment.ts';
import { Recorder } from './recorder.ts';

/**
 * Build a run's parts from the knobs and the seed, configured and ready for day 0. The starting
 * state is drawn here, each part from its own stream (the world and then the contested goods
 * from 'world', councils from 'councils', first WeChat contacts from 'outreach', leaders'
 * integrity from 'gaming'); the order of the draws within each stream is part of every seed's
 * output.
 */
export function buildModel(k: Knobs, seed: number, watchCell: number): Model {
  const m = buildParts(k, seed, watchCell);
  configure(m, k);
  m.gaming.choose(); // the first period's gaming
  return m;
}

/** Every part of a run (the type of what buildParts returns). */
export type Model = Readonly<ReturnType<typeof buildParts>>;

function buildParts(k: Knobs, seed: number, watchCell: number) {
  const rng = makeStreams(seed);
  const clock = new Clock(k.startDate, k.horizonDays);
  const world = new World(k, rng.world);
  // records and ledgers several mechanisms share
  const tickets = new TicketStore(1024);
  const tally = new Tally();
  const events = new EventLog(world, clock, watchCell);
  const ratings = new Ratings(world.U);
  const hours = new Hours(world.O);
  // mechanisms, each owning its state, each built from the parts before it
  const goods = new Goods(world, rng.world, k, tally, events);
  const norms = new Norms(world, clock);
  const leaders = new Leaders(world, rng.gaming, k);
  const defects = new Defects(world, clock, tally, events);
  const disputes = new Disputes(world, tally, events);
  const categories = new Categories(rng.categories);
  const gaming = new Gaming(world, clock, rng.gaming, rng.audit, tickets, leaders, ratings, hours, tally);
  const outcomes = new Outcomes(world, clock, rng.outcomes, tickets, defects, goods, norms, leaders, gaming, ratings, tally, events);
  const councils = new Councils(world, clock, rng.councils, k, defects, disputes, goods, norms, outcomes, tally, events);
  const work = new Work(world, clock, rng.audit, tickets, outcomes, gaming, hours, tally);
  const intake = new Intake(world, clock, rng.intake, tickets, categories, councils, work, norms, leaders, ratings, tally, events);
  const outreach = new Outreach(world, clock, rng.outreach, k, defects, disputes, norms, tally, events);
  const channels = new Channels(world, rng.channels, norms, councils, intake, outreach, tally, events);
  const needs = new Needs(world, clock, rng.needs, defects, disputes, goods, channels, work);
  const assessment = new Assessment(world, clock, ratings, work, gaming, leaders);
  const recorder = new Recorder(clock.days, { world, tickets, tally, ratings, hours, defects, disputes, outreach, norms, leaders, gaming });
  // biome-ignore format: the parts in the groups above, in build order
  return {
    rng, clock, world,
    tickets, tally, events, ratings, hours,
    goods, norms, leaders, defects, disputes, categories, gaming, outcomes, councils, work, intake, outreach, channels, needs, assessment, recorder,
  };
}

/**
 * Derive every mechanism's parameters and policy start days from the knobs. Runs once at build.
 * It sets parameters only, never state (no arrays allocated, nothing drawn), so a policy change
 * in the middle of a run can run it again with the new knobs on the day of the change, before
 * that day's pipeline. Knobs read only at build (the world's, the starting state's) are not
 * re-read here.
 */
export function configure(m: Model, k: Knobs): void {
  m.norms.configure(k);
  m.leaders.configure(k);
  m.gaming.configure(k);
  m.councils.configure(k);
  m.work.configure(k);
  m.intake.configure(k);
  m.outreach.configure(k);
  m.channels.configure(k);
  m.needs.configure(k);
  m.assessment.configure(k);
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
      m.hours.resetDay();
    },
  },
  // 1-3. Needs arise; each resident with a need picks a channel; the hotline takes the calls.
  { name: 'public learning', run: (m) => m.norms.publicLearning() },
  { name: 'outreach', run: (m) => m.outreach.step() },
  { name: 'defects', run: (m) => m.needs.defectsArise() },
  { name: 'contested goods', run: (m) => m.needs.contested() },
  { name: 'disputes', run: (m) => m.needs.disputesFlare() },
  { name: 'personal needs', run: (m) => m.needs.personalNeeds() },
  // 4-5. Units, departments and councils spend their hours; tickets close and are rated.
  { name: 'appeal reviews', run: (m) => m.work.reviewAppeals() },
  { name: 'work', run: (m) => m.work.step() },
  { name: 'councils', run: (m) => m.councils.step() },
  { name: 'pressure decay', run: (m) => m.leaders.decay() },
  // 6. End of an assessment period: audit, score, rank or grade, penalise; the next period's gaming.
  {
    name: 'assessment',
    run: (m) => {
      if (!m.assessment.periodEndsToday()) return;
      m.gaming.audit();
      m.assessment.assess();
      m.gaming.choose();
    },
  },
  // 7. Record the day.
  { name: 'record', run: (m) => m.recorder.record(m.clock.day) },
];
