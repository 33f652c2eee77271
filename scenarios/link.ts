/**
 * The shareable link: a human-readable query string that names a preset, a seed, the model
 * version and only the knobs that differ from the preset, in schema order, then the timeline
 * when it differs from the preset's, one `at` per date:
 *
 *   ?preset=baseline&seed=42&v=0.1.0&lang=zh&handDown=true&cadence=bimonthly
 *   ?preset=baseline&seed=1&v=0.1.0&at=2026-01-01~cadence:bimonthly,rankingMode:grades,districtLayer:false
 *
 * A change is `DATE~knob:value,knob:value`: '~' is unreserved in URLs and ',' and ':' are left
 * readable (both survive URL parsing unescaped), so a change reads as written and survives
 * copy and paste. `at=none` says "no changes" when the preset has a timeline.
 *
 * Parsing is lenient (a link from an older version or edited by hand still opens): a bad value
 * is dropped, the preset's value used, and a problem says so. Works in the browser and in Node.
 */
import { KNOBS, MODEL, type Knobs, type KnobValue } from '../sim/index.ts';
import {
  DEFAULT_SEED,
  checkTimeline,
  checkSeed,
  formatKnobValue,
  loadScenario,
  nearest,
  parseKnobValue,
  SEED_ALLOWED,
  show,
  type LoadResult,
  type Problem,
} from './loader.ts';
import { DEFAULT_PRESET, presetKnobs, presetTimeline } from './presets.ts';
import { fixedReason, orderedKnobs, sameTimeline, type TimelineChange } from './timeline.ts';

export type Lang = 'en' | 'zh';

/** Parameters the app may add to a link; they are passed through in `extras`, not validated here. */
export const RESERVED_PARAMS = [
  'lang',
  'v',
  'view',
  'embed',
  'compare',
  'cell',
  'story',
  'step',
  'exp',
  'show',
  'present',
  'seeds',
] as const;

/** Longest link accepted, in characters. */
export const MAX_LINK_LENGTH = 8000;

export interface LinkScenario {
  preset: string;
  /** Full or partial knobs; only values that differ from the preset are written. */
  knobs: Partial<Knobs>;
  seed: number;
  lang?: Lang;
  /** The scenario's timeline; undefined (or equal to the preset's) writes none. */
  timeline?: readonly TimelineChange[];
}

/** The link parameter of a timeline change, and the value that says "no changes". */
export const AT_PARAM = 'at';
export const AT_NONE = 'none';

export interface ParsedLink extends LoadResult {
  lang?: Lang;
  /** The model version the link was made with (`v`), if given. */
  version?: string;
  /** True when `v` is given and differs from this model's version: results may differ. */
  versionMismatch: boolean;
  /** Reserved app parameters (`lang`, `v`, `view`, ...) as given. */
  extras: Record<string, string>;
}

/** Encode a value for a query string, leaving readable characters readable. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/**
 * The query part of a link (starting with '?'): preset, seed, version, language, then the knobs
 * that differ from the preset in schema order. Numbers are written in their shortest exact form.
 */
export function scenarioToQuery(x: LinkScenario): string {
  const base = presetKnobs(x.preset) ?? (presetKnobs(DEFAULT_PRESET) as Knobs);
  const parts = [`preset=${enc(x.preset)}`, `seed=${formatKnobValue(x.seed)}`, `v=${enc(MODEL.version)}`];
  if (x.lang) parts.push(`lang=${x.lang}`);
  const given = x.knobs as Record<string, KnobValue | undefined>;
  const preset = base as unknown as Record<string, KnobValue>;
  for (const spec of KNOBS) {
    const v = given[spec.name];
    if (v === undefined || v === preset[spec.name]) continue;
    parts.push(`${spec.name}=${enc(formatKnobValue(v))}`);
  }
  if (x.timeline) {
    // The preset's timeline as this scenario resolves it (a shortened run leaves late changes out).
    // Written unless it is exactly that and the preset's timeline fits this run without a problem.
    const own = checkTimeline(presetTimeline(x.preset), { ...base, ...x.knobs } as Knobs, { lenient: true });
    if (own.problems.length > 0 || !sameTimeline(x.timeline, own.timeline)) {
      if (x.timeline.length === 0) parts.push(`${AT_PARAM}=${AT_NONE}`);
      for (const c of x.timeline) parts.push(`${AT_PARAM}=${enc(changeToText(c))}`);
    }
  }
  return '?' + parts.join('&');
}

