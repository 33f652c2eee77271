/**
 * The scenario boundary: everything that enters the model (a scenario file, a `--set` flag, a
 * link) passes through here and is checked against the knob schema. Problems name the field,
 * the value given and what is allowed; unknown names get the nearest known one suggested.
 *
 * Strict mode (files, the command line): any problem makes the load fail.
 * Lenient mode (links): a bad field is dropped, the preset's value is used, and the problem
 * says which value was used. Nothing here throws.
 */
import { KNOBS, knobSpec, isIsoDate, type Knobs, type KnobSpec, type KnobValue } from '../sim/index.ts';
import { DEFAULT_PRESET, presetKnobs, presetNames, presetTimeline } from './presets.ts';
import { fixedReason, lastDate, type TimelineChange, type TimelineScenario } from './timeline.ts';
import { parseJsonText } from './json.ts';

/**
 * What kind of problem, machine-readable, so that a user interface can say it in another
 * language (the `message` is English). With `allowed` and `suggestion` a problem can be
 * rendered entirely from its structure.
 */
export type ProblemCode =
  // names
  | 'unknown-knob'
  | 'unknown-field'
  | 'knob-outside-knobs'
  | 'unknown-preset'
  | 'unknown-param'
  | 'duplicate-param'
  // values
  | 'not-boolean'
  | 'not-text'
  | 'not-option'
  | 'not-date-form'
  | 'not-calendar-date'
  | 'not-number'
  | 'not-finite'
  | 'not-integer'
  | 'below-min'
  | 'above-max'
  | 'bad-seed'
  | 'bad-lang'
  | 'bad-description'
  | 'bad-knobs'
  | 'cross-field'
  // timelines (scenarios/timeline.ts)
  | 'bad-timeline'
  | 'bad-change'
  | 'timeline-outside'
  | 'timeline-after-end'
  | 'timeline-fixed'
  | 'timeline-duplicate'
  | 'timeline-empty'
  // whole inputs
  | 'not-object'
  | 'not-text-input'
  | 'too-large'
  | 'empty'
  | 'invalid-json'
  | 'unreadable'
  | 'not-hotline-file'
  | 'csv-no-scenario'
  | 'csv-data-only'
  | 'csv-bad-scenario'
  | 'result-bad-scenario'
  // model versions (versions/registry.ts)
  | 'unknown-version'
  // app parameters (ui/)
  | 'bad-view'
  | 'bad-flag'
  | 'bad-cell'
  | 'bad-story'
  | 'bad-seeds';

/** What a field allows, as data (mirrors `allowedText`). */
export interface Allowed {
  type: 'boolean' | 'enum' | 'date' | 'integer' | 'number' | 'text' | 'object';
  min?: number;
  max?: number;
  options?: readonly string[];
}

export interface Problem {
  /** The field at fault: a knob name, `preset`, `seed`, a top-level key, or `(input)` / `(json)`. */
  field: string;
  /** The value given, as text (truncated when long). */
  value: string;
  /** One line naming the field, the value and what is allowed. */
  message: string;
  /**
   * The same line in Chinese, from a boundary that words its problems in both languages itself
   * (the experiment loader); others give `code` and the app words it (ui/problem-text.ts).
   */
  zh?: string;
  /** Lenient mode: the value used instead. */
  used?: string;
  /** The kind of problem (set by every problem the scenario boundary reports). */
  code?: ProblemCode;
  /** What the field allows. */
  allowed?: Allowed;
  /** The nearest known name, when the given one looks like a typo. */
  suggestion?: string;
  /** Other facts the message states (sizes, limits, the other field of a cross-field rule, line and column). */
  detail?: Record<string, string | number>;
}

export interface LoadResult {
  ok: boolean;
  scenario: TimelineScenario;
  seed: number;
  problems: Problem[];
  /**
   * Things worth saying that do not make the load fail: a timeline change dated after the run's
   * last day (it cannot take effect, so it is left out of the resolved scenario).
   */
  notes?: Problem[];
}

export interface LoadOptions {
  /** Drop bad fields and use the preset's values instead of failing. */
  lenient?: boolean;
}

/** Fields a scenario object may have. `description` is a free-text note, ignored by the model. */
export const SCENARIO_FIELDS = ['preset', 'seed', 'knobs', 'timeline', 'description'] as const;

