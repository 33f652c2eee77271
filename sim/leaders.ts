/**
 * The leaders of units: the pressure they are under (assessment and audits raise it; it decays
 * day by day), their integrity (drawn once; a caught leader gains some), and the responsiveness
 * they get from their unit (honest leaders raise it under pressure; it slips back without).
 * Gaming (sim/gaming.ts) chooses from pressure and integrity; the assessment updates them.
 * Arrays run over owners (units then departments); departments keep their starting values.
 * Others read the arrays and change them only through the methods.
 */
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import { pow } from './fmath.ts';
import { AUDIT_INTEGRITY_GAIN, RESP_DECAY } from './constants.ts';

export class Leaders {
  readonly pressure: Float64Array;
  readonly integrity: Float64Array;
  /** How thoroughly the owner works tickets (0..1): effort, and the chance a ticket is solved. */
  readonly resp: Float64Array;
  private readonly units: number;
  // configured
  private decayDaily = 1;

  /** Draws each unit leader's integrity from the 'gaming' stream (before any gaming draw). */
  constructor(world: World, rng: Stream, k: Knobs) {
    const { U, O } = world;
    this.units = U;
    this.pressure = new Float64Array(O);
    this.resp = new Float64Array(O).fill(k.initialResponsiveness);
    this.integrity = new Float64Array(O).fill(1);
    for (let u = 0; u < U; u++) {
      this.integrity[u] = Math.min(1, Math.max(0, k.integrityMean + k.integritySpread * rng.normal()));
    }
  }

  configure(k: Knobs): void {
    // pressureDecay is the share kept after 30 days
    this.decayDaily = pow(k.pressureDecay, 1 / 30);
  }

  /** Phase: pressure decays. */
  decay(): void {
    const f = this.decayDaily;
    for (let u = 0; u < this.units; u++) this.pressure[u] *= f;
  }

  /** Add pressure on unit u's leader. */
  press(u: number, x: number): void {
    this.pressure[u] += x;
  }

  /** An audit caught unit u gaming: its leader is pressed and gains integrity. */
  caught(u: number, penalty: number): void {
    this.pressure[u] += penalty;
    this.integrity[u] = Math.min(1, this.integrity[u] + AUDIT_INTEGRITY_GAIN);
  }

  /**
   * After an assessment, an honest leader answers pressure by making the unit more responsive
   * (by `gain` x min(1, pressure x integrity) of the way to 1); without pressure it slips back.
   * Returns the new responsiveness.
   */
  respond(u: number, gain: number): number {
    const r = this.resp;
    const push = Math.min(1, this.pressure[u] * this.integrity[u]);
    r[u] = Math.min(1, Math.max(0, r[u] + gain * push * (1 - r[u]) - RESP_DECAY * r[u]));
    return r[u];
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
