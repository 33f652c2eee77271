// Timelines: dated changes of knobs during a run. Validation names the field; the link and the
// command line carry them; experiments sweep them; the core applies them (bit-identity properties).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KNOBS, Simulation, runScenario, type KnobSpec, type KnobValue } from '../../sim/index.ts';
import { loadScenario } from '../../scenarios/loader.ts';
import { changeFromText, changeToText, parseLink, scenarioToQuery } from '../../scenarios/link.ts';
import { presetKnobs, presetNames } from '../../scenarios/presets.ts';
import { CHANGEABLE_KNOBS, fixedReason, knobsOnDate, lastDate, type TimelineChange } from '../../scenarios/timeline.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from './capture.ts';
import { problemMessage } from '../../ui/problem-text.ts';
import { importText } from '../../scenarios/import.ts';
import { loadExperiment } from '../../experiments/schema.ts';
import { buildDesign } from '../../experiments/design.ts';
import { checkPoints, executeRun, pointInput } from '../../experiments/run.ts';

const io = captureOutput();
const CJK = /[\u4e00-\u9fff]/;

/** A baseline year: 2021-01-01 to 2021-12-31. */
const YEAR = { horizonDays: 365 };

function problemsOf(timeline: unknown, knobs: Record<string, unknown> = YEAR) {
  return loadScenario({ preset: 'baseline', knobs, timeline });
}

