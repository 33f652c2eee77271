/**
 * A lit ReactiveController that owns a pool of Web Workers (as many as the browser reports
 * cores) and runs an experiment on it: each worker is handed the next run index as it finishes
 * one, records are kept by run index, progress is published at most every UPDATE_MS, and
 * cancel (or the host leaving the page) terminates every worker.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RunRecord } from '../../experiments/index.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './protocol.ts';

export type PoolStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface PoolState {
  status: PoolStatus;
  done: number;
  total: number;
  workers: number;
  /** Milliseconds since the start. */
  elapsed: number;
  error: string | null;
}

const UPDATE_MS = 150;

export class ExperimentPool implements ReactiveController {
  state: PoolState = { status: 'idle', done: 0, total: 0, workers: 0, elapsed: 0, error: null };
  /** Records by run index (complete once status is 'done'). */
  records: RunRecord[] = [];
  private workers: Worker[] = [];
  private next = 0;
  private t0 = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private onDone: ((records: RunRecord[]) => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Workers to use: the browser's core count, at least one, at most the runs. */
  static size(total: number): number {
    const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
    return Math.max(1, Math.min(cores, total));
  }

  /**
   * Run `total` runs of the experiment (plain JSON); `onDone` gets the records in run order.
   * Records already finished (`have`, by run index: a resumed experiment) are kept, not run again.
   */
  start(
    experiment: unknown,
    total: number,
    onDone: (records: RunRecord[]) => void,
    have: readonly (RunRecord | null | undefined)[] = [],
  ): void {
    this.stop();
    this.records = new Array(total);
    let done = 0;
    for (let i = 0; i < total; i++) {
      const r = have[i];
      if (r) {
        this.records[i] = r;
        done++;
      }
    }
    this.next = 0;
    this.t0 = performance.now();
    this.onDone = onDone;
    if (done === total) {
      this.state = { status: 'done', done, total, workers: 0, elapsed: 0, error: null };
      onDone(this.records);
      this.host.requestUpdate();
      return;
    }
    const n = ExperimentPool.size(total - done);
    this.state = { status: 'running', done, total, workers: n, elapsed: 0, error: null };
    for (let i = 0; i < n; i++) {
      const w = new Worker(new URL('./experiment.worker.ts', import.meta.url), { type: 'module', name: `hotline-experiment-${i}` });
      w.onmessage = (ev: MessageEvent<FromExperimentWorker>) => this.receive(w, ev.data);
      w.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        this.fail(ev.message || 'experiment worker failed to load');
      };
      w.postMessage({ type: 'init', experiment } satisfies ToExperimentWorker);
      this.workers.push(w);
      this.feed(w);
    }
    this.host.requestUpdate();
  }

  cancel(): void {
    if (this.state.status !== 'running') return;
    this.stop();
    this.state = { ...this.state, status: 'cancelled', elapsed: performance.now() - this.t0 };
    this.host.requestUpdate();
  }

  private feed(w: Worker): void {
    while (this.next < this.state.total && this.records[this.next]) this.next++;
    if (this.next < this.state.total) w.postMessage({ type: 'run', run: this.next++ } satisfies ToExperimentWorker);
  }

  private receive(w: Worker, m: FromExperimentWorker): void {
    if (this.state.status !== 'running') return;
    if (m.type === 'error') {
      this.fail(m.run >= 0 ? `run ${m.run}: ${m.message}` : m.message);
      return;
    }
    this.records[m.record.run] = m.record;
    this.feed(w);
    const done = this.state.done + 1;
    this.state = { ...this.state, done, elapsed: performance.now() - this.t0 };
    if (done === this.state.total) {
      this.stop();
      this.state = { ...this.state, status: 'done' };
      this.onDone?.(this.records);
      this.host.requestUpdate();
      return;
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.host.requestUpdate();
      }, UPDATE_MS);
    }
  }

  private fail(message: string): void {
    this.stop();
    this.state = { ...this.state, status: 'error', error: message };
    this.host.requestUpdate();
  }

  private stop(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
