/**
 * Knowing what 12345 is for. A resident's effective knowledge combines three parts: their own
 * (World.resNorm, learned from refusals and explanations), their village's (learned by watching
 * the council deliberate) and the city's (published lists of unreasonable requests, education
 * campaigns). Knowing deters out-of-scope wishes, venting and proxy complaints (sim/channels.ts).
 */
import type { Knobs } from './knobs.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import { pow } from './fmath.ts';

export class Norms {
  /** Per cell: the sum of its residents' personal knowledge (0..1 each). */
  readonly cellSum: Float64Array;
  /** Per cell: the village component, learned by watching deliberation. */
  readonly cell: Float64Array;
  /** The city component (publication, campaigns). */
  city = 0;
  private readonly world: World;
  private readonly clock: Clock;
  // configured (configure)
  private publishStart = Infinity;
  private publishInterval = 1;
  private publishReach = 0;
  private educationStart = Infinity;
  private educationEnd = Infinity;
  private educationDaily = 1;

  constructor(world: World, clock: Clock) {
    this.world = world;
    this.clock = clock;
    const C = world.C;
    this.cellSum = new Float64Array(C);
    this.cell = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      let sum = 0;
      for (let r = world.cellStart[c]; r < world.cellStart[c + 1]; r++) sum += world.resNorm[r] / 255;
      this.cellSum[c] = sum;
    }
  }

  /** Policy parameters and start days from the knobs (sim/model.ts: configure). */
  configure(k: Knobs): void {
    const clock = this.clock;
    this.publishStart = k.publishUnreasonable ? clock.dayOf(k.publishStart) : Infinity;
    this.publishInterval = k.publishIntervalDays;
    this.publishReach = k.publishReach;
    const edStart = clock.dayOf(k.educationStart);
    this.educationStart = k.educationCampaign ? edStart : Infinity;
    this.educationEnd = k.educationCampaign ? edStart + k.educationDays : Infinity;
    // the share of ignorance left after one day of the campaign
    this.educationDaily = pow(1 - k.educationStrength, 1 / k.educationDays);
  }

  /** Effective norm knowledge of resident r in cell c (0..1). */
  knowledge(r: number, c: number): number {
    return 1 - (1 - this.world.resNorm[r] / 255) * (1 - this.cell[c]) * (1 - this.city);
  }

  /** Raise resident r's personal norm by a share of what they do not yet know. */
  learn(r: number, c: number, share: number): void {
    const w = this.world;
    const old = w.resNorm[r];
    const next = Math.min(255, Math.round(old + (255 - old) * share));
    w.resNorm[r] = next;
    this.cellSum[c] += (next - old) / 255;
  }

  /** The village of cell c watches a deliberation and learns a share of what it does not yet know. */
  observe(c: number, share: number): void {
    this.cell[c] += share * (1 - this.cell[c]);
  }

  /** Phase: published batches and campaigns teach the public what 12345 is for. */
  publicLearning(): void {
    const day = this.clock.day;
    if (day >= this.publishStart && (day - this.publishStart) % this.publishInterval === 0) {
      this.city = 1 - (1 - this.city) * (1 - this.publishReach);
    }
    if (day >= this.educationStart && day < this.educationEnd) {
      this.city = 1 - (1 - this.city) * this.educationDaily;
    }
  }

  /** Mean effective knowledge of cell c's residents. */
  cellKnowledge(c: number): number {
    const n = this.world.population(c);
    return 1 - (1 - this.cellSum[c] / n) * (1 - this.cell[c]) * (1 - this.city);
  }

  /** Mean effective knowledge of all residents. */
  meanKnowledge(): number {
    const w = this.world;
    let norm = 0;
    for (let c = 0; c < w.C; c++) {
      const n = w.population(c);
      const personal = this.cellSum[c] / n;
      norm += n * (1 - (1 - personal) * (1 - this.cell[c]) * (1 - this.city));
    }
    return norm / w.N;
  }
}
