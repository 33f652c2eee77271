/**
 * `hotline-lab merge DIR... [--out DIR]`: join the folders of shards (or of interrupted runs)
 * into the files one uninterrupted run would have written. Every folder must hold the same
 * experiment (same hash); a run found twice must be byte-identical; every run must be present.
 * Without --out the first folder receives the merge.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MODEL } from '../sim/index.ts';
import { prettyJson } from '../scenarios/export.ts';
import { buildDesign, experimentHash, experimentJson, experimentTables, runCount, type Experiment } from '../experiments/index.ts';
import { UsageError } from './usage-error.ts';
import { finishDir, joinCommits, presentRuns, readDirExperiment, readProvenance, runFile, type ExperimentArgs } from './experiment.ts';

export async function mergeCommand(p: ExperimentArgs): Promise<number> {
  const dirs = p.positional;
  if (dirs.length === 0) throw new UsageError('merge needs one or more experiment folders: hotline-lab merge DIR... [--out DIR]');
  const out = p.options.get('out')?.[0] ?? dirs[0];
  // a fit's shards merge by the fit's own rules (cli/fit.ts)
  const { readFitFolder, mergeFit } = await import('./fit.ts');
  if (await readFitFolder(dirs[0])) return mergeFit(dirs, out);
  let exp: Experiment | null = null;
  let hash = '';
  const commits: (string | null)[] = [];
  const runs = new Map<number, string>();
  for (const d of dirs) {
    const e = await readDirExperiment(d);
    if (!e) throw new UsageError(`'${d}' is not an experiment folder: it has no experiment.json`);
    const h = experimentHash(e);
    if (!exp) {
      exp = e;
      hash = h;
    } else if (h !== hash) {
      throw new UsageError(
        `'${d}' holds a different experiment (hash ${h.slice(0, 12)}; '${dirs[0]}' has ${hash.slice(0, 12)}): only shards of one experiment merge`,
      );
    }
    commits.push((await readProvenance(d))?.commit ?? null);
    for (const [r, path] of await presentRuns(d)) {
      const prev = runs.get(r);
      if (prev && resolve(prev) !== resolve(path) && (await readFile(prev, 'utf8')) !== (await readFile(path, 'utf8'))) {
        throw new UsageError(`run ${r} differs between '${prev}' and '${path}': were they made by different versions of the model?`);
      }
      if (!prev) runs.set(r, path);
    }
  }
  const e = exp as Experiment;
  const points = buildDesign(e);
  const total = runCount(e, points);
  const missing: number[] = [];
  for (let r = 0; r < total; r++) if (!runs.has(r)) missing.push(r);
  if (missing.length) {
    throw new UsageError(
      `${missing.length} of ${total} runs are missing (run ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', ...' : ''}): run the missing shards (or --resume them), then merge again`,
    );
  }
  await mkdir(join(out, 'runs'), { recursive: true });
  for (const [r, path] of runs) {
    const dest = join(out, 'runs', runFile(r));
    if (resolve(dest) !== resolve(path)) await copyFile(path, dest);
  }
  const commit = joinCommits(commits);
  await writeFile(join(out, 'experiment.json'), prettyJson(experimentJson(e)));
  await writeFile(join(out, 'provenance.json'), prettyJson({ model: `${MODEL.name} ${MODEL.version}`, commit }));
  const records = await finishDir(out, e, points, commit);
  process.stderr.write(`hotline-lab: merged ${dirs.length} folder${dirs.length === 1 ? '' : 's'}, ${total} runs, into ${out}\n`);
  if (records) process.stdout.write(experimentTables(e, points, records));
  return 0;
}
