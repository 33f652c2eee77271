/**
 * `npm run bench`: speed and memory of the model on (a) the default scenario (4 years) and
 * (b) a Beijing-scale world (21.9 million residents, 343 units, 7,000 cells, 16 districts,
 * 1 year), printed against the targets. Each case runs in its own child process so that one
 * case's heap does not inflate the other's peak. Never run as a timed test.
 *
 *   npm run bench                      both cases
 *   npm run bench -- --only beijing    one case, in this process
 *   npm run bench -- --json            machine-readable results
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultKnobs, type Knobs } from '../sim/index.ts';

type CaseName = 'default' | 'beijing';

interface Case {
  name: CaseName;
  title: string;
  knobs: Knobs;
  /** Wall-time target in seconds, memory target (RSS) in bytes if any. */
  maxSeconds: number;
  maxRss?: number;
}

export function benchCases(): Case[] {
  return [
    { name: 'default', title: 'default scenario, 4 years', knobs: defaultKnobs(), maxSeconds: 2 },
    {
      name: 'beijing',
      title: 'Beijing scale, 1 year',
      knobs: { ...defaultKnobs(), residents: 21_900_000, units: 343, cells: 7_000, districts: 16, horizonDays: 365 },
      maxSeconds: 30,
      maxRss: 1.5 * 2 ** 30,
    },
  ];
}

export interface BenchResult {
  name: CaseName;
  title: string;
  residents: number;
  days: number;
  buildSeconds: number;
  /** The unrecorded days before the start (burnInDays), part of every run's wall time. */
  burnInSeconds: number;
  runSeconds: number;
  wallSeconds: number;
  /** Contacts on the recorded days, and on the burn-in's. */
  contacts: number;
  burnInContacts: number;
  /** Every contact simulated (burn-in and recorded days) per second of simulating them (not building the world). */
  contactsPerSecond: number;
  peakRss: number;
  peakHeap: number;
  state: { residents: number; perResident: number; tickets: number; total: number };
  maxSeconds: number;
  maxRss?: number;
}

const TARGET_CONTACTS_PER_SECOND = 1_000_000;
const TARGET_BYTES_PER_RESIDENT = 64;

/** Run one case in this process, sampling memory every simulated day. */
export async function runCase(c: Case, seed = 1): Promise<BenchResult> {
  const { MI, Simulation } = await import('../sim/index.ts');
  let peakRss = 0;
  let peakHeap = 0;
  let samples = 0;
  // process.memoryUsage() walks the heap's spaces and cost 3-4% of the default case when read
  // daily; the rss alone is cheap, so it is read every day and the heap every 30th sample.
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    if (samples++ % 30 === 0) {
      const heap = process.memoryUsage().heapUsed;
      if (heap > peakHeap) peakHeap = heap;
    }
  };
  sample();
  const t0 = performance.now();
  const sim = new Simulation(c.knobs, seed, { deferBurnIn: true });
  const t1 = performance.now();
  sample();
  // the burn-in's contacts are simulated like any others but not recorded: count them from the
  // day's tally, which holds until the next day begins
  let burnInContacts = 0;
  while (sim.day < 0) {
    sim.step();
    burnInContacts += sim.model.tally.acc[MI.tickets_filed];
    sample();
  }
  const tb = performance.now();
  while (!sim.done) {
    sim.step();
    sample();
  }
  const t2 = performance.now();
  samples = 0; // the heap once more at the end
  sample();
  let contacts = 0;
  const filed = sim.daily.tickets_filed;
  for (let i = 0; i < filed.length; i++) contacts += filed[i];
  const wallSeconds = (t2 - t0) / 1000;
  return {
    name: c.name,
    title: c.title,
    residents: c.knobs.residents,
    days: sim.days,
    buildSeconds: (t1 - t0) / 1000,
    burnInSeconds: (tb - t1) / 1000,
    runSeconds: (t2 - tb) / 1000,
    wallSeconds,
    contacts,
    burnInContacts,
    contactsPerSecond: (burnInContacts + contacts) / ((t2 - t1) / 1000),
    peakRss,
    peakHeap,
    state: sim.stateBytes(),
    maxSeconds: c.maxSeconds,
    maxRss: c.maxRss,
  };
}