/** A change as link text: `2026-01-01~cadence:bimonthly,districtLayer:false` (knobs in schema order). */
export function changeToText(c: TimelineChange): string {
  return `${c.date}~${orderedKnobs(c.knobs)
    .map(([k, v]) => `${k}:${formatKnobValue(v)}`)
    .join(',')}`;
}

/**
 * Read a change's text (`DATE~knob:value,...`, as in a link) into the object a scenario file
 * writes, values parsed as `--set` parses them. `field` names the change in problems
 * (`timeline[0]`). The loader checks the date and knobs afterwards. Never throws.
 */
export function changeFromText(
  text: string,
  field: string,
): { change?: { date: string; knobs: Record<string, KnobValue> }; problems: Problem[] } {
  const problems: Problem[] = [];
  const tilde = text.indexOf('~');
  const body = tilde >= 0 ? text.slice(tilde + 1) : '';
  if (tilde < 0 || body.trim() === '') {
    problems.push({
      field,
      value: show(text),
      message: `${field} = '${show(text)}' is not a change: must be DATE~knob:value,knob:value like 2026-01-01~cadence:bimonthly,districtLayer:false`,
      code: 'bad-change',
    });
    return { problems };
  }
  const knobs: Record<string, KnobValue> = {};
  for (const part of body.split(',')) {
    const colon = part.indexOf(':');
    const name = (colon >= 0 ? part.slice(0, colon) : part).trim();
    if (colon <= 0) {
      problems.push({
        field,
        value: show(part),
        message: `${field}: '${show(part)}' is not knob:value, like cadence:bimonthly`,
        code: 'bad-change',
      });
      continue;
    }
    // A knob that cannot change goes to the loader as given, which says why it cannot.
    if (fixedReason(name)) {
      knobs[name] = part.slice(colon + 1);
      continue;
    }
    const parsed = parseKnobValue(name, part.slice(colon + 1));
    if (parsed.ok) knobs[name] = parsed.value;
    else {
      const f = `${field}.knobs.${name}`;
      problems.push({ ...parsed.problem, field: f, message: `${f}: ${parsed.problem.message}` });
    }
  }
  // Nothing readable is left: the problems above say why; no change to report as empty.
  if (problems.length > 0 && Object.keys(knobs).length === 0) return { problems };
  return { change: { date: text.slice(0, tilde).trim(), knobs }, problems };
}

/** Pull the query text(s) out of a full URL (any host or sub-path, query in search or after '#') or a bare query. */
function queryParts(input: string): string[] {
  const s = input.trim();
  const out: string[] = [];
  const hashAt = s.indexOf('#');
  const before = hashAt >= 0 ? s.slice(0, hashAt) : s;
  const hash = hashAt >= 0 ? s.slice(hashAt + 1) : '';
  const q = before.indexOf('?');
  if (q >= 0) out.push(before.slice(q + 1));
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(before) && before.includes('=')) out.push(before);
  if (hash) {
    const hq = hash.indexOf('?');
    if (hq >= 0) out.push(hash.slice(hq + 1));
    else if (hash.includes('=')) out.push(hash.replace(/^[/!]+/, ''));
  }
  return out;
}

/**
 * Parse a link or a bare query string into a scenario, leniently: bad values give problems
 * and the preset's values are used. Never throws.
 */
