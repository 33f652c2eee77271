/**
 * Approximate Bayesian computation: rejection with a local-linear regression adjustment
 * (Beaumont, Zhang and Balding 2002, Genetics 162: 2025-2035).
 *
 * 1. Draw N parameter sets from the prior (independently, each from its own seeded stream:
 *    `drawPrior`), simulate every target once for each.
 * 2. Each target's discrepancy is (simulated - figure) in units of its distance scale (on a log
 *    scale for "within a factor of" targets); a set's distance is the root mean square over
 *    the targets. Accept the fraction `accept` of the sets closest to the figures; weigh them with
 *    the Epanechnikov kernel 1 - (d / d_max)^2.
 * 3. Adjust: for each knob (as the logit of its place in the prior's range, so the adjusted value
 *    stays inside the range), first its projection: the linear prediction of the knob from every
 *    discrepancy, fitted over all prior simulations (ridge least squares; Fearnhead and Prangle
 *    2012). Then the local-linear step over the accepted sets (weighted): regress the knob on its
 *    projection and move each accepted value along that slope to the projection at the figures
 *    (every discrepancy 0). One regressor per knob, because with some 30 targets and some 80
 *    accepted sets a regression on every discrepancy overfits and shrinks knobs the targets say
 *    nothing about. A target that no accepted set comes near is not extrapolated to: its
 *    discrepancy goes only as far as the closest accepted simulation's.
 * 4. The posterior is the adjusted sets with their weights; each knob's median and 90% interval
 *    are weighted quantiles, and its width ratio (posterior 90% width over the prior's, in the
 *    prior's own scale) says how much the targets constrain it.
 * 5. Posterior predictive check: M sets resampled from the posterior (systematic resampling),
 *    each simulated again with fresh seeds; each target's 90% interval over those runs is set
 *    against its figure and band.
 *
 * Generic over the simulator: the command line simulates the model's targets
 * (experiments/targets.ts), the tests a cheap function with known parameters. Pure.
 */
import seedrandom from 'seedrandom';
import { fitSeed } from './seeds.ts';

export interface ParamPrior {
  name: string;
  scale: 'linear' | 'log';
  min: number;
  max: number;
  integer: boolean;
}

export interface AbcTarget {
  key: string;
  target: number;
  lo: number;
  hi: number;
  distance: { kind: 'linear' | 'log'; scale: number };
}

export type Params = Record<string, number>;

/** One simulation of the fit: its parameter set and the simulated value of each target. */
export interface FitSim {
  sim: number;
  phase: 'prior' | 'predictive';
  /** Predictive simulations: the accepted set (index into the accepted list) they re-run, and the plan they belong to. */
  set?: number;
  plan?: string;
  params: Params;
  values: Record<string, number>;
}

// ---------------------------------------------------------------- the prior's scale

const EPS = 1e-6;

/** A value's place in its prior's range, 0..1 (on a log scale for log priors). */
export function toUnit(p: ParamPrior, x: number): number {
  if (p.scale === 'log') return (Math.log(x) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min));
  return (x - p.min) / (p.max - p.min);
}

export function fromUnit(p: ParamPrior, u: number): number {
  const v = p.scale === 'log' ? Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min))) : p.min + u * (p.max - p.min);
  return tidy(p, v);
}

/** Integers rounded, other values kept to 6 significant digits (as experiment designs keep them), within the range. */
function tidy(p: ParamPrior, v: number): number {
  const x = p.integer ? Math.round(v) : Number(v.toPrecision(6));
  return Math.min(p.max, Math.max(p.min, x));
}

const logit = (u: number) => {
  const c = Math.min(1 - EPS, Math.max(EPS, u));
  return Math.log(c / (1 - c));
};
const expit = (z: number) => 1 / (1 + Math.exp(-z));

/** Simulation `sim`'s parameter set: one uniform draw per knob, in the priors' order, from the stream of fitSeed(seed, 'prior', sim). */
export function drawPrior(priors: readonly ParamPrior[], seed: number, sim: number): Params {
  const rng = seedrandom.alea(String(fitSeed(seed, 'prior', sim)));
  const out: Params = {};
  for (const p of priors) out[p.name] = fromUnit(p, rng());
  return out;
}

