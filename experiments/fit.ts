/**
 * The fit of the model to its calibration targets: the fit's settings, each simulation's
 * parameter set and seeds, and the output files as text. The method is experiments/abc.ts, the
 * targets experiments/targets.ts, the priors experiments/priors.ts. Pure: the command line runs
 * it on worker threads and writes the files; the app reads them.
 *
 * Prior simulations are numbered 0 .. sims-1, each drawn from the prior by its index alone (so a
 * fit resumed with more or fewer keeps the ones it has); predictive simulations 0 .. predictive-1
 * re-run sets resampled from the posterior (the predictive check), which needs every prior
 * simulation first, and carry the plan they belong to (`planKey`).
 */
import { MODEL } from '../sim/index.ts';
import { canonicalJson, csvField, csvNumber, sha256Hex } from '../scenarios/export.ts';
import {
  abcPosterior,
  drawPrior,
  predictiveCheck,
  predictivePlan,
  type AbcTarget,
  type FitSim,
  type ParamPrior,
  type Params,
  type Posterior,
  type PredictiveRow,
} from './abc.ts';
import { fittedPriors } from './priors.ts';
import { fitSeed } from './seeds.ts';
import { fitTargets, fitValues, studies, type FitTarget } from './targets.ts';

export interface FitSpec {
  seed: number;
  /** Draws from the prior. */
  sims: number;
  /** Posterior predictive simulations. */
  predictive: number;
  /** Fraction of the prior draws accepted. */
  accept: number;
  /** Studies whose judged rows are the targets (all by default). */
  studies: string[];
}

export const FIT_DEFAULTS = { seed: 1, sims: 320, predictive: 64, accept: 0.25 } as const;
export const MAX_FIT_SIMS = 100_000;

/** A problem with the fit's settings, in English and Chinese. */
export interface FitProblem {
  field: string;
  en: string;
  zh: string;
}

/** Check raw settings (numbers or text from the command line); fill defaults. */
export function checkFitSpec(raw: { seed?: unknown; sims?: unknown; predictive?: unknown; accept?: unknown; studies?: unknown }): {
  spec: FitSpec | null;
  problems: FitProblem[];
} {
  const problems: FitProblem[] = [];
  const int = (field: string, v: unknown, dflt: number, min: number, max: number): number => {
    if (v === undefined) return dflt;
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      problems.push({
        field,
        en: `${field} '${String(v)}' is not allowed: must be an integer from ${min} to ${max}`,
        zh: `${field} '${String(v)}' 不可用：须为 ${min} 到 ${max} 之间的整数`,
      });
      return dflt;
    }
    return n;
  };
  const seed = int('seed', raw.seed, FIT_DEFAULTS.seed, 0, 4294967295);
  const sims = int('sims', raw.sims, FIT_DEFAULTS.sims, 4, MAX_FIT_SIMS);
  const predictive = int('predictive', raw.predictive, FIT_DEFAULTS.predictive, 0, MAX_FIT_SIMS);
  let accept: number = FIT_DEFAULTS.accept;
  if (raw.accept !== undefined) {
    const a = typeof raw.accept === 'string' && raw.accept.trim() !== '' ? Number(raw.accept) : raw.accept;
    if (typeof a !== 'number' || !(a > 0 && a <= 1)) {
      problems.push({
        field: 'accept',
        en: `accept '${String(raw.accept)}' is not allowed: must be a fraction above 0 and at most 1, e.g. 0.25`,
        zh: `accept '${String(raw.accept)}' 不可用：须为大于 0、不超过 1 的比例，例如 0.25`,
      });
    } else accept = a;
    if (typeof a === 'number' && a > 0 && a <= 1 && Math.round(a * sims) < 2)
      problems.push({
        field: 'accept',
        en: `accept ${a} of ${sims} simulations keeps fewer than 2 sets: raise --accept or --sims`,
        zh: `${sims} 次模拟中按 ${a} 接受不足 2 组参数：请提高 --accept 或 --sims`,
      });
  }
  const all = studies().map((s) => s.id);
  let chosen = all;
  if (raw.studies !== undefined) {
    const list = Array.isArray(raw.studies)
      ? raw.studies
      : String(raw.studies)
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
    const bad = list.filter((x) => typeof x !== 'string' || !all.includes(x));
    if (list.length === 0 || bad.length)
      problems.push({
        field: 'studies',
        en: `studies '${String(raw.studies)}' is not allowed: ${bad.length ? `unknown ${bad.map(String).join(', ')}; ` : ''}must be a comma-separated list of ${all.join(', ')}`,
        zh: `studies '${String(raw.studies)}' 不可用：${bad.length ? `未知的 ${bad.map(String).join('、')}；` : ''}须为以逗号分隔的研究名，可选 ${all.join(', ')}`,
      });
    // the table's order, whatever order they were given in
    else chosen = all.filter((id) => list.includes(id));
  }
  if (problems.length) return { spec: null, problems };
  return { spec: { seed, sims, predictive, accept, studies: chosen }, problems };
}

