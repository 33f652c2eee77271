/**
 * The scenario boundary: everything that enters the model (a scenario file, a `--set` flag, a
 * link) passes through here and is checked against the knob schema. Problems name the field,
 * the value given and what is allowed; unknown names get the nearest known one suggested.
 *
 * Strict mode (files, the command line): any problem makes the load fail.
 * Lenient mode (links): a bad field is dropped, the preset's value is used, and the problem
 * says which value was used. Nothing here throws.
 */
import { KNOBS, knobSpec, isIsoDate, type Knobs, type KnobSpec, type KnobValue, type ResolvedScenario } from '../sim/index.ts';
import { DEFAULT_PRESET, presetKnobs, presetNames } from './presets.ts';

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
  // whole inputs
  | 'not-object'
  | 'not-text-input'
  | 'too-large'
  | 'empty'
  | 'invalid-json'
  | 'unreadable'
  | 'not-hotline-file'
  | 'csv-no-scenario'
  | 'csv-bad-scenario'
  | 'result-bad-scenario'
  // app parameters (ui/)
  | 'bad-view'
  | 'bad-flag'
  | 'bad-cell'
  | 'bad-story';

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
  scenario: ResolvedScenario;
  seed: number;
  problems: Problem[];
}

export interface LoadOptions {
  /** Drop bad fields and use the preset's values instead of failing. */
  lenient?: boolean;
}

/** Fields a scenario object may have. `description` is a free-text note, ignored by the model. */
export const SCENARIO_FIELDS = ['preset', 'seed', 'knobs', 'description'] as const;

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

/** The nearest candidate to `name` (case-insensitive edit distance), if near enough to be a typo. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  if (bestD <= limit) return best;
  // A shortened name ('pinggu' for 'pinggu-hand-down') is also a likely meaning.
  if (lower.length >= 3) {
    const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower));
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

// ---------------------------------------------------------------- whole scenarios

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/**
 * Load a scenario object `{ preset?, seed?, knobs?, description? }`: the preset's knobs with
 * the overrides applied, every value checked. Never throws.
 */
export function loadScenario(input: unknown, opts: LoadOptions = {}): LoadResult {
  const lenient = opts.lenient === true;
  const problems: Problem[] = [];
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
      const k = knobs as Knobs;
      if (rule.ok(k)) continue;
      const message = rule.message(k);
      const field = rule.fields.find((f) => overridden.has(f)) ?? rule.fields[0];
      const given = show(k[field as keyof Knobs]);
      if (lenient) {
        for (const f of rule.fields) knobs[f] = base[f];
        // The reset may break an earlier rule; the preset's world is consistent, so take it whole.
        if (!CROSS_RULES.every((r) => r.ok(knobs as Knobs))) {
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

    return finish(knobs as Knobs);
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

  function finish(knobs: Knobs): LoadResult {
    for (const p of problems) if (p.used === undefined) delete p.used;
    return {
      ok: problems.length === 0 || (lenient && problems.every((p) => p.used !== undefined)),
      scenario: { preset: presetName, knobs },
      seed,
      problems,
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

/** Line and column (1-based) of an offset in a text. */
function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/** Why JSON text failed to parse: where (1-based line and column), the text near it, and the reason. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  near: string;
  why: string;
}

/** Parse JSON text; on a syntax error say where, with the text around it. Never throws. */
export function parseJsonText(body: string): { ok: true; value: unknown } | ({ ok: false } & JsonSyntaxError) {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(raw);
    const pos = m ? Number(m[1]) : body.length;
    const { line, column } = lineColumn(body, pos);
    const near = body.slice(Math.max(0, pos - 10), pos + 10).replace(/\s+/g, ' ');
    const why = raw.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return { ok: false, line, column, near, why };
  }
}

/**
 * Load a scenario from JSON text: refuses text over 1 MB, reports syntax errors with line and
 * column, then validates as `loadScenario`. Never throws.
 */
export function loadScenarioText(text: string, opts: LoadOptions = {}): LoadResult {
  const fail = (p: Problem): LoadResult => ({
    ok: false,
    scenario: { preset: DEFAULT_PRESET, knobs: presetKnobs(DEFAULT_PRESET) as Knobs },
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
  const bytes = utf8Length(text);
  if (bytes > MAX_SCENARIO_BYTES) {
    return fail({
      field: '(input)',
      value: `${bytes} bytes`,
      message: `scenario text is ${bytes} bytes: too large, the limit is ${MAX_SCENARIO_BYTES} bytes (1 MB)`,
      code: 'too-large',
      detail: { bytes, limit: MAX_SCENARIO_BYTES },
    });
  }
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
    const { line, column, near, why } = parsed;
    return fail({
      field: '(json)',
      value: near,
      message: `invalid JSON at line ${line} column ${column} (near '${near}'): ${why}`,
      code: 'invalid-json',
      detail: { line, column, near },
    });
  }
  return loadScenario(parsed.value, opts);
}

/** One line per problem, for a terminal or a banner. */
export function formatProblems(problems: readonly Problem[]): string[] {
  return problems.map((p) => (p.used !== undefined ? `${p.message} (used ${p.used})` : p.message));
}
