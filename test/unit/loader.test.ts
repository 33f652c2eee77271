import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KNOBS, defaultKnobs } from '../../sim/index.ts';
import {
  MAX_SCENARIO_BYTES,
  editDistance,
  isCalendarDate,
  loadScenario,
  loadScenarioText,
  nearest,
  parseKnobValue,
  parseNumberText,
  sizeProblem,
} from '../../scenarios/loader.ts';
import { presetKnobs } from '../../scenarios/presets.ts';

/** The one problem a strict load reports, asserting there is exactly one. */
function oneProblem(input: unknown) {
  const r = loadScenario(input);
  expect(r.ok).toBe(false);
  expect(r.problems).toHaveLength(1);
  return r.problems[0];
}

describe('loadScenario: good input', () => {
  it('an empty object is the baseline at seed 1 with every knob at its default', () => {
    const r = loadScenario({});
    expect(r).toEqual({
      ok: true,
      scenario: { preset: 'baseline', knobs: defaultKnobs(), timeline: [] },
      seed: 1,
      problems: [],
      notes: [],
    });
  });

  it('applies a preset, then overrides, and keeps the seed', () => {
    const r = loadScenario({ preset: 'pinggu-hand-down', seed: 42, knobs: { cadence: 'quarterly', residents: 5000 } });
    expect(r.ok).toBe(true);
    expect(r.seed).toBe(42);
    expect(r.scenario.preset).toBe('pinggu-hand-down');
    expect(r.scenario.knobs.handDown).toBe(true);
    expect(r.scenario.knobs.cadence).toBe('quarterly');
    expect(r.scenario.knobs.residents).toBe(5000);
  });

  it('accepts the edges of every numeric range and every enum option', () => {
    // Every number at its maximum together, then every one at its minimum together (each world
    // stays consistent: cells >= units >= districts, residents >= cells).
    for (const edge of ['max', 'min'] as const) {
      const knobs: Record<string, unknown> = {};
      for (const k of KNOBS) if (k.type === 'number' || k.type === 'integer') knobs[k.name] = k[edge];
      const r = loadScenario({ knobs });
      expect(r.problems, edge).toEqual([]);
      expect(r.scenario.knobs, edge).toMatchObject(knobs);
    }
    for (const k of KNOBS.filter((x) => x.type === 'enum')) {
      for (const o of k.options ?? []) expect(loadScenario({ knobs: { [k.name]: o } }).ok).toBe(true);
    }
  });

  it('accepts seeds 0 and 2^32 - 1 and a description', () => {
    expect(loadScenario({ seed: 0 }).seed).toBe(0);
    expect(loadScenario({ seed: 2 ** 32 - 1, description: 'note' }).ok).toBe(true);
  });
});

