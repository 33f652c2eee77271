/**
 * Traceable exports (issue 12): file names, the plain CSV with its provenance sidecar, both
 * sides in compare mode, the import of old and new files, the chart caption, the rank chart's
 * scales and the satisfaction axis, the embed's show= list.
 */
import { describe, expect, it } from 'vitest';
import { csvParse, csvParseRows } from 'd3';
import { MODEL } from '../../sim/index.ts';
import {
  dailyCsv,
  exportFiles,
  periodsCsv,
  resultJson,
  scenarioChanged,
  scenarioHash,
  shortHash,
  splitCsv,
  traceableFileName,
} from '../../scenarios/export.ts';
import { importText } from '../../scenarios/import.ts';
import { presetKnobs } from '../../scenarios/presets.ts';
import { captionLines, chartFileBase, wrapLines } from '../../ui/charts/caption.ts';
import { axisDays, periodAt, rankScale, shownUnits } from '../../ui/charts/rank-scale.ts';
import { fitRange, minOf } from '../../ui/charts/aggregate.ts';
import { SHOW_IDS, embedShow } from '../../ui/charts/embed-show.ts';
import { embedSnippet, showLink } from '../../ui/shell/embed-dialog.ts';
import { knobs, run } from './sim-helpers.ts';

const sim = run({ horizonDays: 70, handDown: true }, 4);
const result = sim.result('baseline');
const baseSim = run({ horizonDays: 70 }, 4);
const baseResult = baseSim.result('baseline');

/** Every row as a plain CSV reader splits it, nothing stripped: the header's field count. */
function counts(csv: string): number[] {
  return [...new Set(csvParseRows(csv).map((r) => r.length))];
}

describe('file names', () => {
  it('carry preset, short hash, what, version and seed', () => {
    expect(traceableFileName({ preset: 'baseline', hash: '3fa9c1d2', what: 'daily', version: '0.2.0', seed: 7, ext: 'csv' })).toBe(
      'hotline-lab_baseline-3fa9c1d2_daily_v0.2.0_s7.csv',
    );
    // nothing a file system minds
    expect(traceableFileName({ preset: 'a b/c', hash: 'x', what: 'y', version: '1', seed: 1, ext: 'csv' })).toBe(
      'hotline-lab_a-b-c-x_y_v1_s1.csv',
    );
  });

  it('a changed knob, timeline or seed gives another name; the preset unchanged is not "changed"', () => {
    const k = presetKnobs('baseline')!;
    expect(scenarioChanged({ preset: 'baseline', knobs: k })).toBe(false);
    expect(scenarioChanged({ preset: 'baseline', knobs: { ...k, handDown: !k.handDown } })).toBe(true);
    expect(scenarioChanged({ preset: 'nope', knobs: k })).toBe(true);
    expect(shortHash({ preset: 'baseline', knobs: k })).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash({ preset: 'baseline', knobs: k })).not.toBe(shortHash({ preset: 'baseline', knobs: { ...k, units: 5 } }));
    const [a] = exportFiles('csv', dailyCsv(result));
    const [b] = exportFiles('csv', dailyCsv(baseResult));
    expect(a.name).toBe(`hotline-lab_baseline-${scenarioHash(result.scenario).slice(0, 8)}_daily_v${MODEL.version}_s4.csv`);
    expect(a.name).not.toBe(b.name);
  });
});

