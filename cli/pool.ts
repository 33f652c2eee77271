/**
 * A pool of worker_threads that run experiment runs. Each worker validates the experiment again
 * (the same pure code, so the same design) and runs whatever run index it is handed; the main
 * thread hands out the next index as each one finishes, so a slow run never idles the others.
 *
 * Workers load TypeScript through tsx: the worker's entry is a tiny ES module (a data: URL) that
 * registers tsx's loader and then imports this file, which sees `workerData.hotlineExperiment`
 * and serves runs. Nothing needs building first, so it works from a clean clone after `npm ci`.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildDesign, executeRun, loadExperiment, type RunRecord } from '../experiments/index.ts';

interface WorkerInit {
  hotlineExperiment: unknown;
}
type ToWorker = { run: number } | { stop: true };
type FromWorker = { run: number; record: RunRecord } | { run: number; error: string };

function tsxApiUrl(): string {
  const resolve = (import.meta as ImportMeta & { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through to require.resolve
    }
  }
  const req = createRequire(import.meta.url);
  return pathToFileURL(req.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/** A worker entry that registers tsx's loader, then imports `moduleUrl` (this file by default; the fit's own). */
export function bootstrapUrl(moduleUrl: string = import.meta.url): URL {
  const code =
    `import { register } from ${JSON.stringify(tsxApiUrl())};\n` + `register();\n` + `await import(${JSON.stringify(moduleUrl)});\n`;
  return new URL('data:text/javascript,' + encodeURIComponent(code));
}

export interface PoolOptions {
  workers: number;
  /** Called in the main thread as each run finishes (awaited before the next record is delivered). */
  onRecord: (rec: RunRecord) => Promise<void> | void;
}

/**
 * Run `runs` (run indexes, in the order to hand them out) of the experiment on `workers`
 * threads. With one worker the runs go in this thread: no start-up cost, same results.
 */
export async function runPool(experiment: unknown, runs: readonly number[], opts: PoolOptions): Promise<void> {
  if (runs.length === 0) return;
  if (opts.workers <= 1) {
    const loaded = loadExperiment(experiment);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    const exp = loaded.experiment!;
    const points = buildDesign(exp);
    for (const r of runs) {
      await opts.onRecord(executeRun(exp, points, r));
      // Let timers (progress, signals) run between runs.
      await new Promise<void>((ok) => setImmediate(ok));
    }
    return;
  }
  const n = Math.min(opts.workers, runs.length);
  let next = 0;
  let chain = Promise.resolve();
  const url = bootstrapUrl();
  await new Promise<void>((resolve, reject) => {
    let live = n;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(url, { workerData: { hotlineExperiment: experiment } satisfies WorkerInit });
      workers.push(w);
      const feed = () => {
        if (failed) return;
        if (next < runs.length) w.postMessage({ run: runs[next++] } satisfies ToWorker);
        else w.postMessage({ stop: true } satisfies ToWorker);
      };
      w.on('message', (m: FromWorker) => {
        if ('error' in m) return fail(new Error(`run ${m.run}: ${m.error}`));
        feed();
        chain = chain.then(() => opts.onRecord(m.record)).catch((e: unknown) => fail(e as Error));
      });
      w.on('error', (e) => fail(e as Error));
      w.on('exit', () => {
        if (--live === 0 && !failed)
          chain.then(
            () => resolve(),
            (e: unknown) => fail(e as Error),
          );
      });
      feed();
    }
  });
}

// ---------------------------------------------------------------- the worker side

function serve(init: WorkerInit): void {
  const loaded = loadExperiment(init.hotlineExperiment);
  const port = parentPort!;
  if (!loaded.ok) {
    port.postMessage({ run: -1, error: loaded.problems.map((p) => p.message).join('; ') } satisfies FromWorker);
    return;
  }
  const exp = loaded.experiment!;
  const points = buildDesign(exp);
  port.on('message', (m: ToWorker) => {
    if ('stop' in m) {
      port.close();
      return;
    }
    try {
      port.postMessage({ run: m.run, record: executeRun(exp, points, m.run) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ run: m.run, error: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
    }
  });
}

if (!isMainThread && workerData && typeof workerData === 'object' && 'hotlineExperiment' in workerData) serve(workerData as WorkerInit);