describe('loadScenario: every kind of problem names field, value and what is allowed', () => {
  it('non-object input', () => {
    for (const bad of [null, 5, 'baseline', [1, 2], true, undefined]) {
      const p = oneProblem(bad);
      expect(p.field).toBe('(input)');
      expect(p.message).toMatch(/must be a JSON object/);
    }
  });

  it('unknown top-level field, with a suggestion', () => {
    const p = oneProblem({ presett: 'baseline' });
    expect(p).toMatchObject({ field: 'presett', value: 'baseline' });
    expect(p.message).toBe("unknown field 'presett': did you mean 'preset'?");
  });

  it('a knob at the top level is pointed inside "knobs"', () => {
    const p = oneProblem({ handDown: true });
    expect(p.message).toMatch(/'handDown' is a knob and goes inside "knobs"/);
  });

  it('unknown knob, with the nearest knob name', () => {
    const p = oneProblem({ knobs: { handown: true } });
    expect(p.field).toBe('knobs.handown');
    expect(p.message).toBe("unknown knob 'handown': did you mean 'handDown'?");
    expect(oneProblem({ knobs: { xyzzyplugh: 1 } }).message).toMatch(/unknown knob 'xyzzyplugh'; see/);
  });

  it('unknown preset lists the known presets and suggests', () => {
    const p = oneProblem({ preset: 'pinggu' });
    expect(p.field).toBe('preset');
    expect(p.message).toMatch(/unknown preset 'pinggu': known presets are baseline, .*pinggu-hand-down/);
    expect(p.message).toMatch(/did you mean 'pinggu-hand-down'/);
    expect(oneProblem({ preset: 7 }).message).toMatch(/unknown preset 7/);
  });

  it('seed must be a non-negative integer below 2^32', () => {
    for (const bad of [-1, 1.5, 2 ** 32, '12', NaN, null]) {
      const p = oneProblem({ seed: bad });
      expect(p.field).toBe('seed');
      expect(p.message).toMatch(/must be an integer from 0 to 4294967295/);
    }
  });

  it('knobs must be an object', () => {
    const p = oneProblem({ knobs: [1] });
    expect(p.field).toBe('knobs');
    expect(p.message).toMatch(/must be an object/);
  });

  it('wrong types', () => {
    expect(oneProblem({ knobs: { handDown: 'true' } }).message).toBe("knob 'handDown' = 'true' is not a boolean: must be true or false");
    expect(oneProblem({ knobs: { residents: '5000' } }).message).toMatch(/is not a number: must be an integer from 20 to 30000000/);
    expect(oneProblem({ knobs: { cadence: 3 } }).message).toMatch(/is not text: must be one of monthly, bimonthly, quarterly/);
    expect(oneProblem({ knobs: { startDate: 20210101 } }).message).toMatch(/is not text: must be a date YYYY-MM-DD/);
  });

  it('out of range, non-integer, non-finite', () => {
    const below = oneProblem({ knobs: { councilSkill: -0.1 } });
    expect(below).toMatchObject({ field: 'councilSkill', value: '-0.1' });
    expect(below.message).toBe("knob 'councilSkill' = -0.1 is below the minimum: must be a number from 0 to 1");
    expect(oneProblem({ knobs: { residents: 40_000_000 } }).message).toMatch(/above the maximum/);
    expect(oneProblem({ knobs: { units: 2.5 } }).message).toMatch(/'units' = 2.5 is not an integer/);
    expect(oneProblem({ knobs: { hoursPerDay: Infinity } }).message).toMatch(/not finite/);
  });

  it('enum options', () => {
    const p = oneProblem({ knobs: { cadence: 'weekly' } });
    expect(p).toMatchObject({ field: 'cadence', value: 'weekly' });
    expect(p.message).toMatch(/must be one of monthly, bimonthly, quarterly/);
  });

  it('dates: form and real calendar dates', () => {
    expect(oneProblem({ knobs: { startDate: '2021-7-1' } }).message).toMatch(/not in the form YYYY-MM-DD/);
    expect(oneProblem({ knobs: { startDate: '2021-02-29' } }).message).toMatch(/not a calendar date/);
    expect(oneProblem({ knobs: { handDownStart: '2021-13-01' } }).message).toMatch(/'handDownStart' = '2021-13-01'/);
    expect(loadScenario({ knobs: { startDate: '2024-02-29' } }).ok).toBe(true);
  });

  it('world consistency across knobs', () => {
    const p = oneProblem({ knobs: { units: 20, cells: 10 } });
    expect(p.message).toBe('cells = 10 is fewer than units = 20: every unit needs at least one cell');
    expect(oneProblem({ knobs: { districts: 5, units: 3, cells: 10 } }).message).toMatch(/units = 3 is fewer than districts = 5/);
    expect(oneProblem({ knobs: { residents: 100, cells: 500 } }).message).toMatch(/residents = 100 is fewer than cells = 500/);
  });

  it('reports every problem at once', () => {
    const r = loadScenario({ preset: 'nope', seed: -2, sed: 1, knobs: { handown: 1, cadence: 'weekly', units: 0.5 } });
    expect(r.problems.map((p) => p.field).sort()).toEqual(['cadence', 'knobs.handown', 'preset', 'sed', 'seed', 'units'].sort());
  });

  it('never throws, even on hostile input', () => {
    const hostile = {
      get preset(): string {
        throw new Error('boom');
      },
    };
    const r = loadScenario(hostile);
    expect(r.ok).toBe(false);
    expect(r.problems[0].message).toMatch(/could not read the scenario: boom/);
    expect(loadScenario(Object.create(null)).ok).toBe(true);
  });
});

