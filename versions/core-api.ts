/**
 * What an archived core bundle exports (versions/<v>/core.mjs, built by cli/archive.ts), as
 * types: the contract between today's runners (the command line, the app's worker) and a model
 * version's own frozen code. The current model satisfies it too (versions/run-core.ts,
 * versions/core.ts), so a runner is written once for every version.
 *
 * ARCHIVE_API 1 was frozen at model 0.1.0. Knobs are a plain record here, since each version has
 * its own knob list. The record shapes a runner passes on to the app (period records, cell
 * snapshots, village events, the summary) are today's types, identical to 0.1.0's; if the model
 * changes one of them, freeze 0.1.0's shape here and adapt it for the app, never the bundle.
 */
import type { Problem } from '../scenarios/loader.ts';
import type { CellSnapshot, PeriodRecord, RunLimits, Summary, VillageEvent } from '../sim/index.ts';

export type CoreKnobValue = number | boolean | string;
/** A version's knobs: its own names, validated by its own loader. */
export type CoreKnobs = Readonly<Record<string, CoreKnobValue>>;

export interface CoreModel {
  readonly name: string;
  readonly version: string;
}

export interface CoreScenario {
  preset: string;
  knobs: CoreKnobs;
}

export interface CoreRunResult {
  model: CoreModel;
  seed: number;
  scenario: CoreScenario;
  daily: Record<string, ArrayLike<number>>;
  periods: PeriodRecord[];
  summary: Summary;
}

/** The run a runner drives step by step (the app's worker) or at once (the command line). */
export interface CoreSimulation {
  readonly days: number;
  readonly day: number;
  readonly done: boolean;
  readonly watchedHouseholds: number;
  readonly daily: Readonly<Record<string, Float64Array>>;
  readonly periods: readonly PeriodRecord[];
  dateOf(day: number): string;
  step(): void;
  run(): CoreSimulation;
  drainEvents(): VillageEvent[];
  cells(): CellSnapshot;
  summary(): Summary;
  result(preset: string): CoreRunResult;
}

export interface CoreSimulationClass {
  /** `timeline` is understood from model 0.2.0 on (older versions ignore it: they have none). */
  new (
    knobs: CoreKnobs,
    seed: number,
    opts?: { watchCell?: number; timeline?: readonly { date: string; knobs: Record<string, unknown> }[] },
  ): CoreSimulation;
}

/** A loaded scenario: the version's own loader's answer. */
export interface CoreLoadResult {
  ok: boolean;
  scenario: CoreScenario;
  seed: number;
  /** Codes of an older version are ones this version knows or fewer; an unknown code falls back to the English message. */
  problems: Problem[];
}

export interface CoreParsedLink extends CoreLoadResult {
  lang?: 'en' | 'zh';
  version?: string;
  versionMismatch: boolean;
  extras: Record<string, string>;
}

export type CoreParsedKnob = { ok: true; name: string; value: CoreKnobValue } | { ok: false; problem: Problem };

/** What a runner needs to run a resolved scenario and write its results. */
export interface RunCore {
  readonly ARCHIVE_API: number;
  readonly MODEL: CoreModel;
  readonly METRICS: readonly { readonly name: string }[];
  readonly Simulation: CoreSimulationClass;
  readonly BROWSER_LIMITS: RunLimits;
  checkRunLimits(knobs: CoreKnobs, limits: RunLimits): string[];
  resultJson(result: CoreRunResult): string;
  dailyCsv(result: CoreRunResult): string;
  periodsCsv(result: CoreRunResult): string;
}

/** Everything needed to turn a link, a scenario file or a preset into a run result with one version's code. */
export interface CoreApi extends RunCore {
  readonly KNOBS: readonly { readonly name: string }[];
  readonly DEFAULT_PRESET: string;
  readonly GOLDEN_SEED: number;
  presetNames(): string[];
  presetKnobs(name: string): CoreKnobs | undefined;
  defaultKnobs(): CoreKnobs;
  parseLink(urlOrQuery: string): CoreParsedLink;
  loadScenario(input: unknown, opts?: { lenient?: boolean }): CoreLoadResult;
  loadScenarioText(text: string, opts?: { lenient?: boolean }): CoreLoadResult;
  importText(text: string): CoreLoadResult & { kind: 'scenario' | 'result' | 'csv' | null };
  parseKnobValue(name: string, text: string): CoreParsedKnob;
  checkSeed(value: unknown): { ok: true; seed: number } | { ok: false; message: string };
  scenarioToQuery(x: { preset: string; knobs: Partial<CoreKnobs>; seed: number; lang?: 'en' | 'zh' }): string;
  runScenario(scenario: CoreScenario, seed: number): CoreRunResult;
  goldenKnobs(spec: { preset: string; seed: number; over: Partial<CoreKnobs> }): CoreKnobs;
  goldenText(summary: Summary): string;
}
