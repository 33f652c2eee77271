/**
 * Plain-text tables of a finished experiment, on whole-run values: per-point means with 95%
 * intervals, paired differences from the baseline, and sensitivity (one at a time or Morris).
 * The command line prints them; they are pure text so the app could show them too.
 */
import type { Experiment } from './schema.ts';
import type { DesignPoint } from './design.ts';
import type { RunRecord } from './run.ts';
import { differences, pointStats } from './output.ts';
import { morrisEffects, oatEffects } from './sensitivity.ts';
import type { Interval } from './stats.ts';

/** A number in 4 significant digits (no exponent for everyday sizes). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

const ci = (s: Interval): string => (Number.isFinite(s.lo) ? `[${fmt(s.lo)}, ${fmt(s.hi)}]` : '');

function table(rows: string[][]): string[] {
  const w = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((c, j) => (j === r.length - 1 ? c : c.padEnd(w[j] + 2)))
        .join('')
        .trimEnd(),
  );
}

/** The experiment seen at summary resolution: each run's whole-run values. */
function wholeRun(exp: Experiment, records: readonly RunRecord[]): [Experiment, RunRecord[]] {
  const e: Experiment = { ...exp, resolution: 'summary' };
  const rs = records.map((r) => ({
    ...r,
    time: [],
    date: [],
    end: [],
    values: Object.fromEntries(exp.metrics.map((m) => [m, [r.scalars[m]]])),
  }));
  return [e, rs];
}

const label = (values: Record<string, unknown>): string =>
  Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** Tables of a finished experiment; `maxRows` caps rows per metric. */
export function experimentTables(exp: Experiment, points: readonly DesignPoint[], records: readonly RunRecord[], maxRows = 24): string {
  const [e, rs] = wholeRun(exp, records);
  const out: string[] = [];
  const stats = pointStats(e, points, rs);
  const diffs = differences(e, points, rs);
  const sampled = exp.design.type === 'lhs' || exp.design.type === 'morris';
  for (const m of exp.metrics) {
    if (sampled) break;
    out.push(`${m} (whole run; mean and 95% interval over ${exp.replicates} replicates)`);
    const rows = [['point', 'knobs', 'mean', '95% interval']];
    for (const s of stats.filter((x) => x.metric === m).slice(0, maxRows)) {
      rows.push([String(s.point) + (points[s.point].baseline ? '*' : ''), label(points[s.point].values), fmt(s.stat.mean), ci(s.stat)]);
    }
    out.push(...table(rows));
    if (points.length > maxRows) out.push(`  (first ${maxRows} of ${points.length} points; all in summary.csv)`);
    const ds = diffs.filter((d) => d.metric === m);
    if (ds.length) {
      out.push('  paired difference from the baseline point (*), same seeds:');
      const dr = [['', 'compared', 'difference', '95% interval']];
      for (const d of ds.slice(0, maxRows))
        dr.push([d.kind === 'point' ? `point ${d.point}` : 'main effect', label(d.values), fmt(d.diff.mean), ci(d.diff)]);
      out.push(...table(dr));
    }
    out.push('');
  }
  if (sampled) out.push(`${points.length} sampled points x ${exp.replicates} replicates: per-point statistics are in summary.csv`, '');
  if (exp.design.type === 'oat') {
    out.push('One at a time (whole run, paired difference from the baseline):');
    const rows = [['metric', 'knob', 'value', 'effect', '95% interval']];
    for (const x of oatEffects(e, points, rs)) rows.push([x.metric, x.knob, String(x.value), fmt(x.diff.mean), ci(x.diff)]);
    out.push(...table(rows), '');
  }
  if (exp.design.type === 'morris') {
    out.push("Morris elementary effects (whole run; per unit of each knob's range):");
    const rows = [['metric', 'knob', 'r', 'mu', 'mu*', 'sigma']];
    const effects = morrisEffects(e, points, rs).sort((a, b) => (a.metric === b.metric ? b.muStar - a.muStar : 0));
    for (const x of effects) rows.push([x.metric, x.knob, String(x.r), fmt(x.mu), fmt(x.muStar), fmt(x.sigma)]);
    out.push(...table(rows), '');
  }
  return out.join('\n');
}
