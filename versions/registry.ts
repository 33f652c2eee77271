/**
 * Model versions: the current one (this tree's sim/) and every archived one (a frozen bundle in
 * versions/<v>/, listed by the generated versions/archived.ts from the manifests). A link's `v`,
 * a scenario or run file's `model` and the command line's `--model` pick one; a version that
 * never existed is a problem (code 'unknown-version') naming the field and the known versions.
 *
 * Works in Node and in the browser (the bundles are imported by URL, relative to this folder).
 */
import type { Problem } from '../scenarios/loader.ts';
import { MODEL } from '../sim/index.ts';
import { CORE_URLS, MANIFESTS } from './archived.ts';
import type { CoreApi } from './core-api.ts';

/** The archive API this runner speaks (cli/archive.ts writes bundles for it). */
export const ARCHIVE_API = 1;

export interface VersionManifest {
  name: string;
  version: string;
  commit: string;
  date: string;
  file: string;
  sha256: string;
  bytes: number;
  api: number;
  bundler: string;
  golden: string[];
}

export const CURRENT_VERSION: string = MODEL.version;

/** Archived versions, oldest first. */
export const ARCHIVED: readonly VersionManifest[] = MANIFESTS;
export const ARCHIVED_VERSIONS: readonly string[] = ARCHIVED.map((m) => m.version);

/** Every version that can run: the archived ones and the current one, oldest first. */
export const KNOWN_VERSIONS: readonly string[] = ARCHIVED_VERSIONS.includes(CURRENT_VERSION)
  ? ARCHIVED_VERSIONS
  : [...ARCHIVED_VERSIONS, CURRENT_VERSION];

export function isKnownVersion(v: unknown): v is string {
  return typeof v === 'string' && KNOWN_VERSIONS.includes(v);
}

export function isCurrentVersion(v: string): boolean {
  return v === CURRENT_VERSION;
}

/** True when `v` runs on an archived bundle (a known version other than the current one). */
export function runsArchived(v: string): boolean {
  return v !== CURRENT_VERSION && ARCHIVED_VERSIONS.includes(v);
}

export function manifestOf(v: string): VersionManifest | undefined {
  return ARCHIVED.find((m) => m.version === v);
}

/** The known versions in words: `0.1.0, 0.2.0 (current)`. */
export function knownVersionsText(): string {
  return KNOWN_VERSIONS.map((v) => (v === CURRENT_VERSION ? `${v} (current)` : v)).join(', ');
}

/**
 * The problem for a version that never existed, or undefined when `value` is a known version.
 * `field` is where it was given: 'v' (a link), 'model' (a file), '--model' (the command line).
 */
export function versionProblem(field: string, value: unknown): Problem | undefined {
  if (isKnownVersion(value)) return undefined;
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const shown = text.length > 60 ? text.slice(0, 57) + '...' : text;
  return {
    field,
    value: shown,
    message: `${field} = ${typeof value === 'string' ? `'${shown}'` : shown} is not a model version: known versions are ${knownVersionsText()}`,
    code: 'unknown-version',
    allowed: { type: 'enum', options: KNOWN_VERSIONS },
  };
}

/** Thrown by the loaders below when a version cannot run (unknown, or its bundle failed to load). */
export class VersionError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

const loaded = new Map<string, Promise<CoreApi>>();

/**
 * The archived bundle of version `v`, imported once (cached; a failed import is retried on the
 * next call). Checks that the module is the version and speaks the archive API it claims.
 */
export function importArchived(v: string): Promise<CoreApi> {
  const cached = loaded.get(v);
  if (cached) return cached;
  const url = CORE_URLS[v];
  const manifest = manifestOf(v);
  if (!url || !manifest) return Promise.reject(new VersionError(versionProblem('model', v) ?? notArchived(v)));
  const p = (async () => {
    const mod = (await import(/* @vite-ignore */ url.href)) as Partial<CoreApi>;
    if (mod.ARCHIVE_API !== manifest.api || mod.ARCHIVE_API !== ARCHIVE_API) {
      throw new Error(`the bundle of model ${v} speaks archive API ${String(mod.ARCHIVE_API)}, this runner ${ARCHIVE_API}`);
    }
    if (mod.MODEL?.version !== v) throw new Error(`the bundle of model ${v} says it is model ${String(mod.MODEL?.version)}`);
    return mod as CoreApi;
  })();
  loaded.set(v, p);
  p.catch(() => loaded.delete(v));
  return p;
}

function notArchived(v: string): Problem {
  return { field: 'model', value: v, message: `model ${v} has no archived bundle`, code: 'unknown-version' };
}
