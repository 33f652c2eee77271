/**
 * `<hl-notices>`: the messages above the results: a fatal error (with Reload), the problems of
 * the link the page was opened with and of the last file that could not be imported, a run
 * refused as too large, a restarted or failed worker, and a link from another model version.
 * Problems read in the page's language (problem-text.ts). A dismissed notice stays hidden
 * until a new one of its kind arrives (a new object: another file's problems).
 */
import { LitElement, css, html, nothing } from 'lit';
import { MODEL } from '../../sim/index.ts';
import type { Problem } from '../../scenarios/loader.ts';
import { t, type Lang } from '../i18n.ts';
import { limitReasons, problemMessage, problemUsed } from '../problem-text.ts';
import type { RunState } from '../worker/sim-controller.ts';
import { baseStyles, noticeStyles } from '../styles/index.ts';

/** A file that could not be imported: its name and its problems. */
export interface ImportProblems {
  name: string;
  problems: Problem[];
}

export class HlNotices extends LitElement {
  static override properties = {
    lang: {},
    fatal: {},
    problems: { attribute: false },
    importProblems: { attribute: false },
    linkVersion: {},
    archivedRun: {},
    run: { attribute: false },
    baselineError: {},
    dismissed: { state: true },
  };

  /** The page's language. */
  declare lang: Lang;
  /** A fatal error from anywhere in the page (the error boundary), else null. */
  declare fatal: string | null;
  /** Problems of the link the page was opened with. */
  declare problems: Problem[];
  /** The last file that could not be imported, else null. */
  declare importProblems: ImportProblems | null;
  /** The model version a link from another version was made with, else null. */
  declare linkVersion: string | null;
  /** The archived model version the page runs on (the link's), or null. */
  declare archivedRun: string | null;
  /** The scenario's run (refused, restarted, failed). */
  declare run: RunState | null;
  /** The baseline run's error in compare mode, else null. */
  declare baselineError: string | null;
  /** The notices dismissed (the problem lists, the version), by identity. */
  declare private dismissed: ReadonlySet<unknown>;

  constructor() {
    super();
    this.lang = 'en';
    this.fatal = null;
    this.problems = [];
    this.importProblems = null;
    this.linkVersion = null;
    this.archivedRun = null;
    this.run = null;
    this.baselineError = null;
    this.dismissed = new Set();
  }

  static override styles = [
    baseStyles,
    noticeStyles,
    css`
      :host {
        display: block;
      }
      .notices {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        padding: 0 0.9rem;
      }
    `,
  ];

  /** Shown unless dismissed. */
  private showing<T>(notice: T | null): notice is T {
    return notice !== null && !this.dismissed.has(notice);
  }

  private dismissButton(notice: unknown) {
    const dismiss = () => (this.dismissed = new Set([...this.dismissed, notice]));
    return html`<button type="button" @click=${dismiss}>${t(this.lang, 'dismiss')}</button>`;
  }

  /** Problems as list items: the field, the value given, what is wrong and what was used (in the page's language). */
  private problemItems(problems: Problem[]) {
    const lang = this.lang;
    return problems.map((p) => {
      const used = problemUsed(lang, p);
      return html`<li data-field=${p.field} data-code=${p.code ?? ''}>
        <code>${p.field}</code> = “${p.value}”: ${problemMessage(lang, p)}${used ? html` → ${used}` : nothing}
      </li>`;
    });
  }

  override render() {
    const lang = this.lang;
    const run = this.run;
    return html`<div class="notices">
      ${
        this.fatal
          ? html`<div class="notice error" role="alert" data-testid="fatal-error">
            <div><strong>${t(lang, 'errorTitle')}</strong>: ${this.fatal}<br />${t(lang, 'errorHelp')}</div>
            <button type="button" @click=${() => location.reload()}>${t(lang, 'reload')}</button>
          </div>`
          : nothing
      }
      ${
        this.problems.length && this.showing(this.problems)
          ? html`<div class="notice warn" role="alert" data-testid="link-problems">
            <div>
              ${t(lang, 'problemsTitle')}
              <ul>
                ${this.problemItems(this.problems)}
              </ul>
            </div>
            ${this.dismissButton(this.problems)}
          </div>`
          : nothing
      }
      ${
        this.showing(this.importProblems)
          ? html`<div class="notice warn" role="alert" data-testid="import-problems">
            <div>
              ${t(lang, 'importProblemsTitle', { name: this.importProblems.name })}
              <ul>
                ${this.problemItems(this.importProblems.problems)}
              </ul>
            </div>
            ${this.dismissButton(this.importProblems)}
          </div>`
          : nothing
      }
      ${
        run?.status === 'refused' && run.knobs
          ? html`<div class="notice error" role="alert" data-testid="run-refused">
            <div>
              ${t(lang, 'refusedTitle')}
              <ul>
                ${limitReasons(lang, run.knobs).map((r) => html`<li>${r}</li>`)}
              </ul>
              ${t(lang, 'refusedHelp', { command: 'npx hotline-lab run --link …' })}
            </div>
          </div>`
          : nothing
      }
      ${
        run?.restarted && run.status !== 'error'
          ? html`<div class="notice info" role="status" data-testid="worker-restarted">
            <div>${t(lang, 'workerRestarted', { reason: run.restarted })}</div>
          </div>`
          : nothing
      }
      ${
        this.showing(this.linkVersion)
          ? html`<div class="notice info" role="status" data-testid="version-notice">
            <div>
              ${t(lang, this.archivedRun ? 'versionArchived' : 'versionNotice', { linkVersion: this.linkVersion, version: MODEL.version })}
            </div>
            ${this.dismissButton(this.linkVersion)}
          </div>`
          : nothing
      }
      ${
        run?.error
          ? html`<div class="notice error" role="alert" data-testid="worker-error">
            <div>${t(lang, 'workerError', { message: run.error })}</div>
          </div>`
          : nothing
      }
      ${
        this.baselineError
          ? html`<div class="notice error" role="alert">
            <div>${t(lang, 'baselineLabel')}: ${t(lang, 'workerError', { message: this.baselineError })}</div>
          </div>`
          : nothing
      }
    </div>`;
  }
}

customElements.define('hl-notices', HlNotices);

declare global {
  interface HTMLElementTagNameMap {
    'hl-notices': HlNotices;
  }
}
