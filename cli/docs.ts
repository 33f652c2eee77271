/**
 * `npm run docs`: writes docs/KNOBS.md and docs/METRICS.md from the schema.
 * `npm run docs -- --check` exits 1 if the committed files are stale (the unit test does the same).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knobsDoc, metricsDoc } from './tables.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each generated doc: its path from the repository root and its text. */
export function generatedDocs(): { path: string; text: string }[] {
  return [
    { path: 'docs/KNOBS.md', text: knobsDoc() },
    { path: 'docs/METRICS.md', text: metricsDoc() },
  ];
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
