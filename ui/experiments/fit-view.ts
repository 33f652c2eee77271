/**
 * <hl-fit-view>: a fit's result in the Experiments tab. The user picks files of a fit folder
 * (posterior.csv, predictive.csv, posterior-sample.json; recognised by content, fit-files.ts) and
 * sees each knob's posterior (table, and its interval within the prior) and the posterior
 * predictive check against the published figures (table and chart). With posterior-sample.json
 * loaded, a checkbox lets the tab's experiments draw the uncertain knobs from it.
 *
 * Events up: `hl-posterior-change` ({ sample }) when the posterior the experiments should use
 * changes (null: hold the knobs at their defaults).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { PosteriorSample } from '../../experiments/index.ts';
import type { Problem } from '../../scenarios/loader.ts';
import { t, type Lang } from '../i18n.ts';
import { problemMessage } from '../problem-text.ts';
import { MAX_FIT_FILE_BYTES, placeInBand, placeInPrior, readFitFile, type KnobPosteriorRow, type PredictiveCheckRow } from './fit-files.ts';
import type { IntervalRow } from './interval-chart.ts';
import { knobText } from './labels.ts';
import './interval-chart.ts';

export interface PosteriorChangeDetail {
  sample: PosteriorSample | null;
}

/** One line of what was loaded or refused: an i18n key and its values, worded at render time. */
type Said =
  | { key: 'fitIsPosterior' | 'fitIsPredictive' | 'fitIsSample'; file: string; vars: Record<string, string | number> }
  | { key: 'fitUnknown' | 'fitTooLarge' | 'fitBadJson' | 'fitBadRows'; file: string; vars: Record<string, string | number> }
  | { key: 'problem'; file: string; problem: Problem };

const short = (hash: string) => hash.slice(0, 12) || '?';

export class HlFitView extends LitElement {
  static override properties = {
    lang: {},
    use: { type: Boolean },
    _posterior: { state: true },
    _predictive: { state: true },
    _sample: { state: true },
    _said: { state: true },
    _hashes: { state: true },
  };

  declare lang: Lang;
  /** Whether the experiments draw from the loaded sample (the host's state, shown as the checkbox). */
  declare use: boolean;
  declare _posterior: KnobPosteriorRow[] | null;
  declare _predictive: PredictiveCheckRow[] | null;
  declare _sample: PosteriorSample | null;
  declare _said: Said[];
  /** Fit hash of each kind loaded. */
  declare _hashes: Record<string, string>;

  constructor() {
    super();
    this.lang = 'en';
    this.use = false;
    this._posterior = null;
    this._predictive = null;
    this._sample = null;
    this._said = [];
    this._hashes = {};
  }

  private emit(sample: PosteriorSample | null): void {
    this.dispatchEvent(
      new CustomEvent<PosteriorChangeDetail>('hl-posterior-change', { detail: { sample }, bubbles: true, composed: true }),
    );
  }

  /** Read the chosen files; each is recognised by its content and replaces the same kind loaded before. */
  async load(files: readonly File[]): Promise<void> {
    const said: Said[] = [];
    for (const f of files) {
      if (f.size > MAX_FIT_FILE_BYTES) {
        said.push({ key: 'fitTooLarge', file: f.name, vars: { size: f.size, limit: MAX_FIT_FILE_BYTES } });
        continue;
      }
      const read = readFitFile(await f.text());
      switch (read.kind) {
        case 'posterior':
          this._posterior = [...read.rows].sort((a, b) => a.width - b.width);
          this._hashes = { ...this._hashes, posterior: read.hash };
          said.push({ key: 'fitIsPosterior', file: f.name, vars: { n: read.rows.length, hash: short(read.hash) } });
          break;
        case 'predictive':
          this._predictive = read.rows;
          this._hashes = { ...this._hashes, predictive: read.hash };
          said.push({ key: 'fitIsPredictive', file: f.name, vars: { n: read.rows.length, hash: short(read.hash) } });
          break;
        case 'sample':
          this._sample = read.sample;
          this._hashes = { ...this._hashes, sample: read.hash };
          said.push({ key: 'fitIsSample', file: f.name, vars: { n: read.sample.sets.length, hash: short(read.hash) } });
          for (const w of read.warnings) said.push({ key: 'problem', file: f.name, problem: w });
          if (this.use) this.emit(read.sample);
          break;
        case 'sample-problems':
          for (const p of read.problems) said.push({ key: 'problem', file: f.name, problem: p });
          break;
        case 'bad-json':
          said.push({ key: 'fitBadJson', file: f.name, vars: { why: read.why } });
          break;
        case 'bad-number':
          said.push({ key: 'fitBadRows', file: f.name, vars: { row: read.row, what: read.column } });
          break;
        default:
          said.push({ key: 'fitUnknown', file: f.name, vars: {} });
      }
    }
    this._said = said;
  }

