/**
 * Where a run's timeline changes take effect, as markers for the time-axis charts: one per change
 * date, on the day it takes effect, labelled with the knobs' short names and new values in the
 * chart's language. In compare mode a baseline change that the run does not share gets a marker of
 * its own, marked as the baseline's. Pure.
 */
import type { KnobChange } from '../../sim/index.ts';
import { sameTimeline } from '../../scenarios/timeline.ts';
import { t } from '../i18n.ts';
import { changeSummary, daysBetween } from '../timeline-text.ts';
import type { ChartMarker, Lang, RunView } from './types.ts';

function marker(c: KnobChange, startDate: string, days: number, lang: Lang, baseline: boolean): ChartMarker | null {
  const day = daysBetween(startDate, c.date);
  if (!(day > 0 && day < days)) return null;
  const text = changeSummary(c, lang);
  const label = baseline ? `${t(lang, 'tl.baselineMarker')}: ${text}` : text;
  return { day, date: c.date, label, title: t(lang, 'tl.markerTitle', { date: c.date, changes: label }), baseline };
}

/** Markers of the run's changes, and of the baseline's changes the run does not make the same. */
export function timelineMarkers(run: RunView, baseline: RunView | null, lang: Lang): ChartMarker[] {
  const out: ChartMarker[] = [];
  for (const c of run.timeline ?? []) {
    const m = marker(c, run.startDate, run.days, lang, false);
    if (m) out.push(m);
  }
  for (const c of baseline?.timeline ?? []) {
    if ((run.timeline ?? []).some((r) => sameTimeline([r], [c]))) continue;
    const m = marker(c, run.startDate, run.days, lang, true);
    if (m) out.push(m);
  }
  return out;
}
