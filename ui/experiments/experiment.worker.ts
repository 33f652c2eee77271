/**
 * A Web Worker that runs experiment runs: the same pure code as the command line's
 * worker_threads (experiments/), so a run here gives the same record, byte for byte.
 */
import { buildDesign, executeRun, loadExperiment, type DesignPoint, type Experiment } from '../../experiments/index.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './protocol.ts';

let exp: Experiment | null = null;
let points: DesignPoint[] = [];

const post = (m: FromExperimentWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<ToExperimentWorker>) => {
  const m = ev.data;
  if (m.type === 'init') {
    const loaded = loadExperiment(m.experiment);
    if (!loaded.ok) {
      post({ type: 'error', run: -1, message: loaded.problems.map((p) => p.message).join('; ') });
      return;
    }
    exp = loaded.experiment;
    points = buildDesign(exp!);
    return;
  }
  if (!exp) return post({ type: 'error', run: m.run, message: 'worker has no experiment' });
  try {
    const t0 = performance.now();
    const record = executeRun(exp, points, m.run);
    post({ type: 'record', record, ms: performance.now() - t0 });
  } catch (e) {
    post({ type: 'error', run: m.run, message: e instanceof Error ? e.message : String(e) });
  }
};
