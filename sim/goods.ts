/**
 * Contested goods: in some cells a street light level and/or a speed bump that residents
 * disagree on. Per cell: which goods it has, their state, how many residents care and want each
 * state, and until when a council's consensus holds. A flip is counted and shown in the village
 * view. Preferences drift (a phase of the day): some residents who care redraw what they want.
 */
import { Kind, RES_STRIDE, Res, RF } from './flags.ts';
import { MI } from './metrics.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

export class Goods {
  /** Per cell: -1 none; else bit 0 lights bright, bit 1 speed bump present. */
  readonly contested: Int8Array;
  /** Per cell: bit 0 lights contested, bit 1 bump contested. */
  readonly has: Uint8Array;
  /** [c*4 + g*2 + s]: residents who care about good g and want state s. */
  readonly prefCount: Int32Array;
  /** [c*2 + g]: consensus holds until this day. */
  readonly lockUntil: Int32Array;
  /** [c*2 + g]: the share of those who care who want it on (preferences are redrawn from it). */
  readonly prefShare: Float64Array;
  private readonly world: World;
  private readonly driftRng: Stream;
  private readonly tally: Tally;
  private readonly events: EventLog;
  // configured
  private driftRate = 0;

  /** Draws from the 'world' stream after the World's own draws; preferences set residents' RF bits. */
  constructor(world: World, k: Knobs, rng: Stream, driftRng: Stream, tally: Tally, events: EventLog) {
    this.world = world;
    this.driftRng = driftRng;
    this.tally = tally;
    this.events = events;
    const C = world.C;
    const w = rng;
    this.contested = new Int8Array(C).fill(-1);
    this.has = new Uint8Array(C);
    this.prefCount = new Int32Array(C * 4);
    this.lockUntil = new Int32Array(C * 2);
    this.prefShare = new Float64Array(C * 2);
    for (let c = 0; c < C; c++) {
      if (!(w.u() < k.contestedCellShare)) continue;
      const x = w.u();
      const goods = x < 0.4 ? 1 : x < 0.8 ? 2 : 3; // lights, bump, or both
      this.has[c] = goods;
      this.contested[c] = (w.u() < 0.5 ? 1 : 0) | (w.u() < 0.5 ? 2 : 0);
      for (let g = 0; g < 2; g++) {
        if (!(goods & (1 << g))) continue;
        const share = 0.3 + 0.4 * w.u(); // share who want "on" (bright / bump)
        this.prefShare[c * 2 + g] = share;
        const care = 0.3 + 0.3 * w.u(); // share who care at all
        for (let r = world.cellStart[c]; r < world.cellStart[c + 1]; r++) {
          if (!(w.u() < care)) continue;
          const on = w.u() < share;
          world.res[r * RES_STRIDE + Res.FLAGS] |=
            g === 0 ? RF.CARES_LIGHTS | (on ? RF.WANTS_BRIGHT : 0) : RF.CARES_BUMP | (on ? RF.WANTS_BUMP : 0);
          this.prefCount[c * 4 + g * 2 + (on ? 1 : 0)]++;
        }
      }
    }
  }

  configure(k: Knobs): void {
    this.driftRate = k.preferenceDrift / 365;
  }

  /** Is good g of cell c on (lights bright, bump present)? */
  isOn(c: number, g: number): boolean {
    return (this.contested[c] & (1 << g)) !== 0;
  }

  /** Does a council's consensus on good g of cell c hold on this day? */
  locked(c: number, g: number, day: number): boolean {
    return this.lockUntil[c * 2 + g] > day;
  }

  /** A consensus on good g of cell c holds until `day`. */
  lock(c: number, g: number, day: number): void {
    this.lockUntil[c * 2 + g] = day;
  }

  /** Do at least as many of those who care want good g of cell c on as off? */
  majorityOn(c: number, g: number): boolean {
    return this.prefCount[c * 4 + g * 2 + 1] >= this.prefCount[c * 4 + g * 2];
  }

  /** Does resident r want contested good g of their cell in the other state than it is now? */
  wantsChange(r: number, c: number, g: number): boolean {
    const f = this.world.res[r * RES_STRIDE + Res.FLAGS];
    const cares = g === 0 ? f & RF.CARES_LIGHTS : f & RF.CARES_BUMP;
    if (!cares) return false;
    const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
    return wantOn !== this.isOn(c, g);
  }

  /** Set good g of cell c on or off (a flip is counted and noted). */
  set(c: number, g: number, on: boolean): void {
    if (this.isOn(c, g) === on) return;
    this.contested[c] = on ? this.contested[c] | (1 << g) : this.contested[c] & ~(1 << g);
    this.tally.add(MI.contested_flips);
    this.events.note('flip', c, -1, Kind.CONTESTED, -1, true, g, on ? 1 : 0);
  }

  /**
   * Phase (daily): preferences drift. Some residents who care redraw what they want from their
   * cell's share (people move, children grow, tastes change), so a majority can change.
   */
  drift(): void {
    const rate = this.driftRate;
    if (!(rate > 0)) return;
    const rng = this.driftRng;
    const w = this.world;
    const res = w.res;
    for (let c = 0; c < w.C; c++) {
      const goods = this.has[c];
      if (!goods) continue;
      const start = w.cellStart[c];
      const pop = w.cellStart[c + 1] - start;
      for (let g = 0; g < 2; g++) {
        if (!(goods & (1 << g))) continue;
        const carers = this.prefCount[c * 4 + g * 2] + this.prefCount[c * 4 + g * 2 + 1];
        const n = rng.poisson(carers * rate);
        const cares = g === 0 ? RF.CARES_LIGHTS : RF.CARES_BUMP;
        const wants = g === 0 ? RF.WANTS_BRIGHT : RF.WANTS_BUMP;
        for (let i = 0; i < n; i++) {
          for (let tries = 0; tries < 40; tries++) {
            const r = start + rng.int(pop);
            const f = r * RES_STRIDE + Res.FLAGS;
            if (!(res[f] & cares)) continue;
            const was = (res[f] & wants) !== 0;
            const now = rng.u() < this.prefShare[c * 2 + g];
            if (was !== now) {
              res[f] = now ? res[f] | wants : res[f] & ~wants;
              this.prefCount[c * 4 + g * 2 + (was ? 1 : 0)]--;
              this.prefCount[c * 4 + g * 2 + (now ? 1 : 0)]++;
            }
            break;
          }
        }
      }
    }
  }

  /** Per cell: the goods' state, -1 where there are none (for the district view). */
  snapshot(): Int8Array {
    return Int8Array.from(this.contested, (v, c) => (this.has[c] ? v : -1));
  }
}
