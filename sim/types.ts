/**
 * The shapes the core hands to its runners (command line, worker, tests).
 * Objects live only here, at the API's edge; inside, state is typed arrays.
 */
import type { Knobs } from './knobs.ts';
import type { MetricName } from './metrics.ts';

export const MODEL = { name: 'hotline-lab', version: '0.4.0' } as const;

export { Kind, KIND_NAMES, Channel, CHANNEL_NAMES } from './flags.ts';

export type Grade = 'excellent' | 'good' | 'pass' | 'poor';

/** One unit's assessment in one period. */
export interface UnitPeriod {
  unit: number;
  district: number;
  /** Tickets dispatched to the unit in the period (not excluded). */
  dispatched: number;
  acceptance: number;
  completion: number;
  satisfaction: number;
  requestsPer10k: number;
  excluded: number;
  score: number;
  /** 1 = best; null in grade mode. */
  rank: number | null;
  /** Grade band; null in rank mode. */
  grade: Grade | null;
  penalised: boolean;
  pressure: number;
  gamingIntensity: number;
  audited: boolean;
  caught: boolean;
  truthSatisfaction: number;
  /** The unit's responsiveness after this period's assessment (0..1). */
  responsiveness: number;
}

export interface PeriodRecord {
  index: number;
  /** First day of the period (0-based simulation day) and the day after its last. */
  startDay: number;
  endDay: number;
  startDate: string;
  endDate: string;
  units: UnitPeriod[];
  /** Functional departments' assessment among themselves, when departments are assessed. */
  departments?: UnitPeriod[];
  /** Mean absolute rank change against the previous period (rank mode), else null. */
  rankVolatility: number | null;
}

export type Summary = Record<string, number>;

/** One dated change of a timeline: from `date` on, the given knobs take these values. */
export interface KnobChange {
  /** The first day the new values hold, YYYY-MM-DD. */
  date: string;
  knobs: Partial<Knobs>;
}

export interface ResolvedScenario {
  preset: string;
  /** The knobs at the start date. */
  knobs: Knobs;
  /** Dated changes, sorted, one per date (scenarios/timeline.ts checks them); none when absent. */
  timeline?: readonly KnobChange[];
}

export interface RunResult {
  model: { name: string; version: string };
  seed: number;
  scenario: ResolvedScenario;
  daily: Record<MetricName, number[]>;
  periods: PeriodRecord[];
  summary: Summary;
}

/** Per-cell state for the district view (index = cell). */
export interface CellSnapshot {
  count: number;
  unit: Int32Array;
  population: Int32Array;
  village: Uint8Array;
  council: Uint8Array;
  hall: Uint8Array;
  wechat: Int32Array;
  defectsOpen: Int32Array;
  disputesOpen: Int32Array;
  /** Hotline tickets filed from the cell since the start. */
  ticketsFiled: Int32Array;
  /** Contested goods: -1 none; else bit 0 = lights bright, bit 1 = speed bump present. */
  contested: Int8Array;
  /** Share of the cell's residents who know what 12345 is for (mean norm knowledge). */
  norm: Float64Array;
}

/** Something that happened in the watched cell, for the village view. */
export interface VillageEvent {
  day: number;
  type: 'need' | 'file' | 'close' | 'visit' | 'settle' | 'flip' | 'hall' | 'wechat' | 'defect' | 'fix' | 'refuse';
  /** Household index within the cell (0-based), when a household is involved. */
  household: number;
  kind: number;
  channel: number;
  ok: boolean;
  /** For flips: 0 = lights, 1 = speed bump; new state 0/1. */
  good: number;
  state: number;
}

export interface SimOptions {
  /** Record VillageEvents for this cell (for the village view). */
  watchCell?: number;
  /** Dated knob changes (validated by scenarios/timeline.ts). */
  timeline?: readonly KnobChange[];
  /**
   * Leave the burn-in to the caller: the constructor builds the world only, and step() runs the
   * burn-in's days (unrecorded) before the first recorded one. The bench times them apart.
   */
  deferBurnIn?: boolean;
}
