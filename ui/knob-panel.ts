/**
 * `<hl-knob-panel>`: every knob of the core's schema, grouped as KNOB_GROUPS orders them, with
 * the control its type calls for. Each control is labelled; its meaning, unit, range, default
 * and source show on hover and on keyboard focus. Knobs that differ from the preset are marked
 * and have a reset button. A knob that does nothing under the current settings is marked, with
 * the reason (knob-dependencies.ts); a typed number outside the knob's range is not applied and
 * says so, naming the range. The panel only reports edits (events up); the app owns the knobs.
 *
 * Events (bubbling, composed):
 *   knob-change  detail { name, value }
 *   knob-reset   detail { name }
 *   knobs-reset-all
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { KNOBS, KNOB_GROUPS, knobName, type KnobChange, type KnobName, type Knobs, type KnobSpec, type KnobValue } from '../sim/index.ts';
import { fmt, pick, t, type Lang, type Text } from './i18n.ts';
import { inForce, valueShort as valueShortOf } from './timeline-text.ts';
import { inertKnobs } from './knob-dependencies.ts';

export interface KnobChangeDetail {
  name: string;
  value: KnobValue;
}

/** A knob's short name, written for the schema in both languages (sim/knob-labels.ts). */
export function knobLabel(spec: KnobSpec, lang: Lang): string {
  return knobName(spec.name as KnobName, lang);
}

function valueText(v: KnobValue, lang: Lang): string {
  if (typeof v === 'boolean') return t(lang, v ? 'on' : 'off');
  return String(v);
}

/** Sliders only where the range has a manageable number of steps. */
function sliderFits(spec: KnobSpec): boolean {
  if (spec.type !== 'number' || spec.min === undefined || spec.max === undefined) return false;
  const step = spec.step ?? (spec.max - spec.min) / 100;
  return (spec.max - spec.min) / step <= 5000;
}

export class HlKnobPanel extends LitElement {
  static override properties = {
    knobs: { attribute: false },
    reference: { attribute: false },
    lang: { type: String },
    timeline: { attribute: false },
    cursorDate: { attribute: false },
    errors: { state: true },
  };

  /** Current values. */
  declare knobs: Knobs | null;
  /** The preset's values: knobs that differ are "changed". */
  declare reference: Knobs | null;
  declare lang: Lang;
  /** The scenario's dated changes: the knobs they touch show their value in force on `cursorDate`. */
  declare timeline: readonly KnobChange[];
  /** The day under a chart's cursor (or chosen in the timeline editor), YYYY-MM-DD, or null. */
  declare cursorDate: string | null;
  /** A typed entry that was not applied, by knob name: what was wrong (shown under the control). */
  declare errors: Readonly<Record<string, string>>;

  constructor() {
    super();
    this.knobs = null;
    this.reference = null;
    this.lang = 'en';
    this.timeline = [];
    this.cursorDate = null;
    this.errors = {};
  }

