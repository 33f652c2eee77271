/**
 * `hotline-lab fit --out DIR [--sims N] [--predictive M] [--accept F] [--seed S] [--studies a,b]
 *  [--workers N] [--shard i/n] [--resume] [--policies N]`: approximate Bayesian computation of the uncertain
 * knobs (docs/PRIORS.md) against every calibration target at once (experiments/abc.ts).
 *
 * The output folder:
 *   fit.json          the fit's settings, priors and targets (what its hash covers)
 *   provenance.json   model version and git commit
 *   sims/sim-NNNNNN.json  one file per finished simulation, written atomically
 *   simulations.csv, accepted.csv, posterior.csv, predictive.csv, posterior-sample.json
 *                     once every simulation is present
 *   policies.csv      with --policies N, once the fit is complete: three of the article's
 *                     policies against their worlds without them, N paired replicates each, with
 *                     the knobs at their defaults and drawn from posterior-sample.json
 *                     (experiments/fit-carry.ts)
 *   runs.csv          one row per run of the command that simulated something: when it
 *                     finished, its shard, workers, how many simulations it ran and its wall time
 *                     (docs/FIT.md reads the fit's run time from it). The only file that depends
 *                     on the machine, so the only one that differs between a fit run whole and
 *                     one sharded and merged.
 *
 * Simulation i's parameters and seeds depend on the fit seed and i alone, so the files are the
 * same whatever --workers and however the simulations were sharded (after `hotline-lab merge`).
 * A killed fit loses the simulations in flight; --resume runs the missing ones. The predictive
 * simulations need the posterior, so every prior simulation first: a shard runs its prior share
 * and stops; after `merge`, `fit --resume --out MERGED` (or shards of it) runs the predictive check.
 */
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { MODEL } from '../sim/index.ts';
import { prettyJson } from '../scenarios/export.ts';
import {
  checkFitSpec,
  fitFiles,
  fitHash,
  fitJson,
  fitPosterior,
  predictiveTasks,
  priorParams,
  runFitSim,
  planKey,
  type FitSpec,
} from '../experiments/fit.ts';
import type { FitSim, Params } from '../experiments/abc.ts';
import { carryTasks, policiesCsv, runCarry, type CarryRecord, type CarryTask } from '../experiments/fit-carry.ts';
import { bootstrapUrl } from './pool.ts';
import { UsageError } from './usage-error.ts';
import { Progress, gitCommit, joinCommits, parseShard, parseWorkers, writeAtomic, type ExperimentArgs } from './experiment.ts';

interface FitFolderFile {
  hash: string;
  fit: Record<string, unknown>;
}

const one = (p: ExperimentArgs, name: string) => p.options.get(name)?.[0];

/** An error in English and in Chinese (two lines). */
const both = (en: string, zh: string) => new UsageError([en, zh]);

/** A simulation's file: prior simulations `sim-NNNNNN.json`, predictive ones `pred-NNNNNN.json`. */
export const simFile = (phase: FitSim['phase'], i: number) => `${phase === 'prior' ? 'sim' : 'pred'}-${String(i).padStart(6, '0')}.json`;
const SIM_RE = /^(sim|pred)-(\d{6,})\.json$/;

/** runs.csv's header: one row per run of the command (see the file list above). */
export const RUNS_HEADER = 'finished_utc,shard,workers,prior_sims,predictive_sims,seconds';

/** One row of runs.csv. */
export function runsRow(r: { finished: Date; shard: string; workers: number; prior: number; predictive: number; seconds: number }): string {
  return [r.finished.toISOString().slice(0, 19) + 'Z', r.shard, r.workers, r.prior, r.predictive, r.seconds.toFixed(1)].join(',');
}

/** The rows of a folder's runs.csv (none when it has none). */
async function readRuns(dir: string): Promise<string[]> {
  try {
    return (await readFile(join(dir, 'runs.csv'), 'utf8')).split('\n').filter((l) => l && l !== RUNS_HEADER);
  } catch {
    return [];
  }
}

