import { describe, expect, it } from 'vitest';
import { KNOBS, defaultKnobs } from '../../sim/index.ts';
import { loadScenario } from '../../scenarios/loader.ts';
import { PRESETS, listPresets, presetKnobs } from '../../scenarios/presets.ts';

describe('presets', () => {
  const presets = listPresets();

  it('lists baseline first and includes pinggu-hand-down', () => {
    expect(presets[0].name).toBe('baseline');
    expect(Object.keys(PRESETS)).toContain('pinggu-hand-down');
  });

  it("every number knob's default, and its value in every preset and timeline, lies on the slider's steps (min + k x step), so the panel can show it", () => {
    const off: string[] = [];
    const check = (where: string, name: string, v: unknown) => {
      const spec = KNOBS.find((k) => k.name === name);
      if (spec?.type !== 'number' || spec.step === undefined || typeof v !== 'number') return;
      const q = (v - (spec.min ?? 0)) / spec.step;
      if (Math.abs(q - Math.round(q)) > 1e-6) off.push(`${where} ${name}=${v} (min ${spec.min}, step ${spec.step})`);
    };
    for (const [name, v] of Object.entries(defaultKnobs())) check('default', name, v);
    for (const p of presets) {
      for (const [name, v] of Object.entries(p.knobs)) check(p.name, name, v);
      for (const c of p.timeline ?? []) for (const [name, v] of Object.entries(c.knobs)) check(`${p.name} at ${c.date}`, name, v);
    }
    expect(off).toEqual([]);
  });

  it.each(presets.map((p) => [p.name, p] as const))('%s loads strictly with no problems and is complete', (name, p) => {
    const r = loadScenario({ preset: name, knobs: p.knobs });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.scenario.knobs).toEqual(presetKnobs(name));
    // A preset's timeline, when it has one, fits its own run: no change left out.
    expect(r.notes).toEqual([]);
    expect(r.scenario.timeline.length).toBe(p.timeline?.length ?? 0);
    expect(
      Object.keys(p)
        .filter((k) => k !== 'timeline')
        .sort(),
    ).toEqual(['description', 'knobs', 'name', 'passage', 'question', 'title']);
    for (const field of ['title', 'description', 'question'] as const) {
      expect(p[field].en.length, `${name}.${field}.en`).toBeGreaterThan(0);
      expect(p[field].zh.length, `${name}.${field}.zh`).toBeGreaterThan(0);
    }
    expect(p.passage).toMatch(/[\u4e00-\u9fff]/);
    expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('baseline is the knob defaults', () => {
    expect(PRESETS.baseline.knobs).toEqual({});
    expect(presetKnobs('baseline')).toEqual(defaultKnobs());
  });

  it('pinggu-hand-down turns hand-down on from 2021-07-01', () => {
    const k = presetKnobs('pinggu-hand-down')!;
    expect(k.handDown).toBe(true);
    expect(k.handDownStart).toBe('2021-07-01');
  });

  it('preset knobs name only real knobs', () => {
    const names = new Set(KNOBS.map((k) => k.name));
    for (const p of presets) for (const k of Object.keys(p.knobs)) expect(names.has(k), `${p.name}: ${k}`).toBe(true);
  });

  it('unknown preset has no knobs', () => {
    expect(presetKnobs('nope')).toBeUndefined();
  });
});
