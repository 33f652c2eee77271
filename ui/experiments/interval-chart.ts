/**
 * <hl-interval-chart>: one row per item with a 95% interval. 'dot' mode draws the mean and its
 * interval as a whisker (levels or paired differences, a forest plot); 'bar' mode draws a bar
 * from low to high (the tornado chart of one-at-a-time sensitivity, widest on top). A zero rule
 * is drawn whenever zero is in range.
 */
import { LitElement, css, html, svg, nothing } from 'lit';
import * as d3 from 'd3';
import { WidthController } from '../charts/width-controller.ts';

export interface IntervalRow {
  label: string;
  /** The mean (dot mode); ignored in bar mode. */
  mean: number;
  lo: number;
  hi: number;
  color?: string;
  /** Marked as the reference row (the baseline). */
  reference?: boolean;
}

const ROW = 26;
const M = { top: 6, right: 16, bottom: 24 };

/** Rough rendered width of a label at 13px: CJK characters are about twice as wide as Latin ones. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 13 : 7.2;
  return w;
}

/** A label cut to fit `px` with an ellipsis (the row's tooltip and the table below keep it whole). */
function fitText(s: string, px: number): string {
  if (textWidth(s) <= px) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`) > px) break;
    out += ch;
  }
  return `${out}…`;
}

export class HlIntervalChart extends LitElement {
  static override properties = {
    rows: { attribute: false },
    heading: {},
    mode: {},
    zero: { type: Boolean },
    xLabel: { attribute: 'x-label' },
    domain: { attribute: false },
    marks: { attribute: false },
    _width: { state: true },
  };

  declare rows: IntervalRow[];
  declare heading: string;
  declare mode: 'dot' | 'bar';
  /** Keep zero on the axis (differences, effects); off for levels far from zero. */
  declare zero: boolean;
  declare xLabel: string;
  /** A fixed x range (e.g. 0..1 for a position within a prior), instead of the rows' extent. */
  declare domain: [number, number] | null;
  /** Further reference rules (e.g. a band's two ends), drawn like the zero rule. */
  declare marks: number[];
  declare _width: number;

  constructor() {
    super();
    new WidthController(this, 2);
    this.rows = [];
    this.heading = '';
    this.mode = 'dot';
    this.zero = true;
    this.xLabel = '';
    this.domain = null;
    this.marks = [];
    this._width = 480;
  }

  override render() {
    const rows = this.rows;
    if (rows.length === 0) return nothing;
    const w = Math.max(280, this._width);
    const labelW = Math.min(w * 0.5, 14 + Math.max(...rows.map((r) => textWidth(r.label))));
    const h = M.top + rows.length * ROW + M.bottom;
    const vals = rows.flatMap((r) => [r.lo, r.hi, this.mode === 'dot' ? r.mean : r.lo]).filter(Number.isFinite);
    const [a, b] = vals.length ? (d3.extent(this.zero ? [...vals, 0] : vals) as [number, number]) : [0, 1];
    const x = d3
      .scaleLinear()
      .domain(this.domain ?? [a, b === a ? a + 1 : b])
      .range([labelW, w - M.right]);
    if (!this.domain) x.nice();
    const ticks = x.ticks(Math.max(2, Math.floor((w - labelW) / 90)));
    const f = (v: number) => (Number.isFinite(v) ? String(+v.toPrecision(4)) : 'n/a');
    return html`
      <figure>
        ${this.heading ? html`<figcaption>${this.heading}</figcaption>` : nothing}
        <svg width=${w} height=${h} role="img" aria-label=${this.heading}>
          <g class="grid">${ticks.map((t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${M.top} y2=${h - M.bottom}></line>`)}</g>
          ${this.marks.map((m) => svg`<line class="zero" x1=${x(m)} x2=${x(m)} y1=${M.top} y2=${h - M.bottom}></line>`)}
          ${x.domain()[0] <= 0 && x.domain()[1] >= 0 ? svg`<line class="zero" x1=${x(0)} x2=${x(0)} y1=${M.top} y2=${h - M.bottom}></line>` : nothing}
          ${rows.map((r, i) => {
            const cy = M.top + i * ROW + ROW / 2;
            const c = r.color ?? '#1565c0';
            const title = `${r.label}: ${this.mode === 'dot' ? f(r.mean) + ' ' : ''}[${f(r.lo)}, ${f(r.hi)}]`;
            return svg`<g class="row">
              <title>${title}</title>
              <text x=${labelW - 8} y=${cy + 4} text-anchor="end" class=${r.reference ? 'ref' : ''}>${fitText(r.label, labelW - 12)}</text>
              ${
                this.mode === 'bar'
                  ? Number.isFinite(r.lo) && Number.isFinite(r.hi)
                    ? svg`<rect x=${x(Math.min(r.lo, r.hi))} y=${cy - 8} width=${Math.max(1, Math.abs(x(r.hi) - x(r.lo)))} height="16" fill=${c} fill-opacity="0.8"></rect>`
                    : nothing
                  : svg`
                    ${
                      Number.isFinite(r.lo)
                        ? svg`<line x1=${x(r.lo)} x2=${x(r.hi)} y1=${cy} y2=${cy} stroke=${c} stroke-width="2.5"></line>
                      <line x1=${x(r.lo)} x2=${x(r.lo)} y1=${cy - 5} y2=${cy + 5} stroke=${c} stroke-width="2"></line>
                      <line x1=${x(r.hi)} x2=${x(r.hi)} y1=${cy - 5} y2=${cy + 5} stroke=${c} stroke-width="2"></line>`
                        : nothing
                    }
                    ${Number.isFinite(r.mean) ? svg`<circle cx=${x(r.mean)} cy=${cy} r="4.5" fill=${r.reference ? '#fff' : c} stroke=${c} stroke-width="2"></circle>` : nothing}`
              }
            </g>`;
          })}
          <g class="axis">
            ${ticks.map((t) => svg`<text x=${x(t)} y=${h - 6} text-anchor="middle">${f(t)}</text>`)}
          </g>
        </svg>
        ${this.xLabel ? html`<div class="xlabel">${this.xLabel}</div>` : nothing}
      </figure>
    `;
  }

  static override styles = css`
    :host { display: block; min-width: 0; font: 13px/1.3 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; }
    figure { margin: 0; }
    figcaption { font-weight: 600; font-size: 15px; margin-bottom: 4px; }
    svg { display: block; overflow: visible; }
    .grid line { stroke: #eee; }
    .zero { stroke: #555; stroke-width: 1.2; }
    .row text { font-size: 12.5px; fill: #222; }
    .row text.ref { font-weight: 600; }
    .axis text { font-size: 12px; fill: #444; }
    .xlabel { font-size: 12px; color: #444; text-align: center; }
  `;
}

customElements.define('hl-interval-chart', HlIntervalChart);

declare global {
  interface HTMLElementTagNameMap {
    'hl-interval-chart': HlIntervalChart;
  }
}