async function writeRuns(dir: string, rows: readonly string[]): Promise<void> {
  if (rows.length) await writeAtomic(join(dir, 'runs.csv'), [RUNS_HEADER, ...rows].join('\n') + '\n');
}

interface Present {
  prior: Map<number, string>;
  predictive: Map<number, string>;
}

/** Simulations present in DIR/sims (stale temporary files of a killed fit removed). */
export async function presentSims(dir: string): Promise<Present> {
  const out: Present = { prior: new Map(), predictive: new Map() };
  let names: string[] = [];
  try {
    names = await readdir(join(dir, 'sims'));
  } catch {
    return out;
  }
  for (const n of names) {
    const m = SIM_RE.exec(n);
    if (m) (m[1] === 'sim' ? out.prior : out.predictive).set(Number(m[2]), join(dir, 'sims', n));
    else if (n.includes('.tmp-')) await rm(join(dir, 'sims', n), { force: true });
  }
  return out;
}

export async function readSim(path: string): Promise<FitSim> {
  const s = JSON.parse(await readFile(path, 'utf8')) as FitSim;
  for (const k of Object.keys(s.values)) s.values[k] = (s.values[k] as number | null) ?? NaN;
  return s;
}

/** The fit a folder holds (its settings), or null when it has no fit.json. */
export async function readFitFolder(dir: string): Promise<{ spec: FitSpec; hash: string } | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'fit.json'), 'utf8');
  } catch {
    return null;
  }
  let f: FitFolderFile;
  try {
    f = JSON.parse(text) as FitFolderFile;
  } catch {
    throw both(
      `'${join(dir, 'fit.json')}' is not valid JSON: use a new folder`,
      `'${join(dir, 'fit.json')}' 不是有效的 JSON：请换一个新文件夹`,
    );
  }
  const { spec, problems } = checkFitSpec(f.fit ?? {});
  if (!spec) throw new UsageError(problems.flatMap((p) => [`${join(dir, 'fit.json')}: ${p.en}`, `${join(dir, 'fit.json')}: ${p.zh}`]));
  return { spec, hash: f.hash };
}

/**
 * The folder's simulations that belong to this fit: prior 0 .. sims-1, and predictive ones of
 * this plan (predictive files of another plan, from a fit resumed with other settings, are removed).
 */
async function readAll(dir: string, spec: FitSpec): Promise<FitSim[]> {
  const present = await presentSims(dir);
  const out: FitSim[] = [];
  for (const [i, path] of [...present.prior].sort((a, b) => a[0] - b[0])) if (i < spec.sims) out.push(await readSim(path));
  for (const [i, path] of [...present.predictive].sort((a, b) => a[0] - b[0])) {
    const s = await readSim(path);
    if (i < spec.predictive && s.plan === planKey(spec)) out.push(s);
    else await rm(path, { force: true });
  }
  return out;
}

/** Write the output files when every simulation is present; says whether it did. */
async function finish(dir: string, spec: FitSpec, commit: string | null): Promise<boolean> {
  const sims = await readAll(dir, spec);
  if (sims.length < spec.sims + spec.predictive) return false;
  const files = fitFiles(spec, sims, { commit });
  for (const [name, text] of Object.entries(files)) await writeAtomic(join(dir, name), text);
  return true;
}

// ---------------------------------------------------------------- the pool

interface Task {
  sim: number;
  phase: FitSim['phase'];
  params: Params;
  set?: number;
}
/** A job for the pool: a simulation of the fit, or a replicate of a policy comparison (--policies). */
type Job = { fit: Task } | { carry: CarryTask };
type Done = { fit: FitSim } | { carry: CarryRecord };
type FromWorker = { record: Done } | { error: string };

/** The posterior sample policy comparisons draw from, handed to the workers once. */
interface PoolData {
  hotlineFit: FitSpec;
  sample: Params[];
}

