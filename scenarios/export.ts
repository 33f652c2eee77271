/**
 * Exports shared by the command line and the app's downloads: canonical JSON, a scenario hash,
 * tidy CSV and readable JSON of a run. Pure functions with no Node or DOM API.
 */
import { METRICS, MODEL, type MetricName, type ResolvedScenario, type RunResult } from '../sim/index.ts';
import { presetKnobs, presetTimeline } from './presets.ts';
import { changeLine, type TimelineChange } from './timeline.ts';

/** A scenario as exports see it: with its timeline when it has one (older results have none). */
export type ExportScenario = ResolvedScenario & { timeline?: readonly TimelineChange[] };

// ---------------------------------------------------------------- canonical JSON and hashing

/** JSON with object keys sorted at every level and no whitespace: the same scenario gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v === undefined ? null : v)).join(',') + ']';
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
}

function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits (pure JS, synchronous). */
export function sha256Hex(text: string): string {
  const msg = utf8Bytes(text);
  const bitLen = msg.length * 8;
  const padded = new Uint8Array(((msg.length + 9 + 63) >> 6) << 6);
  padded.set(msg);
  padded[msg.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 2 ** 32));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i] + w[i]) >>> 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}

/**
 * The scenario as exports write it: preset and knobs, and the timeline when there is one or the
 * preset has one (so that "no changes" on a preset with changes is said). A scenario without a
 * timeline therefore hashes as it did before timelines existed.
 */
export function canonicalScenario(scenario: ExportScenario): Record<string, unknown> {
  const timeline = scenario.timeline ?? [];
  const say = timeline.length > 0 || presetTimeline(scenario.preset).length > 0;
  return say ? { preset: scenario.preset, knobs: scenario.knobs, timeline } : { preset: scenario.preset, knobs: scenario.knobs };
}

/** The scenario hash written into every export: SHA-256 of the canonical JSON of the resolved scenario. */
export function scenarioHash(scenario: ExportScenario): string {
  return sha256Hex(canonicalJson(canonicalScenario(scenario)));
}

// ---------------------------------------------------------------- dates and numbers

/** The calendar date (YYYY-MM-DD) of a 0-based simulation day. */
export function dateOfDay(startDate: string, day: number): string {
  const [y, m, d] = startDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + day)).toISOString().slice(0, 10);
}

/** A number as CSV text: shortest exact form; NaN and infinities empty. */
export function csvNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Object.is(v, -0) ? '0' : String(v);
}

// ---------------------------------------------------------------- CSV

type Series = ArrayLike<number>;

export interface CsvSource {
  seed: number;
  scenario: ExportScenario;
  daily: Partial<Record<MetricName, Series>> | Record<string, Series>;
  model?: { name: string; version: string };
}

/** The comment header of a CSV export (each line starts with '# '). */
export function csvHeader(src: CsvSource): string[] {
  const model = src.model ?? MODEL;
  return [
    `# model ${model.name} ${model.version}`,
    `# seed ${src.seed}`,
    `# scenario-hash ${scenarioHash(src.scenario)}`,
    `# scenario ${canonicalJson(canonicalScenario(src.scenario))}`,
    // One readable line per timeline change (the scenario line above holds them too).
    ...(src.scenario.timeline ?? []).map((c) => `# at ${changeLine(c)}`),
  ];
}

/**
 * Tidy long CSV of the daily series: `day,date,metric,value`, day 0-based, one row per day and
 * metric (metrics in schema order), under the comment header. `metrics` picks a subset.
 */
export function dailyCsv(src: CsvSource, metrics?: readonly string[]): string {
  const names = metrics ?? METRICS.map((m) => m.name);
  const daily = src.daily as Record<string, Series | undefined>;
  const cols = names.filter((n) => daily[n] !== undefined).map((n) => [n, daily[n] as Series] as const);
  const days = cols.reduce((mx, [, s]) => Math.max(mx, s.length), 0);
  const lines = csvHeader(src);
  lines.push('day,date,metric,value');
  for (let d = 0; d < days; d++) {
    const date = dateOfDay(src.scenario.knobs.startDate, d);
    for (const [name, s] of cols) lines.push(`${d},${date},${name},${d < s.length ? csvNumber(s[d]) : ''}`);
  }
  return lines.join('\n') + '\n';
}

