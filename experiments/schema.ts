/**
 * The experiment file: which scenario, which knobs to vary and how, the design, replicates,
 * horizon, metrics and resolution, seed. Validated at the boundary like scenarios: every
 * problem names its field (`vary.cadence[1]`, `design.samples`, `metrics[2]`), gives the value
 * and what is allowed, and suggests the nearest name for a typo. Knob values go through the
 * scenario loader's own checks, so an experiment accepts exactly what a scenario accepts.
 *
 * Pure: no Node or DOM API (runs in Node, in Web Workers and in worker_threads).
 */
import { KNOBS, METRICS, Simulation, defaultKnobs, knobSpec, type KnobSpec, type KnobValue } from '../sim/index.ts';
import { fixedReason, type TimelineScenario } from '../scenarios/timeline.ts';
import {
  DEFAULT_SEED,
  MAX_SCENARIO_BYTES,
  allowedText,
  checkKnobValue,
  checkTimeline,
  checkSeed,
  loadScenario,
  nearest,
  parseKnobValue,
  show,
  sizeProblem,
  utf8Length,
  type Problem,
  parseJsonText,
} from '../scenarios/loader.ts';
import { canonicalJson, canonicalScenario, sha256Hex } from '../scenarios/export.ts';
import { presetTimeline } from '../scenarios/presets.ts';
import { checkPosterior, type PosteriorSample } from './posterior.ts';

export type Resolution = 'daily' | 'period' | 'summary';
export const RESOLUTIONS: readonly Resolution[] = ['daily', 'period', 'summary'];

export type DesignType = 'factorial' | 'lhs' | 'oat' | 'morris';
export const DESIGN_TYPES: readonly DesignType[] = ['factorial', 'lhs', 'oat', 'morris'];

export type DistributionName = 'uniform' | 'normal' | 'triangular' | 'loguniform';
export const DISTRIBUTIONS: readonly DistributionName[] = ['uniform', 'normal', 'triangular', 'loguniform'];

/** A sampling distribution for Latin hypercube (and the range Morris walks on). */
export interface Distribution {
  name: DistributionName;
  /** Bounds: uniform, triangular, loguniform; for normal, optional truncation (defaults: the knob's limits). */
  min: number;
  max: number;
  /** Normal only. */
  mean?: number;
  sd?: number;
  /** Triangular only (default: the middle). */
  mode?: number;
}

/** One varied knob. */
export type Factor =
  | { knob: string; kind: 'list'; values: KnobValue[] }
  | { knob: string; kind: 'range'; min: number; max: number; steps: number; values: KnobValue[] }
  | { knob: string; kind: 'distribution'; distribution: Distribution };

export type Design =
  | { type: 'factorial' }
  | { type: 'oat' }
  | { type: 'lhs'; samples: number }
  | { type: 'morris'; trajectories: number; levels: number };

/** A validated experiment: every default filled in, the scenario resolved. */
export interface Experiment {
  description: string;
  /** The scenario with its timeline; factors named `timeline[i]...` change its i-th change. */
  scenario: TimelineScenario;
  factors: Factor[];
  design: Design;
  replicates: number;
  horizonDays: number;
  metrics: string[];
  resolution: Resolution;
  seed: number;
  /** Baseline level of each list/range factor (factorial and one-at-a-time). */
  baseline: Record<string, KnobValue>;
  /** A fit's posterior sample: replicate k draws set k mod n (experiments/posterior.ts). */
  posterior?: PosteriorSample;
}

export interface ExperimentLoad {
  ok: boolean;
  experiment: Experiment | null;
  problems: Problem[];
  /** Things worth saying that do not make the load fail (a posterior from another model version). */
  warnings?: Problem[];
}

export const EXPERIMENT_FIELDS = [
  'description',
  'scenario',
  'vary',
  'design',
  'replicates',
  'horizonDays',
  'metrics',
  'resolution',
  'seed',
  'baseline',
  'posterior',
] as const;

/** Limits that keep a typo from asking for a billion runs. */
export const MAX_REPLICATES = 10_000;
export const MAX_RUNS = 1_000_000;
export const MAX_STEPS = 1_000;
export const DEFAULT_METRICS = ['tickets_filed', 'official_satisfaction', 'true_satisfaction', 'gaming_intensity_mean'];

const METRIC_NAMES: string[] = METRICS.map((m) => m.name);
const KNOB_NAMES = KNOBS.map((k) => k.name);

let summaryKeyCache: string[] | null = null;
/** Names in a run's `summary` object, read from a one-day run of a 20-resident world (cheap, never stale). */
export function summaryKeys(): string[] {
  if (!summaryKeyCache) {
    const k = { ...defaultKnobs(), residents: 20, cells: 1, units: 1, districts: 1, horizonDays: 1 };
    summaryKeyCache = Object.keys(new Simulation(k, 1).run().summary());
  }
  return summaryKeyCache;
}

