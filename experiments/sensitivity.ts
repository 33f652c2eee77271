/**
 * Sensitivity on whole-run values (one number per run and metric).
 *
 * - One at a time: for each knob and each of its other values, the paired difference from the
 *   baseline (replicate k against replicate k) with its 95% interval. The tornado chart shows
 *   the lowest and highest of these per knob.
 * - Morris elementary effects: on each trajectory step, EE = (ȳ(after) − ȳ(before)) / Δ, where ȳ
 *   is the mean over replicates at the point and Δ the move in units of the knob's range (0..1).
 *   Per knob: mu (mean EE), mu* (mean |EE|: overall influence) and sigma (sd of EE: interaction or
 *   non-linearity), over the trajectories (Campolongo et al. 2007).
 */
import { mean as ssMean, sampleStandardDeviation } from 'simple-statistics';
import type { KnobValue } from '../sim/index.ts';
import type { Experiment } from './schema.ts';
import type { DesignPoint } from './design.ts';
import type { RunRecord } from './run.ts';
import { pairedDifference, type Interval } from './stats.ts';

export interface OatEffect {
  knob: string;
  value: KnobValue;
  metric: string;
  diff: Interval;
}

export interface MorrisEffect {
  knob: string;
  metric: string;
  r: number;
  mu: number;
  muStar: number;
  sigma: number;
}

/** Whole-run values of a metric by point, each an array over replicates. */
export function scalarsByPoint(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[], metric: string): number[][] {
  return points.map((_, p) => Array.from({ length: exp.replicates }, (_, k) => records[p * exp.replicates + k]?.scalars[metric] ?? NaN));
}

export function oatEffects(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[]): OatEffect[] {
  const base = points.findIndex((p) => p.baseline);
  if (base < 0) return [];
  const out: OatEffect[] = [];
  for (const metric of exp.metrics) {
    const y = scalarsByPoint(exp, points, records, metric);
    for (const p of points) {
      if (!p.moved) continue;
      out.push({ knob: p.moved, value: p.values[p.moved], metric, diff: pairedDifference(y[p.index], y[base]) });
    }
  }
  return out;
}

export function morrisEffects(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[]): MorrisEffect[] {
  const out: MorrisEffect[] = [];
  for (const metric of exp.metrics) {
    const ybar = scalarsByPoint(exp, points, records, metric).map((ys) => {
      const f = ys.filter(Number.isFinite);
      return f.length ? ssMean(f) : NaN;
    });
    for (const f of exp.factors) {
      const ee: number[] = [];
      for (const p of points) {
        const m = p.morris;
        if (!m || m.knob !== f.knob || m.delta === 0) continue;
        const e = (ybar[p.index] - ybar[p.index - 1]) / m.delta;
        if (Number.isFinite(e)) ee.push(e);
      }
      out.push({
        knob: f.knob,
        metric,
        r: ee.length,
        mu: ee.length ? ssMean(ee) : NaN,
        muStar: ee.length ? ssMean(ee.map(Math.abs)) : NaN,
        sigma: ee.length > 1 ? sampleStandardDeviation(ee) : NaN,
      });
    }
  }
  return out;
}
