/**
 * Needs: what happens to residents each day. Counts are drawn first (Poisson), then whom they
 * hit, so the cost follows needs, not residents x days.
 * - public defects arise per cell (faster where long-term work is neglected); while open,
 *   residents notice them and may report them, many times; routine upkeep fixes some unreported;
 * - individual matters, out-of-scope wishes, venting and consultations hit residents in
 *   proportion to their hotline propensity (a few frequent callers raise a large share);
 * - contested goods: residents who want the light or the speed bump the other way grow
 *   discontent, unless a council's consensus holds;
 * - neighbour disputes start, provoke proxy complaints under new pretexts, and sometimes fade.
 */
import { DEF, DIS, Kind, RF } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { ROUTINE_FIX_DAYS, DUPLICATE_DAMPING } from './constants.ts';
import { decide } from './channels.ts';
import type { Stream } from './rng.ts';
import { circlingGroups, maybeFormGroup } from './demand.ts';
import { fixDefect, settleDispute, wantsChange } from './outcomes.ts';

export function defects(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const base = k.defectRate / 1000 / 365;
  const tab = s.defects;
  for (let c = 0; c < s.world.C; c++) {
    const u = s.world.cellUnit[c];
    const mult = Math.max(0, 1 + k.maintenanceEffect * (1 - 2 * s.upkeep[u]));
    const n = rng.poisson(base * (s.world.cellStart[c + 1] - s.world.cellStart[c]) * mult);
    for (let i = 0; i < n; i++) {
      const d = tab.add();
      tab.cols[DEF.CELL][d] = c;
      tab.cols[DEF.BORN][d] = s.clock.day;
      tab.cols[DEF.OPEN][d] = 1;
      tab.cols[DEF.REPORTS][d] = 0;
      tab.cols[DEF.NEED][d] = s.needs.arise(Kind.DEFECT, s.clock.day);
      s.openDefects.add(d);
      s.cellDefectsOpen[c]++;
      s.event('defect', c, -1, Kind.DEFECT);
    }
  }
  // Residents notice open defects; routine upkeep fixes some that nobody reported.
  const open = s.openDefects;
  const notice = k.defectNoticeRate;
  const cap = k.defectReportCap;
  for (let i = open.size - 1; i >= 0; i--) {
    const d = open.items[i];
    const c = tab.cols[DEF.CELL][d];
    if (rng.u() < s.upkeep[s.world.cellUnit[c]] / ROUTINE_FIX_DAYS) {
      fixDefect(s, d);
      continue;
    }
    // once someone has raised it, fewer bother ("it has been reported"); after a few reports the
    // rest wait for the fix, and only when a deadline has passed since the last report does
    // someone follow up: repeat reports saturate instead of growing with the backlog
    let reports = tab.cols[DEF.REPORTS][d];
    if (reports >= cap) {
      if (s.clock.day - tab.cols[DEF.LAST][d] <= k.deadlineGeneralDays) continue;
      reports = cap - 1;
      tab.cols[DEF.REPORTS][d] = reports;
    }
    const n = rng.poisson(notice / (1 + DUPLICATE_DAMPING * reports));
    for (let j = 0; j < n && tab.cols[DEF.OPEN][d] && tab.cols[DEF.REPORTS][d] < cap; j++) {
      tab.cols[DEF.REPORTS][d]++;
      tab.cols[DEF.LAST][d] = s.clock.day;
      decide(s, s.world.pickInCell(c, rng), c, Kind.DEFECT, d);
    }
  }
}

function personal(s: State, kind: number, perYear: number): void {
  const rng = s.rng.needs;
  const n = rng.poisson((perYear * s.world.N) / 365);
  for (let i = 0; i < n; i++) {
    const c = s.world.pickCell(rng);
    const r = s.world.pickInCell(c, rng);
    decide(s, r, c, kind, -1, kind === Kind.INDIVIDUAL ? s.needs.arise(kind, s.clock.day) : -1);
    if (kind === Kind.WISH) maybeFormGroup(s, c);
  }
}

export function personalNeeds(s: State): void {
  const k = s.k;
  // other hotlines folded into 12345 bring their questions and matters with them
  const merged = 1 + k.hotlineMerger;
  personal(s, Kind.CONSULT, k.consultRate * merged);
  personal(s, Kind.INDIVIDUAL, k.individualRate * merged);
  personal(s, Kind.WISH, k.wishRate);
  personal(s, Kind.VENT, k.ventRate);
  circlingGroups(s, decide);
}

/**
 * Preferences about contested goods drift: each day some residents who care redraw what they want
 * from their cell's share (people move, children grow, tastes change), so a majority can change.
 */
