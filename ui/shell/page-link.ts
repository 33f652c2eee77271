/**
 * The page's whole state as a link, both ways: `readPageLink` turns a link into the scenario
 * (preset, knobs, seed) and the page's own parameters (language, view, compare, watched cell,
 * embed, story step, experiment), with a visible problem for each bad field; `pageQuery` writes
 * the state back as the query string the address bar, the stored scenario and shared links hold.
 * Pure but for the remembered language (storage).
 */
import type { KnobChange, Knobs } from '../../sim/index.ts';
import type { TimelineChange } from '../../scenarios/timeline.ts';
import { encodeExpParam } from '../../experiments/index.ts';
import { parseLink, scenarioToQuery } from '../../scenarios/link.ts';
import { DEFAULT_PRESET, presetKnobs, presetTimeline } from '../../scenarios/presets.ts';
import type { Problem } from '../../scenarios/loader.ts';
import { STORY_ID, storyLink, storyStep } from '../../scenarios/story.ts';
import { storedLang, t, type Lang } from '../i18n.ts';
import { MAX_SEEDS } from '../worker/seed-runs.ts';

/** The result views, in tab order. */
export const VIEWS = ['charts', 'district', 'village', 'experiments'] as const;
export type View = (typeof VIEWS)[number];

/** Everything a link holds. */
export interface PageState {
  preset: string;
  knobs: Knobs;
  /** Dated changes of the scenario (its preset's unless the link says otherwise). */
  timeline: readonly KnobChange[];
  seed: number;
  lang: Lang;
  view: View;
  compare: boolean;
  /** The watched cell of the village view (0-based). */
  cell: number;
  /** The page is an embedded frame: charts only, no knob panel, nothing stored. */
  embed: boolean;
  /** Story mode's step (1-based), or 0 in the sandbox. */
  storyStep: number;
  /** The experiments panel's experiment, as the link's `exp=` value ('' for none). */
  exp: string;
  /**
   * An archived model version the page runs on, as its link was made (versions/), with that
   * version's own reading of the link (knobs) and the link's query, kept as it was; null: today's
   * model. Any change to the scenario moves the page to today's model.
   */
  archived: { version: string; knobs: Record<string, unknown>; query: string } | null;
  /** An embed's charts and figures, by id (`show=kind,ranks,figures`); empty: every chart. */
  show: readonly string[];
  /** Presentation mode (`present=1`): no knob panel, larger charts and key figures, for a projector. */
  present: boolean;
  /** Compare mode's paired seeds, 1 to MAX_SEEDS (`seeds=`; 1: the page's seed only). */
  seeds: number;
}

export interface PageLink {
  state: PageState;
  /** What was wrong with the link, and what was used instead. */
  problems: Problem[];
  /** The model version a link from another version was made with, else null. */
  linkVersion: string | null;
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false' || v === '') return false;
  return undefined;
}

/** The page after a change: a change to the scenario moves a page opened on an archived model to today's model. */
export function withChange(page: PageState, change: Partial<PageState>): PageState {
  const edits = 'knobs' in change || 'preset' in change || 'seed' in change || 'timeline' in change;
  return { ...page, ...(edits && page.archived ? { archived: null } : {}), ...change };
}

/** The page before any link: the default preset, charts, no compare, no story. */
export function defaultPageState(): PageState {
  const preset = DEFAULT_PRESET;
  return {
    preset,
    knobs: presetKnobs(preset) as Knobs,
    timeline: presetTimeline(preset) as KnobChange[],
    seed: 1,
    lang: 'en',
    view: 'charts',
    compare: false,
    cell: 0,
    embed: false,
    storyStep: 0,
    exp: '',
    archived: null,
    show: [],
    present: false,
    seeds: 1,
  };
}

/** Read the whole page state from a link; bad fields become problems and take their defaults. */
export function readPageLink(href: string): PageLink {
  // a story link without preset= opens its step's scenario
  const parsed = parseLink(storyLink(href));
  const problems = [...parsed.problems];
  const ex = parsed.extras;
  const state: PageState = {
    ...defaultPageState(),
    preset: parsed.scenario.preset,
    knobs: parsed.scenario.knobs,
    timeline: (parsed.scenario as { timeline?: KnobChange[] }).timeline ?? [],
    seed: parsed.seed,
    lang: parsed.lang ?? storedLang(),
  };

  if (ex.view !== undefined) {
    if ((VIEWS as readonly string[]).includes(ex.view)) state.view = ex.view as View;
    else problems.push({ field: 'view', value: ex.view, message: t('en', 'invalidView'), used: 'charts', code: 'bad-view' });
  }
  for (const f of ['compare', 'embed', 'present'] as const) {
    if (ex[f] === undefined) continue;
    const v = flag(ex[f]);
    if (v === undefined)
      problems.push({ field: f, value: ex[f], message: t('en', 'invalidFlag', { field: f }), used: '0', code: 'bad-flag' });
    else state[f] = v;
  }
  if (ex.cell !== undefined) {
    const n = Number(ex.cell);
    const max = state.knobs.cells - 1;
    if (/^\d+$/.test(ex.cell.trim()) && n <= max) state.cell = n;
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
  if (ex.exp !== undefined) state.exp = ex.exp;
  // an embed's choice of charts and figures: ids, checked where they are drawn (ui/charts/embed-show.ts)
  if (ex.show !== undefined)
    state.show = ex.show
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (ex.seeds !== undefined) {
    const n = Number(ex.seeds);
    if (/^\d+$/.test(ex.seeds.trim()) && n >= 1 && n <= MAX_SEEDS) state.seeds = n;
    else
      problems.push({
        field: 'seeds',
        value: ex.seeds,
        message: t('en', 'cmp.badSeeds', { max: MAX_SEEDS }),
        zh: t('zh', 'cmp.badSeeds', { max: MAX_SEEDS }),
        used: '1',
        code: 'bad-seeds',
        detail: { max: MAX_SEEDS },
      });
  }
  if (ex.story !== undefined || ex.step !== undefined) {
    const n = Number(ex.step ?? '1');
    if (ex.story === STORY_ID && storyStep(n)) state.storyStep = n;
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
  return { state, problems, linkVersion: parsed.versionMismatch ? (parsed.version ?? null) : null };
}

/** The page state as a query string: the scenario (only knobs changed from the preset) and the page's parameters. */
export function pageQuery(s: PageState): string {
  // an old link runs as it was made and is shared as it was made
  if (s.archived) return s.archived.query;
  let q = scenarioToQuery({ preset: s.preset, knobs: s.knobs, timeline: s.timeline as TimelineChange[], seed: s.seed, lang: s.lang });
  if (s.view !== 'charts') q += `&view=${s.view}`;
  if (s.compare) q += '&compare=1';
  if (s.cell !== 0) q += `&cell=${s.cell}`;
  if (s.embed) q += '&embed=1';
  if (s.storyStep) q += `&story=${STORY_ID}&step=${s.storyStep}`;
  // encoded, so a value with '&' or '#' stays one parameter (readable ':;,/' kept)
  if (s.exp) q += `&exp=${encodeExpParam(s.exp)}`;
  if (s.show.length) q += `&show=${s.show.join(',')}`;
  if (s.present) q += '&present=1';
  if (s.seeds > 1) q += `&seeds=${s.seeds}`;
  return q;
}
