/**
 * `<hl-timeline-editor>`: the scenario's dated changes, one row per knob and date: add a change,
 * move it (its date), edit its knob or value, remove it. Every edit is checked by the scenario
 * layer's own validator (`checkTimeline`, the one files, links and the command line use), and its
 * problems are shown beside the row at fault in the page's language; the timeline reaches the page
 * (and so the run and the link) only when it has none. The editor holds its rows while they are
 * being fixed; a timeline from outside (another preset, an import, a link) replaces them.
 *
 * Events (bubbling, composed):
 *   timeline-change  detail { timeline }  the checked timeline (sorted, one change per date)
 *   cursor-date      detail { date }      the date chosen under "show the knobs in force on"
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { KNOBS, KNOB_GROUPS, knobSpec, type KnobChange, type Knobs, type KnobValue } from '../sim/index.ts';
import { checkTimeline, type Problem } from '../scenarios/loader.ts';
import { CHANGEABLE_KNOBS, lastDate, orderedKnobs } from '../scenarios/timeline.ts';
import { pick, t, type Lang } from './i18n.ts';
import { problemMessage } from './problem-text.ts';
import { baseStyles } from './styles/index.ts';
import { dateAfter, inForce, knobShort } from './timeline-text.ts';

/** One knob set on one date; `value` as the control holds it (text for numbers, so bad entries can be named). */
interface Row {
  id: number;
  date: string;
  knob: string;
  value: KnobValue;
}

export interface TimelineChangeDetail {
  timeline: KnobChange[];
}

/** Changeable knobs by group, in schema order, for the knob picker. */
const GROUPS = KNOB_GROUPS.map((g) => ({
  g,
  names: KNOBS.filter((k) => k.group === g.id && CHANGEABLE_KNOBS.includes(k.name)).map((k) => k.name),
})).filter((x) => x.names.length > 0);

let nextId = 1;

/** The rows of a timeline: one per knob and date, in date order. */
function rowsOf(timeline: readonly KnobChange[]): Row[] {
  const sorted = [...timeline].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return sorted.flatMap((c) => orderedKnobs(c.knobs).map(([knob, value]) => ({ id: nextId++, date: c.date, knob, value })));
}

