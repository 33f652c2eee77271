// The configure seam (Simulation.configure, sim/model.ts): deriving parameters from the knobs touches no state, so a
// policy change can re-run it in the middle of a run, on the day of the change.
import { describe, expect, it } from 'vitest';
import { Simulation, type Knobs } from '../../sim/index.ts';
import { PIPELINE } from '../../sim/model.ts';
import { knobs } from './sim-helpers.ts';

const ALL_ON: Partial<Knobs> = {
  horizonDays: 400,
  handDown: true,
  handDownStart: '2021-02-01',
  hall: true,
  hallStart: '2021-03-01',
  intakePolicy: 'refuse-out-of-scope',
  refuseStart: '2021-04-01',
  publishUnreasonable: true,
  appealExclusion: true,
  appealStart: '2021-03-01',
  outreachHoursPerWeek: 8,
  educationCampaign: true,
  educationStart: '2021-05-01',
  gamingPropensity: 3,
  gamingPaid: true,
  gamingInduced: true,
  gamingFake: true,
  districtLayer: true,
  districts: 2,
};

/** Run to the horizon, calling `before(sim)` at the start of every day. */
function runWith(k: Knobs, before: (sim: Simulation) => void): Simulation {
  const sim = new Simulation(k, 3, { watchCell: 2 });
  while (!sim.done) {
    before(sim);
    sim.step();
  }
  return sim;
}

describe('configure', () => {
  it('re-run every day with the same knobs, changes nothing, bit for bit', () => {
    const k = knobs(ALL_ON);
    const plain = runWith(k, () => {});
    const again = runWith(k, (sim) => sim.configure(k));
    expect(JSON.stringify(again.result('x'))).toBe(JSON.stringify(plain.result('x')));
    expect(again.model.events.drain()).toEqual(plain.model.events.drain());
  });

  it('switches a policy on from the day it is re-run with new knobs, and leaves the days before alone', () => {
    const k = knobs({ horizonDays: 300 });
    const refuse = { ...k, intakePolicy: 'refuse-out-of-scope', refuseStart: k.startDate } as Knobs;
    const change = 150;
    const base = runWith(k, () => {});
    const changed = runWith(k, (sim) => {
      if (sim.day === change) sim.configure(refuse);
    });
    const refused = changed.daily.tickets_refused;
    expect(Array.from(refused.subarray(0, change)).every((v) => v === 0)).toBe(true);
    expect(refused.subarray(change).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const m of ['tickets_filed', 'staff_hours_tickets', 'reported_satisfaction'] as const) {
      expect(Array.from(changed.daily[m].subarray(0, change)), m).toEqual(Array.from(base.daily[m].subarray(0, change)));
    }
  });

  it('names every phase of the day once, in MODEL.md order', () => {
    const names = PIPELINE.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    const at = (n: string) => names.indexOf(n);
    expect(at('new day')).toBe(0);
    expect(at('personal needs')).toBeLessThan(at('work'));
    expect(at('work')).toBeLessThan(at('assessment'));
    expect(names[names.length - 1]).toBe('record');
  });
});
