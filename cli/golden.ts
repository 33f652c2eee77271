/**
 * `npm run golden:update`: rewrite test/fixtures/golden/<preset>.json from the current model.
 * Run it only when a change is meant to move the presets' outputs, and say why in the commit.
 * `npm run golden:update -- --check` compares instead of writing (exit 1 on a difference).
 *
 * A fixture pins three things of its run: the summary (written out, so a change is readable, with
 * the SHA-256 of `goldenText(summary)`), and the SHA-256 of the canonical JSON (keys sorted at
 * every level, `scenarios/export.ts`) of the full daily series and of the per-period unit records.
 * The summary alone would not see a change that leaves its totals and means in place.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MODEL, Simulation } from '../sim/index.ts';
import { canonicalJson } from '../scenarios/export.ts';
import { goldenScenario, goldenSpecs, goldenText, type GoldenFixture, type GoldenSpec } from '../scenarios/golden.ts';

export const GOLDEN_DIR = fileURLToPath(new URL('../test/fixtures/golden/', import.meta.url));

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface FullGoldenFixture extends GoldenFixture {
  /** SHA-256 (hex) of canonicalJson(daily): every metric's value on every day of the run. */
  dailySha256: string;
  /** SHA-256 (hex) of canonicalJson(periods): every unit's assessment record in every period. */
  periodsSha256: string;
}

export function goldenFixture(spec: GoldenSpec): FullGoldenFixture {
  const sc = goldenScenario(spec);
  const result = new Simulation(sc.knobs, spec.seed, { timeline: sc.timeline }).run().result(spec.preset);
  const summary = result.summary;
  // Key order fixes the file's layout: the new hashes come before the summary, which stays last
  // and byte for byte as before.
  return {
    preset: spec.preset,
    seed: spec.seed,
    over: spec.over,
    model: { name: MODEL.name, version: MODEL.version },
    sha256: sha256(goldenText(summary)),
    dailySha256: sha256(canonicalJson(result.daily)),
    periodsSha256: sha256(canonicalJson(result.periods)),
    summary,
  };
}

/** The fixture file's text: what `golden:update` writes and `--check` compares. */
export function fixtureText(fx: FullGoldenFixture): string {
  return JSON.stringify(fx, null, 2) + '\n';
}

export async function goldenMain(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  await mkdir(GOLDEN_DIR, { recursive: true });
  let differ = 0;
  for (const spec of goldenSpecs()) {
    const fx = goldenFixture(spec);
    const path = `${GOLDEN_DIR}${spec.preset}.json`;
    const text = fixtureText(fx);
    let old = '';
    try {
      old = await readFile(path, 'utf8');
    } catch {
      old = '';
    }
    const same = old === text;
    if (!same) differ++;
    if (!check && !same) await writeFile(path, text);
    process.stdout.write(`${spec.preset.padEnd(24)} ${fx.sha256.slice(0, 16)}  ${same ? 'unchanged' : check ? 'DIFFERS' : 'written'}\n`);
  }
  return check && differ > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await goldenMain(process.argv.slice(2));
}
