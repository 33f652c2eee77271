/**
 * An experiment in a link: the `exp=` parameter, readable by a person, next to the scenario's own
 * parameters (preset, seed, knobs). Parts are separated by ';', a key from its value by ':', list
 * values by ',', and a range is min..max/steps:
 *
 *   ?preset=pinggu-hand-down&seed=1&residents=115000&exp=cadence:monthly,bimonthly;handDown:false,true;replicates:20
 *   exp=councilSkill:0.2..0.8/4;design:oat;metrics:gaming_intensity_mean,true_satisfaction
 *
 * Keys: replicates, design (factorial | oat), metrics, resolution, horizonDays; any other key is a knob
 * to vary. `posterior` is refused (a link cannot carry a fit's sets; `linkPosteriorProblem`). Parsing gives a plain experiment object that `loadExperiment` then validates, so a bad
 * link gets the same messages (naming the field) as a bad file. Pure.
 */
import { formatKnobValue } from '../scenarios/loader.ts';
import type { KnobValue } from '../sim/index.ts';
import type { Problem } from '../scenarios/loader.ts';
import type { Experiment } from './schema.ts';

/** Keys of the `exp` parameter that are not knobs. */
export const EXP_KEYS = ['replicates', 'design', 'metrics', 'resolution', 'horizonDays'] as const;

/**
 * The `exp` value as it goes into a query string: percent-encoded except for `, : ; /`, which are
 * legal in a query and keep it readable. `&`, `=`, `#`, `+` and `%` are encoded, so the value stays
 * one parameter whatever it holds.
 */
export function encodeExpParam(s: string): string {
  return encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%2F/g, '/');
}
const enc = encodeExpParam;

/** The `exp` parameter's value for an experiment (factorial or one-at-a-time, list or range knobs). */
export function experimentToParam(exp: Experiment): string {
  const parts: string[] = [];
  for (const f of exp.factors) {
    if (f.kind === 'list') parts.push(`${f.knob}:${f.values.map((v) => enc(formatKnobValue(v))).join(',')}`);
    else if (f.kind === 'range') parts.push(`${f.knob}:${formatKnobValue(f.min)}..${formatKnobValue(f.max)}/${f.steps}`);
  }
  parts.push(`replicates:${exp.replicates}`);
  if (exp.design.type !== 'factorial') parts.push(`design:${exp.design.type}`);
  parts.push(`metrics:${exp.metrics.join(',')}`);
  if (exp.resolution !== 'period') parts.push(`resolution:${exp.resolution}`);
  // the fit is named, its sets are not carried: opening the link asks for them (linkPosteriorProblem)
  if (exp.posterior) parts.push(`posterior:${exp.posterior.fitHash.slice(0, 12)}`);
  return parts.join(';');
}

export interface ParsedExpParam {
  /** An experiment object without scenario and seed (the link's own parameters give those). */
  input: Record<string, unknown>;
  /**
   * What the link asked for that a link cannot hold: a `posterior` (a fit's parameter sets are
   * thousands of numbers). The experiment is refused while this is said; see `linkPosteriorProblem`.
   */
  posterior?: string;
}

/** The problem of a link that names a posterior: refused, with what to do instead (both languages). */
export function linkPosteriorProblem(value: string): Problem {
  return {
    field: 'exp.posterior',
    value,
    message: `exp.posterior: the experiment draws its uncertain knobs from the posterior of fit '${value}', whose parameter sets a link cannot carry: load that fit's posterior-sample.json under 'Fit result' below and tick 'Draw uncertain knobs from this posterior', or remove posterior:${value} from the link to run with the knobs at their defaults (on the command line, put "posterior" in the experiment file)`,
    zh: `exp.posterior：该实验的不确定参数取自拟合“${value}”的后验，而链接无法携带其参数组：请在下方“拟合结果”中载入该拟合的 posterior-sample.json 并勾选“从此后验抽取不确定参数”，或从链接中删去 posterior:${value}，以默认参数运行（命令行中请在实验文件里写入 "posterior"）`,
  };
}

/** Read the `exp` parameter (already percent-decoded) into an experiment object for `loadExperiment`. */
export function parseExperimentParam(text: string): ParsedExpParam {
  const vary: Record<string, unknown> = {};
  const input: Record<string, unknown> = { vary, resolution: 'period' };
  let posterior: string | undefined;
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const colon = part.indexOf(':');
    const key = colon >= 0 ? part.slice(0, colon).trim() : part;
    const value = colon >= 0 ? part.slice(colon + 1).trim() : '';
    switch (key) {
      case 'replicates':
      case 'horizonDays': {
        const n = Number(value);
        input[key] = value !== '' && Number.isFinite(n) ? n : value;
        break;
      }
      case 'design':
      case 'resolution':
        input[key] = value;
        break;
      case 'posterior':
        posterior = value;
        break;
      case 'metrics':
        input.metrics = value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      default: {
        const range = /^(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+)(?:\/(\d+))?$/.exec(value);
        if (range) vary[key] = { min: Number(range[1]), max: Number(range[2]), steps: range[3] === undefined ? 2 : Number(range[3]) };
        else vary[key] = value === '' ? [] : (value.split(',').map((s) => s.trim()) as KnobValue[]);
      }
    }
  }
  return posterior === undefined ? { input } : { input, posterior };
}