/** Run one case in a fresh Node process with the same flags, and read its JSON. */
function runChild(name: CaseName): Promise<BenchResult> {
  const script = fileURLToPath(new URL('../bin/bench.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, script, '--only', name, '--json'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench case '${name}' exited with code ${code}`));
      try {
        resolve((JSON.parse(out) as BenchResult[])[0]);
      } catch {
        reject(new Error(`bench case '${name}' printed no result`));
      }
    });
  });
}

const MB = 2 ** 20;
const fmt = (n: number, d = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mark = (ok: boolean): string => (ok ? 'ok  ' : 'MISS');

export function benchTable(results: BenchResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const perRes = r.state.perResident;
    lines.push(
      `${r.title}: ${r.residents.toLocaleString('en-US')} residents, ${r.days} days`,
      `  ${mark(r.wallSeconds < r.maxSeconds)} wall time         ${fmt(r.wallSeconds)} s (build ${fmt(r.buildSeconds)} s, burn-in ${fmt(r.burnInSeconds)} s, run ${fmt(r.runSeconds)} s)   target < ${r.maxSeconds} s`,
      `  ${mark(r.contactsPerSecond >= TARGET_CONTACTS_PER_SECOND)} contacts/s        ${fmt(r.contactsPerSecond / 1e6)} M/s (${r.contacts.toLocaleString('en-US')} recorded + ${r.burnInContacts.toLocaleString('en-US')} in the burn-in, over burn-in and run)   target >= 1 M/s`,
      `  ${r.maxRss ? mark(r.peakRss < r.maxRss) : '    '} peak memory       rss ${fmt(r.peakRss / MB, 0)} MB, heap ${fmt(r.peakHeap / MB, 0)} MB` +
        (r.maxRss ? `   target < ${fmt(r.maxRss / MB / 1024, 1)} GB` : ''),
      `       model state       ${fmt(r.state.total / MB, 1)} MB (residents ${fmt(r.state.residents / MB, 1)} MB, tickets ${fmt(r.state.tickets / MB, 1)} MB)`,
      `  ${mark(perRes < TARGET_BYTES_PER_RESIDENT)} bytes/resident    ${fmt(perRes, 1)} B   target < ${TARGET_BYTES_PER_RESIDENT} B`,
      '',
    );
  }
  const misses = results
    .flatMap((r) => [
      r.wallSeconds < r.maxSeconds,
      r.contactsPerSecond >= TARGET_CONTACTS_PER_SECOND,
      r.maxRss === undefined || r.peakRss < r.maxRss,
      r.state.perResident < TARGET_BYTES_PER_RESIDENT,
    ])
    .filter((ok) => !ok).length;
  lines.push(misses ? `${misses} target(s) missed` : 'all targets met');
  lines.push(`node ${process.version}, ${process.platform}/${process.arch}`);
  return lines.join('\n') + '\n';
}

export async function benchMain(argv: string[]): Promise<number> {
  try {
    const json = argv.includes('--json');
    const i = argv.indexOf('--only');
    const only = i >= 0 ? argv[i + 1] : undefined;
    const unknown = argv.filter((a, k) => !['--json', '--only'].includes(a) && !(k === i + 1 && i >= 0));
    if (unknown.length) {
      process.stderr.write(`bench: unknown argument '${unknown[0]}': use --only default|beijing, --json\n`);
      return 2;
    }
    const cases = benchCases();
    let results: BenchResult[];
    if (only !== undefined) {
      const c = cases.find((x) => x.name === only);
      if (!c) {
        process.stderr.write(`bench: --only '${only}' is not a case: must be default or beijing\n`);
        return 2;
      }
      results = [await runCase(c)];
    } else {
      results = [];
      for (const c of cases) {
        if (!json) process.stderr.write(`running ${c.title}...\n`);
        results.push(await runChild(c.name));
      }
    }
    process.stdout.write(json ? JSON.stringify(results) + '\n' : benchTable(results));
    return 0;
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
