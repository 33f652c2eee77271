// Problems of the scenario boundary rendered in Chinese from their structure (code, allowed,
// suggestion, detail): the app's zh UI shows no English loader messages.
import { describe, expect, it } from 'vitest';
import { parseLink } from '../../scenarios/link.ts';
import { loadScenario, loadScenarioText } from '../../scenarios/loader.ts';
import { importText } from '../../scenarios/import.ts';
import { problemMessage, problemUsed } from '../../ui/problem-text.ts';
import { loadExperiment, loadExperimentText } from '../../experiments/index.ts';

const CJK = /[\u4e00-\u9fff]/;

describe('problem messages in Chinese', () => {
  it('a bad link: every problem has a code and a Chinese sentence naming its field', () => {
    const r = parseLink(
      '?preset=pingu&seed=12x&residents=abc&cells=99999999&handDwn=true&cadence=weekly&handDownStart=2021-02-30&lang=fr&seed=3',
    );
    expect(r.problems.length).toBeGreaterThanOrEqual(7);
    for (const p of r.problems) {
      expect(p.code, p.message).toBeTruthy();
      const zh = problemMessage('zh', p);
      expect(zh).toMatch(CJK);
      expect(zh).not.toMatch(/must be|is not|unknown/);
      if (!p.field.startsWith('(')) expect(zh).toContain(p.field.replace(/^knobs\./, ''));
      expect(problemMessage('en', p)).toBe(p.message);
    }
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p]));
    expect(problemMessage('zh', byField.cells)).toContain('1 到 30000 之间的整数');
    expect(problemMessage('zh', byField.handDwn)).toContain('handDown');
    expect(problemMessage('zh', byField.preset)).toContain('pinggu-hand-down');
    expect(problemMessage('zh', byField.cadence)).toContain('monthly');
    expect(problemUsed('zh', byField.handDwn)).toBe('已忽略');
    expect(problemUsed('zh', byField.preset)).toBe('改用 baseline');
  });

  it('scenario files, cross-field rules and imports', () => {
    const a = loadScenario({ preset: 'baseline', knobs: { units: 5, cells: 2 }, handDown: true, sed: 1 });
    const zh = a.problems.map((p) => problemMessage('zh', p));
    expect(zh.join('\n')).toMatch(/cells = 2 少于 units = 5/);
    expect(zh.join('\n')).toMatch(/“handDown”是参数/);
    expect(zh.join('\n')).toMatch(/seed/);
    const j = loadScenarioText('{"preset": "baseline",\n "seed": }');
    expect(problemMessage('zh', j.problems[0])).toMatch(/第 2 行/);
    for (const text of ['hello', '# not a hotline export\n1,2', 'x'.repeat(10) + '{', '[1]', '{"model": {}, "scenario": 3}']) {
      const r = importText(text);
      expect(r.ok).toBe(false);
      for (const p of r.problems) {
        expect(p.code).toBeTruthy();
        expect(problemMessage('zh', p)).toMatch(CJK);
      }
    }
  });

  it('markup in a problem stays plain text (rendered by lit, never as HTML)', () => {
    const r = parseLink('?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&preset=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const texts = r.problems.map((p) => problemMessage('zh', p));
    expect(texts.join('\n')).toContain('<img src=x onerror=alert(1)>');
    expect(texts.join('\n')).toContain('<script>alert(1)</script>');
  });

  it('a story link with no such step reads in Chinese, and says the sandbox opened instead', () => {
    const p = {
      field: 'story',
      value: 'article step 9',
      message: "story 'article' has no step '9'",
      used: 'the sandbox',
      code: 'bad-story' as const,
      detail: { story: 'article' },
    };
    expect(problemMessage('zh', p)).toMatch(CJK);
    expect(problemMessage('zh', p)).toContain('article step 9');
    expect(problemUsed('zh', p)).toBe('改为自由探索');
    expect(problemMessage('en', p)).toBe(p.message);
  });

  it('an experiment file: every problem reads in Chinese, naming its field, none falls back to English', () => {
    const bad: unknown[] = [
      [],
      {},
      { vary: { handown: [true] }, replicate: 3, cadence: 'monthly', seed: -1, description: 3 },
      { vary: { cadence: ['monthly', 'bimontly', 'monthly'], councilSkill: { min: 0, max: 2, steps: 3 }, handDown: { min: 0, max: 1 } } },
      { vary: { councilSkill: { distribution: 'unifrom', min: 0, max: 1 } }, design: { type: 'lhs' } },
      {
        vary: { councilSkill: { distribution: 'normal', sd: -1, mean: 9 }, staffPer10k: { min: 1, max: 3, steps: 2 } },
        design: { type: 'lhs', samples: 4 },
      },
      { vary: { handDown: [false, true], horizonDays: [10] }, replicates: 0, metrics: ['gaming_intensty_mean', 3], resolution: 'weekly' },
      {
        vary: { handDown: [false, true] },
        design: { type: 'morris', trajectories: 5, levels: 3, extra: 1 },
        baseline: { handDown: 'maybe', x: 1 },
      },
      {
        vary: { 'timeline[0].date': ['2021-01-01'], 'timeline[x]': [1] },
        scenario: { preset: 'pingu', seed: 2, knobs: { cells: -1 } },
        horizonDays: 0,
      },
      { vary: { staffPer10k: [] }, design: 'factorail' },
    ];
    const problems = bad.flatMap((input) => loadExperiment(input).problems);
    for (const t of ['', '{\n "vary": {\n}', 'x'.repeat(1_000_001)]) problems.push(...loadExperimentText(t).problems);
    expect(problems.length).toBeGreaterThanOrEqual(30);
    for (const p of problems) {
      const zh = problemMessage('zh', p);
      expect(zh, p.message).toMatch(CJK);
      expect(zh, p.message).not.toBe(p.message);
      // the field it names is in the Chinese sentence too (but "(json)"/"(input)" problems are about the text as a whole)
      if (!p.field.startsWith('(') && p.code === undefined) expect(zh.startsWith(p.field), zh).toBe(true);
    }
  });
});