/** Fields of one timeline change. */
export const CHANGE_FIELDS = ['date', 'knobs'] as const;

export const DEFAULT_SEED = 1;
/** Seeds are unsigned 32-bit integers. */
export const SEED_LIMIT = 2 ** 32;
/** Largest scenario text accepted, in bytes of UTF-8. */
export const MAX_SCENARIO_BYTES = 1_000_000;

// ---------------------------------------------------------------- text helpers

/** A value shown in a message: JSON-ish, short. */
export function show(value: unknown): string {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (value === undefined) s = 'undefined';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = Object.prototype.toString.call(value);
    }
  }
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** The value as it appears in a message: strings quoted. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${show(value)}'` : show(value);
}

/** Number formatting without float noise for ranges and used values. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n);
}

export function formatKnobValue(v: KnobValue): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Candidate lists in lower case, computed once per list (the lists are module constants). */
const lowered = new WeakMap<readonly string[], string[]>();
function lowerAll(candidates: readonly string[]): string[] {
  let l = lowered.get(candidates);
  if (!l) {
    l = candidates.map((c) => c.toLowerCase());
    lowered.set(candidates, l);
  }
  return l;
}

/** Two reused rows for `boundedDistance` (grown when a longer name comes). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The edit distance of `a` and `b` if it is at most `max`, else some number above `max`. It stops
 * as soon as every cell of a row exceeds `max` (the distance can only grow from there), which is
 * what makes a search over every knob name cheap: most candidates are out after a row or two.
 */
function boundedDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * n + 2);
    rowB = new Int32Array(2 * n + 2);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = Math.min(sub, del, ins);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n];
}

/** The last question asked of `nearest` and its answer: messages ask twice (text, then suggestion). */
let memo: { name: string; candidates: readonly string[]; answer: string | undefined } | null = null;

/**
 * The nearest candidate to `name` (case-insensitive edit distance), if near enough to be a typo.
 * The first candidate at the least distance wins; it counts if that distance is at most a third of
 * the longer name (at least 2). Only distances up to the largest such limit any candidate could
 * have are computed exactly, which gives the same answer as measuring every candidate in full.
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  if (memo && memo.name === name && memo.candidates === candidates) return memo.answer;
  const answer = nearestUncached(name, candidates);
  memo = { name, candidates, answer };
  return answer;
}

function nearestUncached(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const lows = lowerAll(candidates);
  let longest = 0;
  for (const c of lows) if (c.length > longest) longest = c.length;
  const limitOf = (other: string) => Math.max(2, Math.floor(Math.max(name.length, other.length) / 3));
  // No candidate's limit exceeds this, so a distance above it can never be accepted.
  const cap = Math.max(2, Math.floor(Math.max(name.length, longest) / 3));
  let best = -1;
  let bestD = cap + 1;
  for (let i = 0; i < lows.length; i++) {
    const d = boundedDistance(lower, lows[i], bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best >= 0 && bestD <= limitOf(candidates[best])) return candidates[best];
  // A shortened name ('pinggu' for 'pinggu-hand-down') is also a likely meaning.
  if (lower.length >= 3) {
    const prefixed = candidates.filter((_, i) => lows[i].startsWith(lower));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** What a knob allows, as data. */
export function allowedOf(spec: KnobSpec): Allowed {
  switch (spec.type) {
    case 'boolean':
    case 'date':
      return { type: spec.type };
    case 'enum':
      return { type: 'enum', options: spec.options ?? [] };
    case 'integer':
    case 'number':
      return { type: spec.type, min: spec.min ?? -Infinity, max: spec.max ?? Infinity };
  }
}

/** Allowed seeds, as data. */
export const SEED_ALLOWED: Allowed = { type: 'integer', min: 0, max: SEED_LIMIT - 1 };

function didYouMean(name: string, candidates: readonly string[]): string {
  const n = nearest(name, candidates);
  return n ? `: did you mean '${n}'?` : '';
}

/** `{ suggestion }` when a near name exists (to spread into a problem). */
export function suggest(name: string, ...lists: (readonly string[])[]): { suggestion?: string } {
  for (const l of lists) {
    const n = nearest(name, l);
    if (n) return { suggestion: n };
  }
  return {};
}