// ---------------------------------------------------------------- distances

/** A target's discrepancy in units of its scale (NaN when the value is not a number). */
export function discrepancy(value: number, t: AbcTarget): number {
  if (!Number.isFinite(value)) return NaN;
  if (t.distance.kind === 'log') {
    // a count of 0 is far below on a log scale: both floored at a tenth
    return (Math.log(Math.max(value, 0.1)) - Math.log(Math.max(t.target, 0.1))) / t.distance.scale;
  }
  return (value - t.target) / t.distance.scale;
}

/** Root mean square of a set's discrepancies (Infinity when one is not a number). */
export function setDistance(values: Record<string, number>, targets: readonly AbcTarget[]): number {
  let s = 0;
  for (const t of targets) {
    const z = discrepancy(values[t.key], t);
    if (!Number.isFinite(z)) return Infinity;
    s += z * z;
  }
  return Math.sqrt(s / Math.max(1, targets.length));
}

// ---------------------------------------------------------------- weighted statistics

/** The weighted q-quantile (weights need not sum to 1): linear between the midpoints of the cumulative weights. */
export function weightedQuantile(xs: readonly number[], ws: readonly number[], q: number): number {
  const idx = xs.map((_, i) => i).filter((i) => ws[i] > 0 && Number.isFinite(xs[i]));
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => xs[a] - xs[b]);
  const total = idx.reduce((a, i) => a + ws[i], 0);
  let cum = 0;
  const mids = idx.map((i) => {
    const m = (cum + ws[i] / 2) / total;
    cum += ws[i];
    return m;
  });
  if (q <= mids[0]) return xs[idx[0]];
  for (let k = 1; k < idx.length; k++) {
    if (q <= mids[k]) {
      const f = (q - mids[k - 1]) / (mids[k] - mids[k - 1]);
      return xs[idx[k - 1]] + f * (xs[idx[k]] - xs[idx[k - 1]]);
    }
  }
  return xs[idx[idx.length - 1]];
}

/** Solve A x = b (A symmetric positive definite after the ridge) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    const d = M[c][c];
    if (Math.abs(d) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => (Math.abs(row[i]) < 1e-300 ? 0 : row[n] / row[i]));
}

// ---------------------------------------------------------------- the posterior

export interface AcceptedSet {
  /** Index in the accepted list (what predictive simulations name). */
  set: number;
  sim: number;
  distance: number;
  weight: number;
  /** As drawn from the prior. */
  drawn: Params;
  /** After the regression adjustment: the posterior sample. */
  adjusted: Params;
}

export interface KnobPosterior {
  name: string;
  scale: 'linear' | 'log';
  priorMin: number;
  priorMax: number;
  /** Weighted median and 90% interval of the adjusted values. */
  median: number;
  q05: number;
  q95: number;
  /** Posterior 90% width over the prior's 90% width, both in the prior's scale: 1 = the targets say nothing. */
  widthRatio: number;
  /** The median's place in the prior's range (0..1): far from 0.5 = the targets move it. */
  medianUnit: number;
  verdict: 'constrained' | 'weakly constrained' | 'not constrained';
}

export interface Posterior {
  /** Prior simulations with a finite distance, and how many were accepted. */
  usable: number;
  accepted: AcceptedSet[];
  /** The largest accepted distance (the tolerance the acceptance fraction gave). */
  threshold: number;
  knobs: KnobPosterior[];
}

export interface PosteriorOptions {
  /** Fraction of the prior simulations accepted (0..1]. */
  accept: number;
  /** Ridge penalty, as a fraction of the accepted weight (0 = ordinary weighted least squares). */
  ridge?: number;
  /** Skip the regression adjustment (plain rejection). */
  adjust?: boolean;
}

export function verdictOf(widthRatio: number): KnobPosterior['verdict'] {
  return widthRatio < 0.5 ? 'constrained' : widthRatio < 0.8 ? 'weakly constrained' : 'not constrained';
}