  private saidText(s: Said): string {
    const L = this.lang;
    if (s.key === 'problem') return `${s.file}: ${problemMessage(L, s.problem)}`;
    if (s.key === 'fitIsPosterior' || s.key === 'fitIsSample' || s.key === 'fitIsPredictive')
      return t(L, 'exp.fitLoaded', { file: s.file, what: t(L, `exp.${s.key}`, s.vars) });
    return t(L, `exp.${s.key}`, { file: s.file, ...s.vars });
  }

  private fmt(x: number): string {
    if (!Number.isFinite(x)) return '–';
    return (+x.toPrecision(3)).toLocaleString(this.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 10 });
  }

  private renderPosterior(rows: KnobPosteriorRow[]) {
    const L = this.lang;
    const count = (v: KnobPosteriorRow['verdict']) => rows.filter((r) => r.verdict === v).length;
    const chart: IntervalRow[] = rows
      .filter((r) => r.verdict !== 'not constrained')
      .map((r) => ({
        label: knobText(r.knob, L),
        mean: placeInPrior(r, r.median),
        lo: placeInPrior(r, r.q05),
        hi: placeInPrior(r, r.q95),
        color: r.verdict === 'constrained' ? '#1565c0' : '#7e9cc0',
      }));
    return html`
      <div class="scroll">
        <table class="stats" data-testid="fit-posterior">
          <caption>${t(L, 'exp.fitPosteriorCaption', { c: count('constrained'), w: count('weakly constrained'), n: count('not constrained') })}</caption>
          <thead><tr>
            <th scope="col">${t(L, 'exp.fitKnob')}</th><th scope="col">${t(L, 'exp.fitPrior')}</th><th scope="col">${t(L, 'exp.fitMedian')}</th>
            <th scope="col">${t(L, 'exp.fitInterval')}</th><th scope="col">${t(L, 'exp.fitWidth')}</th><th scope="col">${t(L, 'exp.fitVerdict')}</th>
          </tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-knob=${r.knob} data-verdict=${r.verdict}>
                <th scope="row" title=${r.knob}>${knobText(r.knob, L)}</th>
                <td>${this.fmt(r.min)} .. ${this.fmt(r.max)}${r.scale === 'log' ? html` <small>(${t(L, 'exp.fitLog')})</small>` : nothing}</td>
                <td class="median">${this.fmt(r.median)}</td>
                <td>${this.fmt(r.q05)} .. ${this.fmt(r.q95)}</td>
                <td>${this.fmt(r.width)}</td>
                <td class=${r.verdict === 'constrained' ? 'good' : ''}>${t(L, `exp.verdict.${r.verdict}`)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="help">${t(L, 'exp.fitWidthHelp')}</p>
      ${
        chart.length
          ? html`<hl-interval-chart data-testid="fit-prior-chart" .rows=${chart} .domain=${[0, 1]} .marks=${[1]} heading=${t(L, 'exp.fitPriorChart')}></hl-interval-chart>`
          : nothing
      }
    `;
  }

  private renderPredictive(rows: PredictiveCheckRow[]) {
    const L = this.lang;
    const pass = rows.filter((r) => r.pass).length;
    const cut = (x: number) => Math.max(-2, Math.min(3, x));
    const chart: IntervalRow[] = rows.map((r) => ({
      label: `${r.study}: ${r.target}`,
      mean: cut(placeInBand(r, r.median)),
      lo: cut(placeInBand(r, r.q05)),
      hi: cut(placeInBand(r, r.q95)),
      color: r.pass ? '#2e7d32' : '#c62828',
    }));
    return html`
      <div class="scroll">
        <table class="stats" data-testid="fit-predictive" data-pass=${pass} data-targets=${rows.length}>
          <caption>${t(L, 'exp.fitPredictiveCaption', { pass, n: rows.length })}</caption>
          <thead><tr>
            <th scope="col">${t(L, 'exp.fitStudy')}</th><th scope="col">${t(L, 'exp.fitTarget')}</th><th scope="col">${t(L, 'exp.fitResult')}</th>
            <th scope="col">${t(L, 'exp.fitFigure')}</th><th scope="col">${t(L, 'exp.fitBand')}</th><th scope="col">${t(L, 'exp.fitPredMedian')}</th>
            <th scope="col">${t(L, 'exp.fitInterval')}</th>
          </tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-pass=${r.pass ? 'true' : 'false'}>
                <td>${r.study}</td>
                <th scope="row">${r.target}</th>
                <td class=${r.pass ? 'good' : 'bad'}>${r.pass ? t(L, 'exp.fitPass') : t(L, 'exp.fitFail')}</td>
                <td>${this.fmt(r.figure)}</td>
                <td title=${`${r.lo} .. ${r.hi}`}>${r.tolerance} <small>(${this.fmt(r.lo)} .. ${this.fmt(r.hi)})</small></td>
                <td>${this.fmt(r.median)}</td>
                <td>${this.fmt(r.q05)} .. ${this.fmt(r.q95)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <hl-interval-chart data-testid="fit-predictive-chart" .rows=${chart} .domain=${[-2, 3]} .marks=${[1]} heading=${t(L, 'exp.fitPredChart')}></hl-interval-chart>
    `;
  }

  override render() {
    const L = this.lang;
    const hashes = [...new Set(Object.values(this._hashes).filter(Boolean))];
    const s = this._sample;
    return html`
      <h3>${t(L, 'exp.fitTitle')}</h3>
      <p class="help">${t(L, 'exp.fitIntro')}</p>
      <label class="pick">${t(L, 'exp.fitFiles')}
        <input type="file" multiple accept=".csv,.json,text/csv,application/json" data-testid="fit-files"
          @change=${async (e: Event) => {
            const input = e.target as HTMLInputElement;
            await this.load([...(input.files ?? [])]);
            input.value = '';
          }} />
      </label>
      ${
        this._said.length
          ? html`<ul class="said" role="status" data-testid="fit-said">${this._said.map(
              (x) => html`<li class=${x.key.startsWith('fitIs') ? '' : 'bad'}>${this.saidText(x)}</li>`,
            )}</ul>`
          : nothing
      }
      ${hashes.length > 1 ? html`<p class="warn" role="alert" data-testid="fit-mixed">${t(L, 'exp.fitMixed', { hashes: hashes.map(short).join(', ') })}</p>` : nothing}
      ${
        s
          ? html`<label class="use"><input type="checkbox" data-testid="fit-use" .checked=${this.use}
                @change=${(e: Event) => this.emit((e.target as HTMLInputElement).checked ? s : null)} />
              ${t(L, 'exp.fitUse', { n: s.sets.length })}</label>
              <p class="help">${t(L, 'exp.fitUseHelp', { n: s.sets.length })}</p>`
          : nothing
      }
      ${this._posterior ? this.renderPosterior(this._posterior) : nothing}
      ${this._predictive ? this.renderPredictive(this._predictive) : nothing}
    `;
  }

  static override styles = css`
    :host { display: block; border-top: 1px solid #ccc; margin-top: 14px; padding-top: 8px; }
    h3 { font-size: 16px; margin: 0 0 4px; }
    .help { margin: 2px 0 6px; color: #444; font-size: 13px; }
    .pick { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .said { margin: 6px 0; padding-left: 18px; font-size: 13px; }
    .said li.bad, .warn { color: #b71c1c; }
    .use { display: flex; gap: 6px; align-items: center; font-weight: 600; margin-top: 6px; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 8px 0 2px; }
    .stats { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
    .stats caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
    .stats th, .stats td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: right; white-space: nowrap; }
    .stats th[scope='row'], .stats thead th:first-child, .stats td:first-child { text-align: left; }
    .stats small { color: #555; }
    .good { color: #1b5e20; font-weight: 600; }
    .bad { color: #b71c1c; font-weight: 600; }
    hl-interval-chart { margin-top: 8px; }
  `;
}

customElements.define('hl-fit-view', HlFitView);

declare global {
  interface HTMLElementTagNameMap {
    'hl-fit-view': HlFitView;
  }
  interface HTMLElementEventMap {
    'hl-posterior-change': CustomEvent<PosteriorChangeDetail>;
  }
}
