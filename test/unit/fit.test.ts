/**
 * The fit (issue 14): the method recovers known parameters of a cheap synthetic simulator within
 * its intervals and leaves the knobs the data say nothing about near their prior; the priors table
 * is sound; the command gives the same files with 1 or 2 workers and from shards merged; bad input
 * is refused in English and Chinese.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  abcPosterior,
  drawPrior,
  fromUnit,
  predictiveCheck,
  predictivePlan,
  weightedQuantile,
  type AbcTarget,
  type FitSim,
  type ParamPrior,
  toUnit,
} from '../../experiments/abc.ts';
import { PRIOR_TABLE, fittedPriors, priorProblems } from '../../experiments/priors.ts';
import { checkFitSpec, fitTargets } from '../../experiments/index.ts';
import { fitReport, fmt, priorsDoc, readCsv } from '../../experiments/fit-report.ts';
import { POLICIES, effectOf, summarizeEffects } from '../../experiments/fit-carry.ts';
import { studies } from '../../experiments/targets.ts';
import { KNOBS, type KnobName } from '../../sim/index.ts';
import { main } from '../../cli/main.ts';
import { captured, captureOutput, useEnv } from './capture.ts';

// ---------------------------------------------------------------- a synthetic case

/** Two knobs that matter (a linear, b on a log scale), 20 that do not. */
const PRIORS: ParamPrior[] = [
  { name: 'a', scale: 'linear', min: 0, max: 10, integer: false },
  { name: 'b', scale: 'log', min: 0.1, max: 10, integer: false },
  ...Array.from({ length: 20 }, (_, i) => ({ name: `z${i}`, scale: 'linear' as const, min: 0, max: 1, integer: false })),
];
const TRUTH = { a: 6.3, b: 0.8 };

/** The cheap simulator: three summaries that depend on a and b with noise, 25 that are pure noise (like targets that say nothing about a knob). */
function simulate(p: Record<string, number>, seed: number): Record<string, number> {
  const r = seedrandom.alea(String(seed));
  const noise = () => (r() + r() + r() - 1.5) * 0.1;
  const out: Record<string, number> = { s1: p.a + noise(), s2: p.a * p.b * (1 + noise()), s3: Math.log(p.b) + noise() };
  for (let k = 0; k < 25; k++) out[`u${k}`] = r();
  return out;
}

/** The "published figures": one simulation at the true parameters, each a target with a band and a distance. */
function targetsFrom(observed: Record<string, number>): AbcTarget[] {
  return Object.keys(observed).map((k) => ({
    key: k,
    target: observed[k],
    lo: observed[k] - 0.1,
    hi: observed[k] + 0.1,
    distance: { kind: 'linear', scale: k.startsWith('u') ? 0.3 : 0.5 },
  }));
}

/** The reference table: n draws from the prior, each simulated once (what `hotline-lab fit` runs). */
function priorSims(seed: number, n: number): FitSim[] {
  const sims: FitSim[] = [];
  for (let i = 0; i < n; i++) {
    const params = drawPrior(PRIORS, seed, i);
    sims.push({ sim: i, phase: 'prior', params, values: simulate(params, 1000 + i) });
  }
  return sims;
}

function synthetic(seed: number, n: number) {
  return { targets: targetsFrom(simulate(TRUTH, 999)), sims: priorSims(seed, n) };
}

/** A value a quarter of the prior's range away from `x` (towards the middle), in the prior's own scale. */
function wrongValue(p: ParamPrior, x: number): number {
  const u = toUnit(p, x);
  return fromUnit(p, u > 0.5 ? u - 0.25 : u + 0.25);
}

