/**
 * The command line: `hotline-lab run|knobs|presets|metrics|help`.
 *
 * Every user error is one line naming the field and what is allowed, exit code 2; an internal
 * error is one short line, exit code 1. No stack trace reaches the user (set HOTLINE_DEBUG=1 to
 * see one).
 */
import { stat, readFile } from 'node:fs/promises';
import { MODEL, type Knobs, type KnobValue } from '../sim/index.ts';
import {
  MAX_SCENARIO_BYTES,
  checkSeed,
  loadScenario,
  loadScenarioText,
  nearest,
  parseKnobValue,
  type LoadResult,
} from '../scenarios/loader.ts';
import { parseLink } from '../scenarios/link.ts';
import { DEFAULT_PRESET, presetNames } from '../scenarios/presets.ts';
import { formatResult, summaryText, writeOutput, type OutputFormat } from './output.ts';
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
  hotline-lab calibrate [--replicates N] [--only study] [--seed N]
                                                   run each FACTS.md target, print the table, write docs/CALIBRATION.md
  hotline-lab experiment FILE --out DIR [--workers N] [--shard i/n] [--resume]
                                                   run an experiment (replicates, sweeps, sensitivity)
  hotline-lab merge DIR... [--out DIR]             join the folders of an experiment's shards
  hotline-lab help | --help | --version

