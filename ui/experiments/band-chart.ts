/**
 * <hl-band-chart>: one line per design point over time, each with its 95% interval as a shaded
 * band. Gets plain column arrays (dates, means, interval ends) and knows nothing of the model.
 * lit renders the svg; d3 supplies the scales and the path strings.
 */
import { LitElement, css, html, svg, nothing } from 'lit';
import * as d3 from 'd3';
import { WidthController } from '../charts/width-controller.ts';

export interface BandSeries {
  label: string;
  color: string;
  /** ISO dates (YYYY-MM-DD) of the points. */
  dates: string[];
  mean: number[];
  lo: number[];
  hi: number[];
  /** Drawn thicker (the baseline). */
  emphasis?: boolean;
}

const M = { top: 10, right: 12, bottom: 26, left: 56 };

export class HlBandChart extends LitElement {
  static override properties = {
    series: { attribute: false },
    heading: {},
    yLabel: { attribute: 'y-label' },
    plotHeight: { type: Number, attribute: 'plot-height' },
    _width: { state: true },
  };

  /** The lines and bands to draw. */
  declare series: BandSeries[];
  declare heading: string;
  /** Axis label with unit. */
  declare yLabel: string;
  declare plotHeight: number;
  declare _width: number;

  constructor() {
    super();
    new WidthController(this, 2);
    this.series = [];
    this.heading = '';
    this.yLabel = '';
    this.plotHeight = 240;
    this._width = 640;
  }

  override render() {
    const w = Math.max(240, this._width);
    const h = this.plotHeight;
    const all = this.series.flatMap((s) => s.dates.map((d) => new Date(d + 'T00:00:00Z')));
    const ys = this.series.flatMap((s) => [...s.lo, ...s.hi, ...s.mean]).filter(Number.isFinite);
    if (all.length === 0 || ys.length === 0) return html`<p class="empty">—</p>`;
    const x = d3
      .scaleUtc()
      .domain(d3.extent(all) as [Date, Date])
      .range([M.left, w - M.right]);
    const [y0, y1] = d3.extent(ys) as [number, number];
    const pad = (y1 - y0) * 0.05 || Math.abs(y1) * 0.05 || 1;
    const y = d3
      .scaleLinear()
      .domain([y0 - pad, y1 + pad])
      .nice()
      .range([h - M.bottom, M.top]);
    const paths = this.series.map((s) => {
      const pts = s.dates.map((d, i) => ({ x: x(new Date(d + 'T00:00:00Z')), m: s.mean[i], lo: s.lo[i], hi: s.hi[i] }));
      const area = d3
        .area<(typeof pts)[number]>()
        .defined((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi))
        .x((p) => p.x)
        .y0((p) => y(p.lo))
        .y1((p) => y(p.hi));
      const mean = d3
        .line<(typeof pts)[number]>()
        .defined((p) => Number.isFinite(p.m))
        .x((p) => p.x)
        .y((p) => y(p.m));
      return { s, band: area(pts) ?? '', line: mean(pts) ?? '', dots: pts.length < 30 ? pts : [] };
    });
    // Month ticks for long runs; for a few months, days (so labels never repeat).
    const [d0, d1] = x.domain();
    const months = d3.utcMonth.count(d0, d1);
    const xt = months >= 4 ? x.ticks(Math.max(2, Math.min(Math.floor(w / 90), months))) : x.ticks(Math.max(2, Math.floor(w / 110)));
    const xf = d3.utcFormat(months >= 4 ? '%Y-%m' : '%m-%d');
    const yt = y.ticks(5);
    const fmtY = d3.format('~s');
    return html`
      <figure>
        ${this.heading ? html`<figcaption>${this.heading}</figcaption>` : nothing}
        <ul class="legend">
          ${this.series.map((s) => html`<li><span class="sw" style="background:${s.color}"></span>${s.label}</li>`)}
        </ul>
        <svg width=${w} height=${h} role="img" aria-label=${`${this.heading}: ${this.series.map((s) => s.label).join('; ')}`}>
          <g class="grid">${yt.map((t) => svg`<line x1=${M.left} x2=${w - M.right} y1=${y(t)} y2=${y(t)}></line>`)}</g>
          <g class="axis">
            ${xt.map((t) => svg`<text x=${x(t)} y=${h - 8} text-anchor="middle">${xf(t)}</text>`)}
            ${yt.map((t) => svg`<text x=${M.left - 6} y=${y(t) + 4} text-anchor="end">${Math.abs(t) < 1000 ? String(+t.toPrecision(4)) : fmtY(t)}</text>`)}
            <line x1=${M.left} x2=${w - M.right} y1=${h - M.bottom} y2=${h - M.bottom}></line>
          </g>
          <text class="ylabel" transform="rotate(-90)" x=${-(h - M.bottom + M.top) / 2} y="12" text-anchor="middle">${this.yLabel}</text>
          <g class="bands">${paths.map((p) => svg`<path d=${p.band} fill=${p.s.color} fill-opacity="0.13"></path>`)}</g>
          <g class="lines">
            ${paths.map((p) => svg`<path d=${p.line} stroke=${p.s.color} stroke-width=${p.s.emphasis ? 3 : 2}></path>`)}
            ${paths.map((p) => p.dots.map((d) => (Number.isFinite(d.m) ? svg`<circle cx=${d.x} cy=${y(d.m)} r="2.5" fill=${p.s.color}></circle>` : nothing)))}
          </g>
        </svg>
      </figure>
    `;
  }

  static override styles = css`
    :host { display: block; min-width: 0; font: 13px/1.3 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; }
    figure { margin: 0; }
    figcaption { font-weight: 600; font-size: 15px; margin-bottom: 4px; }
    ul.legend { list-style: none; margin: 0 0 4px; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 12px; }
    ul.legend li { display: inline-flex; align-items: center; gap: 5px; }
    .sw { display: inline-block; width: 14px; height: 10px; border-radius: 2px; }
    svg { display: block; overflow: visible; }
    .grid line { stroke: #e6e6e6; }
    .axis text { font-size: 12px; fill: #333; }
    .axis line { stroke: #999; }
    .ylabel { font-size: 12px; fill: #444; }
    .lines path { fill: none; }
    .empty { color: #777; }
  `;
}

customElements.define('hl-band-chart', HlBandChart);

declare global {
  interface HTMLElementTagNameMap {
    'hl-band-chart': HlBandChart;
  }
}
