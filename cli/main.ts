/**
 * The command line: `hotline-lab run|knobs|presets|metrics|versions|help`.
 *
 * Every user error is one line naming the field and what is allowed, exit code 2; an internal
 * error is one short line, exit code 1. No stack trace reaches the user (set HOTLINE_DEBUG=1 to
 * see one).
 */
import { stat, readFile } from 'node:fs/promises';
import { MODEL, type RunResult } from '../sim/index.ts';
import { MAX_SCENARIO_BYTES, checkSeed, nearest, parseKnobValue, type Problem } from '../scenarios/loader.ts';
import type { KnobValue } from '../sim/index.ts';
import { MAX_IMPORT_BYTES } from '../scenarios/import.ts';
import { parseLink } from '../scenarios/link.ts';
import type { CoreApi, CoreKnobValue, CoreKnobs, CoreLoadResult } from '../versions/core-api.ts';
import { fileKind } from '../versions/open.ts';
import {
  ARCHIVED,
  CURRENT_VERSION,
  KNOWN_VERSIONS,
  VersionError,
  importArchived,
  runsArchived,
  versionProblem,
} from '../versions/registry.ts';
import { fixedReason, type TimelineChange } from '../scenarios/timeline.ts';
import { summaryText, writeOutput, type OutputFormat } from './output.ts';
import {
  knobsJson,
  knobsMarkdown,
  knobsText,
  metricsJson,
  metricsMarkdown,
  metricsText,
  presetsJson,
  presetsMarkdown,
  presetsText,
  type Lang,
} from './tables.ts';
import { UsageError } from './usage-error.ts';

export { UsageError };

export const USAGE = `hotline-lab ${MODEL.version}: agent-based simulation of 12345 citizen-hotline governance

Usage:
  hotline-lab run [preset | file.json] [options]   run a scenario, write results, summary to stderr
  hotline-lab knobs [--lang en|zh] [--format text|md|json]     list every knob
  hotline-lab presets [--lang en|zh] [--format text|md|json]   list the presets
  hotline-lab metrics [--lang en|zh] [--format text|md|json]   list the daily metrics
  hotline-lab versions [--format text|json]        list the model versions that can run (current and archived)
  hotline-lab calibrate [--replicates N] [--only study] [--seed N]
                                                   run each FACTS.md target, print the table, write docs/CALIBRATION.md
  hotline-lab experiment FILE --out DIR [--workers N] [--shard i/n] [--resume] [--posterior FILE]
                                                   run an experiment (replicates, sweeps, sensitivity;
                                                   --posterior: draw uncertain knobs from a fit's posterior-sample.json)
  hotline-lab merge DIR... [--out DIR]             join the folders of an experiment's (or a fit's) shards
  hotline-lab fit --out DIR [--sims N] [--predictive M] [--accept F] [--seed N] [--studies a,b]
                  [--workers N] [--shard i/n] [--resume] [--policies N]
                                                   fit the uncertain knobs to every calibration target
                                                   (approximate Bayesian computation; docs/FIT.md)
  hotline-lab classroom [--host H] [--port N] [--data DIR] [--preset P --seed N --units N]
                                                   run a classroom game server (students play unit leaders; docs/CLASSROOM.md)
  hotline-lab replay FILE                          replay a classroom game file bit for bit and compare its numbers
  hotline-lab help | --help | --version

Run options:
  --seed N              random seed, an integer from 0 to 4294967295 (default: the scenario's, else 1)
  --set knob=value      change one knob (repeatable), e.g. --set handDown=true --set cadence=quarterly
  --days N              simulate N days (sets horizonDays)
  --format json|csv     output format (default: from --out's extension, else json)
  --out FILE            write results to FILE (default: stdout)
  --link URL            run exactly the run a Hotline Lab link describes (--set/--seed/--days apply on top)
  --model VERSION       run on this model version (default: the link's v, the file's "model", else the current)
  --at DATE knob=value  from DATE on, the knob takes the value (repeatable; several knobs on one date by
                        repeating the date); added to the preset's or file's timeline, replacing a value it
                        sets for the same knob and date. --at none drops that timeline first.

Examples:
  hotline-lab run --days 365
  hotline-lab run pinggu-hand-down --seed 7 --format csv --out out/pinggu.csv
  hotline-lab run my-scenario.json --set residents=5000 --set cells=10 --set units=3
  hotline-lab run --link "https://example.org/hotline-lab/?preset=baseline&seed=42&handDown=true"
  hotline-lab run --link "https://example.org/hotline-lab/?preset=baseline&seed=42&v=0.1.0" --model ${MODEL.version}
  hotline-lab run baseline --at 2023-01-01 cadence=bimonthly --at 2023-01-01 districtLayer=false

Experiment options:
  --out DIR             folder for runs/, results.csv, summary.csv, differences.csv (required)
  --workers N           worker threads (default: the number of cores)
  --shard i/n           run only runs with index % n == i (0-based; for job arrays), then merge
  --resume              run only the runs missing from DIR (after an interruption)

A scenario file is JSON: {"preset": "baseline", "seed": 1, "knobs": {"handDown": true}}; with
"model": "0.1.0" it runs on that model version, as a link with v=0.1.0 does (a run's JSON or CSV
export names its version and runs on it too). Every released version stays runnable.
Docs: README.md, docs/KNOBS.md, docs/METRICS.md, docs/ODD.md, docs/EXPERIMENTS.md, docs/FIT.md, docs/PRIORS.md, docs/VERSIONS.md.
`;

