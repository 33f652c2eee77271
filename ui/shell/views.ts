/**
 * `<hl-views>`: the result views (charts, district, village, experiments). A view is built when
 * first opened and then kept in the page, hidden, so switching back does not rebuild it; a hidden
 * view keeps the data it last got, so it costs nothing while a run streams. The village view's
 * cell picker is here too. Events up (bubbling, composed): `cell-pick` { cell } from the picker;
 * the district view's `cell-select` and the experiments panel's `hl-experiment-change` pass through.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { CellSnapshot, ResolvedScenario, VillageEvent } from '../../sim/index.ts';
import type { RunView } from '../charts/types.ts';
import { t } from '../i18n.ts';
import type { RunState } from '../worker/sim-controller.ts';
import { baseStyles } from '../styles/index.ts';
import { defaultPageState, type PageState, type View } from './page-link.ts';
import '../charts/charts-panel.ts';
import { pageProvenance } from '../download.ts';
import '../views/district-view.ts';
import '../views/village-view.ts';
import '../experiments/experiments-panel.ts';

/** The data each view last got. */
interface Shown {
  /** `stopped`: the run was refused, failed or was cancelled before it drew anything. */
  charts?: { run: RunView | null; baseline: RunView | null; stopped: boolean };
  district?: { cells: CellSnapshot | null };
  village?: { events: VillageEvent[]; households: number; day: number };
}

export class HlViews extends LitElement {
  static override properties = {
    page: { attribute: false },
    run: { attribute: false },
    baseline: { attribute: false },
    cellMetric: { state: true },
  };

  /** The page state: language, view, scenario (for the cell picker and the experiments panel), watched cell, experiment. */
  declare page: PageState;
  /** The scenario's run. */
  declare run: RunState | null;
  /** The baseline's run in compare mode, else null. */
  declare baseline: RunState | null;
  /** The metric the district view colours cells by. */
  declare private cellMetric: string;

  /** Views opened so far. */
  private visited = new Set<View>();
  private shown: Shown = {};
  /** The scenario the experiments panel starts from: the same object while preset and knobs stay. */
  private scenario: ResolvedScenario | null = null;

  constructor() {
    super();
    this.page = defaultPageState();
    this.run = null;
    this.baseline = null;
    this.cellMetric = 'ticketsFiled';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
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
    `,
  ];

  /** Only the view on screen takes the new data. */
  override willUpdate(_changed: PropertyValues<this>): void {
    const { run, page } = this;
    const view = page.view;
    this.visited.add(view);
    if (view === 'charts')
      this.shown.charts = {
        run: run?.view ?? null,
        baseline: this.baseline?.view ?? null,
        stopped: run?.status === 'refused' || run?.status === 'error' || run?.status === 'cancelled',
      };
    if (view === 'district') this.shown.district = { cells: run?.cells ?? null };
    if (view === 'village') this.shown.village = { events: run?.events ?? [], households: run?.households ?? 0, day: run?.view?.day ?? 0 };
    if (this.scenario?.preset !== page.preset || this.scenario.knobs !== page.knobs)
      this.scenario = { preset: page.preset, knobs: page.knobs };
  }

  private pickCell(e: Event): void {
    const el = e.target as HTMLSelectElement | HTMLInputElement;
    // the number field counts from 1, the list's values are cell indices
    const cell = el instanceof HTMLInputElement ? Number(el.value) - 1 : Number(el.value);
    this.dispatchEvent(new CustomEvent('cell-pick', { detail: { cell }, bubbles: true, composed: true }));
  }

  private renderCellPicker(): TemplateResult {
    const { lang, cell } = this.page;
    const n = this.page.knobs.cells;
    const cells = this.run?.cells ?? null;
    const label = (i: number): string => {
      // numbered from 1 on screen, as the district view and the charts number them (the link's cell= counts from 0)
      const parts = [t(lang, 'cellOption', { n: i + 1 })];
      if (cells && i < cells.count) {
        parts.push(t(lang, cells.village[i] ? 'cellVillage' : 'cellCommunity'));
        parts.push(t(lang, 'cellUnit', { n: cells.unit[i] + 1 }));
        if (cells.council[i]) parts.push(t(lang, 'cellCouncil'));
      }
      return parts.join(' · ');
    };
    if (n > 1000) {
      return html`<label
        >${t(lang, 'cellPicker')}
        <input type="number" data-testid="cell-picker" min="1" max=${n} step="1" .value=${String(cell + 1)} @change=${this.pickCell}
      /></label>`;
    }
    const opts: TemplateResult[] = [];
    for (let i = 0; i < n; i++) opts.push(html`<option value=${i} ?selected=${i === cell}>${label(i)}</option>`);
    return html`<label
      >${t(lang, 'cellPicker')} <select data-testid="cell-picker" @change=${this.pickCell}>${opts}</select></label
    >`;
  }

  override render() {
    const { lang, view, cell, seed, exp } = this.page;
    const { charts: c, district: d, village: v } = this.shown;
    return html`${
      this.visited.has('charts') && c
        ? html`<div ?hidden=${view !== 'charts'}>
          ${
            c.run
              ? html`<hl-charts .run=${c.run} .baseline=${c.baseline} .lang=${lang} .provenance=${pageProvenance(this.page, c.run?.model)}></hl-charts>`
              : html`<p data-testid="charts-placeholder">${t(lang, c.stopped ? 'noCharts' : 'loadingCharts')}</p>`
          }
        </div>`
        : nothing
    }
    ${
      this.visited.has('district') && d
        ? html`<div ?hidden=${view !== 'district'}>
          <hl-district-view
            .cells=${d.cells}
            .metric=${this.cellMetric}
            .selected=${cell}
            .lang=${lang}
            @metric-change=${(e: CustomEvent<{ metric: string }>) => (this.cellMetric = e.detail.metric)}
          ></hl-district-view>
        </div>`
        : nothing
    }
    ${
      this.visited.has('experiments')
        ? html`<div ?hidden=${view !== 'experiments'}>
          <hl-experiments-panel .scenario=${this.scenario} .seed=${seed} .lang=${lang} .exp=${exp}></hl-experiments-panel>
        </div>`
        : nothing
    }
    ${
      this.visited.has('village') && v
        ? html`<div ?hidden=${view !== 'village'}>
          <div class="viewbar">${this.renderCellPicker()}</div>
          <hl-village-view .events=${v.events} .households=${v.households} .day=${v.day} .lang=${lang}></hl-village-view>
        </div>`
        : nothing
    }`;
  }
}

customElements.define('hl-views', HlViews);

declare global {
  interface HTMLElementTagNameMap {
    'hl-views': HlViews;
  }
}
