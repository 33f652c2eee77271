/**
 * The app's one translation helper, `t(lang, key, vars)`, over one table per area (ui/i18n/):
 * the app shell's keys bare (`'copyLink'`), the others behind their area (`'exp.run'`,
 * `'story.next'`, `'chart.noData'`, `'chartTitle.kind'`, `'series.hotline'`, `'grade.pass'`,
 * `'district.title'`, `'districtMetric.norm'`, `'village.hall'`). Keys are typed from the
 * tables, so a missing or misspelt key does not compile. Texts that come with the data (knob,
 * metric and preset texts of the schema, {en, zh}) are read with `pick`. Placeholders are {name}.
 */
import { APP } from './i18n/app.ts';
import { CHART_TITLE, CHART_UI, GRADE, SERIES } from './i18n/charts.ts';
import { COMPARE } from './i18n/compare.ts';
import { EXPERIMENTS } from './i18n/experiments.ts';
import { STORY } from './i18n/story.ts';
import { TIMELINE } from './i18n/timeline.ts';
import type { Lang, Text } from './i18n/text.ts';
import { DISTRICT, DISTRICT_METRIC, VILLAGE } from './i18n/views.ts';

export type { Lang, Text } from './i18n/text.ts';
export const LANGS: readonly Lang[] = ['en', 'zh'];
const STORAGE_KEY = 'hotline-lab.lang';

/** The tables behind an area prefix. */
const AREAS = {
  exp: EXPERIMENTS,
  story: STORY,
  chart: CHART_UI,
  chartTitle: CHART_TITLE,
  series: SERIES,
  grade: GRADE,
  district: DISTRICT,
  districtMetric: DISTRICT_METRIC,
  village: VILLAGE,
  tl: TIMELINE,
  cmp: COMPARE,
} as const;
type Areas = typeof AREAS;

/** Every key `t` knows: the app shell's, and `area.key` for the others. */
export type MessageKey = keyof typeof APP | { [A in keyof Areas]: `${A}.${Extract<keyof Areas[A], string>}` }[keyof Areas];

/** All tables in one map, keys as `t` takes them. */
const TEXTS = new Map<string, Text>(Object.entries(APP));
for (const [area, table] of Object.entries(AREAS)) for (const [k, v] of Object.entries(table)) TEXTS.set(`${area}.${k}`, v);

/** Translate a key, filling {placeholders} from `vars` (one pass; a placeholder without a value stays). */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = TEXTS.get(key);
  const s = text ? (text[lang] ?? text.en) : key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] === undefined ? m : String(vars[k]))) : s;
}

/** Is there a text for this key? (For keys built from data: a series or metric name.) */
export function hasText(key: string): key is MessageKey {
  return TEXTS.has(key);
}

/** Pick the language-specific text of a schema field ({en, zh}). */
export function pick(lang: Lang, text: { en: string; zh: string } | undefined): string {
  if (!text) return '';
  return text[lang] || text.en;
}

export function isLang(x: unknown): x is Lang {
  return x === 'en' || x === 'zh';
}

/** The remembered language, or one guessed from the browser. */
export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (isLang(v)) return v;
  } catch {
    /* storage may be blocked (private mode, sandboxed iframe) */
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* ignore: remembering is a convenience */
  }
}

/** Format a number for display in the given language. */
export function fmt(lang: Lang, x: number, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
