/**
 * An experiment's `posterior` (issue 14): validation with messages naming the field, replicate k
 * drawing set k mod n at every design point (factors and the scenario's own settings win), the
 * same files as before when there is none, the header lines, and the command line's path form,
 * --posterior flag and 1 against 2 workers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { captured, captureOutput, useEnv } from './capture.ts';
import {
  buildDesign,
  executeRun,
  experimentFiles,
  experimentHash,
  experimentJson,
  experimentToParam,
  linkPosteriorProblem,
  loadExperiment,
  parseExperimentParam,
  provenanceLines,
  runCount,
  runKnobs,
  runSpec,
} from '../../experiments/index.ts';
import { defaultKnobs, MODEL } from '../../sim/index.ts';
import { canonicalJson, sha256Hex } from '../../scenarios/export.ts';

const io = captureOutput();
const MODEL_NAME = `${MODEL.name} ${MODEL.version}`;
const FIT_HASH = '1e265359842101883906c4c096980dce63e8f46c71591c7ff76fbc3adab1b1b3';

const BASE = {
  scenario: { preset: 'pinggu-hand-down', knobs: { residents: 2000, cells: 4, units: 2, handDownStart: '2021-02-01' } },
  vary: { handDown: [false, true] },
  replicates: 3,
  horizonDays: 90,
  metrics: ['true_satisfaction', 'tickets_filed'],
  resolution: 'period',
  seed: 5,
};

const SETS = [
  { normEffect: 5, individualRate: 0.3, handDown: true },
  { normEffect: 12, individualRate: 0.6, handDown: true },
];
const POST = { model: MODEL_NAME, fitHash: FIT_HASH, seed: 1, sets: SETS };

const messages = (input: unknown) => loadExperiment(input).problems.map((p) => p.message);

describe('the posterior field: validation', () => {
  it('accepts a posterior sample and keeps it in the experiment (and its hash)', () => {
    const res = loadExperiment({ ...BASE, posterior: POST });
    expect(res.ok, JSON.stringify(res.problems)).toBe(true);
    expect(res.experiment!.posterior!.sets).toHaveLength(2);
    expect(res.warnings).toEqual([]);
    const again = loadExperiment(JSON.parse(JSON.stringify(experimentJson(res.experiment!))));
    expect(experimentHash(again.experiment!)).toBe(experimentHash(res.experiment!));
    expect(experimentHash(res.experiment!)).not.toBe(experimentHash(loadExperiment(BASE).experiment!));
  });

  it('names the field of every problem, with the nearest knob for a typo, in both languages', () => {
    const res = loadExperiment({ ...BASE, posterior: { ...POST, sets: [{ normEfect: 5 }, { normEffect: 99 }] } });
    expect(res.ok).toBe(false);
    const m = res.problems.map((p) => p.message);
    expect(m).toContain("posterior.sets[0].normEfect: unknown knob 'normEfect': did you mean 'normEffect'?");
    expect(m.find((x) => x.startsWith('posterior.sets[1].normEffect: '))).toMatch(/knob 'normEffect' = 99 .*must be/);
    expect(res.problems.find((p) => p.field === 'posterior.sets[0].normEfect')!.zh).toContain('您是否想输入“normEffect”');
    // the out-of-range value has a code, so the app words it in Chinese from its structure
    expect(res.problems.find((p) => p.field === 'posterior.sets[1].normEffect')!.code).toBeTruthy();
  });

  it('refuses empty sets, a missing hash, unknown fields, a file name and a non-object', () => {
    expect(messages({ ...BASE, posterior: { ...POST, sets: [] } })).toEqual([
      'posterior.sets: is empty: a posterior sample needs at least one parameter set',
    ]);
    expect(messages({ ...BASE, posterior: { ...POST, fitHash: undefined } })[0]).toMatch(/^posterior\.fitHash: must be the fit's hash/);
    expect(messages({ ...BASE, posterior: { ...POST, set: [] } })[0]).toBe("posterior.set: unknown field 'set': did you mean 'sets'?");
    expect(messages({ ...BASE, posterior: 'fit/posterior-sample.json' })[0]).toMatch(
      /^posterior: 'fit\/posterior-sample\.json' is a file name: only the command line reads files/,
    );
    expect(messages({ ...BASE, posterior: 3 })[0]).toMatch(/^posterior: must be a fit's posterior sample/);
    expect(messages({ ...BASE, posterior: { ...POST, sets: [{ horizonDays: 30 }] } })[0]).toBe(
      "posterior.sets[0].horizonDays: 'horizonDays' is the experiment's to set, not a posterior's",
    );
    // a wrong file does not give thousands of lines
    const many = Array.from({ length: 50 }, () => ({ nope: 1 }));
    const m = messages({ ...BASE, posterior: { ...POST, sets: many } });
    expect(m.length).toBe(9);
    expect(m[8]).toMatch(/^posterior\.sets: 42 more problems in the sets not shown/);
  });

  it('warns, and runs, with sets of another model version', () => {
    const res = loadExperiment({ ...BASE, posterior: { ...POST, model: 'hotline-lab 0.1.0' } });
    expect(res.ok).toBe(true);
    expect(res.warnings!.map((w) => w.message)).toEqual([
      `posterior.model: the sets come from hotline-lab 0.1.0, this is ${MODEL_NAME}: the knobs may mean something else now; fit again with this model to be sure`,
    ]);
    expect(res.warnings![0].zh).toMatch(/^posterior\.model：这些参数组来自 hotline-lab 0\.1\.0/);
  });

  it('is refused in a link, with what to do instead', () => {
    const parsed = parseExperimentParam('handDown:false,true;replicates:4;posterior:1e2653598421');
    expect(parsed.posterior).toBe('1e2653598421');
    expect(parsed.input.vary).toEqual({ handDown: ['false', 'true'] });
    expect(parseExperimentParam('handDown:false,true').posterior).toBeUndefined();
    const p = linkPosteriorProblem('1e2653598421');
    expect(p.message).toMatch(
      /^exp\.posterior: the experiment draws its uncertain knobs from the posterior of fit '1e2653598421', whose parameter sets a link cannot carry/,
    );
    expect(p.zh).toMatch(/^exp\.posterior：该实验的不确定参数取自拟合“1e2653598421”的后验，而链接无法携带其参数组/);
    // a link made from an experiment with a posterior names the fit, so opening it asks for the sets
    const exp = loadExperiment({ ...BASE, resolution: 'period', posterior: POST }).experiment!;
    expect(parseExperimentParam(experimentToParam(exp)).posterior).toBe(FIT_HASH.slice(0, 12));
    expect(experimentToParam(loadExperiment(BASE).experiment!)).not.toContain('posterior');
  });
});

describe('the posterior field: semantics', () => {
  const exp = loadExperiment({
    ...BASE,
    vary: { handDown: [false, true], normEffect: [4, 6] },
    scenario: { ...BASE.scenario, knobs: { ...BASE.scenario.knobs, wordOfMouth: 1.5 } },
    replicates: 5,
    posterior: { ...POST, sets: [...SETS, { normEffect: 7, individualRate: 0.5, wordOfMouth: 0.6, handDown: true }] },
  }).experiment!;
  const points = buildDesign(exp);
  const dflt = defaultKnobs();

  it('replicate k of every design point draws set k mod n; factors and the scenario win; seeds unchanged', () => {
    const noPost = loadExperiment({ ...experimentJson(exp), posterior: undefined }).experiment!;
    for (const p of points)
      for (let k = 0; k < exp.replicates; k++) {
        const set = exp.posterior!.sets[k % 3];
        const knobs = runKnobs(exp, p, k);
        expect(knobs.individualRate).toBe(set.individualRate);
        // varied knobs keep the design point's value
        expect(knobs.normEffect).toBe(p.values.normEffect);
        expect(knobs.handDown).toBe(p.values.handDown);
        // the scenario sets wordOfMouth away from the default: the scenario's value stays
        expect(knobs.wordOfMouth).toBe(1.5);
        expect(runSpec(exp, p.index * exp.replicates + k)).toEqual(runSpec(noPost, p.index * exp.replicates + k));
      }
    expect(runKnobs(noPost, points[0], 1).individualRate).toBe(dflt.individualRate);
  });

  it('changes the runs only through the knobs', () => {
    const one = loadExperiment({ ...BASE, replicates: 2, posterior: { ...POST, sets: [{ individualRate: 0.7 }] } }).experiment!;
    const none = loadExperiment({ ...BASE, replicates: 2 }).experiment!;
    const same = loadExperiment({ ...BASE, replicates: 2, posterior: { ...POST, sets: [{ individualRate: dflt.individualRate }] } })
      .experiment!;
    const pts = buildDesign(none);
    const a = executeRun(one, pts, 1);
    const b = executeRun(none, pts, 1);
    const c = executeRun(same, pts, 1);
    expect(a.seed).toBe(b.seed);
    expect(a.values.tickets_filed).not.toEqual(b.values.tickets_filed);
    // a set that holds the defaults gives exactly the default runs
    expect(c).toEqual(b);
  });
});

describe('the posterior field: output files', () => {
  it('without a posterior, the files are byte for byte those of the code before the field existed', () => {
    const exp = loadExperiment(BASE).experiment!;
    expect('posterior' in experimentJson(exp) && experimentJson(exp).posterior !== undefined).toBe(false);
    const points = buildDesign(exp);
    const recs = Array.from({ length: runCount(exp, points) }, (_, r) => executeRun(exp, points, r));
    const files = experimentFiles(exp, points, recs, { commit: 'c' });
    // computed by the same script at commit f25f4ae, before experiments had a posterior, on model
    // 0.2.0 (69fcc8db…); the posterior's code has not changed since, so the pin was recomputed on
    // model 0.3.0 (be4687a6…) and 0.4.0, whose runs it holds
    expect(sha256Hex(canonicalJson(files))).toBe('48d3f82d17df0e8caaa73d1a6b8d7093becad9c6512af1d44635fcd0860d7048');
  });

  it('names the fit and the number of sets in the header, not the sets themselves', () => {
    const exp = loadExperiment({ ...BASE, posterior: POST }).experiment!;
    const lines = provenanceLines(exp, { commit: 'c' });
    const setsHash = sha256Hex(canonicalJson(exp.posterior!.sets));
    expect(lines).toContain(`# posterior fit-hash ${FIT_HASH} sets 2 (replicate k draws set k mod 2) sets-sha256 ${setsHash}`);
    const json = JSON.parse(lines.find((l) => l.startsWith('# experiment '))!.slice('# experiment '.length));
    expect(json.posterior).toEqual({ fitHash: FIT_HASH, model: MODEL_NAME, seed: 1, sets: 2, setsHash });
    const none = provenanceLines(loadExperiment(BASE).experiment!);
    expect(none.some((l) => l.startsWith('# posterior'))).toBe(false);
  });
});

describe('the posterior field on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-post-'));
  useEnv('HOTLINE_LAB_GIT_COMMIT', 'test-commit');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'fit'));
  writeFileSync(join(dir, 'fit', 'posterior-sample.json'), JSON.stringify(POST));
  mkdirSync(join(dir, 'exps'));
  const file = join(dir, 'exps', 'exp.json');
  writeFileSync(file, JSON.stringify({ ...BASE, posterior: '../fit/posterior-sample.json' }));
  const tree = (root: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else out[p.slice(root.length + 1)] = readFileSync(p, 'utf8');
      }
    };
    walk(root);
    return out;
  };

  it('reads a path relative to the experiment file; 1 and 2 workers give the same bytes; --posterior gives the same', async () => {
    const r1 = await captured(() => main(['experiment', file, '--out', join(dir, 'w1'), '--workers', '1']));
    expect(r1.value, r1.err).toBe(0);
    expect((await captured(() => main(['experiment', file, '--out', join(dir, 'w2'), '--workers', '2']))).value).toBe(0);
    const a = tree(join(dir, 'w1'));
    expect(tree(join(dir, 'w2'))).toEqual(a);
    expect(a['results.csv']).toContain(`# posterior fit-hash ${FIT_HASH} sets 2`);
    expect(JSON.parse(a['experiment.json']).posterior.sets).toEqual(SETS);
    expect(JSON.parse(a['provenance.json']).posterior).toMatchObject({ fitHash: FIT_HASH, sets: 2 });
    // the flag, with a file that names no posterior: the same experiment, the same files
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify(BASE));
    const post = join(dir, 'fit', 'posterior-sample.json');
    const flag = await captured(() => main(['experiment', plain, '--out', join(dir, 'flag'), '--workers', '1', '--posterior', post]));
    expect(flag.value, flag.err).toBe(0);
    expect(tree(join(dir, 'flag'))).toEqual(a);
    // the folder reads its own experiment.json (sets and all) back to resume: nothing to run, same files
    const again = await captured(() => main(['experiment', file, '--out', join(dir, 'w1'), '--workers', '1', '--resume']));
    expect(again.value, again.err).toBe(0);
    expect(again.err).toContain('6 already done; 0 to run');
    expect(tree(join(dir, 'w1'))).toEqual(a);
  }, 180_000);

  it('says which file and field is wrong', async () => {
    const missing = join(dir, 'missing.json');
    writeFileSync(missing, JSON.stringify({ ...BASE, posterior: 'nowhere.json' }));
    const r = await captured(() => main(['experiment', missing, '--out', join(dir, 'x')]));
    expect(r.value).not.toBe(0);
    expect(r.err).toContain(`${missing}: posterior: cannot read '${join(dir, 'nowhere.json')}': no such file`);
    const badSet = join(dir, 'bad-set.json');
    writeFileSync(join(dir, 'bad-post.json'), JSON.stringify({ ...POST, sets: [{ normEffect: 99 }] }));
    writeFileSync(badSet, JSON.stringify({ ...BASE, posterior: 'bad-post.json' }));
    const r2 = await captured(() => main(['experiment', badSet, '--out', join(dir, 'y')]));
    expect(r2.value).not.toBe(0);
    expect(r2.err).toMatch(/posterior\.sets\[0\]\.normEffect: knob 'normEffect' = 99/);
    void io;
  });
});
