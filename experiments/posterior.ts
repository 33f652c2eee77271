/**
 * An experiment's `posterior`: a fit's posterior sample (posterior-sample.json of `hotline-lab
 * fit`), so each replicate draws the uncertain knobs from the fit instead of holding them at their
 * defaults, and a policy effect's interval holds parameter uncertainty as well as seed noise
 * (issue 14).
 *
 * Semantics (the same as `fit --policies`, experiments/fit-carry.ts): replicate k of every design
 * point runs with posterior set k mod n, so the arms of a comparison stay paired (same seed, same
 * set). A knob the design point varies keeps the point's value; a knob the scenario sets away from
 * the model's default (a preset's policy, or the file's `scenario.knobs`) keeps the scenario's
 * value; every other knob of the set replaces the default. Seeds are unchanged.
 *
 * Pure: no Node or DOM API.
 */
import { MODEL, defaultKnobs, knobSpec, type KnobValue, type Knobs } from '../sim/index.ts';
import { checkKnobValue, nearest, show, type Problem } from '../scenarios/loader.ts';
import { canonicalJson, sha256Hex } from '../scenarios/export.ts';

/** A validated posterior sample: the fit it came from, and its parameter sets (knob to value). */
export interface PosteriorSample {
  /** The model that ran the fit, as `hotline-lab 0.2.0`. */
  model: string;
  /** The fit's hash (fit.json), naming the fit in every output file. */
  fitHash: string;
  /** The fit's seed. */
  seed: number;
  sets: Record<string, KnobValue>[];
}

export const POSTERIOR_FIELDS = ['model', 'fitHash', 'seed', 'sets'] as const;
export const MAX_POSTERIOR_SETS = 10_000;
/** Problems reported inside `sets` at most (a wrong file would otherwise give thousands). */
const MAX_SET_PROBLEMS = 8;
/** Knobs a set may not hold: the experiment decides them. */
const EXPERIMENT_KNOBS = ['horizonDays'];

export const modelName = (): string => `${MODEL.name} ${MODEL.version}`;

type Add = (field: string, value: unknown, message: string, zh: string) => void;
type AddChecked = (field: string, value: unknown, c: { message: string; code?: Problem['code']; allowed?: Problem['allowed'] }) => void;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KNOB_NAMES = (): string[] => Object.keys(defaultKnobs());

/**
 * Check an experiment's `posterior` value. Problems go to `add`/`addChecked` (they make the
 * experiment fail), a set of another model version to `warn` (it runs, but says so).
 */
