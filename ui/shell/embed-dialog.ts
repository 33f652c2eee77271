/**
 * `<hl-embed-dialog>`: the modal dialog with the snippet that embeds this run in a web page.
 * Opens (modal) when connected; events up (bubbling, composed): `embed-close` when it closes
 * (Close, Escape), `hl-notice` { message } after copying the snippet.
 */
import { LitElement, css, html } from 'lit';
import { copyText } from '../clipboard.ts';
import { t, type Lang } from '../i18n.ts';
import { baseStyles } from '../styles/index.ts';
import { SHOW_IDS } from '../charts/embed-show.ts';

/** Text as an HTML attribute value. */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The iframe snippet for a link: as wide as the column it is put in (up to 960 px), 4:3 but never
 * lower than 480 px, so it fits a 720 px article and a 320 px phone without sideways scrolling.
 * The width and height attributes are the fallback of a page that strips `style`.
 */
export function embedSnippet(link: string, title: string): string {
  const style = 'border:0;display:block;width:100%;max-width:960px;height:auto;aspect-ratio:4/3;min-height:480px';
  return `<iframe src="${attr(link)}" title="${attr(title)}" width="100%" height="720" style="${style}" loading="lazy"></iframe>`;
}

/** The link with the chosen charts and figures (`show=`); every chart and no figures: no flag. */
export function showLink(link: string, chosen: readonly string[]): string {
  const all = SHOW_IDS.filter((id) => id !== 'figures');
  const everything = chosen.length === all.length && !chosen.includes('figures') && all.every((id) => chosen.includes(id));
  return everything || chosen.length === 0 ? link : `${link}&show=${SHOW_IDS.filter((id) => chosen.includes(id)).join(',')}`;
}

export class HlEmbedDialog extends LitElement {
  static override properties = { lang: {}, link: {}, _chosen: { state: true } };

  /** The page's language. */
  declare lang: Lang;
  /** The link the frame opens (the page's link with `embed=1`). */
  declare link: string;
  /** The charts and figures chosen for the frame (all charts at first). */
  declare _chosen: readonly string[];

  constructor() {
    super();
    this.lang = 'en';
    this.link = '';
    this._chosen = SHOW_IDS.filter((id) => id !== 'figures');
  }

  private toggle(id: string, on: boolean): void {
    this._chosen = SHOW_IDS.filter((x) => (x === id ? on : this._chosen.includes(x)));
  }

  static override styles = [
    baseStyles,
    css`
      dialog {
        max-width: min(44rem, 92vw);
        border: 1px solid #767676;
        border-radius: 8px;
        padding: 1rem 1.2rem;
      }
      dialog::backdrop {
        background: rgba(0, 0, 0, 0.45);
      }
      h2 {
        margin-top: 0;
        font-size: 1.2rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 7rem;
        font-family: ui-monospace, monospace;
        font-size: 0.9rem;
      }
      fieldset {
        border: 1px solid #ccc;
        border-radius: 6px;
        margin: 0 0 0.6rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 0.9rem;
      }
      fieldset label {
        white-space: nowrap;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
        margin-top: 0.6rem;
      }
      button {
        font: inherit;
        padding: 0.3rem 0.8rem;
        border-radius: 6px;
        border: 1px solid #767676;
        background: #fff;
        cursor: pointer;
      }
    `,
  ];

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  override firstUpdated(): void {
    this.dialog?.showModal();
  }

  private send<T>(type: string, detail?: T): void {
    this.dispatchEvent(new CustomEvent<T | undefined>(type, { detail, bubbles: true, composed: true }));
  }

  private async copy(snippet: string): Promise<void> {
    const ok = await copyText(snippet);
    this.send('hl-notice', { message: t(this.lang, ok ? 'copied' : 'copyFailed') });
  }

  override render() {
    const lang = this.lang;
    const snippet = embedSnippet(showLink(this.link, this._chosen), t(lang, 'title'));
    const name = (id: string) => (id === 'figures' ? t(lang, 'chart.embedFigures') : t(lang, `chartTitle.${id as 'kind'}`));
    return html`<dialog aria-labelledby="embed-title" @close=${() => this.send('embed-close')}>
      <h2 id="embed-title">${t(lang, 'embedTitle')}</h2>
      <p>${t(lang, 'embedHelp')}</p>
      <fieldset data-testid="embed-show">
        <legend>${t(lang, 'chart.embedShow')}</legend>
        ${SHOW_IDS.map(
          (id) => html`<label><input type="checkbox" value=${id} .checked=${this._chosen.includes(id)}
            @change=${(e: Event) => this.toggle(id, (e.target as HTMLInputElement).checked)} /> ${name(id)}</label>`,
        )}
      </fieldset>
      <label for="embed-code">${t(lang, 'embedSnippet')}</label>
      <textarea id="embed-code" data-testid="embed-code" readonly .value=${snippet} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <div class="row">
        <button type="button" @click=${() => this.copy(snippet)}>${t(lang, 'copySnippet')}</button>
        <button type="button" @click=${() => this.dialog?.close()}>${t(lang, 'close')}</button>
      </div>
    </dialog>`;
  }
}

customElements.define('hl-embed-dialog', HlEmbedDialog);

declare global {
  interface HTMLElementTagNameMap {
    'hl-embed-dialog': HlEmbedDialog;
  }
}