/** Rejection and local-linear regression adjustment over the prior simulations. */
export function abcPosterior(
  priors: readonly ParamPrior[],
  targets: readonly AbcTarget[],
  sims: readonly FitSim[],
  opts: PosteriorOptions,
): Posterior {
  const prior = sims.filter((s) => s.phase === 'prior').sort((a, b) => a.sim - b.sim);
  const scored = prior.map((s) => ({ s, d: setDistance(s.values, targets) })).filter((x) => Number.isFinite(x.d));
  // ties broken by simulation index, so the accepted sets do not depend on the order sims arrived in
  scored.sort((a, b) => a.d - b.d || a.s.sim - b.s.sim);
  const n = Math.max(Math.min(scored.length, 2), Math.round(opts.accept * scored.length));
  const chosen = scored.slice(0, Math.min(n, scored.length));
  const threshold = chosen.length ? chosen[chosen.length - 1].d : NaN;
  // Epanechnikov weights on d / d_max, d_max a hair above the last accepted so it keeps a weight
  const h = threshold > 0 ? threshold * (1 + 1e-9) : 1;
  const w = chosen.map((c) => Math.max(1 - (c.d / h) ** 2, 1e-12));
  const Z = chosen.map((c) => targets.map((t) => discrepancy(c.s.values[t.key], t)));

  // The adjustment regresses each knob on one number, its projection: the knob's linear prediction
  // from every discrepancy, fitted over all prior simulations (Fearnhead and Prangle 2012). With
  // some 30 targets and some 80 accepted sets a regression on every discrepancy at once overfits:
  // it shrinks knobs the targets say nothing about (tests/unit/fit.test.ts shows it).
  const all = scored.map((x) => targets.map((t) => discrepancy(x.s.values[t.key], t)));
  const N = all.length;
  const cols: { j: number; mean: number; sd: number; obs: number }[] = [];
  targets.forEach((_, j) => {
    const mean = all.reduce((a, z) => a + z[j], 0) / N;
    const sd = Math.sqrt(all.reduce((a, z) => a + (z[j] - mean) ** 2, 0) / N);
    if (!(sd > 1e-12)) return;
    // where the figure is (discrepancy 0), clipped to the accepted sets' own range: no extrapolation
    const lo = Math.min(...Z.map((z) => z[j]));
    const hi = Math.max(...Z.map((z) => z[j]));
    cols.push({ j, mean, sd, obs: (Math.min(hi, Math.max(lo, 0)) - mean) / sd });
  });
  const std = (z: number[]) => cols.map((c) => (z[c.j] - c.mean) / c.sd);
  const X = all.map(std);
  const Xacc = Z.map(std);
  const p = cols.length;
  const lambda = (opts.ridge ?? 0.05) * N;
  const XtX: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const x of X) for (let a = 0; a < p; a++) for (let b = a; b < p; b++) XtX[a][b] += x[a] * x[b];
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < a; b++) XtX[a][b] = XtX[b][a];
    XtX[a][a] += lambda;
  }
  const W = w.reduce((a, b) => a + b, 0);

  const adjusted: Params[] = chosen.map(() => ({}));
  const knobs: KnobPosterior[] = [];
  for (const pr of priors) {
    const phi = chosen.map((c) => logit(toUnit(pr, c.s.params[pr.name])));
    // the projection: beta over all prior simulations
    const phiAll = scored.map((x) => logit(toUnit(pr, x.s.params[pr.name])));
    const mAll = phiAll.reduce((a, v) => a + v, 0) / N;
    const Xty = new Array<number>(p).fill(0);
    for (let i = 0; i < N; i++) for (let a = 0; a < p; a++) Xty[a] += X[i][a] * (phiAll[i] - mAll);
    const beta = p > 0 ? solve(XtX, Xty) : [];
    const proj = (x: number[]) => x.reduce((a, v, k) => a + beta[k] * v, 0);
    const eta = Xacc.map(proj);
    const etaObs = proj(cols.map((c) => c.obs));
    // the local regression of the knob on its projection over the accepted sets (weighted)
    let slope = 0;
    if (opts.adjust !== false && chosen.length > 2) {
      const me = eta.reduce((a, v, i) => a + w[i] * v, 0) / W;
      const mp = phi.reduce((a, v, i) => a + w[i] * v, 0) / W;
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < eta.length; i++) {
        sxy += w[i] * (eta[i] - me) * (phi[i] - mp);
        sxx += w[i] * (eta[i] - me) ** 2;
      }
      slope = sxx > 1e-12 ? sxy / sxx : 0;
    }
    const units = chosen.map((_, i) => expit(phi[i] - slope * (eta[i] - etaObs)));
    units.forEach((u, i) => {
      adjusted[i][pr.name] = fromUnit(pr, u);
    });
    const uq05 = weightedQuantile(units, w, 0.05);
    const uq50 = weightedQuantile(units, w, 0.5);
    const uq95 = weightedQuantile(units, w, 0.95);
    const widthRatio = (uq95 - uq05) / 0.9;
    knobs.push({
      name: pr.name,
      scale: pr.scale,
      priorMin: pr.min,
      priorMax: pr.max,
      median: fromUnit({ ...pr, integer: false }, uq50),
      q05: fromUnit({ ...pr, integer: false }, uq05),
      q95: fromUnit({ ...pr, integer: false }, uq95),
      widthRatio,
      medianUnit: uq50,
      verdict: verdictOf(widthRatio),
    });
  }
  const accepted: AcceptedSet[] = chosen.map((c, i) => ({
    set: i,
    sim: c.s.sim,
    distance: c.d,
    weight: w[i],
    drawn: { ...c.s.params },
    adjusted: adjusted[i],
  }));
  return { usable: scored.length, accepted, threshold, knobs };
}

