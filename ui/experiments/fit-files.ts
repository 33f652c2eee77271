/**
 * The files of a fit's folder (`hotline-lab fit`), recognised by their content, not their name:
 * posterior.csv (one row per fitted knob), predictive.csv (one row per target) and
 * posterior-sample.json (the parameter sets an experiment can draw from). Pure: the fit view reads
 * the files' text and hands it here.
 */
import { readCsv } from '../../experiments/fit-report.ts';
import { loadPosterior, type PosteriorSample } from '../../experiments/posterior.ts';
import { parseJsonText, type Problem } from '../../scenarios/loader.ts';

export interface KnobPosteriorRow {
  knob: string;
  scale: 'linear' | 'log';
  min: number;
  max: number;
  median: number;
  q05: number;
  q95: number;
  width: number;
  verdict: 'constrained' | 'weakly constrained' | 'not constrained';
}

export interface PredictiveCheckRow {
  study: string;
  target: string;
  tolerance: string;
  figure: number;
  lo: number;
  hi: number;
  median: number;
  q05: number;
  q95: number;
  /** The predictive median lies in the band (as docs/FIT.md and `hotline-lab calibrate` judge). */
  pass: boolean;
}

export type FitFile =
  | { kind: 'posterior'; hash: string; rows: KnobPosteriorRow[] }
  | { kind: 'predictive'; hash: string; rows: PredictiveCheckRow[] }
  | { kind: 'sample'; hash: string; sample: PosteriorSample; warnings: Problem[] }
  | { kind: 'sample-problems'; problems: Problem[] }
  | { kind: 'bad-number'; row: number; column: string }
  | { kind: 'bad-json'; why: string }
  | { kind: 'unknown' };

/** Largest file read (a posterior sample of 10,000 sets of 80 knobs is about 20 MB). */
export const MAX_FIT_FILE_BYTES = 32 * 1024 * 1024;

const POSTERIOR_COLUMNS = ['knob', 'scale', 'prior_min', 'prior_max', 'median', 'q05', 'q95', 'width_ratio', 'verdict'];
const PREDICTIVE_COLUMNS = ['study', 'target', 'tolerance', 'figure', 'lo', 'hi', 'median', 'q05', 'q95'];
const VERDICTS = ['constrained', 'weakly constrained', 'not constrained'];

/** The column line of a CSV with `#` comments. */
function columns(text: string): string[] {
  for (const line of text.split('\n')) if (line && !line.startsWith('#')) return line.trim().split(',');
  return [];
}

const hashOf = (comments: string[]): string =>
  /^fit-hash ([0-9a-f]+)/.exec(comments.find((c) => c.startsWith('fit-hash ')) ?? '')?.[1] ?? '';

/** What one file of a fit folder holds. */
export function readFitFile(text: string): FitFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    const parsed = parseJsonText(body);
    if (!parsed.ok) return { kind: 'bad-json', why: `line ${parsed.line} column ${parsed.column}: ${parsed.why}` };
    const v = parsed.value as Record<string, unknown> | null;
    if (!v || typeof v !== 'object' || Array.isArray(v) || !('sets' in v)) return { kind: 'unknown' };
    const res = loadPosterior(v);
    if (!res.sample) return { kind: 'sample-problems', problems: res.problems };
    return { kind: 'sample', hash: res.sample.fitHash, sample: res.sample, warnings: res.warnings };
  }
  const cols = columns(body);
  const has = (need: string[]) => need.every((c) => cols.includes(c));
  const num = (r: Record<string, string>, c: string, i: number): number => {
    const x = r[c] === '' ? NaN : Number(r[c]);
    if (Number.isNaN(x) && r[c] !== '') throw new BadNumber(i, c);
    return x;
  };
  try {
    if (has(POSTERIOR_COLUMNS)) {
      const { comments, rows } = readCsv(body);
      return {
        kind: 'posterior',
        hash: hashOf(comments),
        rows: rows.map((r, i) => {
          if (!VERDICTS.includes(r.verdict)) throw new BadNumber(i, 'verdict');
          return {
            knob: r.knob,
            scale: r.scale === 'log' ? 'log' : 'linear',
            min: num(r, 'prior_min', i),
            max: num(r, 'prior_max', i),
            median: num(r, 'median', i),
            q05: num(r, 'q05', i),
            q95: num(r, 'q95', i),
            width: num(r, 'width_ratio', i),
            verdict: r.verdict as KnobPosteriorRow['verdict'],
          };
        }),
      };
    }
    if (has(PREDICTIVE_COLUMNS)) {
      const { comments, rows } = readCsv(body);
      return {
        kind: 'predictive',
        hash: hashOf(comments),
        rows: rows.map((r, i) => {
          const lo = num(r, 'lo', i);
          const hi = num(r, 'hi', i);
          const median = num(r, 'median', i);
          return {
            study: r.study,
            target: r.target,
            tolerance: r.tolerance,
            figure: num(r, 'figure', i),
            lo,
            hi,
            median,
            q05: num(r, 'q05', i),
            q95: num(r, 'q95', i),
            pass: median >= lo && median <= hi,
          };
        }),
      };
    }
  } catch (e) {
    if (e instanceof BadNumber) return { kind: 'bad-number', row: e.row + 1, column: e.column };
    throw e;
  }
  return { kind: 'unknown' };
}

class BadNumber extends Error {
  constructor(
    readonly row: number,
    readonly column: string,
  ) {
    super(`row ${row}: ${column}`);
  }
}

/** A value's place in a prior range, 0 at its minimum and 1 at its maximum (log knobs on their log scale). */
export function placeInPrior(r: Pick<KnobPosteriorRow, 'scale' | 'min' | 'max'>, x: number): number {
  return r.scale === 'log' ? Math.log(x / r.min) / Math.log(r.max / r.min) : (x - r.min) / (r.max - r.min);
}

/** A value's place in a target's band, 0 at its low end and 1 at its high end. */
export function placeInBand(r: Pick<PredictiveCheckRow, 'lo' | 'hi'>, x: number): number {
  return r.hi > r.lo ? (x - r.lo) / (r.hi - r.lo) : x - r.lo;
}
