/**
 * Writing a run's results from the command line: JSON or CSV text (built by the pure functions
 * in scenarios/export.ts, shared with the app), to a file or stdout, and the short human summary.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { KNOBS, type KnobValue, type RunResult } from '../sim/index.ts';
import { dailyCsv, dateOfDay, resultJson } from '../scenarios/export.ts';
import { formatKnobValue } from '../scenarios/loader.ts';
import { presetKnobs } from '../scenarios/presets.ts';

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

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i])) s += a[i];
  return s;
}

/** Mean of a rate series weighted by a count series (days with no weight or NaN skipped). */
function weightedMean(rate: ArrayLike<number>, weight: ArrayLike<number>): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < rate.length; i++) {
    const wi = weight[i];
    if (Number.isFinite(rate[i]) && wi > 0) {
      s += rate[i] * wi;
      w += wi;
    }
  }
  return w > 0 ? s / w : NaN;
}

const int = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');

/** The knobs that differ from the preset, as `name=value`. */
export function changedKnobs(result: Pick<RunResult, 'scenario'>): string[] {
  const base: Record<string, KnobValue> | undefined = presetKnobs(result.scenario.preset);
  const k: Record<string, KnobValue> = result.scenario.knobs;
  return KNOBS.filter((s) => base === undefined || k[s.name] !== base[s.name]).map((s) => `${s.name}=${formatKnobValue(k[s.name])}`);
}

/** Key totals of a run, computed from its daily series. */
export function keyTotals(result: RunResult) {
  const d = result.daily;
  const days = d.tickets_filed.length;
  const contacts = sum(d.tickets_filed);
  return {
    days,
    contacts,
    consultations: sum(d.consultations),
    consultationShare: contacts > 0 ? sum(d.consultations) / contacts : NaN,
    requestsPer10kYear: days > 0 ? (sum(d.requests_per_10k) / days) * 365 : NaN,
    reportedSatisfaction: weightedMean(d.reported_satisfaction, d.tickets_closed),
    trueSatisfaction: weightedMean(d.true_satisfaction, d.tickets_closed),
    gamingPaid: sum(d.gaming_paid),
    gamingInduced: sum(d.gaming_induced),
    gamingFake: sum(d.gaming_fake),
    disputesSettled: sum(d.disputes_settled),
    flips: sum(d.contested_flips),
  };
}

/** The short human summary printed to stderr after a run. */
export function summaryText(result: RunResult, wallMs: number, wrote?: string): string {
  const t = keyTotals(result);
  const k = result.scenario.knobs;
  const changed = changedKnobs(result);
  const end = t.days > 0 ? dateOfDay(k.startDate, t.days - 1) : k.startDate;
  const gap = (t.reportedSatisfaction - t.trueSatisfaction) * 100;
  const lines = [
    `${result.model.name} ${result.model.version}: preset ${result.scenario.preset}` +
      (changed.length ? ` with ${changed.join(' ')}` : '') +
      `, seed ${result.seed}, ${t.days} days (${k.startDate} to ${end}), ${int(k.residents)} residents, ${(wallMs / 1000).toFixed(2)} s`,
    `  contacts             ${int(t.contacts)} (consultations ${pct(t.consultationShare)})`,
    `  requests per 10k     ${Number.isFinite(t.requestsPer10kYear) ? t.requestsPer10kYear.toFixed(1) : 'n/a'} per year`,
    `  satisfaction         reported ${pct(t.reportedSatisfaction)}, true ${pct(t.trueSatisfaction)}` +
      (Number.isFinite(gap) ? ` (gap ${gap.toFixed(1)} points)` : ''),
    `  gaming               ${int(t.gamingPaid + t.gamingInduced + t.gamingFake)} (paid ${int(t.gamingPaid)}, induced ${int(t.gamingInduced)}, fake ${int(t.gamingFake)})`,
    `  disputes settled     ${int(t.disputesSettled)}`,
    `  contested flips      ${int(t.flips)}`,
  ];
  if (wrote) lines.push(`  wrote ${wrote}`);
  return lines.join('\n') + '\n';
}
