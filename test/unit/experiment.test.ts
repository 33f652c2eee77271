import { describe, expect, it } from 'vitest';
import {
  buildDesign,
  executeRun,
  experimentHash,
  experimentJson,
  loadExperiment,
  loadExperimentText,
  replicateSeed,
  replicateSeeds,
  runCount,
  runSpec,
  differences,
  oatEffects,
  morrisEffects,
  experimentToParam,
  encodeExpParam,
  parseExperimentParam,
  type Experiment,
} from '../../experiments/index.ts';
import { sha256Hex } from '../../scenarios/export.ts';

const WORLD = { residents: 3000, cells: 6, units: 3 };

function load(x: Record<string, unknown>): Experiment {
  const r = loadExperiment({ scenario: { preset: 'baseline', knobs: WORLD }, horizonDays: 90, ...x });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.experiment!;
}

const messages = (x: unknown): string[] => loadExperiment(x).problems.map((p) => p.message);

describe('seeds', () => {
  it('are the documented hash of (experiment seed, replicate)', () => {
    // Known answers from coreutils: printf 'hotline-lab/replicate/42/3' | sha256sum, first 8 hex digits.
    expect(replicateSeed(42, 3)).toBe(2992495355);
    expect(replicateSeed(1, 0)).toBe(3309023088);
    expect(replicateSeed(11, 2)).toBe(1645010354);
    expect(replicateSeed(42, 3)).toBe(parseInt(sha256Hex('hotline-lab/replicate/42/3').slice(0, 8), 16));
    const s = replicateSeeds(1, 50);
    expect(new Set(s).size).toBe(50);
    expect(s.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    expect(replicateSeeds(2, 3)).not.toEqual(replicateSeeds(1, 3));
  });

  it('pair replicate k of every design point with replicate k of the baseline', () => {
    const exp = load({ vary: { cadence: ['monthly', 'bimonthly'], handDown: [false, true] }, replicates: 4, seed: 9 });
    const points = buildDesign(exp);
    expect(points).toHaveLength(4);
    expect(points[0]).toMatchObject({ baseline: true, values: { cadence: 'monthly', handDown: false } });
    for (let r = 0; r < runCount(exp, points); r++) {
      const s = runSpec(exp, r);
      expect(s.point).toBe(Math.floor(r / 4));
      expect(s.seed).toBe(replicateSeed(9, r % 4));
    }
  });

  it('make identical points give identical runs, and a knob that does nothing a zero difference', () => {
    // handDown starts in July: over 90 days it changes nothing, so with common seeds the paired
    // difference is exactly zero, replicate by replicate.
    const exp = load({ vary: { handDown: [false, true] }, replicates: 3, metrics: ['tickets_filed', 'gaming_paid'] });
    const points = buildDesign(exp);
    const recs = Array.from({ length: runCount(exp, points) }, (_, r) => executeRun(exp, points, r));
    expect(recs[3].scalars).toEqual(recs[0].scalars);
    const d = differences(exp, points, recs).filter((x) => x.metric === 'tickets_filed')[0];
    expect(d.diff).toMatchObject({ n: 3, mean: 0, sd: 0 });
    expect(recs[0].scalars.tickets_filed).not.toBe(recs[1].scalars.tickets_filed);
  });
});

describe('designs', () => {
  it('factorial: every combination, first knob slowest; ranges evenly spaced', () => {
    const exp = load({ vary: { councilSkill: { min: 0.1, max: 0.3, steps: 3 }, handDown: [true, false] } });
    expect(buildDesign(exp).map((p) => p.values)).toEqual([
      { councilSkill: 0.1, handDown: true },
      { councilSkill: 0.1, handDown: false },
      { councilSkill: 0.2, handDown: true },
      { councilSkill: 0.2, handDown: false },
      { councilSkill: 0.3, handDown: true },
      { councilSkill: 0.3, handDown: false },
    ]);
  });

  it('one at a time: baseline, then each knob alone', () => {
    const exp = load({
      design: 'oat',
      vary: { cadence: ['monthly', 'bimonthly', 'quarterly'], staffPer10k: [6, 3] },
      baseline: { staffPer10k: 6 },
    });
    expect(buildDesign(exp).map((p) => [p.moved, p.values])).toEqual([
      [null, { cadence: 'monthly', staffPer10k: 6 }],
      ['cadence', { cadence: 'bimonthly', staffPer10k: 6 }],
      ['cadence', { cadence: 'quarterly', staffPer10k: 6 }],
      ['staffPer10k', { cadence: 'monthly', staffPer10k: 3 }],
    ]);
  });

  it('Latin hypercube: one sample per stratum of each knob, reproducible, within bounds', () => {
    const exp = load({
      design: { type: 'lhs', samples: 10 },
      vary: {
        councilSkill: { distribution: 'uniform', min: 0, max: 1 },
        staffPer10k: { distribution: 'normal', mean: 6, sd: 2, min: 2, max: 10 },
      },
    });
    const pts = buildDesign(exp);
    const strata = pts.map((p) => Math.floor((p.values.councilSkill as number) * 10)).sort((a, b) => a - b);
    expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pts.every((p) => (p.values.staffPer10k as number) >= 2 && (p.values.staffPer10k as number) <= 10)).toBe(true);
    expect(buildDesign(exp)).toEqual(pts);
  });

  it('Morris: trajectories of k+1 points, each step moving one knob by a jump of levels/2', () => {
    const exp = load({
      design: { type: 'morris', trajectories: 3, levels: 4 },
      vary: { councilSkill: { min: 0, max: 0.6 }, handDown: [false, true] },
    });
    const pts = buildDesign(exp);
    expect(pts).toHaveLength(9);
    for (const p of pts) {
      if (!p.morris || p.morris.step === 0) continue;
      const prev = pts[p.index - 1];
      const changed = Object.keys(p.values).filter((k) => p.values[k] !== prev.values[k]);
      expect(changed).toEqual([p.morris.knob]);
      if (p.morris.knob === 'councilSkill')
        expect(Math.abs((p.values.councilSkill as number) - (prev.values.councilSkill as number))).toBeCloseTo(0.4, 12);
      expect(Math.abs(p.morris.delta)).toBeCloseTo(p.morris.knob === 'councilSkill' ? 2 / 3 : 1, 12);
    }
  });

  it('sensitivity: Morris effects of a linear toy are its slopes; OAT effects are paired differences', () => {
    const exp = load({
      design: { type: 'morris', trajectories: 4 },
      vary: { councilSkill: { min: 0, max: 0.6 }, staffPer10k: { min: 2, max: 8 } },
      metrics: ['tickets_filed'],
      replicates: 1,
    });
    const pts = buildDesign(exp);
    // y = 10·skill + 1·staff: per unit of range (0.6 and 6) the effects are 6 and 6.
    const recs = pts.map((p, i) => ({
      ...runSpec(exp, i),
      time: [],
      date: [],
      end: [],
      values: {},
      scalars: { tickets_filed: 10 * (p.values.councilSkill as number) + (p.values.staffPer10k as number) },
    }));
    const e = morrisEffects(exp, pts, recs);
    for (const x of e)
      expect(x).toMatchObject({ r: 4, mu: expect.closeTo(6, 9), muStar: expect.closeTo(6, 9), sigma: expect.closeTo(0, 9) });
    const oat = load({ design: 'oat', vary: { staffPer10k: [6, 3] }, metrics: ['tickets_filed'], replicates: 2 });
    const op = buildDesign(oat);
    const orecs = [5, 7, 6, 9].map((v, i) => ({
      ...runSpec(oat, i),
      time: [],
      date: [],
      end: [],
      values: {},
      scalars: { tickets_filed: v },
    }));
    expect(oatEffects(oat, op, orecs)[0]).toMatchObject({ knob: 'staffPer10k', value: 3, diff: { n: 2, mean: 1.5 } });
  });
});

