/**
 * The simulation: build a run's parts from a validated scenario and a seed (sim/model.ts), then
 * step it day by day through the pipeline, putting a timeline's dated changes in force on their
 * days; read its metrics, periods, cells and events.
 */
import type { Knobs } from './knobs.ts';
import { METRICS, type Daily, type MetricName } from './metrics.ts';
import {
  MODEL,
  type CellSnapshot,
  type KnobChange,
  type PeriodRecord,
  type ResolvedScenario,
  type RunResult,
  type SimOptions,
  type Summary,
  type VillageEvent,
} from './types.ts';
import { buildModel, configure, PIPELINE, startRecording, type Model } from './model.ts';
import { summarise } from './summary.ts';
import type { UnitPlan } from './plans.ts';

export class Simulation {
  /** The run's parts (for tests and tools; runners need only the methods below). */
  readonly model: Model;
  readonly days: number;
  readonly daily: Daily;
  /** The scenario's knobs at the start date, and the knobs in force now. */
  private readonly baseKnobs: Knobs;
  private knobs: Knobs;
  private readonly seedValue: number;
  /** The scenario's dated changes (day from the start, in order). */
  private readonly timeline: KnobChange[];
  private readonly changeDays: number[];
  private nextChange = 0;
  /** Tickets open when recording began (left by the burn-in): the books balance from there. */
  ticketsOpenAtStart = 0;

