// Property-based fuzzing of every input boundary: links, scenario JSON, --set, file import,
// experiment JSON and the exp= link parameter.
// Each boundary gets HL_FUZZ_RUNS cases (10,000 by default in CI; more in a long run):
// never an exception, always either a valid scenario or messages that name a field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KNOBS, knobSpec, defaultKnobs, MODEL } from '../../sim/index.ts';
import { checkKnobValue, loadScenario, loadScenarioText, parseKnobValue, checkSeed, type LoadResult } from '../../scenarios/loader.ts';
import { parseLink, scenarioToQuery } from '../../scenarios/link.ts';
import { importText, MAX_IMPORT_BYTES } from '../../scenarios/import.ts';
import { presetNames } from '../../scenarios/presets.ts';
import { dailyCsv, resultJson } from '../../scenarios/export.ts';
import { Simulation } from '../../sim/index.ts';
import { problemMessage } from '../../ui/problem-text.ts';
import { loadExperiment, loadExperimentText, parseExperimentParam, type ExperimentLoad } from '../../experiments/index.ts';

const RUNS = Number(process.env.HL_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.HL_FUZZ_SEED ?? 4242);
const opts = { numRuns: RUNS, seed: SEED };
const T = 300_000;

const names = KNOBS.map((k) => k.name);
const PRESETS = new Set(presetNames());
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><b>x</b>',
  "'); DROP TABLE",
  '&lt;&#x3C;',
  '\u202e\u0000\ud800',
];

/**
 * What is wrong with a load result, if anything: a usable scenario (every knob valid, seed valid)
 * and problems that each name a field and can be said in Chinese. Plain checks rather than one
 * `expect` per knob: 10,000 cases x 95 knobs of `expect` cost most of this file's time, and the
 * property is the same. Empty when the result is well formed.
 */
function malformed(r: LoadResult): string[] {
  const bad: string[] = [];
  if (typeof r.ok !== 'boolean') bad.push(`ok is ${typeof r.ok}`);
  if (!PRESETS.has(r.scenario.preset)) bad.push(`unknown preset ${String(r.scenario.preset)}`);
  const knobs = r.scenario.knobs as unknown as Record<string, unknown>;
  for (const k of KNOBS) if (!checkKnobValue(k, knobs[k.name]).ok) bad.push(`${k.name}=${String(knobs[k.name])}`);
  if (!checkSeed(r.seed).ok) bad.push(`seed ${String(r.seed)}`);
  for (const p of r.problems) {
    // field may be '' when the input's own key is empty
    if (typeof p.field !== 'string') bad.push(`problem field is ${typeof p.field}`);
    if (!(p.message.length > 0)) bad.push('empty problem message');
    // machine-readable, so the app can say it in Chinese (ui/problem-text.ts)
    if (!p.code) bad.push(`no code: ${p.message}`);
    else if (problemMessage('zh', p) === p.message) bad.push(`no Chinese text: ${p.message}`);
  }
  if (!r.ok && r.problems.length === 0) bad.push('not ok, and no problem named');
  return bad;
}

/** Fails (with every reason) unless the result is well formed. */
function wellFormed(r: LoadResult): void {
  const bad = malformed(r);
  if (bad.length) expect(bad, JSON.stringify(r.problems).slice(0, 500)).toEqual([]);
}

// Text that looks like values people type: numbers, words, booleans, dates, markup, noise.
const valueText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    'true',
    'false',
    'on',
    'off',
    'yes',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    '1_000',
    '',
    ' ',
    '2021-02-30',
    '2021-07-01',
    'monthly',
    'GRADES',
  ),
  fc.constantFrom(...MARKUP),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
/** encodeURIComponent that does not throw on lone surrogates (they become U+FFFD, as browsers do). */
const enc = (x: string) =>
  encodeURIComponent(
    x.replace(/[\ud800-\udfff]/g, (c, i, str) =>
      /[\ud800-\udbff][\udc00-\udfff]/.test(str.slice(i, i + 2)) || /[\ud800-\udbff][\udc00-\udfff]/.test(str.slice(i - 1, i + 1))
        ? c
        : '\ufffd',
    ),
  );
// Known names, random text and markup as keys. Markup is one key in ten, not one in three: an
// unknown key costs an edit-distance search over every knob name (for "did you mean"), and the six
// long markup strings made two thirds of this file's time while adding six keys' worth of variety
// (the markup test below checks each of them, and markup stays one value in six).
const keyText = fc.oneof(
  { arbitrary: fc.constantFrom(...names, 'preset', 'seed', 'lang', 'v', 'embed', 'view'), weight: 5 },
  { arbitrary: fc.string({ maxLength: 15 }), weight: 4 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 1 },
);

