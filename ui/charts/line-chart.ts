/**
 * <hl-line-chart>: a weekly time-series chart. Stacked areas and lines (on a left or
 * right axis), an optional shaded band between two lines, and in compare mode the
 * baseline dashed plus a difference strip. One svg; lit renders the frame and the
 * text, d3 joins update the paths, so a streamed update costs a few path strings.
 */
import { LitElement, html, svg, css, nothing, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { ChartData, ChartProvenance, ChartSeries, Lang } from './types.ts';
import { dateAt, fitRange, isoDate, maxOf, minOf, stackUp, subtract } from './aggregate.ts';
import { t } from '../i18n.ts';
import { exportSvgElement } from './export.ts';
import { captionLines, chartFileBase } from './caption.ts';
import { markerStyles, markersSvg } from './marker-svg.ts';
import { cancelDraw, queueDraw } from './draw-queue.ts';
import { WidthController } from './width-controller.ts';
import { chartBaseStyles } from './chart-styles.ts';

const M = { top: 26, bottom: 26, left: 52, rightAxis: 52, right: 16 };
const DIFF_H = 92;

interface Drawn {
  key: string;
  color: string;
  d: string;
}

export class HlLineChart extends LitElement {
  static override properties = {
    data: { attribute: false },
    heading: {},
    lang: {},
    fileName: { attribute: 'file-name' },
    provenance: { attribute: false },
    plotHeight: { type: Number, attribute: 'plot-height' },
    _width: { state: true },
    _hover: { state: true },
  };

  /** What to draw; a new object per update (arrays may be shared). */
  declare data: ChartData | null;
  /** Chart title, in the chosen language. */
  declare heading: string;
  declare lang: Lang;
  /** Base name of exported files. */
  declare fileName: string;
  /** The run this chart shows, printed as a caption under an exported image and in its file name; null: neither. */
  declare provenance: ChartProvenance | null;
  /** Height of the main plot in CSS pixels. */
  declare plotHeight: number;
  declare _width: number;
  /** Index of the week under the read-out, -1 for none. */
  declare _hover: number;

  private x = d3.scaleLinear();
  private y = d3.scaleLinear();
  private yr = d3.scaleLinear();
  private yd = d3.scaleLinear();
  private axisKey = '';
  private dirty = true;
  private stacks: { s: ChartSeries; lo: Float64Array; hi: Float64Array }[] = [];
  private total: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private baseTotal: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private diff: Float64Array<ArrayBufferLike> = new Float64Array(0);

  constructor() {
    super();
    new WidthController(this);
    this.data = null;
    this.heading = '';
    this.lang = 'en';
    this.provenance = null;
    this.fileName = 'chart';
    this.plotHeight = 210;
    this._width = 480;
    this._hover = -1;
  }

  static override styles = [
    chartBaseStyles,
    markerStyles,
    css`
    ul.legend li { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
    .sw.line { height: 0; border-top: 3px solid; border-radius: 0; }
    .sw.dash { height: 0; border-top: 2px dashed #333; border-radius: 0; width: 16px; }
    .grid line { stroke: #e6e6e6; }
    .areas path { stroke: none; }
    .lines path { fill: none; stroke-width: 2.2; }
    .base path { fill: none; stroke-width: 1.8; stroke-dasharray: 6 4; }
    .band path { stroke: none; }
    .diffg .zero { stroke: #777; }
    .diffg .darea { fill: #8e63b5; fill-opacity: 0.35; stroke: #6a3d9a; stroke-width: 1.5; }
    .rule { stroke: #222; stroke-width: 1; }
    .dot { stroke: #fff; stroke-width: 1.5; }
    .readout { position: absolute; top: 22px; background: rgba(255,255,255,0.95); border: 1px solid #bbb; border-radius: 4px;
      padding: 4px 7px; font-size: 12.5px; pointer-events: none; white-space: nowrap; box-shadow: 0 1px 4px rgba(0,0,0,0.15); z-index: 2; }
    .readout b { font-weight: 600; }
    .readout .row { display: flex; gap: 6px; align-items: center; }
    .readout .v { margin-left: auto; padding-left: 10px; font-variant-numeric: tabular-nums; }
    .readout .d { color: #6a3d9a; font-variant-numeric: tabular-nums; }
  `,
  ];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelDraw(this);
  }

  private get hasRight(): boolean {
    return !!this.data?.series.some((s) => s.axis === 'right');
  }

  private get compare(): boolean {
    return !!this.data?.baseline && this.data.baseline.count > 0;
  }

  /** Compute stacks, scales and the difference before rendering (cheap, pure). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('data') && !changed.has('_width') && !changed.has('plotHeight')) return;
    this.dirty = true;
    const d = this.data;
    const w = this._width;
    const right = this.hasRight ? M.rightAxis : M.right;
    this.x.domain([0, Math.max(1, (d?.total ?? 1) - 1)]).range([M.left, w - right]);
    this.y.range([M.top + this.plotHeight, M.top]);
    this.yr.range([M.top + this.plotHeight, M.top]);
    if (!d) return;
    const count = d.count;
    const st = d.series.filter((s) => s.type === 'stack');
    const parts = stackUp(
      st.map((s) => s.values),
      count,
    );
    this.stacks = st.map((s, i) => ({ s, lo: parts[i].lo, hi: parts[i].hi }));
    this.total = parts.length ? parts[parts.length - 1].hi : new Float64Array(0);
    const left = d.series.filter((s) => s.type === 'line' && s.axis !== 'right').map((s) => s.values);
    const rightS = d.series.filter((s) => s.axis === 'right').map((s) => s.values);
    let maxL = maxOf([this.total, ...left], count);
    let maxR = maxOf(rightS, count);
    const b = d.baseline;
    this.baseTotal = new Float64Array(0);
    if (b && b.count > 0) {
      const bst = b.series.filter((s) => s.type === 'stack');
      const bp = stackUp(
        bst.map((s) => s.values),
        b.count,
      );
      this.baseTotal = bp.length ? bp[bp.length - 1].hi : new Float64Array(0);
      maxL = Math.max(
        maxL,
        maxOf([this.baseTotal, ...b.series.filter((s) => s.type === 'line' && s.axis !== 'right').map((s) => s.values)], b.count),
      );
      maxR = Math.max(
        maxR,
        maxOf(
          b.series.filter((s) => s.axis === 'right').map((s) => s.values),
          b.count,
        ),
      );
      const key = d.diffKey ?? 'total';
      const a = key === 'total' ? this.total : d.series.find((s) => s.key === key)?.values;
      const bb = key === 'total' ? this.baseTotal : b.series.find((s) => s.key === key)?.values;
      this.diff = a && bb ? subtract(a.subarray(0, count), bb.subarray(0, b.count)) : new Float64Array(0);
      const dm = maxOf([this.diff.map(Math.abs)], this.diff.length) || 1;
      const b0 = M.top + this.plotHeight + M.bottom;
      this.yd
        .domain([-dm, dm])
        .range([b0 + DIFF_H - 6, b0 + 26])
        .nice(2);
    } else {
      this.diff = new Float64Array(0);
    }
    if (d.yFit) {
      // rates fitted to the data (e.g. 70%-100%), so a gap of a few points is visible
      const lines = (sr: ChartSeries[]) => sr.filter((x) => x.type === 'line' && x.axis !== 'right').map((x) => x.values);
      const lo = Math.min(minOf(lines(d.series), count), b && b.count > 0 ? minOf(lines(b.series), b.count) : Infinity);
      this.y.domain(fitRange(lo, maxL, d.yMax ?? 1));
    } else this.y.domain([0, d.yMax ?? (maxL > 0 ? maxL * 1.05 : 1)]).nice(5);
    this.yr.domain([0, maxR > 0 ? maxR * 1.05 : 1]).nice(5);
    if (this._hover >= count) this._hover = count - 1;
  }

  /** Paths are redrawn only when data or size changed, not when the read-out moves. */
  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('_hover')) this.emitCursor();
    if (!this.dirty) return;
    this.dirty = false;
    // in a task of its own (draw-queue.ts), so that many charts never make one long task
    queueDraw(this, () => this.draw());
  }

  private fmtDelta(v: number, right = false): string {
    if (!Number.isFinite(v)) return '–';
    const f = (right ? this.data?.formatRight : this.data?.format) ?? ',.0f';
    return d3.format(f.includes('%') ? '+.1%' : '+,.3~r')(v);
  }

  private fmt(v: number, right = false): string {
    if (!Number.isFinite(v)) return '–';
    const f = (right ? this.data?.formatRight : this.data?.format) ?? ',.0f';
    return d3.format(f)(v);
  }

  /** Tick labels: percentages for rates, else short SI numbers (1.5k), signed for the difference strip. */
  private tickFmt(right: boolean, signed = false): (v: d3.NumberValue) => string {
    const f = (right ? this.data?.formatRight : this.data?.format) ?? '';
    const pct = f.includes('%');
    // SI prefixes only from thousands up: 0.5 days must not read as "500m".
    const big = (right ? this.yr : signed ? this.yd : this.y).domain().some((v) => Math.abs(v) >= 1000);
    const base = d3.format(pct ? (signed ? '+.0%' : '.0%') : big ? (signed ? '+~s' : '~s') : signed ? '+~g' : '~g');
    return (v) => (+v === 0 ? '0' : base(+v));
  }

  /** Update axes (only when their domain or size changed) and every path, by d3 joins. */
  private draw(): void {
    const root = this.renderRoot as ShadowRoot;
    const svgEl = root.querySelector('svg');
    const d = this.data;
    if (!svgEl || !d) return;
    const svg = d3.select(svgEl);
    const x = this.x;
    const y = this.y;
    const yr = this.yr;
    const w = this._width;
    const right = this.hasRight ? M.rightAxis : M.right;
    const bottom = M.top + this.plotHeight;
    const idx = d3.range(d.count);

    const key = [
      w,
      this.lang,
      this.plotHeight,
      d.startDate,
      d.total,
      d.step,
      y.domain(),
      this.hasRight ? yr.domain() : '',
      this.compare ? this.yd.domain() : '',
    ].join('|');
    if (key !== this.axisKey) {
      this.axisKey = key;
      const t = d3
        .scaleUtc()
        .domain([dateAt(d.startDate, 0), dateAt(d.startDate, (d.total - 1) * d.step)])
        .range(x.range());
      svg
        .select<SVGGElement>('g.xaxis')
        .attr('transform', `translate(0,${bottom})`)
        .call(
          d3
            .axisBottom(t)
            .ticks(Math.max(2, Math.floor((w - M.left - right) / 95)))
            .tickFormat((v) => dateTick(v as Date, this.lang))
            .tickSizeOuter(0),
        );
      svg
        .select<SVGGElement>('g.yaxis')
        .attr('transform', `translate(${M.left},0)`)
        .call(d3.axisLeft(y).ticks(5).tickFormat(this.tickFmt(false)));
      svg
        .select<SVGGElement>('g.yraxis')
        .attr('transform', `translate(${w - right},0)`)
        .call(this.hasRight ? d3.axisRight(yr).ticks(5).tickFormat(this.tickFmt(true)) : () => undefined)
        .style('display', this.hasRight ? '' : 'none');
      svg
        .select('g.grid')
        .selectAll('line')
        .data(y.ticks(5))
        .join('line')
        .attr('x1', M.left)
        .attr('x2', w - right)
        .attr('y1', (v) => y(v))
        .attr('y2', (v) => y(v));
      if (this.compare) {
        svg
          .select<SVGGElement>('g.dyaxis')
          .attr('transform', `translate(${M.left},0)`)
          .call(d3.axisLeft(this.yd).ticks(2).tickFormat(this.tickFmt(false, true)));
      }
    }

    const xi = (i: number) => x(i);
    const area = (lo: Float64Array, hi: Float64Array) =>
      d3
        .area<number>()
        .digits(1)
        .x(xi)
        .y0((i) => y(lo[i]))
        .y1((i) => y(hi[i]))(idx) ?? '';
    const line = (v: Float64Array, sc: d3.ScaleLinear<number, number>, n: number) =>
      d3
        .line<number>()
        .digits(1)
        .defined((i) => Number.isFinite(v[i]))
        .x(xi)
        .y((i) => sc(v[i]))(d3.range(Math.min(n, v.length))) ?? '';

    const areas: Drawn[] = this.stacks.map(({ s, lo, hi }) => ({ key: s.key, color: s.color, d: area(lo, hi) }));
    svg
      .select('g.areas')
      .selectAll<SVGPathElement, Drawn>('path')
      .data(areas, (a) => a.key)
      .join('path')
      .attr('fill', (a) => a.color)
      .attr('d', (a) => a.d);

    const lines: Drawn[] = d.series
      .filter((s) => s.type === 'line')
      .map((s) => ({ key: s.key, color: s.color, d: line(s.values, s.axis === 'right' ? yr : y, d.count) }));
    svg
      .select('g.lines')
      .selectAll<SVGPathElement, Drawn>('path')
      .data(lines, (a) => a.key)
      .join('path')
      .attr('stroke', (a) => a.color)
      .attr('d', (a) => a.d);

    const bands: Drawn[] = [];
    if (d.band) {
      const lo = d.series.find((s) => s.key === d.band!.lo)?.values;
      const hi = d.series.find((s) => s.key === d.band!.hi)?.values;
      if (lo && hi) {
        const path =
          d3
            .area<number>()
            .digits(1)
            .defined((i) => Number.isFinite(lo[i]) && Number.isFinite(hi[i]))
            .x(xi)
            .y0((i) => y(lo[i]))
            .y1((i) => y(hi[i]))(idx) ?? '';
        bands.push({ key: 'band', color: d.band.color, d: path });
      }
    }
    svg
      .select('g.band')
      .selectAll<SVGPathElement, Drawn>('path')
      .data(bands, (a) => a.key)
      .join('path')
      .attr('fill', (a) => a.color)
      .attr('fill-opacity', 0.3)
      .attr('d', (a) => a.d);

    const base: Drawn[] = [];
    const b = d.baseline;
    if (b && b.count > 0) {
      if (this.baseTotal.length) base.push({ key: 'total', color: '#222', d: line(this.baseTotal, y, b.count) });
      for (const s of b.series)
        if (s.type === 'line') base.push({ key: s.key, color: s.color, d: line(s.values, s.axis === 'right' ? yr : y, b.count) });
    }
    svg
      .select('g.base')
      .selectAll<SVGPathElement, Drawn>('path')
      .data(base, (a) => a.key)
      .join('path')
      .attr('stroke', (a) => a.color)
      .attr('d', (a) => a.d);

    const diffs: Drawn[] = [];
    if (this.compare && this.diff.length) {
      const dv = this.diff;
      const yd = this.yd;
      const p =
        d3
          .area<number>()
          .digits(1)
          .defined((i) => Number.isFinite(dv[i]))
          .x(xi)
          .y0(yd(0))
          .y1((i) => yd(dv[i]))(d3.range(dv.length)) ?? '';
      diffs.push({ key: 'diff', color: '', d: p });
    }
    svg
      .select('g.diffg')
      .selectAll<SVGPathElement, Drawn>('path.darea')
      .data(diffs, (a) => a.key)
      .join('path')
      .attr('class', 'darea')
      .attr('d', (a) => a.d);
  }

  /**
   * Tell the page which date the read-out is on (the knob panel shows the values in force then):
   * `chart-cursor` { date } (YYYY-MM-DD, the first day of the week under the cursor; null when it leaves).
   */
  private emitCursor(): void {
    const d = this.data;
    const i = this._hover;
    const date = d && i >= 0 && i < d.count ? isoDate(dateAt(d.startDate, i * d.step)) : null;
    this.dispatchEvent(new CustomEvent('chart-cursor', { detail: { date }, bubbles: true, composed: true }));
  }

  private indexAt(px: number): number {
    const n = this.data?.count ?? 0;
    if (!n) return -1;
    return Math.max(0, Math.min(n - 1, Math.round(this.x.invert(px))));
  }

  private onPointer(e: PointerEvent): void {
    const r = (e.currentTarget as SVGRectElement).ownerSVGElement!.getBoundingClientRect();
    this._hover = this.indexAt(e.clientX - r.left);
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.data?.count ?? 0;
    if (!n) return;
    let h = this._hover < 0 ? n - 1 : this._hover;
    switch (e.key) {
      case 'ArrowLeft':
        h -= 1;
        break;
      case 'ArrowRight':
        h += 1;
        break;
      case 'PageUp':
        h -= 4;
        break;
      case 'PageDown':
        h += 4;
        break;
      case 'Home':
        h = 0;
        break;
      case 'End':
        h = n - 1;
        break;
      case 'Escape':
        this._hover = -1;
        return;
      default:
        return;
    }
    e.preventDefault();
    this._hover = Math.max(0, Math.min(n - 1, h));
  }

  private legendItems(): { label: string; color: string; kind: 'area' | 'line' | 'dash' }[] {
    const d = this.data;
    if (!d) return [];
    const items: { label: string; color: string; kind: 'area' | 'line' | 'dash' }[] = d.series.map((s) => ({
      label: s.label + (s.axis === 'right' && d.yLabelRight ? ' →' : ''),
      color: s.color,
      kind: s.type === 'stack' ? 'area' : 'line',
    }));
    if (d.band) items.push({ label: d.band.label, color: d.band.color, kind: 'area' });
    if (this.compare) {
      const base = d.sides?.base;
      items.push({
        label: base ? t(this.lang, 'tl.dashed', { name: base }) : t(this.lang, 'chart.baselineDashed'),
        color: '#222',
        kind: 'dash',
      });
    }
    return items;
  }

  private async export(fmt: 'svg' | 'png'): Promise<void> {
    const svg = this.renderRoot.querySelector('svg');
    if (!svg) return;
    const legend = this.legendItems().map((l) => ({ label: l.label, color: l.color, dashed: l.kind === 'dash' }));
    const p = this.provenance;
    const caption = p ? captionLines(p, this.lang, this.compare) : undefined;
    await exportSvgElement(svg, fmt, chartFileBase(p, this.fileName, this.compare), { title: this.heading, legend, caption });
    this.dispatchEvent(new CustomEvent('chart-export', { detail: { format: fmt, file: this.fileName }, bubbles: true, composed: true }));
  }

  private readout() {
    const d = this.data;
    const i = this._hover;
    if (!d || i < 0 || i >= d.count) return nothing;
    const b = d.baseline && d.baseline.count > 0 ? d.baseline : null;
    const date = isoDate(dateAt(d.startDate, i * d.step));
    const stackRows = d.series.filter((s) => s.type === 'stack').reverse();
    const lineRows = d.series.filter((s) => s.type === 'line');
    const row = (label: string, color: string, v: number, bv: number | null, rightAxis: boolean) => html`<div class="row">
      <span class="sw" style="background:${color}"></span><span>${label}</span>
      <span class="v">${this.fmt(v, rightAxis)}</span>
      ${bv == null ? nothing : html`<span class="d">(${d.sides?.base ?? t(this.lang, 'chart.baselineShort')} ${this.fmt(bv, rightAxis)}, Δ ${this.fmtDelta(v - bv, rightAxis)})</span>`}
    </div>`;
    const bval = (key: string) => (b && i < b.count ? (b.series.find((s) => s.key === key)?.values[i] ?? NaN) : null);
    // The read-out sits in the half of the plot away from the rule, inside the card.
    const style = this.x(i) > this._width / 2 ? `left:${M.left + 2}px` : 'right:2px';
    return html`<div class="readout" style=${style} aria-hidden="true">
      <div><b>${t(this.lang, 'chart.weekOf')} ${date}</b></div>
      ${
        stackRows.length > 1
          ? row(t(this.lang, 'series.total'), '#444', this.total[i], b && i < b.count ? this.baseTotal[i] : null, false)
          : nothing
      }
      ${stackRows.map((s) => row(s.label, s.color, s.values[i], bval(s.key), false))}
      ${lineRows.map((s) => row(s.label, s.color, s.values[i], bval(s.key), s.axis === 'right'))}
    </div>`;
  }

  /** Plain-text read-out for screen readers (aria-live). */
  private liveText(): string {
    const d = this.data;
    const i = this._hover;
    if (!d || i < 0 || i >= d.count) return '';
    const parts = d.series.map((s) => `${s.label} ${this.fmt(s.values[i], s.axis === 'right')}`);
    return `${t(this.lang, 'chart.weekOf')} ${isoDate(dateAt(d.startDate, i * d.step))}: ${parts.join('; ')}`;
  }

  override render() {
    const d = this.data;
    const w = this._width;
    const right = this.hasRight ? M.rightAxis : M.right;
    const bottom = M.top + this.plotHeight;
    const h = bottom + M.bottom + (this.compare ? DIFF_H : 0);
    const hx = this._hover >= 0 && d && this._hover < d.count ? this.x(this._hover) : -1;
    const lang = this.lang;
    return html`<figure>
      <header>
        <h3>${this.heading}</h3>
        <span class="tools">
          <button type="button" aria-label=${`${t(lang, 'chart.exportSvgLabel')}: ${this.heading}`} @click=${() => this.export('svg')}>${t(lang, 'chart.exportSvg')}</button>
          <button type="button" aria-label=${`${t(lang, 'chart.exportPngLabel')}: ${this.heading}`} @click=${() => this.export('png')}>${t(lang, 'chart.exportPng')}</button>
        </span>
      </header>
      <ul class="legend">
        ${this.legendItems().map((l) => html`<li><span class=${`sw ${l.kind}`} style=${l.kind === 'area' ? `background:${l.color}` : `border-color:${l.color}`}></span>${l.label}</li>`)}
      </ul>
      <div class="plot" tabindex="0" role="group" aria-label=${`${this.heading}. ${t(lang, 'chart.chartHelp')}`}
        @keydown=${this.onKey} @focus=${() => {
          if (this._hover < 0 && d?.count) this._hover = d.count - 1;
        }}
        @blur=${() => (this._hover = -1)}>
        <svg width=${w} height=${h} role="img" aria-label=${this.heading}>
          <g class="grid"></g>
          <g class="areas"></g>
          <g class="band"></g>
          <g class="base"></g>
          <g class="lines"></g>
          ${markersSvg(d?.markers, (m) => this.x(m.day / (d?.step ?? 7)), M.top, bottom, lang)}
          <g class="axis xaxis"></g>
          <g class="axis yaxis"></g>
          <g class="axis yraxis"></g>
          <text class="ylabel" x="4" y="12">↑ ${d?.yLabel ?? ''}</text>
          ${this.hasRight ? svg`<text class="ylabel" x=${w - 4} y="12" text-anchor="end">${d?.yLabelRight ?? ''} ↑</text>` : nothing}
          ${
            this.compare
              ? svg`<g class="diffg">
                <text class="ylabel" x=${M.left} y=${bottom + M.bottom + 14}>${d?.sides ? t(lang, 'tl.difference', d.sides) : t(lang, 'chart.difference')}${d?.diffLabel ? `: ${d.diffLabel}` : ''}</text>
                <line class="zero" x1=${M.left} x2=${w - right} y1=${this.yd(0)} y2=${this.yd(0)}></line>
                <g class="axis dyaxis"></g>
              </g>`
              : nothing
          }
          ${
            !d || d.count === 0
              ? svg`<text class="empty" x=${(M.left + w - right) / 2} y=${M.top + this.plotHeight / 2} text-anchor="middle">${t(lang, 'chart.noData')}</text>`
              : nothing
          }
          <line class="rule" data-noexport x1=${hx} x2=${hx} y1=${M.top} y2=${this.compare ? h - 8 : bottom} visibility=${hx < 0 ? 'hidden' : 'visible'}></line>
          <rect class="overlay" data-noexport x=${M.left} y=${M.top} width=${Math.max(0, w - right - M.left)} height=${h - M.top}
            @pointermove=${this.onPointer} @pointerleave=${() => (this._hover = -1)}></rect>
        </svg>
        ${this.readout()}
        <div style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)" aria-live="polite">${this.liveText()}</div>
      </div>
    </figure>`;
  }
}

customElements.define('hl-line-chart', HlLineChart);

declare global {
  interface HTMLElementTagNameMap {
    'hl-line-chart': HlLineChart;
  }
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date tick in the chart's language: the year on 1 January, the month on the 1st, else the day. */
export function dateTick(d: Date, lang: 'en' | 'zh'): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  if (m === 0 && day === 1) return lang === 'zh' ? `${y}年` : String(y);
  if (day === 1) return lang === 'zh' ? `${m + 1}月` : EN_MONTHS[m];
  return lang === 'zh' ? `${m + 1}月${day}日` : `${EN_MONTHS[m].slice(0, 3)} ${day}`;
}
