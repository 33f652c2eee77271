/**
 * `<hl-view-tabs>`: the tabs of the result views and the compare switch, above the tab panel
 * (the slotted content: the views). Arrow keys move between tabs (wrapping), Home and End jump
 * to the ends, and the focus follows the chosen tab. Tabs and panel share this shadow root, so
 * `aria-controls` and `aria-labelledby` find each other. Events up (bubbling, composed):
 *   `view-change`    { view }  a tab was chosen;
 *   `compare-toggle`          the compare switch was pressed.
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { t, type Lang, type MessageKey } from '../i18n.ts';
import { baseStyles } from '../styles/index.ts';
import { VIEWS, type View } from './page-link.ts';

const VIEW_KEY: Record<View, MessageKey> = { charts: 'tabCharts', district: 'tabDistrict', village: 'tabVillage', experiments: 'exp.tab' };

export class HlViewTabs extends LitElement {
  static override properties = { lang: {}, view: {}, compare: { type: Boolean } };

  /** The page's language. */
  declare lang: Lang;
  /** The view on screen. */
  declare view: View;
  /** Compare mode is on. */
  declare compare: boolean;

  /** A tab chosen from the keyboard: focused once the host has made it the current view. */
  private focusView: View | null = null;

  constructor() {
    super();
    this.lang = 'en';
    this.view = 'charts';
    this.compare = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.55rem;
      }
      /* the tabs keep one line each: the row scrolls sideways if it must, the compare switch wraps below */
      .tabrow {
        display: flex;
        flex-wrap: wrap-reverse;
        align-items: flex-end;
        gap: 0.3rem 0.5rem;
        border-bottom: 2px solid var(--hl-line, #ccc);
      }
      [role='tablist'] {
        display: flex;
        align-items: flex-end;
        gap: 0.3rem;
        min-width: 0;
        max-width: 100%;
      }
      [role='tab'] {
        flex: none;
        white-space: nowrap;
        font: inherit;
        font-size: 1rem;
        padding: 0.4rem 1rem;
        border: 1px solid var(--hl-line, #ccc);
        border-bottom: none;
        border-radius: 6px 6px 0 0;
        background: #eef1f5;
        color: inherit;
        cursor: pointer;
        margin-bottom: -2px;
      }
      [role='tab'][aria-selected='true'] {
        background: #fff;
        border-color: var(--hl-primary, #0b57d0);
        border-bottom: 2px solid #fff;
        font-weight: 600;
        color: var(--hl-primary, #0b57d0);
      }
      .spacer {
        flex: 1;
      }
      .compare {
        flex: none;
        white-space: nowrap;
        margin-bottom: 0.3rem;
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        font: inherit;
        font-size: 0.95rem;
        border: 1px solid #767676;
        border-radius: 999px;
        padding: 0.25rem 0.75rem 0.25rem 0.3rem;
        background: #fff;
        color: inherit;
        cursor: pointer;
      }
      .compare .dot {
        width: 1.1rem;
        height: 1.1rem;
        border-radius: 50%;
        background: #767676;
      }
      .compare[aria-checked='true'] {
        /* a switch that is on has its knob on the right */
        flex-direction: row-reverse;
        padding: 0.25rem 0.3rem 0.25rem 0.75rem;
        background: var(--hl-primary, #0b57d0);
        border-color: var(--hl-primary, #0b57d0);
        color: #fff;
      }
      .compare[aria-checked='true'] .dot {
        background: #fff;
      }
      @media (max-width: 480px) {
        [role='tablist'] {
          overflow-x: auto;
          scrollbar-width: none;
        }
        [role='tab'] {
          padding: 0.4rem 0.65rem;
        }
      }
    `,
  ];

  private send<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent<T | undefined>(type, { detail, bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent): void {
    const i = VIEWS.indexOf(this.view);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % VIEWS.length;
    else if (e.key === 'ArrowLeft') next = (i + VIEWS.length - 1) % VIEWS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = VIEWS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    if (VIEWS[next] === this.view) {
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus();
      return;
    }
    this.focusView = VIEWS[next];
    this.send('view-change', { view: VIEWS[next] });
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('view') && this.focusView === this.view) this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus();
    this.focusView = null;
  }

  override render() {
    const lang = this.lang;
    return html`<div class="tabrow">
        <div role="tablist" aria-label=${t(lang, 'views')} @keydown=${this.onKey}>
          ${VIEWS.map(
            (v) =>
              html`<button
                type="button"
                role="tab"
                id=${`tab-${v}`}
                aria-selected=${v === this.view ? 'true' : 'false'}
                aria-controls="tabpanel"
                tabindex=${v === this.view ? '0' : '-1'}
                @click=${() => this.send('view-change', { view: v })}
              >
                ${t(lang, VIEW_KEY[v])}
              </button>`,
          )}
        </div>
        <span class="spacer"></span>
        <button
          type="button"
          class="compare"
          role="switch"
          data-testid="compare"
          aria-checked=${this.compare ? 'true' : 'false'}
          title=${t(lang, 'compareHelp')}
          @click=${() => this.send('compare-toggle')}
        >
          <span class="dot" aria-hidden="true"></span>${t(lang, 'compare')}
        </button>
      </div>
      <section id="tabpanel" role="tabpanel" aria-labelledby=${`tab-${this.view}`} data-view=${this.view}><slot></slot></section>`;
  }
}

customElements.define('hl-view-tabs', HlViewTabs);

declare global {
  interface HTMLElementTagNameMap {
    'hl-view-tabs': HlViewTabs;
  }
}
