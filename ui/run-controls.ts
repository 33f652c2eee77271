/**
 * `<hl-run-controls>`: the run's progress (day and date) and its buttons. It shows state and
 * sends intents; the app's SimController does the work.
 *
 * Events (bubbling, composed): run-pause, run-resume, run-step, run-restart, run-cancel,
 * run-speed (detail { speed }: days per second, 0 = as fast as possible), run-seeds (detail { seeds }:
 * compare mode's number of paired seeds).
 */
import { LitElement, css, html, nothing } from 'lit';
import { t, type Lang, type MessageKey } from './i18n.ts';
import { ICONS } from './icons.ts';
import type { RunStatus } from './worker/sim-controller.ts';
import { SEED_CHOICES, type PairedRuns } from './worker/seed-runs.ts';

export const SPEEDS: readonly number[] = [0, 365, 90, 30, 7];

const STATUS_KEY: Record<RunStatus, MessageKey> = {
  idle: 'statusIdle',
  starting: 'statusStarting',
  running: 'statusRunning',
  paused: 'statusPaused',
  done: 'statusDone',
  cancelled: 'statusCancelled',
  error: 'errorTitle',
  refused: 'statusRefused',
};

export class HlRunControls extends LitElement {
  static override properties = {
    status: { type: String },
    day: { type: Number },
    days: { type: Number },
    date: { type: String },
    speed: { type: Number },
    baselineStatus: { type: String, attribute: false },
    baselineDay: { type: Number, attribute: false },
    baselineName: { type: String, attribute: false },
    lang: { type: String },
    compare: { type: Boolean },
    seeds: { type: Number },
    paired: { attribute: false },
    sameRun: { type: Boolean, attribute: false },
  };

  declare status: RunStatus;
  declare day: number;
  declare days: number;
  /** Date of the last simulated day. */
  declare date: string;
  declare speed: number;
  /** Compare mode: the baseline's progress, else null. */
  declare baselineStatus: RunStatus | null;
  declare baselineDay: number;
  /** The other side's name when it is not the baseline (another model version), else null. */
  declare baselineName: string | null;
  declare lang: Lang;
  /** Compare mode on today's model: the paired-seeds control shows. */
  declare compare: boolean;
  /** Paired seeds of the compare (1: the page's seed only). */
  declare seeds: number;
  /** The paired runs' progress (two or more seeds), else null. */
  declare paired: PairedRuns | null;
  /** The baseline is the scenario itself, run once. */
  declare sameRun: boolean;

