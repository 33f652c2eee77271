/**
 * <hl-experiments-panel>: experiments in the app. Takes the current scenario as a property; the
 * user picks knobs and values (a list, or a range min..max/steps), the design and replicates, and
 * runs the experiment on a pool of Web Workers with progress and cancel. Results: the metric over
 * time with 95% interval bands per setting, whole-run intervals, paired differences from the
 * baseline (same seeds), a tornado chart for one-at-a-time designs, downloads of the same CSV
 * files the command line writes, and a link that reopens the experiment (`exp=`).
 *
 * Events up: `hl-experiment-change` ({ param }) when an experiment starts, so the host can keep
 * the link in the address bar.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import * as d3 from 'd3';
import { KNOBS, METRICS, type ResolvedScenario } from '../../sim/index.ts';
import { scenarioToQuery } from '../../scenarios/link.ts';
import {
  buildDesign,
  checkPoints,
  designSize,
  experimentFiles,
  experimentJson,
  encodeExpParam,
  experimentToParam,
  interval,
  linkPosteriorProblem,
  loadExperiment,
  oatEffects,
  pairedDifference,
  parseExperimentParam,
  runCount,
  type DesignPoint,
  type Experiment,
  type PosteriorSample,
  type RunRecord,
} from '../../experiments/index.ts';
import { ExperimentPool } from './pool-controller.ts';
import { copyText } from '../clipboard.ts';
import { saveText } from '../download.ts';
import { forgetExperiment, loadExperimentState, saveExperiment } from './persist.ts';
import { t, type Lang } from '../i18n.ts';
import { problemMessage } from '../problem-text.ts';
import type { BandSeries } from './band-chart.ts';
import type { IntervalRow } from './interval-chart.ts';
import { knobText, metricText, pointText, valuesText } from './labels.ts';
import './band-chart.ts';
import './interval-chart.ts';
import './fit-view.ts';

interface Row {
  knob: string;
  values: string;
}

interface Outcome {
  exp: Experiment;
  /** The form's parameter when it ran (to flag results the form no longer describes). */
  param: string;
  points: DesignPoint[];
  records: RunRecord[];
}

export interface ExperimentChangeDetail {
  /** The `exp=` parameter's value. */
  param: string;
}

/** Metrics every panel experiment keeps besides the charted one (small, and what researchers ask first). */
const KEPT = ['gaming_intensity_mean', 'filed_gaming', 'true_satisfaction', 'official_satisfaction', 'tickets_filed'];
const AGG = new Map<string, string>(METRICS.map((m) => [m.name, m.agg]));
const COLORS = d3.schemeTableau10;
/** Settings drawn over time at most (the rest are in the downloads). */
const MAX_LINES = 10;
const DEFAULT_PARAM = 'cadence:monthly,bimonthly;handDown:false,true;replicates:10;metrics:gaming_intensity_mean';

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000) + 1;
}

export class HlExperimentsPanel extends LitElement {
  static override properties = {
    scenario: { attribute: false },
    seed: { type: Number },
    lang: {},
    exp: {},
    _rows: { state: true },
    _design: { state: true },
    _replicates: { state: true },
    _metric: { state: true },
    _kept: { state: true },
    _outcome: { state: true },
    _notice: { state: true },
    _posterior: { state: true },
    _linkPosterior: { state: true },
  };

  /** The scenario experiments start from (the app's current preset and knobs). */
  declare scenario: ResolvedScenario | null;
  /** The experiment's seed (replicate seeds derive from it). */
  declare seed: number;
  declare lang: Lang;
  /** An `exp=` parameter to start from (from a link). */
  declare exp: string;
  declare _rows: Row[];
  declare _design: 'factorial' | 'oat';
  declare _replicates: string;
  declare _metric: string;
  /** Metrics kept besides the charted one (from the link, else KEPT). */
  declare _kept: string[];
  declare _outcome: Outcome | null;
  declare _notice: string;
  /** The fit's posterior sample the runs draw from (the fit view's checkbox), or null: defaults. */
  declare _posterior: PosteriorSample | null;
  /** The fit a link asked for (`posterior:` in exp=), which a link cannot carry: refused until a posterior is chosen here. */
  declare _linkPosterior: string | undefined;

  private readonly pool = new ExperimentPool(this);
  private appliedParam: string | null = null;

