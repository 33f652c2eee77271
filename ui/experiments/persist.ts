/**
 * An experiment in the app survives a tab reload: while it runs, the experiment (as its JSON)
 * and the records finished so far are kept in localStorage; when the panel comes back with the
 * same experiment it shows the finished ones and runs only the rest. A finished experiment
 * stays too, so its results are back after a reload without running again. Storage full or
 * blocked: the experiment is kept without its records (it then runs again from the start).
 */
import type { RunRecord } from '../../experiments/index.ts';

const KEY = 'hotline-lab.experiment';

export interface SavedExperiment {
  /** experimentJson(exp): the experiment exactly (scenario, seed, design, replicates, metrics). */
  json: string;
  total: number;
  status: 'running' | 'done';
  /** Finished records by run index (null where not finished). */
  records: (RunRecord | null)[];
}

export function saveExperiment(s: SavedExperiment): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    try {
      localStorage.setItem(KEY, JSON.stringify({ ...s, status: 'running', records: [] }));
    } catch {
      /* remembering is a convenience */
    }
  }
}

export function loadExperimentState(json: string): SavedExperiment | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as SavedExperiment;
    if (s.json !== json || !Array.isArray(s.records) || typeof s.total !== 'number') return null;
    return s;
  } catch {
    return null;
  }
}

export function forgetExperiment(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