describe('fuzz: links', () => {
  it(
    'random text never throws and yields a usable scenario',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(parseLink(s))),
        opts,
      );
    },
    T,
  );

  it(
    'random queries of known and unknown parameters',
    () => {
      const q = fc
        .array(fc.tuple(keyText, valueText), { maxLength: 12 })
        .map((pairs) => '?' + pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&'));
      fc.assert(
        fc.property(q, fc.constantFrom('', 'https://example.org/a/b/', 'http://localhost:5173/#/'), (query, base) => {
          const r = parseLink(base + query);
          wellFormed(r);
          // every bad value was replaced by the one used: lenient mode always resolves
          const unresolved = r.problems.filter((p) => names.includes(p.field) && p.used === undefined);
          if (unresolved.length) expect(unresolved).toEqual([]);
        }),
        opts,
      );
    },
    T,
  );

  it(
    'mutated valid links still parse to usable scenarios',
    () => {
      const valid = scenarioToQuery({
        preset: 'baseline',
        knobs: { ...defaultKnobs(), handDown: true, cadence: 'bimonthly', residents: 12345 },
        seed: 42,
        lang: 'zh',
      });
      fc.assert(
        fc.property(fc.nat(valid.length), fc.nat(valid.length), fc.string({ unit: 'binary', maxLength: 8 }), (i, j, ins) => {
          const [a, b] = i < j ? [i, j] : [j, i];
          wellFormed(parseLink(valid.slice(0, a) + ins + valid.slice(b)));
        }),
        opts,
      );
    },
    T,
  );

  it('a huge link is refused with a message', () => {
    const r = parseLink('?preset=baseline&' + 'x'.repeat(1_000_000));
    expect(r.ok).toBe(false);
    expect(r.problems[0].message).toMatch(/too long/);
  });

  it('markup in a link is kept as text in the message, never interpreted', () => {
    for (const m of MARKUP) {
      const r = parseLink('?' + enc(m) + '=1&residents=' + enc(m));
      wellFormed(r);
      // What the link carried (a lone surrogate arrives as U+FFFD), character for character.
      const text = decodeURIComponent(enc(m));
      const unknown = r.problems.find((p) => p.code === 'unknown-param');
      const residents = r.problems.find((p) => p.field === 'residents');
      expect(unknown?.field, m).toBe(text);
      expect(unknown?.message, m).toContain(`'${text}'`);
      expect(residents?.value, m).toBe(text);
      expect(residents?.message, m).toContain(`'${text}'`);
    }
  });
});

describe('fuzz: scenario JSON', () => {
  it(
    'any JSON value never throws',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => wellFormed(loadScenario(v))),
        opts,
      );
    },
    T,
  );

  it(
    'scenario-shaped objects with arbitrary knob values',
    () => {
      const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.double(), fc.constantFrom(...MARKUP), fc.boolean());
      const obj = fc.record(
        {
          preset: fc.oneof(fc.constantFrom(...presetNames()), fc.string({ maxLength: 12 })),
          seed: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 })),
          knobs: fc.dictionary(keyText, anyValue, { maxKeys: 10 }),
          extra: anyValue,
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(obj, fc.boolean(), (o, lenient) => {
          const r = loadScenario(o, { lenient });
          wellFormed(r);
          // Lenient mode resolves every bad field and says what it used instead; strict mode
          // accepts exactly when there is nothing to report.
          if (lenient) {
            const unresolved = r.problems.filter((p) => p.used === undefined);
            if (!r.ok || unresolved.length) expect({ ok: r.ok, unresolved }).toEqual({ ok: true, unresolved: [] });
          } else if (r.ok !== (r.problems.length === 0)) expect(r.ok).toBe(r.problems.length === 0);
        }),
        opts,
      );
    },
    T,
  );

  it(
    'random text as a scenario file',
    () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.jsonValue().map((v) => JSON.stringify(v).slice(0, 200)),
      );
      fc.assert(
        fc.property(text, (s) => wellFormed(loadScenarioText(s))),
        opts,
      );
    },
    T,
  );
});

describe('fuzz: --set', () => {
  it(
    'name=value pairs never throw; accepted values pass the schema',
    () => {
      fc.assert(
        fc.property(keyText, valueText, (name, text) => {
          const r = parseKnobValue(name, text);
          if (r.ok) expect(checkKnobValue(knobSpec(r.name)!, r.value).ok).toBe(true);
          else {
            expect(r.problem.field).toBe(name);
            expect(r.problem.message.length).toBeGreaterThan(0);
          }
        }),
        opts,
      );
    },
    T,
  );
});