describe('validation names the field', () => {
  it.each([
    [{ vary: { handown: [true] } }, "vary.handown: unknown knob 'handown': did you mean 'handDown'?"],
    [
      { vary: { cadence: ['monthly', 'bimontly'] } },
      "vary.cadence[1]: knob 'cadence' = 'bimontly' is not an option: must be one of monthly, bimonthly, quarterly",
    ],
    [{ vary: { councilSkill: { min: 0, max: 2, steps: 3 } } }, "vary.councilSkill.max: knob 'councilSkill' = 2 is above the maximum"],
    [{ vary: { councilSkill: { min: 0, max: 1 } } }, 'vary.councilSkill.steps: a range needs "steps"'],
    [{ vary: { handDown: { min: 0, max: 1, steps: 2 } } }, "vary.handDown: knob 'handDown' is a boolean: give a list of values"],
    [
      { vary: { councilSkill: { distribution: 'uniform', min: 0, max: 1 } } },
      'vary.councilSkill.distribution: distributions are for sampling',
    ],
    [
      { vary: { councilSkill: { distribution: 'unifrom', min: 0, max: 1 } }, design: { type: 'lhs', samples: 5 } },
      "did you mean 'uniform'?",
    ],
    [{ vary: { handDown: [false, true] }, replicates: 0 }, 'replicates: 0 is not allowed: must be an integer from 1 to 10000'],
    [
      { vary: { handDown: [false, true] }, metrics: ['gaming_intensty_mean'] },
      "metrics[0]: unknown metric 'gaming_intensty_mean': did you mean 'gaming_intensity_mean'?",
    ],
    [
      { vary: { handDown: [false, true] }, resolution: 'period', metrics: ['mean_score'] },
      "metrics[0]: 'mean_score' is a run-summary value",
    ],
    [
      { vary: { handDown: [false, true] }, resolution: 'weekly' },
      "resolution: 'weekly' is not allowed: must be one of daily, period, summary",
    ],
    [
      { vary: { handDown: [false, true] }, design: 'factorail' },
      'design: \'factorail\' is not allowed: must be one of factorial, lhs, oat, morris (or an object like {"type": "lhs", "samples": 50})',
    ],
    [{ vary: { handDown: [false, true] }, design: { type: 'lhs' } }, 'design.samples: a lhs design needs "samples"'],
    [{ vary: { handDown: [false, true] }, design: { type: 'morris', trajectories: 5, levels: 3 } }, 'design.levels: 3 is odd'],
    [
      { vary: { handDown: [false, true] }, baseline: { handDown: 'maybe' } },
      "baseline.handDown: knob 'handDown' = 'maybe' is not a boolean",
    ],
    [{ vary: { handDown: [false, true] }, scenario: { preset: 'pingu' } }, "scenario.preset: unknown preset 'pingu'"],
    [
      { vary: { handDown: [false, true] }, scenario: { knobs: { cells: -1 } } },
      "scenario.knobs.cells: knob 'cells' = -1 is below the minimum",
    ],
    [{ vary: { handDown: [false, true] }, replicate: 3 }, "replicate: unknown field 'replicate': did you mean 'replicates'?"],
    [{ vary: { handDown: [false, true] }, cadence: 'monthly' }, "cadence: unknown field 'cadence': 'cadence' is a knob"],
    [{ vary: { handDown: [false, true] }, seed: -1 }, 'seed: -1 is not allowed'],
    [
      { vary: { handDown: [false, true] }, horizonDays: 0 },
      "horizonDays: knob 'horizonDays' = 0 is below the minimum: must be an integer from 1 to 7305",
    ],
    [{}, 'vary: is missing'],
    [[], 'an experiment must be a JSON object'],
  ])('%j', (input, message) => {
    expect(messages(input).join('\n')).toContain(message);
  });

  it('reports JSON syntax errors with a line', () => {
    expect(loadExperimentText('{\n "vary": {\n}').problems[0].message).toMatch(/invalid JSON at line/);
  });

  it('round-trips: the written experiment loads to the same experiment and hash', () => {
    const exp = load({
      design: { type: 'lhs', samples: 4 },
      vary: { councilSkill: { distribution: 'triangular', min: 0, max: 1, mode: 0.2 }, cadence: ['monthly', 'quarterly'] },
      replicates: 2,
      seed: 5,
    });
    const again = loadExperiment(JSON.parse(JSON.stringify(experimentJson(exp))));
    expect(again.problems).toEqual([]);
    expect(experimentHash(again.experiment!)).toBe(experimentHash(exp));
  });
});