/** The knobs drawn, as the method sees them. */
export function fitPriors(): ParamPrior[] {
  return fittedPriors().map((p) => ({ name: p.knob, scale: p.scale, min: p.min, max: p.max, integer: p.integer }));
}

/** The targets of a fit, as the method sees them (with their labels for the files). */
export function specTargets(spec: FitSpec): (AbcTarget & FitTarget)[] {
  return fitTargets(spec.studies);
}

/** Everything that decides a fit's numbers: settings, model, priors, targets (what the folder's hash covers). */
export function fitJson(spec: FitSpec): Record<string, unknown> {
  return {
    model: `${MODEL.name} ${MODEL.version}`,
    seed: spec.seed,
    sims: spec.sims,
    predictive: spec.predictive,
    accept: spec.accept,
    studies: spec.studies,
    priors: fitPriors(),
    // the scenarios as the fit runs them (a change of scale is a different fit)
    scenarios: studies()
      .filter((s) => spec.studies.includes(s.id))
      .map((s) => ({ study: s.id, preset: s.preset, over: s.over ?? {}, fitOver: s.fitOver ?? {}, counter: s.counter ?? {} })),
    targets: specTargets(spec).map((t) => ({ key: t.key, target: t.target, lo: t.lo, hi: t.hi, distance: t.distance })),
  };
}

/**
 * The hash that says two folders hold the same fit's prior simulations: everything but the number
 * of simulations and the acceptance (simulation i depends on its index alone, so a fit resumed
 * with more, or fewer, keeps the ones it has).
 */
export function fitHash(spec: FitSpec): string {
  const { sims: _s, predictive: _p, accept: _a, ...rest } = fitJson(spec);
  return sha256Hex(canonicalJson(rest));
}

/** What a predictive simulation depends on besides the prior simulations: one changed, it is run again. */
export const planKey = (spec: FitSpec) => `${spec.sims}:${spec.accept}:${spec.predictive}`;

/** Simulation `sim` of the prior phase: its parameter set. */
export function priorParams(spec: FitSpec, sim: number): Params {
  return drawPrior(fitPriors(), spec.seed, sim);
}

/** Run one simulation of the fit: every target's scenario with the parameter set (pure, seconds). */
export function runFitSim(spec: FitSpec, sim: number, phase: FitSim['phase'], params: Params, set?: number): FitSim {
  const chosen = studies().filter((s) => spec.studies.includes(s.id));
  // prior and predictive simulations number from 0 each: their seeds' purposes differ
  const purpose = phase === 'prior' ? 'run' : 'predictive-run';
  const values = fitValues(chosen, params, (key) => fitSeed(spec.seed, `${purpose}:${key}`, sim));
  return { sim, phase, ...(set === undefined ? {} : { set, plan: planKey(spec) }), params, values };
}

/** The posterior from the prior simulations. */
export function fitPosterior(spec: FitSpec, sims: readonly FitSim[]): Posterior {
  return abcPosterior(fitPriors(), specTargets(spec), sims, { accept: spec.accept });
}

/** The predictive simulations' parameter sets: [sim index, set, params]. */
export function predictiveTasks(spec: FitSpec, post: Posterior): { sim: number; set: number; params: Params }[] {
  return predictivePlan(post, spec.predictive, spec.seed).map((set, j) => ({
    sim: j,
    set,
    params: post.accepted[set].adjusted,
  }));
}

/**
 * A posterior sample for experiments: `n` sets resampled by weight, systematic, in accepted
 * order. Replicate k of a policy comparison (`fit --policies`, experiments/fit-carry.ts) takes set
 * k mod n; experiment files cannot name one yet.
 */
export function posteriorSample(spec: FitSpec, post: Posterior): Params[] {
  const n = Math.max(spec.predictive, Math.min(64, post.accepted.length));
  return predictivePlan(post, n, spec.seed).map((set) => post.accepted[set].adjusted);
}

// ---------------------------------------------------------------- files

export interface FitProvenance {
  commit?: string | null;
}

export function fitProvenanceLines(spec: FitSpec, prov: FitProvenance = {}): string[] {
  return [
    `# model ${MODEL.name} ${MODEL.version}`,
    `# git-commit ${prov.commit || 'unknown'}`,
    `# fit-hash ${fitHash(spec)}`,
    `# fit ${canonicalJson({ seed: spec.seed, sims: spec.sims, predictive: spec.predictive, accept: spec.accept, studies: spec.studies })}`,
    '# method rejection ABC with local-linear regression adjustment (Beaumont, Zhang and Balding 2002)',
  ];
}

