/**
 * <hl-village-view>: one cell's households as dots, and the day's events moving between
 * them and the places a matter can go: the 12345 hotline (right), the village hall and
 * its council (left), the social worker on WeChat (right, below). A street light and a
 * speed bump switch state when a contested good flips. Tokens move with d3 transitions
 * (none when the user prefers reduced motion); the counters say what happened this year.
 */
import { LitElement, html, svg, css, nothing, type PropertyValues } from 'lit';
import * as d3 from 'd3';
// d3 is marked side-effect free, so the build can drop d3-transition's patch of selection.transition: import it for its effect
import 'd3-transition';
import { Channel, type VillageEvent } from '../../sim/index.ts';
import type { Lang } from '../charts/types.ts';
import { dateAt, isoDate } from '../charts/aggregate.ts';
import { householdLayout, type HouseholdLayout } from './layout.ts';
import { VillageState } from './village-state.ts';
import { t } from '../i18n.ts';

const W = 960;
const H = 540;
const BOX = { x: 200, y: 64, w: 540, h: 356 };
/** Where tokens go. */
export const PLACES = {
  hotline: { x: 860, y: 150 },
  social: { x: 860, y: 340 },
  hall: { x: 95, y: 130 },
  council: { x: 95, y: 330 },
  light: { x: 300, y: 480 },
  bump: { x: 520, y: 480 },
  defects: { x: 760, y: 480 },
} as const;
export const TOKEN = {
  hotline: '#e15759',
  hall: '#4e79a7',
  social: '#0a7d32',
  visit: '#7b3fa0',
  close: '#555',
  refuse: '#b71c1c',
} as const;
const MAX_TOKENS = 120;

interface Token {
  id: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
  color: string;
  delay: number;
}

export class HlVillageView extends LitElement {
  static override properties = {
    events: { attribute: false },
    households: { type: Number },
    day: { type: Number },
    lang: {},
    startDate: { attribute: 'start-date' },
    cellName: { attribute: 'cell-name' },
  };

  /** All events so far for the watched cell, in day order. */
  declare events: VillageEvent[];
  /** Households in the cell. */
  declare households: number;
  /** Days simulated so far (as RunView.day): events of days before it are shown; advancing it animates the new days' events. */
  declare day: number;
  declare lang: Lang;
  /** First simulated day, YYYY-MM-DD. */
  declare startDate: string;
  /** Optional heading for the watched cell (e.g. "Village #12, Unit 3"). */
  declare cellName: string;

  private state = new VillageState(1, '2021-01-01');
  private lay: HouseholdLayout = householdLayout(0, BOX);
  private firstEvent: VillageEvent | undefined;
  private lastDay = -1;
  private lastTime = 0;
  private tokenId = 0;
  private active = 0;
  private fresh: VillageEvent[] = [];

  constructor() {
    super();
    this.events = [];
    this.households = 0;
    this.day = 0;
    this.lang = 'en';
    this.startDate = '2021-01-01';
    this.cellName = '';
  }

  static override styles = css`
    :host { display: block; font: 15px/1.35 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; }
    .wrap { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
    .stage { flex: 3 1 520px; min-width: 0; }
    .side { flex: 1 1 220px; font-size: 14px; }
    h3 { font-size: 17px; margin: 0 0 4px; font-weight: 600; }
    .date { font-size: 15px; color: #333; margin-bottom: 4px; font-variant-numeric: tabular-nums; }
    svg { display: block; width: 100%; height: auto; background: #fbfaf6; border: 1px solid #ddd; border-radius: 6px; }
    .lbl { font-size: 19px; font-weight: 600; fill: #222; }
    .sub { font-size: 16px; fill: #444; }
    .hh circle { transition: fill 300ms; }
    .ring { fill: none; stroke: #2e7d32; stroke-width: 2; }
    .lamp { transition: fill 400ms, opacity 400ms; }
    .counters { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0 0 10px; font-size: 15px; }
    .counters dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; text-align: right; font-size: 18px; }
    .counters dt { align-self: center; }
    .years { display: flex; align-items: flex-end; gap: 6px; height: 80px; margin: 2px 0 14px; }
    .years div { display: flex; flex-direction: column; align-items: center; font-size: 12px; font-variant-numeric: tabular-nums; }
    .years .b { width: 26px; background: #e15759; border-radius: 2px 2px 0 0; }
    ul { list-style: none; padding: 0; margin: 0; }
    li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
    .dot { width: 12px; height: 12px; border-radius: 50%; display: inline-block; flex: none; }
    .empty { padding: 24px; color: #555; }
    @media (prefers-reduced-motion: reduce) { .hh circle, .lamp { transition: none; } }
  `;

