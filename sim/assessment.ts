/**
 * Assessment at the end of each period: per unit, acceptance, completion (closed in time),
 * satisfaction and requests per 10,000 residents, excluded tickets left out; a weighted score;
 * a rank by score or a grade band; penalties for the bottom (summons, listed supervision,
 * promotion freeze) and the pressure of a published low rank; an optional district layer.
 * Pressure decays day by day.
 */
import type { Grade, PeriodRecord, UnitPeriod } from './types.ts';
import type { State } from './world.ts';
import { isoOfEpochDay } from './calendar.ts';
import { GRADE_EXCELLENT, GRADE_GOOD, GRADE_PASS, AUDIT_SCORE_PENALTY, DISTRICT_LAYER_SHARE, RESP_DECAY } from './constants.ts';
import { audit } from './gaming.ts';
import { pow } from './fmath.ts';

export function gradeOf(score: number): Grade {
  return score >= GRADE_EXCELLENT ? 'excellent' : score >= GRADE_GOOD ? 'good' : score >= GRADE_PASS ? 'pass' : 'poor';
}

function median(xs: number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const n = a.length;
  return n === 0 ? 0 : n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

/** Overdue open tickets per unit right now (those past their deadline, not under appeal). */
function overdueOpen(s: State): Float64Array {
  const out = new Float64Array(s.U);
  const T = s.tickets;
  for (let u = 0; u < s.U; u++) {
    for (const q of [s.qGeneral[u], s.qComplex[u]]) {
      for (let i = 0; i < q.length; i++) if (T.deadline[q.at(i)] < s.day) out[u]++;
    }
  }
  return out;
}

/** Daily pressure decay (pressureDecay is the share kept after 30 days). */
export function decayPressure(s: State): void {
  const f = pow(s.k.pressureDecay, 1 / 30);
  for (let u = 0; u < s.U; u++) s.pressure[u] *= f;
}

export function assess(s: State, startDay: number, endDay: number): PeriodRecord {
  const k = s.k;
  const U = s.U;
  const overdue = overdueOpen(s);
  const periodDays = endDay - startDay;
  const units: UnitPeriod[] = [];
  const per10k: number[] = [];
  for (let u = 0; u < U; u++) {
    const dispatched = s.pDispatched[u] - s.pExcluded[u];
    per10k.push(((dispatched / s.unitPop[u]) * 10000 * 30) / periodDays);
  }
  const med = median(per10k);
  const wsum = k.weightAcceptance + k.weightCompletion + k.weightSatisfaction + k.weightRequests || 1;
  for (let u = 0; u < U; u++) {
    const disp = s.pDispatched[u];
    const acceptance = disp > 0 ? 1 - s.pReturned[u] / disp : 1;
    const denom = s.pClosed[u] + overdue[u];
    const completion = denom > 0 ? s.pOnTime[u] / denom : 1;
    const satisfaction = s.pRatings[u] > 0 ? s.pSatReported[u] / s.pRatings[u] : 1;
    const truth = s.pTrueRatings[u] > 0 ? s.pSatTrue[u] / s.pTrueRatings[u] : 1;
    const reqScore = per10k[u] > 0 ? Math.min(1, med / per10k[u]) : 1;
    let score =
      (100 *
        (k.weightAcceptance * acceptance +
          k.weightCompletion * completion +
          k.weightSatisfaction * satisfaction +
          k.weightRequests * reqScore)) /
      wsum;
    const [audited, caught] = audit(s, u);
    if (caught) score = Math.max(0, score - AUDIT_SCORE_PENALTY);
    units.push({
      unit: u,
      district: s.unitDistrict[u],
      dispatched: s.pDispatched[u] - s.pExcluded[u],
      acceptance,
      completion,
      satisfaction,
      requestsPer10k: per10k[u],
      excluded: s.pExcluded[u],
      score,
      rank: null,
      grade: null,
      penalised: false,
      pressure: 0,
      gamingIntensity: s.gaming[u],
      audited,
      caught,
      truthSatisfaction: truth,
      responsiveness: s.resp[u],
    });
  }

  // Rank or grade, penalties and the pressure they bring.
  const order = units.map((x) => x.unit).sort((a, b) => units[b].score - units[a].score || a - b);
  // the bottom share, at least one unit when any is penalised; a lone unit has no bottom
  const nBottom = U > 1 && k.penaltyBottomShare > 0 ? Math.max(1, Math.floor(k.penaltyBottomShare * U)) : 0;
  if (k.rankingMode === 'rank') {
    order.forEach((u, i) => {
      const x = units[u];
      x.rank = i + 1;
      x.penalised = i >= U - nBottom;
      s.pressure[u] += (x.penalised ? k.penaltySeverity : 0) + (U > 1 ? (k.rankVisibility * i) / (U - 1) : 0);
    });
  } else {
    for (const x of units) {
      x.grade = gradeOf(x.score);
      x.penalised = k.penaltyBottomShare > 0 && x.grade === 'poor';
      if (x.penalised) s.pressure[x.unit] += k.penaltySeverity + k.rankVisibility;
    }
  }
  if (k.districtLayer) {
    const nd = Math.max(...units.map((x) => x.district)) + 1;
    const sum = new Float64Array(nd);
    const cnt = new Float64Array(nd);
    for (const x of units) {
      sum[x.district] += x.score;
      cnt[x.district]++;
    }
    const mean = Array.from(sum, (v, d) => v / cnt[d]);
    // units below their district's mean are called in again by the district
    for (const x of units) if (x.score < mean[x.district]) s.pressure[x.unit] += DISTRICT_LAYER_SHARE * k.penaltySeverity;
    if (nd > 1) {
      const dorder = mean.map((_, d) => d).sort((a, b) => mean[a] - mean[b] || a - b);
      const worst = new Set(dorder.slice(0, Math.ceil(k.penaltyBottomShare * nd)));
      for (const x of units) if (worst.has(x.district)) s.pressure[x.unit] += 0.5 * k.penaltySeverity;
    }
  }
  for (const x of units) {
    x.pressure = s.pressure[x.unit];
    // honest leaders answer pressure by making the unit more responsive (it slips back without)
    const u = x.unit;
    const push = Math.min(1, s.pressure[u] * s.integrity[u]);
    s.resp[u] = Math.min(1, Math.max(0, s.resp[u] + k.responsivenessGain * push * (1 - s.resp[u]) - RESP_DECAY * s.resp[u]));
    x.responsiveness = s.resp[u];
  }

  let rankVolatility: number | null = null;
  if (k.rankingMode === 'rank') {
    const ranks = Int32Array.from(units, (x) => x.rank ?? 0);
    if (s.prevRanks) {
      let d = 0;
      for (let u = 0; u < U; u++) d += Math.abs(ranks[u] - s.prevRanks[u]);
      rankVolatility = d / U;
    }
    s.prevRanks = ranks;
  }
  // reset accumulators
  for (const a of [s.pDispatched, s.pReturned, s.pClosed, s.pOnTime, s.pRatings, s.pSatReported, s.pSatTrue, s.pTrueRatings, s.pExcluded])
    a.fill(0);
  return {
    index: s.periodIndex++,
    startDay,
    endDay,
    startDate: isoOfEpochDay(s.startEpoch + startDay),
    endDate: isoOfEpochDay(s.startEpoch + endDay - 1),
    units,
    rankVolatility,
  };
}
