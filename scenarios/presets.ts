/**
 * Presets: named scenarios, each a JSON file of overrides on the knob defaults, with the
 * article passage it comes from and the question it asks. The files are listed in
 * `preset-files.ts`; `test/unit/presets.test.ts` checks every one loads strictly.
 */
import { defaultKnobs, type Knobs, type KnobValue } from '../sim/index.ts';
import * as files from './preset-files.ts';

export interface Bilingual {
  en: string;
  zh: string;
}

export interface Preset {
  /** The preset's id, used in scenario files and links (kebab-case). */
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** The article passage (Chinese) the preset comes from. */
  passage: string;
  /** The question the preset lets a user ask. */
  question: Bilingual;
  /** Overrides of the knob defaults. */
  knobs: Partial<Record<string, KnobValue>>;
  /** Dated changes during the run (scenarios/timeline.ts), as a scenario file writes them. */
  timeline?: { date: string; knobs: Partial<Record<string, KnobValue>> }[];
}

const ordered = (Object.values(files) as Preset[])
  .slice()
  .sort((a, b) => (a.name === 'baseline' ? -1 : b.name === 'baseline' ? 1 : a.name.localeCompare(b.name)));

/** Every preset by name; `baseline` first. */
export const PRESETS: Readonly<Record<string, Preset>> = Object.freeze(Object.fromEntries(ordered.map((p) => [p.name, p])));

export const DEFAULT_PRESET = 'baseline';

/** Presets in display order (baseline first, then by name). */
export function listPresets(): Preset[] {
  return ordered.slice();
}

export function presetNames(): string[] {
  return ordered.map((p) => p.name);
}

/**
 * The fully resolved knobs of a preset: the defaults with its overrides applied.
 * Trusts the preset file (the preset test validates every one); unknown name gives undefined.
 */
export function presetKnobs(name: string): Knobs | undefined {
  const p = PRESETS[name];
  if (!p) return undefined;
  return { ...defaultKnobs(), ...p.knobs } as Knobs;
}

/** A preset's timeline as written in its file (unchecked: the loader resolves it), or [] when it has none. */
export function presetTimeline(name: string): { date: string; knobs: Partial<Record<string, KnobValue>> }[] {
  return PRESETS[name]?.timeline ?? [];
}