  private get reduced(): boolean {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const ev = this.events ?? [];
    const n = Math.max(1, this.households | 0);
    // A different cell, fewer events or going back in time: fold again from the start.
    const reset =
      changed.has('households') ||
      changed.has('startDate') ||
      ev[0] !== this.firstEvent ||
      ev.length < this.state.seen ||
      this.day < this.lastDay;
    if (reset) {
      this.state = new VillageState(n, this.startDate);
      this.lay = householdLayout(n, BOX, n);
      this.firstEvent = ev[0];
      this.lastDay = -1;
    }
    const first = this.lastDay < 0;
    const fresh = this.state.advance(ev, this.day - 1);
    // A fast stream jumps many days per update: animate only the newest two, so motion stays readable.
    this.fresh = first ? [] : this.day - this.lastDay > 7 ? fresh.filter((e) => e.day >= this.day - 2) : fresh;
    this.lastDay = this.day;
  }

  protected override updated(): void {
    this.drawHouseholds();
    if (this.fresh.length) this.playEvents(this.fresh);
    this.fresh = [];
  }

  private pos(household: number): { x: number; y: number } {
    const h = this.state.slot(household);
    if (h < 0) return { x: BOX.x + BOX.w / 2, y: BOX.y + BOX.h / 2 };
    return { x: this.lay.x[h], y: this.lay.y[h] };
  }

  private drawHouseholds(): void {
    const root = this.renderRoot.querySelector('svg');
    if (!root) return;
    const s = this.state;
    const n = s.open.length;
    const idx = d3.range(n);
    const r = this.lay.r;
    d3.select(root)
      .select('g.hh')
      .selectAll<SVGCircleElement, number>('circle')
      .data(idx)
      .join('circle')
      .attr('cx', (i) => this.lay.x[i])
      .attr('cy', (i) => this.lay.y[i])
      .attr('r', r)
      .attr('fill', (i) => (s.open[i] > 0 ? TOKEN.hotline : '#aab4be'));
    const rings = idx.filter((i) => s.settled[i]);
    d3.select(root)
      .select('g.rings')
      .selectAll<SVGCircleElement, number>('circle')
      .data(rings, (i) => i)
      .join('circle')
      .attr('class', 'ring')
      .attr('cx', (i) => this.lay.x[i])
      .attr('cy', (i) => this.lay.y[i])
      .attr('r', r + 2.5);
  }

