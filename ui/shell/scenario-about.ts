/**
 * `<hl-scenario-about>`: the preset's title and question, opening to its description and the
 * article's passage it models. Nothing for an unknown preset.
 */
import { LitElement, css, html, nothing } from 'lit';
import { PRESETS } from '../../scenarios/presets.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { baseStyles } from '../styles/index.ts';

export class HlScenarioAbout extends LitElement {
  static override properties = { lang: {}, preset: {} };

  /** The page's language. */
  declare lang: Lang;
  /** The preset's name. */
  declare preset: string;

  constructor() {
    super();
    this.lang = 'en';
    this.preset = '';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: 0.95rem;
        line-height: 1.35;
      }
      summary {
        cursor: pointer;
      }
      strong {
        font-size: 1.05rem;
      }
      p,
      blockquote {
        margin: 0.3rem 0 0 1rem;
      }
      .pl {
        color: var(--hl-muted, #444);
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    const p = PRESETS[this.preset];
    if (!p) return nothing;
    return html`<details>
      <summary><strong>${pick(lang, p.title)}</strong> · ${pick(lang, p.question)}</summary>
      <p>${pick(lang, p.description)}</p>
      ${p.passage ? html`<blockquote lang="zh-CN"><span class="pl">${t(lang, 'passage')}:</span> ${p.passage}</blockquote>` : nothing}
    </details>`;
  }
}

customElements.define('hl-scenario-about', HlScenarioAbout);

declare global {
  interface HTMLElementTagNameMap {
    'hl-scenario-about': HlScenarioAbout;
  }
}
