/**
 * `<hl-key-figures>`: a strip of headline numbers of the run so far, big enough for a projector.
 * In compare mode each figure shows the baseline's value and the difference too.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Summary } from '../sim/index.ts';
import { SUMMARY_LABELS, type SummaryField } from '../sim/metric-labels.ts';
import type { RunView } from './charts/types.ts';
import { sideNames } from './charts/sides.ts';
import { figureDifference } from './compare-stats.ts';
import { fmt, t, type Lang, type MessageKey } from './i18n.ts';
import type { PairedRuns } from './worker/seed-runs.ts';

export interface Figure {
  key: MessageKey;
  id: string;
  /** The summary's field the figure shows (sim/summary.ts; its name and how it is computed: SUMMARY_LABELS). */
  field: SummaryField;
  digits: number;
  percent?: boolean;
  /**
   * The same number from the daily series of a view, as sim/summary.ts computes it: for a run
   * without a summary yet, and for the version table (version-compare.ts).
   */
  compute: (v: RunView) => number;
}

function series(v: RunView, name: string): Float64Array {
  return v.daily[name] ?? new Float64Array(0);
}

function sum(v: RunView, name: string): number {
  const a = series(v, name);
  let s = 0;
  for (let i = 0; i < v.day && i < a.length; i++) if (Number.isFinite(a[i])) s += a[i];
  return s;
}

/** A rate over the days so far, each day weighted by `weight` (sim/summary.ts's weighted means). */
function weighted(v: RunView, name: string, weight: (i: number) => number): number {
  const a = series(v, name);
  let num = 0;
  let den = 0;
  for (let i = 0; i < v.day && i < a.length; i++) {
    const w = weight(i);
    if (Number.isFinite(a[i]) && Number.isFinite(w)) {
      num += a[i] * w;
      den += w;
    }
  }
  return den > 0 ? num / den : v.daily[name] ? 0 : NaN;
}

const byRatings = (v: RunView) => (i: number) => series(v, 'tickets_rated')[i];
const byNeeds = (v: RunView) => (i: number) => series(v, 'needs_met')[i] + series(v, 'needs_unmet')[i];

function last(v: RunView, name: string): number {
  const a = series(v, name);
  return v.day > 0 && a.length >= v.day ? a[v.day - 1] : NaN;
}

export const FIGURES: readonly Figure[] = [
  { key: 'figTickets', id: 'tickets', field: 'tickets_filed', digits: 0, compute: (v) => sum(v, 'tickets_filed') },
  {
    key: 'figPer10k',
    id: 'per10k',
    field: 'requests_per_10k_month',
    digits: 1,
    compute: (v) => (v.day ? ((sum(v, 'requests_per_10k') / v.day) * 365) / 12 : NaN),
  },
  // the official figures beside the residents' own (model 0.2)
  {
    key: 'figReported',
    id: 'reported',
    field: 'official_satisfaction',
    digits: 1,
    percent: true,
    compute: (v) => weighted(v, 'official_satisfaction', byRatings(v)),
  },
  {
    key: 'figTrue',
    id: 'true',
    field: 'true_satisfaction',
    digits: 1,
    percent: true,
    compute: (v) => weighted(v, 'true_satisfaction', byNeeds(v)),
  },
  {
    key: 'figOfficialResolution',
    id: 'official-resolution',
    field: 'official_resolution',
    digits: 1,
    percent: true,
    compute: (v) => weighted(v, 'official_resolution', byRatings(v)),
  },
  {
    key: 'figNeedsMet',
    id: 'needs-met',
    field: 'resolution_rate',
    digits: 1,
    percent: true,
    compute: (v) => weighted(v, 'resolution_rate', byNeeds(v)),
  },
  { key: 'figWaiting', id: 'waiting', field: 'needs_waiting_end', digits: 0, compute: (v) => last(v, 'needs_waiting') },
  { key: 'figOpen', id: 'open', field: 'tickets_open_end', digits: 0, compute: (v) => last(v, 'tickets_open') },
  { key: 'figDisputes', id: 'disputes', field: 'disputes_open_end', digits: 0, compute: (v) => last(v, 'disputes_open') },
  { key: 'figGamingHours', id: 'gaming', field: 'staff_hours_gaming', digits: 0, compute: (v) => sum(v, 'staff_hours_gaming') },
  { key: 'figLongTerm', id: 'longterm', field: 'staff_hours_longterm', digits: 0, compute: (v) => sum(v, 'staff_hours_longterm') },
];

/**
 * A figure's value: the summary's number when the run has a summary of the days on screen (the
 * worker sends one at most every 250 ms and at the end), else the same computation on the view.
 */
export function figureValue(f: Figure, summary: Summary | null, view: RunView | null): number {
  const x = summary?.[f.field];
  if (typeof x === 'number' && (!view || summary?.days === view.day)) return x;
  return view ? f.compute(view) : NaN;
}

export class HlKeyFigures extends LitElement {
  static override properties = {
    run: { attribute: false },
    baseline: { attribute: false },
    summary: { attribute: false },
    baselineSummary: { attribute: false },
    paired: { attribute: false },
    lang: { type: String },
  };

  declare run: RunView | null;
  declare baseline: RunView | null;
  /** The run's summary so far (sim/summary.ts, sent by the worker with every chunk). */
  declare summary: Summary | null;
  declare baselineSummary: Summary | null;
  /** Compare mode over paired seeds (two or more), else null. */
  declare paired: PairedRuns | null;
  declare lang: Lang;