// ---------------------------------------------------------------- argument parsing

interface Parsed {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Options that take a value, per command; flags take none. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  run: ['seed', 'set', 'at', 'days', 'format', 'out', 'link', 'model'],
  knobs: ['lang', 'format'],
  versions: ['format'],
  presets: ['lang', 'format'],
  metrics: ['lang', 'format'],
  experiment: ['out', 'workers', 'shard', 'posterior'],
  merge: ['out'],
  fit: ['out', 'sims', 'predictive', 'accept', 'seed', 'studies', 'workers', 'shard', 'policies'],
  calibrate: ['replicates', 'only', 'seed'],
  classroom: ['host', 'port', 'data', 'dist', 'preset', 'seed', 'units'],
  replay: [],
};
/** Options that take no value, per command. */
const FLAG_OPTIONS: Record<string, readonly string[]> = { experiment: ['resume'], fit: ['resume'] };
const REPEATABLE = new Set(['set', 'at']);
/** `--at DATE knob=value` takes two values (`--at none` one); kept as one text `DATE knob=value`. */
const PAIR_OPTIONS: Record<string, readonly string[]> = { run: ['at'] };

function parseArgs(command: string, args: string[]): Parsed {
  const allowed = VALUE_OPTIONS[command] ?? [];
  const out: Parsed = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a.startsWith('-') && a !== '-')
        throw new UsageError(
          `unknown option '${a}': options are ${allowed.map((o) => '--' + o).join(', ') || 'none'} (see hotline-lab help)`,
        );
      out.positional.push(a);
      continue;
    }
    if (PAIR_OPTIONS[command]?.includes(a.slice(2))) {
      const name = a.slice(2);
      const date = args[i + 1];
      if (date === undefined)
        throw new UsageError(`option '--${name}' needs a date and knob=value, e.g. --${name} 2026-01-01 cadence=bimonthly`);
      let value = date;
      i++;
      if (date !== 'none') {
        const kv = args[i + 1];
        if (kv === undefined || kv.startsWith('--'))
          throw new UsageError(`option '--${name} ${date}' needs knob=value after the date, e.g. --${name} ${date} cadence=bimonthly`);
        value = `${date} ${kv}`;
        i++;
      }
      const list = out.options.get(name) ?? [];
      list.push(value);
      out.options.set(name, list);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq >= 0 ? eq : undefined);
    if (name === 'help' || (FLAG_OPTIONS[command]?.includes(name) && eq < 0)) {
      out.flags.add(name);
      continue;
    }
    if (!allowed.includes(name)) {
      const near = nearest(name, [...allowed, ...(FLAG_OPTIONS[command] ?? [])]);
      throw new UsageError(
        `unknown option '--${name}' for '${command}'${near ? `: did you mean '--${near}'?` : allowed.length ? `: options are ${allowed.map((o) => '--' + o).join(', ')}` : ': it takes no options'}`,
      );
    }
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`option '--${name}' needs a value`);
      value = args[++i];
    }
    const list = out.options.get(name) ?? [];
    if (list.length > 0 && !REPEATABLE.has(name)) throw new UsageError(`option '--${name}' is given more than once`);
    list.push(value);
    out.options.set(name, list);
  }
  return out;
}