export function checkPosterior(
  value: unknown,
  add: Add,
  addChecked: AddChecked,
  warn: Add,
  check: (
    knob: string,
    v: unknown,
  ) => { ok: true; value: KnobValue } | { ok: false; message: string; code?: Problem['code']; allowed?: Problem['allowed'] },
): PosteriorSample | null {
  const F = 'posterior';
  if (typeof value === 'string') {
    add(
      F,
      value,
      `'${show(value)}' is a file name: only the command line reads files (resolved relative to the experiment file, or give --posterior FILE); here give the posterior sample itself, {"model", "fitHash", "seed", "sets": [...]}`,
      `“${show(value)}”是文件名：只有命令行读取文件（相对于实验文件解析，或用 --posterior FILE）；此处请直接给出后验样本 {"model", "fitHash", "seed", "sets": [...]}`,
    );
    return null;
  }
  if (!isObj(value)) {
    add(
      F,
      value,
      'must be a fit\'s posterior sample {"model", "fitHash", "seed", "sets": [...]} as `hotline-lab fit` writes it to posterior-sample.json',
      '应为拟合的后验样本 {"model", "fitHash", "seed", "sets": [...]}，即 `hotline-lab fit` 写出的 posterior-sample.json',
    );
    return null;
  }
  let ok = true;
  for (const key of Object.keys(value))
    if (!(POSTERIOR_FIELDS as readonly string[]).includes(key)) {
      const n = nearest(key, POSTERIOR_FIELDS);
      add(
        `${F}.${key}`,
        value[key],
        `unknown field '${key}'${n ? `: did you mean '${n}'?` : `: allowed fields are ${POSTERIOR_FIELDS.join(', ')}`}`,
        `未知字段“${key}”${n ? `：您是否想输入“${n}”？` : `：可用字段为 ${POSTERIOR_FIELDS.join('、')}`}`,
      );
      ok = false;
    }
  const { model, fitHash, seed, sets } = value;
  if (typeof model !== 'string' || !model) {
    add(`${F}.model`, model, 'must be the model that ran the fit, as "hotline-lab 0.2.0"', '应为运行拟合的模型，例如 "hotline-lab 0.2.0"');
    ok = false;
  } else if (model !== modelName())
    warn(
      `${F}.model`,
      model,
      `the sets come from ${model}, this is ${modelName()}: the knobs may mean something else now; fit again with this model to be sure`,
      `这些参数组来自 ${model}，当前是 ${modelName()}：参数的含义可能已经改变；请用当前模型重新拟合以确认`,
    );
  if (typeof fitHash !== 'string' || !/^[0-9a-f]{12,64}$/.test(fitHash)) {
    add(
      `${F}.fitHash`,
      fitHash,
      "must be the fit's hash (hex, as in fit.json and every file of the fit)",
      '应为拟合的哈希值（十六进制，见 fit.json 及拟合的各个文件）',
    );
    ok = false;
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0)) {
    add(`${F}.seed`, seed, "must be the fit's seed, an integer from 0", '应为拟合的随机种子，即不小于 0 的整数');
    ok = false;
  }
  if (!Array.isArray(sets) || sets.length === 0) {
    add(
      `${F}.sets`,
      sets,
      Array.isArray(sets)
        ? 'is empty: a posterior sample needs at least one parameter set'
        : 'must be a list of parameter sets, each {"knob": value, ...}',
      Array.isArray(sets) ? '为空：后验样本至少需要一组参数' : '应为参数组的列表，每组形如 {"参数": 取值, ...}',
    );
    return null;
  }
  if (sets.length > MAX_POSTERIOR_SETS) {
    add(
      `${F}.sets`,
      `${sets.length} sets`,
      `holds ${sets.length} sets; the limit is ${MAX_POSTERIOR_SETS}`,
      `含 ${sets.length} 组；上限为 ${MAX_POSTERIOR_SETS}`,
    );
    return null;
  }
  const names = KNOB_NAMES();
  const out: Record<string, KnobValue>[] = [];
  let bad = 0;
  const more = () => ++bad <= MAX_SET_PROBLEMS;
  sets.forEach((s, i) => {
    const f = `${F}.sets[${i}]`;
    if (!isObj(s)) {
      if (more()) add(f, s, 'must be a parameter set {"knob": value, ...}', '应为参数组 {"参数": 取值, ...}');
      ok = false;
      return;
    }
    const set: Record<string, KnobValue> = {};
    for (const [knob, v] of Object.entries(s)) {
      if (!knobSpec(knob)) {
        const n = nearest(knob, names);
        if (more())
          add(
            `${f}.${knob}`,
            v,
            `unknown knob '${knob}'${n ? `: did you mean '${n}'?` : '; see `hotline-lab knobs`'}`,
            `未知参数“${knob}”${n ? `：您是否想输入“${n}”？` : '；可用 `hotline-lab knobs` 查看'}`,
          );
        ok = false;
        continue;
      }
      if (EXPERIMENT_KNOBS.includes(knob)) {
        if (more())
          add(`${f}.${knob}`, v, `'${knob}' is the experiment's to set, not a posterior's`, `“${knob}”由实验设定，不能来自后验样本`);
        ok = false;
        continue;
      }
      const c = check(knob, v);
      if (!c.ok) {
        if (more()) addChecked(`${f}.${knob}`, v, c);
        ok = false;
        continue;
      }
      set[knob] = c.value;
    }
    out.push(set);
  });
  if (bad > MAX_SET_PROBLEMS)
    add(
      `${F}.sets`,
      `${bad} problems`,
      `${bad - MAX_SET_PROBLEMS} more problems in the sets not shown: is this the posterior-sample.json of a fit?`,
      `参数组中还有 ${bad - MAX_SET_PROBLEMS} 个问题未列出：这是拟合的 posterior-sample.json 吗？`,
    );
  if (!ok) return null;
  return { model: model as string, fitHash: fitHash as string, seed: (seed as number | undefined) ?? 0, sets: out };
}

/** The posterior set replicate k draws: set k mod n. */
export const posteriorSet = (post: PosteriorSample, replicate: number): number => replicate % post.sets.length;

let defaultsCache: Knobs | null = null;

/**
 * A run's knobs with posterior set `set` applied: every knob of the set replaces the point's
 * value, except knobs the design point varies and knobs the scenario sets away from the default.
 */
export function withPosterior(
  knobs: Knobs,
  scenarioKnobs: Knobs,
  varied: Readonly<Record<string, unknown>>,
  set: Readonly<Record<string, KnobValue>>,
): Knobs {
  defaultsCache ??= defaultKnobs();
  const dflt = defaultsCache as unknown as Record<string, KnobValue>;
  const sc = scenarioKnobs as unknown as Record<string, KnobValue>;
  const out = { ...knobs } as unknown as Record<string, KnobValue>;
  for (const [k, v] of Object.entries(set)) if (!(k in varied) && sc[k] === dflt[k]) out[k] = v;
  return out as unknown as Knobs;
}

/** What the output files say of a posterior: the fit, its model and seed, the number of sets and their hash. */
export function posteriorSummary(post: PosteriorSample): { fitHash: string; model: string; seed: number; sets: number; setsHash: string } {
  return {
    fitHash: post.fitHash,
    model: post.model,
    seed: post.seed,
    sets: post.sets.length,
    setsHash: sha256Hex(canonicalJson(post.sets)),
  };
}

/** A posterior sample on its own (the app's file input): checked as an experiment's `posterior` is. */
export function loadPosterior(value: unknown): { sample: PosteriorSample | null; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const to =
    (list: Problem[]) =>
    (field: string, v: unknown, message: string, zh: string): void => {
      list.push({ field, value: show(v), message: `${field}: ${message}`, zh: `${field}：${zh}` });
    };
  const sample = checkPosterior(
    value,
    to(problems),
    (field, v, c) => problems.push({ field, value: show(v), message: `${field}: ${c.message}`, code: c.code, allowed: c.allowed }),
    to(warnings),
    (knob, v) => checkKnobValue(knobSpec(knob)!, v),
  );
  return { sample, problems, warnings };
}
