/**
 * Opening a link or a file on the model version it names, for the app (the command line does the
 * same, strictly, in cli/main.ts). A link's `v`, a scenario file's `model` ("0.1.0" or
 * {name, version}), a run's JSON `model` or a CSV's `# model` line name the version:
 *
 * - the current version, or none: today's model, as before;
 * - an archived version: its own code reads the link or file (its presets, its knobs) and runs it;
 * - a version that never existed: a problem (code 'unknown-version'), and today's model instead.
 *
 * Each answer also carries the same input read by today's model, for "the same scenario on the
 * current model, side by side".
 */
import type { ImportResult } from '../scenarios/import.ts';
import type { ParsedLink } from '../scenarios/link.ts';
import type { Problem } from '../scenarios/loader.ts';
import type { CoreApi, CoreLoadResult, CoreParsedLink } from './core-api.ts';
import { CURRENT_CORE, loadCore } from './core.ts';
import { CURRENT_VERSION, runsArchived, versionProblem } from './registry.ts';

/** What a file is, and the model version it names, as given (undefined: none named). */
export interface FileKind {
  kind: 'scenario' | 'scenario-with-model' | 'result' | 'csv';
  named?: unknown;
  /** A scenario object without its `model` field (kind 'scenario-with-model'). */
  rest?: Record<string, unknown>;
}

/** Read the version a scenario file, a run's JSON export or a CSV export names. Never throws. */
export function fileKind(text: string): FileKind {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trimStart().startsWith('#')) {
    const m = /^# model \S+ (\S+)\s*$/m.exec(body);
    return { kind: 'csv', named: m ? m[1] : undefined };
  }
  let o: unknown;
  try {
    o = JSON.parse(body);
  } catch {
    return { kind: 'scenario' }; // the loader reports the line and column
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o) || !('model' in o)) return { kind: 'scenario' };
  const { model, ...rest } = o as Record<string, unknown>;
  const named = typeof model === 'object' && model !== null && 'version' in model ? (model as { version: unknown }).version : model;
  return 'scenario' in rest ? { kind: 'result', named } : { kind: 'scenario-with-model', named, rest };
}

interface Versioned {
  /** The version it runs on: the one named when known, else the current one. */
  version: string;
  /** True when that version is not the current one: it runs on its archived bundle (start.model). */
  archived: boolean;
  /** The version named that never existed (the answer falls back to the current model). */
  versionProblem?: Problem;
}

export interface VersionedLink extends Versioned {
  /** The link as its version reads it: scenario, seed and problems in that version's terms. */
  parsed: CoreParsedLink;
  /** The same link read by today's model (knobs it no longer has are problems there). */
  current: ParsedLink;
}

export interface VersionedFile extends Versioned {
  /** The file as its version reads it (what `importText` answers). */
  loaded: CoreLoadResult & { kind: ImportResult['kind'] };
  /** The same file read by today's model. */
  current: ImportResult;
}

function pick(named: unknown, field: string): Versioned {
  if (named === undefined) return { version: CURRENT_VERSION, archived: false };
  const problem = versionProblem(field, named);
  if (problem) return { version: CURRENT_VERSION, archived: false, versionProblem: problem };
  const version = named as string;
  return { version, archived: runsArchived(version) };
}

/** Open a link on the version its `v` names (loads that version's bundle once). */
export async function openLink(url: string): Promise<VersionedLink> {
  const current = CURRENT_CORE.parseLink(url) as unknown as ParsedLink;
  const v = pick(current.version, 'v');
  const core = await loadCore(v.version);
  return { ...v, parsed: core.parseLink(url), current };
}

function readFile(core: CoreApi, text: string, kind: FileKind): CoreLoadResult & { kind: ImportResult['kind'] } {
  return kind.kind === 'scenario-with-model' ? { ...core.loadScenario(kind.rest), kind: 'scenario' } : core.importText(text);
}

/** Open a scenario file or a run's export on the version it names (loads that version's bundle once). */
export async function openFile(text: string): Promise<VersionedFile> {
  const kind = fileKind(text);
  const v = pick(kind.named, 'model');
  const core = await loadCore(v.version);
  return { ...v, loaded: readFile(core, text, kind), current: readFile(CURRENT_CORE, text, kind) as unknown as ImportResult };
}
