// Golden summaries: every preset at a fixed seed must reproduce its fixture exactly.
// When a change is meant to move them: `npm run golden:update`, and say why in the commit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenSpecs, goldenText, type GoldenFixture } from '../../scenarios/golden.ts';
import { GOLDEN_DIR, goldenFixture, sha256 } from '../../cli/golden.ts';

describe('golden summaries', () => {
  it.each(goldenSpecs().map((s) => [s.preset, s] as const))('%s matches its fixture', (name, spec) => {
    let fixture: GoldenFixture;
    try {
      fixture = JSON.parse(readFileSync(`${GOLDEN_DIR}${name}.json`, 'utf8'));
    } catch {
      throw new Error(`no fixture for preset '${name}': run npm run golden:update`);
    }
    expect(fixture.seed).toBe(spec.seed);
    expect(fixture.over).toEqual(spec.over);
    expect(sha256(goldenText(fixture.summary))).toBe(fixture.sha256);
    const now = goldenFixture(spec);
    expect(now.summary, `${name} moved: if on purpose, npm run golden:update`).toEqual(fixture.summary);
    expect(now.sha256).toBe(fixture.sha256);
  });
});
