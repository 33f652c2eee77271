/**
 * The experiment's files, as text, from the validated experiment and its run records. Pure: the
 * command line writes them to disk, the app offers them for download, and both get the same bytes.
 *
 * - results.csv: tidy, one row per run × day-or-period × metric (or run × metric at summary
 *   resolution); every varied knob a column; the run's seed in every row.
 * - summary.csv: per design point × time × metric, n, mean, sd and the 95% interval.
 * - differences.csv: paired differences from the baseline point (replicate k against replicate k),
 *   and for factorial designs each knob's main effect (level against baseline level, averaged
 *   over the other knobs, paired by replicate).
 * - sensitivity.csv: one-at-a-time effects or Morris mu, mu*, sigma on whole-run values.
 * Every file starts with the provenance header (lines beginning '# ').
 */
import { MODEL } from '../sim/index.ts';
import { canonicalJson, csvField, csvNumber } from '../scenarios/export.ts';
import { experimentHash, experimentJson, type Experiment } from './schema.ts';
import type { DesignPoint } from './design.ts';
import type { RunRecord } from './run.ts';
import { replicateSeeds } from './seeds.ts';
import { posteriorSummary } from './posterior.ts';
import { interval, type Interval } from './stats.ts';
import { morrisEffects, oatEffects } from './sensitivity.ts';

export interface Provenance {
  /** Git commit of the code that ran, when known (the command line asks git; the app knows none). */
  commit?: string | null;
}

export function provenanceLines(exp: Experiment, prov: Provenance = {}): string[] {
  const json = experimentJson(exp);
  // The sets themselves are in experiment.json (thousands of numbers); the header names them by hash.
  const post = exp.posterior ? posteriorSummary(exp.posterior) : null;
  if (post) json.posterior = post;
  return [
    `# model ${MODEL.name} ${MODEL.version}`,
    `# git-commit ${prov.commit || 'unknown'}`,
    `# experiment-hash ${experimentHash(exp)}`,
    `# experiment-seed ${exp.seed}`,
    `# replicate-seeds ${replicateSeeds(exp.seed, exp.replicates).join(' ')}`,
    ...(post
      ? [`# posterior fit-hash ${post.fitHash} sets ${post.sets} (replicate k draws set k mod ${post.sets}) sets-sha256 ${post.setsHash}`]
      : []),
    `# experiment ${canonicalJson(json)}`,
  ];
}

function timeColumns(exp: Experiment): string[] {
  return exp.resolution === 'daily' ? ['day', 'date'] : exp.resolution === 'period' ? ['period', 'start_date', 'end_date'] : [];
}

function timeCells(exp: Experiment, rec: RunRecord, i: number): string[] {
  if (exp.resolution === 'daily') return [String(rec.time[i]), rec.date[i]];
  if (exp.resolution === 'period') return [String(rec.time[i]), rec.date[i], rec.end[i]];
  return [];
}

const knobCells = (exp: Experiment, values: Record<string, unknown>): string[] =>
  exp.factors.map((f) => csvField(values[f.knob] as string | number | boolean | undefined));

/** The column line of results.csv. */
export function resultsColumns(exp: Experiment): string {
  return ['run', 'point', 'replicate', 'seed', ...exp.factors.map((f) => f.knob), ...timeColumns(exp), 'metric', 'value'].join(',');
}

/** results.csv rows of one run, in time then metric order. */
export function resultRows(exp: Experiment, points: readonly DesignPoint[], rec: RunRecord): string[] {
  const lead =
    [rec.run, rec.point, rec.replicate, rec.seed].join(',') +
    ',' +
    knobCells(exp, points[rec.point].values)
      .map((c) => c + ',')
      .join('');
  const out: string[] = [];
  const steps = exp.resolution === 'summary' ? 1 : rec.time.length;
  for (let i = 0; i < steps; i++) {
    const t = timeCells(exp, rec, i)
      .map((c) => c + ',')
      .join('');
    for (const m of exp.metrics) out.push(`${lead}${t}${m},${csvNumber(rec.values[m][i])}`);
  }
  return out;
}

/** The head of results.csv (provenance and columns). */
export function resultsHead(exp: Experiment, prov: Provenance = {}): string {
  return [...provenanceLines(exp, prov), resultsColumns(exp)].join('\n') + '\n';
}