/**
 * Which accepted set each of `m` predictive simulations re-runs: systematic resampling by
 * weight (one uniform from fitSeed(seed, 'predictive', 0)), in accepted-set order.
 */
export function predictivePlan(post: Posterior, m: number, seed: number): number[] {
  const w = post.accepted.map((a) => a.weight);
  const total = w.reduce((a, b) => a + b, 0);
  if (m <= 0 || total <= 0) return [];
  const u0 = seedrandom.alea(String(fitSeed(seed, 'predictive', 0)))();
  const out: number[] = [];
  let cum = 0;
  let k = 0;
  for (let j = 0; j < m; j++) {
    const u = (j + u0) / m;
    while (k < w.length - 1 && cum + w[k] / total < u) {
      cum += w[k] / total;
      k++;
    }
    out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------- the predictive check

export interface PredictiveRow {
  key: string;
  target: number;
  lo: number;
  hi: number;
  /** Prior simulations: share in the band, and the value closest to the figure. */
  priorInBand: number;
  priorClosest: number;
  /** Accepted sets as simulated (before adjustment): share in band. */
  acceptedInBand: number;
  /** Posterior predictive simulations: median, 90% interval, share in band (NaN with none). */
  median: number;
  q05: number;
  q95: number;
  inBand: number;
  /** Did any simulation, prior or predictive, land in the band? */
  met: boolean;
}

export function predictiveCheck(targets: readonly AbcTarget[], sims: readonly FitSim[], post: Posterior): PredictiveRow[] {
  const prior = sims.filter((s) => s.phase === 'prior');
  const pred = sims.filter((s) => s.phase === 'predictive');
  const acceptedSims = new Set(post.accepted.map((a) => a.sim));
  const accepted = prior.filter((s) => acceptedSims.has(s.sim));
  const share = (xs: number[], t: AbcTarget) => (xs.length ? xs.filter((x) => x >= t.lo && x <= t.hi).length / xs.length : NaN);
  return targets.map((t) => {
    const pv = prior.map((s) => s.values[t.key]).filter(Number.isFinite);
    const qv = pred.map((s) => s.values[t.key]).filter(Number.isFinite);
    const ones = qv.map(() => 1);
    let closest = NaN;
    for (const v of pv) if (!Number.isFinite(closest) || Math.abs(discrepancy(v, t)) < Math.abs(discrepancy(closest, t))) closest = v;
    return {
      key: t.key,
      target: t.target,
      lo: t.lo,
      hi: t.hi,
      priorInBand: share(pv, t),
      priorClosest: closest,
      acceptedInBand: share(accepted.map((s) => s.values[t.key]).filter(Number.isFinite), t),
      median: weightedQuantile(qv, ones, 0.5),
      q05: weightedQuantile(qv, ones, 0.05),
      q95: weightedQuantile(qv, ones, 0.95),
      inBand: share(qv, t),
      met: [...pv, ...qv].some((x) => x >= t.lo && x <= t.hi),
    };
  });
}
