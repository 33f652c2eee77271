/**
 * Compare mode over N paired seeds: the scenario and its baseline each run on the same seeds, in
 * a small pool of simulation workers beside the two that draw the charts, and only their summaries
 * are kept. Seed 0 is the page's own seed, whose runs are the charts' (SimController reads them
 * from its two workers, so they are not run twice); seed k ≥ 1 is replicateSeed(seed, k)
 * (experiments/seeds.ts, the experiments' derivation). A job is run once per plan: a summary is
 * kept by its inputs, so the same baseline on the same seed is not run again when only the
 * scenario changed, and a scenario equal to its baseline reuses the baseline's runs.
 */
import { replicateSeed } from '../../experiments/seeds.ts';
import type { KnobChange, Knobs, Summary } from '../../sim/index.ts';
import type { RunState, StartOptions } from './sim-controller.ts';
import type { Speed } from './protocol.ts';

/** Most seeds a compare may run (the link's `seeds` and the run controls' choices). */
export const MAX_SEEDS = 32;
/** Choices in the run controls. */
export const SEED_CHOICES: readonly number[] = [1, 2, 4, 8, 16, 32];

/** The paired runs' results so far, replaced (not mutated) on every change. */
export interface PairedRuns {
  /** The seeds, the page's seed first. */
  seeds: readonly number[];
  /** Summary of the scenario's run on seeds[k], null until it is done. */
  main: readonly (Summary | null)[];
  /** Summary of the baseline's run on seeds[k], null until it is done. */
  base: readonly (Summary | null)[];
  /** Runs done and to do (both sides; a side that reuses the other counts once). */
  done: number;
  total: number;
  /** The scenario equals its baseline: one run per seed serves both sides. */
  same: boolean;
}

/** What the pool needs of a worker (SimController's Runner). */
export interface PoolRunner {
  readonly state: RunState;
  start(knobs: Knobs, seed: number, opts: StartOptions, paused: boolean, speed: Speed): void;
  pace(restMs: number): void;
  cancel(): void;
  terminate(): void;
}

export interface SeedPlan {
  preset: string;
  knobs: Knobs;
  timeline: readonly KnobChange[];
  baseline: Knobs;
  baselineTimeline: readonly KnobChange[];
  seed: number;
  n: number;
}

/** The seeds of a compare over n seeds from the page's seed. */
export function pairedSeeds(seed: number, n: number): number[] {
  return Array.from({ length: Math.max(1, Math.min(MAX_SEEDS, Math.floor(n))) }, (_, k) => (k === 0 ? seed : replicateSeed(seed, k)));
}

interface Job {
  key: string;
  knobs: Knobs;
  timeline: readonly KnobChange[];
  seed: number;
}

const jobKey = (preset: string, knobs: Knobs, timeline: readonly KnobChange[], seed: number) =>
  JSON.stringify([preset, knobs, timeline, seed]);

export class SeedRuns {
  private readonly runners: PoolRunner[] = [];
  /** The job each runner carries, by index. */
  private readonly carrying: (Job | null)[] = [];
  private queue: Job[] = [];
  /** Summaries of finished runs, by their inputs (kept across plans, cleared when compare ends). */
  private readonly done = new Map<string, Summary>();
  private plan: SeedPlan | null = null;
  private keys: { main: string[]; base: string[] } = { main: [], base: [] };

  constructor(
    /** A new worker whose changes call `onChange(runner)`. */
    private readonly makeRunner: (onChange: () => void) => PoolRunner,
    /** Workers the pool may use. */
    private readonly size: number,
    private readonly changed: () => void,
  ) {}

  get active(): boolean {
    return this.plan !== null;
  }

