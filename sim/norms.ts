/**
 * Norms: what residents know of what 12345 is for. A resident's knowledge combines a personal
 * component (World.resNorm, raised by explanations and refusals), a village component (learned by
 * watching the council deliberate) and a city component (published lists of unreasonable
 * requests, education campaigns: public learning, a phase of the day).
 */
import type { Knobs } from './knobs.ts';
import type { World } from './world.ts';
import { type Clock, policyStart } from './clock.ts';
import { pow } from './fmath.ts';
import { RES_STRIDE, Res } from './flags.ts';

export class Norms {
  /** Per cell: the sum of residents' personal knowledge (0..1), and the village component. */
  readonly cellNormSum: Float64Array;
  readonly cellNorm: Float64Array;
  /** The city component (publication, campaigns). */
  cityNorm = 0;
  private readonly world: World;
  private readonly clock: Clock;
  // configured
  private publishStart = Infinity;
  private publishInterval = 1;
  private publishReach = 0;
  private educationStart = Infinity;
  private educationEnd = Infinity;
  private educationDays = 1;
  private educationStrength = 0;
  private observerLearning = 0;

  constructor(world: World, clock: Clock) {
    this.world = world;
    this.clock = clock;
    const C = world.C;
    this.cellNormSum = new Float64Array(C);
    this.cellNorm = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let r = world.cellStart[c]; r < world.cellStart[c + 1]; r++) sum += world.res[r * RES_STRIDE + Res.NORM] / 255;
      this.cellNormSum[c] = sum;
    }
  }

  /** Read the knobs; `changeDay` is the day of a timeline change (null at build). */
  configure(k: Knobs, changeDay: number | null): void {
    const publish = k.publishUnreasonable ? this.clock.dayOf(k.publishStart) : Infinity;
    this.publishStart = policyStart(this.publishStart, publish, changeDay);
    this.publishInterval = k.publishIntervalDays;
    this.publishReach = k.publishReach;
    const education = k.educationCampaign ? this.clock.dayOf(k.educationStart) : Infinity;
    this.educationStart = policyStart(this.educationStart, education, changeDay);
    this.educationEnd = this.educationStart === Infinity ? Infinity : this.educationStart + k.educationDays;
    this.educationDays = k.educationDays;
    this.educationStrength = k.educationStrength;
    this.observerLearning = k.observerLearning;
  }

  /** Effective norm knowledge of resident r in cell c (0..1). */
  norm(r: number, c: number): number {
    return 1 - (1 - this.world.res[r * RES_STRIDE + Res.NORM] / 255) * (1 - this.cellNorm[c]) * (1 - this.cityNorm);
  }

  /** Raise resident r's personal norm by a share of what they do not yet know. */
  learn(r: number, c: number, share: number): void {
    const res = this.world.res;
    const i = r * RES_STRIDE + Res.NORM;
    const old = res[i];
    const next = Math.min(255, Math.round(old + (255 - old) * share));
    res[i] = next;
    this.cellNormSum[c] += (next - old) / 255;
  }

  /** The village of cell c watches its council deliberate. */
  observe(c: number): void {
    this.cellNorm[c] += this.observerLearning * (1 - this.cellNorm[c]);
  }

  /** Share of cell c's residents who know what 12345 is for. */
  cellKnowledge(c: number): number {
    const n = this.world.population(c);
    return 1 - (1 - this.cellNormSum[c] / n) * (1 - this.cellNorm[c]) * (1 - this.cityNorm);
  }

  /** Mean knowledge over all residents. */
  meanKnowledge(): number {
    const w = this.world;
    let norm = 0;
    for (let c = 0; c < w.C; c++) norm += w.population(c) * this.cellKnowledge(c);
    return norm / w.N;
  }

  /** Phase (daily): published batches and campaigns teach the public what 12345 is for. */
  publicLearning(): void {
    const day = this.clock.day;
    if (day >= this.publishStart && (day - this.publishStart) % this.publishInterval === 0) {
      this.cityNorm = 1 - (1 - this.cityNorm) * (1 - this.publishReach);
    }
    if (day >= this.educationStart && day < this.educationEnd) {
      this.cityNorm = 1 - (1 - this.cityNorm) * pow(1 - this.educationStrength, 1 / this.educationDays);
    }
  }
}
