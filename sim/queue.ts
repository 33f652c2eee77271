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
