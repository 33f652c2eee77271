// Shared helpers for the core's tests: small worlds that run in well under a second.
import { Simulation, defaultKnobs, type Knobs } from '../../sim/index.ts';

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
