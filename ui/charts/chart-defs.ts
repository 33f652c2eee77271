/**
 * What each chart of the panel shows: which metrics, stacked or as lines, on which axis,
 * in which colour, and how a RunView becomes a chart's columns. Pure; unit-tested.
 */
import type { ChartData, ChartSeries, Lang, RunView } from './types.ts';
import { subtract, weekCount, weeklyMetric } from './aggregate.ts';
import type { CHART_TITLE } from '../i18n/charts.ts';
import { seriesLabel, weeklyUnit } from './labels.ts';
import { t } from '../i18n.ts';

/** Series colours, shared by every chart so one kind keeps one colour. */
export const COLORS: Record<string, string> = {
  filed_defect: '#4e79a7',
  filed_individual: '#f28e2b',
  filed_wish: '#e15759',
  filed_contested: '#76b7b2',
  filed_dispute: '#59a14f',
  filed_vent: '#edc948',
  filed_gaming: '#b07aa1',
  consultations: '#bab0ac',
  hotline: '#e15759',
  wechat_messages: '#59a14f',
  hall_cases: '#4e79a7',
  needs_dropped: '#c9c3bd',
  requests_per_10k: '#4e79a7',
  tickets_open: '#4e79a7',
  mean_days_to_close: '#e15759',
  staff_hours_tickets: '#4e79a7',
  staff_hours_gaming: '#b07aa1',
  staff_hours_appeals: '#f28e2b',
  staff_hours_longterm: '#59a14f',
  staff_overtime_hours: '#222222',
  gaming_paid: '#b07aa1',
  gaming_induced: '#f28e2b',
  gaming_fake: '#e15759',
  tickets_excluded: '#222222',
  official_satisfaction: '#e15759',
  true_satisfaction: '#4e79a7',
  official_resolution: '#f28e2b',
  resolution_rate: '#59a14f',
  tickets_overdue: '#e15759',
  needs_waiting: '#59a14f',
  // the Goodhart gap: its own colour (gaming's purple), not the red of the official line
  gap: '#9467bd',
  disputes_open: '#59a14f',
  disputes_settled: '#4e79a7',
  contested_flips: '#e15759',
};

/** How one chart is built from a run: which metrics, stacked or as lines, on which axis. */
export interface ChartDef {
  id: keyof typeof CHART_TITLE;
  file: string;
  stack?: string[];
  lines?: string[];
  right?: string[];
  unitOf: string;
  unitRightOf?: string;
  band?: [string, string];
  diffKey?: string;
  yMax?: number;
  /** Fit the left axis to the data (within 0..yMax). */
  yFit?: boolean;
  format?: string;
  formatRight?: string;
}

export const CHART_DEFS: readonly ChartDef[] = [
  {
    id: 'kind',
    file: 'tickets-by-kind',
    unitOf: 'tickets_filed',
    diffKey: 'total',
    stack: [
      'filed_defect',
      'filed_individual',
      'filed_wish',
      'filed_contested',
      'filed_dispute',
      'filed_vent',
      'filed_gaming',
      'consultations',
    ],
  },
  {
    id: 'channel',
    file: 'needs-by-channel',
    unitOf: 'needs_dropped',
    diffKey: 'hotline',
    stack: ['hotline', 'wechat_messages', 'hall_cases', 'needs_dropped'],
  },
  {
    id: 'per10k',
    file: 'requests-per-10k',
    unitOf: 'requests_per_10k',
    lines: ['requests_per_10k'],
    diffKey: 'requests_per_10k',
    format: ',.2f',
  },
  {
    id: 'backlog',
    file: 'backlog-and-time-to-close',
    unitOf: 'tickets_open',
    unitRightOf: 'mean_days_to_close',
    lines: ['tickets_open', 'tickets_overdue', 'needs_waiting'],
    right: ['mean_days_to_close'],
    diffKey: 'tickets_open',
    formatRight: ',.1f',
  },
  {
    id: 'hours',
    file: 'staff-hours',
    unitOf: 'staff_hours_tickets',
    diffKey: 'staff_hours_longterm',
    stack: ['staff_hours_tickets', 'staff_hours_gaming', 'staff_hours_appeals', 'staff_hours_longterm'],
    lines: ['staff_overtime_hours'],
  },
  {
    id: 'gaming',
    file: 'gaming-and-exclusion',
    unitOf: 'gaming_paid',
    diffKey: 'total',
    stack: ['gaming_paid', 'gaming_induced', 'gaming_fake'],
    lines: ['tickets_excluded'],
  },
  {
    id: 'satisfaction',
    file: 'satisfaction-gap',
    unitOf: 'official_satisfaction',
    diffKey: 'true_satisfaction',
    // the official figures (warm colours) beside the residents' own (cool)
    lines: ['official_satisfaction', 'true_satisfaction', 'official_resolution', 'resolution_rate'],
    // the gap shaded in its own colour, on an axis fitted to the rates so a few points show
    band: ['true_satisfaction', 'official_satisfaction'],
    yMax: 1,
    yFit: true,
    format: '.1%',
  },
  {
    id: 'disputes',
    file: 'disputes-and-flips',
    unitOf: 'disputes_open',
    unitRightOf: 'disputes_settled',
    lines: ['disputes_open'],
    right: ['disputes_settled', 'contested_flips'],
    diffKey: 'disputes_open',
    formatRight: ',.1f',
  },
];