/** What a knob allows, in words. */
export function allowedText(spec: KnobSpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${(spec.options ?? []).join(', ')}`;
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'integer':
      return `an integer from ${formatNumber(spec.min ?? -Infinity)} to ${formatNumber(spec.max ?? Infinity)}`;
    case 'number':
      return `a number from ${formatNumber(spec.min ?? -Infinity)} to ${formatNumber(spec.max ?? Infinity)}`;
  }
}

const KNOB_NAMES = KNOBS.map((k) => k.name);

// ---------------------------------------------------------------- single values

/** A real calendar date YYYY-MM-DD between 1900 and 2199. */
export function isCalendarDate(s: string): boolean {
  if (!isIsoDate(s)) return false;
  const y = Number(s.slice(0, 4));
  return y >= 1900 && y <= 2199;
}

export type Checked = { ok: true; value: KnobValue } | { ok: false; message: string; code: ProblemCode; allowed: Allowed };

/** Check a typed value (as it comes from JSON) against a knob's spec. */
export function checkKnobValue(spec: KnobSpec, value: unknown): Checked {
  const name = spec.name;
  const bad = (why: string, code: ProblemCode): Checked => ({
    ok: false,
    message: `knob '${name}' = ${quoted(value)}${why}: must be ${allowedText(spec)}`,
    code,
    allowed: allowedOf(spec),
  });
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : bad(' is not a boolean', 'not-boolean');
    case 'enum':
      if (typeof value !== 'string') return bad(' is not text', 'not-text');
      return spec.options?.includes(value) ? { ok: true, value } : bad(' is not an option', 'not-option');
    case 'date':
      if (typeof value !== 'string') return bad(' is not text', 'not-text');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return bad(' is not in the form YYYY-MM-DD', 'not-date-form');
      return isCalendarDate(value) ? { ok: true, value } : bad(' is not a calendar date (1900-2199)', 'not-calendar-date');
    case 'integer':
    case 'number': {
      if (typeof value !== 'number') return bad(' is not a number', 'not-number');
      if (!Number.isFinite(value)) return bad(' is not finite', 'not-finite');
      if (spec.type === 'integer' && !Number.isInteger(value)) return bad(' is not an integer', 'not-integer');
      if (spec.min !== undefined && value < spec.min) return bad(' is below the minimum', 'below-min');
      if (spec.max !== undefined && value > spec.max) return bad(' is above the maximum', 'above-max');
      return { ok: true, value: value === 0 ? 0 : value };
    }
  }
}

/** Parse a number written by a person: `42`, `0.35`, `1e6`, `21_900_000`. */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  const m = /^[+-]?(?:\d+(?:_\d+)*)?(?:\.\d+(?:_\d+)*)?(?:[eE][+-]?\d+)?$/.exec(t);
  if (!m || !/^[+-]?\.?\d/.test(t)) return undefined;
  const n = Number(t.replace(/_/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = ['true', '1', 'on', 'yes'];
const FALSE_WORDS = ['false', '0', 'off', 'no'];

export type ParsedKnob = { ok: true; name: string; value: KnobValue } | { ok: false; problem: Problem };

/**
 * Parse a knob value given as text (from `--set name=value` or a link) and check it.
 * Booleans: true/false, 1/0, on/off, yes/no. Enums match case-insensitively.
 */
export function parseKnobValue(name: string, text: string): ParsedKnob {
  const spec = knobSpec(name);
  if (!spec) {
    return {
      ok: false,
      problem: {
        field: name,
        value: show(text),
        message: `unknown knob '${name}'${didYouMean(name, KNOB_NAMES) || '; see `hotline-lab knobs` for the list'}`,
        code: 'unknown-knob',
        ...suggest(name, KNOB_NAMES),
      },
    };
  }
  const t = text.trim();
  const fail = (message: string, code: ProblemCode): ParsedKnob => ({
    ok: false,
    problem: { field: name, value: show(text), message, code, allowed: allowedOf(spec) },
  });
  let value: unknown = t;
  switch (spec.type) {
    case 'boolean': {
      const l = t.toLowerCase();
      if (TRUE_WORDS.includes(l)) value = true;
      else if (FALSE_WORDS.includes(l)) value = false;
      else return fail(`knob '${name}' = '${show(text)}' is not a boolean: must be true/false, 1/0, on/off or yes/no`, 'not-boolean');
      break;
    }
    case 'enum': {
      const hit = spec.options?.find((o) => o.toLowerCase() === t.toLowerCase());
      if (hit) value = hit;
      break;
    }
    case 'integer':
    case 'number': {
      const n = parseNumberText(t);
      if (n === undefined) return fail(`knob '${name}' = '${show(text)}' is not a number: must be ${allowedText(spec)}`, 'not-number');
      value = n;
      break;
    }
    case 'date':
      break;
  }
  const c = checkKnobValue(spec, value);
  return c.ok ? { ok: true, name, value: c.value } : fail(c.message, c.code);
}

/** Parse a seed given as text or number: a non-negative integer below 2^32. */
export function checkSeed(value: unknown): { ok: true; seed: number } | { ok: false; message: string } {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') n = parseNumberText(value);
  const ok = n !== undefined && Number.isInteger(n) && n >= 0 && n < SEED_LIMIT;
  return ok
    ? { ok: true, seed: n === 0 ? 0 : (n as number) }
    : { ok: false, message: `seed = ${quoted(value)} is not allowed: must be an integer from 0 to ${SEED_LIMIT - 1}` };
}

function seedProblemMessage(value: unknown): string {
  return `seed = ${quoted(value)} is not allowed: must be an integer from 0 to ${SEED_LIMIT - 1}`;
}

// ---------------------------------------------------------------- cross-field checks

interface CrossRule {
  fields: (keyof Knobs)[];
  ok: (k: Knobs) => boolean;
  message: (k: Knobs) => string;
}

/** Relations between knobs the world builder needs. */
const CROSS_RULES: CrossRule[] = [
  {
    fields: ['units', 'districts'],
    ok: (k) => k.units >= k.districts,
    message: (k) => `units = ${k.units} is fewer than districts = ${k.districts}: every district needs at least one unit`,
  },
  {
    fields: ['cells', 'units'],
    ok: (k) => k.cells >= k.units,
    message: (k) => `cells = ${k.cells} is fewer than units = ${k.units}: every unit needs at least one cell`,
  },
  {
    fields: ['residents', 'cells'],
    ok: (k) => k.residents >= k.cells,
    message: (k) => `residents = ${k.residents} is fewer than cells = ${k.cells}: every cell needs at least one resident`,
  },
];

// ---------------------------------------------------------------- timelines

export interface TimelineCheck {
  /** The changes that take effect: sorted by date, changes on one date merged, values checked. */
  timeline: TimelineChange[];
  problems: Problem[];
  /** Changes dated after the run's last day (left out: they cannot take effect). */
  notes: Problem[];
}

const FIXED_WHY = {
  world: 'defines the world (it sizes the model or its calendar)',
  'start-date': "is a start date: a change's own date says when it takes effect",
  initial: 'sets the starting state, drawn once when the world is built',
} as const;

/** A date as the loader checks one: text, YYYY-MM-DD, a real calendar day 1900-2199. */
function checkDate(value: unknown): { ok: true; date: string } | { ok: false; why: string; code: ProblemCode } {
  if (typeof value !== 'string') return { ok: false, why: 'is not text', code: 'not-text' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, why: 'is not in the form YYYY-MM-DD', code: 'not-date-form' };
  if (!isCalendarDate(value)) return { ok: false, why: 'is not a calendar date (1900-2199)', code: 'not-calendar-date' };
  return { ok: true, date: value };
}

/**
 * Check a timeline (`[{ "date": "2026-01-01", "knobs": { ... } }, ...]`) against the run it
 * belongs to (`knobs`: its start date and horizon). Every problem names its field
 * (`timeline[1].date`, `timeline[0].knobs.residents`). The order of the list does not matter:
 * changes are sorted by date, and changes on the same date are merged (one knob may be set once
 * per date). A change on or before the start date is refused (set the knob itself); a change
 * after the last day is left out with a note. Lenient mode drops what is bad and says so.
 * `inherited` names the preset the timeline comes from, for the messages. Never throws.
 */
export function checkTimeline(input: unknown, knobs: Knobs, opts: { lenient?: boolean; inherited?: string } = {}): TimelineCheck {
  const lenient = opts.lenient === true;
  const from = opts.inherited ? ` (from preset ${opts.inherited})` : '';
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const used = lenient ? 'ignored' : undefined;
  const byDate = new Map<string, { knobs: Record<string, KnobValue>; where: Record<string, string> }>();
  const last = lastDate(knobs);
  if (!Array.isArray(input)) {
    problems.push({
      field: 'timeline',
      value: show(input),
      message: `timeline = ${quoted(input)} is not allowed: must be a list of changes like [{"date": "2026-01-01", "knobs": {"cadence": "bimonthly"}}]`,
      code: 'bad-timeline',
      allowed: { type: 'object' },
      used,
    });
    return { timeline: [], problems, notes };
  }
  input.forEach((entry, i) => {
    const at = `timeline[${i}]`;
    if (!isPlainObject(entry)) {
      problems.push({
        field: at,
        value: show(entry),
        message: `${at} = ${quoted(entry)} is not a change: must be an object like {"date": "2026-01-01", "knobs": {"cadence": "bimonthly"}}`,
        code: 'bad-timeline',
        allowed: { type: 'object' },
        used,
      });
      return;
    }
    for (const key of Object.keys(entry)) {
      if ((CHANGE_FIELDS as readonly string[]).includes(key)) continue;
      problems.push({
        field: `${at}.${key}`,
        value: show(entry[key]),
        message: `unknown field '${at}.${key}'${didYouMean(key, CHANGE_FIELDS) || `: a change has ${CHANGE_FIELDS.join(' and ')}${knobSpec(key) ? `; '${key}' is a knob and goes inside "knobs"` : ''}`}`,
        code: 'unknown-field',
        allowed: { type: 'enum', options: CHANGE_FIELDS },
        used,
        ...suggest(key, CHANGE_FIELDS),
      });
    }
    // The date: a real day after the start; after the last day the change is inert and left out.
    const d = checkDate(entry.date);
    let date: string | undefined;
    let after = false;
    if (!d.ok) {
      problems.push({
        field: `${at}.date`,
        value: show(entry.date),
        message:
          entry.date === undefined
            ? `${at}.date is missing${from}: a change needs a date YYYY-MM-DD`
            : `${at}.date = ${quoted(entry.date)}${from} ${d.why}: must be a date YYYY-MM-DD`,
        code: d.code,
        allowed: { type: 'date' },
        used,
      });
    } else if (d.date <= knobs.startDate) {
      problems.push({
        field: `${at}.date`,
        value: d.date,
        message: `${at}.date = '${d.date}'${from} is outside the run: a change must fall after the start date ${knobs.startDate} and by the last day ${last} (a change on the first day is the knob itself: set it in "knobs")`,
        code: 'timeline-outside',
        allowed: { type: 'date' },
        detail: { start: knobs.startDate, last },
        used,
      });
    } else {
      date = d.date;
      after = d.date > last;
    }
    // The knobs: each one changeable, its value allowed, set once per date.
    const given = entry.knobs;
    if (!isPlainObject(given)) {
      problems.push({
        field: `${at}.knobs`,
        value: show(given),
        message:
          given === undefined
            ? `${at}.knobs is missing${from}: a change sets knobs, like {"date": "2026-01-01", "knobs": {"cadence": "bimonthly"}}`
            : `${at}.knobs = ${quoted(given)} is not allowed: must be an object of knob names and values, like {"cadence": "bimonthly"}`,
        code: 'bad-knobs',
        allowed: { type: 'object' },
        used,
      });
      return;
    }
    if (Object.keys(given).length === 0) {
      problems.push({
        field: `${at}.knobs`,
        value: '{}',
        message: `${at}.knobs is empty${from}: a change sets at least one knob, like {"cadence": "bimonthly"}`,
        code: 'timeline-empty',
        used,
      });
      return;
    }
    const ok: Record<string, KnobValue> = {};
    for (const [name, value] of Object.entries(given)) {
      const field = `${at}.knobs.${name}`;
      const spec = knobSpec(name);
      if (!spec) {
        problems.push({
          field,
          value: show(value),
          message: `${field}: unknown knob '${name}'${didYouMean(name, KNOB_NAMES) || '; see `hotline-lab knobs` for the list'}`,
          code: 'unknown-knob',
          used,
          ...suggest(name, KNOB_NAMES),
        });
        continue;
      }
      const fixed = fixedReason(name);
      if (fixed) {
        problems.push({
          field,
          value: show(value),
          message: `${field}${from}: '${name}' ${FIXED_WHY[fixed]}, so it cannot change during a run: set it in "knobs"`,
          code: 'timeline-fixed',
          detail: { knob: name, reason: fixed },
          used,
        });
        continue;
      }
      const c = checkKnobValue(spec, value);
      if (!c.ok) {
        problems.push({ field, value: show(value), message: `${field}${from}: ${c.message}`, code: c.code, allowed: c.allowed, used });
        continue;
      }
      ok[name] = c.value;
    }
    if (date === undefined) return;
    if (after) {
      notes.push({
        field: `${at}.date`,
        value: date,
        message: `${at}.date = '${date}'${from} is after the run's last day ${last}: the change cannot take effect and is left out`,
        code: 'timeline-after-end',
        detail: { last },
        used: 'ignored',
      });
      return;
    }
    const slot = byDate.get(date) ?? { knobs: {}, where: {} };
    for (const [name, v] of Object.entries(ok)) {
      if (name in slot.knobs) {
        problems.push({
          field: `${at}.knobs.${name}`,
          value: show(v),
          message: `${at}.knobs.${name}${from}: '${name}' is already set on ${date} by ${slot.where[name]}: one value per knob and date`,
          code: 'timeline-duplicate',
          detail: { date, other: slot.where[name] },
          used: lenient ? `${slot.where[name]}'s value` : undefined,
        });
        continue;
      }
      slot.knobs[name] = v;
      slot.where[name] = at;
    }
    if (Object.keys(slot.knobs).length > 0) byDate.set(date, slot);
  });
  for (const p of problems) if (p.used === undefined) delete p.used;
  const timeline = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, slot]) => {
      // Knobs in schema order: the resolved change reads the same however it was written.
      const k: Record<string, KnobValue> = {};
      for (const spec of KNOBS) if (spec.name in slot.knobs) k[spec.name] = slot.knobs[spec.name];
      return { date, knobs: k as Partial<Knobs> };
    });
  return { timeline, problems, notes };
}

