/**
 * Messages between the app and the simulation worker. Every message carries the run id it
 * belongs to, so chunks of a run that was replaced are dropped on arrival.
 */
import type { Problem } from '../../scenarios/loader.ts';
import type { KnobChange, Knobs, PeriodRecord, CellSnapshot, VillageEvent, Summary } from '../../sim/index.ts';
import type { CoreKnobs, CoreModel } from '../../versions/core-api.ts';

/** Days per second; 0 means as fast as the worker can go. */
export type Speed = number;

export type ToWorker =
  | {
      type: 'start';
      runId: number;
      /** Today's knobs; on an archived model, the knobs its own loader resolved (its names). */
      knobs: Knobs | CoreKnobs;
      seed: number;
      watchCell: number | null;
      /** Start paused (stepping only). */
      paused: boolean;
      speed: Speed;
      /** Send cell snapshots (district view) with chunks. */
      cells: boolean;
      /** Preset name, written into exports. */
      preset: string;
      /** The scenario's dated changes (model 0.2.0 on). */
      timeline?: readonly KnobChange[];
      /**
       * The model version to run on (a link's v, a file's model; versions/registry.ts). Absent or
       * the current version: today's model. An archived version runs on its frozen bundle,
       * imported once by the worker. A version that never existed is an 'error' with its problem.
       */
      model?: string;
      /** Run even the current version on its archived bundle, when it has one (to check an archive in the browser). */
      archived?: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'speed'; speed: Speed }
  | { type: 'cells'; on: boolean }
  /** Rest this long between compute slices (leaves a core to the page when workers outnumber cores). */
  | { type: 'pace'; restMs: number }
  | { type: 'cancel' }
  /** Build an export of the run so far (in the worker, so the main thread stays free). */
  | { type: 'export'; requestId: number; format: ExportFormat }
  /** Is the worker computing? Answered with a 'status' message (tests and the watchdog). */
  | { type: 'status'; requestId: number }
  /** Test hook: throw an uncaught error in the worker, as a bug in the model would. */
  | { type: 'crash' };

export type ExportFormat = 'csv' | 'json' | 'periods-csv';

export interface ChunkMessage {
  type: 'chunk';
  runId: number;
  /** Days [from, to) whose values are in `values`; `to` is the run's new day. */
  from: number;
  to: number;
  /** One slice per metric, in the order of `init.metrics` (transferred). */
  values: Float64Array[];
  /** Periods completed since the previous chunk. */
  periods: PeriodRecord[];
  cells: CellSnapshot | null;
  events: VillageEvent[];
  /** The run's summary over the days so far (sim/summary.ts): at the end, on a step, and at most every 250 ms; else null. */
  summary: Summary | null;
  done: boolean;
  /** Milliseconds of compute in this chunk (for the status line). */
  ms: number;
}

export type FromWorker =
  | {
      type: 'init';
      runId: number;
      days: number;
      startDate: string;
      metrics: string[];
      households: number;
      dates: string[];
      /** The worker's own script URL (so the page can have it cached for offline use). */
      script: string;
      /** The model that runs it (the archived one when the start named it). */
      model: CoreModel;
    }
  | ChunkMessage
  | { type: 'export'; runId: number; requestId: number; format: ExportFormat; text: string }
  /** `problem`: why a start's model version cannot run (code 'unknown-version'), to show in the user's language. */
  | { type: 'error'; runId: number; message: string; requestId?: number; problem?: Problem }
  /** The run was refused before it was built: it would not fit in the browser (one line per reason). */
  | { type: 'refused'; runId: number; reasons: string[] }
  | { type: 'status'; runId: number; requestId: number; computing: boolean; day: number; hasRun: boolean };

/** Buffers of a cell snapshot, for the transfer list. */
export function cellBuffers(c: CellSnapshot): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(c)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
  }
  return out;
}
