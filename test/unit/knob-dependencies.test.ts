// The inert-knob table (ui/knob-dependencies.ts) against the model: with a row's switch off, each of
// its knobs set to another allowed value leaves a run's summary and period records exactly as they were; with the switch
// on, the knob is not marked. And the panel's rule: a timeline change that turns the switch on
// makes the knobs act.
import { describe, expect, it } from 'vitest';
import { KNOBS, Simulation, type Knobs, type KnobSpec, type KnobValue } from '../../sim/index.ts';
import { KNOB_DEPENDENCIES, inertKnobs } from '../../ui/knob-dependencies.ts';
import { knobs as smallKnobs } from './sim-helpers.ts';

const SPEC = new Map<string, KnobSpec>(KNOBS.map((k) => [k.name, k]));

/** Another allowed value than `v`. */
function other(spec: KnobSpec, v: KnobValue): KnobValue {
  switch (spec.type) {
    case 'boolean':
      return !v;
    case 'enum':
      return (spec.options ?? []).find((o) => o !== v) as string;
    case 'date':
      return v === '2021-10-01' ? '2021-11-01' : '2021-10-01';
    default: {
      const lo = spec.min ?? 0;
      const hi = spec.max ?? (v as number) * 2 + 1;
      const x = v === hi ? lo : hi;
      return spec.type === 'integer' ? Math.round(x) : x;
    }
  }
}

/** A small world over a year, with the switch set to `value` (and every other row's switch met, so only this row can be unmet). */
function world(on: string, value: KnobValue, over: Record<string, KnobValue> = {}): Knobs {
  const met = Object.fromEntries(KNOB_DEPENDENCIES.filter((d) => d.on !== on).map((d) => [d.on, d.when]));
  return smallKnobs({ horizonDays: 365, residents: 8000, cells: 12, units: 8, ...met, [on]: value, ...over } as Partial<Knobs>);
}

/** What a run shows: its summary and its period records (grades and ranks). */
const summary = (k: Knobs) => {
  const sim = new Simulation(k, 3).run();
  return { summary: sim.summary(), periods: sim.periods };
};

describe('inert knobs', () => {
  it('every knob of the table exists, and every switch is a knob with that value allowed', () => {
    for (const d of KNOB_DEPENDENCIES) {
      const s = SPEC.get(d.on);
      expect(s, d.on).toBeDefined();
      if (s?.type === 'enum') expect(s.options).toContain(d.when);
      for (const k of d.knobs) expect(SPEC.get(k), k).toBeDefined();
      expect(d.reason.en).not.toBe('');
      expect(d.reason.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  for (const d of KNOB_DEPENDENCIES) {
    const off = other(SPEC.get(d.on)!, d.when);
    it(`with ${d.on}=${String(off)}, ${d.knobs.join(', ')} change nothing and are marked`, () => {
      const base = world(d.on, off);
      const marked = inertKnobs(base);
      const ref = summary(base);
      for (const name of d.knobs) {
        expect(
          marked.get(name)?.map((r) => r.en),
          name,
        ).toContain(d.reason.en);
        const changed = { ...base, [name]: other(SPEC.get(name)!, (base as unknown as Record<string, KnobValue>)[name]) } as Knobs;
        expect(summary(changed), `${name} with ${d.on} off`).toEqual(ref);
      }
      // the same knobs act when the switch is on: not marked, and the world is one where they matter
      const onKnobs = world(d.on, d.when);
      const on = inertKnobs(onKnobs);
      for (const name of d.knobs) expect(on.get(name)?.map((r) => r.en) ?? [], name).not.toContain(d.reason.en);
      const onRef = summary(onKnobs);
      const acts = d.knobs.filter(
        (name) =>
          JSON.stringify(
            summary({ ...onKnobs, [name]: other(SPEC.get(name)!, (onKnobs as unknown as Record<string, KnobValue>)[name]) } as Knobs),
          ) !== JSON.stringify(onRef),
      );
      expect(acts.length, `some of ${d.knobs.join(', ')} change the run with ${d.on} on`).toBeGreaterThan(0);
    }, 60_000);
  }

  it('a timeline change that turns the switch on makes the knobs act', () => {
    const k = world('publishUnreasonable', false);
    expect(inertKnobs(k).has('publishReach')).toBe(true);
    expect(inertKnobs(k, [{ date: '2021-06-01', knobs: { publishUnreasonable: true } }]).has('publishReach')).toBe(false);
  });

  it('one knob can be inert for two reasons (hall times: hand-down off and hall off)', () => {
    const k = world('handDown', false, { hall: false });
    expect(inertKnobs(k).get('hallStart')?.length).toBe(2);
  });
});
