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
import type { State } from './state.ts';
import { MI } from './metrics.ts';

/** How far one outcome moves a cell's reputation of 12345. */
export const REPUTATION_RATE = 0.01;

/** Daily: awareness in every cell moves with publicity, word of mouth and forgetting. */
export function awareness(s: State): void {
  const k = s.k;
  const pub = k.publicity / 365;
  const wom = k.wordOfMouth / 365;
  const forget = k.awarenessForget / 365;
  for (let c = 0; c < s.world.C; c++) {
    const a = s.cellAware[c];
    const next = a + pub * (1 - a) + wom * a * (1 - a) * (2 * s.cellRep[c] - 1) - forget * a;
    s.cellAware[c] = Math.min(1, Math.max(0, next));
  }
}

/** A resident of cell c got an outcome from 12345 (1 solved, 0 not): the neighbourhood hears of it. */
export function hearOutcome(s: State, c: number, success: number): void {
  s.cellRep[c] += REPUTATION_RATE * (success - s.cellRep[c]);
}

/** A wish arises in cell c: with wishGroupShare it is held by a group that will keep circling it. */
export function maybeFormGroup(s: State, c: number): void {
  const rng = s.rng.demand;
  if (!(rng.u() < s.k.wishGroupShare)) return;
  const t = s.wishGroups.add();
  const cols = s.wishGroups.cols;
  cols[0][t] = c;
  cols[1][t] = nextRound(s);
  s.wishGroupsDue.push(t);
}

function nextRound(s: State): number {
  return s.clock.day + 1 + Math.floor(s.rng.demand.u() * 2 * s.k.wishRetryDays);
}

/** Share of cell c's residents who know what 12345 is for. */
function cellNormOf(s: State, c: number): number {
  const n = s.world.cellStart[c + 1] - s.world.cellStart[c];
  return 1 - (1 - s.cellNormSum[c] / n) * (1 - s.cellNorm[c]) * (1 - s.cityNorm);
}

/** Daily: groups whose day has come file their wish again, each member deciding as anyone would. */
export function circlingGroups(s: State, decide: (s: State, r: number, c: number, kind: number, ref: number) => void): void {
  const q = s.wishGroupsDue;
  const n = q.length;
  const cols = s.wishGroups.cols;
  const rng = s.rng.demand;
  for (let i = 0; i < n; i++) {
    const g = q.shift();
    if (cols[1][g] > s.clock.day) {
      q.push(g);
      continue;
    }
    const c = cols[0][g];
    s.tally.add(MI.wish_group_rounds);
    for (let m = 0; m < s.k.wishGroupSize; m++) decide(s, s.world.pickInCell(c, rng), c, Kind.WISH, -1);
    // after each refusal or explanation the group tries again, less likely the more it knows the rules
    if (rng.u() < s.k.wishPersistence * (1 - cellNormOf(s, c))) {
      cols[1][g] = nextRound(s);
      q.push(g);
    }
  }
}
