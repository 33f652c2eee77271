/**
 * `<hl-header>`: the app's header band: title, scenario (preset) and seed, language, story,
 * copy link, embed, import and exports, the knob panel's toggle and presentation mode. On narrow
 * screens it is two short rows (title and toggles; preset and language) with the rest behind a
 * "More" button; in presentation mode the rest is behind "More" at every width. It changes nothing itself; events up (bubbling, composed):
 *   `preset-change`  { preset }          another preset was chosen;
 *   `seed-change`    { seed }            a valid new seed was typed (a bad one sends `hl-notice`);
 *   `lang-change`    { lang }            a language button was pressed;
 *   `story-go`       { step }            open story mode at this step;
 *   `copy-link`, `embed-open`            the buttons of the same names;
 *   `knobs-toggle`, `present-toggle`     the knob panel's toggle, presentation mode's button;
 *   `export-request` { format, which }   an export (Shift held: the baseline's, in compare mode);
 *   `hl-notice`      { message }         a message for the status line;
 * and `<hl-import>`'s `import-ok` and `import-problems` pass through.
 */
import { LitElement, css, html, svg } from 'lit';
import { listPresets } from '../../scenarios/presets.ts';
import { checkSeed } from '../../scenarios/loader.ts';
import { ICONS } from '../icons.ts';
import { pick, t, type Lang } from '../i18n.ts';
import type { ExportFormat } from '../worker/protocol.ts';
import { baseStyles } from '../styles/index.ts';
import '../import-control.ts';

/** The knob panel toggle's icon (three sliders); decorative, the button names itself in text. */
const SLIDERS = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="currentColor">
  <rect x="1" y="3" width="14" height="1.6"/><rect x="1" y="7.2" width="14" height="1.6"/><rect x="1" y="11.4" width="14" height="1.6"/>
  <rect x="4" y="1.5" width="2.2" height="4.6" rx=".6"/><rect x="9.8" y="5.7" width="2.2" height="4.6" rx=".6"/><rect x="5.5" y="9.9" width="2.2" height="4.6" rx=".6"/>
