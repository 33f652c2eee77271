/**
 * `<hl-app>`: the app shell. It owns the page state (`page`: scenario, language, view, compare,
 * watched cell, story step, experiment), which a LinkController keeps in the address bar and in
 * storage; a SimController runs the model in workers and a RunController decides when. The parts
 * (header, notices, knob panel, run controls, view tabs, views, dialog) get data as properties
 * and send events up; the handlers here turn those events into a new page state.
 */
import { LitElement, html, nothing } from 'lit';
import type { Knobs } from '../sim/index.ts';
import { PRESETS, presetKnobs } from '../scenarios/presets.ts';
import type { Problem } from '../scenarios/loader.ts';
import { storyStep } from '../scenarios/story.ts';
import { pick, rememberLang, t, type Lang } from './i18n.ts';
import { copyText } from './clipboard.ts';
import { exportRequest } from './download.ts';
import { baseStyles, noticeStyles, shellStyles } from './styles/index.ts';
import type { ImportOkDetail } from './import-control.ts';
import type { KnobChangeDetail } from './knob-panel.ts';
import { SimController } from './worker/sim-controller.ts';
import { RunController } from './worker/run-controller.ts';
import { LinkController } from './shell/link-controller.ts';
import { FlashController } from './shell/flash-controller.ts';
import { defaultPageState, type PageState, type View, withChange } from './shell/page-link.ts';
import type { ExportRequestDetail } from './shell/header.ts';
import type { ImportProblems } from './shell/notices.ts';
import { fitCell, presetReference, resetKnob, runPlan, setKnob, switchPreset, timelineOf } from './shell/scenario-edits.ts';
import './shell/index.ts';
import './knob-panel.ts';
import './run-controls.ts';
import './key-figures.ts';
import './story/story-mode.ts';
import './timeline-editor.ts';
import './version-compare.ts';
import { sideNames } from './charts/sides.ts';
import type { TimelineChangeDetail } from './timeline-editor.ts';

type Detail<T> = CustomEvent<T>;

export class HlApp extends LitElement {
  static override properties = {
    page: { state: true },
    problems: { state: true },
    linkVersion: { state: true },
    fatal: { state: true },
    importProblems: { state: true },
    embedOpen: { state: true },
  };

  /** What a link holds; replaced, never mutated, so a new object is a new state. */
  declare page: PageState;
  /** Problems of the link the page was opened with. */
  declare problems: Problem[];
  /** The model version a link from another version was made with, else null. */
  declare linkVersion: string | null;
  /** A fatal error from anywhere in the page (the error boundary). */
  declare fatal: string | null;
  /** Problems of the last file that could not be imported, and its name. */
  declare importProblems: ImportProblems | null;
  /** The embed dialog is open. */
  declare embedOpen: boolean;

  /** The simulation workers (public for the end-to-end tests' hooks). */
  readonly sim = new SimController(this);
  private readonly runs = new RunController(this, this.sim, () => runPlan(this.page));
  private readonly links = new LinkController(this);
  private readonly flash = new FlashController(this);

  constructor() {
    super();
    this.page = defaultPageState();
    this.problems = [];
    this.linkVersion = null;
    this.fatal = null;
    this.importProblems = null;
    this.embedOpen = false;
    this.addEventListener('hl-notice', (e) => this.flash.show((e as Detail<{ message: string }>).detail.message));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    Object.assign(this, this.links.load());
    if (this.page.storyStep) return; // in story mode the class predicts before anything runs
    // a link made with an archived model version runs on that version's own code, as published
    void this.links.openArchived(this.linkVersion).then((archived) => {
      if (archived) this.set({ archived });
      this.runs.run();
    });
  }

  /** The day under a chart's cursor, and the day chosen in the timeline editor: the knob panel shows the values in force then. */
  private cursor: { hover: string | null; chosen: string | null } = { hover: null, chosen: null };

  /** Set straight on the knob panel: moving the cursor re-renders the panel, not the page. */
  private setCursor(change: Partial<HlApp['cursor']>): void {
    this.cursor = { ...this.cursor, ...change };
    const panel = this.renderRoot.querySelector('hl-knob-panel');
    if (panel) panel.cursorDate = this.cursor.hover ?? this.cursor.chosen;
  }

  /** A checked timeline from the editor: it runs at once and goes into the link. */
  private onTimeline(e: Detail<TimelineChangeDetail>): void {
    this.setScenario({ timeline: e.detail.timeline });
  }

  /** Called by the page's error boundary (main.ts). */
  showError(message: string): void {
    this.fatal = message;
  }

  private set(change: Partial<PageState>): void {
    this.page = withChange(this.page, change);
  }

  /** New knobs, the watched cell kept in the world: a changed knob re-runs after a pause, a reset or import at once. */
  private setKnobs(knobs: Knobs, soon: boolean, change: Partial<PageState> = {}): void {
    this.set({ ...change, knobs, cell: fitCell(this.page.cell, knobs) });
    if (soon) this.runs.runSoon();
    else this.runs.run();
  }

