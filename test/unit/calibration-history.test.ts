import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { changesSection, parseCalibrationTable, pastTables } from '../../cli/calibration-history.ts';

const TABLE = `# Calibration

| study | target | figure | simulated mean | 95% interval | tolerance | result |
| --- | --- | --- | --- | --- | --- | --- |
| beijing | contacts per resident per year | 1.10 | 1.14 | 1.10 .. 1.19 | ±0.15 | pass |
| ranking | a \\| b | 9.0 | 1.9 | 1.3 .. 2.4 | 6..12 | FAIL |
| responsiveness | beside | 97.0% | 69.4% | 67.2% .. 71.7% | not judged | shown beside |
`;

describe('calibration history', () => {
  it('reads a table as calibrate writes it, escaped pipes included', () => {
    expect(parseCalibrationTable(TABLE)).toEqual([
      { study: 'beijing', target: 'contacts per resident per year', mean: '1.14', result: 'pass' },
      { study: 'ranking', target: 'a | b', mean: '1.9', result: 'FAIL' },
      { study: 'responsiveness', target: 'beside', mean: '69.4%', result: 'shown beside' },
    ]);
  });

  it('sets each new row beside the same row of earlier tables, with the pass counts of each', () => {
    const past = [{ version: '0.1.0', rows: parseCalibrationTable(TABLE).slice(0, 1), passed: 1, judged: 1 }];
    const now = [
      { study: 'beijing', target: 'contacts per resident per year', mean: '1.20', result: 'FAIL' },
      { study: 'new', target: 'row', mean: '3', result: 'pass' },
    ];
    const md = changesSection(now, past, '0.3.0');
    expect(md).toContain('Rows passing: 0.1.0: 1 of 1; 0.3.0: 1 of 2.');
    expect(md).toContain('| beijing | contacts per resident per year | 1.14 (pass) | 1.20 (FAIL) |');
    expect(md).toContain('| new | row | – | 3 (pass) |');
    expect(changesSection(now, [], '0.3.0')).toBe('');
  });

  it('finds the archived tables of 0.1.0 and 0.2.0 in docs/calibration, oldest first', () => {
    const tables = pastTables(fileURLToPath(new URL('../../docs/calibration/', import.meta.url)));
    const versions = tables.map((t) => t.version);
    expect(versions.slice(0, 2)).toEqual(['0.1.0', '0.2.0']);
    // as their own headers say: 19 of 27 (0.1.0) and 19 of 31 (0.2.0)
    expect(tables[0]).toMatchObject({ passed: 19, judged: 27 });
    expect(tables[1]).toMatchObject({ passed: 19, judged: 31 });
  });
});
