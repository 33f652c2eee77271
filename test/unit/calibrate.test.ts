// The calibrate command's pieces (seeds, intervals, the table), and a guard on its published
// verdicts: a row of docs/CALIBRATION.md that passes today must keep passing.
//
// After a deliberate re-calibration (a new model, new rows; `npx hotline-lab calibrate
// --replicates 8` rewrites the doc), the first guard test lists what to change here: KNOWN_MISSES
// becomes the doc's FAIL rows, and GUARD gets, per study, the fewest leading replicates whose
// mean gives every row the doc's verdict (run the study at 8 and compare the means of the first
// k values, k = 1..8) and, if its passing rows all end early, a horizon at a year's end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStudy, studies, tableText, type RowResult } from '../../cli/calibrate.ts';
import { studySeed } from '../../experiments/index.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { KNOBS, Simulation, type Knobs } from '../../sim/index.ts';

/** The published run: `npx hotline-lab calibrate --replicates 8 --seed 1`. */
const PUBLISHED = { replicates: 8, seed: 1 };

/**
 * Rows that fail in docs/CALIBRATION.md today ("study: label"). A known miss that starts to pass
 * is reported, not failed: fixing one is allowed (then take it off this list and regenerate the doc).
 */
const KNOWN_MISSES = new Set([
  'wulimiao: hall-kind requests 2025',
  'wulimiao: ratio 2023/2022',
  'wulimiao: all village requests 2025/2022',
  'beijing: consultation share',
  'responsiveness: 2019 official resolution',
  'responsiveness: 2024 official resolution',
  'responsiveness: 2019 official satisfaction',
  'responsiveness: 2024 official satisfaction',
  'responsiveness: contacts 2023 / 2019',
  'responsiveness: contacts 2025 / 2019',
  'ranking: most months first by one unit, of 12',
  'qingpu: requests 2022, outreach vs none',
]);

/**
 * How the guard runs each study. `replicates`: the first k of the published 8 (the same seeds),
 * the fewest that give every row of the study its published verdict (measured over k = 1..8 on
 * 2026-12-01, model 0.2.0): fewer would flag a passing row on replicate noise alone (wulimiao's 2025 ratio
 * passes on 5 replicates and fails on 8; responsiveness's September 2019 resolution fails on 3
 * and passes on 4). `horizonDays`: a run cut at the end of the last year a guarded row measures,
 * which repeats the full run's days bit for bit (checked below), so the rows after it, all known
 * misses, are `unmeasured`. A study whose rows are all known misses is not run (null).
 */
interface Guard {
  replicates: number;
  horizonDays?: number;
  unmeasured?: string[];
}
const GUARD: Record<string, Guard | null> = {
  wulimiao: { replicates: 4 },
  // model 0.3.0: the share's mean over 8 is 2.195%, just inside its 2.2% bound; the first 1 to 3
  // replicates give 2.25%, 2.26% and 2.21%, the first 4 and more pass
  linyi: { replicates: 4 },
  baotou: { replicates: 1 },
  beijing: { replicates: 1 },
  categories: { replicates: 1 },
  // 2019-01-01 + 731 days (no burn-in in this study): the 2019 and 2020 rows; the later rows are
  // misses or shown beside, not judged. Model 0.4.0: the first replicate alone fails a passing row,
  // the first 2, 3, 4 and all 8 pass
  responsiveness: {
    replicates: 2,
    horizonDays: 731,
    unmeasured: [
      '2024 official resolution',
      '2024 official satisfaction',
      '2024 residents: needs met (beside the official 97%)',
      '2024 residents: true satisfaction (beside the official 97.3%)',
      'contacts 2023 / 2019',
      'contacts 2025 / 2019',
    ],
  },
  ranking: { replicates: 1 },
  qingpu: { replicates: 1, horizonDays: 1095 }, // 2021 to the end of 2023
  'qingpu-halls': { replicates: 2, horizonDays: 730 }, // 2021 to the end of 2022
  'social-worker': { replicates: 1 },
  goodhart: { replicates: 1 },
};

