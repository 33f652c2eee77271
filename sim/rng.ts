/**
 * Seeded random streams. One generator type (seedrandom's alea: fast, and identical in
 * Node and browsers); one named stream per subsystem, so that a knob in one subsystem
 * does not reshuffle the draws of another (common random numbers).
 */
import seedrandom from 'seedrandom';
import { exp, log } from './fmath.ts';

export class Stream {
  private readonly next: () => number;
  constructor(seed: number, name: string) {
    this.next = seedrandom.alea(`${seed >>> 0}:${name}`);
  }
  /** Uniform on [0, 1). */
  u(): number {
    return this.next();
  }
  /** Integer uniform on [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /**
   * Bernoulli(p) trials up to and including the first success (1, 2, ...), from one draw by
   * inversion; Infinity when p <= 0. A daily chance p drawn as a waiting time: the same law as a
   * coin every day, for the cost of one draw per event.
   */
  geometric(p: number): number {
    const u = this.next();
    if (!(p > 0)) return Number.POSITIVE_INFINITY;
    if (p >= 1) return 1;
    return 1 + Math.floor(log(1 - u) / log(1 - p));
  }
  /** Standard normal (Marsaglia's polar method: no trigonometry, so identical in every engine). */
  normal(): number {
    for (;;) {
      const a = 2 * this.next() - 1;
      const b = 2 * this.next() - 1;
      const q = a * a + b * b;
      if (q > 0 && q < 1) return a * Math.sqrt((-2 * log(q)) / q);
    }
  }
  /**
   * Poisson count with mean lambda: inversion for small means, a rounded normal
   * approximation (continuity-corrected, clamped at 0) above 60 where the error is negligible
   * for the totals we draw.
   */
  poisson(lambda: number): number {
    return this.poissonGivenExp(lambda, lambda > 0 && lambda < 60 ? exp(-lambda) : 0);
  }
  /**
   * poisson(lambda) given e = exp(-lambda) (from sim/fmath.ts), for a mean drawn so often that its
   * exp is computed once ahead: the same draws and the same counts as poisson(lambda).
   */
  poissonGivenExp(lambda: number, e: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 60) {
      let k = 0;
      let p = e;
      let s = p;
      const u = this.next();
      while (u > s && k < 1000) {
        k++;
        p *= lambda / k;
        s += p;
      }
      return k;
    }
    const x = Math.round(lambda + Math.sqrt(lambda) * this.normal());
    // biome-ignore lint/complexity/useMathMinMax: keeps -0 out of counts exactly as before (bit-identical runs)
    return x < 0 ? 0 : x;
  }
  /** Binomial(n, p): exact by summing Bernoullis for small n, normal approximation for large. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 50) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const mean = n * p;
    const sd = Math.sqrt(mean * (1 - p));
    const x = Math.round(mean + sd * this.normal());
    // biome-ignore lint/complexity/useMathMinMax: keeps -0 out of counts exactly as before (bit-identical runs)
    return x < 0 ? 0 : x > n ? n : x;
  }
}

/** The subsystems that own a stream. */
export const STREAMS = [
  'world',
  'needs',
  'channels',
  'intake',
  'work',
  'outcomes',
  'councils',
  'outreach',
  'gaming',
  'audit',
  'categories',
  // model 0.2: each new mechanism draws from its own stream, so the others keep their draws
  'selfHelp',
  'units',
  'leaders',
  'demand',
  'drift',
] as const;
export type StreamName = (typeof STREAMS)[number];
export type Streams = Record<StreamName, Stream>;

export function makeStreams(seed: number): Streams {
  const s = {} as Streams;
  for (const n of STREAMS) s[n] = new Stream(seed, n);
  return s;
}

/**
 * Walker's alias table over a fixed set of weights: O(n) to build, O(1) per draw.
 * Used to pick a cell in proportion to its residents' hotline propensity.
 */
export class AliasTable {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    if (n === 0 || !(total > 0)) {
      this.prob.fill(1);
      for (let i = 0; i < n; i++) this.alias[i] = i;
      return;
    }
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[--nl];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) {
      const l = large[--nl];
      this.prob[l] = 1;
      this.alias[l] = l;
    }
    while (ns > 0) {
      const s = small[--ns];
      this.prob[s] = 1;
      this.alias[s] = s;
    }
  }
  sample(rng: Stream): number {
    const n = this.prob.length;
    const x = rng.u() * n;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}
