/**
 * The plain data the charts take. Charts know nothing of the model: they get column
 * arrays (one value per simulated day) and the assessment periods.
 */
import type { KnobChange, PeriodRecord } from '../../sim/index.ts';

export type { Lang } from '../i18n.ts';

/** One run as the charts see it; the app streams new objects of this shape as days pass. */
export interface RunView {
  /** First simulated day, YYYY-MM-DD. */
  startDate: string;
  /** Days simulated so far (entries 0..day-1 of each daily series are valid). */
  day: number;
  /** Horizon in days (length of each daily series). */
  days: number;
  /** Daily metric series by metric name (see sim/metrics.ts). */
  daily: Record<string, Float64Array>;
  /** Assessment periods finished so far. */
  periods: PeriodRecord[];
  /** The dated changes the run was started with (none when absent). */
  timeline?: readonly KnobChange[];
  /** The model version the run runs on (an archived one on a page opened with an old link). */
  model?: string;
}

/** A vertical marker where a timeline change takes effect. */
export interface ChartMarker {
  /** Day of the run (0-based) the change takes effect. */
  day: number;
  date: string;
  /** Short label drawn beside the marker, in the chosen language. */
  label: string;
  /** The full text (tooltip, screen readers). */
  title: string;
  /** A change of the baseline only (compare mode). */
  baseline: boolean;
}

/** One series of a chart, already aggregated to weeks. */
export interface ChartSeries {
  key: string;
  /** Legend label, in the chosen language. */
  label: string;
  color: string;
  /** Weekly values; NaN where the week has no data. Only the first `count` entries are drawn. */
  values: Float64Array;
  /** 'stack' series are stacked in their order; 'line' series are drawn over them. */
  type: 'stack' | 'line';
  /** Which y axis the series uses (default left). */
  axis?: 'left' | 'right';
}

/** Everything one line chart draws. */
export interface ChartData {
  /** Date of week 0 (the run's start date), YYYY-MM-DD. */
  startDate: string;
  /** Days per point (7 for weeks). */
  step: number;
  /** Points in the horizon (fixes the x axis so the chart fills left to right). */
  total: number;
  /** Points with data so far. */
  count: number;
  series: ChartSeries[];
  /** Compare mode: the baseline's series with the same keys, and its own point count. */
  baseline?: { count: number; series: ChartSeries[] } | null;
  /** Shade the area between two line series (e.g. the Goodhart gap). */
  band?: { lo: string; hi: string; label: string; color: string } | null;
  /** Axis labels with units, in the chosen language. */
  yLabel: string;
  yLabelRight?: string;
  /** Series the difference strip shows in compare mode: a key, or 'total' for the stack total. */
  diffKey?: string;
  /** Label of the difference strip's series. */
  diffLabel?: string;
  /** Fixed top of the left axis (e.g. 1 for rates); else fitted to the data. */
  yMax?: number;
  /** Fit the left axis to the data's range (within 0..yMax) instead of starting at 0. */
  yFit?: boolean;
  /** Number format for read-outs, e.g. ',.0f' or '.2f'. */
  format?: string;
  formatRight?: string;
  /** Where timeline changes take effect. */
  markers?: readonly ChartMarker[];
  /** Compare mode across model versions: the two sides' names (absent: policy and baseline). */
  sides?: { run: string; base: string } | null;
}

/** What an exported chart image says about its run (drawn as a caption into the SVG and PNG). */
export interface ChartProvenance {
  /** The preset the scenario starts from. */
  preset: string;
  /** Knobs or timeline differ from the preset's. */
  changed: boolean;
  /** Short scenario hash (8 hex digits), as in the exports' file names. */
  hash: string;
  seed: number;
  /** Model version the run ran on. */
  version: string;
  /** The full app's link to this run. */
  link: string;
}