describe('fuzz: file import', () => {
  const sim = new Simulation({ ...defaultKnobs(), residents: 2000, cells: 4, units: 2, horizonDays: 10 }, 3).run();
  const result = sim.result('baseline');
  const csv = dailyCsv(result);
  const json = resultJson(result);

  it('exports import back to the same scenario and seed', () => {
    for (const text of [csv, json]) {
      const r = importText(text);
      expect(r.ok).toBe(true);
      expect(r.seed).toBe(3);
      expect(r.scenario.knobs).toEqual(result.scenario.knobs);
    }
  });

  it(
    'random and mutated files never throw',
    () => {
      const mutate = (src: string) =>
        fc
          .tuple(fc.nat(src.length), fc.nat(200), fc.string({ unit: 'binary', maxLength: 10 }))
          .map(([i, n, ins]) => src.slice(0, i) + ins + src.slice(i + n));
      const file = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        mutate(csv.slice(0, 3000)),
        mutate(json.slice(0, 3000)),
        fc.constantFrom('#', '# scenario', '# scenario {}', '# seed -1\n# scenario {"preset":"x"}', 'day,date\n', '{}', '[]', 'null'),
      );
      fc.assert(
        fc.property(file, (text) => wellFormed(importText(text))),
        opts,
      );
    },
    T,
  );

  it('an oversized file is refused with a message before it is parsed', () => {
    // One byte over the limit is enough (a 100 MB string cost seconds and showed nothing more).
    const head = '{"preset":"baseline","description":"';
    const big = head + 'x'.repeat(MAX_IMPORT_BYTES - head.length - 1) + '"}';
    const r = importText(big);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      `the file is ${MAX_IMPORT_BYTES + 1} bytes: too large, the limit is 50000000 bytes (50 MB)`,
    ]);
  });

  it('a file from another model version still imports its scenario and seed', () => {
    const other = json.replace(`"version": "${MODEL.version}"`, '"version": "0.0.1"');
    expect(other).not.toBe(json);
    const r = importText(other);
    wellFormed(r);
    expect(r).toMatchObject({ ok: true, kind: 'result', seed: 3, problems: [] });
    expect(r.scenario.knobs).toEqual(result.scenario.knobs);
  });
});

describe('fuzz: experiment JSON and the exp= link parameter', () => {
  /** Never an exception; a valid experiment or problems that name a field. */
  function expWellFormed(r: ExperimentLoad): void {
    const bad: string[] = [];
    if (typeof r.ok !== 'boolean') bad.push(`ok is ${typeof r.ok}`);
    if (r.ok && r.experiment === null) bad.push('ok without an experiment');
    if (!r.ok && r.problems.length === 0) bad.push('not ok, and no problem named');
    for (const p of r.problems) {
      if (typeof p.field !== 'string') bad.push(`problem field is ${typeof p.field}`);
      if (!(p.message.length > 0)) bad.push('empty problem message');
    }
    if (bad.length) expect(bad).toEqual([]);
  }
  const knobValues = fc.oneof(
    fc.array(fc.oneof(fc.boolean(), fc.double(), fc.integer(), fc.string({ maxLength: 10 }), fc.constantFrom(...MARKUP)), { maxLength: 5 }),
    fc.record({ min: fc.double(), max: fc.double(), steps: fc.integer({ min: -2, max: 50 }) }),
    fc.anything(),
  );
  const expObject = fc.record(
    {
      scenario: fc.oneof(
        fc.record(
          {
            preset: fc.oneof(fc.constantFrom(...presetNames()), fc.string({ maxLength: 10 })),
            knobs: fc.dictionary(fc.constantFrom(...names), fc.anything(), { maxKeys: 3 }),
          },
          { requiredKeys: [] },
        ),
        fc.anything(),
      ),
      vary: fc.oneof(
        fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), knobValues, { maxKeys: 4 }),
        fc.anything(),
      ),
      replicates: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), fc.string({ maxLength: 5 })),
      design: fc.oneof(
        fc.constantFrom('factorial', 'oat', 'lhs', 'morris', 'nope'),
        fc.record({ type: fc.constantFrom('factorial', 'oat', 'lhs', 'morris', 'x'), samples: fc.integer({ min: -2, max: 30 }) }),
        fc.anything(),
      ),
      metrics: fc.oneof(
        fc.array(fc.oneof(fc.constantFrom('tickets_filed', 'true_satisfaction', 'gaming_intensity_mean'), fc.string({ maxLength: 8 })), {
          maxLength: 4,
        }),
        fc.anything(),
      ),
      seed: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 })),
      resolution: fc.oneof(fc.constantFrom('daily', 'period', 'summary'), fc.string({ maxLength: 6 })),
    },
    { requiredKeys: [] },
  );

  it(
    'experiment-shaped objects and any JSON never throw',
    () => {
      fc.assert(
        fc.property(fc.oneof(expObject, fc.jsonValue()), (o) => expWellFormed(loadExperiment(o))),
        opts,
      );
    },
    T,
  );

  it(
    'random text as an experiment file',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 200 }),
            expObject.map((o) => JSON.stringify(o) ?? ''),
          ),
          (s) => expWellFormed(loadExperimentText(s)),
        ),
        opts,
      );
    },
    T,
  );

  it(
    'exp= text never throws and loads to an experiment or named problems',
    () => {
      const part = fc.oneof(
        fc
          .tuple(
            fc.oneof(fc.constantFrom(...names, 'replicates', 'design', 'metrics', 'resolution'), fc.string({ maxLength: 8 })),
            valueText,
          )
          .map(([k, v]) => `${k}:${v}`),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...MARKUP),
      );
      const param = fc.array(part, { maxLength: 6 }).map((ps) => ps.join(';'));
      fc.assert(
        fc.property(param, (p) => {
          const { input } = parseExperimentParam(p);
          expWellFormed(loadExperiment({ ...input, scenario: { preset: 'baseline' } }));
        }),
        opts,
      );
    },
    T,
  );
});