describe('timeline validation names the field', () => {
  it('a good timeline resolves sorted, merged by date, knobs in schema order', () => {
    const r = problemsOf([
      { date: '2021-09-01', knobs: { deptShare: 0.5 } },
      { date: '2021-03-01', knobs: { rankingMode: 'grades', cadence: 'bimonthly' } },
      { date: '2021-09-01', knobs: { districtLayer: false } },
    ]);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.scenario.timeline).toEqual([
      { date: '2021-03-01', knobs: { cadence: 'bimonthly', rankingMode: 'grades' } },
      { date: '2021-09-01', knobs: { deptShare: 0.5, districtLayer: false } },
    ]);
    expect(Object.keys(r.scenario.timeline[0].knobs)).toEqual(['cadence', 'rankingMode']);
  });

  it.each([
    [
      [{ date: '2020-12-31', knobs: { deptShare: 0.5 } }],
      'timeline[0].date',
      'timeline-outside',
      /outside the run.*after the start date 2021-01-01/,
    ],
    [[{ date: '2021-01-01', knobs: { deptShare: 0.5 } }], 'timeline[0].date', 'timeline-outside', /set it in "knobs"/],
    [[{ date: '2021-02-30', knobs: { deptShare: 0.5 } }], 'timeline[0].date', 'not-calendar-date', /not a calendar date/],
    [[{ date: '1 March', knobs: { deptShare: 0.5 } }], 'timeline[0].date', 'not-date-form', /YYYY-MM-DD/],
    [[{ knobs: { deptShare: 0.5 } }], 'timeline[0].date', 'not-text', /is missing/],
    [[{ date: '2021-03-01', knobs: { residents: 5000 } }], 'timeline[0].knobs.residents', 'timeline-fixed', /defines the world/],
    [[{ date: '2021-03-01', knobs: { horizonDays: 30 } }], 'timeline[0].knobs.horizonDays', 'timeline-fixed', /defines the world/],
    [[{ date: '2021-03-01', knobs: { refuseStart: '2021-05-01' } }], 'timeline[0].knobs.refuseStart', 'timeline-fixed', /is a start date/],
    [[{ date: '2021-03-01', knobs: { integrityMean: 0.2 } }], 'timeline[0].knobs.integrityMean', 'timeline-fixed', /starting state/],
    [[{ date: '2021-03-01', knobs: { deptShare: 1.5 } }], 'timeline[0].knobs.deptShare', 'above-max', /must be a number from 0 to 1/],
    [
      [{ date: '2021-03-01', knobs: { cadence: 'weekly' } }],
      'timeline[0].knobs.cadence',
      'not-option',
      /one of monthly, bimonthly, quarterly/,
    ],
    [[{ date: '2021-03-01', knobs: { handDwn: true } }], 'timeline[0].knobs.handDwn', 'unknown-knob', /did you mean 'handDown'/],
    [[{ date: '2021-03-01', knobs: {} }], 'timeline[0].knobs', 'timeline-empty', /at least one knob/],
    [[{ date: '2021-03-01', knobs: { deptShare: 0.5 }, when: 1 }], 'timeline[0].when', 'unknown-field', /a change has date and knobs/],
    [[{ date: '2021-03-01', cadence: 'bimonthly' }], 'timeline[0].cadence', 'unknown-field', /goes inside "knobs"/],
    [[3], 'timeline[0]', 'bad-timeline', /not a change/],
    [{ date: '2021-03-01' }, 'timeline', 'bad-timeline', /must be a list of changes/],
    [
      [
        { date: '2021-03-01', knobs: { cadence: 'quarterly' } },
        { date: '2021-06-01', knobs: { deptShare: 0.5 } },
        { date: '2021-03-01', knobs: { cadence: 'bimonthly' } },
      ],
      'timeline[2].knobs.cadence',
      'timeline-duplicate',
      /already set on 2021-03-01 by timeline\[0\]/,
    ],
  ])('%j: %s (%s)', (timeline, field, code, message) => {
    const r = problemsOf(timeline);
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.field === field);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.code).toBe(code);
    expect(p!.message).toMatch(message);
    expect(p!.message).toContain(field.replace(/\.knobs$/, ''));
    // Chinese, from the structure; the field is named there too.
    const zh = problemMessage('zh', p!);
    expect(zh).toMatch(CJK);
    expect(zh).toContain(field);
  });

  it('a change after the last day is left out with a note, and the load succeeds', () => {
    const r = problemsOf([
      { date: '2021-06-01', knobs: { deptShare: 0.5 } },
      { date: '2022-01-01', knobs: { cadence: 'quarterly' } },
    ]);
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.scenario.timeline).toEqual([{ date: '2021-06-01', knobs: { deptShare: 0.5 } }]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes![0]).toMatchObject({ field: 'timeline[1].date', code: 'timeline-after-end' });
    expect(r.notes![0].message).toMatch(/after the run's last day 2021-12-31/);
    expect(problemMessage('zh', r.notes![0])).toMatch(/不会生效/);
  });

  it('the preset timeline holds unless the scenario gives its own; [] drops it', () => {
    const own = loadScenario({ preset: 'relaxed-2026' });
    expect(own.ok).toBe(true);
    expect(own.scenario.timeline.length).toBeGreaterThan(0);
    const none = loadScenario({ preset: 'relaxed-2026', timeline: [] });
    expect(none.scenario.timeline).toEqual([]);
    // A preset's change that falls before a moved start date is named, and says where it comes from.
    const moved = loadScenario({ preset: 'relaxed-2026', knobs: { startDate: '2026-06-01' } });
    expect(moved.ok).toBe(false);
    expect(moved.problems[0].field).toBe('timeline[0].date');
    expect(moved.problems[0].message).toMatch(/from preset relaxed-2026/);
  });

  it('lenient mode drops what is bad and keeps the rest', () => {
    const r = loadScenario(
      {
        knobs: YEAR,
        timeline: [
          { date: '2021-03-01', knobs: { residents: 5, deptShare: 0.3 } },
          { date: '2019-03-01', knobs: { deptShare: 0.1 } },
        ],
      },
      { lenient: true },
    );
    expect(r.ok).toBe(true);
    expect(r.scenario.timeline).toEqual([{ date: '2021-03-01', knobs: { deptShare: 0.3 } }]);
    expect(r.problems.map((p) => p.used)).toEqual(['ignored', 'ignored']);
  });

  it('any JSON as a timeline never throws, and every problem has a code and names a timeline field (property)', () => {
    const entry = fc.oneof(
      fc.anything(),
      fc.record(
        {
          date: fc.oneof(fc.string(), fc.constantFrom('2021-03-01', '2021-02-29', '2030-01-01', '2020-01-01')),
          knobs: fc.dictionary(fc.constantFrom(...KNOBS.map((k) => k.name), 'x'), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(entry, { maxLength: 6 })), fc.boolean(), (timeline, lenient) => {
        const r = loadScenario({ knobs: YEAR, timeline }, { lenient });
        for (const p of [...r.problems, ...(r.notes ?? [])]) {
          expect(p.code, p.message).toBeTruthy();
          expect(p.field).toMatch(/^timeline/);
          expect(problemMessage('zh', p)).toMatch(CJK);
        }
        if (lenient) expect(r.ok).toBe(true);
        for (const c of r.scenario.timeline) expect(c.date > '2021-01-01' && c.date <= '2021-12-31').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('which knobs a change may set: not the world, not start dates, not the starting state', () => {
    for (const k of KNOBS) {
      const reason = fixedReason(k.name);
      if (k.group === 'world') expect(reason, k.name).toBe('world');
      else if (k.type === 'date') expect(reason, k.name).toBe('start-date');
      expect(CHANGEABLE_KNOBS.includes(k.name)).toBe(reason === undefined);
    }
    for (const k of ['cadence', 'rankingMode', 'districtLayer', 'deptShare', 'staffPer10k', 'handDown', 'intakePolicy', 'gamingPaid'])
      expect(CHANGEABLE_KNOBS, k).toContain(k);
  });

  it('knobsOnDate gives the value in force on a day', () => {
    const base = presetKnobs('baseline')!;
    const tl: TimelineChange[] = [
      { date: '2022-01-01', knobs: { cadence: 'bimonthly' } },
      { date: '2023-01-01', knobs: { cadence: 'quarterly', deptShare: 0.5 } },
    ];
    expect(knobsOnDate(base, tl, '2021-12-31').cadence).toBe('monthly');
    expect(knobsOnDate(base, tl, '2022-01-01').cadence).toBe('bimonthly');
    expect(knobsOnDate(base, tl, '2023-06-01')).toMatchObject({ cadence: 'quarterly', deptShare: 0.5 });
    expect(lastDate({ startDate: '2024-01-01', horizonDays: 1461 })).toBe('2027-12-31');
  });
});

// ---------------------------------------------------------------- links

const DAY = 86_400_000;

/** Any valid value of a changeable knob, as the loader returns it. */
function valueArb(k: KnobSpec): fc.Arbitrary<KnobValue> {
  switch (k.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(k.options ?? []));
    case 'integer':
      return fc.integer({ min: k.min ?? -1e9, max: k.max ?? 1e9 });
    case 'number':
      return fc.double({ min: k.min ?? -1e9, max: k.max ?? 1e9, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
    default:
      throw new Error(`no changeable ${k.type} knob expected`);
  }
}
const CHANGEABLE_SPECS = KNOBS.filter((k) => CHANGEABLE_KNOBS.includes(k.name));

/** A change on day 1..horizon-1 of a run starting 2024-01-01, 1,461 days. */
const changeArb = fc
  .tuple(
    fc.integer({ min: 1, max: 1460 }),
    fc
      .uniqueArray(fc.constantFrom(...CHANGEABLE_SPECS), { minLength: 1, maxLength: 5, selector: (k) => k.name })
      .chain((specs) => fc.tuple(...specs.map((s) => valueArb(s).map((v) => [s.name, v] as const)))),
  )
  .map(([day, kv]) => ({ date: new Date(Date.UTC(2024, 0, 1) + day * DAY).toISOString().slice(0, 10), knobs: Object.fromEntries(kv) }));

const timelineArb = fc.uniqueArray(changeArb, { maxLength: 4, selector: (c) => c.date });

describe('timelines in links', () => {
  it('round-trips any valid timeline exactly, on any preset (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...presetNames()), timelineArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (preset, raw, seed) => {
        const knobs = { ...presetKnobs(preset)!, startDate: '2024-01-01', horizonDays: 1461 };
        const loaded = loadScenario({ preset, knobs, timeline: raw });
        expect(loaded.problems).toEqual([]);
        const q = scenarioToQuery({ preset, seed, knobs, timeline: loaded.scenario.timeline });
        // Nothing in a change needs escaping beyond what a URL keeps readable.
        for (const part of q.split('&').filter((p) => p.startsWith('at='))) expect(part).toMatch(/^at=[\w.:,~+%-]+$/);
        const back = parseLink(q);
        expect(back.problems).toEqual([]);
        expect(back.scenario.timeline).toEqual(loaded.scenario.timeline);
        expect(back.scenario.knobs).toEqual(knobs);
        // Through a full URL, as a browser would hand it over.
        const url = new URL(`https://example.org/lab/${q}`);
        expect(parseLink(url.href).scenario.timeline).toEqual(loaded.scenario.timeline);
      }),
      { numRuns: 200 },
    );
  });

  it('writes one legible at= per date, and at=none only when the preset has changes', () => {
    const knobs = presetKnobs('baseline')!;
    const q = scenarioToQuery({
      preset: 'baseline',
      seed: 1,
      knobs,
      timeline: [{ date: '2022-01-01', knobs: { cadence: 'bimonthly', rankingMode: 'grades', districtLayer: false } }],
    });
    expect(q).toMatch(/&at=2022-01-01~cadence:bimonthly,rankingMode:grades,districtLayer:false$/);
    expect(scenarioToQuery({ preset: 'baseline', seed: 1, knobs, timeline: [] })).not.toContain('at=');
    const relaxed = loadScenario({ preset: 'relaxed-2026' }).scenario;
    expect(scenarioToQuery({ preset: 'relaxed-2026', seed: 1, knobs: relaxed.knobs, timeline: relaxed.timeline })).not.toContain('at=');
    const none = scenarioToQuery({ preset: 'relaxed-2026', seed: 1, knobs: relaxed.knobs, timeline: [] });
    expect(none).toContain('&at=none');
    expect(parseLink(none).scenario.timeline).toEqual([]);
  });

  it('reads a change leniently, naming the change by its place among the at= parameters', () => {
    const r = parseLink(
      '?preset=baseline&at=2022-01-01~cadence:bimonthly&at=oops&at=2023-01-01~deptShare:2,handDown:on&at=2023-06-01~residents:9',
    );
    expect(r.ok).toBe(true);
    expect(r.scenario.timeline).toEqual([
      { date: '2022-01-01', knobs: { cadence: 'bimonthly' } },
      { date: '2023-01-01', knobs: { handDown: true } },
    ]);
    const by = Object.fromEntries(r.problems.map((p) => [p.field, p]));
    expect(by['timeline[1]'].code).toBe('bad-change');
    expect(by['timeline[2].knobs.deptShare'].code).toBe('above-max');
    expect(by['timeline[3].knobs.residents'].code).toBe('timeline-fixed');
    for (const p of r.problems) expect(p.used).toBe('ignored');
    expect(changeFromText('2022-01-01~cadence:bimonthly', 'x').change).toEqual({ date: '2022-01-01', knobs: { cadence: 'bimonthly' } });
    expect(changeToText({ date: '2022-01-01', knobs: { districtLayer: false, cadence: 'quarterly' } })).toBe(
      '2022-01-01~cadence:quarterly,districtLayer:false',
    );
  });
});

// ---------------------------------------------------------------- command line: problems

describe('run --at: problems', () => {
  it.each([
    [['--at', '2021-03-01', 'residents=9000'], /--at 2021-03-01 residents=9000.*defines the world/],
    [['--at', '2020-03-01', 'cadence=bimonthly'], /--at 2020-03-01 cadence=bimonthly.*outside the run/],
    [['--at', '2021-03-01', 'cadence=weekly'], /--at 2021-03-01 cadence=weekly: knob 'cadence' = 'weekly'/],
    [['--at', '2021-03-01', 'cadence'], /'cadence' is not knob=value/],
    [['--at', '2021-03-01'], /needs knob=value after the date/],
    [
      ['--at', '2021-03-01', 'cadence=bimonthly', '--at', '2021-03-01', 'cadence=quarterly'],
      /already set on 2021-03-01 by --at 2021-03-01 cadence=bimonthly/,
    ],
  ])('%j', async (args, message) => {
    expect(await main(['run', '--days', '365', ...args])).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });
});

// ---------------------------------------------------------------- experiments: validation

describe('experiments vary a change', () => {
  const scenario = {
    preset: 'baseline',
    knobs: { residents: 2000, cells: 4, units: 2, horizonDays: 120 },
    timeline: [{ date: '2021-03-01', knobs: { cadence: 'bimonthly' } }],
  };

  it('accepts timeline[i].date and timeline[i].knobs.<knob>, and each point carries its change', () => {
    const r = loadExperiment({
      scenario,
      vary: { 'timeline[0].date': ['2021-02-01', '2021-04-01'], 'timeline[0].knobs.deptShare': [0.25, 0.5] },
      horizonDays: 120,
    });
    expect(r.problems).toEqual([]);
    const exp = r.experiment!;
    const points = buildDesign(exp);
    expect(points).toHaveLength(4);
    expect(checkPoints(exp, points)).toEqual([]);
    const last = pointInput(exp, points[3]);
    expect(last.timeline).toEqual([{ date: '2021-04-01', knobs: { cadence: 'bimonthly', deptShare: 0.5 } }]);
    // The factor leaves the scenario's knobs alone.
    expect(last.knobs.deptShare).toBe(presetKnobs('baseline')!.deptShare);
  });

  it.each([
    [{ 'timeline[1].date': ['2021-02-01'] }, 'vary.timeline[1].date', /has 1 change \(timeline\[0\] to timeline\[0\]/],
    [{ 'timeline[0].knobs.residents': [100] }, 'vary.timeline[0].knobs.residents', /cannot change during a run/],
    [{ 'timeline[0].knobs.cadense': ['monthly'] }, 'vary.timeline[0].knobs.cadense', /did you mean 'cadence'/],
    [{ 'timeline[0].knobs.cadence': ['weekly'] }, 'vary.timeline[0].knobs.cadence[0]', /not an option/],
    [{ 'timeline[0].date': ['2021-02-30'] }, 'vary.timeline[0].date[0]', /not a calendar date/],
    [{ 'timeline[0].date': { min: 1, max: 2, steps: 2 } }, 'vary.timeline[0].date', /a date: give a list of values/],
    [{ 'timeline.0.date': ['2021-02-01'] }, 'vary.timeline.0.date', /not a timeline factor/],
  ])('%j names %s', (vary, field, message) => {
    const r = loadExperiment({ scenario, vary, horizonDays: 120 });
    expect(r.ok).toBe(false);
    const p = r.problems.find((x) => x.field === field);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.message).toMatch(message);
  });

  it('a point that moves a change outside the run is named before anything runs', () => {
    const r = loadExperiment({ scenario, vary: { 'timeline[0].date': ['2021-02-01', '2020-12-01'] }, horizonDays: 120 });
    expect(r.ok).toBe(true);
    const problems = checkPoints(r.experiment!, buildDesign(r.experiment!));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/design point 1 \(timeline\[0\]\.date=2020-12-01\).*outside the run/);
  });

  it('a scenario without a timeline cannot vary one', () => {
    const r = loadExperiment({ scenario: 'baseline', vary: { 'timeline[0].date': ['2021-02-01'] } });
    expect(r.problems[0].message).toMatch(/the scenario has no timeline/);
  });
});

