/**
 * Leaders' gaming choice and audits. At the start of each assessment period a unit's leader
 * picks a gaming intensity from pressure x (1 - integrity); the tactics (paid ratings,
 * induced substitute requests, fake tickets, exclusion appeals) draw on it in outcomes.ts and
 * work.ts. At the period's end an audit may catch a unit that gamed: its score is cut, its
 * leader's pressure rises and integrity grows.
 */
import type { State } from './world.ts';
import { AUDIT_INTEGRITY_GAIN } from './constants.ts';

export function chooseGaming(s: State): void {
  const k = s.k;
  for (let u = 0; u < s.U; u++) {
    s.gaming[u] = Math.min(1, Math.max(0, k.gamingPropensity * s.pressure[u] * (1 - s.integrity[u])));
    s.gamedCount[u] = 0;
  }
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
