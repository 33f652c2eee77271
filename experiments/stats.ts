/**
 * Statistics over replicates.
 *
 * For n replicate values: mean, sample standard deviation (n - 1 in the denominator) from
 * simple-statistics, and the two-sided 95% interval mean ± t(0.975, n - 1) · sd / √n. The t
 * quantile is found by bisection on Student's t distribution function, computed through the
 * regularised incomplete beta function (continued fraction, as in Numerical Recipes §6.4) with
 * simple-statistics' log-gamma. Paired differences (policy minus baseline, replicate k with
 * replicate k, same seed) get the same interval on the per-replicate differences.
 * With fewer than two values the sd and the interval are NaN (empty in the CSV).
 */
import { gammaln, mean as ssMean, sampleStandardDeviation } from 'simple-statistics';

/** Continued fraction for the incomplete beta function. */
function betacf(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbt = gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log(1 - x);
  const bt = Math.exp(lbt);
  return x < (a + 1) / (a + b + 2) ? (bt * betacf(a, b, x)) / a : 1 - (bt * betacf(b, a, 1 - x)) / b;
}

/** Student's t distribution function P(T ≤ t) with df degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with df degrees of freedom (bisection to 1e-12). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface Interval {
  n: number;
  mean: number;
  sd: number;
  /** Lower and upper ends of the interval. */
  lo: number;
  hi: number;
}

/** Mean, sd and the t-based interval (default 95%) of the finite values given. */
export function interval(values: ArrayLike<number>, level = 0.95): Interval {
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) xs.push(values[i]);
  const n = xs.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, lo: NaN, hi: NaN };
  const m = ssMean(xs);
  if (n < 2) return { n, mean: m, sd: NaN, lo: NaN, hi: NaN };
  const sd = sampleStandardDeviation(xs);
  const half = (tQuantile(0.5 + level / 2, n - 1) * sd) / Math.sqrt(n);
  return { n, mean: m, sd, lo: m - half, hi: m + half };
}

/** The paired difference a − b (same replicate, same seed) with its interval. Pairs with a non-finite side are dropped. */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): Interval {
  const n = Math.min(a.length, b.length);
  const d: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(a[i] - b[i]);
  return interval(d, level);
}
