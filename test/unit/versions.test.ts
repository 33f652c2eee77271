// Every released model version stays runnable: each archived bundle (versions/<v>/) reproduces
// its own golden fixtures bit for bit, is the file its manifest describes, and is what the command
// line runs for a link or file that names its version; a version that never existed is refused.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { archivedSource, compareVersions, VERSIONS_DIR } from '../../cli/archive.ts';
import { main } from '../../cli/main.ts';
import { goldenSpecs, type GoldenFixture } from '../../scenarios/golden.ts';
import { MODEL } from '../../sim/index.ts';
import { problemMessage } from '../../ui/problem-text.ts';
import type { CoreApi } from '../../versions/core-api.ts';
import { CURRENT_CORE, loadCore } from '../../versions/core.ts';
import { fileKind, openFile, openLink } from '../../versions/open.ts';
import {
  ARCHIVED,
  ARCHIVED_VERSIONS,
  CURRENT_VERSION,
  KNOWN_VERSIONS,
  importArchived,
  isKnownVersion,
  knownVersionsText,
  versionProblem,
} from '../../versions/registry.ts';
import { captureOutput } from './capture.ts';

/** District-sized golden runs take seconds each; the machine is shared. */
const SLOW = 600_000;

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'hotline-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const io = captureOutput();
afterEach(() => {
  delete process.env.HOTLINE_ARCHIVED;
});

function fixtures(v: string): GoldenFixture[] {
  const m = ARCHIVED.find((a) => a.version === v)!;
  return m.golden.map((f) => JSON.parse(readFileSync(join(VERSIONS_DIR, v, f), 'utf8')) as GoldenFixture);
}

/** The archived preset with the fewest residents: a link's run that takes well under a second. */
function smallestPreset(core: CoreApi): string {
  const size = (n: string) => Number(core.presetKnobs(n)!.residents);
  return core.presetNames().reduce((a, b) => (size(b) < size(a) ? b : a));
}