  constructor() {
    super();
    this.run = null;
    this.baseline = null;
    this.summary = null;
    this.baselineSummary = null;
    this.paired = null;
    this.lang = 'en';
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    /* the app may set the columns (--hl-figure-grid: even rows); numbers shrink to fit their card */
    dl {
      display: grid;
      grid-template-columns: var(--hl-figure-grid, repeat(auto-fit, minmax(6.4rem, 1fr)));
      gap: 0.4rem;
      margin: 0;
    }
    div {
      position: relative;
      min-width: 0;
      container-type: inline-size;
      border: 1px solid var(--hl-line, #ccc);
      border-radius: 6px;
      padding: 0.25rem 0.45rem;
      background: var(--hl-card, #fafafa);
    }
    dt {
      font-size: 0.8rem;
      color: var(--hl-muted, #444);
      line-height: 1.2;
      overflow-wrap: break-word;
    }
    dd {
      margin: 0.1rem 0 0;
      font-size: clamp(0.85rem, 15cqi, 1.2rem);
      overflow-wrap: anywhere;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .diff {
      font-weight: 600;
      color: var(--hl-fg, #1a1a1a);
    }
    .ci {
      font-size: 0.75rem;
    }
    .cmp {
      display: block;
      font-size: 0.8rem;
      font-weight: 400;
      color: var(--hl-muted, #444);
    }
  `;

  private show(f: Figure, x: number): string {
    // a figure a run's model does not have (an archived version's run) is shown as a dash
    if (!Number.isFinite(x)) return '–';
    return f.percent ? `${fmt(this.lang, x * 100, f.digits)}%` : fmt(this.lang, x, f.digits);
  }

  /** A signed difference: percentage points for a rate, the figure's unit for a count. */
  private signed(f: Figure, d: number, unit = true): string {
    if (!Number.isFinite(d)) return '–';
    const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
    const abs = Math.abs(d);
    if (!f.percent) return `${sign}${fmt(this.lang, abs, f.digits)}`;
    const n = fmt(this.lang, abs * 100, f.digits);
    return `${sign}${unit ? t(this.lang, 'cmp.points', { n }) : n}`;
  }

  private relative(r: number): string {
    if (!Number.isFinite(r)) return '';
    const sign = r > 0 ? '+' : r < 0 ? '−' : '±';
    return `${sign}${fmt(this.lang, Math.abs(r) * 100, 1)}%`;
  }

  /** The difference line: one seed's Δ, or the mean paired Δ with its 95% interval over the seeds. */
  private difference(f: Figure, x: number, b: number) {
    const lang = this.lang;
    const p = this.paired;
    let d = x - b;
    let rel = Number.isFinite(b) && b !== 0 ? d / b : Number.NaN;
    let detail = '';
    if (p) {
      const main = p.main.map((s) => (typeof s?.[f.field] === 'number' ? s[f.field] : Number.NaN));
      const base = p.base.map((s) => (typeof s?.[f.field] === 'number' ? s[f.field] : Number.NaN));
      const r = figureDifference(main, base);
      if (r.n >= 2) {
        d = r.mean;
        rel = r.relative;
        // the unit once, after the upper end: '−2.6 to +1.1 pts'
        detail = t(lang, 'cmp.interval', { lo: this.signed(f, r.lo, false), hi: this.signed(f, r.hi), n: r.n });
      }
      if (r.n < p.seeds.length) {
        const waiting = t(lang, 'cmp.intervalWaiting', { done: r.n, total: p.seeds.length });
        detail = detail ? `${detail} (${waiting})` : waiting;
      }
    }
    const relText = f.percent ? '' : this.relative(rel);
    return html`<span class="cmp diff" data-diff=${Number.isFinite(d) ? String(d) : ''}
        ><span class="visually-hidden">${t(lang, 'difference')} </span>Δ ${this.signed(f, d)}${
          relText ? html` <span class="rel" title=${t(lang, 'cmp.relative', { r: relText })}>(${relText})</span>` : nothing
        }</span
      >${detail ? html`<span class="cmp ci" data-interval=${f.id}>${detail}</span>` : nothing}`;
  }

  override render() {
    const run = this.run;
    if (!run) return nothing;
    const lang = this.lang;
    const other = sideNames(run, this.baseline, lang)?.base ?? t(lang, 'baselineLabel');
    return html`<h2>${t(lang, 'keyFigures')}</h2>
      <dl>
        ${FIGURES.map((f) => {
          const x = figureValue(f, this.summary, run);
          const b = this.baseline ? figureValue(f, this.baselineSummary, this.baseline) : NaN;
          const label = SUMMARY_LABELS[f.field];
          const how = `${label[lang]}: ${label.how[lang]} ${t(lang, 'cmp.summaryNote')}`;
          return html`<div title=${how} data-card=${f.id}>
            <dt aria-describedby=${`how-${f.id}`}>${label[lang]}</dt>
            <dd data-figure=${f.id} data-value=${Number.isFinite(x) ? String(x) : ''}>
              ${this.show(f, x)}
              ${this.baseline ? html`<span class="cmp">${other} ${this.show(f, b)}</span>${this.difference(f, x, b)}` : nothing}
            </dd>
            <p id=${`how-${f.id}`} hidden>${label.how[lang]}</p>
          </div>`;
        })}
      </dl>`;
  }
}

customElements.define('hl-key-figures', HlKeyFigures);

declare global {
  interface HTMLElementTagNameMap {
    'hl-key-figures': HlKeyFigures;
  }
}
