/**
 * A lit ReactiveController that owns the simulation workers: one for the scenario and, in
 * compare mode, one for the baseline. It turns the workers' chunks into RunViews for the
 * charts and asks its host to re-render at most every UPDATE_MS. Workers are reused across
 * restarts (a new run replaces the old one in place) and terminated when the host leaves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  BROWSER_LIMITS,
  checkRunLimits,
  MODEL,
  type KnobChange,
  type Knobs,
  type PeriodRecord,
  type CellSnapshot,
  type VillageEvent,
  type Summary,
} from '../../sim/index.ts';
import type { RunView } from '../charts/types.ts';
import type { ExportFormat, FromWorker, Speed, ToWorker } from './protocol.ts';
import { cacheForOffline } from '../offline.ts';
import { pendingDraws } from '../charts/draw-queue.ts';
import { SeedRuns, type PairedRuns, type SeedPlan } from './seed-runs.ts';

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'done' | 'cancelled' | 'error' | 'refused';

/** Everything the UI shows about one run. Replaced (not mutated) on every published update. */
export interface RunState {
  status: RunStatus;
  view: RunView | null;
  /** Date string of each day, from the core's calendar. */
  dates: string[];
  cells: CellSnapshot | null;
  events: VillageEvent[];
  households: number;
  summary: Summary | null;
  error: string | null;
  /** Knobs and seed the run was started with (for exports). */
  knobs: Knobs | null;
  seed: number;
  /** Why the worker refused the run (too large for the browser), one line per reason. */
  refused: string[];
  /** The worker crashed or stopped answering and was restarted: what happened (shown to the user). */
  restarted: string | null;
}

export interface StartOptions {
  watchCell: number | null;
  cells: boolean;
  /** The scenario's dated changes (none when absent). */
  timeline?: readonly KnobChange[];
  /** An archived model version to run on (versions/); absent: today's model. */
  model?: string;
  /** Preset name, written into exports. */
  preset: string;
}

/** Host re-renders at most this often while chunks stream in (twice as long while two runs stream)... */
const UPDATE_MS = 120;
/** ...and leaves the main thread idle at least this many times as long as the last render took. */
const IDLE_FACTOR = 3;
/** Rest between a worker's compute slices when workers would take every core from the page. */
const REST_MS = 30;
/** A running worker that sends nothing for this long is taken for dead and restarted... */
const WATCHDOG_MS = 20_000;
/** ...and one still building its world (Beijing: 21.9 million residents) this long. */
const WATCHDOG_START_MS = 120_000;
/** Restarts of one run before giving up with an error. */
const MAX_RESTARTS = 2;

function emptyState(): RunState {
  return {
    status: 'idle',
    view: null,
    dates: [],
    cells: null,
    events: [],
    households: 0,
    summary: null,
    error: null,
    knobs: null,
    seed: 0,
    refused: [],
    restarted: null,
  };
}

export interface WorkerStatus {
  alive: boolean;
  computing: boolean;
  day: number;
  hasRun: boolean;
}

