/**
 * `<hl-story>`: story mode, a guided classroom path through the article (steps in
 * scenarios/story.ts). Each step: predict (pick an answer), run (the app runs the step's
 * scenario), explain (the step's figures from that run, and what they mean). The last step
 * opens the free sandbox.
 *
 * Properties down: the language, the step (1-based), the app's run status and the run's data
 * (and the compare run's). Events up (bubbling, composed):
 *   `story-go`   { step }  load step n's scenario (the app sets the link);
 *   `story-run`            run the loaded scenario;
 *   `story-exit`           leave the story for the sandbox, keeping the scenario.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { STORY, storyFigure, storyStep, type StoryFigure } from '../../scenarios/story.ts';
import type { RunView } from '../charts/types.ts';
import { pick, t, type Lang } from '../i18n.ts';

type Phase = 'predict' | 'running' | 'explain';

function format(v: number, f: StoryFigure['format'], lang: Lang): string {
  if (!Number.isFinite(v)) return '–';
  if (f === 'pct') return `${(v * 100).toFixed(1)}%`;
  return Math.round(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export class HlStory extends LitElement {
  static override properties = {
    lang: {},
    step: { type: Number },
    status: {},
    run: { attribute: false },
    baseline: { attribute: false },
    phase: { state: true },
    choice: { state: true },
  };

  /** Interface language. */
  declare lang: Lang;
  /** The step shown, 1-based. */
  declare step: number;
  /** The app's run status ('idle', 'starting', 'running', 'done', ...). */
  declare status: string;
  /** The main run's data so far. */
  declare run: RunView | null;
  /** The compare run's data (the preset unchanged), when the step compares. */
  declare baseline: RunView | null;
  declare phase: Phase;
  declare choice: number;

  /** The run started by this step has been seen under way (so a stale 'done' is not mistaken for its end). */
  private sawRunning = false;

  constructor() {
    super();
    this.lang = 'en';
    this.step = 1;
    this.status = 'idle';
    this.run = null;
    this.baseline = null;
    this.phase = 'predict';
    this.choice = -1;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('step')) {
      this.phase = 'predict';
      this.choice = -1;
      this.sawRunning = false;
    }
    if (this.phase === 'running') {
      if (this.status !== 'done') this.sawRunning = true;
      else if (this.sawRunning) this.phase = 'explain';
    }
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private go(n: number): void {
    this.emit('story-go', { step: n });
  }

  private startRun(): void {
    if (this.choice < 0) return;
    this.sawRunning = false;
    this.phase = 'running';
    this.emit('story-run');
  }

  override render() {
    const lang = this.lang;
    const s = storyStep(this.step);
    if (!s) return nothing;
    const total = STORY.length;
    const last = this.step === total;
    return html`<section class="story" data-testid="story-panel" data-step=${this.step} data-phase=${this.phase} aria-labelledby="story-title">
      <div class="top">
        <span class="badge">${t(lang, 'story.story')}</span>
        <span class="count" data-testid="story-count">${t(lang, 'story.stepOf', { n: this.step, total })}</span>
        <ol class="dots" aria-label=${t(lang, 'story.story')}>
          ${STORY.map(
            (st, i) =>
              html`<li>
                <button
                  type="button"
                  class=${i + 1 === this.step ? 'on' : i + 1 < this.step ? 'past' : ''}
                  aria-current=${i + 1 === this.step ? 'step' : 'false'}
                  title=${t(lang, 'story.goTo', { n: i + 1, title: pick(lang, st.title) })}
                  aria-label=${t(lang, 'story.goTo', { n: i + 1, title: pick(lang, st.title) })}
                  @click=${() => this.go(i + 1)}
                >
                  ${i + 1}
                </button>
              </li>`,
          )}
        </ol>
        <span class="spacer"></span>
        <button type="button" class="link" data-testid="story-exit" @click=${() => this.emit('story-exit')}>${t(lang, 'story.leave')}</button>
      </div>
      <h2 id="story-title">${pick(lang, s.title)}</h2>
      <blockquote lang="zh-CN"><span class="pl">${t(lang, 'story.passage')}:</span> ${s.passage}</blockquote>
      <p class="setup">${pick(lang, s.setup)}</p>
      <fieldset class="predict" ?disabled=${this.phase !== 'predict'}>
        <legend>${t(lang, 'story.predict')}: ${pick(lang, s.predict.question)}</legend>
        ${s.predict.options.map(
          (o, i) =>
            html`<label class=${this.phase === 'explain' && i === s.predict.answer ? 'answer' : ''}>
              <input
                type="radio"
                name="story-predict"
                data-testid=${`story-option-${i}`}
                .checked=${this.choice === i}
                @change=${() => (this.choice = i)}
              />
              ${pick(lang, o)}
            </label>`,
        )}
      </fieldset>
      ${
        this.phase === 'predict'
          ? html`<div class="actions">
            <button type="button" class="primary" data-testid="story-run" ?disabled=${this.choice < 0} @click=${this.startRun}>${t(lang, 'story.run')}</button>
            ${this.choice < 0 ? html`<span class="hint">${t(lang, 'story.chooseFirst')}</span>` : nothing}
          </div>`
          : nothing
      }
      ${
        this.phase === 'running'
          ? html`<p class="running" role="status" data-testid="story-running">
            ${t(lang, 'story.running', { day: this.run?.day ?? 0, days: this.run?.days ?? '…' })}
          </p>`
          : nothing
      }
      ${this.phase === 'explain' ? this.renderExplain() : nothing}
      ${
        this.phase === 'explain'
          ? html`<div class="actions">
            ${
              last
                ? html`<button type="button" class="primary" data-testid="story-sandbox" @click=${() => this.emit('story-exit')}>${t(lang, 'story.sandbox')}</button>`
                : html`<button type="button" class="primary" data-testid="story-next" @click=${() => this.go(this.step + 1)}>${t(lang, 'story.next')}</button>`
            }
            <button type="button" data-testid="story-again" @click=${() => {
              this.phase = 'predict';
            }}>${t(lang, 'story.again')}</button>
          </div>`
          : nothing
      }
    </section>`;
  }

  private renderExplain() {
    const lang = this.lang;
    const s = storyStep(this.step)!;
    const answer = pick(lang, s.predict.options[s.predict.answer]);
    const right = this.choice === s.predict.answer;
    return html`<div class="explain" data-testid="story-explain" role="region" aria-label=${t(lang, 'story.whatHappened')}>
      <h3>${t(lang, 'story.whatHappened')}</h3>
      <p class=${right ? 'verdict right' : 'verdict'} data-testid="story-verdict" data-right=${right ? 'true' : 'false'}>
        ${this.choice >= 0 ? t(lang, 'story.youPredicted', { answer: pick(lang, s.predict.options[this.choice]) }) : nothing}
        ${right ? t(lang, 'story.right') : t(lang, 'story.notQuite', { answer })}
      </p>
      <table class="figs" data-testid="story-figures">
        <tbody>
          ${s.figures.map((f) => {
            const src = f.from === 'baseline' ? this.baseline : this.run;
            if (!src) return nothing;
            const v = storyFigure(f, src);
            return html`<tr>
              <th scope="row">${pick(lang, f.label)}</th>
              <td>
                ${v.values.map(
                  (x) =>
                    html`<span class="val">${x.label ? html`<span class="yr">${x.label}</span>` : nothing}<strong>${format(x.value, f.format, lang)}</strong></span>`,
                )}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="because">${pick(lang, s.explain)}</p>
    </div>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    .story {
      border: 2px solid var(--hl-accent, #1f5f8b);
      border-radius: 8px;
      padding: 0.6rem 0.9rem 0.7rem;
      background: var(--hl-story-bg, #f4f8fb);
      color: inherit;
      font-size: 1rem;
      line-height: 1.45;
    }
    .top {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      flex-wrap: wrap;
    }
    .badge {
      background: var(--hl-accent, #1f5f8b);
      color: #fff;
      border-radius: 4px;
      padding: 0.05rem 0.45rem;
      font-weight: 600;
      font-size: 0.85rem;
    }
    .count {
      font-size: 0.9rem;
      color: #444;
    }
    .dots {
      display: flex;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .dots button {
      width: 1.7rem;
      height: 1.7rem;
      border-radius: 50%;
      border: 1px solid #8aa;
      background: #fff;
      font: inherit;
      font-size: 0.8rem;
      cursor: pointer;
      padding: 0;
    }
    .dots button.past {
      background: #dbe8f1;
    }
    .dots button.on {
      background: var(--hl-accent, #1f5f8b);
      color: #fff;
      border-color: var(--hl-accent, #1f5f8b);
    }
    .spacer {
      flex: 1;
    }
    h2 {
      margin: 0.45rem 0 0.3rem;
      font-size: 1.3rem;
    }
    h3 {
      margin: 0.3rem 0;
      font-size: 1.05rem;
    }
    blockquote {
      margin: 0.3rem 0;
      padding: 0.3rem 0.6rem;
      border-left: 3px solid #b9c7d2;
      color: #333;
      font-size: 0.92rem;
      background: #fff;
    }
    .pl {
      font-weight: 600;
      color: #555;
    }
    .setup {
      margin: 0.35rem 0;
    }
    fieldset {
      border: 1px solid #c5d3de;
      border-radius: 6px;
      margin: 0.4rem 0;
      padding: 0.35rem 0.7rem 0.5rem;
      background: #fff;
    }
    legend {
      font-weight: 600;
      padding: 0 0.3rem;
    }
    fieldset label {
      display: block;
      padding: 0.15rem 0;
      cursor: pointer;
    }
    fieldset label.answer {
      font-weight: 700;
      color: #1d6b2f;
    }
    .actions {
      display: flex;
      gap: 0.6rem;
      align-items: center;
      margin-top: 0.4rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.9rem;
      border-radius: 5px;
      border: 1px solid #8aa;
      background: #fff;
      cursor: pointer;
    }
    button.primary {
      background: var(--hl-accent, #1f5f8b);
      color: #fff;
      border-color: var(--hl-accent, #1f5f8b);
      font-weight: 600;
    }
    button:disabled {
      opacity: 0.5;
      cursor: not-allowed;
    }
    button.link {
      border: none;
      background: none;
      text-decoration: underline;
      color: #1f5f8b;
      padding: 0.2rem;
    }
    button:focus-visible {
      outline: 3px solid #f0a500;
      outline-offset: 2px;
    }
    .hint,
    .running {
      color: #555;
      font-size: 0.92rem;
    }
    .verdict {
      font-weight: 600;
      color: #8a4b00;
    }
    .verdict.right {
      color: #1d6b2f;
    }
    table.figs {
      border-collapse: collapse;
      margin: 0.3rem 0;
      width: 100%;
    }
    .figs th {
      text-align: left;
      font-weight: 500;
      padding: 0.2rem 0.6rem 0.2rem 0;
      width: 40%;
      vertical-align: top;
    }
    .figs td {
      padding: 0.2rem 0;
    }
    .val {
      display: inline-block;
      margin-right: 0.9rem;
      white-space: nowrap;
    }
    .yr {
      color: #666;
      font-size: 0.82rem;
      margin-right: 0.25rem;
    }
    .because {
      margin: 0.4rem 0 0.2rem;
    }
  `;
}

customElements.define('hl-story', HlStory);

declare global {
  interface HTMLElementTagNameMap {
    'hl-story': HlStory;
  }
}
