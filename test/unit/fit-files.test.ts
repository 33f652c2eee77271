/**
 * The fit view's file reading (ui/experiments/fit-files.ts): the files of docs/fit recognised by
 * their content with the figures docs/FIT.md states, anything else refused by kind.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeInBand, placeInPrior, readFitFile } from '../../ui/experiments/fit-files.ts';

const read = (f: string) => readFileSync(new URL(`../../docs/fit/${f}`, import.meta.url), 'utf8');
const HASH = '17f3e8fca655c6e92bb408c14a522a808080981a493dd79e0b610e024e1fda92';

describe('fit files', () => {
  it('reads posterior.csv: 87 knobs, individualRate constrained at 0.278', () => {
    const f = readFitFile(read('posterior.csv'));
    if (f.kind !== 'posterior') throw new Error(f.kind);
    expect(f.hash).toBe(HASH);
    expect(f.rows).toHaveLength(87);
    const r = f.rows.find((x) => x.knob === 'individualRate')!;
    expect(r.median.toPrecision(3)).toBe('0.278');
    expect(r.verdict).toBe('constrained');
    expect(['constrained', 'weakly constrained', 'not constrained'].map((v) => f.rows.filter((x) => x.verdict === v).length)).toEqual([
      11, 24, 52,
    ]);
    // a log knob's place in its prior is on the log scale
    const tau = f.rows.find((x) => x.knob === 'responsivenessTau')!;
    expect(tau.scale).toBe('log');
    expect(placeInPrior(tau, 90)).toBeCloseTo(0.5, 10);
  });

  it('reads predictive.csv: 20 of 31 targets pass', () => {
    const f = readFitFile(read('predictive.csv'));
    if (f.kind !== 'predictive') throw new Error(f.kind);
    expect(f.hash).toBe(HASH);
    expect(f.rows).toHaveLength(31);
    expect(f.rows.filter((r) => r.pass)).toHaveLength(20);
    expect(placeInBand({ lo: 2, hi: 4 }, 3)).toBe(0.5);
  });

  it('reads posterior-sample.json: 40 sets', () => {
    const f = readFitFile(read('posterior-sample.json'));
    if (f.kind !== 'sample') throw new Error(f.kind);
    expect(f.sample.sets).toHaveLength(40);
    expect(f.hash).toBe(HASH);
  });

  it('refuses other files by kind', () => {
    expect(readFitFile('a,b\n1,2\n').kind).toBe('unknown');
    expect(readFitFile('{"a": 1}').kind).toBe('unknown');
    expect(readFitFile('{"sets": [}')).toMatchObject({ kind: 'bad-json' });
    expect(readFitFile('{"model": "hotline-lab 0.2.0", "fitHash": "abcdefabcdef", "sets": []}')).toMatchObject({ kind: 'sample-problems' });
    const bad = read('predictive.csv').replace(
      /\nwulimiao,hall-kind requests 2022,count,×\/÷3,50,/,
      '\nwulimiao,hall-kind requests 2022,count,×/÷3,fifty,',
    );
    expect(readFitFile(bad)).toEqual({ kind: 'bad-number', row: 1, column: 'figure' });
  });
});