// ---------------------------------------------------------------- the core applies a timeline

/** A small world: 20,000 residents in 20 cells and 6 units, 400 days from 2021-01-01. */
const SMALL = { residents: 20_000, cells: 20, units: 6, horizonDays: 400 };

function runWith(timeline: unknown[], knobs: Record<string, unknown> = SMALL, seed = 5) {
  const r = loadScenario({ preset: 'baseline', knobs, timeline });
  expect(r.problems).toEqual([]);
  return runScenario(r.scenario, seed);
}
const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse('2021-01-01')) / DAY);

describe('the core applies a timeline', () => {
  const none = runWith([]);

  it('a change dated after the horizon gives output identical to no change, bit for bit', () => {
    // Through the loader the late change is left out (with a note): the whole result is the same.
    const viaLoader = runWith([{ date: '2022-06-01', knobs: { cadence: 'quarterly', deptShare: 0.9, handDown: true } }]);
    expect(JSON.stringify(viaLoader)).toBe(JSON.stringify(none));
    // Handed to the core directly, it never acts: everything but the scenario's echo is the same.
    const k = loadScenario({ preset: 'baseline', knobs: SMALL }).scenario.knobs;
    const direct = new Simulation(k, 5, { timeline: [{ date: '2022-06-01', knobs: { cadence: 'quarterly' } }] }).run().result('baseline');
    expect(JSON.stringify({ ...direct, scenario: null })).toBe(JSON.stringify({ ...none, scenario: null }));
    expect(direct.scenario.timeline).toEqual([{ date: '2022-06-01', knobs: { cadence: 'quarterly' } }]);
  });

  it.each([
    ['2021-06-17', { cadence: 'quarterly', rankingMode: 'grades' }],
    ['2021-07-01', { cadence: 'bimonthly', districtLayer: false }],
    ['2021-05-10', { staffPer10k: 3, handDown: true, deptShare: 0.6 }],
    ['2021-03-03', { intakePolicy: 'refuse-out-of-scope', publishUnreasonable: true, gamingPropensity: 2 }],
    ['2021-09-20', { hotlineCost: 1, deadlineGeneralDays: 3, appealExclusion: true, outreachHoursPerWeek: 4 }],
  ])('a change on %s %j: identical before its day, different after (property of every metric)', (date, knobs) => {
    const w = runWith([{ date, knobs }]);
    const c = dayOf(date);
    let after = false;
    for (const m of Object.keys(none.daily) as (keyof typeof none.daily)[]) {
      expect(w.daily[m].slice(0, c), m).toEqual(none.daily[m].slice(0, c));
      if (JSON.stringify(w.daily[m].slice(c)) !== JSON.stringify(none.daily[m].slice(c))) after = true;
    }
    expect(after).toBe(true);
    // Every period the run without the change closed by then is the same in the run with it.
    const closed = none.periods.filter((p) => p.endDay <= c);
    expect(w.periods.slice(0, closed.length)).toEqual(closed);
  });

  it('a cadence change closes the running period on the change day and aligns the new ones to the calendar', () => {
    const w = runWith([{ date: '2021-06-17', knobs: { cadence: 'quarterly', rankingMode: 'grades' } }]);
    const spans = w.periods.map((p) => `${p.startDate}..${p.endDate}`);
    expect(spans).toContain('2021-06-01..2021-06-16');
    expect(spans).toContain('2021-06-17..2021-06-30');
    expect(spans).toContain('2021-07-01..2021-09-30');
    const before = w.periods.find((p) => p.endDate === '2021-06-16')!;
    const after = w.periods.find((p) => p.startDate === '2021-07-01')!;
    expect(before.units[0].rank).not.toBeNull();
    expect(after.units[0].grade).not.toBeNull();
    // On a day where a period ends anyway, nothing closes early.
    const natural = runWith([{ date: '2021-07-01', knobs: { cadence: 'bimonthly' } }]);
    expect(natural.periods.map((p) => p.startDate)).toEqual(
      expect.arrayContaining(['2021-06-01', '2021-07-01', '2021-09-01', '2021-11-01']),
    );
    expect(natural.periods.find((p) => p.startDate === '2021-06-01')!.endDate).toBe('2021-06-30');
  });

  it('switching a policy on by a change is the policy with that start date, bit for bit', () => {
    // Every policy with a start date: refusal, publication (its batches due from the day it
    // starts), hand-down, appeals, outreach and a campaign (its days counted from its start).
    const d = '2021-04-01';
    const dates = { ...SMALL, refuseStart: d, publishStart: d, handDownStart: d, appealStart: d, outreachStart: d, educationStart: d };
    const on = {
      intakePolicy: 'refuse-out-of-scope',
      publishUnreasonable: true,
      handDown: true,
      appealExclusion: true,
      outreachHoursPerWeek: 4,
      educationCampaign: true,
    } as const;
    const viaStart = runWith([], { ...dates, ...on });
    const viaChange = runWith([{ date: d, knobs: on }], {
      ...SMALL,
      ...Object.fromEntries(
        Object.keys(dates)
          .filter((k) => k.endsWith('Start'))
          .map((k) => [k, '2021-01-01']),
      ),
    });
    expect(JSON.stringify([viaChange.daily, viaChange.periods])).toBe(JSON.stringify([viaStart.daily, viaStart.periods]));
    // The hall keeps its own start date (2021-07-01 by default) in both.
    // A later start date still delays a policy switched on by a change.
    const delayed = runWith([{ date: '2021-04-01', knobs: { intakePolicy: 'refuse-out-of-scope' } }], {
      ...SMALL,
      refuseStart: '2021-08-01',
    });
    const from = dayOf('2021-08-01');
    expect(delayed.daily.tickets_refused.slice(0, from).every((v) => v === 0)).toBe(true);
    expect(delayed.daily.tickets_refused.slice(from).some((v) => v > 0)).toBe(true);
  });

  it('several changes on several dates, and switching off again', () => {
    const w = runWith([
      { date: '2021-03-01', knobs: { intakePolicy: 'refuse-out-of-scope' } },
      { date: '2021-06-01', knobs: { intakePolicy: 'accept-all', staffPer10k: 12 } },
      { date: '2021-10-01', knobs: { cadence: 'quarterly' } },
    ]);
    const refused = w.daily.tickets_refused;
    const [a, b] = [dayOf('2021-03-01'), dayOf('2021-06-01')];
    expect(refused.slice(0, a).every((v) => v === 0)).toBe(true);
    expect(refused.slice(a, b).some((v) => v > 0)).toBe(true);
    expect(refused.slice(b).every((v) => v === 0)).toBe(true);
    expect(w.periods.some((p) => p.startDate === '2021-10-01' && p.endDate === '2021-12-31')).toBe(true);
    // The result names the run's starting knobs and its timeline.
    expect(w.scenario.knobs.intakePolicy).toBe('accept-all');
    expect(w.scenario.timeline).toHaveLength(3);
  });
});