describe('ABC with regression adjustment, on a synthetic case with known parameters', () => {
  const { targets, sims } = synthetic(5, 400);
  const post = abcPosterior(PRIORS, targets, sims, { accept: 0.2 });
  const knob = (name: string) => post.knobs.find((k) => k.name === name)!;

  it('recovers the true parameters within their 90% intervals, far narrower than the prior', () => {
    expect(post.accepted).toHaveLength(80);
    for (const [name, truth] of Object.entries(TRUTH)) {
      const k = knob(name);
      expect(k.q05, name).toBeLessThanOrEqual(truth);
      expect(k.q95, name).toBeGreaterThanOrEqual(truth);
      expect(k.widthRatio, name).toBeLessThan(0.3);
      expect(k.verdict).toBe('constrained');
    }
  });

  it('excludes wrong values: a quarter of the prior range from the truth is outside the 90% interval', () => {
    for (const [name, truth] of Object.entries(TRUTH)) {
      const k = knob(name);
      const wrong = wrongValue(PRIORS.find((p) => p.name === name)!, truth);
      expect(wrong < k.q05 || wrong > k.q95, `${name} = ${wrong} in [${k.q05}, ${k.q95}]`).toBe(true);
    }
  });

  it('covers the truth about as often as a 90% interval should, over 20 true parameter sets drawn from the prior', () => {
    // the same reference table, 20 "worlds" with other true values and their own noise: the
    // intervals must hold the truth in most (18 of 20 expected) and a wrong value in none
    const covered = { a: 0, b: 0 };
    let wrongIn = 0;
    for (let j = 0; j < 20; j++) {
      const truth = drawPrior(PRIORS, 77, j);
      const fit = abcPosterior(PRIORS, targetsFrom(simulate(truth, 20_000 + j)), sims, { accept: 0.2 });
      for (const name of ['a', 'b'] as const) {
        const k = fit.knobs.find((x) => x.name === name)!;
        const p = PRIORS.find((x) => x.name === name)!;
        if (k.q05 <= truth[name] && truth[name] <= k.q95) covered[name]++;
        const wrong = wrongValue(p, truth[name]);
        if (k.q05 <= wrong && wrong <= k.q95) wrongIn++;
        expect(k.widthRatio, `${name}, world ${j}`).toBeLessThan(0.35);
      }
    }
    expect(covered.a).toBeGreaterThanOrEqual(15);
    expect(covered.b).toBeGreaterThanOrEqual(15);
    expect(wrongIn).toBe(0);
  });

  it('narrows more than plain rejection, which also covers the truth', () => {
    const rejection = abcPosterior(PRIORS, targets, sims, { accept: 0.2, adjust: false });
    for (const [name, truth] of Object.entries(TRUTH)) {
      const r = rejection.knobs.find((k) => k.name === name)!;
      expect(r.q05).toBeLessThanOrEqual(truth);
      expect(r.q95).toBeGreaterThanOrEqual(truth);
      expect(knob(name).widthRatio).toBeLessThan(r.widthRatio);
    }
  });

  it('leaves knobs that no summary depends on near their prior', () => {
    const z = post.knobs.filter((k) => k.name.startsWith('z'));
    const mean = z.reduce((a, k) => a + k.widthRatio, 0) / z.length;
    expect(mean).toBeGreaterThan(0.85);
    expect(z.filter((k) => k.verdict === 'constrained')).toEqual([]);
  });

  it('keeps every adjusted value inside its prior range', () => {
    for (const a of post.accepted)
      for (const p of PRIORS) {
        expect(a.adjusted[p.name]).toBeGreaterThanOrEqual(p.min);
        expect(a.adjusted[p.name]).toBeLessThanOrEqual(p.max);
      }
  });

  it('is a function of the simulations, not of their order', () => {
    const shuffled = [...sims].reverse();
    expect(abcPosterior(PRIORS, targets, shuffled, { accept: 0.2 })).toEqual(post);
  });

  it('resamples the posterior by weight and checks the prediction against the figures', () => {
    const plan = predictivePlan(post, 40, 5);
    expect(plan).toHaveLength(40);
    expect(plan).toEqual([...plan].sort((x, y) => x - y));
    expect(predictivePlan(post, 40, 5)).toEqual(plan);
    const pred: FitSim[] = plan.map((set, j) => {
      const params = post.accepted[set].adjusted;
      return { sim: j, phase: 'predictive', set, params, values: simulate(params, 5000 + j) };
    });
    const rows = predictiveCheck(targets, [...sims, ...pred], post);
    const s1 = rows.find((r) => r.key === 's1')!;
    expect(s1.q05).toBeLessThanOrEqual(s1.target);
    expect(s1.q95).toBeGreaterThanOrEqual(s1.target);
    expect(s1.met).toBe(true);
    // a target the simulator cannot reach is reported as not met
    const far = predictiveCheck([{ ...targets[0], key: 's1', target: 50, lo: 49, hi: 51 }], [...sims, ...pred], post)[0];
    expect(far.met).toBe(false);
    expect(far.priorInBand).toBe(0);
  });

  it('computes weighted quantiles', () => {
    expect(weightedQuantile([1, 2, 3], [1, 1, 1], 0.5)).toBe(2);
    expect(weightedQuantile([1, 2, 3], [0, 1, 0], 0.9)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [1, 1, 2], 0.5)).toBeGreaterThan(1.9);
  });
});