/** The whole of results.csv for records in run order. */
export function resultsCsv(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[], prov: Provenance = {}): string {
  const lines: string[] = [];
  for (const r of records) lines.push(...resultRows(exp, points, r));
  return resultsHead(exp, prov) + (lines.length ? lines.join('\n') + '\n' : '');
}

// ---------------------------------------------------------------- statistics

export interface PointStat {
  point: number;
  /** Index into the point's time axis (0 at summary resolution). */
  t: number;
  metric: string;
  stat: Interval;
}

/** Records of one point, replicate order. */
function ofPoint(exp: Experiment, records: readonly RunRecord[], p: number): RunRecord[] {
  return records.slice(p * exp.replicates, (p + 1) * exp.replicates);
}

function stepsOf(exp: Experiment, rec: RunRecord): number {
  return exp.resolution === 'summary' ? 1 : rec.time.length;
}

export function pointStats(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[]): PointStat[] {
  const out: PointStat[] = [];
  for (const p of points) {
    const rs = ofPoint(exp, records, p.index);
    const steps = Math.min(...rs.map((r) => stepsOf(exp, r)));
    for (let t = 0; t < steps; t++) {
      for (const m of exp.metrics) out.push({ point: p.index, t, metric: m, stat: interval(rs.map((r) => r.values[m][t])) });
    }
  }
  return out;
}

const statCells = (s: Interval): string => [s.n, csvNumber(s.mean), csvNumber(s.sd), csvNumber(s.lo), csvNumber(s.hi)].join(',');

