/**
 * Neighbour disputes: the table of every dispute (cell, filer, households, boundary or not,
 * rounds of deliberation, open, intensity now and at the start), the open ones, and per cell how
 * many are open. A dispute is one need; settling it (by a council, WeChat, or fading) meets it.
 * Disputes start in sim/needs.ts, and fade and flare up as proxy complaints in
 * sim/dispute-flares.ts.
 */
import { DIS, DIS_F, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { IdSet, Table } from './tickets.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import type { NeedsLedger } from './needs-ledger.ts';

export class Disputes {
  /** Every dispute (int columns DIS, float columns DIS_F in sim/flags.ts); ids are never reused. */
  readonly table = new Table(9, 2);
  readonly open = new IdSet();
  /** Per cell: open disputes. */
  readonly cellOpen: Int32Array;
  private readonly world: World;
  private readonly clock: Clock;
  private readonly ledger: NeedsLedger;
  private readonly tally: Tally;
  private readonly events: EventLog;

  constructor(world: World, clock: Clock, ledger: NeedsLedger, tally: Tally, events: EventLog) {
    this.world = world;
    this.cellOpen = new Int32Array(world.C);
    this.clock = clock;
    this.ledger = ledger;
    this.tally = tally;
    this.events = events;
  }

  /** A neighbour dispute starts (its need arose on `day`), boundary or not, drawn from `rng`; returns its id. */
  start(rng: Stream, day: number, boundaryShare: number): number {
    const w = this.world;
    const tab = this.table;
    const c = w.householdPick.sample(rng);
    const r = w.pickInCell(c, rng);
    const d = tab.add();
    const cols = tab.cols; // add() may grow (replace) the columns
    const boundary = rng.u() < boundaryShare;
    cols[DIS.CELL][d] = c;
    cols[DIS.FILER][d] = r;
    cols[DIS.HOUSEHOLD][d] = w.resHousehold[r];
    cols[DIS.HOUSEHOLDS][d] = boundary ? 4 : 2;
    cols[DIS.BOUNDARY][d] = boundary ? 1 : 0;
    cols[DIS.ROUNDS][d] = 0;
    cols[DIS.OPEN][d] = 1;
    cols[DIS.NEED][d] = this.ledger.arise(Kind.DISPUTE, day);
    const intensity = 0.3 + 0.7 * rng.u();
    tab.fcols[DIS_F.INTENSITY][d] = intensity;
    tab.fcols[DIS_F.START][d] = intensity;
    this.open.add(d);
    this.cellOpen[c]++;
    return d;
  }

  /** The parties' conviction in dispute d falls by the share `by` (evidence, talk in a council). */
  weaken(d: number, by: number): void {
    this.table.fcols[DIS_F.INTENSITY][d] *= 1 - by;
  }

  isOpen(d: number): boolean {
    return this.table.cols[DIS.OPEN][d] === 1;
  }

  /** Dispute d is settled (nothing happens if it already was). */
  settle(d: number): void {
    const cols = this.table.cols;
    if (!cols[DIS.OPEN][d]) return;
    cols[DIS.OPEN][d] = 0;
    const c = cols[DIS.CELL][d];
    this.cellOpen[c]--;
    this.open.remove(d);
    this.tally.add(MI.disputes_settled);
    this.ledger.solve(cols[DIS.NEED][d], this.clock.day);
    this.events.note('settle', c, cols[DIS.FILER][d], Kind.DISPUTE);
  }
}
