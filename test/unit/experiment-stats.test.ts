import { describe, expect, it } from 'vitest';
import { interval, pairedDifference, tCdf, tQuantile } from '../../experiments/index.ts';

describe('t quantiles', () => {
  it.each([
    [1, 12.706204736],
    [2, 4.30265273],
    [4, 2.776445105],
    [9, 2.262157163],
    [19, 2.093024054],
    [29, 2.045229642],
    [30, 2.042272456],
    [1000, 1.962339081],
  ])('t(0.975, %i) = %f (published tables)', (df, t) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(t, 8);
    expect(tCdf(t, df)).toBeCloseTo(0.975, 10);
  });

  it('is symmetric and 0 at the median', () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0.025, 7)).toBeCloseTo(-tQuantile(0.975, 7), 12);
  });
});

describe('intervals on hand-computed cases', () => {
  it('1, 2, 3, 4, 5: mean 3, sd √2.5, half-width 2.776445 · √2.5 / √5', () => {
    const s = interval([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    // √2.5 / √5 = √0.5 = 0.7071068; × 2.776445 = 1.963243
    expect(s.lo).toBeCloseTo(3 - 1.963243161, 8);
    expect(s.hi).toBeCloseTo(3 + 1.963243161, 8);
  });

  it('two values 10 and 14: mean 12, sd 2√2, half-width 12.7062 · 2', () => {
    const s = interval([10, 14]);
    expect(s.mean).toBe(12);
    expect(s.sd).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(s.hi - s.mean).toBeCloseTo(12.706204736 * 2, 7);
  });

  it('constant values give a zero-width interval; one value gives none', () => {
    expect(interval([4, 4, 4])).toMatchObject({ mean: 4, sd: 0, lo: 4, hi: 4 });
    const one = interval([4]);
    expect(one.mean).toBe(4);
    expect(Number.isNaN(one.sd) && Number.isNaN(one.lo)).toBe(true);
    expect(interval([]).n).toBe(0);
  });

  it('skips non-finite values', () => {
    expect(interval([1, NaN, 2, 3, 4, Infinity, 5]).mean).toBe(3);
  });

  it('paired differences use the per-replicate differences', () => {
    // a − b = 1, 2, 3, 4, 5: same as the first case, though a and b alone vary far more.
    const b = [100, 300, 200, 500, 400];
    const a = b.map((x, i) => x + i + 1);
    const d = pairedDifference(a, b);
    expect(d.mean).toBe(3);
    expect(d.lo).toBeCloseTo(3 - 1.963243161, 8);
    // Unpaired, the interval would be wide: the pairing is what makes it narrow.
    expect(interval(a).hi - interval(a).lo).toBeGreaterThan(100);
  });
});
