/**
 * `<hl-embed-dialog>`: the modal dialog with the snippet that embeds this run in a web page.
 * Opens (modal) when connected; events up (bubbling, composed): `embed-close` when it closes
 * (Close, Escape), `hl-notice` { message } after copying the snippet.
 */
import { LitElement, css, html } from 'lit';
import { copyText } from '../clipboard.ts';
import { t, type Lang } from '../i18n.ts';
import { baseStyles } from '../styles/index.ts';

/** The iframe snippet for a link (the link as an attribute value, escaped). */
export function embedSnippet(link: string, title: string): string {
  return `<iframe src="${link.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="${title}" width="960" height="720" style="border:0" loading="lazy"></iframe>`;
}

export class HlEmbedDialog extends LitElement {
  static override properties = { lang: {}, link: {} };

  /** The page's language. */
  declare lang: Lang;
  /** The link the frame opens (the page's link with `embed=1`). */
  declare link: string;

  constructor() {
    super();
    this.lang = 'en';
    this.link = '';
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
    const snippet = embedSnippet(this.link, t(lang, 'title'));
    return html`<dialog aria-labelledby="embed-title" @close=${() => this.send('embed-close')}>
      <h2 id="embed-title">${t(lang, 'embedTitle')}</h2>
      <p>${t(lang, 'embedHelp')}</p>
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