Run options:
  --seed N              random seed, an integer from 0 to 4294967295 (default: the scenario's, else 1)
  --set knob=value      change one knob (repeatable), e.g. --set handDown=true --set cadence=quarterly
  --days N              simulate N days (sets horizonDays)
  --format json|csv     output format (default: from --out's extension, else json)
  --out FILE            write results to FILE (default: stdout)
  --link URL            run exactly the run a Hotline Lab link describes (--set/--seed/--days apply on top)

Examples:
  hotline-lab run --days 365
  hotline-lab run pinggu-hand-down --seed 7 --format csv --out out/pinggu.csv
  hotline-lab run my-scenario.json --set residents=5000 --set cells=10 --set units=3
  hotline-lab run --link "https://example.org/hotline-lab/?preset=baseline&seed=42&handDown=true"

Experiment options:
  --out DIR             folder for runs/, results.csv, summary.csv, differences.csv (required)
  --workers N           worker threads (default: the number of cores)
  --shard i/n           run only runs with index % n == i (0-based; for job arrays), then merge
  --resume              run only the runs missing from DIR (after an interruption)

A scenario file is JSON: {"preset": "baseline", "seed": 1, "knobs": {"handDown": true}}.
Docs: README.md, docs/KNOBS.md, docs/METRICS.md, docs/ODD.md, docs/EXPERIMENTS.md.
`;

// ---------------------------------------------------------------- argument parsing

interface Parsed {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Options that take a value, per command; flags take none. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  run: ['seed', 'set', 'days', 'format', 'out', 'link'],
  knobs: ['lang', 'format'],
  presets: ['lang', 'format'],
  metrics: ['lang', 'format'],
  experiment: ['out', 'workers', 'shard'],
  merge: ['out'],
  calibrate: ['replicates', 'only', 'seed'],
};
/** Options that take no value, per command. */
const FLAG_OPTIONS: Record<string, readonly string[]> = { experiment: ['resume'] };
const REPEATABLE = new Set(['set']);

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

function failOn(res: LoadResult, where: string): void {
  if (res.problems.length > 0) throw new UsageError(res.problems.map((p) => `${where}: ${p.message}`));
}

async function readScenarioFile(path: string): Promise<LoadResult> {
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
  if (size > MAX_SCENARIO_BYTES) {
    throw new UsageError(`scenario file '${path}' is ${size} bytes: too large, the limit is ${MAX_SCENARIO_BYTES} bytes (1 MB)`);
  }
  const text = await readFile(path, 'utf8');
  return loadScenarioText(text);
}

export interface ResolvedRun {
  preset: string;
  knobs: Knobs;
  seed: number;
  notes: string[];
}

/** Turn `run`'s arguments into a validated scenario and seed, or throw a UsageError listing every problem. */
export async function resolveRun(p: Parsed): Promise<ResolvedRun> {
  const notes: string[] = [];
  if (p.positional.length > 1)
    throw new UsageError(`run takes one preset or scenario file, got ${p.positional.length}: ${p.positional.join(' ')}`);
  const source = p.positional[0];
  const link = one(p, 'link');
  if (source !== undefined && link !== undefined) throw new UsageError(`give either a preset/file or --link, not both`);

  let base: LoadResult;
  if (link !== undefined) {
    const parsed = parseLink(link);
    failOn(parsed, '--link');
    if (parsed.versionMismatch) {
      notes.push(`note: the link was made with model ${parsed.version}; this is ${MODEL.version}, so results may differ`);
    }
    base = parsed;
  } else if (source === undefined) {
    base = loadScenario({ preset: DEFAULT_PRESET });
  } else if (presetNames().includes(source)) {
    base = loadScenario({ preset: source });
  } else if (/\.json$/i.test(source) || source.includes('/') || source.includes('\\')) {
    base = await readScenarioFile(source);
    failOn(base, source);
  } else {
    let exists = false;
    try {
      exists = (await stat(source)).isFile();
    } catch {
      exists = false;
    }
    if (exists) {
      base = await readScenarioFile(source);
      failOn(base, source);
    } else {
      const near = nearest(source, presetNames());
      throw new UsageError(
        `unknown preset '${source}'${near ? `: did you mean '${near}'?` : ''}; known presets are ${presetNames().join(', ')} (or give a scenario file ending in .json)`,
      );
    }
  }

  // Apply --set, --days, --seed on top, then validate the whole again (cross-field rules).
  const errors: string[] = [];
  const overrides: Record<string, KnobValue> = {};
  for (const s of p.options.get('set') ?? []) {
    const eq = s.indexOf('=');
    if (eq <= 0) {
      errors.push(`--set '${s}' is not allowed: must be knob=value, e.g. --set handDown=true`);
      continue;
    }
    const r = parseKnobValue(s.slice(0, eq).trim(), s.slice(eq + 1));
    if (r.ok) overrides[r.name] = r.value;
    else errors.push(`--set: ${r.problem.message}`);
  }
  const days = one(p, 'days');
  if (days !== undefined) {
    const r = parseKnobValue('horizonDays', days);
    if (r.ok) overrides.horizonDays = r.value;
    else errors.push(`--days '${days}' is not allowed: must be an integer from 1 to 7305`);
  }
  let seed = base.seed;
  const seedText = one(p, 'seed');
  if (seedText !== undefined) {
    const r = checkSeed(seedText);
    if (r.ok) seed = r.seed;
    else errors.push(`--seed: ${r.message}`);
  }
  if (errors.length) throw new UsageError(errors);

  const final = loadScenario({
    preset: base.scenario.preset,
    seed,
    knobs: { ...base.scenario.knobs, ...overrides },
  });
  failOn(final, 'scenario');
  return { preset: final.scenario.preset, knobs: final.scenario.knobs, seed: final.seed, notes };
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
  // Loaded here, not at the top, so that listing knobs does not build the model.
  const { Simulation } = await import('../sim/index.ts');
  const t0 = performance.now();
  const sim = new Simulation(run.knobs, run.seed);
  sim.run();
  const result = sim.result(run.preset);
  const wallMs = performance.now() - t0;
  const out = one(p, 'out');
  try {
    await writeOutput(formatResult(result, format), out);
  } catch (e) {
    throw new UsageError(`cannot write --out '${out}': ${(e as Error).message}`);
  }
  process.stderr.write(summaryText(result, wallMs, out && out !== '-' ? `${out} (${format})` : undefined));
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

const COMMANDS = ['run', 'experiment', 'merge', 'knobs', 'presets', 'metrics', 'calibrate', 'help'];

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
  if (command === 'experiment') return (await import('./experiment.ts')).experimentCommand(p);
  if (command === 'merge') return (await import('./merge.ts')).mergeCommand(p);
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