export function summaryCsv(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[], prov: Provenance = {}): string {
  const lines = [
    ...provenanceLines(exp, prov),
    '# per design point: mean, sample sd and the 95% interval mean ± t(0.975, n-1)·sd/√n over replicates',
    ['point', ...exp.factors.map((f) => f.knob), ...timeColumns(exp), 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high'].join(','),
  ];
  for (const s of pointStats(exp, points, records)) {
    const rec = records[s.point * exp.replicates];
    lines.push([s.point, ...knobCells(exp, points[s.point].values), ...timeCells(exp, rec, s.t), s.metric, statCells(s.stat)].join(','));
  }
  return lines.join('\n') + '\n';
}

export interface Difference {
  kind: 'point' | 'main-effect';
  /** The compared point (kind 'point'), else -1. */
  point: number;
  /** Varied knob values of the compared side; '*' for knobs averaged over (main effects). */
  values: Record<string, unknown>;
  t: number;
  metric: string;
  diff: Interval;
}

/** Key of a time step, to pair only the same day or the same period. */
function timeKey(exp: Experiment, rec: RunRecord, t: number): string {
  return exp.resolution === 'summary' ? '' : `${rec.time[t]}|${rec.date[t]}|${rec.end[t] ?? ''}`;
}

/**
 * Paired differences from the baseline point. Each side's replicate k ran with the same seed.
 * A time step is compared only where both sides have the same day or the same period.
 */
export function differences(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[]): Difference[] {
  const base = points.findIndex((p) => p.baseline);
  if (base < 0) return [];
  const R = exp.replicates;
  const out: Difference[] = [];
  const baseRecs = ofPoint(exp, records, base);
  // Per-replicate values of a set of points, averaged over the set, at time t (NaN if the time keys differ).
  const avg = (pts: number[], t: number, m: string, key: string): number[] =>
    Array.from({ length: R }, (_, k) => {
      let s = 0;
      for (const p of pts) {
        const r = records[p * R + k];
        if (t >= stepsOf(exp, r) || timeKey(exp, r, t) !== key) return NaN;
        s += r.values[m][t];
      }
      return s / pts.length;
    });
  const steps = stepsOf(exp, baseRecs[0]);
  for (const p of points) {
    if (p.index === base) continue;
    for (let t = 0; t < steps; t++) {
      const key = timeKey(exp, baseRecs[0], t);
      for (const m of exp.metrics) {
        const d = avg([p.index], t, m, key);
        const b = avg([base], t, m, key);
        if (d.every((x) => !Number.isFinite(x))) continue;
        out.push({ kind: 'point', point: p.index, values: p.values, t, metric: m, diff: pairedDiff(d, b) });
      }
    }
  }
  if (exp.design.type === 'factorial' && exp.factors.length > 1) {
    for (const f of exp.factors) {
      if (f.kind === 'distribution') continue;
      const b0 = exp.baseline[f.knob];
      for (const v of f.values) {
        if (v === b0) continue;
        // Pairs: each point at level v with the point equal but for this knob at its baseline level.
        const pairs: [number, number][] = [];
        for (const p of points) {
          if (p.values[f.knob] !== v) continue;
          const q = points.find(
            (x) => x.values[f.knob] === b0 && exp.factors.every((g) => g.knob === f.knob || x.values[g.knob] === p.values[g.knob]),
          );
          if (q) pairs.push([p.index, q.index]);
        }
        const values: Record<string, unknown> = {};
        for (const g of exp.factors) values[g.knob] = g.knob === f.knob ? v : '*';
        for (let t = 0; t < steps; t++) {
          const key = timeKey(exp, baseRecs[0], t);
          for (const m of exp.metrics) {
            const a = avg(
              pairs.map((x) => x[0]),
              t,
              m,
              key,
            );
            const b = avg(
              pairs.map((x) => x[1]),
              t,
              m,
              key,
            );
            if (a.every((x) => !Number.isFinite(x))) continue;
            out.push({ kind: 'main-effect', point: -1, values, t, metric: m, diff: pairedDiff(a, b) });
          }
        }
      }
    }
  }
  return out;
}

function pairedDiff(a: number[], b: number[]): Interval {
  const d = a.map((x, i) => x - b[i]);
  return interval(d);
}

export function differencesCsv(
  exp: Experiment,
  points: readonly DesignPoint[],
  records: readonly RunRecord[],
  prov: Provenance = {},
): string {
  const base = points.findIndex((p) => p.baseline);
  const lines = [
    ...provenanceLines(exp, prov),
    base >= 0
      ? `# paired differences (compared minus baseline, replicate k against replicate k, same seed); baseline point ${base}: ${Object.entries(
          points[base].values,
        )
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`
      : '# this design has no baseline point: no differences',
    '# main-effect rows: the knob at that value against its baseline value, averaged over the other knobs (*), paired by replicate',
    [
      'comparison',
      'point',
      ...exp.factors.map((f) => f.knob),
      ...timeColumns(exp),
      'metric',
      'n',
      'mean_diff',
      'sd_diff',
      'ci_low',
      'ci_high',
    ].join(','),
  ];
  const baseRec = base >= 0 ? records[base * exp.replicates] : null;
  for (const d of differences(exp, points, records)) {
    lines.push(
      [
        d.kind,
        d.point >= 0 ? d.point : '',
        ...knobCells(exp, d.values),
        ...(baseRec ? timeCells(exp, baseRec, d.t) : []),
        d.metric,
        statCells(d.diff),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/** sensitivity.csv for one-at-a-time and Morris designs; null for the others. */
export function sensitivityCsv(
  exp: Experiment,
  points: readonly DesignPoint[],
  records: readonly RunRecord[],
  prov: Provenance = {},
): string | null {
  if (exp.design.type === 'oat') {
    const lines = [
      ...provenanceLines(exp, prov),
      '# one at a time, on whole-run values: each knob moved alone from the baseline; paired difference with 95% interval',
      'knob,value,metric,n,mean_diff,sd_diff,ci_low,ci_high',
    ];
    for (const e of oatEffects(exp, points, records)) lines.push([e.knob, csvField(e.value), e.metric, statCells(e.diff)].join(','));
    return lines.join('\n') + '\n';
  }
  if (exp.design.type === 'morris') {
    const lines = [
      ...provenanceLines(exp, prov),
      "# Morris elementary effects on whole-run values (replicate means); delta in units of the knob's range",
      'knob,metric,r,mu,mu_star,sigma',
    ];
    for (const e of morrisEffects(exp, points, records))
      lines.push([e.knob, e.metric, e.r, csvNumber(e.mu), csvNumber(e.muStar), csvNumber(e.sigma)].join(','));
    return lines.join('\n') + '\n';
  }
  return null;
}

/** Every output file of a complete experiment, by name. */
export function experimentFiles(
  exp: Experiment,
  points: readonly DesignPoint[],
  records: readonly RunRecord[],
  prov: Provenance = {},
): Record<string, string> {
  const files: Record<string, string> = {
    'results.csv': resultsCsv(exp, points, records, prov),
    'summary.csv': summaryCsv(exp, points, records, prov),
    'differences.csv': differencesCsv(exp, points, records, prov),
  };
  const s = sensitivityCsv(exp, points, records, prov);
  if (s) files['sensitivity.csv'] = s;
  return files;
}