  constructor(knobs: Knobs, seed: number, opts: SimOptions = {}) {
    this.baseKnobs = { ...knobs };
    this.knobs = { ...knobs }; // a fresh literal copy keeps fast (non-dictionary) properties for the hot loops
    this.seedValue = seed >>> 0;
    this.model = buildModel(this.knobs, this.seedValue, opts.watchCell ?? -1);
    const clock = this.model.clock;
    this.timeline = [...(opts.timeline ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    this.changeDays = this.timeline.map((c) => clock.dayOf(c.date));
    this.days = clock.days;
    this.daily = this.model.recorder.daily;
    // burn-in: the same rules and calendar before the start date, not recorded
    if (!opts.deferBurnIn) while (clock.day < 0) this.step();
  }

  get day(): number {
    return this.model.clock.day;
  }
  get done(): boolean {
    return this.model.clock.day >= this.days;
  }
  get seed(): number {
    return this.seedValue;
  }
  /** Every assessment period completed so far (from day 0 on). */
  get periods(): PeriodRecord[] {
    return this.model.assessment.periods;
  }
  /** Households in the watched cell (0 when no cell is watched). */
  get watchedHouseholds(): number {
    return this.model.events.households();
  }

  /** The knobs in force now (a copy: change them with `configure`). */
  knobsNow(): Knobs {
    return { ...this.knobs };
  }

  dateOf(day: number): string {
    return this.model.clock.dateOf(day);
  }

  /** Simulate one day: today's timeline changes, then every phase of the pipeline in order. */
  step(): void {
    const m = this.model;
    const clock = m.clock;
    if (clock.day >= this.days) return;
    // a timeline change dated today takes effect before anything of today happens
    while (this.nextChange < this.changeDays.length && this.changeDays[this.nextChange] <= clock.day) {
      this.configure(this.timeline[this.nextChange].knobs);
      this.nextChange++;
    }
    for (const phase of PIPELINE) phase.run(m);
    clock.day++;
    if (clock.day === 0) {
      startRecording(m);
      this.ticketsOpenAtStart = m.tickets.live;
    }
  }

  /**
   * Put new knob values in force from today on (a timeline's dated change calls it at the start of
   * its day; call it before the day's step): every mechanism re-reads its knobs. A
   * change of the assessment regime (cadence, ranking mode, period start day) first closes the
   * running period and assesses it under the old rules; new periods then start today, aligned to
   * the calendar as periodBoundaries does.
   */
  configure(changes: Partial<Knobs>): void {
    const m = this.model;
    const regime = m.assessment.regimeChanges(changes);
    if (regime && m.assessment.closeEarly()) m.gaming.choose();
    this.knobs = { ...this.knobs, ...changes };
    configure(m, this.knobs, m.clock.day);
    if (regime) m.assessment.restartPeriods();
  }

  /**
   * A player's plan for unit u from now on (the classroom, sim/plans.ts), replacing its leader's
   * hours split, overtime and gaming until cleared with null; the unit reports the plan's gaming
   * intensity, or its leader's choice of this period again when cleared. Shares are clamped to 0..1.
   */
  setUnitPlan(u: number, plan: UnitPlan | null): void {
    const m = this.model;
    const U = m.world.U;
    if (!Number.isInteger(u) || u < 0 || u >= U) throw new RangeError(`unit ${u} is not a unit of this world (0..${U - 1})`);
    m.plans.set(u, plan);
    m.gaming.replan(u);
  }

  /** Simulate to the end of the running assessment period; its record, or null at the horizon. */
  runPeriod(): PeriodRecord | null {
    const n = this.periods.length;
    while (!this.done && this.periods.length === n) this.step();
    return this.periods.length > n ? this.periods[n] : null;
  }

  /** Advance until `day` days have been simulated (or the horizon). */
  runTo(day: number): void {
    const end = Math.min(day, this.days);
    while (this.model.clock.day < end) this.step();
  }

  run(): this {
    this.runTo(this.days);
    return this;
  }

  /** Events of the watched cell since the last call. */
  drainEvents(): VillageEvent[] {
    return this.model.events.drain();
  }

  /** Per-cell state for the district view (copies). */
  cells(): CellSnapshot {
    const { world, councils, outreach, defects, disputes, intake, goods, norms } = this.model;
    const C = world.C;
    const population = new Int32Array(C);
    const hall = new Uint8Array(C);
    const norm = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      population[c] = world.population(c);
      hall[c] = councils.hallOpen(c) ? 1 : 0;
      norm[c] = norms.cellKnowledge(c);
    }
    return {
      count: C,
      unit: world.cellUnit.slice(),
      population,
      village: world.cellVillage.slice(),
      council: this.day >= councils.start ? councils.present.slice() : new Uint8Array(C),
      hall,
      wechat: outreach.contacts.slice(),
      defectsOpen: defects.cellOpen.slice(),
      disputesOpen: disputes.cellOpen.slice(),
      ticketsFiled: intake.cellFiled.slice(),
      contested: goods.snapshot(),
      norm,
    };
  }

  /** Contacts per subject category since the start (sim/categories.ts; index = CATEGORIES index). */
  categoryCounts(): Float64Array {
    return this.model.categories.counts.slice();
  }

  /** Bytes held per resident and in total (for the bench). */
  stateBytes(): { residents: number; perResident: number; tickets: number; total: number } {
    const { world, tickets, defects, disputes, needs, councils } = this.model;
    const residents = world.residentBytes();
    const ticketBytes = tickets.bytes() + defects.bytes() + disputes.table.bytes() + needs.flares.bytes() + councils.bytes();
    const cells = world.C * 120;
    return { residents, perResident: residents / world.N, tickets: ticketBytes, total: residents + ticketBytes + cells };
  }

  /** Totals and means over the days simulated so far. */
  summary(): Summary {
    return summarise(this.daily, this.day, this.model.world.N, this.periods, this.model.ledger);
  }

  /** The run as a JSON-ready result (daily series up to the current day). */
  result(preset: string): RunResult {
    const n = this.day;
    const daily = {} as Record<MetricName, number[]>;
    for (const m of METRICS) daily[m.name] = Array.from(this.daily[m.name].subarray(0, n));
    return {
      model: { name: MODEL.name, version: MODEL.version },
      seed: this.seedValue,
      scenario: { preset, knobs: { ...this.baseKnobs }, ...(this.timeline.length ? { timeline: this.timeline } : {}) },
      daily,
      periods: this.periods,
      summary: this.summary(),
    };
  }
}

/** Run a resolved scenario to its horizon. */
export function runScenario(scenario: ResolvedScenario, seed: number, opts: SimOptions = {}): RunResult {
  return new Simulation(scenario.knobs, seed, { timeline: scenario.timeline, ...opts }).run().result(scenario.preset);
}
