/**
 * Carrying the fit through to policy results (issue 14): the same policy comparison run twice,
 * once with the uncertain knobs at their defaults and once with each replicate drawing its knobs
 * from the fit's posterior sample (posterior-sample.json), so the second interval holds parameter
 * uncertainty as well as seed noise.
 *
 * Each comparison runs one of the article's policies against the same world without it, paired:
 * replicate k runs both arms, under both conditions, with one seed (common random numbers), and
 * under the posterior condition with posterior set k mod n. So the two conditions differ only in
 * the knobs, and the arms only in the policy.
 *
 * The worlds are the default world at an eighth of its size (as the fit runs it: communities and
 * units kept in size and number, the effects are shares and ratios of the whole world). Pure:
 * `hotline-lab fit --policies N` runs the tasks on the worker pool and writes policies.csv.
 */
import { Simulation, type KnobChange, type Knobs } from '../sim/index.ts';
import { presetTimeline } from '../scenarios/presets.ts';
import { canonicalJson, csvField, csvNumber } from '../scenarios/export.ts';
import type { Params } from './abc.ts';
import { fitSeed } from './seeds.ts';
import { interval } from './stats.ts';
import { knobsWith } from './targets.ts';
import { weightedQuantile } from './abc.ts';

/** One measured consequence of a policy: a summary metric, compared as a ratio or a difference. */
export interface PolicyMetric {
  metric: string;
  /** 'relative': policy / none - 1; 'difference': policy - none (for shares). */
  effect: 'relative' | 'difference';
  label: string;
}

export interface PolicyComparison {
  id: string;
  title: string;
  preset: string;
  /** The world without the policy: these knobs on top of the preset, and its timeline dropped when `dropTimeline`. */
  off: Partial<Knobs>;
  dropTimeline?: boolean;
  metrics: PolicyMetric[];
}

/** The fit's scale for the default world (as the linyi and goodhart studies run it). */
export const CARRY_SCALE: Partial<Knobs> = { residents: 57_500, cells: 34, units: 18 };

export const POLICIES: PolicyComparison[] = [
  {
    id: 'refuse-publish',
    title: 'Baotou: refuse out-of-scope requests and publish the unreasonable ones (from 2022)',
    preset: 'baotou-refuse-publish',
    off: {},
    dropTimeline: true,
    metrics: [
      { metric: 'unreasonable_filed', effect: 'relative', label: 'out-of-scope and venting requests filed' },
      { metric: 'unmet_need_share', effect: 'difference', label: 'residents’ needs unmet (share)' },
    ],
  },
  {
    id: 'hand-down',
    title: 'Pinggu: hand requests down to village councils (from July 2021)',
    preset: 'pinggu-hand-down',
    off: { handDown: false },
    metrics: [
      { metric: 'tickets_filed', effect: 'relative', label: 'contacts to 12345' },
      { metric: 'unmet_need_share', effect: 'difference', label: 'residents’ needs unmet (share)' },
    ],
  },
  {
    id: 'education',
    title: 'A year of public education on what 12345 is for (2022)',
    preset: 'public-education-110',
    off: { educationCampaign: false },
    metrics: [
      { metric: 'unreasonable_filed', effect: 'relative', label: 'out-of-scope and venting requests filed' },
      { metric: 'tickets_filed', effect: 'relative', label: 'contacts to 12345' },
    ],
  },
];

export type Condition = 'defaults' | 'posterior';

export interface CarryTask {
  policy: string;
  condition: Condition;
  replicate: number;
}

/** Every run of `replicates` replicates: policy × condition × replicate, in a fixed order. */
export function carryTasks(replicates: number): CarryTask[] {
  const out: CarryTask[] = [];
  for (const p of POLICIES)
    for (const condition of ['defaults', 'posterior'] as const)
      for (let replicate = 0; replicate < replicates; replicate++) out.push({ policy: p.id, condition, replicate });
  return out;
}

export interface CarryRecord extends CarryTask {
  seed: number;
  /** The posterior set used (-1 under defaults). */
  set: number;
  /** Each metric with the policy and without. */
  on: Record<string, number>;
  off: Record<string, number>;
}