// ---------------------------------------------------------------- the model's priors and targets

describe('priors and targets', () => {
  it('give every knob an entry and every prior a sound range that holds the default', () => {
    expect(priorProblems()).toEqual([]);
    expect(Object.keys(PRIOR_TABLE).sort()).toEqual(KNOBS.map((k) => k.name).sort());
    // knobs set by hand against a target are fitted, not fixed
    for (const k of ['wishRate', 'normEffect', 'observerLearning', 'staffPer10k'] as KnobName[]) expect(PRIOR_TABLE[k].kind).toBe('prior');
    expect(fittedPriors().length).toBeGreaterThan(40);
  });

  it('hold every judged calibration row as a target with a distance', () => {
    const judged = studies().flatMap((s) => s.rows.filter((r) => r.judged !== false));
    expect(fitTargets()).toHaveLength(judged.length);
    for (const t of fitTargets()) expect(t.distance.scale, t.key).toBeGreaterThan(0);
  });

  it('refuse bad settings in English and Chinese', () => {
    const { spec, problems } = checkFitSpec({ sims: '2', accept: '1.5', studies: 'wulimiao,nowhere' });
    expect(spec).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(['accept', 'sims', 'studies']);
    for (const p of problems) {
      expect(p.en).toMatch(/not allowed/);
      expect(p.zh).toMatch(/不可用/);
    }
  });
});

// ---------------------------------------------------------------- the command

const io = captureOutput();
const dir = mkdtempSync(join(tmpdir(), 'hotline-fit-'));
useEnv('HOTLINE_LAB_GIT_COMMIT', 'test-commit');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(root.length + 1)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return out;
}

const TIMEOUT = 240_000;
// the cheapest study (one village of 2,500), few simulations: the point is the bookkeeping
const FIT = ['--studies', 'wulimiao', '--sims', '4', '--predictive', '2', '--accept', '0.5', '--seed', '3'];

