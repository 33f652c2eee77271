/**
 * The simulation: build a run's parts from a validated scenario and a seed (sim/model.ts), then
 * step it day by day through the pipeline; read its metrics, periods, cells and events.
 */
import type { Knobs } from './knobs.ts';
import { METRICS, type Daily, type MetricName } from './metrics.ts';
import {
  MODEL,
  type CellSnapshot,
  type PeriodRecord,
  type ResolvedScenario,
  type RunResult,
  type SimOptions,
  type Summary,
  type VillageEvent,
} from './types.ts';
import { buildModel, configure, PIPELINE, type Model } from './model.ts';
import { summarise } from './summary.ts';

export class Simulation {
  /** The run's parts (for tests and tools; runners need only the methods below). */
  readonly model: Model;
  readonly days: number;
  readonly daily: Daily;
  private readonly knobs: Knobs;
  private readonly seedValue: number;

  constructor(knobs: Knobs, seed: number, opts: SimOptions = {}) {
    this.knobs = { ...knobs }; // a fresh literal copy keeps fast (non-dictionary) properties for the hot loops
    this.seedValue = seed >>> 0;
    this.model = buildModel(this.knobs, this.seedValue, opts.watchCell ?? -1);
    this.days = this.model.clock.days;
    this.daily = this.model.recorder.daily;
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
  /** Every assessment period completed so far. */
  get periods(): PeriodRecord[] {
    return this.model.assessment.periods;
  }
  /** Households in the watched cell (0 when no cell is watched). */
  get watchedHouseholds(): number {
    return this.model.events.households();
  }

  dateOf(day: number): string {
    return this.model.clock.dateOf(day);
  }

  /**
   * Put new knob values in force from the current day on (call it before the day's step): every
   * mechanism re-derives its parameters and policy start days; no state changes. Knobs read only
   * when the run is built (the world's, the starting state's) keep their first values. The seam for
   * policy timelines; the result still reports the knobs the run started with.
   */
  configure(knobs: Knobs): void {
    configure(this.model, { ...knobs });
  }

  /** Simulate one day: every phase of the pipeline in order. */
  step(): void {
    const m = this.model;
    if (m.clock.day >= this.days) return;
    for (const phase of PIPELINE) phase.run(m);
    m.clock.day++;
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
    const { world, tickets, defects, disputes, councils } = this.model;
    const residents = world.residentBytes();
    const ticketBytes = tickets.bytes() + defects.table.bytes() + disputes.table.bytes() + councils.bytes();
    const cells = world.C * 120;
    return { residents, perResident: residents / world.N, tickets: ticketBytes, total: residents + ticketBytes + cells };
  }

  /** Totals and means over the days simulated so far. */
  summary(): Summary {
    return summarise(this.daily, this.day, this.model.world.N, this.periods);
  }

  /** The run as a JSON-ready result (daily series up to the current day). */
  result(preset: string): RunResult {
    const n = this.day;
    const daily = {} as Record<MetricName, number[]>;
    for (const m of METRICS) daily[m.name] = Array.from(this.daily[m.name].subarray(0, n));
    return {
      model: { name: MODEL.name, version: MODEL.version },
      seed: this.seedValue,
      scenario: { preset, knobs: { ...this.knobs } },
      daily,
      periods: this.periods,
      summary: this.summary(),
    };
  }
}

/** Run a resolved scenario to its horizon. */
export function runScenario(scenario: ResolvedScenario, seed: number, opts: SimOptions = {}): RunResult {
  return new Simulation(scenario.knobs, seed, opts).run().result(scenario.preset);
}