  /** Run a plan's seeds 1..n−1 on both sides (seed 0 is the charts' runs); jobs already done are kept. */
  start(plan: SeedPlan, force = false): void {
    if (force) this.done.clear();
    this.plan = plan;
    const seeds = pairedSeeds(plan.seed, plan.n);
    this.keys = {
      main: seeds.map((s) => jobKey(plan.preset, plan.knobs, plan.timeline, s)),
      base: seeds.map((s) => jobKey(plan.preset, plan.baseline, plan.baselineTimeline, s)),
    };
    const want = new Map<string, Job>();
    for (let k = 1; k < seeds.length; k++) {
      want.set(this.keys.base[k], { key: this.keys.base[k], knobs: plan.baseline, timeline: plan.baselineTimeline, seed: seeds[k] });
      want.set(this.keys.main[k], { key: this.keys.main[k], knobs: plan.knobs, timeline: plan.timeline, seed: seeds[k] });
    }
    // runs of the new plan already running go on; others stop
    for (let i = 0; i < this.runners.length; i++) {
      const job = this.carrying[i];
      if (job && (!want.has(job.key) || this.done.has(job.key))) this.carrying[i] = null;
    }
    const running = new Set(this.carrying.filter((j): j is Job => j !== null).map((j) => j.key));
    this.queue = [...want.values()].filter((j) => !this.done.has(j.key) && !running.has(j.key));
    for (let i = 0; i < this.runners.length; i++) if (!this.carrying[i]) this.next(i);
    while (this.queue.length && this.runners.length < this.size) this.next(this.addRunner());
    this.changed();
  }

  /** Leave paired mode: free the pool's workers (finished summaries are kept for a return). */
  stop(): void {
    this.plan = null;
    this.queue = [];
    for (const r of this.runners) r.terminate();
    this.runners.length = 0;
    this.carrying.length = 0;
  }

  /** Forget every summary (compare mode left, or a forced restart). */
  clear(): void {
    this.stop();
    this.done.clear();
  }

  pace(restMs: number): void {
    for (const r of this.runners) r.pace(restMs);
  }

  get workers(): number {
    return this.runners.length;
  }

  /** The results so far, with seed 0's summaries from the charts' runs. */
  results(main0: Summary | null, base0: Summary | null): PairedRuns | null {
    const p = this.plan;
    if (!p) return null;
    const seeds = pairedSeeds(p.seed, p.n);
    const same = this.keys.main[0] === this.keys.base[0];
    const main = seeds.map((_, k) => (k === 0 ? main0 : (this.done.get(this.keys.main[k]) ?? null)));
    const base = seeds.map((_, k) => (k === 0 ? (same ? main0 : base0) : (this.done.get(this.keys.base[k]) ?? null)));
    const count = (xs: readonly (Summary | null)[]) => xs.filter((x) => x !== null).length;
    return {
      seeds,
      main,
      base,
      done: same ? count(main) : count(main) + count(base),
      total: same ? seeds.length : 2 * seeds.length,
      same,
    };
  }

  private addRunner(): number {
    const i = this.runners.length;
    this.carrying.push(null);
    this.runners.push(this.makeRunner(() => this.onRunner(i)));
    return i;
  }

  /** Give runner i the next job, if any. */
  private next(i: number): void {
    const job = this.queue.shift() ?? null;
    this.carrying[i] = job;
    if (!job || !this.plan) {
      this.runners[i].cancel();
      return;
    }
    this.runners[i].start(
      job.knobs,
      job.seed,
      { watchCell: null, cells: false, preset: this.plan.preset, timeline: job.timeline },
      false,
      0,
    );
  }

  private onRunner(i: number): void {
    const r = this.runners[i];
    const job = this.carrying[i];
    if (!r || !job) return;
    const st = r.state;
    if (st.status === 'done' && st.summary) {
      this.done.set(job.key, st.summary);
      this.next(i);
      this.changed();
    } else if (st.status === 'error' || st.status === 'refused') {
      // the charts' run on the page's seed shows the error; this seed stays without a result
      this.next(i);
      this.changed();
    }
  }
}
