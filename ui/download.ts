/**
 * Downloads: saving a blob or text as a file (one way for the run exports, the charts' SVG and
 * PNG and the experiment files), and the names of a run's exports. The export text itself is
 * built in the simulation worker (worker/protocol.ts `export`).
 */
import type { ExportFormat } from './worker/protocol.ts';
import type { SimController } from './worker/sim-controller.ts';

/** Which run of the page an export comes from: the scenario, or the baseline in compare mode. */
export type ExportWhich = 'main' | 'baseline';

/** The file name of an export, e.g. `hotline-lab_baseline_seed1-periods.csv`. */
export function exportFileName(preset: string, seed: number, format: ExportFormat, which: ExportWhich): string {
  const ext = format === 'json' ? 'json' : 'csv';
  const kind = format === 'periods-csv' ? '-periods' : '';
  return `hotline-lab_${preset}${which === 'baseline' ? '-baseline' : ''}_seed${seed}${kind}.${ext}`;
}

/** The MIME type of an export. */
export function exportMime(format: ExportFormat): string {
  return format === 'json' ? 'application/json' : 'text/csv';
}

/** Save a blob as a file: a click on a temporary `<a download>` of a blob: URL, revoked once the download has begun. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text as a file of the given MIME type. */
export function saveText(text: string, name: string, type: string): void {
  saveBlob(new Blob([text], { type }), name);
}

/** Download an export of the scenario's run (or the baseline's), built in its worker; rejects when there is no such run. */
export async function downloadRun(
  sim: SimController,
  format: ExportFormat,
  which: ExportWhich,
  preset: string,
  seed: number,
): Promise<void> {
  const text = await sim.exportText(format, which);
  saveText(text, exportFileName(preset, seed, format, which), exportMime(format));
}

/** The header's export request: the run, or in compare mode the baseline when asked, in the format asked for. */
export function exportRequest(
  sim: SimController,
  request: { format: ExportFormat; baseline: boolean },
  page: { preset: string; seed: number; compare: boolean },
  fail: (message: string) => void,
): void {
  const which = request.baseline && page.compare ? 'baseline' : 'main';
  downloadRun(sim, request.format, which, page.preset, page.seed).catch((err) => fail(err instanceof Error ? err.message : String(err)));
}
