/**
 * `<hl-app>`: the app shell. It owns the scenario (preset, knobs, seed), the page state
 * (language, view, compare, watched cell) and keeps all of it in the address bar; a
 * SimController runs the model in workers. Leaf components get data as properties and
 * send events up.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { KNOBS, MODEL, type CellSnapshot, type Knobs, type KnobValue, type VillageEvent } from '../sim/index.ts';
import type { RunView } from './charts/types.ts';
import { DEFAULT_PRESET, PRESETS, listPresets, presetKnobs } from '../scenarios/presets.ts';
import { parseLink, scenarioToQuery } from '../scenarios/link.ts';
import { checkSeed, type Problem } from '../scenarios/loader.ts';
import { limitReasons, problemMessage, problemUsed } from './problem-text.ts';
import { startLink, storeQuery } from './persist.ts';
import type { ImportOkDetail, ImportProblemsDetail } from './import-control.ts';
import './import-control.ts';
import { SimController } from './worker/sim-controller.ts';
import type { ExportFormat } from './worker/protocol.ts';
import { pick, rememberLang, storedLang, t, type Lang, type MessageKey } from './i18n.ts';
import type { KnobChangeDetail } from './knob-panel.ts';
import { ICONS } from './icons.ts';
import { copyText } from './clipboard.ts';
import { exportFileName, exportMime, saveText } from './download.ts';
import './knob-panel.ts';
import './run-controls.ts';
import './key-figures.ts';
import './charts/charts-panel.ts';
import './views/district-view.ts';
import './views/village-view.ts';
import './story/story-mode.ts';
import { storyLabel } from './story/story-mode.ts';
import { STORY_ID, storyStep } from '../scenarios/story.ts';
import './experiments/experiments-panel.ts';
import { tr as expTr } from './experiments/labels.ts';
import { encodeExpParam } from '../experiments/index.ts';
import type { ResolvedScenario } from '../sim/index.ts';

export type View = 'charts' | 'district' | 'village' | 'experiments';
const VIEWS: readonly View[] = ['charts', 'district', 'village', 'experiments'];
const VIEW_KEY: Record<Exclude<View, 'experiments'>, MessageKey> = { charts: 'tabCharts', district: 'tabDistrict', village: 'tabVillage' };

/** Knobs that define the world (size, calendar): kept when the preset changes and in the baseline. */
const WORLD_KNOBS = KNOBS.filter((k) => k.group === 'world').map((k) => k.name);

/** Changing a knob re-runs after this pause, so a slider drag starts one run, not fifty. */
const RERUN_DEBOUNCE_MS = 400;

type KnobRecord = Record<string, KnobValue>;

function withWorld(base: Knobs, from: Knobs): Knobs {
  const out = { ...base } as unknown as KnobRecord;
  const src = from as unknown as KnobRecord;
  for (const n of WORLD_KNOBS) out[n] = src[n];
  return out as unknown as Knobs;
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false' || v === '') return false;
  return undefined;
}

export class HlApp extends LitElement {
  static override properties = {
    lang: { state: true },
    preset: { state: true },
    knobs: { state: true },
    seed: { state: true },
    view: { state: true },
    compare: { state: true },
    cell: { state: true },
    embed: { state: true },
    problems: { state: true },
    linkVersion: { state: true },
    notice: { state: true },
    fatal: { state: true },
    cellMetric: { state: true },
    embedOpen: { state: true },
    importProblems: { state: true },
    storyStep: { state: true },
    exp: { state: true },
  };

  declare lang: Lang;
  declare preset: string;
  declare knobs: Knobs;
  declare seed: number;
  declare view: View;
  declare compare: boolean;
  declare cell: number;
  declare embed: boolean;
  /** Problems of the link the page was opened with. */
  declare problems: Problem[];
  /** The model version a link from another version was made with, else null. */
  declare linkVersion: string | null;
  /** A short status message (copy, export). */
  declare notice: string;
  /** A fatal error from anywhere in the page (the error boundary). */
  declare fatal: string | null;
  declare cellMetric: string;
  declare embedOpen: boolean;
  /** Problems of the last file that could not be imported, and its name. */
  declare importProblems: { name: string; problems: Problem[] } | null;
  /** Story mode's step (1-based), or 0 in the sandbox. */
  declare storyStep: number;
  /** The experiments panel's experiment, as the link's `exp=` value ('' for none). */
  declare exp: string;

