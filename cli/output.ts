/**
 * Writing a run's results from the command line: JSON or CSV text (built by the pure functions
 * in scenarios/export.ts, shared with the app), to a file or stdout, and the short human summary
 * (the run's summary under the app's names).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KNOBS, type KnobValue, type RunResult } from '../sim/index.ts';
import { dailyCsv, dateOfDay, resultJson, type ExportScenario } from '../scenarios/export.ts';
import { changeLine } from '../scenarios/timeline.ts';
import { formatKnobValue } from '../scenarios/loader.ts';
import { presetKnobs } from '../scenarios/presets.ts';
import { KEY_FIGURES, SUMMARY_LABELS, type SummaryField } from '../sim/metric-labels.ts';

export type OutputFormat = 'json' | 'csv';

export function formatResult(result: RunResult, format: OutputFormat): string {
  return format === 'csv' ? dailyCsv(result) : resultJson(result);
}

/** Write text to a file (creating its folder) or to stdout when `out` is undefined or '-'. */
export async function writeOutput(text: string, out?: string): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (err) => (err && (err as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(err) : resolve()));
    });
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text, 'utf8');
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');

/**
 * The knobs that differ from the preset, as `name=value`. `base` is the preset's knobs in the
 * version that ran (an archived version's own preset: its defaults may differ from today's);
 * knobs that version does not have are left out.
 */
export function changedKnobs(result: Pick<RunResult, 'scenario'>, base?: Readonly<Record<string, unknown>>): string[] {
  const preset = (base ?? presetKnobs(result.scenario.preset)) as Record<string, unknown> | undefined;
  const k = result.scenario.knobs as unknown as Record<string, KnobValue>;
  return KNOBS.filter((s) => s.name in k && (preset === undefined || k[s.name] !== preset[s.name])).map(
    (s) => `${s.name}=${formatKnobValue(k[s.name])}`,
  );
}

/** A summary figure as the summary line prints it: a rate in percent, requests to one decimal, counts whole. */
function figure(field: SummaryField, x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return 'n/a';
  if (SUMMARY_LABELS[field].rate) return pct(x);
  return field === 'requests_per_10k_month' ? x.toFixed(1) : int(x);
}

/**
 * The short human summary printed to stderr after a run: the run's summary (the numbers of its JSON
 * export), the key figures first, under the names the app shows (sim/metric-labels.ts).
 */
export function summaryText(result: RunResult, wallMs: number, wrote?: string, base?: Readonly<Record<string, unknown>>): string {
  const s = result.summary;
  const k = result.scenario.knobs;
  const changed = changedKnobs(result, base);
  const days = s.days ?? 0;
  const end = days > 0 ? dateOfDay(k.startDate, days - 1) : k.startDate;
  const gap = (s.official_satisfaction - s.true_satisfaction) * 100;
  const timeline = (result.scenario as ExportScenario).timeline ?? [];
  const fields: SummaryField[] = [
    ...KEY_FIGURES,
    'consultation_share',
    'gaming_paid',
    'gaming_induced',
    'gaming_fake',
    'disputes_settled',
    'contested_flips',
  ];
  const width = Math.max(...fields.map((f) => SUMMARY_LABELS[f].en.length)) + 2;
  const lines = [
    `${result.model.name} ${result.model.version}: preset ${result.scenario.preset}` +
      (changed.length ? ` with ${changed.join(' ')}` : '') +
      timeline.map((c) => `; from ${changeLine(c)}`).join('') +
      `, seed ${result.seed}, ${days} days (${k.startDate} to ${end}), ${int(k.residents)} residents, ${(wallMs / 1000).toFixed(2)} s`,
    ...fields.map(
      (f) =>
        `  ${SUMMARY_LABELS[f].en.padEnd(width)}${figure(f, s[f])}` +
        (f === 'true_satisfaction' && Number.isFinite(gap) ? ` (official minus true: ${gap.toFixed(1)} points)` : ''),
    ),
  ];
  if (wrote) lines.push(`  wrote ${wrote}`);
  return lines.join('\n') + '\n';
}
