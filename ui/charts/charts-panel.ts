/**
 * <hl-charts>: the run's charts in a responsive grid. Takes a RunView (and in compare
 * mode a baseline RunView), aggregates the daily series by week once per new day, and
 * hands each chart its columns. Nothing is recomputed while the day stays the same.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import type { ChartData, ChartMarker, ChartProvenance, Lang, RunView } from './types.ts';
import { t } from '../i18n.ts';
import { CHART_DEFS, buildChart } from './chart-defs.ts';
import { timelineMarkers } from './markers.ts';
import { sideNames, type SideNames } from './sides.ts';
import './line-chart.ts';
import './bump-chart.ts';

export class HlCharts extends LitElement {
  static override properties = {
    run: { attribute: false },
    baseline: { attribute: false },
    lang: {},
    provenance: { attribute: false },
    show: { attribute: false },
  };

  /** The run to show; assign a new object (sharing the arrays) whenever `day` advances. */
  declare run: RunView | null;
  /** Compare mode: the baseline run on the same seed; null otherwise. */
  declare baseline: RunView | null;
  declare lang: Lang;
  /** The run's provenance, for the caption and file name of exported images (null: none). */
  declare provenance: ChartProvenance | null;
  /** Chart ids to show (an embed's `show=`); empty: every chart. */
  declare show: readonly string[];

  private key = '';
  private built: ChartData[] = [];
  private markers: ChartMarker[] = [];
  private sides: SideNames | null = null;
  // Copies, so the bump chart sees a new array even if the app appends to the same one.
  private periods: RunView['periods'] = [];
  private basePeriods: RunView['periods'] | null = null;

  constructor() {
    super();
    this.run = null;
    this.baseline = null;
    this.lang = 'en';
    this.provenance = null;
    this.show = [];
  }

  static override styles = css`
    :host { display: block; font: 14px/1.3 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr)); gap: 14px; }
    .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px 10px 6px; min-width: 0; }
    .caption { font-size: 12px; color: #555; margin: 6px 0 0; }
  `;

  /** Skip rebuilding unless a day, a period, the baseline or the language changed. */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const r = this.run;
    const b = this.baseline;
    const key = [
      this.lang,
      r ? `${r.startDate}|${r.day}|${r.days}|${r.periods.length}|${r.timeline?.length ?? 0}|${r.model}` : '-',
      b ? `${b.startDate}|${b.day}|${b.periods.length}|${b.timeline?.length ?? 0}|${b.model}` : '-',
    ].join('#');
    if (key === this.key && !changed.has('lang')) return changed.has('show') || changed.has('provenance');
    this.key = key;
    // every time-axis chart marks where the run's (and the baseline's) timeline changes take effect
    this.markers = r ? timelineMarkers(r, b, this.lang) : [];
    const markers = this.markers;
    // across model versions each side is named by its version, not "policy" and "baseline"
    this.sides = sideNames(r, b, this.lang);
    const sides = this.sides;
    this.built = r ? CHART_DEFS.map((d) => ({ ...buildChart(d, r, b, this.lang), markers, sides })) : [];
    if (!r) this.periods = [];
    else if (r.periods.length !== this.periods.length || r.periods[0] !== this.periods[0]) this.periods = r.periods.slice();
    if (!b) this.basePeriods = null;
    else if (b.periods.length !== this.basePeriods?.length || b.periods[0] !== this.basePeriods[0]) this.basePeriods = b.periods.slice();
    return true;
  }

  /** Periods in the horizon, from the first period's length (0 until one is known). */
  private totalPeriods(): number {
    const r = this.run;
    const p0 = r?.periods[0];
    if (!r || !p0 || p0.endDay <= p0.startDay) return 0;
    return Math.ceil(r.days / (p0.endDay - p0.startDay));
  }

  override render() {
    const lang = this.lang;
    const prov = this.provenance;
    const shown = (id: string) => !this.show.length || this.show.includes(id);
    const charts = CHART_DEFS.map((def, i) =>
      shown(def.id)
        ? html`<div class="card" data-chart=${def.id}>
      <hl-line-chart .data=${this.built[i] ?? null} .heading=${t(lang, `chartTitle.${def.id}`)} .lang=${lang} .fileName=${def.file} .provenance=${prov}></hl-line-chart>
    </div>`
        : nothing,
    );
    const bump = shown('ranks')
      ? html`<div class="card" data-chart="ranks">
      <hl-bump-chart .periods=${this.periods} .baseline=${this.basePeriods} .totalPeriods=${this.totalPeriods()} .days=${this.run?.days ?? 0}
        .markers=${this.markers} .baseName=${this.sides?.base ?? null} .heading=${t(lang, 'chartTitle.ranks')} .lang=${lang} .fileName=${'unit-ranks'} .provenance=${prov}></hl-bump-chart>
    </div>`
      : nothing;
    // Order: tickets by kind, by channel, per 10k, backlog, hours, gaming, satisfaction, ranks, disputes.
    return html`<div class="grid">${charts.slice(0, 7)}${bump}${charts.slice(7)}</div>
      <p class="caption">${t(lang, 'chart.caption')}</p>`;
  }
}

customElements.define('hl-charts', HlCharts);

declare global {
  interface HTMLElementTagNameMap {
    'hl-charts': HlCharts;
  }
}

export { COLORS, CHART_DEFS, buildChart } from './chart-defs.ts';
