/**
 * Timeline changes as people read them, in the app's language: a knob's short name
 * (sim/knob-labels.ts), a value as the knob panel shows it (on/off, an option's label, a number as
 * written), one change as one short line. Shared by the timeline editor, the knob panel's values
 * in force and the charts' markers. Pure.
 */
import { KNOB_LABELS, knobSpec, type KnobChange, type Knobs, type KnobValue } from '../sim/index.ts';
import { orderedKnobs } from '../scenarios/timeline.ts';
import { pick, t, type Lang } from './i18n.ts';

/** A knob's short name in `lang` (its name when the schema has no label for it). */
export function knobShort(name: string, lang: Lang): string {
  const l = (KNOB_LABELS as Record<string, { en: string; zh: string } | undefined>)[name];
  return l ? l[lang] : name;
}

/** A value as the knob panel shows it: On/Off, an option's label, a number or date as written. */
export function valueShort(name: string, v: KnobValue, lang: Lang): string {
  if (typeof v === 'boolean') return t(lang, v ? 'on' : 'off');
  const spec = knobSpec(name);
  if (typeof v === 'string' && spec?.optionLabels?.[v]) return pick(lang, spec.optionLabels[v]);
  return String(v);
}

/** One change's knobs as one line: `Assessment cadence: every two months; Department share: 0.5`. */
export function changeSummary(c: KnobChange, lang: Lang): string {
  const sep = lang === 'zh' ? '；' : '; ';
  const colon = lang === 'zh' ? '：' : ': ';
  return orderedKnobs(c.knobs)
    .map(([k, v]) => `${knobShort(k, lang)}${colon}${valueShort(k, v, lang)}`)
    .join(sep);
}

/** Days from `start` to `date` (both YYYY-MM-DD, UTC calendar days). */
export function daysBetween(start: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `start`, YYYY-MM-DD. */
export function dateAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The value of knob `name` in force on `date`: its own, or the last change's on or before that day. */
export function inForce(knobs: Knobs, timeline: readonly KnobChange[], name: string, date: string): KnobValue {
  let v = (knobs as unknown as Record<string, KnobValue>)[name];
  let when = '';
  // the latest change on or before the day wins, whatever the list's order
  for (const c of timeline) {
    const x = (c.knobs as Record<string, KnobValue | undefined>)[name];
    if (x !== undefined && c.date <= date && c.date >= when) {
      v = x;
      when = c.date;
    }
  }
  return v;
}
