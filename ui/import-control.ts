/**
 * `<hl-import>`: the header's "Import" control. A file input (accessible name, keyboard
 * reachable) that reads a scenario JSON, a run JSON or a CSV export through
 * scenarios/import.ts. It never changes anything itself: it sends `import-ok`
 * ({ scenario, seed, kind, name }) or `import-problems` ({ problems, name }) up, so a bad file
 * cannot touch the scenario being edited. Files over the import limit are refused from their
 * size, before they are read.
 */
import { LitElement, css, html } from 'lit';
import type { ResolvedScenario } from '../sim/index.ts';
import { importSizeProblem, importText, type ImportKind } from '../scenarios/import.ts';
import type { Problem } from '../scenarios/loader.ts';
import { t, type Lang } from './i18n.ts';

export interface ImportOkDetail {
  scenario: ResolvedScenario;
  seed: number;
  kind: ImportKind | null;
  name: string;
}
export interface ImportProblemsDetail {
  problems: Problem[];
  name: string;
}

export class HlImport extends LitElement {
  static override properties = { lang: {} };
  declare lang: Lang;

  constructor() {
    super();
    this.lang = 'en';
  }

  static override styles = css`
    label {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      font: inherit;
      font-size: 0.95rem;
      padding: 0.25rem 0.5rem;
      border-radius: 6px;
      border: 1px solid #9fb3cc;
      background: #fff;
      color: #1a1a1a;
      cursor: pointer;
      position: relative;
    }
    label:focus-within {
      outline: 3px solid var(--hl-focus, #e8a000);
      outline-offset: 2px;
    }
    input {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      opacity: 0;
      cursor: pointer;
    }
  `;

  private send<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  private async onChange(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const name = file.name;
    try {
      const tooLarge = importSizeProblem(file.size);
      if (tooLarge) {
        this.send<ImportProblemsDetail>('import-problems', { name, problems: [tooLarge] });
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        this.send<ImportProblemsDetail>('import-problems', {
          name,
          problems: [
            {
              field: '(file)',
              value: name,
              message: `the file could not be read: ${err instanceof Error ? err.message : String(err)}`,
              code: 'unreadable',
            },
          ],
        });
        return;
      }
      const r = importText(text);
      if (r.ok) this.send<ImportOkDetail>('import-ok', { scenario: r.scenario, seed: r.seed, kind: r.kind, name });
      else this.send<ImportProblemsDetail>('import-problems', { name, problems: r.problems });
    } finally {
      // the same file can be picked again after it was fixed
      input.value = '';
    }
  }

  override render() {
    const lang = this.lang;
    return html`<label title=${t(lang, 'importHelp')}
      >${t(lang, 'importLabel')}
      <input
        type="file"
        data-testid="import"
        accept=".json,.csv,application/json,text/csv"
        aria-label=${t(lang, 'importLong')}
        @change=${this.onChange}
    /></label>`;
  }
}

customElements.define('hl-import', HlImport);

declare global {
  interface HTMLElementTagNameMap {
    'hl-import': HlImport;
  }
}