describe('CSV exports', () => {
  it('the old format splits into many fields in a plain reader; the new one into the header count', () => {
    const old = dailyCsv(result);
    expect(counts(old).length).toBeGreaterThan(2); // the '# scenario {json}' line
    const [csv, side] = exportFiles('csv', old);
    expect(counts(csv.text)).toEqual([4]);
    expect(csvParse(csv.text).columns).toEqual(['day', 'date', 'metric', 'value']);
    // the same data rows as before, no more, no fewer
    expect(csv.text).toBe(
      old
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n'),
    );
    expect(side.name).toBe(csv.name.replace(/\.csv$/, '.provenance.json'));
    const p = JSON.parse(side.text);
    expect(p).toMatchObject({ format: 'hotline-lab-csv-provenance', file: csv.name, seed: 4, model: MODEL });
    expect(p.scenarioHash).toBe(scenarioHash(result.scenario));
    expect(p.scenario.knobs.handDown).toBe(true);
  });

  it('periods CSV: plain too', () => {
    const [csv] = exportFiles('periods-csv', periodsCsv(result));
    expect(csv.name).toMatch(/_periods_v/);
    expect(counts(csv.text)).toEqual([20]);
  });

  it('compare mode: both sides, labelled in a first column; the sidecar holds both scenarios', () => {
    const [csv, side] = exportFiles('csv', dailyCsv(result), dailyCsv(baseResult));
    expect(csv.name).toMatch(/_compare-daily_/);
    const rows = csvParse(csv.text);
    expect(rows.columns).toEqual(['side', 'day', 'date', 'metric', 'value']);
    expect(counts(csv.text)).toEqual([5]);
    const n = (s: string) => rows.filter((r) => r.side === s).length;
    expect(n('scenario')).toBe(n('baseline'));
    expect(n('scenario')).toBeGreaterThan(70);
    const p = JSON.parse(side.text);
    expect(p.scenario.knobs.handDown).toBe(true);
    expect(p.baseline.scenario.knobs.handDown).toBe(false);
  });

  it('compare mode JSON: the run with its baseline under `baseline`', () => {
    const [file] = exportFiles('json', resultJson(result), resultJson(baseResult));
    expect(file.name).toMatch(/_compare-run_v.*_s4\.json$/);
    const j = JSON.parse(file.text);
    expect(j.scenario.knobs.handDown).toBe(true);
    expect(j.baseline.scenario.knobs.handDown).toBe(false);
    expect(j.baseline.daily.tickets_filed.length).toBe(70);
  });

  it('the baseline alone is named as such', () => {
    expect(exportFiles('csv', dailyCsv(baseResult), undefined, 'baseline')[0].name).toMatch(/_baseline-daily_/);
  });

  it('a text without provenance is refused, not saved nameless', () => {
    expect(() => exportFiles('csv', 'day,date,metric,value\n')).toThrow(/provenance/);
    expect(splitCsv('day,date\n1,2\n').provenance).toBeNull();
  });
});

describe('import reads old and new files', () => {
  it('an old CSV (comment header) still imports', () => {
    const r = importText(dailyCsv(result));
    expect(r.ok).toBe(true);
    expect(r.kind).toBe('csv');
    expect(r.seed).toBe(4);
    expect(r.scenario.knobs.handDown).toBe(true);
  });

  it('a new sidecar imports as its scenario and seed; a compare JSON as its scenario', () => {
    const [, side] = exportFiles('csv', dailyCsv(result), dailyCsv(baseResult));
    const r = importText(side.text);
    expect(r.ok).toBe(true);
    expect(r.seed).toBe(4);
    expect(r.scenario.knobs).toEqual(result.scenario.knobs);
    const [json] = exportFiles('json', resultJson(result), resultJson(baseResult));
    const j = importText(json.text);
    expect(j.ok).toBe(true);
    expect(j.scenario.knobs.handDown).toBe(true);
  });

  it('new data-only CSVs say where their scenario is', () => {
    for (const text of [exportFiles('csv', dailyCsv(result))[0].text, exportFiles('csv', dailyCsv(result), dailyCsv(baseResult))[0].text]) {
      const r = importText(text);
      expect(r.ok).toBe(false);
      expect(r.problems[0].code).toBe('csv-data-only');
      expect(r.problems[0].message).toContain('.provenance.json');
    }
  });
});

describe('chart caption', () => {
  const prov = {
    preset: 'baseline',
    changed: true,
    hash: '3fa9c1d2',
    seed: 9,
    version: '0.2.0',
    link: 'https://x.org/app/?preset=baseline&seed=9&handDown=true',
  };
  it('names the scenario (changed), hash, seed, model and link, in both languages', () => {
    const [first, link] = captionLines(prov, 'en', true);
    expect(first).toBe('Hotline Lab · Scenario: baseline, changed (3fa9c1d2) · seed 9 · model 0.2.0 · Compared with its baseline');
    expect(link).toBe(`Link: ${prov.link}`);
    expect(captionLines({ ...prov, changed: false }, 'zh')[0]).toBe('热线实验室 · 情景：baseline (3fa9c1d2) · 随机种子 9 · 模型 0.2.0');
  });

  it('wraps to the width and keeps every character', () => {
    const lines = wrapLines(captionLines(prov, 'en'), (l) => l.length <= 30);
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(captionLines(prov, 'en').join('').replace(/\s/g, ''));
  });

  it('chart file names are traceable too', () => {
    expect(chartFileBase(prov, 'satisfaction-gap', false)).toBe('hotline-lab_baseline-3fa9c1d2_chart-satisfaction-gap_v0.2.0_s9');
    expect(chartFileBase(prov, 'unit-ranks', true)).toBe('hotline-lab_baseline-3fa9c1d2_chart-unit-ranks-compare_v0.2.0_s9');
  });
});

