/**
 * Tickets and other growable record stores, as struct-of-arrays typed arrays.
 * Closed tickets free their slot for reuse, so memory follows open tickets, not all tickets.
 */

import { Status } from './flags.ts';

export function grown<T extends Int32Array | Float32Array | Uint8Array>(a: T, n: number): T {
  const C = a.constructor as { new (n: number): T };
  const b = new C(n);
  b.set(a);
  return b;
}

export class TicketStore {
  cap: number;
  live = 0;
  kind: Uint8Array;
  status: Uint8Array;
  route: Uint8Array;
  flags: Uint8Array;
  owner: Int32Array; // unit, department (offset by units) or cell (council)
  filer: Int32Array; // resident (-1 for none)
  cell: Int32Array; // the filer's cell
  ref: Int32Array; // defect, dispute or contested-good reference
  fileDay: Int32Array;
  deadline: Int32Array;
  remaining: Float32Array; // hours of work left at full efficiency
  need: Int32Array; // the need it carries (sim/needs-ledger.ts), -1 for none
  private free: Int32Array;
  private nfree = 0;
  private top = 0;

  constructor(cap = 1024) {
    this.cap = cap;
    this.kind = new Uint8Array(cap);
    this.status = new Uint8Array(cap);
    this.route = new Uint8Array(cap);
    this.flags = new Uint8Array(cap);
    this.owner = new Int32Array(cap);
    this.filer = new Int32Array(cap);
    this.cell = new Int32Array(cap);
    this.ref = new Int32Array(cap);
    this.fileDay = new Int32Array(cap);
    this.deadline = new Int32Array(cap);
    this.remaining = new Float32Array(cap);
    this.need = new Int32Array(cap);
    this.free = new Int32Array(cap);
  }

  alloc(): number {
    let id: number;
    if (this.nfree > 0) id = this.free[--this.nfree];
    else {
      if (this.top === this.cap) this.grow();
      id = this.top++;
    }
    this.live++;
    this.status[id] = Status.OPEN;
    this.flags[id] = 0;
    this.need[id] = -1;
    return id;
  }

  release(id: number): void {
    this.status[id] = Status.FREE;
    this.free[this.nfree++] = id;
    this.live--;
  }

  bytes(): number {
    return this.cap * (4 + 4 * 9 + 4);
  }

  private grow(): void {
    const n = this.cap * 2;
    this.kind = grown(this.kind, n);
    this.status = grown(this.status, n);
    this.route = grown(this.route, n);
    this.flags = grown(this.flags, n);
    this.owner = grown(this.owner, n);
    this.filer = grown(this.filer, n);
    this.cell = grown(this.cell, n);
    this.ref = grown(this.ref, n);
    this.fileDay = grown(this.fileDay, n);
    this.deadline = grown(this.deadline, n);
    this.remaining = grown(this.remaining, n);
    this.need = grown(this.need, n);
    this.free = grown(this.free, n);
    this.cap = n;
  }
}

/** An append-only store of int32 columns, for defects and disputes (ids never reused). */
export class Table {
  n = 0;
  cols: Int32Array[];
  fcols: Float32Array[];
  constructor(nInt: number, nFloat: number, cap = 256) {
    this.cols = Array.from({ length: nInt }, () => new Int32Array(cap));
    this.fcols = Array.from({ length: nFloat }, () => new Float32Array(cap));
  }
  add(): number {
    if (this.n === this.cols[0].length) {
      const c = this.cols[0].length * 2;
      this.cols = this.cols.map((a) => grown(a, c));
      this.fcols = this.fcols.map((a) => grown(a, c));
    }
    return this.n++;
  }
  bytes(): number {
    return this.cols[0].length * 4 * (this.cols.length + this.fcols.length);
  }
}

/** A set of ids with O(1) add, remove and iteration (swap-remove), for open defects and disputes. */
export class IdSet {
  items = new Int32Array(64);
  pos = new Int32Array(64).fill(-1);
  size = 0;
  add(id: number): void {
    if (id >= this.pos.length) {
      let n = this.pos.length;
      while (n <= id) n *= 2;
      const p = new Int32Array(n).fill(-1);
      p.set(this.pos);
      this.pos = p;
    }
    if (this.pos[id] >= 0) return;
    if (this.size === this.items.length) this.items = grown(this.items, this.items.length * 2);
    this.items[this.size] = id;
    this.pos[id] = this.size++;
  }
  has(id: number): boolean {
    return id < this.pos.length && this.pos[id] >= 0;
  }
  remove(id: number): void {
    const i = id < this.pos.length ? this.pos[id] : -1;
    if (i < 0) return;
    const last = this.items[--this.size];
    this.items[i] = last;
    this.pos[last] = i;
    this.pos[id] = -1;
  }
}

/**
 * An IdSet whose members carry a few columns stored by position, not by id, and moved with them
 * on a swap-remove. A daily pass over every member (the open defects' reports, the open disputes'
 * flare-ups) then reads memory in order, where the same columns in a table of every id ever cost
 * one cache miss per member and day. The owner keeps what it needs by id in its table; these are
 * copies, or the only copy of a value that matters only while the member is in the set.
 */
export class PackedIdSet extends IdSet {
  ints: Int32Array[];
  floats: Float32Array[];
  constructor(nInt: number, nFloat: number) {
    super();
    this.ints = Array.from({ length: nInt }, () => new Int32Array(this.items.length));
    this.floats = Array.from({ length: nFloat }, () => new Float32Array(this.items.length));
  }
  /** Add id; returns its position, where the caller writes its columns. */
  insert(id: number): number {
    if (this.has(id)) return this.pos[id];
    super.add(id);
    const n = this.items.length;
    if (this.ints.length && this.ints[0].length !== n) this.ints = this.ints.map((a) => grown(a, n));
    if (this.floats.length && this.floats[0].length !== n) this.floats = this.floats.map((a) => grown(a, n));
    return this.size - 1;
  }
  override add(id: number): void {
    this.insert(id);
  }
  override remove(id: number): void {
    const i = id < this.pos.length ? this.pos[id] : -1;
    if (i < 0) return;
    const last = this.size - 1;
    for (const a of this.ints) a[i] = a[last];
    for (const a of this.floats) a[i] = a[last];
    super.remove(id);
  }
  bytes(): number {
    return this.items.length * 4 * (1 + this.ints.length + this.floats.length) + this.pos.length * 4;
  }
}