describe('loadScenario: lenient mode', () => {
  it('drops each bad field, uses the preset value and says so', () => {
    const r = loadScenario(
      { preset: 'pinggu-hand-down', seed: 3, knobs: { handDown: 'yes', councilSkill: 2, cadence: 'quarterly', handown: 1 } },
      { lenient: true },
    );
    expect(r.ok).toBe(true);
    expect(r.seed).toBe(3);
    expect(r.scenario.knobs.handDown).toBe(true);
    expect(r.scenario.knobs.councilSkill).toBe(0.35);
    expect(r.scenario.knobs.cadence).toBe('quarterly');
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.used]));
    expect(byField).toEqual({ handDown: 'true', councilSkill: '0.35', 'knobs.handown': 'ignored' });
  });

  it('falls back to baseline for an unknown preset and seed 1 for a bad seed', () => {
    const r = loadScenario({ preset: 'x', seed: 'y' }, { lenient: true });
    expect(r.ok).toBe(true);
    expect(r.scenario.preset).toBe('baseline');
    expect(r.seed).toBe(1);
    expect(r.problems.map((p) => p.used)).toEqual(['baseline', '1']);
  });

  it('restores a consistent world when overrides conflict', () => {
    const r = loadScenario({ knobs: { units: 50, cells: 20 } }, { lenient: true });
    const base = presetKnobs('baseline')!;
    expect(r.scenario.knobs.units).toBe(base.units);
    expect(r.scenario.knobs.cells).toBe(base.cells);
    expect(r.problems[0].used).toBe(`cells=${base.cells}, units=${base.units}`);
  });
});

describe('loadScenarioText', () => {
  it('parses JSON and validates it', () => {
    expect(loadScenarioText('{"preset":"pinggu-hand-down","seed":9}').scenario.knobs.handDown).toBe(true);
    expect(loadScenarioText('\uFEFF{"seed": 2}').seed).toBe(2);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = loadScenarioText('{\n  "preset": "baseline",\n  "seed": 1,,\n}');
    expect(r.ok).toBe(false);
    expect(r.problems[0].field).toBe('(json)');
    expect(r.problems[0].message).toMatch(/^invalid JSON at line 3 column \d+/);
    expect(loadScenarioText('').problems[0].message).toMatch(/empty/);
    expect(loadScenarioText('{"seed": 1').problems[0].message).toMatch(/invalid JSON at line 1/);
  });

  it('refuses text over 1 MB', () => {
    const big = '{"description": "' + 'x'.repeat(MAX_SCENARIO_BYTES) + '"}';
    const r = loadScenarioText(big);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([sizeProblem('(input)', 'scenario text', big.length, MAX_SCENARIO_BYTES)]);
    expect(r.problems[0].message).toBe('scenario text is 1000019 bytes: too large, the limit is 1000000 bytes (1 MB)');
  });
});

describe('parseKnobValue (from --set and links)', () => {
  it('booleans in every spelling', () => {
    for (const t of ['true', 'TRUE', '1', 'on', 'yes'])
      expect(parseKnobValue('handDown', t)).toEqual({ ok: true, name: 'handDown', value: true });
    for (const t of ['false', '0', 'off', 'No'])
      expect(parseKnobValue('handDown', t)).toEqual({ ok: true, name: 'handDown', value: false });
    const bad = parseKnobValue('handDown', 'maybe');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.message).toMatch(/'handDown' = 'maybe' is not a boolean/);
  });

  it('numbers, integers with underscores, exponents', () => {
    expect(parseKnobValue('residents', '21_900_000')).toMatchObject({ ok: true, value: 21_900_000 });
    expect(parseKnobValue('councilSkill', '.5')).toMatchObject({ ok: true, value: 0.5 });
    expect(parseKnobValue('residents', '1e6')).toMatchObject({ ok: true, value: 1e6 });
    expect(parseKnobValue('residents', '1.5').ok).toBe(false);
    expect(parseKnobValue('residents', '').ok).toBe(false);
    expect(parseKnobValue('residents', '0x10').ok).toBe(false);
    expect(parseKnobValue('councilSkill', '1.5').ok).toBe(false);
  });

  it('enums case-insensitively, dates checked', () => {
    expect(parseKnobValue('cadence', 'Quarterly')).toMatchObject({ ok: true, value: 'quarterly' });
    expect(parseKnobValue('cadence', 'weekly').ok).toBe(false);
    expect(parseKnobValue('handDownStart', '2022-03-01')).toMatchObject({ ok: true, value: '2022-03-01' });
    expect(parseKnobValue('handDownStart', '2022-02-30').ok).toBe(false);
  });

  it('unknown knob suggests the nearest', () => {
    const r = parseKnobValue('cadance', 'monthly');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toBe("unknown knob 'cadance': did you mean 'cadence'?");
  });
});