// ---------------------------------------------------------------- whole scenarios

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** A preset's own timeline resolved on its own knobs (presets are checked by their test): for fallbacks. */
function presetTimelineOn(name: string, knobs: Knobs): TimelineChange[] {
  return checkTimeline(presetTimeline(name), knobs, { lenient: true }).timeline;
}

/**
 * Load a scenario object `{ preset?, seed?, knobs?, timeline?, description? }`: the preset's knobs
 * with the overrides applied, every value checked. A `timeline` given replaces the preset's
 * timeline (an empty list means no changes); without one the preset's timeline holds. Never throws.
 */
export function loadScenario(input: unknown, opts: LoadOptions = {}): LoadResult {
  const lenient = opts.lenient === true;
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  let presetName = DEFAULT_PRESET;
  let seed = DEFAULT_SEED;

  try {
    if (!isPlainObject(input)) {
      problems.push({
        field: '(input)',
        value: show(input),
        message: `a scenario must be a JSON object like {"preset": "baseline", "seed": 1, "knobs": {}}, not ${typeName(input)}`,
        code: 'not-object',
        allowed: { type: 'object' },
        used: lenient ? `preset ${DEFAULT_PRESET}, seed ${DEFAULT_SEED}` : undefined,
      });
      return finish(presetKnobs(DEFAULT_PRESET) as Knobs);
    }

    for (const key of Object.keys(input)) {
      if (!(SCENARIO_FIELDS as readonly string[]).includes(key)) {
        problems.push({
          field: key,
          value: show(input[key]),
          message: knobSpec(key)
            ? `unknown field '${key}': '${key}' is a knob and goes inside "knobs", like {"knobs": {"${key}": ...}}`
            : `unknown field '${key}'${didYouMean(key, SCENARIO_FIELDS) || didYouMean(key, KNOB_NAMES) || `: allowed fields are ${SCENARIO_FIELDS.join(', ')}`}`,
          used: lenient ? 'ignored' : undefined,
          code: knobSpec(key) ? 'knob-outside-knobs' : 'unknown-field',
          allowed: { type: 'enum', options: SCENARIO_FIELDS },
          ...(knobSpec(key) ? {} : suggest(key, SCENARIO_FIELDS, KNOB_NAMES)),
        });
      }
    }

    if ('description' in input && typeof input.description !== 'string') {
      problems.push({
        field: 'description',
        value: show(input.description),
        message: `description = ${quoted(input.description)} is not allowed: must be text`,
        used: lenient ? 'ignored' : undefined,
        code: 'bad-description',
        allowed: { type: 'text' },
      });
    }

    if (input.preset !== undefined) {
      const names = presetNames();
      if (typeof input.preset === 'string' && names.includes(input.preset)) presetName = input.preset;
      else {
        const hint = typeof input.preset === 'string' ? didYouMean(input.preset, names).replace(/^: /, '; ') : '';
        problems.push({
          field: 'preset',
          value: show(input.preset),
          message: `unknown preset ${quoted(input.preset)}: known presets are ${names.join(', ')}${hint}`,
          used: lenient ? DEFAULT_PRESET : undefined,
          code: 'unknown-preset',
          allowed: { type: 'enum', options: names },
          ...(typeof input.preset === 'string' ? suggest(input.preset, names) : {}),
        });
      }
    }

    if (input.seed !== undefined) {
      // In a file the seed is a JSON number; text seeds come only from links and flags.
      const s = typeof input.seed === 'number' ? checkSeed(input.seed) : checkSeed(NaN);
      if (s.ok) seed = s.seed;
      else
        problems.push({
          field: 'seed',
          value: show(input.seed),
          message: seedProblemMessage(input.seed),
          used: lenient ? String(DEFAULT_SEED) : undefined,
          code: 'bad-seed',
          allowed: SEED_ALLOWED,
        });
    }

    const base = presetKnobs(presetName) as Knobs;
    const knobs: Record<string, KnobValue> = { ...base };
    const overridden = new Set<string>();

    if (input.knobs !== undefined) {
      if (!isPlainObject(input.knobs)) {
        problems.push({
          field: 'knobs',
          value: show(input.knobs),
          message: `knobs = ${quoted(input.knobs)} is not allowed: must be an object of knob names and values, like {"handDown": true}`,
          used: lenient ? `preset ${presetName}'s knobs` : undefined,
          code: 'bad-knobs',
          allowed: { type: 'object' },
        });
      } else {
        for (const [name, value] of Object.entries(input.knobs)) {
          const spec = knobSpec(name);
          if (!spec) {
            problems.push({
              field: `knobs.${name}`,
              value: show(value),
              message: `unknown knob '${name}'${didYouMean(name, KNOB_NAMES) || '; see `hotline-lab knobs` for the list'}`,
              used: lenient ? 'ignored' : undefined,
              code: 'unknown-knob',
              ...suggest(name, KNOB_NAMES),
            });
            continue;
          }
          const c = checkKnobValue(spec, value);
          if (c.ok) {
            knobs[name] = c.value;
            overridden.add(name);
          } else {
            problems.push({
              field: name,
              value: show(value),
              message: c.message,
              used: lenient ? formatKnobValue(base[name as keyof Knobs]) : undefined,
              code: c.code,
              allowed: c.allowed,
            });
          }
        }
      }
    }

    // Cross-field rules: in lenient mode fall back to the preset's values for the fields involved.
    for (const rule of CROSS_RULES) {
      const k = knobs as unknown as Knobs;
      if (rule.ok(k)) continue;
      const message = rule.message(k);
      const field = rule.fields.find((f) => overridden.has(f)) ?? rule.fields[0];
      const given = show(k[field as keyof Knobs]);
      if (lenient) {
        for (const f of rule.fields) knobs[f] = base[f];
        // The reset may break an earlier rule; the preset's world is consistent, so take it whole.
        if (!CROSS_RULES.every((r) => r.ok(knobs as unknown as Knobs))) {
          for (const r of CROSS_RULES) for (const f of r.fields) knobs[f] = base[f];
        }
      }
      const other = rule.fields.find((f) => f !== field) ?? rule.fields[1];
      problems.push({
        field,
        value: given,
        message,
        used: lenient ? rule.fields.map((f) => `${f}=${formatKnobValue(knobs[f])}`).join(', ') : undefined,
        code: 'cross-field',
        detail: {
          first: rule.fields[0],
          second: rule.fields[1],
          firstValue: k[rule.fields[0]] as number,
          secondValue: k[rule.fields[1]] as number,
          other,
        },
      });
    }

    // The timeline: the scenario's own, else the preset's, checked against the run's dates.
    const own = input.timeline !== undefined;
    const tl = checkTimeline(own ? input.timeline : presetTimeline(presetName), knobs as unknown as Knobs, {
      lenient,
      inherited: own ? undefined : presetName,
    });
    problems.push(...tl.problems);
    notes.push(...tl.notes);
    return finish(knobs as unknown as Knobs, tl.timeline);
  } catch (e) {
    // Defensive: a getter or proxy in the input could throw; report it rather than crash.
    problems.push({
      field: '(input)',
      value: '',
      message: `could not read the scenario: ${e instanceof Error ? e.message : String(e)}`,
      code: 'unreadable',
    });
    return finish(presetKnobs(presetName) ?? (presetKnobs(DEFAULT_PRESET) as Knobs));
  }

  function finish(knobs: Knobs, timeline?: TimelineChange[]): LoadResult {
    for (const p of problems) if (p.used === undefined) delete p.used;
    return {
      ok: problems.length === 0 || (lenient && problems.every((p) => p.used !== undefined)),
      scenario: { preset: presetName, knobs, timeline: timeline ?? presetTimelineOn(presetName, knobs) },
      seed,
      problems,
      notes,
    };
  }
}

