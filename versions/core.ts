/**
 * The whole core API of a model version (links, scenario files, presets, runs, exports): the
 * current model's modules for the current version, the archived bundle for an archived one.
 * The command line and the app's link handling use this; the worker needs only versions/run-core.ts.
 */
import { GOLDEN_SEED, goldenKnobs, goldenText } from '../scenarios/golden.ts';
import { importText } from '../scenarios/import.ts';
import { parseLink, scenarioToQuery } from '../scenarios/link.ts';
import { checkSeed, loadScenario, loadScenarioText, parseKnobValue } from '../scenarios/loader.ts';
import { DEFAULT_PRESET, presetKnobs, presetNames } from '../scenarios/presets.ts';
import { KNOBS, defaultKnobs, runScenario } from '../sim/index.ts';
import type { CoreApi } from './core-api.ts';
import { CURRENT_VERSION, VersionError, importArchived, runsArchived, versionProblem } from './registry.ts';
import { CURRENT_RUN_CORE } from './run-core.ts';

type C = CoreApi;

/** The current model as a CoreApi (the casts: a version's knobs are a plain record in the contract). */
export const CURRENT_CORE: CoreApi = {
  ...CURRENT_RUN_CORE,
  KNOBS,
  DEFAULT_PRESET,
  GOLDEN_SEED,
  presetNames,
  presetKnobs: presetKnobs as unknown as C['presetKnobs'],
  defaultKnobs: defaultKnobs as unknown as C['defaultKnobs'],
  parseLink: parseLink as unknown as C['parseLink'],
  loadScenario: loadScenario as unknown as C['loadScenario'],
  loadScenarioText: loadScenarioText as unknown as C['loadScenarioText'],
  importText: importText as unknown as C['importText'],
  parseKnobValue,
  checkSeed,
  scenarioToQuery: scenarioToQuery as unknown as C['scenarioToQuery'],
  runScenario: runScenario as unknown as C['runScenario'],
  goldenKnobs: goldenKnobs as unknown as C['goldenKnobs'],
  goldenText,
};

/** The core of `version` (the current one when undefined). Rejects with a VersionError for a version that never existed. */
export async function loadCore(version: string = CURRENT_VERSION): Promise<CoreApi> {
  if (version === CURRENT_VERSION) return CURRENT_CORE;
  if (!runsArchived(version)) throw new VersionError(versionProblem('model', version)!);
  return importArchived(version);
}