/** Replicate k's seed: the same for both arms and both conditions. */
export const carrySeed = (fitSeedBase: number, replicate: number) => fitSeed(fitSeedBase, 'policy-run', replicate);

/** Run one task: both arms of one replicate of one policy under one condition (pure, about a second). */
export function runCarry(task: CarryTask, sample: readonly Params[], fitSeedBase: number): CarryRecord {
  const p = POLICIES.find((x) => x.id === task.policy);
  if (!p) throw new Error(`unknown policy comparison '${task.policy}'`);
  const set = task.condition === 'posterior' && sample.length ? task.replicate % sample.length : -1;
  const theta = set >= 0 ? sample[set] : {};
  const seed = carrySeed(fitSeedBase, task.replicate);
  const knobs = knobsWith(p.preset, CARRY_SCALE, theta);
  const timeline = presetTimeline(p.preset) as KnobChange[];
  const on = new Simulation(knobs, seed, { timeline }).run().summary();
  const off = new Simulation({ ...knobs, ...p.off } as Knobs, seed, { timeline: p.dropTimeline ? [] : timeline }).run().summary();
  const pick = (s: Record<string, number>) => Object.fromEntries(p.metrics.map((m) => [m.metric, s[m.metric]]));
  return { ...task, seed, set, on: pick(on), off: pick(off) };
}

export function effectOf(m: PolicyMetric, on: number, off: number): number {
  return m.effect === 'relative' ? (off > 0 ? on / off - 1 : NaN) : on - off;
}

/** What decides the comparison's numbers besides the posterior sample (for the file's header). */
export function carrySettings(replicates: number): string {
  return canonicalJson({
    replicates,
    scale: CARRY_SCALE,
    policies: POLICIES.map((p) => ({ id: p.id, preset: p.preset, off: p.off, dropTimeline: !!p.dropTimeline })),
  });
}

/** policies.csv: one row per policy × metric × condition × replicate. */
export function policiesCsv(records: readonly CarryRecord[], replicates: number, header: readonly string[] = []): string {
  const lines = [
    ...header,
    `# policies ${carrySettings(replicates)}`,
    'policy,metric,effect_kind,condition,replicate,seed,set,on,off,effect',
  ];
  const order = (r: CarryRecord) =>
    POLICIES.findIndex((p) => p.id === r.policy) * 1e9 + (r.condition === 'defaults' ? 0 : 5e8) + r.replicate;
  for (const r of [...records].sort((a, b) => order(a) - order(b))) {
    const p = POLICIES.find((x) => x.id === r.policy)!;
    for (const m of p.metrics)
      lines.push(
        [
          csvField(r.policy),
          csvField(m.metric),
          m.effect,
          r.condition,
          r.replicate,
          r.seed,
          r.set,
          csvNumber(r.on[m.metric]),
          csvNumber(r.off[m.metric]),
          csvNumber(effectOf(m, r.on[m.metric], r.off[m.metric])),
        ].join(','),
      );
  }
  return lines.join('\n') + '\n';
}

export interface EffectSummary {
  policy: string;
  metric: string;
  condition: Condition;
  n: number;
  mean: number;
  /** 95% interval of the mean effect (Student's t, as the experiments report). */
  lo: number;
  hi: number;
  /** 5% and 95% quantiles of the replicates' effects: where one world's effect falls. */
  q05: number;
  q95: number;
}

/** Summaries of policies.csv rows (as read back: objects by header). */
export function summarizeEffects(rows: readonly Record<string, string>[]): EffectSummary[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.policy}\u0000${r.metric}\u0000${r.condition}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(Number(r.effect));
  }
  return [...groups].map(([k, xs]) => {
    const [policy, metric, condition] = k.split('\u0000');
    const iv = interval(xs);
    const ones = xs.map(() => 1);
    return {
      policy,
      metric,
      condition: condition as Condition,
      n: iv.n,
      mean: iv.mean,
      lo: iv.lo,
      hi: iv.hi,
      q05: weightedQuantile(xs, ones, 0.05),
      q95: weightedQuantile(xs, ones, 0.95),
    };
  });
}