// ---------------------------------------------------------------- command line and experiments, running

describe('run --at and --link run the timeline', () => {
  const small = ['--days', '200', '--set', 'residents=5000', '--set', 'cells=10', '--set', 'units=3'];
  it('--at gives the run a scenario file with the same timeline gives, and a link reproduces it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-tl-'));
    try {
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      const csv = join(dir, 'a.csv');
      expect(
        await main(['run', ...small, '--at', '2021-03-01', 'cadence=quarterly', '--at', '2021-03-01', 'rankingMode=grades', '--out', a]),
      ).toBe(0);
      const ra = JSON.parse(readFileSync(a, 'utf8'));
      expect(ra.scenario.timeline).toEqual([{ date: '2021-03-01', knobs: { cadence: 'quarterly', rankingMode: 'grades' } }]);
      expect(io.err).toMatch(/from 2021-03-01 cadence=quarterly rankingMode=grades/);
      const q = scenarioToQuery({ preset: 'baseline', seed: 1, knobs: ra.scenario.knobs, timeline: ra.scenario.timeline });
      expect(q).toContain('at=2021-03-01~cadence:quarterly,rankingMode:grades');
      expect(await main(['run', '--link', `https://example.org/lab/${q}`, '--out', b])).toBe(0);
      expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
      expect(await main(['run', ...small, '--at', '2021-03-01', 'cadence=quarterly', '--format', 'csv', '--out', csv])).toBe(0);
      const head = readFileSync(csv, 'utf8').split('\n').slice(0, 6);
      expect(JSON.parse(head[3].slice('# scenario '.length)).timeline).toEqual([{ date: '2021-03-01', knobs: { cadence: 'quarterly' } }]);
      expect(head[4]).toBe('# at 2021-03-01 cadence=quarterly');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--days that cuts a preset change off says so and runs without it; --at none drops the preset timeline', async () => {
    expect(await main(['run', 'relaxed-2026', ...small])).toBe(0);
    expect(io.err).toMatch(/note: timeline\[0\]\.date = '2026-01-01' is after the run's last day/);
    const out = JSON.parse(io.out);
    // Said explicitly, so that the file imported again does not get the preset's change back.
    expect(out.scenario.timeline).toEqual([]);
    expect(importText(io.out).scenario.timeline).toEqual([]);
    io.out = '';
    io.err = '';
    expect(await main(['run', 'relaxed-2026', '--at', 'none', '--at', '2024-03-01', 'cadence=quarterly', ...small.slice(2)])).toBe(0);
    expect(io.err).not.toMatch(/note/);
    expect(JSON.parse(io.out).scenario.timeline).toEqual([{ date: '2024-03-01', knobs: { cadence: 'quarterly' } }]);
  });
});