/** One worker and the run it carries. */
class Runner {
  worker: Worker | null = null;
  runId = 0;
  state: RunState = emptyState();
  /** Mutable accumulators; published into `state` by `publish()`. */
  private daily: Record<string, Float64Array> = {};
  private periods: PeriodRecord[] = [];
  private events: VillageEvent[] = [];
  private metrics: string[] = [];
  private day = 0;
  private days = 0;
  private startDate = '';
  dirty = false;
  private requests = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  private statusRequests = new Map<number, (s: WorkerStatus) => void>();
  private nextRequest = 1;
  /** How the current run was started, so a crashed worker's run can start again. */
  private last: { knobs: Knobs; seed: number; opts: StartOptions; paused: boolean; speed: Speed } | null = null;
  private restarts = 0;
  private lastHeard = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly onChange: (urgent: boolean) => void) {}

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'hotline-sim' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      this.lastHeard = performance.now();
      this.receive(ev.data);
    };
    w.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.recover(ev.message || 'the worker failed');
    };
    w.onmessageerror = () => {
      this.state = { ...this.state, status: 'error', error: 'message could not be read' };
      this.onChange(true);
    };
    this.worker = w;
    this.lastHeard = performance.now();
    if (this.watchdog === null) this.watchdog = setInterval(() => this.checkAlive(), WATCHDOG_MS / 4);
    return w;
  }

  /** A running worker that has gone silent (killed, hung) is restarted. */
  private checkAlive(): void {
    const st = this.state.status;
    if (!this.worker || (st !== 'running' && st !== 'starting')) return;
    const limit = st === 'starting' ? WATCHDOG_START_MS : WATCHDOG_MS;
    if (performance.now() - this.lastHeard > limit) this.recover(`no answer for ${limit / 1000} s`);
  }

  /**
   * The worker crashed (an uncaught error, a failed load) or stopped answering: replace it and
   * start the run again from day 0 (same knobs and seed, so the same numbers), with a message.
   * After MAX_RESTARTS in a row the run ends with an error instead.
   */
  private recover(reason: string): void {
    this.dropWorker(new Error(`worker stopped: ${reason}`));
    const last = this.last;
    if (!last || this.state.status === 'idle') return;
    if (this.restarts >= MAX_RESTARTS) {
      this.state = { ...this.state, status: 'error', error: reason, restarted: null };
      this.onChange(true);
      return;
    }
    this.restarts++;
    this.begin(last.knobs, last.seed, last.opts, last.paused, last.speed, reason);
  }

  private dropWorker(err: Error): void {
    for (const r of this.requests.values()) r.reject(err);
    this.requests.clear();
    this.statusRequests.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  private send(msg: ToWorker): void {
    this.worker?.postMessage(msg);
  }

  start(knobs: Knobs, seed: number, opts: StartOptions, paused: boolean, speed: Speed): void {
    this.restarts = 0;
    // A run that would not fit in a tab is refused up front, with the reasons and what to do.
    const reasons = checkRunLimits(knobs, BROWSER_LIMITS);
    if (reasons.length) {
      if (this.worker) this.send({ type: 'cancel' });
      this.runId++;
      this.last = null;
      this.daily = {};
      this.periods = [];
      this.events = [];
      this.day = 0;
      this.days = 0;
      this.state = { ...emptyState(), status: 'refused', knobs, seed, refused: reasons };
      this.onChange(true);
      return;
    }
    this.begin(knobs, seed, opts, paused, speed, null);
  }

  private begin(knobs: Knobs, seed: number, opts: StartOptions, paused: boolean, speed: Speed, restarted: string | null): void {
    const w = this.ensureWorker();
    this.last = { knobs, seed, opts, paused, speed };
    this.runId++;
    this.daily = {};
    this.periods = [];
    this.events = [];
    this.day = 0;
    this.days = 0;
    this.state = { ...emptyState(), status: 'starting', knobs, seed, restarted };
    const msg: ToWorker = {
      type: 'start',
      runId: this.runId,
      knobs,
      seed,
      watchCell: opts.watchCell,
      paused,
      speed,
      cells: opts.cells,
      preset: opts.preset,
      ...(opts.timeline?.length ? { timeline: opts.timeline } : {}),
      ...(opts.model ? { model: opts.model } : {}),
    };
    w.postMessage(msg);
    this.onChange(true);
  }

  /** The run so far as export text, built in the worker. */
  exportText(format: ExportFormat): Promise<string> {
    if (!this.worker) return Promise.reject(new Error('no run'));
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.requests.set(requestId, { resolve, reject });
      this.send({ type: 'export', requestId, format });
    });
  }

  /** Ask the worker whether it is computing (tests; the answer comes from the worker itself). */
  status(): Promise<WorkerStatus> {
    if (!this.worker) return Promise.resolve({ alive: false, computing: false, day: 0, hasRun: false });
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.statusRequests.set(requestId, resolve);
      this.send({ type: 'status', requestId });
    });
  }

  /** Test hooks: make the worker throw an uncaught error, or kill it as the browser might. */
  crash(): void {
    this.send({ type: 'crash' });
  }
  kill(): void {
    if (!this.worker) return;
    this.recover('the worker was killed');
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'status') {
      this.statusRequests.get(msg.requestId)?.({ alive: true, computing: msg.computing, day: msg.day, hasRun: msg.hasRun });
      this.statusRequests.delete(msg.requestId);
      return;
    }
    if (msg.type === 'export' || (msg.type === 'error' && msg.requestId !== undefined)) {
      const req = this.requests.get(msg.requestId!);
      this.requests.delete(msg.requestId!);
      if (msg.type === 'export') req?.resolve(msg.text);
      else req?.reject(new Error(msg.message));
      return;
    }
    if (msg.runId !== this.runId) return; // a chunk of a run that was replaced
    if (this.state.status === 'cancelled') return; // in flight when the user cancelled
    switch (msg.type) {
      case 'init': {
        cacheForOffline([msg.script]);
        this.metrics = msg.metrics;
        this.days = msg.days;
        this.startDate = msg.startDate;
        for (const m of msg.metrics) this.daily[m] = new Float64Array(msg.days);
        const status = this.state.status === 'starting' ? 'running' : this.state.status;
        this.state = { ...this.state, status, dates: msg.dates, households: msg.households };
        this.publish();
        this.onChange(true);
        break;
      }
      case 'chunk': {
        for (let i = 0; i < this.metrics.length; i++) this.daily[this.metrics[i]].set(msg.values[i], msg.from);
        this.day = msg.to;
        if (msg.periods.length) this.periods = this.periods.concat(msg.periods);
        if (msg.events.length) this.events = this.events.concat(msg.events);
        if (msg.cells) this.state = { ...this.state, cells: msg.cells };
        if (msg.summary) this.state = { ...this.state, summary: msg.summary };
        if (msg.done) this.state = { ...this.state, status: 'done' };
        this.dirty = true;
        this.onChange(msg.done);
        break;
      }
      case 'error':
        this.state = { ...this.state, status: 'error', error: msg.message };
        this.onChange(true);
        break;
      case 'refused':
        this.state = { ...this.state, status: 'refused', refused: msg.reasons };
        this.onChange(true);
        break;
    }
  }

  /** Copy the accumulators into a fresh state object, so lit sees new property values. */
  publish(): void {
    this.dirty = false;
    if (!this.days) return;
    const timeline = this.last?.opts.timeline ?? [];
    const model = this.last?.opts.model ?? MODEL.version;
    const view: RunView = {
      startDate: this.startDate,
      day: this.day,
      days: this.days,
      daily: this.daily,
      periods: this.periods,
      timeline,
      model,
    };
    this.state = { ...this.state, view, events: this.events };
  }

  pause(): void {
    if (this.state.status === 'running' || this.state.status === 'starting') {
      this.send({ type: 'pause' });
      this.state = { ...this.state, status: 'paused' };
    }
  }
  resume(): void {
    if (this.state.status === 'paused') {
      this.send({ type: 'resume' });
      this.state = { ...this.state, status: 'running' };
    }
  }
  step(): void {
    if (this.state.status === 'running' || this.state.status === 'paused' || this.state.status === 'starting') {
      this.send({ type: 'step' });
      this.state = { ...this.state, status: 'paused' };
    }
  }
  speed(speed: Speed): void {
    this.send({ type: 'speed', speed });
  }
  pace(restMs: number): void {
    this.send({ type: 'pace', restMs });
  }
  cells(on: boolean): void {
    this.send({ type: 'cells', on });
  }
  cancel(): void {
    if (this.state.status === 'running' || this.state.status === 'paused' || this.state.status === 'starting') {
      this.send({ type: 'cancel' });
      this.publish();
      this.state = { ...this.state, status: 'cancelled' };
    }
  }
  terminate(): void {
    this.dropWorker(new Error('worker stopped'));
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.last = null;
    this.runId++;
  }
}

