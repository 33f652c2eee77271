/**
 * Resource estimate for a run, computed from the knobs before anything is built, so that a
 * runner (the browser worker, the command line) can refuse a run that would not fit instead of
 * crashing. Deliberately an upper-side estimate: every need is assumed to reach the hotline.
 */
import type { Knobs } from './knobs.ts';
import { METRICS } from './metrics.ts';

export interface RunEstimate {
  /** Bytes of model state and stored output at the end of the run. */
  bytes: number;
  /** 12345 contacts over the run (an upper estimate). */
  contacts: number;
  /** Stored daily values (metrics x days). */
  storedValues: number;
}

export interface RunLimits {
  maxBytes: number;
  maxContacts: number;
}

/** What a browser tab can hold comfortably (one worker; compare mode runs two). */
export const BROWSER_LIMITS: RunLimits = { maxBytes: 1.2e9, maxContacts: 120e6 };

export function estimateRun(k: Knobs): RunEstimate {
  const years = k.horizonDays / 365;
  const N = k.residents;
  const households = N / k.householdSize;
  const personal = N * (k.consultRate + k.individualRate + k.wishRate + k.ventRate);
  const defects = (N / 1000) * k.defectRate * (1 + k.maintenanceEffect);
  const disputes = (households / 1000) * k.disputeRate;
  const proxies = disputes * years * k.proxyRate * 0.5;
  const contested = N * k.contestedCellShare * 0.5 * k.contestedRate;
  const perYear = personal + defects * 2 + proxies + contested;
  const contacts = perYear * years;
  const storedValues = METRICS.length * k.horizonDays;
  const residentBytes = N * 11;
  const cellBytes = k.cells * 160 + k.units * 400;
  // append-only tables (defects, disputes, council cases) and open tickets (a month's worth)
  const tableBytes = (defects * 16 + disputes * 36 + personal * 0.3 * 24) * years;
  const ticketBytes = (perYear / 12) * 44;
  const bytes = residentBytes + cellBytes + tableBytes + ticketBytes + storedValues * 8 * 3;
  return { bytes, contacts, storedValues };
}

/** Problems (empty when the run fits), each with a suggestion. */
export function checkRunLimits(k: Knobs, limits: RunLimits): string[] {
  const e = estimateRun(k);
  const out: string[] = [];
  const gb = (b: number) => (b / 1e9).toFixed(2);
  if (e.bytes > limits.maxBytes) {
    const scale = limits.maxBytes / e.bytes;
    out.push(
      `this run needs about ${gb(e.bytes)} GB, more than the ${gb(limits.maxBytes)} GB allowed here: ` +
        `try about ${Math.floor(k.residents * scale * 0.9).toLocaleString('en')} residents or a shorter horizon, or run it from the command line`,
    );
  }
  if (e.contacts > limits.maxContacts) {
    const scale = limits.maxContacts / e.contacts;
    out.push(
      `this run would simulate about ${(e.contacts / 1e6).toFixed(0)} million contacts, more than the ${(limits.maxContacts / 1e6).toFixed(0)} million allowed here: ` +
        `try horizonDays ${Math.max(1, Math.floor(k.horizonDays * scale * 0.9))} or fewer residents, or run it from the command line`,
    );
  }
  return out;
}
