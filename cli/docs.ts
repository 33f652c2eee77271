/**
 * `npm run docs`: writes docs/KNOBS.md and docs/METRICS.md from the schema, docs/PRIORS.md from the
 * priors table and docs/FIT.md from the fit's output in docs/fit/ (experiments/fit-report.ts).
 * `npm run docs -- --check` exits 1 if the committed files are stale (the unit test does the same).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knobsDoc, metricsDoc } from './tables.ts';
import { fitReport, priorsDoc } from '../experiments/fit-report.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each generated doc: its path from the repository root and its text. */
export function generatedDocs(): { path: string; text: string }[] {
  return [
    { path: 'docs/KNOBS.md', text: knobsDoc() },
    { path: 'docs/METRICS.md', text: metricsDoc() },
    { path: 'docs/PRIORS.md', text: priorsDoc() },
    ...fitDoc(),
  ];
}

/** docs/FIT.md from the files `hotline-lab fit --out docs/fit` wrote (none while the folder is incomplete). */
function fitDoc(): { path: string; text: string }[] {
  const dir = join(ROOT, 'docs', 'fit');
  const read = (n: string) => readFileSync(join(dir, n), 'utf8');
  if (!['fit.json', 'provenance.json', 'posterior.csv', 'predictive.csv'].every((n) => existsSync(join(dir, n)))) return [];
  const text = fitReport({
    fitJson: read('fit.json'),
    provenanceJson: read('provenance.json'),
    posteriorCsv: read('posterior.csv'),
    predictiveCsv: read('predictive.csv'),
    runsCsv: existsSync(join(dir, 'runs.csv')) ? read('runs.csv') : undefined,
    policiesCsv: existsSync(join(dir, 'policies.csv')) ? read('policies.csv') : undefined,
  });
  return [{ path: 'docs/FIT.md', text }];
}

async function current(path: string): Promise<string | undefined> {
  try {
    return await readFile(join(ROOT, path), 'utf8');
  } catch {
    return undefined;
  }
}

export async function docsMain(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  let stale = 0;
  for (const d of generatedDocs()) {
    const now = await current(d.path);
    if (now === d.text) {
      process.stdout.write(`${d.path} is up to date\n`);
      continue;
    }
    if (check) {
      stale++;
      process.stderr.write(`${d.path} is stale: run npm run docs\n`);
    } else {
      await mkdir(dirname(join(ROOT, d.path)), { recursive: true });
      await writeFile(join(ROOT, d.path), d.text, 'utf8');
      process.stdout.write(`wrote ${d.path}\n`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  docsMain(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`docs: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