export class SimController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly mainRunner: Runner;
  private baselineRunner: Runner | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUpdate = 0;
  private lastCost = 0;
  private _speed: Speed = 0;
  /** Signature of the baseline run, so an unchanged baseline is not re-run. */
  private baselineKey = '';
  /** Signature of the scenario's run, the same form as the baseline's. */
  private mainKey = '';
  /** The baseline is the scenario itself (nothing changed): the scenario's run serves both sides. */
  private baselineSame = false;
  /** Compare mode's runs on further paired seeds (seed-runs.ts). */
  private readonly seedRuns: SeedRuns;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    this.mainRunner = new Runner((urgent) => this.changed(urgent));
    const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;
    // beside the charts' two workers, leave the page a core when there are enough
    const poolSize = Math.max(1, Math.min(4, cores - 2));
    this.seedRuns = new SeedRuns(
      (onChange) => new Runner(() => onChange()),
      poolSize,
      () => {
        this.pace();
        this.changed(true);
      },
    );
    host.addController(this);
  }

  get main(): RunState {
    return this.mainRunner.state;
  }
  get baseline(): RunState | null {
    if (this.baselineSame) return this.mainRunner.state;
    return this.baselineRunner?.state ?? null;
  }
  /** Does the baseline reuse the scenario's run (nothing differs)? */
  get baselineReused(): boolean {
    return this.baselineSame;
  }
  /** Compare mode over two or more paired seeds: the summaries so far, else null. */
  get paired(): PairedRuns | null {
    const done = (s: RunState | null) => (s?.status === 'done' ? s.summary : null);
    return this.seedRuns.results(done(this.main), done(this.baseline));
  }
  get speedValue(): Speed {
    return this._speed;
  }
  get paused(): boolean {
    return this.main.status === 'paused';
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.mainRunner.terminate();
    this.baselineRunner?.terminate();
    this.baselineRunner = null;
    this.baselineKey = '';
    this.baselineSame = false;
    this.seedRuns.clear();
  }

  /** Start (or restart) the scenario run. Keeps the speed. */
  start(knobs: Knobs, seed: number, opts: StartOptions): void {
    this.mainKey = JSON.stringify([opts.preset, knobs, seed, opts.timeline ?? [], opts.model ?? null]);
    this.mainRunner.start(knobs, seed, opts, false, this._speed);
    this.pace();
  }

  /**
   * On a machine with no more cores than running workers (a two-core laptop in compare mode),
   * let each worker rest between slices so the page keeps a core to draw on.
   */
  private pace(): void {
    const cores = navigator.hardwareConcurrency || 2;
    const workers = 1 + (this.baselineRunner ? 1 : 0) + this.seedRuns.workers;
    const rest = cores > workers ? 0 : REST_MS;
    this.mainRunner.pace(rest);
    this.baselineRunner?.pace(rest);
    this.seedRuns.pace(rest);
  }

  /**
   * Run the baseline in a second worker, with its own timeline; skipped when the same baseline
   * already ran or runs.
   */
  startBaseline(preset: string, knobs: Knobs, seed: number, force = false, timeline: readonly KnobChange[] = []): void {
    const key = JSON.stringify([preset, knobs, seed, timeline]);
    if (JSON.stringify([preset, knobs, seed, timeline, null]) === this.mainKey) {
      // nothing differs from the scenario: its run is the baseline's too, not run a second time
      this.baselineRunner?.terminate();
      this.baselineRunner = null;
      this.baselineKey = '';
      this.baselineSame = true;
      this.pace();
      this.changed(true);
      return;
    }
    this.baselineSame = false;
    if (!this.baselineRunner) this.baselineRunner = new Runner((urgent) => this.changed(urgent));
    const st = this.baselineRunner.state.status;
    if (!force && key === this.baselineKey && st !== 'error' && st !== 'cancelled' && st !== 'idle') return;
    this.baselineKey = key;
    this.baselineRunner.start(knobs, seed, { watchCell: null, cells: false, preset, timeline }, false, this._speed);
    this.pace();
  }

  /** Leave compare mode: the baseline's worker is not needed any more. */
  stopBaseline(): void {
    this.baselineRunner?.terminate();
    this.baselineRunner = null;
    this.baselineKey = '';
    this.baselineSame = false;
    this.seedRuns.clear();
    this.pace();
    this.changed(true);
  }

  /** Compare over plan.n paired seeds (n ≥ 2): run the further seeds in the pool; n = 1 stops it. */
  startSeeds(plan: SeedPlan, force = false): void {
    if (plan.n < 2) {
      this.stopSeeds();
      return;
    }
    this.seedRuns.start(plan, force);
    this.pace();
  }

  /** One seed again: free the pool's workers. */
  stopSeeds(): void {
    if (!this.seedRuns.active) return;
    this.seedRuns.stop();
    this.pace();
    this.changed(true);
  }

  private each(f: (r: Runner) => void): void {
    f(this.mainRunner);
    if (this.baselineRunner) f(this.baselineRunner);
    this.changed(true);
  }

  pause(): void {
    this.each((r) => r.pause());
  }
  resume(): void {
    this.each((r) => r.resume());
  }
  step(): void {
    this.each((r) => r.step());
  }
  /** Stop computing: the charts' runs keep what they have; the paired seeds' workers are freed (Restart runs the rest). */
  cancel(): void {
    this.seedRuns.stop();
    this.each((r) => r.cancel());
  }
  setSpeed(speed: Speed): void {
    this._speed = speed;
    this.each((r) => r.speed(speed));
  }
  /** The scenario run (or the baseline's) so far, as export text. */
  exportText(format: ExportFormat, which: 'main' | 'baseline' = 'main'): Promise<string> {
    const r = which === 'main' || this.baselineSame ? this.mainRunner : this.baselineRunner;
    return r ? r.exportText(format) : Promise.reject(new Error('no baseline run'));
  }

  /**
   * Test hooks, harmless in production: crash or kill a run's worker (it is restarted and the
   * run starts again), and ask a worker whether it is still computing.
   */
  crashWorker(which: 'main' | 'baseline' = 'main'): void {
    (which === 'main' ? this.mainRunner : this.baselineRunner)?.crash();
  }
  killWorker(which: 'main' | 'baseline' = 'main'): void {
    (which === 'main' ? this.mainRunner : this.baselineRunner)?.kill();
  }
  workerStatus(which: 'main' | 'baseline' = 'main'): Promise<WorkerStatus> {
    const r = which === 'main' ? this.mainRunner : this.baselineRunner;
    return r ? r.status() : Promise.resolve({ alive: false, computing: false, day: 0, hasRun: false });
  }

  /** Ask for cell snapshots only while the district view is on screen. */
  wantCells(on: boolean): void {
    this.mainRunner.cells(on);
  }

  /** Publish and re-render now (urgent) or within UPDATE_MS. */
  private changed(urgent: boolean): void {
    const now = performance.now();
    // Two streaming runs double the drawing per update: update half as often.
    const gap = Math.max(this.baselineRunner ? 2 * UPDATE_MS : UPDATE_MS, IDLE_FACTOR * this.lastCost);
    const due = urgent ? 0 : Math.max(0, gap - (now - this.lastUpdate));
    if (this.timer !== null) {
      if (!urgent) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      const t0 = performance.now();
      if (this.mainRunner.dirty) this.mainRunner.publish();
      if (this.baselineRunner?.dirty) this.baselineRunner.publish();
      this.host.requestUpdate();
      // Lit renders in microtasks of this task and the charts then draw in tasks of their own
      // (draw-queue.ts): the update's cost is the time until the last chart has drawn.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (pendingDraws() > 0 && performance.now() - t0 < 1000) {
          ch.port2.postMessage(null);
          return;
        }
        this.lastUpdate = performance.now();
        this.lastCost = Math.min(1000, this.lastUpdate - t0);
        ch.port1.close();
      };
      ch.port2.postMessage(null);
    }, due);
  }
}
