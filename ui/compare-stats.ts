/**
 * The difference of a key figure between the scenario and its baseline over paired seeds: run k
 * of each side has the same seed, so the differences are paired (common random numbers). The
 * interval is the two-sided 95% t interval on the per-seed differences (experiments/stats.ts,
 * the same one the experiments use); a rate's difference is in percentage points, a count's
 * comes with its change relative to the baseline's mean.
 */
import { interval, pairedDifference } from '../experiments/stats.ts';

export interface FigureDifference {
  /** Pairs with a finite value on both sides. */
  n: number;
  /** Mean of the paired differences (scenario − baseline), in the figure's unit (a share for rates). */
  mean: number;
  /** The 95% interval's ends (NaN with fewer than two pairs). */
  lo: number;
  hi: number;
  /** Mean difference / the baseline's mean (NaN when the baseline's mean is 0). */
  relative: number;
}

/** The paired difference of `main` − `base` (same index, same seed) with its 95% interval. */
export function figureDifference(main: ArrayLike<number>, base: ArrayLike<number>, level = 0.95): FigureDifference {
  const d = pairedDifference(main, base, level);
  const kept: number[] = [];
  const n = Math.min(main.length, base.length);
  for (let i = 0; i < n; i++) if (Number.isFinite(main[i]) && Number.isFinite(base[i])) kept.push(base[i]);
  const baseMean = interval(kept).mean;
  return {
    n: d.n,
    mean: d.mean,
    lo: d.lo,
    hi: d.hi,
    relative: baseMean !== 0 && Number.isFinite(baseMean) ? d.mean / baseMean : Number.NaN,
  };
}
