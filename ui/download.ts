/**
 * Downloads: saving a blob or text as a file (one way for the run exports, the charts' SVG and
 * PNG and the experiment files), the run exports' files (scenarios/export.ts `exportFiles`:
 * traceable names, plain CSV with a provenance sidecar, both sides in compare mode), and the
 * provenance the charts print under an exported image. The export text itself is built in the
 * simulation worker (worker/protocol.ts `export`).
 */
import { MODEL } from '../sim/index.ts';
import { exportFiles, scenarioChanged, shortHash, type ExportScenario } from '../scenarios/export.ts';
import type { ChartProvenance } from './charts/types.ts';
import { pageQuery, type PageState } from './shell/page-link.ts';
import type { ExportFormat } from './worker/protocol.ts';
import type { SimController } from './worker/sim-controller.ts';

/** Which run of the page an export comes from: the scenario, or the baseline in compare mode. */
export type ExportWhich = 'main' | 'baseline';

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

/**
 * Download an export: the scenario's run, the baseline's alone, or in compare mode both sides in
 * one file. Resolves to the names saved; rejects when there is no such run.
 */
export async function downloadRun(sim: SimController, format: ExportFormat, sides: 'main' | 'baseline' | 'both'): Promise<string[]> {
  const main = await sim.exportText(format, sides === 'baseline' ? 'baseline' : 'main');
  const baseline = sides === 'both' ? await sim.exportText(format, 'baseline') : undefined;
  const files = exportFiles(format, main, baseline, sides === 'baseline' ? 'baseline' : undefined);
  for (const f of files) saveText(f.text, f.name, f.type);
  return files.map((f) => f.name);
}

/** The header's export request: the run (in compare mode with its baseline), or the baseline alone when asked (Shift). */
export function exportRequest(
  sim: SimController,
  request: { format: ExportFormat; baseline: boolean },
  page: { compare: boolean },
  fail: (message: string) => void,
): void {
  const sides = !page.compare ? 'main' : request.baseline ? 'baseline' : 'both';
  downloadRun(sim, request.format, sides).catch((err) => fail(err instanceof Error ? err.message : String(err)));
}

const provenanceMemo = new WeakMap<object, Map<string, ChartProvenance>>();

/**
 * What an exported chart image says about its run: the scenario (preset, changed or not, short
 * hash), the seed, the model version and the full app's link (without `embed=` and `show=`).
 * Memoised per page state, since views re-render on every streamed chunk.
 */
export function pageProvenance(
  page: PageState,
  version: string = MODEL.version,
  origin = typeof location === 'undefined' ? '' : location.origin + location.pathname,
): ChartProvenance {
  const byVersion = provenanceMemo.get(page) ?? new Map<string, ChartProvenance>();
  provenanceMemo.set(page, byVersion);
  const key = `${version}|${origin}`;
  const hit = byVersion.get(key);
  if (hit) return hit;
  const scenario = { preset: page.preset, knobs: page.knobs, timeline: page.timeline } as unknown as ExportScenario;
  const full: PageState = { ...page, embed: false, show: [] };
  const out: ChartProvenance = {
    preset: page.preset,
    changed: scenarioChanged(scenario),
    hash: shortHash(scenario),
    seed: page.seed,
    version,
    link: origin + pageQuery(full),
  };
  byVersion.set(key, out);
  return out;
}
