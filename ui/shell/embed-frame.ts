/**
 * `<hl-embed-frame>`: the page as an embedded frame (`embed=1`): a title bar with the run's day
 * and a link to the full app, the notices (slotted), and the charts (those `show=` names, and the
 * key figures when it names `figures`), without the knob panel. It fits any column: nothing in it
 * is wider than the frame, down to a 320 px phone.
 */
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang } from '../i18n.ts';
import type { RunState } from '../worker/sim-controller.ts';
import { baseStyles } from '../styles/index.ts';
import type { ChartProvenance } from '../charts/types.ts';
import { embedShow } from '../charts/embed-show.ts';
import '../charts/charts-panel.ts';
import '../key-figures.ts';

export class HlEmbedFrame extends LitElement {
  static override properties = {
    lang: {},
    heading: {},
    run: { attribute: false },
    baseline: { attribute: false },
    fullLink: {},
    show: { attribute: false },
    provenance: { attribute: false },
  };

  /** The page's language. */
  declare lang: Lang;
  /** What the frame shows (the preset's title). */
  declare heading: string;
  /** The scenario's run. */
  declare run: RunState | null;
  /** The baseline's run in compare mode, else null. */
  declare baseline: RunState | null;
  /** The same page in the full app (without `embed=1`). */
  declare fullLink: string;
  /** The link's `show=` ids (empty: every chart). */
  declare show: readonly string[];
  /** The run's provenance: whether the scenario differs from its preset, and the images' captions. */
  declare provenance: ChartProvenance | null;

  constructor() {
    super();
    this.lang = 'en';
    this.heading = '';
    this.run = null;
    this.baseline = null;
    this.fullLink = '';
    this.show = [];
    this.provenance = null;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      .embed-head {
        display: flex;
        flex-wrap: wrap;
        row-gap: 0.2rem;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        padding: 0.35rem 0.8rem;
        background: var(--hl-header-bg, #10243e);
        color: #fff;
      }
      .embed-head a {
        color: #ffd27a;
      }
      .embed-head h1 {
        font-size: 1rem;
        margin: 0;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .embed-head .changed {
        font-weight: 400;
        color: #ffd27a;
      }
      .notice {
        margin: 0 0 0.5rem;
        font-size: 0.9rem;
      }
      .embed-body {
        flex: 1;
        min-width: 0;
        overflow-y: auto;
        overflow-x: hidden;
        padding: 0.5rem 0.8rem;
      }
      @media (max-width: 480px) {
        .embed-head,
        .embed-body {
          padding-left: 0.4rem;
          padding-right: 0.4rem;
        }
        .embed-head {
          font-size: 0.85rem;
          column-gap: 0.8rem;
        }
        .embed-head h1 {
          flex-basis: 100%;
        }
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    const run = this.run;
    const show = embedShow(this.show);
    const chartsShown = show.charts.length > 0 || !show.figures;
    const changed = this.provenance?.changed ?? false;
    return html`<header class="embed-head">
        <h1 class="embed-title" data-testid="embed-title">${t(lang, 'title')} · ${this.heading}${
          changed ? html` <span class="changed">(${t(lang, 'chart.embedChanged')})</span>` : nothing
        }</h1>
        <span data-testid="run-status" data-status=${run?.status ?? 'idle'} role="status"
          >${t(lang, 'dayOf', { day: run?.view?.day ?? 0, days: run?.view?.days ?? 0 })}</span
        >
        <a href=${this.fullLink} target="_blank" rel="noopener">${t(lang, 'openFull')}</a>
      </header>
      <slot></slot>
      <main class="embed-body">
        ${
          show.unknown.length
            ? html`<p class="notice" role="note">${t(lang, 'chart.embedNothing', { show: show.unknown.join(',') })}</p>`
            : nothing
        }
        ${
          run?.view
            ? html`${
                show.figures
                  ? html`<hl-key-figures .run=${run.view} .baseline=${this.baseline?.view ?? null} .lang=${lang}></hl-key-figures>`
                  : nothing
              }
              ${
                chartsShown
                  ? html`<hl-charts .run=${run.view} .baseline=${this.baseline?.view ?? null} .lang=${lang}
                      .show=${show.charts} .provenance=${this.provenance}></hl-charts>`
                  : nothing
              }`
            : html`<p>${t(lang, 'loadingCharts')}</p>`
        }
      </main>`;
  }
}

customElements.define('hl-embed-frame', HlEmbedFrame);

declare global {
  interface HTMLElementTagNameMap {
    'hl-embed-frame': HlEmbedFrame;
  }
}
