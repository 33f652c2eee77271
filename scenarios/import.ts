/**
 * Importing a file a colleague sent: a scenario JSON, a run result JSON (from the app or the
 * command line; a compare's holds the baseline under `baseline`), a CSV export's provenance
 * sidecar (`.provenance.json`: model, seed and scenario), or a CSV export with a comment header
 * holding the seed and the scenario (the command line's, and the app's before issue 12).
 * Everything goes through the scenario loader, so the same checks and messages apply.
 * Never throws; refuses oversized files before reading them further.
 */
import {
  MAX_SCENARIO_BYTES,
  loadScenario,
  loadScenarioText,
  sizeProblem,
  utf8Length,
  show,
  type LoadResult,
  type Problem,
} from './loader.ts';
import { DEFAULT_PRESET, presetKnobs } from './presets.ts';
import type { Knobs } from '../sim/index.ts';

/** Largest file accepted, in bytes (a run's JSON for 20 years fits well under this). */
export const MAX_IMPORT_BYTES = 50_000_000;

/** The size check of an import, for the app to run before it reads a file (the one sizeProblem, with the import's limit). */
export function importSizeProblem(bytes: number): Problem | null {
  return sizeProblem('(file)', 'the file', bytes, MAX_IMPORT_BYTES) ?? null;
}

export type ImportKind = 'scenario' | 'result' | 'csv';
export interface ImportResult extends LoadResult {
  kind: ImportKind | null;
}

function fail(p: Problem): ImportResult {
  return {
    ok: false,
    kind: null,
    scenario: { preset: DEFAULT_PRESET, knobs: presetKnobs(DEFAULT_PRESET) as Knobs, timeline: [] },
    seed: 1,
    problems: [p],
  };
}

/** The scenario and seed of a CSV export, from its `# seed` and `# scenario {json}` lines. */
function fromCsv(text: string): ImportResult {
  let seed: string | undefined;
  let scenario: string | undefined;
  // the header is the leading run of comment lines; stop at the first data line
  for (let start = 0, lines = 0; start < text.length && lines < 50; lines++) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    start = end < 0 ? text.length : end + 1;
    if (!line.startsWith('#')) break;
    const m = /^#\s*(seed|scenario)\s+(.*)$/.exec(line);
    if (m && m[1] === 'seed') seed = m[2].trim();
    if (m && m[1] === 'scenario') scenario = m[2];
  }
  if (scenario === undefined) {
    // Exports since issue 12 are plain data: their scenario and seed are in the sidecar saved with them.
    if (/^(side,)?(day,date,metric,value|period,start_date,)/.test(text))
      return fail({
        field: '(csv)',
        value: show(text.slice(0, 40)),
        message:
          "this CSV holds the data only: its scenario and seed are in the '.provenance.json' file saved with it (same name); import that file",
        code: 'csv-data-only',
      });
    return fail({
      field: '(csv)',
      value: show(text.slice(0, 40)),
      message: "this CSV has no '# scenario {...}' header line: it is not a Hotline Lab export",
      code: 'csv-no-scenario',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(scenario);
  } catch {
    return fail({
      field: '(csv)',
      value: show(scenario),
      message: "the CSV's '# scenario' line is not valid JSON",
      code: 'csv-bad-scenario',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail({
      field: '(csv)',
      value: show(scenario),
      message: "the CSV's '# scenario' line must be a JSON object",
      code: 'csv-bad-scenario',
    });
  }
  const seedNum = seed !== undefined && /^\d+$/.test(seed) ? Number(seed) : seed;
  const loaded = loadScenario({ ...(parsed as object), seed: seedNum ?? 1 });
  return { ...loaded, kind: 'csv' };
}

export function importText(text: string): ImportResult {
  if (typeof text !== 'string') return fail({ field: '(file)', value: show(text), message: 'a file must be text', code: 'not-text-input' });
  const bytes = utf8Length(text);
  const tooLarge = sizeProblem('(file)', 'the file', bytes, MAX_IMPORT_BYTES);
  if (tooLarge) return fail(tooLarge);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body.trimStart();
  if (head.startsWith('#') || /^(day|side|period),/.test(head)) return fromCsv(head);
  if (!head.startsWith('{')) {
    return fail({
      field: '(file)',
      value: show(head.slice(0, 40)),
      message: 'not a Hotline Lab file: expected a scenario or result JSON, or a CSV export',
      code: 'not-hotline-file',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    // the scenario loader reports the line and column of a syntax error
    if (bytes <= MAX_SCENARIO_BYTES) return { ...loadScenarioText(body), kind: 'scenario' };
    return fail({
      field: '(json)',
      value: '',
      message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}`,
      code: 'invalid-json',
    });
  }
  return fromObject(parsed);
}

/** A scenario object, or a run result (model, seed, scenario {preset, knobs}, daily, ...). */
function fromObject(parsed: unknown): ImportResult {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail({
      field: '(json)',
      value: show(parsed),
      message: 'expected a JSON object',
      code: 'not-object',
      allowed: { type: 'object' },
    });
  }
  const o = parsed as Record<string, unknown>;
  if (!('scenario' in o && 'model' in o)) return { ...loadScenario(o), kind: 'scenario' };
  const sc = o.scenario;
  if (typeof sc !== 'object' || sc === null || Array.isArray(sc)) {
    return fail({
      field: 'scenario',
      value: show(sc),
      message: "a result's 'scenario' must be an object {preset, knobs}",
      code: 'result-bad-scenario',
      allowed: { type: 'object' },
    });
  }
  // A result without a timeline (made before timelines existed) gets the preset's.
  const { preset, knobs, timeline } = sc as Record<string, unknown>;
  return { ...loadScenario({ preset, knobs, seed: o.seed, ...(timeline !== undefined ? { timeline } : {}) }), kind: 'result' };
}
