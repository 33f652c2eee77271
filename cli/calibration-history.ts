/**
 * What changed since earlier models: docs/calibration/<version>.md keeps each released model's
 * calibration table as `calibrate` wrote it; the new table is set beside them row by row, read
 * from those files (never typed in), so docs/CALIBRATION.md says what moved since 0.1.0.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of an archived table: its simulated mean and result as written. */
export interface PastRow {
  study: string;
  target: string;
  mean: string;
  result: string;
}

export interface PastTable {
  version: string;
  rows: PastRow[];
  passed: number;
  judged: number;
}

/** A row from its table cells, in the columns `calibrate` writes (study, target, figure, mean, interval, tolerance, result). */
export function rowOfCells(cells: readonly string[]): PastRow {
  return { study: cells[0], target: cells[1], mean: cells[3], result: cells[6] };
}

/** The rows of a calibration table in markdown (the columns `calibrate` writes). */
export function parseCalibrationTable(markdown: string): PastRow[] {
  const rows: PastRow[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| study') || line.startsWith('| ---')) continue;
    // cells are split on unescaped pipes (a target may contain an escaped one)
    const cells = line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.replace(/\\\|/g, '|').trim());
    if (cells.length !== 7) continue;
    rows.push(rowOfCells(cells));
  }
  return rows;
}

/** Every archived table in `dir`, oldest version first. */
export function pastTables(dir: string): PastTable[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d+\.\d+\.\d+\.md$/.test(f));
  } catch {
    return [];
  }
  const key = (v: string) => v.split('.').map(Number);
  files.sort((a, b) => {
    const [x, y] = [key(a.slice(0, -3)), key(b.slice(0, -3))];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  return files.map((f) => {
    const rows = parseCalibrationTable(readFileSync(join(dir, f), 'utf8'));
    const judged = rows.filter((r) => r.result === 'pass' || r.result === 'FAIL');
    return { version: f.slice(0, -3), rows, passed: judged.filter((r) => r.result === 'pass').length, judged: judged.length };
  });
}

/** A markdown section: each row of the new table beside the same row of every earlier table. */
export function changesSection(now: PastRow[], past: PastTable[], version: string): string {
  if (past.length === 0) return '';
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const judged = now.filter((r) => r.result === 'pass' || r.result === 'FAIL');
  const counts = [
    ...past.map((p) => `${p.version}: ${p.passed} of ${p.judged}`),
    `${version}: ${judged.filter((r) => r.result === 'pass').length} of ${judged.length}`,
  ];
  const head = ['study', 'target', ...past.map((p) => p.version), version];
  const out = [
    '## What changed since earlier models',
    '',
    `Each row beside the same row of the tables earlier models wrote (\`docs/calibration/<version>.md\`, kept as written): simulated mean and result. Rows passing: ${counts.join('; ')}. A dash: the row did not exist then.`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
  ];
  const cell = (r: PastRow | undefined) => (r ? `${r.mean} (${r.result})` : '–');
  for (const r of now) {
    const old = past.map((p) => p.rows.find((x) => x.study === r.study && x.target === r.target));
    out.push(`| ${[r.study, r.target, ...old.map(cell), cell(r)].map(esc).join(' | ')} |`);
  }
  const gone = past.flatMap((p) =>
    p.rows
      .filter((x) => !now.some((r) => r.study === x.study && r.target === x.target))
      .map((x) => `${p.version}: ${x.study}, ${x.target}`),
  );
  if (gone.length) out.push('', `Rows of earlier tables no longer in this one: ${[...new Set(gone)].join('; ')}.`);
  out.push('');
  return out.join('\n');
}
