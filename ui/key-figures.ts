/**
 * `<hl-key-figures>`: a strip of headline numbers of the run so far, big enough for a projector.
 * In compare mode each figure shows the baseline's value and the difference too.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { RunView } from './charts/types.ts';
import { sideNames } from './charts/sides.ts';
import { fmt, t, type Lang, type MessageKey } from './i18n.ts';

interface Figure {
  key: MessageKey;
  id: string;
  digits: number;
  percent?: boolean;
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

function mean(v: RunView, name: string): number {
  const a = series(v, name);
  let s = 0;
  let n = 0;
  for (let i = 0; i < v.day && i < a.length; i++) {
    if (Number.isFinite(a[i])) {
      s += a[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

function last(v: RunView, name: string): number {
  const a = series(v, name);
  return v.day > 0 && a.length >= v.day ? a[v.day - 1] : NaN;
}

export const FIGURES: readonly Figure[] = [
  { key: 'figTickets', id: 'tickets', digits: 0, compute: (v) => sum(v, 'tickets_filed') },
  { key: 'figPer10k', id: 'per10k', digits: 1, compute: (v) => (v.day ? (sum(v, 'requests_per_10k') / v.day) * 365 : NaN) },
  // the official figures beside the residents' own (model 0.2)
  { key: 'figReported', id: 'reported', digits: 1, percent: true, compute: (v) => mean(v, 'official_satisfaction') },
  { key: 'figTrue', id: 'true', digits: 1, percent: true, compute: (v) => mean(v, 'true_satisfaction') },
  { key: 'figOfficialResolution', id: 'official-resolution', digits: 1, percent: true, compute: (v) => mean(v, 'official_resolution') },
  { key: 'figNeedsMet', id: 'needs-met', digits: 1, percent: true, compute: (v) => mean(v, 'resolution_rate') },
  { key: 'figWaiting', id: 'waiting', digits: 0, compute: (v) => last(v, 'needs_waiting') },
  { key: 'figOpen', id: 'open', digits: 0, compute: (v) => last(v, 'tickets_open') },
  { key: 'figDisputes', id: 'disputes', digits: 0, compute: (v) => last(v, 'disputes_open') },
  { key: 'figGamingHours', id: 'gaming', digits: 0, compute: (v) => sum(v, 'staff_hours_gaming') },
  { key: 'figLongTerm', id: 'longterm', digits: 0, compute: (v) => sum(v, 'staff_hours_longterm') },
];

export class HlKeyFigures extends LitElement {
  static override properties = {
    run: { attribute: false },
    baseline: { attribute: false },
    lang: { type: String },
  };

  declare run: RunView | null;
  declare baseline: RunView | null;
  declare lang: Lang;

  constructor() {
    super();
    this.run = null;
    this.baseline = null;
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

  override render() {
    const run = this.run;
    if (!run) return nothing;
    const lang = this.lang;
    const other = sideNames(run, this.baseline, lang)?.base ?? t(lang, 'baselineLabel');
    return html`<h2>${t(lang, 'keyFigures')}</h2>
      <dl>
        ${FIGURES.map((f) => {
          const x = f.compute(run);
          const b = this.baseline ? f.compute(this.baseline) : NaN;
          const d = x - b;
          const sign = !Number.isFinite(d) ? '' : d > 0 ? '+' : d < 0 ? '−' : '±';
          return html`<div>
            <dt>${t(lang, f.key)}</dt>
            <dd data-figure=${f.id}>
              ${this.show(f, x)}
              ${
                this.baseline
                  ? html`<span class="cmp">${other} ${this.show(f, b)}</span
                    ><span class="cmp diff" title=${t(lang, 'difference')}
                      ><span class="visually-hidden">${t(lang, 'difference')} </span>Δ ${sign}${this.show(f, Math.abs(d))}</span
                    >`
                  : nothing
              }
            </dd>
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