  constructor() {
    super();
    this.status = 'idle';
    this.day = 0;
    this.days = 0;
    this.date = '';
    this.speed = 0;
    this.baselineStatus = null;
    this.baselineDay = 0;
    this.baselineName = null;
    this.lang = 'en';
    this.compare = false;
    this.seeds = 1;
    this.paired = null;
    this.sameRun = false;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.75rem;
    }
    .progress {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      min-width: 12rem;
      flex: 1 1 12rem;
    }
    progress {
      width: 100%;
      height: 0.9rem;
      accent-color: var(--hl-primary, #0b57d0);
    }
    .line {
      font-size: 0.95rem;
      font-variant-numeric: tabular-nums;
    }
    .status {
      font-weight: 600;
    }
    .base {
      font-size: 0.85rem;
      color: var(--hl-muted, #444);
    }
    .seeds {
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }
    .seeds progress {
      width: 6rem;
      height: 0.6rem;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
      align-items: center;
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
    }
    button,
    select {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.25rem 0.55rem;
      border: 1px solid #767676;
      border-radius: 6px;
      background: var(--hl-bg, #fff);
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: var(--hl-primary, #0b57d0);
      border-color: var(--hl-primary, #0b57d0);
      color: #fff;
    }
    button[disabled] {
      opacity: 0.5;
      cursor: default;
    }
    label {
      font-size: 0.95rem;
    }
    :focus-visible {
      outline: 3px solid var(--hl-focus, #e8a000);
      outline-offset: 2px;
    }
  `;

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const lang = this.lang;
    const s = this.status;
    const active = s === 'running' || s === 'starting';
    const live = active || s === 'paused';
    return html`<div class="progress">
        <progress
          max=${Math.max(1, this.days)}
          .value=${this.day}
          aria-label=${t(lang, 'progress')}
          aria-valuetext=${t(lang, 'dayOf', { day: this.day, days: this.days })}
        ></progress>
        <div class="line" role="status" aria-live="polite" aria-atomic="true">
          <span class="status" data-testid="run-status" data-status=${s}>${t(lang, STATUS_KEY[s])}</span>
          · <span data-testid="run-day">${t(lang, 'dayOf', { day: this.day, days: this.days })}</span>
          ${this.date ? html`· <span data-testid="run-date">${this.date}</span>` : nothing}
        </div>
        ${
          this.baselineStatus
            ? html`<div class="base">
              ${this.baselineName ?? t(lang, 'baselineLabel')}: ${t(lang, STATUS_KEY[this.baselineStatus])} ·
              ${t(lang, 'dayOf', { day: this.baselineDay, days: this.days })}
            </div>`
            : nothing
        }
        ${this.sameRun ? html`<div class="base" data-testid="same-run">${t(lang, 'cmp.sameRun')}</div>` : nothing}
        ${this.seedProgress()}
      </div>
      <div class="buttons">
        ${
          s === 'paused'
            ? html`<button type="button" class="primary" data-action="resume" @click=${() => this.emit('run-resume')}>${ICONS.play} ${t(lang, 'resume')}</button>`
            : html`<button type="button" data-action="pause" ?disabled=${!active} @click=${() => this.emit('run-pause')}>${ICONS.pause} ${t(lang, 'pause')}</button>`
        }
        <button
          type="button"
          data-action="step"
          aria-label=${`${t(lang, 'stepShort')}: ${t(lang, 'step')}`}
          title=${t(lang, 'step')}
          ?disabled=${!live}
          @click=${() => this.emit('run-step')}
        >
          ${ICONS.step} ${t(lang, 'stepShort')}
        </button>
        <button type="button" data-action="restart" @click=${() => this.emit('run-restart')}>${ICONS.restart} ${t(lang, 'restart')}</button>
        <button type="button" data-action="cancel" ?disabled=${!live} @click=${() => this.emit('run-cancel')}>${ICONS.stop} ${t(lang, 'cancel')}</button>
        <label
          >${t(lang, 'speed')}
          <select
            aria-label=${t(lang, 'speed')}
            @change=${(e: Event) => this.emit('run-speed', { speed: Number((e.target as HTMLSelectElement).value) })}
          >
            ${SPEEDS.map(
              (n) =>
                html`<option value=${n} ?selected=${n === this.speed}>${n === 0 ? t(lang, 'speedMax') : t(lang, 'speedDays', { n })}</option>`,
            )}
          </select></label
        >
        ${this.compare ? this.seedsControl() : nothing}
      </div>`;
  }

  /** Compare mode's paired seeds: how many (1 keeps the single-seed compare). */
  private seedsControl() {
    const lang = this.lang;
    const choices = SEED_CHOICES.includes(this.seeds) ? SEED_CHOICES : [...SEED_CHOICES, this.seeds].sort((a, b) => a - b);
    return html`<label title=${t(lang, 'cmp.seedsHelp')}
      >${t(lang, 'cmp.seeds')}
      <select
        data-testid="seeds"
        aria-label=${t(lang, 'cmp.seeds')}
        aria-description=${t(lang, 'cmp.seedsHelp')}
        @change=${(e: Event) => this.emit('run-seeds', { seeds: Number((e.target as HTMLSelectElement).value) })}
      >
        ${choices.map((n) => html`<option value=${n} ?selected=${n === this.seeds}>${n}</option>`)}
      </select></label
    >`;
  }

  private seedProgress() {
    const p = this.paired;
    if (!p) return nothing;
    const text = t(this.lang, 'cmp.seedsProgress', { done: p.done, total: p.total });
    return html`<div class="base seeds" data-testid="seed-progress" data-done=${p.done} data-total=${p.total}>
      <progress max=${p.total} .value=${p.done} aria-label=${t(this.lang, 'cmp.seedsProgressLabel')} aria-valuetext=${text}></progress>
      <span>${text}</span>
    </div>`;
  }
}

customElements.define('hl-run-controls', HlRunControls);

declare global {
  interface HTMLElementTagNameMap {
    'hl-run-controls': HlRunControls;
  }
}
