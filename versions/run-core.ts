/**
 * The run-side core of a model version (what the app's worker needs): the current model's own
 * modules for the current version, the archived bundle for an archived one. Kept apart from
 * versions/core.ts so that the worker does not bundle the link parser, loader and presets.
 */
import { dailyCsv, periodsCsv, resultJson } from '../scenarios/export.ts';
import { BROWSER_LIMITS, METRICS, MODEL, Simulation, checkRunLimits } from '../sim/index.ts';
import type { RunCore } from './core-api.ts';
import { ARCHIVE_API, CURRENT_VERSION, VersionError, importArchived, runsArchived, versionProblem } from './registry.ts';

/** The current model as a RunCore (the casts: a version's knobs are a plain record in the contract). */
export const CURRENT_RUN_CORE: RunCore = {
  ARCHIVE_API,
  MODEL,
  METRICS,
  Simulation: Simulation as unknown as RunCore['Simulation'],
  BROWSER_LIMITS,
  checkRunLimits: checkRunLimits as unknown as RunCore['checkRunLimits'],
  resultJson: resultJson as unknown as RunCore['resultJson'],
  dailyCsv: dailyCsv as unknown as RunCore['dailyCsv'],
  periodsCsv: periodsCsv as unknown as RunCore['periodsCsv'],
};

/** The run core of `version` (the current one when undefined). Rejects with a VersionError for a version that never existed. */
export async function loadRunCore(version: string = CURRENT_VERSION): Promise<RunCore> {
  if (version === CURRENT_VERSION) return CURRENT_RUN_CORE;
  if (!runsArchived(version)) throw new VersionError(versionProblem('model', version)!);
  return importArchived(version);
}
