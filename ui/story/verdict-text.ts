/**
 * Story mode's verdict in words: each test of scenarios/story.ts as a sentence that quotes the
 * figures it read and the bound it checks, and each way the run differs from its step.
 */
import type { KnobValue } from '../../sim/index.ts';
import { KNOB_LABELS } from '../../sim/knob-labels.ts';
import type { At, ScenarioChange, StoryFigure, StoryStep, TestResult } from '../../scenarios/story.ts';
import { PRESETS } from '../../scenarios/presets.ts';
import { pick, t, type Lang } from '../i18n.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** A figure's value as the story table shows it. */
export function formatValue(v: number, f: StoryFigure['format'], lang: Lang): string {
  if (!Number.isFinite(v)) return '–';
  if (f === 'pct') return `${(v * 100).toFixed(1)}%`;
  return Math.round(v).toLocaleString(locale(lang));
}

function formatTimes(v: number, lang: Lang): string {
  if (v === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(v)) return '–';
  return t(lang, 'story.times', { v: v.toFixed(2) });
}

function formatPoints(v: number, lang: Lang, signed: boolean): string {
  const p = (v * 100).toFixed(1);
  return t(lang, 'story.points', { v: signed && v > 0 ? `+${p}` : p });
}

/** "at least 20", "between ×0.15 and ×0.75", "zero". */
function rangeText(lang: Lang, r: { min?: number; max?: number }, fmt: (v: number) => string, counts = false): string {
  if (counts && r.max === 0 && !r.min) return t(lang, 'story.zero');
  if (r.min !== undefined && r.max !== undefined) return t(lang, 'story.between', { min: fmt(r.min), max: fmt(r.max) });
  if (r.min !== undefined) return t(lang, 'story.atLeast', { v: fmt(r.min) });
  if (r.max !== undefined) return t(lang, 'story.atMost', { v: fmt(r.max) });
  return '';
}

function atLabel(step: StoryStep, at: At, year: string, lang: Lang): string {
  const label = pick(lang, step.figures[at.fig]?.label);
  if (!year) return label;
  return lang === 'zh' ? `${label}（${year}年）` : `${label} (${year})`;
}

/** A test as a sentence quoting the figures it read. */
export function testText(step: StoryStep, r: TestResult, lang: Lang): string {
  const x = r.test;
  if (x.test === 'ratio' || x.test === 'diff') {
    const fa = step.figures[x.a.fig];
    const fb = step.figures[x.b.fig];
    const [a, b] = r.read;
    const vars = {
      a: atLabel(step, x.a, a?.label ?? '', lang),
      va: a ? formatValue(a.value, fa.format, lang) : '–',
      b: atLabel(step, x.b, b?.label ?? '', lang),
      vb: b ? formatValue(b.value, fb.format, lang) : '–',
    };
    if (x.test === 'ratio') {
      return t(lang, 'story.testRatio', {
        ...vars,
        r: r.results.length ? formatTimes(r.results[0], lang) : '–',
        range: rangeText(lang, x, (v) => formatTimes(v, lang)),
      });
    }
    const pct = fa.format === 'pct';
    const fmt = (v: number, signed: boolean) =>
      pct ? formatPoints(v, lang, signed) : `${signed && v > 0 ? '+' : ''}${Math.round(v).toLocaleString(locale(lang))}`;
    return t(lang, 'story.testDiff', {
      ...vars,
      d: r.results.length ? fmt(r.results[0], true) : '–',
      range: rangeText(lang, x, (v) => fmt(v, true)),
    });
  }
  const f = step.figures[x.fig];
  const label = pick(lang, f.label);
  if (x.test === 'each') {
    const values = r.read.map((v) => formatValue(v.value, f.format, lang)).join(lang === 'zh' ? '、' : ', ') || '–';
    const range = rangeText(lang, x, (v) => formatValue(v, f.format, lang), true);
    const years = r.read.filter((v) => v.label);
    if (years.length === 0) return t(lang, 'story.testOne', { label, values, range });
    const span = years.length === 1 ? years[0].label : `${years[0].label}–${years[years.length - 1].label}`;
    return t(lang, 'story.testEach', { label, span, values, range });
  }
  const chain = r.read
    .map((v, i) => {
      const val = `${v.label} ${formatValue(v.value, f.format, lang)}`;
      return i === 0 ? val : `${val} (${formatTimes(r.results[i - 1], lang)})`;
    })
    .join(' → ');
  const from = r.read[1]?.label ?? '–';
  const range = rangeText(lang, x, (v) => formatTimes(v, lang));
  return (
    t(lang, 'story.testTrend', { label, chain: chain || '–', from, range }) +
    (x.few !== undefined ? t(lang, 'story.testFew', { few: x.few }) : '')
  );
}

/** "✓ holds", "✗ does not hold", "? not on screen". */
export function holdsText(h: boolean | null, lang: Lang): string {
  return t(lang, h === true ? 'story.holds' : h === false ? 'story.fails' : 'story.noData');
}

function valueText(v: KnobValue, lang: Lang): string {
  if (typeof v === 'boolean') return t(lang, v ? 'on' : 'off');
  if (typeof v === 'number') return v.toLocaleString(locale(lang), { maximumFractionDigits: 6 });
  return String(v);
}

/** A way the run differs from its step, as "Hand-down: On (the step: Off)". */
export function changeText(c: ScenarioChange, lang: Lang): string {
  if (c.name === 'preset') {
    const name = (p: KnobValue) => (PRESETS[String(p)] ? pick(lang, PRESETS[String(p)].title) : String(p));
    return t(lang, 'story.changeItem', { name: t(lang, 'story.presetName'), run: name(c.run), step: name(c.step) });
  }
  if (c.name === 'seed') return t(lang, 'story.changeItem', { name: t(lang, 'story.seedName'), run: String(c.run), step: String(c.step) });
  if (c.name === 'timeline') {
    const n = (v: KnobValue) => t(lang, 'story.nChanges', { n: String(v) });
    return t(lang, 'story.changeItem', { name: t(lang, 'story.timelineName'), run: n(c.run), step: n(c.step) });
  }
  const label = KNOB_LABELS[c.name as keyof typeof KNOB_LABELS]?.[lang] ?? c.name;
  return t(lang, 'story.changeItem', { name: label, run: valueText(c.run, lang), step: valueText(c.step, lang) });
}