describe('rank chart scales', () => {
  it('few units: a row per rank', () => {
    const s = rankScale(18);
    expect(s.compressed).toBe(false);
    expect([s.pos(1), s.pos(18)]).toEqual([1, 18]);
  });

  it('343 units: top and bottom 10, a middle band, monotone', () => {
    const s = rankScale(343);
    expect(s.compressed).toBe(true);
    expect(s.middle).toEqual({ from: 11, to: 333 });
    expect(s.rows).toBe(23);
    expect([s.pos(1), s.pos(10), s.pos(334), s.pos(343)]).toEqual([1, 10, 14, 23]);
    for (let r = 1; r < 343; r++) expect(s.pos(r + 1)).toBeGreaterThan(s.pos(r));
    expect(s.pos(11)).toBeGreaterThan(10.5);
    expect(s.pos(333)).toBeLessThan(13.5);
    const last = new Map(Array.from({ length: 343 }, (_, i) => [i, 343 - i] as [number, number]));
    const units = [...last.keys()];
    expect(shownUnits(units, last, s, -1)).toHaveLength(20);
    expect(shownUnits(units, last, s, 150)).toContain(150);
  });

  it('the time axis spans the horizon whatever the cadence; a day finds its period', () => {
    const bi = [
      { startDay: 0, endDay: 59 },
      { startDay: 59, endDay: 120 },
    ];
    const mo = [
      { startDay: 0, endDay: 31 },
      { startDay: 31, endDay: 59 },
      { startDay: 59, endDay: 90 },
      { startDay: 90, endDay: 120 },
    ];
    expect(axisDays(360, bi, mo)).toBe(360);
    expect(axisDays(0, bi, mo)).toBe(120);
    expect([periodAt(bi, 10), periodAt(bi, 70), periodAt(bi, 500), periodAt([], 3)]).toEqual([0, 1, 1, -1]);
  });
});

describe('satisfaction axis', () => {
  it('fits the rates with a margin, in 5-point steps, within 0..1', () => {
    expect(fitRange(0.62, 0.84)).toEqual([0.55, 0.9]);
    expect(fitRange(0.99, 1)).toEqual([0.95, 1]);
    expect(fitRange(Infinity, 0)).toEqual([0, 1]);
    expect(minOf([new Float64Array([3, NaN, 1, 0])], 3)).toBe(1);
  });
});

describe('embed', () => {
  it('show= picks charts and figures; unknown ids are reported', () => {
    expect(SHOW_IDS).toContain('ranks');
    expect(SHOW_IDS).toContain('figures');
    expect(embedShow([])).toEqual({ charts: [], figures: false, unknown: [] });
    expect(embedShow(['satisfaction', 'figures', 'zz'])).toEqual({ charts: ['satisfaction'], figures: true, unknown: ['zz'] });
  });

  it('the snippet is responsive and escapes the link; every chart needs no show=', () => {
    const s = embedSnippet('https://x.org/?a=1&b="2"', 'Hotline Lab');
    expect(s).toContain('src="https://x.org/?a=1&amp;b=&quot;2&quot;"');
    expect(s).toContain('width:100%');
    expect(s).toContain('aspect-ratio:4/3');
    expect(s).not.toMatch(/width="960"/);
    const all = SHOW_IDS.filter((id) => id !== 'figures');
    expect(showLink('L', all)).toBe('L');
    expect(showLink('L', ['ranks', 'kind'])).toBe('L&show=kind,ranks');
    expect(showLink('L', [...all, 'figures'])).toBe(`L&show=${SHOW_IDS.join(',')}`);
  });
});

// the helpers' own world, so a failing test above is not a failing helper
it('the test worlds ran', () => {
  expect(knobs().residents).toBe(20000);
  expect(result.daily.tickets_filed.length).toBe(70);
});
