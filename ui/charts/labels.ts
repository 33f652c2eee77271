/**
 * The charts' label functions: a metric's unit once aggregated by week, a series' legend label,
 * a unit's name, a grade band's name. The texts are in ui/i18n/charts.ts (read with `t`); axis units come from the
 * metric table (sim/metrics.ts), turned from per-day to per-week.
 */
import { METRICS } from '../../sim/index.ts';
import { hasText, pick, t, type Lang, type Text } from '../i18n.ts';

export { CHART_TITLE as CHART, SERIES } from '../i18n/charts.ts';

const UNIT = new Map<string, Text>(METRICS.map((m) => [m.name, m.unit]));
const AGG = new Map<string, string>(METRICS.map((m) => [m.name, m.agg]));

/**
 * The unit of a metric once aggregated by week: a summed per-day unit becomes per week,
 * levels and means keep their unit.
 */
export function weeklyUnit(name: string, lang: Lang): string {
  const u = UNIT.get(name);
  if (!u) return '';
  const s = pick(lang, u);
  if (AGG.get(name) !== 'sum') return s;
  return lang === 'zh' ? s.replace('/天', '/周').replace('每天', '每周') : s.replace('per day', 'per week');
}

/** A series' legend label (a metric's name or a derived series), or the key itself when it has none. */
export function seriesLabel(key: string, lang: Lang): string {
  const k = `series.${key}`;
  return hasText(k) ? t(lang, k) : key;
}

/** A unit's name, numbered from 1. */
export function unitName(unit: number, lang: Lang): string {
  return t(lang, 'chart.unitN', { n: unit + 1 });
}

/** A grade band's name; an unknown or missing grade reads as a pass. */
export function gradeLabel(grade: string | null | undefined, lang: Lang): string {
  const k = `grade.${grade ?? 'pass'}`;
  return t(lang, hasText(k) ? k : 'grade.pass');
}