describe('hotline-lab fit', () => {
  const w1 = join(dir, 'w1');
  let one: Record<string, string>;
  beforeAll(async () => {
    const r = await captured(() => main(['fit', '--out', w1, '--workers', '1', ...FIT]));
    expect(r.value, r.err).toBe(0);
    one = tree(w1);
  }, TIMEOUT);

  it('writes the accepted sets, the posterior, the predictive check and every simulation', () => {
    expect(Object.keys(one).sort()).toEqual([
      'accepted.csv',
      'fit.json',
      'posterior-sample.json',
      'posterior.csv',
      'predictive.csv',
      'provenance.json',
      'runs.csv',
      'sims/pred-000000.json',
      'sims/pred-000001.json',
      'sims/sim-000000.json',
      'sims/sim-000001.json',
      'sims/sim-000002.json',
      'sims/sim-000003.json',
      'simulations.csv',
    ]);
    const post = one['posterior.csv'].split('\n').filter((l) => !l.startsWith('#'));
    expect(post[0]).toBe('knob,scale,prior_min,prior_max,median,q05,q95,width_ratio,median_place,verdict');
    expect(post.filter(Boolean)).toHaveLength(1 + fittedPriors().length);
    const pred = one['predictive.csv'].split('\n').filter((l) => l && !l.startsWith('#'));
    expect(pred).toHaveLength(1 + fitTargets(['wulimiao']).length);
    expect(one['accepted.csv']).toContain('set,sim,distance,weight,knob,drawn,adjusted');
    // the run log: one run, all 4 + 2 simulations on 1 worker, its wall time
    const runs = one['runs.csv'].trim().split('\n');
    expect(runs[0]).toBe('finished_utc,shard,workers,prior_sims,predictive_sims,seconds');
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,,1,4,2,\d+\.\d$/);
  });

  it(
    'gives the same files from two shards (one on 2 workers) merged, then resumed for the predictive check',
    async () => {
      const s0 = join(dir, 's0');
      const s1 = join(dir, 's1');
      expect(await main(['fit', '--out', s0, '--shard', '0/2', '--workers', '2', ...FIT])).toBe(0);
      expect(io.err).toContain('merge the folders');
      expect(await main(['fit', '--out', s1, '--shard', '1/2', '--workers', '1', ...FIT])).toBe(0);
      const merged = join(dir, 'merged');
      expect(await main(['merge', s0, s1, '--out', merged])).toBe(0);
      expect(io.err).toContain('run the predictive check');
      expect(await main(['fit', '--out', merged, '--resume', '--workers', '2', ...FIT])).toBe(0);
      // the same files but the run log, which keeps the three runs: two shards' prior simulations, then the predictive ones
      const { 'runs.csv': runs, ...rest } = tree(merged);
      const { 'runs.csv': _, ...oneRest } = one;
      expect(rest).toEqual(oneRest);
      const rows = runs.trim().split('\n').slice(1);
      expect(rows.map((r) => r.split(',').slice(1, 5).join(',')).sort()).toEqual(['0/2,2,2,0', '1/2,1,2,0', ',2,0,2'].sort());
    },
    TIMEOUT,
  );

  it(
    'carries the posterior through to policy comparisons: paired replicates, defaults and posterior draws',
    async () => {
      expect(await main(['fit', '--out', w1, '--resume', '--workers', '2', '--policies', '2', ...FIT])).toBe(0);
      const { rows } = readCsv(readFileSync(join(w1, 'policies.csv'), 'utf8'));
      // 3 policies x 2 metrics x 2 conditions x 2 replicates
      expect(rows).toHaveLength(POLICIES.reduce((a, p) => a + p.metrics.length, 0) * 2 * 2);
      const sample = JSON.parse(one['posterior-sample.json']) as { sets: unknown[] };
      for (const r of rows) {
        expect(Number(r.set)).toBe(r.condition === 'defaults' ? -1 : Number(r.replicate) % sample.sets.length);
        const m = POLICIES.find((p) => p.id === r.policy)!.metrics.find((x) => x.metric === r.metric)!;
        expect(Number(r.effect)).toBeCloseTo(effectOf(m, Number(r.on), Number(r.off)), 12);
      }
      // replicate k has one seed in both conditions (common random numbers): only the knobs differ
      const seeds = (cond: string) =>
        rows.filter((r) => r.condition === cond).map((r) => `${r.policy} ${r.metric} ${r.replicate} ${r.seed}`);
      expect(seeds('posterior')).toEqual(seeds('defaults'));
      // the posterior draws change the worlds
      expect(rows.filter((r) => r.condition === 'posterior').map((r) => r.on)).not.toEqual(
        rows.filter((r) => r.condition === 'defaults').map((r) => r.on),
      );
      expect(summarizeEffects(rows)).toHaveLength(POLICIES.reduce((a, p) => a + p.metrics.length, 0) * 2);
    },
    TIMEOUT,
  );

  it('refuses bad input in English and Chinese, and a folder of another fit', async () => {
    expect(await main(['fit', '--out', join(dir, 'bad'), '--sims', 'many'])).toBe(2);
    expect(io.err).toMatch(/--sims 'many' is not allowed: must be an integer from 4/);
    expect(io.err).toMatch(/须为 4 到 100000 之间的整数/);
    expect(await main(['fit', ...FIT])).toBe(2);
    expect(io.err).toMatch(/fit needs --out DIR/);
    expect(io.err).toMatch(/fit 需要 --out DIR/);
    expect(await main(['fit', '--out', w1, ...FIT])).toBe(2);
    expect(io.err).toMatch(/add --resume/);
    expect(await main(['fit', '--out', w1, '--resume', ...FIT.slice(0, -1), '4'])).toBe(2);
    expect(io.err).toMatch(/holds a different fit/);
    expect(io.err).toMatch(/另一次拟合/);
    expect(await main(['fit', '--out', w1, '--resume', '--policies', '1', ...FIT])).toBe(2);
    expect(io.err).toMatch(/--policies '1' is not allowed/);
    expect(io.err).toMatch(/每项政策比较的重复次数/);
  });
});

