/**
 * Neighbour disputes: the record of each dispute (its cell, the household that files proxy
 * complaints, how many households, whether it is about a boundary, the rounds of deliberation so
 * far, its intensity), which are alive, and how many per cell. Needs (sim/needs.ts) starts them and
 * lets them flare or fade; councils and social workers settle them.
 */
import { DIS, Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { IdSet, Table } from './tickets.ts';
import type { World } from './world.ts';
import type { Tally } from './tally.ts';
import type { EventLog } from './events.ts';

export class Disputes {
  /** One row per dispute ever: DIS columns, and the intensity (0.3..1) as float column 0. */
  readonly table = new Table(8, 1);
  readonly open = new IdSet();
  /** Open disputes per cell. */
  readonly cellOpen: Int32Array;
  private readonly tally: Tally;
  private readonly events: EventLog;

  constructor(world: World, tally: Tally, events: EventLog) {
    this.cellOpen = new Int32Array(world.C);
    this.tally = tally;
    this.events = events;
  }

  /** A dispute starts in cell c; resident r (of `household`) files its proxy complaints. */
  start(c: number, r: number, household: number, boundary: boolean, intensity: number): void {
    const tab = this.table;
    const d = tab.add();
    const cols = tab.cols; // add() may grow (replace) the columns
    cols[DIS.CELL][d] = c;
    cols[DIS.FILER][d] = r;
    cols[DIS.HOUSEHOLD][d] = household;
    cols[DIS.HOUSEHOLDS][d] = boundary ? 4 : 2;
    cols[DIS.BOUNDARY][d] = boundary ? 1 : 0;
    cols[DIS.ROUNDS][d] = 0;
    cols[DIS.OPEN][d] = 1;
    tab.fcols[0][d] = intensity;
    this.open.add(d);
    this.cellOpen[c]++;
  }

  isOpen(d: number): boolean {
    return this.table.cols[DIS.OPEN][d] === 1;
  }

  cell(d: number): number {
    return this.table.cols[DIS.CELL][d];
  }

  filer(d: number): number {
    return this.table.cols[DIS.FILER][d];
  }

  /** How hard the conflict burns (0.3..1): scales its proxy complaints. */
  intensity(d: number): number {
    return this.table.fcols[0][d];
  }

  isBoundary(d: number): boolean {
    return this.table.cols[DIS.BOUNDARY][d] === 1;
  }

  /** Rounds of deliberation spent on dispute d so far. */
  rounds(d: number): number {
    return this.table.cols[DIS.ROUNDS][d];
  }

  /** One more round of deliberation without settling. */
  addRound(d: number): void {
    this.table.cols[DIS.ROUNDS][d]++;
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
    this.events.note('settle', c, cols[DIS.FILER][d], Kind.DISPUTE);
  }
}
