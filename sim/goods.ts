/**
 * Contested goods: in some cells a street light level and/or a speed bump that residents
 * disagree on (good 0 = lights, bright or dim; good 1 = a speed bump, there or not). Who cares and
 * which way they want it are residents' flags (RF in sim/flags.ts); the state of each good and the
 * consensus that holds it (a council's) are here. Filing against a good can flip it; a council's
 * consensus locks it for years.
 */
import { Kind, RF } from './flags.ts';
import { MI } from './metrics.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

export class Goods {
  /** Per cell: bit 0 the lights are contested, bit 1 the bump is. */
  readonly has: Uint8Array;
  /** Per cell: -1 none drawn; else bit 0 lights bright, bit 1 bump present. */
  readonly state: Int8Array;
  /** [c*4 + g*2 + s]: residents of cell c who care about good g and want state s. */
  readonly prefCount: Int32Array;
  /** [c*2 + g]: a consensus holds good g of cell c until this day. */
  readonly lockUntil: Int32Array;
  private readonly world: World;
  private readonly tally: Tally;
  private readonly events: EventLog;

  /** Draws from the 'world' stream, right after the World (the order is part of every seed's world). */
  constructor(world: World, rng: Stream, k: Knobs, tally: Tally, events: EventLog) {
    this.world = world;
    this.tally = tally;
    this.events = events;
    const C = world.C;
    const w = rng;
    this.state = new Int8Array(C).fill(-1);
    this.has = new Uint8Array(C);
    this.prefCount = new Int32Array(C * 4);
    this.lockUntil = new Int32Array(C * 2);
    for (let c = 0; c < C; c++) {
      if (!(w.u() < k.contestedCellShare)) continue;
      const x = w.u();
      const goods = x < 0.4 ? 1 : x < 0.8 ? 2 : 3; // lights, bump, or both
      this.has[c] = goods;
      this.state[c] = (w.u() < 0.5 ? 1 : 0) | (w.u() < 0.5 ? 2 : 0);
      for (let g = 0; g < 2; g++) {
        if (!(goods & (1 << g))) continue;
        const share = 0.3 + 0.4 * w.u(); // share who want "on" (bright / bump)
        const care = 0.3 + 0.3 * w.u(); // share who care at all
        for (let r = world.cellStart[c]; r < world.cellStart[c + 1]; r++) {
          if (!(w.u() < care)) continue;
          const on = w.u() < share;
          world.resFlags[r] |= g === 0 ? RF.CARES_LIGHTS | (on ? RF.WANTS_BRIGHT : 0) : RF.CARES_BUMP | (on ? RF.WANTS_BUMP : 0);
          this.prefCount[c * 4 + g * 2 + (on ? 1 : 0)]++;
        }
      }
    }
  }

  /** Is good g of cell c on (lights bright, bump present)? */
  isOn(c: number, g: number): boolean {
    return (this.state[c] & (1 << g)) !== 0;
  }

  /** Does resident r want good g of their cell c in the other state than it is now? */
  wantsChange(r: number, c: number, g: number): boolean {
    const f = this.world.resFlags[r];
    const cares = g === 0 ? f & RF.CARES_LIGHTS : f & RF.CARES_BUMP;
    if (!cares) return false;
    const wantOn = g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
    const on = (this.state[c] & (1 << g)) !== 0;
    return wantOn !== on;
  }

  /** Does resident r want good g on? */
  wantsOn(r: number, g: number): boolean {
    const f = this.world.resFlags[r];
    return g === 0 ? (f & RF.WANTS_BRIGHT) !== 0 : (f & RF.WANTS_BUMP) !== 0;
  }

  /** Residents of cell c who care about good g and want it the other way. */
  unhappy(c: number, g: number): number {
    const on = (this.state[c] >> g) & 1;
    return this.prefCount[c * 4 + g * 2 + (1 - on)];
  }

  /** Do at least as many want good g of cell c on as off? */
  majorityOn(c: number, g: number): boolean {
    return this.prefCount[c * 4 + g * 2 + 1] >= this.prefCount[c * 4 + g * 2];
  }

  /** Does a consensus hold good g of cell c on this day? */
  locked(c: number, g: number, day: number): boolean {
    return this.lockUntil[c * 2 + g] > day;
  }

  lock(c: number, g: number, until: number): void {
    this.lockUntil[c * 2 + g] = until;
  }

  /** Put good g of cell c in a state (a flip when it changes). */
  set(c: number, g: number, on: boolean): void {
    const cur = (this.state[c] & (1 << g)) !== 0;
    if (cur === on) return;
    this.state[c] = on ? this.state[c] | (1 << g) : this.state[c] & ~(1 << g);
    this.tally.add(MI.contested_flips);
    this.events.note('flip', c, -1, Kind.CONTESTED, -1, true, g, on ? 1 : 0);
  }

  /** The goods' state per cell for the district view (-1 where none is contested). */
  snapshot(): Int8Array {
    return Int8Array.from(this.state, (v, c) => (this.has[c] ? v : -1));
  }
}