</svg>`;

export interface ExportRequestDetail {
  format: ExportFormat;
  /** Shift held: the baseline's export instead of the scenario's (compare mode only). */
  baseline: boolean;
}

export class HlHeader extends LitElement {
  static override properties = {
    lang: {},
    preset: {},
    seed: { type: Number },
    storyStep: { type: Number },
    canExport: { type: Boolean },
    knobsOpen: { type: Boolean },
    present: { type: Boolean },
    moreOpen: { state: true },
  };

  /** The page's language. */
  declare lang: Lang;
  /** The chosen preset's name. */
  declare preset: string;
  /** The run's seed. */
  declare seed: number;
  /** Story mode's step (1-based), or 0 in the sandbox. */
  declare storyStep: number;
  /** A run has data to export. */
  declare canExport: boolean;
  /** The knob panel is shown. */
  declare knobsOpen: boolean;
  /** Presentation mode is on. */
  declare present: boolean;
  /** Narrow screens: the "More" tools are shown. */
  declare private moreOpen: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.preset = '';
    this.seed = 1;
    this.storyStep = 0;
    this.canExport = false;
    this.knobsOpen = true;
    this.present = false;
    this.moreOpen = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 1rem;
        padding: 0.4rem 0.9rem;
        background: var(--hl-header-bg, #10243e);
        color: #fff;
      }
      h1 {
        margin: 0;
        font-size: 1.3rem;
        white-space: nowrap;
      }
      .brand {
        display: flex;
        flex-direction: column;
        margin-right: 0.25rem;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
      }
      .tools label {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        font-size: 0.95rem;
      }
      select,
      input,
      button {
        font: inherit;
        font-size: 0.95rem;
        padding: 0.25rem 0.5rem;
        border-radius: 6px;
        border: 1px solid #9fb3cc;
        background: #fff;
        color: #1a1a1a;
      }
      select {
        max-width: 13rem;
      }
      button {
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        background: #ffd27a;
        border-color: #ffd27a;
        font-weight: 600;
      }
      :focus-visible {
        outline-color: #ffd27a;
      }
      input[type='number'] {
        width: 5.5em;
      }
      .group {
        display: inline-flex;
        gap: 0.25rem;
        align-items: center;
      }
      .group-label {
        font-size: 0.85rem;
        color: #d7e3f4;
      }
      .toggles {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .toggles svg {
        vertical-align: -0.15em;
      }
      .more {
        display: none;
      }
      /* presentation mode: one short band, the tools behind "More" at every width */
      header.present .more {
        display: inline-block;
      }
      header.present .tools:not(.open) {
        display: none;
      }
      .scenario {
        display: contents;
      }
      .scenario label {
        margin-left: auto;
      }
      /* phones: title and toggles, then preset and language; the rest behind "More" */
      @media (max-width: 640px) {
        header {
          display: grid;
          grid-template-columns: minmax(0, 1fr) auto;
          gap: 0.35rem 0.5rem;
          padding: 0.35rem 0.6rem;
        }
        h1 {
          font-size: 1.1rem;
        }
        .brand {
          margin: 0;
        }
        .more {
          display: inline-block;
        }
        .scenario {
          grid-column: 1 / -1;
          display: flex;
          gap: 0.4rem;
          align-items: center;
        }
        .scenario label {
          flex: 1;
          min-width: 0;
          margin: 0;
          display: flex;
          align-items: center;
          gap: 0.35rem;
          font-size: 0.95rem;
        }
        .scenario select {
          flex: 1;
          min-width: 0;
          max-width: none;
          width: 100%;
        }
        .tools {
          grid-column: 1 / -1;
        }
        .tools:not(.open) {
          display: none;
        }
        .group {
          flex-wrap: wrap;
        }
      }
    `,
  ];

  private send<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent<T | undefined>(type, { detail, bubbles: true, composed: true }));
  }

  private onSeed(e: Event): void {
    const input = e.target as HTMLInputElement;
    const s = checkSeed(input.value.trim());
    if (!s.ok) {
      input.value = String(this.seed);
      this.send('hl-notice', { message: s.message });
      return;
    }
    if (s.seed !== this.seed) this.send('seed-change', { seed: s.seed });
  }

  private exportButton(format: ExportFormat, testid: string, label: string, long: string) {
    return html`<button
      type="button"
      data-testid=${testid}
      aria-label=${`${label}: ${long}`}
      title=${long}
      ?disabled=${!this.canExport}
      @click=${(e: MouseEvent) => this.send<ExportRequestDetail>('export-request', { format, baseline: e.shiftKey })}
    >
      ${label}
    </button>`;
  }

  private langButton(lang: Lang, label: string) {
    return html`<button
      type="button"
      lang=${lang}
      aria-pressed=${this.lang === lang ? 'true' : 'false'}
      data-testid=${`lang-${lang}`}
      @click=${() => lang !== this.lang && this.send('lang-change', { lang })}
    >
      ${label}
    </button>`;
  }

  override render() {
    const lang = this.lang;
    return html`<header class=${this.present ? 'present' : ''}>
      <div class="brand" title=${t(lang, 'subtitle')}>
        <h1>${t(lang, 'title')}</h1>
      </div>
      <div class="toggles">
        <button
          type="button"
          data-testid="knobs-toggle"
          aria-expanded=${this.knobsOpen ? 'true' : 'false'}
          title=${t(lang, 'knobsToggleHelp')}
          @click=${() => this.send('knobs-toggle')}
        >
          ${SLIDERS} ${t(lang, 'knobsToggle')}
        </button>
        <button
          type="button"
          data-testid="present"
          aria-pressed=${this.present ? 'true' : 'false'}
          title=${t(lang, 'presentHelp')}
          @click=${() => this.send('present-toggle')}
        >
          ${t(lang, 'present')}
        </button>
        <button
          type="button"
          class="more"
          data-testid="header-more"
          aria-expanded=${this.moreOpen ? 'true' : 'false'}
          aria-controls="header-tools"
          title=${t(lang, 'headerMoreHelp')}
          @click=${() => (this.moreOpen = !this.moreOpen)}
        >
          ${t(lang, 'headerMore')}
        </button>
      </div>
      <div class="scenario">
        <label
          >${t(lang, 'preset')}
          <select data-testid="preset" @change=${(e: Event) => this.send('preset-change', { preset: (e.target as HTMLSelectElement).value })}>
            ${listPresets().map((p) => html`<option value=${p.name} ?selected=${p.name === this.preset}>${pick(lang, p.title)}</option>`)}
          </select></label
        >
        <span class="group" role="group" aria-label=${t(lang, 'language')}>
          ${this.langButton('en', t(lang, 'langEnglish'))} ${this.langButton('zh', t(lang, 'langChinese'))}
        </span>
      </div>
      <div class=${this.moreOpen ? 'tools open' : 'tools'} id="header-tools">
        <label
          >${t(lang, 'seed')}
          <input type="number" data-testid="seed" min="0" max="4294967295" step="1" .value=${String(this.seed)} @change=${this.onSeed}
        /></label>
        <button
          type="button"
          data-testid="story"
          aria-pressed=${this.storyStep ? 'true' : 'false'}
          @click=${() => this.send('story-go', { step: this.storyStep || 1 })}
        >
          ${t(lang, 'story.story')}
        </button>
        <button type="button" data-testid="copy-link" @click=${() => this.send('copy-link')}>${ICONS.link} ${t(lang, 'copyLink')}</button>
        <button type="button" data-testid="embed" @click=${() => this.send('embed-open')}>${t(lang, 'embed')}</button>
        <hl-import .lang=${lang}></hl-import>
        <span class="group" role="group" aria-label=${t(lang, 'exports')}>
          <span class="group-label" aria-hidden="true">${t(lang, 'exports')}:</span>
          ${this.exportButton('csv', 'export-csv', t(lang, 'exportCsv'), t(lang, 'exportCsvLong'))}
          ${this.exportButton('json', 'export-json', t(lang, 'exportJson'), t(lang, 'exportJsonLong'))}
          ${this.exportButton('periods-csv', 'export-periods', t(lang, 'exportPeriods'), t(lang, 'exportPeriodsLong'))}
        </span>
      </div>
    </header>`;
  }
}

customElements.define('hl-header', HlHeader);

declare global {
  interface HTMLElementTagNameMap {
    'hl-header': HlHeader;
  }
}
