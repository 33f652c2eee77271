/**
 * Public defects (a broken light, a pothole): the table of every defect, the open ones, and per
 * cell how many are open. A defect is one need (sim/needs-ledger.ts) whoever reports it and
 * however often; fixing it meets that need. Defects arise and are reported in sim/needs.ts.
 */
import { DEF, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { IdSet, Table } from './tickets.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';
import type { NeedsLedger } from './needs-ledger.ts';

export class Defects {
  /** Every defect (columns DEF in sim/flags.ts); ids are never reused. */
  readonly table = new Table(6, 0);
  readonly open = new IdSet();
  /** Per cell: open defects. */
  readonly cellOpen: Int32Array;
  private readonly clock: Clock;
  private readonly ledger: NeedsLedger;
  private readonly tally: Tally;
  private readonly events: EventLog;
  /** What prefetch() read, folded into a field so that the engine cannot drop its loads as dead. */
  private prefetched = 0;

  constructor(world: World, clock: Clock, ledger: NeedsLedger, tally: Tally, events: EventLog) {
    this.cellOpen = new Int32Array(world.C);
    this.clock = clock;
    this.ledger = ledger;
    this.tally = tally;
    this.events = events;
  }

  /** A defect arises in cell c today; returns its id. */
  arise(c: number): number {
    const tab = this.table;
    const day = this.clock.day;
    const d = tab.add();
    tab.cols[DEF.CELL][d] = c;
    tab.cols[DEF.BORN][d] = day;
    tab.cols[DEF.OPEN][d] = 1;
    tab.cols[DEF.REPORTS][d] = 0;
    tab.cols[DEF.NEED][d] = this.ledger.arise(Kind.DEFECT, day);
    this.open.add(d);
    this.cellOpen[c]++;
    this.events.note('defect', c, -1, Kind.DEFECT);
    return d;
  }

  isOpen(d: number): boolean {
    return this.table.cols[DEF.OPEN][d] === 1;
  }

  /**
   * Fetch what the daily reporting reads of the open defects at positions [lo, hi) of `open` (cell,
   * reports, last report, open) together, in one tight loop of independent loads: ids are scattered
   * over a table of every defect ever, so each read is a cache miss, and the misses overlap only
   * when issued together (as World.prefetch). It only reads.
   */
  prefetch(lo: number, hi: number): void {
    const items = this.open.items;
    const cols = this.table.cols;
    const cell = cols[DEF.CELL];
    const reports = cols[DEF.REPORTS];
    const last = cols[DEF.LAST];
    const open = cols[DEF.OPEN];
    let x = this.prefetched;
    for (let i = lo; i < hi; i++) {
      const d = items[i];
      x ^= cell[d] ^ reports[d] ^ last[d] ^ open[d];
    }
    this.prefetched = x;
  }

  /** Defect d is fixed (nothing happens if it already was). */
  fix(d: number): void {
    const cols = this.table.cols;
    if (!cols[DEF.OPEN][d]) return;
    cols[DEF.OPEN][d] = 0;
    const c = cols[DEF.CELL][d];
    this.cellOpen[c]--;
    this.open.remove(d);
    this.tally.add(MI.defects_fixed);
    this.ledger.solve(cols[DEF.NEED][d], this.clock.day);
    this.events.note('fix', c, -1, Kind.DEFECT);
  }
}
