/**
 * Leaders and responsiveness. Every day a leader's pressure decays (pressureDecay is the share
 * kept after 30 days) and the unit's responsiveness moves, with time constant responsivenessTau,
 * toward what drives it: the leader's own capability (intrinsic), pressure met with integrity
 * (the article's "strong assessment forced responsiveness"), and residents' dissatisfaction.
 * Nothing decays by a fixed amount per period, so the cadence does not change it by construction.
 * Now and then a unit gets a new leader (leaderTurnover per year), with new traits.
 */
import type { State } from './state.ts';
import { drawCapability, intrinsicResponsiveness } from './state.ts';
import { exp, pow } from './fmath.ts';

export function dailyLeaders(s: State): void {
  const k = s.k;
  const keep = pow(k.pressureDecay, 1 / 30);
  const rate = 1 / Math.max(1, k.responsivenessTau);
  const O = s.world.U + s.world.D;
  s.pressureDays++;
  for (let o = 0; o < O; o++) {
    s.pressure[o] *= keep;
    s.pressureSum[o] += s.pressure[o];
    const target =
      intrinsicResponsiveness(k, s.capability[o]) +
      k.responsivenessGain * Math.min(1, s.pressure[o] * s.integrity[o]) +
      k.respFeedback * (1 - s.satEma[o]);
    s.resp[o] += (Math.min(1, Math.max(0, target)) - s.resp[o]) * rate;
  }
}

/** At a period's end: each unit's leader is replaced with the period's share of the yearly turnover. */
export function replaceLeaders(s: State, periodDays: number): void {
  const k = s.k;
  const rng = s.rng.leaders;
  // a yearly hazard of leaderTurnover, whatever the period's length
  const p = 1 - exp((-k.leaderTurnover * periodDays) / 365);
  for (let u = 0; u < s.world.U; u++) {
    if (!(rng.u() < p)) continue;
    s.capability[u] = drawCapability(k, rng);
    s.integrity[u] = Math.min(1, Math.max(0, k.integrityMean + k.integritySpread * rng.normal()));
    s.pressure[u] = 0;
    s.gamingBelief[u] = 1;
  }
}
