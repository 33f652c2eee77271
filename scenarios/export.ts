/**
 * Exports shared by the command line and the app's downloads: canonical JSON, a scenario hash,
 * tidy CSV and readable JSON of a run. Pure functions with no Node or DOM API.
 */
import { METRICS, MODEL, type MetricName, type ResolvedScenario, type RunResult } from '../sim/index.ts';
import { presetTimeline } from './presets.ts';
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