const key = (r: { study: string; label: string }) => `${r.study}: ${r.label}`;

/** Each study's guarded rows, run once per file whatever the order its tests run in. */
const runs = new Map<string, RowResult[]>();
function guardRows(id: string): RowResult[] {
  let rows = runs.get(id);
  if (!rows) {
    const g = GUARD[id]!;
    const study = studies().find((s) => s.id === id)!;
    const run = g.horizonDays ? { ...study, over: { ...study.over, horizonDays: g.horizonDays } } : study;
    rows = runStudy(run, g.replicates, PUBLISHED.seed).filter((r) => !g.unmeasured?.includes(r.label));
    runs.set(id, rows);
  }
  return rows;
}

/** The verdict of every row of docs/CALIBRATION.md's table ("study: label" -> pass). */
function publishedVerdicts(): Map<string, boolean> {
  const doc = readFileSync(new URL('../../docs/CALIBRATION.md', import.meta.url), 'utf8');
  const out = new Map<string, boolean>();
  for (const line of doc.split('\n')) {
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
    // rows shown beside an official figure are not judged: they cannot fail
    if (cells.length === 7 && ['pass', 'FAIL', 'shown beside'].includes(cells[6])) out.set(`${cells[0]}: ${cells[1]}`, cells[6] !== 'FAIL');
  }
  return out;
}

describe('calibrate', () => {
  it('derives seeds by the documented FNV-1a of "seed:study:replicate"', () => {
    // Known answers from an independent FNV-1a (32-bit) over the same text.
    expect(studySeed(1, 'linyi', 0)).toBe(3875569685);
    expect(studySeed(1, 'beijing', 7)).toBe(942989435);
    expect(studySeed(2 ** 32 - 1, 'qingpu-halls', 3)).toBe(941729324);
    const seeds = new Set([0, 1, 2].flatMap((i) => ['linyi', 'beijing'].map((s) => studySeed(1, s, i))));
    expect(seeds.size).toBe(6);
  });

  it('every study runs a real preset with real knobs, and every band holds its target', () => {
    const names = new Set(KNOBS.map((k) => k.name));
    const all = studies();
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) {
      expect(presetKnobs(s.preset), `${s.id}: preset ${s.preset}`).toBeDefined();
      for (const k of [...Object.keys(s.over ?? {}), ...Object.keys(s.counter ?? {})])
        expect(names.has(k), `${s.id}: knob ${k}`).toBe(true);
      expect(s.rows.length).toBeGreaterThan(0);
      for (const r of s.rows) {
        expect(r.lo, `${s.id}: ${r.label}`).toBeLessThanOrEqual(r.target);
        expect(r.target, `${s.id}: ${r.label}`).toBeLessThanOrEqual(r.hi);
      }
    }
  });

  it("gives each row its replicates' mean and Student-t interval (n - 1 degrees of freedom), and a table line", () => {
    // wulimiao's guard runs 4 replicates
    const rows = guardRows('wulimiao');
    for (const r of rows) {
      const n = r.values.length;
      expect(n).toBe(GUARD.wulimiao?.replicates);
      const mean = r.values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(r.values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
      // t(0.975, 3) = 3.182446305 (published tables); a normal 1.96 or a t with n df would differ.
      expect(r.mean).toBeCloseTo(mean, 12);
      expect(r.hi - r.mean).toBeCloseTo((3.182446305 * sd) / Math.sqrt(n), 8);
      expect(r.mean - r.lo).toBeCloseTo((3.182446305 * sd) / Math.sqrt(n), 8);
    }
    const text = tableText(rows).trimEnd().split('\n');
    expect(text[0]).toMatch(/^study\s+target\s+figure\s+simulated mean\s+95% interval\s+tolerance\s+result$/);
    expect(text).toHaveLength(2 + rows.length);
    rows.forEach((r, i) => {
      expect(text[2 + i]).toMatch(new RegExp(`^wulimiao\\s+${r.label}\\s+.* \\.\\. .*${r.pass ? 'pass' : 'FAIL'}$`));
    });
  });
});

