import { grown } from './tickets.ts';

/** A growable FIFO of 32-bit integers (ticket or case ids) on a ring buffer. */
export class IntQueue {
  private buf: Int32Array;
  private head = 0;
  private n = 0;
  constructor(capacity = 16) {
    this.buf = new Int32Array(Math.max(4, capacity));
  }
  get length(): number {
    return this.n;
  }
  push(x: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) % this.buf.length] = x;
    this.n++;
  }
  /** Put x at the head (a returned ticket that is nearly due goes first). */
  unshift(x: number): void {
    if (this.n === this.buf.length) this.grow();
    this.head = (this.head - 1 + this.buf.length) % this.buf.length;
    this.buf[this.head] = x;
    this.n++;
  }
  peek(): number {
    return this.n > 0 ? this.buf[this.head] : -1;
  }
  shift(): number {
    if (this.n === 0) return -1;
    const x = this.buf[this.head];
    this.head = (this.head + 1) % this.buf.length;
    this.n--;
    return x;
  }
  /** The i-th element from the head (0-based). */
  at(i: number): number {
    return this.buf[(this.head + i) % this.buf.length];
  }
  /** Replace the i-th element from the head (0-based, i < length). */
  set(i: number, x: number): void {
    this.buf[(this.head + i) % this.buf.length] = x;
  }
  private grow(): void {
    const next = new Int32Array(this.buf.length * 2);
    for (let i = 0; i < this.n; i++) next[i] = this.buf[(this.head + i) % this.buf.length];
    this.buf = next;
    this.head = 0;
  }
}

/**
 * Events by day, for processes drawn as waiting times instead of a daily coin per member: schedule
 * x on a day, and take a day's events (in a fixed order: the last scheduled first) when it comes.
 * Days outside [first, first + days) are never taken, so events past the horizon are not kept.
 * Each day's events are a linked list of nodes in typed arrays; taken nodes are reused.
 */
export class DayCalendar {
  private readonly first: number;
  private readonly head: Int32Array;
  private value = new Int32Array(256);
  private next = new Int32Array(256);
  /** How many events the last take() returned. */
  taken = 0;
  /** Nodes in use or freed so far; freed nodes form a list through `next`. */
  private used = 0;
  private free = -1;
  constructor(first: number, days: number) {
    this.first = first;
    this.head = new Int32Array(Math.max(0, days)).fill(-1);
  }
  schedule(day: number, x: number): void {
    const i = day - this.first;
    if (!(i >= 0 && i < this.head.length)) return; // before the run (never) or past its horizon
    let node = this.free;
    if (node >= 0) this.free = this.next[node];
    else {
      if (this.used === this.value.length) {
        this.value = grown(this.value, this.used * 2);
        this.next = grown(this.next, this.used * 2);
      }
      node = this.used++;
    }
    this.value[node] = x;
    this.next[node] = this.head[i];
    this.head[i] = node;
  }
  /**
   * Move the day's events into `out` (grown as needed; returned) and forget them; the count is
   * `taken`. A day is taken once: schedule later days only from then on (an event filed for a day
   * already taken would never be taken).
   */
  take(day: number, out: Int32Array): Int32Array {
    const i = day - this.first;
    this.taken = 0;
    if (!(i >= 0 && i < this.head.length)) return out;
    let node = this.head[i];
    this.head[i] = -1;
    let o = out;
    while (node >= 0) {
      if (this.taken === o.length) o = grown(o, Math.max(16, o.length * 2));
      o[this.taken++] = this.value[node];
      const nx = this.next[node];
      this.next[node] = this.free;
      this.free = node;
      node = nx;
    }
    return o;
  }
  /** Forget every event (all nodes free again). */
  clear(): void {
    this.head.fill(-1);
    this.used = 0;
    this.free = -1;
  }
  bytes(): number {
    return this.head.length * 4 + this.value.length * 8;
  }
}