export function driftPreferences(s: State): void {
  const rate = s.k.preferenceDrift / 365;
  if (!(rate > 0)) return;
  const rng = s.rng.drift;
  for (let c = 0; c < s.world.C; c++) {
    const goods = s.cellHasGood[c];
    if (!goods) continue;
    const start = s.world.cellStart[c];
    const pop = s.world.cellStart[c + 1] - start;
    for (let g = 0; g < 2; g++) {
      if (!(goods & (1 << g))) continue;
      const carers = s.cellPrefCount[c * 4 + g * 2] + s.cellPrefCount[c * 4 + g * 2 + 1];
      const n = rng.poisson(carers * rate);
      const cares = g === 0 ? RF.CARES_LIGHTS : RF.CARES_BUMP;
      const wants = g === 0 ? RF.WANTS_BRIGHT : RF.WANTS_BUMP;
      for (let i = 0; i < n; i++) {
        for (let tries = 0; tries < 40; tries++) {
          const r = start + rng.int(pop);
          if (!(s.world.resFlags[r] & cares)) continue;
          const was = (s.world.resFlags[r] & wants) !== 0;
          const now = rng.u() < s.cellPrefShare[c * 2 + g];
          if (was !== now) {
            s.world.resFlags[r] = now ? s.world.resFlags[r] | wants : s.world.resFlags[r] & ~wants;
            s.cellPrefCount[c * 4 + g * 2 + (was ? 1 : 0)]--;
            s.cellPrefCount[c * 4 + g * 2 + (now ? 1 : 0)]++;
          }
          break;
        }
      }
    }
  }
}

export function contested(s: State): void {
  const rng = s.rng.needs;
  const rate = s.k.contestedRate / 365;
  for (let c = 0; c < s.world.C; c++) {
    const goods = s.cellHasGood[c];
    if (!goods) continue;
    for (let g = 0; g < 2; g++) {
      if (!(goods & (1 << g))) continue;
      if (s.cellLockUntil[c * 2 + g] > s.clock.day) continue; // consensus holds
      const on = (s.cellContested[c] >> g) & 1;
      const unhappy = s.cellPrefCount[c * 4 + g * 2 + (1 - on)];
      const n = rng.poisson(rate * unhappy);
      for (let i = 0; i < n; i++) {
        // find a resident who wants it the other way (propensity-weighted, a bounded search)
        for (let tries = 0; tries < 40; tries++) {
          const r = s.world.pickInCell(c, rng);
          if (wantsChange(s, r, c, g)) {
            decide(s, r, c, Kind.CONTESTED, g, s.needs.arise(Kind.CONTESTED, s.clock.day));
            break;
          }
        }
      }
    }
  }
}

/** A neighbour dispute starts (its need arose on `day`). */
function startDispute(s: State, rng: Stream, day: number): void {
  const k = s.k;
  const tab = s.disputes;
  const c = s.world.householdPick.sample(rng);
  const r = s.world.pickInCell(c, rng);
  const d = tab.add();
  const cols = tab.cols; // add() may grow (replace) the columns
  const boundary = rng.u() < k.boundaryDisputeShare;
  cols[DIS.CELL][d] = c;
  cols[DIS.FILER][d] = r;
  cols[DIS.HOUSEHOLD][d] = s.world.resHousehold[r];
  cols[DIS.HOUSEHOLDS][d] = boundary ? 4 : 2;
  cols[DIS.BOUNDARY][d] = boundary ? 1 : 0;
  cols[DIS.ROUNDS][d] = 0;
  cols[DIS.OPEN][d] = 1;
  cols[DIS.NEED][d] = s.needs.arise(Kind.DISPUTE, day);
  tab.fcols[0][d] = 0.3 + 0.7 * rng.u();
  s.openDisputes.add(d);
  s.cellDisputesOpen[c]++;
}

/**
 * Before the burn-in: the stock of old disputes a district carries, at the level where new ones
 * and those that fade by themselves balance (their needs arose long ago, so they count as unmet
 * at once, before anything is recorded). Without it the stock grows for years (its time constant
 * is 1 / disputeResolveRate) and every before/after comparison drifts.
 */
/** The stock of old disputes is seeded with at most this many years of new ones. */
const MAX_SEEDED_DISPUTE_YEARS = 10;

export function seedDisputes(s: State): void {
  const k = s.k;
  if (!(k.disputeResolveRate > 0)) return;
  const rng = s.rng.needs;
  // at most ten years' worth: with disputes that almost never fade, the balance would be a stock
  // far beyond anything a district carries (and beyond memory)
  const n = rng.poisson((k.disputeRate / 1000) * s.world.H * Math.min(1 / k.disputeResolveRate, MAX_SEEDED_DISPUTE_YEARS));
  const longAgo = s.clock.day - k.needToleranceDays - 1;
  for (let i = 0; i < n; i++) startDispute(s, rng, longAgo);
}

export function disputes(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const tab = s.disputes;
  const n = rng.poisson((k.disputeRate / 1000 / 365) * s.world.H);
  for (let i = 0; i < n; i++) startDispute(s, rng, s.clock.day);
  const fade = k.disputeResolveRate / 365;
  const proxy = k.proxyRate / 365;
  const open = s.openDisputes;
  const cols = tab.cols;
  for (let i = open.size - 1; i >= 0; i--) {
    const d = open.items[i];
    if (rng.u() < fade) {
      settleDispute(s, d);
      continue;
    }
    if (rng.u() < proxy * tab.fcols[0][d]) {
      // the core conflict returns under a new pretext (noise, parking, rubbish...)
      decide(s, cols[DIS.FILER][d], cols[DIS.CELL][d], Kind.DISPUTE, d);
    }
  }
  s.tally.set(MI.disputes_open, open.size);
}