describe('calibration guard', () => {
  it('a run cut at the end of a year repeats the longer run day for day (what the shortened guard runs rely on)', () => {
    // Every policy on, in a small world: the days of 2021 and 2022 are the same whether the run
    // stops at the end of 2022 or goes on to the end of 2023.
    const k = {
      ...presetKnobs('baseline')!,
      residents: 6000,
      cells: 12,
      units: 3,
      handDown: true,
      handDownStart: '2021-06-01',
      outreachHoursPerWeek: 8,
      appealExclusion: true,
      publishUnreasonable: true,
      horizonDays: 1095,
    } as Knobs;
    const long = new Simulation(k, 5).run().result('x');
    const short = new Simulation({ ...k, horizonDays: 730 }, 5).run().result('x');
    const cut = Object.fromEntries(Object.entries(long.daily).map(([m, xs]) => [m, xs.slice(0, 730)]));
    expect(JSON.stringify(short.daily)).toBe(JSON.stringify(cut));
    expect(JSON.stringify(short.periods)).toBe(JSON.stringify(long.periods.filter((p) => p.endDay <= 730)));
  });

  it('lists as known misses exactly the rows docs/CALIBRATION.md fails, and guards every study', () => {
    const published = publishedVerdicts();
    const rows = studies().flatMap((s) => s.rows.map((r) => key({ study: s.id, label: r.label })));
    expect([...published.keys()].sort(), 'docs/CALIBRATION.md is stale: npx hotline-lab calibrate').toEqual([...rows].sort());
    const failing = [...published].filter(([, pass]) => !pass).map(([k]) => k);
    expect(failing.sort(), 'KNOWN_MISSES must be the FAIL rows of docs/CALIBRATION.md').toEqual([...KNOWN_MISSES].sort());
    expect(Object.keys(GUARD).sort(), 'a new study: say in GUARD how to run it').toEqual(
      studies()
        .map((s) => s.id)
        .sort(),
    );
    for (const s of studies()) {
      const g = GUARD[s.id];
      // rows shown beside an official figure are not judged, so skipping them skips nothing
      const skipped = s.rows
        .filter((r) => r.judged !== false && (g === null || g.unmeasured?.includes(r.label)))
        .map((r) => key({ study: s.id, label: r.label }));
      expect(
        skipped.filter((k) => !KNOWN_MISSES.has(k)),
        'the guard skips a row that passes',
      ).toEqual([]);
      for (const label of g?.unmeasured ?? []) expect(s.rows.map((r) => r.label)).toContain(label);
    }
    const doc = readFileSync(new URL('../../docs/CALIBRATION.md', import.meta.url), 'utf8');
    expect(doc).toContain(`npx hotline-lab calibrate --replicates ${PUBLISHED.replicates} --seed ${PUBLISHED.seed}\``);
  });

  it.each(
    Object.entries(GUARD)
      .filter(([, g]) => g !== null)
      .map(([id]) => id),
  )('%s: every row that passes in docs/CALIBRATION.md still passes', (id) => {
    const regressions: string[] = [];
    const bands = studies().find((s) => s.id === id)!.rows;
    for (const r of guardRows(id)) {
      const name = key(r);
      const band = bands.find((b) => b.label === r.label)!;
      const where = `mean ${r.mean}, band ${band.lo} .. ${band.hi} (${r.tol}), first ${r.values.length} of the published ${PUBLISHED.replicates} replicates`;
      if (r.pass && KNOWN_MISSES.has(name))
        console.warn(`calibration: '${name}' now passes (${where}): confirm with npx hotline-lab calibrate, then take it off KNOWN_MISSES`);
      if (!r.pass && !KNOWN_MISSES.has(name)) regressions.push(`'${name}' no longer passes: ${where}`);
    }
    expect(regressions, 'confirm with npx hotline-lab calibrate --replicates 8').toEqual([]);
  });
});
