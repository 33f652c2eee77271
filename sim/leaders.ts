/**
 * Leaders and responsiveness. Every day a leader's pressure decays (pressureDecay is the share
 * kept after 30 days) and the unit's responsiveness moves, with time constant responsivenessTau,
 * toward what drives it: the leader's own capability (intrinsic), pressure met with integrity
 * (the article's "strong assessment forced responsiveness"), and residents' dissatisfaction.
 * Nothing decays by a fixed amount per period, so the cadence does not change it by construction.
 * Now and then a unit gets a new leader (leaderTurnover per year), with new traits. A leader
 * caught gaming by an audit grows cautious: the caution adds to their integrity and wears off
 * (auditDeterrenceYears), so audits deter for a while instead of changing leaders for good (which
 * made integrity climb for years, and with it every before/after comparison drift).
 */
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Ratings } from './ratings.ts';
import { exp, pow } from './fmath.ts';

export class Leaders {
  // per owner (units then departments; departments have average leaders)
  /** Leader capability (1 is average): staff work faster, the unit is more responsive. */
  readonly capability: Float64Array;
  /** Responsiveness 0..1: how hard the owner works a ticket (solving it, and the hours it takes). */
  readonly resp: Float64Array;
  readonly pressure: Float64Array;
  /** The leader's own integrity (0..1), drawn when they take office. */
  readonly integrity: Float64Array;
  /** Caution after being caught (0..1): adds to integrity, wears off day by day. */
  readonly caution: Float64Array;
  /** Pressure summed over the days of the running period (leaders weigh the period's mean). */
  readonly pressureSum: Float64Array;
  pressureDays = 0;
  /** The leader's belief that gaming pays (1 neutral, 0 never, 2 keen), learned each period (sim/gaming.ts). */
  readonly gamingBelief: Float64Array;
  /** Recent official satisfaction of the owner's ratings (residents' feedback), and real tickets per day. */
  readonly satEma: Float64Array;
  readonly volumeEma: Float64Array;
  private readonly units: number;
  private readonly owners: number;
  private readonly rng: Stream;
  // configured
  private keep = 1;
  private rate = 1;
  private intrinsic = 0;
  private gain = 0;
  private feedback = 0;
  private turnover = 0;
  private capabilitySpread = 0;
  private integrityMean = 0;
  private integritySpread = 0;
  /** Share of caution kept from one day to the next. */
  private cautionKeep = 1;

  /**
   * New leaders' capability is drawn from the 'leaders' stream (now and at turnover); the first
   * leaders' integrity from the 'gaming' stream, in unit order.
   */
  constructor(world: World, k: Knobs, rng: Stream, integrityRng: Stream) {
    const { U, O } = world;
    this.units = U;
    this.owners = O;
    this.rng = rng;
    this.configure(k);
    this.capability = new Float64Array(O).fill(1);
    for (let u = 0; u < U; u++) this.capability[u] = this.drawCapability();
    this.resp = new Float64Array(O).fill(k.initialResponsiveness);
    this.gamingBelief = new Float64Array(O).fill(1);
    this.pressureSum = new Float64Array(O);
    this.satEma = new Float64Array(O).fill(0.8);
    this.volumeEma = new Float64Array(O);
    this.pressure = new Float64Array(O);
    this.integrity = new Float64Array(O).fill(1);
    this.caution = new Float64Array(O);
    for (let u = 0; u < U; u++) {
      this.integrity[u] = Math.min(1, Math.max(0, k.integrityMean + k.integritySpread * integrityRng.normal()));
    }
  }

  configure(k: Knobs): void {
    this.keep = pow(k.pressureDecay, 1 / 30);
    this.rate = 1 / Math.max(1, k.responsivenessTau);
    this.intrinsic = k.intrinsicResponsiveness;
    this.gain = k.responsivenessGain;
    this.feedback = k.respFeedback;
    this.turnover = k.leaderTurnover;
    this.capabilitySpread = k.capabilitySpread;
    this.integrityMean = k.integrityMean;
    this.integritySpread = k.integritySpread;
    this.cautionKeep = exp(-1 / (365 * k.auditDeterrenceYears));
  }

  /** How far unit u's leader resists gaming now: their integrity and their caution, at most 1. */
  restraint(u: number): number {
    return Math.min(1, this.integrity[u] + this.caution[u]);
  }

  /** A new leader's capability: around 1, clipped to [0.5, 1.5]. */
  private drawCapability(): number {
    return Math.min(1.5, Math.max(0.5, 1 + this.capabilitySpread * this.rng.normal()));
  }

  /** Phase (daily): pressure decays; responsiveness moves toward what drives it. */
  daily(): void {
    const keep = this.keep;
    const rate = this.rate;
    const cautionKeep = this.cautionKeep;
    this.pressureDays++;
    for (let o = 0; o < this.owners; o++) {
      this.pressure[o] *= keep;
      this.caution[o] *= cautionKeep;
      this.pressureSum[o] += this.pressure[o];
      // the responsiveness a unit keeps by itself under a leader of this capability (no pressure, no complaints)
      const intrinsic = Math.min(1, Math.max(0, this.intrinsic * this.capability[o]));
      const target = intrinsic + this.gain * Math.min(1, this.pressure[o] * this.restraint(o)) + this.feedback * (1 - this.satEma[o]);
      this.resp[o] += (Math.min(1, Math.max(0, target)) - this.resp[o]) * rate;
    }
  }

  /** Owner o's leader is pressed (an assessment's penalty, a published low place). */
  press(o: number, amount: number): void {
    this.pressure[o] += amount;
  }

  /** Unit u was caught gaming by an audit: its leader is pressed and grows cautious (for a while). */
  caught(u: number, penalty: number, deterrence: number): void {
    this.pressure[u] += penalty;
    this.caution[u] = Math.min(1, this.caution[u] + deterrence);
  }

  /** The mean pressure of the running period (the pressure of the day before any period has run). */
  periodPressure(u: number): number {
    const n = this.pressureDays;
    return n > 0 ? this.pressureSum[u] / n : this.pressure[u];
  }

  /** A new period starts: its pressure is summed afresh. */
  startPeriod(): void {
    this.pressureSum.fill(0);
    this.pressureDays = 0;
  }

  /** At a period's end: residents' feedback and real volume, from the period's ratings. */
  hearFeedback(ratings: Ratings, periodDays: number): void {
    for (let o = 0; o < this.owners; o++) {
      if (ratings.reported[o] > 0) this.satEma[o] = ratings.reportedSatisfied[o] / ratings.reported[o];
      this.volumeEma[o] = ratings.rated[o] / Math.max(1, periodDays);
    }
  }

  /** At a period's end: each unit's leader is replaced with the period's share of the yearly turnover. */
  replace(periodDays: number): void {
    const rng = this.rng;
    // a yearly hazard of leaderTurnover, whatever the period's length
    const p = 1 - exp((-this.turnover * periodDays) / 365);
    for (let u = 0; u < this.units; u++) {
      if (!(rng.u() < p)) continue;
      this.capability[u] = this.drawCapability();
      this.integrity[u] = Math.min(1, Math.max(0, this.integrityMean + this.integritySpread * rng.normal()));
      this.pressure[u] = 0;
      this.caution[u] = 0;
      this.gamingBelief[u] = 1;
    }
  }

  meanPressure(): number {
    let p = 0;
    for (let u = 0; u < this.units; u++) p += this.pressure[u];
    return p / this.units;
  }

  meanResponsiveness(): number {
    let r = 0;
    for (let u = 0; u < this.units; u++) r += this.resp[u];
    return r / this.units;
  }
}
