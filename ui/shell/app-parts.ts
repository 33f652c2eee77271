/**
 * Parts of the app's page as template functions: they render into `<hl-app>`'s own shadow root
 * (so ids, `aria-labelledby` and the layout's CSS work as if written inline) and send what the
 * user does to the handlers they are given. The app shell (ui/app.ts) composes them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Knobs } from '../../sim/index.ts';
import { PRESETS, presetKnobs } from '../../scenarios/presets.ts';
import type { KnobChange } from '../../sim/index.ts';
import { pick, t } from '../i18n.ts';
import { pageProvenance } from '../download.ts';
import { sideNames } from '../charts/sides.ts';
import type { KnobChangeDetail } from '../knob-panel.ts';
import type { TimelineChangeDetail } from '../timeline-editor.ts';
import type { RunState, SimController } from '../worker/sim-controller.ts';
import type { PageState } from './page-link.ts';
import { presetReference, resetKnob, setKnob } from './scenario-edits.ts';

type Detail<T> = CustomEvent<T>;

export interface SidePanelHandlers {
  /** New knobs; `soon`: after a pause (typing), else at once. */
  knobs(knobs: Knobs, soon: boolean): void;
  timeline(timeline: KnobChange[]): void;
  /** The day chosen in the timeline editor (the knob panel shows the values in force then). */
  chosenDate(date: string | null): void;
}

/** The side panel's content: the timeline editor and the knobs, each under its heading. */
export function sidePanel(s: PageState, on: SidePanelHandlers): TemplateResult {
  const { lang } = s;
  return html`<h2 id="timeline-title">${t(lang, 'tl.title')}</h2>
    <hl-timeline-editor
      aria-labelledby="timeline-title"
      .timeline=${s.timeline}
      .knobs=${s.knobs}
      .lang=${lang}
      @timeline-change=${(e: Detail<TimelineChangeDetail>) => on.timeline(e.detail.timeline)}
      @cursor-date=${(e: Detail<{ date: string | null }>) => on.chosenDate(e.detail.date)}
    ></hl-timeline-editor>
    <h2 id="knobs-title">${t(lang, 'knobs')}</h2>
    <hl-knob-panel
      .knobs=${s.knobs}
      .timeline=${s.timeline}
      .reference=${presetReference(s.preset)}
      .lang=${lang}
      @knob-change=${(e: Detail<KnobChangeDetail>) => on.knobs(setKnob(s.knobs, e.detail.name, e.detail.value), true)}
      @knob-reset=${(e: Detail<{ name: string }>) => on.knobs(resetKnob(s.preset, s.knobs, e.detail.name), true)}
      @knobs-reset-all=${() => on.knobs(presetKnobs(s.preset) as Knobs, false)}
    ></hl-knob-panel>`;
}

/** What the user does in the run area. */
export interface RunAreaHandlers {
  toggleCompare(): void;
  /** Compare mode's number of paired seeds. */
  seeds(n: number): void;
}

/**
 * What sits above the views: the comparison with an archived version (when the link named one),
 * the run controls (with compare mode's paired seeds) and the key figures.
 */
export function runArea(s: PageState, sim: SimController, on: RunAreaHandlers): TemplateResult {
  const { lang } = s;
  const main = sim.main;
  const base = s.compare ? sim.baseline : null;
  const day = main.view?.day ?? 0;
  return html`${
    s.archived
      ? html`<hl-version-compare .lang=${lang} .version=${s.archived.version} .on=${s.compare} .run=${main.view}
          .current=${base?.view ?? null} @version-compare=${(e: Detail<{ on: boolean }>) => e.detail.on !== s.compare && on.toggleCompare()}
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
        .compare=${s.compare && !s.archived}
        .seeds=${s.seeds}
        .paired=${s.compare ? sim.paired : null}
        .sameRun=${s.compare && sim.baselineReused}
        @run-seeds=${(e: Detail<{ seeds: number }>) => on.seeds(e.detail.seeds)}
      ></hl-run-controls>
    </div>
    <hl-key-figures
      .run=${main.view}
      .baseline=${base?.view ?? null}
      .summary=${main.summary}
      .baselineSummary=${base?.summary ?? null}
      .paired=${s.compare ? sim.paired : null}
      .lang=${lang}
    ></hl-key-figures>`;
}

/** The page as an embed: the run's charts (and figures, as `show=` asks) under a title, with the notices. */
export function embedFrame(s: PageState, main: RunState, base: RunState | null, fullLink: string, notices: TemplateResult): TemplateResult {
  const preset = PRESETS[s.preset];
  const heading = preset ? pick(s.lang, preset.title) : s.preset;
  return html`<hl-embed-frame .lang=${s.lang} .heading=${heading} .run=${main} .baseline=${base} .fullLink=${fullLink}
    .show=${s.show} .provenance=${pageProvenance(s, main.view?.model)}>
    ${notices}
  </hl-embed-frame>`;
}

/** What the class does in a story step. */
export interface StoryHandlers {
  go(step: number): void;
  run(): void;
  /** "Try it": the step's suggested change on top of the knobs on screen. */
  tryKnobs(knobs: Partial<Knobs>): void;
  exit(): void;
}

/** The story step: its question, the class's prediction and the verdict read from the run on screen. */
export function storyPanel(s: PageState, main: RunState, base: RunState | null, on: StoryHandlers): TemplateResult {
  return html`<hl-story
    .lang=${s.lang}
    .step=${s.storyStep}
    .status=${main.status}
    .run=${main.view}
    .baseline=${base?.view ?? null}
    .preset=${s.preset}
    .runKnobs=${main.knobs}
    .runSeed=${main.seed}
    @story-go=${(e: Detail<{ step: number }>) => on.go(e.detail.step)}
    @story-run=${() => on.run()}
    @story-try=${(e: Detail<{ knobs: Partial<Knobs> }>) => on.tryKnobs(e.detail.knobs)}
    @story-exit=${() => on.exit()}
  ></hl-story>`;
}