  static override styles = css`
    :host {
      display: block;
      font-size: 1rem;
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .top p {
      margin: 0;
      font-size: 0.875rem;
      color: var(--hl-muted, #444);
    }
    details {
      border-top: 1px solid var(--hl-line, #ccc);
      padding: 0.25rem 0;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
      padding: 0.35rem 0.25rem;
      border-radius: 4px;
    }
    summary .count {
      font-weight: 400;
      color: var(--hl-accent, #b3261e);
      margin-left: 0.35rem;
    }
    .knob {
      position: relative;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.15rem 0.4rem;
      padding: 0.35rem 0.25rem 0.45rem 0.6rem;
      border-left: 4px solid transparent;
    }
    .knob.changed {
      border-left-color: var(--hl-accent, #b3261e);
      background: var(--hl-changed-bg, #fff4f2);
    }
    label,
    .label {
      font-size: 0.95rem;
      line-height: 1.25;
    }
    .name {
      font-family: ui-monospace, monospace;
      font-size: 0.8rem;
      color: var(--hl-muted, #444);
    }
    .mark {
      font-size: 0.8rem;
      color: var(--hl-accent, #b3261e);
      font-weight: 600;
    }
    .control {
      grid-column: 1 / -1;
      display: flex;
      gap: 0.4rem;
      align-items: center;
    }
    input[type='range'] {
      flex: 1;
      min-width: 0;
      accent-color: var(--hl-primary, #0b57d0);
    }
    input[type='number'] {
      width: 7.5em;
    }
    input[type='number'].wide {
      width: 100%;
    }
    input,
    select,
    button {
      font: inherit;
      font-size: 0.95rem;
    }
    input[type='number'],
    input[type='date'],
    select {
      padding: 0.2rem 0.3rem;
      border: 1px solid #767676;
      border-radius: 4px;
      background: var(--hl-bg, #fff);
      color: inherit;
    }
    select {
      width: 100%;
    }
    .switch {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      border: 1px solid #767676;
      border-radius: 999px;
      padding: 0.15rem 0.6rem 0.15rem 0.2rem;
      background: var(--hl-bg, #fff);
      color: inherit;
      cursor: pointer;
    }
    .switch .dot {
      width: 1.1rem;
      height: 1.1rem;
      border-radius: 50%;
      background: #767676;
    }
    .switch[aria-checked='true'] {
      background: var(--hl-primary, #0b57d0);
      border-color: var(--hl-primary, #0b57d0);
      color: #fff;
    }
    .switch[aria-checked='true'] .dot {
      background: #fff;
    }
    .reset,
    .reset-all {
      border: 1px solid #767676;
      background: var(--hl-bg, #fff);
      color: inherit;
      border-radius: 4px;
      cursor: pointer;
      padding: 0.1rem 0.45rem;
    }
    .reset-all[disabled] {
      opacity: 0.55;
      cursor: default;
    }
    :focus-visible,
    input[type='date']:focus-within {
      outline: 3px solid var(--hl-focus, #e8a000);
      outline-offset: 2px;
    }
    .knob.inert label,
    .knob.inert .label {
      color: var(--hl-muted, #444);
    }
    .inert-mark {
      font-size: 0.75rem;
      border: 1px dashed var(--hl-muted, #444);
      border-radius: 999px;
      padding: 0 0.4rem;
      color: var(--hl-muted, #444);
      white-space: nowrap;
    }
    .inert-why,
    .err {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.82rem;
      line-height: 1.3;
    }
    .inert-why {
      color: var(--hl-muted, #444);
    }
    .err {
      color: var(--hl-error, #b3261e);
      font-weight: 600;
    }
    .in-force {
      grid-column: 1 / -1;
      font-size: 0.85rem;
      font-weight: 600;
      color: #7a3a00;
    }
    .tip {
      display: none;
      position: absolute;
      left: 0.5rem;
      right: 0.5rem;
      top: 100%;
      z-index: 10;
      background: #1f1f1f;
      color: #fff;
      padding: 0.5rem 0.6rem;
      border-radius: 6px;
      font-size: 0.875rem;
      line-height: 1.35;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.3);
      pointer-events: none;
    }
    .tip p {
      margin: 0 0 0.2rem;
    }
    .tip .src {
      color: #d0d0d0;
    }
    .knob:hover .tip,
    .knob:focus-within .tip {
      display: block;
    }
  `;

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private change(spec: KnobSpec, value: KnobValue): void {
    if (this.errors[spec.name]) this.setError(spec.name, null);
    this.emit('knob-change', { name: spec.name, value } satisfies KnobChangeDetail);
  }

  /** The knob's range as text in the panel's language (whole numbers without decimals). */
  private bound(spec: KnobSpec, x: number | undefined): string {
    if (x === undefined) return '';
    return fmt(this.lang, x, spec.type === 'integer' ? 0 : 3).replace(/\.?0+$/, '');
  }

  private setError(name: string, message: string | null): void {
    const { [name]: _old, ...rest } = this.errors;
    this.errors = message === null ? rest : { ...rest, [name]: message };
  }

