/**
 * The scenario edits the app shell makes: one knob set or reset, a new preset that keeps the
 * user's world, the baseline of compare mode, the watched cell kept inside the world; and what
 * a page state asks to run. Pure: each returns new values.
 */
import { KNOBS, type KnobChange, type Knobs, type KnobValue } from '../../sim/index.ts';
import { PRESETS, presetKnobs, presetTimeline } from '../../scenarios/presets.ts';
import { checkTimeline } from '../../scenarios/loader.ts';
import type { RunPlan } from '../worker/run-controller.ts';
import type { PageState } from './page-link.ts';

type KnobRecord = Record<string, KnobValue>;

/** Knobs that define the world (size, calendar): kept when the preset changes and in the baseline. */
const WORLD_KNOBS = KNOBS.filter((k) => k.group === 'world').map((k) => k.name);

/** `base` with the world knobs of `from`. */
function withWorld(base: Knobs, from: Knobs): Knobs {
  const out = { ...base } as unknown as KnobRecord;
  const src = from as unknown as KnobRecord;
  for (const n of WORLD_KNOBS) out[n] = src[n];
  return out as unknown as Knobs;
}

/** One knob set to a value. */
export function setKnob(knobs: Knobs, name: string, value: KnobValue): Knobs {
  return { ...knobs, [name]: value } as Knobs;
}

/** One knob back to the preset's value. */
export function resetKnob(preset: string, knobs: Knobs, name: string): Knobs {
  const ref = presetKnobs(preset) as unknown as KnobRecord;
  return { ...knobs, [name]: ref[name] } as Knobs;
}

/**
 * The knobs of another preset, keeping the user's world except where the preset defines its own
 * (a village, Beijing); undefined for an unknown preset.
 */
export function switchPreset(name: string, knobs: Knobs): Knobs | undefined {
  const next = presetKnobs(name);
  if (!next) return undefined;
  return { ...withWorld(next, knobs), ...PRESETS[name].knobs } as Knobs;
}

/** Compare mode's baseline: the preset without the user's changes, in the user's world. */
export function baselineKnobs(preset: string, knobs: Knobs): Knobs {
  return withWorld(presetKnobs(preset) as Knobs, knobs);
}

/** A preset's own dated changes, as the page holds them. */
export function timelineOf(preset: string): KnobChange[] {
  return presetTimeline(preset) as KnobChange[];
}

/** The watched cell, or 0 when the world no longer has it. */
export function fitCell(cell: number, knobs: Knobs): number {
  return cell >= knobs.cells ? 0 : cell;
}

let reference: { preset: string; knobs: Knobs | null } = { preset: '', knobs: null };
/** The preset's knobs (what "changed" is measured against), the same object while the preset stays, so the knob panel is not redrawn on every chunk of a run. */
export function presetReference(preset: string): Knobs | null {
  if (reference.preset !== preset) reference = { preset, knobs: presetKnobs(preset) ?? null };
  return reference.knobs;
}

/** A timeline as it runs on these knobs: checked, changes outside the run (after a knob edit moved it) left out. */
function runnable(timeline: readonly KnobChange[], knobs: Knobs): KnobChange[] {
  return checkTimeline(timeline, knobs, { lenient: true }).timeline as KnobChange[];
}

/**
 * What to run for a page state: cell snapshots while a cell view is on screen (not when embedded),
 * the baseline in compare mode: the preset with its own timeline in the user's world; on a page
 * opened on an archived model, the same scenario on today's model (side by side across versions).
 */
export function runPlan(p: PageState): RunPlan {
  const cells = !p.embed && (p.view === 'district' || p.view === 'village');
  const base = !p.compare ? null : p.archived ? p.knobs : baselineKnobs(p.preset, p.knobs);
  return {
    preset: p.preset,
    knobs: p.knobs,
    timeline: runnable(p.timeline, p.knobs),
    archived: p.archived,
    seed: p.seed,
    watchCell: p.cell,
    cells,
    baseline: base,
    baselineTimeline: base ? runnable(p.archived ? p.timeline : timelineOf(p.preset), base) : [],
    seeds: p.seeds,
  };
}
