/**
 * Leaders' gaming: the choice, what audits catch, and learning whether it paid. At the start of
 * each assessment period a unit's leader picks a gaming intensity from pressure x (1 - integrity)
 * x their belief that gaming pays; the tactics (paid ratings, induced substitute requests, fake
 * tickets, exclusion appeals) draw on it in outcomes.ts and work.ts. At the period's end an audit
 * may catch a unit that gamed (its score is cut, pressure rises, integrity grows), and the leader
 * updates the belief from what gaming bought against what it cost.
 */
import type { UnitPeriod } from './types.ts';
import type { State } from './state.ts';
import { AUDIT_INTEGRITY_GAIN, AUDIT_SCORE_PENALTY } from './constants.ts';

/**
 * The leader weighs the pressure of the period just gone, day by day (not its peak just after an
 * assessment, which is higher the longer the period: the cadence would then change gaming by
 * construction). Before any period has run, the pressure of the day.
 */
export function chooseGaming(s: State): void {
  const k = s.k;
  const n = s.pressureDays;
  for (let u = 0; u < s.world.U; u++) {
    const pressure = n > 0 ? s.pressureSum[u] / n : s.pressure[u];
    s.gaming[u] = Math.min(1, Math.max(0, k.gamingPropensity * pressure * (1 - s.integrity[u]) * s.gamingBelief[u]));
    s.gamedCount[u] = 0;
  }
  s.pressureSum.fill(0);
  s.pressureDays = 0;
}

/** Audit unit u: returns [audited, caught]. Draws come from the audit stream in a fixed order. */
export function audit(s: State, u: number): [boolean, boolean] {
  const rng = s.rng.audit;
  const audited = rng.u() < s.k.auditRate;
  const detect = rng.u() < s.k.auditDetection;
  const caught = audited && s.gamedCount[u] > 0 && detect;
  if (caught) {
    s.pressure[u] += s.k.penaltySeverity;
    s.integrity[u] = Math.min(1, s.integrity[u] + AUDIT_INTEGRITY_GAIN);
  }
  return [audited, caught];
}

/**
 * Did gaming pay? A leader who gamed sees the score it bought (reported over true satisfaction,
 * weighted as in the score) against what an audit cost (the score cut and a penalty's worth of
 * points), and moves the belief toward 1 + value / 10 (clipped to 0..2) at gamingLearningRate.
 */
export function learnGaming(s: State, units: readonly UnitPeriod[]): void {
  const k = s.k;
  const wsum = k.weightAcceptance + k.weightCompletion + k.weightSatisfaction + k.weightRequests || 1;
  for (const x of units) {
    const u = x.unit;
    if (s.gamedCount[u] <= 0) continue;
    const bought = (100 * k.weightSatisfaction * Math.max(0, x.satisfaction - x.truthSatisfaction)) / wsum;
    const cost = x.caught ? AUDIT_SCORE_PENALTY + 10 * k.penaltySeverity : 0;
    const target = Math.min(2, Math.max(0, 1 + (bought - cost) / 10));
    s.gamingBelief[u] += k.gamingLearningRate * (target - s.gamingBelief[u]);
  }
}
