// Model invariants under random valid scenarios: any knob anywhere in its range (small worlds).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KNOBS,
  Simulation,
  defaultKnobs,
  estimateRun,
  checkRunLimits,
  BROWSER_LIMITS,
  isoOfEpochDay,
  epochDay,
  type Knobs,
} from '../../sim/index.ts';
import { checkInvariants } from './sim-helpers.ts';

const WORLD = new Set(['residents', 'units', 'cells', 'districts', 'horizonDays', 'startDate']);

/** An arbitrary for one knob's value within its schema range. */
function knobArb(name: string): fc.Arbitrary<unknown> {
  const k = KNOBS.find((x) => x.name === name)!;
  switch (k.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...k.options!);
    case 'integer':
      return fc.integer({ min: k.min!, max: Math.min(k.max!, k.min! + 400) });
    case 'date':
      return fc.integer({ min: epochDay('2020-06-01'), max: epochDay('2022-06-01') }).map(isoOfEpochDay);
    default:
      return fc.double({ min: k.min!, max: k.max!, noNaN: true });
  }
}

const scenarioArb = fc
  .record(Object.fromEntries(KNOBS.filter((k) => !WORLD.has(k.name)).map((k) => [k.name, knobArb(k.name)])))
  .chain((over) =>
    fc
      .record({
        residents: fc.integer({ min: 20, max: 4000 }),
        units: fc.integer({ min: 1, max: 6 }),
        cells: fc.integer({ min: 1, max: 12 }),
        districts: fc.integer({ min: 1, max: 3 }),
        horizonDays: fc.integer({ min: 1, max: 240 }),
      })
      .map((w) => ({ ...defaultKnobs(), ...over, ...w, startDate: '2021-01-01' }) as Knobs),
  );

describe('random valid scenarios', () => {
  it('keep every invariant and finish', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (k, seed) => {
        const sim = new Simulation(k, seed).run();
        expect(sim.done).toBe(true);
        checkInvariants(sim);
        const s = sim.summary();
        for (const [name, v] of Object.entries(s)) expect(Number.isFinite(v), name).toBe(true);
      }),
      { numRuns: Number(process.env.HL_PROPERTY_RUNS ?? 60), seed: Number(process.env.HL_PROPERTY_SEED ?? 20261127) },
    );
  }, 600_000);
});

describe('run budget', () => {
  it('estimates grow with residents and horizon, and oversized runs are refused with a suggestion', () => {
    const k = defaultKnobs();
    const a = estimateRun(k);
    const b = estimateRun({ ...k, residents: k.residents * 10 });
    expect(b.bytes).toBeGreaterThan(5 * a.bytes);
    expect(checkRunLimits(k, BROWSER_LIMITS)).toEqual([]);
    const huge = { ...k, residents: 30_000_000, horizonDays: 7305 };
    const problems = checkRunLimits(huge, BROWSER_LIMITS);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join(' ')).toMatch(/try/);
  });
  it('the Beijing-scale year fits the browser budget', () => {
    const k = { ...defaultKnobs(), residents: 21_900_000, units: 343, cells: 7000, districts: 16, horizonDays: 365 };
    expect(checkRunLimits(k, BROWSER_LIMITS)).toEqual([]);
  });
});