function one(p: Parsed, name: string): string | undefined {
  return p.options.get(name)?.[0];
}

function langOf(p: Parsed): Lang {
  const l = one(p, 'lang') ?? 'en';
  if (l !== 'en' && l !== 'zh') throw new UsageError(`--lang '${l}' is not allowed: must be en or zh`);
  return l;
}

function listFormat(p: Parsed): 'text' | 'md' | 'json' {
  const f = one(p, 'format') ?? 'text';
  if (f !== 'text' && f !== 'md' && f !== 'json') throw new UsageError(`--format '${f}' is not allowed: must be text, md or json`);
  return f;
}

// ---------------------------------------------------------------- resolving a run's scenario

function failOn(res: { problems: readonly Problem[] }, where: string): void {
  if (res.problems.length > 0) throw new UsageError(res.problems.map((p) => `${where}: ${p.message}`));
}

/** A scenario file's text (a run's JSON or CSV export too, so up to the import limit). */
async function readRunFile(path: string): Promise<string> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UsageError(`scenario file '${path}' is not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `cannot read scenario file '${path}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new UsageError(`scenario file '${path}' is ${size} bytes: too large, the limit is ${MAX_IMPORT_BYTES} bytes (50 MB)`);
  }
  return readFile(path, 'utf8');
}

export interface ResolvedRun {
  /** The model version that runs it. */
  model: string;
  core: CoreApi;
  preset: string;
  knobs: CoreKnobs;
  timeline: TimelineChange[];
  seed: number;
  notes: string[];
}

/**
 * HOTLINE_ARCHIVED=1 runs even the current version on its archived bundle when it has one: a way
 * to check an archive against the tree (the tests use it while the current version is archived).
 */
function fromArchive(version: string): boolean {
  return process.env.HOTLINE_ARCHIVED === '1' && ARCHIVED.some((m) => m.version === version);
}

/** The core of a known version (archived bundles load once). */
async function coreOf(version: string): Promise<CoreApi> {
  const { loadCore } = await import('../versions/core.ts');
  try {
    return fromArchive(version) ? await importArchived(version) : await loadCore(version);
  } catch (e) {
    if (e instanceof VersionError) throw new UsageError(e.problem.message);
    throw new Error(`cannot load model ${version}: ${(e as Error).message}`);
  }
}

/** The version named by `where` (a link's v, a file's model), checked: unknown versions are a user error. */
function checkNamed(named: unknown, field: string, where: string): string | undefined {
  if (named === undefined) return undefined;
  const problem = versionProblem(field, named);
  if (problem) throw new UsageError(`${where}: ${problem.message}`);
  return named as string;
}

/**
 * The timeline a run gets from `--at`: the base's changes (none after `--at none`) with each
 * `--at DATE knob=value` added, replacing the base's value for the same knob and date. Returns
 * the list as a scenario file writes it, and the `--at` text of each added entry (for messages).
 */
