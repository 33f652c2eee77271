/**
 * Public defects (potholes, broken lights, rubbish): the record of each defect, which are open,
 * and how many are open per cell. Needs (sim/needs.ts) makes them arise and be noticed; whoever
 * fixes one (a unit or department, a council, a social worker, routine upkeep) calls `fix`.
 */
import { DEF, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { IdSet, Table } from './tickets.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

export class Defects {
  /** One row per defect ever (ids never reused): DEF columns. */
  readonly table = new Table(4, 0);
  readonly open = new IdSet();
  /** Open defects per cell. */
  readonly cellOpen: Int32Array;
  private readonly clock: Clock;
  private readonly tally: Tally;
  private readonly events: EventLog;

  constructor(world: World, clock: Clock, tally: Tally, events: EventLog) {
    this.cellOpen = new Int32Array(world.C);
    this.clock = clock;
    this.tally = tally;
    this.events = events;
  }

  /** A defect arises in cell c today. */
  arise(c: number): void {
    const tab = this.table;
    const d = tab.add();
    tab.cols[DEF.CELL][d] = c;
    tab.cols[DEF.BORN][d] = this.clock.day;
    tab.cols[DEF.OPEN][d] = 1;
    tab.cols[DEF.REPORTS][d] = 0;
    this.open.add(d);
    this.cellOpen[c]++;
    this.events.note('defect', c, -1, Kind.DEFECT);
  }

  isOpen(d: number): boolean {
    return this.table.cols[DEF.OPEN][d] === 1;
  }

  cell(d: number): number {
    return this.table.cols[DEF.CELL][d];
  }

  /** Times residents have raised defect d on the hotline or elsewhere. */
  reports(d: number): number {
    return this.table.cols[DEF.REPORTS][d];
  }

  /** A resident raises defect d (on whatever channel). */
  report(d: number): void {
    this.table.cols[DEF.REPORTS][d]++;
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
    this.events.note('fix', c, -1, Kind.DEFECT);
  }
}