  /** Another preset or seed: runs at once. */
  private setScenario(change: Partial<PageState>): void {
    this.set(change);
    this.runs.run();
  }

  private onPreset(e: Detail<{ preset: string }>): void {
    const knobs = switchPreset(e.detail.preset, this.page.knobs);
    if (knobs) this.setScenario({ preset: e.detail.preset, knobs, timeline: timelineOf(e.detail.preset) });
  }

  private onLang(e: Detail<{ lang: Lang }>): void {
    this.set({ lang: e.detail.lang });
    rememberLang(e.detail.lang);
  }

  private setView(view: View): void {
    this.set({ view });
    this.sim.wantCells(view === 'district' || view === 'village');
  }

  /** Story mode: load step n's scenario (it runs when the class has predicted). */
  private enterStory(n: number): void {
    const s = storyStep(n);
    if (!s) return;
    this.sim.cancel();
    const knobs = { ...presetKnobs(s.preset), ...s.knobs } as Knobs;
    const timeline = timelineOf(s.preset);
    this.set({ storyStep: n, preset: s.preset, knobs, timeline, seed: s.seed, cell: 0, compare: s.compare });
    this.setView(s.view);
    if (!s.compare) this.sim.stopBaseline();
  }

  private exitStory(): void {
    this.set({ storyStep: 0 });
    if (this.sim.main.status !== 'done' && this.sim.main.status !== 'running') this.runs.run();
  }

  private toggleCompare(): void {
    this.set({ compare: !this.page.compare });
    this.runs.compareChanged();
  }

  /** Watch another cell in the village view (from the picker, or a click in the district view). */
  private watchCell(n: number, showVillage: boolean): void {
    if (!Number.isInteger(n) || n < 0 || n >= this.page.knobs.cells) return;
    if (showVillage) this.setView('village');
    if (n === this.page.cell) return;
    this.set({ cell: n });
    // Village events are recorded for one cell, chosen when the run starts; same seed, same run.
    this.runs.run();
  }

  /** A file from the Import control: its scenario replaces the current one and runs. */
  private onImportOk(e: Detail<ImportOkDetail>): void {
    const { scenario, seed, name } = e.detail;
    this.importProblems = null;
    this.setKnobs(scenario.knobs, false, { preset: scenario.preset, seed, timeline: scenario.timeline ?? [] });
    this.flash.show(t(this.page.lang, 'imported', { name }));
  }

  private async copyLink(): Promise<void> {
    this.flash.show(t(this.page.lang, (await copyText(this.links.link())) ? 'copied' : 'copyFailed'));
  }

  private download(e: Detail<ExportRequestDetail>): void {
    exportRequest(this.sim, e.detail, this.page, (message) => this.flash.show(t(this.page.lang, 'exportFailed', { message })));
  }

  // ------------------------------------------------------------------ rendering

  static override styles = [baseStyles, noticeStyles, shellStyles];

  private renderNotices() {
    return html`<hl-notices
      .lang=${this.page.lang}
      .fatal=${this.fatal}
      .problems=${this.problems}
      .importProblems=${this.importProblems}
      .linkVersion=${this.linkVersion}
      .archivedRun=${this.page.archived?.version ?? null}
      .run=${this.sim.main}
      .baselineError=${this.sim.baseline?.error ?? null}
    ></hl-notices>`;
  }

