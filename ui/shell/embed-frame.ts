/**
 * `<hl-embed-frame>`: the page as an embedded frame (`embed=1`): a title bar with the run's day
 * and a link to the full app, the notices (slotted), and the charts, without the knob panel.
 */
import { LitElement, css, html } from 'lit';
import { t, type Lang } from '../i18n.ts';
import type { RunState } from '../worker/sim-controller.ts';
import { baseStyles } from '../styles/index.ts';
import '../charts/charts-panel.ts';

export class HlEmbedFrame extends LitElement {
  static override properties = {
    lang: {},
    heading: {},
    run: { attribute: false },
    baseline: { attribute: false },
    fullLink: {},
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

  constructor() {
    super();
    this.lang = 'en';
    this.heading = '';
    this.run = null;
    this.baseline = null;
    this.fullLink = '';
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
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        padding: 0.35rem 0.8rem;
        background: var(--hl-header-bg, #10243e);
        color: #fff;
      }
      .embed-title {
        margin: 0;
        font-size: 1rem;
      }
      .embed-head a {
        color: #ffd27a;
      }
      .embed-body {
        flex: 1;
        overflow-y: auto;
        padding: 0.5rem 0.8rem;
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    const run = this.run;
    return html`<header class="embed-head">
        <h1 class="embed-title">${t(lang, 'title')} · ${this.heading}</h1>
        <span data-testid="run-status" data-status=${run?.status ?? 'idle'} role="status"
          >${t(lang, 'dayOf', { day: run?.view?.day ?? 0, days: run?.view?.days ?? 0 })}</span
        >
        <a href=${this.fullLink} target="_blank" rel="noopener">${t(lang, 'openFull')}</a>
      </header>
      <slot></slot>
      <main class="embed-body">
        ${
          run?.view
            ? html`<hl-charts .run=${run.view} .baseline=${this.baseline?.view ?? null} .lang=${lang}></hl-charts>`
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
