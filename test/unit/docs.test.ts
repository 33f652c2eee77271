import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOBS, METRICS } from '../../sim/index.ts';
import { generatedDocs } from '../../cli/docs.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('generated docs', () => {
  it.each(generatedDocs().map((d) => [d.path, d.text] as const))('%s is up to date (run `npm run docs` if this fails)', (path, text) => {
    expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale: run npm run docs`).toBe(text);
  });

  it('documents every knob and every metric', () => {
    const [knobs, metrics] = generatedDocs().map((d) => d.text);
    for (const k of KNOBS) expect(knobs).toContain(`| \`${k.name}\` |`);
    for (const m of METRICS) expect(metrics).toContain(`| \`${m.name}\` |`);
  });
});