const csv = (cells: (string | number | boolean | undefined)[]) =>
  cells.map((c) => (typeof c === 'number' ? csvNumber(c) : csvField(c))).join(',');

/** simulations.csv: every simulation, one row per simulation × name (parameters and targets). */
export function simulationsCsv(spec: FitSpec, sims: readonly FitSim[], prov: FitProvenance = {}): string {
  const targets = specTargets(spec);
  const lines = [...fitProvenanceLines(spec, prov), 'sim,phase,set,kind,name,value'];
  for (const s of [...sims].sort((a, b) => a.sim - b.sim)) {
    for (const [k, v] of Object.entries(s.params)) lines.push(csv([s.sim, s.phase, s.set ?? '', 'knob', k, v]));
    for (const t of targets) lines.push(csv([s.sim, s.phase, s.set ?? '', 'target', t.key, s.values[t.key]]));
  }
  return lines.join('\n') + '\n';
}

/** accepted.csv: the posterior sample, one row per accepted set × knob (drawn and adjusted value). */
export function acceptedCsv(spec: FitSpec, post: Posterior, prov: FitProvenance = {}): string {
  const lines = [...fitProvenanceLines(spec, prov), 'set,sim,distance,weight,knob,drawn,adjusted'];
  for (const a of post.accepted)
    for (const k of Object.keys(a.adjusted)) lines.push(csv([a.set, a.sim, a.distance, a.weight, k, a.drawn[k], a.adjusted[k]]));
  return lines.join('\n') + '\n';
}

/** posterior.csv: per knob, the prior range, the posterior median and 90% interval, the width ratio. */
export function posteriorCsv(spec: FitSpec, post: Posterior, prov: FitProvenance = {}): string {
  const lines = [
    ...fitProvenanceLines(spec, prov),
    `# accepted ${post.accepted.length} of ${post.usable} prior simulations; largest accepted distance ${csvNumber(post.threshold)}`,
    'knob,scale,prior_min,prior_max,median,q05,q95,width_ratio,median_place,verdict',
  ];
  for (const k of post.knobs)
    lines.push(
      csv([
        k.name,
        k.scale,
        k.priorMin,
        k.priorMax,
        sig(k.median),
        sig(k.q05),
        sig(k.q95),
        sig(k.widthRatio),
        sig(k.medianUnit),
        k.verdict,
      ]),
    );
  return lines.join('\n') + '\n';
}

/** predictive.csv: per target, the prior's reach and the posterior predictive interval against the figure. */
export function predictiveCsv(spec: FitSpec, rows: readonly PredictiveRow[], prov: FitProvenance = {}): string {
  const targets = new Map(specTargets(spec).map((t) => [t.key, t]));
  const lines = [
    ...fitProvenanceLines(spec, prov),
    'study,target,unit,tolerance,figure,lo,hi,prior_in_band,prior_closest,accepted_in_band,median,q05,q95,in_band,met',
  ];
  for (const r of rows) {
    const t = targets.get(r.key)!;
    lines.push(
      csv([
        t.study,
        t.label,
        t.unit,
        t.tol,
        r.target,
        r.lo,
        r.hi,
        sig(r.priorInBand),
        sig(r.priorClosest),
        sig(r.acceptedInBand),
        sig(r.median),
        sig(r.q05),
        sig(r.q95),
        sig(r.inBand),
        r.met,
      ]),
    );
  }
  return lines.join('\n') + '\n';
}

/** posterior-sample.json: the sets policy comparisons draw from (`fit --policies`). */
export function posteriorSampleJson(spec: FitSpec, post: Posterior): string {
  return `${JSON.stringify({ model: `${MODEL.name} ${MODEL.version}`, fitHash: fitHash(spec), seed: spec.seed, sets: posteriorSample(spec, post) }, null, 1)}\n`;
}

/** 6 significant digits: the files' figures are estimates, not more precise than that. */
function sig(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

/** Every output file of a complete fit (prior and predictive simulations all present). */
export function fitFiles(spec: FitSpec, sims: readonly FitSim[], prov: FitProvenance = {}): Record<string, string> {
  const post = fitPosterior(spec, sims);
  const rows = predictiveCheck(specTargets(spec), sims, post);
  return {
    'simulations.csv': simulationsCsv(spec, sims, prov),
    'accepted.csv': acceptedCsv(spec, post, prov),
    'posterior.csv': posteriorCsv(spec, post, prov),
    'predictive.csv': predictiveCsv(spec, rows, prov),
    'posterior-sample.json': posteriorSampleJson(spec, post),
  };
}
