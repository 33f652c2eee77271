/**
 * <hl-bump-chart>: every unit's rank in every assessment period, one line per unit,
 * rank 1 at the top, so the swings of monthly rankings are visible. In grade mode the
 * bands are shaded and units sit in their band, ordered by score. Below, a strip of
 * the rank change per period (baseline dashed in compare mode) and the mean printed.
 * Periods sit at their middle day on a time axis (rank-scale.ts), so any cadence, and a
 * baseline of another cadence, fills the width; with many units (a city's hundreds) the
 * latest top and bottom ten are drawn over a compressed middle band, and a picker follows any unit.
 */
import { LitElement, html, svg, css, nothing, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { PeriodRecord } from '../../sim/index.ts';
import type { ChartMarker, ChartProvenance, Lang } from './types.ts';
import { markerStyles, markersSvg } from './marker-svg.ts';
import { bumpSlots, gradeBands, gradeChurnSeries, meanGradeChurn, meanRankVolatility } from './aggregate.ts';
import { gradeLabel, unitName } from './labels.ts';
import { axisDays, periodAt, periodMid, rankScale, shownUnits, type RankScale } from './rank-scale.ts';
import { t } from '../i18n.ts';
import { exportSvgElement } from './export.ts';
import { captionLines, chartFileBase } from './caption.ts';
import { cancelDraw, queueDraw } from './draw-queue.ts';
import { WidthController } from './width-controller.ts';
import { chartBaseStyles } from './chart-styles.ts';

const M = { top: 12, right: 64, bottom: 24, left: 44, leftGrades: 84 };
const STRIP = 78;
const GRADE_FILL: Record<string, string> = { excellent: '#d8efd3', good: '#dbe8f6', pass: '#f6efcf', poor: '#f7d9d6' };

/** Unit colours: a categorical scheme, cycled. */
export function unitColor(unit: number): string {
  const s = [...d3.schemeTableau10, '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#666666', '#1f78b4'];
  return s[unit % s.length];
}

interface UnitLine {
  unit: number;
  d: string;
  color: string;
}

export class HlBumpChart extends LitElement {
  static override properties = {
    periods: { attribute: false },
    baseline: { attribute: false },
    lang: {},
    heading: {},
    fileName: { attribute: 'file-name' },
    provenance: { attribute: false },
    plotHeight: { type: Number, attribute: 'plot-height' },
    totalPeriods: { type: Number, attribute: 'total-periods' },
    days: { type: Number },
    markers: { attribute: false },
    baseName: { attribute: false },
    _width: { state: true },
    _hover: { state: true },
    _unit: { state: true },
    _picked: { state: true },
  };

  /** Assessment periods so far (rank or grade mode). */
  declare periods: PeriodRecord[];
  /** Compare mode: the baseline run's periods. */
  declare baseline: PeriodRecord[] | null;
  declare lang: Lang;
  declare heading: string;
  declare fileName: string;
  /** The run this chart shows, printed as a caption under an exported image and in its file name; null: neither. */
  declare provenance: ChartProvenance | null;
  declare plotHeight: number;
  /** Periods in the whole horizon, so the chart fills left to right like the others (0: fit the data). */
  declare totalPeriods: number;
  /** Days in the run's horizon: the time axis (0: as far as the periods reach). */
  declare days: number;
  /** Where timeline changes take effect (by day; placed between the periods around that day). */
  declare markers: readonly ChartMarker[];
  /** The other side's name when it is not the baseline (another model version), else null. */
  declare baseName: string | null;
  declare _width: number;
  /** Period under the read-out, -1 for none. */
  declare _hover: number;
  /** Highlighted unit, -1 for none. */
  declare _unit: number;
  /** The unit chosen in the picker (followed until unpicked), -1 for none. */
  declare _picked: number;

  private slots: Map<number, number>[] = [];
  private units: number[] = [];
  private x = d3.scaleLinear();
  private y = d3.scaleLinear();
  private ranks: RankScale = rankScale(0);
  private shown: number[] = [];
  private yv = d3.scaleLinear();
  private gradeMode = false;
  private vol: (number | null)[] = [];
  private baseVol: (number | null)[] = [];

  private get left(): number {
    return this.gradeMode ? M.leftGrades : M.left;
  }

  constructor() {
    super();
    new WidthController(this);
    this.periods = [];
    this.baseline = null;
    this.lang = 'en';
    this.heading = '';
    this.provenance = null;
    this.fileName = 'ranks';
    this.plotHeight = 230;
    this.totalPeriods = 0;
    this.days = 0;
    this.markers = [];
    this.baseName = null;
    this._width = 480;
    this._hover = -1;
    this._unit = -1;
    this._picked = -1;
  }

  /** The plot's height: taller with a compressed axis (23 rows), so each row keeps a label's height. */
  private get ph(): number {
    return this.ranks.compressed ? Math.max(this.plotHeight, 330) : this.plotHeight;
  }

  /** A slot's y (through the compressed axis with many units). */
  private ys(slot: number): number {
    return this.y(this.ranks.pos(slot));
  }

  /** Where period i of `ps` sits on the x axis. */
  private px(ps: readonly PeriodRecord[], i: number): number {
    const p = ps[i];
    return p ? this.x(periodMid(p)) : this.left;
  }

  static override styles = [
    chartBaseStyles,
    markerStyles,
    css`
    .summary { font-size: 13px; margin: 0 0 4px; }
    .summary b { font-variant-numeric: tabular-nums; }
    ul.legend li { display: inline-flex; align-items: center; gap: 5px; }
    .lines path { fill: none; stroke-width: 1.6; stroke-opacity: 0.75; }
    .lines path.dim { stroke-opacity: 0.28; }
    .lines path.hi { stroke-width: 3.5; stroke-opacity: 1; }
    .pen circle { fill: #c62828; stroke: #fff; stroke-width: 1; }
    .endlabel { font-size: 11px; }
    .middle rect { fill: #f1f1f1; }
    .middle-label text { font-size: 11px; fill: #444; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .picker { font-size: 12.5px; margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
    .picker select { font: inherit; max-width: 100%; }
    .band-label { font-size: 12px; fill: #333; font-weight: 600; }
    .vol path { fill: none; stroke: #333; stroke-width: 2; }
    .vol path.base { stroke-dasharray: 6 4; stroke: #777; }
    .rule { stroke: #222; }
    .readout { position: absolute; top: 4px; background: rgba(255,255,255,0.95); border: 1px solid #bbb; border-radius: 4px;
      padding: 4px 7px; font-size: 12.5px; pointer-events: none; white-space: nowrap; box-shadow: 0 1px 4px rgba(0,0,0,0.15); z-index: 2; }
    .readout .pen { color: #c62828; }
  `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelDraw(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('periods')) {
      this.slots = bumpSlots(this.periods);
      const set = new Set<number>();
      for (const p of this.periods) for (const u of p.units) set.add(u.unit);
      this.units = [...set].sort((a, b) => a - b);
      this.gradeMode = this.periods.some((p) => p.units.some((u) => u.rank == null && u.grade != null));
      this.ranks = rankScale(this.units.length);
    }
    if (changed.has('periods') || changed.has('_picked') || changed.has('_unit')) {
      // the unit under the pointer or the keyboard is drawn too, wherever it ranks
      const follow = this._unit >= 0 ? this._unit : this._picked;
      this.shown = shownUnits(this.units, this.slots[this.slots.length - 1], this.ranks, follow);
    }
    if (changed.has('periods') || changed.has('baseline')) {
      const series = (ps: PeriodRecord[]) => (this.gradeMode ? gradeChurnSeries(ps) : ps.map((p) => p.rankVolatility));
      this.vol = series(this.periods);
      this.baseVol = this.baseline ? series(this.baseline) : [];
    }
    // the time axis: the horizon's days, whatever the cadence of either side
    const lastDay = axisDays(this.days, this.periods, this.baseline);
    this.x.domain([0, lastDay]).range([this.left, this._width - M.right]);
    this.y.domain([0.5, this.ranks.rows + 0.5]).range([M.top, M.top + this.ph]);
    const vmax = this.gradeMode ? 1 : Math.max(1, ...[...this.vol, ...this.baseVol].map((v) => v ?? 0));
    const top = M.top + this.ph + M.bottom + 26;
    this.yv
      .domain([0, vmax])
      .nice(2)
      .range([top + STRIP - 30, top]);
    if (this._hover >= this.periods.length) this._hover = this.periods.length - 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Hovering a period only moves the rule and the read-out (lit); lines change with data, size or highlight.
    if (
      changed.has('periods') ||
      changed.has('baseline') ||
      changed.has('_width') ||
      changed.has('_unit') ||
      changed.has('_picked') ||
      changed.has('days') ||
      changed.has('totalPeriods') ||
      changed.has('plotHeight') ||
      changed.has('lang')
    )
      queueDraw(this, () => this.draw());
  }

  private draw(): void {
    const svgEl = this.renderRoot.querySelector('svg');
    if (!svgEl) return;
    const svg = d3.select(svgEl);
    const x = this.x;
    const y = this.y;
    const periods = this.periods;
    const bottom = M.top + this.ph;
    const ranks = this.ranks;

    // Dates, not period numbers: a time scale over the same days, about one tick per 90 px.
    const p0 = periods[0] ?? this.baseline?.[0];
    const t0 = p0 ? Date.parse(p0.startDate) - p0.startDay * 86_400_000 : Date.UTC(2021, 0, 1);
    const [d0, d1] = x.domain();
    const time = d3
      .scaleUtc()
      .domain([new Date(t0 + d0 * 86_400_000), new Date(t0 + d1 * 86_400_000)])
      .range(x.range());
    const span = d1 - d0;
    svg
      .select<SVGGElement>('g.xaxis')
      .attr('transform', `translate(0,${bottom})`)
      .call(
        d3
          .axisBottom(time)
          .ticks(Math.max(2, Math.floor((this._width - this.left - M.right) / 90)))
          .tickFormat((d) => d3.utcFormat(span > 3 * 365 ? '%Y' : '%Y-%m')(d as Date))
          .tickSizeOuter(0),
      );
    const yTicks = this.gradeMode ? [] : ranks.ticks;
    svg
      .select<SVGGElement>('g.yaxis')
      .attr('transform', `translate(${this.left},0)`)
      .call(
        d3
          .axisLeft(y)
          .tickValues(yTicks.map((s) => ranks.pos(s)))
          .tickFormat((_, i) => String(yTicks[i])),
      );
    // The compressed middle band of ranks (many units): shaded and labelled.
    const mid = ranks.middle;
    const midBand = mid
      ? [{ y0: y(ranks.pos(mid.from - 0.5)), y1: y(ranks.pos(mid.to + 0.5)), label: t(this.lang, 'chart.rankMiddle', mid) }]
      : [];
    const mg = svg.select('g.middle');
    mg.selectAll<SVGRectElement, (typeof midBand)[number]>('rect')
      .data(midBand)
      .join('rect')
      .attr('x', this.left)
      .attr('width', Math.max(0, x.range()[1] - this.left))
      .attr('y', (b) => b.y0)
      .attr('height', (b) => b.y1 - b.y0);
    svg
      .select('g.middle-label')
      .selectAll<SVGTextElement, (typeof midBand)[number]>('text')
      .data(midBand)
      .join('text')
      .attr('x', this.left + 6)
      .attr('y', (b) => b.y0 + 12)
      .text((b) => b.label);
    svg
      .select<SVGGElement>('g.vaxis')
      .attr('transform', `translate(${this.left},0)`)
      .call(
        d3
          .axisLeft(this.yv)
          .ticks(2)
          .tickFormat(d3.format(this.gradeMode ? '.0%' : '~r')),
      );

    // Grade bands: one rectangle per period and band.
    const bands = this.gradeMode ? periods.flatMap((p) => gradeBands(p).map((b) => ({ p, ...b }))) : [];
    svg
      .select('g.bands')
      .selectAll<SVGRectElement, (typeof bands)[number]>('rect')
      .data(bands)
      .join('rect')
      .attr('x', (b) => x(b.p.startDay))
      .attr('width', (b) => x(b.p.endDay) - x(b.p.startDay) + 0.5)
      .attr('y', (b) => this.ys(b.from - 0.5))
      .attr('height', (b) => this.ys(b.to + 0.5) - this.ys(b.from - 0.5))
      .attr('fill', (b) => GRADE_FILL[b.grade] ?? '#eee');

    const lines: UnitLine[] = this.shown.map((u) => ({
      unit: u,
      color: unitColor(u),
      d:
        d3
          .line<number>()
          .digits(1)
          .defined((i) => this.slots[i].has(u))
          .x((i) => this.px(periods, i))
          .y((i) => this.ys(this.slots[i].get(u) ?? 0))
          .curve(d3.curveMonotoneX)(d3.range(periods.length)) ?? '',
    }));
    // With many lines, the eye needs an anchor: unless a unit is picked, the latest period's
    // first and last units are drawn bold, so one can follow how they got there.
    const hu = this._unit >= 0 ? this._unit : this._picked;
    const bold = new Set<number>(hu >= 0 ? [hu] : ranks.compressed ? [] : this.endUnits());
    svg
      .select('g.lines')
      .selectAll<SVGPathElement, UnitLine>('path')
      .data(lines, (l) => l.unit)
      .join('path')
      .attr('stroke', (l) => l.color)
      .attr('d', (l) => l.d)
      .attr('class', (l) => (bold.has(l.unit) ? 'hi' : bold.size ? 'dim' : ''));
    svg
      .select('g.lines')
      .selectAll<SVGPathElement, UnitLine>('path')
      .filter((l) => bold.has(l.unit))
      .raise();

    const drawn = new Set(this.shown);
    const pen = periods.flatMap((p, i) => p.units.filter((u) => u.penalised && drawn.has(u.unit)).map((u) => ({ i, unit: u.unit })));
    svg
      .select('g.pen')
      .selectAll<SVGCircleElement, (typeof pen)[number]>('circle')
      .data(pen)
      .join('circle')
      .attr('r', 3.5)
      .attr('cx', (q) => this.px(periods, q.i))
      .attr('cy', (q) => this.ys(this.slots[q.i].get(q.unit) ?? 0));

    // each side's strip at its own periods' days (the two may have different cadences)
    const vol = (vs: (number | null)[], ps: readonly PeriodRecord[]) =>
      d3
        .line<number>()
        .digits(1)
        .defined((i) => vs[i] != null && ps[i] !== undefined)
        .x((i) => this.px(ps, i))
        .y((i) => this.yv(vs[i] ?? 0))(d3.range(vs.length)) ?? '';
    const vlines = [
      { k: 'run', d: vol(this.vol, periods) },
      ...(this.baseline ? [{ k: 'base', d: vol(this.baseVol, this.baseline) }] : []),
    ];
    svg
      .select('g.vol')
      .selectAll<SVGPathElement, (typeof vlines)[number]>('path')
      .data(vlines, (v) => v.k)
      .join('path')
      .attr('class', (v) => (v.k === 'base' ? 'base' : ''))
      .attr('d', (v) => v.d);
  }

  /** The first and last units of the latest period (the default bold lines). */
  private endUnits(): number[] {
    const last = this.slots[this.slots.length - 1];
    if (!last || last.size < 4) return [];
    const byslot = [...last.entries()].sort((a, b) => a[1] - b[1]);
    return [byslot[0][0], byslot[byslot.length - 1][0]];
  }

  private onPointer(e: PointerEvent): void {
    const n = this.periods.length;
    if (!n) return;
    const r = (e.currentTarget as SVGRectElement).ownerSVGElement!.getBoundingClientRect();
    const px = e.clientX - r.left;
    const py = e.clientY - r.top;
    const i = periodAt(this.periods, this.x.invert(px));
    this._hover = i;
    if (py <= M.top + this.ph) {
      // the drawn line nearest the pointer, within a row's height
      const row = Math.abs(this.y(2) - this.y(1));
      let best = -1;
      let dist = Math.max(6, row);
      for (const u of this.shown) {
        const s = this.slots[i].get(u);
        if (s === undefined) continue;
        const dd = Math.abs(this.ys(s) - py);
        if (dd < dist) {
          dist = dd;
          best = u;
        }
      }
      this._unit = best;
    }
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.periods.length;
    if (!n) return;
    let h = this._hover < 0 ? n - 1 : this._hover;
    switch (e.key) {
      case 'ArrowLeft':
        h -= 1;
        break;
      case 'ArrowRight':
        h += 1;
        break;
      case 'Home':
        h = 0;
        break;
      case 'End':
        h = n - 1;
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        // Move the highlight one place up or down the ranking of the current period.
        const slots = this.slots[h];
        const cur = this._unit >= 0 ? (slots.get(this._unit) ?? 0) : e.key === 'ArrowDown' ? 0 : slots.size + 1;
        const want = Math.max(1, Math.min(slots.size, cur + (e.key === 'ArrowDown' ? 1 : -1)));
        this._unit = [...slots.entries()].find(([, s]) => s === want)?.[0] ?? -1;
        break;
      }
      case 'Escape':
        this._hover = -1;
        this._unit = -1;
        return;
      default:
        return;
    }
    e.preventDefault();
    this._hover = Math.max(0, Math.min(n - 1, h));
  }

  private async export(fmt: 'svg' | 'png'): Promise<void> {
    const svg = this.renderRoot.querySelector('svg');
    if (!svg) return;
    const p = this.provenance;
    const caption = p ? captionLines(p, this.lang, !!this.baseline) : undefined;
    await exportSvgElement(svg, fmt, chartFileBase(p, this.fileName, !!this.baseline), {
      title: this.heading,
      note: this.summaryText(),
      caption,
    });
    this.dispatchEvent(new CustomEvent('chart-export', { detail: { format: fmt, file: this.fileName }, bubbles: true, composed: true }));
  }

  private summaryText(): string {
    const lang = this.lang;
    const f = d3.format('.2f');
    const p = d3.format('.0%');
    if (this.gradeMode) {
      const c = meanGradeChurn(this.periods);
      const b = this.baseline ? meanGradeChurn(this.baseline) : null;
      return `${t(lang, 'chart.meanChurn')}: ${c == null ? '–' : p(c)}${b == null ? '' : ` (${this.baseName ?? t(lang, 'chart.baseline')} ${p(b)})`}`;
    }
    const v = meanRankVolatility(this.periods);
    const b = this.baseline ? meanRankVolatility(this.baseline) : null;
    const diff = v != null && b != null ? ` · Δ ${d3.format('+.2f')(v - b)}` : '';
    return `${t(lang, 'chart.meanVolatility')}: ${v == null ? '–' : f(v)} ${t(lang, 'chart.places')}${b == null ? '' : ` (${this.baseName ?? t(lang, 'chart.baseline')} ${f(b)}${diff})`}`;
  }

  private readout() {
    const i = this._hover;
    const p = this.periods[i];
    if (!p) return nothing;
    const lang = this.lang;
    const sorted = [...p.units].sort((a, b) => (this.slots[i].get(a.unit) ?? 0) - (this.slots[i].get(b.unit) ?? 0));
    const pick = sorted.length <= 8 ? sorted : [...sorted.slice(0, 3), null, ...sorted.slice(-3)];
    const focus = this._unit >= 0 ? p.units.find((u) => u.unit === this._unit) : undefined;
    if (focus && !pick.includes(focus)) pick.push(null, focus);
    const style = this.px(this.periods, i) > this._width / 2 ? `left:${this.left + 2}px` : 'right:2px';
    const place = (u: (typeof sorted)[number]) => (u.rank != null ? `${u.rank}.` : `${gradeLabel(u.grade, lang)} ·`);
    return html`<div class="readout" style=${style} aria-hidden="true">
      <div><b>${t(lang, 'chart.periodOf')} ${p.startDate}</b></div>
      ${this.vol[i] != null ? html`<div>${t(lang, this.gradeMode ? 'chart.churnStrip' : 'chart.volatilityStrip')}: ${d3.format(this.gradeMode ? '.0%' : '.2f')(this.vol[i]!)}</div>` : nothing}
      ${pick.map((u) =>
        u == null
          ? html`<div>…</div>`
          : html`<div style=${u.unit === this._unit ? 'font-weight:600' : ''}>
            <span class="sw" style=${`background:${unitColor(u.unit)}`}></span>
            ${place(u)} ${unitName(u.unit, lang)} (${t(lang, 'chart.score')} ${d3.format('.1f')(u.score)})
            ${u.penalised ? html`<span class="pen">● ${t(lang, 'chart.penalised')}</span>` : nothing}
          </div>`,
      )}
    </div>`;
  }

  /**
   * Where day `day` falls on the time axis (a period's point is its middle day, so a change on the
   * day a period starts sits between it and the one before); null when it falls off the axis.
   */
  private periodPos(day: number): number | null {
    if (!this.periods.length) return null;
    const [lo, hi] = this.x.domain();
    return day < lo || day > hi ? null : this.x(day);
  }

  override render() {
    const lang = this.lang;
    const w = this._width;
    const bottom = M.top + this.ph;
    const h = bottom + M.bottom + 26 + STRIP - 20;
    const ranks = this.ranks;
    const n = this.periods.length;
    const last = n ? this.periods[n - 1] : null;
    const lastSlots = n ? this.slots[n - 1] : null;
    const hx = this._hover >= 0 && this._hover < n ? this.px(this.periods, this._hover) : -1;
    const bands = this.gradeMode && last ? gradeBands(last) : [];
    const help = `${this.heading}. ${t(lang, 'chart.chartHelp')} ${t(lang, 'chart.rankKeys')}`;
    return html`<figure>
      <header>
        <h3>${this.heading}</h3>
        <span class="tools">
          <button type="button" aria-label=${`${t(lang, 'chart.exportSvgLabel')}: ${this.heading}`} @click=${() => this.export('svg')}>${t(lang, 'chart.exportSvg')}</button>
          <button type="button" aria-label=${`${t(lang, 'chart.exportPngLabel')}: ${this.heading}`} @click=${() => this.export('png')}>${t(lang, 'chart.exportPng')}</button>
        </span>
      </header>
      <p class="summary"><b>${this.summaryText()}</b></p>
      ${
        ranks.compressed && ranks.middle
          ? html`<p class="picker">
              <span>${t(lang, 'chart.rankTopBottom', { k: ranks.k, n: ranks.n, ...ranks.middle })}</span>
              <label>${t(lang, 'chart.follow')}
                <select data-testid="rank-unit-picker" @change=${(e: Event) => (this._picked = Number((e.target as HTMLSelectElement).value))}>
                  <option value="-1" ?selected=${this._picked < 0}>${t(lang, 'chart.followNone')}</option>
                  ${this.units.map(
                    (u) =>
                      html`<option value=${u} ?selected=${this._picked === u}>${unitName(u, lang)}${
                        lastSlots?.has(u) ? ` (${lastSlots.get(u)})` : ''
                      }</option>`,
                  )}
                </select>
              </label>
            </p>`
          : nothing
      }
      <ul class="legend">
        ${ranks.compressed ? nothing : html`<li>${t(lang, 'chart.bumpLegend')}</li>`}
        <li><span class="sw" style="background:#c62828;border-radius:50%;width:10px"></span>${t(lang, 'chart.penalised')}</li>
        ${
          this.gradeMode
            ? Object.entries(GRADE_FILL).map(
                ([g, c]) => html`<li><span class="sw" style=${`background:${c};border:1px solid #bbb`}></span>${gradeLabel(g, lang)}</li>`,
              )
            : nothing
        }
        ${this.baseline ? html`<li><span class="sw" style="height:0;border-top:2px dashed #777;width:16px;border-radius:0"></span>${this.baseName ?? t(lang, 'chart.baseline')}</li>` : nothing}
      </ul>
      <div class="plot" tabindex="0" role="group" aria-label=${help} @keydown=${this.onKey}
        @focus=${() => {
          if (this._hover < 0 && n) this._hover = n - 1;
        }} @blur=${() => {
          this._hover = -1;
          this._unit = -1;
        }}>
        <svg width=${w} height=${h} role="img" aria-label=${this.heading}>
          <g class="bands"></g>
          <g class="middle"></g>
          <g class="axis xaxis"></g>
          <g class="axis yaxis"></g>
          ${this.gradeMode ? nothing : svg`<text class="ylabel" transform=${`translate(12,${M.top + this.ph / 2}) rotate(-90)`} text-anchor="middle">${t(lang, 'chart.rank')}</text>`}
          ${bands.map((b) => svg`<text class="band-label" x=${this.left - 6} y=${this.ys((b.from + b.to) / 2) + 4} text-anchor="end">${gradeLabel(b.grade, lang)}</text>`)}
          <g class="lines"></g>
          ${markersSvg(this.markers, (m) => this.periodPos(m.day), M.top, bottom, lang)}
          <g class="pen"></g>
          <g class="middle-label"></g>
          ${
            last && lastSlots
              ? this.shown.map((u) =>
                  lastSlots.has(u)
                    ? svg`<text class="endlabel" x=${this.px(this.periods, n - 1) + 6} y=${this.ys(lastSlots.get(u)!) + 4} fill=${unitColor(u)}>${unitName(u, lang)}</text>`
                    : nothing,
                )
              : nothing
          }
          <text class="ylabel" x=${this.left} y=${bottom + M.bottom + 16}>${this.gradeMode ? t(lang, 'chart.churnStrip') : `${t(lang, 'chart.volatilityStrip')} (${t(lang, 'chart.places')})`}</text>
          <g class="vol"></g>
          <g class="axis vaxis"></g>
          ${n === 0 ? svg`<text class="empty" x=${w / 2} y=${M.top + this.ph / 2} text-anchor="middle">${t(lang, 'chart.noData')}</text>` : nothing}
          <line class="rule" data-noexport x1=${hx} x2=${hx} y1=${M.top} y2=${h - 4} visibility=${hx < 0 ? 'hidden' : 'visible'}></line>
          <rect class="overlay" data-noexport x=${this.left} y=${M.top} width=${Math.max(0, w - this.left - 16)} height=${h - M.top}
            @pointermove=${this.onPointer} @pointerleave=${() => {
              this._hover = -1;
              this._unit = -1;
            }}></rect>
        </svg>
        ${this.readout()}
      </div>
    </figure>`;
  }
}

customElements.define('hl-bump-chart', HlBumpChart);

declare global {
  interface HTMLElementTagNameMap {
    'hl-bump-chart': HlBumpChart;
  }
}
