/** Messages between the experiments panel's pool and its Web Workers. */
import type { RunRecord } from '../../experiments/index.ts';

export type ToExperimentWorker =
  /** The experiment as plain JSON (validated again in the worker, which builds the same design). */
  { type: 'init'; experiment: unknown } | { type: 'run'; run: number };

export type FromExperimentWorker = { type: 'record'; record: RunRecord; ms: number } | { type: 'error'; run: number; message: string };