function runJob(data: PoolData, j: Job): Done {
  if ('fit' in j) return { fit: runFitSim(data.hotlineFit, j.fit.sim, j.fit.phase, j.fit.params, j.fit.set) };
  return { carry: runCarry(j.carry, data.sample, data.hotlineFit.seed) };
}

/** Run `jobs` on `workers` threads (in this thread with one), each result handed to `onRecord` as it arrives. */
async function runTasks(data: PoolData, jobs: readonly Job[], workers: number, onRecord: (r: Done) => Promise<void>): Promise<void> {
  if (jobs.length === 0) return;
  if (workers <= 1) {
    for (const j of jobs) {
      await onRecord(runJob(data, j));
      await new Promise<void>((ok) => setImmediate(ok));
    }
    return;
  }
  const n = Math.min(workers, jobs.length);
  let next = 0;
  let chain = Promise.resolve();
  const url = bootstrapUrl(import.meta.url);
  await new Promise<void>((resolveAll, reject) => {
    let live = n;
    let failed = false;
    const ws: Worker[] = [];
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of ws) void w.terminate();
      reject(e);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(url, { workerData: data });
      ws.push(w);
      const feed = () => {
        if (failed) return;
        if (next < jobs.length) w.postMessage(jobs[next++]);
        else w.postMessage({ stop: true });
      };
      w.on('message', (m: FromWorker) => {
        if ('error' in m) return fail(new Error(m.error));
        feed();
        chain = chain.then(() => onRecord(m.record)).catch((e: unknown) => fail(e as Error));
      });
      w.on('error', (e) => fail(e as Error));
      w.on('exit', () => {
        if (--live === 0 && !failed)
          chain.then(
            () => resolveAll(),
            (e: unknown) => fail(e as Error),
          );
      });
      feed();
    }
  });
}

