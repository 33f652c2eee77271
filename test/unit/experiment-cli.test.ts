/**
 * The experiment command end to end on a small world: the same files whatever --workers, however
 * sharded (after merge), and after a killed run resumed; bad files name the field.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captured, captureOutput, useEnv } from './capture.ts';
import { replicateSeeds } from '../../experiments/index.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hotline-exp-'));
const COMMIT = 'test-commit';
useEnv('HOTLINE_LAB_GIT_COMMIT', COMMIT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = captureOutput();

const EXPERIMENT = {
  description: 'test: cadence x hand-down on a tiny world',
  scenario: { preset: 'pinggu-hand-down', knobs: { residents: 3000, cells: 6, units: 3, handDownStart: '2021-02-01' } },
  vary: { cadence: ['monthly', 'bimonthly'], handDown: [false, true] },
  replicates: 3,
  horizonDays: 150,
  metrics: ['gaming_intensity_mean', 'gaming_paid', 'true_satisfaction'],
  resolution: 'period',
  seed: 11,
};

function write(name: string, x: unknown): string {
  const f = join(dir, name);
  writeFileSync(f, typeof x === 'string' ? x : JSON.stringify(x, null, 2));
  return f;
}

/** Every file under a folder, path relative to it, with its text. */
function tree(root: string): Record<string, string> {
  const outFiles: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else outFiles[p.slice(root.length + 1)] = readFileSync(p, 'utf8');
    }
  };
  walk(root);
  return outFiles;
}

/** Per-test limit for tests that run experiments: worker threads load TypeScript first, slow on a busy machine. */
const RUNS_TIMEOUT = 120_000;

