/**
 * The residents' side of every outcome: a ledger of needs. A need is a problem the public system
 * can and should solve: a public defect (one need per defect, reported or not), an individual
 * matter, a resident's discontent with a contested good, a neighbour dispute (one per dispute).
 * Out-of-scope wishes and venting are contacts, not needs; consultations are answered on the call.
 *
 * Every need ends as exactly one of:
 * - met: solved within `needToleranceDays` of arising, by any channel (hotline, WeChat, council,
 *   hall, routine upkeep, a dispute that fades);
 * - unmet: ended unsolved (dropped, refused, excluded, closed unsolved), or still unsolved when it
 *   reaches the tolerance (counted that day; if solved later it also counts as met late).
 * Needs younger than the tolerance at the end of a run are not yet classified.
 *
 * Cost follows needs, not residents x days: records live in typed arrays with a free list, and a
 * FIFO in arrival order finds the needs that reach the tolerance (arrival order is due order).
 */

import { isComplex } from './flags.ts';
import { SAT_BASE, SAT_ON_TIME, SAT_SOLVED } from './constants.ts';
import type { Knobs } from './knobs.ts';

const FREE = 0;
const OPEN = 1;
/** Past the tolerance and counted unmet, but still open (it can still be solved, late). */
const LATE = 2;

export class NeedsLedger {
  private day = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private state = new Uint8Array(1024);
  private free = new Int32Array(1024);
  private nfree = 0;
  private top = 0;
  private fifo = new Int32Array(1024);
  private fifoDay = new Int32Array(1024);
  private head = 0;
  private count = 0;
  /** Open needs, and those of them past the tolerance. */
  waiting = 0;
  waitingLate = 0;

  // the day's tallies (reset by startDay)
  arisen = 0;
  met = 0;
  unmet = 0;
  metLate = 0;
  /** Sum over needs classified today of the chance the resident is satisfied. */
  satisfaction = 0;
  /** Days waited by needs met today (on time or late). */
  waitedDays = 0;
  /** Since the start, by kind: needs met and unmet. */
  readonly metByKind = new Float64Array(16);
  readonly unmetByKind = new Float64Array(16);

  constructor(
    private tolerance: number,
    /** Chance a resident is satisfied with a need met quickly, met slowly, or unmet, by kind. */
    private readonly satMetFast: ArrayLike<number>,
    private readonly satMetSlow: ArrayLike<number>,
    private readonly satUnmet: ArrayLike<number>,
    /** Days within which a met need counts as fast, by kind (its deadline). */
    private fastDays: ArrayLike<number>,
  ) {}

  /** Settings that can change in the middle of a run. */
  configure(tolerance: number, fastDays: ArrayLike<number>): void {
    this.tolerance = tolerance;
    this.fastDays = fastDays;
  }

  startDay(): void {
    this.arisen = this.met = this.unmet = this.metLate = 0;
    this.satisfaction = 0;
    this.waitedDays = 0;
  }

  /** A need of this kind arises today; returns its id. */
  arise(kind: number, day: number): number {
    let id: number;
    if (this.nfree > 0) id = this.free[--this.nfree];
    else {
      if (this.top === this.day.length) this.grow();
      id = this.top++;
    }
    this.day[id] = day;
    this.kind[id] = kind;
    this.state[id] = OPEN;
    this.push(id, day);
    this.arisen++;
    this.waiting++;
    return id;
  }

  /** Need `id` is solved today. */
  solve(id: number, today: number): void {
    if (id < 0) return;
    const st = this.state[id];
    if (st === FREE) return;
    const waited = today - this.day[id];
    this.waitedDays += waited;
    if (st === OPEN) {
      this.met++;
      this.metByKind[this.kind[id]]++;
      this.satisfaction += waited <= this.fastDays[this.kind[id]] ? this.satMetFast[this.kind[id]] : this.satMetSlow[this.kind[id]];
    } else {
      this.metLate++;
      this.waitingLate--;
    }
    this.release(id);
  }

  /** Need `id` ends unsolved today (dropped, refused, excluded, closed unsolved). */
  fail(id: number): void {
    if (id < 0) return;
    const st = this.state[id];
    if (st === FREE) return;
    if (st === OPEN) {
      this.unmet++;
      this.unmetByKind[this.kind[id]]++;
      this.satisfaction += this.satUnmet[this.kind[id]];
    } else this.waitingLate--;
    this.release(id);
  }

  /** Classify the needs that reach the tolerance today unsolved. */
  age(today: number): void {
    const due = today - this.tolerance;
    while (this.count > 0 && this.fifoDay[this.head] <= due) {
      const id = this.fifo[this.head];
      const d = this.fifoDay[this.head];
      this.head = (this.head + 1) % this.fifo.length;
      this.count--;
      // a slot freed and reused by a later need has a later day: its own entry comes later
      if (this.state[id] === OPEN && this.day[id] === d) {
        this.state[id] = LATE;
        this.unmet++;
        this.unmetByKind[this.kind[id]]++;
        this.satisfaction += this.satUnmet[this.kind[id]];
        this.waitingLate++;
      }
    }
  }

  private release(id: number): void {
    this.state[id] = FREE;
    this.free[this.nfree++] = id;
    this.waiting--;
  }

  private push(id: number, day: number): void {
    if (this.count === this.fifo.length) {
      const n = this.fifo.length * 2;
      const f = new Int32Array(n);
      const fd = new Int32Array(n);
      for (let i = 0; i < this.count; i++) {
        f[i] = this.fifo[(this.head + i) % this.fifo.length];
        fd[i] = this.fifoDay[(this.head + i) % this.fifo.length];
      }
      this.fifo = f;
      this.fifoDay = fd;
      this.head = 0;
    }
    const i = (this.head + this.count) % this.fifo.length;
    this.fifo[i] = id;
    this.fifoDay[i] = day;
    this.count++;
  }

  private grow(): void {
    const n = this.day.length * 2;
    const d = new Int32Array(n);
    d.set(this.day);
    this.day = d;
    const k = new Uint8Array(n);
    k.set(this.kind);
    this.kind = k;
    const s = new Uint8Array(n);
    s.set(this.state);
    this.state = s;
    const f = new Int32Array(n);
    f.set(this.free);
    this.free = f;
  }

  bytes(): number {
    return this.day.length * 10 + this.fifo.length * 8;
  }
}

/** Days within which a met need counts as fast, by kind: its ticket deadline. */
export function needFastDays(k: Knobs): Int32Array {
  return Int32Array.from(SAT_BASE, (_, kind) => (isComplex(kind) ? k.deadlineComplexDays : k.deadlineGeneralDays));
}

/** The run's ledger, with the chances of satisfaction by how a need ends (sim/constants.ts). */
export function needsLedger(k: Knobs): NeedsLedger {
  return new NeedsLedger(
    k.needToleranceDays,
    SAT_BASE.map((b) => Math.min(1, b + SAT_SOLVED + SAT_ON_TIME)),
    SAT_BASE.map((b) => Math.min(1, b + SAT_SOLVED)),
    SAT_BASE,
    needFastDays(k),
  );
}
