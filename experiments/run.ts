/**
 * Running one experiment run: the scenario with the design point's knobs, the replicate's seed,
 * the kept metrics at the chosen resolution. Pure and synchronous, so the command line's
 * worker_threads, the app's Web Workers and the tests all call the same function.
 */
import { METRICS, Simulation, type Knobs, type KnobValue, type RunResult } from '../sim/index.ts';
import { loadScenario, type LoadResult, type Problem } from '../scenarios/loader.ts';
import type { TimelineChange } from '../scenarios/timeline.ts';
import { factorTarget } from './schema.ts';
import { dateOfDay } from '../scenarios/export.ts';
import type { Experiment } from './schema.ts';
import type { DesignPoint } from './design.ts';
import { replicateSeed } from './seeds.ts';
import { posteriorSet, withPosterior } from './posterior.ts';

/** A run's place: run index = point · replicates + replicate. */
export interface RunSpec {
  run: number;
  point: number;
  replicate: number;
  seed: number;
}

/** What a run keeps: the metrics at the experiment's resolution, and one number per metric for the whole run. */
export interface RunRecord extends RunSpec {
  /** Day index (daily) or period index (period); empty at summary resolution. */
  time: number[];
  /** Date of the day, or the period's first day. */
  date: string[];
  /** Period resolution: the period's last day. */
  end: string[];
  /** Values by metric, one per time (one value at summary resolution). */
  values: Record<string, number[]>;
  /** Whole-run value of each metric (the summary's value, or the daily series aggregated by its rule). */
  scalars: Record<string, number>;
}

export function runCount(exp: Experiment, points: readonly DesignPoint[]): number {
  return points.length * exp.replicates;
}

export function runSpec(exp: Experiment, run: number): RunSpec {
  const replicate = run % exp.replicates;
  return { run, point: Math.floor(run / exp.replicates), replicate, seed: replicateSeed(exp.seed, replicate) };
}

/** The full knobs of a design point (a factor on a timeline change leaves the knobs alone). */
export function pointKnobs(exp: Experiment, point: DesignPoint): Knobs {
  const plain: Record<string, KnobValue> = {};
  for (const [name, v] of Object.entries(point.values)) if (factorTarget(name)?.kind === 'knob') plain[name] = v;
  return { ...exp.scenario.knobs, horizonDays: exp.horizonDays, ...plain } as Knobs;
}

/** A run's knobs: the design point's, with replicate k's posterior set when the experiment has a posterior. */
export function runKnobs(exp: Experiment, point: DesignPoint, replicate: number): Knobs {
  const knobs = pointKnobs(exp, point);
  const post = exp.posterior;
  return post ? withPosterior(knobs, exp.scenario.knobs, point.values, post.sets[posteriorSet(post, replicate)]) : knobs;
}

/**
 * A design point's scenario as a scenario file would write it: the knobs, and the scenario's
 * timeline with the point's values for its changes (`timeline[i].date` moves change i,
 * `timeline[i].knobs.k` sets knob k at change i). The loader then sorts and checks it.
 */
export function pointInput(exp: Experiment, point: DesignPoint): { preset: string; knobs: Knobs; timeline: TimelineChange[] } {
  const timeline = exp.scenario.timeline.map((c) => ({ date: c.date, knobs: { ...c.knobs } as Record<string, KnobValue> }));
  for (const [name, v] of Object.entries(point.values)) {
    const t = factorTarget(name);
    if (t?.kind === 'date') timeline[t.change].date = String(v);
    else if (t?.kind === 'change-knob') timeline[t.change].knobs[t.knob] = v;
  }
  return { preset: exp.scenario.preset, knobs: pointKnobs(exp, point), timeline: timeline as TimelineChange[] };
}

/** A design point's resolved scenario (its timeline sorted, merged and checked), or its problems. */
export function pointScenario(exp: Experiment, point: DesignPoint): LoadResult {
  return loadScenario(pointInput(exp, point));
}

/** Problems of design points (e.g. units above cells, a change moved before the start), at most `limit` of them. */
export function checkPoints(exp: Experiment, points: readonly DesignPoint[], limit = 5): Problem[] {
  const out: Problem[] = [];
  for (const p of points) {
    const res = pointScenario(exp, p);
    for (const pr of res.problems) {
      const where = Object.entries(p.values)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      out.push({ ...pr, field: 'vary', message: `vary: design point ${p.index} (${where}): ${pr.message}` });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

const AGG = new Map<string, 'sum' | 'mean' | 'last'>(METRICS.map((m) => [m.name, m.agg]));

function aggregate(series: ArrayLike<number>, from: number, to: number, agg: 'sum' | 'mean' | 'last'): number {
  if (to <= from) return NaN;
  if (agg === 'last') return series[to - 1];
  let s = 0;
  for (let i = from; i < to; i++) s += series[i];
  return agg === 'sum' ? s : s / (to - from);
}

/** A metric's whole-run value: the summary's when it has one, else the daily series aggregated. */
export function scalarOf(result: RunResult, metric: string): number {
  if (metric in result.summary) return result.summary[metric];
  const s = (result.daily as Record<string, number[]>)[metric];
  return aggregate(s, 0, s.length, AGG.get(metric) ?? 'mean');
}

/** Reduce a finished run to what the experiment keeps. */
export function recordOf(exp: Experiment, spec: RunSpec, result: RunResult): RunRecord {
  const rec: RunRecord = { ...spec, time: [], date: [], end: [], values: {}, scalars: {} };
  for (const m of exp.metrics) rec.scalars[m] = scalarOf(result, m);
  const daily = result.daily as Record<string, number[]>;
  if (exp.resolution === 'summary') {
    for (const m of exp.metrics) rec.values[m] = [rec.scalars[m]];
  } else if (exp.resolution === 'daily') {
    const days = result.daily.tickets_filed.length;
    for (let i = 0; i < days; i++) {
      rec.time.push(i);
      rec.date.push(dateOfDay(result.scenario.knobs.startDate, i));
    }
    for (const m of exp.metrics) rec.values[m] = daily[m].slice();
  } else {
    for (const p of result.periods) {
      rec.time.push(p.index);
      rec.date.push(p.startDate);
      rec.end.push(p.endDate);
    }
    for (const m of exp.metrics) rec.values[m] = result.periods.map((p) => aggregate(daily[m], p.startDay, p.endDay, AGG.get(m) ?? 'mean'));
  }
  return rec;
}

/** Run one run of the experiment, start to horizon. */
export function executeRun(exp: Experiment, points: readonly DesignPoint[], run: number): RunRecord {
  const spec = runSpec(exp, run);
  const point = points[spec.point];
  // the point's timeline, sorted and checked as the loader does (checkPoints refused bad ones)
  const timeline = exp.scenario.timeline.length
    ? ((pointScenario(exp, point).scenario as { timeline?: TimelineChange[] }).timeline ?? [])
    : [];
  const result = new Simulation(runKnobs(exp, point, spec.replicate), spec.seed, { timeline }).run().result(exp.scenario.preset);
  return recordOf(exp, spec, result);
}