describe('the size limit', () => {
  it('is one check with one message: at the limit accepted, one byte over refused', () => {
    expect(sizeProblem('(file)', 'the file', 50_000_000, 50_000_000)).toBeUndefined();
    expect(sizeProblem('(file)', 'the file', 50_000_001, 50_000_000)).toEqual({
      field: '(file)',
      value: '50000001 bytes',
      message: 'the file is 50000001 bytes: too large, the limit is 50000000 bytes (50 MB)',
      code: 'too-large',
      detail: { bytes: 50_000_001, limit: 50_000_000 },
    });
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 340,000 three-byte characters: 1,020,000 bytes in 340,000 characters.
    const r = loadScenarioText(`{"description": "${'中'.repeat(340_000)}"}`);
    expect(r.problems[0].message).toBe('scenario text is 1020019 bytes: too large, the limit is 1000000 bytes (1 MB)');
    expect(loadScenarioText(`{"description": "${'中'.repeat(330_000)}"}`).ok).toBe(true);
  });
});

describe('helpers', () => {
  it('edit distance and nearest', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(nearest('handown', ['handDown', 'hall'])).toBe('handDown');
    expect(nearest('zzzzzz', ['handDown', 'hall'])).toBeUndefined();
  });

  it('nearest gives what measuring every candidate in full gives (its early stops change nothing)', () => {
    // The plain rule: the first candidate at the least full edit distance, if within a third of
    // the longer name (at least 2), else the only candidate the name starts, else none.
    const plain = (name: string, cands: readonly string[]): string | undefined => {
      let best: string | undefined;
      let bestD = Infinity;
      for (const c of cands) {
        const d = editDistance(name.toLowerCase(), c.toLowerCase());
        if (d < bestD) [best, bestD] = [c, d];
      }
      if (best === undefined) return undefined;
      if (bestD <= Math.max(2, Math.floor(Math.max(name.length, best.length) / 3))) return best;
      const pre = name.length >= 3 ? cands.filter((c) => c.toLowerCase().startsWith(name.toLowerCase())) : [];
      return pre.length === 1 ? pre[0] : undefined;
    };
    const names = KNOBS.map((k) => k.name);
    const short = ['hall', 'handDown', 'pinggu-hand-down', 'pinggu', 'a', ''];
    const words = fc.oneof(
      fc
        .constantFrom(...names)
        .chain((n) =>
          fc
            .tuple(fc.constant(n), fc.nat(n.length), fc.nat(n.length), fc.string({ maxLength: 3 }))
            .map(([w, i, j, x]) => w.slice(0, Math.min(i, j)) + x + w.slice(Math.max(i, j))),
        ),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    fc.assert(fc.property(words, fc.constantFrom(names, short, [] as string[]), check), { numRuns: 3000, seed: 7 });
    // Small alphabets, so distances land on the limits and ties are common.
    const abc = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A'), maxLength: 10 });
    fc.assert(fc.property(abc, fc.array(abc, { maxLength: 6 }), check), { numRuns: 5000, seed: 8 });
    function check(w: string, cands: readonly string[]): void {
      const want = plain(w, cands);
      // twice: the second answer comes from the memo
      if (nearest(w, cands) !== want || nearest(w, cands) !== want) expect([w, cands, nearest(w, cands)]).toEqual([w, cands, want]);
    }
  });

  it('calendar dates', () => {
    expect(isCalendarDate('2021-07-01')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2021-04-31')).toBe(false);
  });

  it('number text', () => {
    expect(parseNumberText(' 42 ')).toBe(42);
    expect(parseNumberText('1__0')).toBeUndefined();
    expect(parseNumberText('1_')).toBeUndefined();
    expect(parseNumberText('abc')).toBeUndefined();
  });
});
