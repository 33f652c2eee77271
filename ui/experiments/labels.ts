/**
 * The experiments tab's names for knobs, values, metrics and design points, in the page's
 * language: the schema's written short names (sim/knob-labels.ts, sim/metric-labels.ts) instead of
 * identifiers. A varied field that is not a knob (a timeline change's date or value, `timeline[0].date`)
 * keeps its path, which is what the experiment file and the link say.
 */
import { KNOB_LABELS, KNOBS, METRIC_LABELS } from '../../sim/index.ts';
import type { DesignPoint } from '../../experiments/index.ts';
import type { Lang } from '../i18n.ts';

const SPECS = new Map(KNOBS.map((k) => [k.name as string, k]));

/** A knob's short name, or the field itself when it is not a knob. */
export function knobText(name: string, lang: Lang): string {
  const l = (KNOB_LABELS as Record<string, { en: string; zh: string } | undefined>)[name];
  return l ? l[lang] : name;
}

/** A value of a knob as the knob panel shows it (an option's written name, yes/no). */
export function valueText(name: string, value: unknown, lang: Lang): string {
  const spec = SPECS.get(name);
  if (spec?.optionLabels && typeof value === 'string' && spec.optionLabels[value]) return spec.optionLabels[value][lang];
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '开' : '关') : value ? 'on' : 'off';
  if (typeof value === 'number') return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
  return String(value);
}

/** A metric's short name, or the identifier when it has none (a summary-only figure). */
export function metricText(name: string, lang: Lang): string {
  const l = (METRIC_LABELS as Record<string, { en: string; zh: string } | undefined>)[name];
  return l ? l[lang] : name;
}

const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

/** Every varied field of a point, written out: "Ranking cadence: bimonthly, Hand-down: on". */
export function valuesText(values: Record<string, unknown>, lang: Lang): string {
  return Object.entries(values)
    .map(([k, v]) => `${knobText(k, lang)}${colon(lang)}${valueText(k, v, lang)}`)
    .join(lang === 'zh' ? '；' : ', ');
}

/** A design point's name: one-at-a-time points by the knob they move, others by every varied knob. */
export function pointText(p: DesignPoint, baselineWord: string, lang: Lang): string {
  if (p.moved === undefined) return valuesText(p.values, lang);
  if (p.moved === null) return baselineWord;
  return `${knobText(p.moved, lang)}${colon(lang)}${valueText(p.moved, p.values[p.moved], lang)}`;
}
