/**
 * Entering and leaving story mode: a step loads its own scenario (preset, knobs, the preset's
 * timeline, seed, view, compare) and waits for the class to predict before it runs; leaving
 * runs the scenario on screen if it has not run.
 */
import type { Knobs } from '../../sim/index.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { storyStep } from '../../scenarios/story.ts';
import type { PageState, View } from './page-link.ts';
import { timelineOf } from './scenario-edits.ts';
import type { SimController } from '../worker/sim-controller.ts';

export interface StoryHost {
  sim: SimController;
  set(change: Partial<PageState>): void;
  setView(view: View): void;
  run(): void;
}

export class StoryController {
  constructor(private readonly host: StoryHost) {}

  /** Load step n's scenario (it runs when the class has predicted). */
  enter(n: number): void {
    const s = storyStep(n);
    if (!s) return;
    const { sim } = this.host;
    sim.cancel();
    const knobs = { ...presetKnobs(s.preset), ...s.knobs } as Knobs;
    this.host.set({ storyStep: n, preset: s.preset, knobs, timeline: timelineOf(s.preset), seed: s.seed, cell: 0, compare: s.compare });
    this.host.setView(s.view);
    if (!s.compare) sim.stopBaseline();
  }

  exit(): void {
    this.host.set({ storyStep: 0 });
    const status = this.host.sim.main.status;
    if (status !== 'done' && status !== 'running') this.host.run();
  }
}
