/**
 * <hl-district-view>: every cell of the world as a treemap grouped by unit (area ~
 * population), coloured by a metric the user picks. Councils, halls and social workers
 * with WeChat contacts are marked; urban communities are hatched. Cells are painted on a
 * canvas (thousands of them stay cheap); text (legend, unit names, read-out) is lit HTML.
 *
 * Events: `metric-change` {metric}, `cell-select` {cell}; both bubble and are composed.
 */
import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import type { CellSnapshot } from '../../sim/index.ts';
import type { Lang } from '../charts/types.ts';
import { unitName } from '../charts/labels.ts';
import { DISTRICT_METRICS, cellAt, colorDomain, districtLayout, metricValues, type DistrictLayout, type DistrictMetric } from './layout.ts';
import { t } from '../i18n.ts';
import { WidthController } from '../charts/width-controller.ts';

const INTERP: Record<DistrictMetric, (t: number) => string> = {
  ticketsFiled: d3.interpolateYlOrRd,
  ticketsPer1k: d3.interpolateYlOrRd,
  defectsOpen: d3.interpolateOranges,
  disputesOpen: d3.interpolatePurples,
  wechat: d3.interpolateGreens,
  norm: d3.interpolateBlues,
};
const STEPS = 64;

export class HlDistrictView extends LitElement {
  static override properties = {
    cells: { attribute: false },
    metric: {},
    lang: {},
    selected: { type: Number },
    _width: { state: true },
    _focus: { state: true },
  };

  /** Per-cell state from the model; a new object per update. */
  declare cells: CellSnapshot | null;
  /** What colours the cells. */
  declare metric: DistrictMetric;
  declare lang: Lang;
  /** The watched cell, outlined (-1 for none). */
  declare selected: number;
  declare _width: number;
  /** Cell under the pointer or keyboard focus, -1 for none. */
  declare _focus: number;

  private layout: DistrictLayout | null = null;
  private layoutKey = '';
  private values: Float64Array<ArrayBufferLike> = new Float64Array(0);
  private domain: [number, number] = [0, 1];
  private lut: string[] = [];

  constructor() {
    super();
    new WidthController(this);
    this.cells = null;
    this.metric = 'ticketsFiled';
    this.lang = 'en';
    this.selected = -1;
    this._width = 640;
    this._focus = -1;
  }

  static override styles = css`
    :host { display: block; font: 14px/1.35 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; margin-bottom: 6px; }
    h3 { font-size: 16px; margin: 0; font-weight: 600; }
    label { font-size: 14px; }
    select { font: inherit; font-size: 14px; padding: 2px 4px; }
    select:focus-visible { outline: 2px solid #1565c0; }
    .map { position: relative; outline: none; }
    .map:focus-visible { outline: 3px solid #1565c0; outline-offset: 2px; }
    canvas { display: block; cursor: pointer; }
    .ulabel { position: absolute; font-size: 12px; font-weight: 600; color: #111; pointer-events: none; padding: 0 3px;
      background: rgba(255,255,255,0.75); border-radius: 2px; white-space: nowrap; overflow: hidden; }
    .hl { position: absolute; box-sizing: border-box; border: 3px solid #111; box-shadow: 0 0 0 2px #fff, 0 0 6px 2px rgba(0,0,0,0.5); pointer-events: none; }
    .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; font-size: 13px; margin-top: 6px; }
    .ramp { display: inline-flex; align-items: center; gap: 6px; }
    .bar { width: 160px; height: 12px; border: 1px solid #aaa; }
    .mk { display: inline-flex; align-items: center; gap: 5px; }
    .readout { min-height: 2.8em; font-size: 13.5px; margin-top: 6px; padding: 4px 8px; background: #f6f6f6; border-radius: 4px; }
    .readout b { font-weight: 600; }
    .num { font-variant-numeric: tabular-nums; }
  `;

