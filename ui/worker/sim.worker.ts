/// <reference lib="webworker" />
/**
 * Runs one Simulation at a time off the main thread and streams it back in chunks:
 * about every 50 ms of compute it posts the new slice of every daily series (transferred),
 * the periods completed, a cell snapshot and the watched cell's new village events.
 * A new 'start' replaces the current run in place; the worker itself lives on.
 *
 * A start may name a model version: an archived one runs on its frozen bundle (versions/<v>/core.mjs,
 * imported once, then cached), so a link made with it gives the numbers it gave.
 */
import type { PeriodRecord } from '../../sim/index.ts';
import type { CoreKnobs, CoreSimulation, RunCore } from '../../versions/core-api.ts';
import { ARCHIVED_VERSIONS, VersionError, importArchived } from '../../versions/registry.ts';
import { CURRENT_RUN_CORE, loadRunCore } from '../../versions/run-core.ts';
import { cellBuffers, type ChunkMessage, type FromWorker, type ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Compute budget per chunk, in ms: short enough that pause and cancel feel instant. */
const SLICE_MS = 50;
/** Cell snapshots cost a pass over the cells; send them at most this often. */
const CELLS_EVERY_MS = 250;
/** The summary so far costs a few passes over the days; send it at most this often (and at the end). */
const SUMMARY_EVERY_MS = 250;

/** The model the run is on: today's, or an archived version's bundle. */
let core: RunCore = CURRENT_RUN_CORE;
let metricNames = core.METRICS.map((m) => m.name);
let sim: CoreSimulation | null = null;
/** Counts starts, so that a start whose core is still loading when another arrives is dropped. */
let starts = 0;
let runId = 0;
let preset = 'baseline';
let paused = false;
let speed = 0;
let wantCells = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let sentDay = 0;
let sentPeriods = 0;
let lastCellsAt = -Infinity;
let lastSummaryAt = -Infinity;
/** Days owed to the run at a limited speed. */
let credit = 0;
let lastTick = 0;
/** Pause between slices at full speed; set by the app when workers outnumber cores. */
let restMs = 0;

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function stop(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function schedule(delay = 0): void {
  if (timer !== null || !sim || paused || sim.done) return;
  timer = setTimeout(tick, delay);
}

/** Post everything new since the last chunk. */
function flush(ms: number, forceCells: boolean): void {
  if (!sim) return;
  const from = sentDay;
  const to = sim.day;
  const values: Float64Array[] = [];
  const daily = sim.daily;
  for (const name of metricNames) values.push(daily[name].slice(from, to));
  const periods: PeriodRecord[] = sim.periods.slice(sentPeriods);
  const now = performance.now();
  const sendCells = (wantCells && (forceCells || now - lastCellsAt >= CELLS_EVERY_MS)) || sim.done;
  const cells = sendCells ? sim.cells() : null;
  if (cells) lastCellsAt = now;
  const sendSummary = forceCells || sim.done || now - lastSummaryAt >= SUMMARY_EVERY_MS;
  if (sendSummary) lastSummaryAt = now;
  const msg: ChunkMessage = {
    type: 'chunk',
    runId,
    from,
    to,
    values,
    periods,
    cells,
    events: sim.drainEvents(),
    // the summary so far (the key figures are its numbers): at the end, on a step, and every SUMMARY_EVERY_MS
    summary: sendSummary ? sim.summary() : null,
    done: sim.done,
    ms,
  };
  sentDay = to;
  sentPeriods = sim.periods.length;
  const transfer: Transferable[] = values.map((v) => v.buffer as ArrayBuffer);
  if (cells) transfer.push(...cellBuffers(cells));
  post(msg, transfer);
}

function fail(err: unknown): void {
  stop();
  const message = err instanceof Error ? err.message : String(err);
  post({ type: 'error', runId, message, ...(err instanceof VersionError ? { problem: err.problem } : {}) });
  sim = null;
}

/** Build the run of a 'start' on its model's core (once the core is loaded) and begin computing. */
function begin(msg: Extract<ToWorker, { type: 'start' }>, on: RunCore): void {
  core = on;
  metricNames = core.METRICS.map((m) => m.name);
  lastTick = performance.now();
  // A version's knobs are its own: the contract types them as a plain record.
  const knobs = msg.knobs as unknown as CoreKnobs;
  // The page checks first; this is the last line of defence against a run that would crash the tab.
  const reasons = core.checkRunLimits(knobs, core.BROWSER_LIMITS);
  if (reasons.length) {
    post({ type: 'refused', runId, reasons });
    return;
  }
  try {
    sim = new core.Simulation(knobs, msg.seed, {
      ...(msg.watchCell === null ? {} : { watchCell: msg.watchCell }),
      ...(msg.timeline?.length ? { timeline: msg.timeline as { date: string; knobs: Record<string, unknown> }[] } : {}),
    });
    const dates: string[] = [];
    for (let d = 0; d < sim.days; d++) dates.push(sim.dateOf(d));
    post({
      type: 'init',
      runId,
      days: sim.days,
      startDate: sim.dateOf(0),
      metrics: metricNames,
      households: sim.watchedHouseholds,
      dates,
      script: scope.location.href,
      model: { name: core.MODEL.name, version: core.MODEL.version },
    });
    // A first snapshot so the district view has something before day one ends.
    if (wantCells) flush(0, true);
  } catch (err) {
    fail(err);
    return;
  }
  schedule();
}

function tick(): void {
  timer = null;
  if (!sim || paused || sim.done) return;
  const t0 = performance.now();
  try {
    let limit = Infinity;
    if (speed > 0) {
      credit = Math.min(credit + ((t0 - lastTick) * speed) / 1000, Math.max(1, speed));
      limit = Math.floor(credit);
    }
    lastTick = t0;
    let n = 0;
    while (!sim.done && n < limit && performance.now() - t0 < SLICE_MS) {
      sim.step();
      n++;
    }
    credit -= n;
    if (n > 0) flush(performance.now() - t0, false);
  } catch (err) {
    fail(err);
    return;
  }
  // At a limited speed, come back when the next day is due; else yield to messages and go on.
  schedule(speed > 0 ? Math.max(16, Math.min(250, 1000 / speed)) : restMs);
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'start': {
      stop();
      runId = msg.runId;
      paused = msg.paused;
      speed = msg.speed;
      wantCells = msg.cells;
      preset = msg.preset;
      sentDay = 0;
      sentPeriods = 0;
      lastCellsAt = -Infinity;
      lastSummaryAt = -Infinity;
      credit = 0;
      lastTick = performance.now();
      sim = null;
      const start = ++starts;
      const version = msg.model ?? CURRENT_RUN_CORE.MODEL.version;
      const archived = msg.archived === true && ARCHIVED_VERSIONS.includes(version);
      if (version === CURRENT_RUN_CORE.MODEL.version && !archived) {
        begin(msg, CURRENT_RUN_CORE); // today's model: at once, as before versions
        break;
      }
      // Pause, step, cancel and cells that arrive while the bundle loads act on the state above.
      (archived ? importArchived(version) : loadRunCore(version)).then(
        (c) => {
          if (start === starts) begin(msg, c);
        },
        (err) => {
          if (start === starts) fail(err instanceof VersionError ? err : new Error(`model ${version} could not be loaded: ${String(err)}`));
        },
      );
      break;
    }
    case 'pause':
      paused = true;
      stop();
      break;
    case 'resume':
      paused = false;
      lastTick = performance.now();
      credit = 0;
      schedule();
      break;
    case 'step':
      paused = true;
      stop();
      if (sim && !sim.done) {
        const t0 = performance.now();
        try {
          sim.step();
          flush(performance.now() - t0, true);
        } catch (err) {
          fail(err);
        }
      }
      break;
    case 'speed':
      speed = msg.speed;
      credit = 0;
      lastTick = performance.now();
      break;
    case 'pace':
      restMs = Math.max(0, Math.min(1000, msg.restMs));
      break;
    case 'cells':
      wantCells = msg.on;
      if (wantCells && sim) flush(0, true);
      break;
    case 'status':
      post({ type: 'status', runId, requestId: msg.requestId, computing: timer !== null, day: sim?.day ?? 0, hasRun: sim !== null });
      break;
    case 'crash':
      // An uncaught error outside any handler: the page sees the worker's 'error' event.
      setTimeout(() => {
        throw new Error('simulated worker crash (test hook)');
      });
      break;
    case 'cancel':
      // Stop computing but keep the run, so what was simulated can still be exported.
      stop();
      paused = true;
      break;
    case 'export':
      if (!sim) {
        post({ type: 'error', runId, requestId: msg.requestId, message: 'no run to export' });
        break;
      }
      try {
        // The run's own model writes its exports (an archived version: in its own format).
        const result = sim.result(preset);
        const text =
          msg.format === 'json' ? core.resultJson(result) : msg.format === 'csv' ? core.dailyCsv(result) : core.periodsCsv(result);
        post({ type: 'export', runId, requestId: msg.requestId, format: msg.format, text });
      } catch (err) {
        post({ type: 'error', runId, requestId: msg.requestId, message: err instanceof Error ? err.message : String(err) });
      }
      break;
  }
};