/** Metric names allowed at a resolution: daily series always; the run summary's names too at 'summary'. */
export function allowedMetrics(resolution: Resolution): string[] {
  return resolution === 'summary' ? [...new Set([...summaryKeys(), ...METRIC_NAMES])] : METRIC_NAMES;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function suggest(name: string, candidates: readonly string[]): string {
  const n = nearest(name, candidates);
  return n ? `: did you mean '${n}'?` : '';
}

/** The same suggestion in Chinese. */
function suggestZh(name: string, candidates: readonly string[]): string {
  const n = nearest(name, candidates);
  return n ? `：您是否想输入“${n}”？` : '';
}

const q = (v: unknown): string => (typeof v === 'string' ? `'${show(v)}'` : show(v));

/** Why a knob cannot change mid-run, in Chinese (scenarios/timeline.ts words it in English). */
const FIXED_ZH: Record<NonNullable<ReturnType<typeof fixedReason>>, string> = {
  world: '定义世界的参数',
  'start-date': '起始日期参数',
  initial: '初始状态参数',
};

/** A knob's type, in Chinese, for "knob 'x' is a boolean". */
function typeZh(type: KnobSpec['type']): string {
  return type === 'boolean' ? '布尔值' : type === 'date' ? '日期' : type === 'enum' ? '选项' : '数值';
}

/** A factor on a timeline change: `timeline[i].date` or `timeline[i].knobs.<knob>`. */
const TIMELINE_FACTOR = /^timeline\[(\d+)\]\.(?:(date)|knobs\.([A-Za-z][A-Za-z0-9]*))$/;

/** Where a factor's values go: a knob of the scenario, or a change of its timeline (`change` its index). */
export type FactorTarget =
  | { kind: 'knob'; knob: string }
  | { kind: 'date'; change: number }
  | { kind: 'change-knob'; change: number; knob: string };

/** What a factor's name points at (`cadence`, `timeline[0].date`, `timeline[0].knobs.cadence`), or undefined. */
export function factorTarget(name: string): FactorTarget | undefined {
  const m = TIMELINE_FACTOR.exec(name);
  if (!m) return knobSpec(name) ? { kind: 'knob', knob: name } : undefined;
  if (m[2]) return { kind: 'date', change: Number(m[1]) };
  return knobSpec(m[3]) ? { kind: 'change-knob', change: Number(m[1]), knob: m[3] } : undefined;
}

/** A change's date as a factor checks its values (a calendar date, like a date knob). */
const DATE_SPEC: KnobSpec = {
  name: 'date',
  group: 'world',
  type: 'date',
  default: '2021-01-01',
  unit: { en: 'date YYYY-MM-DD', zh: '日期 YYYY-MM-DD' },
  meaning: { en: "A timeline change's date.", zh: '时间线变更的日期。' },
};

/** The spec a factor's values are checked against: the knob's, or a date for a change's date. */
export function factorSpec(name: string): KnobSpec | undefined {
  const t = factorTarget(name);
  if (!t) return undefined;
  return t.kind === 'date' ? DATE_SPEC : knobSpec(t.knob);
}

/** A knob value from JSON: typed values as the scenario loader checks them, text through its parser. */
function knobValue(
  knob: string,
  value: unknown,
): { ok: true; value: KnobValue } | { ok: false; message: string; code?: Problem['code']; allowed?: Problem['allowed'] } {
  const spec = factorSpec(knob)!;
  if (typeof value === 'string' && spec.type !== 'enum' && spec.type !== 'date') {
    const p = parseKnobValue(spec.name, value);
    return p.ok
      ? { ok: true, value: p.value }
      : { ok: false, message: p.problem.message, code: p.problem.code, allowed: p.problem.allowed };
  }
  return checkKnobValue(spec, value);
}

function evenlySpaced(min: number, max: number, steps: number, integer: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    let v = steps === 1 ? min : min + ((max - min) * i) / (steps - 1);
    // Round away float noise (0.30000000000000004) so values read as written.
    v = integer ? Math.round(v) : Number(v.toPrecision(12));
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/**
 * Validate an experiment object. Never throws; every problem names its field.
 */
export function loadExperiment(input: unknown): ExperimentLoad {
  const problems: Problem[] = [];
  // Every problem is worded in English (the command line's words) and in Chinese (the app's).
  const add = (field: string, value: unknown, message: string, zh: string) =>
    problems.push({ field, value: show(value), message: `${field}: ${message}`, zh: `${field}：${zh}` });
  // A value the scenario loader refused: its structure (code, what is allowed) lets the app word it.
  const addChecked = (field: string, value: unknown, c: { message: string; code?: Problem['code']; allowed?: Problem['allowed'] }) =>
    problems.push({ field, value: show(value), message: `${field}: ${c.message}`, code: c.code, allowed: c.allowed });
  const warnings: Problem[] = [];
  const warn = (field: string, value: unknown, message: string, zh: string) =>
    warnings.push({ field, value: show(value), message: `${field}: ${message}`, zh: `${field}：${zh}` });
  if (!isObj(input)) {
    add(
      '(input)',
      input,
      'an experiment must be a JSON object like {"scenario": {"preset": "baseline"}, "vary": {"handDown": [false, true]}, "replicates": 10}',
      '实验必须是一个 JSON 对象，例如 {"scenario": {"preset": "baseline"}, "vary": {"handDown": [false, true]}, "replicates": 10}',
    );
    return { ok: false, experiment: null, problems };
  }
  for (const key of Object.keys(input)) {
    if (!(EXPERIMENT_FIELDS as readonly string[]).includes(key)) {
      const hint = knobSpec(key)
        ? `: '${key}' is a knob; fix it under "scenario": {"knobs": {...}} or vary it under "vary"`
        : suggest(key, EXPERIMENT_FIELDS) || `: allowed fields are ${EXPERIMENT_FIELDS.join(', ')}`;
      const hintZh = knobSpec(key)
        ? `：“${key}”是参数，应固定在 "scenario": {"knobs": {...}} 中，或在 "vary" 中改变`
        : suggestZh(key, EXPERIMENT_FIELDS) || `：可用字段为 ${EXPERIMENT_FIELDS.join('、')}`;
      add(key, input[key], `unknown field '${key}'${hint}`, `未知字段“${key}”${hintZh}`);
    }
  }

  // ---- description
  let description = '';
  if (input.description !== undefined) {
    if (typeof input.description === 'string') description = input.description;
    else add('description', input.description, 'must be text', '必须是文字');
  }

  // ---- seed
  let seed = DEFAULT_SEED;
  if (input.seed !== undefined) {
    const s = typeof input.seed === 'number' ? checkSeed(input.seed) : checkSeed(NaN);
    if (s.ok) seed = s.seed;
    else
      add(
        'seed',
        input.seed,
        `${q(input.seed)} is not allowed: must be an integer from 0 to 4294967295`,
        `不允许 ${q(input.seed)}：应为 0 到 4294967295 之间的整数`,
      );
  }

  // ---- scenario (the scenario loader does the checking)
  let scenario: TimelineScenario | null = null;
  {
    let sc: unknown = input.scenario ?? { preset: 'baseline' };
    if (typeof sc === 'string') sc = { preset: sc };
    if (!isObj(sc))
      add(
        'scenario',
        sc,
        'must be a preset name or an object like {"preset": "baseline", "knobs": {"residents": 20000}}',
        '应为预设名称，或形如 {"preset": "baseline", "knobs": {"residents": 20000}} 的对象',
      );
    else {
      if (sc.seed !== undefined)
        add(
          'scenario.seed',
          sc.seed,
          'runs take their seeds from the experiment\'s seed: put "seed" at the top level',
          '各次运行的随机种子来自实验的种子：请把 "seed" 写在最外层',
        );
      const { seed: _ignored, ...rest } = sc;
      void _ignored;
      const res = loadScenario(rest);
      for (const p of res.problems) {
        // The loader names a bad knob value by the knob alone; here it sits under scenario.knobs.
        const field = `scenario.${knobSpec(p.field) ? 'knobs.' : ''}${p.field}`;
        problems.push({ ...p, field, message: `${field}: ${p.message}` });
      }
      if (res.ok) scenario = res.scenario;
    }
  }

  // ---- horizon
  let horizonDays = scenario?.knobs.horizonDays ?? defaultKnobs().horizonDays;
  if (input.horizonDays !== undefined) {
    const c = checkKnobValue(knobSpec('horizonDays')!, input.horizonDays);
    if (c.ok) horizonDays = c.value as number;
    else addChecked('horizonDays', input.horizonDays, c);
  }
  // The runs last the experiment's horizon: its timeline holds the changes that fall inside it.
  if (scenario && horizonDays !== scenario.knobs.horizonDays) {
    const sc = isObj(input.scenario) ? input.scenario : {};
    const raw = sc.timeline !== undefined ? sc.timeline : presetTimeline(scenario.preset);
    scenario = { ...scenario, timeline: checkTimeline(raw, { ...scenario.knobs, horizonDays }).timeline };
  }

  // ---- resolution and metrics
  let resolution: Resolution = 'summary';
  if (input.resolution !== undefined) {
    if (typeof input.resolution === 'string' && (RESOLUTIONS as readonly string[]).includes(input.resolution))
      resolution = input.resolution as Resolution;
    else
      add(
        'resolution',
        input.resolution,
        `${q(input.resolution)} is not allowed: must be one of ${RESOLUTIONS.join(', ')}${typeof input.resolution === 'string' ? suggest(input.resolution, RESOLUTIONS) : ''}`,
        `不允许 ${q(input.resolution)}：应为 ${RESOLUTIONS.join('、')} 之一${typeof input.resolution === 'string' ? suggestZh(input.resolution, RESOLUTIONS) : ''}`,
      );
  }
  let metrics = DEFAULT_METRICS.slice();
  if (input.metrics !== undefined) {
    if (!Array.isArray(input.metrics) || input.metrics.length === 0)
      add(
        'metrics',
        input.metrics,
        'must be a non-empty list of metric names, like ["gaming_intensity_mean", "true_satisfaction"]',
        '应为非空的指标名列表，例如 ["gaming_intensity_mean", "true_satisfaction"]',
      );
    else {
      const allowed = allowedMetrics(resolution);
      metrics = [];
      input.metrics.forEach((m, i) => {
        if (typeof m !== 'string') {
          add(`metrics[${i}]`, m, 'must be a metric name (text)', '应为指标名（文字）');
          return;
        }
        if (!allowed.includes(m)) {
          const inSummary = summaryKeys().includes(m);
          add(
            `metrics[${i}]`,
            m,
            inSummary
              ? `'${m}' is a run-summary value, kept only with "resolution": "summary"`
              : `unknown metric '${m}'${suggest(m, allowed) || '; see `hotline-lab metrics` for the daily metrics'}`,
            inSummary
              ? `“${m}”是运行汇总值，只在 "resolution": "summary" 时保留`
              : `未知指标“${m}”${suggestZh(m, allowed) || '；可用 `hotline-lab metrics` 查看每日指标'}`,
          );
          return;
        }
        if (metrics.includes(m)) {
          add(`metrics[${i}]`, m, `'${m}' is listed twice`, `“${m}”列出了两次`);
          return;
        }
        metrics.push(m);
      });
    }
  }

  // ---- design (read before vary: distributions are only for sampling designs)
  let design: Design = { type: 'factorial' };
  {
    const d = input.design;
    const type = typeof d === 'string' ? d : isObj(d) ? d.type : d === undefined ? 'factorial' : undefined;
    const field = typeof d === 'string' ? 'design' : 'design.type';
    if (typeof type !== 'string' || !(DESIGN_TYPES as readonly string[]).includes(type)) {
      add(
        field,
        isObj(d) ? d.type : d,
        `${q(isObj(d) ? d.type : d)} is not allowed: must be one of ${DESIGN_TYPES.join(', ')} (or an object like {"type": "lhs", "samples": 50})${typeof type === 'string' ? suggest(type, DESIGN_TYPES) : ''}`,
        `不允许 ${q(isObj(d) ? d.type : d)}：应为 ${DESIGN_TYPES.join('、')} 之一（或形如 {"type": "lhs", "samples": 50} 的对象）${typeof type === 'string' ? suggestZh(type, DESIGN_TYPES) : ''}`,
      );
    } else {
      const o = isObj(d) ? d : {};
      const allowedKeys: Record<DesignType, string[]> = {
        factorial: ['type'],
        oat: ['type'],
        lhs: ['type', 'samples'],
        morris: ['type', 'trajectories', 'levels'],
      };
      for (const key of Object.keys(o)) {
        if (!allowedKeys[type as DesignType].includes(key))
          add(
            `design.${key}`,
            o[key],
            `unknown field '${key}' for a ${type} design${suggest(key, allowedKeys[type as DesignType])}; allowed: ${allowedKeys[type as DesignType].join(', ')}`,
            `${type} 设计没有字段“${key}”${suggestZh(key, allowedKeys[type as DesignType])}；可用：${allowedKeys[type as DesignType].join('、')}`,
          );
      }
      const int = (key: string, dflt: number | undefined, min: number, max: number): number => {
        const v = o[key];
        if (v === undefined) {
          if (dflt === undefined)
            add(
              `design.${key}`,
              v,
              `a ${type} design needs "${key}", an integer from ${min} to ${max}`,
              `${type} 设计需要 "${key}"：${min} 到 ${max} 之间的整数`,
            );
          return dflt ?? min;
        }
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
          add(
            `design.${key}`,
            v,
            `${q(v)} is not allowed: must be an integer from ${min} to ${max}`,
            `不允许 ${q(v)}：应为 ${min} 到 ${max} 之间的整数`,
          );
          return dflt ?? min;
        }
        return v;
      };
      if (type === 'lhs') design = { type, samples: int('samples', undefined, 2, MAX_RUNS) };
      else if (type === 'morris') {
        const levels = int('levels', 4, 2, 100);
        if (levels % 2 === 1)
          add(
            'design.levels',
            levels,
            `${levels} is odd: Morris needs an even number of levels (4 is usual)`,
            `${levels} 是奇数：Morris 方法需要偶数个水平（通常为 4）`,
          );
        design = { type, trajectories: int('trajectories', undefined, 2, MAX_RUNS), levels };
      } else design = { type: type as 'factorial' | 'oat' };
    }
  }

  // ---- vary
  const factors: Factor[] = [];
  if (input.vary === undefined)
    add(
      'vary',
      undefined,
      'is missing: name the knobs to vary, like {"handDown": [false, true]}',
      '缺失：请写出要改变的参数，例如 {"handDown": [false, true]}',
    );
  else if (!isObj(input.vary) || Object.keys(input.vary).length === 0)
    add(
      'vary',
      input.vary,
      'must be an object of knob names, each a list, a range or a distribution, like {"handDown": [false, true]}',
      '应为以参数名为键的对象，每个参数给出取值列表、区间或分布，例如 {"handDown": [false, true]}',
    );
  else {
    for (const [knob, spec] of Object.entries(input.vary)) {
      const f = `vary.${knob}`;
      const ks = factorSpec(knob);
      const target = factorTarget(knob);
      if (!ks || !target) {
        const tm = /^timeline\[(\d+)\]\.knobs\.(.*)$/.exec(knob);
        if (tm)
          add(
            f,
            spec,
            `unknown knob '${tm[2]}'${suggest(tm[2], KNOB_NAMES) || '; see `hotline-lab knobs` for the list'}`,
            `未知参数“${tm[2]}”${suggestZh(tm[2], KNOB_NAMES) || '；可用 `hotline-lab knobs` 查看参数列表'}`,
          );
        else if (knob.startsWith('timeline'))
          add(
            f,
            spec,
            `'${knob}' is not a timeline factor: write timeline[i].date or timeline[i].knobs.<knob>, i counting the scenario's changes in date order from 0`,
            `“${knob}”不是时间线上的因子：应写 timeline[i].date 或 timeline[i].knobs.<参数>，i 为情景中按日期排序的变更序号，从 0 开始`,
          );
        else
          add(
            f,
            spec,
            `unknown knob '${knob}'${suggest(knob, KNOB_NAMES) || '; see `hotline-lab knobs` for the list'}`,
            `未知参数“${knob}”${suggestZh(knob, KNOB_NAMES) || '；可用 `hotline-lab knobs` 查看参数列表'}`,
          );
        continue;
      }
      if (target.kind !== 'knob') {
        // A change of the scenario's timeline: it must exist, and the knob must be one a change may set.
        const changes = scenario?.timeline.length ?? 0;
        if (target.change >= changes) {
          add(
            f,
            spec,
            changes === 0
              ? 'the scenario has no timeline: give it one ("timeline": [{"date": ..., "knobs": {...}}]) to vary a change'
              : `the scenario's timeline has ${changes} change${changes === 1 ? '' : 's'} (timeline[0] to timeline[${changes - 1}], in date order)`,
            changes === 0
              ? '情景没有时间线：要改变某个变更，请先给情景加上时间线（"timeline": [{"date": ..., "knobs": {...}}]）'
              : `情景的时间线只有 ${changes} 个变更（timeline[0] 到 timeline[${changes - 1}]，按日期排序）`,
          );
          continue;
        }
        if (target.kind === 'change-knob' && fixedReason(target.knob)) {
          add(
            f,
            spec,
            `'${target.knob}' cannot change during a run (${fixedReason(target.knob)} knob): vary it as "${target.knob}"`,
            `“${target.knob}”不能在运行中改变（${FIXED_ZH[fixedReason(target.knob)!]}）：请直接改变 "${target.knob}"`,
          );
          continue;
        }
      }
      if (knob === 'horizonDays') {
        add(
          f,
          spec,
          'the horizon is fixed for an experiment (set "horizonDays" at the top level): every run is compared day by day',
          '实验的模拟时长是固定的（在最外层设置 "horizonDays"）：各次运行逐日比较',
        );
        continue;
      }
      const list = Array.isArray(spec) ? spec : isObj(spec) && Array.isArray(spec.values) ? spec.values : null;
      if (list) {
        const lf = Array.isArray(spec) ? f : `${f}.values`;
        if (list.length === 0) {
          add(lf, spec, 'is empty: give at least one value', '为空：请至少给出一个取值');
          continue;
        }
        const values: KnobValue[] = [];
        list.forEach((v, i) => {
          const c = knobValue(knob, v);
          if (!c.ok) addChecked(`${lf}[${i}]`, v, c);
          else if (values.includes(c.value)) add(`${lf}[${i}]`, v, `${q(v)} is listed twice`, `${q(v)} 列出了两次`);
          else values.push(c.value);
        });
        if (isObj(spec))
          for (const key of Object.keys(spec))
            if (key !== 'values') add(`${f}.${key}`, spec[key], `unknown field '${key}' next to "values"`, `"values" 旁不能有字段“${key}”`);
        factors.push({ knob, kind: 'list', values });
        continue;
      }
      if (!isObj(spec)) {
        add(
          f,
          spec,
          `must be a list of values like [${
            ks.type === 'boolean'
              ? 'false, true'
              : ks.type === 'enum'
                ? (ks.options ?? [])
                    .slice(0, 2)
                    .map((o) => `"${o}"`)
                    .join(', ')
                : '1, 2'
          }], a range {"min": .., "max": .., "steps": ..} or a distribution {"distribution": "uniform", "min": .., "max": ..}`,
          '应为取值列表、区间 {"min": .., "max": .., "steps": ..} 或分布 {"distribution": "uniform", "min": .., "max": ..}',
        );
        continue;
      }
      const numeric = ks.type === 'number' || ks.type === 'integer';
      if ('distribution' in spec) {
        if (!numeric) {
          add(
            `${f}.distribution`,
            spec.distribution,
            `knob '${knob}' is ${ks.type === 'boolean' ? 'a boolean' : ks.type === 'date' ? 'a date' : 'a choice'}: give a list of values instead (${allowedText(ks)})`,
            `参数“${knob}”是${typeZh(ks.type)}：请改为给出取值列表`,
          );
          continue;
        }
        if (design.type !== 'lhs') {
          add(
            `${f}.distribution`,
            spec.distribution,
            `distributions are for sampling: use "design": {"type": "lhs", "samples": N}, or a range {"min", "max", "steps"} for a ${design.type} design`,
            `分布只用于抽样设计：请用 "design": {"type": "lhs", "samples": N}，或在 ${design.type} 设计中用区间 {"min", "max", "steps"}`,
          );
          continue;
        }
        const name = spec.distribution;
        if (typeof name !== 'string' || !(DISTRIBUTIONS as readonly string[]).includes(name)) {
          add(
            `${f}.distribution`,
            name,
            `${q(name)} is not allowed: must be one of ${DISTRIBUTIONS.join(', ')}${typeof name === 'string' ? suggest(name, DISTRIBUTIONS) : ''}`,
            `不允许 ${q(name)}：应为 ${DISTRIBUTIONS.join('、')} 之一${typeof name === 'string' ? suggestZh(name, DISTRIBUTIONS) : ''}`,
          );
          continue;
        }
        const allowedKeys = ['distribution', 'min', 'max', ...(name === 'normal' ? ['mean', 'sd'] : name === 'triangular' ? ['mode'] : [])];
        for (const key of Object.keys(spec))
          if (!allowedKeys.includes(key))
            add(
              `${f}.${key}`,
              spec[key],
              `unknown field '${key}' for a ${name} distribution${suggest(key, allowedKeys)}; allowed: ${allowedKeys.join(', ')}`,
              `${name} 分布没有字段“${key}”${suggestZh(key, allowedKeys)}；可用：${allowedKeys.join('、')}`,
            );
        const num = (key: string, dflt?: number): number | undefined => {
          const v = spec[key];
          if (v === undefined) return dflt;
          const c = checkKnobValue(ks, v);
          if (!c.ok && !(key === 'sd' && typeof v === 'number' && v > 0)) {
            addChecked(`${f}.${key}`, v, c);
            return undefined;
          }
          return v as number;
        };
        const needBounds = name !== 'normal';
        const min = num('min', needBounds ? undefined : ks.min);
        const max = num('max', needBounds ? undefined : ks.max);
        if (needBounds && (spec.min === undefined || spec.max === undefined))
          add(
            `${f}.${spec.min === undefined ? 'min' : 'max'}`,
            undefined,
            `a ${name} distribution needs "min" and "max"`,
            `${name} 分布需要 "min" 和 "max"`,
          );
        if (min === undefined || max === undefined) continue;
        if (!(max > min)) {
          add(`${f}.max`, max, `must be above min = ${min}`, `应大于 min = ${min}`);
          continue;
        }
        const dist: Distribution = { name: name as DistributionName, min, max };
        if (name === 'loguniform' && !(min > 0))
          add(`${f}.min`, min, 'a loguniform distribution needs min above 0', '对数均匀分布要求 min 大于 0');
        if (name === 'normal') {
          const mean = num('mean');
          const sd = spec.sd;
          if (mean === undefined)
            add(`${f}.mean`, spec.mean, 'a normal distribution needs "mean" within the knob\'s range', '正态分布需要在参数范围内的 "mean"');
          if (typeof sd !== 'number' || !(sd > 0) || !Number.isFinite(sd))
            add(
              `${f}.sd`,
              sd,
              `${q(sd)} is not allowed: a normal distribution needs "sd", a number above 0`,
              `不允许 ${q(sd)}：正态分布需要大于 0 的 "sd"`,
            );
          dist.mean = mean;
          dist.sd = sd as number;
        }
        if (name === 'triangular') {
          const mode = num('mode', (min + max) / 2);
          if (mode !== undefined && (mode < min || mode > max))
            add(`${f}.mode`, mode, `must be between min = ${min} and max = ${max}`, `应在 min = ${min} 与 max = ${max} 之间`);
          dist.mode = mode;
        }
        factors.push({ knob, kind: 'distribution', distribution: dist });
        continue;
      }
      // A range with steps.
      if (!numeric) {
        add(
          f,
          spec,
          `knob '${knob}' is ${ks.type === 'boolean' ? 'a boolean' : ks.type === 'date' ? 'a date' : 'a choice'}: give a list of values (${allowedText(ks)})`,
          `参数“${knob}”是${typeZh(ks.type)}：请给出取值列表`,
        );
        continue;
      }
      for (const key of Object.keys(spec))
        if (!['min', 'max', 'steps'].includes(key))
          add(
            `${f}.${key}`,
            spec[key],
            `unknown field '${key}' in a range${suggest(key, ['min', 'max', 'steps', 'distribution', 'values'])}; a range is {"min", "max", "steps"}`,
            `区间中没有字段“${key}”${suggestZh(key, ['min', 'max', 'steps', 'distribution', 'values'])}；区间的写法是 {"min", "max", "steps"}`,
          );
      const min = knobValue(knob, spec.min);
      const max = knobValue(knob, spec.max);
      if (spec.min === undefined || spec.max === undefined) {
        add(
          `${f}.${spec.min === undefined ? 'min' : 'max'}`,
          undefined,
          'a range needs "min" and "max" (and "steps")',
          '区间需要 "min" 和 "max"（以及 "steps"）',
        );
        continue;
      }
      if (!min.ok) addChecked(`${f}.min`, spec.min, min);
      if (!max.ok) addChecked(`${f}.max`, spec.max, max);
      if (!min.ok || !max.ok) continue;
      if (!((max.value as number) >= (min.value as number))) {
        add(`${f}.max`, spec.max, `must not be below min = ${min.value}`, `不能小于 min = ${min.value}`);
        continue;
      }
      let steps = design.type === 'morris' ? design.levels : 2;
      if (spec.steps !== undefined) {
        if (typeof spec.steps !== 'number' || !Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > MAX_STEPS) {
          add(
            `${f}.steps`,
            spec.steps,
            `${q(spec.steps)} is not allowed: must be an integer from 1 to ${MAX_STEPS} (the number of values, ends included)`,
            `不允许 ${q(spec.steps)}：应为 1 到 ${MAX_STEPS} 之间的整数（取值个数，含两端）`,
          );
          continue;
        }
        steps = spec.steps;
      } else if (design.type !== 'morris') {
        add(
          `${f}.steps`,
          undefined,
          'a range needs "steps": how many evenly spaced values, ends included',
          '区间需要 "steps"：等间距取值的个数，含两端',
        );
        continue;
      }
      const values = evenlySpaced(min.value as number, max.value as number, steps, ks.type === 'integer');
      factors.push({ knob, kind: 'range', min: min.value as number, max: max.value as number, steps, values });
    }
  }
  if (design.type === 'lhs') {
    for (const fa of factors)
      if (fa.kind === 'range')
        add(
          `vary.${fa.knob}`,
          '',
          'a Latin hypercube samples: give a distribution {"distribution": "uniform", "min", "max"} or a list of values',
          '拉丁超立方是抽样设计：请给出分布 {"distribution": "uniform", "min", "max"} 或取值列表',
        );
  }
  if (design.type === 'morris') {
    for (const fa of factors)
      if (fa.kind === 'list' && fa.values.length < 2)
        add(`vary.${fa.knob}`, fa.values, 'Morris needs at least two values per knob', 'Morris 方法要求每个参数至少有两个取值');
  }

  // ---- replicates
  let replicates = 1;
  if (input.replicates !== undefined) {
    const r = input.replicates;
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 1 || r > MAX_REPLICATES)
      add(
        'replicates',
        r,
        `${q(r)} is not allowed: must be an integer from 1 to ${MAX_REPLICATES}`,
        `不允许 ${q(r)}：应为 1 到 ${MAX_REPLICATES} 之间的整数`,
      );
    else replicates = r;
  }

  // ---- baseline levels (factorial, one-at-a-time): default the first value of each knob
  const baseline: Record<string, KnobValue> = {};
  for (const fa of factors) if (fa.kind !== 'distribution') baseline[fa.knob] = fa.values[0];
  if (input.baseline !== undefined) {
    if (!isObj(input.baseline))
      add(
        'baseline',
        input.baseline,
        'must be an object of varied knobs and their baseline values, like {"cadence": "monthly"}',
        '应为“被改变的参数：基准取值”的对象，例如 {"cadence": "monthly"}',
      );
    else {
      for (const [knob, v] of Object.entries(input.baseline)) {
        const fa = factors.find((x) => x.knob === knob);
        if (!fa || fa.kind === 'distribution') {
          add(
            `baseline.${knob}`,
            v,
            factorSpec(knob)
              ? `'${knob}' is not varied with a list or range, so it has no baseline level`
              : `unknown knob '${knob}'${suggest(
                  knob,
                  factors.map((x) => x.knob),
                )}`,
            factorSpec(knob)
              ? `“${knob}”没有用列表或区间改变，因此没有基准水平`
              : `未知参数“${knob}”${suggestZh(
                  knob,
                  factors.map((x) => x.knob),
                )}`,
          );
          continue;
        }
        const c = knobValue(knob, v);
        if (!c.ok) addChecked(`baseline.${knob}`, v, c);
        else if (!fa.values.includes(c.value))
          add(
            `baseline.${knob}`,
            v,
            `${q(v)} is not one of the values varied: ${fa.values.map((x) => String(x)).join(', ')}`,
            `${q(v)} 不在所改变的取值之中：${fa.values.map((x) => String(x)).join('、')}`,
          );
        else baseline[knob] = c.value;
      }
    }
  }

  // ---- posterior (a fit's posterior sample)
  let posterior: PosteriorSample | null = null;
  if (input.posterior !== undefined) posterior = checkPosterior(input.posterior, add, addChecked, warn, knobValue);

  if (problems.length > 0 || !scenario) return { ok: false, experiment: null, problems, warnings };
  const experiment: Experiment = { description, scenario, factors, design, replicates, horizonDays, metrics, resolution, seed, baseline };
  if (posterior) experiment.posterior = posterior;
  const runs = designSize(experiment) * replicates;
  if (runs > MAX_RUNS) {
    add(
      'replicates',
      replicates,
      `the experiment asks for ${runs} runs; the limit is ${MAX_RUNS}: fewer values, samples or replicates`,
      `实验需要 ${runs} 次运行，上限为 ${MAX_RUNS}：请减少取值、样本或重复次数`,
    );
    return { ok: false, experiment: null, problems, warnings };
  }
  return { ok: true, experiment, problems, warnings };
}