// ---------------------------------------------------------------- docs/FIT.md and docs/PRIORS.md

describe('the fit report', () => {
  const root = join(import.meta.dirname, '..', '..');
  const read = (n: string) => readFileSync(join(root, 'docs', 'fit', n), 'utf8');
  const folder = () => ({
    fitJson: read('fit.json'),
    provenanceJson: read('provenance.json'),
    posteriorCsv: read('posterior.csv'),
    predictiveCsv: read('predictive.csv'),
    runsCsv: read('runs.csv'),
    policiesCsv: read('policies.csv'),
  });

  it('reads quoted CSV cells and comment lines', () => {
    const { comments, rows } = readCsv('# a\nx,y\n"1,2","say ""hi"""\n');
    expect(comments).toEqual(['a']);
    expect(rows).toEqual([{ x: '1,2', y: 'say "hi"' }]);
  });

  it('shows every fitted knob and every target of docs/fit, with the run time from runs.csv', () => {
    const md = fitReport(folder());
    for (const p of fittedPriors()) expect(md).toContain(`| \`${p.knob}\` |`);
    for (const t of fitTargets()) expect(md).toContain(`| ${t.study} | ${t.label.replace(/\|/g, '\\|')} |`);
    const seconds = Number(read('runs.csv').trim().split('\n')[1].split(',')[5]);
    expect(md).toContain(`Run time on this machine: ${fmt(seconds)} s`);
    expect(md).toMatch(
      /npx hotline-lab fit --out docs\/fit --seed \d+ --sims \d+ --predictive \d+ --accept [\d.]+ --workers 2 --policies \d+/,
    );
    // the policy comparisons: a row per policy and metric, both conditions
    for (const p of POLICIES) for (const m of p.metrics) expect(md).toContain(`(\`${m.metric}\`) |`);
    expect(fitReport({ ...folder(), policiesCsv: undefined })).toContain('Not run for this folder');
  });

  it('explains each unmet target, and says so when a target is unmet without an explanation', () => {
    const f = folder();
    const md = fitReport(f);
    const unmet = readCsv(f.predictiveCsv).rows.filter((r) => r.met === 'false');
    expect(unmet.length).toBeGreaterThan(0);
    for (const r of unmet) expect(md).toContain(`### ${r.study}: ${r.target}`);
    expect(md).not.toContain('Not yet explained');
    // the same folder with a target renamed: unmet and unexplained
    const renamed = { ...f, predictiveCsv: f.predictiveCsv.replace('2024 official satisfaction', '2024 official mystery') };
    expect(fitReport(renamed)).toContain('Not yet explained');
  });

  it('lists every knob in PRIORS.md with its kind and reason', () => {
    const md = priorsDoc();
    for (const k of KNOBS) expect(md).toContain(`| \`${k.name}\` | ${PRIOR_TABLE[k.name as KnobName].kind} |`);
  });
});
