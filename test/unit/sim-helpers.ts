// Shared helpers for the core's tests: small worlds that run in well under a second.
import { expect } from 'vitest';
import { METRICS, Simulation, defaultKnobs, type Knobs } from '../../sim/index.ts';

export const SMALL: Partial<Knobs> = { residents: 20000, cells: 16, units: 4, departments: 2, horizonDays: 730 };

export function knobs(over: Partial<Knobs> = {}): Knobs {
  return { ...defaultKnobs(), ...SMALL, ...over } as Knobs;
}

export function run(over: Partial<Knobs> = {}, seed = 1): Simulation {
  return new Simulation(knobs(over), seed).run();
}

/** Sum of a daily metric per year of the run. */
export function perYear(sim: Simulation, metric: string): number[] {
  const a = (sim.daily as Record<string, Float64Array>)[metric];
  const out: number[] = [];
  for (let y = 0; y * 365 < sim.day; y++) {
    let t = 0;
    for (let i = y * 365; i < Math.min(sim.day, (y + 1) * 365); i++) t += a[i];
    out.push(t);
  }
  return out;
}

export function total(sim: Simulation, metric: string): number {
  return perYear(sim, metric).reduce((a, b) => a + b, 0);
}

const RATES = [
  'official_satisfaction',
  'official_resolution',
  'true_satisfaction',
  'awareness_mean',
  'resolution_rate',
  'staff_fatigue_mean',
  'upkeep_mean',
  'norm_knowledge_mean',
  'gaming_intensity_mean',
];

/** Every ticket filed (or left open by the burn-in) is open, closed, refused or excluded, and the counts add up every day. */
export function checkInvariants(sim: Simulation): void {
  const d = sim.daily;
  let filed = sim.ticketsOpenAtStart,
    closed = 0,
    refused = 0,
    excluded = 0;
  for (let i = 0; i < sim.day; i++) {
    filed += d.tickets_filed[i];
    closed += d.tickets_closed[i];
    refused += d.tickets_refused[i];
    excluded += d.tickets_excluded[i];
    expect(filed, `day ${i}`).toBe(d.tickets_open[i] + closed + refused + excluded);
    expect(d.consultations[i]).toBeLessThanOrEqual(d.tickets_filed[i]);
  }
  for (const m of METRICS) {
    const a = d[m.name];
    for (let i = 0; i < sim.day; i++) {
      expect(Number.isFinite(a[i]), `${m.name} day ${i}`).toBe(true);
      expect(a[i], `${m.name} day ${i}`).toBeGreaterThanOrEqual(0);
    }
  }
  for (const m of RATES) {
    const a = (d as Record<string, Float64Array>)[m];
    for (let i = 0; i < sim.day; i++) expect(a[i], `${m} day ${i}`).toBeLessThanOrEqual(1);
  }
  for (const p of sim.periods) {
    for (const u of p.units) {
      for (const r of [u.acceptance, u.completion, u.satisfaction, u.truthSatisfaction, u.gamingIntensity]) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(u.score)).toBe(true);
    }
  }
}
