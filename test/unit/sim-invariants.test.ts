import { describe, expect, it } from 'vitest';
import { Simulation, runScenario, defaultKnobs, type Knobs } from '../../sim/index.ts';
import { knobs, run, SMALL, checkInvariants } from './sim-helpers.ts';
import { RES_STRIDE, Res } from '../../sim/flags.ts';

describe('invariants', () => {
  const policies: [string, Partial<Knobs>][] = [
    ['baseline', {}],
    [
      'every policy on',
      {
        handDown: true,
        handDownStart: '2021-03-01',
        intakePolicy: 'refuse-out-of-scope',
        publishUnreasonable: true,
        appealExclusion: true,
        outreachHoursPerWeek: 8,
        educationCampaign: true,
        educationStart: '2021-06-01',
        rankingMode: 'grades',
        cadence: 'bimonthly',
      },
    ],
    ['overloaded and gaming', { staffPer10k: 2, penaltySeverity: 4, integrityMean: 0.1, appealExclusion: true }],
    ['one village', { residents: 1500, cells: 1, units: 1, departments: 0, villageShare: 1, handDown: true }],
  ];
  for (const [name, over] of policies) {
    it(`hold every day: ${name}`, () => checkInvariants(run(over)));
  }
});

describe('determinism', () => {
  it('same scenario and seed give identical results; another seed differs', () => {
    const sc = { preset: 'test', knobs: knobs({ horizonDays: 200 }) };
    const a = JSON.stringify(runScenario(sc, 7));
    const b = JSON.stringify(runScenario(sc, 7));
    const c = JSON.stringify(runScenario(sc, 8));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('stepping day by day equals running in one go', () => {
    const k = knobs({ horizonDays: 120 });
    const a = new Simulation(k, 3).run();
    const b = new Simulation(k, 3);
    while (!b.done) b.runTo(b.day + 7);
    expect(JSON.stringify(b.result('x'))).toBe(JSON.stringify(a.result('x')));
  });

  it('does not depend on the knob object key order or on extra copies', () => {
    const k = knobs({ horizonDays: 90 });
    const reversed = Object.fromEntries(Object.entries(k).reverse()) as unknown as Knobs;
    expect(JSON.stringify(new Simulation(reversed, 5).run().summary())).toBe(JSON.stringify(new Simulation(k, 5).run().summary()));
  });
});

describe('common random numbers', () => {
  const after = '2030-01-01'; // past the horizon
  const late: [string, Partial<Knobs>][] = [
    ['hand-down', { handDown: true, handDownStart: after, hallStart: after }],
    ['refusal', { intakePolicy: 'refuse-out-of-scope', refuseStart: after }],
    ['publication', { publishUnreasonable: true, publishStart: after }],
    ['appeals', { appealExclusion: true, appealStart: after }],
    ['outreach', { outreachHoursPerWeek: 20, outreachStart: after }],
    ['education', { educationCampaign: true, educationStart: after }],
  ];
  const base = JSON.stringify(run({ horizonDays: 400 }).result('x').daily);
  for (const [name, over] of late) {
    it(`a ${name} policy starting after the horizon gives the baseline's output bit for bit`, () => {
      expect(JSON.stringify(run({ horizonDays: 400, ...over }).result('x').daily)).toBe(base);
    });
  }

  it('a policy knob leaves the world (cells, households, residents) unchanged', () => {
    const a = new Simulation(knobs(), 9).model;
    const b = new Simulation(knobs({ handDown: true, intakePolicy: 'refuse-out-of-scope', outreachHoursPerWeek: 5 }), 9).model;
    expect(Array.from(b.world.cellStart)).toEqual(Array.from(a.world.cellStart));
    expect(Array.from(b.world.resHousehold.subarray(0, 5000))).toEqual(Array.from(a.world.resHousehold.subarray(0, 5000)));
    expect(Array.from(b.goods.contested)).toEqual(Array.from(a.goods.contested));
  });
});

describe('world', () => {
  it('places every resident in a cell and every cell in a unit', () => {
    const sim = new Simulation({ ...defaultKnobs(), ...SMALL } as Knobs, 1);
    const s = sim.model;
    expect(s.world.cellStart[s.world.C]).toBe(s.world.N);
    for (let c = 0; c < s.world.C; c++) {
      expect(s.world.cellStart[c + 1]).toBeGreaterThan(s.world.cellStart[c]);
      expect(s.world.cellUnit[c]).toBeGreaterThanOrEqual(0);
      expect(s.world.cellUnit[c]).toBeLessThan(s.world.U);
    }
    for (const r of [0, 1, 777, s.world.N - 1]) {
      const c = s.world.cellOf(r);
      expect(r).toBeGreaterThanOrEqual(s.world.cellStart[c]);
      expect(r).toBeLessThan(s.world.cellStart[c + 1]);
      expect(s.world.resHousehold[r]).toBeGreaterThanOrEqual(s.world.cellHouseholdStart[c]);
      expect(s.world.resHousehold[r]).toBeLessThan(s.world.cellHouseholdStart[c + 1]);
    }
    expect(sim.stateBytes().perResident).toBeLessThan(64);
  });

  it('frequent callers raise a share of needs far above their share of residents', () => {
    const s = new Simulation(knobs({ frequentCallerShare: 0.01, frequentCallerWeight: 20 }), 2).model;
    let freq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++)
      if ((s.world.res[s.world.pickInCell(s.world.pickCell(s.rng.needs), s.rng.needs) * RES_STRIDE + Res.FLAGS] & 3) === 2) freq++;
    // expected share: 0.01*20 / (0.84 + 0.15*3 + 0.01*20) ≈ 0.134
    expect(freq / n).toBeGreaterThan(0.1);
    expect(freq / n).toBeLessThan(0.17);
  });
});
