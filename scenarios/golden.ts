/**
 * Golden summaries: each preset run at a fixed seed is a regression fixture
 * (test/fixtures/golden/<preset>.json). Heavy presets run on a shortened horizon and/or a
 * scaled-down world, recorded in the fixture. Pure (no Node APIs) so that a browser test can
 * run the same specs and hash the same text: SHA-256 of `goldenText(summary)`, UTF-8.
 *
 * Update the fixtures on purpose only: `npm run golden:update`.
 */
import { epochDay, type Knobs, type ResolvedScenario, type Summary } from '../sim/index.ts';
import { checkTimeline } from './loader.ts';
import { listPresets, presetKnobs, presetTimeline } from './presets.ts';

export const GOLDEN_SEED = 20260401;

export interface GoldenSpec {
  preset: string;
  seed: number;
  /** Changes to the preset for the fixture run (shorter horizon, smaller world). */
  over: Partial<Knobs>;
}

/** District-sized presets run two years: long enough for the 2022 policies to act. */
const DISTRICT_DAYS = 730;

export function goldenSpecs(): GoldenSpec[] {
  return listPresets().map((p) => {
    const k = presetKnobs(p.name)!;
    let over: Partial<Knobs> = {};
    if (k.residents > 1_000_000) {
      // Beijing: 1/100 of the population, Beijing's cell and unit sizes kept, one year
      over = {
        residents: Math.round(k.residents / 100),
        cells: Math.round(k.cells / 100),
        units: Math.max(1, Math.round(k.units / 100)),
        districts: 1,
        departments: Math.max(1, Math.round(k.departments / 10)),
        horizonDays: Math.min(k.horizonDays, 365),
      };
    } else if (k.residents > 50_000) {
      // A preset whose timeline changes after two years runs a year past its last change, so that
      // the fixture sees it, in a world a tenth the size (the units kept) to stay as quick.
      const start = epochDay(k.startDate);
      const last = presetTimeline(p.name).reduce((d, c) => Math.max(d, epochDay(c.date) - start), 0);
      over =
        last >= DISTRICT_DAYS
          ? {
              residents: Math.round(k.residents / 10),
              cells: Math.max(k.units, Math.round(k.cells / 10)),
              horizonDays: Math.min(k.horizonDays, last + 365),
            }
          : { horizonDays: Math.min(k.horizonDays, DISTRICT_DAYS) };
    }
    return { preset: p.name, seed: GOLDEN_SEED, over };
  });
}

export function goldenKnobs(spec: GoldenSpec): Knobs {
  return { ...presetKnobs(spec.preset)!, ...spec.over } as Knobs;
}

/** The fixture run's scenario: the preset's knobs with the spec's changes, and the preset's timeline on them. */
export function goldenScenario(spec: GoldenSpec): ResolvedScenario {
  const knobs = goldenKnobs(spec);
  return { preset: spec.preset, knobs, timeline: checkTimeline(presetTimeline(spec.preset), knobs).timeline };
}

/** The canonical text of a summary that the SHA-256 is taken of (keys in the summary's order). */
export function goldenText(summary: Summary): string {
  return JSON.stringify(summary);
}

export interface GoldenFixture extends GoldenSpec {
  model: { name: string; version: string };
  /** SHA-256 (hex) of goldenText(summary). */
  sha256: string;
  summary: Summary;
}
