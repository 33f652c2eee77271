/**
 * `npm run golden:update`: rewrite test/fixtures/golden/<preset>.json from the current model.
 * Run it only when a change is meant to move the presets' summaries, and say why in the commit.
 * `npm run golden:update -- --check` compares instead of writing (exit 1 on a difference).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MODEL, Simulation } from '../sim/index.ts';
import { goldenScenario, goldenSpecs, goldenText, type GoldenFixture, type GoldenSpec } from '../scenarios/golden.ts';

export const GOLDEN_DIR = fileURLToPath(new URL('../test/fixtures/golden/', import.meta.url));

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function goldenFixture(spec: GoldenSpec): GoldenFixture {
  const sc = goldenScenario(spec);
  const summary = new Simulation(sc.knobs, spec.seed, { timeline: sc.timeline }).run().summary();
  return {
    preset: spec.preset,
    seed: spec.seed,
    over: spec.over,
    model: { name: MODEL.name, version: MODEL.version },
    sha256: sha256(goldenText(summary)),
    summary,
  };
}

export async function goldenMain(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  await mkdir(GOLDEN_DIR, { recursive: true });
  let differ = 0;
  for (const spec of goldenSpecs()) {
    const fx = goldenFixture(spec);
    const path = `${GOLDEN_DIR}${spec.preset}.json`;
    const text = JSON.stringify(fx, null, 2) + '\n';
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