  readonly sim = new SimController(this);
  private rerunTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    this.lang = 'en';
    this.preset = DEFAULT_PRESET;
    this.knobs = presetKnobs(DEFAULT_PRESET) as Knobs;
    this.seed = 1;
    this.view = 'charts';
    this.compare = false;
    this.cell = 0;
    this.embed = false;
    this.problems = [];
    this.linkVersion = null;
    this.notice = '';
    this.fatal = null;
    this.cellMetric = 'ticketsFiled';
    this.embedOpen = false;
    this.importProblems = null;
    this.storyStep = 0;
    this.exp = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // the address bar wins when it holds a scenario; else the one edited before the reload
    this.loadFromLink(startLink(location.href));
    // in story mode the class predicts before anything runs
    if (!this.storyStep) this.startRun();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.rerunTimer !== null) clearTimeout(this.rerunTimer);
    if (this.noticeTimer !== null) clearTimeout(this.noticeTimer);
  }

  /** Read the whole page state from a link; bad fields become visible problems. */
  private loadFromLink(href: string): void {
    const parsed = parseLink(href);
    const problems = [...parsed.problems];
    const ex = parsed.extras;
    this.preset = parsed.scenario.preset;
    this.knobs = parsed.scenario.knobs;
    this.seed = parsed.seed;
    this.lang = parsed.lang ?? storedLang();
    this.linkVersion = parsed.versionMismatch ? (parsed.version ?? null) : null;

    if (ex.view !== undefined) {
      if ((VIEWS as readonly string[]).includes(ex.view)) this.view = ex.view as View;
      else problems.push({ field: 'view', value: ex.view, message: t('en', 'invalidView'), used: 'charts', code: 'bad-view' });
    }
    for (const f of ['compare', 'embed'] as const) {
      if (ex[f] === undefined) continue;
      const v = flag(ex[f]);
      if (v === undefined)
        problems.push({ field: f, value: ex[f], message: t('en', 'invalidFlag', { field: f }), used: '0', code: 'bad-flag' });
      else this[f] = v;
    }
    if (ex.cell !== undefined) {
      const n = Number(ex.cell);
      const max = this.knobs.cells - 1;
      if (/^\d+$/.test(ex.cell.trim()) && n <= max) this.cell = n;
      else
        problems.push({
          field: 'cell',
          value: ex.cell,
          message: t('en', 'invalidCell', { max }),
          used: '0',
          code: 'bad-cell',
          detail: { max },
        });
    }
    if (ex.exp !== undefined) this.exp = ex.exp;
    if (ex.story !== undefined || ex.step !== undefined) {
      const n = Number(ex.step ?? '1');
      if (ex.story === STORY_ID && storyStep(n)) this.storyStep = n;
      else
        problems.push({
          field: 'story',
          value: `${ex.story ?? ''} step ${ex.step ?? ''}`,
          message: `story '${ex.story ?? ''}' has no step '${ex.step ?? ''}': steps of '${STORY_ID}' are 1 to 8`,
          used: 'the sandbox',
          code: 'bad-story',
          detail: { story: STORY_ID },
        });
    }
    this.problems = problems;
  }

  /** The page state as a query string: the scenario (only knobs changed from the preset) and the view. */
  query(): string {
    let q = scenarioToQuery({ preset: this.preset, knobs: this.knobs, seed: this.seed, lang: this.lang });
    if (this.view !== 'charts') q += `&view=${this.view}`;
    if (this.compare) q += '&compare=1';
    if (this.cell !== 0) q += `&cell=${this.cell}`;
    if (this.embed) q += '&embed=1';
    if (this.storyStep) q += `&story=${STORY_ID}&step=${this.storyStep}`;
    // encoded (a decoded value with '&' or '#' would otherwise add parameters to the link), ':;,/' kept readable
    if (this.exp) q += `&exp=${encodeExpParam(this.exp)}`;
    return q;
  }

  /** The query last written to localStorage (written only when it changes, not on every chunk). */
  private storedQ = '';

  private queryMemo: { key: unknown[]; q: string } = { key: [], q: '' };

  override updated(changed: PropertyValues<this>): void {
    // Renders come with every chunk of a run: rebuild the query only when what it holds changed.
    const key = [this.preset, this.knobs, this.seed, this.lang, this.view, this.compare, this.cell, this.embed, this.storyStep, this.exp];
    const memo = this.queryMemo;
    const same = memo.key.length === key.length && key.every((v, i) => v === memo.key[i]);
    const q = same ? memo.q : this.query();
    if (!same) this.queryMemo = { key, q };
    if (!same && location.search !== q) history.replaceState(history.state, '', q);
    if (!this.embed && q !== this.storedQ) {
      this.storedQ = q;
      storeQuery(q);
    }
    if (changed.has('lang')) {
      document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
      document.title = t(this.lang, 'title');
    }
  }

  // ------------------------------------------------------------------ running

  private refCache: { preset: string; knobs: Knobs | null } = { preset: '', knobs: null };
  /** The preset's knobs, the same object while the preset stays (so the panel is not redrawn per chunk). */
  private reference(): Knobs | null {
    if (this.refCache.preset !== this.preset) this.refCache = { preset: this.preset, knobs: presetKnobs(this.preset) ?? null };
    return this.refCache.knobs;
  }

  private baselineKnobs(): Knobs {
    return withWorld(presetKnobs(this.preset) as Knobs, this.knobs);
  }

  private startRun(): void {
    if (this.rerunTimer !== null) clearTimeout(this.rerunTimer);
    this.rerunTimer = null;
    this.sim.start(this.knobs, this.seed, {
      watchCell: this.cell,
      cells: this.embed ? false : this.view === 'district' || this.view === 'village',
      preset: this.preset,
    });
    if (this.compare) this.sim.startBaseline(this.preset, this.baselineKnobs(), this.seed);
  }

  private scheduleRun(): void {
    if (this.rerunTimer !== null) clearTimeout(this.rerunTimer);
    this.rerunTimer = setTimeout(() => this.startRun(), RERUN_DEBOUNCE_MS);
  }

  private onKnobChange(e: CustomEvent<KnobChangeDetail>): void {
    const { name, value } = e.detail;
    this.knobs = { ...this.knobs, [name]: value } as Knobs;
    if (name === 'cells' && this.cell >= (value as number)) this.cell = 0;
    this.scheduleRun();
  }

  private onKnobReset(e: CustomEvent<{ name: string }>): void {
    const ref = presetKnobs(this.preset) as unknown as KnobRecord;
    this.knobs = { ...this.knobs, [e.detail.name]: ref[e.detail.name] } as Knobs;
    if (this.cell >= this.knobs.cells) this.cell = 0;
    this.scheduleRun();
  }

  private onResetAll(): void {
    this.knobs = presetKnobs(this.preset) as Knobs;
    if (this.cell >= this.knobs.cells) this.cell = 0;
    this.startRun();
  }

  private onPreset(e: Event): void {
    const name = (e.target as HTMLSelectElement).value;
    const knobs = presetKnobs(name);
    if (!knobs) return;
    this.preset = name;
    // keep the user's world, except where the preset defines its own (a village, Beijing)
    this.knobs = { ...withWorld(knobs, this.knobs), ...PRESETS[name].knobs } as Knobs;
    this.startRun();
  }

  private onSeed(e: Event): void {
    const input = e.target as HTMLInputElement;
    const s = checkSeed(input.value.trim());
    if (!s.ok) {
      input.value = String(this.seed);
      this.flash(s.message);
      return;
    }
    if (s.seed === this.seed) return;
    this.seed = s.seed;
    this.startRun();
  }

  private setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    rememberLang(lang);
  }

  private setView(view: View, focus = false): void {
    this.view = view;
    this.sim.wantCells(view === 'district' || view === 'village');
    if (focus) this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = VIEWS.indexOf(this.view);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % VIEWS.length;
    else if (e.key === 'ArrowLeft') next = (i + VIEWS.length - 1) % VIEWS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = VIEWS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.setView(VIEWS[next], true);
  }

  /** Story mode: load step n's scenario (it runs when the class has predicted). */
  private enterStory(n: number): void {
    const s = storyStep(n);
    if (!s) return;
    this.sim.cancel();
    this.storyStep = n;
    this.preset = s.preset;
    this.knobs = { ...presetKnobs(s.preset), ...s.knobs } as Knobs;
    this.seed = s.seed;
    this.cell = 0;
    this.setView(s.view);
    this.compare = s.compare;
    if (!s.compare) this.sim.stopBaseline();
  }

  private exitStory(): void {
    this.storyStep = 0;
    if (this.sim.main.status !== 'done' && this.sim.main.status !== 'running') this.startRun();
  }

  private toggleCompare(): void {
    this.compare = !this.compare;
    if (this.compare) this.sim.startBaseline(this.preset, this.baselineKnobs(), this.seed);
    else this.sim.stopBaseline();
  }

  private onCell(e: Event): void {
    this.watchCell(Number((e.target as HTMLSelectElement | HTMLInputElement).value), false);
  }

  /** Watch another cell in the village view (from the picker, or a click in the district view). */
  private watchCell(n: number, showVillage: boolean): void {
    if (!Number.isInteger(n) || n < 0 || n >= this.knobs.cells) return;
    if (showVillage) this.setView('village');
    if (n === this.cell) return;
    this.cell = n;
    // Village events are recorded for one cell, chosen when the run starts; same seed, same run.
    this.startRun();
  }

  // ------------------------------------------------------------------ share and export

  /** A file from the Import control: its scenario replaces the current one and runs. */
  private onImportOk(e: CustomEvent<ImportOkDetail>): void {
    const { scenario, seed, name } = e.detail;
    this.importProblems = null;
    this.preset = scenario.preset;
    this.knobs = scenario.knobs;
    this.seed = seed;
    if (this.cell >= this.knobs.cells) this.cell = 0;
    this.startRun();
    this.flash(t(this.lang, 'imported', { name }));
  }

  private flash(msg: string): void {
    this.notice = msg;
    if (this.noticeTimer !== null) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = ''), 6000);
  }

  /** The full link of the current state. */
  link(extra = ''): string {
    return location.origin + location.pathname + this.query() + extra;
  }

  private async copyLink(): Promise<void> {
    const ok = await copyText(this.link());
    this.flash(t(this.lang, ok ? 'copied' : 'copyFailed'));
  }

  private embedSnippet(): string {
    const title = t(this.lang, 'title');
    return `<iframe src="${this.link('&embed=1').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="${title}" width="960" height="720" style="border:0" loading="lazy"></iframe>`;
  }

  private openEmbed(): void {
    this.embedOpen = true;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal());
  }

  private closeEmbed(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    this.embedOpen = false;
  }

  private async download(format: ExportFormat, e: MouseEvent): Promise<void> {
    const which = e.shiftKey && this.compare ? 'baseline' : 'main';
    try {
      const text = await this.sim.exportText(format, which);
      saveText(text, exportFileName(this.preset, this.seed, format, which), exportMime(format));
    } catch (err) {
      this.flash(t(this.lang, 'exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  }

  /** Called by the page's error boundary (main.ts). */
  showError(message: string): void {
    this.fatal = message;
  }

  // ------------------------------------------------------------------ rendering

  static override styles = css`
    /* story mode: until the class runs the step, hide the previous scenario's results */
    main.story-waiting > :not(hl-story):not(details) {
      display: none;
    }
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      font-size: 1rem;
      color: var(--hl-fg, #1a1a1a);
      background: var(--hl-bg, #fff);
    }
    :focus-visible {
      outline: 3px solid var(--hl-focus, #e8a000);
      outline-offset: 2px;
    }
    .skip {
      position: absolute;
      left: -999px;
      top: 0;
      z-index: 100;
      background: #fff;
      padding: 0.4rem 0.8rem;
    }
    .skip:focus {
      left: 0.5rem;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 1rem;
      padding: 0.4rem 0.9rem;
      background: var(--hl-header-bg, #10243e);
      color: #fff;
    }
    header h1 {
      margin: 0;
      font-size: 1.3rem;
      white-space: nowrap;
    }
    header select {
      max-width: 13rem;
    }
    header .sub {
      font-size: 0.85rem;
      color: #d7e3f4;
    }
    .brand {
      display: flex;
      flex-direction: column;
      margin-right: auto;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.6rem;
    }
    .tools label {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      font-size: 0.95rem;
    }
    header select,
    header input,
    header button {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.25rem 0.5rem;
      border-radius: 6px;
      border: 1px solid #9fb3cc;
      background: #fff;
      color: #1a1a1a;
    }
    header button {
      cursor: pointer;
    }
    header button[aria-pressed='true'] {
      background: #ffd27a;
      border-color: #ffd27a;
      font-weight: 600;
    }
    header :focus-visible {
      outline-color: #ffd27a;
    }
    header input[type='number'] {
      width: 5.5em;
    }
    .group {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
    .group-label {
      font-size: 0.85rem;
      color: #d7e3f4;
    }
    .notices {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      padding: 0 0.9rem;
    }
    .notice {
      margin-top: 0.4rem;
      padding: 0.45rem 0.7rem;
      border-radius: 6px;
      border: 1px solid;
      font-size: 0.95rem;
      display: flex;
      gap: 0.75rem;
      align-items: flex-start;
    }
    .notice > div {
      flex: 1;
    }
    .notice ul {
      margin: 0.25rem 0 0;
      padding-left: 1.2rem;
    }
    .notice code {
      font-weight: 600;
    }
    .warn {
      background: #fff6db;
      border-color: #b58100;
    }
    .error {
      background: #fdecea;
      border-color: #b3261e;
    }
    .info {
      background: #e8f0fe;
      border-color: #0b57d0;
    }
    .notice button {
      font: inherit;
      font-size: 0.875rem;
      border: 1px solid #767676;
      background: #fff;
      border-radius: 4px;
      cursor: pointer;
    }
    .body {
      flex: 1;
      min-height: 0;
      display: grid;
      grid-template-columns: minmax(18rem, 23rem) 1fr;
    }
    aside {
      overflow-y: auto;
      padding: 0.5rem 0.7rem 2rem;
      border-right: 1px solid var(--hl-line, #ccc);
      background: #fcfcfd;
    }
    aside h2 {
      font-size: 1.1rem;
      margin: 0.2rem 0 0.3rem;
    }
    main {
      overflow-y: auto;
      padding: 0.5rem 0.9rem 2rem;
      display: flex;
      flex-direction: column;
      gap: 0.55rem;
      min-width: 0;
    }
    main:focus {
      outline: none;
    }
    [hidden] {
      display: none !important;
    }
    .scenario {
      font-size: 0.95rem;
      line-height: 1.35;
    }
    .scenario summary {
      cursor: pointer;
    }
    .scenario strong {
      font-size: 1.05rem;
    }
    .scenario p,
    .scenario blockquote {
      margin: 0.3rem 0 0 1rem;
    }
    .scenario .pl {
      color: var(--hl-muted, #444);
    }
    .spacer {
      flex: 1;
    }
    .runbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      padding: 0.45rem 0.6rem;
      border: 1px solid var(--hl-line, #ccc);
      border-radius: 8px;
      background: #f6f8fb;
    }
    .runbar hl-run-controls {
      flex: 1 1 auto;
    }
    .compare {
      margin-bottom: 0.3rem;
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font: inherit;
      font-size: 0.95rem;
      border: 1px solid #767676;
      border-radius: 999px;
      padding: 0.25rem 0.75rem 0.25rem 0.3rem;
      background: #fff;
      color: inherit;
      cursor: pointer;
    }
    .compare .dot {
      width: 1.1rem;
      height: 1.1rem;
      border-radius: 50%;
      background: #767676;
    }
    .compare[aria-checked='true'] {
      background: var(--hl-primary, #0b57d0);
      border-color: var(--hl-primary, #0b57d0);
      color: #fff;
    }
    .compare[aria-checked='true'] .dot {
      background: #fff;
    }
    .tabrow {
      display: flex;
      align-items: flex-end;
      gap: 0.5rem;
      border-bottom: 2px solid var(--hl-line, #ccc);
    }
    [role='tablist'] {
      display: flex;
      align-items: flex-end;
      gap: 0.3rem;
    }
    [role='tab'] {
      font: inherit;
      font-size: 1rem;
      padding: 0.4rem 1rem;
      border: 1px solid var(--hl-line, #ccc);
      border-bottom: none;
      border-radius: 6px 6px 0 0;
      background: #eef1f5;
      color: inherit;
      cursor: pointer;
      margin-bottom: -2px;
    }
    [role='tab'][aria-selected='true'] {
      background: #fff;
      border-color: var(--hl-primary, #0b57d0);
      border-bottom: 2px solid #fff;
      font-weight: 600;
      color: var(--hl-primary, #0b57d0);
    }
    .viewbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-bottom: 0.4rem;
    }
    .viewbar select,
    .viewbar input {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.2rem 0.35rem;
      border: 1px solid #767676;
      border-radius: 4px;
    }
    .status-msg {
      min-height: 0;
    }
    dialog {
      max-width: min(44rem, 92vw);
      border: 1px solid #767676;
      border-radius: 8px;
      padding: 1rem 1.2rem;
    }
    dialog::backdrop {
      background: rgba(0, 0, 0, 0.45);
    }
    dialog h2 {
      margin-top: 0;
      font-size: 1.2rem;
    }
    dialog textarea {
      width: 100%;
      box-sizing: border-box;
      min-height: 7rem;
      font-family: ui-monospace, monospace;
      font-size: 0.9rem;
    }
    dialog .row {
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
      margin-top: 0.6rem;
    }
    dialog button {
      font: inherit;
      padding: 0.3rem 0.8rem;
      border-radius: 6px;
      border: 1px solid #767676;
      background: #fff;
      cursor: pointer;
    }
    .embed-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.35rem 0.8rem;
      background: var(--hl-header-bg, #10243e);
      color: #fff;
    }
    .embed-head a {
      color: #ffd27a;
    }
    .embed-body {
      flex: 1;
      overflow-y: auto;
      padding: 0.5rem 0.8rem;
    }
    @media (max-width: 900px) {
      .body {
        grid-template-columns: 1fr;
      }
      aside {
        max-height: 40vh;
        border-right: none;
        border-bottom: 1px solid var(--hl-line, #ccc);
      }
    }
  `;

  private renderNotices(): TemplateResult {
    const lang = this.lang;
    const main = this.sim.main;
    const base = this.sim.baseline;
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
        this.problems.length
          ? html`<div class="notice warn" role="alert" data-testid="link-problems">
            <div>
              ${t(lang, 'problemsTitle')}
              <ul>
                ${this.renderProblems(this.problems)}
              </ul>
            </div>
            <button type="button" @click=${() => (this.problems = [])}>${t(lang, 'dismiss')}</button>
          </div>`
          : nothing
      }
      ${
        this.importProblems
          ? html`<div class="notice warn" role="alert" data-testid="import-problems">
            <div>
              ${t(lang, 'importProblemsTitle', { name: this.importProblems.name })}
              <ul>
                ${this.renderProblems(this.importProblems.problems)}
              </ul>
            </div>
            <button type="button" @click=${() => (this.importProblems = null)}>${t(lang, 'dismiss')}</button>
          </div>`
          : nothing
      }
      ${
        main.status === 'refused' && main.knobs
          ? html`<div class="notice error" role="alert" data-testid="run-refused">
            <div>
              ${t(lang, 'refusedTitle')}
              <ul>
                ${limitReasons(lang, main.knobs).map((r) => html`<li>${r}</li>`)}
              </ul>
              ${t(lang, 'refusedHelp', { command: 'npx hotline-lab run --link …' })}
            </div>
          </div>`
          : nothing
      }
      ${
        main.restarted && main.status !== 'error'
          ? html`<div class="notice info" role="status" data-testid="worker-restarted">
            <div>${t(lang, 'workerRestarted', { reason: main.restarted })}</div>
          </div>`
          : nothing
      }
      ${
        this.linkVersion
          ? html`<div class="notice info" role="status" data-testid="version-notice">
            <div>${t(lang, 'versionNotice', { linkVersion: this.linkVersion, version: MODEL.version })}</div>
            <button type="button" @click=${() => (this.linkVersion = null)}>${t(lang, 'dismiss')}</button>
          </div>`
          : nothing
      }
      ${
        main.error
          ? html`<div class="notice error" role="alert" data-testid="worker-error">
            <div>${t(lang, 'workerError', { message: main.error })}</div>
          </div>`
          : nothing
      }
      ${
        base?.error
          ? html`<div class="notice error" role="alert">
            <div>${t(lang, 'baselineLabel')}: ${t(lang, 'workerError', { message: base.error })}</div>
          </div>`
          : nothing
      }
    </div>`;
  }

  /** Problems as list items: the field, the value given, what is wrong and what was used (in the UI's language). */
  private renderProblems(problems: Problem[]): TemplateResult[] {
    const lang = this.lang;
    return problems.map((p) => {
      const used = problemUsed(lang, p);
      return html`<li data-field=${p.field} data-code=${p.code ?? ''}>
        <code>${p.field}</code> = “${p.value}”: ${problemMessage(lang, p)}${used ? html` → ${used}` : nothing}
      </li>`;
    });
  }

  private renderHeader(): TemplateResult {
    const lang = this.lang;
    const canExport = this.sim.main.view !== null;
    return html`<header>
      <div class="brand" title=${t(lang, 'subtitle')}>
        <h1>${t(lang, 'title')}</h1>
      </div>
      <div class="tools">
        <label
          >${t(lang, 'preset')}
          <select data-testid="preset" @change=${this.onPreset}>
            ${listPresets().map((p) => html`<option value=${p.name} ?selected=${p.name === this.preset}>${pick(lang, p.title)}</option>`)}
          </select></label
        >
        <label
          >${t(lang, 'seed')}
          <input
            type="number"
            data-testid="seed"
            min="0"
            max="4294967295"
            step="1"
            .value=${String(this.seed)}
            @change=${this.onSeed}
          /></label>
        <span class="group" role="group" aria-label=${t(lang, 'language')}>
          <button type="button" lang="en" aria-pressed=${lang === 'en' ? 'true' : 'false'} data-testid="lang-en" @click=${() => this.setLang('en')}>
            ${t(lang, 'langEnglish')}
          </button>
          <button type="button" lang="zh" aria-pressed=${lang === 'zh' ? 'true' : 'false'} data-testid="lang-zh" @click=${() => this.setLang('zh')}>
            ${t(lang, 'langChinese')}
          </button>
        </span>
        <button type="button" data-testid="story" aria-pressed=${this.storyStep ? 'true' : 'false'} @click=${() => this.enterStory(this.storyStep || 1)}>${storyLabel(lang)}</button>
        <button type="button" data-testid="copy-link" @click=${this.copyLink}>${ICONS.link} ${t(lang, 'copyLink')}</button>
        <button type="button" data-testid="embed" @click=${this.openEmbed}>${t(lang, 'embed')}</button>
        <hl-import
          .lang=${lang}
          @import-ok=${this.onImportOk}
          @import-problems=${(e: CustomEvent<ImportProblemsDetail>) => (this.importProblems = e.detail)}
        ></hl-import>
        <span class="group" role="group" aria-label=${t(lang, 'exports')}>
          <span class="group-label" aria-hidden="true">${t(lang, 'exports')}:</span>
          <button type="button" data-testid="export-csv" aria-label=${t(lang, 'exportCsvLong')} title=${t(lang, 'exportCsvLong')} ?disabled=${!canExport} @click=${(e: MouseEvent) => this.download('csv', e)}>
            ${t(lang, 'exportCsv')}
          </button>
          <button type="button" data-testid="export-json" aria-label=${t(lang, 'exportJsonLong')} title=${t(lang, 'exportJsonLong')} ?disabled=${!canExport} @click=${(e: MouseEvent) => this.download('json', e)}>
            ${t(lang, 'exportJson')}
          </button>
          <button
            type="button"
            data-testid="export-periods"
            aria-label=${t(lang, 'exportPeriodsLong')}
            title=${t(lang, 'exportPeriodsLong')}
            ?disabled=${!canExport}
            @click=${(e: MouseEvent) => this.download('periods-csv', e)}
          >
            ${t(lang, 'exportPeriods')}
          </button>
        </span>
      </div>
    </header>`;
  }

  private renderEmbedDialog(): TemplateResult | typeof nothing {
    if (!this.embedOpen) return nothing;
    const lang = this.lang;
    const snippet = this.embedSnippet();
    return html`<dialog aria-labelledby="embed-title" @close=${() => (this.embedOpen = false)}>
      <h2 id="embed-title">${t(lang, 'embedTitle')}</h2>
      <p>${t(lang, 'embedHelp')}</p>
      <label for="embed-code">${t(lang, 'embedSnippet')}</label>
      <textarea id="embed-code" data-testid="embed-code" readonly .value=${snippet} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <div class="row">
        <button
          type="button"
          @click=${async () => this.flash(t(lang, (await copyText(snippet)) ? 'copied' : 'copyFailed'))}
        >
          ${t(lang, 'copySnippet')}
        </button>
        <button type="button" @click=${this.closeEmbed}>${t(lang, 'close')}</button>
      </div>
    </dialog>`;
  }

  private expScenario: ResolvedScenario = { preset: '', knobs: null as unknown as Knobs };
  /** The scenario the experiments panel starts from: the same object while preset and knobs stay. */
  private experimentScenario(): ResolvedScenario {
    if (this.expScenario.preset !== this.preset || this.expScenario.knobs !== this.knobs)
      this.expScenario = { preset: this.preset, knobs: this.knobs };
    return this.expScenario;
  }

  /** Views opened so far: kept in the page (hidden) so switching back does not rebuild them. */
  private visited = new Set<View>();
  /** The data each view last got: hidden views keep theirs, so they cost nothing while a run streams. */
  private shown: {
    charts?: { run: RunView | null; baseline: RunView | null };
    district?: { cells: CellSnapshot | null };
    village?: { events: VillageEvent[]; households: number; day: number };
  } = {};

  private renderViewBody(): TemplateResult {
    const lang = this.lang;
    const main = this.sim.main;
    const base = this.compare ? this.sim.baseline : null;
    this.visited.add(this.view);
    if (this.view === 'charts') this.shown.charts = { run: main.view, baseline: base?.view ?? null };
    if (this.view === 'district') this.shown.district = { cells: main.cells };
    if (this.view === 'village') this.shown.village = { events: main.events, households: main.households, day: main.view?.day ?? 0 };
    const c = this.shown.charts;
    const d = this.shown.district;
    const v = this.shown.village;
    return html`${
      this.visited.has('charts') && c
        ? html`<div ?hidden=${this.view !== 'charts'}>
          ${
            c.run
              ? html`<hl-charts .run=${c.run} .baseline=${c.baseline} .lang=${lang}></hl-charts>`
              : html`<p>${t(lang, 'loadingCharts')}</p>`
          }
        </div>`
        : nothing
    }
    ${
      this.visited.has('district') && d
        ? html`<div ?hidden=${this.view !== 'district'}>
          <hl-district-view
            .cells=${d.cells}
            .metric=${this.cellMetric}
            .selected=${this.cell}
            .lang=${lang}
            @metric-change=${(e: CustomEvent<{ metric: string }>) => (this.cellMetric = e.detail.metric)}
            @cell-select=${(e: CustomEvent<{ cell: number }>) => this.watchCell(e.detail.cell, true)}
          ></hl-district-view>
        </div>`
        : nothing
    }
    ${
      this.visited.has('experiments')
        ? html`<div ?hidden=${this.view !== 'experiments'}>
          <hl-experiments-panel
            .scenario=${this.experimentScenario()}
            .seed=${this.seed}
            .lang=${lang}
            .exp=${this.exp}
            @hl-experiment-change=${(e: CustomEvent<{ param: string }>) => (this.exp = e.detail.param)}
          ></hl-experiments-panel>
        </div>`
        : nothing
    }
    ${
      this.visited.has('village') && v
        ? html`<div ?hidden=${this.view !== 'village'}>
          <div class="viewbar">${this.renderCellPicker()}</div>
          <hl-village-view .events=${v.events} .households=${v.households} .day=${v.day} .lang=${lang}></hl-village-view>
        </div>`
        : nothing
    }`;
  }

  private renderCellPicker(): TemplateResult {
    const lang = this.lang;
    const n = this.knobs.cells;
    const cells = this.sim.main.cells;
    const label = (i: number): string => {
      const parts = [t(lang, 'cellOption', { n: i })];
      if (cells && i < cells.count) {
        parts.push(t(lang, cells.village[i] ? 'cellVillage' : 'cellCommunity'));
        parts.push(t(lang, 'cellUnit', { n: cells.unit[i] }));
        if (cells.council[i]) parts.push(t(lang, 'cellCouncil'));
      }
      return parts.join(' · ');
    };
    if (n > 1000) {
      return html`<label
        >${t(lang, 'cellPicker')}
        <input type="number" data-testid="cell-picker" min="0" max=${n - 1} step="1" .value=${String(this.cell)} @change=${this.onCell}
      /></label>`;
    }
    const opts: TemplateResult[] = [];
    for (let i = 0; i < n; i++) opts.push(html`<option value=${i} ?selected=${i === this.cell}>${label(i)}</option>`);
    return html`<label
      >${t(lang, 'cellPicker')} <select data-testid="cell-picker" @change=${this.onCell}>${opts}</select></label
    >`;
  }

  private renderEmbed(): TemplateResult {
    const lang = this.lang;
    const main = this.sim.main;
    const p = PRESETS[this.preset];
    const full = location.pathname + this.query().replace(/&embed=1/, '');
    return html`<div class="embed-head">
        <strong>${t(lang, 'title')} · ${p ? pick(lang, p.title) : this.preset}</strong>
        <span data-testid="run-status" data-status=${main.status} role="status"
          >${t(lang, 'dayOf', { day: main.view?.day ?? 0, days: main.view?.days ?? 0 })}</span
        >
        <a href=${full} target="_blank" rel="noopener">${t(lang, 'openFull')}</a>
      </div>
      ${this.renderNotices()}
      <div class="embed-body">
        ${
          main.view
            ? html`<hl-charts .run=${main.view} .baseline=${this.compare ? (this.sim.baseline?.view ?? null) : null} .lang=${lang}></hl-charts>`
            : html`<p>${t(lang, 'loadingCharts')}</p>`
        }
      </div>`;
  }

  override render() {
    if (this.embed) return this.renderEmbed();
    const lang = this.lang;
    const main = this.sim.main;
    const base = this.compare ? this.sim.baseline : null;
    const p = PRESETS[this.preset];
    const day = main.view?.day ?? 0;
    return html`<button
        class="skip"
        type="button"
        @click=${() => this.renderRoot.querySelector<HTMLElement>('main')?.focus()}
      >
        ${t(lang, 'skipToMain')}
      </button>
      ${this.renderHeader()} ${this.renderNotices()}
      <div class="body">
        <aside aria-labelledby="knobs-title">
          <h2 id="knobs-title">${t(lang, 'knobs')}</h2>
          <hl-knob-panel
            .knobs=${this.knobs}
            .reference=${this.reference()}
            .lang=${lang}
            @knob-change=${this.onKnobChange}
            @knob-reset=${this.onKnobReset}
            @knobs-reset-all=${this.onResetAll}
          ></hl-knob-panel>
        </aside>
        <main tabindex="-1" id="main" class=${this.storyStep && main.knobs !== this.knobs ? 'story-waiting' : ''}>
          ${
            this.storyStep
              ? html`<hl-story
                .lang=${lang}
                .step=${this.storyStep}
                .status=${main.status}
                .run=${main.view}
                .baseline=${base?.view ?? null}
                @story-go=${(e: CustomEvent<{ step: number }>) => this.enterStory(e.detail.step)}
                @story-run=${() => this.startRun()}
                @story-exit=${() => this.exitStory()}
              ></hl-story>`
              : nothing
          }
          ${
            p
              ? html`<details class="scenario">
                <summary><strong>${pick(lang, p.title)}</strong> · ${pick(lang, p.question)}</summary>
                <p>${pick(lang, p.description)}</p>
                ${p.passage ? html`<blockquote lang="zh-CN"><span class="pl">${t(lang, 'passage')}:</span> ${p.passage}</blockquote>` : nothing}
              </details>`
              : nothing
          }
          <div class="runbar">
            <hl-run-controls
              .status=${main.status}
              .day=${day}
              .days=${main.view?.days ?? this.knobs.horizonDays}
              .date=${day > 0 ? (main.dates[day - 1] ?? '') : ''}
              .speed=${this.sim.speedValue}
              .baselineStatus=${base?.status ?? null}
              .baselineDay=${base?.view?.day ?? 0}
              .lang=${lang}
              @run-pause=${() => this.sim.pause()}
              @run-resume=${() => this.sim.resume()}
              @run-step=${() => this.sim.step()}
              @run-restart=${() => {
                this.startRun();
                if (this.compare) this.sim.startBaseline(this.preset, this.baselineKnobs(), this.seed, true);
              }}
              @run-cancel=${() => this.sim.cancel()}
              @run-speed=${(e: CustomEvent<{ speed: number }>) => this.sim.setSpeed(e.detail.speed)}
            ></hl-run-controls>

          </div>
          <hl-key-figures .run=${main.view} .baseline=${base?.view ?? null} .lang=${lang}></hl-key-figures>
          <div class="tabrow">
          <div role="tablist" aria-label=${t(lang, 'views')} @keydown=${this.onTabKey}>
            ${VIEWS.map(
              (v) =>
                html`<button
                  type="button"
                  role="tab"
                  id=${`tab-${v}`}
                  aria-selected=${v === this.view ? 'true' : 'false'}
                  aria-controls="tabpanel"
                  tabindex=${v === this.view ? '0' : '-1'}
                  @click=${() => this.setView(v)}
                >
                  ${v === 'experiments' ? expTr(lang, 'tab') : t(lang, VIEW_KEY[v])}
                </button>`,
            )}
          </div>
            <span class="spacer"></span>
            <button
              type="button"
              class="compare"
              role="switch"
              data-testid="compare"
              aria-checked=${this.compare ? 'true' : 'false'}
              title=${t(lang, 'compareHelp')}
              @click=${this.toggleCompare}
            >
              <span class="dot" aria-hidden="true"></span>${t(lang, 'compare')}
            </button>
          </div>
          <section id="tabpanel" role="tabpanel" aria-labelledby=${`tab-${this.view}`} data-view=${this.view}>
            ${this.renderViewBody()}
          </section>
        </main>
      </div>
      <div class="status-msg" role="status" aria-live="polite" data-testid="notice">
        ${this.notice ? html`<div class="notice info" style="margin: 0.3rem 0.9rem">${this.notice}</div>` : nothing}
      </div>
      ${this.renderEmbedDialog()}`;
  }
}

customElements.define('hl-app', HlApp);

declare global {
  interface HTMLElementTagNameMap {
    'hl-app': HlApp;
  }
}
