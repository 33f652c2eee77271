/**
 * Design points: the knob settings an experiment runs, each `replicates` times.
 *
 * - factorial: every combination of the values, first knob slowest.
 * - oat (one at a time): the baseline, then each knob moved to each of its other values alone.
 * - lhs (Latin hypercube): `samples` points; each knob's range cut into `samples` equal-probability
 *   strata, one draw per stratum, strata shuffled independently per knob.
 * - morris: `trajectories` random walks of k+1 points on a grid of `levels` per knob; each step
 *   moves one knob by a jump of levels/2 grid steps (Morris 1991; Δ = p / (2(p - 1))).
 *
 * A factor may name a change of the scenario's timeline (`timeline[0].date`,
 * `timeline[0].knobs.cadence`); its values are then that change's date or value (experiments/run.ts).
 *
 * Sampling draws come from one seeded stream named after the experiment's seed, so the design is
 * the same in every worker, shard and browser. Pure.
 */
import seedrandom from 'seedrandom';
import { errorFunction, probit } from 'simple-statistics';
import type { KnobValue } from '../sim/index.ts';
import { factorSpec, type Distribution, type Experiment, type Factor } from './schema.ts';

export interface MorrisStep {
  trajectory: number;
  /** 0 for the walk's starting point, else the step number. */
  step: number;
  /** The knob this step moved (null at the start). */
  knob: string | null;
  /** The move in units of the knob's range (0..1 scale), signed. */
  delta: number;
}

export interface DesignPoint {
  index: number;
  /** Values of the varied knobs at this point. */
  values: Record<string, KnobValue>;
  /** True for the baseline point (factorial, one-at-a-time). */
  baseline: boolean;
  /** One-at-a-time: the knob moved from the baseline (null for the baseline itself). */
  moved?: string | null;
  morris?: MorrisStep;
}

const levelsOf = (f: Factor): KnobValue[] => (f.kind === 'distribution' ? [] : f.values);

function sameValues(a: Record<string, KnobValue>, b: Record<string, KnobValue>): boolean {
  for (const k of Object.keys(b)) if (a[k] !== b[k]) return false;
  return true;
}

function factorial(exp: Experiment): DesignPoint[] {
  const out: DesignPoint[] = [];
  const f = exp.factors;
  const lv = f.map(levelsOf);
  const idx = new Array<number>(f.length).fill(0);
  const total = lv.reduce((a, l) => a * l.length, 1);
  for (let n = 0; n < total; n++) {
    const values: Record<string, KnobValue> = {};
    f.forEach((fa, j) => {
      values[fa.knob] = lv[j][idx[j]];
    });
    out.push({ index: n, values, baseline: sameValues(values, exp.baseline) });
    // Advance the odometer, last knob fastest.
    for (let j = f.length - 1; j >= 0; j--) {
      if (++idx[j] < lv[j].length) break;
      idx[j] = 0;
    }
  }
  return out;
}

function oneAtATime(exp: Experiment): DesignPoint[] {
  const out: DesignPoint[] = [{ index: 0, values: { ...exp.baseline }, baseline: true, moved: null }];
  for (const f of exp.factors) {
    for (const v of levelsOf(f)) {
      if (v === exp.baseline[f.knob]) continue;
      out.push({ index: out.length, values: { ...exp.baseline, [f.knob]: v }, baseline: false, moved: f.knob });
    }
  }
  return out;
}

const Phi = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/** The value at cumulative probability u of a distribution (truncated normal for 'normal'). */
export function inverseCdf(d: Distribution, u: number): number {
  const { min: a, max: b } = d;
  switch (d.name) {
    case 'uniform':
      return a + u * (b - a);
    case 'loguniform':
      return Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)));
    case 'triangular': {
      const c = d.mode ?? (a + b) / 2;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case 'normal': {
      const m = d.mean as number;
      const s = d.sd as number;
      const lo = Phi((a - m) / s);
      const hi = Phi((b - m) / s);
      const p = Math.min(1 - 1e-12, Math.max(1e-12, lo + u * (hi - lo)));
      return m + s * probit(p);
    }
  }
}

/** A sampled number made readable (6 significant digits) and kept within the knob's limits. */
function tidyNumber(knob: string, v: number, min: number, max: number): number {
  const spec = factorSpec(knob)!;
  let x = spec.type === 'integer' ? Math.round(v) : Number(v.toPrecision(6));
  x = Math.min(max, Math.max(min, x));
  return x === 0 ? 0 : x;
}

function shuffled(n: number, rng: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function latinHypercube(exp: Experiment, n: number): DesignPoint[] {
  const rng = seedrandom.alea(`${exp.seed >>> 0}:design:lhs`);
  const cols = exp.factors.map((f) => {
    const perm = shuffled(n, rng);
    return perm.map((stratum) => {
      const u = (stratum + rng()) / n;
      if (f.kind === 'distribution') return tidyNumber(f.knob, inverseCdf(f.distribution, u), f.distribution.min, f.distribution.max);
      const l = levelsOf(f);
      return l[Math.min(l.length - 1, Math.floor(u * l.length))];
    });
  });
  return Array.from({ length: n }, (_, i) => {
    const values: Record<string, KnobValue> = {};
    exp.factors.forEach((f, j) => {
      values[f.knob] = cols[j][i];
    });
    return { index: i, values, baseline: false };
  });
}

function morris(exp: Experiment, r: number): DesignPoint[] {
  const rng = seedrandom.alea(`${exp.seed >>> 0}:design:morris`);
  const f = exp.factors;
  const lv = f.map(levelsOf);
  const out: DesignPoint[] = [];
  for (let t = 0; t < r; t++) {
    const jump = lv.map((l) => Math.floor(l.length / 2));
    const up = f.map(() => rng() < 0.5);
    const pos = lv.map((l, j) => {
      const room = l.length - jump[j];
      const b = Math.floor(rng() * room);
      return up[j] ? b : b + jump[j];
    });
    const order = shuffled(f.length, rng);
    const point = (step: number, knob: string | null, delta: number): DesignPoint => {
      const values: Record<string, KnobValue> = {};
      f.forEach((fa, j) => {
        values[fa.knob] = lv[j][pos[j]];
      });
      return { index: out.length, values, baseline: false, morris: { trajectory: t, step, knob, delta } };
    };
    out.push(point(0, null, 0));
    order.forEach((j, s) => {
      const sign = up[j] ? 1 : -1;
      pos[j] += sign * jump[j];
      out.push(point(s + 1, f[j].knob, (sign * jump[j]) / (lv[j].length - 1)));
    });
  }
  return out;
}

/** Every design point of an experiment, in run order. */
export function buildDesign(exp: Experiment): DesignPoint[] {
  switch (exp.design.type) {
    case 'factorial':
      return factorial(exp);
    case 'oat':
      return oneAtATime(exp);
    case 'lhs':
      return latinHypercube(exp, exp.design.samples);
    case 'morris':
      return morris(exp, exp.design.trajectories);
  }
}

/** The baseline point's index, or -1 when the design has none (Latin hypercube, Morris). */
export function baselineIndex(points: readonly DesignPoint[]): number {
  return points.findIndex((p) => p.baseline);
}