/** Weekly values of a series key: a metric, or a derived series ('hotline' = residents' 12345 contacts). */
export function weeklySeries(run: RunView, key: string): Float64Array {
  if (key === 'hotline') {
    return subtract(weeklyMetric(run.daily, 'tickets_filed', run.day), weeklyMetric(run.daily, 'filed_gaming', run.day));
  }
  return weeklyMetric(run.daily, key, run.day);
}

/** The band's legend: what it is and its mean so far, in points (official − residents'). */
export function gapLabel(run: RunView, band: readonly [string, string], lang: Lang): string {
  const lo = weeklySeries(run, band[0]);
  const hi = weeklySeries(run, band[1]);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < Math.min(lo.length, hi.length, weekCount(run.day)); i++) {
    const g = hi[i] - lo[i];
    if (Number.isFinite(g)) {
      sum += g;
      n++;
    }
  }
  const label = t(lang, 'chart.gapBand');
  return n ? `${label} · ${t(lang, 'chart.gapMean', { gap: (100 * (sum / n)).toFixed(1) })}` : label;
}

/** The ChartData of one chart for a run (and its baseline). Pure apart from label lookup. */
export function buildChart(def: ChartDef, run: RunView, baseline: RunView | null, lang: Lang): ChartData {
  const mk = (r: RunView): ChartSeries[] => [
    ...(def.stack ?? []).map((k) => ({
      key: k,
      label: seriesLabel(k, lang),
      color: COLORS[k] ?? '#888',
      values: weeklySeries(r, k),
      type: 'stack' as const,
    })),
    ...(def.lines ?? []).map((k) => ({
      key: k,
      label: seriesLabel(k, lang),
      color: COLORS[k] ?? '#888',
      values: weeklySeries(r, k),
      type: 'line' as const,
    })),
    ...(def.right ?? []).map((k) => ({
      key: k,
      label: seriesLabel(k, lang),
      color: COLORS[k] ?? '#888',
      values: weeklySeries(r, k),
      type: 'line' as const,
      axis: 'right' as const,
    })),
  ];
  const diffKey = def.diffKey ?? 'total';
  return {
    startDate: run.startDate,
    step: 7,
    total: Math.max(1, weekCount(run.days)),
    count: weekCount(run.day),
    series: mk(run),
    baseline: baseline ? { count: weekCount(baseline.day), series: mk(baseline) } : null,
    band: def.band ? { lo: def.band[0], hi: def.band[1], label: gapLabel(run, def.band, lang), color: COLORS.gap } : null,
    yLabel: weeklyUnit(def.unitOf, lang),
    yLabelRight: def.unitRightOf ? weeklyUnit(def.unitRightOf, lang) : undefined,
    diffKey,
    diffLabel: seriesLabel(diffKey, lang),
    yMax: def.yMax,
    yFit: def.yFit,
    format: def.format,
    formatRight: def.formatRight,
  };
}