describe('the exp= link parameter', () => {
  it('is readable and round-trips to the same experiment', () => {
    const exp = load({
      vary: { cadence: ['monthly', 'bimonthly'], councilSkill: { min: 0.2, max: 0.8, steps: 4 } },
      replicates: 20,
      metrics: ['gaming_intensity_mean', 'true_satisfaction'],
      resolution: 'period',
    });
    const param = experimentToParam(exp);
    expect(param).toBe('cadence:monthly,bimonthly;councilSkill:0.2..0.8/4;replicates:20;metrics:gaming_intensity_mean,true_satisfaction');
    const back = loadExperiment({ ...parseExperimentParam(param).input, scenario: { preset: 'baseline', knobs: WORLD }, horizonDays: 90 });
    expect(back.problems).toEqual([]);
    expect(experimentHash(back.experiment!)).toBe(experimentHash(exp));
    // Through a real URL (percent-decoding by URLSearchParams).
    const url = new URL(`https://example.org/lab/?preset=baseline&exp=${param}`);
    expect(url.searchParams.get('exp')).toBe(param);
  });

  it('gives the same field-naming messages as a file', () => {
    const input = parseExperimentParam('cadence:monthly,bimontly;handown:false,true;replicates:0').input;
    expect(loadExperiment(input).problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("vary.cadence[1]: knob 'cadence' = 'bimontly' is not an option"),
        expect.stringContaining("vary.handown: unknown knob 'handown': did you mean 'handDown'?"),
        expect.stringContaining('replicates: 0 is not allowed'),
      ]),
    );
  });
});

describe('encodeExpParam', () => {
  it('keeps the readable separators and encodes what would split the parameter', () => {
    expect(encodeExpParam('cadence:monthly,bimonthly;councilSkill:0.2..0.8/4')).toBe('cadence:monthly,bimonthly;councilSkill:0.2..0.8/4');
    const nasty = 'replicates:2&preset=evil#x+1%';
    const url = new URL(`https://example.org/?preset=baseline&exp=${encodeExpParam(nasty)}`);
    expect(url.searchParams.get('exp')).toBe(nasty);
    expect(url.searchParams.getAll('preset')).toEqual(['baseline']);
    expect(url.hash).toBe('');
  });
});
