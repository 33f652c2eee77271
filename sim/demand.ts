/**
 * Demand that responds. Residents do not all think of 12345 for their matters: a cell's awareness
 * (the share who do) grows with the city's publicity and with word of mouth when the hotline
 * delivers in the neighbourhood, and falls with forgetting and when it fails. Unaware residents
 * choose among doing nothing, WeChat and the hall. A cell's reputation of 12345 (its residents'
 * recent outcomes) mixes with each resident's own memory in expecting it to work. So success
 * draws new requests, reasonable or not, and failure turns people away: growth in contacts is an
 * outcome of responsiveness and publicity, not an input.
 *
 * Groups circling one out-of-scope wish: a share of wishes belong to a group of residents of a
 * cell who file again after each refusal or explanation, until they give up (less likely the less
 * they know of what 12345 is for).
 */
import { Kind } from './flags.ts';
import { MI } from './metrics.ts';
import { IntQueue } from './queue.ts';
import { Table } from './tickets.ts';
import type { Knobs } from './knobs.ts';
import type { Stream } from './rng.ts';
import type { World } from './world.ts';
import type { Clock } from './clock.ts';
import type { Norms } from './norms.ts';
import type { Tally } from './tally.ts';

/** How far one outcome moves a cell's reputation of 12345. */
export const REPUTATION_RATE = 0.01;

/** Where a need goes once it arises (sim/channels.ts). */
export type Decide = (r: number, c: number, kind: number, ref: number) => void;

export class Demand {
  /** Per cell: the share of residents who think of 12345 for their matters. */
  readonly aware: Float64Array;
  /** Per cell: the neighbourhood's recent experience of 12345 (share solved, 0..1). */
  readonly reputation: Float64Array;
  /** Groups circling one out-of-scope wish: cell, day of their next round; and the queue of them. */
  private readonly groups = new Table(2, 0);
  private readonly groupsDue = new IntQueue(16);
  private readonly world: World;
  private readonly clock: Clock;
  private readonly rng: Stream;
  private readonly norms: Norms;
  private readonly tally: Tally;
  // configured
  private publicity = 0;
  private wordOfMouth = 0;
  private forget = 0;
  private groupShare = 0;
  private retryDays = 0;
  private groupSize = 0;
  private persistence = 0;

  constructor(world: World, clock: Clock, k: Knobs, rng: Stream, norms: Norms, tally: Tally) {
    this.world = world;
    this.clock = clock;
    this.rng = rng;
    this.norms = norms;
    this.tally = tally;
    this.aware = new Float64Array(world.C).fill(k.initialAwareness);
    this.reputation = new Float64Array(world.C).fill(k.initialHotlineMemory);
  }

  configure(k: Knobs): void {
    this.publicity = k.publicity / 365;
    this.wordOfMouth = k.wordOfMouth / 365;
    this.forget = k.awarenessForget / 365;
    this.groupShare = k.wishGroupShare;
    this.retryDays = k.wishRetryDays;
    this.groupSize = k.wishGroupSize;
    this.persistence = k.wishPersistence;
  }

  /** Phase (daily): awareness in every cell moves with publicity, word of mouth and forgetting. */
  awareness(): void {
    const pub = this.publicity;
    const wom = this.wordOfMouth;
    const forget = this.forget;
    const aware = this.aware;
    for (let c = 0; c < this.world.C; c++) {
      const a = aware[c];
      const next = a + pub * (1 - a) + wom * a * (1 - a) * (2 * this.reputation[c] - 1) - forget * a;
      aware[c] = Math.min(1, Math.max(0, next));
    }
  }

  /** Mean awareness over all residents. */
  meanAwareness(): number {
    const w = this.world;
    let aware = 0;
    for (let c = 0; c < w.C; c++) aware += (w.cellStart[c + 1] - w.cellStart[c]) * this.aware[c];
    return aware / w.N;
  }

  /** A resident of cell c got an outcome from 12345 (1 solved, 0 not): the neighbourhood hears of it. */
  hear(c: number, success: number): void {
    this.reputation[c] += REPUTATION_RATE * (success - this.reputation[c]);
  }

  /** A wish arises in cell c: with wishGroupShare it is held by a group that will keep circling it. */
  maybeFormGroup(c: number): void {
    if (!(this.rng.u() < this.groupShare)) return;
    const t = this.groups.add();
    const cols = this.groups.cols;
    cols[0][t] = c;
    cols[1][t] = this.nextRound();
    this.groupsDue.push(t);
  }

  private nextRound(): number {
    return this.clock.day + 1 + Math.floor(this.rng.u() * 2 * this.retryDays);
  }

  /** Daily: groups whose day has come file their wish again, each member deciding as anyone would. */
  circle(decide: Decide): void {
    const q = this.groupsDue;
    const n = q.length;
    const cols = this.groups.cols;
    const rng = this.rng;
    const day = this.clock.day;
    for (let i = 0; i < n; i++) {
      const g = q.shift();
      if (cols[1][g] > day) {
        q.push(g);
        continue;
      }
      const c = cols[0][g];
      this.tally.add(MI.wish_group_rounds);
      for (let m = 0; m < this.groupSize; m++) decide(this.world.pickInCell(c, rng), c, Kind.WISH, -1);
      // after each refusal or explanation the group tries again, less likely the more it knows the rules
      if (rng.u() < this.persistence * (1 - this.norms.cellKnowledge(c))) {
        cols[1][g] = this.nextRound();
        q.push(g);
      }
    }
  }
}
