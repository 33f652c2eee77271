/**
 * `<hl-story>`: story mode, a guided classroom path through the article (steps in
 * scenarios/story.ts). Each step: predict (pick an answer), run (the app runs the step's
 * scenario), explain: the step's figures from that run, each answer's claim checked against
 * them with the numbers quoted, the verdict read off those checks, what differs from the step's
 * scenario, and the explanation only where the figures bear it out. After a Run started here
 * focus moves to the result and a live region announces the verdict. The last step opens the
 * free sandbox.
 *
 * Properties down: the language, the step (1-based), the app's run status, the run's data (and
 * the compare run's), and the scenario the run on screen was started with. Events up (bubbling,
 * composed):
 *   `story-go`   { step }  load step n's scenario (the app sets the link);
 *   `story-run`            run the loaded scenario;
 *   `story-try`  { knobs } set these knobs on the loaded scenario and run it ("try it");
 *   `story-exit`           leave the story for the sandbox, keeping the scenario.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { Knobs } from '../../sim/index.ts';
import {
  CLOSE_ABS,
  CLOSE_REL,
  STORY,
  compareReference,
  judgeStep,
  scenarioChanges,
  stepFigures,
  storyStep,
  type FigureValue,
  type Judgement,
  type StoryStep,
} from '../../scenarios/story.ts';
import type { RunView } from '../charts/types.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { changeText, formatValue, holdsText, testText } from './verdict-text.ts';

type Phase = 'predict' | 'running' | 'explain';

/** Changes listed by name before "and n more". */
const MAX_CHANGES = 6;

export class HlStory extends LitElement {
  static override properties = {
    lang: {},
    step: { type: Number },
    status: {},
    run: { attribute: false },
    baseline: { attribute: false },
    preset: {},
    runKnobs: { attribute: false },
    runSeed: { type: Number },
    phase: { state: true },
    announce: { state: true },
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
  /** The page's preset (the run on screen runs it). */
  declare preset: string;
  /** The knobs and seed the run on screen was started with (null before any run). */
  declare runKnobs: Knobs | null;
  declare runSeed: number;
  declare phase: Phase;
  /** What the live region says: the verdict after each run. */
  declare announce: string;
  declare choice: number;

  /** The run started by this step has been seen under way (so a stale 'done' is not mistaken for its end). */
  private sawRunning = false;
  /** The run was started from the story (Run, try it): its result takes the focus. */
  private focusResult = false;

  constructor() {
    super();
    this.lang = 'en';
    this.step = 1;
    this.status = 'idle';
    this.run = null;
    this.baseline = null;
    this.preset = '';
    this.runKnobs = null;
    this.runSeed = 1;
    this.phase = 'predict';
    this.announce = '';
    this.choice = -1;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('step')) {
      this.phase = 'predict';
      this.choice = -1;
      this.sawRunning = false;
      this.announce = '';
    }
    // a run started elsewhere (the knobs) while the result is up: judge its figures when it is done
    if (this.phase === 'explain' && changed.has('status') && (this.status === 'starting' || this.status === 'running')) {
      this.phase = 'running';
      this.sawRunning = true;
    }
    if (this.phase === 'running') {
      if (this.status !== 'done') this.sawRunning = true;
      else if (this.sawRunning && this.complete()) {
        this.phase = 'explain';
        this.announce = this.verdictText();
      }
    }
  }