  constructor() {
    super();
    this.scenario = null;
    this.seed = 1;
    this.lang = 'en';
    this.exp = '';
    this._rows = [];
    this._design = 'factorial';
    this._replicates = '10';
    this._metric = 'gaming_intensity_mean';
    this._kept = KEPT;
    this._outcome = null;
    this._notice = '';
    this._posterior = null;
    this._linkPosterior = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('exp') || this.appliedParam === null) {
      const param = this.exp || DEFAULT_PARAM;
      if (param !== this.appliedParam) this.applyParam(param);
    }
  }

  /** Fill the form from an `exp=` parameter. */
  private applyParam(param: string): void {
    this.appliedParam = param;
    const { input, posterior } = parseExperimentParam(param);
    this._linkPosterior = posterior;
    const vary = input.vary as Record<string, unknown>;
    this._rows = Object.entries(vary).map(([knob, v]) => ({
      knob,
      values: Array.isArray(v)
        ? v.join(', ')
        : (() => {
            const r = v as { min: number; max: number; steps: number };
            return `${r.min}..${r.max}/${r.steps}`;
          })(),
    }));
    if (input.replicates !== undefined) this._replicates = String(input.replicates);
    this._design = input.design === 'oat' ? 'oat' : 'factorial';
    const metrics = input.metrics as string[] | undefined;
    if (metrics?.length) this._metric = metrics[0];
    this._kept = metrics?.length ? metrics : KEPT;
  }

  /** The form as an `exp=` parameter (the panel's state is exactly this text). */
  param(): string {
    const parts = this._rows.map((r) => `${r.knob}:${r.values.replace(/\s+/g, '')}`);
    parts.push(`replicates:${this._replicates.trim()}`);
    if (this._design !== 'factorial') parts.push(`design:${this._design}`);
    parts.push(`metrics:${[this._metric, ...this._kept.filter((m) => m !== this._metric)].join(',')}`);
    // a link names the fit only: its sets do not fit in a link (docs/EXPERIMENTS.md)
    if (this._posterior) parts.push(`posterior:${this._posterior.fitHash.slice(0, 12)}`);
    return parts.join(';');
  }

  /** The form's settings that decide the runs (not which kept metric is charted). */
  private formParam(): string {
    const parts = this._rows.map((r) => `${r.knob}:${r.values.replace(/\s+/g, '')}`);
    parts.push(`replicates:${this._replicates.trim()}`, `design:${this._design}`);
    if (this._posterior) parts.push(`posterior:${this._posterior.fitHash}:${this._posterior.sets.length}`);
    return parts.join(';');
  }

  /** The form validated into an experiment, or the problems (each naming its field). */
  private validate(): { exp: Experiment | null; points: DesignPoint[]; problems: string[] } {
    if (!this.scenario) return { exp: null, points: [], problems: [] };
    const { input } = parseExperimentParam(this.param());
    const link = this._linkPosterior;
    if (link !== undefined && !this._posterior)
      return { exp: null, points: [], problems: [problemMessage(this.lang, linkPosteriorProblem(link))] };
    if (link !== undefined && this._posterior && !this._posterior.fitHash.startsWith(link))
      return {
        exp: null,
        points: [],
        problems: [t(this.lang, 'exp.fitLinkOther', { want: link, have: this._posterior.fitHash.slice(0, 12) })],
      };
    const res = loadExperiment({
      ...input,
      scenario: { preset: this.scenario.preset, knobs: this.scenario.knobs },
      seed: this.seed,
      ...(this._posterior ? { posterior: this._posterior } : {}),
    });
    if (!res.ok) return { exp: null, points: [], problems: res.problems.map((p) => problemMessage(this.lang, p)) };
    const exp = res.experiment!;
    if (designSize(exp) * exp.replicates > 20_000)
      return {
        exp: null,
        points: [],
        problems: [t(this.lang, 'exp.tooMany')],
      };
    const points = buildDesign(exp);
    const bad = checkPoints(exp, points);
    return bad.length ? { exp: null, points: [], problems: bad.map((p) => problemMessage(this.lang, p)) } : { exp, points, problems: [] };
  }

  private run(resume = false): void {
    const { exp, points } = this.validate();
    if (!exp) return;
    const json = experimentJson(exp);
    const key = JSON.stringify(json);
    const total = runCount(exp, points);
    const saved = resume ? loadExperimentState(key) : null;
    if (resume && !saved) return;
    this._outcome = null;
    const param = experimentToParam(exp);
    const formParam = this.formParam();
    this.dispatchEvent(
      new CustomEvent<ExperimentChangeDetail>('hl-experiment-change', { detail: { param }, bubbles: true, composed: true }),
    );
    this.saving = { json: key, total };
    this.pool.start(
      json,
      total,
      (records) => {
        this._outcome = { exp, points, records, param: formParam };
        saveExperiment({ json: key, total, status: 'done', records });
      },
      saved?.records ?? [],
    );
  }

  /** The running experiment, kept in localStorage as its records come in (see persist.ts). */
  private saving: { json: string; total: number } | null = null;
  private savedDone = -1;
  private savedAt = 0;
  private resumeChecked = false;

  override updated(): void {
    // After a reload: the same experiment that was running (or finished) comes back.
    if (!this.resumeChecked && this.scenario) {
      this.resumeChecked = true;
      this.run(true);
    }
    const st = this.pool.state;
    // at most once a second: the records are copied and serialised on the main thread
    if (this.saving && st.status === 'running' && st.done !== this.savedDone && performance.now() - this.savedAt > 1000) {
      this.savedDone = st.done;
      this.savedAt = performance.now();
      saveExperiment({ ...this.saving, status: 'running', records: Array.from(this.pool.records, (r) => r ?? null) });
    }
    if (this.saving && (st.status === 'cancelled' || st.status === 'error')) {
      this.saving = null;
      forgetExperiment();
    }
  }

  private setRow(i: number, patch: Partial<Row>): void {
    this._rows = this._rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
  }

  private addRow(): void {
    const used = new Set(this._rows.map((r) => r.knob));
    const spec = KNOBS.find((k) => !used.has(k.name) && k.group === 'assessment') ?? KNOBS.find((k) => !used.has(k.name))!;
    const values = spec.type === 'boolean' ? 'false, true' : spec.type === 'enum' ? (spec.options ?? []).join(', ') : `${spec.default}`;
    this._rows = [...this._rows, { knob: spec.name, values }];
  }

  // ------------------------------------------------------------------ results

  private bands(o: Outcome, metric: string): BandSeries[] {
    const R = o.exp.replicates;
    const perDay = AGG.get(metric) === 'sum';
    return o.points.slice(0, MAX_LINES).map((p, i) => {
      const recs = o.records.slice(p.index * R, (p.index + 1) * R);
      const first = recs[0];
      const n = Math.min(...recs.map((r) => r.time.length));
      const s: BandSeries = {
        label:
          pointText(p, t(this.lang, 'exp.baseline'), this.lang) +
          (p.baseline && p.moved === undefined ? ` (${t(this.lang, 'exp.baseline')})` : ''),
        color: COLORS[i % COLORS.length],
        dates: [],
        mean: [],
        lo: [],
        hi: [],
        emphasis: p.baseline,
      };
      for (let d = 0; d < n; d++) {
        const div = perDay ? dayCount(first.date[d], first.end[d]) : 1;
        const st = interval(recs.map((r) => r.values[metric][d] / div));
        s.dates.push(first.date[d]);
        s.mean.push(st.mean);
        s.lo.push(st.lo);
        s.hi.push(st.hi);
      }
      return s;
    });
  }

  private scalars(o: Outcome, metric: string, p: number): number[] {
    return o.records.slice(p * o.exp.replicates, (p + 1) * o.exp.replicates).map((r) => r.scalars[metric]);
  }

  private levelRows(o: Outcome, metric: string): IntervalRow[] {
    return o.points.map((p, i) => {
      const s = interval(this.scalars(o, metric, p.index));
      return {
        label: pointText(p, t(this.lang, 'exp.baseline'), this.lang),
        mean: s.mean,
        lo: s.lo,
        hi: s.hi,
        color: COLORS[i % COLORS.length],
        reference: p.baseline,
      };
    });
  }

  private diffRows(o: Outcome, metric: string): IntervalRow[] {
    const base = o.points.findIndex((p) => p.baseline);
    if (base < 0) return [];
    const b = this.scalars(o, metric, base);
    return o.points
      .filter((p) => !p.baseline)
      .map((p) => {
        const d = pairedDifference(this.scalars(o, metric, p.index), b);
        return { label: pointText(p, '', this.lang), mean: d.mean, lo: d.lo, hi: d.hi, color: COLORS[p.index % COLORS.length] };
      });
  }

  private tornadoRows(o: Outcome, metric: string): IntervalRow[] {
    if (o.exp.design.type !== 'oat') return [];
    const by = new Map<string, number[]>();
    for (const e of oatEffects(o.exp, o.points, o.records)) {
      if (e.metric !== metric) continue;
      by.set(e.knob, [...(by.get(e.knob) ?? []), e.diff.mean]);
    }
    return [...by.entries()]
      .map(([knob, ms]) => ({
        label: knobText(knob, this.lang),
        mean: NaN,
        lo: Math.min(0, ...ms),
        hi: Math.max(0, ...ms),
        color: '#6a3d9a',
      }))
      .sort((a, b) => b.hi - b.lo - (a.hi - a.lo));
  }

  private download(name: string): void {
    const o = this._outcome;
    if (!o) return;
    const text = experimentFiles(o.exp, o.points, o.records)[name];
    if (text === undefined) return;
    saveText(text, `hotline-lab-experiment-${name}`, 'text/csv;charset=utf-8');
  }

  /** A link that opens the app with this scenario and this experiment. */
  link(): string {
    const sc = this.scenario;
    const q = sc ? scenarioToQuery({ preset: sc.preset, knobs: sc.knobs, seed: this.seed, lang: this.lang }) : '?';
    return `${location.origin}${location.pathname}${q}&view=experiments&exp=${encodeExpParam(this.param())}`;
  }

  private async copyLink(): Promise<void> {
    if (await copyText(this.link())) this._notice = t(this.lang, 'exp.copied');
    else (this.renderRoot.querySelector('#exp-link') as HTMLInputElement | null)?.select();
  }

  // ------------------------------------------------------------------ render

  private renderProgress() {
    const s = this.pool.state;
    const L = this.lang;
    if (s.status === 'idle') return nothing;
    const secs = s.elapsed / 1000;
    const rate = s.done / Math.max(secs, 1e-3);
    const left = rate > 0 ? (s.total - s.done) / rate : NaN;
    const text =
      s.status === 'running'
        ? t(L, 'exp.progress', {
            done: s.done,
            total: s.total,
            workers: s.workers,
            rate: rate.toFixed(1),
            left: Number.isFinite(left) ? t(L, 'exp.seconds', { n: Math.ceil(left) }) : '?',
          })
        : s.status === 'done'
          ? t(L, 'exp.done', { total: s.total, secs: secs.toFixed(1), workers: s.workers })
          : s.status === 'cancelled'
            ? t(L, 'exp.cancelled', { done: s.done, total: s.total })
            : (s.error ?? '');
    return html`<div class="progress" data-testid="exp-status" data-status=${s.status} role="status">
      <progress max=${s.total} .value=${s.done} aria-label=${text}></progress>
      <span>${text}</span>
    </div>`;
  }

  /** Why the results on screen may not match the form: the form changed, or the chosen metric was not kept. */
  private staleness(o: Outcome): string[] {
    const L = this.lang;
    const out: string[] = [];
    if (o.param !== this.formParam()) out.push(t(L, 'exp.staleForm'));
    if (!o.exp.metrics.includes(this._metric))
      out.push(t(L, 'exp.staleMetric', { metric: metricText(this._metric, L), shown: metricText(o.exp.metrics[0], L) }));
    return out;
  }

  /** Means and intervals on screen: one row per setting, one column per kept metric; then the paired differences. */
  private renderTables(o: Outcome) {
    const L = this.lang;
    const loc = L === 'zh' ? 'zh-CN' : 'en-US';
    const fmt = (x: number): string =>
      Number.isFinite(x) ? x.toLocaleString(loc, { maximumSignificantDigits: 4, minimumSignificantDigits: 1 }) : '–';
    const cell = (st: { mean: number; lo: number; hi: number }) =>
      html`<td><span class="mean">${fmt(st.mean)}</span> <span class="ci">[${fmt(st.lo)}, ${fmt(st.hi)}]</span></td>`;
    const ms = o.exp.metrics;
    const base = o.points.find((p) => p.baseline);
    const b = base ? ms.map((m) => this.scalars(o, m, base.index)) : [];
    return html`
      <table class="stats" data-testid="exp-table-levels">
        <caption>${t(L, 'exp.tableLevels', { n: o.exp.replicates })}</caption>
        <thead><tr><th scope="col">${t(L, 'exp.setting')}</th>${ms.map((m) => html`<th scope="col" title=${m}>${metricText(m, L)}</th>`)}</tr></thead>
        <tbody>
          ${o.points.map(
            (p) => html`<tr>
              <th scope="row">${pointText(p, t(L, 'exp.baseline'), L)}${p.baseline && p.moved === undefined ? ` (${t(L, 'exp.baseline')})` : ''}</th>
              ${ms.map((m) => cell(interval(this.scalars(o, m, p.index))))}
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        base && o.points.length > 1
          ? html`<table class="stats" data-testid="exp-table-differences">
              <caption>${t(L, 'exp.tableDifferences', { baseline: pointText(base, t(L, 'exp.baseline'), L) })}</caption>
              <thead><tr><th scope="col">${t(L, 'exp.setting')}</th>${ms.map((m) => html`<th scope="col" title=${m}>${metricText(m, L)}</th>`)}</tr></thead>
              <tbody>
                ${o.points
                  .filter((p) => !p.baseline)
                  .map(
                    (p) => html`<tr>
                      <th scope="row">${pointText(p, '', L)}</th>
                      ${ms.map((m, j) => cell(pairedDifference(this.scalars(o, m, p.index), b[j])))}
                    </tr>`,
                  )}
              </tbody>
            </table>`
          : nothing
      }
    `;
  }

  private renderResults(o: Outcome) {
    const L = this.lang;
    const m = o.exp.metrics.includes(this._metric) ? this._metric : o.exp.metrics[0];
    const name = metricText(m, L);
    const spec = METRICS.find((x) => x.name === m);
    const unit = spec ? spec.unit[L] : '';
    const base = o.points.find((p) => p.baseline);
    const diffs = this.diffRows(o, m);
    const tornado = this.tornadoRows(o, m);
    const stale = this.staleness(o);
    return html`
      <section class="results" data-testid="exp-results" data-stale=${stale.length ? 'true' : 'false'}>
        ${stale.length ? html`<div class="stale" role="status" data-testid="exp-stale">${stale.map((x) => html`<p>${x}</p>`)}</div>` : nothing}
        ${
          o.exp.posterior
            ? html`<p class="in-use" data-testid="exp-results-posterior">${t(L, 'exp.fitInUse', { hash: o.exp.posterior.fitHash.slice(0, 12), n: o.exp.posterior.sets.length })}</p>`
            : nothing
        }
        <hl-band-chart
          .series=${this.bands(o, m)}
          heading=${t(L, 'exp.overTime', { metric: name })}
          y-label=${AGG.get(m) === 'sum' ? `${unit} (${t(L, 'exp.perDay')})` : unit}
        ></hl-band-chart>
        <div class="two">
          <hl-interval-chart .rows=${this.levelRows(o, m)} .zero=${false} heading=${t(L, 'exp.wholeRun', { metric: name })}></hl-interval-chart>
          ${
            diffs.length
              ? html`<hl-interval-chart data-testid="exp-differences" .rows=${diffs} heading=${t(L, 'exp.difference', { baseline: base ? valuesText(base.values, L) : '' })}></hl-interval-chart>`
              : nothing
          }
        </div>
        ${tornado.length ? html`<hl-interval-chart data-testid="exp-tornado" mode="bar" .rows=${tornado} heading=${t(L, 'exp.tornado', { metric: name })}></hl-interval-chart>` : nothing}
        ${this.renderTables(o)}
        <div class="downloads">
          <span>${t(L, 'exp.downloads')}:</span>
          ${['results.csv', 'summary.csv', 'differences.csv', ...(o.exp.design.type === 'oat' ? ['sensitivity.csv'] : [])].map(
            (file) =>
              html`<button type="button" data-testid=${`exp-download-${file.replace('.csv', '')}`} @click=${() => this.download(file)}>${file}</button>`,
          )}
        </div>
      </section>
    `;
  }

  /** A link opened on this tab describes an experiment that has not run here yet: offer to run it. */
  private renderOffer(v: { exp: Experiment | null; points: DesignPoint[] }) {
    const L = this.lang;
    if (!this.exp || this._outcome || this.pool.state.status !== 'idle' || !v.exp) return nothing;
    return html`<div class="offer" role="region" aria-label=${t(L, 'exp.offerTitle')} data-testid="exp-offer">
      <p>${t(L, 'exp.offer', { runs: v.points.length * v.exp.replicates })}</p>
      <button type="button" class="primary" data-testid="exp-offer-run" @click=${() => this.run()}>${t(L, 'exp.run')}</button>
    </div>`;
  }

  override render() {
    const L = this.lang;
    const sc = this.scenario;
    const v = this.validate();
    const running = this.pool.state.status === 'running';
    const knobNames = KNOBS.map((k) => k.name).filter((n) => n !== 'horizonDays');
    return html`
      <h2>${t(L, 'exp.title')}</h2>
      <p class="intro">${t(L, 'exp.intro')}</p>
      ${sc ? html`<p class="scenario">${t(L, 'exp.scenario', { preset: sc.preset, residents: sc.knobs.residents.toLocaleString(L === 'zh' ? 'zh-CN' : 'en-US'), days: sc.knobs.horizonDays })}</p>` : nothing}
      <form @submit=${(e: Event) => {
        e.preventDefault();
        this.run();
      }}>
        <fieldset>
          <legend>${t(L, 'exp.vary')} <small>(${t(L, 'exp.valuesHelp')})</small></legend>
          ${this._rows.map(
            (r, i) => html`<div class="row" data-testid="exp-row">
              <select aria-label=${t(L, 'exp.vary')} data-testid="exp-knob" .value=${r.knob} @change=${(e: Event) => this.setRow(i, { knob: (e.target as HTMLSelectElement).value })}>
                ${(knobNames.includes(r.knob) ? knobNames : [r.knob, ...knobNames]).map((n) => html`<option value=${n} ?selected=${n === r.knob}>${knobText(n, L)}</option>`)}
              </select>
              <input type="text" data-testid="exp-values" aria-label=${`${knobText(r.knob, L)}: ${t(L, 'exp.valuesHelp')}`} .value=${r.values} @input=${(e: Event) => this.setRow(i, { values: (e.target as HTMLInputElement).value })} />
              <button type="button" class="icon" aria-label=${t(L, 'exp.remove', { knob: knobText(r.knob, L) })} title=${t(L, 'exp.remove', { knob: knobText(r.knob, L) })} @click=${() => (this._rows = this._rows.filter((_, j) => j !== i))}>×</button>
            </div>`,
          )}
          <button type="button" data-testid="exp-add" @click=${this.addRow}>+ ${t(L, 'exp.addKnob')}</button>
        </fieldset>
        <div class="settings">
          <label>${t(L, 'exp.design')}
            <select data-testid="exp-design" .value=${this._design} @change=${(e: Event) => (this._design = (e.target as HTMLSelectElement).value as 'factorial' | 'oat')}>
              <option value="factorial" ?selected=${this._design === 'factorial'}>${t(L, 'exp.factorial')}</option>
              <option value="oat" ?selected=${this._design === 'oat'}>${t(L, 'exp.oat')}</option>
            </select>
          </label>
          <label>${t(L, 'exp.replicates')}
            <input type="number" min="1" max="10000" data-testid="exp-replicates" .value=${this._replicates} @input=${(e: Event) => (this._replicates = (e.target as HTMLInputElement).value)} />
          </label>
          <label>${t(L, 'exp.metric')}
            <select data-testid="exp-metric" .value=${this._metric} @change=${(e: Event) => (this._metric = (e.target as HTMLSelectElement).value)}>
              ${METRICS.map((mm) => html`<option value=${mm.name} ?selected=${mm.name === this._metric}>${metricText(mm.name, L)}</option>`)}
            </select>
          </label>
        </div>
        ${
          v.problems.length
            ? html`<div class="problems" role="alert" data-testid="exp-problems"><strong>${t(L, 'exp.problems')}</strong><ul>${v.problems.map((p) => html`<li>${p}</li>`)}</ul></div>`
            : v.exp
              ? html`<p class="count" data-testid="exp-count">${t(L, 'exp.runs', { points: v.points.length, replicates: v.exp.replicates, runs: v.points.length * v.exp.replicates })}</p>`
              : nothing
        }
        ${
          this._posterior
            ? html`<p class="in-use" data-testid="exp-posterior">${t(L, 'exp.fitInUse', { hash: this._posterior.fitHash.slice(0, 12), n: this._posterior.sets.length })}</p>`
            : nothing
        }
        <div class="actions">
          <button type="submit" class="primary" data-testid="exp-run" ?disabled=${!v.exp || running}>${t(L, 'exp.run')}</button>
          <button type="button" data-testid="exp-cancel" ?disabled=${!running} @click=${() => this.pool.cancel()}>${t(L, 'exp.cancel')}</button>
        </div>
      </form>
      ${this.renderOffer(v)}
      ${this.renderProgress()}
      ${this._outcome ? this.renderResults(this._outcome) : nothing}
      <div class="share">
        <label for="exp-link">${t(L, 'exp.link')}</label>
        <input id="exp-link" data-testid="exp-link" readonly .value=${this.link()} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" @click=${this.copyLink}>${t(L, 'exp.copy')}</button>
        ${this._notice ? html`<span class="notice" role="status">${this._notice}</span>` : nothing}
        ${this._posterior ? html`<p class="link-note">${t(L, 'exp.fitLinkNote', { hash: this._posterior.fitHash.slice(0, 12) })}</p>` : nothing}
      </div>
      <hl-fit-view
        .lang=${L}
        .use=${this._posterior !== null}
        @hl-posterior-change=${(e: CustomEvent<{ sample: PosteriorSample | null }>) => {
          this._posterior = e.detail.sample;
          // an explicit choice here replaces what a link asked for
          this._linkPosterior = undefined;
        }}
      ></hl-fit-view>
    `;
  }

  static override styles = css`
    :host { display: block; font: 14px/1.4 system-ui, 'Noto Sans CJK SC', 'PingFang SC', sans-serif; color: #222; max-width: 1100px; }
    h2 { font-size: 18px; margin: 0 0 4px; }
    .intro, .scenario { margin: 0 0 6px; color: #444; }
    fieldset { border: 1px solid #ccc; border-radius: 4px; padding: 6px 10px 10px; margin: 0 0 8px; }
    legend small { color: #555; font-weight: normal; }
    .row { display: flex; gap: 6px; margin-bottom: 6px; align-items: center; }
    .row select { width: 14em; }
    .row input { flex: 1; min-width: 8em; }
    select, input, button { font: inherit; font-size: 14px; }
    input, select { padding: 3px 5px; border: 1px solid #888; border-radius: 3px; background: #fff; }
    button { padding: 4px 10px; border: 1px solid #777; border-radius: 3px; background: #fff; cursor: pointer; }
    button.icon { padding: 2px 8px; }
    button.primary { background: #1565c0; border-color: #1565c0; color: #fff; font-weight: 600; }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #1565c0; outline-offset: 1px; }
    .settings { display: flex; flex-wrap: wrap; gap: 8px 18px; margin-bottom: 8px; }
    .settings label { display: inline-flex; gap: 6px; align-items: center; }
    .settings input[type='number'] { width: 5em; }
    .actions { display: flex; gap: 8px; margin: 6px 0; }
    .count { margin: 4px 0; color: #333; }
    .problems { border: 1px solid #c62828; background: #ffebee; border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
    .problems ul { margin: 4px 0 0; padding-left: 18px; }
    .progress { display: flex; gap: 10px; align-items: center; margin: 6px 0 10px; }
    .progress progress { width: 220px; height: 14px; }
    .results { display: grid; gap: 14px; margin: 8px 0; }
    .two { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 14px; }
    .downloads { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
    .share { display: flex; gap: 6px; align-items: center; margin-top: 10px; flex-wrap: wrap; }
    .share input { flex: 1; min-width: 16em; font-size: 12.5px; color: #333; }
    .notice { color: #2e7d32; }
    .in-use { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #1565c0; background: #e3f2fd; }
    .link-note { flex-basis: 100%; margin: 2px 0 0; font-size: 12.5px; color: #555; }
    .stale { border: 1px solid #b26a00; background: #fff8e1; border-radius: 4px; padding: 4px 10px; }
    .stale p { margin: 2px 0; }
    .offer { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; border: 1px solid #1565c0; background: #e3f2fd; border-radius: 4px; padding: 6px 10px; margin: 6px 0; }
    .offer p { margin: 0; }
    .stats { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; display: block; overflow-x: auto; max-width: 100%; }
    .stats caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
    .stats th, .stats td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: right; white-space: nowrap; }
    .stats th[scope='row'], .stats thead th:first-child { text-align: left; white-space: normal; min-width: 10em; }
    .stats .ci { color: #555; font-size: 12px; }
  `;
}

customElements.define('hl-experiments-panel', HlExperimentsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'hl-experiments-panel': HlExperimentsPanel;
  }
  interface HTMLElementEventMap {
    'hl-experiment-change': CustomEvent<ExperimentChangeDetail>;
  }
}
