/**
 * `hotline-lab experiment FILE --out DIR [--workers N] [--shard i/n] [--resume] [--posterior FILE]`
 *
 * The output folder:
 *   experiment.json   the validated experiment (every default filled in; runnable again)
 *   provenance.json   model version and git commit
 *   runs/run-NNNNNN.json   one file per finished run, written atomically (temporary file, then rename)
 *   results.csv       tidy rows, appended in run order as runs finish, rebuilt from runs/ at the end
 *   summary.csv, differences.csv, sensitivity.csv   statistics, once every run is present
 *
 * Every file is a function of the experiment and the run records alone, so the output is the
 * same whatever --workers and however the runs were sharded (after `hotline-lab merge`). A killed
 * experiment loses at most the runs in flight; --resume runs only the missing ones.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL } from '../sim/index.ts';
import { MAX_SCENARIO_BYTES, parseJsonText } from '../scenarios/loader.ts';
import { prettyJson } from '../scenarios/export.ts';
import {
  buildDesign,
  checkPoints,
  experimentFiles,
  experimentHash,
  experimentJson,
  experimentTables,
  loadExperiment,
  loadExperimentText,
  posteriorSummary,
  resultRows,
  resultsHead,
  runCount,
  type DesignPoint,
  type Experiment,
  type RunRecord,
} from '../experiments/index.ts';
import { runPool } from './pool.ts';
import { UsageError } from './usage-error.ts';

export interface ExperimentArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

const one = (p: ExperimentArgs, name: string) => p.options.get(name)?.[0];

/** Largest posterior-sample.json read (10,000 sets of 80 knobs are about 25 MB). */
const MAX_POSTERIOR_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------- provenance

/** The git commit of this checkout (HOTLINE_LAB_GIT_COMMIT overrides), or null outside git. */
export function gitCommit(): string | null {
  const env = process.env.HOTLINE_LAB_GIT_COMMIT;
  if (env !== undefined) return env || null;
  try {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

interface ProvenanceFile {
  model: string;
  commit: string | null;
  /** The fit whose posterior sample the runs drew from (fitHash, number of sets), when one was named. */
  posterior?: ReturnType<typeof posteriorSummary>;
}

// ---------------------------------------------------------------- the output folder

export const runFile = (run: number) => `run-${String(run).padStart(6, '0')}.json`;
const RUN_RE = /^run-(\d{6,})\.json$/;

export async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** Run indexes present in DIR/runs (stale temporary files of a killed run are removed). */
export async function presentRuns(dir: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  let names: string[] = [];
  try {
    names = await readdir(join(dir, 'runs'));
  } catch {
    return out;
  }
  for (const n of names) {
    const m = RUN_RE.exec(n);
    if (m) out.set(Number(m[1]), join(dir, 'runs', n));
    else if (n.includes('.tmp-')) await rm(join(dir, 'runs', n), { force: true });
  }
  return out;
}

const revive = (xs: (number | null)[]) => xs.map((x) => (x === null ? NaN : x));

export async function readRecord(path: string): Promise<RunRecord> {
  const r = JSON.parse(await readFile(path, 'utf8')) as RunRecord;
  for (const k of Object.keys(r.values)) r.values[k] = revive(r.values[k] as (number | null)[]);
  for (const k of Object.keys(r.scalars)) r.scalars[k] = (r.scalars[k] as number | null) ?? NaN;
  return r;
}

/** Read the experiment a folder holds, or null if it has none. */
export async function readDirExperiment(dir: string): Promise<Experiment | null> {
  let text: string;
  try {
    text = await readFile(join(dir, 'experiment.json'), 'utf8');
  } catch {
    return null;
  }
  // written by this command: it may hold a posterior's sets, larger than an experiment file may be
  const res = loadExperimentText(text, MAX_POSTERIOR_BYTES + MAX_SCENARIO_BYTES);
  if (!res.ok) throw new UsageError(res.problems.map((p) => `${join(dir, 'experiment.json')}: ${p.message}`));
  return res.experiment;
}

export async function readProvenance(dir: string): Promise<ProvenanceFile | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'provenance.json'), 'utf8')) as ProvenanceFile;
  } catch {
    return null;
  }
}

/** Commits joined, in first-seen order (a folder resumed or merged across commits names them all). */
export function joinCommits(list: (string | null | undefined)[]): string | null {
  const seen: string[] = [];
  for (const c of list) for (const part of (c ?? '').split('+')) if (part && !seen.includes(part)) seen.push(part);
  return seen.length ? seen.join('+') : null;
}

/**
 * Write every output file of a folder whose runs are all present (or results.csv only, for a shard).
 * Returns the records when the experiment is complete.
 */
