import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { KEY_FIGURES, SUMMARY_LABELS } from '../../sim/metric-labels.ts';
import { KNOBS, METRIC_NAMES, MODEL, type RunResult } from '../../sim/index.ts';
import { main } from '../../cli/main.ts';
import { captureOutput } from './capture.ts';
import { scenarioHash } from '../../scenarios/export.ts';
import { scenarioToQuery } from '../../scenarios/link.ts';
import { presetNames } from '../../scenarios/presets.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small, fast world for every run in these tests. */
const SMALL = ['--days', '30', '--set', 'residents=5000', '--set', 'cells=10', '--set', 'units=3'];

const io = captureOutput();

describe('hotline-lab run', () => {
  it('writes the RunResult as JSON with every key, and a summary to stderr', async () => {
    const file = join(dir, 'run.json');
    expect(await main(['run', ...SMALL, '--seed', '7', '--out', file])).toBe(0);
    const r = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
    expect(Object.keys(r).sort()).toEqual(['daily', 'model', 'periods', 'scenario', 'seed', 'summary']);
    expect(r.model).toEqual(MODEL);
    expect(r.seed).toBe(7);
    expect(r.scenario.preset).toBe('baseline');
    expect(Object.keys(r.scenario.knobs).sort()).toEqual(KNOBS.map((k) => k.name).sort());
    expect(r.scenario.knobs).toMatchObject({ residents: 5000, cells: 10, units: 3, horizonDays: 30 });
    for (const m of METRIC_NAMES) expect(r.daily[m], m).toHaveLength(30);
    expect(Array.isArray(r.periods)).toBe(true);
    expect(io.err).toMatch(/preset baseline with .*residents=5000/);
    expect(io.err).toMatch(/seed 7, 30 days \(2021-01-01 to 2021-01-30\)/);
    // the run's summary under the app's names (sim/metric-labels.ts): the JSON's own numbers
    for (const f of KEY_FIGURES) expect(io.err, f).toContain(SUMMARY_LABELS[f].en);
    expect(io.err).toMatch(new RegExp(`Contacts to 12345 +${r.summary.tickets_filed.toLocaleString('en-US')}\\n`));
    expect(io.err).toContain(`${(r.summary.official_satisfaction * 100).toFixed(1)}%`);
    expect(io.out).toBe('');
  });

  it('writes tidy CSV under the comment header', async () => {
    const file = join(dir, 'run.csv');
    expect(await main(['run', 'pinggu-hand-down', ...SMALL, '--out', file])).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(`# model hotline-lab ${MODEL.version}`);
    expect(lines[1]).toBe('# seed 1');
    const scenario = JSON.parse(lines[3].replace(/^# scenario /, ''));
    expect(scenario.preset).toBe('pinggu-hand-down');
    expect(scenario.knobs.handDown).toBe(true);
    expect(lines[2]).toBe(`# scenario-hash ${scenarioHash(scenario)}`);
    expect(lines[4]).toBe('day,date,metric,value');
    const rows = lines.slice(5).map((l) => l.split(','));
    expect(rows).toHaveLength(30 * METRIC_NAMES.length);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows[0].slice(0, 3)).toEqual(['0', '2021-01-01', METRIC_NAMES[0]]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['29', '2021-01-30']);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(METRIC_NAMES));
  });

  it('writes JSON to stdout without --out, and is deterministic', async () => {
    expect(await main(['run', ...SMALL, '--format', 'json'])).toBe(0);
    const first = io.out;
    io.out = '';
    expect(await main(['run', ...SMALL])).toBe(0);
    expect(io.out).toBe(first);
    expect(JSON.parse(first).seed).toBe(1);
  });

  it('runs a scenario file, and a link exactly', async () => {
    const scenarioFile = join(dir, 'scenario.json');
    writeFileSync(
      scenarioFile,
      JSON.stringify({
        preset: 'pinggu-hand-down',
        seed: 11,
        knobs: { cadence: 'quarterly', residents: 5000, cells: 10, units: 3, horizonDays: 30 },
      }),
    );
    const a = join(dir, 'a.json');
    expect(await main(['run', scenarioFile, '--out', a])).toBe(0);
    const ra = JSON.parse(readFileSync(a, 'utf8')) as RunResult;
    expect(ra.seed).toBe(11);
    expect(ra.scenario.knobs.cadence).toBe('quarterly');

    const link = 'https://example.org/lab/' + scenarioToQuery({ preset: ra.scenario.preset, knobs: ra.scenario.knobs, seed: ra.seed });
    const b = join(dir, 'b.json');
    expect(await main(['run', '--link', link, '--out', b])).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('bad input exits 2 with one line per problem naming the field', async () => {
    expect(await main(['run', '--set', 'handown=1', '--set', 'cells=abc', '--seed', '-3', '--days', '0'])).toBe(2);
    expect(io.err).toContain("unknown knob 'handown': did you mean 'handDown'?");
    expect(io.err).toContain("knob 'cells' = 'abc' is not a number");
    expect(io.err).toContain("seed = '-3' is not allowed");
    expect(io.err).toContain("--days '0' is not allowed");
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['run', 'pinggu'], /unknown preset 'pinggu': did you mean 'pinggu-hand-down'/],
    [['run', join(tmpdir(), 'no-such-file.json')], /no such file/],
    [['run', '--set', 'handDown'], /must be knob=value/],
    [['run', '--format', 'xml'], /--format 'xml' is not allowed: must be json or csv/],
    [['run', '--sed', '3'], /unknown option '--sed' for 'run': did you mean '--seed'\?/],
    [['run', '--seed'], /option '--seed' needs a value/],
    [['run', '--link', '?preset=baseline&handown=1'], /--link: unknown link parameter 'handown': did you mean 'handDown'\?/],
    [['run', 'baseline', '--link', '?seed=1'], /either a preset\/file or --link/],
    [['run', '--set', 'units=50', '--set', 'cells=20'], /cells = 20 is fewer than units = 50/],
    [['rnu'], /unknown command 'rnu': did you mean 'run'\?/],
    [['knobs', '--lang', 'fr'], /--lang 'fr' is not allowed/],
  ])('%j exits 2', async (argv, message) => {
    expect(await main(argv as string[])).toBe(2);
    expect(io.err).toMatch(message);
    expect(
      io.err
        .trim()
        .split('\n')
        .every((l) => l.startsWith('hotline-lab: ')),
    ).toBe(true);
  });

  it('reports a bad scenario file with its JSON position', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "preset": "baseline",\n}');
    expect(await main(['run', bad])).toBe(2);
    expect(io.err).toMatch(/bad\.json: invalid JSON at line 3 column 1/);
    writeFileSync(bad, JSON.stringify({ preset: 'baseline', knobs: { councilSkill: 3 } }));
    expect(await main(['run', bad])).toBe(2);
    expect(io.err).toMatch(/knob 'councilSkill' = 3 is above the maximum: must be a number from 0 to 1/);
  });
});