  override render() {
    const { page: s, sim } = this;
    const { lang } = s;
    const main = sim.main;
    const base = s.compare ? sim.baseline : null;
    const preset = PRESETS[s.preset];
    if (s.embed) {
      const full = location.pathname + this.links.query().replace(/&embed=1/, '');
      const heading = preset ? pick(lang, preset.title) : s.preset;
      return html`<hl-embed-frame .lang=${lang} .heading=${heading} .run=${main} .baseline=${base} .fullLink=${full}>
        ${this.renderNotices()}
      </hl-embed-frame>`;
    }
    const day = main.view?.day ?? 0;
    return html`<button class="skip" type="button" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>
        ${t(lang, 'skipToMain')}
      </button>
      <hl-header
        .lang=${lang}
        .preset=${s.preset}
        .seed=${s.seed}
        .storyStep=${s.storyStep}
        .canExport=${main.view !== null}
        @preset-change=${this.onPreset}
        @seed-change=${(e: Detail<{ seed: number }>) => this.setScenario({ seed: e.detail.seed })}
        @lang-change=${this.onLang}
        @story-go=${(e: Detail<{ step: number }>) => this.enterStory(e.detail.step)}
        @copy-link=${this.copyLink}
        @embed-open=${() => (this.embedOpen = true)}
        @export-request=${this.download}
        @import-ok=${this.onImportOk}
        @import-problems=${(e: Detail<ImportProblems>) => (this.importProblems = e.detail)}
      ></hl-header>
      ${this.renderNotices()}
      <div class="body">
        <aside aria-labelledby="knobs-title">
          <h2 id="timeline-title">${t(lang, 'tl.title')}</h2>
          <hl-timeline-editor
            aria-labelledby="timeline-title"
            .timeline=${s.timeline}
            .knobs=${s.knobs}
            .lang=${lang}
            @timeline-change=${this.onTimeline}
            @cursor-date=${(e: Detail<{ date: string | null }>) => this.setCursor({ chosen: e.detail.date })}
          ></hl-timeline-editor>
          <h2 id="knobs-title">${t(lang, 'knobs')}</h2>
          <hl-knob-panel
            .knobs=${s.knobs}
            .timeline=${s.timeline}
            .reference=${presetReference(s.preset)}
            .lang=${lang}
            @knob-change=${(e: Detail<KnobChangeDetail>) => this.setKnobs(setKnob(s.knobs, e.detail.name, e.detail.value), true)}
            @knob-reset=${(e: Detail<{ name: string }>) => this.setKnobs(resetKnob(s.preset, s.knobs, e.detail.name), true)}
            @knobs-reset-all=${() => this.setKnobs(presetKnobs(s.preset) as Knobs, false)}
          ></hl-knob-panel>
        </aside>
        <main tabindex="-1" id="main" class=${s.storyStep && main.knobs !== s.knobs ? 'story-waiting' : ''}>
          ${
            s.storyStep
              ? html`<hl-story
                .lang=${lang}
                .step=${s.storyStep}
                .status=${main.status}
                .run=${main.view}
                .baseline=${base?.view ?? null}
                .preset=${s.preset}
                .runKnobs=${main.knobs}
                .runSeed=${main.seed}
                @story-go=${(e: Detail<{ step: number }>) => this.enterStory(e.detail.step)}
                @story-run=${() => this.runs.run()}
                @story-try=${(e: Detail<{ knobs: Partial<Knobs> }>) => this.setKnobs({ ...s.knobs, ...e.detail.knobs } as Knobs, false)}
                @story-exit=${this.exitStory}
              ></hl-story>`
              : nothing
          }
          ${preset ? html`<hl-scenario-about .lang=${lang} .preset=${s.preset}></hl-scenario-about>` : nothing}
          ${
            s.archived
              ? html`<hl-version-compare .lang=${lang} .version=${s.archived.version} .on=${s.compare} .run=${main.view}
                  .current=${base?.view ?? null} @version-compare=${(e: Detail<{ on: boolean }>) => e.detail.on !== s.compare && this.toggleCompare()}
                ></hl-version-compare>`
              : nothing
          }
          <div class="runbar">
            <hl-run-controls
              .status=${main.status}
              .day=${day}
              .days=${main.view?.days ?? s.knobs.horizonDays}
              .date=${day > 0 ? (main.dates[day - 1] ?? '') : ''}
              .speed=${sim.speedValue}
              .baselineStatus=${base?.status ?? null}
              .baselineDay=${base?.view?.day ?? 0}
              .baselineName=${sideNames(main.view, base?.view, lang)?.base ?? null}
              .lang=${lang}
            ></hl-run-controls>
          </div>
          <hl-key-figures .run=${main.view} .baseline=${base?.view ?? null} .lang=${lang}></hl-key-figures>
          <hl-view-tabs
            .lang=${lang}
            .view=${s.view}
            .compare=${s.compare}
            @view-change=${(e: Detail<{ view: View }>) => this.setView(e.detail.view)}
            @compare-toggle=${this.toggleCompare}
          >
            <hl-views
              @chart-cursor=${(e: Detail<{ date: string | null }>) => this.setCursor({ hover: e.detail.date })}
              .page=${s}
              .run=${main}
              .baseline=${base}
              @cell-select=${(e: Detail<{ cell: number }>) => this.watchCell(e.detail.cell, true)}
              @cell-pick=${(e: Detail<{ cell: number }>) => this.watchCell(e.detail.cell, false)}
              @hl-experiment-change=${(e: Detail<{ param: string }>) => this.set({ exp: e.detail.param })}
            ></hl-views>
          </hl-view-tabs>
        </main>
      </div>
      <div class="status-msg" role="status" aria-live="polite" data-testid="notice">
        ${this.flash.text ? html`<div class="notice info">${this.flash.text}</div>` : nothing}
      </div>
      ${
        this.embedOpen
          ? html`<hl-embed-dialog .lang=${lang} .link=${this.links.link('&embed=1')} @embed-close=${() => (this.embedOpen = false)}></hl-embed-dialog>`
          : nothing
      }`;
  }
}

customElements.define('hl-app', HlApp);

declare global {
  interface HTMLElementTagNameMap {
    'hl-app': HlApp;
  }
}