/** Number of design points (before replicates). */
export function designSize(exp: Experiment): number {
  const lv = exp.factors.map((f) => (f.kind === 'distribution' ? 1 : f.values.length));
  switch (exp.design.type) {
    case 'factorial':
      return lv.reduce((a, b) => a * b, 1);
    case 'oat':
      return 1 + lv.reduce((a, b) => a + b - 1, 0);
    case 'lhs':
      return exp.design.samples;
    case 'morris':
      return exp.design.trajectories * (exp.factors.length + 1);
  }
}

/**
 * Parse and validate experiment text (JSON): size limit and syntax position like scenario files.
 * `maxBytes` is raised only for an output folder's own experiment.json, which holds a posterior's sets.
 */
export function loadExperimentText(text: string, maxBytes = MAX_SCENARIO_BYTES): ExperimentLoad {
  const fail = (p: Problem): ExperimentLoad => ({ ok: false, experiment: null, problems: [p] });
  const tooLarge = sizeProblem('(input)', 'experiment text', utf8Length(text), maxBytes);
  if (tooLarge) return fail(tooLarge);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    return fail({
      field: '(json)',
      value: '',
      message: 'experiment text is empty: expected a JSON object like {"vary": {"handDown": [false, true]}}',
      zh: '实验文本为空：应为 JSON 对象，例如 {"vary": {"handDown": [false, true]}}',
    });
  const parsed = parseJsonText(body);
  if (!parsed.ok) {
    // worded and structured as the scenario loader's syntax errors, so the app words both alike
    const { line, column, near, why, reason } = parsed;
    const detail: Record<string, string | number> = { line, column, near, reason };
    if (parsed.found) detail.found = parsed.found;
    if (parsed.open) Object.assign(detail, { openChar: parsed.open.char, openLine: parsed.open.line, openColumn: parsed.open.column });
    return fail({
      field: '(json)',
      value: near,
      message: `invalid JSON at line ${line} column ${column}: ${why}`,
      code: 'invalid-json',
      detail,
    });
  }
  return loadExperiment(parsed.value);
}

/** The experiment as plain JSON that `loadExperiment` accepts again (scenario knobs fully resolved). */
export function experimentJson(exp: Experiment): Record<string, unknown> {
  const vary: Record<string, unknown> = {};
  for (const f of exp.factors) {
    if (f.kind === 'list') vary[f.knob] = f.values;
    else if (f.kind === 'range') vary[f.knob] = { min: f.min, max: f.max, steps: f.steps };
    else vary[f.knob] = { distribution: f.distribution.name, ...f.distribution, name: undefined };
  }
  return {
    description: exp.description || undefined,
    scenario: canonicalScenario(exp.scenario),
    vary,
    design: exp.design,
    replicates: exp.replicates,
    horizonDays: exp.horizonDays,
    metrics: exp.metrics,
    resolution: exp.resolution,
    seed: exp.seed,
    baseline: Object.keys(exp.baseline).length ? exp.baseline : undefined,
    posterior: exp.posterior,
  };
}

/** SHA-256 of the canonical JSON of the validated experiment: what every output file names. */
export function experimentHash(exp: Experiment): string {
  return sha256Hex(canonicalJson(experimentJson(exp)));
}