function timelineWithAt(
  base: readonly TimelineChange[],
  ats: readonly string[],
  errors: string[],
): { timeline: unknown[]; labels: Map<number, string> } {
  let kept = base.map((c) => ({ date: c.date, knobs: { ...c.knobs } as Record<string, KnobValue> }));
  const added: { date: string; knobs: Record<string, KnobValue> }[] = [];
  const labels = new Map<number, string>();
  for (const at of ats) {
    if (at === 'none') {
      kept = [];
      continue;
    }
    const sp = at.indexOf(' ');
    if (sp < 0) {
      errors.push(`--at '${at}' needs a date and knob=value, e.g. --at 2026-01-01 cadence=bimonthly`);
      continue;
    }
    const date = at.slice(0, sp);
    const kv = at.slice(sp + 1);
    const eq = kv.indexOf('=');
    if (eq <= 0) {
      errors.push(`--at ${at}: '${kv}' is not knob=value, e.g. --at ${date} cadence=bimonthly`);
      continue;
    }
    const name = kv.slice(0, eq).trim();
    let value: KnobValue = kv.slice(eq + 1);
    // A knob that cannot change goes to the loader as given: it says why it cannot.
    if (!fixedReason(name)) {
      const r = parseKnobValue(name, kv.slice(eq + 1));
      if (!r.ok) {
        errors.push(`--at ${at}: ${r.problem.message}`);
        continue;
      }
      value = r.value;
    }
    for (const c of kept) if (c.date === date) delete c.knobs[name];
    labels.set(added.length, `--at ${at}`);
    added.push({ date, knobs: { [name]: value } });
  }
  kept = kept.filter((c) => Object.keys(c.knobs).length > 0);
  const shifted = new Map<number, string>();
  for (const [i, label] of labels) shifted.set(kept.length + i, label);
  return { timeline: [...kept, ...added], labels: shifted };
}

