/**
 * `<hl-app>`: the app shell. It owns the page state (`page`: scenario, language, view, compare,
 * watched cell, story step, experiment), which a LinkController keeps in the address bar and in
 * storage; a SimController runs the model in workers and a RunController decides when. The parts
 * (header, notices, knob panel, run controls, view tabs, views, dialog) get data as properties
 * and send events up; the handlers here turn those events into a new page state.
 */
import { LitElement, html, nothing } from 'lit';
import type { Knobs } from '../sim/index.ts';
import { PRESETS } from '../scenarios/presets.ts';
import type { Problem } from '../scenarios/loader.ts';
import { rememberLang, t, type Lang } from './i18n.ts';
import { copyText } from './clipboard.ts';
import { exportRequest } from './download.ts';
import { baseStyles, noticeStyles, shellStyles } from './styles/index.ts';
import type { ImportOkDetail } from './import-control.ts';
import { SimController } from './worker/sim-controller.ts';
import { RunController } from './worker/run-controller.ts';
import { LinkController } from './shell/link-controller.ts';
import { embedFrame, runArea, sidePanel, storyPanel } from './shell/app-parts.ts';
import { FlashController } from './shell/flash-controller.ts';
import { PanelController } from './shell/panel-controller.ts';
import { StoryController } from './shell/story-controller.ts';
import { FigureGridController } from './shell/figure-grid.ts';
import { defaultPageState, type PageState, type View, withChange } from './shell/page-link.ts';
import type { ExportRequestDetail } from './shell/header.ts';
import type { ImportProblems } from './shell/notices.ts';
import { fitCell, runPlan, switchPreset, timelineOf } from './shell/scenario-edits.ts';
import './shell/index.ts';
import './knob-panel.ts';
import './run-controls.ts';
import { FIGURES } from './key-figures.ts';
import './story/story-mode.ts';
import './timeline-editor.ts';
import './version-compare.ts';

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
  private readonly panel = new PanelController(this);
  private readonly story = new StoryController({
    sim: this.sim,
    set: (change) => this.set(change),
    setView: (view) => this.setView(view),
    run: () => this.runs.run(),
  });
  /** Keeps the key figures in even rows (sets their grid). */
  readonly figureGrid = new FigureGridController(
    this,
    () => this.renderRoot.querySelector('hl-key-figures'),
    () => FIGURES.length,
  );

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
    if (this.page.present) this.panel.open = false;
    if (this.page.storyStep) return; // in story mode the class predicts before anything runs
    // a link made with an archived model version runs on that version's own code, as published
    void this.links.openArchived(this.linkVersion).then((archived) => {
      if (archived) this.set({ archived });
      this.runs.run();
    });
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

  private togglePresent(): void {
    this.set({ present: !this.page.present });
    this.panel.present(this.page.present);
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
    if (s.embed) return embedFrame(s, main, base, location.pathname + this.links.query().replace(/&embed=1/, ''), this.renderNotices());
    return html`<button class="skip" type="button" @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}>
        ${t(lang, 'skipToMain')}
      </button>
      <hl-header
        .lang=${lang}
        .preset=${s.preset}
        .seed=${s.seed}
        .storyStep=${s.storyStep}
        .canExport=${main.view !== null}
        .knobsOpen=${this.panel.open}
        .present=${s.present}
        @preset-change=${this.onPreset}
        @seed-change=${(e: Detail<{ seed: number }>) => this.setScenario({ seed: e.detail.seed })}
        @lang-change=${this.onLang}
        @story-go=${(e: Detail<{ step: number }>) => this.story.enter(e.detail.step)}
        @copy-link=${this.copyLink}
        @embed-open=${() => (this.embedOpen = true)}
        @knobs-toggle=${() => this.panel.toggle()}
        @present-toggle=${this.togglePresent}
        @export-request=${this.download}
        @import-ok=${this.onImportOk}
        @import-problems=${(e: Detail<ImportProblems>) => (this.importProblems = e.detail)}
      ></hl-header>
      ${this.renderNotices()}
      <div class=${this.panel.open ? 'body' : 'body knobs-closed'}>
        <aside id="knob-pane" aria-labelledby="knobs-title" ?hidden=${!this.panel.open}>
          ${sidePanel(s, {
            knobs: (knobs, soon) => this.setKnobs(knobs, soon),
            timeline: (timeline) => this.setScenario({ timeline }),
            chosenDate: (date) => this.panel.setCursor({ chosen: date }),
          })}
        </aside>
        <main
          tabindex="-1"
          id="main"
          class=${[s.storyStep && main.knobs !== s.knobs ? 'story-waiting' : '', s.present ? 'present' : ''].join(' ').trim()}
        >
          ${
            s.storyStep
              ? storyPanel(s, main, base, {
                  go: (n) => this.story.enter(n),
                  run: () => this.runs.run(),
                  tryKnobs: (knobs) => this.setKnobs({ ...s.knobs, ...knobs } as Knobs, false),
                  exit: () => this.story.exit(),
                })
              : nothing
          }
          ${preset ? html`<hl-scenario-about .lang=${lang} .preset=${s.preset}></hl-scenario-about>` : nothing}
          ${runArea(s, sim, {
            toggleCompare: () => this.toggleCompare(),
            seeds: (seeds) => {
              this.set({ seeds });
              this.runs.seedsChanged();
            },
          })}
          <hl-view-tabs
            .lang=${lang}
            .view=${s.view}
            .compare=${s.compare}
            @view-change=${(e: Detail<{ view: View }>) => this.setView(e.detail.view)}
            @compare-toggle=${this.toggleCompare}
          >
            <hl-views
              @chart-cursor=${(e: Detail<{ date: string | null }>) => this.panel.setCursor({ hover: e.detail.date })}
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