function serve(data: PoolData): void {
  const port = parentPort!;
  port.on('message', (m: Job | { stop: true }) => {
    if ('stop' in m) {
      port.close();
      return;
    }
    try {
      port.postMessage({ record: runJob(data, m) } satisfies FromWorker);
    } catch (e) {
      const what = 'fit' in m ? `simulation ${m.fit.sim}` : `policy ${m.carry.policy} replicate ${m.carry.replicate}`;
      port.postMessage({ error: `${what}: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker);
    }
  });
}

if (!isMainThread && workerData && typeof workerData === 'object' && 'hotlineFit' in workerData) serve(workerData as PoolData);

// ---------------------------------------------------------------- the command

export async function fitCommand(p: ExperimentArgs): Promise<number> {
  if (p.positional.length)
    throw both(
      `'fit' takes no file, got '${p.positional.join(' ')}': hotline-lab fit --out DIR [--sims N] [--predictive M]`,
      `'fit' 不接受文件参数，收到 '${p.positional.join(' ')}'：用法 hotline-lab fit --out DIR [--sims N] [--predictive M]`,
    );
  const out = one(p, 'out');
  if (!out)
    throw both(
      'fit needs --out DIR: the folder for sims/, posterior.csv and predictive.csv',
      'fit 需要 --out DIR：存放 sims/、posterior.csv 和 predictive.csv 的文件夹',
    );
  const { spec, problems } = checkFitSpec({
    seed: one(p, 'seed'),
    sims: one(p, 'sims'),
    predictive: one(p, 'predictive'),
    accept: one(p, 'accept'),
    studies: one(p, 'studies'),
  });
  if (!spec) throw new UsageError(problems.flatMap((x) => [`--${x.en}`, `--${x.zh}`]));
  const workers = parseWorkers(one(p, 'workers'));
  const shard = parseShard(one(p, 'shard'));
  const resume = p.flags.has('resume');
  const policiesRaw = one(p, 'policies');
  const policies = policiesRaw === undefined ? 0 : Number(policiesRaw);
  if (policiesRaw !== undefined && !(/^\s*\d+\s*$/.test(policiesRaw) && policies >= 2 && policies <= 10_000))
    throw both(
      `--policies '${policiesRaw}' is not allowed: must be an integer from 2 to 10000 (replicates of each policy comparison)`,
      `--policies '${policiesRaw}' 不可用：须为 2 到 10000 之间的整数（每项政策比较的重复次数）`,
    );
  const hash = fitHash(spec);

  const existing = await readFitFolder(out);
  const present = await presentSims(out);
  const count = present.prior.size + present.predictive.size;
  if (existing && existing.hash !== hash)
    throw both(
      `--out '${out}' holds a different fit (hash ${existing.hash.slice(0, 12)}, this one ${hash.slice(0, 12)}): use a new folder, or the same --seed and --studies (the model, priors and targets must be the same too)`,
      `--out '${out}' 中是另一次拟合（哈希 ${existing.hash.slice(0, 12)}，本次 ${hash.slice(0, 12)}）：请换新文件夹，或使用相同的 --seed 和 --studies（模型、先验和目标也须相同）`,
    );
  if ((existing || count > 0) && !resume)
    throw both(
      `--out '${out}' already holds ${count} simulation(s) of this fit: add --resume to run only the missing ones, or use a new folder`,
      `--out '${out}' 已有本次拟合的 ${count} 次模拟：加 --resume 只运行缺少的部分，或换一个新文件夹`,
    );
  await mkdir(join(out, 'sims'), { recursive: true });
  const oldProv = await (async () => {
    try {
      return JSON.parse(await readFile(join(out, 'provenance.json'), 'utf8')) as { commit: string | null };
    } catch {
      return null;
    }
  })();
  const commit = joinCommits([oldProv?.commit, gitCommit()]);
  await writeAtomic(join(out, 'fit.json'), prettyJson({ hash, fit: fitJson(spec) }));
  await writeAtomic(join(out, 'provenance.json'), prettyJson({ model: `${MODEL.name} ${MODEL.version}`, commit }));

  const mineOf = (n: number) => {
    const r: number[] = [];
    for (let i = 0; i < n; i++) if (!shard || i % shard.n === shard.i) r.push(i);
    return r;
  };
  // predictive simulations of another plan go (resumed with other --sims, --accept or --predictive)
  const kept = await readAll(out, spec);
  const has = (phase: FitSim['phase'], i: number) => kept.some((k) => k.phase === phase && k.sim === i);
  const minePrior = mineOf(spec.sims);
  const minePred = mineOf(spec.predictive);
  const mine = minePrior.length + minePred.length;
  const doneBefore = minePrior.filter((i) => has('prior', i)).length + minePred.filter((i) => has('predictive', i)).length;
  const nWorkers = Math.max(1, Math.min(workers, mine - doneBefore));
  process.stderr.write(
    `hotline-lab: fit ${hash.slice(0, 12)}: ${spec.sims} prior + ${spec.predictive} predictive simulations of ${spec.studies.length} studies` +
      (shard ? `; shard ${shard.i}/${shard.n}: ${mine}` : '') +
      (doneBefore ? `; ${doneBefore} already done` : '') +
      `; on ${nWorkers} worker${nWorkers === 1 ? '' : 's'}\n`,
  );
  const progress = new Progress(mine, doneBefore);
  const save = async (done: Done) => {
    if (!('fit' in done)) return;
    const rec = done.fit;
    await writeAtomic(join(out, 'sims', simFile(rec.phase, rec.sim)), JSON.stringify(rec));
    progress.tick();
  };
  const pool: PoolData = { hotlineFit: spec, sample: [] };
  const t0 = performance.now();
  const prior: Task[] = minePrior.filter((i) => !has('prior', i)).map((sim) => ({ sim, phase: 'prior', params: priorParams(spec, sim) }));
  await runTasks(
    pool,
    prior.map((fit) => ({ fit })),
    nWorkers,
    save,
  );
  let predictiveRun = 0;

  // the predictive check, once every prior simulation is in (this folder may hold other shards')
  const now = await readAll(out, spec);
  const priorMissing = spec.sims - now.filter((x) => x.phase === 'prior').length;
  if (priorMissing === 0 && minePred.length) {
    const post = fitPosterior(
      spec,
      now.filter((x) => x.phase === 'prior'),
    );
    const done = new Set(now.filter((x) => x.phase === 'predictive').map((x) => x.sim));
    const plan = predictiveTasks(spec, post).filter((t) => minePred.includes(t.sim) && !done.has(t.sim));
    predictiveRun = plan.length;
    await runTasks(
      pool,
      plan.map((t) => ({ fit: { sim: t.sim, phase: 'predictive' as const, params: t.params, set: t.set } })),
      nWorkers,
      save,
    );
  }
  const secs = (performance.now() - t0) / 1000;
  if (prior.length + predictiveRun > 0) {
    const row = runsRow({
      finished: new Date(),
      shard: shard ? `${shard.i}/${shard.n}` : '',
      workers: nWorkers,
      prior: prior.length,
      predictive: predictiveRun,
      seconds: secs,
    });
    await writeRuns(out, [...(await readRuns(out)), row]);
  }
  const complete = await finish(out, spec, commit);
  process.stderr.write(`hotline-lab: fit ran for ${secs.toFixed(1)} s on ${nWorkers} worker${nWorkers === 1 ? '' : 's'}\n`);
  if (complete && policies > 0) await carryThrough(out, spec, policies, workers, pool);
  if (complete) {
    process.stderr.write(`hotline-lab: wrote ${out}/posterior.csv, predictive.csv, accepted.csv, simulations.csv, posterior-sample.json\n`);
    process.stdout.write(await readFile(join(out, 'posterior.csv'), 'utf8'));
  } else if (priorMissing > 0) {
    process.stderr.write(
      `hotline-lab: ${priorMissing} of ${spec.sims} prior simulations are in other shards: merge the folders (hotline-lab merge DIR... --out DIR), then run the predictive check with hotline-lab fit --resume --out DIR and the same settings\n`,
    );
  } else {
    process.stderr.write(`hotline-lab: the predictive simulations of other shards are missing: run them, then merge\n`);
  }
  return 0;
}

/**
 * --policies N: the policy comparisons of experiments/fit-carry.ts, N replicates each, with the
 * knobs at their defaults and drawn from the folder's posterior sample; writes policies.csv.
 */
async function carryThrough(out: string, spec: FitSpec, replicates: number, workers: number, pool: PoolData): Promise<void> {
  const sample = (JSON.parse(await readFile(join(out, 'posterior-sample.json'), 'utf8')) as { sets: Params[] }).sets;
  const tasks = carryTasks(replicates);
  const data: PoolData = { ...pool, sample };
  const nWorkers = Math.max(1, Math.min(workers, tasks.length));
  process.stderr.write(
    `hotline-lab: policy comparisons: ${tasks.length} replicates (each two runs), defaults and ${sample.length} posterior sets, on ${nWorkers} worker${nWorkers === 1 ? '' : 's'}\n`,
  );
  const progress = new Progress(tasks.length, 0);
  const records: CarryRecord[] = [];
  const t0 = performance.now();
  await runTasks(
    data,
    tasks.map((carry) => ({ carry })),
    nWorkers,
    async (d) => {
      if ('carry' in d) records.push(d.carry);
      progress.tick();
    },
  );
  const header = [
    `# model ${MODEL.name} ${MODEL.version}`,
    `# git-commit ${gitCommit() || 'unknown'}`,
    `# fit-hash ${fitHash(spec)}`,
    `# posterior-sample ${sample.length} sets`,
  ];
  await writeAtomic(join(out, 'policies.csv'), policiesCsv(records, replicates, header));
  process.stderr.write(`hotline-lab: wrote ${out}/policies.csv in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** `hotline-lab merge` of fit folders: the union of their simulations, checked, into `out`. */
export async function mergeFit(dirs: readonly string[], out: string): Promise<number> {
  let spec: FitSpec | null = null;
  let hash = '';
  const commits: (string | null)[] = [];
  const sims = new Map<string, string>();
  const runs: string[] = [];
  for (const d of dirs) {
    const f = await readFitFolder(d);
    if (!f) throw both(`'${d}' is not a fit folder: it has no fit.json`, `'${d}' 不是拟合文件夹：其中没有 fit.json`);
    if (!spec) {
      spec = f.spec;
      hash = f.hash;
    } else if (f.hash !== hash)
      throw both(
        `'${d}' holds a different fit (hash ${f.hash.slice(0, 12)}; '${dirs[0]}' has ${hash.slice(0, 12)}): only shards of one fit merge`,
        `'${d}' 是另一次拟合（哈希 ${f.hash.slice(0, 12)}；'${dirs[0]}' 为 ${hash.slice(0, 12)}）：只能合并同一次拟合的分片`,
      );
    try {
      commits.push((JSON.parse(await readFile(join(d, 'provenance.json'), 'utf8')) as { commit: string | null }).commit);
    } catch {
      commits.push(null);
    }
    // each shard's runs, once (a folder merged into itself keeps its own)
    for (const r of await readRuns(d)) if (!runs.includes(r)) runs.push(r);
    const present = await presentSims(d);
    const all = [
      ...[...present.prior].map(([i, path]) => [simFile('prior', i), path] as const),
      ...[...present.predictive].map(([i, path]) => [simFile('predictive', i), path] as const),
    ];
    for (const [i, path] of all) {
      const prev = sims.get(i);
      if (prev && resolve(prev) !== resolve(path) && (await readFile(prev, 'utf8')) !== (await readFile(path, 'utf8')))
        throw both(
          `simulation ${i} differs between '${prev}' and '${path}': were they made by different versions of the model?`,
          `模拟 ${i} 在 '${prev}' 与 '${path}' 中不同：是否由不同版本的模型生成？`,
        );
      if (!prev) sims.set(i, path);
    }
  }
  const s = spec as FitSpec;
  await mkdir(join(out, 'sims'), { recursive: true });
  for (const [i, path] of sims) {
    const dest = join(out, 'sims', i);
    if (resolve(dest) !== resolve(path)) await writeAtomic(dest, await readFile(path, 'utf8'));
  }
  const commit = joinCommits(commits);
  await writeAtomic(join(out, 'fit.json'), prettyJson({ hash, fit: fitJson(s) }));
  await writeAtomic(join(out, 'provenance.json'), prettyJson({ model: `${MODEL.name} ${MODEL.version}`, commit }));
  for (const r of await readRuns(out)) if (!runs.includes(r)) runs.push(r);
  await writeRuns(out, runs.sort());
  const complete = await finish(out, s, commit);
  let priorMissing = 0;
  for (let i = 0; i < s.sims; i++) if (!sims.has(simFile('prior', i))) priorMissing++;
  process.stderr.write(
    `hotline-lab: merged ${dirs.length} fit folder${dirs.length === 1 ? '' : 's'}, ${sims.size} simulations, into ${out}\n`,
  );
  if (complete) process.stdout.write(await readFile(join(out, 'posterior.csv'), 'utf8'));
  else if (priorMissing)
    throw both(
      `${priorMissing} of ${s.sims} prior simulations are missing: run the missing shards (or --resume them), then merge again`,
      `缺少 ${s.sims} 次先验模拟中的 ${priorMissing} 次：请运行缺少的分片（或加 --resume 续跑），再合并`,
    );
  else
    process.stderr.write(
      `hotline-lab: every prior simulation is in; run the predictive check: hotline-lab fit --resume --out ${out} --seed ${s.seed} --sims ${s.sims} --predictive ${s.predictive} --accept ${s.accept}${s.studies.length ? ` --studies ${s.studies.join(',')}` : ''}\n`,
    );
  return 0;
}
