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

/**
 * Every ticket filed (or left open by the burn-in) is open, closed, refused or excluded, and the counts add up every day; every
 * metric is finite and non-negative, rates stay within 0..1, and every unit's period record too.
 * Plain checks collect what breaks (the first 20 breaches are reported): one `expect` per day and
 * metric made this helper cost most of the invariant tests' time.
 */
export function checkInvariants(sim: Simulation): void {
  const d = sim.daily;
  const bad: string[] = [];
  const fail = (what: string) => {
    if (bad.length < 20) bad.push(what);
  };
  let filed = sim.ticketsOpenAtStart,
    closed = 0,
    refused = 0,
    excluded = 0;
  for (let i = 0; i < sim.day; i++) {
    filed += d.tickets_filed[i];
    closed += d.tickets_closed[i];
    refused += d.tickets_refused[i];
    excluded += d.tickets_excluded[i];
    const accounted = d.tickets_open[i] + closed + refused + excluded;
    if (filed !== accounted) fail(`day ${i}: ${filed} filed, ${accounted} open, closed, refused or excluded`);
    if (!(d.consultations[i] <= d.tickets_filed[i])) fail(`day ${i}: ${d.consultations[i]} consultations > ${d.tickets_filed[i]} filed`);
  }
  for (const m of METRICS) {
    const a = d[m.name];
    for (let i = 0; i < sim.day; i++) if (!(Number.isFinite(a[i]) && a[i] >= 0)) fail(`${m.name} day ${i} = ${a[i]}`);
  }
  for (const m of RATES) {
    const a = (d as Record<string, Float64Array>)[m];
    for (let i = 0; i < sim.day; i++) if (!(a[i] <= 1)) fail(`${m} day ${i} = ${a[i]} > 1`);
  }
  for (const p of sim.periods) {
    for (const u of p.units) {
      const rates = {
        acceptance: u.acceptance,
        completion: u.completion,
        satisfaction: u.satisfaction,
        truthSatisfaction: u.truthSatisfaction,
        gamingIntensity: u.gamingIntensity,
      };
      for (const [k, r] of Object.entries(rates)) if (!(r >= 0 && r <= 1)) fail(`period ${p.index} unit ${u.unit}: ${k} = ${r}`);
      if (!Number.isFinite(u.score)) fail(`period ${p.index} unit ${u.unit}: score = ${u.score}`);
    }
  }
  expect(bad).toEqual([]);
}
