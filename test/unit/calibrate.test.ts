// The calibrate command's pieces: seeds, intervals, and one small study end to end.
import { describe, expect, it } from 'vitest';
import { deriveSeed, interval95, runStudy, studies, tableText } from '../../cli/calibrate.ts';

describe('calibrate', () => {
  it('derives seeds deterministically, distinct per study and replicate', () => {
    expect(deriveSeed(1, 'linyi', 0)).toBe(deriveSeed(1, 'linyi', 0));
    const seeds = new Set([0, 1, 2].flatMap((i) => ['linyi', 'beijing'].map((s) => deriveSeed(1, s, i))));
    expect(seeds.size).toBe(6);
    expect(deriveSeed(2, 'linyi', 0)).not.toBe(deriveSeed(1, 'linyi', 0));
  });

  it('gives the t interval of the mean', () => {
    const iv = interval95([1, 2, 3]);
    expect(iv.mean).toBe(2);
    expect(iv.hi - iv.mean).toBeCloseTo(4.303 / Math.sqrt(3), 3);
  });

  it('every study names a preset and has rows with a band around or beside its target', () => {
    for (const s of studies()) {
      expect(s.rows.length).toBeGreaterThan(0);
      for (const r of s.rows) expect(r.lo).toBeLessThanOrEqual(r.hi);
    }
  });

  it('runs the Beijing study and prints a row per target', () => {
    const beijing = studies().find((s) => s.id === 'beijing')!;
    const rows = runStudy(beijing, 2, 1);
    expect(rows.map((r) => r.label)).toEqual(['contacts per resident per year', 'consultation share']);
    expect(rows[0].mean).toBeGreaterThan(0.9);
    expect(tableText(rows)).toMatch(/beijing\s+contacts per resident per year/);
  });
});
