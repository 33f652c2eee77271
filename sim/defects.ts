/**
 * Public defects (a broken light, a pothole): the open ones with what the daily reporting reads of
 * them, and per cell how many are open. A defect is one need (sim/needs-ledger.ts) whoever reports
 * it and however often; fixing it meets that need. Defects arise and are reported in sim/needs.ts.
 */
import { DEF, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { PackedIdSet } from './tickets.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import type { NeedsLedger } from './needs-ledger.ts';

export class Defects {
  /** The open defects, with their columns (DEF in sim/flags.ts) by position. */
  readonly open = new PackedIdSet(4, 0);
  /** Per cell: open defects. */
  readonly cellOpen: Int32Array;
  /** Defects so far: the next one's id (ids are never reused, so a fixed one is never open again). */
  private n = 0;
  private readonly clock: Clock;
  private readonly ledger: NeedsLedger;
  private readonly tally: Tally;
  private readonly events: EventLog;

  constructor(world: World, clock: Clock, ledger: NeedsLedger, tally: Tally, events: EventLog) {
    this.cellOpen = new Int32Array(world.C);
    this.clock = clock;
    this.ledger = ledger;
    this.tally = tally;
    this.events = events;
  }

  /** A defect arises in cell c today; returns its id. */
  arise(c: number): number {
    const d = this.n++;
    const i = this.open.insert(d);
    const o = this.open.ints;
    o[DEF.CELL][i] = c;
    o[DEF.REPORTS][i] = 0;
    o[DEF.LAST][i] = 0;
    o[DEF.NEED][i] = this.ledger.arise(Kind.DEFECT, this.clock.day);
    this.cellOpen[c]++;
    this.events.note('defect', c, -1, Kind.DEFECT);
    return d;
  }

  isOpen(d: number): boolean {
    return this.open.has(d);
  }

  /** Defect d (open) is reported once more today. */
  reported(d: number): void {
    const i = this.open.has(d) ? this.open.pos[d] : -1;
    if (i < 0) return; // fixed since it was queued: what it was reported no longer matters
    this.open.ints[DEF.REPORTS][i]++;
    this.open.ints[DEF.LAST][i] = this.clock.day;
  }

  /** Defect d is fixed (nothing happens if it already was). */
  fix(d: number): void {
    const open = this.open;
    if (!open.has(d)) return;
    const i = open.pos[d];
    const c = open.ints[DEF.CELL][i];
    const need = open.ints[DEF.NEED][i];
    open.remove(d);
    this.cellOpen[c]--;
    this.tally.add(MI.defects_fixed);
    this.ledger.solve(need, this.clock.day);
    this.events.note('fix', c, -1, Kind.DEFECT);
  }

  /** Bytes held: the open set (with its position for every id ever). */
  bytes(): number {
    return this.open.bytes();
  }
}