/** Byte length of a string in UTF-8, without allocating an encoder's buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// JSON text with positioned syntax errors lives in json.ts; re-exported for the loaders' callers.
export { parseJsonText, type JsonSyntaxError } from './json.ts';

/**
 * The one size limit on input: a 'too-large' problem when `bytes` is over `limit`, else undefined.
 * `what` names the input in the one message, "<what> is N bytes: too large, the limit is L bytes
 * (L/10^6 MB)": scenario text and links' files here, imported files in `import.ts`, and the same
 * figures for the app and the command line to reuse before reading a file.
 */
export function sizeProblem(field: string, what: string, bytes: number, limit: number): Problem | undefined {
  if (bytes <= limit) return undefined;
  return {
    field,
    value: `${bytes} bytes`,
    message: `${what} is ${bytes} bytes: too large, the limit is ${limit} bytes (${limit / 1_000_000} MB)`,
    code: 'too-large',
    detail: { bytes, limit },
  };
}

/**
 * Load a scenario from JSON text: refuses text over 1 MB, reports syntax errors with line and
 * column, then validates as `loadScenario`. Never throws.
 */
export function loadScenarioText(text: string, opts: LoadOptions = {}): LoadResult {
  const fail = (p: Problem): LoadResult => ({
    ok: false,
    scenario: {
      preset: DEFAULT_PRESET,
      knobs: presetKnobs(DEFAULT_PRESET) as Knobs,
      timeline: presetTimelineOn(DEFAULT_PRESET, presetKnobs(DEFAULT_PRESET) as Knobs),
    },
    seed: DEFAULT_SEED,
    problems: [p],
  });
  if (typeof text !== 'string') {
    return fail({
      field: '(input)',
      value: show(text),
      message: `scenario text must be a string, not ${typeName(text)}`,
      code: 'not-text-input',
    });
  }
  const tooLarge = sizeProblem('(input)', 'scenario text', utf8Length(text), MAX_SCENARIO_BYTES);
  if (tooLarge) return fail(tooLarge);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return fail({
      field: '(json)',
      value: '',
      message: 'scenario text is empty: expected a JSON object like {"preset": "baseline"}',
      code: 'empty',
    });
  }
  const parsed = parseJsonText(body);
  if (!parsed.ok) {
    const { line, column, near, why, reason } = parsed;
    const detail: Record<string, string | number> = { line, column, near, reason };
    if (parsed.found) detail.found = parsed.found;
    if (parsed.open) Object.assign(detail, { openChar: parsed.open.char, openLine: parsed.open.line, openColumn: parsed.open.column });
    return fail({
      field: '(json)',
      value: near,
      message: `invalid JSON at line ${line} column ${column} (near '${near}'): ${why}`,
      code: 'invalid-json',
      detail,
    });
  }
  return loadScenario(parsed.value, opts);
}

/** One line per problem, for a terminal or a banner. */
export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map((p) => (p.used !== undefined ? `${p.message} (used ${p.used})` : p.message));
}
