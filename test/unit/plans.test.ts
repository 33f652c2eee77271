// Players' plans (sim/plans.ts, issue 13): a plan replaces one unit's leader within the unit's real
// limits, and without a plan every output is what the model gives on its own.
import { describe, expect, it } from 'vitest';
import { Simulation, type Knobs } from '../../sim/index.ts';
import { emptyPlan, type UnitPlan } from '../../sim/plans.ts';
import { knobs } from './sim-helpers.ts';

const K = (over: Partial<Knobs> = {}) => knobs({ horizonDays: 365, burnInDays: 60, ...over });
const plan = (over: Partial<UnitPlan>): UnitPlan => ({ ...emptyPlan(), ...over });

/** Run `periods` periods, calling `before(sim, round)` before each. */
function play(k: Knobs, periods: number, before: (sim: Simulation, round: number) => void, seed = 3): Simulation {
  const sim = new Simulation(k, seed);
  for (let r = 0; r < periods; r++) {
    before(sim, r);
    sim.runPeriod();
  }
  return sim;
}

describe('plans', () => {
  it('runPeriod runs exactly one assessment period', () => {
    const sim = new Simulation(K(), 1);
    const a = sim.runPeriod();
    const b = sim.runPeriod();
    expect(a?.index).toBe(0);
    expect(b?.index).toBe(1);
    expect(b?.startDay).toBe(a?.endDay);
    expect(sim.day).toBe(b?.endDay);
    expect(sim.periods).toHaveLength(2);
  });

  it('a plan table with no plan in force leaves every output as the model gives it', () => {
    const plain = play(K(), 4, () => {});
    const cleared = play(K(), 4, (sim, r) => {
      if (r === 0) {
        sim.setUnitPlan(1, plan({ paid: 1, fake: 1 }));
        sim.setUnitPlan(1, null);
      }
    });
    expect(cleared.model.plans.inUse).toBe(true);
    expect(JSON.stringify(cleared.result('x'))).toBe(JSON.stringify(plain.result('x')));
  });

  it('refuses a unit that does not exist', () => {
    const sim = new Simulation(K(), 1);
    expect(() => sim.setUnitPlan(99, emptyPlan())).toThrow(RangeError);
    expect(() => sim.setUnitPlan(-1, emptyPlan())).toThrow(RangeError);
  });

  it('clamps plan values to shares', () => {
    const sim = new Simulation(K(), 1);
    sim.setUnitPlan(0, { longterm: 7, overtime: -3, paid: Number.NaN, induced: Number.POSITIVE_INFINITY, fake: 0.5, appeals: 1 });
    expect(sim.model.plans.get(0)).toEqual({ longterm: 1, overtime: 0, paid: 0, induced: 0, fake: 0.5, appeals: 1 });
  });

  it('never spends more hours than the staff have, whatever the plan', () => {
    const k = K({ appealExclusion: true, appealStart: '2021-01-01' });
    const greedy = plan({ longterm: 0, overtime: 1, paid: 1, induced: 1, fake: 1, appeals: 1 });
    const sim = new Simulation(k, 5);
    const { plans, world, work } = sim.model;
    for (let u = 0; u < world.U; u++) sim.setUnitPlan(u, greedy);
    plans.resetHours();
    expect(sim.runPeriod()).not.toBeNull();
    for (let u = 0; u < world.U; u++) {
      const staff = work.staff[u];
      const h = plans.hoursPerDay(u);
      if (!h) throw new Error('no hours counted');
      expect(h.tickets + h.gaming + h.longterm).toBeLessThanOrEqual(staff * (k.hoursPerDay + k.maxOvertimeHours) + 1e-6);
      expect(h.overtime).toBeLessThanOrEqual(staff * k.maxOvertimeHours + 1e-6);
      // gaming acts cost hours, as in the model
      expect(h.gaming).toBeGreaterThan(0);
    }
  });

  it('hours kept for long-term work go to long-term work and keep up the upkeep', () => {
    // a busy street (4 staff per 10,000), where tickets would take the hours a plan keeps
    const run = (longterm: number) =>
      play(K({ gamingPropensity: 0, staffPer10k: 4 }), 6, (sim, r) => {
        if (r === 0) sim.setUnitPlan(0, plan({ longterm, overtime: 0 }));
        if (r === 5) sim.model.plans.resetHours();
      });
    const none = run(0);
    const half = run(0.6);
    const hNone = none.model.plans.hoursPerDay(0);
    const hHalf = half.model.plans.hoursPerDay(0);
    if (!hNone || !hHalf) throw new Error('no hours counted');
    expect(hHalf.longterm).toBeGreaterThan(hNone.longterm);
    // at least the kept share of the regular hours went to long-term work every day
    expect(hHalf.longterm).toBeGreaterThanOrEqual(0.6 * half.model.work.staff[0] * K().hoursPerDay - 1e-9);
    expect(half.model.work.upkeep[0]).toBeGreaterThan(none.model.work.upkeep[0]);
    // the hours kept from tickets leave tickets waiting
    expect(hHalf.tickets).toBeLessThanOrEqual(hNone.tickets);
  });

  it('a gaming plan games where the model leaders do not, and audits catch it', () => {
    // model leaders never game (no propensity), every unit is audited and every audit detects
    const k = K({ gamingPropensity: 0, auditRate: 1, auditDetection: 1 });
    const sim = play(k, 3, (s, r) => {
      if (r === 1) s.setUnitPlan(2, plan({ paid: 1, fake: 1, induced: 1 }));
    });
    const [p0, p1, p2] = sim.periods;
    expect(p0.units.every((x) => !x.caught)).toBe(true);
    // the plan took effect from period 1 on; only unit 2 gamed, and it was caught
    expect(p1.units.filter((x) => x.caught).map((x) => x.unit)).toEqual([2]);
    expect(p2.units.filter((x) => x.caught).map((x) => x.unit)).toEqual([2]);
    expect(p2.units[2].gamingIntensity).toBe(1);
    const d = sim.daily;
    let paid = 0;
    let fake = 0;
    for (let i = p2.startDay; i < p2.endDay; i++) {
      paid += d.gaming_paid[i];
      fake += d.gaming_fake[i];
    }
    expect(paid).toBeGreaterThan(0);
    expect(fake).toBeGreaterThan(0);
  });

  it('a tactic its knob forbids stays unplayed', () => {
    const k = K({ gamingPropensity: 0, gamingPaid: false, gamingFake: false, gamingInduced: false });
    const sim = play(k, 2, (s, r) => {
      if (r === 0) for (let u = 0; u < s.model.world.U; u++) s.setUnitPlan(u, plan({ paid: 1, fake: 1, induced: 1 }));
    });
    const d = sim.daily;
    for (let i = 0; i < sim.day; i++) expect(d.gaming_paid[i] + d.gaming_fake[i] + d.gaming_induced[i]).toBe(0);
  });

  it('the same plans and policy changes in the same rounds replay bit for bit', () => {
    const script = (sim: Simulation, r: number) => {
      if (r === 1) sim.setUnitPlan(0, plan({ longterm: 0.3, overtime: 0.5, paid: 0.4 }));
      if (r === 2) sim.configure({ cadence: 'bimonthly', rankingMode: 'grades', auditRate: 0.5 });
      if (r === 3) sim.setUnitPlan(3, plan({ fake: 0.8 }));
      if (r === 4) sim.setUnitPlan(0, null);
    };
    const a = play(K(), 6, script, 11);
    const b = play(K(), 6, script, 11);
    expect(JSON.stringify(b.result('x'))).toBe(JSON.stringify(a.result('x')));
    // the cadence change made later periods two months long
    const last = a.periods[a.periods.length - 1];
    expect(last.endDay - last.startDay).toBeGreaterThan(55);
    expect(last.units[0].grade).not.toBeNull();
  });
});