export function parseLink(urlOrQuery: string): ParsedLink {
  const problems: Problem[] = [];
  const extras: Record<string, string> = {};
  let lang: Lang | undefined;
  let version: string | undefined;

  const refuse = (p: Problem): ParsedLink => {
    const base = loadScenario({}, { lenient: true });
    return { ...base, ok: false, problems: [p], versionMismatch: false, extras };
  };

  if (typeof urlOrQuery !== 'string') {
    return refuse({ field: '(link)', value: show(urlOrQuery), message: 'a link must be text', code: 'not-text-input' });
  }
  if (urlOrQuery.length > MAX_LINK_LENGTH) {
    return refuse({
      field: '(link)',
      value: `${urlOrQuery.length} characters`,
      message: `link is ${urlOrQuery.length} characters: too long, the limit is ${MAX_LINK_LENGTH}`,
      code: 'too-large',
      detail: { characters: urlOrQuery.length, limit: MAX_LINK_LENGTH },
    });
  }

  const params: [string, string][] = [];
  try {
    for (const q of queryParts(urlOrQuery)) {
      for (const [k, v] of new URLSearchParams(q)) params.push([k, v]);
    }
  } catch (e) {
    return refuse({
      field: '(link)',
      value: show(urlOrQuery),
      message: `link could not be read: ${e instanceof Error ? e.message : String(e)}`,
      code: 'unreadable',
    });
  }

  const input: { preset?: string; seed?: number; knobs: Record<string, KnobValue>; timeline?: unknown[] } = { knobs: {} };
  const seen = new Set<string>();
  const knobNames = KNOBS.map((k) => k.name);
  const known = ['preset', 'seed', AT_PARAM, ...RESERVED_PARAMS, ...knobNames];
  // The loader numbers the changes it is given; a change that could not be read is not given,
  // so its problems are renamed to the change's place among the link's `at` parameters.
  let atCount = 0;
  const atIndex: number[] = [];

  for (const [key, value] of params) {
    if (key === AT_PARAM) {
      // Repeatable: one change per `at`; `at=none` is an empty timeline (the preset's is dropped).
      input.timeline ??= [];
      if (value.trim() === AT_NONE) continue;
      const field = `timeline[${atCount++}]`;
      const c = changeFromText(value, field);
      for (const p of c.problems) problems.push({ ...p, used: 'ignored' });
      if (c.change) {
        atIndex.push(atCount - 1);
        input.timeline.push(c.change);
      }
      continue;
    }
    if (seen.has(key)) {
      problems.push({
        field: key,
        value: show(value),
        message: `parameter '${key}' is given more than once: the last one counts`,
        used: show(value),
        code: 'duplicate-param',
      });
    }
    seen.add(key);
    if ((RESERVED_PARAMS as readonly string[]).includes(key)) {
      extras[key] = value;
      if (key === 'lang') {
        if (value === 'en' || value === 'zh') lang = value;
        else {
          lang = undefined;
          problems.push({
            field: 'lang',
            value: show(value),
            message: `lang = '${show(value)}' is not allowed: must be en or zh`,
            used: 'the app default',
            code: 'bad-lang',
            allowed: { type: 'enum', options: ['en', 'zh'] },
          });
        }
      } else if (key === 'v') version = value;
      continue;
    }
    if (key === 'preset') {
      input.preset = value;
      continue;
    }
    if (key === 'seed') {
      const s = checkSeed(value);
      if (s.ok) input.seed = s.seed;
      else {
        delete input.seed;
        problems.push({
          field: 'seed',
          value: show(value),
          message: s.message,
          used: String(DEFAULT_SEED),
          code: 'bad-seed',
          allowed: SEED_ALLOWED,
        });
      }
      continue;
    }
    const parsed = parseKnobValue(key, value);
    if (parsed.ok) {
      input.knobs[key] = parsed.value;
      continue;
    }
    delete input.knobs[key];
    if (!knobNames.includes(key)) {
      const near = nearest(key, known);
      problems.push({
        field: key,
        value: show(value),
        message: `unknown link parameter '${key}'${near ? `: did you mean '${near}'?` : ''}`,
        used: 'ignored',
        code: 'unknown-param',
        ...(near ? { suggestion: near } : {}),
      });
    } else {
      problems.push({ ...parsed.problem, used: '' });
    }
  }

  const loaded = loadScenario(input, { lenient: true });
  // Fill in the value used for knob problems found while parsing text: the preset's value.
  const resolvedPreset = presetKnobs(loaded.scenario.preset) as unknown as Record<string, KnobValue>;
  for (const p of problems) {
    if (p.used === '') p.used = formatKnobValue(resolvedPreset[p.field]);
  }
  const renumber = (p: Problem): Problem => {
    const m = /^timeline\[(\d+)\]/.exec(p.field);
    if (!m || atIndex[Number(m[1])] === Number(m[1])) return p;
    const to = `timeline[${atIndex[Number(m[1])]}]`;
    return { ...p, field: p.field.replace(m[0], to), message: p.message.split(m[0]).join(to) };
  };
  const all = [...problems, ...loaded.problems.map(renumber)];
  return {
    ok: loaded.ok,
    scenario: loaded.scenario,
    seed: loaded.seed,
    problems: all,
    notes: (loaded.notes ?? []).map(renumber),
    lang,
    version,
    versionMismatch: version !== undefined && version !== MODEL.version,
    extras,
  };
}

/** A full link: `base` (e.g. location.origin + location.pathname) plus the query. */
export function scenarioToLink(base: string, x: LinkScenario): string {
  const clean = base.replace(/[?#].*$/, '');
  return clean + scenarioToQuery(x);
}