describe('an experiment sweeps a change', () => {
  it("moving the change's date moves its effect", () => {
    const r = loadExperiment({
      scenario: {
        preset: 'baseline',
        knobs: { residents: 5000, cells: 10, units: 3 },
        timeline: [{ date: '2021-03-01', knobs: { intakePolicy: 'refuse-out-of-scope' } }],
      },
      vary: { 'timeline[0].date': ['2021-02-01', '2021-05-01'] },
      horizonDays: 180,
      metrics: ['tickets_refused'],
      resolution: 'daily',
    });
    expect(r.problems).toEqual([]);
    const exp = r.experiment!;
    const points = buildDesign(exp);
    const early = executeRun(exp, points, 0);
    const late = executeRun(exp, points, 1);
    const firstRefusal = (rec: typeof early) => rec.values.tickets_refused.findIndex((v) => v > 0);
    expect(firstRefusal(early)).toBeGreaterThanOrEqual(dayOf('2021-02-01'));
    expect(firstRefusal(late)).toBeGreaterThanOrEqual(dayOf('2021-05-01'));
    expect(firstRefusal(early)).toBeLessThan(dayOf('2021-05-01'));
    // Before the earlier date the two points are the same run (common random numbers).
    expect(early.values.tickets_refused.slice(0, dayOf('2021-02-01'))).toEqual(late.values.tickets_refused.slice(0, dayOf('2021-02-01')));
  });
});