describe('the registry', () => {
  it('lists the archived versions (from the folders) and the current one', () => {
    const folders = readdirSync(VERSIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d+\.\d+\.\d+$/.test(d.name))
      .map((d) => d.name)
      .sort(compareVersions);
    expect(folders.length).toBeGreaterThan(0);
    expect(ARCHIVED_VERSIONS).toEqual(folders);
    // the generated list is what `npm run archive` would write now
    expect(readFileSync(join(VERSIONS_DIR, 'archived.ts'), 'utf8')).toBe(archivedSource(folders));
    expect(CURRENT_VERSION).toBe(MODEL.version);
    expect(KNOWN_VERSIONS).toContain(CURRENT_VERSION);
    for (const v of folders) expect(isKnownVersion(v)).toBe(true);
    for (const v of ['0.0.9', 'banana', '', '0.1', '99.0.0']) expect(isKnownVersion(v)).toBe(false);
    expect(isKnownVersion(undefined)).toBe(false);
  });

  it('0.1.0 is archived from the commit that first landed it', () => {
    const m = ARCHIVED.find((a) => a.version === '0.1.0');
    expect(m?.commit).toBe('83bd1641c1c95e58d148b796b510e64d43043b3d');
    expect(m?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('a version that never existed is a problem naming the field and the known versions, in English and Chinese', () => {
    const p = versionProblem('v', '0.0.9')!;
    expect(p.code).toBe('unknown-version');
    expect(p.message).toBe(
      `v = '0.0.9' is not a model version: known versions are ${KNOWN_VERSIONS.map((v) => (v === CURRENT_VERSION ? `${v} (current)` : v)).join(', ')}`,
    );
    const zh = problemMessage('zh', p);
    expect(zh).toContain('模型版本 v = “0.0.9” 不存在');
    for (const v of KNOWN_VERSIONS) expect(zh).toContain(v);
    expect(versionProblem('model', 7)?.message).toMatch(/^model = 7 is not a model version/);
    expect(versionProblem('v', CURRENT_VERSION)).toBeUndefined();
  });

  it('loading an unknown version rejects with that problem', async () => {
    await expect(loadCore('banana')).rejects.toMatchObject({ problem: { field: 'model', code: 'unknown-version' } });
    await expect(importArchived('0.0.9')).rejects.toMatchObject({ problem: { code: 'unknown-version' } });
  });
});

describe.each(ARCHIVED_VERSIONS.map((v) => [v]))('archived model %s', (v) => {
  const manifest = ARCHIVED.find((a) => a.version === v)!;

  it('the bundle is the file its manifest describes', async () => {
    const bytes = readFileSync(join(VERSIONS_DIR, v, manifest.file));
    expect(sha256(bytes)).toBe(manifest.sha256);
    expect(bytes.length).toBe(manifest.bytes);
    const core = await importArchived(v);
    expect(core.MODEL.version).toBe(v);
    expect(core.ARCHIVE_API).toBe(manifest.api);
  });

  it(
    'reproduces every golden fixture of its commit bit for bit',
    async () => {
      const core = await importArchived(v);
      const all = fixtures(v);
      expect(all.length).toBe(manifest.golden.length);
      expect(all.map((f) => f.preset).sort()).toEqual(core.presetNames().slice().sort());
      for (const fx of all) {
        expect(fx.model.version, fx.preset).toBe(v);
        // the fixture's stored summary is the text its sha256 was taken of
        expect(sha256(core.goldenText(fx.summary)), fx.preset).toBe(fx.sha256);
        // the version's own loader puts the preset's timeline on the spec's knobs (0.2.0 presets
        // have dated changes; a bare Simulation of goldenKnobs would run without them)
        const loaded = core.loadScenario({ preset: fx.preset, knobs: fx.over });
        expect(loaded.problems, fx.preset).toEqual([]);
        expect(loaded.scenario.knobs, fx.preset).toEqual(core.goldenKnobs(fx));
        const summary = core.runScenario(loaded.scenario, fx.seed).summary;
        expect(summary, `${fx.preset} on the archived ${v}`).toEqual(fx.summary);
        expect(sha256(core.goldenText(summary)), fx.preset).toBe(fx.sha256);
      }
    },
    SLOW,
  );

  it('a link that names it runs on it from the command line, with its numbers', async () => {
    const core = await importArchived(v);
    const preset = smallestPreset(core);
    // A link as that version wrote it (its own scenarioToQuery writes v=<its version>).
    const link = 'https://example.org/lab/' + core.scenarioToQuery({ preset, seed: 31, knobs: { horizonDays: 45 } });
    expect(link).toContain(`v=${v}`);
    const parsed = core.parseLink(link);
    expect(parsed.problems).toEqual([]);
    const expected = core.resultJson(new core.Simulation(parsed.scenario.knobs, parsed.seed).run().result(preset));

    for (const forceArchive of [true, false]) {
      // HOTLINE_ARCHIVED=1 takes the bundle even while the version is also the current one.
      if (forceArchive) process.env.HOTLINE_ARCHIVED = '1';
      else delete process.env.HOTLINE_ARCHIVED;
      const out = join(dir, `link-${v}-${forceArchive}.json`);
      io.err = '';
      expect(await main(['run', '--link', link, '--out', out]), io.err).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text === expected, `run --link on ${v} (bundle forced: ${forceArchive}) gives the archive's numbers`).toBe(true);
      expect(JSON.parse(text).model.version).toBe(v);
      if (forceArchive || v !== CURRENT_VERSION)
        expect(io.err).toMatch(new RegExp(`note: running (on the archived )?model ${v.replace(/\./g, '\\.')}`));
      // the summary names the knobs the link changed against that version's own preset, and only those
      expect(io.err).toContain(`${v}: preset ${preset} with horizonDays=45, seed 31`);
    }
  });

  it('a scenario file and a run file that name it run on it', async () => {
    process.env.HOTLINE_ARCHIVED = '1';
    const core = await importArchived(v);
    const preset = smallestPreset(core);
    const expected = core.resultJson(core.runScenario(core.loadScenario({ preset, knobs: { horizonDays: 20 } }).scenario, 5));
    const scenario = join(dir, `scenario-${v}.json`);
    writeFileSync(scenario, JSON.stringify({ preset, seed: 5, model: v, knobs: { horizonDays: 20 } }));
    const a = join(dir, `from-scenario-${v}.json`);
    expect(await main(['run', scenario, '--out', a]), io.err).toBe(0);
    expect(readFileSync(a, 'utf8') === expected).toBe(true);
    // the run's own export names its version: running it again gives it again
    const b = join(dir, `from-run-${v}.json`);
    expect(await main(['run', a, '--out', b]), io.err).toBe(0);
    expect(readFileSync(b, 'utf8') === expected).toBe(true);
  });
});

describe('versions that never existed', () => {
  const known = knownVersionsText().replace(/[.()]/g, '\\$&');
  it.each([
    [['run', '--link', '?preset=baseline&seed=1&v=0.0.9'], `--link: v = '0\\.0\\.9' is not a model version: known versions are ${known}`],
    [
      ['run', '--link', 'https://example.org/lab/?v=banana&preset=baseline'],
      `--link: v = 'banana' is not a model version: known versions are ${known}`,
    ],
    [['run', '--model', 'banana'], `--model = 'banana' is not a model version: known versions are ${known}`],
  ])('%j: one clear line, exit 2', async (argv, pattern) => {
    expect(await main(argv)).toBe(2);
    expect(io.out).toBe('');
    const lines = io.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^hotline-lab: ${pattern}$`));
  });

  it('a scenario file naming one: one clear line naming its model field, exit 2', async () => {
    const file = join(dir, 'never.json');
    writeFileSync(file, JSON.stringify({ preset: 'baseline', model: { name: 'hotline-lab', version: '0.0.9' } }));
    expect(await main(['run', file])).toBe(2);
    expect(io.err).toMatch(
      new RegExp(`^hotline-lab: ${file.replace(/[.\\/]/g, '\\$&')}: model = '0\\.0\\.9' is not a model version: known versions are `),
    );
    expect(io.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('hotline-lab versions lists every known version', async () => {
    expect(await main(['versions', '--format', 'json'])).toBe(0);
    const rows = JSON.parse(io.out) as { version: string; current: boolean; archived: boolean; sha256?: string }[];
    expect(rows.map((r) => r.version).sort(compareVersions)).toEqual([...KNOWN_VERSIONS]);
    expect(rows.filter((r) => r.current).map((r) => r.version)).toEqual([CURRENT_VERSION]);
    for (const m of ARCHIVED) expect(rows.find((r) => r.version === m.version)).toMatchObject({ archived: true, sha256: m.sha256 });
  });
});

describe('opening a link or file on its version (the app side)', () => {
  it('a link: its own version reads it; no v is the current model; an unknown v is a problem and the current model', async () => {
    for (const v of KNOWN_VERSIONS) {
      const core = await loadCore(v);
      const link = 'https://example.org/a/b/' + core.scenarioToQuery({ preset: core.DEFAULT_PRESET, seed: 9, knobs: { horizonDays: 10 } });
      const o = await openLink(link);
      expect(o.version).toBe(v);
      expect(o.archived).toBe(v !== CURRENT_VERSION);
      expect(o.versionProblem).toBeUndefined();
      expect(o.parsed).toEqual(core.parseLink(link));
      expect(o.current).toEqual(CURRENT_CORE.parseLink(link));
    }
    const none = await openLink('?preset=baseline&seed=2');
    expect(none).toMatchObject({ version: CURRENT_VERSION, archived: false });
    expect(none.versionProblem).toBeUndefined();
    const never = await openLink('?preset=baseline&seed=2&v=0.0.9');
    expect(never).toMatchObject({ version: CURRENT_VERSION, archived: false, versionProblem: { field: 'v', code: 'unknown-version' } });
    expect(never.parsed.seed).toBe(2);
  });

  it('a file names its version in "model", a run export in model.version, a CSV in its # model line', async () => {
    expect(fileKind('{"preset": "baseline"}')).toEqual({ kind: 'scenario' });
    expect(fileKind('{"preset": "baseline", "model": "0.1.0"}')).toEqual({
      kind: 'scenario-with-model',
      named: '0.1.0',
      rest: { preset: 'baseline' },
    });
    expect(fileKind('{"model": {"name": "hotline-lab", "version": "0.1.0"}, "seed": 1, "scenario": {}}')).toMatchObject({
      kind: 'result',
      named: '0.1.0',
    });
    expect(fileKind('# model hotline-lab 0.1.0\n# seed 1\n')).toEqual({ kind: 'csv', named: '0.1.0' });
    expect(fileKind('{not json')).toEqual({ kind: 'scenario' });
    const a = await openFile(JSON.stringify({ preset: 'baseline', seed: 4, model: CURRENT_VERSION, knobs: { horizonDays: 9 } }));
    expect(a).toMatchObject({ version: CURRENT_VERSION, archived: false, loaded: { ok: true, seed: 4, kind: 'scenario' } });
    expect(a.current.ok).toBe(true);
    const b = await openFile(JSON.stringify({ preset: 'baseline', model: 'banana' }));
    expect(b.versionProblem).toMatchObject({ field: 'model', code: 'unknown-version' });
    expect(b.version).toBe(CURRENT_VERSION);
  });
});

// While the current model is itself archived (0.1.0 today), its bundle must be the tree's code:
// the same runs, every series and period, bit for bit. Skipped by itself once the current version
// moves on (0.2.0) until that version is archived in turn.
describe.runIf(ARCHIVED_VERSIONS.includes(CURRENT_VERSION))(`the archive of the current model ${CURRENT_VERSION}`, () => {
  const specs = goldenSpecs();
  const pick = ['wulimiao-village', 'baotou-refuse-publish'].map((n) => specs.find((s) => s.preset === n)!);
  it.each(pick.map((s) => [s.preset, s] as const))(
    '%s: the bundle and the tree give the same export, bit for bit',
    async (_name, spec) => {
      const archived = await importArchived(CURRENT_VERSION);
      const knobs = CURRENT_CORE.goldenKnobs(spec);
      expect(archived.goldenKnobs(spec)).toEqual(knobs);
      const a = archived.runScenario({ preset: spec.preset, knobs }, spec.seed);
      const b = CURRENT_CORE.runScenario({ preset: spec.preset, knobs }, spec.seed);
      expect(archived.resultJson(a) === CURRENT_CORE.resultJson(b)).toBe(true);
      expect(archived.dailyCsv(a) === CURRENT_CORE.dailyCsv(b)).toBe(true);
      expect(archived.periodsCsv(a) === CURRENT_CORE.periodsCsv(b)).toBe(true);
    },
    SLOW,
  );
});
