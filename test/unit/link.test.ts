import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOBS, MODEL, defaultKnobs, type Knobs, type KnobSpec } from '../../sim/index.ts';
import { MAX_LINK_LENGTH, parseLink, scenarioToLink, scenarioToQuery } from '../../scenarios/link.ts';
import { presetKnobs, presetNames } from '../../scenarios/presets.ts';

const DAY = 86_400_000;
const MIN_DATE = Date.UTC(1900, 0, 1);
const MAX_DATE = Date.UTC(2199, 11, 31);

/** Any valid value of one knob, with the default now and then so both link paths are exercised. */
function knobArb(k: KnobSpec): fc.Arbitrary<number | boolean | string> {
  let arb: fc.Arbitrary<number | boolean | string>;
  switch (k.type) {
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'enum':
      arb = fc.constantFrom(...(k.options ?? []));
      break;
    case 'date':
      arb = fc.integer({ min: 0, max: (MAX_DATE - MIN_DATE) / DAY }).map((d) => new Date(MIN_DATE + d * DAY).toISOString().slice(0, 10));
      break;
    case 'integer':
      arb = fc.integer({ min: k.min ?? -1e9, max: k.max ?? 1e9 });
      break;
    case 'number':
      arb = fc.double({ min: k.min ?? -1e9, max: k.max ?? 1e9, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
      break;
  }
  return fc.oneof({ arbitrary: fc.constant(k.default), weight: 1 }, { arbitrary: arb, weight: 3 });
}

/** A valid, consistent world: districts <= units <= cells <= residents. */
const knobsArb: fc.Arbitrary<Knobs> = fc.record(Object.fromEntries(KNOBS.map((k) => [k.name, knobArb(k)]))).map((raw) => {
  const k = raw as unknown as Knobs;
  k.districts = Math.min(k.districts, k.units);
  k.cells = Math.max(k.cells, k.units);
  k.residents = Math.max(k.residents, k.cells);
  return k;
});

const scenarioArb = fc.record({
  preset: fc.constantFrom(...presetNames()),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  lang: fc.constantFrom('en' as const, 'zh' as const, undefined),
  knobs: knobsArb,
  // No changes (the timeline's own round trip is fuzzed in timeline.test.ts); given, so that a
  // preset's timeline never meets a random start date.
  timeline: fc.constant([]),
});

describe('scenarioToQuery', () => {
  it('writes preset, seed, version, language, then only changed knobs in schema order', () => {
    const knobs = { ...defaultKnobs(), cadence: 'bimonthly' as const, handDown: true };
    expect(scenarioToQuery({ preset: 'baseline', seed: 42, lang: 'zh', knobs })).toBe(
      `?preset=baseline&seed=42&v=${MODEL.version}&lang=zh&handDown=true&cadence=bimonthly`,
    );
  });

  it('writes nothing for knobs equal to the preset, and writes what differs from a non-baseline preset', () => {
    const pinggu = presetKnobs('pinggu-hand-down')!;
    expect(scenarioToQuery({ preset: 'pinggu-hand-down', seed: 1, knobs: pinggu })).toBe(
      `?preset=pinggu-hand-down&seed=1&v=${MODEL.version}`,
    );
    expect(scenarioToQuery({ preset: 'pinggu-hand-down', seed: 1, knobs: { ...pinggu, handDown: false } })).toMatch(/&handDown=false$/);
  });

  it('prints numbers minimally and accepts partial knobs', () => {
    const q = scenarioToQuery({
      preset: 'baseline',
      seed: 7,
      knobs: { councilSkill: 0.5, residents: 21_900_000, observerLearning: 0.005 },
    });
    expect(q).toContain('residents=21900000');
    expect(q).toContain('councilSkill=0.5');
    expect(q).toContain('observerLearning=0.005');
  });
});

describe('parseLink', () => {
  it('round-trips any valid scenario exactly (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const r = parseLink(scenarioToQuery(x));
        expect(r.problems).toEqual([]);
        expect(r.ok).toBe(true);
        expect(r.scenario).toEqual({ preset: x.preset, knobs: x.knobs, timeline: [] });
        expect(r.seed).toBe(x.seed);
        expect(r.lang).toBe(x.lang);
        expect(r.versionMismatch).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips through a full URL on any host and sub-path, in search or hash', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom('https://a.example/', 'http://localhost:5173/hotline/lab/index.html', 'file:///tmp/dist/'),
        (x, base) => {
          const q = scenarioToQuery(x);
          for (const url of [scenarioToLink(base, x), `${base}#${q}`, `${base}#/run${q}`, `${base}#${q.slice(1)}`]) {
            const r = parseLink(url);
            expect(r.problems).toEqual([]);
            expect(r.scenario.knobs).toEqual(x.knobs);
            expect(r.seed).toBe(x.seed);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('accepts a bare query without "?" and defaults preset and seed', () => {
    const r = parseLink('handDown=on');
    expect(r.scenario.preset).toBe('baseline');
    expect(r.seed).toBe(1);
    expect(r.scenario.knobs.handDown).toBe(true);
    expect(parseLink('').scenario.knobs).toEqual(defaultKnobs());
    expect(parseLink('https://example.org/').problems).toEqual([]);
  });

  it('puts reserved app parameters in extras', () => {
    const r = parseLink('https://x.org/app/?preset=baseline&view=village&cell=12&embed=1&v=0.1.0#story=pinggu');
    expect(r.extras).toEqual({ view: 'village', cell: '12', embed: '1', v: '0.1.0', story: 'pinggu' });
    expect(r.problems).toEqual([]);
  });

  it('flags a version mismatch', () => {
    const r = parseLink('?preset=baseline&v=0.0.1');
    expect(r.version).toBe('0.0.1');
    expect(r.versionMismatch).toBe(true);
    expect(parseLink('?preset=baseline').versionMismatch).toBe(false);
  });

  it('is lenient: bad values become problems and the preset values are used', () => {
    const r = parseLink('?preset=pinggu-hand-down&seed=-4&handDown=perhaps&cells=abc&cadence=weekly&handown=1&lang=fr');
    expect(r.ok).toBe(true);
    expect(r.seed).toBe(1);
    expect(r.lang).toBeUndefined();
    expect(r.scenario.knobs).toEqual(presetKnobs('pinggu-hand-down'));
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual(['cadence', 'cells', 'handDown', 'handown', 'lang', 'seed']);
    expect(byField.handown.message).toBe("unknown link parameter 'handown': did you mean 'handDown'?");
    expect(byField.handDown.used).toBe('true');
    expect(byField.cells.used).toBe('275');
    expect(byField.cells.message).toMatch(/'cells' = 'abc' is not a number/);
    expect(byField.seed.used).toBe('1');
  });

  it('falls back to baseline for an unknown preset', () => {
    const r = parseLink('?preset=nowhere&handDown=true');
    expect(r.scenario.preset).toBe('baseline');
    expect(r.scenario.knobs.handDown).toBe(true);
    expect(r.problems[0].message).toMatch(/unknown preset 'nowhere': known presets are baseline/);
  });

  it('reports repeated parameters, the last one counting', () => {
    const r = parseLink('?seed=3&seed=4');
    expect(r.seed).toBe(4);
    expect(r.problems[0].message).toMatch(/given more than once/);
  });

  it('decodes percent-encoding', () => {
    expect(parseLink('?intakePolicy=refuse%2Dout%2Dof%2Dscope').scenario.knobs.intakePolicy).toBe('refuse-out-of-scope');
  });

  it('refuses a link over 8,000 characters', () => {
    const r = parseLink('?preset=baseline&x=' + 'a'.repeat(MAX_LINK_LENGTH));
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toMatch(/too long, the limit is 8000/);
    expect(r.scenario.knobs).toEqual(defaultKnobs());
  });

  // Random text is fuzzed in fuzz.test.ts (10,000 cases, every knob and problem checked).
  it('reads a malformed percent escape as text instead of failing', () => {
    const r = parseLink('?%E0%A4%A=1');
    expect(r.ok).toBe(true);
    expect(r.scenario).toEqual({ preset: 'baseline', knobs: defaultKnobs(), timeline: [] });
    expect(r.problems).toMatchObject([{ value: '1', used: 'ignored', code: 'unknown-param' }]);
    expect(r.problems[0].message).toMatch(/^unknown link parameter '.*%A'$/);
  });
});
