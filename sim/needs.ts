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
import { Kind, DEF, DIS } from './flags.ts';
import type { State } from './world.ts';
import { MI } from './metrics.ts';
import { ROUTINE_FIX_DAYS, DUPLICATE_DAMPING } from './constants.ts';
import { decide } from './channels.ts';
import { fixDefect, settleDispute, wantsChange } from './outcomes.ts';

export function defects(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const base = k.defectRate / 1000 / 365;
  const tab = s.defects;
  for (let c = 0; c < s.C; c++) {
    const u = s.cellUnit[c];
    const mult = Math.max(0, 1 + k.maintenanceEffect * (1 - 2 * s.upkeep[u]));
    const n = rng.poisson(base * (s.cellStart[c + 1] - s.cellStart[c]) * mult);
    for (let i = 0; i < n; i++) {
      const d = tab.add();
      tab.cols[DEF.CELL][d] = c;
      tab.cols[DEF.BORN][d] = s.day;
      tab.cols[DEF.OPEN][d] = 1;
      tab.cols[DEF.REPORTS][d] = 0;
      s.openDefects.add(d);
      s.cellDefectsOpen[c]++;
      s.event('defect', c, -1, Kind.DEFECT);
    }
  }
  // Residents notice open defects; routine upkeep fixes some that nobody reported.
  const open = s.openDefects;
  const notice = k.defectNoticeRate;
  for (let i = open.size - 1; i >= 0; i--) {
    const d = open.items[i];
    const c = tab.cols[DEF.CELL][d];
    if (rng.u() < s.upkeep[s.cellUnit[c]] / ROUTINE_FIX_DAYS) {
      fixDefect(s, d);
      continue;
    }
    // once someone has raised it, fewer bother ("it has been reported")
    const n = rng.poisson(notice / (1 + DUPLICATE_DAMPING * tab.cols[DEF.REPORTS][d]));
    for (let j = 0; j < n && tab.cols[DEF.OPEN][d]; j++) {
      tab.cols[DEF.REPORTS][d]++;
      decide(s, s.pickInCell(c, rng), c, Kind.DEFECT, d);
    }
  }
}

function personal(s: State, kind: number, perYear: number): void {
  const rng = s.rng.needs;
  const n = rng.poisson((perYear * s.N) / 365);
  for (let i = 0; i < n; i++) {
    const r = s.pickResident(rng);
    decide(s, r, s.lastCell, kind, -1);
  }
}

export function personalNeeds(s: State): void {
  const k = s.k;
  personal(s, Kind.CONSULT, k.consultRate);
  personal(s, Kind.INDIVIDUAL, k.individualRate);
  personal(s, Kind.WISH, k.wishRate);
  personal(s, Kind.VENT, k.ventRate);
}

export function contested(s: State): void {
  const rng = s.rng.needs;
  const rate = s.k.contestedRate / 365;
  for (let c = 0; c < s.C; c++) {
    const goods = s.cellHasGood[c];
    if (!goods) continue;
    for (let g = 0; g < 2; g++) {
      if (!(goods & (1 << g))) continue;
      if (s.cellLockUntil[c * 2 + g] > s.day) continue; // consensus holds
      const on = (s.cellContested[c] >> g) & 1;
      const unhappy = s.cellPrefCount[c * 4 + g * 2 + (1 - on)];
      const n = rng.poisson(rate * unhappy);
      for (let i = 0; i < n; i++) {
        // find a resident who wants it the other way (propensity-weighted, a bounded search)
        for (let tries = 0; tries < 40; tries++) {
          const r = s.pickInCell(c, rng);
          if (wantsChange(s, r, c, g)) {
            decide(s, r, c, Kind.CONTESTED, g);
            break;
          }
        }
      }
    }
  }
}

export function disputes(s: State): void {
  const k = s.k;
  const rng = s.rng.needs;
  const tab = s.disputes;
  const n = rng.poisson((k.disputeRate / 1000 / 365) * s.H);
  for (let i = 0; i < n; i++) {
    const c = s.householdPick.sample(rng);
    const r = s.pickInCell(c, rng);
    const d = tab.add();
    const cols = tab.cols; // add() may grow (replace) the columns
    const boundary = rng.u() < k.boundaryDisputeShare;
    cols[DIS.CELL][d] = c;
    cols[DIS.FILER][d] = r;
    cols[DIS.HOUSEHOLD][d] = s.resHousehold[r];
    cols[DIS.HOUSEHOLDS][d] = boundary ? 4 : 2;
    cols[DIS.BOUNDARY][d] = boundary ? 1 : 0;
    cols[DIS.ROUNDS][d] = 0;
    cols[DIS.OPEN][d] = 1;
    tab.fcols[0][d] = 0.3 + 0.7 * rng.u();
    s.openDisputes.add(d);
    s.cellDisputesOpen[c]++;
  }
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
  s.acc[MI.disputes_open] = open.size;
}