  /**
   * Read a typed number: one outside the knob's range, or no number at all, is not applied; the
   * control goes back to the current value and a message under it says why, naming the range.
   */
  private commitNumber(spec: KnobSpec, input: HTMLInputElement): void {
    const current = this.value(spec) as number;
    const typed = input.value.trim();
    let v = Number(typed);
    const lang = this.lang;
    const min = this.bound(spec, spec.min);
    const max = this.bound(spec, spec.max);
    if (typed === '' || !Number.isFinite(v)) {
      // a number field gives '' for text it cannot read; say what the field needs
      input.value = String(current);
      this.setError(
        spec.name,
        spec.min !== undefined && spec.max !== undefined ? t(lang, 'cmp.notNumber', { min, max }) : t(lang, 'cmp.notNumberOpen'),
      );
      return;
    }
    if ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max)) {
      input.value = String(current);
      this.setError(spec.name, t(lang, 'cmp.outOfRange', { value: typed, min: min || '−∞', max: max || '∞', current: String(current) }));
      return;
    }
    if (spec.type === 'integer') v = Math.round(v);
    input.value = String(v);
    this.setError(spec.name, null);
    if (v !== current) this.change(spec, v);
  }

  private value(spec: KnobSpec): KnobValue {
    return (this.knobs as unknown as Record<string, KnobValue>)[spec.name];
  }

  private ref(spec: KnobSpec): KnobValue {
    return this.reference ? (this.reference as unknown as Record<string, KnobValue>)[spec.name] : spec.default;
  }

  private control(spec: KnobSpec, id: string, label: string, v: KnobValue): TemplateResult {
    const describedBy = `${id}-tip`;
    switch (spec.type) {
      case 'boolean':
        return html`<button
          type="button"
          class="switch"
          role="switch"
          id=${id}
          aria-checked=${v ? 'true' : 'false'}
          aria-label=${label}
          aria-describedby=${describedBy}
          @click=${() => this.change(spec, !v)}
        >
          <span class="dot" aria-hidden="true"></span>${t(this.lang, v ? 'on' : 'off')}
        </button>`;
      case 'enum':
        return html`<select
          id=${id}
          aria-describedby=${describedBy}
          @change=${(e: Event) => this.change(spec, (e.target as HTMLSelectElement).value)}
        >
          ${(spec.options ?? []).map((o) => html`<option value=${o} ?selected=${o === v}>${pick(this.lang, spec.optionLabels?.[o]) || o}</option>`)}
        </select>`;
      case 'date':
        return html`<input
          type="date"
          id=${id}
          aria-describedby=${describedBy}
          .value=${String(v)}
          required
          @change=${(e: Event) => {
            const s = (e.target as HTMLInputElement).value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(s) && s !== v) this.change(spec, s);
          }}
        />`;
      case 'integer':
      case 'number': {
        const step = spec.type === 'integer' ? 1 : (spec.step ?? 'any');
        const slider = sliderFits(spec);
        return html`${
          slider
            ? html`<input
                type="range"
                aria-label=${label}
                aria-describedby=${describedBy}
                min=${spec.min!}
                max=${spec.max!}
                step=${step}
                .value=${String(v)}
                @input=${(e: Event) => this.change(spec, Number((e.target as HTMLInputElement).value))}
              />`
            : nothing
        }<input
            type="number"
            id=${id}
            class=${slider ? '' : 'wide'}
            inputmode="decimal"
            aria-describedby=${this.errors[spec.name] ? `${id}-err ${describedBy}` : describedBy}
            aria-invalid=${this.errors[spec.name] ? 'true' : 'false'}
            min=${spec.min ?? nothing}
            max=${spec.max ?? nothing}
            step=${step}
            .value=${String(v)}
            @change=${(e: Event) => this.commitNumber(spec, e.target as HTMLInputElement)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') this.commitNumber(spec, e.target as HTMLInputElement);
            }}
          />`;
      }
    }
  }

  private tip(spec: KnobSpec, id: string): TemplateResult {
    const lang = this.lang;
    const unit = pick(lang, spec.unit);
    return html`<div class="tip" role="tooltip" id=${`${id}-tip`}>
      <p>${pick(lang, spec.meaning)}</p>
      ${unit ? html`<p>${t(lang, 'unit')}: ${unit}</p>` : nothing}
      ${
        spec.min !== undefined && spec.max !== undefined
          ? html`<p>${t(lang, 'range', { min: fmt(lang, spec.min, spec.type === 'integer' ? 0 : 3).replace(/\.?0+$/, ''), max: fmt(lang, spec.max, spec.type === 'integer' ? 0 : 3).replace(/\.?0+$/, '') })}</p>`
          : spec.options
            ? html`<p>${spec.options.join(' / ')}</p>`
            : nothing
      }
      <p>${t(lang, 'default', { value: valueText(this.ref(spec), lang) })}</p>
      ${spec.source ? html`<p class="src">${t(lang, 'source')}: ${spec.source}</p>` : nothing}
    </div>`;
  }

  private row(spec: KnobSpec, inert: readonly Text[] | undefined): TemplateResult {
    const id = `knob-${spec.name}`;
    const label = knobLabel(spec, this.lang);
    const v = this.value(spec);
    const ref = this.ref(spec);
    const changed = v !== ref;
    const isSwitch = spec.type === 'boolean';
    const error = this.errors[spec.name];
    return html`<div class="knob ${changed ? 'changed' : ''} ${inert ? 'inert' : ''}" data-knob=${spec.name} ?data-inert=${!!inert}>
      <div>
        ${isSwitch ? html`<span class="label" id=${`${id}-label`}>${label}</span>` : html`<label for=${id}>${label}</label>`}
        <span class="name">${spec.name}</span>
        ${changed ? html`<span class="mark">• ${t(this.lang, 'changed')}</span>` : nothing}
        ${inert ? html`<span class="inert-mark">${t(this.lang, 'cmp.inert')}</span>` : nothing}
      </div>
      <div>
        ${
          changed
            ? html`<button
              type="button"
              class="reset"
              aria-label=${t(this.lang, 'resetKnob', { name: label, value: valueText(ref, this.lang) })}
              title=${t(this.lang, 'resetKnob', { name: label, value: valueText(ref, this.lang) })}
              @click=${() => this.emit('knob-reset', { name: spec.name })}
            >
              ↺
            </button>`
            : nothing
        }
      </div>
      <div class="control">${this.control(spec, id, label, v)}</div>
      ${inert ? html`<p class="inert-why" data-inert-why=${spec.name}>${inert.map((r) => pick(this.lang, r)).join('; ')}</p>` : nothing}
      ${error ? html`<p class="err" role="alert" id=${`${id}-err`} data-error=${spec.name}>${error}</p>` : nothing}
      ${this.inForceRow(spec)}
      ${this.tip(spec, id)}
    </div>`;
  }

  /** The value in force on the cursor's day, for a knob the timeline changes. */
  private inForceRow(spec: KnobSpec): TemplateResult | typeof nothing {
    const date = this.cursorDate;
    if (!date || !this.knobs || !this.timeline.some((c) => spec.name in c.knobs)) return nothing;
    const v = inForce(this.knobs, this.timeline, spec.name, date);
    return html`<div class="in-force" data-in-force=${spec.name} title=${t(this.lang, 'tl.inForceTitle', { date })}>
      ${t(this.lang, 'tl.inForceOn', { date, value: valueShortOf(spec.name, v, this.lang) })}
    </div>`;
  }

  override render() {
    if (!this.knobs) return nothing;
    const lang = this.lang;
    const changedCount = KNOBS.filter((k) => this.value(k) !== this.ref(k)).length;
    const inert = inertKnobs(this.knobs, this.timeline);
    return html`<div class="top">
        <p>${t(lang, 'knobsHelp')}</p>
        <button type="button" class="reset-all" ?disabled=${changedCount === 0} @click=${() => this.emit('knobs-reset-all')}>
          ${t(lang, 'resetAll')}${changedCount ? ` (${changedCount})` : ''}
        </button>
      </div>
      ${KNOB_GROUPS.map((g) => {
        const specs = KNOBS.filter((k) => k.group === g.id);
        const n = specs.filter((k) => this.value(k) !== this.ref(k)).length;
        const open = g.id !== 'needs' && g.id !== 'channels' && g.id !== 'world' && g.id !== 'work';
        return html`<details ?open=${open || n > 0} data-group=${g.id} aria-label=${pick(lang, g)}>
          <summary>${pick(lang, g)}${n ? html`<span class="count">(${n} ${t(lang, 'changed')})</span>` : nothing}</summary>
          ${specs.map((s) => this.row(s, inert.get(s.name)))}
        </details>`;
      })}`;
  }
}

customElements.define('hl-knob-panel', HlKnobPanel);

declare global {
  interface HTMLElementTagNameMap {
    'hl-knob-panel': HlKnobPanel;
  }
}