/** Quote a CSV field when it needs it. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return csvNumber(v);
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Tidy CSV of the assessment periods: one row per period and unit, under the same header.
 */
export function periodsCsv(result: Pick<RunResult, 'seed' | 'scenario' | 'periods' | 'model'>): string {
  const lines = csvHeader({ ...result, daily: {} });
  const cols = [
    'period',
    'start_date',
    'end_date',
    'unit',
    'district',
    'dispatched',
    'acceptance',
    'completion',
    'satisfaction',
    'requests_per_10k',
    'excluded',
    'score',
    'rank',
    'grade',
    'penalised',
    'pressure',
    'gaming_intensity',
    'audited',
    'caught',
    'true_satisfaction',
  ];
  lines.push(cols.join(','));
  for (const p of result.periods) {
    for (const u of p.units) {
      lines.push(
        [
          p.index,
          p.startDate,
          p.endDate,
          u.unit,
          u.district,
          u.dispatched,
          u.acceptance,
          u.completion,
          u.satisfaction,
          u.requestsPer10k,
          u.excluded,
          u.score,
          u.rank,
          u.grade,
          u.penalised,
          u.pressure,
          u.gamingIntensity,
          u.audited,
          u.caught,
          u.truthSatisfaction,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- JSON

/**
 * Readable JSON: objects indented, arrays of plain values on one line (so a daily series is one
 * line, not a thousand). Non-finite numbers become null, as JSON.stringify does.
 */
export function prettyJson(value: unknown, indent = '  '): string {
  const out: string[] = [];
  const write = (v: unknown, pad: string): void => {
    if (ArrayBuffer.isView(v)) v = Array.from(v as unknown as ArrayLike<number>);
    if (v === null || typeof v !== 'object') {
      out.push(typeof v === 'number' && !Number.isFinite(v) ? 'null' : (JSON.stringify(v) ?? 'null'));
      return;
    }
    const inner = pad + indent;
    if (Array.isArray(v)) {
      if (v.length === 0) return void out.push('[]');
      if (v.every((x) => x === null || typeof x !== 'object')) {
        out.push(
          '[' + v.map((x) => (typeof x === 'number' && !Number.isFinite(x) ? 'null' : (JSON.stringify(x) ?? 'null'))).join(',') + ']',
        );
        return;
      }
      out.push('[\n');
      v.forEach((x, i) => {
        out.push(inner);
        write(x === undefined ? null : x, inner);
        out.push(i < v.length - 1 ? ',\n' : '\n');
      });
      out.push(pad + ']');
      return;
    }
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function');
    if (keys.length === 0) return void out.push('{}');
    out.push('{\n');
    keys.forEach((k, i) => {
      out.push(inner + JSON.stringify(k) + ': ');
      write(obj[k], inner);
      out.push(i < keys.length - 1 ? ',\n' : '\n');
    });
    out.push(pad + '}');
  };
  write(value, '');
  return out.join('') + '\n';
}

/**
 * The run result as readable JSON text. A run with no changes on a preset that has some says
 * `"timeline": []`, so that the file, imported again, does not get the preset's changes back.
 */
export function resultJson(result: RunResult): string {
  const sc = result.scenario as ExportScenario;
  const say = sc.timeline === undefined && presetTimeline(sc.preset).length > 0;
  return prettyJson(say ? { ...result, scenario: { ...sc, timeline: [] } } : result);
}

// ---------------------------------------------------------------- traceable file names and provenance

/** The first 8 hex digits of the scenario hash: enough to tell a reader's runs apart in a file name. */
export function shortHash(scenario: ExportScenario): string {
  return scenarioHash(scenario).slice(0, 8);
}

/** Whether a scenario differs from its preset (knobs or timeline); an unknown preset counts as changed. */
export function scenarioChanged(scenario: ExportScenario): boolean {
  const knobs = presetKnobs(scenario.preset);
  if (!knobs) return true;
  if (canonicalJson(knobs) !== canonicalJson(scenario.knobs)) return true;
  const timeline = scenario.timeline ?? presetTimeline(scenario.preset);
  return canonicalJson(timeline) !== canonicalJson(presetTimeline(scenario.preset));
}

/** What a file name says about its run. */
export interface FileNameParts {
  preset: string;
  /** Short scenario hash (shortHash). */
  hash: string;
  /** What the file holds: 'daily', 'periods', 'run', 'chart-satisfaction-gap', ... */
  what: string;
  /** Model version, e.g. '0.1.0'. */
  version: string;
  seed: number;
  ext: string;
}

/** Letters, digits, '.' and '-' only, so a name is the same on every file system. */
function safePart(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/**
 * A traceable file name: `hotline-lab_<preset>-<hash>_<what>_v<version>_s<seed>.<ext>`, e.g.
 * `hotline-lab_baseline-3fa9c1d2_daily_v0.1.0_s1.csv`. Two runs that differ in any knob, the
 * timeline, the seed or the model version never get the same name.
 */
export function traceableFileName(p: FileNameParts): string {
  return `hotline-lab_${safePart(p.preset)}-${safePart(p.hash)}_${safePart(p.what)}_v${safePart(p.version)}_s${Math.trunc(p.seed)}.${p.ext}`;
}

/** One side of an export's provenance: the run's model, seed and scenario. */
export interface RunProvenance {
  model: { name: string; version: string };
  seed: number;
  scenarioHash: string;
  scenario: Record<string, unknown>;
}

/** A CSV export split into its data (header row first, every row the same fields) and its provenance. */
export interface SplitCsv {
  /** The CSV without its comment lines: readable by any CSV reader. */
  data: string;
  /** The comment lines' content, or null when the text had none. */
  provenance: RunProvenance | null;
  /** The `# at ...` lines: one readable line per timeline change. */
  changes: string[];
}

/**
 * Split a CSV export written with a comment header (`# model`, `# seed`, `# scenario-hash`,
 * `# scenario {json}`, `# at ...`; the format of dailyCsv and periodsCsv, and of archived model
 * versions) into plain CSV data and its provenance. A text without comment lines comes back as is.
 */
export function splitCsv(text: string): SplitCsv {
  const lines = text.split('\n');
  let i = 0;
  const meta: Record<string, string> = {};
  const changes: string[] = [];
  for (; i < lines.length && lines[i].startsWith('#'); i++) {
    const m = /^#\s*([a-z-]+)\s+(.*)$/.exec(lines[i].replace(/\r$/, ''));
    if (!m) continue;
    if (m[1] === 'at') changes.push(m[2]);
    else meta[m[1]] = m[2];
  }
  const data = lines.slice(i).join('\n');
  if (i === 0 || meta.scenario === undefined) return { data, provenance: null, changes };
  const [name = '', version = ''] = (meta.model ?? '').split(/\s+/);
  let scenario: Record<string, unknown>;
  try {
    scenario = JSON.parse(meta.scenario) as Record<string, unknown>;
  } catch {
    return { data, provenance: null, changes };
  }
  return {
    data,
    provenance: { model: { name, version }, seed: Number(meta.seed), scenarioHash: meta['scenario-hash'] ?? '', scenario },
    changes,
  };
}

/** Which run a compare-mode export's row comes from. */
export type ExportSide = 'scenario' | 'baseline';

/**
 * Two CSV data texts (same header) as one, with a first column `side` saying which run each row
 * comes from ('scenario' or 'baseline'): a compare-mode export with both sides, labelled.
 */
export function sidedCsv(scenario: string, baseline: string): string {
  const rows = (text: string, side: ExportSide): string[] =>
    text
      .split('\n')
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => `${side},${l}`);
  const header = scenario.split('\n', 1)[0];
  return [`side,${header}`, ...rows(scenario, 'scenario'), ...rows(baseline, 'baseline')].join('\n') + '\n';
}

/** The sidecar JSON of a CSV export: what made the data, so that the CSV itself stays plain data. */
export interface CsvProvenance extends RunProvenance {
  format: 'hotline-lab-csv-provenance';
  /** The CSV file this describes. */
  file: string;
  /** Its columns, in order. */
  columns: string[];
  /** One readable line per timeline change. */
  changes: string[];
  /** Compare mode: the baseline's run (the rows with side = baseline). */
  baseline?: RunProvenance & { changes: string[] };
  /** Where the format is documented. */
  doc: string;
}

/** The sidecar of a CSV export (one side, or two in compare mode). Imports as a scenario (it has scenario, model and seed). */
export function csvProvenance(
  file: string,
  data: string,
  main: SplitCsv & { provenance: RunProvenance },
  baseline?: SplitCsv & { provenance: RunProvenance },
): CsvProvenance {
  return {
    format: 'hotline-lab-csv-provenance',
    file,
    columns: data.split('\n', 1)[0].split(','),
    ...main.provenance,
    changes: main.changes,
    ...(baseline ? { baseline: { ...baseline.provenance, changes: baseline.changes } } : {}),
    doc: 'docs/EXPORTS.md',
  };
}

/** The app's export formats: the daily series (CSV), the assessment periods (CSV), the whole run (JSON). */
export type ExportKind = 'csv' | 'periods-csv' | 'json';

/** A file to save. */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

const WHAT: Record<ExportKind, string> = { csv: 'daily', 'periods-csv': 'periods', json: 'run' };

/** Name parts of a run from its export text's own provenance (so the name always matches the content). */
function nameParts(p: RunProvenance): Pick<FileNameParts, 'preset' | 'hash' | 'version' | 'seed'> {
  const preset = typeof p.scenario.preset === 'string' ? p.scenario.preset : 'scenario';
  const hash = /^[0-9a-f]{8}/.test(p.scenarioHash)
    ? p.scenarioHash.slice(0, 8)
    : sha256Hex(canonicalJson(canonicalScenario(p.scenario as unknown as ExportScenario))).slice(0, 8);
  return { preset, hash, version: p.model.version || 'unknown', seed: p.seed };
}

/** The provenance of a run result's JSON text. */
function jsonProvenance(text: string): RunProvenance {
  const r = JSON.parse(text) as { model?: { name?: string; version?: string }; seed?: number; scenario?: Record<string, unknown> };
  const scenario = r.scenario ?? {};
  return {
    model: { name: r.model?.name ?? '', version: r.model?.version ?? '' },
    seed: Number(r.seed),
    scenarioHash: sha256Hex(canonicalJson(canonicalScenario(scenario as unknown as ExportScenario))),
    scenario,
  };
}

/** Indent every line of a text but the first by `pad`. */
function indentRest(text: string, pad: string): string {
  return text.replace(/\n(?=.)/g, `\n${pad}`);
}

/**
 * The files of an export, from the export texts the run's worker wrote (`main`, and in compare
 * mode `baseline`): a CSV becomes plain data (one header row, every row the same fields; in
 * compare mode a first column `side`) plus a sidecar `.provenance.json` with the model, seed and
 * scenario; a JSON export of a compare holds the baseline's run under `baseline`. `only` marks a
 * single side exported on its own ('baseline': the baseline alone). Throws on a text that is not
 * an export.
 */
export function exportFiles(kind: ExportKind, main: string, baseline?: string, only?: ExportSide): ExportFile[] {
  const what = (baseline !== undefined ? 'compare-' : only === 'baseline' ? 'baseline-' : '') + WHAT[kind];
  if (kind === 'json') {
    const p = jsonProvenance(main);
    const name = traceableFileName({ ...nameParts(p), what, ext: 'json' });
    let text = main;
    if (baseline !== undefined) {
      jsonProvenance(baseline); // a bad baseline text throws here, not in a reader's hands
      const body = main.replace(/\s*\}\s*$/, '');
      text = `${body},\n  "baseline": ${indentRest(baseline.trim(), '  ')}\n}\n`;
    }
    return [{ name, text, type: 'application/json' }];
  }
  const m = splitCsv(main);
  if (!m.provenance) throw new Error('the export has no provenance header');
  const b = baseline !== undefined ? splitCsv(baseline) : undefined;
  if (b && !b.provenance) throw new Error("the baseline's export has no provenance header");
  const name = traceableFileName({ ...nameParts(m.provenance), what, ext: 'csv' });
  const data = b ? sidedCsv(m.data, b.data) : m.data.endsWith('\n') ? m.data : m.data + '\n';
  const side = csvProvenance(
    name,
    data,
    m as SplitCsv & { provenance: RunProvenance },
    b as (SplitCsv & { provenance: RunProvenance }) | undefined,
  );
  return [
    { name, text: data, type: 'text/csv;charset=utf-8' },
    { name: name.replace(/\.csv$/, '.provenance.json'), text: prettyJson(side), type: 'application/json' },
  ];
}
