/**
 * The village view's record: what happened in one watched cell, day by day. Mechanisms note
 * events of any cell; all but the watched cell's, and all of the burn-in, are dropped at once.
 */
import type { VillageEvent } from './types.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';

export class EventLog {
  /** The watched cell (-1: none). */
  readonly watch: number;
  private readonly world: World;
  private readonly clock: Clock;
  private list: VillageEvent[] = [];

  constructor(world: World, clock: Clock, watch: number) {
    this.world = world;
    this.clock = clock;
    this.watch = watch;
  }

  /** Record an event of cell c (kept only for the watched cell, from day 0). */
  note(type: VillageEvent['type'], c: number, r: number, kind = -1, channel = -1, ok = false, good = -1, state = -1): void {
    if (c !== this.watch || this.clock.day < 0) return;
    const w = this.world;
    const household = r >= 0 ? w.resHousehold[r] - w.cellHouseholdStart[c] : -1;
    this.list.push({ day: this.clock.day, type, household, kind, channel, ok, good, state });
  }

  /** Events since the last call. */
  drain(): VillageEvent[] {
    return this.list.splice(0, this.list.length);
  }

  /** Households in the watched cell (0 when no cell is watched). */
  households(): number {
    const w = this.world;
    const c = this.watch;
    return c >= 0 && c < w.C ? w.cellHouseholdStart[c + 1] - w.cellHouseholdStart[c] : 0;
  }
}