export async function finishDir(
  dir: string,
  exp: Experiment,
  points: readonly DesignPoint[],
  commit: string | null,
): Promise<RunRecord[] | null> {
  const present = await presentRuns(dir);
  const total = runCount(exp, points);
  const order = [...present.keys()].sort((a, b) => a - b);
  const records: RunRecord[] = [];
  for (const r of order) records.push(await readRecord(present.get(r)!));
  const prov = { commit };
  if (order.length < total) {
    const lines: string[] = [];
    for (const rec of records) lines.push(...resultRows(exp, points, rec));
    await writeAtomic(join(dir, 'results.csv'), resultsHead(exp, prov) + (lines.length ? lines.join('\n') + '\n' : ''));
    return null;
  }
  const files = experimentFiles(exp, points, records, prov);
  for (const [name, text] of Object.entries(files)) await writeAtomic(join(dir, name), text);
  return records;
}

// ---------------------------------------------------------------- progress

/** Progress on stderr: a redrawn bar on a terminal, a plain line every 10% (or 30 s) otherwise. */
export class Progress {
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private lastLine = 0;
  private lastDecile = -1;
  done = 0;
  constructor(
    private readonly total: number,
    private readonly already: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  private text(): string {
    const secs = (performance.now() - this.t0) / 1000;
    const rate = this.done / Math.max(secs, 1e-9);
    const left = this.total - this.already - this.done;
    const eta = rate > 0 ? left / rate : NaN;
    const all = this.already + this.done;
    const t = (s: number) =>
      !Number.isFinite(s) ? '?' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
    return `${all}/${this.total} runs  ${rate.toFixed(rate < 10 ? 2 : 0)} runs/s  elapsed ${t(secs)}  left ${left > 0 ? t(eta) : '0 s'}`;
  }

  tick(): void {
    this.done++;
    const now = performance.now();
    const all = this.already + this.done;
    if (this.out.isTTY) {
      if (now - this.lastDraw < 100 && all < this.total) return;
      this.lastDraw = now;
      const width = 28;
      const filled = Math.round((width * all) / this.total);
      this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.text()}\x1b[K`);
      if (all >= this.total) this.out.write('\n');
      return;
    }
    const decile = Math.floor((10 * all) / this.total);
    if (decile > this.lastDecile || now - this.lastLine > 30_000 || all >= this.total) {
      this.lastDecile = decile;
      this.lastLine = now;
      this.out.write(`hotline-lab: ${this.text()}\n`);
    }
  }
}

// ---------------------------------------------------------------- the command

export function parseShard(text: string | undefined): { i: number; n: number } | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1) || !(i < n)) {
    throw new UsageError(
      `--shard '${text}' is not allowed: must be i/n with 0 <= i < n, 0-based as SLURM_ARRAY_TASK_ID (with --array=0-(n-1)) and JOB_COMPLETION_INDEX give, e.g. --shard 0/3`,
    );
  }
  return { i, n };
}

export function parseWorkers(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 1024)
    throw new UsageError(
      `--workers '${text}' is not allowed: must be an integer from 1 to 1024 (default: the number of cores, ${availableParallelism()})`,
    );
  return n;
}

/** Read a posterior sample (posterior-sample.json of a fit) as JSON; `what` names where it was asked for. */
export async function readPosteriorFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`${what}: '${path}' is not a file`);
    if (s.size > MAX_POSTERIOR_BYTES)
      throw new UsageError(`${what}: '${path}' is ${s.size} bytes: too large, the limit is ${MAX_POSTERIOR_BYTES} bytes`);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `${what}: cannot read '${path}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  const parsed = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) throw new UsageError(`${what}: '${path}' is not JSON: line ${parsed.line} column ${parsed.column}: ${parsed.why}`);
  return parsed.value;
}

/**
 * Read and validate an experiment file. A `posterior` given as a path is read relative to the
 * experiment file; `--posterior FILE` (relative to the working directory) replaces the file's.
 */
export async function readExperimentFile(path: string, posteriorFlag?: string): Promise<Experiment> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`experiment file '${path}' is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read experiment file '${path}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (size > MAX_SCENARIO_BYTES)
    throw new UsageError(`experiment file '${path}' is ${size} bytes: too large, the limit is ${MAX_SCENARIO_BYTES} bytes (1 MB)`);
  const text = await readFile(path, 'utf8');
  let res = loadExperimentText(text);
  const raw = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const input =
    raw.ok && typeof raw.value === 'object' && raw.value !== null && !Array.isArray(raw.value)
      ? (raw.value as Record<string, unknown>)
      : null;
  if (input && (posteriorFlag !== undefined || typeof input.posterior === 'string')) {
    const post =
      posteriorFlag !== undefined
        ? await readPosteriorFile(posteriorFlag, '--posterior')
        : await readPosteriorFile(resolve(dirname(path), input.posterior as string), `${path}: posterior`);
    res = loadExperiment({ ...input, posterior: post });
  }
  if (!res.ok) throw new UsageError(res.problems.map((p) => `${path}: ${p.message}`));
  for (const w of res.warnings ?? []) process.stderr.write(`hotline-lab: ${path}: warning: ${w.message}\n`);
  return res.experiment!;
}

export async function experimentCommand(p: ExperimentArgs): Promise<number> {
  if (p.positional.length !== 1)
    throw new UsageError(
      `experiment takes one experiment file, got ${p.positional.length ? p.positional.join(' ') : 'none'}: hotline-lab experiment FILE --out DIR`,
    );
  const out = one(p, 'out');
  if (!out) throw new UsageError('experiment needs --out DIR: the folder for runs/, results.csv and summary.csv');
  const workers = parseWorkers(one(p, 'workers'));
  const shard = parseShard(one(p, 'shard'));
  const resume = p.flags.has('resume');
  const exp = await readExperimentFile(p.positional[0], one(p, 'posterior'));
  const points = buildDesign(exp);
  const bad = checkPoints(exp, points);
  if (bad.length) throw new UsageError(bad.map((x) => `${p.positional[0]}: ${x.message}`));
  const total = runCount(exp, points);
  const hash = experimentHash(exp);

  // The folder: new, or this same experiment when resuming.
  const existing = await readDirExperiment(out).catch((e) => {
    throw e instanceof UsageError ? new UsageError(`--out '${out}' holds an experiment.json that does not load: use a new folder`) : e;
  });
  const present = await presentRuns(out);
  if (existing && experimentHash(existing) !== hash) {
    throw new UsageError(
      `--out '${out}' holds a different experiment (hash ${experimentHash(existing).slice(0, 12)}, this one ${hash.slice(0, 12)}): use a new folder`,
    );
  }
  if ((existing || present.size > 0) && !resume) {
    throw new UsageError(
      `--out '${out}' already holds ${present.size} run(s) of this experiment: add --resume to run only the missing ones, or use a new folder`,
    );
  }
  await mkdir(join(out, 'runs'), { recursive: true });
  const oldProv = await readProvenance(out);
  const commit = joinCommits([oldProv?.commit, gitCommit()]);
  await writeAtomic(join(out, 'experiment.json'), prettyJson(experimentJson(exp)));
  await writeAtomic(
    join(out, 'provenance.json'),
    prettyJson({
      model: `${MODEL.name} ${MODEL.version}`,
      commit,
      posterior: exp.posterior ? posteriorSummary(exp.posterior) : undefined,
    } satisfies ProvenanceFile),
  );

  const mine: number[] = [];
  for (let r = 0; r < total; r++) if (!shard || r % shard.n === shard.i) mine.push(r);
  const todo = mine.filter((r) => !present.has(r));
  const doneBefore = mine.length - todo.length;
  const nWorkers = Math.min(workers, Math.max(1, todo.length));
  process.stderr.write(
    `hotline-lab: experiment ${hash.slice(0, 12)}: ${points.length} design points x ${exp.replicates} replicates = ${total} runs` +
      (shard ? `; shard ${shard.i}/${shard.n}: ${mine.length} runs` : '') +
      (doneBefore ? `; ${doneBefore} already done` : '') +
      `; ${todo.length} to run on ${nWorkers} worker${nWorkers === 1 ? '' : 's'}\n`,
  );

  // results.csv streams in run order: the finished prefix now, then each run once all before it are in.
  const prov = { commit };
  const resultsPath = join(out, 'results.csv');
  const finished = new Set(present.keys());
  let cursor = 0;
  let pendingText: string[] = [];
  const flush = async () => {
    while (cursor < mine.length && finished.has(mine[cursor])) {
      pendingText.push(...resultRows(exp, points, await readRecord(join(out, 'runs', runFile(mine[cursor])))));
      cursor++;
    }
    if (pendingText.length) {
      await appendFile(resultsPath, pendingText.join('\n') + '\n');
      pendingText = [];
    }
  };
  await writeFile(resultsPath, resultsHead(exp, prov));
  await flush();

  const progress = new Progress(mine.length, doneBefore);
  const t0 = performance.now();
  await runPool(experimentJson(exp), todo, {
    workers: nWorkers,
    onRecord: async (rec) => {
      await writeAtomic(join(out, 'runs', runFile(rec.run)), JSON.stringify(rec));
      finished.add(rec.run);
      await flush();
      progress.tick();
    },
  });
  const secs = (performance.now() - t0) / 1000;

  const records = await finishDir(out, exp, points, commit);
  process.stderr.write(
    `hotline-lab: ${todo.length} runs in ${secs.toFixed(1)} s on ${nWorkers} worker${nWorkers === 1 ? '' : 's'}; wrote ${out}/results.csv\n`,
  );
  if (records) {
    process.stderr.write(
      `hotline-lab: statistics in ${out}/summary.csv and ${out}/differences.csv${exp.design.type === 'oat' || exp.design.type === 'morris' ? ` and ${out}/sensitivity.csv` : ''}\n`,
    );
    process.stdout.write(experimentTables(exp, points, records));
  } else {
    const have = (await presentRuns(out)).size;
    process.stderr.write(
      `hotline-lab: ${have} of ${total} runs in ${out}; run the other shards, then: hotline-lab merge DIR... --out DIR\n`,
    );
  }
  return 0;
}
