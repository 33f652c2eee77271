/**
 * A reactive controller for when the model runs, next to the SimController that runs it: now
 * (a new preset, seed, watched cell, import, story step), or after a short pause when knobs
 * change, so a slider drag starts one run, not fifty; and the baseline beside it in compare mode.
 * What to run is read from the host (`plan`) when the run starts, not when it was asked for.
 * The run controls' events (run-controls.ts: `run-pause`, `run-resume`, `run-step`,
 * `run-restart`, `run-cancel`, `run-speed`), bubbling up to the host, are handled here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KnobChange, Knobs } from '../../sim/index.ts';
import type { SimController } from './sim-controller.ts';

/** Changing a knob re-runs after this pause. */
export const RERUN_DEBOUNCE_MS = 400;

/** What the page wants run. */
export interface RunPlan {
  preset: string;
  knobs: Knobs;
  /** The scenario's dated changes. */
  timeline: readonly KnobChange[];
  /** An archived model version to run on, with its own knobs; null: today's model. */
  archived: { version: string; knobs: Record<string, unknown> } | null;
  seed: number;
  /** The cell whose village events are recorded. */
  watchCell: number;
  /** Send cell snapshots (the district and village views are on screen). */
  cells: boolean;
  /** The baseline's knobs in compare mode, else null. */
  baseline: Knobs | null;
  /** The baseline's own dated changes (compare mode). */
  baselineTimeline?: readonly KnobChange[];
  /** Paired seeds of a compare (1: the page's seed only). */
  seeds?: number;
}

/** The run controls' events and what each does. */
const CONTROLS: Record<string, (c: RunController, detail: { speed?: number } | undefined) => void> = {
  'run-pause': (c) => c.sim.pause(),
  'run-resume': (c) => c.sim.resume(),
  'run-step': (c) => c.sim.step(),
  'run-restart': (c) => c.restart(),
  'run-cancel': (c) => c.sim.cancel(),
  'run-speed': (c, d) => c.sim.setSpeed(d?.speed ?? 0),
};

export class RunController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onControl = (e: Event) => CONTROLS[e.type]?.(this, (e as CustomEvent<{ speed?: number }>).detail);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    readonly sim: SimController,
    private readonly plan: () => RunPlan,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of Object.keys(CONTROLS)) this.host.addEventListener(type, this.onControl);
  }

  /** Start the run now (and the baseline in compare mode, unless the same one already ran). */
  run(): void {
    this.cancelPending();
    const p = this.plan();
    const on = p.archived;
    const knobs = on ? (on.knobs as unknown as Knobs) : p.knobs;
    this.sim.start(knobs, p.seed, { watchCell: p.watchCell, cells: p.cells, preset: p.preset, timeline: p.timeline, model: on?.version });
    if (p.baseline) this.sim.startBaseline(p.preset, p.baseline, p.seed, false, p.baselineTimeline);
    this.seeds(p);
  }

  /** Compare mode over paired seeds: the further seeds run in the pool (not for another model version). */
  private seeds(p: RunPlan): void {
    const n = p.seeds ?? 1;
    if (p.baseline && !p.archived && n > 1)
      this.sim.startSeeds({
        preset: p.preset,
        knobs: p.knobs,
        timeline: p.timeline,
        baseline: p.baseline,
        baselineTimeline: p.baselineTimeline ?? [],
        seed: p.seed,
        n,
      });
    else this.sim.stopSeeds();
  }

  /** The number of paired seeds was changed. */
  seedsChanged(): void {
    this.seeds(this.plan());
  }

  /** Start the run after RERUN_DEBOUNCE_MS; each call restarts the pause. */
  runSoon(): void {
    this.cancelPending();
    this.timer = setTimeout(() => this.run(), RERUN_DEBOUNCE_MS);
  }

  /** Start again from day 0, the baseline too. */
  restart(): void {
    this.run();
    const p = this.plan();
    if (p.baseline) this.sim.startBaseline(p.preset, p.baseline, p.seed, true, p.baselineTimeline);
  }

  /** Compare mode was switched: run the baseline, or free its worker. */
  compareChanged(): void {
    const p = this.plan();
    if (p.baseline) this.sim.startBaseline(p.preset, p.baseline, p.seed, false, p.baselineTimeline);
    else this.sim.stopBaseline();
    this.seeds(p);
  }

  hostDisconnected(): void {
    for (const type of Object.keys(CONTROLS)) this.host.removeEventListener(type, this.onControl);
    this.cancelPending();
  }

  private cancelPending(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
