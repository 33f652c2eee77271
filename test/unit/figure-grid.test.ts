/** The key figures' balanced grid: the fewest rows, spread evenly, no lone card where avoidable. */
import { describe, expect, test } from 'vitest';
import { balancedColumns, fittingColumns } from '../../ui/shell/figure-grid.ts';

/** Cards per row for n cards in c columns. */
function rows(n: number, c: number): number[] {
  const out: number[] = [];
  for (let left = n; left > 0; left -= c) out.push(Math.min(c, left));
  return out;
}

describe('balancedColumns', () => {
  test('11 figures: even rows at every width', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20].map((fit) => rows(11, balancedColumns(11, fit)))).toEqual([
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2, 1], // two columns: a lone card cannot be avoided
      [3, 3, 3, 2],
      [4, 4, 3],
      [4, 4, 3],
      [6, 5],
      [6, 5],
      [6, 5],
      [6, 5],
      [6, 5],
      [11],
      [11],
      [11],
    ]);
  });

  test('never more columns than fit, the fewest rows, and a lone last card only when no count avoids it', () => {
    for (let n = 1; n <= 30; n++) {
      for (let fit = 1; fit <= 30; fit++) {
        const c = balancedColumns(n, fit);
        const max = Math.min(n, fit);
        expect(c).toBeGreaterThanOrEqual(1);
        expect(c).toBeLessThanOrEqual(max);
        const r = rows(n, c);
        expect(r.length).toBe(Math.ceil(n / max));
        const lone = r.length > 1 && r[r.length - 1] === 1;
        if (lone) {
          // every column count with as few rows leaves a lone card too
          for (let k = 2; k <= max; k++) if (Math.ceil(n / k) === r.length) expect(n - (r.length - 1) * k).toBe(1);
        }
        // the last row is as full as any count with as few rows allows
        for (let k = 1; k <= max; k++)
          if (Math.ceil(n / k) === r.length) expect(n - (r.length - 1) * k).toBeLessThanOrEqual(r[r.length - 1]);
      }
    }
  });

  test('bad input gives one column, not a crash', () => {
    expect(balancedColumns(0, 5)).toBe(1);
    expect(balancedColumns(11, 0)).toBe(1);
    expect(balancedColumns(11, Number.NaN)).toBe(1);
  });

  test('fittingColumns counts cards and gaps', () => {
    expect(fittingColumns(361, 102.4, 6.4)).toBe(3);
    expect(fittingColumns(1338, 102.4, 6.4)).toBe(12);
    expect(fittingColumns(50, 102.4, 6.4)).toBe(1);
  });
});