describe('hotline-lab experiment', () => {
  const file = write('exp.json', EXPERIMENT);
  // The reference output, one worker, written once before the tests: every test that compares
  // files compares with it, so none depends on another having run first.
  const w1 = join(dir, 'w1');
  let one: Record<string, string>;
  let oneOut = '';
  beforeAll(async () => {
    const r = await captured(() => main(['experiment', file, '--out', w1, '--workers', '1']));
    expect(r.value, r.err).toBe(0);
    one = tree(w1);
    oneOut = r.out;
  }, RUNS_TIMEOUT);

  it('writes tidy results with seeds and knobs in every row, a provenance header and statistics', () => {
    expect(
      Object.keys(one)
        .filter((k) => !k.startsWith('runs/'))
        .sort(),
    ).toEqual(['differences.csv', 'experiment.json', 'provenance.json', 'results.csv', 'summary.csv']);
    expect(Object.keys(one).filter((k) => k.startsWith('runs/'))).toHaveLength(12);
    const lines = one['results.csv'].trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# model hotline-lab /);
    expect(lines[1]).toBe(`# git-commit ${COMMIT}`);
    expect(lines[2]).toMatch(/^# experiment-hash [0-9a-f]{64}$/);
    expect(lines[4]).toBe(`# replicate-seeds ${replicateSeeds(11, 3).join(' ')}`);
    const head = lines.findIndex((l) => !l.startsWith('#'));
    expect(lines[head]).toBe('run,point,replicate,seed,cadence,handDown,period,start_date,end_date,metric,value');
    const rows = lines.slice(head + 1).map((l) => l.split(','));
    const seeds = replicateSeeds(11, 3);
    for (const r of rows) {
      expect(Number(r[3])).toBe(seeds[Number(r[2])]);
      expect(Number(r[1])).toBe(Math.floor(Number(r[0]) / 3));
    }
    // One row per run x period x metric: bimonthly points (runs 6-11) have fewer periods than monthly.
    const monthly = rows.filter((r) => r[0] === '0');
    const bimonthly = rows.filter((r) => r[0] === '6');
    expect(monthly.length % 3).toBe(0);
    expect(bimonthly.length).toBeLessThan(monthly.length);
    expect(new Set(monthly.map((r) => r[9]))).toEqual(new Set(EXPERIMENT.metrics));
    expect(one['summary.csv']).toContain('point,cadence,handDown,period,start_date,end_date,metric,n,mean,sd,ci_low,ci_high');
    // Periods pair only when they are the same period: monthly with monthly, never with bimonthly.
    expect(one['differences.csv']).toMatch(/\npoint,1,monthly,true,1,2021-02-01,2021-02-28,gaming_paid,3,/);
    expect(one['differences.csv']).not.toMatch(/\npoint,2,/);
    expect(one['differences.csv']).not.toContain('\nmain-effect');
    expect(oneOut).toContain('paired difference from the baseline point');
  });

  it(
    'gives identical files with 2 workers',
    async () => {
      const o = join(dir, 'w2');
      expect(await main(['experiment', file, '--out', o, '--workers', '2'])).toBe(0);
      expect(tree(o)).toEqual(one);
    },
    RUNS_TIMEOUT,
  );

  it(
    'gives identical files from 3 shards after merge',
    async () => {
      const shards = [0, 1, 2].map((i) => join(dir, `shard${i}`));
      for (let i = 0; i < 3; i++)
        expect(await main(['experiment', file, '--out', shards[i], '--shard', `${i}/3`, '--workers', '1'])).toBe(0);
      expect(existsSync(join(shards[0], 'summary.csv'))).toBe(false);
      expect(io.err).toContain('run the other shards');
      // Merging an incomplete set names what is missing.
      expect(await main(['merge', shards[0], shards[1], '--out', join(dir, 'partial')])).toBe(2);
      expect(io.err).toMatch(/4 of 12 runs are missing \(run 2, 5, 8, 11\)/);
      const merged = join(dir, 'merged');
      expect(await main(['merge', ...shards, '--out', merged])).toBe(0);
      expect(tree(merged)).toEqual(one);
    },
    RUNS_TIMEOUT,
  );

  it(
    'refuses to overwrite, and refuses a different experiment in the folder',
    async () => {
      const o = w1;
      expect(await main(['experiment', file, '--out', o])).toBe(2);
      expect(io.err).toContain('already holds 12 run(s) of this experiment: add --resume');
      const other = write('other.json', { ...EXPERIMENT, seed: 12 });
      expect(await main(['experiment', other, '--out', o, '--resume'])).toBe(2);
      expect(io.err).toContain('holds a different experiment');
      // Resuming a complete folder runs nothing and rewrites the same files.
      expect(await main(['experiment', file, '--out', o, '--resume'])).toBe(0);
      expect(io.err).toContain('12 already done; 0 to run');
      expect(tree(o)).toEqual(one);
    },
    RUNS_TIMEOUT,
  );

  it(
    'resumes a killed run to the same files as an uninterrupted one',
    async () => {
      // Enough runs that the kill lands mid-way.
      const big = write('big.json', { ...EXPERIMENT, replicates: 10, horizonDays: 400, resolution: 'summary' });
      // The uninterrupted reference in this thread (runs take milliseconds; a pool's start-up is
      // what costs, and the pool is exercised by the resume below and by the 2-worker test).
      const whole = join(dir, 'whole');
      expect(await main(['experiment', big, '--out', whole, '--workers', '1'])).toBe(0);
      const killed = join(dir, 'killed');
      const child = spawn(process.execPath, [join(REPO, 'bin/hotline-lab.mjs'), 'experiment', big, '--out', killed, '--workers', '1'], {
        cwd: REPO,
        env: { ...process.env, HOTLINE_LAB_GIT_COMMIT: COMMIT },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((ok) => child.on('exit', () => ok()));
      const runs = join(killed, 'runs');
      const count = () => (existsSync(runs) ? readdirSync(runs).filter((n) => n.endsWith('.json')).length : 0);
      const t0 = Date.now();
      while (count() < 8 && Date.now() - t0 < 60_000) await new Promise((ok) => setTimeout(ok, 20));
      child.kill('SIGKILL');
      await exited;
      const before = count();
      expect(before).toBeGreaterThanOrEqual(8);
      expect(before).toBeLessThan(40);
      expect(existsSync(join(killed, 'summary.csv'))).toBe(false);
      expect(await main(['experiment', big, '--out', killed, '--resume', '--workers', '2'])).toBe(0);
      expect(io.err).toContain(`${before} already done; ${40 - before} to run`);
      expect(tree(killed)).toEqual(tree(whole));
    },
    RUNS_TIMEOUT,
  );

  it.each([
    [{ ...EXPERIMENT, vary: { cadance: ['monthly'] } }, "vary.cadance: unknown knob 'cadance': did you mean 'cadence'?"],
    [{ ...EXPERIMENT, replicates: 'ten' }, "replicates: 'ten' is not allowed"],
    [{ ...EXPERIMENT, vary: { units: [3, 50] } }, 'vary: design point 1 (units=50): cells = 6 is fewer than units = 50'],
    ['{ "vary": ', 'invalid JSON at line 1'],
  ])('a bad experiment file exits 2 naming the field: %#', async (x, message) => {
    const f = write('bad.json', x);
    expect(await main(['experiment', f, '--out', join(dir, 'bad')])).toBe(2);
    expect(io.err).toContain(message);
    expect(io.err).toContain('bad.json: ');
    expect(
      io.err
        .trim()
        .split('\n')
        .every((l) => l.startsWith('hotline-lab: ')),
    ).toBe(true);
  });

  it.each([
    [['experiment', 'x.json', '--out', 'o', '--shard', '3/3'], "--shard '3/3' is not allowed"],
    [['experiment', 'x.json', '--out', 'o', '--workers', '0'], "--workers '0' is not allowed"],
    [['experiment', 'x.json'], 'needs --out DIR'],
    [['experiment', 'x.json', '--out', 'o', '--resum'], "did you mean '--resume'?"],
    [['merge'], 'merge needs one or more experiment folders'],
  ])('%j exits 2', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(io.err).toContain(message);
  });
});
