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
import { DEF, DIS, Kind } from './flags.ts';
import type { State } from './state.ts';
import { MI } from './metrics.ts';
import { ROUTINE_FIX_DAYS, DUPLICATE_DAMPING } from './constants.ts';
import { decide } from './channels.ts';

export function defects(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const base = k.defectRate / 1000 / 365;
  const tab = s.defects.table;
  for (let c = 0; c < s.world.C; c++) {
    const u = s.world.cellUnit[c];
    const mult = Math.max(0, 1 + k.maintenanceEffect * (1 - 2 * s.upkeep[u]));
    const n = rng.poisson(base * (s.world.cellStart[c + 1] - s.world.cellStart[c]) * mult);
    for (let i = 0; i < n; i++) s.defects.arise(c);
  }
  // Residents notice open defects; routine upkeep fixes some that nobody reported.
  const open = s.defects.open;
  const notice = k.defectNoticeRate;
  const cap = k.defectReportCap;
  for (let i = open.size - 1; i >= 0; i--) {
    const d = open.items[i];
    const c = tab.cols[DEF.CELL][d];
    if (rng.u() < s.upkeep[s.world.cellUnit[c]] / ROUTINE_FIX_DAYS) {
      s.defects.fix(d);
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
    if (kind === Kind.WISH) s.demand.maybeFormGroup(c);
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
  s.demand.circle((r, c, kind, ref) => decide(s, r, c, kind, ref));
}

export function contested(s: State): void {
  const rng = s.rng.needs;
  const rate = s.k.contestedRate / 365;
  for (let c = 0; c < s.world.C; c++) {
    const goods = s.goods.has[c];
    if (!goods) continue;
    for (let g = 0; g < 2; g++) {
      if (!(goods & (1 << g))) continue;
      if (s.goods.lockUntil[c * 2 + g] > s.clock.day) continue; // consensus holds
      const on = (s.goods.contested[c] >> g) & 1;
      const unhappy = s.goods.prefCount[c * 4 + g * 2 + (1 - on)];
      const n = rng.poisson(rate * unhappy);
      for (let i = 0; i < n; i++) {
        // find a resident who wants it the other way (propensity-weighted, a bounded search)
        for (let tries = 0; tries < 40; tries++) {
          const r = s.world.pickInCell(c, rng);
          if (s.goods.wantsChange(r, c, g)) {
            decide(s, r, c, Kind.CONTESTED, g, s.needs.arise(Kind.CONTESTED, s.clock.day));
            break;
          }
        }
      }
    }
  }
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
  for (let i = 0; i < n; i++) s.disputes.start(rng, longAgo, k.boundaryDisputeShare);
}

export function disputes(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const tab = s.disputes.table;
  const n = rng.poisson((k.disputeRate / 1000 / 365) * s.world.H);
  for (let i = 0; i < n; i++) s.disputes.start(rng, s.clock.day, k.boundaryDisputeShare);
  const fade = k.disputeResolveRate / 365;
  const proxy = k.proxyRate / 365;
  const open = s.disputes.open;
  const cols = tab.cols;
  for (let i = open.size - 1; i >= 0; i--) {
    const d = open.items[i];
    if (rng.u() < fade) {
      s.disputes.settle(d);
      continue;
    }
    if (rng.u() < proxy * tab.fcols[0][d]) {
      // the core conflict returns under a new pretext (noise, parking, rubbish...)
      decide(s, cols[DIS.FILER][d], cols[DIS.CELL][d], Kind.DISPUTE, d);
    }
  }
  s.tally.set(MI.disputes_open, open.size);
}