/** A loader message about `timeline[i]` said in the words the user typed (`--at DATE knob=value`). */
function atWords(message: string, labels: Map<number, string>): string {
  return message.replace(/timeline\[(\d+)\](?:\.date = '[^']*'|\.knobs\.[A-Za-z]+|\.date|\.knobs)?/g, (m, i) => labels.get(Number(i)) ?? m);
}

/**
 * Turn `run`'s arguments into a validated scenario, seed and model version, or throw a UsageError
 * listing every problem. The version is `--model`, else the one the link or file names, else the
 * current one; the scenario is read and checked by that version's own code (its presets, its knobs).
 */
export async function resolveRun(p: Parsed): Promise<ResolvedRun> {
  const notes: string[] = [];
  if (p.positional.length > 1)
    throw new UsageError(`run takes one preset or scenario file, got ${p.positional.length}: ${p.positional.join(' ')}`);
  const source = p.positional[0];
  const link = one(p, 'link');
  if (source !== undefined && link !== undefined) throw new UsageError(`give either a preset/file or --link, not both`);
  const forced = one(p, 'model');
  if (forced !== undefined) {
    const problem = versionProblem('--model', forced);
    if (problem) throw new UsageError(problem.message);
  }

  let version: string;
  let named: string | undefined;
  let core: CoreApi;
  let base: CoreLoadResult;
  if (link !== undefined) {
    // The link's own version decides which parser reads the rest of it.
    const head = parseLink(link);
    named = forced === undefined ? checkNamed(head.version, 'v', '--link') : head.version;
    version = forced ?? named ?? CURRENT_VERSION;
    core = await coreOf(version);
    base = core.parseLink(link);
    failOn(base, '--link');
  } else if (source === undefined) {
    version = forced ?? CURRENT_VERSION;
    core = await coreOf(version);
    base = core.loadScenario({ preset: core.DEFAULT_PRESET });
  } else {
    let isFile = /\.(json|csv)$/i.test(source) || source.includes('/') || source.includes('\\');
    if (!isFile && !(await presetExists(source, forced))) {
      try {
        isFile = (await stat(source)).isFile();
      } catch {
        isFile = false;
      }
    }
    if (isFile) {
      const text = await readRunFile(source);
      const kind = fileKind(text);
      named = forced === undefined ? checkNamed(kind.named, 'model', source) : typeof kind.named === 'string' ? kind.named : undefined;
      version = forced ?? named ?? CURRENT_VERSION;
      core = await coreOf(version);
      if (kind.kind === 'scenario') {
        if (Buffer.byteLength(text, 'utf8') > MAX_SCENARIO_BYTES) {
          throw new UsageError(`scenario file '${source}' is too large: the limit is ${MAX_SCENARIO_BYTES} bytes (1 MB)`);
        }
        base = core.loadScenarioText(text);
      } else if (kind.kind === 'scenario-with-model') base = core.loadScenario(kind.rest);
      else base = core.importText(text);
      failOn(base, source);
    } else {
      version = forced ?? CURRENT_VERSION;
      core = await coreOf(version);
      const names = core.presetNames();
      if (!names.includes(source)) {
        const near = nearest(source, names);
        throw new UsageError(
          `unknown preset '${source}'${near ? `: did you mean '${near}'?` : ''}; known presets${version === CURRENT_VERSION ? '' : ` of model ${version}`} are ${names.join(', ')} (or give a scenario file ending in .json)`,
        );
      }
      base = core.loadScenario({ preset: source });
    }
  }
  if (forced !== undefined && named !== undefined && named !== forced) {
    notes.push(`note: ${link !== undefined ? 'the link' : source} was made with model ${named}; running it on model ${forced} (--model)`);
  } else if (version === CURRENT_VERSION && fromArchive(version)) {
    notes.push(`note: running model ${version} from its archived bundle versions/${version}/core.mjs (HOTLINE_ARCHIVED=1)`);
  } else if (runsArchived(version)) {
    notes.push(
      `note: running on the archived model ${version}${named ? ` (the version ${link !== undefined ? 'the link' : source} was made with)` : ''}; the current model is ${CURRENT_VERSION} (--model ${CURRENT_VERSION} runs it there)`,
    );
  }

  // Apply --set, --days, --seed on top (with the version's own knob schema), then validate the whole again.
  const errors: string[] = [];
  const overrides: Record<string, CoreKnobValue> = {};
  for (const s of p.options.get('set') ?? []) {
    const eq = s.indexOf('=');
    if (eq <= 0) {
      errors.push(`--set '${s}' is not allowed: must be knob=value, e.g. --set handDown=true`);
      continue;
    }
    const r = core.parseKnobValue(s.slice(0, eq).trim(), s.slice(eq + 1));
    if (r.ok) overrides[r.name] = r.value;
    else errors.push(`--set: ${r.problem.message}`);
  }
  const days = one(p, 'days');
  if (days !== undefined) {
    const r = core.parseKnobValue('horizonDays', days);
    if (r.ok) overrides.horizonDays = r.value;
    else errors.push(`--days '${days}' is not allowed: must be an integer from 1 to 7305`);
  }
  let seed = base.seed;
  const seedText = one(p, 'seed');
  if (seedText !== undefined) {
    const r = core.checkSeed(seedText);
    if (r.ok) seed = r.seed;
    else errors.push(`--seed: ${r.message}`);
  }
  // timelines arrived with model 0.2: an archived version without them gets none
  const baseTimeline = (base.scenario as { timeline?: TimelineChange[] }).timeline;
  const at = timelineWithAt(baseTimeline ?? [], p.options.get('at') ?? [], errors);
  if (baseTimeline === undefined && at.timeline.length > 0)
    errors.push(`--at: model ${version} has no timelines (they arrived with model 0.2.0)`);
  if (errors.length) throw new UsageError(errors);

  const final = core.loadScenario({
    preset: base.scenario.preset,
    seed,
    knobs: { ...base.scenario.knobs, ...overrides },
    ...(baseTimeline === undefined ? {} : { timeline: at.timeline }),
  });
  if (final.problems.length > 0) throw new UsageError(final.problems.map((pr) => `scenario: ${atWords(pr.message, at.labels)}`));
  for (const n of (final as { notes?: Problem[] }).notes ?? []) notes.push(`note: ${atWords(n.message, at.labels)}`);
  const timeline = (final.scenario as { timeline?: TimelineChange[] }).timeline ?? [];
  return { model: version, core, preset: final.scenario.preset, knobs: final.scenario.knobs, timeline, seed: final.seed, notes };
}

/** Is `name` a preset of the version that would run it? (A file of the same name is read only when it is not.) */
async function presetExists(name: string, forced: string | undefined): Promise<boolean> {
  return (await coreOf(forced ?? CURRENT_VERSION)).presetNames().includes(name);
}

function outputFormat(p: Parsed): OutputFormat {
  const f = one(p, 'format');
  if (f !== undefined) {
    if (f !== 'json' && f !== 'csv') throw new UsageError(`--format '${f}' is not allowed: must be json or csv`);
    return f;
  }
  return /\.csv$/i.test(one(p, 'out') ?? '') ? 'csv' : 'json';
}

// ---------------------------------------------------------------- commands

async function runCommand(p: Parsed): Promise<number> {
  const format = outputFormat(p);
  const run = await resolveRun(p);
  for (const n of run.notes) process.stderr.write(n + '\n');
  // The version's own code runs it and writes its results (an archived version: its bundle).
  const { core } = run;
  const t0 = performance.now();
  const sim = new core.Simulation(run.knobs, run.seed, run.timeline.length ? { timeline: run.timeline } : {});
  sim.run();
  const result = sim.result(run.preset);
  const wallMs = performance.now() - t0;
  const out = one(p, 'out');
  try {
    await writeOutput(format === 'csv' ? core.dailyCsv(result) : core.resultJson(result), out);
  } catch (e) {
    throw new UsageError(`cannot write --out '${out}': ${(e as Error).message}`);
  }
  const wrote = out && out !== '-' ? `${out} (${format})` : undefined;
  let summary: string;
  try {
    // knobs changed against the preset of the version that ran (its own defaults)
    summary = summaryText(result as unknown as RunResult, wallMs, wrote, core.presetKnobs(run.preset));
  } catch {
    // An archived version whose series the summary does not know: say what ran, the results are written.
    summary = `${result.model.name} ${result.model.version}: preset ${result.scenario.preset}, seed ${result.seed}, ${(wallMs / 1000).toFixed(2)} s${wrote ? `\n  wrote ${wrote}` : ''}\n`;
  }
  process.stderr.write(summary);
  return 0;
}

async function listCommand(command: 'knobs' | 'presets' | 'metrics', p: Parsed): Promise<number> {
  if (p.positional.length) throw new UsageError(`'${command}' takes no arguments, got '${p.positional.join(' ')}'`);
  const lang = langOf(p);
  const format = listFormat(p);
  const table = {
    knobs: { text: knobsText, md: knobsMarkdown, json: knobsJson },
    presets: { text: presetsText, md: presetsMarkdown, json: presetsJson },
    metrics: { text: metricsText, md: metricsMarkdown, json: metricsJson },
  }[command];
  await writeOutput(format === 'json' ? table.json() : table[format](lang));
  return 0;
}

async function calibrateCommand(p: Parsed): Promise<number> {
  if (p.positional.length) throw new UsageError(`'calibrate' takes no arguments, got '${p.positional.join(' ')}'`);
  const { calibrate, studyIds } = await import('./calibrate.ts');
  const reps = one(p, 'replicates') ?? '8';
  const replicates = Number(reps);
  if (!/^\d+$/.test(reps) || replicates < 1 || replicates > 1000)
    throw new UsageError(`--replicates '${reps}' is not allowed: must be an integer from 1 to 1000`);
  const only = one(p, 'only');
  if (only !== undefined && !studyIds().includes(only)) {
    const near = nearest(only, studyIds());
    throw new UsageError(`--only '${only}' is not a study${near ? `: did you mean '${near}'?` : ''}; studies are ${studyIds().join(', ')}`);
  }
  const seedText = one(p, 'seed');
  let seed = 1;
  if (seedText !== undefined) {
    const r = checkSeed(seedText);
    if (!r.ok) throw new UsageError(`--seed: ${r.message}`);
    seed = r.seed;
  }
  await calibrate({ replicates, only, seed, write: only === undefined, out: (s) => process.stdout.write(s) });
  return 0;
}

/** `hotline-lab versions`: every model version that can run, newest first. */
async function versionsCommand(p: Parsed): Promise<number> {
  if (p.positional.length) throw new UsageError(`'versions' takes no arguments, got '${p.positional.join(' ')}'`);
  const f = one(p, 'format') ?? 'text';
  if (f !== 'text' && f !== 'json') throw new UsageError(`--format '${f}' is not allowed: must be text or json`);
  const rows = [...KNOWN_VERSIONS].reverse().map((v) => {
    const m = ARCHIVED.find((a) => a.version === v);
    return {
      version: v,
      current: v === CURRENT_VERSION,
      archived: m !== undefined,
      ...(m ? { commit: m.commit, date: m.date, file: `versions/${v}/${m.file}`, bytes: m.bytes, sha256: m.sha256 } : {}),
    };
  });
  if (f === 'json') {
    await writeOutput(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const lines = rows.map((r) => {
    const what = [
      r.current ? 'current' : '',
      r.archived ? `archived from ${r.commit?.slice(0, 7)} of ${r.date?.slice(0, 10)}, ${r.bytes} bytes` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `  ${r.version.padEnd(8)} ${what}`;
  });
  await writeOutput(
    `Model versions that run (a link's v=, a file's "model" or --model picks one; see docs/VERSIONS.md):\n${lines.join('\n')}\n`,
  );
  return 0;
}

const COMMANDS = [
  'run',
  'experiment',
  'merge',
  'fit',
  'knobs',
  'presets',
  'metrics',
  'versions',
  'calibrate',
  'classroom',
  'replay',
  'help',
];

async function dispatch(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    await writeOutput(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    await writeOutput(`${MODEL.name} ${MODEL.version}\n`);
    return 0;
  }
  if (!COMMANDS.includes(command)) {
    const near = nearest(command, COMMANDS);
    throw new UsageError(
      `unknown command '${command}'${near ? `: did you mean '${near}'?` : ''}; commands are ${COMMANDS.join(', ')} (see hotline-lab help)`,
    );
  }
  const p = parseArgs(command, rest);
  if (p.flags.has('help')) {
    await writeOutput(USAGE);
    return 0;
  }
  if (command === 'run') return runCommand(p);
  if (command === 'calibrate') return calibrateCommand(p);
  if (command === 'versions') return versionsCommand(p);
  if (command === 'experiment') return (await import('./experiment.ts')).experimentCommand(p);
  if (command === 'merge') return (await import('./merge.ts')).mergeCommand(p);
  if (command === 'fit') return (await import('./fit.ts')).fitCommand(p);
  if (command === 'classroom') return (await import('./classroom.ts')).classroomCommand(p.options);
  if (command === 'replay') return (await import('./replay.ts')).replayCommand(p.positional);
  return listCommand(command as 'knobs' | 'presets' | 'metrics', p);
}

/** Run the command line; returns the exit code (0 ok, 1 internal error, 2 bad input). Never throws. */
export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`hotline-lab knobs | head`) is not an error worth a crash.
  if (!process.stdout.listenerCount('error')) {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`hotline-lab: cannot write output: ${e.message}\n`);
    });
  }
  try {
    return await dispatch(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      for (const line of e.lines) process.stderr.write(`hotline-lab: ${line}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`hotline-lab: internal error: ${msg.split('\n')[0]}\n`);
    if (process.env.HOTLINE_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    return 1;
  }
}