  private get height(): number {
    return Math.round(Math.max(260, Math.min(560, this._width * 0.55)));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const c = this.cells;
    if (!c) {
      this.layout = null;
      return;
    }
    // The layout depends only on units and populations and the size; a cheap signature spots changes.
    let sig = 0;
    for (let i = 0; i < c.count; i++) sig = (sig * 31 + c.unit[i] * 7 + c.population[i]) | 0;
    const key = `${c.count}|${sig}|${this._width}|${this.height}`;
    if (key !== this.layoutKey) {
      this.layoutKey = key;
      this.layout = districtLayout(c, this._width, this.height);
    }
    if (changed.has('cells') || changed.has('metric')) {
      this.values = metricValues(c, this.metric);
      this.domain = colorDomain(this.values, this.metric);
      const interp = INTERP[this.metric];
      this.lut = d3.range(STEPS).map((i) => interp(0.08 + (0.92 * i) / (STEPS - 1)));
    }
    if (this._focus >= c.count) this._focus = -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('cells') || changed.has('metric') || changed.has('_width') || changed.has('selected')) this.paint();
  }

  private colorOf(v: number): string {
    const [lo, hi] = this.domain;
    const t = hi > lo ? (v - lo) / (hi - lo) : 0;
    return this.lut[Math.max(0, Math.min(STEPS - 1, Math.round(t * (STEPS - 1))))] ?? '#ccc';
  }

  /** Paint every cell, its markers and the unit borders. */
  private paint(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const c = this.cells;
    const L = this.layout;
    if (!canvas || !c || !L) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    const w = this._width;
    const h = this.height;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    const hatch = this.hatch(ctx);
    for (let i = 0; i < c.count; i++) {
      const x = L.x0[i];
      const y = L.y0[i];
      const cw = L.x1[i] - x;
      const ch = L.y1[i] - y;
      if (cw <= 0 || ch <= 0) continue;
      ctx.fillStyle = this.colorOf(this.values[i]);
      ctx.fillRect(x, y, cw, ch);
      if (!c.village[i] && hatch) {
        ctx.fillStyle = hatch;
        ctx.fillRect(x, y, cw, ch);
      }
      const m = Math.min(cw, ch);
      if (c.hall[i]) {
        // A small house in the bottom-right corner.
        const s = Math.max(2.5, Math.min(10, m * 0.42));
        const bx = x + cw - s - 1;
        const by = y + ch - 1;
        ctx.fillStyle = '#1f4e9c';
        ctx.beginPath();
        ctx.moveTo(bx, by);
        ctx.lineTo(bx, by - s * 0.65);
        ctx.lineTo(bx + s / 2, by - s);
        ctx.lineTo(bx + s, by - s * 0.65);
        ctx.lineTo(bx + s, by);
        ctx.closePath();
        ctx.fill();
      }
      if (c.council[i]) {
        const s = Math.max(2, Math.min(9, m * 0.45));
        ctx.fillStyle = '#111';
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + s, y);
        ctx.lineTo(x, y + s);
        ctx.closePath();
        ctx.fill();
      }
      if (c.wechat[i] > 0 && m >= 4) {
        const r = Math.max(1.5, Math.min(4.5, m * 0.18));
        ctx.fillStyle = '#0a7d32';
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.arc(x + cw - r - 1.5, y + r + 1.5, r, 0, Math.PI * 2);
        ctx.fill();
        if (r > 2) ctx.stroke();
      }
    }
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 1.5;
    for (const u of L.units) ctx.strokeRect(u.x0, u.y0, u.x1 - u.x0, u.y1 - u.y0);
    const s = this.selected;
    if (s >= 0 && s < c.count) {
      ctx.strokeStyle = '#1565c0';
      ctx.lineWidth = 3;
      ctx.strokeRect(L.x0[s] - 1, L.y0[s] - 1, L.x1[s] - L.x0[s] + 2, L.y1[s] - L.y0[s] + 2);
    }
  }

  private hatchPattern: CanvasPattern | null = null;
  private hatch(ctx: CanvasRenderingContext2D): CanvasPattern | null {
    if (this.hatchPattern) return this.hatchPattern;
    const p = document.createElement('canvas');
    p.width = p.height = 6;
    const g = p.getContext('2d');
    if (!g) return null;
    g.strokeStyle = 'rgba(255,255,255,0.7)';
    g.lineWidth = 1.2;
    g.beginPath();
    g.moveTo(0, 6);
    g.lineTo(6, 0);
    g.stroke();
    this.hatchPattern = ctx.createPattern(p, 'repeat');
    return this.hatchPattern;
  }

  private pick(e: MouseEvent): number {
    if (!this.layout) return -1;
    const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return cellAt(this.layout, e.clientX - r.left, e.clientY - r.top);
  }

  private select(cell: number): void {
    if (cell < 0) return;
    this.selected = cell;
    this.dispatchEvent(new CustomEvent('cell-select', { detail: { cell }, bubbles: true, composed: true }));
  }

  private onMetric(e: Event): void {
    const metric = (e.target as HTMLSelectElement).value as DistrictMetric;
    this.metric = metric;
    this.dispatchEvent(new CustomEvent('metric-change', { detail: { metric }, bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent): void {
    const L = this.layout;
    const c = this.cells;
    if (!L || !c?.count) return;
    const cur = this._focus >= 0 ? this._focus : this.selected >= 0 ? this.selected : L.order[0];
    let next = cur;
    const cx = (L.x0[cur] + L.x1[cur]) / 2;
    const cy = (L.y0[cur] + L.y1[cur]) / 2;
    switch (e.key) {
      case 'ArrowRight': {
        const n = cellAt(L, L.x1[cur] + 1.5, cy);
        next = n >= 0 ? n : L.order[Math.min(c.count - 1, L.rankOf[cur] + 1)];
        break;
      }
      case 'ArrowLeft': {
        const n = cellAt(L, L.x0[cur] - 1.5, cy);
        next = n >= 0 ? n : L.order[Math.max(0, L.rankOf[cur] - 1)];
        break;
      }
      case 'ArrowDown': {
        const n = cellAt(L, cx, L.y1[cur] + 1.5);
        if (n >= 0) next = n;
        break;
      }
      case 'ArrowUp': {
        const n = cellAt(L, cx, L.y0[cur] - 1.5);
        if (n >= 0) next = n;
        break;
      }
      case 'PageDown':
        next = L.order[Math.min(c.count - 1, L.rankOf[cur] + 1)];
        break;
      case 'PageUp':
        next = L.order[Math.max(0, L.rankOf[cur] - 1)];
        break;
      case 'Home':
        next = L.order[0];
        break;
      case 'End':
        next = L.order[c.count - 1];
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.select(cur);
        return;
      case 'Escape':
        this._focus = -1;
        return;
      default:
        return;
    }
    e.preventDefault();
    this._focus = next;
  }

  private readout() {
    const c = this.cells;
    const i = this._focus;
    const lang = this.lang;
    if (!c || i < 0 || i >= c.count) return html`<span>${t(lang, 'district.hoverHint')}</span>`;
    const fmt = d3.format(',');
    const per1k = c.population[i] > 0 ? (c.ticketsFiled[i] * 1000) / c.population[i] : 0;
    const cont = c.contested[i];
    return html`<div><b>${t(lang, c.village[i] ? 'district.village' : 'district.communityWord')} #${i + 1}</b> · ${unitName(c.unit[i], lang)} ·
        <span class="num">${fmt(c.population[i])}</span> ${t(lang, 'district.population')}
        ${i === this.selected ? html` · <b>${t(lang, 'district.selected')}</b>` : nothing}
        ${c.council[i] ? html` · ${t(lang, 'district.council')}` : nothing}${c.hall[i] ? html` · ${t(lang, 'district.hall')}` : nothing}
        ${cont >= 0 ? html` · ${t(lang, cont & 1 ? 'district.lightsBright' : 'district.lightsDim')}, ${t(lang, cont & 2 ? 'district.bumpOn' : 'district.bumpOff')}` : nothing}</div>
      <div class="num">${t(lang, 'district.tickets')} ${fmt(c.ticketsFiled[i])} (${d3.format('.1f')(per1k)} ${t(lang, 'district.per1k')}) ·
        ${t(lang, 'district.defects')} ${fmt(c.defectsOpen[i])} · ${t(lang, 'district.disputes')} ${fmt(c.disputesOpen[i])} ·
        ${t(lang, 'district.contacts')} ${fmt(c.wechat[i])} · ${t(lang, 'district.norm')} ${d3.format('.0%')(c.norm[i])}</div>`;
  }

  override render() {
    const lang = this.lang;
    const c = this.cells;
    const L = this.layout;
    const w = this._width;
    const h = this.height;
    const f = this.focusRect();
    const [lo, hi] = this.domain;
    const fmt = this.metric === 'norm' ? d3.format('.0%') : this.metric === 'ticketsPer1k' ? d3.format(',.1f') : d3.format(',.0f');
    const grad = `linear-gradient(to right, ${this.lut.filter((_, i) => i % 8 === 0 || i === STEPS - 1).join(',')})`;
    return html`<header>
        <h3>${t(lang, 'district.title')}</h3>
        <label for="metric">${t(lang, 'district.colourBy')}</label>
        <select id="metric" .value=${this.metric} @change=${this.onMetric}>
          ${DISTRICT_METRICS.map((m) => html`<option value=${m} ?selected=${m === this.metric}>${t(lang, `districtMetric.${m}`)}</option>`)}
        </select>
      </header>
      <div class="map" tabindex="0" role="application" aria-label=${`${t(lang, 'district.title')}. ${t(lang, 'district.help')}`}
        aria-describedby="readout" @keydown=${this.onKey}
        @focus=${() => {
          if (this._focus < 0 && L && c?.count) this._focus = this.selected >= 0 ? this.selected : L.order[0];
        }}
        @blur=${() => (this._focus = -1)}>
        <canvas style=${`width:${w}px;height:${h}px`} @pointermove=${(e: PointerEvent) => (this._focus = this.pick(e))}
          @pointerleave=${() => (this._focus = -1)} @click=${(e: MouseEvent) => this.select(this.pick(e))}></canvas>
        ${
          L && (c?.count ?? 0) > 0
            ? L.units
                .filter((u) => u.x1 - u.x0 > 54 && u.y1 - u.y0 > 22 && L.units.length <= 200)
                .map(
                  (u) =>
                    html`<div class="ulabel" style=${`left:${u.x0 + 3}px;top:${u.y1 - 19}px;max-width:${u.x1 - u.x0 - 8}px`}>${unitName(u.unit, lang)}</div>`,
                )
            : html`<div class="ulabel" style="left:8px;top:8px">${t(lang, 'district.noData')}</div>`
        }
        ${f ? html`<div class="hl" style=${`left:${f.x - 2}px;top:${f.y - 2}px;width:${f.w + 4}px;height:${f.h + 4}px`}></div>` : nothing}
      </div>
      <div class="legend">
        <span class="ramp"><span class="num">${fmt(lo)}</span><span class="bar" style=${`background:${grad}`}></span><span class="num">${fmt(hi)}+</span>
          <span>${t(lang, `districtMetric.${this.metric}`)}</span></span>
        <span class="mk"><svg width="14" height="14" aria-hidden="true"><path d="M0 0H11L0 11Z" fill="#111"/></svg>${t(lang, 'district.council')}</span>
        <span class="mk"><svg width="14" height="14" aria-hidden="true"><path d="M1 13V6L7 1L13 6V13Z" fill="#1f4e9c"/></svg>${t(lang, 'district.hall')}</span>
        <span class="mk"><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="#0a7d32"/></svg>${t(lang, 'district.wechat')}</span>
        <span class="mk"><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="#e89a5b"/><path d="M0 6L6 0M0 12L12 0M2 14L14 2M8 14L14 8" stroke="#fff" stroke-width="1.2"/></svg>${t(lang, 'district.community')}</span>
      </div>
      <div class="readout" id="readout" aria-live="polite">${this.readout()}</div>`;
  }

  private focusRect(): { x: number; y: number; w: number; h: number } | null {
    const L = this.layout;
    const i = this._focus;
    if (!L || i < 0 || i >= L.x0.length) return null;
    return { x: L.x0[i], y: L.y0[i], w: L.x1[i] - L.x0[i], h: L.y1[i] - L.y0[i] };
  }
}

customElements.define('hl-district-view', HlDistrictView);

declare global {
  interface HTMLElementTagNameMap {
    'hl-district-view': HlDistrictView;
  }
}