/** A number typed as text becomes a number when it reads as one; anything else goes to the validator as typed. */
function valueFromText(knob: string, text: string): KnobValue {
  const spec = knobSpec(knob);
  if (spec && (spec.type === 'number' || spec.type === 'integer')) {
    const s = text.trim();
    const n = Number(s);
    return s !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
}

export class HlTimelineEditor extends LitElement {
  static override properties = {
    timeline: { attribute: false },
    knobs: { attribute: false },
    lang: { type: String },
    rows: { state: true },
    problems: { state: true },
    notes: { state: true },
    showDate: { state: true },
  };

  /** The page's timeline. */
  declare timeline: readonly KnobChange[];
  /** The page's knobs (start date and horizon bound the dates; values are the ones in force before any change). */
  declare knobs: Knobs | null;
  declare lang: Lang;
  declare rows: Row[];
  declare problems: Problem[];
  declare notes: Problem[];
  declare showDate: string;

  /** The timeline this editor last sent up: when it comes back down, the rows stay as the user left them. */
  private sent: readonly KnobChange[] | null = null;

  constructor() {
    super();
    this.timeline = [];
    this.knobs = null;
    this.lang = 'en';
    this.rows = [];
    this.problems = [];
    this.notes = [];
    this.showDate = '';
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        font-size: 1rem;
      }
      p {
        margin: 0 0 0.4rem;
        font-size: 0.875rem;
        color: var(--hl-muted, #444);
      }
      ol {
        list-style: none;
        margin: 0 0 0.5rem;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        border: 1px solid var(--hl-line, #ccc);
        border-left: 4px solid #9a4a00;
        border-radius: 6px;
        padding: 0.4rem 0.5rem;
        background: var(--hl-card, #fafafa);
      }
      li.bad {
        border-left-color: var(--hl-accent, #b3261e);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
        font-size: 0.85rem;
        color: var(--hl-muted, #444);
        margin-bottom: 0.25rem;
      }
      .head code {
        font-size: 0.8rem;
      }
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
        gap: 0.35rem 0.5rem;
      }
      /* the knob picker, and a choice among named options ("every two months"), take the row's width */
      .field.knob,
      .field.wide {
        grid-column: 1 / -1;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 0.1rem;
        min-width: 0;
      }
      label {
        font-size: 0.85rem;
      }
      input,
      select,
      button {
        font: inherit;
        font-size: 0.95rem;
      }
      input,
      select {
        padding: 0.25rem 0.3rem;
        border: 1px solid #767676;
        border-radius: 4px;
        background: var(--hl-bg, #fff);
        color: inherit;
        min-width: 0;
        width: 100%;
        box-sizing: border-box;
        min-height: 2.1rem;
      }
      [aria-invalid='true'] {
        border-color: var(--hl-accent, #b3261e);
        border-width: 2px;
      }
      button {
        border: 1px solid #767676;
        background: var(--hl-bg, #fff);
        color: inherit;
        border-radius: 4px;
        cursor: pointer;
        padding: 0.25rem 0.6rem;
        min-height: 2.1rem;
      }
      button.add {
        border-color: var(--hl-primary, #0b57d0);
        color: var(--hl-primary, #0b57d0);
        font-weight: 600;
      }
      .err {
        margin: 0.3rem 0 0;
        color: var(--hl-accent, #b3261e);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .note {
        color: var(--hl-muted, #444);
      }
      .summary {
        font-size: 0.85rem;
        color: var(--hl-accent, #b3261e);
        margin: 0.3rem 0;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .tools .show {
        flex: 1 1 10rem;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('timeline') && this.timeline !== this.sent) {
      this.rows = rowsOf(this.timeline);
      this.problems = [];
      this.notes = [];
    } else if (changed.has('knobs') && this.rows.length) {
      // a new start date or horizon can move a change outside the run: say so (the run leaves it out)
      this.check(this.rows, false);
    }
  }

  private get start(): string {
    return this.knobs?.startDate ?? '';
  }

  private get last(): string {
    return this.knobs ? lastDate(this.knobs) : '';
  }

  /** Check the rows with the scenario layer's validator; send the timeline up when nothing is wrong. */
  private check(rows: Row[], send: boolean): void {
    this.rows = rows;
    if (!this.knobs) return;
    const input = rows.map((r) => ({ date: r.date, knobs: { [r.knob]: r.value } }));
    const res = checkTimeline(input, this.knobs);
    this.problems = res.problems;
    this.notes = res.notes;
    if (!send || res.problems.length) return;
    const timeline = res.timeline as KnobChange[];
    // the same timeline again (a field left after its change was already taken) is not a new run
    if (JSON.stringify(timeline) === JSON.stringify(this.timeline)) return;
    this.sent = timeline;
    this.dispatchEvent(new CustomEvent<TimelineChangeDetail>('timeline-change', { detail: { timeline }, bubbles: true, composed: true }));
  }

  private edit(id: number, change: Partial<Row>): void {
    this.check(
      this.rows.map((r) => (r.id === id ? { ...r, ...change } : r)),
      true,
    );
  }

  private add(): void {
    if (!this.knobs) return;
    // the middle of the run, on the first of a month, and a knob not changed yet
    const mid = dateAfter(this.start, Math.floor(this.knobs.horizonDays / 2));
    let date = `${mid.slice(0, 8)}01`;
    if (date <= this.start) date = mid;
    const used = new Set(this.rows.map((r) => r.knob));
    const knob =
      ['cadence', 'rankingMode', 'deptShare', 'staffPer10k', ...CHANGEABLE_KNOBS].find(
        (k) => !used.has(k) && CHANGEABLE_KNOBS.includes(k),
      ) ?? 'cadence';
    const value = inForce(this.knobs, this.timeline, knob, date);
    this.check([...this.rows, { id: nextId++, date, knob, value }], true);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('li:last-of-type select')?.focus());
  }

  private removeRow(id: number): void {
    this.check(
      this.rows.filter((r) => r.id !== id),
      true,
    );
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.add')?.focus());
  }

  /** A new knob for a row: its value starts as the one in force on that date. */
  private pickKnob(row: Row, knob: string): void {
    if (!this.knobs) return;
    this.edit(row.id, { knob, value: inForce(this.knobs, this.timeline, knob, row.date) });
  }

  private valueControl(row: Row, id: string, invalid: boolean, describedBy: string): TemplateResult {
    const spec = knobSpec(row.knob);
    const lang = this.lang;
    const common = { invalid: invalid ? 'true' : 'false' };
    if (spec?.type === 'boolean')
      return html`<select id=${id} .value=${String(row.value)} aria-invalid=${common.invalid} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => this.edit(row.id, { value: (e.target as HTMLSelectElement).value === 'true' })}>
        ${[true, false].map((b) => html`<option value=${String(b)} ?selected=${row.value === b}>${t(lang, b ? 'on' : 'off')}</option>`)}
      </select>`;
    if (spec?.type === 'enum')
      return html`<select id=${id} .value=${String(row.value)} aria-invalid=${common.invalid} aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => this.edit(row.id, { value: (e.target as HTMLSelectElement).value })}>
        ${(spec.options ?? []).map((o) => html`<option value=${o} ?selected=${row.value === o}>${pick(lang, spec.optionLabels?.[o]) || o}</option>`)}
      </select>`;
    return html`<input type="text" inputmode="decimal" id=${id} .value=${String(row.value)} aria-invalid=${common.invalid}
      aria-describedby=${describedBy || nothing} autocomplete="off"
      @change=${(e: Event) => this.edit(row.id, { value: valueFromText(row.knob, (e.target as HTMLInputElement).value) })} />`;
  }

  private row(row: Row, i: number): TemplateResult {
    const lang = this.lang;
    const at = `timeline[${i}]`;
    const mine = (p: Problem) => p.field === at || p.field.startsWith(`${at}.`);
    const problems = this.problems.filter(mine);
    const notes = this.notes.filter(mine);
    const dateBad = problems.some((p) => p.field === `${at}.date`);
    const valueBad = problems.some((p) => p.field.startsWith(`${at}.knobs`));
    const base = `tl-${row.id}`;
    const errId = problems.length || notes.length ? `${base}-err` : '';
    return html`<li class=${problems.length ? 'bad' : ''} data-change=${i}>
      <div class="head">
        <span>${t(lang, 'tl.change', { n: i + 1 })} <code>${at}</code></span>
        <button type="button" aria-label=${t(lang, 'tl.removeLabel', { knob: knobShort(row.knob, lang), date: row.date })}
          @click=${() => this.removeRow(row.id)}>${t(lang, 'tl.remove')}</button>
      </div>
      <div class="fields">
        <div class="field knob">
          <label for=${`${base}-knob`}>${t(lang, 'tl.knob')}</label>
          <select id=${`${base}-knob`} .value=${row.knob} @change=${(e: Event) => this.pickKnob(row, (e.target as HTMLSelectElement).value)}>
            ${GROUPS.map(
              ({ g, names }) => html`<optgroup label=${pick(lang, g)}>
                ${names.map((n) => html`<option value=${n} ?selected=${n === row.knob}>${knobShort(n, lang)}</option>`)}
              </optgroup>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for=${`${base}-date`}>${t(lang, 'tl.date')}</label>
          <input type="date" id=${`${base}-date`} .value=${row.date} min=${this.start ? dateAfter(this.start, 1) : nothing}
            max=${this.last || nothing} aria-invalid=${dateBad ? 'true' : 'false'} aria-describedby=${errId || nothing}
            @change=${(e: Event) => this.edit(row.id, { date: (e.target as HTMLInputElement).value })} />
        </div>
        <div class=${knobSpec(row.knob)?.type === 'enum' ? 'field wide' : 'field'}>
          <label for=${`${base}-value`}>${t(lang, 'tl.value')}</label>
          ${this.valueControl(row, `${base}-value`, valueBad, errId)}
        </div>
      </div>
      ${
        errId
          ? html`<div id=${errId}>
            ${problems.map((p) => html`<p class="err" data-problem=${p.code ?? ''}>${problemMessage(lang, p)}</p>`)}
            ${notes.map((p) => html`<p class="err note" data-note=${p.code ?? ''}>${problemMessage(lang, p)}</p>`)}
          </div>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const lang = this.lang;
    if (!this.knobs) return nothing;
    const bad = this.problems.length;
    return html`<p>${t(lang, 'tl.help', { start: this.start, last: this.last })}</p>
      ${this.rows.length ? html`<ol>${this.rows.map((r, i) => this.row(r, i))}</ol>` : html`<p data-testid="timeline-empty">${t(lang, 'tl.none')}</p>`}
      <div class="summary" role="status" aria-live="polite">${bad ? t(lang, 'tl.invalid') : nothing}</div>
      <div class="tools">
        <button type="button" class="add" @click=${this.add}>+ ${t(lang, 'tl.add')}</button>
        ${
          this.rows.length
            ? html`<div class="field show">
              <label for="tl-show">${t(lang, 'tl.showOn')}</label>
              <input type="date" id="tl-show" .value=${this.showDate} min=${this.start} max=${this.last}
                @change=${(e: Event) => {
                  this.showDate = (e.target as HTMLInputElement).value;
                  this.dispatchEvent(
                    new CustomEvent('cursor-date', { detail: { date: this.showDate || null }, bubbles: true, composed: true }),
                  );
                }} />
            </div>`
            : nothing
        }
      </div>`;
  }
}

customElements.define('hl-timeline-editor', HlTimelineEditor);

declare global {
  interface HTMLElementTagNameMap {
    'hl-timeline-editor': HlTimelineEditor;
  }
}
