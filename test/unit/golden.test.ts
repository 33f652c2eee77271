// Golden runs: every preset at a fixed seed must reproduce its fixture exactly: the summary, and
// the SHA-256 of the full daily series and of the per-period unit records (cli/golden.ts).
// When a change is meant to move them: `npm run golden:update`, and say why in the commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenSpecs, goldenText } from '../../scenarios/golden.ts';
import { fixtureText, GOLDEN_DIR, goldenFixture, sha256, type FullGoldenFixture } from '../../cli/golden.ts';

describe('golden runs', () => {
  it.each(goldenSpecs().map((s) => [s.preset, s] as const))('%s matches its fixture', (name, spec) => {
    let text: string;
    try {
      text = readFileSync(`${GOLDEN_DIR}${name}.json`, 'utf8');
    } catch {
      throw new Error(`no fixture for preset '${name}': run npm run golden:update`);
    }
    const fixture = JSON.parse(text) as FullGoldenFixture;
    expect(fixture.seed).toBe(spec.seed);
    expect(fixture.over).toEqual(spec.over);
    expect(sha256(goldenText(fixture.summary)), 'the fixture summary and its hash disagree').toBe(fixture.sha256);
    for (const h of [fixture.dailySha256, fixture.periodsSha256])
      expect(h, 'fixture without hashes: npm run golden:update').toMatch(/^[0-9a-f]{64}$/);
    const now = goldenFixture(spec);
    const moved = `${name} moved: if on purpose, npm run golden:update`;
    expect(now.summary, moved).toEqual(fixture.summary);
    expect(now.sha256, moved).toBe(fixture.sha256);
    expect(now.dailySha256, `${moved} (the daily series)`).toBe(fixture.dailySha256);
    expect(now.periodsSha256, `${moved} (the period records)`).toBe(fixture.periodsSha256);
    // Nothing else in the file: what golden:update would write is what is there.
    expect(fixtureText(now)).toBe(text);
  });
});