  /** Turn the newly folded events into moving tokens and flashes. */
  private playEvents(events: VillageEvent[]): void {
    const root = this.renderRoot.querySelector('svg');
    if (!root || this.reduced) return;
    const now = performance.now();
    // Faster streaming, shorter trips: a token should land before the next day's arrive.
    const gap = this.lastTime ? now - this.lastTime : 1000;
    this.lastTime = now;
    const dur = Math.max(350, Math.min(1100, gap * 0.9));
    const tokens: Token[] = [];
    const flashes: { x: number; y: number; color: string }[] = [];
    for (const e of events) {
      const at = this.pos(e.household);
      switch (e.type) {
        case 'file':
          if (e.channel === Channel.HOTLINE) tokens.push(this.token(at, PLACES.hotline, TOKEN.hotline));
          else if (e.channel === Channel.HALL) tokens.push(this.token(at, PLACES.hall, TOKEN.hall));
          else if (e.channel === Channel.WECHAT) tokens.push(this.token(at, PLACES.social, TOKEN.social));
          break;
        case 'hall':
          tokens.push(this.token(at, PLACES.hall, TOKEN.hall));
          break;
        case 'wechat':
          tokens.push(this.token(at, PLACES.social, TOKEN.social));
          break;
        case 'close':
          tokens.push(this.token(PLACES.hotline, at, TOKEN.close));
          break;
        case 'refuse':
          tokens.push(this.token(PLACES.hotline, at, TOKEN.refuse));
          break;
        case 'visit':
          tokens.push(this.token(PLACES.council, at, TOKEN.visit));
          break;
        case 'settle':
          flashes.push({ ...at, color: '#2e7d32' });
          break;
        case 'need':
          flashes.push({ ...at, color: '#f28e2b' });
          break;
        case 'fix':
          flashes.push({ ...PLACES.defects, color: '#2e7d32' });
          break;
        case 'defect':
          flashes.push({ ...PLACES.defects, color: '#b71c1c' });
          break;
        case 'flip':
          flashes.push({ ...(e.good === 0 ? PLACES.light : PLACES.bump), color: '#f2b200' });
          break;
        default:
          break;
      }
    }
    // Keep the stage readable: at most MAX_TOKENS in flight, spread over the trip.
    const room = Math.max(0, MAX_TOKENS - this.active);
    const step = tokens.length > room ? tokens.length / Math.max(1, room) : 1;
    const shown: Token[] = [];
    for (let k = 0; k < tokens.length && shown.length < room; k += step) shown.push(tokens[Math.floor(k)]);
    shown.forEach((t, i) => {
      t.delay = shown.length > 1 ? (i / shown.length) * dur * 0.5 : 0;
    });
    this.active += shown.length;
    const g = d3.select(root).select('g.tokens');
    g.selectAll<SVGCircleElement, Token>('circle.t')
      .data(shown, (t) => t.id)
      .enter()
      .append('circle')
      .attr('class', 't')
      .attr('r', 9)
      .attr('fill', (t) => t.color)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2)
      .attr('cx', (t) => t.from.x)
      .attr('cy', (t) => t.from.y)
      .transition()
      .delay((t) => t.delay)
      .duration(dur)
      .ease(d3.easeCubicInOut)
      .attr('cx', (t) => t.to.x)
      .attr('cy', (t) => t.to.y)
      .transition()
      .duration(150)
      .attr('r', 0)
      .on('end interrupt', () => {
        this.active = Math.max(0, this.active - 1);
      })
      .remove();
    g.selectAll('circle.f')
      .data(flashes.slice(0, 60))
      .enter()
      .append('circle')
      .attr('class', 'f')
      .attr('fill', 'none')
      .attr('stroke', (f) => f.color)
      .attr('stroke-width', 3)
      .attr('cx', (f) => f.x)
      .attr('cy', (f) => f.y)
      .attr('r', 3)
      .attr('opacity', 1)
      .transition()
      .duration(dur)
      .attr('r', 22)
      .attr('opacity', 0)
      .remove();
  }

  private token(from: { x: number; y: number }, to: { x: number; y: number }, color: string): Token {
    return { id: ++this.tokenId, from, to, color, delay: 0 };
  }

  private icons() {
    const lang = this.lang;
    const s = this.state;
    const bright = s.lights === 1;
    const bump = s.bump === 1;
    const P = PLACES;
    return svg`
      <g aria-hidden="true">
        <rect x=${P.hotline.x - 70} y=${P.hotline.y - 62} width="140" height="112" rx="12" fill="#fde8e8" stroke=${TOKEN.hotline} stroke-width="2.5"/>
        <path transform=${`translate(${P.hotline.x - 14},${P.hotline.y - 50}) scale(1.3)`} fill=${TOKEN.hotline}
          d="M6.6 10.8c1.4 2.8 3.8 5.1 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1C10.6 21 3 13.4 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z"/>
        <text class="lbl" x=${P.hotline.x} y=${P.hotline.y + 14} text-anchor="middle" style="font-size:26px">12345</text>
        <text class="sub" x=${P.hotline.x} y=${P.hotline.y + 38} text-anchor="middle">${t(lang, 'village.hotlineSub')}</text>

        <rect x=${P.social.x - 70} y=${P.social.y - 50} width="140" height="104" rx="12" fill="#e5f4ea" stroke=${TOKEN.social} stroke-width="2.5"/>
        <circle cx=${P.social.x - 14} cy=${P.social.y - 26} r="9" fill=${TOKEN.social}/>
        <path d=${`M${P.social.x - 30} ${P.social.y + 6} q16 -30 32 0 z`} fill=${TOKEN.social}/>
        <path d=${`M${P.social.x + 6} ${P.social.y - 40} h34 a6 6 0 0 1 6 6 v14 a6 6 0 0 1 -6 6 h-22 l-8 8 v-8 h-4 a6 6 0 0 1 -6 -6 v-14 a6 6 0 0 1 6 -6 z`} fill="#fff" stroke=${TOKEN.social} stroke-width="2"/>
        <text class="sub" x=${P.social.x} y=${P.social.y + 28} text-anchor="middle">${t(lang, 'village.socialShort')}</text>
        <text class="sub" x=${P.social.x} y=${P.social.y + 47} text-anchor="middle">${t(lang, 'village.onWechat')}</text>

        <path d=${`M${P.hall.x - 60} ${P.hall.y - 22} L${P.hall.x} ${P.hall.y - 62} L${P.hall.x + 60} ${P.hall.y - 22} Z`} fill=${TOKEN.hall}/>
        <rect x=${P.hall.x - 50} y=${P.hall.y - 22} width="100" height="58" fill="#e3ecf7" stroke=${TOKEN.hall} stroke-width="2.5"/>
        <rect x=${P.hall.x - 10} y=${P.hall.y + 6} width="20" height="30" fill=${TOKEN.hall}/>
        <text class="lbl" x=${P.hall.x} y=${P.hall.y + 62} text-anchor="middle">${t(lang, 'village.hall')}</text>

        ${[-30, 0, 30].map(
          (dx) => svg`<circle cx=${P.council.x + dx} cy=${P.council.y - 22} r="10" fill=${TOKEN.visit}/>
          <path d=${`M${P.council.x + dx - 15} ${P.council.y + 12} q15 -36 30 0 z`} fill=${TOKEN.visit}/>`,
        )}
        <text class="lbl" x=${P.council.x} y=${P.council.y + 40} text-anchor="middle">${t(lang, 'village.council')}</text>

        <line x1=${P.light.x - 60} y1=${P.light.y + 30} x2=${P.light.x - 60} y2=${P.light.y - 26} stroke="#555" stroke-width="4"/>
        <line x1=${P.light.x - 60} y1=${P.light.y - 26} x2=${P.light.x - 44} y2=${P.light.y - 26} stroke="#555" stroke-width="4"/>
        <circle class="lamp" cx=${P.light.x - 44} cy=${P.light.y - 18} r="22" fill="#ffd54f" opacity=${bright ? 0.45 : 0}/>
        <circle class="lamp" cx=${P.light.x - 44} cy=${P.light.y - 18} r="9" fill=${bright ? '#ffc107' : '#9e9e9e'}/>
        <text class="sub" x=${P.light.x - 14} y=${P.light.y - 8}>${t(lang, 'village.light')}</text>
        <text class="lbl" x=${P.light.x - 14} y=${P.light.y + 18}>${s.lights == null ? '–' : t(lang, bright ? 'village.bright' : 'village.dim')}</text>

        <rect x=${P.bump.x - 70} y=${P.bump.y + 6} width="60" height="14" fill="#777"/>
        ${
          bump
            ? svg`<path d=${`M${P.bump.x - 58} ${P.bump.y + 6} q18 -22 36 0 z`} fill="#f2b200" stroke="#222" stroke-width="1.5"/>`
            : svg`<path d=${`M${P.bump.x - 58} ${P.bump.y + 6} q18 -22 36 0`} fill="none" stroke="#999" stroke-width="1.5" stroke-dasharray="4 3"/>`
        }
        <text class="sub" x=${P.bump.x} y=${P.bump.y - 8}>${t(lang, 'village.bump')}</text>
        <text class="lbl" x=${P.bump.x} y=${P.bump.y + 18}>${s.bump == null ? '–' : t(lang, bump ? 'village.present' : 'village.absent')}</text>

        ${d3.range(Math.min(5, s.defectsOpen)).map((i) => svg`<ellipse cx=${P.defects.x - 52 + (i % 3) * 16} cy=${P.defects.y - 10 + Math.floor(i / 3) * 16} rx="7" ry="4.5" fill="#5d4037"/>`)}
        <text class="sub" x=${P.defects.x - 4} y=${P.defects.y - 8}>${t(lang, 'village.defects')}</text>
        <text class="lbl" x=${P.defects.x - 4} y=${P.defects.y + 18}>${s.defectsOpen}</text>
      </g>`;
  }

  override render() {
    const lang = this.lang;
    const n = Math.max(0, this.households | 0);
    if (!n) return html`<div class="empty">${t(lang, 'village.noCell')}</div>`;
    const s = this.state;
    // The last simulated day is day - 1 (0-based).
    const date = dateAt(this.startDate, Math.max(0, this.day - 1));
    const year = date.getUTCFullYear();
    const c = s.counts(year);
    const years = [...s.byYear.keys()].sort((a, b) => a - b);
    const maxT = Math.max(1, ...years.map((y) => s.counts(y).tickets));
    const legend: [string, string, string][] = [
      [TOKEN.hotline, t(lang, 'village.toHotline'), 'dot'],
      [TOKEN.hall, t(lang, 'village.toHall'), 'dot'],
      [TOKEN.social, t(lang, 'village.toSocial'), 'dot'],
      [TOKEN.visit, t(lang, 'village.visit'), 'dot'],
      [TOKEN.close, t(lang, 'village.closed'), 'dot'],
      [TOKEN.refuse, t(lang, 'village.refused'), 'dot'],
    ];
    return html`<div class="wrap">
      <div class="stage">
        <h3>${t(lang, 'village.title')}${this.cellName ? html`: ${this.cellName}` : nothing}</h3>
        <div class="date">${isoDate(date)} · ${t(lang, 'village.dayN', { n: Math.max(1, this.day) })} · ${n} ${t(lang, 'village.households')}</div>
        <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-label=${`${t(lang, 'village.help')} ${t(lang, 'village.counters')}: ${t(lang, 'village.ticketsYear')} ${c.tickets}, ${t(lang, 'village.hallYear')} ${c.hall}, ${t(lang, 'village.visitsYear')} ${c.visits}, ${t(lang, 'village.flipsYear')} ${c.flips}.`}>
          <rect x=${BOX.x - 10} y=${BOX.y - 10} width=${BOX.w + 20} height=${BOX.h + 20} rx="10" fill="#f1efe6" stroke="#d8d3c2"/>
          ${this.icons()}
          <g class="hh"></g>
          <g class="rings"></g>
          <g class="tokens"></g>
        </svg>
      </div>
      <div class="side">
        <h3>${t(lang, 'village.counters')} (${year})</h3>
        <dl class="counters">
          <dt>${t(lang, 'village.ticketsYear')}</dt><dd>${c.tickets}</dd>
          <dt>${t(lang, 'village.hallYear')}</dt><dd>${c.hall}</dd>
          <dt>${t(lang, 'village.visitsYear')}</dt><dd>${c.visits}</dd>
          <dt>${t(lang, 'village.flipsYear')}</dt><dd>${c.flips}</dd>
        </dl>
        <div>${t(lang, 'village.perYear')}</div>
        <div class="years" role="img" aria-label=${`${t(lang, 'village.perYear')}: ${years.map((y) => `${y} ${s.counts(y).tickets}`).join(', ')}`}>
          ${years.map((y) => html`<div><span>${s.counts(y).tickets}</span><span class="b" style=${`height:${Math.round((s.counts(y).tickets / maxT) * 52) + 1}px`}></span><span>${y}</span></div>`)}
        </div>
        <h3>${t(lang, 'village.legendTitle')}</h3>
        <ul>
          ${legend.map(([col, label]) => html`<li><span class="dot" style=${`background:${col}`}></span>${label}</li>`)}
          <li><span class="dot" style=${`background:${TOKEN.hotline};border:2px solid #fff;box-shadow:0 0 0 1px #999`}></span>${t(lang, 'village.waiting')}</li>
          <li><span class="dot" style="background:#aab4be;box-shadow:0 0 0 2px #2e7d32"></span>${t(lang, 'village.settled')}</li>
        </ul>
      </div>
    </div>`;
  }
}

customElements.define('hl-village-view', HlVillageView);

declare global {
  interface HTMLElementTagNameMap {
    'hl-village-view': HlVillageView;
  }
}