describe('internal errors', () => {
  it('print one short line and exit 1, with no stack trace', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(((_chunk: unknown, cb?: (e?: Error) => void) => {
      cb?.(new Error('disk full'));
      return false;
    }) as typeof process.stdout.write);
    expect(await main(['knobs'])).toBe(1);
    expect(io.err).toBe('hotline-lab: internal error: disk full\n');
  });
});

describe('hotline-lab listings', () => {
  it('knobs lists every knob, grouped, in English, Chinese, Markdown and JSON', async () => {
    expect(await main(['knobs'])).toBe(0);
    for (const k of KNOBS) expect(io.out).toContain(k.name);
    expect(io.out).toContain('Intake and routing');
    io.out = '';
    expect(await main(['knobs', '--lang', 'zh'])).toBe(0);
    expect(io.out).toContain('受理与派单');
    io.out = '';
    expect(await main(['knobs', '--format', 'md'])).toBe(0);
    expect(io.out).toContain('| `handDown` |');
    io.out = '';
    expect(await main(['knobs', '--format=json'])).toBe(0);
    expect(JSON.parse(io.out)).toHaveLength(KNOBS.length);
  });

  it('presets and metrics', async () => {
    expect(await main(['presets'])).toBe(0);
    expect(io.out).toContain('pinggu-hand-down');
    expect(io.out).toContain('handDown=true');
    io.out = '';
    expect(await main(['metrics'])).toBe(0);
    for (const m of METRIC_NAMES) expect(io.out).toContain(m);
    io.out = '';
    expect(await main(['presets', '--format', 'json'])).toBe(0);
    const listed = JSON.parse(io.out) as { name: string; knobs: object }[];
    expect(listed.map((p) => p.name)).toEqual(presetNames());
    expect(listed[0]).toMatchObject({ name: 'baseline', knobs: {} });
  });

  it('help, --help, no arguments and --version', async () => {
    for (const argv of [[], ['help'], ['--help'], ['run', '--help']]) {
      io.out = '';
      expect(await main(argv)).toBe(0);
      expect(io.out).toMatch(/^hotline-lab .*\n\nUsage:/);
    }
    io.out = '';
    expect(await main(['--version'])).toBe(0);
    expect(io.out).toBe(`hotline-lab ${MODEL.version}\n`);
  });
});
