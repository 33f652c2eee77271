/**
 * When each open neighbour dispute fades by itself, and when it flares up as a proxy complaint,
 * drawn as waiting times instead of two coins per dispute every day. A district carries thousands
 * of old disputes (224,000 at Beijing's scale) of which a few a day do anything, so the daily coins
 * cost more than the rest of the disputes together; the waiting times cost one draw per event and
 * follow the same law (a daily chance is a geometric wait, and it has no memory, so a wait can be
 * drawn again from any day when a rate changes).
 *
 * - Fading: a daily chance `disputeResolveRate / 365`, from the day the dispute starts.
 * - Flaring up: a daily chance `proxyRate / 365` x the parties' conviction (the intensity), which
 *   only falls (councils' talk and evidence, Disputes.weaken). Candidates are drawn at the
 *   starting conviction and each is kept with the chance conviction now / at the start (thinning),
 *   so a weakened dispute flares up less without its wait being drawn again.
 * - On a day when a dispute would both fade and flare up, it fades (as the daily coins had it).
 * Every draw is from the needs stream (sim/needs.ts owns the process), at the dispute's start, at
 * its events, and when a timeline changes either rate (every open dispute's waits drawn again).
 */
import { DIS_F } from './flags.ts';
import { DayCalendar } from './queue.ts';
import type { Clock } from './clock.ts';
import type { Disputes } from './disputes.ts';
import type { Stream } from './rng.ts';

export class DisputeFlares {
  private readonly disputes: Disputes;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly fades: DayCalendar;
  private readonly candidates: DayCalendar;
  private taken: Int32Array = new Int32Array(256);
  /** Daily chances: fading, and flaring up at full conviction. */
  private fade = 0;
  private proxy = 0;
  /** A rate changed while disputes were open: every wait is drawn again before the next day's events. */
  private redraw = false;

  constructor(disputes: Disputes, clock: Clock, rng: Stream) {
    this.disputes = disputes;
    this.clock = clock;
    this.rng = rng;
    // every day of the run, the burn-in's included; later events are never needed
    this.fades = new DayCalendar(clock.day, clock.burnIn + clock.days);
    this.candidates = new DayCalendar(clock.day, clock.burnIn + clock.days);
  }

  /** The daily chances (knobs per year / 365). */
  setRates(fade: number, proxy: number): void {
    if (fade === this.fade && proxy === this.proxy) return;
    this.fade = fade;
    this.proxy = proxy;
    if (this.disputes.open.size > 0) this.redraw = true;
  }

  /** Dispute d started today (or is open on a day its waits are drawn again): draw when it fades and first flares up. */
  schedule(d: number): void {
    const day = this.clock.day;
    this.fades.schedule(day + this.rng.geometric(this.fade) - 1, d);
    this.nextCandidate(d, day);
  }

  private nextCandidate(d: number, from: number): void {
    const start = this.disputes.table.fcols[DIS_F.START][d];
    this.candidates.schedule(from + this.rng.geometric(this.proxy * start) - 1, d);
  }

  /**
   * Today's events: the disputes due to fade settle, then those due to flare up (still open, and
   * kept by thinning) go to `flare`. Each flare-up's next candidate is drawn from tomorrow.
   */
  run(flare: (d: number) => void): void {
    const day = this.clock.day;
    const disputes = this.disputes;
    if (this.redraw) {
      this.redraw = false;
      this.fades.clear();
      this.candidates.clear();
      const open = disputes.open;
      for (let i = 0; i < open.size; i++) this.schedule(open.items[i]);
    }
    this.taken = this.fades.take(day, this.taken);
    for (let j = 0, n = this.fades.taken; j < n; j++) disputes.settle(this.taken[j]);
    this.taken = this.candidates.take(day, this.taken);
    const fc = disputes.table.fcols;
    for (let j = 0, n = this.candidates.taken; j < n; j++) {
      const d = this.taken[j];
      if (!disputes.isOpen(d)) continue; // settled: its waits end with it
      this.nextCandidate(d, day + 1);
      const now = fc[DIS_F.INTENSITY][d];
      const start = fc[DIS_F.START][d];
      if (now < start && this.rng.u() * start >= now) continue; // a weakened conviction: fewer flare-ups
      flare(d);
    }
  }

  bytes(): number {
    return this.fades.bytes() + this.candidates.bytes();
  }
}
