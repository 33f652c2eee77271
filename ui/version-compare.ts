/**
 * `<hl-version-compare>`: on a page opened on an archived model version (a link made with 0.1.0),
 * the offer to run the same scenario on today's model side by side, and then the key figures of
 * both with their differences. The archived run stays the page's own run (its link and numbers as
 * published); today's model runs as compare mode's other side, so the charts show it dashed, and
 * every difference is compare mode's, the page's run less the other side: archived − today.
 *
 * Events (bubbling, composed): `version-compare` detail { on } (show or hide the other side).
 */
import { LitElement, css, html, nothing } from 'lit';
import { MODEL } from '../sim/index.ts';
import type { RunView } from './charts/types.ts';
import { FIGURES } from './key-figures.ts';
import { fmt, t, type Lang } from './i18n.ts';
import { baseStyles } from './styles/index.ts';

/** The daily series a key figure reads (its value is unknown when a model does not have it). */
const READS: Record<string, string> = {
  tickets: 'tickets_filed',
  per10k: 'requests_per_10k',
  reported: 'official_satisfaction',
  true: 'true_satisfaction',
  'official-resolution': 'official_resolution',
  'needs-met': 'resolution_rate',
  waiting: 'needs_waiting',
  open: 'tickets_open',
  disputes: 'disputes_open',
  gaming: 'staff_hours_gaming',
  longterm: 'staff_hours_longterm',
};

export class HlVersionCompare extends LitElement {
  static override properties = {
    lang: { type: String },
    version: { type: String },
    on: { type: Boolean },
    run: { attribute: false },
    current: { attribute: false },
  };

  declare lang: Lang;
  /** The archived version the page runs on. */
  declare version: string;
  /** The side-by-side view is on. */
  declare on: boolean;
  /** The archived run. */
  declare run: RunView | null;
  /** The same scenario on today's model (when on). */
  declare current: RunView | null;

  constructor() {
    super();
    this.lang = 'en';
    this.version = '';
    this.on = false;
    this.run = null;
    this.current = null;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        margin: 0.4rem 0;
      }
      section {
        border: 1px solid var(--hl-line, #ccc);
        border-radius: 6px;
        padding: 0.5rem 0.6rem;
        background: var(--hl-card, #fafafa);
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.3rem;
      }
      p {
        margin: 0 0 0.4rem;
        font-size: 0.875rem;
      }
      button {
        font: inherit;
        font-size: 0.95rem;
        border: 1px solid var(--hl-primary, #0b57d0);
        color: var(--hl-primary, #0b57d0);
        background: var(--hl-bg, #fff);
        border-radius: 4px;
        padding: 0.3rem 0.7rem;
        cursor: pointer;
        font-weight: 600;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-size: 0.9rem;
        margin: 0.4rem 0;
        min-width: 100%;
      }
      th,
      td {
        padding: 0.2rem 0.5rem;
        border-bottom: 1px solid var(--hl-line, #ddd);
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      th:first-child {
        text-align: left;
        font-weight: 400;
      }
      thead th {
        font-weight: 600;
      }
    `,
  ];

  private value(v: RunView | null, id: string): number {
    if (!v || v.day === 0) return Number.NaN;
    const f = FIGURES.find((x) => x.id === id);
    if (!f || !v.daily[READS[id] ?? '']) return Number.NaN;
    return f.compute(v);
  }

  private show(id: string, x: number, signed = false): string {
    if (!Number.isFinite(x)) return '–';
    const f = FIGURES.find((y) => y.id === id);
    // a difference of two shares is in percentage points
    const s = f?.percent
      ? signed
        ? t(this.lang, 'tl.points', { n: fmt(this.lang, Math.abs(x) * 100, f.digits) })
        : `${fmt(this.lang, Math.abs(x) * 100, f.digits)}%`
      : fmt(this.lang, Math.abs(x), f?.digits ?? 0);
    return signed ? `${x > 0 ? '+' : x < 0 ? '−' : '±'}${s}` : x < 0 ? `−${s}` : s;
  }

  private emit(on: boolean): void {
    this.dispatchEvent(new CustomEvent('version-compare', { detail: { on }, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    const old = this.version;
    const current = MODEL.version;
    if (!old) return nothing;
    if (!this.on)
      return html`<button type="button" data-testid="version-compare-open" @click=${() => this.emit(true)}>
        ${t(lang, 'tl.versionOffer', { current })}
      </button>`;
    return html`<section aria-labelledby="vc-title" data-testid="version-compare">
      <h2 id="vc-title">${t(lang, 'tl.versionTitle', { old, current })}</h2>
      <p>${t(lang, 'tl.versionHelp', { old, current })}</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(lang, 'tl.figure')}</th>
              <th scope="col">${t(lang, 'tl.modelCol', { v: old })}</th>
              <th scope="col">${t(lang, 'tl.modelCol', { v: current })}</th>
              <th scope="col">${t(lang, 'tl.diffCol', { old, current })}</th>
            </tr>
          </thead>
          <tbody>
            ${FIGURES.map((f) => {
              const a = this.value(this.run, f.id);
              const b = this.value(this.current, f.id);
              return html`<tr data-figure=${f.id}>
                <th scope="row">${t(lang, f.key)}</th>
                <td data-side="archived">${this.run && !this.run.daily[READS[f.id] ?? ''] ? t(lang, 'tl.notInModel') : this.show(f.id, a)}</td>
                <td data-side="current">${this.current ? this.show(f.id, b) : t(lang, 'tl.waiting')}</td>
                <td data-side="diff">${this.show(f.id, a - b, true)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <button type="button" @click=${() => this.emit(false)}>${t(lang, 'tl.versionClose')}</button>
    </section>`;
  }
}

customElements.define('hl-version-compare', HlVersionCompare);

declare global {
  interface HTMLElementTagNameMap {
    'hl-version-compare': HlVersionCompare;
  }
}