  /** The run on screen has finished, and so has the compare run when the step reads it: the verdict is not read off half a run. */
  private complete(): boolean {
    const s = storyStep(this.step);
    const full = (r: RunView | null) => r !== null && r.day >= r.days;
    return full(this.run) && (!s?.compare || full(this.baseline));
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('phase') && this.phase === 'explain' && this.focusResult) {
      this.focusResult = false;
      this.renderRoot.querySelector<HTMLElement>('#story-result')?.focus();
    }
  }

  /** The step's figures as shown, read off the run on screen (and the compare run). */
  private figures(s: StoryStep): FigureValue[] {
    return stepFigures(s, this.run, s.compare ? this.baseline : null);
  }

  /** The verdict as one sentence: the prediction, then what the figures say of it. */
  private verdictText(): string {
    const s = storyStep(this.step);
    if (!s || !this.run) return '';
    const j = judgeStep(s, this.figures(s));
    return `${this.choice >= 0 ? t(this.lang, 'story.youPredicted', { answer: pick(this.lang, s.predict.options[this.choice]) }) : ''} ${this.verdict(s, j)}`.trim();
  }

  /** Right, not quite (and what the figures show), or none of the answers. */
  private verdict(s: StoryStep, j: Judgement): string {
    const lang = this.lang;
    if (j.shown.includes(this.choice)) return t(lang, 'story.right');
    if (j.shown.length === 0) return t(lang, 'story.noneShown');
    return t(lang, 'story.notQuite', { answer: j.shown.map((i) => pick(lang, s.predict.options[i])).join('”, “') });
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
    this.focusResult = true;
    this.phase = 'running';
    this.emit('story-run');
  }

  /** "Try it": the step's suggested change, run at once (the class's prediction stands). */
  private tryIt(knobs: Partial<Knobs>): void {
    if (this.choice < 0) return;
    this.sawRunning = false;
    this.focusResult = true;
    this.phase = 'running';
    this.emit('story-try', { knobs });
  }

  /** Back to the step's own scenario, to predict and run again. */
  private restore(): void {
    this.phase = 'predict';
    this.announce = '';
    this.go(this.step);
  }

  /** How the run on screen differs from the step's scenario. */
  private changes(s: StoryStep) {
    if (!this.runKnobs) return [];
    return scenarioChanges(s, { preset: this.preset, knobs: this.runKnobs, seed: this.runSeed, timeline: this.run?.timeline });
  }

  override render() {
    const lang = this.lang;
    const s = storyStep(this.step);
    if (!s) return nothing;
    const total = STORY.length;
    const last = this.step === total;
    // in the result, the answers the figures bear out are marked (not the article's)
    const shown = this.phase === 'explain' && this.run ? judgeStep(s, this.figures(s)).shown : [];
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
      ${
        lang === 'zh'
          ? html`<blockquote lang="zh-CN" data-testid="story-passage"><span class="pl">${t(lang, 'story.passage')}：</span>${s.passage.zh}</blockquote>`
          : html`<blockquote lang="en" data-testid="story-passage"><span class="pl">${t(lang, 'story.translated')}:</span> ${s.passage.en}</blockquote>
            <details class="original"><summary>${t(lang, 'story.original')}</summary><blockquote lang="zh-CN" data-testid="story-original">${s.passage.zh}</blockquote></details>`
      }
      <p class="setup">${pick(lang, s.setup)}</p>
      <fieldset class="predict" ?disabled=${this.phase !== 'predict'}>
        <legend>${t(lang, 'story.predict')}: ${pick(lang, s.predict.question)}</legend>
        ${s.predict.options.map(
          (o, i) =>
            html`<label class=${shown.includes(i) ? 'answer' : ''}>
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
          ? html`<p class="running" data-testid="story-running">
            ${
              this.status === 'error' || this.status === 'refused' || this.status === 'cancelled'
                ? t(lang, 'story.runStopped', { status: this.status })
                : t(lang, 'story.running', { day: this.run?.day ?? 0, days: this.run?.days ?? '…' })
            }
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
            ${
              s.tryIt && !this.tried(s)
                ? html`<button type="button" data-testid="story-try" @click=${() => this.tryIt(s.tryIt!.knobs)}>
                  ${t(lang, 'story.tryIt', { label: pick(lang, s.tryIt.label) })}
                </button>`
                : nothing
            }
          </div>`
          : nothing
      }
      <p class="sr-only" role="status" aria-live="polite" data-testid="story-live">${this.announce}</p>
    </section>`;
  }

  /** The run on screen has the step's "try it" knobs. */
  private tried(s: StoryStep): boolean {
    if (!s.tryIt || !this.runKnobs) return false;
    const k = this.runKnobs as unknown as Record<string, unknown>;
    return Object.entries(s.tryIt.knobs).every(([n, v]) => k[n] === v);
  }

  private renderExplain() {
    const lang = this.lang;
    const s = storyStep(this.step)!;
    const figs = this.figures(s);
    const j = judgeStep(s, figs);
    const right = j.shown.includes(this.choice);
    const changes = this.changes(s);
    return html`<div class="explain" data-testid="story-explain" role="region" aria-labelledby="story-result">
      <h3 id="story-result" tabindex="-1">${t(lang, 'story.whatHappened')}</h3>
      ${
        changes.length > 0
          ? html`<div class="changed" data-testid="story-changed">
            <p>${t(lang, 'story.changed')}</p>
            <ul>
              ${changes.slice(0, MAX_CHANGES).map((c) => html`<li data-change=${c.name}>${changeText(c, lang)}</li>`)}
              ${changes.length > MAX_CHANGES ? html`<li>${t(lang, 'story.moreChanges', { n: changes.length - MAX_CHANGES })}</li>` : nothing}
            </ul>
            <p>
              ${t(lang, 'story.judgedShown')}
              <button type="button" class="link" data-testid="story-restore" @click=${this.restore}>${t(lang, 'story.restore')}</button>
            </p>
          </div>`
          : nothing
      }
      <p class=${right ? 'verdict right' : 'verdict'} data-testid="story-verdict" data-right=${right ? 'true' : 'false'} data-shown=${j.shown.join(',')}>
        ${this.choice >= 0 ? t(lang, 'story.youPredicted', { answer: pick(lang, s.predict.options[this.choice]) }) : nothing}
        ${this.verdict(s, j)}
      </p>
      <table class="figs" data-testid="story-figures">
        <tbody>
          ${s.figures.map((f, i) => {
            const v = figs[i];
            if (v.values.length === 0) return nothing;
            return html`<tr data-fig=${i}>
              <th scope="row">${pick(lang, f.label)}</th>
              <td>
                ${v.values.map(
                  (x) =>
                    html`<span class="val" data-year=${x.label}>${x.label ? html`<span class="yr">${x.label}</span>` : nothing}<strong>${formatValue(x.value, f.format, lang)}</strong></span>`,
                )}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <details class="tests" data-testid="story-tests" ?open=${!right || changes.length > 0}>
        <summary>${t(lang, 'story.testsTitle')}</summary>
        <ul>
          ${s.predict.options.map(
            (o, i) => html`<li data-option=${i} data-holds=${String(j.outcomes[i].holds)}>
              <strong>“${pick(lang, o)}”</strong> <span class="mark">${holdsText(j.outcomes[i].holds, lang)}</span>
              <ul>
                ${j.outcomes[i].results.map((r) => html`<li>${testText(s, r, lang)} <span class="mark">${holdsText(r.holds, lang)}</span></li>`)}
              </ul>
            </li>`,
          )}
        </ul>
      </details>
      ${this.renderReference(s, figs)} ${this.renderBecause(s, j)}
    </div>`;
  }

  /** The step's explanation where the figures bear it out; else why it is left out. */
  private renderBecause(s: StoryStep, j: Judgement) {
    const lang = this.lang;
    const claim = pick(lang, s.predict.options[s.predict.answer]);
    const tryHolds = s.tryIt && this.tried(s) && j.shown.includes(s.tryIt.expect);
    if (tryHolds) return html`<p class="because" data-testid="story-because" data-because="try">${pick(lang, s.tryIt!.explain)}</p>`;
    if (j.explains) return html`<p class="because" data-testid="story-because" data-because="step">${pick(lang, s.explain)}</p>`;
    if (!j.shown.includes(s.predict.answer))
      return html`<p class="because none" data-testid="story-because" data-because="none">${t(lang, 'story.notExplained', { claim })}</p>`;
    return html`<div class="because none" data-testid="story-because" data-because="none">
      <p>${t(lang, 'story.explainFails', { claim })}</p>
      <ul>
        ${j.explainResults
          .filter((r) => r.holds !== true)
          .map((r) => html`<li>${testText(s, r, lang)} <span class="mark">${holdsText(r.holds, lang)}</span></li>`)}
      </ul>
    </div>`;
  }

  /** The article's own counts beside this run's. */
  private renderReference(s: StoryStep, figs: FigureValue[]) {
    const ref = s.reference;
    if (!ref) return nothing;
    const lang = this.lang;
    const f = s.figures[ref.fig];
    const source = pick(lang, ref.source);
    return html`<table class="ref" data-testid="story-reference">
      <caption>${t(lang, 'story.refTitle', { source })}</caption>
      <thead>
        <tr><th scope="col">${t(lang, 'story.refYear')}</th><th scope="col">${source}</th><th scope="col">${t(lang, 'story.refModel')}</th><th scope="col"></th></tr>
      </thead>
      <tbody>
        ${compareReference(ref, figs).map(
          (r) => html`<tr data-year=${r.year} data-relation=${r.relation ?? ''}>
            <th scope="row">${r.year}</th>
            <td>${r.text ? pick(lang, r.text) : formatValue(r.reference, f.format, lang)}</td>
            <td>${r.model === undefined ? t(lang, 'story.refNone') : formatValue(r.model, f.format, lang)}</td>
            <td>${r.relation ? t(lang, `story.${r.relation}`) : ''}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot><tr><td colspan="4">${t(lang, 'story.refRule', { abs: CLOSE_ABS, rel: CLOSE_REL * 100 })}</td></tr></tfoot>
    </table>`;
  }

  static override styles = css`
    :host {
      display: block;
    }
    .story {
      position: relative;
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
    .because.none {
      color: #5a4a00;
    }
    .because.none p {
      margin: 0.2rem 0;
    }
    .changed {
      border-left: 4px solid #c77d00;
      background: #fff7e6;
      padding: 0.3rem 0.6rem;
      margin: 0.3rem 0;
    }
    .changed p,
    .changed ul {
      margin: 0.15rem 0;
    }
    details.tests,
    details.original {
      margin: 0.3rem 0;
    }
    details summary {
      cursor: pointer;
      color: #1f5f8b;
    }
    details.tests ul {
      margin: 0.2rem 0;
      padding-left: 1.2rem;
    }
    .mark {
      white-space: nowrap;
      font-size: 0.88rem;
    }
    li[data-holds='true'] > .mark {
      color: #1d6b2f;
      font-weight: 600;
    }
    table.ref {
      border-collapse: collapse;
      margin: 0.4rem 0;
      font-size: 0.92rem;
    }
    table.ref caption {
      text-align: left;
      font-weight: 600;
    }
    table.ref th,
    table.ref td {
      padding: 0.1rem 0.7rem 0.1rem 0;
      text-align: left;
    }
    table.ref tfoot td {
      color: #555;
      font-size: 0.85rem;
    }
    h3:focus-visible {
      outline: 3px solid #f0a500;
      outline-offset: 2px;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
  `;
}

customElements.define('hl-story', HlStory);

declare global {
  interface HTMLElementTagNameMap {
    'hl-story': HlStory;
  }
}
